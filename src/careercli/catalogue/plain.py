"""The plain form of model items (tuples of strings, numbers and tuples, in field order) that ``marshal`` stores,
and the items made again from it."""

from __future__ import annotations

import operator

from careercli.model import Book, Challenge, Role, Skill, SkillGroup

TYPE_CHECKING = False  # typing imports re, enum and collections at run time: piped listings need none
if TYPE_CHECKING:
    from typing import Any

_ROLE_FIELDS = operator.attrgetter(*Role.__annotations__)
_CHALLENGES = tuple(Role.__annotations__).index("challenges")
_GROUPS = tuple(Role.__annotations__).index("skill_groups")


def role_plain(r: Role) -> tuple[Any, ...]:
    values = list(_ROLE_FIELDS(r))
    values[_CHALLENGES] = tuple((c.title, c.why) for c in r.challenges)
    values[_GROUPS] = tuple((g.name, g.skills) for g in r.skill_groups)
    return tuple(values)


def role_from_plain(values: tuple[Any, ...]) -> Role:
    if len(values) != len(Role.__annotations__):
        raise ValueError("a stored role of another shape")
    fields = list(values)
    fields[_CHALLENGES] = tuple([Challenge(title, why) for title, why in fields[_CHALLENGES]])
    fields[_GROUPS] = tuple([SkillGroup(name, skills) for name, skills in fields[_GROUPS]])
    return Role(*fields)


skill_plain = operator.attrgetter(*Skill.__annotations__)  # a tuple of the fields, in order


def skill_from_plain(values: tuple[Any, ...]) -> Skill:
    return Skill(*values)


book_plain = operator.attrgetter(*Book.__annotations__)


def book_from_plain(values: tuple[Any, ...]) -> Book:
    return Book(*values)
