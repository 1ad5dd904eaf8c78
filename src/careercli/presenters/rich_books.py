"""Rich views of books and of search results."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich import box
from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from careercli.presenters.rich_common import (
    DIM,
    MIN_PROSE,
    NARROW,
    as_text,
    authors_text,
    flat_text,
    linked,
    longest_word,
    month_year,
    role_names,
    share,
    table_need,
)
from careercli.presenters.text import count, single_line

if TYPE_CHECKING:
    from careercli.model import Book, Catalog
    from careercli.queries.search_index import Hit


def books_table(
    books: Sequence[Book], statuses: dict[str, str] | None = None, total: int | None = None, width: int = 100
) -> Table:
    """``career books``: id (never wrapped), date, title, authors, publisher, roles (and my reading status where I
    have one): the order of the piped records. Where title, authors and publisher would not each get a column
    wider than their longest word, they share one cell (with the roles); where even that cell would be narrower
    than ``MIN_PROSE`` beside the longest id, the id ends that cell instead."""
    caption = None
    if total is not None and total > len(books):
        caption = f"{len(books)} of {count(total, 'book')}; --limit 0 shows all"
    statuses = statuses or {}
    show_status = any(b.id in statuses for b in books)
    table = Table(box=box.SIMPLE_HEAD, caption=caption, caption_justify="left", padding=(0, 1), show_edge=False,
                  pad_edge=False)  # fmt: skip
    ids = max((len(b.id) for b in books), default=2)
    slugs = max((len(r) for b in books for r in b.roles), default=5)
    titles = max(20, longest_word(b.title for b in books))
    authors = max(16, longest_word(authors_text(b.authors) for b in books))
    publishers = max(10, longest_word(b.publisher or "" for b in books))
    mine = [7] if show_status else []
    wide = width >= table_need([ids, 9, titles, authors, publishers, slugs, *mine], show_edge=False, pad_edge=False)
    book_cell = max(MIN_PROSE, titles, authors, slugs + 1)  # "role-slug," ends a line whole
    id_column = wide or width >= table_need([ids, 9, book_cell], show_edge=False, pad_edge=False)
    if id_column:
        table.add_column("Id", style="cyan", no_wrap=True)
    table.add_column("Published", style="green", no_wrap=True)
    if wide:
        least = [titles, authors, publishers]
        most = [max(least[0], *(len(single_line(b.title)) for b in books)),
                max(least[1], *(len(single_line(authors_text(b.authors))) for b in books)),
                max(least[2], *(len(single_line(b.publisher or "")) for b in books))]  # fmt: skip
        room = width - table_need([ids, 9, 0, 0, 0, slugs, *mine], show_edge=False, pad_edge=False)
        title_w, authors_w, publisher_w = share(room, least, most)
        table.add_column("Title", style="bold", width=title_w)
        table.add_column("Authors", width=authors_w)
        table.add_column("Publisher", width=publisher_w)
        table.add_column("Roles", style=DIM, no_wrap=True, width=slugs)
    else:
        table.add_column("Book", overflow="fold", min_width=min(book_cell, width - 12))
    if show_status and wide:
        table.add_column("Mine", style="magenta", no_wrap=True)
    for book in books:
        row: list[RenderableType] = [flat_text(book.id)] if id_column else []
        row.append(flat_text(month_year(book)))
        if wide:
            row += [linked(flat_text(book.title), book.url), flat_text(authors_text(book.authors)),
                    flat_text(book.publisher or "—"),
                    Text("\n".join(single_line(r) for r in book.roles))]  # fmt: skip
        else:
            cell = linked(Text(single_line(book.title), style="bold"), book.url)
            cell.append("\n" + single_line(authors_text(book.authors)))
            if book.publisher:
                cell.append(" · " + single_line(book.publisher), style=DIM)
            cell.append("\n" + single_line(", ".join(book.roles)), style=DIM)
            if book.id in statuses:
                cell.append("\nmine: " + single_line(statuses[book.id]), style="magenta")
            if not id_column:
                cell.append("\n" + single_line(book.id), style="cyan")
            row.append(cell)
        if show_status and wide:
            row.append(flat_text(statuses.get(book.id, "")))
        table.add_row(*row)
    return table


def book_view(book: Book, catalog: Catalog, status: str | None = None) -> RenderableType:
    """``career book``: one book in full, with every edition of its work."""
    from careercli.queries.ranking import edition_words, editions_of

    grid = Table.grid(padding=(0, 2))
    grid.add_column(style=DIM, no_wrap=True)
    grid.add_column()
    if book.subtitle:
        grid.add_row("Subtitle", as_text(book.subtitle, "italic"))
    if book.edition:
        grid.add_row("Edition", as_text(_ordinal(book.edition) + " edition"))
    grid.add_row("Authors", as_text(", ".join(book.authors) or "—"))
    grid.add_row("Publisher", as_text(book.publisher or "—"))
    grid.add_row("Published", as_text(month_year(book)))
    grid.add_row("ISBN-13", as_text(book.isbn13 or "—"))
    if book.level:
        grid.add_row("Level", as_text(book.level))
    grid.add_row("Roles", role_names(catalog, book.roles))
    grid.add_row("Topics", as_text(", ".join(book.topics) or "—"))
    if book.teaches:
        grid.add_row("Teaches", as_text(", ".join(catalog.skill_name(s) for s in book.teaches)))
    touched = [s for s in book.skills if s not in book.teaches]
    if touched:
        names = ", ".join(catalog.skill_name(s) for s in touched)
        grid.add_row("Touches" if book.teaches else "Skills", as_text(names))
    grid.add_row("Id", as_text(book.id))
    editions = editions_of(catalog, book)
    if len(editions) > 1:  # every edition of the work, newest first, the one shown marked
        lines = Text()
        for index, other in enumerate(editions):
            lines.append("\n" if index else "")
            lines.append(single_line(f"{other.id} ({edition_words(other)})"), style="bold" if other is book else "")
            if other.id == book.id:
                lines.append("  ← shown", style="cyan")
        grid.add_row("Editions", lines)
    if status:
        grid.add_row("Mine", Text(single_line(status), style="magenta"))
    panel = Panel(grid, title=as_text(book.title, "bold"), title_align="left", border_style="cyan", box=box.ROUNDED)
    if not book.url:
        return panel
    # below the box, on a line of its own and never wrapped: a terminal that folds it keeps it one link to click
    # or copy, where a line break inside it (or a cut) would not (the page is printed with crop=False)
    url = Text("  ") + linked(Text(single_line(book.url)), book.url)
    url.no_wrap, url.overflow = True, "ignore"
    return Group(panel, Text("Web page", style=DIM), url)


def _ordinal(number: int) -> str:
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def search_table(hits: Sequence[Hit], width: int = 100) -> Table:
    """Kind, id (never cut), score, title and what matched; where the id would leave the title less than
    ``MIN_PROSE`` columns, the title, id and matches are stacked in one cell."""
    kinds = max((len(hit.kind) for hit in hits), default=4)
    ids = max((len(single_line(hit.id)) for hit in hits), default=2)
    title = max(MIN_PROSE, longest_word(hit.title for hit in hits))
    if width < max(NARROW, table_need([kinds, ids, 5, title, 12])):
        table = Table(box=box.SIMPLE_HEAD, padding=(0, 1))
        table.add_column("Kind", style="cyan", no_wrap=True)
        table.add_column("Result", overflow="fold")
        table.add_column("Score", justify="right", no_wrap=True)
        for hit in hits:
            cell = Text(single_line(hit.title), style="bold")
            cell.append("\n" + single_line(hit.id), style="green")
            cell.append("\n" + single_line("; ".join(hit.matched[:2])), style=DIM)
            table.add_row(flat_text(hit.kind), cell, f"{hit.score:.1f}")
        return table
    table = Table(box=box.SIMPLE_HEAD, padding=(0, 1))
    table.add_column("Kind", style="cyan", no_wrap=True)
    table.add_column("Id", style="green", no_wrap=True)
    table.add_column("Score", justify="right", no_wrap=True)
    table.add_column("Title", style="bold", overflow="fold", ratio=3, min_width=title)
    table.add_column("Matched", style=DIM, ratio=3, min_width=12)
    for hit in hits:  # the order of the piped records
        table.add_row(
            flat_text(hit.kind),
            flat_text(hit.id),
            f"{hit.score:.1f}",
            flat_text(hit.title),
            Text("\n".join(single_line(m) for m in hit.matched[:2]), no_wrap=True, overflow="ellipsis"),
        )
    return table
