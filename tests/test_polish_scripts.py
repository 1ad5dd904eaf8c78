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
    monkeypatch.setenv("COLUMNS", "140")
    page = cli("books", "--limit", "0", tty=True).out
    header = page.splitlines()[0].split()
    assert header[:2] == ["Id", "Published"], header
    _ids_whole(page, ids)
    rows = [line.split()[0] for line in page.splitlines() if line[:1].strip() and line.split()[0] in ids]
    assert rows == ids  # same books, same order as the piped rows
    # narrower, the id goes into the book's cell (tests/test_page_widths.py): every one whole, on its own line
    monkeypatch.setenv("COLUMNS", "80")
    page = cli("books", "--limit", "0", tty=True).out
    _ids_whole(page, ids)
    assert set(ids) <= {line.strip() for line in page.splitlines()}


@pytest.mark.parametrize("role", ["backend-developer", "site-reliability-engineer", "database-administrator"])
def test_show_never_wraps_a_book_id_or_a_skill_name_at_80_columns(cli, monkeypatch, role: str) -> None:
    import json

    data = json.loads(cli("show", role, "--json").out)["role"]
    monkeypatch.setenv("COLUMNS", "80")
    page = cli("show", role, "--no-pager", tty=True).out
    _ids_whole(page, data["books_by_fit"][:10] + data["new_books"])
    skills = page[page.index("Key skills") : page.index("Books by fit")]
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
    skills = page[page.index("Key skills") : page.index("Books by fit")].splitlines()[1:]
    lines = [line.strip() for line in skills if line.strip()]
    assert len(lines) > 1
    for line in lines:  # each line starts with a whole skill name and ends after one (a group's, after a member)
        assert not line.startswith("·")
        assert line.endswith(("·", "Git", "Ruby,")) or line == lines[-1]
    assert any("Data Protection and Privacy" in line for line in lines)
    have = cli("gap", "backend-developer", "--have", "python,java,go,ruby,sql,postgresql,docker,git,caching",
               tty=True).out  # fmt: skip
    assert any(line.startswith("Have: ") and line.rstrip().endswith(";") for line in have.splitlines())


# ------------------------------------------------------------------------------------- scripts and limits


@pytest.mark.parametrize(
    ("args", "key"),
    [(["books"], "books"), (["search", "python"], "results"), (["suggest", "--have", "python,sql"], "suggestions")],
)
def test_json_says_the_total_and_the_limit_that_applied(cli, args, key) -> None:
    import json

    cut = json.loads(cli(*args, "--limit", "3", "--json").out)
    every = json.loads(cli(*args, "--limit", "0", "--json").out)
    assert (len(cut[key]), cut["limit"], cut["total"]) == (3, 3, len(every[key]))
    assert (every["limit"], every["total"]) == (0, len(every[key]))
    assert every["total"] > 3


def test_a_cut_piped_listing_says_so_on_stderr_and_a_whole_one_says_nothing(cli) -> None:
    total = len(cli("books", "--limit", "0").out.splitlines())
    cut = cli("books")
    assert len(cut.out.splitlines()) == 10
    assert cut.err == f"showing 10 of {total}; --limit 0 for all\n"
    whole = cli("books", "--limit", "0")
    assert whole.err == ""
    few = cli("search", "kleppmann", "--limit", "50")
    assert (few.code, few.err) == (0, "")
    assert cli("suggest", "--have", "python", "-n", "2").err.startswith("showing 2 of ")


@pytest.mark.parametrize(
    ("args", "view"),
    [
        (["list"], "RolesView"),
        (["books", "-n", "3"], "BooksView"),
        (["search", "python", "-n", "3"], "SearchView"),
        (["suggest", "--have", "python", "-n", "3"], "SuggestionsView"),
        (["bookmark", "list"], "BookmarksView"),
        (["skills", "list"], "SkillsView"),
        (["reading", "list"], "ReadingView"),
        (["config", "show"], "SettingsView"),
        (["help", "environment"], "EnvironmentView"),
        (["list", "--group", "15", "--sort", "pay"], "FiguresView"),
        (["search", "data", "--kind", "occupation", "--sort", "pay"], "FigureHitsView"),
    ],
)
def test_piped_fields_follow_the_tables_columns_as_docs_cli_md_says(cli, monkeypatch, args, view) -> None:
    from careercli.presenters import occupation_figures, views, views_setup

    cli("bookmark", "add", "backend-developer", "--note", "n", "--tag", "t")
    cli("skills", "add", "python")
    cli("reading", "add", "fluent-python")
    columns = (
        getattr(views, view, None) or getattr(views_setup, view, None) or getattr(occupation_figures, view)
    ).columns
    records = cli(*args).out.splitlines()
    assert records
    assert {len(r.split("\t")) for r in records} <= {len(columns), len(columns) - 1}  # the last may be optional
    monkeypatch.setenv("COLUMNS", "200")
    page = cli(*args, tty=True).out.splitlines()
    header = next(line for line in page if line.strip() and not line.startswith(("File:", "Want", "Reading")))
    headings = [h for _, h in columns if h]
    padded = f" {header} "
    shown = [h for h in headings if f" {h} " in padded]
    assert sorted(shown, key=lambda h: padded.index(f" {h} ")) == shown  # the table's order is the records'
    assert len(shown) >= len(headings) - 1, (header, headings)  # the optional last column may be absent
    from tests.conftest import ROOT

    documented = (ROOT / "docs" / "cli.md").read_text("utf-8")
    assert ", ".join(f"{f} ({h or 'no column'})" for f, h in columns) in documented


