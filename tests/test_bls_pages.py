"""Pay and outlook on ``career show`` pages (an occupation's and a curated role's), in ``--json``, Markdown, SVG
and HTML, through the installed command."""

from __future__ import annotations

import html
import json
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from careercli.bls.facts import Amount
from careercli.presenters.bls import money

FIXTURES = Path(__file__).parent / "fixtures" / "bls"
FIXTURE = FIXTURES / "national_M2024_dl.xlsx"
NOTE = "Pay: U.S., OEWS May 2025; outlook: U.S., Employment Projections 2024–34. Figures as of each release, not"
CELL = 12.2  # the width of a character in Rich's SVG
SECTION_100 = [
    "Pay and outlook (BLS)",
    "  Median pay  $135,980 a year ($65.38 an hour)",
    "  Pay range   $82,460 to $214,670 (10th to 90th percentile)",
    "  Employment  1,687,890",
    "  Outlook     +15.8 % from 2024 to 2034 (all occupations: +3.1 %)",
    "  Openings    115,200 a year",
    "  Entry       Bachelor's degree; experience: none; training: none",
    "  Pay: U.S., OEWS May 2025; outlook: U.S., Employment Projections 2024–34. Figures as of each",
    "  release, not adjusted for inflation.",
    "Source: U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics, May 2025 and",
    "Employment Projections 2024–34, Table 1.2, as transcribed from occupation.xlsx. BLS cannot vouch for",
    "the data or analyses derived from these data after the data have been retrieved from BLS.gov.",
]
# each figure with its words: a line may break between them, never inside one
FIGURES = ["$135,980 a year", "($65.38 an hour)", "$82,460 to $214,670", "1,687,890", "+15.8 %",
           "from 2024 to 2034", "(all occupations: +3.1 %)", "115,200 a year", "OEWS May 2025",
           "Employment Projections 2024–34"]  # fmt: skip


def _section(text: str) -> list[str]:
    """The lines of the pay and outlook section, up to the blank line after it."""
    lines = [line.rstrip() for line in text.splitlines()]
    start = lines.index("Pay and outlook (BLS)")
    return lines[start : lines.index("", start)]


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_an_occupation_page_shows_pay_and_outlook_first(career):
    result = career("show", "15-1252.00")
    assert (result.code, result.err) == (0, "")
    assert _section(result.out) == SECTION_100
    lines = [line.rstrip() for line in result.out.splitlines()]
    at = lines.index("Pay and outlook (BLS)")
    # after the description, before the O*NET facts and their long lists
    assert next(i for i, x in enumerate(lines) if x.startswith("Research, design")) < at
    assert at < next(i for i, x in enumerate(lines) if x.startswith("Official facts"))
    assert _flat(result.out).count("not adjusted for inflation") == 1


def test_a_role_page_shows_pay_and_outlook_after_what_they_do(career):
    result = career("show", "backend-developer")
    assert result.code == 0
    assert _section(result.out) == SECTION_100
    lines = [line.rstrip() for line in result.out.splitlines()]
    assert lines.index("What they do") < lines.index("Pay and outlook (BLS)") < lines.index("What to learn")


@pytest.mark.parametrize("width", [60, 72, 80, 120, 200])
def test_the_section_reads_at_any_width_without_breaking_a_figure(career, width):
    result = career("show", "backend-developer", env={"COLUMNS": str(width)})
    section = _section(result.out)
    assert max(len(line) for line in section) <= width
    for figure in FIGURES:
        assert any(figure in line for line in section), (figure, section)
    assert section[1].startswith("  Median pay  $135,980 a year")
    # a value that wraps goes on under its own column
    values = [line for line in section[1:] if line.startswith("  ") and not line.startswith("   ")]
    assert [v.split("  ")[1].strip() for v in values[:6]] == ["Median pay", "Pay range", "Employment", "Outlook",
                                                             "Openings", "Entry"]  # fmt: skip


def test_at_60_columns_the_outlook_wraps_between_its_figures(career):
    section = _section(career("show", "15-1252.00", env={"COLUMNS": "60"}).out)
    assert section[4:6] == ["  Outlook     +15.8 % from 2024 to 2034", "              (all occupations: +3.1 %)"]
    assert section[9:12] == [
        "  Pay: U.S., OEWS May 2025; outlook: U.S.,",
        "  Employment Projections 2024–34. Figures as of each",
        "  release, not adjusted for inflation.",
    ]


def test_the_page_shows_an_imported_release(career):
    assert career("data", "import-oews", str(FIXTURE)).code == 0
    section = _section(career("show", "15-1252.00").out)
    assert section[1] == "  Median pay  $133,080 a year ($63.98 an hour)"
    assert section[7].startswith("  Pay: U.S., OEWS May 2024; outlook: U.S., Employment Projections 2024–34.")


def test_a_wage_at_the_top_code_shows_as_or_more(career, tmp_path):
    sys.path.insert(0, str(FIXTURES))
    from make_fixtures import write_xlsx
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_path(str(FIXTURE))
    sheets = {name: [list(r) for r in book.get_sheet_by_name(name).to_python()] for name in book.sheet_names}
    rows = sheets["national_M2024_dl"]  # and "Field Descriptions", which states the top code
    head = rows[0]
    row = next(r for r in rows if r[head.index("OCC_CODE")] == "15-1252")
    row[head.index("A_PCT90")], row[head.index("H_PCT90")] = "#", "#"
    write_xlsx(tmp_path / "national_M2024_dl.xlsx", sheets)
    assert career("data", "import-oews", str(tmp_path / "national_M2024_dl.xlsx")).code == 0
    section = _section(career("show", "15-1252.00").out)
    assert section[2] == "  Pay range   $79,850 to $239,200 or more (10th to 90th percentile)"
    pay = json.loads(career("show", "15-1252.00", "--json").out)["occupation"]["pay"]
    assert pay["annual"]["pct90"] == {"value": None, "mark": "#"}
    assert pay["top_code"] == {"annual": "239200", "hourly": "115.00"}


