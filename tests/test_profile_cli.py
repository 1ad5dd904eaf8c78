"""Bookmarks, skills, reading list, export and where through the CLI, with real files in a temporary home."""

from __future__ import annotations

import json
import os
import tomllib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

HOSTILE = "[bold red]x[/] \x1b[31mred\x1b[0m \x9b2J"


def profile_file(home: Path) -> Path:
    return home / "config" / "careercli" / "profile.toml"


def test_bookmarks_round_trip(cli, isolated_home: Path) -> None:
    assert cli("bookmark", "add", "Back-End Developer", "--note", "after QA", "--tag", "next").out == (
        "Bookmarked Back-End Developer (backend-developer).\n"
    )
    assert cli("bookmark", "add", "data-engineer", "--tag", "later").code == 0
    again = cli("bookmark", "add", "backend", "--note", "changed")
    assert again.out == "Updated bookmark Back-End Developer (backend-developer).\n"
    listed = json.loads(cli("bookmark", "list", "--json").out)
    assert listed["schema_version"] == 1
    first = listed["bookmarks"][0]
    assert set(first) == {"role", "name", "note", "tags", "added"}
    assert (first["role"], first["name"], first["note"], first["tags"]) == (
        "backend-developer", "Back-End Developer", "changed", ["next"],
    )  # fmt: skip
    later = json.loads(cli("bookmark", "list", "--tag", "later", "--json").out)["bookmarks"]
    assert [b["role"] for b in later] == ["data-engineer"]
    assert cli("bookmark", "remove", "data-engineer").code == 0
    assert [b["role"] for b in json.loads(cli("bookmark", "list", "--json").out)["bookmarks"]] == ["backend-developer"]
    missing = cli("bookmark", "remove", "data-engineer")
    assert missing.code == 1
    assert missing.err == "career: 'data-engineer' is not bookmarked; 'career bookmark list' shows your bookmarks\n"


def test_show_marks_a_bookmarked_role_with_its_note(cli) -> None:
    cli("bookmark", "add", "backend-developer", "--note", "my next step")
    out = cli("show", "backend-developer").out
    assert "★ Bookmarked — my next step" in out
    assert "Bookmarked" not in cli("show", "frontend-developer").out
    payload = json.loads(cli("show", "backend-developer", "--json").out)
    assert payload["role"]["bookmark"]["note"] == "my next step"


def test_skills_resolve_refuse_unknown_and_keep_custom(cli) -> None:
    assert cli("skills", "add", "Python", "postgres", "k8s").out == "Recorded: Python, PostgreSQL, Kubernetes.\n"
    refused = cli("skills", "add", "git", "pyhtonn")
    assert refused.code == 1
    assert refused.err == (
        "career: unknown skill 'pyhtonn'; did you mean 'python'? Add --custom to keep it as typed.\n"
    )
    assert "git" not in json.dumps(json.loads(cli("skills", "list", "--json").out))  # all or nothing
    assert cli("skills", "add", "Mainframe COBOL", "--custom").code == 0
    skills = json.loads(cli("skills", "list", "--json").out)["skills"]
    assert [(s["id"], s["name"], s["custom"]) for s in skills] == [
        ("python", "Python", False), ("postgresql", "PostgreSQL", False), ("kubernetes", "Kubernetes", False),
        (None, "Mainframe COBOL", True),
    ]  # fmt: skip
    assert cli("skills", "remove", "k8s", "Mainframe COBOL").code == 0
    assert [s["name"] for s in json.loads(cli("skills", "list", "--json").out)["skills"]] == ["Python", "PostgreSQL"]


def test_reading_list_statuses_and_books_column(cli) -> None:
    assert cli("reading", "add", "fluent python").out == "Fluent Python: want.\n"
    assert cli("reading", "add", "fluent-python", "--status", "reading").out == "Fluent Python: reading.\n"
    assert cli("reading", "add", "designing data", "--status", "read").code == 0
    entries = json.loads(cli("reading", "list", "--json").out)["reading"]
    assert [(e["book"], e["status"]) for e in entries] == [
        ("fluent-python", "reading"), ("designing-data-intensive-applications", "read"),
    ]  # fmt: skip
    only_read = json.loads(cli("reading", "list", "--status", "read", "--json").out)["reading"]
    assert [e["book"] for e in only_read] == ["designing-data-intensive-applications"]
    table = cli("books", "--author", "ramalho", tty=True).out
    assert "mine: reading" in table
    statuses = {b["id"]: b.get("status") for b in json.loads(cli("books", "--json", "--limit", "0").out)["books"]}
    assert statuses["fluent-python"] == "reading"
    bad = cli("reading", "add", "fluent-python", "--status", "skimmed")
    assert bad.code == 2
    assert "'skimmed' is not one of 'want', 'reading', 'read'" in bad.err
    assert cli("reading", "remove", "fluent-python").code == 0
    assert cli("reading", "remove", "fluent-python").code == 1


