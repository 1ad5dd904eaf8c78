"""From files to one checked catalogue: read and check each source, merge them in order (a later entry overrides
an earlier one with the same id), then check that every reference resolves and that prerequisites form no cycle.

Raises :class:`DataError` with every problem found, each with file, line and field. The checks are iterative: a
prerequisite chain or cycle thousands of skills long is checked (and a cycle reported in one line) without
recursion.
"""

from __future__ import annotations

import datetime as _dt

from careercli.catalogue.parse import TABLES, Entry, Problems, closest, read_entries
from careercli.catalogue.schema import check_book, check_role, check_skill
from careercli.catalogue.sources import Source, bundled_sources, catalog_sources
from careercli.errors import DataError
from careercli.model import Book, Catalog, Role, Skill

_REFERENCES = {
    "role": (("key_skills", "skill"), ("next_roles", "role"), ("related_roles", "role"), ("canonical_books", "book")),
    "skill": (("prerequisites", "skill"),),
    "book": (("roles", "role"), ("skills", "skill")),
}
__all__ = ["Source", "build_catalog", "bundled_sources", "catalog_sources", "prerequisite_cycle"]
CYCLE_SHOWN = 12  # a longer cycle is shown by its first skills and its length


def _check(entry: Entry, problems: Problems, origin: str, today: _dt.date) -> Role | Skill | Book | None:
    if entry.table == "role":
        return check_role(entry, problems, origin)
    if entry.table == "skill":
        return check_skill(entry, problems, origin)
    return check_book(entry, problems, origin, today)


def build_catalog(sources: list[Source], today: _dt.date | None = None, warnings: list[str] | None = None,
                  quiet_bundled: bool = False) -> Catalog:  # fmt: skip
    """Read, check and merge the sources in order; later sources override earlier ones by id.

    Warnings (a book dated after ``today``) are added to ``warnings``, but not those of the bundled data when
    ``quiet_bundled`` (what a command shows); problems raise :class:`DataError`."""
    import gc

    enabled = gc.isenabled()
    gc.disable()  # tens of thousands of parsed tables and checked entries, no cycles: collections only cost time
    try:
        return _build(sources, today or _dt.date.today(), warnings, quiet_bundled)
    finally:
        if enabled:
            gc.enable()


def _build(sources: list[Source], today: _dt.date, warnings: list[str] | None, quiet_bundled: bool) -> Catalog:
    problems = Problems()
    tables: dict[str, dict[str, Role | Skill | Book]] = {table: {} for table in TABLES}
    where: dict[tuple[str, str], Entry] = {}  # every entry with an id, valid or not: references are checked for all
    unreadable = False
    for source in sources:
        before, said = len(problems.items), len(problems.warnings)
        entries = read_entries(source.path, source.label, problems)
        seen: dict[tuple[str, str], int] = {}
        for entry in entries:
            item = _check(entry, problems, source.origin, today)
            ident = entry.data.get(TABLES[entry.table])
            if isinstance(ident, str) and ident.strip():
                where[(entry.table, ident.strip())] = entry
            if item is None:
                continue
            key = (entry.table, item.id)
            if key in seen:
                problems.add(entry, f"duplicate {entry.table} id {item.id!r} (also #{seen[key] + 1} in this file)",
                             TABLES[entry.table])  # fmt: skip
                continue
            seen[key] = entry.index
            tables[entry.table][item.id] = item
        unreadable = unreadable or (not entries and len(problems.items) > before)
        if quiet_bundled and source.origin == "bundled":
            del problems.warnings[said:]
    if not unreadable:
        # references into a file that could not be read would only repeat its one real problem
        _check_references(tables["skill"], where, problems)  # type: ignore[arg-type]
    if warnings is not None:
        warnings.extend(problems.warnings)
    if problems.items:
        raise DataError(problems.items)
    return Catalog(roles=tables["role"], skills=tables["skill"], books=tables["book"],  # type: ignore[arg-type]
                   sources=tuple(s.label for s in sources))  # fmt: skip


def _listed(entry: Entry, field: str) -> list[str]:
    value = entry.data.get(field)
    if not isinstance(value, list):
        return []
    return [item.strip() for item in value if isinstance(item, str)]


def _check_references(skills: dict[str, Skill], where: dict[tuple[str, str], Entry], problems: Problems) -> None:
    """Every reference must name an entry that exists (valid or not: an invalid one was reported already)."""
    named: dict[str, set[str]] = {table: set() for table in TABLES}
    for table, ident in where:
        named[table].add(ident)
    for (table, _ident), entry in where.items():
        for field, kind in _REFERENCES[table]:
            for value in _listed(entry, field):
                if value and value not in named[kind]:
                    hint = closest(value, named[kind])
                    suffix = f" (did you mean '{hint}'?)" if hint else ""
                    problems.add(entry, f"'{field}' names unknown {kind} {value!r}{suffix}", field, value)
    cycle = prerequisite_cycle(skills)
    if cycle:
        shown = cycle if len(cycle) <= CYCLE_SHOWN + 1 else [*cycle[:CYCLE_SHOWN], f"... ({len(cycle) - 1} skills)"]
        problems.add(where[("skill", cycle[0])], f"prerequisites form a cycle: {' -> '.join(shown)}", "prerequisites")


def prerequisite_cycle(skills: dict[str, Skill]) -> list[str] | None:
    """One prerequisite cycle (its first skill repeated at the end), or None; iterative, any length."""
    import graphlib

    graph = {ident: [p for p in skill.prerequisites if p in skills] for ident, skill in sorted(skills.items())}
    try:
        graphlib.TopologicalSorter(graph).prepare()
    except graphlib.CycleError as error:
        found = list(error.args[1])  # [a, ..., a]: each node's successor in the list is one of its prerequisites
        found.reverse()  # graphlib lists it against the arrows; read it as "needs"
        return _rotate(found)
    return None


def _rotate(cycle: list[str]) -> list[str]:
    """The same cycle, starting at its smallest id, so that the message does not depend on dict order."""
    ring = cycle[:-1]
    start = ring.index(min(ring))
    ring = ring[start:] + ring[:start]
    return [*ring, ring[0]]
