"""The skill gap between the user and a role, and the learning plan that closes it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from careercli.model import Book, Catalog, Role, sort_newest_first

if TYPE_CHECKING:
    from careercli.profile import Profile


@dataclass(frozen=True)
class PlanStep:
    skill: str
    books: tuple[str, ...]  # book ids that teach it, newest first
    needed_by: int  # how many of the user's bookmarked roles list it
    prerequisite_of: tuple[str, ...] = ()  # missing skills in the plan that build on it


@dataclass(frozen=True)
class Gap:
    role: str
    have: tuple[str, ...]
    missing: tuple[str, ...]
    plan: tuple[PlanStep, ...]

    @property
    def coverage(self) -> float:
        total = len(self.have) + len(self.missing)
        return len(self.have) / total if total else 1.0


def books_teaching(catalog: Catalog, skill: str, role: str | None = None) -> list[Book]:
    """Books that teach a skill, the role's own books first, then newest first."""
    books = sort_newest_first([b for b in catalog.books.values() if skill in b.skills])
    if role:
        books.sort(key=lambda b: role not in b.roles)
    return books


def role_gap(catalog: Catalog, role: Role, have: Iterable[str], bookmarked: Iterable[str] = ()) -> Gap:
    """What the user has of the role's key skills, what is missing, and the order to learn the rest.

    The plan puts prerequisites first (where the vocabulary has them), then the skills more of the user's
    bookmarked roles need, then the role's own order of importance.
    """
    owned = set(have)
    has = tuple(s for s in role.key_skills if s in owned)
    missing = [s for s in role.key_skills if s not in owned]
    marks = [catalog.roles[r] for r in bookmarked if r in catalog.roles]
    demand = {s: sum(1 for r in marks if s in r.key_skills) for s in missing}
    importance = {s: i for i, s in enumerate(role.key_skills)}
    ordered = sorted(missing, key=lambda s: (-demand[s], importance[s]))
    plan = _prerequisites_first(catalog, ordered)
    users = {s: tuple(m for m in missing if s in catalog.skills.get(m, _NO_SKILL).prerequisites) for s in missing}
    steps = tuple(
        PlanStep(s, tuple(b.id for b in books_teaching(catalog, s, role.slug)[:3]), demand[s], users[s]) for s in plan
    )
    return Gap(role.slug, has, tuple(missing), steps)


class _NoSkill:
    prerequisites: tuple[str, ...] = ()


_NO_SKILL = _NoSkill()


def _prerequisites_first(catalog: Catalog, ordered: list[str]) -> list[str]:
    """A stable topological order: a missing skill comes after the missing skills it builds on."""
    wanted = set(ordered)
    placed: list[str] = []
    seen: set[str] = set()

    def place(skill: str, trail: frozenset[str]) -> None:
        if skill in seen or skill in trail:
            return
        skill_obj = catalog.skills.get(skill)
        for prerequisite in skill_obj.prerequisites if skill_obj else ():
            if prerequisite in wanted:
                place(prerequisite, trail | {skill})
        seen.add(skill)
        placed.append(skill)

    for skill in ordered:
        place(skill, frozenset())
    return placed


def suggested_books(catalog: Catalog, profile: Profile, limit: int = 8) -> list[Book]:
    """Books of the bookmarked roles that are not on the reading list yet, newest first."""
    listed = {r.book for r in profile.reading}
    roles = {b.role for b in profile.bookmarks}
    books = [b for b in catalog.books.values() if b.id not in listed and roles & set(b.roles)]
    return sort_newest_first(books)[:limit]


@dataclass(frozen=True)
class Suggestion:
    role: str
    have: tuple[str, ...]
    missing: tuple[str, ...]  # in learning-plan order

    @property
    def coverage(self) -> float:
        total = len(self.have) + len(self.missing)
        return len(self.have) / total if total else 0.0


def suggest_roles(catalog: Catalog, have: Iterable[str], bookmarked: Iterable[str] = ()) -> list[Suggestion]:
    """Every role ranked by how much of it the user already covers (then by skills in common, then name)."""
    owned = set(have)
    marks = list(bookmarked)
    found = []
    for role in catalog.roles.values():
        gap = role_gap(catalog, role, owned, marks)
        found.append(Suggestion(role.slug, gap.have, tuple(step.skill for step in gap.plan)))
    found.sort(key=lambda s: (-s.coverage, -len(s.have), catalog.roles[s.role].name.casefold()))
    return found
