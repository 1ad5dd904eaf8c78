"""The surfaces a person touches (issue 15): the first screen, offline pictures, empty states, wording, tags,
preferences and the cache."""

from __future__ import annotations

import re

import pytest


@pytest.mark.parametrize("columns", [40, 60, 80, 100, 120])
def test_first_screen_fits_the_terminal_and_breaks_no_word(career, columns: int) -> None:
    result = career(env={"COLUMNS": str(columns)})
    assert result.code == 0
    lines = result.out.splitlines()
    assert max(len(line) for line in lines) <= columns
    # every command and every description's words appear whole: no word is split over two lines
    words = set(re.findall(r"[\w-]+", result.out))
    for needed in ("backend-developer", "data-engineer", "devops-engineer", "category", "--since", "--help"):
        assert needed in words
    if columns >= 80:  # room for commands beside their descriptions
        assert any(line.startswith("  career list ") and "every role" in line for line in lines)


@pytest.mark.parametrize("fmt", ["svg", "html"])
def test_pictures_render_offline(career, fmt: str) -> None:
    result = career("show", "backend-developer", "--format", fmt)
    assert result.code == 0
    assert "Back-End Developer" in result.out.replace("&#160;", " ")
    # nothing on the network: the SVG namespace is a name, never fetched
    assert re.findall(r"https?://[^\s\"')]*", result.out.replace('xmlns="http://www.w3.org/2000/svg"', "")) == []
    assert "@font-face" not in result.out
    assert "monospace" in result.out
