"""The skill gap between the user and a role, and the learning plan that closes it.

A role's key skills are counted in *units*: a skill on its own is one unit, and a skill group ("one of":
a server-side language, a cloud provider) is one unit however many of its members the user knows. A missing
group becomes one plan step that offers its members and suggests the one nearest to what the user knows.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from careercli.model import Book, Catalog, Role, SkillGroup, sort_newest_first
from careercli.queries.ranking import books_for_skill
from careercli.records import record

if TYPE_CHECKING:
    from careercli.profile import Profile

# skills every role lists and nobody is hired for alone: they weigh a quarter of a core skill in a score
GENERIC = frozenset({"git", "debugging", "communication", "problem-solving", "programming-fundamentals"})
GENERIC_WEIGHT = 0.25

# a small curated nearness: knowing the key makes each listed skill quicker to learn
NEAR: dict[str, tuple[str, ...]] = {
    "java": ("csharp", "kotlin"),
    "csharp": ("java",),
    "kotlin": ("java",),
    "python": ("ruby",),
    "ruby": ("python",),
    "cpp": ("c", "rust", "csharp"),
    "c": ("cpp", "rust"),
    "rust": ("cpp", "c"),
    "go": ("c",),
    "javascript": ("nodejs", "typescript"),
    "typescript": ("nodejs", "javascript"),
    "php": ("python", "ruby"),
}


@record
class PlanStep:
    skill: str  # the skill to learn; for a group, the member suggested
    books: tuple[str, ...]  # book ids that cover it, best fit first (each work once)
    needed_by: int  # how many of the user's bookmarked roles list it
    prerequisite_of: tuple[str, ...] = ()  # missing skills in the plan that build on it
    group: str = ""  # the skill group's name when any one of ``choices`` will do
    choices: tuple[str, ...] = ()  # the group's members, the suggested one first
    other_roles: int = 0  # how many other roles of the catalogue list it as a key skill
    foundation: bool = False  # not a key skill of the role: a prerequisite the learner lacks
    after: tuple[str, ...] = ()  # steps placed before it because it builds on them
    level: str = "introductory"  # the learner's level for this skill (see :func:`learner_level`)
    first: str = ""  # the book to start with: it teaches the skill at that level; "" when none does
    docs: str = ""  # the skill's official documentation, where the catalogue records it


@record
class Gap:
    role: str
    have: tuple[str, ...]  # the role's key skills the user has
    missing: tuple[str, ...]  # one skill per missing unit, in the role's order
    plan: tuple[PlanStep, ...]
    units: int = 0  # skills on their own plus groups; 0: count have + missing

    @property
    def total(self) -> int:
        return self.units or len(self.have) + len(self.missing)

    @property
    def covered(self) -> int:
        return self.total - len(self.missing)

    @property
    def coverage(self) -> float:
        return self.covered / self.total if self.total else 1.0


def books_teaching(catalog: Catalog, skill: str, role: str | None = None) -> list[Book]:
    """Books that cover a skill, best fit first (see ``queries.ranking``)."""
    return books_for_skill(catalog, skill, catalog.roles.get(role) if role else None)


def units_of(role: Role) -> list[tuple[str, ...]]:
    """The role's key skills as units in the role's order: a group is one unit, where its first member stands."""
    group_of = {m: g for g in role.skill_groups for m in g.skills}
    seen: set[str] = set()
    units: list[tuple[str, ...]] = []
    for skill in role.key_skills:
        group = group_of.get(skill)
        if group is None:
            units.append((skill,))
        elif group.name not in seen:
            seen.add(group.name)
            units.append(group.skills)
    return units


def nearest(catalog: Catalog, members: Iterable[str], owned: set[str]) -> list[str]:
    """A group's members ordered by nearness to what the user knows (curated nearness, a prerequisite the user
    has, a prerequisite shared with a skill the user has); ties keep the data's order."""
    shared = {p for s in owned if s in catalog.skills for p in catalog.skills[s].prerequisites}

    def score(skill: str) -> int:
        found = catalog.skills.get(skill)
        pre = set(found.prerequisites) if found else set()
        if any(skill in NEAR.get(s, ()) for s in owned):
            return 0
        if pre & owned:
            return 1
        if pre & shared:
            return 2
        return 3

    return sorted(members, key=score)


