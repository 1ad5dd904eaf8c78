"""`career books` filters, `career book`, their JSON shapes and their errors."""

from __future__ import annotations

import json

import pytest

BOOK_KEYS = {"id", "title", "authors", "publisher", "published", "isbn13", "roles", "topics"}


def books_json(cli, *args: str) -> list[dict]:
    result = cli("books", "--json", *args)
    assert result.code == 0, result.err
    payload = json.loads(result.out)
    assert payload["schema_version"] == 1
    return payload["books"]


def test_since_and_role_newest_first(cli) -> None:
    books = books_json(cli, "--since", "2023", "--role", "backend-developer", "--limit", "0")
    assert books
    assert all(int(b["published"][:4]) >= 2023 for b in books)
    assert all("backend-developer" in b["roles"] for b in books)
    dates = [b["published"] for b in books]
    assert dates == sorted(dates, reverse=True)


def test_role_filter_resolves_like_show(cli) -> None:
    assert books_json(cli, "--role", "Back-End Developer", "--limit", "0") == books_json(
        cli, "--role", "backend", "--limit", "0"
    )


def test_filters_combine(cli) -> None:
    every = books_json(cli, "--limit", "0")
    by_skill = books_json(cli, "--skill", "kubernetes", "--limit", "0")
    both = books_json(cli, "--skill", "kubernetes", "--since", "2022", "--limit", "0")
    assert {b["id"] for b in both} == {b["id"] for b in by_skill if int((b["published"] or "0")[:4]) >= 2022}
    assert len(every) >= 150
    assert 0 < len(both) < len(by_skill) < len(every)


def test_author_is_case_insensitive_substring(cli) -> None:
    books = books_json(cli, "--author", "KLEPP")
    assert [b["id"] for b in books] == ["designing-data-intensive-applications"]


def test_topic_filter(cli) -> None:
    books = books_json(cli, "--topic", "python", "--limit", "0")
    assert books
    assert all("python" in b["topics"] for b in books)


def test_default_limit_is_ten_and_zero_means_all(cli) -> None:
    assert len(books_json(cli)) == 10
    assert len(books_json(cli, "--limit", "0")) >= 150
    assert len(books_json(cli, "-n", "3")) == 3


def test_json_shape_and_published_format(cli) -> None:
    for book in books_json(cli, "--limit", "0"):
        assert set(book) >= BOOK_KEYS
        if book["published"] is not None:
            assert len(book["published"]) in (4, 7)


def test_books_table_columns(cli) -> None:
    result = cli("books", "--author", "kleppmann", tty=True)
    assert result.code == 0
    header = result.out.splitlines()[0].split()
    assert header == ["Id", "Published", "Book"]  # at 100 columns title, authors, publisher and roles share a cell
    assert "Mar 2017" in result.out


def test_no_match_is_a_friendly_line(cli) -> None:
    result = cli("books", "--author", "nobody-writes-like-this")
    assert result.code == 0
    assert result.out == ""  # piped: stdout stays empty for a script, the sentence goes to stderr
    assert result.err == "No books match these filters. Try fewer filters, or an earlier --since.\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["books", "--role", "nosuch-rle"], "career: unknown role 'nosuch-rle'"),
        (["books", "--skill", "kubernets"], "career: unknown skill 'kubernets'; did you mean 'kubernetes'?"),
        (["books", "--topic", "cookery"], "career: unknown topic 'cookery'"),
        (["book", "no such book at all"], "career: unknown book 'no such book at all'"),
    ],
)
def test_unknown_names_exit_1_with_one_line(cli, args: list[str], message: str) -> None:
    result = cli(*args)
    assert result.code == 1
    assert result.err.startswith(message)
    assert result.err.count("\n") == 1


def test_book_by_title_prefix_and_json(cli) -> None:
    result = cli("book", "designing data-intensive")
    assert result.code == 0
    for label in ("Subtitle", "Authors", "Publisher", "Published", "ISBN-13", "Roles", "Topics"):
        assert label in result.out
    assert "Martin Kleppmann" in result.out
    assert "9781449373320" in result.out
    payload = json.loads(cli("book", "fluent python", "--json").out)
    assert payload["book"]["id"] == "fluent-python"
    assert payload["book"]["edition"] == 2


def test_book_typo_gets_suggestion(cli) -> None:
    result = cli("book", "fluent-pythn")
    assert result.code == 1
    assert result.err == "career: unknown book 'fluent-pythn'; did you mean 'fluent-python'?\n"


def test_book_miss_points_at_search(cli) -> None:
    result = cli("book", "kleppmann")
    assert result.code == 1
    assert result.err == (
        "career: unknown book 'kleppmann'; try 'career search kleppmann --kind book'; "
        "'career books --limit 0' lists every book\n"
    )


def test_book_by_isbn_with_hyphens_and_title_of_two_editions(cli) -> None:
    assert json.loads(cli("book", "978-1-4493-7332-0", "--json").out)["book"]["id"] == (
        "designing-data-intensive-applications"
    )
    assert json.loads(cli("book", "team topologies", "--json").out)["book"]["id"] == "team-topologies-2e"