def test_a_cut_listing_replayed_from_saved_output_still_says_it_was_cut(career, isolated_home) -> None:
    first, second = career("books", "--limit", "3"), career("books", "--limit", "3")
    assert first.err.startswith("showing 3 of ")
    assert (second.out, second.err) == (first.out, first.err)
    assert list((isolated_home / "cache" / "careercli" / "replay").glob("r-*"))  # the run was saved and replayed


# ------------------------------------------------------------------------------ the plan and the editions


def test_the_export_carries_the_same_plan_as_career_plan(cli, tmp_path) -> None:
    import json

    cli("skills", "add", "python")
    cli("bookmark", "add", "site-reliability-engineer")
    cli("bookmark", "add", "platform-engineer")
    plan = json.loads(cli("plan", "site-reliability-engineer", "--json").out)["plan"]["plan"]
    assert cli("export", "--full", "-o", str(tmp_path / "me.md")).code == 0
    text = (tmp_path / "me.md").read_text("utf-8")
    section = text[text.index("### Site Reliability Engineer") :]
    section = section[section.index("#### Learning plan") :].split("\n### ")[0].split("\n## ")[0]
    steps = [line for line in section.splitlines()[2:] if line[:1].isdigit()]
    assert len(steps) == len(plan)
    for number, (line, step) in enumerate(zip(steps, plan, strict=True), start=1):
        assert line.startswith(f"{number}. **")
        assert step["reasons"][0].split(" ")[0] in line  # each step says why it is there, as the JSON does
    assert any(s["needed_by_bookmarks"] for s in plan)  # the bookmarks weigh the order, in both
    assert "needed by" in section


def test_plan_and_gap_json_give_each_step_its_reason(cli) -> None:
    import json

    for command in ("plan", "gap"):
        steps = json.loads(cli(command, "backend-developer", "--have", "python", "--json").out)[command]["plan"]
        sql = next(s for s in steps if s["skill"] == "sql")
        assert sql["prerequisite_of"] == ["postgresql"]
        assert sql["reasons"][0] == "prerequisite of PostgreSQL"
        assert all(s["reasons"] for s in steps)


def test_book_shows_every_edition_of_its_work_and_marks_the_one_shown(cli) -> None:
    import json

    page = cli("book", "team-topologies", tty=True).out
    lines = [line for line in page.splitlines() if "team-topologies" in line]
    assert any("team-topologies-2e (2nd edition, 2025)" in line and "shown" not in line for line in lines)
    assert any("team-topologies (1st edition, 2019)" in line and "← shown" in line for line in lines)
    data = json.loads(cli("book", "team-topologies-2e", "--json").out)["book"]
    assert data["editions"] == ["team-topologies-2e", "team-topologies"]
    assert "Editions" not in cli("book", "fluent-python", tty=True).out


def test_the_reading_list_keeps_the_edition_the_user_chose(cli) -> None:
    import json

    assert cli("reading", "add", "team-topologies").out.startswith("Team Topologies (1st edition, 2019): want.")
    listed = cli("reading", "list").out
    assert listed.split("\t")[1] == "team-topologies"
    assert "2019" in listed
    entries = json.loads(cli("reading", "list", "--json").out)["reading"]
    assert [e["book"] for e in entries] == ["team-topologies"]


# ------------------------------------------------------------------------------------ career config set


def _config_file(isolated_home):
    return isolated_home / "config" / "careercli" / "config.toml"


def test_config_set_and_unset_keep_the_users_comments(cli, isolated_home) -> None:
    path = _config_file(isolated_home)
    path.parent.mkdir(parents=True)
    path.write_text('# my preferences\ncolor = "never"\n\n# how many books show lists\nshow_books = 5\n', "utf-8")
    assert cli("config", "set", "pager", "false").out == f"pager = false in {path}\n"
    assert cli("config", "set", "show_books", "20").code == 0
    text = path.read_text("utf-8")
    assert "# my preferences" in text
    assert "# how many books show lists\nshow_books = 20" in text
    assert cli("config", "unset", "color").code == 0
    rows = cli("config", "show").out.splitlines()
    assert rows == ['color\t"auto"\tdefault', "pager\tfalse\tconfig.toml", "show_books\t20\tconfig.toml"]
    assert "# my preferences" in path.read_text("utf-8")


def test_config_set_creates_the_file_when_there_is_none(cli, isolated_home) -> None:
    assert cli("config", "set", "color", "always").code == 0
    assert _config_file(isolated_home).read_text("utf-8") == 'color = "always"\n'


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("color", "purple"), "'color' must be one of"),
        (("show_books", "many"), "'show_books' must be a whole number"),
        (("pager", "maybe"), "'pager' must be true or false"),
        (("colour", "never"), "unknown key 'colour'"),
    ],
)
def test_config_set_validates_like_the_reader_and_leaves_the_file(cli, isolated_home, args, message) -> None:
    path = _config_file(isolated_home)
    path.parent.mkdir(parents=True)
    path.write_text("# mine\nshow_books = 3\n", "utf-8")
    result = cli("config", "set", *args)
    assert result.code == 1
    assert message in result.err
    assert path.read_text("utf-8") == "# mine\nshow_books = 3\n"


def test_config_set_never_rewrites_a_file_that_does_not_parse(cli, isolated_home) -> None:
    path = _config_file(isolated_home)
    path.parent.mkdir(parents=True)
    path.write_text("pager = [\n", "utf-8")
    result = cli("config", "set", "color", "never")
    assert result.code == 1
    assert "not valid TOML" in result.err
    assert path.read_text("utf-8") == "pager = [\n"
