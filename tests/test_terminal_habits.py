"""Output that suits where it goes: no pager on a dumb terminal, no padding in piped text, links kept whole."""

from __future__ import annotations

import os
import shlex
import shutil
import sys
from pathlib import Path

import pytest

from tests.conftest import CAREER

URL = "https://livebook.manning.com/book/data-pipelines-with-apache-airflow-second-edition/chapter-1"


@pytest.mark.parametrize("args", [("show", "backend-developer"), ("show", "15-1252.00")])
@pytest.mark.parametrize("layout", ["piped", "terminal layout"])
def test_no_line_ends_in_padding(career, args: tuple[str, ...], layout: str) -> None:
    env = {"CAREERCLI_NO_REPLAY": "1"} | ({"FORCE_COLOR": "1"} if layout != "piped" else {})
    result = career("--color", "never", *args, env=env)
    assert result.code == 0, result.err
    padded = [line for line in result.out.splitlines() if line.endswith(" ")]
    assert not padded, f"{len(padded)} lines end in spaces, e.g. {padded[:3]}"
    assert result.out.count("\n") > 10


@pytest.mark.parametrize("width", ["60", "100", "200"])
def test_a_book_url_is_one_line_at_any_width(career, width: str) -> None:
    env = {"COLUMNS": width, "FORCE_COLOR": "1", "CAREERCLI_NO_REPLAY": "1"}
    result = career("--color", "never", "book", "data-pipelines-with-apache-airflow-2e", env=env)
    assert result.code == 0, result.err
    assert f"  {URL}\n" in result.out
    assert "Web page\n" in result.out


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
@pytest.mark.parametrize(
    ("term", "flag", "paged"),
    [("dumb", "", False), (None, "", False), ("dumb", "--pager", True), ("xterm-256color", "", True)],
)
def test_a_dumb_terminal_is_not_paged(isolated_home: Path, term: str | None, flag: str, paged: bool) -> None:
    from tests.test_tmux import Tmux, shell_env

    record = isolated_home / "paged.txt"
    script = isolated_home / "pager.py"
    script.write_text(f"import sys\nopen({str(record)!r}, 'w').write(sys.stdin.read())\n", "utf-8")
    env = {k: v for k, v in os.environ.items() if k.startswith("XDG_")} | shell_env(isolated_home)
    env |= {"PAGER": f"{sys.executable} {script}", "CAREERCLI_NO_REPLAY": "1"}
    env.pop("TERM")
    exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items())
    terminal = f"TERM={term}" if term else "-u TERM"
    command = f"{CAREER} {flag} show backend-developer; echo END-$((1+1)); sleep 600"
    tmux = Tmux(isolated_home, width=100, height=30)
    try:
        tmux.tmux("new-session", "-d", "-x", "100", "-y", "30",
                  f"env -u COLUMNS -u LINES {terminal} {exports} sh -c {shlex.quote(command)}")  # fmt: skip
        screen = tmux.wait_for("END-2", timeout=90)
    finally:
        tmux.close()
    if paged:
        assert "What they do" in record.read_text("utf-8")
    else:
        assert not record.exists()
        assert "USDOL/ETA" in screen  # the end of the page, straight on the screen


def test_show_writes_the_piped_page_to_a_file(career, isolated_home: Path) -> None:
    target = isolated_home / "backend.txt"
    piped = career("show", "backend-developer")
    written = career("show", "backend-developer", "-o", str(target))
    assert (written.code, written.out, written.err) == (0, f"Wrote {target}.\n", "")
    assert target.read_text("utf-8") == piped.out
    target.unlink()
    again = career("show", "backend-developer", "-o", str(target))  # the same line again: written, not replayed
    assert again.code == 0, again.err
    assert target.read_text("utf-8") == piped.out


