"""Occupations below the CLI: lookup order, role pages, search hits, SOC groups, occupations as gap targets,
and the export's official facts; over the real-row fixture and the bundled extract."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from rich.console import Console

from careercli.errors import NotFoundError
from careercli.onet import bundled as onet_bundled
from careercli.onet import db as onet_db
from careercli.onet.groups import MAJOR_GROUPS
from careercli.onet.release import Release
from careercli.presenters import occupation_facts as view
from careercli.queries import lookup as lk
from careercli.queries import occupation_lists as lists
from careercli.queries import occupations as occ
from careercli.queries.compare import compare
from careercli.queries.gap import role_gap
from careercli.queries.search import search
from careercli.queries.search_index import Hit, build_index
from careercli.stored.load import load_catalog

FIXTURE = Path(__file__).parent / "fixtures" / "onet" / "29.2"


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


@pytest.fixture(scope="module")
def fixture_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("onet") / "onet.sqlite"
    with Release(FIXTURE) as release:
        onet_db.build(release, path)
    return onet_db.connect(path)


@pytest.fixture
def bundled():
    return onet_bundled.current()  # no import in the test's data folder: the bundled extract


def opener(db):
    calls = []

    def open_db():
        calls.append(1)
        return db

    return open_db, calls


# -- lookup ---------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("query", "kind", "ident"),
    [
        ("backend-developer", "role", "backend-developer"),
        ("information security analyst", "role", "security-analyst"),  # a role alias wins over O*NET's title
        ("Information Security Analysts", "occupation", "15-1212.00"),  # the exact title, which no role has
        ("actuary", "occupation", "15-2011.00"),  # an alternate title
        ("software developers", "occupation", "15-1252.00"),
        ("15-1252.00", "occupation", "15-1252.00"),
        ("15-1252", "occupation", "15-1252.00"),
    ],
)
def test_lookup_order_role_first_then_occupation(catalog, bundled, query, kind, ident):
    target = lk.lookup(catalog, query, lambda: bundled)
    assert (target.kind, target.id) == (kind, ident)


def test_a_curated_role_never_opens_the_database(catalog):
    open_db, calls = opener(None)
    assert lk.lookup(catalog, "Backend Developer", open_db).title == "Back-End Developer"
    assert calls == []
    with pytest.raises(NotFoundError, match="unknown role 'actuary'"):
        lk.lookup(catalog, "actuary", open_db)  # no O*NET data at all: the role resolver's message
    assert calls == [1]


def test_unknown_names_suggest_roles_and_occupation_titles(catalog, bundled):
    with pytest.raises(NotFoundError) as error:
        lk.lookup(catalog, "softwre developrs", lambda: bundled)
    assert str(error.value) == (
        "unknown role or occupation 'softwre developrs'; did you mean 'Software Developers' (15-1252.00) "
        "or 'software-engineer'?"
    )
    with pytest.raises(NotFoundError) as error:
        lk.lookup(catalog, "xyzzy", lambda: bundled)
    assert str(error.value) == "unknown role or occupation 'xyzzy'; try 'career search xyzzy'"
    with pytest.raises(NotFoundError) as error:
        lk.lookup(catalog, "15-9999.00", lambda: bundled)
    assert str(error.value) == (
        "no occupation 15-9999.00 in the O*NET 29.2 data\n"
        "'career data import-onet PATH' adds every occupation of an O*NET release"
    )
    with pytest.raises(NotFoundError, match="'data' matches several roles: 'data-analyst', "):
        lk.lookup(catalog, "data", lambda: bundled)  # ambiguous among roles and no occupation: the role list


def test_a_title_of_several_occupations_asks_for_the_code(catalog, bundled):
    codes = [m.code for m in occ.find(bundled, "editor")]
    assert len(codes) == 2  # a reported title of two occupations in the bundled extract
    with pytest.raises(NotFoundError) as error:
        lk.lookup(catalog, "editor", lambda: bundled)
    message = str(error.value)
    assert message.startswith(f"'editor' is a title of several occupations: {codes[0]} (")
    assert message.endswith(f"name one by its code, e.g. 'career show {codes[0]}'")


# -- a curated role's page ------------------------------------------------------------------------------------
def test_role_page_shows_its_occupation_with_curated_marks(catalog, bundled):
    page = lk.linked_occupation(catalog, catalog.roles["backend-developer"], bundled)
    assert page is not None
    assert (page.code, page.title, page.job_zone.zone) == ("15-1252.00", "Software Developers", 4)
    assert (len(page.tasks), len(page.technologies), len(page.related)) == (19, 425, 20)
    assert sum(t.hot for t in page.technologies) == 151
    curated = lk.curated_roles(catalog)
    assert curated["15-1252.00"] == "backend-developer"  # the first role in the catalogue that links to it
    data = view.as_json(page, curated)
    marked = {r["code"]: r["role"] for r in data["related"] if r["role"]}
    assert marked["15-1299.08"] == "software-architect"
    assert marked["15-1253.00"] == "qa-engineer"
    assert marked["11-3021.00"] == "engineering-manager"
    assert all(set(r) == {"code", "title", "tier", "role"} for r in data["related"])
    text = io.StringIO()
    Console(file=text, width=120, color_system=None).print(view.section(page, curated))
    line = next(x for x in text.getvalue().splitlines() if "15-1253.00" in x)
    assert "◆ career show qa-engineer" in line
    assert "(◆ curated role `qa-engineer`)" in view.markdown(page, curated)
    assert lk.linked_occupation(catalog, catalog.roles["developer-advocate"], bundled) is None  # onet = "none"
    assert lk.linked_occupation(catalog, catalog.roles["backend-developer"], None) is None


# -- search ---------------------------------------------------------------------------------------------------
def test_search_hits_score_titles_over_other_titles_over_technologies(fixture_db):
    assert lists.search_hits(fixture_db, "kubernetes") == [
        Hit("occupation", "15-1252.00", "Software Developers", 3.0, ("technology: Kubernetes",))
    ]
    assert lists.search_hits(fixture_db, "software developers") == [
        Hit("occupation", "15-1252.00", "Software Developers", 40.0, ("title",))
    ]
    assert [(h.id, h.score, h.matched) for h in lists.search_hits(fixture_db, "the cloud engineer")] == [
        ("15-1299.08", 38.0, ("also called: Cloud Engineer",))
    ]
    assert lists.search_hits(fixture_db, "astronaut") == []


def test_kubernetes_finds_occupations_after_the_curated_results(catalog, bundled):
    curated = search(build_index(catalog), "kubernetes", limit=0)
    found = lists.search_hits(bundled, "kubernetes")
    assert len(found) == 10
    assert {h.kind for h in found} == {"occupation"}
    assert "15-1252.00" in {h.id for h in found}
    merged = lists.merge(curated, found)
    assert (merged[0].kind, merged[0].id) == ("skill", "kubernetes")
    kinds = [h.kind for h in merged]
    assert kinds.index("occupation") > max(i for i, k in enumerate(kinds) if k == "role")
    assert len(merged) == len(curated) + 10
    assert len(lists.merge(curated, found, limit=5)) == 5


def test_merge_puts_curated_hits_first_for_equal_scores():
    book = Hit("book", "b", "B", 3.0, ("title",))
    job = Hit("occupation", "15-1252.00", "A", 3.0, ("title",))
    better = Hit("occupation", "15-1211.00", "C", 3.5, ("title",))
    assert lists.merge([book], [job, better]) == [better, book, job]


# -- SOC groups -----------------------------------------------------------------------------------------------
def test_group_listing_names_the_group_and_marks_curated_roles(fixture_db):
    listing = lists.group_listing(fixture_db, "15-0000", {"15-1252.00": "backend-developer"})
    assert (listing.major, listing.title, listing.version) == ("15", "Computer and Mathematical Occupations", "29.2")
    assert [(r.code, r.title, r.role) for r in listing.occupations] == [
        ("15-1211.00", "Computer Systems Analysts", None),
        ("15-1252.00", "Software Developers", "backend-developer"),
        ("15-1299.08", "Computer Systems Engineers/Architects", None),
    ]
    assert view.group_json(listing)["occupations"][1] == {
        "code": "15-1252.00",
        "title": "Software Developers",
        "role": "backend-developer",
        "roles": ["backend-developer"],
    }
    assert listing.credit.startswith("This product includes information from the O*NET 29.2 Database")
    text = io.StringIO()
    Console(file=text, width=100, color_system=None).print(view.group_table(listing))
    assert "15-0000 Computer and Mathematical Occupations" in text.getvalue()
    assert "◆ backend-developer" in text.getvalue()
    assert [(g.major, g.title, g.count) for g in lists.groups(fixture_db)] == [
        ("11", "Management Occupations", 1),
        ("15", "Computer and Mathematical Occupations", 3),
        ("43", "Office and Administrative Support Occupations", 1),
    ]
    assert view.groups_json(lists.groups(fixture_db))[0] == {
        "group": "11",
        "title": "Management Occupations",
        "occupations": 1,
    }


def test_unknown_groups_name_the_groups_there_are(fixture_db, bundled):
    with pytest.raises(NotFoundError) as error:
        lists.group_listing(fixture_db, "55")
    assert str(error.value) == (
        "no occupations of SOC group 55 (Military Specific Occupations) in the O*NET data\n"
        "groups with occupations: 11, 15, 43"
    )
    with pytest.raises(NotFoundError, match="no occupations of SOC group 'computers'"):
        lists.group_listing(fixture_db, "computers")
    assert len(lists.group_listing(bundled, "15").occupations) == 38
    assert len(MAJOR_GROUPS) == 23


# -- an occupation as a role-like target ------------------------------------------------------------------------
def test_gap_against_an_occupation_uses_its_hot_technologies(catalog, fixture_db):
    index = occ.skill_index({"Python": "python", "SQL": "sql", "Java": "java", "Kubernetes": "kubernetes"})
    page = occ.detail(fixture_db, "15-1252.00", index)
    role = lk.as_role(page)
    assert (role.slug, role.name, role.onet) == ("15-1252.00", "Software Developers", "15-1252.00")
    assert role.key_skills == ("kubernetes", "java", "python", "sql")  # all four are hot and in demand: file order
    gap = role_gap(catalog, role, {"python"})
    assert (gap.role, gap.have, gap.missing, gap.total) == ("15-1252.00", ("python",), ("kubernetes", "java", "sql"), 4)
    both = compare(catalog, [catalog.roles["backend-developer"], role])
    assert "python" in both.shared
    assert both.only["15-1252.00"] == ("kubernetes",)  # the back-end role does not list it


def test_role_like_resolves_roles_and_occupations(catalog, bundled):
    assert lk.role_like(catalog, "backend developer", lambda: bundled) is catalog.roles["backend-developer"]
    occupation = lk.role_like(catalog, "15-1252.00", lambda: bundled)
    assert occupation.slug == "15-1252.00"
    assert {"python", "java", "sql", "kubernetes"} <= set(occupation.key_skills)
    gap = role_gap(catalog, occupation, {"python"})
    assert gap.have == ("python",)
    assert gap.total == len(occupation.key_skills)


def test_export_has_the_facts_of_bookmarked_roles_and_occupations_once_each(catalog, bundled):
    ids = ["backend-developer", "15-2011.00", "software-engineer", "developer-advocate", "99-9999.00"]
    facts = lk.official_facts(catalog, ids, bundled)
    assert [(f.occupation.code, f.bookmarks) for f in facts] == [
        ("15-1252.00", ("backend-developer", "software-engineer")),
        ("15-2011.00", ("15-2011.00",)),
    ]
    text = view.export_markdown(facts, lk.curated_roles(catalog))
    assert text.startswith("## Official occupation facts (O\\*NET)\n\nBookmarked as: `backend-developer`, ")
    assert "### Official facts (O\\*NET 15-2011.00): Actuaries" in text
    assert text.count("O\\*NET 29.2 Database") == 1  # one release: its credit line and version once, at the end
    assert text.rstrip().endswith("has not approved, endorsed, or tested these modifications.*")
    assert view.export_markdown(()) == ""
    assert lk.official_facts(catalog, ids, None) == ()