def test_hostile_text_is_shown_literally_everywhere(cli) -> None:
    cli("bookmark", "add", "backend-developer", "--note", HOSTILE, "--tag", "[red]t[/red]")
    for args in (("bookmark", "list"), ("show", "backend-developer")):
        out = cli(*args).out
        assert "[bold red]x[/]" in out
        assert "[red]t[/red]" in out
        assert "\x1b" not in out
        assert "\x9b" not in out
        assert "␛[31mred" in out
    note = json.loads(cli("bookmark", "list", "--json").out)["bookmarks"][0]["note"]
    assert note == HOSTILE  # JSON keeps the exact text; it is escaped, not altered


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(note=st.text(st.characters(blacklist_categories=("Cs",)), max_size=60),
       tag=st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=20))  # fmt: skip
def test_any_note_round_trips_through_json(cli, note: str, tag: str) -> None:
    assert cli("bookmark", "add", "ux-designer", "--note", note, "--tag", tag).code == 0
    mark = json.loads(cli("bookmark", "list", "--json").out)["bookmarks"][0]
    assert (mark["note"], mark["tags"]) == (note, [tag])


# --------------------------------------------------------------------------- export


def parse(markdown: str) -> list:
    return MarkdownIt("commonmark").enable("table").parse(markdown)


def headings(tokens: list) -> list[tuple[str, str]]:
    found = []
    for index, token in enumerate(tokens):
        if token.type == "heading_open":
            inline = tokens[index + 1]
            found.append((token.tag, "".join(c.content for c in inline.children if c.type == "text")))
    return found


def test_export_holds_everything_and_hostile_notes_cannot_change_its_structure(cli, tmp_path: Path) -> None:
    hostile_notes = ["# x", "[link](javascript:alert(1))", "a | b | c\n|---|---|", "`code` ```fence```", "<b>hi</b>"]
    cli("bookmark", "add", "backend-developer", "--note", "\n".join(hostile_notes), "--tag", "*bold*")
    cli("bookmark", "add", "data-engineer", "--note", "second role")
    cli("skills", "add", "python", "sql", "git")
    cli("reading", "add", "fluent-python", "--status", "reading")
    cli("reading", "add", "designing-data-intensive-applications", "--status", "read")
    target = tmp_path / "profile.md"
    result = cli("export", "-o", str(target))
    assert result.code == 0
    assert result.out == f"Wrote {target}.\n"
    tokens = parse(target.read_text("utf-8"))
    assert headings(tokens) == [
        ("h1", "My career profile"),
        ("h2", "Summary"),
        ("h2", "My skills"),
        ("h2", "Bookmarked roles"),
        ("h3", "Back-End Developer"),
        ("h4", "Pay and outlook (BLS)"),
        ("h4", "Challenges"),
        ("h4", "Learning plan"),
        ("h3", "Data Engineer"),
        ("h4", "Pay and outlook (BLS)"),
        ("h4", "Challenges"),
        ("h4", "Learning plan"),
        ("h2", "Reading list"),
        ("h3", "Reading"),
        ("h3", "Read"),
        ("h2", "Suggested next books"),
        ("h2", "Official occupation facts (O*NET)"),
        ("h3", "Official facts (O*NET 15-1252.00): Software Developers"),
        ("h3", "Official facts (O*NET 15-1243.01): Data Warehousing Specialists"),
    ]
    types = {t.type for t in tokens}
    inline_types = {child.type for t in tokens if t.children for child in t.children}
    assert "table_open" not in types
    assert "html_block" not in types
    assert "fence" not in types
    assert "link_open" not in inline_types
    assert "html_inline" not in inline_types
    assert "code_inline" in inline_types  # only ours: the skill ids and role ids
    code = {child.content for t in tokens if t.children for child in t.children if child.type == "code_inline"}
    from careercli.stored.load import load_catalog

    assert {"python", "sql", "git"} <= code  # the skill ids, and role ids in the official facts (no user text)
    commands = {span for span in code if span.startswith("career ")}  # ours: where the rest of a list is
    assert commands == {"career plan backend-developer", "career plan data-engineer", "career export --full",
                        "career show 15-1252.00", "career show 15-1243.01"}  # fmt: skip
    assert code - {"python", "sql", "git"} - commands <= set(load_catalog().roles)
    text = "".join(child.content for t in tokens if t.children for child in t.children if child.type == "text")
    for note in hostile_notes:
        for line in note.split("\n"):
            assert line in text  # shown literally
    assert "*bold*" in text
    assert "Fluent Python" in text
    assert "Designing Data-Intensive Applications" in text
    items = [tokens[i + 2].content for i, t in enumerate(tokens) if t.type == "list_item_open"]
    assert "Python (python)" not in items  # the id is in a code span
    assert any(i.startswith("Skills I have:") for i in items) or "Skills I have" in text


