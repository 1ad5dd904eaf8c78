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
    ["list", "--occupations", "--sort", "pay"],
    ["list", "-g", "15", "--zone", "3-4", "--education", "bachelor", "--json"],
    ["list", "--min-pay", "90000"],  # the figures are the occupations': a usage error (2)
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
    ["search", "engineer", "-k", "occupation", "--sort", "growth", "--min-pay", "100000", "-n", "5"],
    ["search", "developer", "--sort", "openings"],
    ["search", "zzqqxx"],
    ["discover", "--interests", "IC", "--zone", "4"],  # discover's first view: without Typer
    ["discover", "--scores", "R=1,I=9,A=2,S=1,E=3,C=8", "--json", "-n", "3"],
    ["discover", "--why", "15-2041.00"],
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
    full = dict(os.environ) | {"CAREERCLI_NO_REPLAY": "1"}
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


# --- command lines generated from the grammar ------------------------------------------------------------------

# runs each command line given on stdin (JSON) in a fork of one process, with stdout and stderr in files: the
# console script ("direct", noting whether Typer was imported) or the Typer app alone ("typer")
RUNNER = """
import json, os, sys, tempfile, traceback
mode, results = sys.argv[1], []
if mode == "typer":
    from careercli.cli.app import run as main
else:
    from careercli.entry import _main as main
for argv in json.load(sys.stdin):
    out, err = tempfile.TemporaryFile(), tempfile.TemporaryFile()
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:
        os.dup2(out.fileno(), 1)
        os.dup2(err.fileno(), 2)
        try:
            code = main(argv)
        except SystemExit as exc:
            code = exc.code
        except BaseException:
            traceback.print_exc()
            code = 99
        sys.stdout.flush()
        sys.stderr.write("[typer]" if mode == "direct" and "typer" in sys.modules else "")
        sys.stderr.flush()
        os._exit(code if isinstance(code, int) else 1)
    _, status = os.waitpid(pid, 0)
    out.seek(0)
    err.seek(0)
    results.append([os.waitstatus_to_exitcode(status), out.read().decode(), err.read().decode()])
sys.stdout.write(json.dumps(results))
"""

SAMPLE = {"roles": "backend-developer", "occupations": "backend-developer", "skills": "kubernetes",
          "topics": "kubernetes", "tags": "later", "groups": "15", None: "data"}  # fmt: skip


def _values(option: dict) -> list[str]:
    """Values at and beyond each boundary of an option's type, and values Click converts or refuses."""
    if option["type"] == "int":
        low, high = option["min"], option["max"]
        edges = [] if low is None else [str(low - 1), str(low), str(low + 1)]
        edges += [] if high is None else [str(high - 1), str(high), str(high + 1)]
        return [*edges, "3", "x", "+3", "-1", "", "0003", "٣"]
    if option["type"] == "choice":
        return [*option["choices"], option["choices"][0].upper(), "nope", ""]
    return [SAMPLE[option["complete"]], "-x", ""]


def generated() -> list[list[str]]:
    """Command lines for every command the direct path answers: each option in each spelling with values at and
    beyond its range and choices, repeated, as --opt=value and -oVALUE, without its value, before the words;
    unknown options, --, help, words too many or missing."""
    from careercli import grammar

    lines: list[list[str]] = []
    for path in direct.DIRECT:
        node = grammar.command(path)
        words = [SAMPLE[argument["complete"]] for argument in node["arguments"]]
        base = [*path, *words]
        lines += [base, list(path), [*base, "extra"], [*path, "--", *words], [*base, "--"], [*base, "--nope"]]
        lines += [[*base, "-Z"], [*base, "--help"], [*path, "-h"], [*base, "--json=1"], ["--json", *base]]
        for option in node["options"]:
            if option["name"] == "help":
                continue
            for number, spelling in enumerate(option["opts"] + option["secondary"]):
                if not option["value"]:
                    lines += [[*base, spelling], [*base, spelling, spelling], [*path, spelling, *words]]
                    continue
                values = _values(option) if number == 0 else _values(option)[:2]
                lines += [[*base, spelling, value] for value in values]
                lines += [[*base, spelling], [*path, spelling, values[0], *words], [*base, spelling, *values[:2]]]
                lines += [[*base, spelling, values[-1], spelling, values[0]]]
                joined = f"{spelling}={values[0]}" if spelling.startswith("--") else spelling + values[0]
                lines.append([*base, joined])
    return lines


def _run_both(lines: list[list[str]], env: dict[str, str]) -> tuple[list[list], list[list]]:
    """The answers of the console script and of the Typer app, the two run at once."""
    import json

    # each in a folder of its own (in the test's home): `show -o FILE` writes FILE, and neither may find the other's
    folders = [Path(env["HOME"]) / f"cwd-{mode}" for mode in ("direct", "typer")]
    for folder in folders:
        folder.mkdir(exist_ok=True)
    children = [subprocess.Popen([sys.executable, "-c", RUNNER, mode], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                 text=True, encoding="utf-8", env=env, cwd=folder)
                for mode, folder in zip(("direct", "typer"), folders, strict=True)]  # fmt: skip
    for child in children:  # the lines fit in the pipe: both children start before either is read
        child.stdin.write(json.dumps(lines))
        child.stdin.close()
    answers = [child.stdout.read() for child in children]
    for child in children:
        child.wait(timeout=600)
    assert [child.returncode for child in children] == [0, 0]
    return json.loads(answers[0]), json.loads(answers[1])


def test_generated_command_lines_get_the_typer_apps_answer_from_the_direct_path(env: dict[str, str]):
    """Exit code, stdout and stderr equal for every generated line; and every option of every command it answers
    is read by the direct path itself (without Typer) on some line, so that the comparison covers its parser."""
    from careercli import grammar

    lines = generated()
    fast, slow = _run_both(lines, env)
    differ = [(line, got, want) for line, got, want in zip(lines, fast, slow, strict=True)
              if [got[0], got[1], got[2].removesuffix("[typer]")] != want]  # fmt: skip
    assert differ == [], "\n".join(f"{' '.join(line)}: {got} != {want}" for line, got, want in differ[:5])
    assert all(code in (0, 1, 2) for code, _, _ in slow)
    answered = [line for line, got in zip(lines, fast, strict=True) if not got[2].endswith("[typer]")]
    for path in direct.DIRECT:
        for option in grammar.command(path)["options"]:
            if option["name"] != "help":
                used = set(option["opts"] + option["secondary"])
                assert any(line[: len(path)] == list(path) and used & set(line) for line in answered), option["name"]
