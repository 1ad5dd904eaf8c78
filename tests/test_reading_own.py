"""The reading list beyond the catalogue: one's own entries (title, authors, year), a note and a rating on any
entry, kept in the profile file and shown by every view, through the installed command with a real profile."""

from __future__ import annotations

import json
import os
from pathlib import Path

PHOENIX = ("reading", "add", "--title", "The Phoenix Project", "--author", "Gene Kim", "--author", "Kevin Behr",
           "--year", "2013")  # fmt: skip


def profile_file() -> Path:
    return Path(os.environ["XDG_CONFIG_HOME"]) / "careercli" / "profile.toml"


def entries(career) -> list[dict]:
    result = career("reading", "list", "--json")
    assert result.code == 0, result.err
    return json.loads(result.out)["reading"]


def test_own_entry_is_added_listed_and_kept_in_the_file(career) -> None:
    added = career(*PHOENIX, "--rating", "4", "--note", "read it on holiday")
    assert (added.code, added.out) == (0, "The Phoenix Project (your own entry): want, rated 4/5, with your note.\n")
    assert entries(career) == [{
        "book": "custom:the-phoenix-project", "title": "The Phoenix Project", "authors": ["Gene Kim", "Kevin Behr"],
        "year": 2013, "custom": True, "status": "want", "rating": 4, "note": "read it on holiday",
        "added": entries(career)[0]["added"], "updated": entries(career)[0]["updated"],
    }]  # fmt: skip
    piped = career("reading", "list").out.splitlines()
    assert piped == [
        "want\tcustom:the-phoenix-project\tThe Phoenix Project\tGene Kim; Kevin Behr\t2013\t4\tread it on holiday"
    ]
    text = profile_file().read_text()
    assert 'title = "The Phoenix Project"' in text
    assert "rating = 4" in text
    assert "year = 2013" in text
    # by its title, in any case, or by its id: status changes, note and rating stay
    assert career("reading", "add", "the phoenix project", "--status", "read").out == (
        "The Phoenix Project (your own entry): read, rated 4/5, with your note.\n"
    )
    removed = career("reading", "remove", "custom:the-phoenix-project")
    assert removed.out == "Removed The Phoenix Project (custom:the-phoenix-project) from your reading list.\n"
    assert entries(career) == []


def test_note_and_rating_on_a_catalogue_book_change_and_clear(career) -> None:
    assert career("reading", "add", "fluent-python", "--status", "read", "--rating", "5").code == 0
    # adding again without --status keeps the status: a note alone does not reset the book to 'want'
    assert career("reading", "add", "fluent-python", "--note", "chapter 5 twice").out == (
        "Fluent Python: read, rated 5/5, with your note.\n"
    )
    [entry] = entries(career)
    assert (entry["book"], entry["custom"], entry["status"], entry["rating"], entry["note"]) == (
        "fluent-python", False, "read", 5, "chapter 5 twice")  # fmt: skip
    assert career("reading", "add", "fluent-python", "--rating", "0", "--note", "").out == "Fluent Python: read.\n"
    [entry] = entries(career)
    assert (entry["rating"], entry["note"]) == (None, "")
    text = profile_file().read_text()
    assert "rating" not in text
    assert "note" not in text


def test_bad_input_is_one_line_exit_2_and_writes_nothing(career) -> None:
    assert career("reading", "add", "fluent-python").code == 0
    before = profile_file().read_bytes()
    cases = [
        (("reading", "add", "--title", "  "), "career: --title is empty; give the book's title"),
        (("reading", "add", "fluent-python", "--title", "X"),
         "career: name a book, or give --title for one outside the catalogue (not both)"),
        (("reading", "add"), "career: name a book, or give --title for one outside the catalogue (not both)"),
        (("reading", "add", "fluent-python", "--author", "Someone"),
         "career: --author and --year describe your own entry; give them with --title"),
    ]  # fmt: skip
    for args, message in cases:
        result = career(*args)
        assert (result.code, result.err.splitlines()) == (2, [message]), args
    rating = career(*PHOENIX, "--rating", "7")
    assert rating.code == 2
    assert "7 is not in the range" in rating.err
    assert "Traceback" not in rating.err
    assert profile_file().read_bytes() == before


def test_a_title_the_catalogue_has_becomes_the_catalogue_book(career) -> None:
    result = career("reading", "add", "--title", "fluent  PYTHON", "--author", "Me")
    assert result.out == "Fluent Python (in the catalogue as fluent-python): want.\n"
    assert [(e["book"], e["custom"]) for e in entries(career)] == [("fluent-python", False)]


def test_own_entry_the_catalogue_gains_later_is_replaced_in_place(career) -> None:
    """A person listed a book before the catalogue had it; adding the catalogue book takes the entry's place, with
    the note, the rating, the date and the comments they wrote, instead of listing the book twice."""
    path = profile_file()
    path.parent.mkdir(parents=True)
    path.write_text(
        '# my books\n[[reading]]\nbook = "custom:fluent-python"\ntitle = "Fluent python"\n'
        'note = "lent by Ana" # who lent it\nrating = 3\nadded = 2025-01-02\n\n[[reading]]\nbook = "sre-book"\n'
    )
    assert career("reading", "add", "fluent-python", "--status", "reading").out == (
        "Fluent Python: reading, rated 3/5, with your note.\n"
    )
    listed = entries(career)
    assert [(e["book"], e["status"], e["rating"], e["note"], e["added"]) for e in listed] == [
        ("fluent-python", "reading", 3, "lent by Ana", "2025-01-02"), ("sre-book", "want", None, "", ""),
    ]  # fmt: skip
    text = path.read_text()
    assert text.startswith("# my books\n")
    assert 'note = "lent by Ana" # who lent it' in text
    assert "custom:" not in text
    assert "title" not in text
    assert "added = 2025-01-02" in text


def test_own_entries_in_the_export_and_completion(career) -> None:
    from markdown_it import MarkdownIt

    assert career(*PHOENIX, "--rating", "4", "--note", "ops as a *novel*").code == 0
    exported = career("export")
    assert exported.code == 0, exported.err
    tokens = MarkdownIt("commonmark").parse(exported.out)
    items = [t.content for t in tokens if t.type == "inline" and "Phoenix" in t.content]
    assert items == ["*The Phoenix Project*, Gene Kim, Kevin Behr (2013) (your own entry), rated 4/5: "
                     "ops as a \\*novel\\*"]  # fmt: skip
    env = {"_CAREER_COMPLETE": "complete_bash", "COMP_WORDS": "career reading remove cus", "COMP_CWORD": "3"}
    assert career(env=env).out.split() == ["custom:the-phoenix-project"]


def test_the_terminal_table_shows_own_entry_rating_and_note(cli, monkeypatch) -> None:
    assert cli(*PHOENIX, "--rating", "4", "--note", "ops as a novel").code == 0
    assert cli("reading", "add", "team-topologies").code == 0
    monkeypatch.setenv("COLUMNS", "100")
    page = [line.rstrip() for line in cli("reading", "list", tty=True).out.splitlines()]
    row = next(line for line in page if "custom:the-phoenix-project" in line)
    assert row.split() == ["custom:the-phoenix-project", "The", "Phoenix", "Project", "(your", "own", "entry)", "2013",
                           "4/5"]  # fmt: skip
    assert any(line.strip() == "Gene Kim, Kevin Behr" for line in page)
    assert any(line.strip() == "ops as a novel" for line in page)
    assert any(line.split()[-1] == "—" for line in page if "team-topologies" in line)  # not rated