def test_show_output_refuses_what_it_should(career, isolated_home: Path) -> None:
    target = isolated_home / "mine.txt"
    target.write_text("my notes\n", "utf-8")
    kept = career("show", "backend-developer", "-o", str(target))
    assert (kept.code, kept.out, kept.err) == (1, "", f"career: {target} exists; add --force to overwrite it\n")
    assert target.read_text("utf-8") == "my notes\n"
    missing = career("show", "backend-developer", "-o", str(isolated_home / "nope" / "page.txt"))
    assert (missing.code, missing.out) == (1, "")
    assert missing.err == f"career: no folder {isolated_home / 'nope'}: create it first\n"
    assert not (isolated_home / "nope").exists()
    forced = career("show", "15-1252.00", "--format", "html", "-o", str(target), "--force")
    assert forced.code == 0, forced.err
    assert target.read_text("utf-8").startswith("<!DOCTYPE html>")
    as_json = career("show", "backend-developer", "--json", "-o", str(isolated_home / "page.json"))
    assert as_json.code == 0, as_json.err
    assert '"slug": "backend-developer"' in (isolated_home / "page.json").read_text("utf-8")


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
def test_a_terminal_gets_files_not_markdown_or_xml(isolated_home: Path) -> None:
    from tests.test_tmux import Tmux, shell_env

    work = isolated_home / "work"
    work.mkdir()
    (work / "profile.md").write_text("an older export of mine\n", "utf-8")
    env = {k: v for k, v in os.environ.items() if k.startswith("XDG_")} | shell_env(isolated_home)
    exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items())
    lines = [f"cd {shlex.quote(str(work))}", f"{CAREER} export", f"{CAREER} export",
             f"{CAREER} show backend-developer --format svg", f"{CAREER} books --format html"]  # fmt: skip
    command = " && ".join(lines) + "; echo END-$((1+1)); sleep 600"
    tmux = Tmux(isolated_home, width=120, height=30)
    try:
        tmux.tmux("new-session", "-d", "-x", "120", "-y", "30", f"env {exports} sh -c {shlex.quote(command)}")
        screen = tmux.wait_for("END-2", timeout=90)
    finally:
        tmux.close()
    assert "Wrote profile-2.md. To read it here: career export | less;" in screen
    assert "Wrote profile-3.md." in screen
    assert "Wrote show-backend-developer.svg." in screen
    assert "Wrote books.html." in screen
    assert "<svg" not in screen
    assert "# My career profile" not in screen
    assert (work / "profile.md").read_text("utf-8") == "an older export of mine\n"
    assert (work / "profile-2.md").read_text("utf-8").startswith("# My career profile")
    assert (work / "show-backend-developer.svg").read_text("utf-8").startswith("<svg")
    assert "Team Topologies" in (work / "books.html").read_text("utf-8")


def test_html_pages_link_books_and_addresses(career) -> None:
    book = career("book", "data-pipelines-with-apache-airflow-2e", "--format", "html")
    assert book.code == 0, book.err
    assert f'<a href="{URL}">{URL}</a>' in book.out
    role = career("show", "backend-developer", "--format", "html")
    assert role.code == 0, role.err
    link = '<a href="https://livebook.manning.com/book/postgresql-mistakes-and-how-to-avoid-them">'
    assert f"{link}PostgreSQL Mistakes and How to Avoid Them</a>" in role.out
    books = career("books", "--format", "html")
    assert books.out.count("<a href=") >= 5
    svg = career("book", "data-pipelines-with-apache-airflow-2e", "--format", "svg")
    assert "<a " not in svg.out  # a picture has no links
    shown = career("show", "backend-developer", env={"FORCE_COLOR": "1"})  # a terminal page: no link codes
    assert "\x1b]8;" not in shown.out


def test_only_plain_web_addresses_become_links() -> None:
    from rich.text import Text

    from careercli.presenters import rich_common

    rich_common.LINKS[0] = True
    try:
        bad = ['https://x.org/"><script>', "javascript:alert(1)", "https://x.org/a b", "https://x.org/\x1b"]
        assert all(not rich_common.linked(Text("t"), url).spans for url in bad)
        assert rich_common.linked(Text("t"), "https://x.org/a?b=1&c=2").spans
    finally:
        rich_common.LINKS[0] = False
    assert not rich_common.linked(Text("t"), "https://x.org/").spans  # drawn for a terminal: no link
