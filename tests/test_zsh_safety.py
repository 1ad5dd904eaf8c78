"""zsh completion never runs text from the catalogue or the profile: hostile role names, bookmark notes, book
titles and skill names are offered on a Tab in a real zsh, and no command hidden in them runs.

The protocol is checked without a shell too (every line is one value and what the menu shows), and a script
installed before the fix (which evaluated career's output) is made safe without reinstalling."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import CAREER
from tests.test_tmux import Tmux, install_completion, shell_env

needs_zsh = pytest.mark.skipif(
    shutil.which("zsh") is None or shutil.which("tmux") is None, reason="zsh and tmux (.ci/run installs them)"
)

# each one ran `touch` on a Tab before the fix: the backslash reached _arguments' second evaluation
HOSTILE = [
    "Team lead \\$(touch {m}/a)",
    "Lead `touch {m}/b`",
    'Lead $(touch {m}/c) it\'s "quoted"',
    "Lead \\`touch {m}/d\\` ; touch {m}/e",
    "Lead ${{(e):-$(touch {m}/f)}} :: x",
]

PACK = """
[[skill]]
id = "zz-skill"
name = '''{skill}'''
kind = "tool"

[[book]]
id = "zz-book"
title = '''{title}'''
authors = ["A. Writer"]
publisher = "Test Press"
published = "2024-01"
roles = ["zz-role-{n}"]
topics = ["testing"]
skills = ["zz-skill"]

[[role]]
slug = "zz-role-{n}"
name = '''{name}'''
category = "development"
summary = "Hostile names."
what_to_learn = ["Nothing"]
key_skills = ["zz-skill", "sql"]
career_prospects = ["None"]
related_roles = ["backend-developer"]
next_roles = ["software-architect"]
what_they_do = "Tests the shell."

[[role.challenges]]
title = "Quoting"
why = "Shells evaluate text."
"""


def write_hostile_pack(home: Path, marks: Path) -> None:
    packs = home / "data" / "careercli" / "packs"
    packs.mkdir(parents=True, exist_ok=True)
    for n, template in enumerate(HOSTILE):
        text = template.format(m=marks)
        pack = PACK.format(n=n, name=text, skill=text, title=text).replace('"zz-skill"', f'"zz-skill-{n}"')
        pack = pack.replace('id = "zz-book"', f'id = "zz-book-{n}"')
        (packs / f"hostile-{n}.toml").write_text(pack, "utf-8")


@pytest.fixture
def shell(isolated_home: Path) -> Iterator[Tmux]:
    session = Tmux(isolated_home)
    yield session
    session.close()


@pytest.fixture
def marks(tmp_path: Path) -> Path:
    folder = tmp_path / "marks"
    folder.mkdir()
    return folder


def test_zsh_protocol_prints_one_value_and_one_menu_line_per_candidate(career, isolated_home: Path, marks) -> None:
    write_hostile_pack(isolated_home, marks)
    result = career(env={"_CAREER_COMPLETE": "lines_zsh", "_TYPER_COMPLETE_ARGS": "career show zz-role-"})
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert [line.split("\t")[0] for line in lines] == [f"zz-role-{n}" for n in range(len(HOSTILE))]
    for n, line in enumerate(lines):
        value, shown = line.split("\t")
        assert shown.startswith(value)
        assert shown.endswith(" -- " + HOSTILE[n].format(m=marks))
    assert list(marks.iterdir()) == []


def test_a_script_from_before_the_fix_gets_constant_code(career, isolated_home: Path, marks) -> None:
    write_hostile_pack(isolated_home, marks)
    result = career(env={"_CAREER_COMPLETE": "complete_zsh", "_TYPER_COMPLETE_ARGS": "career show zz-role-"})
    assert result.code == 0
    assert "zz-role" not in result.out
    assert "touch" not in result.out
    assert "_CAREER_COMPLETE=lines_zsh" in result.out


def zsh_session(tmux: Tmux, home: Path) -> None:
    zshrc = home / ".zshrc"
    zshrc.write_text(zshrc.read_text("utf-8").replace("compinit", "compinit -u") + "PS1='READY> '\n", "utf-8")
    tmux.start("zsh -i", shell_env(home) | {"ZDOTDIR": str(home)})
    tmux.wait_for("READY>")


def bookmark_with_hostile_notes(home: Path, marks: Path) -> None:
    env = dict(os.environ) | shell_env(home)
    for n, template in enumerate(HOSTILE[:2]):
        role = ["backend-developer", "data-engineer"][n]
        added = subprocess.run(
            [CAREER, "bookmark", "add", role, "--note", template.format(m=marks)], env=env, capture_output=True
        )
        assert added.returncode == 0, added.stderr


@needs_zsh
@pytest.mark.slow
def test_hostile_text_is_offered_and_never_run_in_a_real_zsh(shell: Tmux, isolated_home: Path, marks) -> None:
    write_hostile_pack(isolated_home, marks)
    bookmark_with_hostile_notes(isolated_home, marks)
    install_completion(isolated_home, "zsh")
    zsh_session(shell, isolated_home)
    screen = ask(shell, "career show zz-role-", "Team lead")
    assert "zz-role-4  -- Lead ${(e):-$(touch" in screen
    assert "it's" in screen  # the apostrophe is kept
    ask(shell, "career bookmark remove ", "data-engineer")
    ask(shell, "career books --skill zz-skill-", "zz-skill-1")
    ask(shell, "career book zz-book-", "zz-book-1")
    shell.type("career show zz-role-", "Tab")
    shell.wait_for("career show zz-role-")
    shell.type("C-u", "career show zz-role-3", "Tab", "--json")  # one candidate: completed, then a space
    shell.wait_for("career show zz-role-3 --json")
    assert list(marks.iterdir()) == []


def ask(tmux: Tmux, line: str, expected: str) -> str:
    """Type ``line``, Tab until ``expected`` is listed, then clear the line for the next one."""
    tmux.type(line)
    tmux.wait_for(line.rstrip())
    tmux.type("Tab")
    try:
        screen = tmux.wait_for(expected, timeout=5)
    except AssertionError:
        tmux.type("Tab")  # the first Tab inserted what the candidates share; the second lists them
        screen = tmux.wait_for(expected)
    tmux.type("C-c")
    tmux.type("clear", "Enter")
    time.sleep(0.5)
    return screen


@needs_zsh
@pytest.mark.slow
def test_an_old_installed_zsh_script_is_safe_too(shell: Tmux, isolated_home: Path, marks) -> None:
    write_hostile_pack(isolated_home, marks)
    install_completion(isolated_home, "zsh")
    # the script Typer and careercli installed before: it evaluates whatever career prints
    (isolated_home / ".zfunc" / "_career").write_text(
        "#compdef career\n\n_career_completion() {\n"
        '  eval $(env _TYPER_COMPLETE_ARGS="${words[1,$CURRENT]}" _CAREER_COMPLETE=complete_zsh career)\n}\n\n'
        'if [[ $zsh_eval_context[-1] == loadautofunc ]]; then\n  _career_completion "$@"\n'
        "else\n  compdef _career_completion career\nfi\n",
        "utf-8",
    )
    zsh_session(shell, isolated_home)
    ask(shell, "career show zz-role-", "Team lead")
    ask(shell, "career show back", "career show backend-developer")
    assert list(marks.iterdir()) == []