def test_export_refuses_to_overwrite_without_force(cli, tmp_path: Path) -> None:
    target = tmp_path / "out.md"
    target.write_text("keep me", "utf-8")
    refused = cli("export", "-o", str(target))
    assert refused.code == 1
    assert refused.err == f"career: {target} exists; add --force to overwrite it\n"
    assert target.read_text("utf-8") == "keep me"
    assert cli("export", "-o", str(target), "--force").code == 0
    assert target.read_text("utf-8").startswith("# My career profile\n")


def test_export_to_stdout(cli) -> None:
    for args in (("export",), ("export", "-o", "-")):
        result = cli(*args)
        assert result.code == 0
        assert result.out.startswith("# My career profile\n")
        assert "No bookmarks yet." in result.out


def test_where_shows_the_temporary_home(cli, isolated_home: Path) -> None:
    payload = json.loads(cli("where", "--json").out)["paths"]
    assert payload["profile"] == str(profile_file(isolated_home))
    assert payload["packs"][0] == str(isolated_home / "data" / "careercli" / "packs")
    assert payload["cache"] == str(isolated_home / "cache" / "careercli")
    assert not (isolated_home / "config").exists()  # read-only commands create nothing


# --------------------------------------------------------------------------- broken profiles, real processes


@pytest.mark.slow  # many processes (or the whole O*NET release): the full run covers it
@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"skills = [\n", "not valid TOML"),
        (b"schema_version = 7\n", "written by a newer careercli"),
    ],
)
def test_broken_profile_untouched_by_every_writer(career, isolated_home: Path, content: bytes, message: str) -> None:
    path = profile_file(isolated_home)
    path.parent.mkdir(parents=True)
    path.write_bytes(content)
    writers = [
        ("bookmark", "add", "backend-developer"),
        ("skills", "add", "python"),
        ("reading", "add", "fluent-python"),
        ("bookmark", "list"),
        ("export",),
    ]
    for args in writers:
        result = career(*args)
        assert result.code == 1, args
        assert result.err.startswith(f"career: {path}: "), result.err
        assert message in result.err
        assert "Traceback" not in result.err
        assert path.read_bytes() == content
    shown = career("show", "backend-developer")  # a read-only page still works, with a warning
    assert shown.code == 0
    assert shown.err.startswith(f"career: warning: {path}: ")


def test_unwritable_profile_folder(career, isolated_home: Path) -> None:
    blocker = isolated_home / "blocker"
    blocker.write_text("x", "utf-8")
    result = career("bookmark", "add", "backend-developer", env={"XDG_CONFIG_HOME": str(blocker)})
    assert result.code == 1
    assert result.err.startswith(f"career: cannot create the profile folder {blocker / 'careercli'}")
    assert "Traceback" not in result.err


@pytest.mark.slow
def test_twenty_concurrent_writers_lose_nothing(isolated_home: Path) -> None:
    import subprocess

    from careercli.stored.load import load_catalog
    from tests.conftest import CAREER

    slugs = sorted(load_catalog().roles)[:20]
    procs = [
        subprocess.Popen([CAREER, "bookmark", "add", slug, "--note", f"note for {slug}"], stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, env=os.environ.copy())
        for slug in slugs
    ]  # fmt: skip
    codes = []
    for proc in procs:  # communicate() closes both pipes (PYTHONWARNINGS=error turns an open one into a failure)
        proc.communicate(timeout=120)
        codes.append(proc.returncode)
    assert codes == [0] * 20
    document = tomllib.loads(profile_file(isolated_home).read_text("utf-8"))
    assert sorted(b["role"] for b in document["bookmark"]) == slugs
    assert all(b["note"] == f"note for {b['role']}" for b in document["bookmark"])


