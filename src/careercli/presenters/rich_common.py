"""What the Rich views share: untrusted text as plain ``Text`` (never markup, control characters made visible),
headings, bullets, short book and role cells."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

from rich import box
from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.measure import Measurement
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from careercli.presenters.text import single_line, visible

if TYPE_CHECKING:
    from careercli.model import Book, Catalog


HEADING = "bold cyan"


DIM = "dim"


NARROW = 90  # below this many columns, tables stack related fields instead of dropping any


MIN_PROSE = 30  # a prose column narrower than this reads a word or two a line: stack the layout instead


def longest_word(texts: Iterable[str]) -> int:
    """The widest word in ``texts``: a column this wide never breaks a word in the middle."""
    return max((len(word) for text in texts for word in single_line(text).split()), default=0)


def table_need(widths: Sequence[int], show_edge: bool = True, pad_edge: bool = True, padding: int = 1) -> int:
    """How many columns a ``box.SIMPLE_HEAD`` table takes with columns ``widths`` wide (each cell padded by
    ``padding`` on both sides, a one-character rule between cells)."""
    cells = len(widths)
    return sum(widths) + (cells - 1) * (2 * padding + 1) + (2 if show_edge else 0) + (2 * padding if pad_edge else 0)


def share(room: int, least: Sequence[int], most: Sequence[int]) -> list[int]:
    """Widths for prose columns in ``room`` cells: each gets at least ``least`` (its longest word, say), then the
    spare goes a cell at a time to the column that shows the smallest part of its ``most`` (its longest text)."""
    widths = list(least)
    spare = room - sum(widths)
    while spare > 0:
        open_ = [i for i, width in enumerate(widths) if width < most[i]]
        if not open_:
            break
        widths[min(open_, key=lambda i: widths[i] / most[i])] += 1
        spare -= 1
    return widths


class ByWidth:
    """One of two layouts, picked when drawn from the room the renderable really gets (an indented table has less
    than the terminal): ``wide(width)`` from ``need`` columns on, ``narrow(width)`` below. An id is never cut and a
    word never broken: the wide layout keeps ids in columns of their own, the narrow one stacks them."""

    def __init__(
        self, need: int, wide: Callable[[int], RenderableType], narrow: Callable[[int], RenderableType]
    ) -> None:
        self.need, self.wide, self.narrow = need, wide, narrow

    def pick(self, width: int) -> RenderableType:
        return self.wide(width) if width >= self.need else self.narrow(width)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield self.pick(options.max_width)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement.get(console, options, self.pick(options.max_width))


LINKS = [False]  # set while an HTML page is drawn: book titles and web addresses become links there


def linked(text: Text, url: str | None) -> Text:
    """``text`` as a link to ``url`` on an HTML page (only an http(s) address with nothing in it that could end
    the attribute); unchanged anywhere else."""
    if not (LINKS[0] and url and url.startswith(("https://", "http://")) and url.isprintable()):
        return text
    if not any(c in url for c in "\"'<> \\`"):
        from rich.style import Style

        text.stylize(Style(link=url))
    return text


def as_text(text: str, style: str = "") -> Text:
    """Untrusted text as a Text: never parsed as markup, control characters made visible."""
    return Text(visible(text), style=style)


def flat_text(text: str, style: str = "") -> Text:
    return Text(single_line(text), style=style)


def heading(title: str) -> Text:
    return Text(title, style=HEADING)


def bullets(items: Iterable[str]) -> RenderableType:
    """A bulleted list indented by two: each item wrapped beside its dim bullet, every line as wide as the
    widest (the look of a two-column grid in a padding, drawn directly: it costs a tenth of the time)."""
    return Bullets([as_text(item) for item in items])


class Bullets:
    """``bullets``' renderable; below a width where a grid would squeeze differently, it is that grid."""

    def __init__(self, items: list[Text]) -> None:
        self.items = items

    def grid(self) -> RenderableType:
        table = Table.grid(padding=(0, 1))
        table.add_column(style=DIM, no_wrap=True)
        table.add_column()
        for item in self.items:
            table.add_row("•", item)
        return Padding(table, (0, 0, 0, 2), expand=False)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        room = options.max_width - 4
        if room < 16 or not self.items:
            yield self.grid()
            return
        width = min(room, max(Measurement.get(console, options, item).maximum for item in self.items))
        if width < 1:  # only empty items
            yield self.grid()
            return
        from rich.segment import Segment

        indent, new_line, gap = Segment("  "), Segment("\n"), Segment(" ", console.get_style(DIM))
        mark, blank = Segment("•", gap.style), Segment("  ", gap.style)
        cell = options.update(width=width, justify="left", no_wrap=False, overflow="ellipsis", height=None)
        for item in self.items:
            for number, line in enumerate(console.render_lines(item, cell, pad=True)):
                yield indent
                yield from (blank,) if number else (mark, gap)
                yield from line
                yield new_line


