"""Occupations in every command, with the bundled O*NET extract (29.2): show, list, search, bookmark, compare,
gap, suggest --why, export and where, through the installed command and in-process."""

from __future__ import annotations

import json

import pytest

CREDIT = (
    "This product includes information from the O*NET 29.2 Database by the U.S. Department of Labor, Employment "
    "and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license."
)
ONET_KEYS = [
    "code", "credit", "education", "interests", "job_zone", "related", "tasks", "technologies", "title", "version"
]  # fmt: skip


def flat(text: str) -> str:
    """Rendered text with its line breaks and padding made single spaces (the credit wraps on a page)."""
    return " ".join(text.split())


def test_show_role_json_carries_the_linked_occupation(career):
    result = career("show", "backend-developer", "--json")
    assert (result.code, result.err) == (0, "")
    onet = json.loads(result.out)["role"]["onet"]
    assert sorted(onet) == ONET_KEYS
    assert (onet["code"], onet["title"], onet["version"], onet["job_zone"]) == (
        "15-1252.00",
        "Software Developers",
        "29.2",
        4,
    )
    assert (len(onet["tasks"]), len(onet["technologies"]), len(onet["related"])) == (19, 425, 20)
    assert sum(t["hot"] for t in onet["technologies"]) == 151
    assert next(t for t in onet["technologies"] if t["name"] == "Amazon Web Services AWS software") == {
        "name": "Amazon Web Services AWS software",
        "hot": True,
        "in_demand": True,
        "skill": "aws",
    }
    assert onet["related"][0] == {
        "code": "15-1299.08",
        "title": "Computer Systems Engineers/Architects",
        "tier": "Primary-Short",
        "role": "software-architect",
    }
    assert onet["credit"].startswith(CREDIT)


def test_a_role_without_a_link_has_a_null_onet(cli):
    from careercli.stored.load import load_catalog

    role = next(r for r in load_catalog().roles.values() if r.onet == "none")
    result = cli("show", role.slug, "--json")
    assert result.code == 0
    assert json.loads(result.out)["role"]["onet"] is None


def test_show_role_page_has_the_section_and_the_credit(cli):
    result = cli("show", "backend-developer", tty=True)
    assert result.code == 0
    page = flat(result.out)
    assert "Official facts (O*NET) 15-1252.00 Software Developers" in page
    assert "Job zone 4 - Considerable Preparation Needed" in page
    assert "15-1253.00 Software Quality Assurance Analysts and Testers ◆ career show qa-engineer" in page
    assert "In demand Amazon Web Services AWS software," in page
    assert "(in demand)" not in page  # said once, in the legend
    assert CREDIT in page


@pytest.mark.parametrize("fmt", ["markdown", "svg", "html"])
def test_show_role_other_formats_carry_the_facts_and_credit(cli, fmt):
    result = cli("show", "backend-developer", "--format", fmt)
    assert result.code == 0
    assert "15-1252.00" in result.out
    assert "USDOL/ETA" in result.out
    if fmt == "markdown":
        assert "## Official facts (O\\*NET 15-1252.00): Software Developers" in result.out
        assert "*This product includes information from the O\\*NET 29.2 Database" in result.out


@pytest.mark.parametrize("query", ["15-1252.00", "15-1252", "software developers", "Software Developers"])
def test_an_occupation_is_a_page_of_its_own(career, query):
    result = career("show", query, env={"COLUMNS": "100"})
    assert (result.code, result.err) == (0, "")
    assert result.out.startswith("Software Developers  15-1252.00  occupation (O*NET)\n")
    page = flat(result.out)
    assert "Software Developers" in page
    assert "15-1252.00" in page
    data = json.loads(career("show", query, "--json").out)["occupation"]
    assert (data["kind"], data["code"], data["job_zone"], len(data["related"])) == ("occupation", "15-1252.00", 4, 20)
    assert data["description"].startswith("Research, design, and develop computer and network software")
    assert data["bookmark"] is None
    assert data["credit"].startswith(CREDIT)


def test_occupation_page_layout(cli):
    result = cli("show", "actuary", tty=True)
    assert result.code == 0
    lines = [line.rstrip() for line in result.out.splitlines()]
    assert lines[0] == "Actuaries  15-2011.00  occupation (O*NET)"
    assert lines[1].startswith("Also called: Actuarial Analyst, Actuarial Associate,")  # its other titles
    assert lines[lines.index("") + 1].startswith("Analyze statistical data, such as mortality")
    assert "Official facts (O*NET) 15-2011.00 Actuaries" in lines
    assert CREDIT in flat(result.out)
    markdown = cli("show", "15-2011.00", "--format", "markdown").out
    assert markdown.startswith("# Actuaries\n\n*Occupation 15-2011.00 (O\\*NET)*\n")
    assert "*This product includes information from the O\\*NET 29.2 Database" in markdown