@pytest.mark.slow
def test_a_writer_killed_mid_way_leaves_the_old_or_the_new_file(isolated_home: Path) -> None:
    import random
    import signal
    import subprocess
    import time

    from tests.conftest import CAREER

    path = profile_file(isolated_home)
    big = "x" * 100_000
    subprocess.run([CAREER, "bookmark", "add", "qa-engineer", "--note", big], check=True, env=os.environ.copy())
    rng = random.Random(7)
    for round_number in range(12):
        note = f"{round_number}-" + big
        proc = subprocess.Popen([CAREER, "bookmark", "add", "qa-engineer", "--note", note], env=os.environ.copy(),
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
        time.sleep(rng.uniform(0.05, 0.6))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        document = tomllib.loads(path.read_text("utf-8"))  # always a whole file
        (mark,) = document["bookmark"]
        assert mark["note"] in {note} | {f"{n}-" + big for n in range(round_number)} | {big}


# --------------------------------------------------------------------------- export: files, modes, special files


def test_export_follows_the_umask_and_keeps_an_existing_mode(career, tmp_path: Path) -> None:
    import subprocess

    from tests.conftest import CAREER

    new = tmp_path / "new.md"
    subprocess.run(f"umask 077; {CAREER} export -o {new}", shell=True, check=True, env=os.environ.copy())
    assert new.stat().st_mode & 0o777 == 0o600
    loose = tmp_path / "loose.md"
    subprocess.run(f"umask 022; {CAREER} export -o {loose}", shell=True, check=True, env=os.environ.copy())
    assert loose.stat().st_mode & 0o777 == 0o644
    kept = tmp_path / "kept.md"
    kept.write_text("old", "utf-8")
    kept.chmod(0o600)
    assert career("export", "-o", str(kept), "--force").code == 0
    assert kept.stat().st_mode & 0o777 == 0o600
    assert kept.read_text("utf-8").startswith("# My career profile\n")


def test_export_writes_into_a_fifo_and_a_character_device_as_a_stream(career, tmp_path: Path) -> None:
    import threading

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    result = career("export", "-o", str(fifo), "--force")
    reader.join(timeout=30)
    assert result.code == 0, result.err
    assert received[0].startswith(b"# My career profile\n")
    assert fifo.is_fifo()
    null = career("export", "-o", "/dev/null", "--force")
    assert null.code == 0, null.err
    assert Path("/dev/null").is_char_device()


def test_export_to_dev_stdout_is_a_stream(tmp_path: Path) -> None:
    import subprocess

    from tests.conftest import CAREER

    out = tmp_path / "redirected.md"
    with out.open("wb") as handle:
        proc = subprocess.run([CAREER, "export", "-o", "/dev/stdout", "--force"], stdout=handle,
                              stderr=subprocess.PIPE, env=os.environ.copy())  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert out.read_text("utf-8").startswith("# My career profile\n")
    assert not out.is_symlink()


def test_export_refuses_sockets_and_folders_and_dangling_links_without_force(career, tmp_path: Path) -> None:
    import socket

    sock_path = tmp_path / "s.sock"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(sock_path))
    try:
        refused = career("export", "-o", str(sock_path), "--force")
    finally:
        server.close()
    assert refused.code == 1
    assert refused.err == f"career: {sock_path} is a socket; name a regular file\n"
    folder = career("export", "-o", str(tmp_path), "--force")  # a folder takes profile.md (issue 21, item 9)
    assert (folder.code, folder.out, folder.err) == (0, f"Wrote {tmp_path / 'profile.md'}.\n", "")
    link = tmp_path / "dangling.md"
    link.symlink_to(tmp_path / "missing" / "nowhere.md")
    dangling = career("export", "-o", str(link))
    assert dangling.code == 1
    assert dangling.err == f"career: {link} exists (a symlink to a missing file); add --force to overwrite it\n"
    assert link.is_symlink()
    assert career("export", "-o", str(link), "--force").code == 0
    assert link.read_text("utf-8").startswith("# My career profile\n")


