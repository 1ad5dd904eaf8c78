"""The direct path (careercli.cli.direct) answers the everyday command lines of list, show, books, search and
bookmark list without Typer: it must print, fail and exit exactly as the Typer app does, and leave everything
else to the app."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from careercli.cli import direct

# the Typer app alone, as the console script ran every command before the direct path
TYPER = "import sys\nfrom careercli.cli.app import run\nsys.exit(run(sys.argv[1:]))\n"
# the console script, noting whether Typer was imported
SCRIPT = (
    "import sys\nfrom careercli.entry import _main\ncode = _main(sys.argv[1:])\n"
    "sys.stderr.write('[typer]' if 'typer' in sys.modules else '')\nsys.exit(code)\n"
)

SHAPES = [
    ["list"],
    ["list", "--json"],
    ["list", "--category", "data"],
    ["list", "-c", "security", "--json"],
    ["list", "--category", "data", "--group", "15"],  # the two kinds at once: a usage error (2)
    ["list", "--occupations"],
    ["list", "-g", "15"],
    ["list", "--group", "99"],  # no such group
    ["show", "backend-developer"],
    ["show", "back", "end", "developer"],
    ["show", "--json", "devops"],
    ["show", "backend-developer", "--format", "markdown"],
    ["show", "backend-developer", "--json", "--format", "markdown"],  # disagree: 2
    ["show", "15-1252.00"],
    ["show", "software developers", "--json"],
    ["show", "no-such-role-anywhere"],
    ["show", ""],
    ["books"],
    ["books", "--limit", "3"],
    ["books", "-n", "0", "--json"],
    ["books", "--role", "qa-engineer", "--since", "2023"],
    ["books", "--skill", "kubernetes", "--author", "burns", "--topic", "kubernetes"],
    ["books", "--role", "nobody"],
    ["search", "kubernetes"],
    ["search", "data", "security", "--kind", "role"],
    ["search", "kleppmann", "--json", "-n", "2"],
    ["search", "actuary", "-k", "occupation"],
    ["search", "zzqqxx"],
    ["bookmark", "list"],
    ["bookmark", "list", "--json"],
    ["bookmark", "list", "--tag", "later"],
    ["bookmark", "list", "-t", "nothing"],
    ["list", "--color", "never", "--no-pager"],
    # read as Click reads them: --opt=value, short options run together, --, a repeated option (the last counts)
    ["books", "--limit=3"],
    ["books", "-n3", "--since=2020"],
    ["list", "-oc", "data"],  # --occupations and --category: the usage error of both kinds
    ["show", "--", "-x"],
    ["show", "-"],
    ["search", "go", "--json", "--json"],
    ["list", "--pager", "--no-pager"],
    ["books", "--limit", "1", "-n", "2"],
    ["--help"],
    ["-h"],
]


def _run(code: str, argv: list[str], env: dict[str, str]) -> tuple[int, str, str]:
    done = subprocess.run([sys.executable, "-c", code, *argv], capture_output=True, text=True, encoding="utf-8",
                          env=env, timeout=60)  # fmt: skip
    return done.returncode, done.stdout, done.stderr


@pytest.fixture
def env(isolated_home: Path) -> dict[str, str]:
    """The suite's pinned terminal, the replay off, and one bookmark with a tag."""
    full = dict(os.environ) | {"CAREERCLI_NO_FAST_PATH": "1"}
    subprocess.run([sys.executable, "-m", "careercli", "bookmark", "add", "qa-engineer", "--tag", "later"],
                   env=full, check=True, capture_output=True)  # fmt: skip
    return full


@pytest.mark.parametrize("argv", SHAPES, ids=" ".join)
@pytest.mark.parametrize("terminal", [False, True], ids=["piped", "terminal"])
def test_the_direct_path_prints_and_exits_as_the_typer_app(env: dict[str, str], argv: list[str], terminal: bool):
    if terminal:
        env = env | {"FORCE_COLOR": "1"}  # rendered as on a terminal, with colour codes
    code, out, err = _run(SCRIPT, argv, env)
    assert "[typer]" not in err  # answered without Typer
    assert (code, out, err) == _run(TYPER, argv, env)
    assert code in (0, 1, 2)


@pytest.mark.parametrize(
    "argv",
    [
        ["show", "backend-developer", "--help"],
        ["list", "-h"],
        ["books", "--limit", "-1"],
        ["books", "--limit", "x"],
        ["books", "--limit", "+3"],
        ["books", "--since", "1800"],
        ["books", "--limit"],
        ["list", "--category", "DATA"],  # Click accepts any case; Typer answers
        ["list", "--category", "cooking"],
        ["list", "extra"],
        ["show"],
        ["search", "go", "--kind", "roles"],
        ["--color", "never", "list"],
        ["--json", "list"],
        ["bookmark"],
        ["bookmark", "add", "qa-engineer"],
        ["compare", "backend-developer", "devops-engineer"],
        [],
    ],
    ids=repr,
)
def test_anything_else_is_left_to_the_typer_app(argv: list[str]):
    assert direct.parse(argv) is None


@pytest.mark.parametrize(
    "argv",
    [["books", "--limit", "x"], ["list", "--category", "DATA"], ["show"], ["search", "go", "-k", "roles"]],
    ids=" ".join,
)
def test_left_over_command_lines_still_get_the_apps_answer(env: dict[str, str], argv: list[str]):
    code, out, err = _run(SCRIPT, argv, env)
    assert err.endswith("[typer]")
    assert (code, out, err.removesuffix("[typer]")) == _run(TYPER, argv, env)


def test_the_help_of_career_itself_is_the_app_groups_own():
    """career --help is rendered from the command table without Typer: the same usage, description, options,
    panels and epilog as the Typer group's help (an option added to the group must be added to the table)."""
    import typer

    from careercli.cli.app import app
    from careercli.cli.session import Session
    from careercli.presenters.help import help_spec, top_help

    group = typer.main.get_command(app)
    ctx = group.make_context("career", [], obj=Session(), resilient_parsing=True)
    assert help_spec(ctx) == top_help()
    assert [name for name, _ in top_help().options][-1] == "-h, --help"
