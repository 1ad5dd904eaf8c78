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
    "career reading add fluent-python --status reading\n\n"
    'career reading add --title "The Phoenix Project" --author "Gene Kim"\n\n'
    "career reading list",
    no_args_is_help=True,
)


@app.command("add", cls=CareerCommand)
def reading_add(
    ctx: typer.Context,
    book: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="BOOK...",
            help="Book id, title or ISBN, quoted or not (or give --title).",
            autocompletion=complete.books,
        ),
    ] = None,
    status: Annotated[
        Status | None,
        typer.Option("--status", "-s", help="Where the book stands (a new entry: want).", case_sensitive=False),
    ] = None,
    note: Annotated[str | None, typer.Option("--note", help='Your note on the book ("" removes it).')] = None,
    rating: Annotated[
        int | None, typer.Option("--rating", min=0, max=5, help="Your rating, 1 to 5 (0 removes it).")
    ] = None,
    title: Annotated[str | None, typer.Option("--title", help="A book outside the catalogue: its title.")] = None,
    author: Annotated[
        list[str] | None, typer.Option("--author", help="With --title: an author (repeat for several).")
    ] = None,
    year: Annotated[int | None, typer.Option("--year", min=1450, max=2100, help="With --title: the year.")] = None,
) -> None:
    """Put a book on your reading list, or change its status, note or rating.

    A book the catalogue lacks goes in with --title (and --author, --year); it keeps the id
    custom:TITLE-WORDS. Should the catalogue gain that book later, adding it by its id takes the place of your
    entry, with your note and rating.

    Examples:

        career reading add fluent-python

        career reading add "designing data-intensive" --status reading

        career reading add designing data intensive applications

        career reading add --title "The Phoenix Project" --author "Gene Kim" --year 2013

        career reading add fluent-python --status read --rating 5 --note "chapter 5 twice"
    """
    from careercli.errors import UsageError
    from careercli.profile import ReadingChange, custom_book_id, own_entry, same_title, today, with_reading
    from careercli.queries.ranking import edition_label, edition_words, newer_edition
    from careercli.queries.resolve import resolve_book
    from careercli.records import replace

    query = " ".join(book) if book else None  # the words of a name given unquoted
    if (title is None) == (query is None):
        raise UsageError("name a book, or give --title for one outside the catalogue (not both)")
    if (author or year is not None) and title is None:
        raise UsageError("--author and --year describe your own entry; give them with --title")
    run = session(ctx)
    cat = run.catalog()
    change = ReadingChange(status=status.value if status else None, note=note, rating=rating)
    found, later = None, ""
    if title is not None:
        title = " ".join(title.split())
        if not title:
            raise UsageError("--title is empty; give the book's title")
        found = next((b for b in cat.books.values() if same_title(b.title, title)), None)  # one entry, not two
        if found is None:
            authors = tuple(a for a in (" ".join(a.split()) for a in author or ()) if a)
            change = replace(change, title=title, authors=authors if author is not None else None, year=year)
            book_id, label = custom_book_id(title), f"{title} (your own entry)"
    elif query not in cat.books and (mine := own_entry(run.profile(), query or "")) is not None:
        book_id, label = mine.book, f"{mine.title} (your own entry)"
    else:
        found = resolve_book(cat, query or "")
    if found is not None:
        book_id, label = found.id, edition_label(cat, found)
        if title is not None:
            label += f" (in the catalogue as {found.id})"
        if newer := newer_edition(cat, found):
            later = f" A newer edition is {newer.id} ({edition_words(newer)})."
    found_title = found.title if found is not None else ""
    _, after = run.store().update(lambda p: with_reading(p, book_id, change, today(), found_title))
    entry = next(r for r in after.reading if r.book == book_id)
    said = ", ".join([entry.status, *([f"rated {entry.rating}/5"] if entry.rating else []),
                      *(["with your note"] if entry.note else [])])  # fmt: skip
    run.tell(f"{label}: {said}.{later}")


@app.command("remove", cls=CareerCommand)
def reading_remove(
    ctx: typer.Context,
    book: Annotated[
        list[str],
        typer.Argument(metavar="BOOK...", help="Book id or title, quoted or not.", autocompletion=complete.reading),
    ],
) -> None:
    """Take a book off your reading list.

    Examples:

        career reading remove fluent-python

        career reading remove "the phoenix project"
    """
    from careercli.profile import CUSTOM_BOOK, own_entry, without_reading
    from careercli.queries.ranking import edition_label
    from careercli.queries.resolve import resolve_book

    run = session(ctx)
    mine = run.profile()
    listed = {r.book for r in mine.reading}
    query = " ".join(book)
    own = own_entry(mine, query) if query not in listed or query.startswith(CUSTOM_BOOK) else None
    book_id = query if query in listed else own.book if own else resolve_book(run.catalog(), query).id
    before, _ = run.store().update(lambda p: without_reading(p, book_id))  # decided under the lock, from the file
    if book_id not in {r.book for r in before.reading}:
        raise NotFoundError(f"'{book_id}' is not on your reading list; 'career reading list' shows it")
    cat = run.catalog()
    if own is not None:
        name = f"{own.title} ({book_id})"
    else:
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
