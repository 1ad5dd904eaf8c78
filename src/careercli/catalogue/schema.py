"""What a valid entry is: the fields of each table and the checks of one entry on its own.

Every problem names the file, the line and the field, e.g.
``data/roles.toml:12: role 'backend-developer': missing field 'summary'``. Lists are bounded
(:data:`MAX_ITEMS`) so that every valid entry stays searchable (the search index keeps at most 256 fields of a
document). A book published after today's month is a warning, never an error: a machine whose clock is behind
must still read the bundled data.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Any

from careercli.catalogue.parse import Entry, Problems, closest
from careercli.model import BOOK_LEVELS, CATEGORIES, SKILL_KINDS, Book, Challenge, Role, Skill, SkillGroup

KEBAB = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_KEBAB_WHOLE = KEBAB.fullmatch  # not .match: "$" also matches before a final newline
ONET_CODE = re.compile(r"^\d{2}-\d{4}\.\d{2}$")
DATE = re.compile(r"^(\d{4})(?:-(0[1-9]|1[0-2]))?$")
# the most items a list field may hold: a role's searchable fields then stay well under the index's 256
MAX_ITEMS = {"aliases": 20, "what_to_learn": 40, "key_skills": 50, "challenges": 40, "career_prospects": 30,
             "authors": 20, "topics": 30, "skills": 50}  # fmt: skip
_SHORT = min(MAX_ITEMS.values())  # a list this short is within every bound


def isbn13_is_valid(isbn: str) -> bool:
    if not (len(isbn) == 13 and isbn.isdigit()):
        return False
    total = sum(map(int, isbn[0::2])) + 3 * sum(map(int, isbn[1::2]))  # weights 1, 3, 1, 3, ...
    return total % 10 == 0


def _stripped(value: object) -> tuple[str, ...] | None:
    """The items of a list of non-empty strings, stripped; None for anything else."""
    if not isinstance(value, list):
        return None
    if all(type(item) is str for item in value):
        items = tuple([item.strip() for item in value])
    elif all(isinstance(item, str) for item in value):
        items = tuple([str(item).strip() for item in value])
    else:
        return None
    return items if all(items) else None


class Fields:
    """Typed access to one entry's fields that records a problem instead of raising."""

    def __init__(self, entry: Entry, problems: Problems, allowed: set[str]) -> None:
        self.entry = entry
        self.problems = problems
        self.ok = True
        if entry.data.keys() <= allowed:  # the usual case, decided without a Python loop
            return
        for key in entry.data:
            if key not in allowed:
                hint = closest(key, allowed)
                suffix = f" (did you mean '{hint}'?)" if hint else ""
                self.fail(f"unknown field '{key}'{suffix}", key)

    def fail(self, message: str, field: str | None = None, value: str | None = None) -> None:
        self.ok = False
        self.problems.add(self.entry, message, field, value)

    def warn(self, message: str, field: str | None = None) -> None:
        self.problems.add(self.entry, message, field, warning=True)

    def bounded(self, field: str, count: int) -> bool:
        """False (and a problem) when a list field holds more items than search can take."""
        limit = MAX_ITEMS.get(field)
        if limit is not None and count > limit:
            self.fail(f"field '{field}' holds {count} items; at most {limit} are allowed", field)
            return False
        return True

    def text(self, field: str, required: bool = True) -> str | None:
        value = self.entry.data.get(field)
        if type(value) is str:  # the usual case, first
            stripped = value.strip()
            if stripped:
                return stripped
        if value is None:
            if required:
                self.fail(f"missing field '{field}'")
            return None
        if not isinstance(value, str) or not value.strip():
            self.fail(f"field '{field}' must be a non-empty string", field)
            return None
        return value.strip()

    def ident(self, field: str) -> str | None:
        value = self.text(field)
        if value is not None and not KEBAB.match(value):
            self.fail(f"field '{field}' must be kebab-case (lowercase letters, digits, hyphens): {value!r}", field)
            return None
        return value

    def choice(self, field: str, choices: tuple[str, ...]) -> str | None:
        """A required text that must be one of ``choices``; a miss names the closest or lists them all."""
        value = self.text(field)
        if value is not None and value not in choices:
            hint = closest(value, choices)
            suffix = f" (did you mean '{hint}'?)" if hint else f"; one of: {', '.join(choices)}"
            self.fail(f"unknown {field} {value!r}{suffix}", field)
        return value

    def texts(self, field: str, required: bool = True, kebab: bool = False) -> tuple[str, ...]:
        value = self.entry.data.get(field)
        if type(value) is list and len(value) <= _SHORT and all(type(item) is str for item in value):
            # the usual case, decided in one pass: a short list of distinct, stripped, non-empty (kebab) strings
            listed = tuple(value)
            if (
                all(listed)
                and len(set(listed)) == len(listed)
                and (all(map(_KEBAB_WHOLE, listed)) if kebab else all(item == item.strip() for item in listed))
            ):
                return listed
        if value is None:
            if required:
                self.fail(f"missing field '{field}'")
            return ()
        items = _stripped(value)
        if items is None:
            self.fail(f"field '{field}' must be a list of non-empty strings", field)
            return ()
        if not self.bounded(field, len(items)):
            return ()
        if kebab and not all(map(KEBAB.match, items)):
            for item in items:
                if not KEBAB.match(item):
                    self.fail(f"'{field}' holds {item!r}, which is not kebab-case", field, item)
        if len(set(items)) != len(items):
            dupes = sorted({item for item in items if items.count(item) > 1})
            self.fail(f"'{field}' lists {', '.join(map(repr, dupes))} more than once", field)
        return items


