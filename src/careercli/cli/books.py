"""``career books``, ``career book`` and ``career search``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from careercli.cli import complete
from careercli.cli.common import (
    JsonOption,
    LimitOption,
    PagerOption,
    catalog,
    console,
    lines,
    listing_as_lines,
    print_json,
    reading_statuses,
    render,
    say,
)

if TYPE_CHECKING:
    from careercli.queries.search import Index


def books(
    role: Annotated[
        str | None,
        typer.Option("--role", "-r", help="Only books for this role (slug or name).", autocompletion=complete.roles),
    ] = None,
    skill: Annotated[
        str | None,
        typer.Option("--skill", "-s", help="Only books that teach this skill.", autocompletion=complete.skills),
    ] = None,
    topic: Annotated[
        str | None, typer.Option("--topic", "-t", help="Only books on this topic.", autocompletion=complete.topics)
    ] = None,
    author: Annotated[str | None, typer.Option("--author", "-a", help="Author name contains this text.")] = None,
    since: Annotated[
        int | None, typer.Option("--since", min=1900, max=2100, help="Published in or after YEAR.")
    ] = None,
    limit: LimitOption = 10,
    as_json: JsonOption = False,
    pager: PagerOption = None,
) -> None:
    """The reading list, newest first; the filters combine.

    Examples:

        career books --role backend-developer --since 2023

        career books --skill kubernetes --limit 0

        career books --author kleppmann --json
    """
    from careercli.queries.books import BookFilter, filter_books

    cat = catalog()
    shown, total = filter_books(cat, BookFilter(role=role, skill=skill, topic=topic, author=author, since=since), limit)
    statuses = reading_statuses()
    if as_json:
        from careercli.presenters import jsonout

        print_json(jsonout.envelope("books", [jsonout.book(b, statuses.get(b.id)) for b in shown]))
        return
    if not shown:
        say("No books match these filters. Try fewer filters, or an earlier --since.")
        return
    if listing_as_lines():
        lines(
            (b.id, b.published or "", b.title, "; ".join(b.authors), b.publisher or "", ",".join(b.roles),
             *((statuses.get(b.id, ""),) if statuses else ()))
            for b in shown
        )  # fmt: skip
        return
    from careercli.presenters.terminal import books_table

    render(books_table(shown, statuses, total=total, width=console().width), pager)


def book(
    book: Annotated[
        str,
        typer.Argument(
            metavar="BOOK",
            help="Book id or title; case and a unique prefix are forgiven.",
            autocompletion=complete.books,
        ),
    ],
    as_json: JsonOption = False,
) -> None:
    """One book in full: subtitle, edition, authors, publisher, date, ISBN-13, roles and topics.

    Examples:

        career book designing-data-intensive-applications

        career book "fluent python" --json
    """
    from careercli.queries.resolve import resolve_book

    cat = catalog()
    found = resolve_book(cat, book)
    status = reading_statuses().get(found.id)
    if as_json:
        from careercli.presenters import jsonout

        print_json(jsonout.envelope("book", jsonout.book(found, status)))
        return
    from careercli.presenters.terminal import book_view

    render(book_view(found, cat, status))


def search(
    query: Annotated[list[str], typer.Argument(metavar="WORDS", help="Words to look for; all of them must match.")],
    kind: Annotated[
        str | None,
        typer.Option(
            "--kind",
            "-k",
            help="Only this kind of result: role, skill or book.",
            autocompletion=complete.fixed("role", "skill", "book"),
        ),
    ] = None,
    limit: LimitOption = 10,
    as_json: JsonOption = False,
) -> None:
    """Search roles, skills and books at once; forgives typos of one or two letters.

    Examples:

        career search kubernetes

        career search "data security" --kind role

        career search kleppmann --json
    """
    from careercli.queries.search import KINDS, no_match_message, search

    text = " ".join(query)
    if kind is not None and kind.lower() not in KINDS:
        raise typer.BadParameter(f"{kind!r} is not one of role, skill, book", param_hint="'--kind'")
    index = search_index()
    hits = search(index, text, kind=kind.lower() if kind else None, limit=limit)
    if as_json:
        from careercli.presenters import jsonout

        results = [
            {"kind": h.kind, "id": h.id, "title": h.title, "score": h.score, "matched": list(h.matched)} for h in hits
        ]
        print_json(jsonout.envelope("results", results))
        return
    if not hits:
        from careercli.presenters.text import single_line

        say(single_line(no_match_message(index, text, kind.lower() if kind else None)))
        return
    if listing_as_lines():
        lines((h.kind, h.id, f"{h.score:.2f}", h.title, "; ".join(h.matched)) for h in hits)
        return
    from careercli.presenters.terminal import search_table

    render(search_table(hits, width=console().width))


def search_index() -> Index:
    from careercli.catalogue.load import load_search_index

    return load_search_index(catalog)
