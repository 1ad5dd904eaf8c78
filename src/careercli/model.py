"""The frozen data model: roles, skills, books and the catalog that holds them."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence

from careercli.records import record

TYPE_CHECKING = False  # typing imports re, enum and collections at run time: piped listings need none
if TYPE_CHECKING:
    from typing import Any, overload

# what a reader needs before opening a book: nothing, working knowledge of the subject, or practice in it
BOOK_LEVELS = ("introductory", "intermediate", "advanced")
SKILL_KINDS = ("language", "framework", "tool", "platform", "practice", "concept", "soft-skill")
CATEGORIES = (
    "development",
    "infrastructure",
    "data",
    "ai",
    "security",
    "quality",
    "architecture",
    "design",
    "communication",
    "management",
)

# a role's reading lists as stored: the books by fit, the books newest first, and each of those books' year
Readings = tuple[tuple[str, ...], tuple[str, ...], tuple[int | None, ...]]


@record
class Challenge:
    title: str
    why: str


@record
class SkillGroup:
    """Skills of a role of which one is enough ("one of": a server-side language, a cloud provider)."""

    name: str
    skills: tuple[str, ...]


@record
class Skill:
    id: str
    name: str
    kind: str
    prerequisites: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    source: str = "bundled"
    docs: str = ""  # the official documentation's https:// address, where the project or vendor has one


@record
class Role:
    slug: str
    name: str
    category: str
    summary: str
    what_they_do: str
    what_to_learn: tuple[str, ...]
    key_skills: tuple[str, ...]
    challenges: tuple[Challenge, ...]
    career_prospects: tuple[str, ...]
    next_roles: tuple[str, ...]
    related_roles: tuple[str, ...]
    source: str = "bundled"
    aliases: tuple[str, ...] = ()  # other names people use: "SRE", "DBA", "sysadmin"
    onet: str = ""  # the O*NET-SOC code of the matching occupation, "none" where none fits, "" when not said
    canonical_books: tuple[str, ...] = ()  # the few books every practitioner of the role is expected to know
    skill_groups: tuple[SkillGroup, ...] = ()  # key skills of which one is enough

    @property
    def id(self) -> str:
        return self.slug

    @property
    def units(self) -> tuple[SkillGroup, ...]:
        """The key skills as the units a learner covers, in the role's order: a skill on its own is a unit with
        no name, a "one of" group one unit where its first member stands. Every view counts and shows these."""
        group_of = {m: g for g in self.skill_groups for m in g.skills}
        seen: set[str] = set()
        units: list[SkillGroup] = []
        for skill in self.key_skills:
            group = group_of.get(skill)
            if group is None:
                units.append(SkillGroup("", (skill,)))
            elif group.name not in seen:
                seen.add(group.name)
                units.append(group)
        return tuple(units)

    @property
    def title(self) -> str:
        return self.name


@record
class RoleSummary:
    """What a listing shows of a role: read for thousands of roles at once without making each whole role."""

    slug: str
    name: str
    category: str
    summary: str
    source: str = "bundled"
    onet: str = ""  # the role's O*NET-SOC code, as in Role


@record
class Book:
    id: str
    title: str
    authors: tuple[str, ...] = ()
    subtitle: str | None = None
    publisher: str | None = None
    published: str | None = None  # "YYYY-MM" or "YYYY"
    edition: int | None = None
    isbn13: str | None = None
    roles: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    skills: tuple[str, ...] = ()
    source: str = "bundled"
    teaches: tuple[str, ...] = ()  # the skills that are its main subjects (a subset of ``skills``)
    url: str | None = None  # the publisher's page of the book
    level: str | None = None  # one of BOOK_LEVELS: what a reader needs before opening it; None when not recorded

    @property
    def year(self) -> int | None:
        return int(self.published[:4]) if self.published else None

    @property
    def sort_date(self) -> str:
        """A key that orders by publication date; a year alone sorts as its start, unknown dates last."""
        return self.published or ""

    @property
    def name(self) -> str:
        return self.title


class Catalog:
    """Roles, skills and books by id. The mappings may be lazy (loaded from the cache item by item), and a
    stored catalog carries two indexes: each role's books and all books, newest first.

    Not a record: a stored catalogue's summaries and book order may be given as functions, read on first use and
    then kept in their place. Equality and the repr cover the four data fields only, the indexes being derived from
    them; ``replace`` makes a changed copy."""

    __slots__ = ("book_order", "books", "readings", "role_books", "roles", "skills", "sources", "summaries", "tables")

    def __init__(
        self,
        roles: Mapping[str, Role],
        skills: Mapping[str, Skill],
        books: Mapping[str, Book],
        sources: tuple[str, ...] = (),
        role_books: Mapping[str, tuple[str, ...]] | None = None,
        book_order: tuple[str, ...] | Callable[[], tuple[str, ...]] | None = None,
        # each role's reading lists worked out when the catalogue was stored (see queries.ranking.reading_table)
        readings: Mapping[str, Readings] | None = None,
        summaries: tuple[RoleSummary, ...] | Callable[[], tuple[RoleSummary, ...]] | None = None,
        tables: Callable[[str], Any] | None = None,  # a stored catalogue's derived tables by name (None: not stored)
    ) -> None:
        self.roles, self.skills, self.books, self.sources = roles, skills, books, sources
        self.role_books, self.book_order, self.readings = role_books, book_order, readings
        self.summaries, self.tables = summaries, tables

    def __eq__(self, other: object) -> bool:  # the data, not its indexes
        if isinstance(other, Catalog):
            return (self.roles, self.skills, self.books, self.sources) == (
                other.roles, other.skills, other.books, other.sources)  # fmt: skip
        return NotImplemented

    def __repr__(self) -> str:
        return f"Catalog(roles={self.roles!r}, skills={self.skills!r}, books={self.books!r}, sources={self.sources!r})"

    def replace(
        self,
        *,
        roles: Mapping[str, Role] | None = None,
        role_books: Mapping[str, tuple[str, ...]] | None = None,
        book_order: tuple[str, ...] | None = None,
        readings: Mapping[str, Readings] | None = None,
    ) -> Catalog:
        """A copy with the fields given here changed."""
        return Catalog(
            self.roles if roles is None else roles,
            self.skills,
            self.books,
            self.sources,
            self.role_books if role_books is None else role_books,
            self.book_order if book_order is None else book_order,
            self.readings if readings is None else readings,
            self.summaries,
            self.tables,
        )

    def table(self, name: str) -> Any:
        """A table derived from the catalogue and stored with it (``queries.lookup`` names them), None when it was
        not stored or fails its check: the caller then works it out from the catalogue."""
        return self.tables(name) if self.tables is not None else None

    def role(self, slug: str) -> Role:
        return self.roles[slug]

    def skill_name(self, skill_id: str) -> str:
        skill = self.skills.get(skill_id)
        return skill.name if skill else skill_id

    def books_for_role(self, slug: str) -> list[Book]:
        """The books that serve a role, newest first (ties by title)."""
        return [self.books[book_id] for book_id in self.book_ids_for_role(slug)]

    def role_summaries(self) -> tuple[RoleSummary, ...]:
        """Every role's summary, in the catalogue's order (a stored catalogue reads them in one query)."""
        summaries = self.summaries
        if callable(summaries):
            summaries = summaries()
        if summaries is None:
            summaries = tuple(
                RoleSummary(r.slug, r.name, r.category, r.summary, r.source, r.onet) for r in self.roles.values()
            )
        self.summaries = summaries  # kept: read or made once
        return summaries

    def role_book_list(self, slug: str) -> BookList:
        """The books that serve a role, newest first, read only when used (a page showing a few reads a few)."""
        return BookList(self.books, lambda: self.book_ids_for_role(slug))

    def book_ids_for_role(self, slug: str) -> tuple[str, ...]:
        if self.role_books is not None:
            return self.role_books.get(slug, ())
        return tuple(b.id for b in sort_newest_first([b for b in self.books.values() if slug in b.roles]))

    def book_ids_newest_first(self) -> tuple[str, ...]:
        if callable(self.book_order):  # read from the store only when asked for
            self.book_order = self.book_order()
        if self.book_order is not None:
            return self.book_order
        return tuple(b.id for b in sort_newest_first(list(self.books.values())))

    def indexes(self) -> tuple[dict[str, tuple[str, ...]], tuple[str, ...]]:
        """Each role's books and all books, newest first: computed once, in one pass, for the cache."""
        order = sort_newest_first(list(self.books.values()))
        by_role: dict[str, list[str]] = {}
        for book in order:
            for slug in book.roles:
                by_role.setdefault(slug, []).append(book.id)
        return {slug: tuple(ids) for slug, ids in by_role.items()}, tuple(b.id for b in order)


