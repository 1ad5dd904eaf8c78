"""Pay and outlook beyond ``show``: the export, ``compare``, ``gap``, ``plan`` and ``suggest``, and pay by state
(``--state``), through the installed command."""

from __future__ import annotations

import json
import sys
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures" / "bls"
FIGURES = [
    "Median pay: $135,980 a year ($65.38 an hour)",
    "Pay range: $82,460 to $214,670 (10th to 90th percentile)",
    "Employment: 1,687,890",
    "Outlook: +15.8 % from 2024 to 2034 (all occupations: +3.1 %)",
    "Openings: 115,200 a year",
    "Entry: Bachelor's degree; experience: none; training: none",
]


def _inline(token) -> str:
    return "".join(c.content for c in token.children or [] if c.type in ("text", "softbreak"))


def _blocks(text: str) -> list[tuple[str, str]]:
    """The document as (tag, text) blocks: headings as h1-h6, list items as li, paragraphs as p."""
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").parse(text)
    out, tag = [], "p"
    for token in tokens:
        if token.type == "heading_open":
            tag = token.tag
        elif token.type == "list_item_open":
            tag = "li"
        elif token.type == "inline":
            out.append((tag, _inline(token)))
            tag = "li" if tag == "li" else "p"
        elif token.type in ("list_item_close", "heading_close"):
            tag = "p"
    return out


def test_the_export_shows_pay_and_outlook_of_each_bookmark(career):
    assert career("bookmark", "add", "backend-developer").code == 0
    assert career("bookmark", "add", "15-1299.08").code == 0
    assert career("bookmark", "add", "technical-writer").code == 0
    result = career("export")
    assert (result.code, result.err) == (0, "")
    blocks = _blocks(result.out)
    starts = [i for i, b in enumerate(blocks) if b == ("h4", "Pay and outlook (BLS)")]
    assert len(starts) == 3
    first = [text for tag, text in blocks[starts[0] + 1 : starts[0] + 7]]
    assert first == FIGURES
    assert blocks[starts[0] + 7][0] == "h4"  # no group note for 15-1252
    second = blocks[starts[1] + 1 : starts[1] + 8]
    assert second[0] == ("li", "Median pay: $116,580 a year ($56.05 an hour)")
    assert second[6] == ("p", "The pay and outlook figures are for the whole group 15-1299 Computer Occupations, "
                              "All Other, not for this occupation alone.")  # fmt: skip
    # the releases, the honesty note and BLS's credit once, after the bookmarked roles
    notes = [text for tag, text in blocks if text.startswith(("Pay: U.S., OEWS May 2025", "Source: U.S. Bureau"))]
    assert len(notes) == 2
    assert notes[0] == ("Pay: U.S., OEWS May 2025; outlook: U.S., Employment Projections 2024–34. Figures as of "
                        "each release, not adjusted for inflation.")  # fmt: skip
    assert blocks.index(("p", notes[0])) < blocks.index(("h2", "Reading list"))


def test_an_export_without_linked_bookmarks_has_no_pay(career):
    assert career("bookmark", "add", "developer-advocate").code == 0  # linked to no occupation
    result = career("export")
    assert result.code == 0
    assert "Pay and outlook" not in result.out
    assert "Bureau of Labor Statistics" not in result.out


def _lines(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.splitlines()]


def test_compare_puts_pay_and_outlook_side_by_side(career):
    result = career("compare", "backend-developer", "blockchain-developer", "developer-advocate",
                    env={"COLUMNS": "200"})  # fmt: skip
    assert (result.code, result.err) == (0, "")
    cells = {line.split("│")[1].strip(): [c.strip() for c in line.split("│")[2:-1]]
             for line in result.out.splitlines() if line.startswith("│")}  # fmt: skip
    assert cells["Median pay"] == ["$135,980 a year ($65.38 an hour)", "$116,580 a year ($56.05 an hour)",
                                   "no occupation linked"]  # fmt: skip
    assert cells["Pay range"][:2] == ["$82,460 to $214,670 (10th to 90th percentile)",
                                      "$55,940 to $188,470 (10th to 90th percentile)"]  # fmt: skip
    assert cells["Employment"][:2] == ["1,687,890", "435,370"]
    assert cells["Outlook"][0] == "+15.8 % from 2024 to 2034 (all occupations: +3.1 %)"
    assert cells["Openings"][:2] == ["115,200 a year", "31,300 a year"]
    flat = " ".join(result.out.split())
    assert ("Blockchain Developer: The pay and outlook figures are for the whole group 15-1299 Computer "
            "Occupations, All Other, not for this role alone.") in flat  # fmt: skip
    assert flat.count("not adjusted for inflation") == 1
    assert "Source: U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics, May 2025" in flat


def test_compare_json_carries_pay_and_outlook(career):
    result = career("compare", "backend-developer", "developer-advocate", "--json")
    roles = json.loads(result.out)["compare"]["roles"]
    assert roles[0]["pay"]["annual"]["median"] == {"value": 135980, "mark": None}
    assert roles[0]["pay"]["employment"] == {"value": 1687890, "mark": None}
    assert (roles[0]["outlook"]["change_percent"], roles[0]["outlook"]["openings_thousands_a_year"]) == (15.8, 115.2)
    assert (roles[1]["pay"], roles[1]["outlook"]) == (None, None)


