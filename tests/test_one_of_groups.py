"""A role's "one of" groups (one server-side language of six, one cloud provider of two) are one unit wherever
key skills appear: ``show`` in text, Markdown and JSON, ``compare``, ``path``, ``gap``, ``plan`` and the export,
whose plan for a role is ``career plan``'s, step for step. Everything runs through the installed command."""

from __future__ import annotations

import json
import re

import pytest

LANGUAGES = "server-side language: one of Python, Java, Go, C#, Ruby, Node.js"
BACKEND_UNITS = [
    LANGUAGES,
    "SQL",
    "PostgreSQL",
    "NoSQL Databases",
    "REST APIs",
    "Authentication and Authorization",
    "Web Security",
    "Data Protection and Privacy",
    "Caching",
    "Docker",
    "Cloud Hosting",
    "Software Testing",
    "Git",
]


def _section(page: str, start: str, end: str) -> list[str]:
    """The lines of a page between two headings, stripped, without blank ones."""
    body = page[page.index(start) + len(start) : page.index(end)]
    return [line.strip() for line in body.splitlines() if line.strip()]


def test_show_lists_a_group_as_one_key_skill(career) -> None:
    page = career("show", "backend-developer", env={"COLUMNS": "200"})
    assert page.code == 0
    lines = _section(page.out, "\nKey skills\n", "\nBooks by fit")
    assert re.split(r"\s*·\s*", " ".join(lines)) == BACKEND_UNITS


def test_show_markdown_lists_one_item_a_unit(career) -> None:
    page = career("show", "backend-developer", "--format", "markdown")
    assert _section(page.out, "## Key skills", "## Recent books") == [f"- {unit}" for unit in BACKEND_UNITS]


def test_show_json_names_each_skills_group(career) -> None:
    role = json.loads(career("show", "qa-engineer", "--json").out)["role"]
    assert role["skill_groups"] == [
        {"name": "automation language", "skills": ["python", "javascript"]},
        {"name": "browser automation", "skills": ["playwright", "selenium"]},
    ]
    groups = {s["id"]: s["group"] for s in role["key_skills"]}
    assert groups["selenium"] == "browser automation"
    assert groups["testing"] is None


def test_compare_counts_a_group_shared_through_one_member_once(career) -> None:
    page = career("compare", "backend-developer", "data-engineer", env={"COLUMNS": "200"}).out
    assert f"✓ {LANGUAGES}" in page
    assert not re.search(r"• (Java|Go|C#|Ruby|Node\.js)\b", page)  # not five languages of the back end's own
    assert "Shared key skills: Python, SQL, Cloud Hosting, Git" in page
    data = json.loads(career("compare", "backend-developer", "data-engineer", "--json").out)["compare"]
    backend = data["roles"][0]
    assert backend["units"][0] == {
        "group": "server-side language",
        "skills": ["python", "java", "go", "csharp", "ruby", "nodejs"],
        "shared_with": ["data-engineer"],
    }
    assert not {"java", "go", "csharp", "ruby", "nodejs"} & set(backend["only"])
    assert data["shared"] == ["python", "sql", "cloud-hosting", "git"]


def test_compare_shows_a_group_no_other_role_has_as_one_line(career) -> None:
    page = career("compare", "backend-developer", "frontend-developer", env={"COLUMNS": "200"}).out
    assert page.count(f"• {LANGUAGES}") == 1
    assert "• component framework: one of React, Vue.js" in page
    assert not re.search(r"• Java\s*│", page)
    groups = json.loads(career("compare", "data-analyst", "bi-analyst", "--json", env={"COLUMNS": "200"}).out)
    assert groups["compare"]["roles"][1]["units"][1]["shared_with"] == ["data-analyst"]
    page = career("compare", "data-analyst", "bi-analyst", env={"COLUMNS": "200"}).out
    assert "; BI tool: one of Power BI, Tableau;" in page  # the group's own commas do not blur the shared units


