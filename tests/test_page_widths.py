"""Every page reads at 60 to 200 columns: no line wider than the terminal, no id cut, no word broken in the middle.

The reference is the same page drawn 1000 columns wide, where nothing wraps: each word on the narrow page must be a
word of the reference (a word broken in two leaves pieces that are not), and each id of the reference must be
whole on the narrow page. Checked in real terminals (tmux) at 60 and 200 columns, and through COLUMNS at widths
in between, where the layouts switch.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
from pathlib import Path

import pytest

from tests.conftest import CAREER

PAGES = (
    ("show", "backend-developer"),
    ("books",),
    ("bookmark", "list"),
    ("show", "15-1252.00"),
)
# words only one layout has: the stacked bookmark list says "added", the narrow book tables have no Id column
LAYOUT_WORDS = {"added", "Id", "Year", "Book", "Result", "Published", "Title", "Authors", "Publisher", "Roles"}
WORD = re.compile(r"\w[\w.'’/+#&-]*[\w+#]|\w")
ID = re.compile(r"(?<![\w-])(?:\d\d-\d{4}\.\d\d|[a-z0-9]+(?:-[a-z0-9]+)+)(?![\w-])")


def bookmarks(career) -> None:
    note = "a note long enough to wrap: moving from QA into reliability work within the next eighteen months"
    for slug, extra in (
        ("backend-developer", ("--note", note)),
        ("site-reliability-engineer", ("--note", note, "--tag", "next-step", "--tag", "observability")),
        ("15-1252.00", ()),
        ("technical-program-manager", ("--note", "Supercalifragilisticexpialidocious, a long word")),
    ):
        result = career("bookmark", "add", slug, *extra)
        assert result.code == 0, result.err


def reference(career, args: tuple[str, ...]) -> str:
    """The page as drawn on a terminal 1000 columns wide (a forced terminal, no colour codes)."""
    result = career("--color", "never", *args, env={"COLUMNS": "1000", "FORCE_COLOR": "1", "CAREERCLI_NO_REPLAY": "1"})
    assert result.code == 0, result.err
    return result.out


def check(page: str, wide: str, width: int) -> None:
    lines = page.splitlines()
    assert len(lines) > 5, page
    too_long = [line for line in lines if len(line.rstrip()) > width]
    assert not too_long, f"lines wider than {width}:\n" + "\n".join(too_long)
    assert "…" not in page, page  # nothing is cut short with an ellipsis
    words = set(WORD.findall(wide)) | LAYOUT_WORDS
    broken = sorted(set(WORD.findall(page)) - words)
    assert not broken, f"broken words at {width} columns: {broken}\n{page}"
    on_page = set(WORD.findall(page))
    cut = sorted(set(ID.findall(wide)) - on_page)
    assert not cut, f"ids not whole at {width} columns: {cut}\n{page}"


@pytest.mark.parametrize("width", [60, 80, 99, 131, 200])
@pytest.mark.parametrize("args", PAGES, ids=" ".join)
def test_pages_read_at_every_width(career, args: tuple[str, ...], width: int) -> None:
    if args[0] == "bookmark":
        bookmarks(career)
    env = {"COLUMNS": str(width), "FORCE_COLOR": "1", "CAREERCLI_NO_REPLAY": "1"}
    result = career("--color", "never", *args, env=env)
    assert result.code == 0, result.err
    check(result.out, reference(career, args), width)


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
@pytest.mark.parametrize("width", [60, 200])
def test_pages_read_in_a_real_terminal(career, isolated_home: Path, width: int) -> None:
    bookmarks(career)
    from tests.test_tmux import Tmux, shell_env

    conf = isolated_home / "tmux.conf"
    conf.write_text("set -g history-limit 50000\n", "utf-8")
    env = {k: v for k, v in os.environ.items() if k.startswith("XDG_")} | shell_env(isolated_home)
    exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items())
    for args in PAGES:
        tmux = Tmux(isolated_home, width=width, height=40)
        try:  # the terminal's own size only: no COLUMNS, LINES or TERMINAL_WIDTH from the suite's pins
            command = f"{CAREER} --no-pager {' '.join(args)}; echo END-$((1+1)); sleep 600"
            tmux.tmux("-f", str(conf), "new-session", "-d", "-x", str(width), "-y", "40",
                      f"env -u COLUMNS -u LINES -u TERMINAL_WIDTH {exports} sh -c {shlex.quote(command)}")  # fmt: skip
            tmux.wait_for("END-2", timeout=90)
            screen = tmux.tmux("capture-pane", "-p", "-J", "-S", "-")
            check(screen[: screen.index("END-2")], reference(career, args), width)
        finally:
            tmux.close()
