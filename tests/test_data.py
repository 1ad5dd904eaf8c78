"""The bundled catalog: counts, minimum content, references, ISBNs, dates and provenance.

These tests read the shipped files through the public loader, so a careless edit of data/ fails here with the
same file:line message a user would see.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import tomllib
from collections import Counter
from pathlib import Path

import pytest

from careercli.catalogue.build import Source, build_catalog, bundled_sources
from careercli.catalogue.schema import KEBAB, isbn13_is_valid
from careercli.catalogue.sources import bundled_data_dir
from careercli.errors import DataError
from careercli.model import CATEGORIES, SKILL_KINDS, Catalog

REQUIRED_ROLES = {
    "backend-developer", "frontend-developer", "fullstack-developer", "android-developer", "ios-developer",
    "devops-engineer", "site-reliability-engineer", "platform-engineer", "cloud-architect", "data-engineer",
    "data-analyst", "bi-analyst", "data-scientist", "machine-learning-engineer", "mlops-engineer", "ai-engineer",
    "security-engineer", "devsecops-engineer", "penetration-tester", "qa-engineer", "software-architect",
    "solutions-architect", "database-administrator", "game-developer", "embedded-systems-engineer",
    "blockchain-developer", "ux-designer", "technical-writer", "developer-advocate", "product-manager",
    "engineering-manager", "network-engineer", "systems-administrator",
}  # fmt: skip


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return build_catalog(bundled_sources())


def test_counts(catalog: Catalog) -> None:
    assert len(catalog.roles) >= 32
    assert len(catalog.skills) >= 120
    assert len(catalog.books) >= 220  # issue 25: a teaching book for the steps of every role
    recent = [b for b in catalog.books.values() if b.year is not None and b.year >= 2022]
    assert len(recent) >= 40


def test_every_required_role_is_there(catalog: Catalog) -> None:
    assert set(catalog.roles) >= REQUIRED_ROLES


@pytest.mark.parametrize("slug", sorted(REQUIRED_ROLES))
def test_role_has_minimum_content(catalog: Catalog, slug: str) -> None:
    role = catalog.roles[slug]
    assert len(role.what_they_do.split()) >= 60
    assert len(role.what_to_learn) >= 5
    assert len(role.challenges) >= 3
    assert all(len(c.why.split()) >= 8 for c in role.challenges)
    assert len(role.career_prospects) >= 3
    assert len(role.key_skills) >= 6
    assert len(role.next_roles) >= 2
    assert len(role.related_roles) >= 2
    assert role.category in CATEGORIES
    assert len(role.summary) <= 120
    assert len(catalog.books_for_role(slug)) >= 5


def test_ids_are_unique_kebab_case(catalog: Catalog) -> None:
    raw = {name: tomllib.loads((bundled_data_dir() / f"{name}s.toml").read_text("utf-8")) for name in ("role", "skill")}
    raw["book"] = tomllib.loads((bundled_data_dir() / "books.toml").read_text("utf-8"))
    for table, key in (("role", "slug"), ("skill", "id"), ("book", "id")):
        ids = [entry[key] for entry in raw[table][table]]
        assert [i for i, n in Counter(ids).items() if n > 1] == []
        assert [i for i in ids if not KEBAB.match(i)] == []


def test_every_reference_resolves(catalog: Catalog) -> None:
    for role in catalog.roles.values():
        assert set(role.key_skills) <= set(catalog.skills), role.slug
        assert set(role.next_roles) <= set(catalog.roles), role.slug
        assert set(role.related_roles) <= set(catalog.roles), role.slug
    for book in catalog.books.values():
        newer = [b for b in catalog.books.values() if b.title == book.title and (b.edition or 0) > (book.edition or 0)]
        assert book.roles or newer, book.id  # an old edition leaves the role lists to its newest edition
        assert set(book.roles) <= set(catalog.roles), book.id
        assert set(book.skills) <= set(catalog.skills), book.id
    for skill in catalog.skills.values():
        assert set(skill.prerequisites) <= set(catalog.skills), skill.id


def test_no_unused_skill(catalog: Catalog) -> None:
    used = {s for r in catalog.roles.values() for s in r.key_skills}
    used |= {s for b in catalog.books.values() for s in b.skills}
    used |= {p for s in catalog.skills.values() for p in s.prerequisites}
    assert sorted(set(catalog.skills) - used) == []


def test_skill_kinds_and_names(catalog: Catalog) -> None:
    assert {s.kind for s in catalog.skills.values()} <= set(SKILL_KINDS)
    names = Counter(s.name.casefold() for s in catalog.skills.values())
    assert [n for n, c in names.items() if c > 1] == []


def test_career_path_graph_has_no_dangling_edges_and_every_role_is_connected(catalog: Catalog) -> None:
    edges = {(r.slug, n) for r in catalog.roles.values() for n in r.next_roles}
    assert {n for _, n in edges} <= set(catalog.roles)
    touched = {a for a, _ in edges} | {b for _, b in edges}
    assert touched == set(catalog.roles)


def test_isbns_valid_and_unique(catalog: Catalog) -> None:
    isbns = [b.isbn13 for b in catalog.books.values() if b.isbn13]
    assert [i for i in isbns if not isbn13_is_valid(i)] == []
    assert [i for i, n in Counter(isbns).items() if n > 1] == []


def test_publication_dates_are_real_and_not_in_the_future(catalog: Catalog) -> None:
    today = dt.date.today()
    for book in catalog.books.values():
        if book.published:
            year, _, month = book.published.partition("-")
            assert (int(year), int(month or 1)) <= (today.year, today.month), book.id
            assert int(year) >= 1950, book.id


def test_every_book_has_title_and_provenance(catalog: Catalog) -> None:
    sources = tomllib.loads((bundled_data_dir() / "book-sources.toml").read_text("utf-8"))["source"]
    covered = Counter(s["book"] for s in sources)
    assert sorted(set(catalog.books) - set(covered)) == []
    assert sorted(set(covered) - set(catalog.books)) == []
    for entry in sources:
        assert entry.get("reference") or entry.get("urls") or entry.get("notes"), entry["book"]
        for url in entry.get("urls", []):
            assert re.match(r"https?://", url), url


def test_books_by_title_are_unique_per_edition(catalog: Catalog) -> None:
    keys = Counter((re.sub(r"\W", "", b.title.casefold()), b.edition) for b in catalog.books.values())
    assert [k for k, n in keys.items() if n > 1] == []


# --------------------------------------------------------------------------- careless edits are caught


def _copy_data(tmp_path: Path) -> list[Source]:
    sources = []
    for source in bundled_sources():
        target = tmp_path / source.path.name
        shutil.copy(source.path, target)
        sources.append(Source(target, source.label, "bundled"))
    return sources


def _break(tmp_path: Path, file: str, old: str, new: str) -> tuple[list[str], int]:
    sources = _copy_data(tmp_path)
    path = tmp_path / file
    text = path.read_text("utf-8")
    assert old in text
    line = text[: text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, new, 1), "utf-8")
    with pytest.raises(DataError) as caught:
        build_catalog(sources)
    return caught.value.problems, line


def test_a_broken_skill_reference_in_roles_is_reported_with_its_line(tmp_path: Path) -> None:
    # a skill outside the role's skill groups, so that the typo is the only problem
    problems, line = _break(tmp_path, "roles.toml", '"postgresql", "nosql"', '"postgresl", "nosql"')
    assert problems == [
        f"data/roles.toml:{line}: role 'backend-developer': 'key_skills' names unknown skill 'postgresl' "
        "(did you mean 'postgresql'?)"
    ]


def test_a_broken_role_reference_in_books_is_reported(tmp_path: Path) -> None:
    problems, line = _break(tmp_path, "books.toml", '"backend-developer"', '"backend-develper"')
    assert len(problems) == 1
    assert problems[0].startswith(f"data/books.toml:{line}: book '")
    assert problems[0].endswith("'roles' names unknown role 'backend-develper' (did you mean 'backend-developer'?)")


def test_a_removed_skill_breaks_every_reference_to_it(tmp_path: Path) -> None:
    problems, _ = _break(tmp_path, "skills.toml", 'id = "kubernetes"', 'id = "kubernetes-x"')
    assert problems
    assert all("unknown skill 'kubernetes'" in p for p in problems)
    assert any(p.startswith("data/roles.toml:") for p in problems)


def test_a_missing_summary_names_the_role(tmp_path: Path) -> None:
    sources = _copy_data(tmp_path)
    path = tmp_path / "roles.toml"
    text = path.read_text("utf-8")
    start = text.index('slug = "backend-developer"')
    summary = text.index("summary = ", start)
    end = text.index("\n", summary)
    path.write_text(text[:summary] + text[end + 1 :], "utf-8")
    with pytest.raises(DataError) as caught:
        build_catalog(sources)
    header = text[:start].count("\n")  # the [[role]] line just above the slug
    assert caught.value.problems == [f"data/roles.toml:{header}: role 'backend-developer': missing field 'summary'"]


def test_role_aliases_never_shadow_another_role(catalog: Catalog) -> None:
    from careercli.queries.resolve import normalise

    owners: dict[str, str] = {}
    for role in catalog.roles.values():
        for name in (role.slug, role.name):
            owners.setdefault(normalise(name), role.slug)
    for role in catalog.roles.values():
        for alias in role.aliases:
            key = normalise(alias)
            assert owners.get(key, role.slug) == role.slug, f"{role.slug}: alias {alias!r} is {owners[key]}"
            owners[key] = role.slug
