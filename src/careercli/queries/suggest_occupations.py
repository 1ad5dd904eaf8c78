"""O*NET occupations in ``career suggest``, ranked with the curated roles by the same mix (:data:`gap.MIX`).

The occupations are those of the O*NET data that no curated role links to (a linked one is there as its roles).
An occupation's key skills are the careercli skills its hot and in-demand technologies name, as for ``gap``
(:func:`careercli.queries.lookup.as_role`); its skills part is the weighted share of them you have over all its
hot and in-demand technologies (one careercli has no skill for counts as one not known to be had); it has no
career paths, so its path part is its skills part. When too
few of its technologies are careercli skills (:func:`careercli.queries.lookup.unmeasurable`'s rule) its skills
cannot be measured: the skills and path parts are not known, and its score is its interests and preparation parts
at their own weights (at most 0.15 of the whole), so that it ranks among the others by how it suits you without
passing moves your skills support. Without saved discover answers such an occupation scores 0 and comes last.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Mapping

from careercli.queries.gap import GENERIC, GENERIC_WEIGHT, MIX, Leanings, MixPart, Suggestion, mix
from careercli.queries.lookup import MEASURABLE_SHARE, MEASURABLE_SKILLS
from careercli.records import record


@record
class Candidate:
    """An occupation as ``suggest`` sees it: its key skills (None: not measurable) and its title."""

    code: str
    title: str
    description: str
    skills: tuple[str, ...] | None
    technologies: int = 0  # its hot and in-demand technologies, careercli skills or not


def candidates(db: sqlite3.Connection, index: Mapping[str, str], linked: Iterable[str]) -> list[Candidate]:
    """Every occupation of ``db`` no curated role links to (``linked``: their codes), with its key skills from
    ``index`` (:func:`careercli.queries.occupations.skill_index`): two queries, not one page an occupation."""
    from careercli.onet.db import normalise

    skip = set(linked)
    hot: dict[str, list[tuple[bool, str]]] = {}
    rows = db.execute(
        "SELECT code, name, in_demand FROM technology WHERE hot = 1 OR in_demand = 1 ORDER BY code, position"
    )
    for code, name, in_demand in rows:
        hot.setdefault(code, []).append((not in_demand, name))
    found = []
    for code, title, description in db.execute("SELECT code, title, description FROM occupation ORDER BY code"):
        if code in skip:
            continue
        chosen = sorted(hot.get(code, []), key=lambda t: t[0])  # in-demand first, as Occupation.hot_technologies
        mapped = tuple(dict.fromkeys(s for s in (index.get(normalise(n)) for _, n in chosen) if s))
        measured = len(mapped) >= MEASURABLE_SKILLS and len(mapped) >= MEASURABLE_SHARE * len(chosen)
        found.append(Candidate(code, title, description, mapped if measured else None, len(chosen)))
    return found


def measured(candidate: Candidate) -> bool:
    return candidate.skills is not None


def rank(found: Iterable[Candidate], have: Iterable[str], leanings: Leanings | None) -> list[Suggestion]:
    """The occupations as suggestions, best score first (then by skills part and code); ``kind`` is "occupation"."""
    owned = set(have)
    out = []
    for candidate in found:
        skills = candidate.skills
        if skills is None:
            share = None
            had: tuple[str, ...] = ()
            missing: tuple[str, ...] = ()
        else:
            # over every hot technology: one careercli does not know may be one you lack, so it is not left out
            # (a share over the few it knows put fraud examiners first for python and sql)
            weights = {s: GENERIC_WEIGHT if s in GENERIC else 1.0 for s in skills}
            total = sum(weights.values()) + max(candidate.technologies - len(skills), 0)
            share = sum(w for s, w in weights.items() if s in owned) / total if total else 0.0
            had = tuple(s for s in skills if s in owned)
            missing = tuple(s for s in skills if s not in owned)
        values = [share, share, None, None]
        if leanings is not None:
            values[2], values[3] = leanings.interest(candidate.code), leanings.preparation(candidate.code)
        parts = tuple(MixPart(name, value, weight) for (name, weight), value in zip(MIX, values, strict=True))
        score = mix(parts) if share is not None else sum(p.weight * (p.value or 0.0) for p in parts)
        out.append(Suggestion(candidate.code, had, missing, score, len(skills or ()), parts, "occupation",
                              share is not None))  # fmt: skip
    out.sort(key=lambda s: (-round(s.score, 9), -(s.parts[0].value or 0.0), s.role))
    return out


def merged(roles: list[Suggestion], occupations: list[Suggestion], limit: int) -> list[Suggestion]:
    """Roles and occupations in one ranking, by score (for equal scores, roles first); each list keeps its order."""
    import heapq

    both = heapq.merge(roles, occupations, key=lambda s: -round(s.score, 9))
    out = list(both)
    return out[:limit] if limit else out


def role_of(candidate: Candidate, version: str) -> object:
    """The occupation as a role-like record (:func:`careercli.queries.lookup.as_role`'s shape), for the views that
    name roles by id."""
    from careercli.model import Role

    return Role(
        slug=candidate.code,
        name=candidate.title,
        category="occupation",
        summary=candidate.description,
        what_they_do=candidate.description,
        what_to_learn=(),
        key_skills=candidate.skills or (),
        challenges=(),
        career_prospects=(),
        next_roles=(),
        related_roles=(),
        source=f"O*NET {version}".strip(),
        onet=candidate.code,
    )
