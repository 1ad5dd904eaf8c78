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


# --- career help environment: the one table of variables, the README's repeats it --------------------------------


def _readme_environment_rows() -> list[str]:
    readme = (Path(__file__).parents[1] / "README.md").read_text("utf-8")
    section = readme.split("\n## Environment\n", 1)[1].split("\n## ", 1)[0]
    return [line for line in section.splitlines() if line.startswith("| `")]


def test_the_readme_lists_the_variables_of_the_help_page_word_for_word() -> None:
    from careercli import environment

    assert _readme_environment_rows() == environment.markdown_rows()


def test_help_environment_lists_every_variable_of_the_readme_one_row_each(career) -> None:
    result = career("help", "environment")  # piped: one tab-separated row a line
    assert (result.code, result.err) == (0, "")
    page = [line.split("\t") for line in result.out.splitlines()]
    readme = [row.split(" | ") for row in _readme_environment_rows()]
    assert [names.split() for names, _about in page] == [r[0].strip("| ").replace("`", "").split(", ") for r in readme]
    assert [about for _names, about in page] == [r[1].removesuffix(" |").replace("`", "") for r in readme]
    assert "CAREERCLI_NO_REPLAY" in result.out


def test_help_environment_on_a_terminal_and_as_json(career) -> None:
    page = career("help", "environment", "--format", "text", env={"FORCE_COLOR": "1", "COLUMNS": "100"})
    assert page.code == 0
    assert "What it does" in page.out
    rows = json.loads(career("help", "environment", "--json").out)["environment"]
    assert {"variables": ["PAGER", "LESS"], "about": "the pager for long pages (default less, with LESS=FRX unless "
            "set)"} in rows  # fmt: skip


def test_career_help_lists_its_topic_and_the_top_level_help_the_group(career) -> None:
    assert "│ help " in career("--help", env={"COLUMNS": "100"}).out
    assert "environment" in career("help", "--help", env={"COLUMNS": "100"}).out