def book_year(book: Book) -> str:
    return book.published[:4] if book.published else "—"


def authors_text(authors: Sequence[str], limit: int = 3) -> str:
    if not authors:
        return "—"
    if len(authors) > limit:
        return ", ".join(authors[:limit]) + f" +{len(authors) - limit}"
    return ", ".join(authors)


class Flow:
    """Names in a row, wrapped only between names (a skill or role name is never split over two lines unless it
    is wider than the space itself): ``lead`` first, then the items joined by ``sep``; a line that breaks ends
    with the separator's visible part (", " ends a line with ",")."""

    def __init__(self, items: Sequence[Text], sep: Text | str = ", ", lead: Text | None = None) -> None:
        self.items = [item for item in items if item.plain]
        self.sep = sep if isinstance(sep, Text) else Text(sep)
        self.lead = lead or Text()

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width, tail = options.max_width, self.sep.copy()
        tail.rstrip()
        line = self.lead.copy()
        last = len(self.items) - 1
        for index, item in enumerate(self.items):
            room = tail.cell_len if index < last else 0  # a line that breaks after this item ends with the tail
            if index and line.cell_len + self.sep.cell_len + item.cell_len + room > width:
                yield line + tail
                line = item.copy()
            else:
                line = line + self.sep + item if index else line + item
        yield line

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        widest = max((item.cell_len for item in self.items), default=0) + self.sep.cell_len
        whole = self.lead.cell_len + sum(i.cell_len for i in self.items) + self.sep.cell_len * len(self.items)
        return Measurement(min(max(widest, self.lead.cell_len), options.max_width), min(whole, options.max_width))


def role_names(catalog: Catalog, slugs: Iterable[str]) -> Flow:
    """Each role as its name and slug, ``Database Administrator (database-administrator)``, never split."""
    items = []
    for slug in slugs:
        role = catalog.roles.get(slug)
        items.append(Text.assemble((single_line(role.name if role else slug), "bold"), (f" ({slug})", DIM)))
    return Flow(items)


def role_lines(catalog: Catalog, slugs: Iterable[str]) -> Text:
    text = Text()
    for slug in slugs:
        role = catalog.roles.get(slug)
        if text:
            text.append("\n")
        text.append(single_line(role.name if role else slug))
    return text


def books_mini_table(
    books: Sequence[Book], statuses: dict[str, str] | None = None, ids: bool = False
) -> RenderableType:
    """Year, title and authors of each book; ``ids``: its id too, never wrapped or cut (it is what commands take):
    in a column of its own first where the room allows, else as the last line of the book's cell."""
    show_status = statuses is not None and any(b.id in statuses for b in books)
    if not ids:
        return _books_mini(books, statuses or {}, show_status, False)
    prose = max(MIN_PROSE, longest_word(b.title for b in books), longest_word(authors_text(b.authors) for b in books))
    widths = [max((len(b.id) for b in books), default=2), 4, prose] + ([7] if show_status else [])
    return ByWidth(
        table_need(widths, pad_edge=False),
        lambda _: _books_mini(books, statuses or {}, show_status, True),
        lambda _: _books_mini(books, statuses or {}, show_status, False, id_last=True),
    )