def test_a_role_linked_to_an_aggregate_says_so(career):
    result = career("show", "blockchain-developer")
    assert result.code == 0
    section = _section(result.out)
    assert section[1] == "  Median pay  $116,580 a year ($56.05 an hour)"
    assert (
        "The pay and outlook figures are for the whole group 15-1299 Computer Occupations, All Other, not for this "
        "role alone." in _flat("\n".join(section))
    )
    occupation = _flat("\n".join(_section(career("show", "15-1299.08").out)))
    assert "for the whole group 15-1299 Computer Occupations, All Other, not for this occupation alone." in occupation
    assert "for the whole group" not in _flat("\n".join(_section(career("show", "backend-developer").out)))


def test_json_has_pay_and_outlook(career):
    role = json.loads(career("show", "backend-developer", "--json").out)["role"]
    assert role["pay"]["annual"]["median"] == {"value": 135980, "mark": None}
    assert (role["pay"]["release"], role["pay"]["aggregate"], role["pay"]["area"]) == ("May 2025", False, "US")
    assert (role["outlook"]["change_percent"], role["outlook"]["openings_thousands_a_year"]) == (15.8, 115.2)
    occupation = json.loads(career("show", "15-1299.08", "--json").out)["occupation"]
    assert (occupation["pay"]["code"], occupation["pay"]["aggregate"]) == ("15-1299", True)


def _markdown_section(text: str) -> tuple[list[str], list[str]]:
    """The list items and paragraphs under the "Pay and outlook (BLS)" heading, as markdown-it-py reads them."""
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").parse(text)
    at = next(i for i, t in enumerate(tokens) if t.type == "inline" and t.content == "Pay and outlook (BLS)")
    assert tokens[at - 1].tag == "h2"
    items, paragraphs = [], []
    inside = False
    for token in tokens[at + 2 :]:
        if token.type == "heading_open":
            break
        if token.type == "list_item_open":
            inside = True
        elif token.type == "list_item_close":
            inside = False
        elif token.type == "inline":
            plain = "".join(c.content for c in token.children or [] if c.type in ("text", "softbreak"))
            (items if inside else paragraphs).append(plain)
    return items, paragraphs


@pytest.mark.parametrize("target", ["15-1252.00", "backend-developer"])
def test_markdown_carries_pay_and_outlook(career, target):
    result = career("show", target, "--format", "markdown")
    assert result.code == 0
    items, paragraphs = _markdown_section(result.out)
    assert items == [
        "Median pay: $135,980 a year ($65.38 an hour)",
        "Pay range: $82,460 to $214,670 (10th to 90th percentile)",
        "Employment: 1,687,890",
        "Outlook: +15.8 % from 2024 to 2034 (all occupations: +3.1 %)",
        "Openings: 115,200 a year",
        "Entry: Bachelor's degree; experience: none; training: none",
    ]
    assert paragraphs[0] == NOTE + " adjusted for inflation."
    assert paragraphs[1].startswith("Source: U.S. Bureau of Labor Statistics, Occupational Employment and Wage")
    assert paragraphs[1].endswith("after the data have been retrieved from BLS.gov.")


def test_markdown_of_an_aggregate_role_says_so(career):
    _, paragraphs = _markdown_section(career("show", "blockchain-developer", "--format", "markdown").out)
    assert paragraphs[0] == (
        "The pay and outlook figures are for the whole group 15-1299 Computer Occupations, All Other, not for this "
        "role alone."
    )


def _svg_lines(svg: str) -> list[str]:
    """The text of an SVG page, line by line (Rich writes one <text> a styled run, placed by its y)."""
    root = ET.fromstring(svg)
    rows: dict[float, list[tuple[float, str]]] = {}
    for node in root.iter("{http://www.w3.org/2000/svg}text"):
        if node.get("clip-path", "").startswith("url(#careercli-line-"):
            rows.setdefault(float(node.get("y", 0)), []).append((float(node.get("x", 0)), node.text or ""))
    lines = []
    for _, runs in sorted(rows.items()):
        line = ""
        for x, text in sorted(runs):
            line = line.ljust(round(x / CELL)) + text.replace("\xa0", " ")
        lines.append(line.rstrip())
    return lines


@pytest.mark.parametrize("target", ["15-1252.00", "backend-developer"])
def test_svg_and_html_carry_pay_and_outlook(career, target):
    svg = career("show", target, "--format", "svg")
    assert svg.code == 0
    assert _section("\n".join(_svg_lines(svg.out)) + "\n") == SECTION_100
    page = career("show", target, "--format", "html")
    assert page.code == 0
    body = re.search(r"<pre[^>]*>(.*)</pre>", page.out, re.DOTALL)
    assert body is not None
    text = html.unescape(re.sub(r"<[^>]+>", "", body.group(1)))
    assert _section(text) == SECTION_100


def test_the_top_code_is_never_a_number():
    assert money(Amount(None, "#"), "239200", hourly=False) == "$239,200 or more"
    assert money(Amount(None, "#"), "115.00", hourly=True) == "$115.00 or more"
    assert money(Amount(None, "*"), "239200", hourly=False) == "not published"
