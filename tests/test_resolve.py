"""Resolving what a person typed to one role, skill or book: forgiving, helpful when it misses, and bounded."""

from __future__ import annotations

import difflib

import pytest

from careercli.errors import NotFoundError
from careercli.queries import resolve as resolve_mod
from careercli.queries.ranking import edition_label, newer_edition
from careercli.queries.resolve import isbn13, normalise, resolve_book, resolve_role, suggest
from careercli.stored.load import load_catalog


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


def _miss(call, *args) -> str:
    with pytest.raises(NotFoundError) as caught:
        call(*args)
    return str(caught.value)


@pytest.mark.parametrize(
    "typed",
    ["back end developer", "Back End Developer", "\uff22\uff21\uff23\uff2b\uff25\uff2e\uff24", "ｂａｃｋ ｅｎｄ"],
)
def test_several_words_and_full_width_letters_name_a_role(catalog, typed: str) -> None:
    assert resolve_role(catalog, typed).slug == "backend-developer"


def test_normalise_folds_width_and_accents() -> None:
    assert normalise("\uff22\uff21\uff23\uff2b\uff25\uff2e\uff24") == "backend"
    assert normalise("Café Développeur") == "cafedeveloppeur"
    assert normalise("C# / C++") == "csharpcplusplus"
    assert normalise("🚀 !!") == ""


def test_a_query_of_symbols_is_nothing_to_search_for_not_no_role(catalog) -> None:
    assert _miss(resolve_role, catalog, "🚀").splitlines()[0] == (
        "nothing to search for in '🚀': a role is named with letters or digits"
    )
    assert _miss(resolve_role, catalog, "   ").splitlines()[0] == "no role given"


def test_a_typo_in_the_first_word_gets_did_you_mean(catalog) -> None:
    assert _miss(resolve_role, catalog, "bakend") == "unknown role 'bakend'; did you mean 'backend-developer'?"
    assert suggest("bakend", catalog.roles) == ["backend-developer"]


def test_a_miss_without_a_close_name_points_at_search_not_at_unrelated_ids(catalog) -> None:
    message = _miss(resolve_book, catalog, "kleppmann")
    assert message == (
        "unknown book 'kleppmann'; try 'career search kleppmann --kind book'; 'career books --limit 0' lists every book"
    )


def test_a_very_long_query_is_refused_without_comparing_names(catalog, monkeypatch) -> None:
    compared: list[str] = []

    class Counting(difflib.SequenceMatcher):
        def set_seq1(self, a: str) -> None:
            compared.append(a)
            super().set_seq1(a)

    monkeypatch.setattr(resolve_mod.difflib, "SequenceMatcher", Counting)
    message = _miss(resolve_role, catalog, "x" * 90_000)
    assert message == f"unknown role '{'x' * 59}…' (90,000 characters; no role has a name that long)"
    assert compared == []


def test_suggestion_work_skips_names_that_cannot_win(catalog, monkeypatch) -> None:
    ratios = 0

    class Counting(difflib.SequenceMatcher):
        def ratio(self) -> float:
            nonlocal ratios
            ratios += 1
            return super().ratio()

    monkeypatch.setattr(resolve_mod.difflib, "SequenceMatcher", Counting)
    assert suggest("kubernets", catalog.skills) == ["kubernetes"]
    names = sum(2 + len(s.aliases) for s in catalog.skills.values())
    assert ratios < names // 4  # the cheap bounds settle most names


def test_a_title_shared_by_editions_means_the_newest(catalog) -> None:
    book = resolve_book(catalog, "team topologies")
    assert book.id == "team-topologies-2e"
    assert resolve_book(catalog, "Fundamentals of Software Arch").id == "fundamentals-of-software-architecture-2e"
    assert edition_label(catalog, book) == "Team Topologies (2nd edition, 2025)"
    assert newer_edition(catalog, book) is None


def test_an_id_names_one_edition_and_the_label_says_which(catalog) -> None:
    old = resolve_book(catalog, "team-topologies")
    assert old.id == "team-topologies"
    assert edition_label(catalog, old) == "Team Topologies (1st edition, 2019)"
    newer = newer_edition(catalog, old)
    assert newer is not None
    assert newer.id == "team-topologies-2e"
    assert edition_label(catalog, resolve_book(catalog, "fluent-python")) == "Fluent Python"  # one edition


@pytest.mark.parametrize("typed", ["9781942788812", "978-1-942788-81-2", "978 1 942788 81 2", "ISBN 1942788819"])
def test_a_book_by_its_isbn(catalog, typed: str) -> None:
    assert resolve_book(catalog, typed).id == "team-topologies"


def test_an_unknown_isbn_says_so(catalog) -> None:
    assert _miss(resolve_book, catalog, "978-0-000-00000-2").startswith(
        "no book in the catalogue has ISBN 9780000000002; "
    )


def test_isbn10_becomes_isbn13() -> None:
    assert isbn13("1449373321") == "9781449373320"
    assert isbn13("fluent python") is None
    assert isbn13("1234567890123") is None  # 13 digits but no ISBN prefix


def test_cli_names_the_edition_when_adding_to_the_reading_list(cli) -> None:
    assert cli("reading", "add", "team topologies").out == "Team Topologies (2nd edition, 2025): want.\n"
    result = cli("reading", "add", "team-topologies")
    assert result.out == (
        "Team Topologies (1st edition, 2019): want. A newer edition is team-topologies-2e (2nd edition, 2025).\n"
    )


def test_cli_book_by_isbn_and_symbols(cli) -> None:
    result = cli("book", "978-1-942788-81-2", "--json")
    assert result.code == 0, result.err
    assert '"id": "team-topologies"' in result.out
    result = cli("show", "🚀")
    assert result.code == 1
    assert result.err.startswith("career: nothing to search for in '🚀'")
