"""``career reading``: the user's reading list (want, reading, read)."""

from __future__ import annotations

from typing import Annotated

import typer

from careercli.cli import complete
from careercli.cli.common import JsonOption, catalog, lines, listing_as_lines, print_json, profile, render, say, store
from careercli.cli.lazy import CareerCommand, CareerSubGroup
from careercli.errors import NotFoundError

app = typer.Typer(
    cls=CareerSubGroup,
    help="Your reading list: books you want to read, are reading or have read.\n\nExamples:\n\n"
    "career reading add fluent-python --status reading\n\ncareer reading list",
    no_args_is_help=True,
)


def _say(message: str) -> None:
    from careercli.presenters.text import visible

    say(visible(message))


StatusOption = Annotated[
    str,
    typer.Option(
        "--status",
        "-s",
        help="want, reading or read.",
        case_sensitive=False,
        autocompletion=complete.fixed("want", "reading", "read"),
    ),
]


def _status(value: str) -> str:
    from careercli.profile import STATUSES

    status = value.lower()
    if status not in STATUSES:
        raise typer.BadParameter(f"'{value}' is not one of want, reading, read", param_hint="'--status'")
    return status


@app.command("add", cls=CareerCommand)
def reading_add(
    book: Annotated[str, typer.Argument(metavar="BOOK", help="Book id or title.", autocompletion=complete.books)],
    status: StatusOption = "want",
) -> None:
    """Put a book on your reading list, or change its status.

    Examples:

        career reading add fluent-python

        career reading add "designing data-intensive" --status reading
    """
    from careercli.profile import today, with_reading
    from careercli.queries.ranking import edition_label, edition_words, newer_edition
    from careercli.queries.resolve import resolve_book

    wanted = _status(status)
    cat = catalog()
    found = resolve_book(cat, book)
    store().update(lambda p: with_reading(p, found.id, wanted, today()))
    newer = newer_edition(cat, found)
    later = f" A newer edition is {newer.id} ({edition_words(newer)})." if newer else ""
    _say(f"{edition_label(cat, found)}: {wanted}.{later}")


@app.command("remove", cls=CareerCommand)
def reading_remove(
    book: Annotated[str, typer.Argument(metavar="BOOK", help="Book id or title.", autocompletion=complete.reading)],
) -> None:
    """Take a book off your reading list.

    Example:

        career reading remove fluent-python
    """
    from careercli.profile import without_reading
    from careercli.queries.resolve import resolve_book

    mine = profile()
    listed = {r.book for r in mine.reading}
    book_id = book if book in listed else resolve_book(catalog(), book).id
    before, _ = store().update(lambda p: without_reading(p, book_id))  # decided under the lock, from the file
    if book_id not in {r.book for r in before.reading}:
        raise NotFoundError(f"'{book_id}' is not on your reading list; 'career reading list' shows it")
    _say(f"Removed {book_id} from your reading list.")


@app.command("list", cls=CareerCommand)
def reading_list(
    status: Annotated[
        str | None,
        typer.Option(
            "--status",
            "-s",
            help="Only want, reading or read.",
            autocompletion=complete.fixed("want", "reading", "read"),
        ),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Your reading list, grouped by status.

    Examples:

        career reading list

        career reading list --status read --json
    """
    wanted = _status(status) if status else None
    cat = catalog()
    entries = [r for r in profile().reading if wanted is None or r.status == wanted]
    if as_json:
        from careercli.presenters import jsonout

        print_json(jsonout.envelope("reading", [jsonout.reading(r, cat) for r in entries]))
        return
    if not entries:
        say("Your reading list is empty. Add a book: career reading add fluent-python")
        return
    if listing_as_lines():
        books = cat.books
        lines((r.status, r.book, books[r.book].title if r.book in books else "",
               "; ".join(books[r.book].authors) if r.book in books else "") for r in entries)  # fmt: skip
        return
    from careercli.presenters.terminal import reading_table

    render(reading_table(entries, cat))