def test_path_adds_a_group_as_one_unit(career) -> None:
    page = career("path", "backend-developer", env={"COLUMNS": "200"}).out
    row = next(line for line in page.splitlines() if line.strip().startswith("QA / Test Automation Engineer"))
    assert row.split("Engineer", 1)[1].strip().startswith(LANGUAGES + "; PostgreSQL; ")
    came = json.loads(career("path", "backend-developer", "--json").out)["path"]["comes_from"][0]
    assert came["adds_units"][0] == {"group": "server-side language",
                                     "skills": ["python", "java", "go", "csharp", "ruby", "nodejs"]}  # fmt: skip
    assert len(came["adds_units"]) == 9


def test_path_counts_a_group_covered_when_the_role_before_has_a_member(career) -> None:
    # a platform engineer needs "Go or Python", as the SRE before them does: nothing to add there
    leads = json.loads(career("path", "site-reliability-engineer", "--depth", "1", "--json").out)["path"]["leads_to"]
    platform = next(step for step in leads if step["slug"] == "platform-engineer")
    assert not {"go", "python"} & set(platform["adds"])


def test_gap_lists_what_it_counts(career) -> None:
    page = career("gap", "backend-developer", "--have", "java,python,sql", env={"COLUMNS": "200"}).out
    assert "you cover 2 of 13 key skills" in page
    assert "Have: server-side language: Python, Java; SQL" in page


NURSE = "29-1141.00"


@pytest.fixture
def profile(career) -> list[str]:
    """A learner with SQL who bookmarked three roles with groups, an occupation the catalogue can measure and
    one it cannot (a nurse: 2 of 16 technologies map)."""
    assert career("skills", "add", "sql").code == 0
    marks = ["backend-developer", "qa-engineer", "site-reliability-engineer", "15-1252.00", NURSE]
    for mark in marks:
        assert career("bookmark", "add", mark).code == 0
    return marks


def _export_section(export: str, title: str) -> str:
    section = export[export.index(f"### {title}\n") + 1 :]
    return section[: section.index("\n### ")] if "\n### " in section else section


def _expected_line(number: int, step: dict, names: dict[str, str]) -> str:
    label = "one of: " + ", ".join(names[s] for s in step["choices"]) if step["choices"] else step["name"]
    return f"{number}. **{label}**"


def test_the_export_has_career_plans_plan_for_every_bookmark(career, profile) -> None:
    export = career("export", "--full")
    assert export.code == 0
    for mark in profile[:-1]:
        plan = json.loads(career("plan", mark, "--json").out)["plan"]
        role = json.loads(career("show", mark, "--json").out)
        names = {s["id"]: s["name"] for s in role["role"]["key_skills"]} if "role" in role else {}
        section = _export_section(export.out, plan["name"])
        lines = [line for line in section.splitlines() if re.match(r"\d+\. ", line)]
        assert len(lines) == len(plan["plan"]), mark
        for number, (line, step) in enumerate(zip(lines, plan["plan"], strict=True), start=1):
            assert line.startswith(_expected_line(number, step, names)), (mark, line)
            assert line.endswith(f"({'; '.join(step['reasons'])})"), (mark, line)
            assert (": start with *" in line) == (step["first_book"] is not None), (mark, line)


def test_the_export_lists_groups_as_units(career, profile) -> None:
    section = _export_section(career("export").out, "Back-End Developer")
    assert "- **Skills I have:** SQL\n" in section
    assert f"- **Skills to learn:** {LANGUAGES}; PostgreSQL; NoSQL Databases; " in section
    qa = _export_section(career("export").out, "QA / Test Automation Engineer")
    assert "automation language: one of Python, JavaScript; " in qa


def test_the_export_says_why_it_has_no_plan_for_an_occupation_it_cannot_measure(career, profile) -> None:
    refused = career("plan", NURSE)
    assert refused.code == 1
    section = _export_section(career("export").out, "Registered Nurses")
    reason = refused.err.splitlines()[0].removeprefix("career: ")
    assert f"- **Gap:** {reason}, so there is no plan\n" in section
    assert "#### Learning plan" not in section
    assert "Coverage" not in section
    assert "Skills to learn" not in section


def test_suggest_why_names_each_group(career) -> None:
    page = career("suggest", "--have", "sql,git", "--why", "qa-engineer", env={"COLUMNS": "120"}).out
    assert re.search(r"browser automation: one of Playwright, Selenium +1 +missing", page)