def role_gap(catalog: Catalog, role: Role, have: Iterable[str], bookmarked: Iterable[str] = ()) -> Gap:
    """What the user has of the role's key skills, what is missing, and the order to learn the rest.

    The one plan of ``gap``, ``plan``, the export and their JSON: see :func:`_plan` for its order.
    """
    owned = set(have)
    marks = list(bookmarked)
    units, has, missing, plan, picks, names = _plan(catalog, role, owned, marks)
    demand = _demand(catalog, plan, marks)
    placed = set(plan)
    after = {s: tuple(p for p in _requires(catalog, s, plan) if p in placed) for s in plan}
    users = {s: tuple(m for m in plan if s in after[m]) for s in plan}
    keys = set(missing)
    others = {s: sum(1 for r in catalog.roles.values() if r.slug != role.slug and s in r.key_skills) for s in plan}
    steps = []
    for index, s in enumerate(plan):
        level = learner_level(catalog, s, owned | set(plan[:index]))
        ranked = books_for_skill(catalog, s, role)
        first = first_book(s, level, ranked)
        books = ([first] if first else []) + [b for b in ranked if b is not first]
        found = catalog.skills.get(s)
        steps.append(
            PlanStep(
                s,
                tuple(b.id for b in books[:3]),
                demand[s],
                users[s],
                names.get(s, ""),
                picks.get(s, ()),
                others[s],
                s not in keys,
                after[s],
                level,
                first.id if first else "",
                found.docs if found else "",
            )
        )
    return Gap(role.slug, has, tuple(missing), tuple(steps), len(units))


def learner_level(catalog: Catalog, skill: str, owned: set[str]) -> str:
    """The level a learner starts a skill at: "intermediate" when they know a skill it builds on directly
    (programming fundamentals alone do not count) or a near one (Java for Kotlin); else "introductory".
    A plan passes what the learner has plus its earlier steps: SLOs, after an Observability step, may start
    with an intermediate book; the plan's first steps, for someone with nothing recorded, are introductory."""
    found = catalog.skills.get(skill)
    built_on = set(found.prerequisites) - {"programming-fundamentals"} if found else set()
    if built_on & owned or any(skill in NEAR.get(s, ()) for s in owned):
        return "intermediate"
    return "introductory"


# the book levels a learner may start with: never an advanced book first, a beginner only an introductory one
STARTING_LEVELS = {"introductory": ("introductory",), "intermediate": ("introductory", "intermediate")}


def first_book(skill: str, level: str, ranked: Iterable[Book]) -> Book | None:
    """The best-ranked book that teaches the skill (one of its main subjects) at a level the learner can start
    with; None when none does (a book that only touches the subject never starts a step)."""
    levels = STARTING_LEVELS.get(level, ("introductory",))
    return next((b for b in ranked if skill in b.teaches and b.level in levels), None)


def _plan(
    catalog: Catalog, role: Role, owned: set[str], bookmarked: Iterable[str]
) -> tuple[list[tuple[str, ...]], tuple[str, ...], list[str], list[str], dict[str, tuple[str, ...]], dict[str, str]]:
    """The role's units, the key skills had, one missing skill per missing unit, the learning plan, and for a
    missing group its choices and name. Reads only the role and the skills it names (never every role or every
    book), so that ranking every role (:func:`suggest_roles`) stays linear in the catalogue.

    The plan is a topological order of the skill graph (``prerequisites`` in skills.toml): the missing key
    skills, taken by how many bookmarked roles need them and then in the role's own order, each preceded by what
    it builds on that the learner lacks, in the order the prerequisites are written. A prerequisite that is not
    a key skill of the role is a *foundation* step; one the learner has, or that a skill of theirs builds on
    (Python implies programming fundamentals), is left out. A skill that builds on programming fundamentals and
    is not a language itself also comes after the plan's language steps (a language before observability).
    """
    units = units_of(role)
    has = tuple(s for s in role.key_skills if s in owned)
    picks: dict[str, tuple[str, ...]] = {}  # the missing skill -> its group's choices, nearest first
    names: dict[str, str] = {}
    groups = {g.skills: g for g in role.skill_groups}
    missing: list[str] = []
    for unit in units:
        if owned & set(unit):
            continue
        if len(unit) == 1:
            missing.append(unit[0])
            continue
        choices = tuple(nearest(catalog, unit, owned))
        missing.append(choices[0])
        picks[choices[0]] = choices
        names[choices[0]] = groups.get(unit, SkillGroup("", ())).name
    demand = _demand(catalog, missing, bookmarked)
    importance = {s: i for i, s in enumerate(missing)}
    ordered = sorted(missing, key=lambda s: (-demand[s], importance[s]))
    return units, has, missing, _topological(catalog, ordered, _implied(catalog, owned)), picks, names


