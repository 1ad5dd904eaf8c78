"""``career discover`` asking its questions on a real terminal (tmux): the answers typed, the results on the screen
and the answers saved in the profile."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import CAREER
from tests.test_tmux import Tmux, shell_env

pytestmark = [pytest.mark.slow, pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")]


@pytest.fixture
def tmux(isolated_home: Path):
    session = Tmux(isolated_home, width=140, height=60)
    yield session
    session.close()


def test_the_questions_are_asked_on_a_terminal_and_the_answers_saved(tmux: Tmux, isolated_home: Path) -> None:
    env = {k: os.environ[k] for k in ("LANG", "LC_ALL") if k in os.environ} | shell_env(isolated_home)
    env |= {"COLUMNS": "140", "LINES": "60", "PAGER": "cat"}
    tmux.start(f"sh -c '{CAREER} discover --limit 3; echo EXIT=$?; sleep 30'", env)
    screen = tmux.wait_for("How much does Realistic work appeal to you (0-10)?")
    assert "repairing equipment" in screen
    tmux.type("1", "Enter")
    tmux.wait_for("How much does Investigative work appeal to you (0-10)?")
    tmux.type("eleven", "Enter")  # not a number: asked again
    tmux.wait_for("Please give a number from 0 to 10.")
    for answer in ("9", "2", "1", "3", "8"):
        tmux.type(answer, "Enter")
    screen = tmux.wait_for("Acceptable job zones")
    assert "Considerable Preparation Needed" in screen
    tmux.type("4", "Enter")
    tmux.wait_for("Minimum median pay per year")
    tmux.type("100000", "Enter")
    screen = tmux.wait_for("EXIT=0")
    assert "Exploration, not an assessment" in screen
    assert "Database Architects" in screen
    saved = (isolated_home / "config" / "careercli" / "profile.toml").read_text("utf-8")
    assert "[discover]\nscores = [1, 9, 2, 1, 3, 8]\nzones = [4]\nmin_pay = 100000\nskills = false\n" in saved


def test_ctrl_d_before_the_end_saves_nothing(tmux: Tmux, isolated_home: Path) -> None:
    env = shell_env(isolated_home) | {"COLUMNS": "140", "LINES": "60"}
    tmux.start(f"sh -c '{CAREER} discover; echo EXIT=$?; sleep 30'", env)
    tmux.wait_for("How much does Realistic work appeal to you (0-10)?")
    tmux.type("5", "Enter")
    tmux.wait_for("How much does Investigative work appeal to you (0-10)?")
    tmux.type("C-d")
    screen = tmux.wait_for("EXIT=1")
    assert "career: stopped before the last question: nothing was saved" in screen
    assert not (isolated_home / "config" / "careercli" / "profile.toml").exists()
