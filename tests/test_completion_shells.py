"""Occupations, SOC groups and preferences completed in real shells (bash, zsh, fish through tmux): type, press
Tab, read the screen. A title is inserted as one word, and a description keeps its apostrophes."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.test_completion import fish_tab
from tests.test_tmux import Tmux, install_completion, rcfile, shell_env
from tests.test_zsh_safety import ask, zsh_session

pytestmark = [pytest.mark.slow, pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")]
RELEASE = ROOT.parent / "shared" / "onet" / "29.2"


@pytest.fixture
def term(isolated_home: Path) -> Iterator[Tmux]:
    session = Tmux(isolated_home)
    yield session
    session.close()


def bash_session(term: Tmux, home: Path) -> None:
    (home / ".bashrc").write_text("", "utf-8")
    install_completion(home, "bash")
    term.start(f"bash --rcfile {rcfile(home, (home / '.bashrc').read_text('utf-8'))} -i", shell_env(home))
    term.wait_for("READY>")


def type_tab(term: Tmux, line: str, expected: str) -> str:
    """Type ``line`` and Tab; the screen once ``expected`` is on it."""
    term.type(line)
    term.wait_for(line.rstrip())
    term.type("Tab")
    return term.wait_for(expected)


def test_bash_completes_codes_titles_and_config_values(term: Tmux, isolated_home: Path) -> None:
    bash_session(term, isolated_home)
    type_tab(term, "career show 15-1252", "career show 15-1252.00")
    term.type("C-u")
    type_tab(term, "career bookmark add Poli", "career bookmark add Police\\ Identification\\ and\\ Records\\ Officers")
    term.type("Enter")  # the title reached career as one word
    term.wait_for("Bookmarked Police Identification and Records Officers (33-3021.02).")
    assert 'role = "33-3021.02"' in (isolated_home / "config" / "careercli" / "profile.toml").read_text("utf-8")
    type_tab(term, "career config set color a", "career config set color a")
    term.type("Tab")
    screen = term.wait_for("always")
    assert any("always" in line and "auto" in line for line in screen.splitlines())


@pytest.mark.skipif(shutil.which("zsh") is None, reason="zsh is not installed (.ci/run installs it)")
def test_zsh_completes_titles_groups_and_keys_with_their_words(term: Tmux, isolated_home: Path) -> None:
    install_completion(isolated_home, "zsh")
    zsh_session(term, isolated_home)
    screen = ask(term, "career list --group 1", "Computer and Mathematical Occupations")
    assert "15  -- Computer and Mathematical Occupations" in screen
    screen = ask(term, "career config set ", "show_books")
    assert "show_books  -- how many books 'career show' lists by fit (0: all)" in screen  # apostrophes kept
    type_tab(term, "career show Regis", "career show Registered\\ Nurses")


@pytest.mark.skipif(shutil.which("fish") is None, reason="fish is not installed (.ci/run installs it)")
def test_fish_completes_titles_and_config_values(term: Tmux, isolated_home: Path) -> None:
    install_completion(isolated_home, "fish")
    config = isolated_home / "config" / "fish" / "config.fish"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text("function fish_prompt; echo -n 'READY> '; end\nset -g fish_greeting\n", "utf-8")
    term.start("fish -i", shell_env(isolated_home))
    term.wait_for("READY>")
    type_tab(term, "career show Regis", "career show Registered\\ Nurses")
    term.type("C-u")
    screen = type_tab(term, "career config set pager ", "false")
    assert "true" in screen


@pytest.mark.skipif(not (RELEASE / "Occupation Data.txt").is_file(), reason="the O*NET release is in ../shared only")
def test_after_importing_the_release_a_tab_offers_all_1016_occupations(
    career,
    term: Tmux,
    isolated_home: Path,
) -> None:
    assert fish_tab(career, "career show Police") == ["Police Identification and Records Officers\t33-3021.02"]
    assert career("data", "import-onet", str(RELEASE)).code == 0  # the snapshot's key covers the import
    assert fish_tab(career, "career show Police") == [
        "Police Identification and Records Officers\t33-3021.02",
        "Police and Sheriff's Patrol Officers\t33-3051.00",
    ]
    release = (RELEASE / "Occupation Data.txt").read_text("utf-8").splitlines()
    codes = [line.split("\t")[0] for line in fish_tab(career, "career show 5") if line[0].isdigit()]
    assert codes == [line.split("\t")[0] for line in release if line[:1] == "5"]  # 51-…, 53-…: not bundled
    bash_session(term, isolated_home)  # an apostrophe in a title: quoted by the shell, one word
    type_tab(term, "career show Police\\ and", "career show Police\\ and\\ Sheriff\\'s\\ Patrol\\ Officers")
    term.type("Enter")
    term.wait_for("33-3051.00")