def test_unknown_names_suggest_roles_and_occupations(career):
    result = career("show", "actuar")
    assert (result.code, result.out) == (1, "")
    assert result.err == "career: unknown role or occupation 'actuar'; did you mean 'Actuaries' (15-2011.00)?\n"
    unknown = career("show", "99-9999.00")
    assert unknown.code == 1
    assert unknown.err.startswith("career: no occupation 99-9999.00 in the O*NET 29.2 data\n")


def test_list_occupations_by_group(career):
    groups = career("list", "--occupations")
    assert groups.code == 0
    assert groups.out.splitlines()[:3] == [
        "11\tManagement Occupations\t18",
        "13\tBusiness and Financial Operations Occupations\t22",
        "15\tComputer and Mathematical Occupations\t38",
    ]
    rows = career("list", "--group", "15").out.splitlines()
    assert len(rows) == 38
    assert rows[2] == "15-1212.00\tInformation Security Analysts\tsecurity-analyst"
    assert "15-1252.00\tSoftware Developers\tbackend-developer,android-developer,ios-developer," in "\n".join(rows)
    data = json.loads(career("list", "-g", "15-0000", "--json").out)["occupations"]
    assert (data["group"], data["title"], data["version"]) == ("15", "Computer and Mathematical Occupations", "29.2")
    assert data["occupations"][0] == {"code": "15-1211.00", "title": "Computer Systems Analysts", "role": None,
                                      "roles": []}  # fmt: skip
    assert data["credit"].startswith(CREDIT)
    assert json.loads(career("list", "-o", "--json").out)["groups"][2] == {
        "group": "15",
        "title": "Computer and Mathematical Occupations",
        "occupations": 38,
    }


def test_list_occupations_errors(career):
    missing = career("list", "--group", "99")
    assert (missing.code, missing.out) == (1, "")
    assert missing.err.splitlines() == [
        "career: no occupations of SOC group '99' in the O*NET data",
        "career: groups with occupations: 11, 13, 15, 17, 19, 21, 25, 27, 29, 33, 41, 43, 47, 49, 51",
    ]
    both = career("list", "-o", "--category", "data")
    assert both.code == 2
    assert both.err.startswith("career: --category lists roles; --occupations and --group list occupations")


def test_list_group_table_has_the_credit(cli):
    result = cli("list", "--group", "15", tty=True)
    assert result.code == 0
    assert "Information Security Analysts" in result.out
    assert "◆ security-analyst" in result.out
    assert CREDIT in flat(result.out)


def test_search_kinds(career):
    only = career("search", "actuary", "--kind", "occupation")
    assert only.code == 0
    assert only.out == (
        "occupation\t15-2011.00\t25.10\tActuaries\talso called: Actuary\n"
        "occupation\t43-9111.00\t9.90\tStatistical Assistants\talso called: Actuary Clerk\n"
    )
    everything = career("search", "kubernetes", "-n", "0").out.splitlines()
    kinds = [line.split("\t")[0] for line in everything]
    assert kinds[0] == "skill"
    assert "occupation" in kinds
    first = kinds.index("occupation")
    assert set(kinds[first:]) == {"occupation"}  # every occupation after every curated result here
    assert len(kinds) - first == 10
    roles = career("search", "kubernetes", "--kind", "role", "-n", "0").out.splitlines()
    assert roles
    assert all(line.startswith("role\t") for line in roles)
    none = career("search", "backend", "--kind", "occupation")
    assert (none.code, none.out) == (0, "")
    assert none.err == "No occupation matches 'backend'; it matches 1 role: try 'career search backend'.\n"


