"""Occupations in listings: search hits that merge after the curated ones, and the occupations of a SOC group.

Search hits are :class:`.search_index.Hit` objects of kind ``"occupation"`` (``id`` is the code), scored
on the curated index's scale: a title counts as a name (10 a word, 20 more when it is the whole title), an
alternate or reported title as an alias (9), a technology the occupation uses as a book's skill (3). A word that
is only part of a longer word counts 0.7 of that. :func:`merge` puts them with the curated hits; for equal
scores roles, skills and books come first.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Mapping

from careercli.errors import NotFoundError
from careercli.onet.groups import MAJOR_GROUPS, group_title
from careercli.onet.release import credit
from careercli.queries import occupations as occ
from careercli.queries.search import query_tokens
from careercli.queries.search_index import KINDS, Hit, words
from careercli.records import record

KIND = "occupation"
WEIGHTS = {"title": 10.0, "alternate": 9.0, "reported": 9.0, "technology": 3.0}
LABELS = {"title": "title", "alternate": "also called", "reported": "reported title", "technology": "technology"}
WHOLE_TITLE_BONUS = 20.0
PART_OF_WORD = 0.7


def search_hits(db: sqlite3.Connection, query: str, limit: int = 0) -> list[Hit]:
    """Occupations whose title, other title or technology holds every word of ``query``, best first.

    The query is read as the curated search reads it (stopwords dropped; a :class:`UsageError` when too long).
    """
    tokens = query_tokens(query)
    if not tokens:
        return []
    phrase = " ".join(tokens)
    hits = []
    for match in occ.search(db, phrase):
        held = set(words(match.matched))
        weight = WEIGHTS[match.kind]
        score = sum(weight * (1.0 if token in held else PART_OF_WORD) for token in tokens)
        if match.kind != "technology" and " ".join(words(match.matched)) == phrase:
            score += WHOLE_TITLE_BONUS
        label = "title" if match.kind == "title" else f"{LABELS[match.kind]}: {match.matched}"
        hits.append(Hit(KIND, match.code, match.title, round(score, 2), (label,)))
    hits.sort(key=lambda h: (-h.score, h.title.casefold(), h.id))
    return hits[:limit] if limit else hits


def merge(curated: list[Hit], occupations: list[Hit], limit: int = 0) -> list[Hit]:
    """One ranked list: by score, and for equal scores roles, skills and books before occupations."""
    order = {kind: i for i, kind in enumerate((*KINDS, KIND))}
    merged = sorted(curated + occupations, key=lambda h: (-h.score, order.get(h.kind, len(order))))
    return merged[:limit] if limit else merged


# -- SOC groups -----------------------------------------------------------------------------------------------
@record
class Group:
    """A SOC major group and how many occupations of it the data holds."""

    major: str
    title: str
    count: int


@record
class Row:
    code: str
    title: str
    role: str | None  # the first curated role that links to the occupation, if any
    roles: tuple[str, ...] = ()  # every curated role that links to it, in catalogue order


@record
class GroupListing:
    major: str
    title: str
    version: str
    credit: str
    occupations: tuple[Row, ...]


def _row(code: str, title: str, linked: str | tuple[str, ...] | None) -> Row:
    roles = (linked,) if isinstance(linked, str) else tuple(linked or ())
    return Row(code, title, roles[0] if roles else None, roles)


def groups(db: sqlite3.Connection) -> tuple[Group, ...]:
    """The major groups that have occupations in the data, by code."""
    rows = db.execute("SELECT substr(code, 1, 2), count(*) FROM occupation GROUP BY 1 ORDER BY 1")
    return tuple(Group(major, group_title(major), count) for major, count in rows)


def every(db: sqlite3.Connection) -> tuple[Row, ...]:
    """Every occupation in the data, by code."""
    return tuple(_row(m.code, m.title, None) for m in occ.by_group(db))


def major_of(text: str) -> str | None:
    """``15``, ``15-0000`` or ``15-`` as ``15``; None when the text is no SOC major group code."""
    match = re.fullmatch(r"\s*(\d{2})(?:-(?:0000)?)?\s*", text)
    return match.group(1) if match else None


def group_listing(
    db: sqlite3.Connection, group: str, curated: Mapping[str, str | tuple[str, ...]] | None = None
) -> GroupListing:
    """The occupations of one SOC major group by code, marking those curated roles link to (``curated``: each
    code's role, or all its roles).

    A :class:`NotFoundError` names the groups there are when ``group`` is no group code or has no occupations.
    """
    major = major_of(group)
    rows = occ.by_group(db, major) if major else []
    if not rows:
        known = ", ".join(g.major for g in groups(db))
        what = f"SOC group {major} ({group_title(major)})" if major in MAJOR_GROUPS else f"SOC group '{group[:20]}'"
        raise NotFoundError(f"no occupations of {what} in the O*NET data", f"groups with occupations: {known}")
    assert major is not None
    curated = curated or {}
    release = occ.version(db)
    return GroupListing(
        major,
        group_title(major),
        release,
        credit(release),
        tuple(_row(m.code, m.title, curated.get(m.code)) for m in rows),
    )