def test_export_through_a_symlink_keeps_the_link(career, tmp_path: Path) -> None:
    real = tmp_path / "real.md"
    real.write_text("old", "utf-8")
    real.chmod(0o640)
    link = tmp_path / "link.md"
    link.symlink_to(real)
    assert career("export", "-o", str(link), "--force").code == 0
    assert link.is_symlink()
    assert real.read_text("utf-8").startswith("# My career profile\n")
    assert real.stat().st_mode & 0o777 == 0o640


# --------------------------------------------------------------------------- hostile profiles and arguments


def test_ids_gone_from_the_catalogue_cannot_change_the_export(isolated_home: Path, career) -> None:
    path = profile_file(isolated_home)
    path.parent.mkdir(parents=True)
    path.write_text(
        'schema_version = 1\n[[bookmark]]\nrole = "`\\n# heading\\n<script>"\n'
        '[[reading]]\nbook = "`\\n# book\\n<img src=x>"\n',
        "utf-8",
    )
    result = career("export")
    assert result.code == 0, result.err
    tokens = parse(result.out)
    assert [h for h in headings(tokens) if h[0] in ("h1", "h2")] == [
        ("h1", "My career profile"), ("h2", "Summary"), ("h2", "My skills"), ("h2", "Bookmarked roles"),
        ("h2", "Reading list"),
        ("h2", "Suggested next books"),
    ]  # fmt: skip
    assert "heading" not in [h[1] for h in headings(tokens)]
    inline_types = {child.type for t in tokens if t.children for child in t.children}
    assert "html_inline" not in inline_types
    assert "html_block" not in {t.type for t in tokens}
    text = "".join(child.content for t in tokens if t.children for child in t.children if child.type == "text")
    assert "<script>" in text
    assert "You have every book" not in result.out
    assert "None of your bookmarked roles is in the catalog any more" in result.out


def test_export_escapes_only_what_would_change_the_markdown(cli) -> None:
    cli("bookmark", "add", "backend-developer", "--note", "on-call from 2026-11-30, Node.js and snake_case")
    out = cli("export").out
    assert "on-call from 2026-11-30, Node.js and snake_case" in out
    assert "\\-" not in out
    assert "\\." not in out


def test_undecodable_arguments_are_refused_before_any_write(career, isolated_home: Path) -> None:
    import subprocess

    from tests.conftest import CAREER

    assert career("skills", "add", "sql").code == 0
    path = profile_file(isolated_home)
    before = path.read_bytes()
    for args in (["skills", "add", "--custom", "caf\udce9"], ["bookmark", "add", "qa-engineer", "--note", "\udcff"]):
        proc = subprocess.run([CAREER, *args], capture_output=True, env=os.environ.copy())
        assert proc.returncode == 1, args
        err = proc.stderr.decode("utf-8")
        assert err.count("\n") == 1, err
        assert "is not valid UTF-8 text; nothing was written" in err
        assert path.read_bytes() == before
        assert sorted(p.name for p in path.parent.iterdir()) == ["profile.toml", "profile.toml.lock"]


def test_a_multi_line_challenge_keeps_the_markdown_table() -> None:
    import dataclasses

    from careercli.model import Challenge
    from careercli.presenters.markdown import role_markdown
    from careercli.stored.load import load_catalog

    catalog = load_catalog()
    role = catalog.roles["backend-developer"]
    hostile = Challenge("Two\nlines | here", "first line\n\n# not a heading\n|---|---|\nlast line")
    role = dataclasses.replace(role, challenges=(*role.challenges, hostile))
    tokens = parse(role_markdown(role, catalog, []))
    rows = [i for i, t in enumerate(tokens) if t.type == "tr_open"]
    assert len(rows) == len(role.challenges) + 1  # the header and one row a challenge
    cells = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type in ("td_open", "th_open")]
    assert cells[-2:] == ["Two lines | here", "first line # not a heading |---|---| last line"]
    assert "not a heading" not in [h[1] for h in headings(tokens)]


