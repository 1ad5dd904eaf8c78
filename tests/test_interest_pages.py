"""An occupation's interest profile on its page, in --json and in Markdown (issue 24, item 1), through the
installed command: real O*NET 29.2 values, O*NET's own high-point code, and a plain line where O*NET publishes
no profile."""

from __future__ import annotations

import json

from markdown_it import MarkdownIt

DEVELOPERS = {
    "Realistic": 3.93,
    "Investigative": 5.86,
    "Artistic": 2.26,
    "Social": 1.88,
    "Enterprising": 1.87,
    "Conventional": 5.46,
}


def test_the_page_draws_six_bars_with_values_and_the_high_point_code(career) -> None:
    page = career("show", "15-1252.00", "--no-pager", env={"COLUMNS": "80"}).out
    lines = page.splitlines()
    head = lines.index("Interests (RIASEC)  high-point code ICR: Investigative, Conventional, Realistic")
    chart = [line.rstrip() for line in lines[head + 1 : head + 7]]
    assert chart[1] == "  I Investigative ███████████··· 5.86 analysing, researching, solving puzzles"
    assert [line.split()[1] for line in chart] == list(DEVELOPERS)
    assert [float(line.split()[3]) for line in chart] == list(DEVELOPERS.values())
    assert all(len(line) <= 80 for line in chart)


def test_a_curated_role_shows_its_occupations_profile(career) -> None:
    page = career("show", "backend-developer", "--no-pager").out
    assert "Interests (RIASEC)  high-point code ICR" in page


def test_an_occupation_without_a_profile_says_so(career) -> None:
    page = career("show", "15-1299.00", "--no-pager").out
    assert "O*NET publishes no interest profile for this occupation." in page
    data = json.loads(career("show", "15-1299.00", "--json").out)
    assert data["occupation"]["interests"] is None


def test_json_gives_every_value_the_scale_and_the_code(career) -> None:
    data = json.loads(career("show", "15-1252.00", "--json").out)
    assert data["occupation"]["interests"] == {
        "scale": "O*NET OI, 1 to 7",
        "values": DEVELOPERS,
        "high_point": "ICR",
    }


def test_markdown_lists_the_areas_under_the_interests_item(career) -> None:
    text = career("show", "15-1252.00", "--format", "markdown").out
    tokens = MarkdownIt().parse(text)
    inline = [t.content for t in tokens if t.type == "inline"]
    head = next(i for i, c in enumerate(inline) if c.startswith("**Interests**"))
    assert inline[head] == (
        "**Interests** (O\\*NET, 1 to 7): high-point code ICR: Investigative, Conventional, Realistic"
    )
    assert inline[head + 1 : head + 3] == [
        "R Realistic: 3.93 (hands-on: tools, machines, the outdoors)",
        "I Investigative: 5.86 (analysing, researching, solving puzzles)",
    ]
