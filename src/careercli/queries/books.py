"""Filtering the reading list."""

from __future__ import annotations

from careercli.errors import NotFoundError, clip
from careercli.model import Book, Catalog, sort_newest_first
from careercli.queries.ranking import newest_editions, work_key
from careercli.queries.resolve import normalise, resolve_role, resolve_skill, suggest
from careercli.records import record


@record
class BookFilter:
    role: str | None = None
    skill: str | None = None
    topic: str | None = None
    author: str | None = None
    since: int | None = None


@record
class _Topic:
    id: str
    name: str


def topics(catalog: Catalog) -> list[str]:
    return sorted({topic for book in catalog.books.values() for topic in book.topics})


def resolve_topic(catalog: Catalog, query: str) -> str:
    """A topic by exact name, normalised name or unique prefix, with suggestions on a miss."""
    known = topics(catalog)
    wanted = normalise(query)
    exact = [t for t in known if normalise(t) == wanted]
    if exact:
        return exact[0]
    prefixed = [t for t in known if wanted and normalise(t).startswith(wanted)]
    if len(prefixed) == 1:
        return prefixed[0]
    if len(prefixed) > 1:
        shown = ", ".join(f"'{t}'" for t in prefixed[:6]) + (", ..." if len(prefixed) > 6 else "")
        raise NotFoundError(f"'{clip(query)}' matches several topics: {shown}; be more specific")
    close = suggest(query, {t: _Topic(t, t) for t in known})
    hint = f"; did you mean {', '.join(repr(t) for t in close)}?" if close else ""
    raise NotFoundError(f"unknown topic '{clip(query)}'{hint}")


def filter_books(catalog: Catalog, spec: BookFilter, limit: int = 0) -> tuple[list[Book], int]:
    """The first ``limit`` books (0: all) that pass every given filter, newest first, and how many pass.

    Names are resolved like everywhere else. With no filter but the role, the catalog's indexes answer
    without looking at every book.
    """
    if spec.skill is None and spec.topic is None and spec.author is None and spec.since is None:
        if spec.role is None:
            ids = catalog.book_ids_newest_first()
        else:
            ids = catalog.book_ids_for_role(resolve_role(catalog, spec.role).slug)
        return _each_work_once(catalog, ids, limit)
    books = list(catalog.books.values())
    if spec.role is not None:
        slug = resolve_role(catalog, spec.role).slug
        books = [b for b in books if slug in b.roles]
    if spec.skill is not None:
        skill = resolve_skill(catalog, spec.skill).id
        books = [b for b in books if skill in b.skills]
    if spec.topic is not None:
        topic = resolve_topic(catalog, spec.topic)
        books = [b for b in books if topic in b.topics]
    if spec.author is not None:
        needle = spec.author.casefold().strip()
        books = [b for b in books if any(needle in author.casefold() for author in b.authors)]
    if spec.since is not None:
        books = [b for b in books if b.year is not None and b.year >= spec.since]
    ordered = newest_editions(sort_newest_first(books))
    return (ordered if limit == 0 else ordered[:limit]), len(ordered)


def _each_work_once(catalog: Catalog, ids: tuple[str, ...], limit: int) -> tuple[list[Book], int]:
    """The first ``limit`` works of a newest-first list, each as its newest edition, and how many works there
    are: counted exactly up to ``EXACT_COUNT`` listed books (scripts read it as the JSON ``total``); beyond that,
    where reading every book would cost a catalogue of packs its speed, every listed book counts."""
    out: list[Book] = []
    seen: set[tuple[str, str]] = set()
    for book_id in ids:
        book = catalog.books[book_id]
        key = work_key(book)
        if key in seen:
            continue
        seen.add(key)
        if limit and len(out) == limit:
            if len(ids) > EXACT_COUNT:
                return out, len(ids)
            continue
        out.append(book)
    return out, len(seen)


EXACT_COUNT = 5000
