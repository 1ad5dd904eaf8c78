"""An occupation's page: a legend for "hot" and "in demand" instead of a mark on every name, its other titles,
its job zone's usual education and training, and --all for the tasks and technologies the page leaves out."""

from __future__ import annotations

import json


def flat(text: str) -> str:
    return " ".join(text.split())


def test_the_page_explains_hot_once_and_says_how_to_see_the_rest(career) -> None:
    result = career("show", "15-1252.00")
    assert result.code == 0, result.err
    page = flat(result.out)
    assert "(in demand)" not in page
    assert page.count("Hot: often required in employers' job postings.") == 1
    assert "In demand Amazon Web Services AWS software, Atlassian JIRA," in page
    assert "and 129 more: career show 15-1252.00 --all" in page
    assert "and 11 more: career show 15-1252.00 --all" in page  # the tasks
    assert "Also called: .NET Developer, AI Specialist, ASP.NET Developer," in page
    assert "and 143 more (148 in all; --all lists them)" in page
    assert "Usually Most of these occupations require a four-year bachelor's degree, but some do not." in page
    assert "Training Employees in these occupations usually need several years of work-related experience" in page


def test_all_shows_every_task_technology_and_title(career) -> None:
    data = json.loads(career("show", "15-1252.00", "--json").out)["occupation"]
    result = career("show", "15-1252.00", "--all")
    assert result.code == 0, result.err
    page = flat(result.out)
    hot = [tech["name"] for tech in data["technologies"] if tech["hot"] or tech["in_demand"]]
    assert len(hot) == 153
    assert [name for name in hot if name not in page] == []
    assert [task for task in data["tasks"] if flat(task["text"]) not in page] == []
    assert "more: career show" not in page
    assert "148 in all" not in page
    assert "Also called: .NET Developer, AI Specialist," in page


def test_all_on_a_role_page_lists_its_occupations_technologies(career) -> None:
    short = career("show", "backend-developer")
    everything = career("show", "backend-developer", "--all")
    assert everything.code == 0, everything.err
    assert "more: career show 15-1252.00 --all" in flat(short.out)
    assert "more: career show" not in flat(everything.out)
    assert len(everything.out) > len(short.out) + 2000
