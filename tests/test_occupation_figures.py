"""``list --occupations`` / ``--group NN`` and ``search --kind occupation`` sorted by pay, growth or openings and
filtered by job zone, entry education and minimum pay (issue 23.4), through the installed command on the bundled
data (BLS OEWS May 2025, Employment Projections 2024-34, O*NET 29.2) and after importing a workbook of real May
2024 rows (tests/fixtures/bls)."""

from __future__ import annotations

import json
from pathlib import Path

OEWS_2024 = Path(__file__).parent / "fixtures" / "bls" / "national_M2024_dl.xlsx"
SOFTWARE_DEVELOPERS = (
    "15-1252.00\tSoftware Developers\t4\t$135,980\t+15.8%\t115,200\tBachelor's degree\tbackend-developer,"
    "android-developer,ios-developer,game-developer,embedded-systems-engineer,devops-engineer,"
    "site-reliability-engineer,software-engineer,staff-engineer,mobile-developer"
)


def test_by_pay_within_a_group_highest_first(career):
    result = career("list", "--group", "15", "--sort", "pay")
    assert (result.code, result.err) == (0, "")
    rows = result.out.splitlines()
    assert len(rows) == 38  # every occupation of the group: sorting leaves none out
    assert rows[:4] == [
        "15-1221.00\tComputer and Information Research Scientists\t5\t$140,300\t+19.7%\t3,200\tMaster's degree\t"
        "ai-engineer",
        "15-1243.01\tData Warehousing Specialists\t4\t$139,500\t+8.7%\t4,000\tBachelor's degree\t"
        "data-engineer,analytics-engineer",  # equal pay: by title
        "15-1243.00\tDatabase Architects\t4\t$139,500\t+8.7%\t4,000\tBachelor's degree\tdata-architect",
        SOFTWARE_DEVELOPERS,
    ]
    assert (
        rows[-1]
        == "15-1232.00\tComputer User Support Specialists\t3\t$61,860\t-3.7%\t40,800\tSome college, no degree\t"
    )


def test_by_growth_and_by_openings_over_every_occupation(career):
    growth = career("list", "--occupations", "--sort", "growth").out.splitlines()
    assert growth[:2] == [
        "29-1171.00\tNurse Practitioners\t5\t$132,300\t+40.1%\t29,500\tMaster's degree\t",
        "15-2051.01\tBusiness Intelligence Analysts\t4\t$120,230\t+33.5%\t23,400\tBachelor's degree\tbi-analyst",
    ]
    openings = career("list", "--occupations", "--sort", "openings").out.splitlines()
    assert openings[:2] == [
        "11-1021.00\tGeneral and Operations Managers\t4\t$105,770\t+4.4%\t308,700\tBachelor's degree\t",
        "43-9061.00\tOffice Clerks, General\t2\t$45,010\t-6.7%\t282,400\tHigh school diploma or equivalent\t",
    ]
    assert len(growth) == len(openings) == 175  # the bundled O*NET occupations


def test_filters_combine_and_the_minimum_is_inclusive(career):
    result = career("list", "-o", "--zone", "3-4", "--education", "bachelor,master", "--min-pay", "130000")
    assert (result.code, result.err) == (0, "")
    rows = result.out.splitlines()
    codes = [r.split("\t")[0] for r in rows]
    assert len(rows) == 19
    assert "15-2011.00\tActuaries\t4\t$130,000\t+21.8%\t2,400\tBachelor's degree\t" in rows  # exactly the minimum
    assert SOFTWARE_DEVELOPERS in rows
    assert "29-1171.00" not in codes  # zone 5
    assert codes == sorted(codes)  # no --sort: in code order, as the listing always was
    for row in rows:
        _, _, zone, pay, _, _, education, _ = row.split("\t")
        assert zone in ("3", "4")
        assert education in ("Bachelor's degree", "Master's degree")
        assert int(pay.strip("$ *").replace(",", "")) >= 130000


def test_an_occupation_without_the_figure_sorts_last_and_the_listing_says_so(career, cli):
    assert career("data", "import-oews", str(OEWS_2024)).code == 0  # May 2024: 7 detailed occupations only
    result = career("list", "--group", "15", "--sort", "pay")
    assert result.code == 0
    assert result.err == "24 have no median annual pay from BLS and come last.\n"
    rows = result.out.splitlines()
    assert [r.split("\t")[:4] for r in rows[:2]] == [
        ["15-1252.00", "Software Developers", "4", "$133,080"],
        ["15-1212.00", "Information Security Analysts", "4", "$124,910"],
    ]
    published = [r for r in rows if "\tnot published\t" not in r]
    assert len(published) == 14
    assert rows[:14] == published  # the 24 without a median come after every other
    assert rows[14].startswith("15-1221.00\tComputer and Information Research Scientists\t5\tnot published\t+19.7%")
    page = cli("list", "--group", "15", "--sort", "pay", tty=True).out
    assert "Sorted by median annual pay, highest first. 24 have no such figure from BLS and come last," in " ".join(
        page.split()
    )
    assert "-: not published (by BLS; a zone: by O*NET)." in page
    assert "Pay: U.S., OEWS May 2024; outlook: U.S., Employment Projections 2024–34." in " ".join(page.split())


