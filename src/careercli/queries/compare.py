"""Roles side by side."""

from __future__ import annotations

from careercli.errors import UsageError
from careercli.model import Book, Catalog, Role, SkillGroup, sort_newest_first
from careercli.records import record


@record
class Unit:
    """One key-skill unit of a compared role (a skill, or a "one of" group) and which other roles list a skill of it:
    a group shared through one member (Python, for a back-end developer's server-side language) is one shared unit,
    not five skills of its own."""

    role: str
    unit: SkillGroup
    shared_with: tuple[str, ...]  # the other compared roles with a unit that has a skill in common with it

    @property
    def skills(self) -> tuple[str, ...]:
        return self.unit.skills


@record
class Comparison:
    roles: tuple[Role, ...]
    shared: tuple[str, ...]  # key skills that serve every compared role, in the first role's order
    some: dict[str, tuple[str, ...]]  # skills more than one (but not every) role lists -> those roles
    only: dict[str, tuple[str, ...]]  # role slug -> key skills of its units no other compared role shares
    shared_books: tuple[Book, ...]
    units: dict[str, tuple[Unit, ...]]  # role slug -> its units, in the role's order


def compare(catalog: Catalog, roles: list[Role]) -> Comparison:
    """The roles' key skills compared unit by unit: two units meet when they have a skill in common (a group meets
    a role that lists one of its members); a unit is shared by all, by some, or the role's only."""
    if len({r.slug for r in roles}) != len(roles):
        raise UsageError("name each role once; a role compared with itself shows nothing new")
    if not 2 <= len(roles) <= 3:
        raise UsageError("compare takes two or three roles")
    units: dict[str, tuple[Unit, ...]] = {}
    for role in roles:
        others = [r for r in roles if r is not role]
        units[role.slug] = tuple(
            Unit(role.slug, unit, tuple(o.slug for o in others if set(unit.skills) & set(o.key_skills)))
            for unit in role.units
        )
    everyone = len(roles) - 1
    shared: list[str] = []  # the skills every role's meeting units have in common (the first role's order)
    for unit in units[roles[0].slug]:
        if len(unit.shared_with) == everyone:
            common = set(unit.skills)
            for other in roles[1:]:
                common &= {s for u in units[other.slug] if set(u.skills) & set(unit.skills) for s in u.skills}
            shared += [s for s in unit.skills if s in common and s not in shared]
    holders = {s: tuple(r.slug for r in roles if s in r.key_skills) for r in roles for s in r.key_skills}
    some = {s: who for s, who in holders.items() if 1 < len(who) < len(roles)}
    only = {slug: tuple(s for u in found if not u.shared_with for s in u.skills) for slug, found in units.items()}
    slugs = {r.slug for r in roles}
    books = sort_newest_first([b for b in catalog.books.values() if slugs <= set(b.roles)])
    return Comparison(tuple(roles), tuple(shared), some, only, tuple(books), units)
