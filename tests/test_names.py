"""Names that say what they are: ``career where`` (the old ``career paths`` kept, hidden, for a release)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest


def test_where_names_the_folders_of_the_temporary_home(career, isolated_home: Path) -> None:
    result = career("where", "--json")
    assert (result.code, result.err) == (0, "")
    payload = json.loads(result.out)["paths"]  # the key is the data's name, as in schema 1
    assert payload["cache"] == str(isolated_home / "cache" / "careercli")


def test_the_old_name_paths_still_works_and_prints_the_same(career) -> None:
    new, old = career("where", "--json"), career("paths", "--json")
    assert (old.code, old.err) == (0, "")
    assert old.out == new.out
    assert career("paths").out == career("where").out  # a replay of one is never served for the other by mistake


def test_help_lists_where_and_not_the_old_name(career) -> None:
    page = career("--help", env={"COLUMNS": "100"}).out
    assert "│ where " in page
    assert " paths " not in page
    assert "career paths" not in page


def test_the_old_names_help_says_it_is_the_old_name(career) -> None:
    page = career("paths", "--help", env={"COLUMNS": "200"}).out
    assert page.splitlines()[1] == "Usage: career paths [OPTIONS]"
    assert "The old name of 'career where', kept for one release: use 'career where'." in page


@pytest.mark.parametrize("words", ["career pa", "career "])
def test_tab_offers_where_never_the_old_name(career, words: str) -> None:
    env = {"_CAREER_COMPLETE": "complete_bash", "COMP_WORDS": words, "COMP_CWORD": "1"}
    offered = career(env=env).out.split()
    assert "paths" not in offered
    assert ("where" in offered) is (words == "career ")
    assert ("path" in offered) is True