def _implied(catalog: Catalog, owned: set[str]) -> set[str]:
    """The skills the user has and every skill those build on (knowing Python implies programming basics)."""
    known: set[str] = set()
    todo = list(owned)
    while todo:
        skill = todo.pop()
        if skill in known:
            continue
        known.add(skill)
        found = catalog.skills.get(skill)
        todo.extend(found.prerequisites if found else ())
    return known


def _is_language(catalog: Catalog, skill: str) -> bool:
    """A programming language (one built on programming fundamentals: not SQL, not Bash)."""
    found = catalog.skills.get(skill)
    return found is not None and found.kind == "language" and "programming-fundamentals" in _implied(catalog, {skill})


def _requires(catalog: Catalog, skill: str, plan: Iterable[str]) -> list[str]:
    """What a step builds on: its prerequisites, and the plan's languages for a skill built on programming
    fundamentals that is not a language itself."""
    found = catalog.skills.get(skill)
    needs = list(found.prerequisites) if found else []
    if "programming-fundamentals" in needs and not _is_language(catalog, skill):
        needs += [s for s in plan if s != skill and _is_language(catalog, s) and s not in needs]
    return needs


def _demand(catalog: Catalog, missing: list[str], bookmarked: Iterable[str]) -> dict[str, int]:
    """How many of the bookmarked roles list each missing skill."""
    marks = [catalog.roles[r] for r in bookmarked if r in catalog.roles]
    return {s: sum(1 for r in marks if s in r.key_skills) for s in missing}


def _topological(catalog: Catalog, ordered: list[str], known: set[str]) -> list[str]:
    """The missing key skills in ``ordered`` order, each after the skills it builds on that are not ``known``
    (foundations included); a depth-first, stable topological order."""
    keys = set(ordered)
    placed: list[str] = []
    seen: set[str] = set()

    def place(skill: str, trail: frozenset[str]) -> None:
        if skill in seen or skill in trail:
            return
        for prerequisite in _requires(catalog, skill, ordered):
            if prerequisite in keys or (prerequisite not in known and prerequisite in catalog.skills):
                place(prerequisite, trail | {skill})
        seen.add(skill)
        placed.append(skill)

    for skill in ordered:
        place(skill, frozenset())
    return placed


def step_reasons(step: PlanStep, catalog: Catalog) -> list[str]:
    """Why a step is in the plan at its place, in words: first the rule that placed it (a foundation of later
    steps, after the steps it builds on, a prerequisite of later steps, bookmarks, the role's order), then a
    choice and how common it is."""

    def names(skills: Iterable[str]) -> str:
        return ", ".join(catalog.skill_name(s) for s in skills)

    reasons = []
    if step.foundation:
        reasons.append(f"foundation of {names(step.prerequisite_of)}")
    else:
        if step.after:
            reasons.append(f"after {names(step.after)}, which it builds on")
        if step.prerequisite_of:
            reasons.append("prerequisite of " + names(step.prerequisite_of))
        if step.needed_by:
            reasons.append(f"needed by {step.needed_by} bookmarked role{'s' if step.needed_by > 1 else ''}")
        if not reasons:
            reasons.append("key skill, in the role's order")
    if step.choices:
        reasons.append(f"pick one {step.group}: " + names(step.choices))
    if step.other_roles:
        reasons.append(f"a key skill of {step.other_roles} other role{'s' if step.other_roles > 1 else ''}")
    return reasons


