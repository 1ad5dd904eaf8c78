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
from careercli.queries.search_index import KINDS, STOPWORDS, Hit, stem, stem_root, word_score, words
from careercli.records import record

KIND = "occupation"
WEIGHTS = {"title": 10.0, "alternate": 9.0, "reported": 9.0, "technology": 3.0}
LABELS = {"title": "title", "alternate": "also called", "reported": "reported title", "technology": "technology"}
# the bonus of a query that is a whole title (word for word, or stem for stem) or a whole other title (or the
# part of one in or before brackets: 'CTO' and 'Chief Technology Officer' of 'Chief Technology Officer (CTO)')
WHOLE = {"title": (20.0, 16.0), "alternate": (14.0, 11.0), "reported": (14.0, 11.0)}
COVERAGE = 2.0  # times the share of a title's words the query matched: 'nurses' is most of 'Registered Nurses'
_BRACKETS = re.compile(r"[()]")


def search_hits(db: sqlite3.Connection, query: str, limit: int = 0) -> list[Hit]:
    """Occupations whose titles, other titles and technologies hold every word of ``query``, best first.

    A query word matches a word of a name exactly (1), by stem (0.9: 'nurses' and 'nurse', 'plumbing' and
    'plumber') or, from four letters on, as its start (0.7); a shorter word ('cto') only whole words. Each word
    scores the best field it matched (weights :data:`WEIGHTS`) as curated search does, a field that holds every
    word adds half its weight, a whole title or other title adds :data:`WHOLE`, and the share of a title's words
    the query covers adds up to :data:`COVERAGE`. The query is read as the curated search reads it (stopwords
    dropped; a :class:`UsageError` when too long).
    """
    tokens = query_tokens(query)
    if not tokens:
        return []
    stems = [stem(t) for t in tokens]
    roots = [stem_root(t) for t in tokens]
    by_code: dict[str, list[tuple[str, str, str]]] = {}
    for code, title, kind, text in occ.fields_holding(db, roots):
        by_code.setdefault(code, []).append((title, kind, text))
    exact_name, stem_name = " ".join(tokens), " ".join(stems)
    hits = []
    for code, fields in by_code.items():
        found = _score(tokens, stems, exact_name, stem_name, fields)
        if found is not None:
            score, label = found
            hits.append(Hit(KIND, code, fields[0][0], round(score, 2), (label,)))
    hits.sort(key=lambda h: (-h.score, h.title.casefold(), h.id))
    return hits[:limit] if limit else hits


def _quality(token: str, token_stem: str, held: list[str]) -> float:
    """How well one query word matches the best of a name's words: exactly, by stem, as a prefix, or not (0)."""
    best = 0.0
    for word in held:
        if word == token:
            return 1.0
        if stem(word) == token_stem:
            best = max(best, 0.9)
        elif len(token) >= 4 and word.startswith(token):
            best = max(best, 0.7)
    return best


def _score(tokens: list[str], stems: list[str], exact_name: str, stem_name: str,
           fields: list[tuple[str, str, str]]) -> tuple[float, str] | None:  # fmt: skip
    """An occupation's score and the label of its best field, or None when some query word matches nothing."""
    best = [0.0] * len(tokens)
    count = [0] * len(tokens)
    extra = 0.0  # the phrase, whole-name and coverage bonuses: the best field's
    label, label_value = "", -1.0
    for _title, kind, text in fields:
        held = words(text)
        weight = WEIGHTS[kind]
        values = [weight * _quality(t, s, held) for t, s in zip(tokens, stems, strict=True)]
        for i, value in enumerate(values):
            if value:
                best[i] = max(best[i], value)
                count[i] += 1
        bonus = 0.0
        if kind != "technology" and all(values):
            if len(tokens) > 1:
                bonus += weight * 0.5
            names = [words(part) for part in _BRACKETS.split(text)]
            if any(" ".join(n) == exact_name for n in names):
                bonus += WHOLE[kind][0]
            elif any(" ".join(map(stem, n)) == stem_name for n in names):
                bonus += WHOLE[kind][1]
            meaningful = [w for w in held if w not in STOPWORDS]
            bonus += COVERAGE * weight / 10 * min(1.0, len(tokens) / max(1, len(meaningful)))
        extra = max(extra, bonus)
        value = sum(values) + bonus
        if value > label_value:
            label = "title" if kind == "title" else f"{LABELS[kind]}: {text}"
            label_value = value
    if not all(best):
        return None
    total = sum(word_score(b, n) for b, n in zip(best, count, strict=True)) + extra
    return total, label


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
