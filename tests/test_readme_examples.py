"""The README's ``console`` examples run for real: each ``$ career ...`` line through the installed command, in
order within a block (one fresh home per block), with its exit code (1 when the README shows a ``career:``
error, else 0) and the plain lines it shows (a table's layout depends on the terminal, so only its exit code)."""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# files an example names that a reader would have made: copied into the example's folder before it runs
EXAMPLE_FILES = ROOT / "tests" / "fixtures" / "readme"


def _blocks() -> list[list[tuple[str, list[str]]]]:
    text = (ROOT / "README.md").read_text("utf-8")
    blocks = []
    for body in re.findall(r"```console\n(.*?)```", text, re.DOTALL):
        steps: list[tuple[str, list[str]]] = []
        for line in body.splitlines():
            if line.startswith("$ "):
                steps.append((line[2:], []))
            elif steps:
                steps[-1][1].append(line)
        blocks.append(steps)
    return blocks


BLOCKS = _blocks()


def test_the_readme_has_console_examples() -> None:
    assert len(BLOCKS) >= 3
    assert sum(len(b) for b in BLOCKS) >= 6


@pytest.mark.slow  # many processes (or the whole O*NET release): the full run covers it
@pytest.mark.parametrize("steps", BLOCKS, ids=[b[0][0] for b in BLOCKS])
def test_readme_console_example_is_true(career, steps, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    for example_file in EXAMPLE_FILES.iterdir():
        shutil.copy(example_file, tmp_path / example_file.name)
    for command, shown in steps:
        words = shlex.split(command)
        assert words[0] == "career"
        result = career(*words[1:])
        errors = [line for line in shown if line.startswith("career: ")]
        assert result.code == (1 if errors else 0), (command, result.err)
        if errors:
            assert result.err.splitlines() == errors, command
            assert result.out.splitlines() == [line for line in shown if line not in errors], command
        elif shown and not shown[0].startswith((" ", "─")):  # plain lines, not a table
            assert result.out.splitlines() == shown, command
