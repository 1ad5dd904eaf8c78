"""The start-up fast path: replayed output is the rendered output, and every input change invalidates it.

These run the installed `career` in real subprocesses, the way a user meets the fast path.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from platformdirs import user_cache_path, user_config_path, user_data_path

from careercli import fast
from tests.conftest import CAREER


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    import os

    full = dict(os.environ) | (env or {})
    return subprocess.run([CAREER, *args], capture_output=True, text=True, env=full, encoding="utf-8")


def imports(*args: str) -> str:
    """What a run imports (python -X importtime on the console script)."""
    import os

    proc = subprocess.run([sys.executable, "-X", "importtime", CAREER, *args], capture_output=True, text=True,
                          env=dict(os.environ), encoding="utf-8")  # fmt: skip
    return proc.stderr


def entries(home: Path) -> list[Path]:
    folder = home / "cache" / "careercli" / "output"
    return sorted(folder.iterdir()) if folder.is_dir() else []


@pytest.mark.parametrize(
    "env",
    [{}, {"XDG_CACHE_HOME": "", "XDG_DATA_HOME": " ", "XDG_CONFIG_HOME": ""}, {"XDG_CACHE_HOME": "/x/c"}],
)
def test_folders_match_platformdirs(monkeypatch: pytest.MonkeyPatch, env: dict[str, str]) -> None:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert Path(fast.cache_dir()) == user_cache_path("careercli")
    assert Path(fast.data_dir()) == user_data_path("careercli")
    assert Path(fast.config_dir()) == user_config_path("careercli")


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        ([], True), (["--version"], True), (["show", "x"], True), (["--color", "never", "show", "x"], True),
        (["books", "--limit", "0"], True), (["bookmark", "list"], True), (["bookmark", "add", "x"], False),
        (["skills", "add", "python"], False), (["export"], False), (["export", "--help"], True),
        (["reading", "add", "x", "--status", "read"], False), (["--install-completion"], False), (["paths"], False),
        (["data", "validate", "pack.toml"], False), (["skills", "list", "--json"], True),
    ],
)  # fmt: skip
def test_only_read_only_invocations_are_cacheable(argv: list[str], expected: bool) -> None:
    assert fast.cacheable(argv) is expected


def test_replay_is_byte_identical_and_skips_typer_and_rich(isolated_home: Path) -> None:
    first = run("show", "backend-developer")
    assert first.returncode == 0
    assert len(entries(isolated_home)) == 1
    assert "typer" in imports("list")  # a miss renders
    second = run("show", "backend-developer")
    assert (second.returncode, second.stdout, second.stderr) == (0, first.stdout, "")
    loaded = imports("show", "backend-developer")
    assert "careercli.fast" in loaded
    for heavy in ("typer", "rich", "careercli.catalogue.load", "tomllib"):
        assert f" {heavy}\n" not in loaded, heavy
        assert f" {heavy}." not in loaded, heavy


def test_profile_changes_invalidate(isolated_home: Path) -> None:
    before = run("show", "backend-developer").stdout
    assert "Bookmarked" not in before
    assert run("bookmark", "add", "backend-developer", "--note", "mine").returncode == 0
    after = run("show", "backend-developer").stdout
    assert "★ Bookmarked — mine" in after


def test_pack_changes_invalidate(isolated_home: Path) -> None:
    assert "zz-role" not in run("list", "--json").stdout
    packs = isolated_home / "data" / "careercli" / "packs"
    packs.mkdir(parents=True)
    text = (Path(__file__).parent / "test_packs.py").read_text("utf-8").split('ROLE = """', 1)[1].split('"""', 1)[0]
    (packs / "p.toml").write_text(
        text.format(name="Zz", summary="S.", skill="python").replace("mainframe-developer", "zz-role"), "utf-8"
    )
    assert "zz-role" in run("list", "--json").stdout


def test_environment_and_arguments_are_part_of_the_key(isolated_home: Path) -> None:
    wide = run("show", "qa-engineer", env={"COLUMNS": "120"}).stdout
    narrow = run("show", "qa-engineer", env={"COLUMNS": "60"}).stdout
    assert max(map(len, narrow.splitlines())) <= 60 < max(map(len, wide.splitlines()))
    assert run("show", "qa-engineer", env={"COLUMNS": "120"}).stdout == wide
    assert run("show", "qa-engineer", "--json").stdout != wide


def test_failures_are_never_saved(isolated_home: Path) -> None:
    for _ in range(2):
        result = run("show", "nosuchrole")
        assert result.returncode == 1
        assert result.stderr.startswith("career: unknown role 'nosuchrole'")
    assert entries(isolated_home) == []


def test_a_damaged_entry_takes_the_normal_path(isolated_home: Path) -> None:
    good = run("show", "qa-engineer").stdout
    (entry,) = entries(isolated_home)
    entry.write_text(entry.read_text("utf-8")[:-50], "utf-8")  # cut short
    assert run("show", "qa-engineer").stdout == good
    key_only = entry.read_text("utf-8").split("\n\x00\n")[0]
    entry.write_text(key_only + "\n\x00\nS99\nshort", "utf-8")
    assert run("show", "qa-engineer").stdout == good


def test_switching_it_off(isolated_home: Path) -> None:
    run("show", "qa-engineer", env={"CAREERCLI_NO_FAST_PATH": "1"})
    assert entries(isolated_home) == []


def test_validate_always_reads_the_file_again(isolated_home: Path, tmp_path: Path) -> None:
    text = (Path(__file__).parent / "test_packs.py").read_text("utf-8").split('ROLE = """', 1)[1].split('"""', 1)[0]
    pack = tmp_path / "team.toml"
    pack.write_text(text.format(name="Zz", summary="S.", skill="python"), "utf-8")
    assert run("data", "validate", str(pack)).returncode == 0
    assert run("data", "validate", str(pack)).returncode == 0
    pack.write_text(text.format(name="Zz", summary="S.", skill="pyhton"), "utf-8")
    broken = run("data", "validate", str(pack))
    assert broken.returncode == 1
    assert "unknown skill 'pyhton'" in broken.stdout
