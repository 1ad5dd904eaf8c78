"""The show page's bullet lists and O*NET related occupations are drawn directly instead of as a grid in a padding
(a fraction of the time): they must look exactly as the grid did, byte for byte with colour, at every width, with
wrapping, long words, wide characters, tabs and empty items or columns."""

from __future__ import annotations

import io
import random

import pytest
from rich.console import Console
from rich.text import Text

from careercli.presenters.rich_common import Rows, bullets

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


def cell(rng: random.Random) -> Text:
    words = " ".join(rng.choice(WORDS[:-1]) for _ in range(rng.choice([0, 1, 1, 2, 5])))
    return Text(words, style=rng.choice(["", "green", "bold"]))


@pytest.mark.parametrize("seed", range(4))
def test_rows_look_exactly_like_the_grid_they_replace(seed: int) -> None:
    rng = random.Random(seed)
    columns = (("dim", True), ("", False), ("dim", False))  # the O*NET related occupations' columns
    for _ in range(100):
        rows = Rows(columns, [[cell(rng) for _ in columns] for _ in range(rng.randint(0, 8))])
        width = rng.randint(10, 130)
        assert drawn(rows, width) == drawn(rows.grid(), width), (width, rows.rows)


def test_rows_are_aligned_and_indented() -> None:
    rows = Rows(
        (("dim", True), ("", False)), [[Text("15-1252.00"), Text("Software Developers")], [Text("x"), Text("QA")]]
    )
    plain = drawn(rows, 100).replace("\x1b[2m", "").replace("\x1b[0m", "")
    assert plain == "  15-1252.00  Software Developers\n  x           QA                 \n"
