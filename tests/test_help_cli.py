"""Help and arguments as a person meets them (issue 26, "Output for scripts and help"): usage lines without
Typer's braces, unquoted multi-word names in every command that takes a name, groups called alone, "did you
mean" for a mistyped command, ``career help COMMAND``, one meaning per short flag, and the output options
described once."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from careercli.grammar_tree import TREE

WIDE, NARROW = {"COLUMNS": "200"}, {"COLUMNS": "60"}


def _profile(home: Path) -> dict:
    return tomllib.loads((home / "config" / "careercli" / "profile.toml").read_text(encoding="utf-8"))


def _paths(node: dict, path: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Every command path of the app, groups included, hidden ones left out."""
    found = [path] if path else []
    for name, _help, hidden, sub in node["commands"]:
        if not hidden:
            found += _paths(sub, (*path, name))
    return found


# --- 1. usage lines read ROLE... or NAME, never {ROLE...} ----------------------------------------------------


@pytest.mark.parametrize(
    ("path", "usage"),
    [
        (("show",), "Usage: career show [OPTIONS] ROLE..."),
        (("compare",), "Usage: career compare [OPTIONS] ROLE..."),
        (("search",), "Usage: career search [OPTIONS] WORDS..."),
        (("skills", "add"), "Usage: career skills add [OPTIONS] SKILL..."),
        (("config", "set"), "Usage: career config set [OPTIONS] KEY VALUE"),
        (("bookmark",), "Usage: career bookmark [OPTIONS] COMMAND [ARGS]..."),
    ],
)
def test_usage_lines_name_arguments_plainly(career, path: tuple[str, ...], usage: str) -> None:
    for env in (WIDE, NARROW):
        result = career(*path, "--help", env=env)
        assert (result.code, result.err) == (0, "")
        assert result.out.splitlines()[1] == usage


def test_no_help_page_shows_braces_around_an_argument(career) -> None:
    for path in _paths(TREE):
        page = career(*path, "--help", env=WIDE).out
        usage = page.splitlines()[1]
        assert usage.startswith(f"Usage: career {' '.join(path)}"), path
        assert "{" not in usage, usage
        assert "}" not in usage, usage
        options = [line for line in page.splitlines() if line.startswith(("│ -", "│ --"))]
        assert [line for line in options if " <" in line] == [], path  # Typer's <str>, <int range>, <a|b>


@pytest.mark.parametrize(
    ("path", "row"),
    [
        (("books",), "│ -n, --limit N "),
        (("books",), "│ --since YEAR "),
        (("books",), "│ -r, --role ROLE "),
        (("reading", "add"), "│ -s, --status [want|reading|read] "),
        (("export",), "│ -o, --output FILE "),
    ],
)
def test_option_values_are_named(career, path: tuple[str, ...], row: str) -> None:
    assert row in career(*path, "--help", env=WIDE).out


# --- 6. unquoted multi-word names in bookmark and reading ----------------------------------------------------


def test_bookmark_add_and_remove_take_an_unquoted_name(career, isolated_home: Path) -> None:
    added = career("bookmark", "add", "data", "engineer", "--note", "after QA")
    assert (added.code, added.out, added.err) == (0, "Bookmarked Data Engineer (data-engineer).\n", "")
    assert [(b["role"], b["note"]) for b in _profile(isolated_home)["bookmark"]] == [("data-engineer", "after QA")]
    removed = career("bookmark", "remove", "data", "engineer")
    assert (removed.code, removed.out, removed.err) == (0, "Removed the bookmark for data-engineer.\n", "")
    assert _profile(isolated_home).get("bookmark", []) == []


def test_reading_add_and_remove_take_an_unquoted_title(career, isolated_home: Path) -> None:
    added = career("reading", "add", "designing", "data", "intensive", "applications", "--status", "reading")
    assert (added.code, added.err) == (0, "")
    assert added.out == "Designing Data-Intensive Applications: reading.\n"
    entries = [(r["book"], r["status"]) for r in _profile(isolated_home)["reading"]]
    assert entries == [("designing-data-intensive-applications", "reading")]
    removed = career("reading", "remove", "designing", "data", "intensive", "applications")
    assert (removed.code, removed.err) == (0, "")
    assert removed.out.startswith("Removed Designing Data-Intensive Applications")
    assert _profile(isolated_home).get("reading", []) == []


