"""Rich renderables for the terminal. Every string from data or the profile goes through ``_t`` (plain Text)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from rich import box
from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from careercli.presenters.text import single_line, visible

if TYPE_CHECKING:
    from careercli.model import Book, Catalog, Role
    from careercli.profile import Bookmark, Profile, ReadingEntry

HEADING = "bold cyan"
BOOKS_IN_SHOW = 10
DIM = "dim"


def _t(text: str, style: str = "") -> Text:
    """Untrusted text as a Text: never parsed as markup, control characters made visible."""
    return Text(visible(text), style=style)


def _cell(text: str, style: str = "") -> Text:
    return Text(single_line(text), style=style)


def heading(title: str) -> Text:
    return Text(title, style=HEADING)


def bullets(items: Iterable[str]) -> RenderableType:
    table = Table.grid(padding=(0, 1))
    table.add_column(style=DIM, no_wrap=True)
    table.add_column()
    for item in items:
        table.add_row("•", _t(item))
    return Padding(table, (0, 0, 0, 2), expand=False)


def book_year(book: Book) -> str:
    return book.published[:4] if book.published else "—"


def book_date(book: Book) -> str:
    return book.published or "—"


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


def roles_grouped(roles: Sequence[Role], origins: bool = False) -> Table:
    """The roles as one table with a heading row for each category (the roles come sorted by category)."""
    table = Table(box=box.SIMPLE_HEAD, expand=False, padding=(0, 1))
    table.add_column("Role", style="bold", no_wrap=True)
    table.add_column("Slug", style="green", no_wrap=True)
    table.add_column("Summary", overflow="fold", min_width=20)
    if origins:
        table.add_column("From", style=DIM, no_wrap=True)
    for index, role in enumerate(roles):
        if index == 0 or roles[index - 1].category != role.category:
            count = sum(1 for r in roles if r.category == role.category)
            table.add_row(Text(f"{role.category} ({count})", style="bold cyan underline"))
        last = index == len(roles) - 1 or roles[index + 1].category != role.category
        row = [_cell(role.name), _cell(role.slug), _cell(role.summary)]
        if origins:
            row.append(_cell(role.source))
        table.add_row(*row, end_section=last)
    return table


def books_mini_table(books: Sequence[Book], statuses: dict[str, str] | None = None) -> Table:
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, padding=(0, 1))
    table.add_column("Year", style="green", no_wrap=True)
    table.add_column("Title", style="bold", overflow="fold", ratio=3)
    table.add_column("Authors", overflow="fold", ratio=2)
    show_status = bool(statuses) and any(b.id in statuses for b in books)
    if show_status:
        table.add_column("Mine", no_wrap=True)
    for book in books:
        row = [_cell(book_year(book)), _cell(book.title), _cell(authors_text(book.authors))]
        if show_status:
            row.append(_cell((statuses or {}).get(book.id, ""), "magenta"))
        table.add_row(*row)
    return table


def role_view(
    role: Role,
    catalog: Catalog,
    books: Sequence[Book],
    bookmark: tuple[str, Sequence[str]] | None = None,
    statuses: dict[str, str] | None = None,
) -> RenderableType:
    """The whole ``career show`` page."""
    title = Text.assemble(_t(role.name, "bold"), ("  ·  ", DIM), _t(role.category, "cyan"))
    head: list[RenderableType] = [_t(role.summary, "italic")]
    if bookmark is not None:
        note, tags = bookmark
        mark = Text("★ Bookmarked", style="bold yellow")
        if note:
            mark.append(" — ", style=DIM)
            mark.append(single_line(note))
        if tags:
            mark.append("  ")
            mark.append(" ".join("#" + single_line(tag) for tag in tags), style="magenta")
        head.append(mark)
    parts: list[RenderableType] = [
        Panel(Group(*head), title=title, title_align="left", border_style="cyan", box=box.ROUNDED),
        heading("What they do"),
        Padding(_t(role.what_they_do), (0, 0, 1, 2), expand=False),
        heading("What to learn"),
        bullets(role.what_to_learn),
        Text(),
        heading("Challenges"),
        challenges_table(role),
        heading("Career prospects"),
        bullets(role.career_prospects),
    ]
    paths = Table.grid(padding=(0, 1))
    paths.add_column(style=DIM, no_wrap=True)
    paths.add_column()
    paths.add_row("Next roles:", role_names(catalog, role.next_roles))
    paths.add_row("Related roles:", role_names(catalog, role.related_roles))
    parts += [
        Padding(paths, (1, 0, 1, 2), expand=False),
        heading("Key skills"),
        Padding(skills_line(role, catalog), (0, 0, 1, 2), expand=False),
    ]
    shown = books[:BOOKS_IN_SHOW]
    parts.append(heading(f"Recent books (newest first, {len(shown)} of {len(books)})"))
    if books:
        parts.append(Padding(books_mini_table(shown, statuses), (0, 0, 0, 2), expand=False))
        if len(books) > len(shown):
            more = f"All {len(books)}: career books --role {role.slug} --limit 0"
            parts.append(Padding(Text(single_line(more), style=DIM), (0, 0, 0, 2), expand=False))
    else:
        parts.append(Padding(Text("No books in the catalog for this role yet.", style=DIM), (0, 0, 1, 2), expand=False))
    return Group(*parts)


def challenges_table(role: Role) -> Table:
    table = Table(box=box.ROUNDED, show_lines=True, expand=True, padding=(0, 1))
    table.add_column("Challenge", style="bold yellow", ratio=1)
    table.add_column("Why it is hard", ratio=2)
    for challenge in role.challenges:
        table.add_row(_cell(challenge.title), _cell(challenge.why))
    return table


def skills_line(role: Role, catalog: Catalog, have: set[str] | None = None) -> Text:
    text = Text()
    for index, skill_id in enumerate(role.key_skills):
        if index:
            text.append("  ·  ", style=DIM)
        name = single_line(catalog.skill_name(skill_id))
        if have is not None and skill_id in have:
            text.append("✓ " + name, style="bold green")
        else:
            text.append(name, style="bold")
    return text


MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def month_year(book: Book) -> str:
    if not book.published:
        return "—"
    if len(book.published) == 7:
        return f"{MONTHS[int(book.published[5:7]) - 1]} {book.published[:4]}"
    return book.published


def books_table(books: Sequence[Book], statuses: dict[str, str] | None = None, total: int | None = None) -> Table:
    """``career books``: title, authors, publisher, date, roles (and my reading status where I have one)."""
    caption = None
    if total is not None and total > len(books):
        caption = f"{len(books)} of {total} books; --limit 0 shows all"
    table = Table(box=box.SIMPLE_HEAD, caption=caption, caption_justify="left", padding=(0, 1))
    table.add_column("Published", style="green", no_wrap=True)
    table.add_column("Title", style="bold", ratio=3, overflow="fold")
    table.add_column("Authors", ratio=2, overflow="fold")
    table.add_column("Publisher", ratio=1, overflow="fold", min_width=8)
    table.add_column("Roles", style=DIM, no_wrap=True, overflow="ellipsis", max_width=26)
    show_status = bool(statuses) and any(b.id in (statuses or {}) for b in books)
    if show_status:
        table.add_column("Mine", style="magenta", no_wrap=True)
    for book in books:
        row = [
            _cell(month_year(book)),
            _cell(book.title),
            _cell(authors_text(book.authors)),
            _cell(book.publisher or "—"),
            Text("\n".join(single_line(r) for r in book.roles)),
        ]
        if show_status:
            row.append(_cell((statuses or {}).get(book.id, "")))
        table.add_row(*row)
    return table


def book_view(book: Book, catalog: Catalog, status: str | None = None) -> RenderableType:
    """``career book``: one book in full."""
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style=DIM, no_wrap=True)
    grid.add_column()
    if book.subtitle:
        grid.add_row("Subtitle", _t(book.subtitle, "italic"))
    if book.edition:
        grid.add_row("Edition", _t(_ordinal(book.edition) + " edition"))
    grid.add_row("Authors", _t(", ".join(book.authors) or "—"))
    grid.add_row("Publisher", _t(book.publisher or "—"))
    grid.add_row("Published", _t(month_year(book)))
    grid.add_row("ISBN-13", _t(book.isbn13 or "—"))
    grid.add_row("Roles", role_names(catalog, book.roles))
    grid.add_row("Topics", _t(", ".join(book.topics) or "—"))
    if book.skills:
        grid.add_row("Skills", _t(", ".join(catalog.skill_name(s) for s in book.skills)))
    grid.add_row("Id", _t(book.id))
    if status:
        grid.add_row("Mine", Text(single_line(status), style="magenta"))
    return Panel(grid, title=_t(book.title, "bold"), title_align="left", border_style="cyan", box=box.ROUNDED)


def _ordinal(number: int) -> str:
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def search_table(hits: Sequence[object]) -> Table:
    table = Table(box=box.SIMPLE_HEAD, padding=(0, 1))
    table.add_column("Kind", style="cyan", no_wrap=True)
    table.add_column("Id", style="green", no_wrap=True, overflow="ellipsis", max_width=40)
    table.add_column("Title", style="bold", overflow="fold", ratio=3)
    table.add_column("Matched", style=DIM, ratio=3, min_width=12)
    table.add_column("Score", justify="right", no_wrap=True)
    for hit in hits:
        table.add_row(
            _cell(hit.kind),  # type: ignore[attr-defined]
            _cell(hit.id),  # type: ignore[attr-defined]
            _cell(hit.title),  # type: ignore[attr-defined]
            Text("\n".join(single_line(m) for m in hit.matched[:2]), no_wrap=True, overflow="ellipsis"),  # type: ignore[attr-defined]
            f"{hit.score:.1f}",  # type: ignore[attr-defined]
        )
    return table


def bookmarks_table(marks: Sequence[Bookmark], catalog: Catalog) -> Table:
    table = Table(box=box.SIMPLE_HEAD, padding=(0, 1))
    table.add_column("Role", style="bold", ratio=2, overflow="fold")
    table.add_column("Slug", style="green", no_wrap=True)
    table.add_column("Note", ratio=3, overflow="fold")
    table.add_column("Tags", style="magenta", ratio=1, overflow="fold")
    table.add_column("Added", style=DIM, no_wrap=True)
    for mark in marks:
        role = catalog.roles.get(mark.role)
        table.add_row(
            _cell(role.name if role else "(not in the catalog)"),
            _cell(mark.role),
            _cell(mark.note),
            _cell(" ".join("#" + t for t in mark.tags)),
            _cell(mark.added),
        )
    return table


def my_skills_table(profile: Profile, catalog: Catalog) -> Table:
    table = Table(box=box.SIMPLE_HEAD, padding=(0, 1))
    table.add_column("Skill", style="bold")
    table.add_column("Id", style="green")
    table.add_column("Kind", style=DIM)
    for skill_id in profile.skills:
        skill = catalog.skills.get(skill_id)
        table.add_row(_cell(skill.name if skill else skill_id), _cell(skill_id), _cell(skill.kind if skill else "—"))
    for name in profile.custom_skills:
        table.add_row(_cell(name), Text("—", style=DIM), Text("custom", style="yellow"))
    return table


def reading_table(entries: Sequence[ReadingEntry], catalog: Catalog) -> RenderableType:
    labels = {"want": "Want to read", "reading": "Reading", "read": "Read"}
    parts: list[RenderableType] = []
    for status in ("reading", "want", "read"):
        group = [e for e in entries if e.status == status]
        if not group:
            continue
        table = Table(box=box.SIMPLE_HEAD, padding=(0, 1), title=f"{labels[status]} ({len(group)})",
                      title_justify="left", title_style=HEADING)  # fmt: skip
        table.add_column("Title", style="bold", ratio=3, overflow="fold")
        table.add_column("Authors", ratio=2, overflow="fold")
        table.add_column("Published", style="green", no_wrap=True)
        table.add_column("Id", style=DIM, overflow="fold", ratio=2)
        for entry in group:
            book = catalog.books.get(entry.book)
            if book is None:
                table.add_row(_cell("(not in the catalog)"), Text("—"), Text("—"), _cell(entry.book))
            else:
                table.add_row(_cell(book.title), _cell(authors_text(book.authors)), _cell(month_year(book)),
                              _cell(book.id))  # fmt: skip
        parts.append(table)
    return Group(*parts)


def paths_table(items: dict[str, object]) -> Table:
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold", no_wrap=True)
    table.add_column(overflow="fold")
    labels = {"profile": "Profile", "config": "Config folder", "bundled_data": "Bundled data",
              "packs": "Pack folders", "cache": "Cache"}  # fmt: skip
    for key, value in items.items():
        text = "\n".join(value) if isinstance(value, list) else str(value)
        table.add_row(labels.get(key, key), _t(text))
    return table