def suggested_books(catalog: Catalog, profile: Profile, limit: int = 8) -> list[Book]:
    """Books of the bookmarked roles that are not on the reading list yet, newest first."""
    from careercli.profile import same_title

    listed = {r.book for r in profile.reading}
    own = [r.title for r in profile.reading if r.custom]  # a book the user listed before the catalogue had it
    roles = {b.role for b in profile.bookmarks}
    books = [b for b in catalog.books.values() if b.id not in listed and roles & set(b.roles)]
    books = [b for b in books if not any(same_title(t, b.title) for t in own)]
    return sort_newest_first(books)[:limit]


@record
class ScoreLine:
    """One unit of a role's score: its skills, its weight and whether the user has it."""

    skills: tuple[str, ...]
    weight: float
    have: bool
    group: str = ""


# -- the mix behind ``career suggest`` ----------------------------------------------------------------------------
# Each part is a value from 0 to 1 with a weight; a part that is not known (no saved discover answers, an
# occupation without an interest profile or job zone) is left out and the others share its weight:
#   skills       the weighted share of the role's key skills you have (generic skills count a quarter)
#   path         how close you are to the role by the catalogue's career paths: the best skills share among the
#                role itself and the roles that list it as a next step (a back-end developer's next steps include
#                data engineering), so that a move people make from where you stand ranks above a chance overlap
#   interests    the interest fit of the role's occupation to your saved discover answers (below 0 counts as 0)
#   preparation  1 when the occupation's job zone is one you accepted, 0.5 one zone away, else 0
MIX = (("skills", 0.5), ("path", 0.35), ("interests", 0.1), ("preparation", 0.05))


@record
class MixPart:
    name: str  # one of MIX's names
    value: float | None  # 0 to 1; None: not known, left out of the mix
    weight: float
    via: str = ""  # the path part: the role whose skills share it is (filled by ``career suggest --why``)


def mix(parts: Iterable[MixPart]) -> float:
    """The weighted mean of the parts that are known."""
    known = [p for p in parts if p.value is not None]
    total = sum(p.weight for p in known)
    return sum(p.weight * (p.value or 0.0) for p in known) / total if total else 0.0


@record
class Leanings:
    """What saved discover answers say of occupations, by O*NET code: the interest fit (x100, None: no interest
    profile) and the job zone (None: O*NET gives none); and the job zones the person accepted."""

    fits: dict[str, int | None]
    zones: dict[str, int | None]
    accepted: tuple[int, ...]

    def interest(self, code: str) -> float | None:
        found = self.fits.get(code)
        return None if found is None else max(found, 0) / 100

    def preparation(self, code: str) -> float | None:
        zone = self.zones.get(code)
        if zone is None or not self.accepted:
            return None
        away = min(abs(zone - z) for z in self.accepted)
        return 1.0 if away == 0 else 0.5 if away == 1 else 0.0


def mix_parts(skills: float, step: float, code: str, leanings: Leanings | None) -> tuple[MixPart, ...]:
    """The parts of one role's score (``code``: its O*NET occupation, "" or "none" when it has none)."""
    values = [skills, step, None, None]
    if leanings is not None:
        values[2], values[3] = leanings.interest(code), leanings.preparation(code)
    return tuple(MixPart(name, value, weight) for (name, weight), value in zip(MIX, values, strict=True))


@record
class Suggestion:
    role: str
    have: tuple[str, ...]
    missing: tuple[str, ...]  # in learning-plan order
    score: float = 0.0  # the mix of the parts (see MIX)
    units: int = 0
    parts: tuple[MixPart, ...] = ()

    @property
    def coverage(self) -> float:
        total = self.units or len(self.have) + len(self.missing)
        return (total - len(self.missing)) / total if total else 0.0


