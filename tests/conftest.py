"""Shared fixtures: every test runs with its own config, data and cache folders, never the real home, and in
the same terminal whatever terminal runs the suite (TERM, TTY_*, size, locale, colour, pager and careercli's own
variables are pinned here and in scripts/gen_docs.py)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
WIDTH = 100


def _load_pins():
    """The one list of what the output depends on, shared with scripts/gen_docs.py."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("gen_docs", ROOT / "scripts" / "gen_docs.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("gen_docs", module)
    spec.loader.exec_module(module)
    return module.terminal_pins


terminal_pins = _load_pins()
TEST_PINS = {"LINES": "50", "_TYPER_FORCE_DISABLE_TERMINAL": "1"}


def _pin(setenv, delenv) -> None:
    for name, value in (terminal_pins(WIDTH) | TEST_PINS).items():
        if value is None:
            delenv(name)
        else:
            setenv(name, value)


# before Typer and Rich are imported: some of them read the environment once, at import time
_pin(os.environ.__setitem__, lambda name: os.environ.pop(name, None))

from typer.testing import CliRunner  # noqa: E402

from careercli.cli.app import app  # noqa: E402

CAREER = shutil.which("career", path=str(Path(sys.executable).parent)) or "career"


@pytest.fixture(autouse=True)
def isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the platform's variables at a fresh folder so no test reads or writes the real home."""
    home = tmp_path_factory.mktemp("home")
    for name, sub in (("XDG_CONFIG_HOME", "config"), ("XDG_DATA_HOME", "data"), ("XDG_CACHE_HOME", "cache")):
        monkeypatch.setenv(name, str(home / sub))
    monkeypatch.setenv("HOME", str(home))
    _pin(monkeypatch.setenv, lambda name: monkeypatch.delenv(name, raising=False))  # any terminal, one result

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
