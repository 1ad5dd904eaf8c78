"""Reading and checking one data file, a large one in two processes at once.

A pack of tens of MiB costs a few seconds to parse and check, all of it the first time a command runs after the
pack changed. On a machine with two or more cores, a file over :data:`PARALLEL_BYTES` is cut at a top-level
``[[role]]``, ``[[skill]]`` or ``[[book]]`` line near its middle; a forked child parses and checks the second
half while this process does the first, and sends back each entry's checked item in plain form, with its
problems. The result, the order and every message are those of the whole file read at once: whenever a half
does not stand on its own (a parse error, a table that is not an array of tables, a header inside a string), the
whole file is read here instead, and its messages are the usual ones.
"""

from __future__ import annotations

import datetime as _dt
import marshal
import os
import re
from collections.abc import Iterator
from operator import attrgetter
from typing import Any

from careercli.catalogue.parse import TABLES, Entry, Problems, entries_of, parse_document, read_entries
from careercli.catalogue.plain import FROM_PLAIN, PLAIN
from careercli.catalogue.schema import check_book, check_role, check_skill
from careercli.catalogue.sources import Source
from careercli.model import Book, Role, Skill

PARALLEL_BYTES = 4 * 2**20
_HEADER = re.compile(rb"(?m)^\[\[(role|skill|book)\]\][ \t]*\r?$")
# the fields a merged entry keeps after checking: its id and its references (see build._REFERENCES)
# (the model's fields of the same names hold the same values, stripped, for a valid entry)
_KEPT = {"role": ("slug", "key_skills", "next_roles", "related_roles", "canonical_books"),
         "skill": ("id", "prerequisites"), "book": ("id", "roles", "skills")}  # fmt: skip

Item = Role | Skill | Book
# one checked entry: table, index, the id and references of an invalid entry (None for a valid one), the item
# (plain in a child's answer) or None, and its problems and warnings when it has any
Record = tuple[str, int, dict[str, Any] | None, Any, tuple[list[str], list[str]] | None]


def check(entry: Entry, problems: Problems, origin: str, today: _dt.date) -> Item | None:
    if entry.table == "role":
        return check_role(entry, problems, origin)
    if entry.table == "skill":
        return check_skill(entry, problems, origin)
    return check_book(entry, problems, origin, today)


def checked_entries(source: Source, problems: Problems, today: _dt.date) -> Iterator[tuple[Entry, Item | None]]:
    """Each entry of ``source`` with its checked item (None when invalid), in file order; the problems of each
    entry are added to ``problems`` just before it is yielded."""
    halves = _in_two_processes(source, today) if _worth_splitting(source) else None
    if halves is None:
        for entry in read_entries(source.path, source.label, problems):
            yield entry, check(entry, problems, source.origin, today)
        return
    order: list[str] = []
    for half in halves:
        order += [table for table in half if table not in order]
    for table in order:
        for half in halves:
            make, keep = FROM_PLAIN[table], _KEPT[table]
            for _table, index, kept, item, said in half.get(table, ()):
                if said:
                    problems.items.extend(said[0])
                    problems.warnings.extend(said[1])
                if item is not None and not isinstance(item, (Role, Skill, Book)):
                    item = make(item)
                if kept is None:  # a valid item: its id and references are its own fields, already stripped
                    kept = {name: list(value) if isinstance(value, tuple) else value
                            for name, value in zip(keep, attrgetter(*keep)(item), strict=True)}  # fmt: skip
                yield Entry(table, index, kept, source.path, source.label), item


def _worth_splitting(source: Source) -> bool:
    if not hasattr(os, "fork"):
        return False
    try:
        cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
        return cores >= 2 and os.stat(source.path).st_size >= PARALLEL_BYTES
    except OSError:
        return False


def _in_two_processes(source: Source, today: _dt.date) -> list[dict[str, list[Record]]] | None:
    """Both halves' records by table, or None when the file must be read whole."""
    try:
        data = source.path.read_bytes()
    except OSError:
        return None
    cut = _balanced_cut(data)
    if cut is None:
        return None
    first, second = data[:cut], data[cut:]
    before = {table: 0 for table in TABLES}
    for match in _HEADER.finditer(first):
        before[match.group(1).decode()] += 1
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: check the second half, send it back marshalled, and leave without any clean-up
        status = 1
        try:
            os.close(read)
            payload = marshal.dumps(_check_half(second, before, source, today, plain=True))
            with os.fdopen(write, "wb") as out:
                out.write(payload)
            status = 0
        finally:
            os._exit(status)
    os.close(write)
    try:
        mine = _check_half(first, dict.fromkeys(TABLES, 0), source, today, plain=False)
    finally:
        with os.fdopen(read, "rb") as answer:
            payload = answer.read()
        os.waitpid(pid, 0)
    try:
        theirs = marshal.loads(payload)
    except (EOFError, ValueError, TypeError):
        return None
    if mine is None or not isinstance(theirs, dict):
        return None
    return [mine, theirs]


def _balanced_cut(data: bytes) -> int | None:
    """Where the second half starts: at the header of the entry that leaves the child 60% of the entries, as
    checking entries costs more than parsing bytes, and this process must also merge the child's answer."""
    starts = [match.start() for match in _HEADER.finditer(data)]
    cut = starts[len(starts) * 2 // 5] if len(starts) >= 2 else 0
    return cut or None


def _check_half(
    data: bytes, offsets: dict[str, int], source: Source, today: _dt.date, plain: bool
) -> dict[str, list[Record]] | None:
    """The records of one half by table, or None when the half does not stand on its own."""
    document, problem = parse_document(data, source.label)
    if document is None or problem:
        return None
    headers = dict.fromkeys(TABLES, 0)
    for match in _HEADER.finditer(data):
        headers[match.group(1).decode()] += 1
    for key, value in document.items():
        if key == "schema_version" and not any(offsets.values()):
            continue
        if key not in TABLES or not isinstance(value, list) or len(value) != headers[key]:
            return None  # anything but [[table]] arrays written with their headers: read the whole file
    problems = Problems()
    found: dict[str, list[Record]] = {}
    for entry in entries_of(document, source.path, source.label, problems):
        entry.index += offsets[entry.table]
        items, warnings = len(problems.items), len(problems.warnings)
        item = check(entry, problems, source.origin, today)
        kept = None if item is not None else {k: entry.data[k] for k in _KEPT[entry.table] if k in entry.data}
        made = PLAIN[entry.table](item) if plain and item is not None else item  # type: ignore[operator]
        said = None
        if len(problems.items) > items or len(problems.warnings) > warnings:
            said = (problems.items[items:], problems.warnings[warnings:])
        found.setdefault(entry.table, []).append((entry.table, entry.index, kept, made, said))
    return found