def explain_score(catalog: Catalog, role: Role, have: Iterable[str]) -> tuple[ScoreLine, ...]:
    """Each unit of the role with its weight (generic skills such as git weigh less) and whether it is had."""
    owned = set(have)
    groups = {g.skills: g.name for g in role.skill_groups}
    return tuple(
        ScoreLine(
            unit,
            min(GENERIC_WEIGHT if s in GENERIC else 1.0 for s in unit),
            bool(owned & set(unit)),
            groups.get(unit, ""),
        )
        for unit in units_of(role)
    )


def weighted_score(lines: Iterable[ScoreLine]) -> float:
    items = list(lines)
    total = sum(line.weight for line in items)
    return sum(line.weight for line in items if line.have) / total if total else 0.0


def suggest_roles(
    catalog: Catalog, have: Iterable[str], bookmarked: Iterable[str] = (), leanings: Leanings | None = None
) -> list[Suggestion]:
    """Every role ranked by the mix of :data:`MIX` (best first; then by the skills share, skills in common and
    name)."""
    return rank_roles(catalog, have, bookmarked, leanings=leanings)[0]


def rank_roles(
    catalog: Catalog,
    have: Iterable[str],
    bookmarked: Iterable[str] = (),
    limit: int = 0,
    leanings: Leanings | None = None,
) -> tuple[list[Suggestion], int]:
    """The first ``limit`` of :func:`suggest_roles` (0: all) and how many roles there are.

    Linear in the catalogue, and light: the roles are scored from a table stored with the catalogue
    (:func:`stored_tables`) that lists, for each skill, the roles and units it is part of, each role's next steps
    and its occupation, so that no role is read whole to be scored; without discover answers only the roles
    sharing a skill with the user, or a next step of one, are scored at all, and the others follow by name. Only
    the roles shown are read whole, for their learning plan. The skills part is :func:`weighted_score` of
    :func:`explain_score`."""
    owned = set(have)
    marks = list(bookmarked)
    table = catalog.table("suggest")
    if not _current(table, len(catalog.roles)):
        table = _suggest_table(catalog)
    slugs, codes = table[1], table[7]
    found = []
    for index, skills, step in itertools.islice(_ranked(table, owned, leanings), limit or None):
        role = catalog.roles[slugs[index]]
        units, has_skills, missing, plan, _picks, _names = _plan(catalog, role, owned, marks)
        parts = mix_parts(skills, step, codes[index], leanings)
        keys = set(missing)  # the key skills in the plan's order, without its foundations
        learn = tuple(s for s in plan if s in keys)
        found.append(Suggestion(role.slug, has_skills, learn, mix(parts), len(units), parts))
    return found, len(slugs)


def path_share(catalog: Catalog, role: Role, have: Iterable[str]) -> tuple[float, str]:
    """The path part of one role: the best skills share among the role and the roles that list it as a next
    step, and the role it comes from (the role's own slug when none is nearer)."""
    owned = set(have)
    best, via = weighted_score(explain_score(catalog, role, owned)), role.slug
    for other in catalog.roles.values():
        if other.slug != role.slug and role.slug in other.next_roles:
            share = weighted_score(explain_score(catalog, other, owned))
            if share > best:
                best, via = share, other.slug
    return best, via


