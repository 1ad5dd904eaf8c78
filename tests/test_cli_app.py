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
    "cli = sorted(m for m in sys.modules if m.startswith('careercli.cli.') and m != 'careercli.cli.common')\n"
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
    for name in ("list", "show", "compare", "bookmark", "reading", "export", "data", "paths"):
        assert f" {name} " in out
    assert "Explore" in out
    assert "Plan your next step" in out
    assert "typer.rich_utils" not in heavy
    assert not [m for m in cli if m not in ("careercli.cli.app", "careercli.cli.lazy", "careercli.cli.complete")]


@pytest.mark.parametrize(
    "args",
    [("list",), ("search", "kubernetes"), ("books",), ("bookmark", "list"), ("show", "backend-developer", "--json"),
     ("list", "--json"), ("books", "--json"), ("show", "backend-developer", "--format", "json")],
)  # fmt: skip
def test_piped_and_json_output_never_import_rich(args: tuple[str, ...]) -> None:
    code, heavy, _cli, out = probe(*args)
    assert code == 0
    assert out.strip()
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