def test_a_filter_keeps_an_occupation_it_cannot_check_and_says_so(career):
    result = career("list", "--group", "15", "--zone", "5")
    assert result.code == 0
    assert result.err == "2 have no published figure to filter by and are kept.\n"
    assert [r.split("\t")[:3] for r in result.out.splitlines() if r.split("\t")[2] != "5"] == [
        ["15-1299.00", "Computer Occupations, All Other", ""],
        ["15-2099.00", "Mathematical Science Occupations, All Other", ""],
    ]


def test_search_sorted_and_filtered(career):
    result = career("search", "engineer", "--kind", "occupation", "--sort", "pay", "--education", "bachelor", "-n", "3")
    assert result.code == 0
    assert result.out.splitlines() == [
        "11-3021.00\tComputer and Information Systems Managers\t4\t$175,140\t+15.2%\t55,600\tBachelor's degree\t"
        "also called: Software Engineering Director",
        "11-9041.00\tArchitectural and Engineering Managers\t5\t$171,270\t+3.8%\t14,500\tBachelor's degree\ttitle",
        "11-9121.00\tNatural Sciences Managers\t5\t$167,220\t+3.7%\t8,500\tBachelor's degree\t"
        "also called: Chemical Engineer Supervisor",
    ]
    assert result.err == "showing 3 of 50; --limit 0 for all\n"
    found = json.loads(career("search", "engineer", "-k", "occupation", "--sort", "pay", "-n", "1", "--json").out)
    assert (found["total"], found["limit"]) == (69, 1)
    first = found["results"][0]
    assert {k: first[k] for k in ("kind", "id", "title", "job_zone", "median_pay", "change_percent")} == {
        "kind": "occupation",
        "id": "11-3021.00",
        "title": "Computer and Information Systems Managers",
        "job_zone": 4,
        "median_pay": 175140,
        "change_percent": 15.2,
    }
    assert first["pay"]["release"] == "May 2025"
    assert first["outlook"]["release"] == "2024–34"
    nothing = career("search", "engineer", "-k", "occupation", "--min-pay", "9000000")
    assert (nothing.code, nothing.out) == (0, "")
    assert nothing.err == "No occupation that matches passes these filters; try wider zones or a lower --min-pay.\n"


def test_json_of_a_filtered_listing(career):
    found = json.loads(career("list", "--occupations", "--min-pay", "200000", "--json").out)["occupations"]
    assert {k: found[k] for k in ("group", "sort", "zones", "education", "min_pay", "considered")} == {
        "group": None,
        "sort": None,
        "zones": None,
        "education": None,
        "min_pay": 200000,
        "considered": 175,
    }
    assert [(o["code"], o["median_pay"], o["roles"]) for o in found["occupations"]] == [
        ("29-1214.00", 335550, []),
        ("29-1229.05", 265930, []),
    ]
    assert found["occupations"][1]["pay"]["aggregate"] is True  # 29-1229 Physicians, All Other
    assert found["bls"][-1].startswith("Source: U.S. Bureau of Labor Statistics, Occupational Employment")
    assert found["credit"].startswith("This product includes information from the O*NET 29.2 Database")


def test_without_the_new_options_the_listings_are_as_before(career):
    assert (
        career("list", "--group", "15").out.splitlines()[2]
        == "15-1212.00\tInformation Security Analysts\tsecurity-analyst"
    )
    assert career("list", "--occupations").out.splitlines()[2] == "15\tComputer and Mathematical Occupations\t38"


def test_wrong_or_misplaced_options_are_usage_errors(career):
    cases = {
        ("search", "developer", "--sort", "pay"): "career: --sort, --zone, --education and --min-pay apply to "
        "occupations: add --kind occupation\n",
        ("list", "--min-pay", "90000"): "career: --sort, --zone, --education and --min-pay list occupations: add "
        "--occupations, or --group NN for one group\n",
        ("list", "-o", "--education", "phd"): "career: --education takes one or more of doctoral, master, bachelor, "
        "associate, postsecondary, some-college, high-school, none (e.g. bachelor,master)\n",
        ("list", "-o", "--zone", "6"): "career: --zone takes job zones from 1 to 5: one (4), a range (3-4) or a list "
        "(2,4)\n",
        ("list", "-o", "--sort", "pay", "--category", "data"): "career: --category lists roles; --occupations and "
        "--group list occupations: give one\n",
    }
    for argv, message in cases.items():
        result = career(*argv)
        assert (result.code, result.out, result.err) == (2, "", message), argv
    refused = career("list", "-o", "--sort", "salary")
    assert refused.code == 2
    assert "'salary' is not one of 'pay', 'growth', 'openings'" in refused.err
