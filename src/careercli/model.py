"""The frozen data model: roles, skills, books and the catalog that holds them."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any, overload

from careercli.records import Frozen as _Frozen
from careercli.records import replace as _replace

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


_set = object.__setattr__


class Challenge(_Frozen):
    __slots__ = ("title", "why")  # fmt: skip
    __match_args__ = ("title", "why")  # fmt: skip
    title: str
    why: str

    def __init__(self, title: str, why: str) -> None:
        _set(self, "title", title)
        _set(self, "why", why)


class SkillGroup(_Frozen):
    """Skills of a role of which one is enough ("one of": a server-side language, a cloud provider)."""

    __slots__ = ("name", "skills")  # fmt: skip
    __match_args__ = ("name", "skills")  # fmt: skip
    name: str
    skills: tuple[str, ...]

    def __init__(self, name: str, skills: tuple[str, ...]) -> None:
        _set(self, "name", name)
        _set(self, "skills", skills)


class Skill(_Frozen):
    __slots__ = ("aliases", "id", "kind", "name", "prerequisites", "source")  # fmt: skip
    __match_args__ = ("id", "name", "kind", "prerequisites", "aliases", "source")  # fmt: skip
    id: str
    name: str
    kind: str
    prerequisites: tuple[str, ...]
    aliases: tuple[str, ...]
    source: str

    def __init__(
        self,
        id: str,
        name: str,
        kind: str,
        prerequisites: tuple[str, ...] = (),
        aliases: tuple[str, ...] = (),
        source: str = "bundled",
    ) -> None:
        _set(self, "id", id)
        _set(self, "name", name)
        _set(self, "kind", kind)
        _set(self, "prerequisites", prerequisites)
        _set(self, "aliases", aliases)
        _set(self, "source", source)


class Role(_Frozen):
    __slots__ = ("aliases", "canonical_books", "career_prospects", "category", "challenges", "key_skills", "name",
                 "next_roles", "onet", "related_roles", "skill_groups", "slug", "source", "summary", "what_they_do",
                 "what_to_learn")  # fmt: skip
    __match_args__ = ("slug", "name", "category", "summary", "what_they_do", "what_to_learn", "key_skills",
                      "challenges", "career_prospects", "next_roles", "related_roles", "source", "aliases", "onet",
                      "canonical_books", "skill_groups")  # fmt: skip
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
    source: str
    aliases: tuple[str, ...]  # other names people use: "SRE", "DBA", "sysadmin"
    onet: str  # the O*NET-SOC code of the matching occupation, "none" where none fits, "" when not said
    canonical_books: tuple[str, ...]  # the few books every practitioner of the role is expected to know
    skill_groups: tuple[SkillGroup, ...]  # key skills of which one is enough

    def __init__(
        self,
        slug: str,
        name: str,
        category: str,
        summary: str,
        what_they_do: str,
        what_to_learn: tuple[str, ...],
        key_skills: tuple[str, ...],
        challenges: tuple[Challenge, ...],
        career_prospects: tuple[str, ...],
        next_roles: tuple[str, ...],
        related_roles: tuple[str, ...],
        source: str = "bundled",
        aliases: tuple[str, ...] = (),
        onet: str = "",
        canonical_books: tuple[str, ...] = (),
        skill_groups: tuple[SkillGroup, ...] = (),
    ) -> None:
        _set(self, "slug", slug)
        _set(self, "name", name)
        _set(self, "category", category)
        _set(self, "summary", summary)
        _set(self, "what_they_do", what_they_do)
        _set(self, "what_to_learn", what_to_learn)
        _set(self, "key_skills", key_skills)
        _set(self, "challenges", challenges)
        _set(self, "career_prospects", career_prospects)
        _set(self, "next_roles", next_roles)
        _set(self, "related_roles", related_roles)
        _set(self, "source", source)
        _set(self, "aliases", aliases)
        _set(self, "onet", onet)
        _set(self, "canonical_books", canonical_books)
        _set(self, "skill_groups", skill_groups)

    @property
    def id(self) -> str:
        return self.slug

    @property
    def title(self) -> str:
        return self.name


class RoleSummary(_Frozen):
    """What a listing shows of a role: read for thousands of roles at once without making each whole role."""

    __slots__ = ("category", "name", "onet", "slug", "source", "summary")
    __match_args__ = ("slug", "name", "category", "summary", "source", "onet")
    slug: str
    name: str
    category: str
    summary: str
    source: str
    onet: str  # the role's O*NET-SOC code, as in Role

    def __init__(
        self, slug: str, name: str, category: str, summary: str, source: str = "bundled", onet: str = ""
    ) -> None:
        _set(self, "slug", slug)
        _set(self, "name", name)
        _set(self, "category", category)
        _set(self, "summary", summary)
        _set(self, "source", source)
        _set(self, "onet", onet)


class Book(_Frozen):
    __slots__ = ("authors", "edition", "id", "isbn13", "level", "published", "publisher", "roles", "skills", "source",
                 "subtitle", "teaches", "title", "topics", "url")  # fmt: skip
    __match_args__ = ("id", "title", "authors", "subtitle", "publisher", "published", "edition", "isbn13", "roles",
                      "topics", "skills", "source", "teaches", "url", "level")  # fmt: skip
    id: str
    title: str
    authors: tuple[str, ...]
    subtitle: str | None
    publisher: str | None
    published: str | None  # "YYYY-MM" or "YYYY"
    edition: int | None
    isbn13: str | None
    roles: tuple[str, ...]
    topics: tuple[str, ...]
    skills: tuple[str, ...]
    source: str
    teaches: tuple[str, ...]  # the skills that are its main subjects (a subset of ``skills``)
    url: str | None  # the publisher's page of the book
    level: str | None  # one of BOOK_LEVELS: what a reader needs before opening it; None when not recorded

    def __init__(
        self,
        id: str,
        title: str,
        authors: tuple[str, ...] = (),
        subtitle: str | None = None,
        publisher: str | None = None,
        published: str | None = None,
        edition: int | None = None,
        isbn13: str | None = None,
        roles: tuple[str, ...] = (),
        topics: tuple[str, ...] = (),
        skills: tuple[str, ...] = (),
        source: str = "bundled",
        teaches: tuple[str, ...] = (),
        url: str | None = None,
        level: str | None = None,
    ) -> None:
        _set(self, "id", id)
        _set(self, "title", title)
        _set(self, "authors", authors)
        _set(self, "subtitle", subtitle)
        _set(self, "publisher", publisher)
        _set(self, "published", published)
        _set(self, "edition", edition)
        _set(self, "isbn13", isbn13)
        _set(self, "roles", roles)
        _set(self, "topics", topics)
        _set(self, "skills", skills)
        _set(self, "source", source)
        _set(self, "teaches", teaches)
        _set(self, "url", url)
        _set(self, "level", level)

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


class Catalog(_Frozen):
    """Roles, skills and books by id. The mappings may be lazy (loaded from the cache item by item), and a
    stored catalog carries two indexes: each role's books and all books, newest first.

    Written out like the other model classes (``@dataclass`` imports ``inspect`` at start-up): equality and the
    repr cover the four data fields only, the indexes being derived from them; ``replace`` makes a changed copy."""

    __slots__ = ("book_order", "books", "readings", "role_books", "roles", "skills", "sources", "summaries", "tables")
    __match_args__ = ("roles", "skills", "books", "sources", "role_books", "book_order", "readings", "summaries",
                      "tables")  # fmt: skip
    roles: Mapping[str, Role]
    skills: Mapping[str, Skill]
    books: Mapping[str, Book]
    sources: tuple[str, ...]
    role_books: Mapping[str, tuple[str, ...]] | None
    book_order: tuple[str, ...] | Callable[[], tuple[str, ...]] | None
    # each role's reading lists worked out when the catalogue was stored (see queries.ranking.reading_table)
    readings: Mapping[str, tuple[tuple[str, ...], ...]] | None
    summaries: tuple[RoleSummary, ...] | Callable[[], tuple[RoleSummary, ...]] | None
    tables: Callable[[str], Any] | None  # a stored catalogue's derived tables by name (None: not stored)

    def __init__(
        self,
        roles: Mapping[str, Role],
        skills: Mapping[str, Skill],
        books: Mapping[str, Book],
        sources: tuple[str, ...] = (),
        role_books: Mapping[str, tuple[str, ...]] | None = None,
        book_order: tuple[str, ...] | Callable[[], tuple[str, ...]] | None = None,
        readings: Mapping[str, tuple[tuple[str, ...], ...]] | None = None,
        summaries: tuple[RoleSummary, ...] | Callable[[], tuple[RoleSummary, ...]] | None = None,
        tables: Callable[[str], Any] | None = None,
    ) -> None:
        _set(self, "roles", roles)
        _set(self, "skills", skills)
        _set(self, "books", books)
        _set(self, "sources", sources)
        _set(self, "role_books", role_books)
        _set(self, "book_order", book_order)
        _set(self, "readings", readings)
        _set(self, "summaries", summaries)
        _set(self, "tables", tables)

    def _values(self) -> tuple[Any, ...]:  # what equality and hash compare: the data, not its indexes
        return self.roles, self.skills, self.books, self.sources

    def __repr__(self) -> str:
        return f"Catalog(roles={self.roles!r}, skills={self.skills!r}, books={self.books!r}, sources={self.sources!r})"

    def __getstate__(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self.__match_args__)

    def replace(self, **changes: Any) -> Catalog:
        """A copy with ``changes`` (field names and values), as ``dataclasses.replace`` makes one."""
        return _replace(self, **changes)

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
        if callable(self.summaries):
            object.__setattr__(self, "summaries", self.summaries())
        if self.summaries is None:
            made = tuple(
                RoleSummary(r.slug, r.name, r.category, r.summary, r.source, r.onet) for r in self.roles.values()
            )
            object.__setattr__(self, "summaries", made)
        return self.summaries  # type: ignore[return-value]

    def role_book_list(self, slug: str) -> BookList:
        """The books that serve a role, newest first, read only when used (a page showing a few reads a few)."""
        return BookList(self.books, lambda: self.book_ids_for_role(slug))

    def book_ids_for_role(self, slug: str) -> tuple[str, ...]:
        if self.role_books is not None:
            return self.role_books.get(slug, ())
        return tuple(b.id for b in sort_newest_first([b for b in self.books.values() if slug in b.roles]))

    def book_ids_newest_first(self) -> tuple[str, ...]:
        if callable(self.book_order):  # read from the store only when asked for
            object.__setattr__(self, "book_order", self.book_order())
        if self.book_order is not None:
            return self.book_order  # type: ignore[return-value]
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
