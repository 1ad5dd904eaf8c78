"""Career paths: where a role leads (a tree of next roles) and where people come from."""

from __future__ import annotations

from collections import deque

from careercli.model import Catalog, Role, SkillGroup
from careercli.records import record


@record
class Step:
    slug: str
    adds: tuple[SkillGroup, ...]  # the key-skill units of this role that the role before it does not cover
    children: tuple[Step, ...] = ()
    repeat: bool = False  # already shown higher up (or earlier at the same depth): not followed again

    @property
    def skills(self) -> tuple[str, ...]:
        """The skills of the units it adds (every member of a "one of" group)."""
        return tuple(s for unit in self.adds for s in unit.skills)


@record
class CareerPath:
    role: str
    depth: int
    leads_to: tuple[Step, ...]
    comes_from: tuple[Step, ...]


def adds(catalog: Catalog, before: Role, after: Role) -> tuple[SkillGroup, ...]:
    """The units of ``after`` that whoever meets ``before`` does not surely have: a unit is covered when one of
    ``before``'s units lies inside it (Python covers "one server-side language"; "Go or Python" covers "Go or
    Python", but not Go alone)."""
    known = [set(unit.skills) for unit in before.units]
    return tuple(unit for unit in after.units if not any(k <= set(unit.skills) for k in known))


def career_path(catalog: Catalog, role: Role, depth: int = 3) -> CareerPath:
    """The next-role tree to ``depth`` levels. Each role is followed once, at its shallowest place, so that
    cycles in the data (a -> b -> a) are shown once and never followed forever."""
    # breadth-first: the first place a role is reached is where it is expanded
    expand_at: dict[str, tuple[int, str]] = {role.slug: (0, "")}
    queue: deque[tuple[str, int]] = deque([(role.slug, 0)])
    while queue:
        slug, level = queue.popleft()
        if level >= depth:
            continue
        for nxt in catalog.roles[slug].next_roles:
            if nxt in catalog.roles and nxt not in expand_at:
                expand_at[nxt] = (level + 1, slug)
                queue.append((nxt, level + 1))

    def build(parent: Role, level: int) -> tuple[Step, ...]:
        steps = []
        for nxt in parent.next_roles:
            if nxt not in catalog.roles:
                continue
            child = catalog.roles[nxt]
            first = expand_at.get(nxt) == (level, parent.slug)
            below = build(child, level + 1) if first and level < depth else ()
            steps.append(Step(nxt, adds(catalog, parent, child), below, repeat=not first))
        return tuple(steps)

    leads = build(role, 1) if depth > 0 else ()
    sources = sorted((r for r in catalog.roles.values() if role.slug in r.next_roles), key=lambda r: r.name.casefold())
    comes = tuple(Step(r.slug, adds(catalog, r, role)) for r in sources)
    return CareerPath(role.slug, depth, leads, comes)
