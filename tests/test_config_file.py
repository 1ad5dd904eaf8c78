"""config.toml as a file careercli reads and rewrites: locked, merged, through a symlink, with a BOM, and hostile
files (deep nesting, a named pipe) as one-line errors. Run through the installed ``career`` command."""

from __future__ import annotations

import os
import subprocess
import tomllib
from pathlib import Path

import pytest

from tests.conftest import CAREER

BOM = b"\xef\xbb\xbf"
KEYS = "career: keys: color, pager, show_books\n"


def config_file(home: Path) -> Path:
    return home / "config" / "careercli" / "config.toml"


def profile_file(home: Path) -> Path:
    return home / "config" / "careercli" / "profile.toml"


def _write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


@pytest.mark.slow
def test_parallel_sets_of_different_keys_keep_every_key(isolated_home: Path) -> None:
    path = config_file(isolated_home)
    wanted = {"color": "never", "pager": False, "show_books": 7}
    for _ in range(8):  # without a lock most rounds lost a key (16 of 20 in the report)
        _write(path, b"# my preferences\n")
        procs = [
            subprocess.Popen([CAREER, "config", "set", key, value], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             env=os.environ.copy())
            for key, value in (("color", "never"), ("pager", "false"), ("show_books", "7"))
        ]  # fmt: skip
        for proc in procs:  # communicate() closes both pipes
            _, err = proc.communicate(timeout=120)
            assert (proc.returncode, err) == (0, b"")
        text = path.read_text("utf-8")
        assert text.startswith("# my preferences\n")
        assert tomllib.loads(text) == wanted


def test_set_writes_through_a_symlinked_config(career, isolated_home: Path) -> None:
    real = _write(isolated_home / "dotfiles" / "config.toml", b'# kept\ncolor = "never"\n')
    real.chmod(0o640)
    path = config_file(isolated_home)
    path.parent.mkdir(parents=True)
    path.symlink_to(real)
    result = career("config", "set", "pager", "false")
    assert (result.code, result.err) == (0, "")
    assert path.is_symlink()
    assert os.readlink(path) == str(real)
    assert real.read_text("utf-8") == '# kept\ncolor = "never"\npager = false\n'
    assert real.stat().st_mode & 0o777 == 0o640
    assert career("config", "unset", "color").code == 0
    assert path.is_symlink()
    assert real.read_text("utf-8") == "# kept\npager = false\n"


@pytest.mark.parametrize(
    "text",
    [
        "pager = " + "[" * 500 + "]" * 500 + "\n",
        "pager = " + "{ a = " * 500 + "1" + " }" * 500 + "\n",
        "a" + ".a" * 500 + " = 1\n",
    ],
)
def test_deeply_nested_config_is_a_one_line_error(career, isolated_home: Path, text: str) -> None:
    path = _write(config_file(isolated_home), text.encode())
    expected = f"career: {path}: tables or arrays nested more than 32 deep; the file was left as it is\n"
    for args in (["list"], ["show", "backend-developer"], ["config", "show"], ["config", "set", "color", "never"]):
        result = career(*args)
        assert (result.code, result.err) == (1, expected), args
    assert path.read_text("utf-8") == text


@pytest.mark.parametrize(("value", "shown"), [("²", "'²'"), ("9" * 5000, "'" + "9" * 38 + "…")])
def test_a_number_int_refuses_is_a_clear_error(career, isolated_home: Path, value: str, shown: str) -> None:
    result = career("config", "set", "show_books", value)
    assert result.code == 1
    assert result.err == (
        f"career: config.toml: 'show_books' must be a whole number from 0 to 10000, not {shown}\n" + KEYS
    )
    assert not config_file(isolated_home).exists()
    assert career("config", "set", "show_books", "١٢").code == 0  # digits int() reads are still taken
    assert config_file(isolated_home).read_text("utf-8") == "show_books = 12\n"


def test_a_config_with_a_bom_is_read_and_keeps_it(career, isolated_home: Path) -> None:
    path = _write(config_file(isolated_home), BOM + b"# mine\nshow_books = 3\n")
    listed = career("list")
    assert (listed.code, listed.err) == (0, "")
    shown = career("config", "show")
    assert (shown.code, shown.err) == (0, "")
    assert "show_books\t3\tconfig.toml" in shown.out.splitlines()
    assert career("config", "set", "color", "never").code == 0
    assert path.read_bytes() == BOM + b'# mine\nshow_books = 3\ncolor = "never"\n'


FIFO_MESSAGE = "is a named pipe (FIFO), not a regular file; the file was left as it is"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_fifo_at_config_toml_is_refused_and_nothing_waits(career, isolated_home: Path) -> None:
    path = config_file(isolated_home)
    path.parent.mkdir(parents=True)
    os.mkfifo(path)
    for args in (["list"], ["show", "backend-developer"], ["config", "show"], ["config", "set", "color", "never"]):
        result = career(*args, timeout=30)  # a hang is a failure, not a wait
        assert result.code == 1, args
        assert result.err.splitlines()[0] == f"career: {path} {FIFO_MESSAGE}", args
        assert "Traceback" not in result.err
    assert career("config", "path", timeout=30).code == 0
    assert Path(path).is_fifo()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_fifo_at_profile_toml_is_refused_and_nothing_waits(career, isolated_home: Path) -> None:
    path = profile_file(isolated_home)
    path.parent.mkdir(parents=True)
    os.mkfifo(path)
    listed = career("list", timeout=30)  # the page needs no profile
    assert (listed.code, listed.err) == (0, "")
    shown = career("show", "backend-developer", timeout=30)  # the profile only decorates it: a warning
    assert shown.code == 0
    assert shown.err.splitlines()[0] == f"career: warning: {path} {FIFO_MESSAGE}"
    for args in (["bookmark", "list"], ["bookmark", "add", "backend-developer"], ["reading", "list"], ["export"]):
        result = career(*args, timeout=30)
        assert result.code == 1, args
        assert result.err.splitlines()[0] == f"career: {path} {FIFO_MESSAGE}", args
        assert "Traceback" not in result.err
    assert Path(path).is_fifo()
