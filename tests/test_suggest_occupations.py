"""``career suggest`` ranks the curated roles and the O*NET occupations no role links to together (issue 24.3),
through the installed command on the bundled data (42 roles; 154 of the 175 bundled occupations have no role)."""

from __future__ import annotations

import json

HAVE = ("--have", "python,sql,git")
STATISTICIANS = "15-2041.00\t{}\tpython,sql\texcel,r,tableau,spark,cpp,linux\toccupation"
TECHNOLOGISTS = "29-2011.01\t{}\t\t\toccupation, skills not measured"  # Cytogenetic Technologists: no skill maps


def test_roles_and_occupations_in_one_ranking_each_marked(career):
    result = career("suggest", *HAVE, "--limit", "0")
    assert (result.code, result.err) == (0, "")
    rows = result.out.splitlines()
    assert len(rows) == 42 + 154
    assert rows[0] == (
        "qa-engineer\t26%\tpython,sql,git\ttesting,test-automation,playwright,rest-apis,performance-testing,ci-cd,"
        "debugging\trole"
    )
    assert rows[13] == "19-1029.03\t15%\tpython,git,sql\tr,cpp,linux,excel,java\toccupation"  # Geneticists
    assert rows.index(STATISTICIANS.format("7%")) == 50
    # no discover answers: an occupation whose skills cannot be measured has nothing to rank by and comes last
    assert rows.index(TECHNOLOGISTS.format("0%")) == 173
    assert all(r.endswith("\toccupation, skills not measured") for r in rows[rows.index(TECHNOLOGISTS.format("0%")) :])
    kinds = {r.rsplit("\t", 1)[1] for r in rows}
    assert kinds == {"role", "occupation", "occupation, skills not measured"}


def test_with_discover_answers_an_unmeasured_occupation_ranks_by_interests_and_preparation(career):
    assert career("discover", "--interests", "IC", "--zone", "4", "--limit", "1").code == 0
    rows = career("suggest", *HAVE, "--limit", "0").out.splitlines()
    # 0.1 x interest fit 0.73 + 0.05 x its zone accepted = 12 %, ahead of roles and occupations that score less
    assert rows.index(TECHNOLOGISTS.format("12%")) == 89
    assert rows.index(STATISTICIANS.format("19%")) == 39
    why = json.loads(career("suggest", *HAVE, "--why", "29-2011.01", "--json").out)["why"]
    assert [(p["part"], p["value"]) for p in why["parts"]] == [
        ("skills", None),
        ("path", None),
        ("interests", 0.73),
        ("preparation", 1.0),
    ]
    assert (why["score"], why["units"]) == (0.123, [])
    page = career("suggest", *HAVE, "--why", "29-2011.01", env={"COLUMNS": "200"}).out
    assert (
        "Cytogenetic Technologists: score 12%, its interests and preparation parts at their own weights (its skills "
        "cannot be measured)"
    ) in page
    assert "not measurable: too few of the occupation's technologies are careercli skills" in page


def test_json_says_what_each_suggestion_is(career):
    found = json.loads(career("suggest", *HAVE, "--limit", "0", "--json").out)
    assert found["total"] == 196
    by_id = {s["role"]: s for s in found["suggestions"]}
    assert {k: by_id["qa-engineer"][k] for k in ("kind", "skills_measured")} == {
        "kind": "role",
        "skills_measured": True,
    }
    statisticians = by_id["15-2041.00"]
    assert (statisticians["kind"], statisticians["skills_measured"], statisticians["name"]) == (
        "occupation",
        True,
        "Statisticians",
    )
    assert statisticians["pay"]["code"] == "15-2041"
    technologists = by_id["29-2011.01"]
    assert (technologists["skills_measured"], technologists["have"], technologists["missing"]) == (False, [], [])
