"""Rich renderables for the terminal. Every string from data or the profile goes through ``_t`` (plain Text)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
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
    from careercli.queries.compare import Comparison
    from careercli.queries.gap import Gap, Suggestion
    from careercli.queries.paths import CareerPath, Step
    from careercli.queries.search import Hit

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


NARROW = 90  # below this many columns, tables stack related fields instead of dropping any


def roles_grouped(roles: Sequence[Role], origins: bool = False, width: int = 100) -> Table:
    """The roles as one table with a heading row for each category (the roles come sorted by category)."""
    if width < NARROW:
        return _roles_compact(roles, origins)
    table = Table(box=box.SIMPLE_HEAD, expand=False, padding=(0, 1))
    table.add_column("Role", style="bold", max_width=26, overflow="fold")
    table.add_column("Slug", style="green", no_wrap=True, overflow="fold")
    table.add_column("Summary", overflow="fold", min_width=16, ratio=1)
    if origins:
        table.add_column("From", style=DIM, max_width=16, overflow="fold")
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


def _roles_compact(roles: Sequence[Role], origins: bool) -> Table:
    table = Table(box=box.SIMPLE_HEAD, expand=False, padding=(0, 1))
    table.add_column("Role / slug", ratio=2, overflow="fold")
    table.add_column("Summary", ratio=3, overflow="fold")
    for index, role in enumerate(roles):
        if index == 0 or roles[index - 1].category != role.category:
            count = sum(1 for r in roles if r.category == role.category)
            table.add_row(Text(f"{role.category} ({count})", style="bold cyan underline"))
        last = index == len(roles) - 1 or roles[index + 1].category != role.category
        who = Text(single_line(role.name), style="bold")
        who.append("\n" + single_line(role.slug), style="green")
        if origins:
            who.append(f" ({single_line(role.source)})", style=DIM)
        table.add_row(who, _cell(role.summary), end_section=last)
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
    total: int | None = None,
) -> RenderableType:
    """The whole ``career show`` page: the newest BOOKS_IN_SHOW of ``books`` (of ``total`` for the role)."""
    title = Text.assemble(_t(role.name, "bold"), ("  ·  ", DIM), _t(role.category, "cyan"))
    head: list[RenderableType] = [_t(role.summary, "italic")]
    if role.aliases:
        head.append(Text.assemble(("Also called: ", DIM), _t(", ".join(role.aliases))))
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
    total = len(books) if total is None else total
    parts.append(heading(f"Recent books (newest first, {len(shown)} of {total})"))
    if books:
        parts.append(Padding(books_mini_table(shown, statuses), (0, 0, 0, 2), expand=False))
        if total > len(shown):
            more = f"All {total}: career books --role {role.slug} --limit 0"
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


def books_table(
    books: Sequence[Book], statuses: dict[str, str] | None = None, total: int | None = None, width: int = 100
) -> Table:
    """``career books``: title, authors, publisher, date, roles (and my reading status where I have one)."""
    caption = None
    if total is not None and total > len(books):
        caption = f"{len(books)} of {total} books; --limit 0 shows all"
    if width < NARROW:
        return _books_compact(books, statuses or {}, caption)
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


def _books_compact(books: Sequence[Book], statuses: dict[str, str], caption: str | None) -> Table:
    table = Table(box=box.SIMPLE_HEAD, caption=caption, caption_justify="left", padding=(0, 1))
    table.add_column("Published", style="green", no_wrap=True)
    table.add_column("Book", overflow="fold")
    for book in books:
        cell = Text(single_line(book.title), style="bold")
        cell.append("\n" + single_line(authors_text(book.authors)))
        if book.publisher:
            cell.append(" · " + single_line(book.publisher), style=DIM)
        cell.append("\n" + single_line(", ".join(book.roles)), style=DIM)
        if book.id in statuses:
            cell.append("\nmine: " + single_line(statuses[book.id]), style="magenta")
        table.add_row(_cell(month_year(book)), cell)
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


def search_table(hits: Sequence[Hit], width: int = 100) -> Table:
    if width < NARROW:
        table = Table(box=box.SIMPLE_HEAD, padding=(0, 1))
        table.add_column("Kind", style="cyan", no_wrap=True)
        table.add_column("Result", overflow="fold")
        table.add_column("Score", justify="right", no_wrap=True)
        for hit in hits:
            cell = Text(single_line(hit.title), style="bold")
            cell.append("\n" + single_line(hit.id), style="green")
            cell.append("\n" + single_line("; ".join(hit.matched[:2])), style=DIM)
            table.add_row(_cell(hit.kind), cell, f"{hit.score:.1f}")
        return table
    table = Table(box=box.SIMPLE_HEAD, padding=(0, 1))
    table.add_column("Kind", style="cyan", no_wrap=True)
    table.add_column("Id", style="green", no_wrap=True, overflow="ellipsis", max_width=40)
    table.add_column("Title", style="bold", overflow="fold", ratio=3)
    table.add_column("Matched", style=DIM, ratio=3, min_width=12)
    table.add_column("Score", justify="right", no_wrap=True)
    for hit in hits:
        table.add_row(
            _cell(hit.kind),
            _cell(hit.id),
            _cell(hit.title),
            Text("\n".join(single_line(m) for m in hit.matched[:2]), no_wrap=True, overflow="ellipsis"),
            f"{hit.score:.1f}",
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


def paths_table(items: Mapping[str, object]) -> Table:
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold", no_wrap=True)
    table.add_column(overflow="fold")
    labels = {"profile": "Profile", "config": "Config folder", "bundled_data": "Bundled data",
              "packs": "Pack folders", "packs_in_use": "Packs in use", "cache": "Cache"}  # fmt: skip
    for key, value in items.items():
        text = ("\n".join(value) or "none") if isinstance(value, list) else str(value)
        table.add_row(labels.get(key, key), _t(text))
    return table


def comparison_view(result: Comparison, catalog: Catalog) -> RenderableType:
    """``career compare``: one column per role; shared skills first and marked."""
    roles = result.roles
    table = Table(box=box.ROUNDED, show_lines=True, expand=True, padding=(0, 1))
    table.add_column("", style="bold cyan", no_wrap=True)
    for role in roles:
        table.add_column(Text(single_line(role.name), style="bold"), ratio=1, overflow="fold")
    table.add_row("Category", *[_cell(r.category) for r in roles])
    table.add_row("Summary", *[_cell(r.summary) for r in roles])
    shared = Text(", ".join(single_line(catalog.skill_name(s)) for s in result.shared) or "none", style="green")
    cells = []
    for role in roles:
        text = Text()
        for skill in role.key_skills:
            if skill in result.shared:
                text.append("✓ " + single_line(catalog.skill_name(skill)) + "\n", style="bold green")
        for skill in role.key_skills:
            if skill in result.some:
                text.append("◐ " + single_line(catalog.skill_name(skill)) + "\n", style="yellow")
        for skill in result.only[role.slug]:
            text.append("• " + single_line(catalog.skill_name(skill)) + "\n")
        text.rstrip()
        cells.append(text)
    table.add_row("Key skills", *cells)
    table.add_row("Challenges", *[_t("\n".join("• " + single_line(c.title) for c in r.challenges)) for r in roles])
    table.add_row("Next roles", *[role_lines(catalog, r.next_roles) for r in roles])
    legend = Text("✓ shared by all  ", style="bold green")
    if len(roles) > 2:
        legend.append("◐ shared by some  ", style="yellow")
    legend.append("• only this role", style="")
    parts: list[RenderableType] = [table, legend, Text.assemble(("Shared key skills: ", "bold"), shared)]
    if result.shared_books:
        parts += [heading("Books for all of them"), Padding(books_mini_table(result.shared_books[:8]), (0, 0, 0, 2),
                                                            expand=False)]  # fmt: skip
    return Group(*parts)


def role_lines(catalog: Catalog, slugs: Iterable[str]) -> Text:
    text = Text()
    for slug in slugs:
        role = catalog.roles.get(slug)
        if text:
            text.append("\n")
        text.append(single_line(role.name if role else slug))
    return text


def gap_view(result: Gap, catalog: Catalog) -> RenderableType:
    role = catalog.roles[result.role]
    total = len(result.have) + len(result.missing)
    header = Text.assemble(
        (single_line(role.name), "bold"),
        f": you have {len(result.have)} of {total} key skills ",
        (f"({result.coverage:.0%})", "bold green" if result.coverage >= 0.5 else "bold yellow"),
    )
    bar_width = 30
    filled = round(bar_width * result.coverage)
    bar = Text("█" * filled, style="green") + Text("░" * (bar_width - filled), style=DIM)
    parts: list[RenderableType] = [header, bar, Text()]
    have = Text(", ".join(single_line(catalog.skill_name(s)) for s in result.have) or "none of them yet")
    parts += [Text.assemble(("Have: ", "bold green"), have)]
    if not result.plan:
        parts.append(Text("Nothing missing: you cover every key skill of this role.", style="bold green"))
        return Group(*parts)
    parts += [Text(), heading("Learning plan")]
    table = Table(box=box.SIMPLE_HEAD, padding=(0, 1))
    table.add_column("#", justify="right", style=DIM, no_wrap=True)
    table.add_column("Skill", style="bold", ratio=2, overflow="fold")
    table.add_column("Why now", style=DIM, ratio=2, overflow="fold")
    table.add_column("Books that cover it", ratio=5, overflow="fold")
    for number, step in enumerate(result.plan, start=1):
        reasons = []
        if step.prerequisite_of:
            reasons.append("before " + ", ".join(catalog.skill_name(s) for s in step.prerequisite_of))
        if step.needed_by:
            reasons.append(f"needed by {step.needed_by} bookmarked role{'s' if step.needed_by > 1 else ''}")
        books = Text()
        for index, book_id in enumerate(step.books):
            book = catalog.books[book_id]
            if index:
                books.append("\n")
            books.append(single_line(book.title))
            books.append(f" ({book_year(book)})", style=DIM)
        table.add_row(str(number), _cell(catalog.skill_name(step.skill)), _cell("; ".join(reasons)),
                      books if step.books else Text("—", style=DIM))  # fmt: skip
    parts.append(table)
    return Group(*parts)


def path_view(result: CareerPath, catalog: Catalog) -> RenderableType:
    from rich.tree import Tree

    role = catalog.roles[result.role]
    tree = Tree(Text.assemble((single_line(role.name), "bold cyan"), (f"  ({role.slug})", DIM)))

    def grow(node: Tree, steps: Sequence[Step]) -> None:
        for step in steps:
            label = Text(single_line(catalog.roles[step.slug].name), style="bold")
            if step.slug == result.role:
                label.append("  ↺ back to the start", style=DIM)
            elif step.repeat:
                label.append("  ↺ followed elsewhere in this tree", style=DIM)
            elif step.adds:
                label.append("  + " + ", ".join(single_line(catalog.skill_name(s)) for s in step.adds[:5]), style=DIM)
                if len(step.adds) > 5:
                    label.append(f" +{len(step.adds) - 5} more", style=DIM)
            grow(node.add(label), step.children)

    grow(tree, result.leads_to)
    parts: list[RenderableType] = [heading(f"Where it leads ({result.depth} steps)"), tree, Text()]
    parts.append(heading("Where people come from"))
    if result.comes_from:
        table = Table(box=box.SIMPLE_HEAD, padding=(0, 1))
        table.add_column("From", style="bold", no_wrap=True)
        table.add_column("They add", overflow="fold")
        for step in result.comes_from:
            table.add_row(_cell(catalog.roles[step.slug].name),
                          _cell(", ".join(catalog.skill_name(s) for s in step.adds) or "—"))  # fmt: skip
        parts.append(table)
    else:
        parts.append(Text("No role in the catalog lists this one as a next step.", style=DIM))
    return Group(*parts)


def suggestions_table(items: Sequence[Suggestion], catalog: Catalog, width: int = 100) -> Table:
    if width < NARROW:
        table = Table(box=box.SIMPLE_HEAD, padding=(0, 1))
        table.add_column("#", justify="right", style=DIM, no_wrap=True)
        table.add_column("Role and coverage", overflow="fold")
        for number, item in enumerate(items, start=1):
            total = len(item.have) + len(item.missing)
            cell = Text(single_line(catalog.roles[item.role].name), style="bold")
            cell.append(f"  {item.coverage:.0%} ({len(item.have)}/{total})")
            have = ", ".join(catalog.skill_name(s) for s in item.have) or "—"
            cell.append("\nhave: " + single_line(have), style="green")
            nxt = ", ".join(catalog.skill_name(s) for s in item.missing[:3]) or "nothing"
            cell.append("\nlearn next: " + single_line(nxt))
            table.add_row(str(number), cell)
        return table
    table = Table(box=box.SIMPLE_HEAD, padding=(0, 1))
    table.add_column("#", justify="right", style=DIM, no_wrap=True)
    table.add_column("Role", style="bold", ratio=2, overflow="fold")
    table.add_column("Coverage", justify="right", no_wrap=True)
    table.add_column("You have", style="green", ratio=2, overflow="fold")
    table.add_column("Learn next", ratio=3, overflow="fold")
    for number, item in enumerate(items, start=1):
        total = len(item.have) + len(item.missing)
        table.add_row(
            str(number),
            _cell(catalog.roles[item.role].name),
            f"{item.coverage:.0%} ({len(item.have)}/{total})",
            _cell(", ".join(catalog.skill_name(s) for s in item.have) or "—"),
            _cell(", ".join(catalog.skill_name(s) for s in item.missing[:3]) or "nothing"),
        )
    return table
