"""Shared fixtures: every test runs with its own config, data and cache folders, never the real home."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from careercli.cli.app import app

WIDTH = 100
CAREER = shutil.which("career", path=str(Path(sys.executable).parent)) or "career"


@pytest.fixture(autouse=True)
def isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the platform's variables at a fresh folder so no test reads or writes the real home."""
    home = tmp_path_factory.mktemp("home")
    for name, sub in (("XDG_CONFIG_HOME", "config"), ("XDG_DATA_HOME", "data"), ("XDG_CACHE_HOME", "cache")):
        monkeypatch.setenv(name, str(home / sub))
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("CAREERCLI_PACKS", raising=False)
    monkeypatch.setenv("COLUMNS", str(WIDTH))
    monkeypatch.setenv("LINES", "50")
    monkeypatch.setenv("TERMINAL_WIDTH", str(WIDTH))
    monkeypatch.setenv("_TYPER_FORCE_DISABLE_TERMINAL", "1")
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("PAGER", raising=False)
    from careercli.cli import common

    common.reset()
    return home


@dataclass
class Result:
    code: int
    out: str
    err: str


def _runner() -> CliRunner:
    try:
        return CliRunner(mix_stderr=False)  # type: ignore[call-arg]
    except TypeError:
        return CliRunner()


@pytest.fixture
def cli() -> Iterator[callable]:
    """Run the app in-process through Typer's CliRunner; stdout and stderr apart."""
    runner = _runner()

    def invoke(*args: str, input: str | None = None, tty: bool = False) -> Result:
        """``tty=True``: render as on a terminal (tables), without colour codes."""
        from careercli.cli import common

        common.reset()
        env = {"FORCE_COLOR": "1"} if tty else None
        argv = ["--color", "never", *args] if tty else list(args)
        result = runner.invoke(app, argv, input=input, prog_name="career", env=env)
        if result.exception and not isinstance(result.exception, SystemExit):
            raise result.exception
        return Result(result.exit_code, result.stdout, result.stderr)

    return invoke


@pytest.fixture
def career() -> Iterator[callable]:
    """Run the installed ``career`` command in a real subprocess."""

    def run(*args: str, env: dict[str, str] | None = None, input: str | None = None, timeout: float = 60) -> Result:
        full_env = dict(os.environ)
        full_env.update(env or {})
        proc = subprocess.run(
            [CAREER, *args],
            capture_output=True,
            text=True,
            env=full_env,
            input=input,
            timeout=timeout,
            encoding="utf-8",
        )
        return Result(proc.returncode, proc.stdout, proc.stderr)

    return run
