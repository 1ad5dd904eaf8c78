"""Issue 26, search and lookup, through the installed ``career`` command: short words match whole words only,
titles outrank other titles, ``show`` opens an occupation by another form of its title or by the part of an
alternate title before its brackets, and a did-you-mean is offered only when it is close."""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "onet-relevance"  # real O*NET 29.2 rows


@pytest.fixture
def imported(career):
    done = career("data", "import-onet", str(FIXTURE))
    assert done.code == 0, done.err


def test_a_short_word_matches_whole_words_only(career, imported):
    found = career("search", "cto", "--kind", "occupation", "-n", "0")
    assert (found.code, found.err) == (0, "")
    assert found.out == "occupation\t11-1011.00\t25.00\tChief Executives\talso called: CTO\n"  # not Actors, Directors


def test_a_title_outranks_other_titles(career, imported):
    found = career("search", "electrician", "--kind", "occupation", "-n", "2")
    assert found.out.splitlines() == [
        "occupation\t47-2111.00\t27.30\tElectricians\ttitle",
        "occupation\t47-3013.00\t10.30\tHelpers--Electricians\ttitle",
    ]
    nurse = career("search", "registered nurse", "-n", "1")
    assert nurse.out == "occupation\t29-1141.00\t42.60\tRegistered Nurses\ttitle\n"


def test_stems_meet_in_the_curated_search(career):
    found = career("search", "data engineering", "-n", "1")
    assert found.out.startswith("role\tdata-engineer\t")
    nurses = career("search", "nurses", "-n", "3").out.splitlines()
    assert "29-1141.00" in [line.split("\t")[1] for line in nurses]


@pytest.mark.parametrize("name", ["Registered Nurse", "registered nurses", "REGISTERED NURSE"])
def test_show_opens_an_occupation_by_another_form_of_its_title(career, name):
    shown = career("show", name, "--json")
    assert (shown.code, shown.err) == (0, "")
    assert '"code": "29-1141.00"' in shown.out


def test_show_opens_an_occupation_by_the_words_before_an_alternate_titles_brackets(career, imported):
    shown = career("show", "chief technology officer", "--json")
    assert (shown.code, shown.err) == (0, "")
    assert '"code": "11-1011.00"' in shown.out
    assert '"code": "11-1011.00"' in career("show", "CTO", "--json").out


def test_show_suggests_only_close_names(career):
    nope = career("show", "nope")
    assert (nope.code, nope.out) == (1, "")
    assert nope.err == "career: unknown role or occupation 'nope'; try 'career search nope'\n"
    typo = career("show", "bakend")
    assert typo.err == "career: unknown role or occupation 'bakend'; did you mean 'backend-developer'?\n"
