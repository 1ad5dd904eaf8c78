"""Which books to read, in which order: editions as one work, and ranking by fit before date.

A book's fit for a plan step: it *teaches* the skill (one of its main subjects), it is canonical for the role,
it is on the role's own list, more roles mark it canonical (a book practitioners are expected to know), it has
fewer main subjects (a book about this skill alone); then the newest first. Editions of one work (same title and
first author) count once: the newest edition stands for the work in every list; ``editions_of`` gives them all.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from careercli.model import Book, Catalog, Role, sort_newest_first
from careercli.records import record


def work_key(book: Book) -> tuple[str, str]:
    """What identifies a work across its editions: its title and first author, ignoring case."""
    first = book.authors[0].casefold().strip() if book.authors else ""
    return " ".join(book.title.casefold().split()), first


def newest_editions(books: Sequence[Book], key_of: Callable[[Book], tuple[str, str]] = work_key) -> list[Book]:
    """The books with each work once, as its newest edition, in the order the works first appear."""
    chosen: dict[tuple[str, str], Book] = {}
    keys = [key_of(book) for book in books]
    for key, book in zip(keys, books, strict=True):
        held = chosen.get(key)
        if held is None or _newer(book, held):
            chosen[key] = book
    if len(chosen) == len(keys):  # every work once already
        return list(books)
    seen: set[tuple[str, str]] = set()
    out = []
    for key in keys:
        if key not in seen:
            seen.add(key)
            out.append(chosen[key])
    return out


def _newer(book: Book, other: Book) -> bool:
    return (book.edition or 1, book.sort_date) > (other.edition or 1, other.sort_date)


def editions_of(catalog: Catalog, book: Book) -> list[Book]:
    """Every edition of the book's work in the catalogue, newest first (the book itself included)."""
    key = work_key(book)
    same = [b for b in catalog.books.values() if b.title.casefold().strip() == book.title.casefold().strip()]
    return sorted((b for b in same if work_key(b) == key), key=lambda b: (b.edition or 1, b.sort_date),
                  reverse=True)  # fmt: skip


def newest_of_one_work(books: Sequence[Book]) -> Book | None:
    """The newest edition when the books are all editions of one work ('team topologies'), else None."""
    if not books or len({work_key(b) for b in books}) != 1:
        return None
    return max(books, key=lambda b: (b.edition or 1, b.sort_date))


def newer_edition(catalog: Catalog, book: Book) -> Book | None:
    """The newest edition of the book's work when it is not the book itself."""
    newest = editions_of(catalog, book)[0]
    return None if newest.id == book.id else newest


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def edition_words(book: Book) -> str:
    """Which edition, in words: '2nd edition, 2025'; the id when neither edition nor year is known."""
    parts = [f"{_ordinal(book.edition)} edition"] if book.edition else []
    if book.year is not None:
        parts.append(str(book.year))
    return ", ".join(parts) or book.id


def edition_label(catalog: Catalog, book: Book) -> str:
    """The title, naming the edition when the catalogue holds several editions of the work:
    'Team Topologies (2nd edition, 2025)'; just 'Fluent Python' otherwise."""
    if len(editions_of(catalog, book)) < 2:
        return book.title
    return f"{book.title} ({edition_words(book)})"


def canonical_counts(catalog: Catalog) -> dict[str, int]:
    """How many roles mark each book as canonical."""
    counts: dict[str, int] = {}
    for role in catalog.roles.values():
        for book in role.canonical_books:
            counts[book] = counts.get(book, 0) + 1
    return counts


def books_for_skill(catalog: Catalog, skill: str, role: Role | None = None, limit: int = 0) -> list[Book]:
    """The books that cover a skill, best fit first, each work once (``limit`` 0: all)."""
    candidates = [b for b in catalog.books.values() if skill in b.skills]
    canon_role = set(role.canonical_books) if role else set()
    canon_any = canonical_counts(catalog) if candidates else {}
    slug = role.slug if role else ""

    def fit(book: Book) -> tuple[bool, bool, bool, int, int]:
        canon = canon_any.get(book.id, 0)
        return skill not in book.teaches, book.id not in canon_role, slug not in book.roles, -canon, len(book.teaches)

    ranked = newest_editions(sorted(sort_newest_first(candidates), key=fit))
    return ranked if limit == 0 else ranked[:limit]


@record
class RoleReading:
    """A role's books two ways: ranked by fit (``fit``) and the newest (``newest``), each work once."""

    role: str
    fit: Sequence[str]  # a stored catalogue's list reads past its head only when walked
    newest: tuple[str, ...]
    order: str = "canonical books first, then books that teach a key skill, then the rest; newest first within each"


def role_reading(catalog: Catalog, role: Role, newest: int = 5, year: int | None = None) -> RoleReading:
    """The role's reading list ranked by fit, and its ``newest`` most recent books as their own list; given the
    current ``year``, that list leaves out books older than ten years unless the role marks them canonical.

    A stored catalogue holds each role's lists worked out when it was stored (:func:`reading_table`): then only
    the ids are read, never the role's books."""
    stored = catalog.readings.get(role.slug) if catalog.readings is not None else None
    fit, ordered, years = stored if stored is not None else role_lists(catalog, role)
    canon = set(role.canonical_books)
    recent: list[str] = []
    for book, published in zip(ordered, years, strict=True):  # stops at the last one shown: a stored list's head
        if len(recent) == newest:
            break
        if year is None or book in canon or (published or 0) >= year - 10:
            recent.append(book)
    return RoleReading(role.slug, fit, tuple(recent))


def role_lists(catalog: Catalog, role: Role) -> Lists:
    """The role's lists as :func:`reading_table` stores them, worked out from its books."""
    return _lists(catalog, role, catalog.books_for_role(role.slug))


Lists = tuple[tuple[str, ...], tuple[str, ...], tuple[int | None, ...]]


def _lists(catalog: Catalog, role: Role, own: list[Book], key_of: Callable[[Book], tuple[str, str]] = work_key
           ) -> Lists:  # fmt: skip
    """The role's books ranked by fit, the same newest first (each work once), and the year of each of those."""
    extra = [catalog.books[b] for b in role.canonical_books
             if b in catalog.books and role.slug not in catalog.books[b].roles]  # fmt: skip
    books = newest_editions(sort_newest_first(own + extra) if extra else own, key_of)
    canon = set(role.canonical_books)
    keys = set(role.key_skills)

    def fit(book: Book) -> tuple[bool, bool]:
        return book.id not in canon, keys.isdisjoint(book.teaches)

    ranked = sorted(books, key=fit)  # stable: newest first within each rank
    return tuple(b.id for b in ranked), tuple(b.id for b in books), tuple(b.year for b in books)


def reading_table(catalog: Catalog, role_books: Mapping[str, tuple[str, ...]]) -> dict[str, Lists]:
    """Every role's lists for :func:`role_reading`, given each role's books newest first: worked out once when the
    catalogue is stored, each book's work key computed once however many roles list it."""
    keys: dict[str, tuple[str, str]] = {}

    def key_of(book: Book) -> tuple[str, str]:
        key = keys.get(book.id)
        if key is None:
            key = keys[book.id] = work_key(book)
        return key

    books = catalog.books
    return {slug: _lists(catalog, role, [books[b] for b in role_books.get(slug, ())], key_of)
            for slug, role in catalog.roles.items()}  # fmt: skip