class BookList(Sequence[Book]):
    """Books by id, each read from the catalogue when it is used; walking them all reads them in one go when the
    catalogue can (a stored one reads every book in one query instead of one query a book)."""

    def __init__(self, books: Mapping[str, Book], ids: tuple[str, ...] | Callable[[], tuple[str, ...]]) -> None:
        self._books, self._ids = books, ids

    @property
    def ids(self) -> tuple[str, ...]:
        """The books' ids, read on first use (a role page that shows its reading lists never needs them)."""
        if callable(self._ids):
            self._ids = self._ids()
        return self._ids

    def __len__(self) -> int:
        return len(self.ids)

    if TYPE_CHECKING:

        @overload
        def __getitem__(self, index: int) -> Book: ...
        @overload
        def __getitem__(self, index: slice) -> list[Book]: ...

    def __getitem__(self, index: int | slice) -> Book | list[Book]:
        if isinstance(index, slice):
            return [self._books[i] for i in self.ids[index]]
        return self._books[self.ids[index]]

    def __iter__(self) -> Iterator[Book]:
        many = getattr(self._books, "many", None)
        if many is not None:
            return iter(many(self.ids))
        return (self._books[i] for i in self.ids)


def sort_newest_first(books: list[Book]) -> list[Book]:
    """Order books by publication date, newest first; equal dates by title; undated books last."""
    books = sorted(books, key=lambda b: b.title.casefold())
    return sorted(books, key=lambda b: b.published or "", reverse=True)  # Book.sort_date, without a property call