def test_bookmark_an_occupation(career, isolated_home):
    added = career("bookmark", "add", "15-1252.00", "--note", "the official one")
    assert (added.code, added.out) == (0, "Bookmarked Software Developers (15-1252.00).\n")
    assert career("bookmark", "add", "actuary").out == "Bookmarked Actuaries (15-2011.00).\n"
    listed = career("bookmark", "list").out.splitlines()
    assert [line.split("\t")[:2] for line in listed] == [["15-1252.00", "Software Developers"],
                                                         ["15-2011.00", "Actuaries"]]  # fmt: skip
    data = json.loads(career("bookmark", "list", "--json").out)["bookmarks"]
    assert (data[0]["role"], data[0]["name"], data[0]["note"]) == (
        "15-1252.00",
        "Software Developers",
        "the official one",
    )
    shown = json.loads(career("show", "15-1252.00", "--json").out)["occupation"]["bookmark"]
    assert shown["note"] == "the official one"
    removed = career("bookmark", "remove", "15-2011.00")
    assert (removed.code, removed.out) == (0, "Removed the bookmark for 15-2011.00.\n")


def test_export_includes_official_facts_with_the_credit(career, tmp_path):
    career("bookmark", "add", "backend-developer")
    career("bookmark", "add", "15-2011.00")
    target = tmp_path / "profile.md"
    assert career("export", "-o", str(target)).code == 0
    text = target.read_text(encoding="utf-8")
    assert "## Official occupation facts (O\\*NET)" in text
    assert "Bookmarked as: `backend-developer`" in text
    assert "### Official facts (O\\*NET 15-1252.00): Software Developers" in text
    assert "### Official facts (O\\*NET 15-2011.00): Actuaries" in text
    assert "### Actuaries" in text  # the bookmarked occupation is named among the bookmarks
    # one release: its credit line once, closing the section
    assert text.count("*This product includes information from the O\\*NET 29.2 Database") == 1
    assert text.rstrip().endswith("has not approved, endorsed, or tested these modifications.*")


def test_export_without_linked_bookmarks_has_no_facts(cli):
    cli("skills", "add", "python")
    text = cli("export").out
    assert "O\\*NET" not in text


def test_compare_gap_and_why_accept_an_occupation(career):
    gap = json.loads(career("gap", "15-1252.00", "--have", "python", "--json").out)["gap"]
    assert (gap["role"], gap["name"], gap["have"]) == ("15-1252.00", "Software Developers", ["python"])
    assert gap["missing"][:3] == ["aws", "c", "csharp"]
    assert gap["credit"].startswith(CREDIT)
    compared = career("compare", "backend-developer", "15-1252.00", "--json")
    assert compared.code == 0
    data = json.loads(compared.out)["compare"]
    assert [r["slug"] for r in data["roles"]] == ["backend-developer", "15-1252.00"]
    assert "python" in data["shared"]
    why = career("suggest", "--have", "python,sql", "--why", "15-1252.00", "--json")
    assert why.code == 0
    assert json.loads(why.out)["why"]["role"] == "15-1252.00"
    page = career("gap", "actuary", "--have", "python", env={"COLUMNS": "100"})
    assert page.code == 0
    assert CREDIT in flat(page.out)
    plain = career("gap", "backend-developer", "--have", "python", env={"COLUMNS": "100"})
    assert "USDOL" not in plain.out


def test_paths_show_the_onet_import(career, isolated_home):
    from pathlib import Path

    fixture = Path(__file__).parent / "fixtures" / "onet" / "29.2"
    target = isolated_home / "data" / "careercli" / "onet" / "onet.sqlite"
    before = json.loads(career("where", "--json").out)["paths"]
    assert (before["onet_import"], before["onet_release"]) == (str(target), "none")
    assert career("data", "import-onet", str(fixture)).code == 0
    after = json.loads(career("where", "--json").out)["paths"]
    assert after["onet_release"] == "29.2"
    assert career("show", "backend-developer", "--json").code == 0


def test_gap_and_plan_refuse_an_occupation_the_catalogue_cannot_measure(career):
    nurse = career("gap", "29-1141.00", "--have", "")
    assert (nurse.code, nurse.out) == (1, "")
    assert nurse.err.splitlines() == [
        "career: careercli cannot measure a gap to Registered Nurses (29-1141.00): only 2 of its 16 hot and"
        " in-demand technologies are careercli skills",
        "career: 'career show 29-1141.00' gives its O*NET facts.",
    ]
    accountant = career("plan", "13-2011.00", "--json")  # 5 of 38 map: Excel, R, SQL, Swift, Tableau
    assert (accountant.code, accountant.out) == (1, "")
    assert "only 5 of its 38 hot and in-demand technologies" in accountant.err
    statistician = career("gap", "15-2041.00", "--have", "python", "--json")  # 8 of 27 map: measured
    assert statistician.code == 0
    assert json.loads(statistician.out)["gap"]["have"] == ["python"]
    assert career("compare", "backend-developer", "29-1141.00").code == 0  # the facts side by side still work
