"""``career discover`` through the installed command: the ranking on the real bundled rows, the answers saved in a
real profile file, piped records, JSON numbers and the exit codes of bad options."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

NO_ANSWERS = (
    "career: no interests to rank by: give --interests (up to three RIASEC letters, e.g. IC) or "
    "--scores R=5,I=7,A=2,S=1,E=3,C=6\n"
)
COMPUTING_AND_MATHS = ("15-",)


def profile_file(home: Path) -> Path:
    return home / "config" / "careercli" / "profile.toml"


def results(career, *args: str) -> dict:
    done = career("discover", *args, "--json")
    assert done.code == 0, done.err
    return json.loads(done.out)["discover"]


@pytest.mark.parametrize(
    ("answers", "zone", "leading", "at_most_outside"),
    [
        (("--scores", "R=1,I=10,A=1,S=1,E=1,C=10"), "4", ["15-1243.00", "15-2051.00"], 5),
        (("--interests", "IC"), "4", ["15-2051.00", "15-1243.00"], 6),
        (("--interests", "CI"), "4", ["15-1243.00"], 8),
    ],
)  # fmt: skip
def test_investigative_and_conventional_at_zone_4_gets_computing_and_maths_on_top(
    career, answers, zone, leading, at_most_outside
) -> None:
    found = results(career, *answers, "--zone", zone)
    codes = [r["code"] for r in found["results"]]
    assert len(codes) == 20
    assert set(leading) <= set(codes[:5]), codes[:5]
    assert sum(not c.startswith(COMPUTING_AND_MATHS) for c in codes[:10]) <= at_most_outside, codes[:10]
    assert all(r["job_zone"] == 4 for r in found["results"])


@pytest.mark.parametrize(
    "answers",
    [("--scores", "R=1,I=1,A=10,S=10,E=1,C=1"), ("--interests", "SA"), ("--interests", "AS")],
)
def test_social_and_artistic_at_zone_3_gets_no_computing_occupation_in_the_top_20(career, answers) -> None:
    found = results(career, *answers, "--zone", "3")
    codes = [r["code"] for r in found["results"]]
    assert len(codes) == 20
    assert [c for c in codes if c.startswith("15-")] == []
    assert all(r["job_zone"] == 3 for r in found["results"])


def test_json_gives_every_number(career) -> None:
    found = results(career, "--interests", "IC", "--zone", "4", "--limit", "3")
    assert found["answers"] == {
        "scores": {"R": 0.0, "I": 10.0, "A": 0.0, "S": 0.0, "E": 0.0, "C": 8.0},
        "letters": "IC",
        "zones": [4],
        "min_pay": None,
        "skills": False,
    }
    first = found["results"][0]
    assert first["rank"] == 1
    assert isinstance(first["fit"], int)
    assert first["fit"] >= 95
    assert set(first["interests"]) == set("RIASEC")
    assert [r["rank"] for r in found["results"]] == [1, 2, 3]
    scientists = next(r for r in found["results"] if r["code"] == "15-2051.00")
    assert scientists["median_pay"] == 120230.0
    assert scientists["outlook_change_pct"] == 33.5
    assert scientists["roles"] == ["data-analyst", "data-scientist", "machine-learning-engineer"]
    assert found["total"] > 300
    assert "My Next Move" in found["method"]


def test_an_occupation_shows_every_curated_role_linked_to_it(career) -> None:
    found = results(career, "--scores", "R=4,I=6,A=2,S=2,E=2,C=5", "--zone", "4", "--limit", "0")
    developers = next(r for r in found["results"] if r["code"] == "15-1252.00")
    assert len(developers["roles"]) == 10
    assert {"backend-developer", "site-reliability-engineer", "staff-engineer"} <= set(developers["roles"])


def test_occupations_without_interest_data_are_listed_last_never_dropped(career) -> None:
    found = results(career, "--interests", "E", "--limit", "0")
    rows = found["results"]
    assert len(rows) == 1016 == found["total"]
    unknown = [r for r in rows if r["fit"] is None]
    assert len(unknown) == found["without_profile"] == 93
    assert rows[-len(unknown) :] == unknown
    assert all(r["rank"] is None for r in unknown)
    assert "11-9199.00" in {r["code"] for r in unknown}


def test_min_pay_leaves_out_lower_medians_and_keeps_unpublished_ones(career) -> None:
    found = results(career, "--interests", "IC", "--zone", "4", "--min-pay", "120000", "--limit", "0")
    pays = [r["median_pay"] for r in found["results"]]
    assert all(p is None or p >= 120000 for p in pays)
    assert found["below_pay"] > 100
    assert "15-2051.00" in {r["code"] for r in found["results"]}  # 120,230
    assert "15-1251.00" not in {r["code"] for r in found["results"]}  # computer programmers: 100,390


def test_piped_output_is_one_record_a_line(career) -> None:
    done = career("discover", "--interests", "IC", "--zone", "4", "--limit", "2")
    assert done.code == 0
    assert done.out.splitlines()[1].split("\t") == [
        "2", "98", "15-2051.00", "Data Scientists", "4", "$120,230", "+33.5%",
        "data-analyst, data-scientist, machine-learning-engineer",
    ]  # fmt: skip
    assert done.err == "showing 2 of 317; --limit 0 for all\n"


def test_the_page_says_once_that_this_is_exploration_and_what_to_run_next(career) -> None:
    done = career("discover", "--interests", "IC", "--zone", "4", "--limit", "5", env={"FORCE_COLOR": "1",
                  "COLUMNS": "160"})  # fmt: skip
    assert done.code == 0
    text = done.out
    assert text.count("Exploration, not an assessment") == 1
    assert "Data Scientists" in text
    assert "$120,230" in text
    assert "Next: career show 19-4061.00 · career bookmark add data-analyst · career plan data-analyst" in text


def test_the_answers_are_saved_reused_replaced_and_forgotten(career, isolated_home: Path) -> None:
    path = profile_file(isolated_home)
    path.parent.mkdir(parents=True)
    path.write_text('# my profile\nskills = ["python"]\n', "utf-8")
    assert career("discover", "--interests", "IC", "--zone", "3-4", "--min-pay", "90000").code == 0
    assert path.read_text("utf-8") == (
        '# my profile\nskills = ["python"]\nschema_version = 1\ncustom_skills = []\n\n'
        "[discover]\nscores = [0, 10, 0, 0, 0, 8]\nzones = [3, 4]\nmin_pay = 90000\nskills = false\n"
    )
    again = results(career)  # nothing given: the saved answers
    assert again["answers"]["letters"] == "IC"
    assert again["answers"]["zones"] == [3, 4]
    assert again["answers"]["min_pay"] == 90000
    results(career, "--scores", "R=1,I=2,A=9,S=8,E=3,C=1")  # replaces the scores, keeps the rest
    assert "scores = [1, 2, 9, 8, 3, 1]\nzones = [3, 4]\nmin_pay = 90000\n" in path.read_text("utf-8")
    results(career, "--zone", "5", "--min-pay", "0")  # 0: no minimum
    assert "zones = [5]\nskills = false\n" in path.read_text("utf-8")
    assert "min_pay" not in path.read_text("utf-8")
    done = career("discover", "--reset")
    assert (done.code, done.out) == (0, "Forgot your discover answers.\n")
    assert path.read_text("utf-8") == '# my profile\nskills = ["python"]\nschema_version = 1\ncustom_skills = []\n\n'
    assert career("discover").err == NO_ANSWERS


def test_a_comment_in_the_discover_table_stays(career, isolated_home: Path) -> None:
    path = profile_file(isolated_home)
    path.parent.mkdir(parents=True)
    path.write_text("[discover]\n# what I told it\nscores = [1, 9, 1, 1, 1, 8]\nzones = [4]\n", "utf-8")
    assert results(career, "--zone", "3-4")["answers"]["letters"] == "IC"
    assert "[discover]\n# what I told it\nscores = [1, 9, 1, 1, 1, 8]\nzones = [3, 4]\n" in path.read_text("utf-8")


def test_a_broken_discover_table_is_an_error_and_the_file_is_left_alone(career, isolated_home: Path) -> None:
    path = profile_file(isolated_home)
    path.parent.mkdir(parents=True)
    text = "[discover]\nscores = [1, 2, 3]\n"
    path.write_text(text, "utf-8")
    done = career("discover", "--interests", "IC")
    assert done.code == 1
    assert done.err == (
        f"career: {path}: 'discover.scores' must be six numbers from 0 to 10 (R, I, A, S, E, C); "
        "the file was left as it is\n"
    )
    assert path.read_text("utf-8") == text


def test_with_skills_the_best_linked_role_coverage_counts(career) -> None:
    assert career("skills", "add", "python", "sql", "statistics", "machine-learning").code == 0
    plain = results(career, "--interests", "IC", "--zone", "4", "--no-skills", "--limit", "0")
    weighed = results(career, "--skills")
    assert (weighed["skills_weighed"], plain["skills_weighed"]) == (True, False)
    scientists = next(r for r in weighed["results"] if r["code"] == "15-2051.00")
    assert scientists["best_role"] in scientists["roles"]
    assert scientists["coverage"] > 0
    assert scientists["score"] == pytest.approx(scientists["fit"] + 20 * scientists["coverage"], abs=0.01)
    assert weighed["results"][0]["code"] == "15-2051.00"
    assert plain["results"][0]["code"] == "19-4061.00"


def test_why_explains_one_rank(career) -> None:
    done = career("discover", "--interests", "IC", "--zone", "4", "--why", "15-2051.00", "--json")
    assert done.code == 0, done.err
    why = json.loads(done.out)["why"]
    assert (why["rank"], why["fit"], why["in_zones"]) == (2, 98, True)
    assert round(sum(p["share"] for p in why["parts"])) == 98
    assert [p["area"] for p in why["parts"]][:2] == ["Realistic", "Investigative"]
    role = json.loads(career("discover", "--why", "backend-developer", "--json").out)["why"]
    assert role["code"] == "15-1252.00"


@pytest.mark.parametrize(
    ("args", "code", "err"),
    [
        ((), 2, NO_ANSWERS),
        (("--zone", "4"), 2, NO_ANSWERS),
        (("--interests", "XQ"), 2, "career: --interests takes one to three different letters of RIASEC, "
                                   "most appealing first\n"),
        (("--interests", "IC", "--zone", "6"), 2,
         "career: --zone takes job zones from 1 to 5: one (4), a range (3-4) or a list (2,4)\n"),
        (("--interests", "IC", "--zone", "4-2"), 2,
         "career: --zone takes job zones from 1 to 5: one (4), a range (3-4) or a list (2,4)\n"),
        (("--interests", "IC", "--scores", "R=1"), 2, "career: give --interests or --scores, not both\n"),
        (("--scores", "R=5,I=5,A=5,S=5,E=5,C=5"), 2,
         "career: --scores rates every area the same: give some areas more than others\n"),
        (("--scores", "R=5,I=11,A=5,S=5,E=5,C=5"), 2,
         "career: --scores takes each of R,I,A,S,E,C once, as L=N with N from 0 to 10\n"),
        (("--reset", "--interests", "IC"), 2, "career: --reset forgets the saved answers; give it alone\n"),
        (("--interests", "IC", "--why", "nothing-like-it"), 1,
         "career: --why takes an O*NET code (such as 15-1252.00) or a role; 'nothing-like-it' is neither\n"),
    ],
)  # fmt: skip
def test_bad_options_exit_with_a_short_message_and_save_nothing(career, isolated_home: Path, args, code, err) -> None:
    done = career("discover", *args, input="")
    assert (done.code, done.err, done.out) == (code, err, "")
    assert not profile_file(isolated_home).exists()


def test_a_negative_min_pay_is_a_usage_error(career) -> None:
    done = career("discover", "--interests", "IC", "--min-pay", "-5")
    assert done.code == 2
    assert done.err.startswith("career: Invalid value for '--min-pay'")


def test_the_export_holds_the_interest_profile_and_the_top_ten(career) -> None:
    assert "Interest profile" not in career("export").out  # nothing saved: no section
    assert career("discover", "--interests", "IC", "--zone", "4").code == 0
    text = career("export").out
    section = text[text.index("## Interest profile and the occupations that fit it (IC)") :]
    assert "Interest scores R=0, I=10, A=0, S=0, E=0, C=8; job zones 4." in section
    rows = [line for line in section.splitlines() if line.startswith("| ") and line[2].isdigit()]
    assert len(rows) == 10
    assert rows[1] == (
        "| 2 | 98 | 15-2051.00 | Data Scientists | 4 | $120,230 | +33.5% | "
        "`data-analyst`, `data-scientist`, `machine-learning-engineer` |"
    )
