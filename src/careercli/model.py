"""The frozen data model: roles, skills, books and the catalog that holds them."""

from __future__ import annotations

from dataclasses import dataclass, field

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


@dataclass(frozen=True, slots=True)
class Challenge:
    title: str
    why: str


@dataclass(frozen=True, slots=True)
class Skill:
    id: str
    name: str
    kind: str
    prerequisites: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    source: str = "bundled"


@dataclass(frozen=True, slots=True)
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

    @property
    def id(self) -> str:
        return self.slug

    @property
    def title(self) -> str:
        return self.name


@dataclass(frozen=True, slots=True)
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


@dataclass(frozen=True)
class Catalog:
    roles: dict[str, Role]
    skills: dict[str, Skill]
    books: dict[str, Book]
    sources: tuple[str, ...] = field(default=())

    def role(self, slug: str) -> Role:
        return self.roles[slug]

    def skill_name(self, skill_id: str) -> str:
        skill = self.skills.get(skill_id)
        return skill.name if skill else skill_id

    def books_for_role(self, slug: str) -> list[Book]:
        """The books that serve a role, newest first (ties by title)."""
        books = [b for b in self.books.values() if slug in b.roles]
        return sort_newest_first(books)


def sort_newest_first(books: list[Book]) -> list[Book]:
    """Order books by publication date, newest first; equal dates by title; undated books last."""
    books = sorted(books, key=lambda b: b.title.casefold())
    return sorted(books, key=lambda b: b.sort_date, reverse=True)