def test_a_quoted_name_still_works_and_a_missing_one_is_a_usage_error(career, isolated_home: Path) -> None:
    assert career("bookmark", "add", "data engineer").code == 0
    missing = career("bookmark", "add")
    assert (missing.code, missing.out) == (2, "")
    assert missing.err == "career: Missing argument 'ROLE...'.\nTry 'career bookmark add --help' for help.\n"


# --- 4. a group called alone prints its help, like git and gh --------------------------------------------------


@pytest.mark.parametrize("group", ["cache", "bookmark", "skills", "reading", "data", "config"])
def test_a_group_alone_prints_its_help_to_stdout_and_exits_0(career, group: str) -> None:
    for env in (WIDE, NARROW):
        alone, asked = career(group, env=env), career(group, "--help", env=env)
        assert (alone.code, alone.err) == (0, "")
        assert alone.out == asked.out
        assert alone.out.splitlines()[1] == f"Usage: career {group} [OPTIONS] COMMAND [ARGS]..."
        assert "career:" not in alone.out


# --- 5. did you mean, and career help COMMAND ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "message", "where"),
    [
        (["sho"], "No such command 'sho'. Did you mean 'show'?", "career"),
        (["bookmak", "list"], "No such command 'bookmak'. Did you mean 'bookmark', 'book', 'books'?", "career"),
        (["help", "sho"], "No such command 'sho'. Did you mean 'show'?", "career help"),
        (["help", "environmnt"], "No such command 'environmnt'. Did you mean 'environment'?", "career help"),
    ],
)
def test_a_mistyped_command_gets_did_you_mean(career, argv: list[str], message: str, where: str) -> None:
    result = career(*argv)
    assert (result.code, result.out) == (2, "")
    assert result.err == f"career: {message}\nTry '{where} --help' for help.\n"


def test_a_word_like_no_command_gets_no_guess(career) -> None:
    result = career("xyzzy")
    assert (result.code, result.err) == (2, "career: No such command 'xyzzy'.\nTry 'career --help' for help.\n")


@pytest.mark.parametrize(
    "path", [("show",), ("bookmark", "add"), ("bookmark",), ("data", "import-onet"), ("paths",), ("help",)]
)
def test_career_help_command_is_the_commands_own_help(career, path: tuple[str, ...]) -> None:
    for env in (WIDE, NARROW):
        via_help, own = career("help", *path, env=env), career(*path, "--help", env=env)
        assert (via_help.code, via_help.err) == (0, "")
        assert via_help.out == own.out
        assert via_help.out.splitlines()[1].startswith(f"Usage: career {' '.join(path)} ")


def test_career_help_keeps_its_topics_and_refuses_an_unknown_subcommand(career) -> None:
    environment = career("help", "environment")
    assert (environment.code, environment.err) == (0, "")
    assert environment.out.startswith("XDG_CONFIG_HOME")
    wrong = career("help", "bookmark", "ad")
    assert (wrong.code, wrong.out) == (2, "")
    assert wrong.err == "career: No such command 'career bookmark ad'.\nTry 'career bookmark --help' for help.\n"


def test_career_help_alone_says_how_to_get_a_commands_help(career) -> None:
    result = career("help", env=WIDE)
    assert (result.code, result.err) == (0, "")
    assert "'career help show' is 'career show --help'" in result.out
    assert "│ environment " in result.out


# --- 3. one short flag, one meaning ---------------------------------------------------------------------------

MEANING = {"-f": "--format", "-o": "--output", "-s": "--status", "-t": "--tag", "-n": "--limit", "-h": "--help"}


def test_each_short_flag_means_one_thing_in_every_command() -> None:
    meanings: dict[str, set[str]] = {}

    def walk(node: dict) -> None:
        for option in node["options"]:
            if not option["hidden"]:
                long = next(name for name in option["opts"] if name.startswith("--"))
                for short in (name for name in option["opts"] if not name.startswith("--")):
                    meanings.setdefault(short, set()).add(long)
        for _name, _help, _hidden, sub in node["commands"]:
            walk(sub)

    walk(TREE)
    assert {short: longs for short, longs in meanings.items() if len(longs) > 1} == {}
    assert {short: meanings[short] for short in MEANING if short in meanings} == {k: {v} for k, v in MEANING.items()}