# --------------------------------------------------------------------------- tables

ROLE_FIELDS = {
    "slug",
    "name",
    "category",
    "summary",
    "what_they_do",
    "what_to_learn",
    "key_skills",
    "challenges",
    "career_prospects",
    "next_roles",
    "related_roles",
    "aliases",
    "onet",
    "canonical_books",
    "skill_groups",
}
_CHALLENGE_FIELDS = frozenset({"title", "why"})
SKILL_FIELDS = {"id", "name", "kind", "prerequisites", "aliases", "docs"}
BOOK_FIELDS = {
    "id",
    "title",
    "subtitle",
    "authors",
    "publisher",
    "published",
    "edition",
    "isbn13",
    "roles",
    "topics",
    "skills",
    "teaches",
    "url",
    "level",
}


def check_role(entry: Entry, problems: Problems, source: str) -> Role | None:
    f = Fields(entry, problems, ROLE_FIELDS)
    slug = f.ident("slug")
    name = f.text("name")
    category = f.choice("category", CATEGORIES)
    summary = f.text("summary")
    what = f.text("what_they_do")
    learn = f.texts("what_to_learn")
    skills = f.texts("key_skills", kebab=True)
    prospects = f.texts("career_prospects")
    next_roles = f.texts("next_roles", kebab=True)
    related = f.texts("related_roles", kebab=True)
    aliases = f.texts("aliases", required=False)
    challenges: list[Challenge] = []
    raw = entry.data.get("challenges")
    if raw is None:
        f.fail("missing field 'challenges'")
    elif not isinstance(raw, list) or not all(isinstance(item, dict) for item in raw):
        f.fail("field 'challenges' must be an array of tables: write [[role.challenges]]", "challenges")
    elif f.bounded("challenges", len(raw)):
        for number, item in enumerate(raw, start=1):
            unknown = () if item.keys() <= _CHALLENGE_FIELDS else set(item) - _CHALLENGE_FIELDS
            if unknown:
                f.fail(f"challenge {number}: unknown field '{sorted(unknown)[0]}'", "title")
            title, why = item.get("title"), item.get("why")
            if not isinstance(title, str) or not title.strip():
                f.fail(f"challenge {number}: missing field 'title'", "title")
            elif not isinstance(why, str) or not why.strip():
                f.fail(f"challenge {number} ({title!r}): missing field 'why'", "title", None)
            else:
                challenges.append(Challenge(title.strip(), why.strip()))
    onet = f.text("onet", required=False) or ""
    if onet and onet != "none" and not ONET_CODE.match(onet):
        f.fail(f"field 'onet' must be an O*NET-SOC code such as '15-1252.00', or 'none': {onet!r}", "onet")
    canonical = f.texts("canonical_books", required=False, kebab=True)
    groups = _skill_groups(f, entry.data.get("skill_groups"), skills)
    if slug and slug in next_roles:
        f.fail("'next_roles' names the role itself", "next_roles", slug)
    if slug and slug in related:
        f.fail("'related_roles' names the role itself", "related_roles", slug)
    if not f.ok:
        return None
    assert slug
    assert name
    assert category
    assert summary
    assert what
    return Role(
        slug=slug,
        name=name,
        category=category,
        summary=summary,
        what_they_do=what,
        what_to_learn=learn,
        key_skills=skills,
        challenges=tuple(challenges),
        career_prospects=prospects,
        next_roles=next_roles,
        related_roles=related,
        source=source,
        aliases=aliases,
        onet=onet,
        canonical_books=canonical,
        skill_groups=tuple(groups),
    )


