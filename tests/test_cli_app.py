"""The app's own machinery: the lazy group builds only the invoked command, help goes through the output layer,
and piped or JSON output never imports Rich."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

PROBE = (
    "import sys\n"
    "from careercli.cli.app import run\n"
    "code = run(sys.argv[1:])\n"
    "heavy = sorted(m for m in sys.modules if m.split('.')[0] == 'rich' or m == 'typer.rich_utils')\n"
    "cli = sorted(m for m in sys.modules if m.startswith('careercli.cli.'))\n"
    "sys.stderr.write('PROBE ' + repr((code, heavy, cli)) + '\\n')\n"
)


def probe(*args: str) -> tuple[int, list[str], list[str], str]:
    proc = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True, timeout=60)
    line = next(x for x in proc.stderr.splitlines() if x.startswith("PROBE "))
    code, heavy, cli = eval(line[6:])
    return code, heavy, cli, proc.stdout


def test_the_lazy_group_builds_only_the_invoked_command() -> None:
    code, _heavy, cli, out = probe("list")
    assert code == 0
    assert "backend-developer" in out
    assert "careercli.cli.roles" in cli
    assert not {
        "careercli.cli.books",
        "careercli.cli.plan",
        "careercli.cli.bookmarks",
        "careercli.cli.data_cmds",
    } & set(cli)


def test_top_level_help_lists_every_command_without_importing_them() -> None:
    code, heavy, cli, out = probe("--help")
    assert code == 0
    for name in ("list", "show", "compare", "bookmark", "reading", "export", "data", "where"):
        assert f" {name} " in out
    assert "Explore" in out
    assert "Plan your next step" in out
    assert "typer.rich_utils" not in heavy
    machinery = ("careercli.cli.app", "careercli.cli.lazy", "careercli.cli.options", "careercli.cli.session")
    assert not [m for m in cli if m not in machinery]


@pytest.mark.parametrize(
    "args",
    [("list",), ("search", "kubernetes"), ("books",), ("bookmark", "list"), ("show", "backend-developer", "--json"),
     ("list", "--json"), ("books", "--json"), ("show", "backend-developer", "--format", "json")],
)  # fmt: skip
def test_piped_and_json_output_never_import_rich(args: tuple[str, ...]) -> None:
    code, heavy, _cli, out = probe(*args)
    assert code == 0
    assert out.strip() or args == ("bookmark", "list")  # no bookmarks: piped stdout stays empty
    assert heavy == []
    if "--json" in args or "json" in args:
        assert "schema_version" in json.loads(out)


def test_help_of_a_command_shows_usage_options_defaults_and_examples(cli) -> None:
    out = cli("books", "--help").out
    assert "Usage: career books [OPTIONS]" in out
    assert "[default: 10]" in out
    assert "career books --role backend-developer --since 2023" in out
    assert "--limit" in out


def test_show_json_with_another_format_is_a_usage_error(cli) -> None:
    result = cli("show", "backend-developer", "--json", "--format", "markdown")
    assert result.code == 2
    assert "disagree" in result.err
    assert result.out == ""


def test_a_non_utf8_stdout_gets_replacements_not_a_traceback(career) -> None:
    env = {"LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0", "PYTHONIOENCODING": ""}
    proc = subprocess.run([CAREER_BIN(), "show", "backend-developer"], capture_output=True, env=ENV(env), timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert b"Traceback" not in proc.stderr
    assert b"Back-End Developer" in proc.stdout


def test_color_always_means_colour_under_a_dumb_terminal(career) -> None:
    result = career("--color", "always", "show", "backend-developer", env={"TERM": "dumb"})
    assert result.code == 0
    assert "\x1b[" in result.out


@pytest.mark.parametrize("redirect", ["closed", "full"])
def test_a_closed_or_full_stdout_is_one_line_and_exit_1(redirect: str) -> None:
    import os

    if redirect == "closed":
        proc = subprocess.run([CAREER_BIN(), "list"], stderr=subprocess.PIPE, env=ENV({}), timeout=60,
                              preexec_fn=lambda: os.close(1))  # fmt: skip
    else:
        with open("/dev/full", "wb") as full:
            proc = subprocess.run([CAREER_BIN(), "list"], stdout=full, stderr=subprocess.PIPE, env=ENV({}), timeout=60)
    err = proc.stderr.decode()
    assert proc.returncode == 1
    assert err.count("\n") == 1
    assert err.startswith("career: cannot write the output")


def test_a_closed_pipe_stays_silent() -> None:
    proc = subprocess.Popen(
        [CAREER_BIN(), "books", "--limit", "0"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=ENV({})
    )
    assert proc.stdout is not None
    proc.stdout.readline()
    proc.stdout.close()
    _, err = proc.communicate(timeout=60)
    assert (proc.returncode, err) == (0, b"")


def test_a_failing_pager_falls_back_to_printing() -> None:
    import os
    import pty

    leader, follower = pty.openpty()
    env = ENV({"PAGER": "false", "LINES": "5", "COLUMNS": "100"})
    with subprocess.Popen([CAREER_BIN(), "--pager", "show", "backend-developer"], stdin=follower, stdout=follower,
                          stderr=follower, env=env) as proc:  # fmt: skip
        os.close(follower)
        seen = b""
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
        assert proc.wait(timeout=60) == 0
    os.close(leader)
    assert b"Back-End Developer" in seen
    assert b"Key skills" in seen or b"Books by fit" in seen


@pytest.mark.parametrize("columns", ["0", "99999999999"])
@pytest.mark.parametrize(
    "args", [("show", "backend-developer"), ("compare", "backend", "frontend"), ("path", "qa-engineer"),
             ("show", "backend-developer", "--format", "html"), ("show", "backend-developer", "--format", "svg")],
)  # fmt: skip
def test_odd_widths_are_clamped(career, columns: str, args: tuple[str, ...]) -> None:
    result = career(*args, env={"COLUMNS": columns})
    assert result.code == 0, result.err
    assert "Back-End" in result.out or "QA" in result.out
    assert max(len(line) for line in result.out.splitlines()) <= 1000 or "--format" in args


def test_bidi_zero_width_c1_and_del_are_visible_in_every_view(cli, isolated_home) -> None:
    note = "a\u202eb\u200bc\x9bd\x7fe"
    assert cli("bookmark", "add", "backend-developer", "--note", note).code == 0
    piped = cli("bookmark", "list").out
    table = cli("bookmark", "list", tty=True).out
    raw = cli("bookmark", "list", "--json").out
    for out in (piped, table, raw):
        assert not any(ch in out for ch in "\u202e\u200b\x9b\x7f"), out
    assert "\\u202e" in piped
    assert "\\x9b" in table.replace("\n", "").replace(" ", "").replace("│", "") or "\\x9" in table
    assert json.loads(raw)["bookmarks"][0]["note"] == note


def CAREER_BIN() -> str:
    from tests.conftest import CAREER

    return CAREER


def ENV(extra: dict[str, str]) -> dict[str, str]:
    import os

    env = dict(os.environ)
    env["CAREERCLI_NO_REPLAY"] = "1"
    env.update(extra)
    return {k: v for k, v in env.items() if v != ""}
