"""What users get through the installed command (direct path and replay on): a filtered reading list cut at
--limit, and the pager preference of config.toml. Both once passed the suite with a mutant in place (a listing
of limit + 1 rows; a pager setting never applied)."""

from __future__ import annotations

import json
import os
import pty
import subprocess
from pathlib import Path

import pytest

from tests.conftest import CAREER

FILTERS = [
    ["--role", "qa-engineer", "--since", "2015"],
    ["--skill", "kubernetes"],
    ["--author", "martin"],
    ["--topic", "testing"],
    ["--role", "backend-developer"],  # the role alone: answered from the catalogue's index
]


@pytest.mark.parametrize("filters", FILTERS, ids=" ".join)
def test_a_filtered_books_listing_shows_limit_rows(career, filters: list[str]) -> None:
    whole = json.loads(career("books", *filters, "--limit", "0", "--json").out)
    total = len(whole["books"])
    assert total > 2  # a listing that --limit 2 cuts
    for _ in range(2):  # the first view, then the replay of it
        data = json.loads(career("books", *filters, "--limit", "2", "--json").out)
        assert ([b["id"] for b in data["books"]], data["total"], data["limit"]) == (
            [b["id"] for b in whole["books"][:2]], total, 2)  # fmt: skip
        piped = career("books", *filters, "-n", "2")
        assert [line.split("\t")[0] for line in piped.out.splitlines()] == [b["id"] for b in whole["books"][:2]]
        assert piped.err == f"showing 2 of {total}; --limit 0 for all\n"
        page = career("books", *filters, "-n", "2", env={"FORCE_COLOR": "0", "TERM": "xterm", "TTY_COMPATIBLE": "1"})
        assert f"2 of {total} books; --limit 0 shows all" in page.out
        assert sum(b["id"] in page.out for b in whole["books"]) == 2


def _on_a_terminal(args: list[str], pager_file: Path, lines: int) -> str:
    """What ``career ARGS`` shows on a terminal of ``lines`` rows, with a pager that keeps what it is given."""
    leader, follower = pty.openpty()
    env = dict(os.environ) | {"PAGER": f"sh -c 'cat > {pager_file}'", "LINES": str(lines), "COLUMNS": "100"}
    with subprocess.Popen([CAREER, *args], stdin=follower, stdout=follower, stderr=follower, env=env) as proc:
        os.close(follower)
        seen = b""
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
        assert proc.wait(timeout=60) == 0
    os.close(leader)
    return seen.decode("utf-8", "replace")


@pytest.mark.parametrize(
    ("args", "title"),
    [(["list"], "Back-End Developer"), (["show", "qa-engineer"], "QA / Test Automation Engineer"),
     (["compare", "backend-developer", "qa-engineer"], "QA / Test Automation Engineer")],
    ids=lambda value: " ".join(value) if isinstance(value, list) else "",
)  # fmt: skip
def test_the_pager_setting_of_config_toml_is_applied(career, tmp_path: Path, args: list[str], title: str) -> None:
    paged = tmp_path / "paged.txt"
    assert career("config", "set", "pager", "true").code == 0
    for _ in range(2):  # the first view, then the replay of it
        shown = _on_a_terminal(args, paged, lines=500)  # short enough for the terminal: paged all the same
        assert title in paged.read_text(encoding="utf-8")
        assert title not in shown
        paged.unlink()
    assert career("config", "set", "pager", "false").code == 0
    for _ in range(2):
        shown = _on_a_terminal(args, paged, lines=5)  # taller than the terminal: printed all the same
        assert title in shown
        assert not paged.exists()
