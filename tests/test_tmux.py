"""The terminal, for real: tab completion in bash and paging, driven through tmux.

Skipped only where tmux is not installed (.ci/run installs it, so CI always runs these).
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import CAREER

pytestmark = [pytest.mark.slow, pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")]


class Tmux:
    def __init__(self, home: Path, width: int = 120, height: int = 30) -> None:
        self.socket = f"careercli-{uuid.uuid4().hex[:8]}"
        self.home = home
        self.width, self.height = width, height

    def tmux(self, *args: str) -> str:
        result = subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True, text=True, check=True)
        return result.stdout

    def start(self, command: str, env: dict[str, str]) -> None:
        exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items())
        self.tmux("new-session", "-d", "-x", str(self.width), "-y", str(self.height), f"env {exports} {command}")

    def type(self, *keys: str) -> None:
        self.tmux("send-keys", *keys)

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p")

    def wait_for(self, text: str, timeout: float = 20) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.2)
        raise AssertionError(f"{text!r} never appeared on the screen:\n{self.screen()}")

    def close(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True)


@pytest.fixture
def tmux(isolated_home: Path) -> Iterator[Tmux]:
    session = Tmux(isolated_home)
    yield session
    session.close()


def shell_env(home: Path) -> dict[str, str]:
    env = {k: os.environ[k] for k in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME") if k in os.environ}
    env |= {"HOME": str(home), "PATH": f"{Path(CAREER).parent}:{os.environ.get('PATH', '')}", "TERM": "xterm-256color"}
    return env


def rcfile(home: Path, extra: str = "") -> Path:
    path = home / "test.bashrc"
    path.write_text(f"{extra}\nPS1='READY> '\n", "utf-8")
    return path


def test_tab_completes_roles_in_a_real_bash(tmux: Tmux, isolated_home: Path) -> None:
    (isolated_home / ".bashrc").write_text("", "utf-8")
    env = dict(os.environ) | shell_env(isolated_home)
    installed = subprocess.run([CAREER, "--install-completion", "bash"], env=env, capture_output=True, text=True)
    assert installed.returncode == 0, installed.stderr
    assert "career" in (isolated_home / ".bashrc").read_text("utf-8")
    rc = rcfile(isolated_home, (isolated_home / ".bashrc").read_text("utf-8"))
    tmux.start(f"bash --rcfile {rc} -i", shell_env(isolated_home))
    tmux.wait_for("READY>")
    tmux.type("career show back", "Tab")
    tmux.wait_for("career show backend-developer")
    tmux.type("C-u", "career reading add --status re", "Tab", "Tab")
    screen = tmux.wait_for("reading")
    assert "read" in screen


def install_completion(home: Path, shell: str) -> None:
    env = dict(os.environ) | shell_env(home)
    installed = subprocess.run([CAREER, "--install-completion", shell], env=env, capture_output=True, text=True)
    assert installed.returncode == 0, installed.stderr


@pytest.mark.skipif(shutil.which("zsh") is None, reason="zsh is not installed (.ci/run installs it)")
def test_first_tab_completes_roles_in_a_real_zsh(tmux: Tmux, isolated_home: Path) -> None:
    install_completion(isolated_home, "zsh")
    zshrc = isolated_home / ".zshrc"
    zshrc.write_text(zshrc.read_text("utf-8").replace("compinit", "compinit -u") + "PS1='READY> '\n", "utf-8")
    tmux.start("zsh -i", shell_env(isolated_home) | {"ZDOTDIR": str(isolated_home)})
    tmux.wait_for("READY>")
    tmux.type("career show back", "Tab")  # the first Tab of a new shell
    tmux.wait_for("career show backend-developer")


@pytest.mark.skipif(shutil.which("fish") is None, reason="fish is not installed (.ci/run installs it)")
def test_tab_completes_roles_in_a_real_fish(tmux: Tmux, isolated_home: Path) -> None:
    install_completion(isolated_home, "fish")  # in $XDG_CONFIG_HOME/fish/completions: home/config, not ~/.config
    config = isolated_home / "config" / "fish" / "config.fish"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text("function fish_prompt; echo -n 'READY> '; end\nset -g fish_greeting\n", "utf-8")
    env = shell_env(isolated_home)
    (isolated_home / "work").mkdir()
    (isolated_home / "work" / "pack-notes.toml").write_text("", "utf-8")
    tmux.start("fish -i", env)
    tmux.wait_for("READY>")
    tmux.type("career show back", "Tab")
    tmux.wait_for("career show backend-developer")
    tmux.type("C-u", f"cd {isolated_home / 'work'}", "Enter")
    tmux.type("career data validate pack", "Tab")  # no candidate of its own: a path, as fish offers anywhere
    tmux.wait_for("career data validate pack-notes.toml")


def test_a_long_page_goes_through_the_pager_on_a_terminal(tmux: Tmux, isolated_home: Path) -> None:
    paged = isolated_home / "paged.txt"
    script = isolated_home / "pager.py"
    script.write_text(f"import sys\nopen({str(paged)!r}, 'w').write(sys.stdin.read())\n", "utf-8")
    pager = f"{sys.executable} {script}"
    env = shell_env(isolated_home) | {"PAGER": pager, "COLUMNS": "80", "LINES": "20"}
    tmux.height = 20
    tmux.start(f"bash --rcfile {rcfile(isolated_home)} -i", env)
    tmux.wait_for("READY>")
    tmux.type(f"{CAREER} --no-pager show backend-developer; echo DONE-$((0+1))", "Enter")
    tmux.wait_for("DONE-1")
    assert not paged.exists()
    tmux.type(f"{CAREER} show backend-developer | cat > /dev/null; echo DONE-$((0+2))", "Enter")
    tmux.wait_for("DONE-2")
    assert not paged.exists()  # piped: never paged
    tmux.type(f"{CAREER} show backend-developer; echo DONE-$((0+3))", "Enter")
    tmux.wait_for("DONE-3")
    assert "What they do" in paged.read_text("utf-8")
    paged.unlink()
    tmux.type("clear", "Enter")
    tmux.type(f"{CAREER} show backend-developer; echo DONE-$((0+4))", "Enter")  # replayed by the fast path: paged too
    tmux.wait_for("DONE-4")
    assert "What they do" in paged.read_text("utf-8")
    paged.unlink()
    tmux.type(f"{CAREER} list --category security; echo DONE-$((0+5))", "Enter")  # short: straight to the screen
    screen = tmux.wait_for("DONE-5")
    assert not paged.exists()
    assert "Security Engineer" in screen
    tmux.type(f"{CAREER} books --limit 0 --no-pager > /dev/null; echo DONE-$((0+6))", "Enter")
    tmux.wait_for("DONE-6")
    assert not paged.exists()
    tmux.type(f"{CAREER} books --limit 0; echo DONE-$((0+7))", "Enter")  # 176 rows: paged
    tmux.wait_for("DONE-7")
    assert "Kleppmann" in paged.read_text("utf-8")
