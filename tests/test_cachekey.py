"""The one cache key (careercli.cachekey): every cache follows the code, the data and, for the replay, every
input an answer depends on; an audit finds every environment variable and file the program reads."""

from __future__ import annotations

import os
import pty
import shutil
import subprocess
from pathlib import Path

import pytest

from careercli import cachekey
from tests.conftest import CAREER

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "careercli"
FIXTURE = Path(__file__).parent / "fixtures" / "onet" / "29.2"
ESC = "\x1b["


def run(*args: str, env: dict[str, str] | None = None, **kwargs: object) -> subprocess.CompletedProcess[str]:
    full = dict(os.environ) | (env or {})
    return subprocess.run([CAREER, *args], capture_output=True, text=True, env=full, encoding="utf-8", **kwargs)


def replay_entries(home: Path) -> list[Path]:
    folder = home / "cache" / "careercli" / "replay"
    return sorted(p for p in folder.iterdir() if not p.name.startswith(".")) if folder.is_dir() else []


# --- the code ------------------------------------------------------------------------------------------------


@pytest.fixture
def package_copy(tmp_path: Path) -> Path:
    """A copy of the package (its data linked) that PYTHONPATH puts before the installed one, to edit freely."""
    copy = tmp_path / "code"
    shutil.copytree(PACKAGE, copy / "careercli", ignore=shutil.ignore_patterns("__pycache__", "data"))
    (copy / "careercli" / "data").symlink_to(ROOT / "data")
    return copy


@pytest.mark.parametrize("replay", ["on", "off"])
def test_a_change_to_the_code_is_never_answered_from_a_cache(
    isolated_home: Path, package_copy: Path, replay: str
) -> None:
    """The catalogue store keeps what the code worked out (here the listing's rows); the version is the same
    before and after the edit, and the cache is not cleared: the next run must show what the new code gives."""
    env = {"PYTHONPATH": str(package_copy)} | ({"CAREERCLI_NO_REPLAY": "1"} if replay == "off" else {})
    before = run("list", env=env)
    assert before.returncode == 0
    assert "\tBack-End Developer\t" in before.stdout
    assert run("list", env=env).stdout == before.stdout  # from the caches
    roles = package_copy / "careercli" / "queries" / "roles.py"
    text = roles.read_text("utf-8")
    fields = "return role.slug, role.name, role.category"
    assert text.count(fields) == 1
    roles.write_text(text.replace(fields, "return role.slug, role.name.upper(), role.category"), "utf-8")
    rows = [line.split("\t") for line in before.stdout.splitlines()]
    wanted = "".join("\t".join([slug, name.upper(), *rest]) + "\n" for slug, name, *rest in rows)
    assert "\tBACK-END DEVELOPER\t" in wanted
    for _ in range(2):  # the run that rebuilds the caches, and the one answered from them
        after = run("list", env=env)
        assert (after.returncode, after.stdout, after.stderr) == (0, wanted, "")


def test_the_code_digest_is_remembered_and_follows_the_sources(
    isolated_home: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Computed once from the bytes, remembered beside the caches under the modules' stat data; an edited module
    (same size, same mtime) gives another digest once its stat data changed."""
    module = tmp_path / "mod.py"
    module.write_text("A = 1\n", "utf-8")
    monkeypatch.setattr(cachekey, "code_files", lambda: [str(module)])
    monkeypatch.setattr(cachekey, "_code", [])
    (isolated_home / "cache" / "careercli").mkdir(parents=True)
    first = cachekey.code_digest()
    memo = isolated_home / "cache" / "careercli" / cachekey.MEMO
    assert memo.read_text("ascii").split()[2] == first
    monkeypatch.setattr(cachekey, "_code", [])
    assert cachekey.code_digest() == first
    st = module.stat()
    module.write_text("A = 2\n", "utf-8")
    os.utime(module, ns=(st.st_atime_ns, st.st_mtime_ns))
    monkeypatch.setattr(cachekey, "_code", [])
    assert cachekey.code_digest() != first


# --- the terminal --------------------------------------------------------------------------------------------


def _on_a_terminal(args: list[str], term: str) -> tuple[int, str]:
    """Run ``career`` with stdout on a pseudo-terminal of 100x50; what it wrote there."""
    import fcntl
    import select
    import struct
    import termios

    main, child = pty.openpty()
    fcntl.ioctl(child, termios.TIOCSWINSZ, struct.pack("HHHH", 50, 100, 0, 0))
    env = dict(os.environ) | {"TERM": term, "PAGER": "cat"}
    for name in ("COLUMNS", "LINES", "FORCE_COLOR", "NO_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE"):
        env.pop(name, None)
    proc = subprocess.Popen([CAREER, *args], stdout=child, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL,
                            env=env)  # fmt: skip
    os.close(child)
    chunks = []
    while True:  # read as it writes: a page is larger than the terminal's buffer
        ready, _, _ = select.select([main], [], [], 60)
        if not ready:
            break
        try:
            chunk = os.read(main, 1 << 16)
        except OSError:  # EIO: the child closed its end
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(main)
    return proc.wait(timeout=60), b"".join(chunks).decode("utf-8", "replace")


def test_a_dumb_terminal_is_never_served_a_colour_runs_escape_codes(isolated_home: Path) -> None:
    code, colour = _on_a_terminal(["show", "qa-engineer"], "xterm-256color")
    assert code == 0
    assert ESC in colour
    assert len(replay_entries(isolated_home)) == 1  # saved: the next run on this terminal is a replay
    code, dumb = _on_a_terminal(["show", "qa-engineer"], "dumb")
    assert code == 0
    assert "QA" in dumb
    assert ESC not in dumb
