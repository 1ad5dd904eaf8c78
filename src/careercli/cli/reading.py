"""``career reading``: the user's reading list (want, reading, read)."""

from __future__ import annotations

from typing import Annotated

import typer

from careercli.cli import complete
from careercli.cli.lazy import CareerCommand, CareerSubGroup
from careercli.cli.options import Status
from careercli.cli.session import session
from careercli.errors import NotFoundError

app = typer.Typer(
    cls=CareerSubGroup,
    help="Your reading list: books you want to read, are reading or have read.\n\nExamples:\n\n"
    "career reading add fluent-python --status reading\n\ncareer reading list",
    no_args_is_help=True,
)


StatusOption = Annotated[Status, typer.Option("--status", "-s", help="Where the book stands.", case_sensitive=False)]


@app.command("add", cls=CareerCommand)
def reading_add(
    ctx: typer.Context,
    book: Annotated[
        list[str],
        typer.Argument(metavar="BOOK...", help="Book id or title, quoted or not.", autocompletion=complete.books),
    ],
    status: StatusOption = Status.want,
) -> None:
    """Put a book on your reading list, or change its status.

    Examples:

        career reading add fluent-python

        career reading add "designing data-intensive" --status reading

        career reading add designing data intensive applications
    """
    from careercli.profile import today, with_reading
    from careercli.queries.ranking import edition_label, edition_words, newer_edition
    from careercli.queries.resolve import resolve_book

    run = session(ctx)
    wanted = status.value
    cat = run.catalog()
    found = resolve_book(cat, " ".join(book))
    run.store().update(lambda p: with_reading(p, found.id, wanted, today()))
    newer = newer_edition(cat, found)
    later = f" A newer edition is {newer.id} ({edition_words(newer)})." if newer else ""
    run.tell(f"{edition_label(cat, found)}: {wanted}.{later}")


@app.command("remove", cls=CareerCommand)
def reading_remove(
    ctx: typer.Context,
    book: Annotated[
        list[str],
        typer.Argument(metavar="BOOK...", help="Book id or title, quoted or not.", autocompletion=complete.reading),
    ],
) -> None:
    """Take a book off your reading list.

    Example:

        career reading remove fluent-python
    """
    from careercli.profile import without_reading
    from careercli.queries.ranking import edition_label
    from careercli.queries.resolve import resolve_book

    run = session(ctx)
    mine = run.profile()
    listed = {r.book for r in mine.reading}
    query = " ".join(book)
    book_id = query if query in listed else resolve_book(run.catalog(), query).id
    before, _ = run.store().update(lambda p: without_reading(p, book_id))  # decided under the lock, from the file
    if book_id not in {r.book for r in before.reading}:
        raise NotFoundError(f"'{book_id}' is not on your reading list; 'career reading list' shows it")
    cat = run.catalog()
    name = f"{edition_label(cat, cat.books[book_id])} ({book_id})" if book_id in cat.books else book_id
    run.tell(f"Removed {name} from your reading list.")


@app.command("list", cls=CareerCommand)
def reading_list(
    ctx: typer.Context,
    status: Annotated[
        Status | None, typer.Option("--status", "-s", help="Only books with this status.", case_sensitive=False)
    ] = None,
) -> None:
    """Your reading list, grouped by status.

    Examples:

        career reading list

        career reading list --status read --json
    """
    from careercli.presenters.views import ReadingView

    run = session(ctx)
    entries = [r for r in run.profile().reading if status is None or r.status == status.value]
    run.present(ReadingView(entries, run.catalog()))
