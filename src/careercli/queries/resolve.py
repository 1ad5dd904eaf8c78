"""One resolver for roles, skills and books, so the whole CLI forgives the same mistakes.

Order: exact id; the same text once case, spaces, hyphens and punctuation are ignored (against the id, the
name and any alias); a unique prefix of those; otherwise a :class:`NotFoundError` that names the closest
matches.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, TypeVar

from careercli.errors import NotFoundError

if TYPE_CHECKING:
    from careercli.model import Book, Catalog, Role, Skill

T = TypeVar("T")
_NON_ALNUM = re.compile(r"[^0-9a-z]+")


def normalise(text: str) -> str:
    """Case-folded, with everything but letters and digits removed: 'Back-End  Developer' -> 'backenddeveloper'."""
    folded = text.casefold().replace("+", "plus").replace("#", "sharp")
    return _NON_ALNUM.sub("", folded)


def _names(item: object) -> list[str]:
    names = [getattr(item, "id"), getattr(item, "name")]  # noqa: B009 - roles, skills and books share these
    names.extend(getattr(item, "aliases", ()))
    return names


def resolve(
    query: str,
    items: Mapping[str, T],
    kind: str,
    names: Callable[[T], Iterable[str]] = _names,  # type: ignore[assignment]
    list_hint: str | None = None,
) -> T:
    """Find one item by id, name or alias, forgiving case, spacing, hyphens and a unique prefix."""
    if query in items:
        return items[query]
    wanted = normalise(query)
    if not wanted:
        raise NotFoundError(f"no {kind} given", list_hint)
    exact: dict[str, T] = {}
    prefixed: dict[str, T] = {}
    for key, item in items.items():
        keys = [normalise(name) for name in names(item)]
        if wanted in keys:
            exact[key] = item
        elif any(k.startswith(wanted) for k in keys):
            prefixed[key] = item
    for found in (exact, prefixed):
        if len(found) == 1:
            return next(iter(found.values()))
        if len(found) > 1:
            choices = sorted(found)
            shown = ", ".join(f"'{c}'" for c in choices[:6]) + (", ..." if len(choices) > 6 else "")
            raise NotFoundError(f"'{query}' matches several {kind}s: {shown}; be more specific")
    close = suggest(query, items, names)
    message = f"unknown {kind} '{query}'"
    if close:
        message += "; did you mean " + _or_list(close) + "?"
    elif items:
        message += "; closest: " + ", ".join(f"'{c}'" for c in suggest(query, items, names, cutoff=0.0))
        if list_hint:
            message += f" ({list_hint.rstrip('.')})"
    raise NotFoundError(message)


def suggest(
    query: str,
    items: Mapping[str, T],
    names: Callable[[T], Iterable[str]] = _names,  # type: ignore[assignment]
    limit: int = 3,
    cutoff: float = 0.6,
) -> list[str]:
    """The ids of the items whose id, name or alias is closest to the query, best first."""
    wanted = normalise(query)
    if not wanted:
        return []
    scored: list[tuple[float, str]] = []
    matcher = difflib.SequenceMatcher(autojunk=False)
    matcher.set_seq2(wanted)
    for key, item in items.items():
        best = 0.0
        for name in names(item):
            candidate = normalise(name)
            matcher.set_seq1(candidate)
            if matcher.real_quick_ratio() <= best:
                continue
            ratio = matcher.ratio()
            if len(candidate) >= 3 and (wanted in candidate or candidate in wanted):
                ratio = max(ratio, 0.75)
            best = max(best, ratio)
        if best >= cutoff:
            scored.append((best, key))
    scored.sort(key=lambda pair: (-pair[0], pair[1]))
    if scored and cutoff > 0:
        # a clear winner hides the also-rans: 'bakend' suggests the back-end role, not every developer
        scored = [pair for pair in scored if pair[0] >= scored[0][0] - 0.12]
    return [key for _, key in scored[:limit]]


def _or_list(ids: list[str]) -> str:
    quoted = [f"'{i}'" for i in ids]
    if len(quoted) == 1:
        return quoted[0]
    return ", ".join(quoted[:-1]) + " or " + quoted[-1]


def resolve_role(catalog: Catalog, query: str) -> Role:
    return resolve(query, catalog.roles, "role", list_hint="'career list' shows every role.")


def resolve_skill(catalog: Catalog, query: str) -> Skill:
    return resolve(query, catalog.skills, "skill", list_hint="'career search --kind skill TEXT' finds skills.")


def resolve_book(catalog: Catalog, query: str) -> Book:
    return resolve(query, catalog.books, "book", list_hint="'career books --limit 0' lists every book.")