def _books_mini(
    books: Sequence[Book], statuses: dict[str, str], show_status: bool, id_column: bool, id_last: bool = False
) -> Table:
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, padding=(0, 1))
    if id_column:
        table.add_column("Id", style="cyan", no_wrap=True)
    table.add_column("Year", style="green", no_wrap=True)
    if id_column or id_last:
        table.add_column("Book", overflow="fold")
    else:
        table.add_column("Title", style="bold", overflow="fold", ratio=3)
        table.add_column("Authors", overflow="fold", ratio=2)
    if show_status:
        table.add_column("Mine", no_wrap=True)
    for book in books:
        row: list[RenderableType] = [flat_text(book_year(book))]
        if id_column:
            row.insert(0, flat_text(book.id))
            row.append(title_and_authors(book))
        elif id_last:
            row.append(title_and_authors(book).append("\n" + single_line(book.id), style="cyan"))
        else:
            row += [linked(flat_text(book.title), book.url), flat_text(authors_text(book.authors))]
        if show_status:
            row.append(flat_text(statuses.get(book.id, ""), "magenta"))
        table.add_row(*row)
    return table


def title_and_authors(book: Book) -> Text:
    """A book's title (bold) and, on the next line, its authors: one cell."""
    title = linked(Text(single_line(book.title), style="bold"), book.url)
    return Text.assemble(title, "\n", (single_line(authors_text(book.authors)), DIM))


MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def month_year(book: Book) -> str:
    if not book.published:
        return "—"
    if len(book.published) == 7:
        return f"{MONTHS[int(book.published[5:7]) - 1]} {book.published[:4]}"
    return book.published


class Rows:
    """Rows of one-line cells in aligned columns, indented by two and ``gap`` apart: the look of
    ``Padding(Table.grid(padding=(0, gap)), (0, 0, 0, 2))``, drawn directly (a fraction of the time) whenever every
    row fits on one line; otherwise (or for a cell with a line break) it is that grid. ``columns``: each column's
    style and whether it may wrap."""

    def __init__(self, columns: Sequence[tuple[str, bool]], rows: Sequence[Sequence[Text]], gap: int = 2) -> None:
        self.columns, self.rows, self.gap = columns, rows, gap

    def grid(self) -> RenderableType:
        table = Table.grid(padding=(0, self.gap))
        for style, no_wrap in self.columns:
            table.add_column(style=style or None, no_wrap=no_wrap)
        for row in self.rows:
            table.add_row(*row)
        return Padding(table, (0, 0, 0, 2), expand=False)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        cells = [cell for row in self.rows for cell in row]
        widths = [max((row[i].cell_len for row in self.rows), default=0) for i in range(len(self.columns))]
        fits = 2 + sum(widths) + self.gap * (len(widths) - 1) <= options.max_width
        broken = any("\n" in cell.plain or "\t" in cell.plain for cell in cells)
        if not fits or not self.rows or min(widths) < 1 or broken:  # an empty column: the grid squeezes oddly
            yield self.grid()
            return
        from rich.segment import Segment

        styles = [console.get_style(style) if style else None for style, _ in self.columns]
        gaps = [Segment(" " * self.gap, style or console.get_style("none")) for style in styles]
        new_line, indent = Segment("\n"), Segment("  ")
        for row in self.rows:
            yield indent
            for i, (cell, width, style) in enumerate(zip(row, widths, styles, strict=True)):
                cell_options = options.update(width=width, justify="left", height=None, no_wrap=self.columns[i][1])
                yield from console.render_lines(cell, cell_options, style=style, pad=True)[0]
                if i < len(widths) - 1:
                    yield gaps[i]
            yield new_line
