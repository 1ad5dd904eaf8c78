"""What the Rich views share: untrusted text as plain ``Text`` (never markup, control characters made visible),
headings, bullets, short book and role cells."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from rich import box
from rich.console import RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from careercli.presenters.text import single_line, visible

if TYPE_CHECKING:
    from careercli.model import Book, Catalog


HEADING = "bold cyan"


DIM = "dim"


NARROW = 90  # below this many columns, tables stack related fields instead of dropping any


def as_text(text: str, style: str = "") -> Text:
    """Untrusted text as a Text: never parsed as markup, control characters made visible."""
    return Text(visible(text), style=style)


def flat_text(text: str, style: str = "") -> Text:
    return Text(single_line(text), style=style)


def heading(title: str) -> Text:
    return Text(title, style=HEADING)


def bullets(items: Iterable[str]) -> RenderableType:
    table = Table.grid(padding=(0, 1))
    table.add_column(style=DIM, no_wrap=True)
    table.add_column()
    for item in items:
        table.add_row("•", as_text(item))
    return Padding(table, (0, 0, 0, 2), expand=False)


def book_year(book: Book) -> str:
    return book.published[:4] if book.published else "—"


def authors_text(authors: Sequence[str], limit: int = 3) -> str:
    if not authors:
        return "—"
    if len(authors) > limit:
        return ", ".join(authors[:limit]) + f" +{len(authors) - limit}"
    return ", ".join(authors)


def role_names(catalog: Catalog, slugs: Iterable[str]) -> Text:
    text = Text()
    for index, slug in enumerate(slugs):
        if index:
            text.append(", ")
        role = catalog.roles.get(slug)
        text.append(single_line(role.name if role else slug), style="bold")
        text.append(f" ({slug})", style=DIM)
    return text


def role_lines(catalog: Catalog, slugs: Iterable[str]) -> Text:
    text = Text()
    for slug in slugs:
        role = catalog.roles.get(slug)
        if text:
            text.append("\n")
        text.append(single_line(role.name if role else slug))
    return text


def books_mini_table(books: Sequence[Book], statuses: dict[str, str] | None = None, ids: bool = False) -> Table:
    """Year, title and authors of each book; ``ids``: its id first, never wrapped (it is what commands take)."""
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, padding=(0, 1))
    if ids:
        table.add_column("Id", style="cyan", no_wrap=True)
    table.add_column("Year", style="green", no_wrap=True)
    table.add_column("Title", style="bold", overflow="fold", ratio=3)
    table.add_column("Authors", overflow="fold", ratio=2)
    show_status = bool(statuses) and any(b.id in statuses for b in books)
    if show_status:
        table.add_column("Mine", no_wrap=True)
    for book in books:
        row = [flat_text(book_year(book)), flat_text(book.title), flat_text(authors_text(book.authors))]
        if ids:
            row.insert(0, flat_text(book.id))
        if show_status:
            row.append(flat_text((statuses or {}).get(book.id, ""), "magenta"))
        table.add_row(*row)
    return table


MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def month_year(book: Book) -> str:
    if not book.published:
        return "—"
    if len(book.published) == 7:
        return f"{MONTHS[int(book.published[5:7]) - 1]} {book.published[:4]}"
    return book.published
