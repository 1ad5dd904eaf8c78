"""The show page's bullet lists are drawn directly instead of as a grid in a padding (a tenth of the time): they
must look exactly as the grid did, byte for byte with colour, at every width, with wrapping, long words, wide
characters, tabs and empty items."""

from __future__ import annotations

import io
import random

import pytest
from rich.console import Console

from careercli.presenters.rich_common import bullets

WORDS = [
    "a",
    "bb",
    "ccc",
    "dddd",
    "eeeee",
    "supercalifragilisticexpialidocious",
    "é",
    "漢字",
    "—",
    "“quoted”",
    "C++/Go/Rust,",
    "(parens)",
    "x\ty",
]


def drawn(renderable: object, width: int) -> str:
    console = Console(file=io.StringIO(), width=width, force_terminal=True, color_system="truecolor")
    console.print(renderable)
    return console.file.getvalue()  # type: ignore[attr-defined]


@pytest.mark.parametrize("seed", range(4))
def test_bullets_look_exactly_like_the_grid_they_replace(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(100):
        items = [" ".join(rng.choice(WORDS) for _ in range(rng.randint(0, 30))) for _ in range(rng.randint(0, 5))]
        width = rng.randint(5, 130)
        fast = bullets(items)
        assert drawn(fast, width) == drawn(fast.grid(), width), (width, items)  # type: ignore[attr-defined]


def test_a_bullet_wraps_under_its_text_at_80_columns() -> None:
    text = drawn(bullets(["one", "two " * 30]), 80)
    lines = text.replace("\x1b[2m", "").replace("\x1b[0m", "").splitlines()
    assert lines[0] == "  • one" + " " * 73
    assert lines[1].startswith("  • two two")
    assert lines[2].startswith("    two")
    assert {len(line) for line in lines} == {80}