def test_gap_and_plan_show_the_targets_pay(career):
    for command in ("gap", "plan"):
        result = career(command, "backend-developer", "--have", "python,sql")
        assert result.code == 0
        lines = _lines(result.out)
        assert lines[2] == "Median pay: $135,980 a year (U.S., OEWS May 2025)"
        assert "Source: U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics, May 2025." in (
            " ".join(result.out.split())
        )
        value = json.loads(career(command, "backend-developer", "--have", "python", "--json").out)[command]
        assert value["pay"]["annual"]["median"] == {"value": 135980, "mark": None}
        assert value["pay"]["annual"]["pct10"] == {"value": 82460, "mark": None}
    other = _lines(career("gap", "blockchain-developer", "--have", "python").out)
    assert other[2] == "Median pay: $116,580 a year (U.S., OEWS May 2025; for the whole group 15-1299)"
    none = career("gap", "developer-advocate", "--have", "python")
    assert "Median pay" not in none.out
    assert json.loads(career("gap", "developer-advocate", "--have", "python", "--json").out)["gap"]["pay"] is None


def test_suggest_shows_the_median_pay_of_each_role(career):
    result = career(
        "--color",
        "never",
        "suggest",
        "--have",
        "python,sql,git",
        "--limit",
        "3",
        env={"COLUMNS": "160", "FORCE_COLOR": "1"},
    )  # a table, as on a terminal
    assert result.code == 0
    rows = [line.split() for line in result.out.splitlines() if line.strip()[:2] in ("1 ", "2 ", "3 ")]
    assert [row[-1] for row in rows] == ["$104,300", "$135,980", "$120,230"]
    assert "Median pay: a year, U.S., OEWS May 2025, not adjusted for inflation." in " ".join(result.out.split())
    found = json.loads(career("suggest", "--have", "python,sql,git", "--limit", "3", "--json").out)["suggestions"]
    assert [(s["role"], s["pay"]["annual"]["median"]["value"]) for s in found] == [
        ("qa-engineer", 104300), ("software-engineer", 135980), ("data-scientist", 120230)]  # fmt: skip
    # piped records keep their columns: scripts read them by position
    piped = career("suggest", "--have", "python,sql,git", "--limit", "1")
    assert piped.out.split("\t")[:3] == ["qa-engineer", "26%", "python,sql,git"]


def _state_workbook(tmp_path: Path, state: str = "CA") -> Path:
    """BLS's state layout (AREA_TYPE 2, PRIM_STATE) with the May 2024 fixture's rows: a check of the layout, not of
    any state's figures."""
    sys.path.insert(0, str(FIXTURES))
    from make_fixtures import write_xlsx
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_path(str(FIXTURES / "national_M2024_dl.xlsx"))
    sheets = {name: [list(r) for r in book.get_sheet_by_name(name).to_python()] for name in book.sheet_names}
    rows = sheets.pop("national_M2024_dl")
    head = rows[0]
    for row in rows[1:]:
        row[head.index("AREA_TYPE")], row[head.index("PRIM_STATE")] = "2", state
    path = tmp_path / "state_M2024_dl.xlsx"
    write_xlsx(path, {"state_M2024_dl": rows, **sheets})
    return path


def test_show_state_gives_the_states_pay_and_says_so(career, tmp_path):
    assert career("data", "import-oews", str(_state_workbook(tmp_path))).code == 0
    result = career("show", "backend-developer", "--state", "ca")  # through the installed command
    assert (result.code, result.err) == (0, "")
    lines = _lines(result.out)
    assert "Median pay $133,080 a year ($63.98 an hour)" in lines
    flat = " ".join(result.out.split())
    assert "Pay: California, OEWS May 2024; outlook: U.S., Employment Projections 2024–34." in flat
    assert "Openings 115,200 a year" in lines  # the outlook stays national
    pay = json.loads(career("show", "15-1252.00", "--state", "CA", "--json").out)["occupation"]["pay"]
    assert (pay["area"], pay["release"], pay["annual"]["median"]["value"]) == ("CA", "May 2024", 133080)
    # the national page is unchanged
    assert "Median pay $135,980 a year ($65.38 an hour)" in _lines(career("show", "backend-developer").out)
    # a state the workbook does not hold
    other = career("show", "15-1252.00", "--state", "NY")
    assert other.code == 0
    assert "Pay not published by BLS for this occupation in New York" in _lines(other.out)
    compared = career("compare", "backend-developer", "software-engineer", "--state", "CA", "--json")
    assert [r["pay"]["area"] for r in json.loads(compared.out)["compare"]["roles"]] == ["CA", "CA"]


def test_state_without_a_state_workbook_says_how_to_import_one(career):
    for argv in (("show", "backend-developer", "--state", "CA"), ("compare", "backend-developer", "qa-engineer",
                                                                   "--state", "CA")):  # fmt: skip
        result = career(*argv)
        assert (result.code, result.out) == (1, "")
        assert result.err == (
            "career: no pay by state: import a BLS state workbook first\n"
            "career: import one: career data import-oews state_M2025_dl.xlsx (inside BLS's oesm25st.zip)\n"
        )


def test_a_bad_state_code_is_a_usage_error(career):
    for value in ("ZZ", "California", ""):
        result = career("show", "backend-developer", "--state", value)
        assert (result.code, result.out) == (2, "")
        assert result.err == f"career: --state {value}: not a U.S. state's postal code (such as CA, NY or TX)\n"


def test_suggest_on_a_narrow_terminal_puts_the_pay_under_each_role(career):
    result = career("--color", "never", "suggest", "--have", "python,sql,git", "--limit", "2",
                    env={"COLUMNS": "60", "FORCE_COLOR": "1"})  # fmt: skip
    lines = result.out.splitlines()
    assert max(len(line) for line in lines) <= 60
    role = [line.split()[0] for line in lines[3:] if line.strip() and line[6:7].strip() and line[6] == "$"]
    assert role == ["$104,300", "$135,980"]
    assert "Under each role, its median pay: a year, U.S., OEWS May 2025" in " ".join(result.out.split())
