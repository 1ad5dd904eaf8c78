"""Friendly failures everywhere: random arguments and options never produce a traceback.

Every command is driven with a mix of valid names, random text, numbers and option names; whatever happens,
the exit code is 0, 1 or 2 and nothing on either stream looks like a traceback.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from careercli.cli.app import app

pytestmark = pytest.mark.slow

COMMANDS = [
    [], ["list"], ["show"], ["books"], ["book"], ["search"], ["compare"], ["gap"], ["path"], ["suggest"],
    ["export"], ["paths"], ["bookmark"], ["bookmark", "add"], ["bookmark", "remove"], ["bookmark", "list"],
    ["skills"], ["skills", "add"], ["skills", "remove"], ["skills", "list"], ["reading"], ["reading", "add"],
    ["reading", "remove"], ["reading", "list"], ["data"], ["data", "validate"],
]  # fmt: skip
OPTIONS = [
    "--json", "--limit", "-n", "--since", "--role", "--skill", "--topic", "--author", "--format", "-f", "--status",
    "--have", "--kind", "--depth", "--tag", "--note", "--custom", "--force", "-o", "--category", "--color",
    "--pager", "--no-pager", "--help", "--version", "-", "--", "--nope",
]  # fmt: skip
VALUES = [
    "backend-developer", "Back-End Developer", "data", "python", "kubernets", "fluent-python", "read", "want",
    "svg", "markdown", "html", "text", "json", "role", "book", "skill", "never", "always", "0", "-1", "3", "2023",
    "99999999999999999999", "[bold red]x[/]", "\x1b[31m", "", " ", "é", "x" * 300, "\x00", "a\x00b",
]  # fmt: skip

token = st.one_of(st.sampled_from(OPTIONS), st.sampled_from(VALUES), st.text(max_size=12))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(command=st.sampled_from(COMMANDS), args=st.lists(token, max_size=6))
def test_random_arguments_never_show_a_traceback(tmp_path: Path, command: list[str], args: list[str]) -> None:
    cwd = os.getcwd()
    os.chdir(tmp_path)  # 'export -o NAME' may write a file: never into the repository
    try:
        result = CliRunner().invoke(app, [*command, *args], prog_name="career")
    finally:
        os.chdir(cwd)
    assert result.exit_code in (0, 1, 2), (command, args, result.exit_code, result.output)
    assert result.exception is None or isinstance(result.exception, SystemExit), (command, args, result.exception)
    assert "Traceback" not in result.output


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(command: list[str]) -> None:
    result = CliRunner().invoke(app, [*command, "--help"], prog_name="career")
    assert result.exit_code == 0
    assert "Usage:" in result.output
    assert "Example" in result.output
