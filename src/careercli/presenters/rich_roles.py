"""Rich views of roles: the grouped list, one role's page, a comparison and a career path."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from rich import box
from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from careercli.presenters.rich_common import (
    DIM,
    NARROW,
    Flow,
    as_text,
    books_mini_table,
    bullets,
    flat_text,
    heading,
    role_lines,
    role_names,
)
from careercli.presenters.text import count, single_line, unit_label

if TYPE_CHECKING:
    from careercli.model import Book, Catalog, Role, RoleSummary, SkillGroup
    from careercli.queries.compare import Comparison
    from careercli.queries.progression import CareerPath, Step


BOOKS_IN_SHOW = 10


def roles_grouped(roles: Sequence[RoleSummary], origins: bool = False, width: int = 100) -> Table:
    """The roles as one table with a heading row for each category (the roles come sorted by category)."""
    if width < NARROW:
        return _roles_compact(roles, origins)
    table = Table(box=box.SIMPLE_HEAD, expand=False, padding=(0, 1))
    table.add_column("Slug", style="green", no_wrap=True, overflow="fold")
    table.add_column("Role", style="bold", max_width=26, overflow="fold")
    table.add_column("Summary", overflow="fold", min_width=16, ratio=1)
    if origins:
        table.add_column("From", style=DIM, max_width=16, overflow="fold")
    for index, role in enumerate(roles):
        if index == 0 or roles[index - 1].category != role.category:
            count = sum(1 for r in roles if r.category == role.category)
            table.add_row(Text(f"{role.category} ({count})", style="bold cyan underline"))
        last = index == len(roles) - 1 or roles[index + 1].category != role.category
        row = [flat_text(role.slug), flat_text(role.name), flat_text(role.summary)]
        if origins:
            row.append(flat_text(role.source))
        table.add_row(*row, end_section=last)
    return table


def _roles_compact(roles: Sequence[RoleSummary], origins: bool) -> Table:
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
        table.add_row(who, flat_text(role.summary), end_section=last)
    return table


def role_view(
    role: Role,
    catalog: Catalog,
    books: Sequence[Book],
    bookmark: tuple[str, Sequence[str]] | None = None,
    statuses: dict[str, str] | None = None,
    total: int | None = None,
    newest: Sequence[Book] = (),
    order: str = "newest first",
    limit: int = BOOKS_IN_SHOW,
    labour: RenderableType | None = None,
) -> RenderableType:
    """The whole ``career show`` page: the first ``limit`` of ``books`` (of ``total`` for the role) in the order
    ``order`` names, then the ``newest`` books as their own list; ``labour``, the pay and outlook section, comes
    right after what they do (what a reader asks first)."""
    title = Text.assemble(as_text(role.name, "bold"), ("  ·  ", DIM), as_text(role.category, "cyan"))
    head: list[RenderableType] = [as_text(role.summary, "italic")]
    if role.aliases:
        head.append(Text.assemble(("Also called: ", DIM), as_text(", ".join(role.aliases))))
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
        Padding(as_text(role.what_they_do), (0, 0, 1, 2), expand=False),
        *((labour, Text()) if labour is not None else ()),
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
    shown = books[:limit] if limit else books
    total = len(books) if total is None else total
    parts.append(heading(f"Books by fit ({len(shown)} of {count(total, 'book')})"))
    if books:
        parts.append(Padding(Text(f"Order: {order}.", style=DIM), (0, 0, 0, 2), expand=False))
        parts.append(Padding(books_mini_table(shown, statuses, ids=True), (0, 0, 0, 2), expand=False))
        if total > len(shown):
            more = f"All {total}: career books --role {role.slug} --limit 0"
            parts.append(Padding(Text(single_line(more), style=DIM), (0, 0, 1, 2), expand=False))
        if newest:
            parts.append(heading("New (newest first)"))
            parts.append(Padding(books_mini_table(newest, statuses, ids=True), (0, 0, 0, 2), expand=False))
    else:
        parts.append(Padding(Text("No books in the catalog for this role yet.", style=DIM), (0, 0, 1, 2), expand=False))
    return Group(*parts)


def challenges_table(role: Role) -> Table:
    table = Table(box=box.ROUNDED, show_lines=True, expand=True, padding=(0, 1))
    table.add_column("Challenge", style="bold yellow", ratio=1)
    table.add_column("Why it is hard", ratio=2)
    for challenge in role.challenges:
        table.add_row(flat_text(challenge.title), flat_text(challenge.why))
    return table


def skills_line(role: Role, catalog: Catalog, have: set[str] | None = None) -> Flow:
    """The key skills in a row, wrapped between names, never inside one; a "one of" group is one item
    ("server-side language: one of Python, Java, Go"), marked had when any member is."""
    items = []
    for unit in role.units:
        name = single_line(unit_label([catalog.skill_name(s) for s in unit.skills], unit.name))
        if have is not None and have & set(unit.skills):
            items.append(Text("✓ " + name, style="bold green"))
        else:
            items.append(Text(name, style="bold"))
    return Flow(items, Text("  ·  ", style=DIM))


def comparison_view(result: Comparison, catalog: Catalog, labour: Mapping[str, tuple[Any, Any]] | None = None,
                    state: str | None = None) -> RenderableType:  # fmt: skip
    """``career compare``: one column per role; shared skills first and marked; with ``labour`` (BLS pay and
    outlook by slug), their figures side by side after the summary, and the notes under the table."""
    roles = result.roles
    table = Table(box=box.ROUNDED, show_lines=True, expand=True, padding=(0, 1))
    table.add_column("", style="bold cyan", no_wrap=True)
    for role in roles:
        table.add_column(Text(single_line(role.name), style="bold"), ratio=1, overflow="fold")
    table.add_row("Category", *[flat_text(r.category) for r in roles])
    table.add_row("Summary", *[flat_text(r.summary) for r in roles])
    notes: list[str] = []  # under the table: group notes, the releases, the source
    if labour:
        from careercli.presenters.bls import comparison_rows

        rows, notes = comparison_rows([labour.get(r.slug) for r in roles], [r.name for r in roles], state)
        for label, values in rows:
            table.add_row(label, *[flat_text(value) for value in values])
    common = []  # each shared unit once: its skills that serve every role ("one of" when more than one does)
    for unit in result.units[roles[0].slug]:
        skills = [s for s in unit.skills if s in result.shared]
        if skills:
            names = [catalog.skill_name(s) for s in skills]
            common.append(Text(single_line(unit_label(names, unit.unit.name if len(skills) > 1 else "")), "green"))
    apart = "; " if any(", " in t.plain for t in common) else ", "  # a group's own commas must not blur the units
    shared = Flow(common or [Text("none")], apart, lead=Text("Shared key skills: ", "bold"))
    cells = []
    everyone = len(roles) - 1
    for role in roles:  # unit by unit: a "one of" group is one line, shared when one of its members is
        text = Text()
        units = result.units[role.slug]
        for mark, style, wanted in (("✓ ", "bold green", everyone), ("◐ ", "yellow", -1), ("• ", "", 0)):
            for unit in units:
                found = len(unit.shared_with)
                if found == wanted or (wanted == -1 and 0 < found < everyone):
                    name = unit_label([catalog.skill_name(s) for s in unit.skills], unit.unit.name)
                    text.append(mark + single_line(name) + "\n", style=style)
        text.rstrip()
        cells.append(text)
    table.add_row("Key skills", *cells)
    table.add_row("Challenges", *[as_text("\n".join("• " + single_line(c.title) for c in r.challenges)) for r in roles])
    table.add_row("Next roles", *[role_lines(catalog, r.next_roles) for r in roles])
    legend = Text("✓ shared by all  ", style="bold green")
    if len(roles) > 2:
        legend.append("◐ shared by some  ", style="yellow")
    legend.append("• only this role", style="")
    parts: list[RenderableType] = [table, legend, shared]
    if result.shared_books:
        parts += [heading("Books for all of them"), Padding(books_mini_table(result.shared_books[:8]), (0, 0, 0, 2),
                                                            expand=False)]  # fmt: skip
    parts += [Text(single_line(note), style=DIM if index < len(notes) - 1 else "dim italic")
              for index, note in enumerate(notes)]  # fmt: skip
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
                label.append("  + " + _units(catalog, step.adds[:5]), style=DIM)
                if len(step.adds) > 5:
                    label.append(f" +{len(step.adds) - 5} more", style=DIM)
            grow(node.add(label), step.children)

    grow(tree, result.leads_to)
    parts: list[RenderableType] = [heading(f"Where it leads ({count(result.depth, 'step')})"), tree, Text()]
    parts.append(heading("Where people come from"))
    if result.comes_from:
        table = Table(box=box.SIMPLE_HEAD, padding=(0, 1))
        table.add_column("From", style="bold", no_wrap=True)
        table.add_column("They add", overflow="fold")
        for step in result.comes_from:
            table.add_row(flat_text(catalog.roles[step.slug].name),
                          flat_text(_units(catalog, step.adds) or "—"))  # fmt: skip
        parts.append(table)
    else:
        parts.append(Text("No role in the catalog lists this one as a next step.", style=DIM))
    return Group(*parts)


def _units(catalog: Catalog, units: Sequence[SkillGroup]) -> str:
    """Key-skill units in a row: ", " between them, or "; " when a "one of" group has commas of its own."""
    names = [unit_label([catalog.skill_name(s) for s in unit.skills], unit.name) for unit in units]
    return ("; " if any(unit.name for unit in units) else ", ").join(names)
