"""Rich views of the user's own things: bookmarks, skills, reading list, and where careercli keeps them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from rich import box
from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from careercli.presenters.rich_common import (
    DIM,
    HEADING,
    MIN_PROSE,
    ByWidth,
    as_text,
    authors_text,
    flat_text,
    longest_word,
    month_year,
    share,
    table_need,
)
from careercli.presenters.text import single_line
from careercli.queries.ranking import edition_label

if TYPE_CHECKING:
    from careercli.model import Catalog
    from careercli.profile import Bookmark, Profile, ReadingEntry


def bookmarks_table(marks: Sequence[Bookmark], catalog: Catalog) -> RenderableType:
    """Slug, role, date, tags and note in columns where each prose column is at least as wide as its longest word
    (the note at least ``MIN_PROSE``); narrower, each bookmark is stacked: slug and role, date and tags, the note."""
    names = [_role_name(mark, catalog) for mark in marks]
    tags = [" ".join("#" + t for t in mark.tags) for mark in marks]
    prose = (names, tags, [mark.note for mark in marks])
    least = [max(14, longest_word(names)), max(6, longest_word(tags)), max(MIN_PROSE, longest_word(prose[2]))]
    most = [max(len(single_line(text)) for text in column) for column in prose]
    slugs = max(4, *(len(mark.role) for mark in marks))
    fixed = table_need([slugs, 10, 0, 0, 0])

    def columns(width: int) -> Table:
        role_w, tags_w, note_w = share(width - fixed, least, [max(a, b) for a, b in zip(least, most, strict=True)])
        table = Table(box=box.SIMPLE_HEAD, padding=(0, 1))
        table.add_column("Slug", style="green", no_wrap=True, width=slugs)
        table.add_column("Role", style="bold", width=role_w)
        table.add_column("Added", style=DIM, no_wrap=True, width=10)
        table.add_column("Tags", style="magenta", width=tags_w)
        table.add_column("Note", width=note_w)
        for mark, name, tag in zip(marks, names, tags, strict=True):  # the order of the piped records
            table.add_row(flat_text(mark.role), flat_text(name), flat_text(mark.added), flat_text(tag),
                          flat_text(mark.note))  # fmt: skip
        return table

    return ByWidth(fixed + sum(least), columns, lambda _: _bookmarks_stacked(marks, names, tags))


def _role_name(mark: Bookmark, catalog: Catalog) -> str:
    role = catalog.roles.get(mark.role)
    return role.name if role else "(not in the catalog)"


def _bookmarks_stacked(marks: Sequence[Bookmark], names: Sequence[str], tags: Sequence[str]) -> RenderableType:
    table = Table.grid(padding=(0, 0, 0, 0))
    table.add_column(overflow="fold")
    for index, (mark, name, tag) in enumerate(zip(marks, names, tags, strict=True)):
        head = Text.assemble((single_line(mark.role), "green"), "  ", (single_line(name), "bold"))
        if index:
            table.add_row(Text())
        table.add_row(head)
        facts = Text.assemble(
            ("added " + single_line(mark.added), DIM), ("  " + single_line(tag), "magenta") if tag else ""
        )
        table.add_row(Padding(facts, (0, 0, 0, 2)))
        if mark.note:
            table.add_row(Padding(flat_text(mark.note), (0, 0, 0, 2)))
    return Padding(table, (0, 0, 0, 1))


def my_skills_table(profile: Profile, catalog: Catalog) -> Table:
    table = Table(box=box.SIMPLE_HEAD, padding=(0, 1))
    table.add_column("Id", style="green")
    table.add_column("Skill", style="bold")
    table.add_column("Kind", style=DIM)
    for skill_id in profile.skills:
        skill = catalog.skills.get(skill_id)
        table.add_row(
            flat_text(skill_id), flat_text(skill.name if skill else skill_id), flat_text(skill.kind if skill else "—")
        )
    for name in profile.custom_skills:
        table.add_row(Text("—", style=DIM), flat_text(name), Text("custom", style="yellow"))
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
        table.add_column("Id", style="cyan", no_wrap=True)  # what 'reading remove' takes: never wrapped
        table.add_column("Book", overflow="fold")
        table.add_column("Published", style="green", no_wrap=True)
        rated = any(e.rating for e in group)
        if rated:  # only when there is one to show: the titles keep the width
            table.add_column("Rating", style="yellow", no_wrap=True)
        for entry in group:
            book = catalog.books.get(entry.book)
            if book is not None:
                label, authors, published = edition_label(catalog, book), book.authors, month_year(book)
            elif entry.custom:
                label, authors, published = entry.title + " (your own entry)", entry.authors, str(entry.year or "—")
            else:
                label, authors, published = "(not in the catalog)", (), "—"
            cell = Text.assemble((single_line(label), "bold"))
            if authors:
                cell.append_text(Text.assemble("\n", (single_line(authors_text(authors)), DIM)))
            if entry.note:
                cell.append_text(Text.assemble("\n", (single_line(entry.note), "italic")))
            rating = [flat_text(f"{entry.rating}/5" if entry.rating else "—")] if rated else []
            table.add_row(flat_text(entry.book), cell, flat_text(published), *rating)
        parts.append(table)
    return Group(*parts)


def paths_table(items: Mapping[str, object]) -> Table:
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold", no_wrap=True)
    table.add_column(overflow="fold")
    labels = {"profile": "Profile", "config": "Config folder", "bundled_data": "Bundled data",
              "packs": "Pack folders", "packs_in_use": "Packs in use", "cache": "Cache",
              "onet_import": "O*NET import", "onet_release": "O*NET release",
              "oews_import": "BLS wages import", "oews_release": "BLS wages release",
              "oews_states_release": "BLS wages by state", "projections_import": "BLS outlook import",
              "projections_release": "BLS outlook release"}  # fmt: skip
    for key, value in items.items():
        text = ("\n".join(value) or "none") if isinstance(value, list) else str(value)
        table.add_row(labels.get(key, key), as_text(text))
    return table


def environment_table(rows: Sequence[tuple[str, str]]) -> Table:
    """``career help environment``: the variables and what they do."""
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, padding=(0, 1))
    table.add_column("Variable", style="bold", no_wrap=True)  # one a line
    table.add_column("What it does", overflow="fold")
    for names, about in rows:
        table.add_row(as_text(names), as_text(about))
    return table


def settings_table(path: str, rows: Sequence[tuple[str, str, str, str]]) -> Group:
    """``career config show``: each key, its value, where it comes from and what it does."""
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, padding=(0, 1))
    table.add_column("Key", style="bold", no_wrap=True)
    table.add_column("Value", style="cyan", no_wrap=True)
    table.add_column("From", style="dim", no_wrap=True)
    table.add_column("What it does", overflow="fold")
    for row in rows:
        table.add_row(*(as_text(cell) for cell in row))
    return Group(Text.assemble(("File: ", "dim"), as_text(path)), table)
