"""Pay and outlook beyond ``show``: the export, ``compare``, ``gap``, ``plan`` and ``suggest``, and pay by state
(``--state``), through the installed command."""

from __future__ import annotations

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
