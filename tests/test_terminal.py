"""Output that fits where it goes: colour rules, one record a line when piped, narrow terminals, formats."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

import pytest

ESCAPE = re.compile(r"\x1b\[")


def test_piped_listings_are_one_record_a_line(cli) -> None:
    listing = cli("list").out.splitlines()
    roles = json.loads(cli("list", "--json").out)["roles"]
    assert len(listing) == len(roles)
    assert listing[1].split("\t") == [roles[1]["slug"], roles[1]["name"], roles[1]["category"], roles[1]["summary"]]
    books = cli("books", "--role", "backend-developer", "--limit", "0").out.splitlines()
    assert len(books) == len(
        json.loads(cli("books", "--role", "backend-developer", "--limit", "0", "--json").out)["books"]
    )
    assert all(line.count("\t") == 5 for line in books)
    hits = cli("search", "kubernetes", "--limit", "4").out.splitlines()
    assert hits[0].split("\t")[:2] == ["skill", "kubernetes"]
    assert len(hits) == 4


def test_grep_finds_a_role_on_its_own_line(cli) -> None:
    matching = [line for line in cli("list").out.splitlines() if "security" in line]
    assert {line.split("\t")[0] for line in matching} >= {"security-engineer", "penetration-tester"}


def test_no_escape_codes_when_piped_even_for_pages(cli) -> None:
    for args in (("show", "backend-developer"), ("list",), ("books",), ("compare", "backend", "frontend"),
                 ("path", "qa-engineer"), ("gap", "backend-developer", "--have", "python")):  # fmt: skip
        assert not ESCAPE.search(cli(*args).out), args


def test_color_always_and_force_color_add_escape_codes(cli, monkeypatch: pytest.MonkeyPatch) -> None:
    assert ESCAPE.search(cli("--color", "always", "show", "backend-developer").out)
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert ESCAPE.search(cli("show", "backend-developer").out)
    assert not ESCAPE.search(cli("--color", "never", "show", "backend-developer").out)


def test_no_color_on_a_forced_terminal_has_no_colours(cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setenv("NO_COLOR", "1")
    out = cli("show", "backend-developer").out
    assert not re.search(r"\x1b\[[0-9;]*3[0-9]m", out)  # no foreground colours (bold may stay)


def test_bad_color_value_is_a_usage_error(cli) -> None:
    result = cli("--color", "purple", "list")
    assert result.code == 2
    assert "'purple' is not one of 'auto', 'always', 'never'" in result.err


@pytest.mark.parametrize("width", [80, 60])
@pytest.mark.parametrize(
    ("args", "needed"),
    [
        (("list",), ["Back-End Developer", "backend-developer", "Builds the server"]),
        (("books", "--author", "kleppmann"), ["Designing", "Kleppmann", "O'Reilly", "2017"]),
        (("search", "kubernetes", "-n", "3"), ["skill", "kubernetes", "50.1"]),
        (("suggest", "--have", "python,sql,git", "-n", "3"), ["QA/Test", "26%", "3/10"]),
        (("compare", "backend", "frontend"), ["Back-End", "Front-End", "Git"]),
        (("gap", "backend-developer", "--have", "python"), ["PostgreSQL", "Caching", "1 of 13"]),
    ],
)
def test_narrow_terminals_keep_the_columns_a_user_needs(cli, monkeypatch, width: int, args, needed) -> None:
    monkeypatch.setenv("COLUMNS", str(width))
    out = cli(*args, tty=True).out
    assert max(len(line) for line in out.splitlines()) <= width
    flat = re.sub(r"\s+", "", out)
    for word in needed:
        assert re.sub(r"\s+", "", word) in flat, word


def test_show_formats(cli) -> None:
    markdown = cli("show", "backend-developer", "--format", "markdown").out
    assert markdown.startswith("# Back-End Developer\n")  # a hyphen changes nothing: not escaped
    assert "| Challenge | Why it is hard |" in markdown
    as_json = json.loads(cli("show", "backend-developer", "-f", "json").out)
    assert as_json["role"]["slug"] == "backend-developer"
    svg = cli("show", "backend-developer", "--format", "svg").out
    root = ET.fromstring(svg)
    assert root.tag.endswith("svg")
    assert "Back-End" in svg
    html = cli("show", "backend-developer", "--format", "html").out
    assert html.lstrip().lower().startswith("<!doctype html>")
    assert "What they do" in html
    bad = cli("show", "backend-developer", "--format", "pdf")
    assert bad.code == 2
    assert "'pdf' is not one of 'text', 'markdown', 'json', 'svg', 'html'" in bad.err


@pytest.mark.parametrize(
    ("shell", "env", "expected"),
    [
        ("bash", {"COMP_WORDS": "career show back", "COMP_CWORD": "2"}, "backend-developer"),
        ("zsh", {"_TYPER_COMPLETE_ARGS": "career show back"},
         "backend-developer\tbackend-developer  -- Back-End Developer"),
        ("fish", {"_TYPER_COMPLETE_ARGS": "career show back", "_TYPER_COMPLETE_FISH_ACTION": "get-args"},
         "backend-developer\tBack-End Developer"),
    ],
)  # fmt: skip
def test_completion_protocol_for_each_shell(career, shell: str, env: dict[str, str], expected: str) -> None:
    result = career(env={"_CAREER_COMPLETE": "lines_zsh" if shell == "zsh" else f"complete_{shell}", **env})
    assert result.code == 0
    assert expected in result.out


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("career reading add --status r", {"reading", "read"}),
        ("career search --kind b", {"book"}),
        ("career list --category d", {"development", "data", "design"}),
        ("career books --skill kube", {"kubernetes"}),
        ("career book fluent", {"fluent-python"}),
        ("career --color n", {"never"}),
    ],
)
def test_completion_of_values(career, words: str, expected: set[str]) -> None:
    env = {"_CAREER_COMPLETE": "complete_bash", "COMP_WORDS": words, "COMP_CWORD": str(len(words.split()) - 1)}
    result = career(env=env)
    assert set(result.out.split()) == expected


def test_completion_offers_my_bookmarks_and_tags(career) -> None:
    assert career("bookmark", "add", "qa-engineer", "--tag", "someday").code == 0
    env = {"_CAREER_COMPLETE": "complete_bash", "COMP_WORDS": "career bookmark remove ", "COMP_CWORD": "3"}
    assert career(env=env).out.split() == ["qa-engineer"]
    env = {"_CAREER_COMPLETE": "complete_bash", "COMP_WORDS": "career bookmark list --tag s", "COMP_CWORD": "4"}
    assert career(env=env).out.split() == ["someday"]
