"""Roles side by side."""

from __future__ import annotations

from careercli.errors import UsageError
from careercli.model import Book, Catalog, Role, sort_newest_first
from careercli.records import record


@record
class Comparison:
    roles: tuple[Role, ...]
    shared: tuple[str, ...]  # key skills every compared role lists, in the first role's order
    some: dict[str, tuple[str, ...]]  # skills more than one (but not every) role lists -> those roles
    only: dict[str, tuple[str, ...]]  # role slug -> key skills no other compared role lists
    shared_books: tuple[Book, ...]


def compare(catalog: Catalog, roles: list[Role]) -> Comparison:
    if len({r.slug for r in roles}) != len(roles):
        raise UsageError("name each role once; a role compared with itself shows nothing new")
    if not 2 <= len(roles) <= 3:
        raise UsageError("compare takes two or three roles")
    everyone = set.intersection(*(set(r.key_skills) for r in roles))
    ordered = [s for r in roles for s in r.key_skills]
    ordered = list(dict.fromkeys(ordered))
    shared = tuple(s for s in ordered if s in everyone)
    holders = {s: tuple(r.slug for r in roles if s in r.key_skills) for s in ordered}
    some = {s: who for s, who in holders.items() if 1 < len(who) < len(roles)}
    only = {r.slug: tuple(s for s in r.key_skills if holders[s] == (r.slug,)) for r in roles}
    slugs = {r.slug for r in roles}
    books = sort_newest_first([b for b in catalog.books.values() if slugs <= set(b.roles)])
    return Comparison(tuple(roles), shared, some, only, tuple(books))
