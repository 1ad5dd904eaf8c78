"""The surfaces a person touches (issue 15): the first screen, offline pictures, empty states, wording, tags,
preferences and the cache."""

from __future__ import annotations

import json
import re

import pytest


@pytest.mark.parametrize("columns", [40, 60, 80, 100, 120])
def test_first_screen_fits_the_terminal_and_breaks_no_word(career, columns: int) -> None:
    result = career(env={"COLUMNS": str(columns)})
    assert result.code == 0
    lines = result.out.splitlines()
    assert max(len(line) for line in lines) <= columns
    # every command and every description's words appear whole: no word is split over two lines
    words = set(re.findall(r"[\w-]+", result.out))
    for needed in ("backend-developer", "data-engineer", "devops-engineer", "category", "--since", "--help"):
        assert needed in words
    if columns >= 80:  # room for commands beside their descriptions
        assert any(line.startswith("  career list ") and "every role" in line for line in lines)


@pytest.mark.parametrize("fmt", ["svg", "html"])
def test_pictures_render_offline(career, fmt: str) -> None:
    result = career("show", "backend-developer", "--format", fmt)
    assert result.code == 0
    assert "Back-End Developer" in result.out.replace("&#160;", " ")
    # nothing on the network: the SVG namespace is a name, never fetched
    assert re.findall(r"https?://[^\s\"')]*", result.out.replace('xmlns="http://www.w3.org/2000/svg"', "")) == []
    assert "@font-face" not in result.out
    assert "monospace" in result.out


def test_a_tag_filter_that_matches_nothing_names_the_tags_in_use(cli) -> None:
    assert cli("bookmark", "add", "backend-developer", "--tag", "later").code == 0
    assert cli("bookmark", "add", "data-engineer", "--tag", "data").code == 0
    result = cli("bookmark", "list", "--tag", "nope", tty=True)
    assert result.code == 0
    assert result.out == "No bookmark has the tag 'nope'; the tags in use: data, later.\n"
    piped = cli("bookmark", "list", "--tag", "nope")
    assert (piped.code, piped.out) == (0, "")
    assert piped.err == "No bookmark has the tag 'nope'; the tags in use: data, later.\n"
    as_json = cli("bookmark", "list", "--tag", "nope", "--json")
    assert json.loads(as_json.out)["bookmarks"] == []
    assert as_json.err == ""


def test_no_bookmark_at_all_still_says_so(cli) -> None:
    result = cli("bookmark", "list", tty=True)
    assert result.out.startswith("No bookmarks yet.")


def test_tags_can_be_added_and_removed_without_replacing_the_others(cli) -> None:
    assert cli("bookmark", "add", "backend-developer", "--tag", "later", "--tag", "api", "--note", "n").code == 0
    assert cli("bookmark", "add", "backend-developer", "--add-tag", "python", "--add-tag", "api").code == 0
    assert cli("bookmark", "add", "backend-developer", "--remove-tag", "later").code == 0
    rows = cli("bookmark", "list").out.splitlines()
    assert [row.split("\t")[3] for row in rows] == ["api,python"]
    assert rows[0].split("\t")[4] == "n"  # the note is kept
    assert cli("bookmark", "add", "backend-developer", "--tag", "only").code == 0  # --tag still replaces
    assert cli("bookmark", "list").out.split("\t")[3] == "only"
    fresh = cli("bookmark", "add", "data-engineer", "--add-tag", "data")
    assert fresh.code == 0
    assert "data" in cli("bookmark", "list", "--tag", "data").out


def test_counts_agree_with_their_number(cli, tmp_path) -> None:
    tree = cli("path", "backend-developer", "--depth", "1", tty=True)
    assert "Where it leads (1 step)" in tree.out
    assert "Where it leads (2 steps)" in cli("path", "backend-developer", "--depth", "2", tty=True).out
    recorded = cli("skills", "add", "kubernetes", "Kubernetes", "k8s")
    assert recorded.out == "Recorded: Kubernetes.\n"
    custom = cli("skills", "add", "cobol-ish", "cobol-ish", "--custom")
    assert custom.out == "Recorded: cobol-ish (custom).\n"


def test_export_to_a_folder_asks_for_a_file_name_not_force(cli, tmp_path) -> None:
    result = cli("export", "-o", str(tmp_path))
    assert result.code == 1
    assert result.err == f"career: {tmp_path} is a folder; name a file\n"


@pytest.mark.parametrize(
    ("args", "where"),
    [
        (("books", "--role"), "career books --help"),
        (("bookmark", "add", "--note"), "career bookmark add --help"),
        (("bookmark", "add", "x", "--bogus"), "career bookmark add --help"),
        (("--bogus",), "career --help"),
    ],
)
def test_a_usage_error_names_the_help_of_its_own_command(cli, args: tuple[str, ...], where: str) -> None:
    result = cli(*args)
    assert result.code == 2
    assert result.err.splitlines()[-1] == f"Try '{where}' for help."


def test_compare_usage_line_and_error_name_the_same_argument(cli) -> None:
    usage = cli("compare", "--help").out
    error = cli("compare", "backend-developer")
    assert error.code == 2
    name = re.search(r"Invalid value for '([^']+)'", error.err).group(1)
    assert name == "ROLE..."
    assert f"career compare [OPTIONS] {{{name}}}" in usage
