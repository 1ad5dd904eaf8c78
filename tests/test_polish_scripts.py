"""The rest of issue 15's polish: paging of long pages, book ids that never wrap, limits that scripts can see,
preferences written by ``career config set`` with the user's comments kept, and the learning plan everywhere."""

from __future__ import annotations

import fcntl
import os
import struct
import subprocess
import sys
import termios

import pytest

from tests.conftest import CAREER


def _on_a_terminal(args: list[str], home, rows: int = 20) -> str:
    """Run ``career ARGS`` on a pseudo-terminal of ``rows`` x 100 with a pager that saves what it is given;
    the paged text ("" when nothing was paged)."""
    import pty

    paged = home / "paged.txt"
    script = home / "pager.py"
    script.write_text(f"import sys\nopen({str(paged)!r}, 'w').write(sys.stdin.read())\n", "utf-8")
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", rows, 100, 0, 0))
    env = dict(os.environ) | {"PAGER": f"{sys.executable} {script}", "LINES": str(rows), "COLUMNS": "100"}
    with subprocess.Popen([CAREER, *args], stdin=follower, stdout=follower, stderr=follower, env=env) as proc:
        os.close(follower)
        while True:
            try:
                if not os.read(leader, 65536):
                    break
            except OSError:
                break
        assert proc.wait(timeout=60) == 0
    os.close(leader)
    return paged.read_text("utf-8") if paged.exists() else ""


@pytest.mark.parametrize(
    ("args", "seen"),
    [
        (["list"], "Back-End Developer"),
        (["gap", "backend-developer", "--have", "python"], "Learning plan"),
        (["plan", "site-reliability-engineer", "--have", ""], "Kubernetes"),
    ],
)
def test_gap_plan_and_list_page_like_show_when_taller_than_the_terminal(isolated_home, args, seen) -> None:
    assert seen in _on_a_terminal(args, isolated_home)


def test_a_short_page_is_not_paged(isolated_home) -> None:
    assert _on_a_terminal(["list", "--category", "security"], isolated_home, rows=60) == ""


# -------------------------------------------------------------------------------------------- book ids


def _ids_whole(page: str, ids: list[str]) -> None:
    """Every id is on the page in one piece (a wrapped id would be split over two lines)."""
    missing = [book_id for book_id in ids if book_id not in page]
    assert not missing, missing


def test_books_shows_an_id_column_first_as_the_piped_rows_do_and_never_wraps_an_id(cli, monkeypatch) -> None:
    piped = cli("books", "--limit", "0").out.splitlines()
    ids = [line.split("\t")[0] for line in piped]
    assert len(ids) > 100
    for columns in ("80", "140"):
        monkeypatch.setenv("COLUMNS", columns)
        page = cli("books", "--limit", "0", tty=True).out
        header = page.splitlines()[0].split()
        assert header[:2] == ["Id", "Published"], header
        _ids_whole(page, ids)
        rows = [line.split()[0] for line in page.splitlines() if line[:1].strip() and line.split()[0] in ids]
        assert rows == ids  # same books, same order as the piped rows


@pytest.mark.parametrize("role", ["backend-developer", "site-reliability-engineer", "database-administrator"])
def test_show_never_wraps_a_book_id_or_a_skill_name_at_80_columns(cli, monkeypatch, role: str) -> None:
    import json

    data = json.loads(cli("show", role, "--json").out)["role"]
    monkeypatch.setenv("COLUMNS", "80")
    page = cli("show", role, "--no-pager", tty=True).out
    _ids_whole(page, data["books_by_fit"][:10] + data["new_books"])
    skills = page[page.index("Key skills"):page.index("Books by fit")]
    for skill in data["key_skills"]:
        assert skill["name"] in " ".join(line.strip() for line in skills.splitlines()).replace(" · ", "  ")


def test_the_reading_list_never_wraps_an_id_and_names_the_edition(cli, monkeypatch) -> None:
    ids = ["postgresql-mistakes-and-how-to-avoid-them", "designing-data-intensive-applications", "team-topologies"]
    for book_id in ids:
        assert cli("reading", "add", book_id).code == 0
    monkeypatch.setenv("COLUMNS", "80")
    page = cli("reading", "list", tty=True).out
    _ids_whole(page, ids)
    assert "Team Topologies (1st" in page  # the edition the user chose, named
    removed = cli("reading", "remove", "team-topologies")
    assert removed.out == "Removed Team Topologies (1st edition, 2019) (team-topologies) from your reading list.\n"


def test_a_skills_line_breaks_between_names_never_inside_one(cli, monkeypatch) -> None:
    monkeypatch.setenv("COLUMNS", "60")
    page = cli("show", "backend-developer", "--no-pager", tty=True).out
    skills = page[page.index("Key skills"):page.index("Books by fit")].splitlines()[1:]
    lines = [line.strip() for line in skills if line.strip()]
    assert len(lines) > 1
    for line in lines:  # each line starts with a whole skill name and ends after one
        assert not line.startswith("·")
        assert line.endswith(("·", "Git")) or line == lines[-1]
    assert any("Data Protection and Privacy" in line for line in lines)
    have = cli("gap", "backend-developer", "--have", "python,java,go,ruby,sql,postgresql,docker,git,caching",
               tty=True).out  # fmt: skip
    assert any(line.startswith("Have: ") and line.rstrip().endswith(",") for line in have.splitlines())