def test_dates_written_by_hand_as_toml_dates_are_read(career, isolated_home: Path) -> None:
    """A person who edits profile.toml may write a date as TOML does (added = 2024-01-01, or a date-time): it
    is read as that day and kept when careercli writes the profile; a time alone is refused."""
    path = profile_file(isolated_home)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        "schema_version = 1\n# mine\n"
        '[[bookmark]]\nrole = "backend-developer"\nnote = "next"\nadded = 2024-01-01\n'
        '[[bookmark]]\nrole = "qa-engineer"\nadded = 2024-03-05\n'
        '[[reading]]\nbook = "designing-data-intensive-applications"\nstatus = "reading"\n'
        "added = 2024-02-03T10:00:00\nupdated = 2024-02-04\n",
        "utf-8",
    )
    listed = career("bookmark", "list")
    assert (listed.code, listed.err) == (0, "")
    assert listed.out.splitlines() == [
        "backend-developer\tBack-End Developer\t2024-01-01\t\tnext",
        "qa-engineer\tQA / Test Automation Engineer\t2024-03-05\t\t",
    ]
    assert json.loads(career("reading", "list", "--json").out)["reading"][0]["added"] == "2024-02-03"
    assert career("bookmark", "add", "backend-developer", "--note", "changed").code == 0
    text = path.read_text("utf-8")
    assert "# mine" in text
    assert career("bookmark", "list").out.splitlines() == [  # every date kept (now written as text)
        "backend-developer\tBack-End Developer\t2024-01-01\t\tchanged",
        "qa-engineer\tQA / Test Automation Engineer\t2024-03-05\t\t",
    ]
    path.write_text('schema_version = 1\n[[bookmark]]\nrole = "qa-engineer"\nadded = 10:00:00\n', "utf-8")
    refused = career("bookmark", "list")
    assert refused.code == 1
    assert "'added' must be a date (2024-01-31) or a string" in refused.err


MERGED = """schema_version = 1
skills = []
custom_skills = []

[[bookmark]]
role = "backend-developer"
note = "from my desktop"
tags = ["goal"]
added = "2024-01-01"

[[bookmark]]
role = "backend-developer"  # merged by hand from my laptop
note = "from my laptop"
tags = ["later"]
added = "2023-05-05"

[[reading]]
book = "agile-testing"
status = "want"
added = "2024-01-01"
updated = "2024-01-01"

[[reading]]
book = "agile-testing"
status = "reading"
added = "2023-02-02"
updated = "2023-03-03"
"""


def test_duplicate_entries_for_one_id_update_the_first_and_keep_the_other(career, isolated_home: Path) -> None:
    import datetime as dt

    path = profile_file(isolated_home)
    path.parent.mkdir(parents=True)
    path.write_text(MERGED, "utf-8")
    assert career("bookmark", "add", "backend-developer", "--note", "changed", "--tag", "next").code == 0
    assert career("reading", "add", "agile-testing", "--status", "read").code == 0
    today = dt.date.today().isoformat()
    first_mark = 'note = "from my desktop"\ntags = ["goal"]'
    first_book = 'status = "want"\nadded = "2024-01-01"\nupdated = "2024-01-01"'
    expected = MERGED.replace(first_mark, 'note = "changed"\ntags = ["next"]').replace(
        first_book, f'status = "read"\nadded = "2024-01-01"\nupdated = "{today}"'
    )
    assert path.read_text("utf-8") == expected


HAND_DATES = """schema_version = 1
skills = ["sql"]
custom_skills = []

[[bookmark]]
role = "backend-developer"
note = "keep"
added = 2024-01-01T10:30:00+02:00

[[bookmark]]
role = "data-engineer"
added = 2024-02-03

[[reading]]
book = "agile-testing"
status = "want"
added = 2024-01-01 10:30:00
updated = 2024-01-02T08:00:00Z
"""


def test_hand_written_dates_are_kept_as_written(career, isolated_home: Path) -> None:
    import datetime as dt

    path = profile_file(isolated_home)
    path.parent.mkdir(parents=True)
    path.write_text(HAND_DATES, "utf-8")
    assert career("skills", "add", "python").code == 0
    expected = HAND_DATES.replace('skills = ["sql"]', 'skills = ["sql", "python"]')
    assert path.read_text("utf-8") == expected
    assert career("bookmark", "add", "data-engineer", "--note", "next").code == 0
    expected = expected.replace("added = 2024-02-03\n", 'added = 2024-02-03\nnote = "next"\n')
    assert path.read_text("utf-8") == expected
    assert career("reading", "add", "agile-testing", "--status", "read").code == 0
    today = dt.date.today().isoformat()
    expected = expected.replace('status = "want"', 'status = "read"').replace(
        "updated = 2024-01-02T08:00:00Z", f'updated = "{today}"'
    )
    assert path.read_text("utf-8") == expected
    listed = json.loads(career("bookmark", "list", "--json").out)["bookmarks"]
    assert [b["added"] for b in listed] == ["2024-01-01", "2024-02-03"]