def _skill_groups(f: Fields, raw: Any, key_skills: tuple[str, ...]) -> list[SkillGroup]:
    """A role's "one of" groups: each names two or more of its key skills, and no skill is in two groups."""
    groups: list[SkillGroup] = []
    if raw is None:
        return groups
    if not isinstance(raw, list) or not all(isinstance(item, dict) for item in raw):
        f.fail("field 'skill_groups' must be an array of tables: write [[role.skill_groups]]", "skill_groups")
        return groups
    grouped: set[str] = set()
    for number, item in enumerate(raw, start=1):
        unknown = set(item) - {"name", "skills"}
        group_name, members = item.get("name"), item.get("skills")
        if unknown:
            f.fail(f"skill group {number}: unknown field '{sorted(unknown)[0]}'", "skill_groups")
            continue
        if not isinstance(group_name, str) or not group_name.strip():
            f.fail(f"skill group {number}: missing field 'name'", "skill_groups")
            continue
        if (not isinstance(members, list) or len(members) < 2
                or not all(isinstance(m, str) and m.strip() for m in members)):  # fmt: skip
            f.fail(f"skill group {number} ({group_name!r}): 'skills' must list two or more skills", "name",
                   group_name)  # fmt: skip
            continue
        members = tuple(m.strip() for m in members)
        outside = [m for m in members if m not in key_skills]
        twice = [m for m in members if m in grouped]
        if outside:
            f.fail(f"skill group {group_name!r}: {outside[0]!r} is not one of the role's key_skills",
                   "name", group_name)  # fmt: skip
        elif twice:
            f.fail(f"skill group {group_name!r}: {twice[0]!r} is in another group too", "name", group_name)
        else:
            grouped.update(members)
            groups.append(SkillGroup(group_name.strip(), members))
    return groups


def check_skill(entry: Entry, problems: Problems, source: str) -> Skill | None:
    f = Fields(entry, problems, SKILL_FIELDS)
    ident = f.ident("id")
    name = f.text("name")
    kind = f.choice("kind", SKILL_KINDS)
    prerequisites = f.texts("prerequisites", required=False, kebab=True)
    aliases = f.texts("aliases", required=False)
    docs = f.text("docs", required=False)
    if ident and ident in prerequisites:
        f.fail("'prerequisites' names the skill itself", "prerequisites", ident)
    if docs is not None and (not docs.startswith("https://") or any(c.isspace() for c in docs)):
        f.fail(f"field 'docs' must be an https:// address without spaces: {docs!r}", "docs")
    if not f.ok:
        return None
    assert ident
    assert name
    assert kind
    return Skill(ident, name, kind, prerequisites, aliases, source, docs or "")


def check_book(entry: Entry, problems: Problems, source: str, today: _dt.date) -> Book | None:
    f = Fields(entry, problems, BOOK_FIELDS)
    ident = f.ident("id")
    title = f.text("title")
    subtitle = f.text("subtitle", required=False)
    authors = f.texts("authors", required=False)
    publisher = f.text("publisher", required=False)
    published = f.text("published", required=False)
    if published is not None:
        match = DATE.match(published)
        if not match:
            f.fail(f"field 'published' must be YYYY or YYYY-MM, not {published!r}", "published")
        else:
            year, month = int(match.group(1)), int(match.group(2) or 1)
            if (year, month) > (today.year, today.month):
                f.warn(f"field 'published' is in the future: {published}", "published")
    edition = entry.data.get("edition")
    if edition is not None and (not isinstance(edition, int) or isinstance(edition, bool) or edition < 1):
        f.fail("field 'edition' must be a whole number of 1 or more", "edition")
    isbn = entry.data.get("isbn13")
    if isbn is not None and (not isinstance(isbn, str) or not isbn13_is_valid(isbn)):
        f.fail(f"field 'isbn13' is not a valid ISBN-13: {isbn!r}", "isbn13")
    roles = f.texts("roles", required=False, kebab=True)
    topics = f.texts("topics", required=False, kebab=True)
    skills = f.texts("skills", required=False, kebab=True)
    teaches = f.texts("teaches", required=False, kebab=True)
    level = f.text("level", required=False)
    if level is not None and level not in BOOK_LEVELS:
        hint = closest(level, BOOK_LEVELS)
        suffix = f" (did you mean '{hint}'?)" if hint else f"; one of: {', '.join(BOOK_LEVELS)}"
        f.fail(f"unknown level {level!r}{suffix}", "level")
    url = f.text("url", required=False)
    if url is not None and (not url.startswith("https://") or any(c.isspace() for c in url)):
        f.fail(f"field 'url' must be an https:// address without spaces: {url!r}", "url")
    for skill in teaches:
        if skill not in skills:
            f.fail(f"'teaches' names {skill!r}, which is not in its 'skills'", "teaches", skill)
    if not f.ok:
        return None
    assert ident
    assert title
    return Book(
        id=ident,
        title=title,
        authors=authors,
        subtitle=subtitle,
        publisher=publisher,
        published=published,
        edition=edition,
        isbn13=isbn,
        roles=roles,
        topics=topics,
        skills=skills,
        source=source,
        teaches=teaches,
        url=url,
        level=level,
    )