def _ranked(table: tuple, owned: set[str], leanings: Leanings | None) -> Iterator[tuple[int, float, float]]:
    """The roles' indexes with their skills and path parts, best mix first (then by skills part, skills had
    and name); without discover answers the roles with neither part follow by name (ties keep the catalogue's
    order)."""
    _fingerprint, _slugs, names, totals, by_name, postings, nexts, codes = table
    hits: dict[int, dict[int, float]] = {}
    had: dict[int, int] = {}
    for skill in owned:
        for role, unit, weight, key in postings.get(skill, ()):
            hits.setdefault(role, {})[unit] = weight
            had[role] = had.get(role, 0) + key
    share: dict[int, float] = {}
    for role, units in hits.items():
        share[role] = round(sum(units[u] for u in sorted(units)) / totals[role], 9)  # as weighted_score adds them
    step: dict[int, float] = dict(share)  # a role is as near as itself ...
    for role, value in share.items():  # ... or as a role that leads to it
        for after in nexts[role]:
            if after != role and value > step.get(after, 0.0):
                step[after] = value
    scored = []
    candidates = range(len(names)) if leanings is not None else set(share) | set(step)
    (_, w_skills), (_, w_path), (_, w_interests), (_, w_zone) = MIX
    by_code: dict[str, tuple[tuple[float, float], ...]] = {}  # the interests and preparation parts known, weighted
    for role in candidates:
        skills, near = share.get(role, 0.0), step.get(role, 0.0)
        # the sums of mix(mix_parts(...)), without a record a role
        known: tuple[tuple[float, float], ...] = ((w_skills, skills), (w_path, near))
        if leanings is not None:
            code = codes[role]
            if code not in by_code:
                values = ((w_interests, leanings.interest(code)), (w_zone, leanings.preparation(code)))
                by_code[code] = tuple((w, v) for w, v in values if v is not None)
            known += by_code[code]
        total = round(sum(w * v for w, v in known) / sum(w for w, _ in known), 9)
        scored.append((-total, -skills, -had.get(role, 0), names[role], role, skills, near))
    scored.sort()
    yield from ((entry[4], entry[5], entry[6]) for entry in scored)
    if leanings is None:
        yield from ((role, 0.0, 0.0) for role in by_name if role not in share and role not in step)


def _fingerprint() -> tuple[tuple[str, ...], float, tuple[tuple[str, float], ...]]:
    return tuple(sorted(GENERIC)), GENERIC_WEIGHT, MIX


def _current(table: object, roles: int) -> bool:
    """A stored table of this code's weights and of as many roles as the catalogue (else it is worked out)."""
    return (
        isinstance(table, tuple)
        and len(table) == 8
        and table[0] == _fingerprint()
        and isinstance(table[1], tuple)
        and len(table[1]) == roles
        and isinstance(table[4], tuple)
        and isinstance(table[5], dict)
        and isinstance(table[6], tuple)
        and len(table[6]) == roles
        and isinstance(table[7], tuple)
        and len(table[7]) == roles
    )


def _suggest_table(catalog: Catalog) -> tuple:
    """The weights' fingerprint, the roles' slugs, names (case-folded) and total weights, their indexes by name,
    ``{skill: ((role index, unit index, unit weight, 1 if a key skill else 0), ...)}`` over every role's units,
    each role's next steps (as role indexes) and each role's O*NET code."""
    slugs, names, totals, nexts, codes = [], [], [], [], []
    postings: dict[str, list[tuple[int, int, float, int]]] = {}
    for index, role in enumerate(catalog.roles.values()):
        slugs.append(role.slug)
        names.append(role.name.casefold())
        nexts.append(role.next_roles)
        codes.append(role.onet)
        total = 0.0
        for position, unit in enumerate(units_of(role)):
            weight = min(GENERIC_WEIGHT if s in GENERIC else 1.0 for s in unit)
            total += weight
            for skill in unit:  # a group's member covers its unit; a key skill also counts as a skill had
                postings.setdefault(skill, []).append((index, position, weight, int(skill in role.key_skills)))
        totals.append(total)
    by_name = tuple(sorted(range(len(names)), key=lambda i: (names[i], i)))
    position_of = {slug: i for i, slug in enumerate(slugs)}
    steps = tuple(tuple(position_of[s] for s in after if s in position_of) for after in nexts)
    return (_fingerprint(), tuple(slugs), tuple(names), tuple(totals), by_name,
            {skill: tuple(rows) for skill, rows in postings.items()}, steps, tuple(codes))  # fmt: skip


def stored_tables(catalog: Catalog) -> dict[str, object]:
    """What a stored catalogue keeps of this module (read back with ``Catalog.table``): the table that ranks the
    roles for ``career suggest`` without reading 10,000 roles one object at a time."""
    return {"suggest": _suggest_table(catalog)}