@pytest.mark.parametrize(
    ("path", "gone"),
    [(("books",), ["-s,", "-t,"]), (("export",), ["-f,"]), (("list",), ["-o,"]), (("discover",), ["-s,"])],
)
def test_help_no_longer_offers_the_old_short_flags(career, path: tuple[str, ...], gone: list[str]) -> None:
    page = career(*path, "--help", env=WIDE).out
    assert [flag for flag in gone if flag in page] == []


@pytest.mark.parametrize("before", [[], ["--color", "never"]])  # the direct path, and the Typer app
def test_the_old_short_flags_still_work_for_a_release(career, before: list[str]) -> None:
    def same(old: list[str], new: list[str]) -> None:
        got, want = career(*before, *old), career(*before, *new)
        assert (got.code, got.out, got.err) == (want.code, want.out, want.err)
        assert got.code == 0
        assert got.out

    same(["books", "-s", "kubernetes"], ["books", "--skill", "kubernetes"])
    same(["books", "-t", "kubernetes", "--limit", "0"], ["books", "--topic", "kubernetes", "--limit", "0"])
    same(["list", "-o"], ["list", "--occupations"])
    # the new spelling wins over the old one, whatever their order
    same(["books", "--skill", "go", "-s", "kubernetes"], ["books", "--skill", "go"])


def test_export_dash_f_still_overwrites(career, tmp_path: Path) -> None:
    target = tmp_path / "profile.md"
    target.write_text("old\n", encoding="utf-8")
    refused = career("export", "-o", str(target))
    assert (refused.code, target.read_text(encoding="utf-8")) == (1, "old\n")
    forced = career("export", "-f", "-o", str(target))
    assert (forced.code, forced.err) == (0, "")
    assert target.read_text(encoding="utf-8").startswith("# ")


# --- 2. the output options described once ---------------------------------------------------------------------

OUTPUT_NAMES = ("--color", "--pager", "--json", "--format")


@pytest.mark.parametrize("path", [("show",), ("books",), ("bookmark", "list"), ("export",), ("config", "set")])
def test_a_commands_help_names_the_output_options_without_describing_them(career, path: tuple[str, ...]) -> None:
    for env in (WIDE, NARROW):
        page = career(*path, "--help", env=env).out
        options = page[page.index("─ Options ") :]
        assert [name for name in OUTPUT_NAMES if f" {name} " in options.split("╰")[0]] == []
        named = next(line for line in page.splitlines() if line.startswith("  Output: "))
        assert "(career help output)" in page
        takes_json = path != ("export",) and path != ("config", "set")
        assert ("--json" in named) is takes_json
        assert "--color" in named


def test_career_help_and_help_output_describe_them_once(career) -> None:
    for env in (WIDE, NARROW):
        top = career("--help", env=env).out
        assert top.count("--json ") == 1
        assert top.count("--color WHEN") == 1
        assert "─ Output options (career help output) " in top
        page = career("help", "output", env=env)
        assert (page.code, page.err) == (0, "")
        assert page.out.splitlines()[1] == "Usage: career COMMAND [ARGS]... [OUTPUT OPTIONS]"
        for line in ("--color WHEN", "--pager / --no-pager", "--json", "-f, --format FORMAT"):
            assert f"│ {line} " in page.out
    words = " ".join(career("help", "output", env=WIDE).out.split())
    assert "a listing or a page: list, show, books, book, search," in words
    assert "bookmark list, skills list, reading list," in words


def test_the_output_options_still_work_in_every_position(career) -> None:
    first, last = career("--color", "never", "list", "--json"), career("list", "--json", "--color", "never")
    assert (first.code, last.code) == (0, 0)
    assert first.out == last.out
    assert first.out.startswith("{")
    assert career("books", "-f", "json", "--limit", "1").out.startswith("{")


def test_the_table_of_output_options_is_the_options_own() -> None:
    """commands.OUTPUT_OPTIONS (read without Typer by 'career --help') has the options' own spellings and help."""
    import typer

    from careercli.cli.options import _options
    from careercli.commands import OUTPUT_OPTIONS

    command = typer.core.TyperCommand("x")
    ctx = typer.Context(command)
    records = [option.get_help_record(ctx) for option in _options(views=True)]
    assert [(name.split(" <")[0], text) for name, text in records] == [
        (name.removesuffix(" FORMAT"), text) for name, text in OUTPUT_OPTIONS
    ]
