"""Occupation queries and their presenters over the real-row fixture; the bundled extract and its cache."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from rich.console import Console

from careercli.onet import bundled as onet_bundled
from careercli.onet import db as onet_db
from careercli.onet.release import Release
from careercli.presenters import occupation_facts as view
from careercli.queries import occupations as occ

FIXTURE = Path(__file__).parent / "fixtures" / "onet" / "29.2"


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("onet") / "onet.sqlite"
    with Release(FIXTURE) as release:
        onet_db.build(release, path)
    return onet_db.connect(path)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("15-1252.00", [("15-1252.00", "code")]),
        ("15-1252", [("15-1252.00", "code")]),
        ("  software-DEVELOPERS ", [("15-1252.00", "title")]),
        ("cloud engineer", [("15-1299.08", "alternate")]),
        ("IT  director", [("11-3021.00", "alternate")]),  # a short title
        ("15-9999.00", []),
        ("astronaut", []),
    ],
)
def test_find(db, query, expected):
    assert [(m.code, m.kind) for m in occ.find(db, query)] == expected


def test_search_titles_then_other_titles_then_technologies(db):
    assert [(m.code, m.kind, m.matched) for m in occ.search(db, "software")] == [
        ("15-1252.00", "title", "Software Developers"),
        ("15-1211.00", "technology", "Access management software"),
    ]
    assert [(m.code, m.kind) for m in occ.search(db, "engineer")] == [
        ("15-1299.08", "title"),
        ("15-1252.00", "alternate"),
    ]
    assert [(m.code, m.kind, m.matched) for m in occ.search(db, "kubernetes")] == [
        ("15-1252.00", "technology", "Kubernetes")
    ]
    assert occ.search(db, "%") == []


def test_by_group(db):
    assert [m.code for m in occ.by_group(db, "15")] == ["15-1211.00", "15-1252.00", "15-1299.08"]
    assert len(occ.by_group(db)) == 5
    assert occ.by_group(db, "1%") == []


def test_detail_of_software_developers(db):
    skills = occ.skill_index({"Python": "python", "Java": "java", "aws": "aws", "K8s": "kubernetes"})
    page = occ.detail(db, "15-1252", skills)
    assert page is not None
    assert (page.code, page.title, page.version) == ("15-1252.00", "Software Developers", "29.2")
    assert page.job_zone is not None
    assert (page.job_zone.zone, view.zone_meaning(page)) == (4, "4 - Considerable Preparation Needed")
    assert page.education is None  # O*NET 29.2 has no education rows for this occupation
    assert len(page.tasks) == 6
    assert {t.core for t in page.tasks} == {None}
    by_name = {t.name: t for t in page.technologies}
    assert (by_name["Python"].hot, by_name["Python"].in_demand, by_name["Python"].skill) == (True, True, "python")
    assert by_name["Oracle Java"].skill == "java"  # the curated table
    assert by_name["Amazon Web Services AWS software"].skill == "aws"
    assert by_name["Atlassian JIRA"].skill is None
    # related occupations not in the database (15-1251.00 here) are left out
    assert [(r.code, r.title, r.tier) for r in page.related] == [
        ("15-1299.08", "Computer Systems Engineers/Architects", "Primary-Short"),
        ("15-1211.00", "Computer Systems Analysts", "Primary-Short"),
        ("11-3021.00", "Computer and Information Systems Managers", "Supplemental"),
    ]
    assert page.credit.startswith("This product includes information from the O*NET 29.2 Database by the U.S.")
    assert occ.detail(db, "99-9999.00") is None


def test_curated_table_skills_only_count_when_the_catalogue_has_them():
    assert "java" not in occ.skill_index({"python": "python"}).values()


def test_json_object(db):
    page = occ.detail(db, "15-1211.00", occ.skill_index({"sql": "sql"}))
    data = view.as_json(page)
    assert list(data) == [
        "code",
        "title",
        "version",
        "job_zone",
        "education",
        "interests",
        "tasks",
        "technologies",
        "related",
        "credit",
    ]
    assert (data["code"], data["job_zone"], data["education"]) == (
        "15-1211.00",
        3,
        "Associate's Degree (or other 2-year degree)",
    )
    assert data["tasks"][0] == {
        "text": "Troubleshoot program and system malfunctions to restore normal functioning.",
        "core": True,
    }
    assert data["technologies"][0] == {"name": "3M Post-it App", "hot": False, "in_demand": False, "skill": None}
    software = view.as_json(occ.detail(db, "15-1252.00", occ.skill_index({"sql": "sql"})))
    assert {"name": "Structured query language SQL", "hot": True, "in_demand": True, "skill": "sql"} in software[
        "technologies"
    ]
    assert software["education"] is None
    assert data["related"][0] == {
        "code": "15-1252.00",
        "title": "Software Developers",
        "tier": "Primary-Short",
        "role": None,
    }
    marked = view.as_json(occ.detail(db, "15-1211.00"), {"15-1252.00": "backend-developer"})
    assert [(r["code"], r["role"]) for r in marked["related"]] == [
        ("15-1252.00", "backend-developer"),
        ("15-1299.08", None),
        ("11-3021.00", None),
    ]


def render(renderable) -> str:
    out = io.StringIO()
    Console(file=out, width=100, color_system=None).print(renderable)
    return out.getvalue()


def test_terminal_section_marks_curated_roles_and_credits(db):
    text = render(view.section(occ.detail(db, "15-1211.00"), {"15-1252.00": "backend-developer"}))
    assert "Official facts (O*NET) 15-1211.00 Computer Systems Analysts" in text
    assert "3 - Medium Preparation Needed" in text
    assert "Associate's Degree (or other 2-year degree) (51% of respondents)" in text
    assert "• Troubleshoot program and system malfunctions to restore normal functioning." in text
    assert "Hot technologies" not in text  # none of its fixture technologies is hot
    software = " ".join(render(view.section(occ.detail(db, "15-1252.00"))).split())
    assert "In demand Amazon Web Services AWS software," in software
    assert "Hot Adobe Acrobat," in software  # hot, not in demand: on the other line
    assert "(in demand)" not in software
    lines = {line.split()[0]: line for line in text.splitlines() if line.strip().startswith("1")}
    assert "◆ career show backend-developer" in lines["15-1252.00"]
    assert "◆" not in lines["15-1299.08"]
    assert "O*NET 29.2 Database" in " ".join(text.split())


def test_markdown_section_escapes_and_credits(db):
    text = view.markdown(occ.detail(db, "15-1252.00"), {"15-1211.00": "systems-analyst"})
    assert text.startswith("### Official facts (O\\*NET 15-1252.00): Software Developers\n")
    assert "**Tasks:**" in text  # none is marked core in 29.2
    assert "- 15-1211.00 Computer Systems Analysts (◆ curated role `systems-analyst`)" in text
    assert "- **Education:** not reported" in text
    assert "O\\*NET 29.2 Database" in text


def test_current_prefers_the_users_import(isolated_home):
    bundled = onet_bundled.current()
    assert bundled is not None
    assert occ.find(bundled, "15-1252.00")[0].title == "Software Developers"
    assert occ.version(bundled) == "29.2"
    assert len(occ.by_group(bundled, "15")) == 38  # the shipped extract holds all of group 15
    with Release(FIXTURE) as release:
        onet_db.build(release, onet_db.user_db_path())
    assert onet_db.user_db_path() == isolated_home / "data" / "careercli" / "onet" / "onet.sqlite"
    mine = onet_bundled.current()
    assert len(occ.by_group(mine)) == 5
