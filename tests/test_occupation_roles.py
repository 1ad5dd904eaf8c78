"""An occupation knows all its curated roles: ten roles link to 15-1252.00 Software Developers, and the group
listing and the occupation's page name every one of them, not only the first."""

from __future__ import annotations

import json

TEN = [
    "backend-developer", "android-developer", "ios-developer", "game-developer", "embedded-systems-engineer",
    "devops-engineer", "site-reliability-engineer", "software-engineer", "staff-engineer", "mobile-developer",
]  # fmt: skip


def test_the_group_listing_names_every_linked_role(career) -> None:
    piped = career("list", "--group", "15")
    assert piped.code == 0
    row = next(line for line in piped.out.splitlines() if line.startswith("15-1252.00\t"))
    assert row == "15-1252.00\tSoftware Developers\t" + ",".join(TEN)
    listed = json.loads(career("list", "--group", "15", "--json").out)["occupations"]["occupations"]
    developers = next(o for o in listed if o["code"] == "15-1252.00")
    assert (developers["role"], developers["roles"]) == ("backend-developer", TEN)
    page = career("list", "--group", "15", env={"FORCE_COLOR": "1", "COLUMNS": "300"}).out
    assert "◆ " + ", ".join(TEN) in page


def test_the_occupation_page_names_every_linked_role(career) -> None:
    shown = json.loads(career("show", "15-1252.00", "--json").out)["occupation"]
    assert shown["roles"] == TEN
    page = career("show", "15-1252.00", "--color", "never", env={"FORCE_COLOR": "1", "COLUMNS": "300"}).out
    assert "◆ curated roles: " + ", ".join(TEN) in page
    markdown = career("show", "15-1252.00", "--format", "markdown").out
    assert "Curated roles: " + ", ".join(f"`{r}`" for r in TEN) in markdown
    single = json.loads(career("show", "15-1243.00", "--json").out)["occupation"]
    assert single["roles"] == ["data-architect"]
