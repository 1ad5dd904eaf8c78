"""Pay and outlook on ``career show`` pages (an occupation's and a curated role's) and in ``--json``."""

from __future__ import annotations

import json
from pathlib import Path

from careercli.bls.facts import Amount
from careercli.presenters.bls import money

FIXTURE = Path(__file__).parent / "fixtures" / "bls" / "national_M2024_dl.xlsx"
HONESTY = "U.S. national figures as of each release, not adjusted for inflation."


def _lines(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.splitlines()]


def test_an_occupation_page_shows_pay_and_outlook(career):
    result = career("show", "15-1252.00")
    assert result.code == 0
    lines = _lines(result.out)
    assert "Median pay $135,980 a year ($65.38 an hour) OEWS May 2025" in lines
    assert "Pay range $82,460 to $214,670 (10th to 90th percentile) OEWS May 2025" in lines
    assert "Employment 1,687,890 OEWS May 2025" in lines
    assert "Outlook +15.8 % from 2024 to 2034 (all occupations: +3.1 %) Projections 2024–34" in lines
    assert "Openings 115,200 a year Projections 2024–34" in lines
    assert lines.count(HONESTY) == 1
    assert "not for this occupation alone." not in result.out
    flat = " ".join(result.out.split())
    assert "Source: U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics, May 2025 and" in flat


def test_the_page_shows_an_imported_release(career):
    assert career("data", "import-oews", str(FIXTURE)).code == 0
    lines = _lines(career("show", "15-1252.00").out)
    assert "Median pay $133,080 a year ($63.98 an hour) OEWS May 2024" in lines


def test_a_role_linked_to_an_aggregate_says_so(career):
    result = career("show", "backend-developer")
    assert "Median pay $135,980 a year ($65.38 an hour) OEWS May 2025" in _lines(result.out)
    other = " ".join(career("show", "blockchain-developer").out.split())
    assert (
        "The pay figures are for the whole group 15-1299 Computer Occupations, All Other, "
        "not for this occupation alone." in other
    )
    assert "Median pay $116,580 a year" in other


def test_json_has_pay_and_outlook(career):
    role = json.loads(career("show", "backend-developer", "--json").out)["role"]
    assert role["pay"]["annual"]["median"] == {"value": 135980, "mark": None}
    assert (role["pay"]["release"], role["pay"]["aggregate"]) == ("May 2025", False)
    assert (role["outlook"]["change_percent"], role["outlook"]["openings_thousands_a_year"]) == (15.8, 115.2)
    occupation = json.loads(career("show", "15-1299.08", "--json").out)["occupation"]
    assert (occupation["pay"]["code"], occupation["pay"]["aggregate"]) == ("15-1299", True)


def test_the_top_code_is_never_a_number():
    assert money(Amount(None, "#"), "239200", hourly=False) == "$239,200 or more"
    assert money(Amount(None, "#"), "115.00", hourly=True) == "$115.00 or more"
    assert money(Amount(None, "*"), "239200", hourly=False) == "not published"
