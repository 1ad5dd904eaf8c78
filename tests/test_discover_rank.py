"""The interest ranking behind ``career discover``, pinned on the real O*NET 29.2 profiles the package ships
(data/occupation-profiles.tsv), and the shipped table checked against the release when ../shared has it."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from careercli.errors import UsageError
from careercli.onet.profiles import ProfileTableError, bundled, parse
from careercli.queries.discover import explain, fit, rank, scores_from_letters, scores_from_pairs, top_letters

ROOT = Path(__file__).resolve().parent.parent
RELEASE = ROOT.parent / "shared" / "onet" / "29.2"
PROFILES = bundled()
BY_CODE = {p.code: p for p in PROFILES}


def test_every_occupation_of_the_release_is_in_the_table() -> None:
    assert len(PROFILES) == 1016
    assert sum(p.interests is not None for p in PROFILES) == 923
    developers = BY_CODE["15-1252.00"]
    assert developers == ("15-1252.00", "Software Developers", 4, (3.93, 5.86, 2.26, 1.88, 1.87, 5.46), "ICR")
    assert BY_CODE["11-9199.00"].interests is None  # "Managers, All Other": no profile published


@pytest.mark.parametrize(
    ("person", "zones", "top", "expected"),
    [
        # strongly Investigative and Conventional, a bachelor's degree: computing and mathematics lead
        (scores_from_pairs("R=1,I=7,A=1,S=1,E=1,C=7"), [4], 5,
         ["15-1243.00", "15-2051.00", "15-1299.06", "15-1251.00"]),
        (scores_from_letters("IC"), [4], 3, ["15-2051.00", "15-1243.00"]),
        # strongly Social and Artistic, some preparation: teaching and performing, no computing
        (scores_from_pairs("R=1,I=1,A=7,S=7,E=1,C=1"), [3], 3, ["25-3021.00", "25-2011.00", "27-2032.00"]),
        # hands-on and orderly, little preparation: machines, materials, repair
        (scores_from_letters("RC"), [1, 2], 8, ["49-9091.00", "51-9111.00", "49-9031.00", "51-6011.00"]),
    ],
)  # fmt: skip
def test_the_best_fits_are_the_ones_a_person_would_expect(person, zones, top, expected) -> None:
    codes = [m.profile.code for m in rank(person, PROFILES, zones)[:top]]
    assert set(expected) <= set(codes), codes
    assert all(BY_CODE[c].job_zone in zones for c in codes)
    assert len(codes) == top


def test_investigative_and_conventional_at_zone_4_is_mostly_computing_and_maths() -> None:
    top20 = rank(scores_from_pairs("R=1,I=7,A=1,S=1,E=1,C=7"), PROFILES, [4])[:20]
    assert sum(m.profile.code.startswith("15-") for m in top20) >= 15
    assert top20[0].fit is not None
    assert top20[0].fit >= 95


def test_social_and_artistic_at_zone_3_gets_no_computing_occupation_in_the_top_20() -> None:
    top20 = rank(scores_from_pairs("R=1,I=1,A=7,S=7,E=1,C=1"), PROFILES, [3])[:20]
    assert [m.profile.code for m in top20 if m.profile.code.startswith("15-")] == []
    assert top20[0].profile.title == "Self-Enrichment Teachers"


def test_a_fit_compares_shapes_not_levels() -> None:
    low = (1, 3, 1, 1, 1, 3)
    high = (7, 9, 7, 7, 7, 9)
    developers = BY_CODE["15-1252.00"].interests
    assert fit(low, developers) == fit(high, developers)
    assert fit(developers, developers) == 100
    assert fit((1, 1, 1, 1, 1, 1), developers) is None  # a flat answer has no shape


def test_the_parts_of_a_fit_add_up_to_it_and_name_the_areas_that_pull_apart() -> None:
    person = scores_from_letters("SA")
    parts = explain(person, BY_CODE["15-1252.00"].interests)
    assert parts is not None
    assert round(100 * sum(p.share for p in parts)) == fit(person, BY_CODE["15-1252.00"].interests)
    assert min(parts, key=lambda p: p.share).area in {"Social", "Investigative", "Conventional"}


def test_occupations_without_a_profile_are_listed_last_not_dropped() -> None:
    ranked = rank(scores_from_letters("E"), PROFILES, [4])
    unknown = [m for m in ranked if m.fit is None]
    assert unknown
    assert ranked[-len(unknown) :] == unknown
    assert len(ranked) == sum(1 for p in PROFILES if p.job_zone in (4, None))


@pytest.mark.parametrize(
    ("text", "scores"),
    [("I", (0, 10, 0, 0, 0, 0)), ("ic", (0, 10, 0, 0, 0, 8)), ("SEA", (0, 0, 6, 10, 8, 0))],
)
def test_letters_become_scores_most_appealing_first(text: str, scores: tuple) -> None:
    assert scores_from_letters(text) == scores


@pytest.mark.parametrize("text", ["", "X", "II", "RIAS", "R I"])
def test_bad_letters_are_a_usage_error(text: str) -> None:
    with pytest.raises(UsageError, match="--interests takes one to three different letters of RIASEC"):
        scores_from_letters(text)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("R=5,I=7,A=2,S=1,E=3", "missing: C"),
        ("R=5,I=7,A=2,S=1,E=3,C=11", "N from 0 to 10"),
        ("R=5,I=7,A=2,S=1,E=3,C=x", "N from 0 to 10"),
        ("R=5,R=7,A=2,S=1,E=3,C=1", "each of R,I,A,S,E,C once"),
        ("Q=5", "each of R,I,A,S,E,C once"),
    ],
)
def test_bad_scores_are_a_usage_error(text: str, message: str) -> None:
    with pytest.raises(UsageError, match=message):
        scores_from_pairs(text)


def test_top_letters_are_the_highest_areas() -> None:
    assert top_letters(BY_CODE["15-1252.00"].interests) == "ICR"
    assert top_letters((1, 1, 1, 1, 1, 1)) == "RIA"  # ties in RIASEC order


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("code\ttitle\n", ":1: not a table of occupation profiles"),
        ("code\ttitle\tjob_zone\tR\tI\tA\tS\tE\tC\thigh_point\nx\ty\t4\t1\t2\n", ":2: malformed row"),
        ("code\ttitle\tjob_zone\tR\tI\tA\tS\tE\tC\thigh_point\nx\ty\tfour\t1\t2\t3\t4\t5\t6\tI\n", ":2: malformed row"),
    ],
)
def test_a_damaged_table_is_an_error_with_its_line(text: str, message: str) -> None:
    with pytest.raises(ProfileTableError, match=message):
        parse(text, "profiles.tsv")


@pytest.mark.skipif(not (RELEASE / "Interests.txt").is_file(), reason="the O*NET release is in ../shared only")
def test_the_shipped_table_is_what_the_script_makes_from_the_release() -> None:
    spec = importlib.util.spec_from_file_location("build_profiles", ROOT / "scripts" / "build_interest_profiles.py")
    assert spec is not None
    assert spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    made = script.render(script.profiles(RELEASE))
    assert made == (ROOT / "data" / "occupation-profiles.tsv").read_text("utf-8")
