"""Loading and validating the curated TOML (bundled data and user packs) into the frozen model.

Every problem is reported with the file, the line and the field, e.g.
``data/roles.toml:12: role 'backend-developer': missing field 'summary'``; the loader collects all
problems of a file before it raises, so that one run shows everything to fix.
"""

from __future__ import annotations

import datetime as _dt
import os
import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from careercli.errors import DataError
from careercli.model import CATEGORIES, SKILL_KINDS, Book, Catalog, Challenge, Role, Skill, SkillGroup

BUNDLED_FILES = ("skills.toml", "roles.toml", "books.toml")
KEBAB = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
ONET_CODE = re.compile(r"^\d{2}-\d{4}\.\d{2}$")
DATE = re.compile(r"^(\d{4})(?:-(0[1-9]|1[0-2]))?$")
TABLES = {"role": "slug", "skill": "id", "book": "id"}


def bundled_data_dir() -> Path:
    """The folder of the curated data: inside the installed package, or ``data/`` of a source checkout."""
    here = Path(__file__).resolve().parent
    packaged = here / "data"
    if packaged.is_dir():
        return packaged
    return here.parent.parent / "data"


def bundled_files() -> list[Path]:
    folder = bundled_data_dir()
    return [folder / name for name in BUNDLED_FILES]


def isbn13_is_valid(isbn: str) -> bool:
    if not (len(isbn) == 13 and isbn.isdigit()):
        return False
    total = sum(int(d) * (1 if i % 2 == 0 else 3) for i, d in enumerate(isbn))
    return total % 10 == 0


# --------------------------------------------------------------------------- raw entries


@dataclass(frozen=True)
class Entry:
    """One ``[[role]]``, ``[[skill]]`` or ``[[book]]`` table as read, with where it came from."""

    table: str
    index: int  # position among the file's tables of this kind
    data: dict[str, Any]
    file: Path
    label: str  # how the file is named in messages


class _Locator:
    """Finds line numbers in a TOML file's text, only when a message needs one."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lines: list[str] | None = None
        self._headers: dict[str, list[int]] = {}

    @property
    def lines(self) -> list[str]:
        if self._lines is None:
            try:
                self._lines = self.path.read_text(encoding="utf-8").splitlines()
            except OSError:
                self._lines = []
            for number, line in enumerate(self._lines, start=1):
                match = re.match(r"\s*\[\[\s*([A-Za-z_.]+)\s*\]\]", line)
                if match:
                    self._headers.setdefault(match.group(1), []).append(number)
        return self._lines

    def line_of(self, table: str, index: int, field: str | None = None, value: str | None = None) -> int:
        lines = self.lines
        starts = self._headers.get(table, [])
        if index >= len(starts):
            return 0
        start = starts[index]
        # the table runs until the next table of the same kind (sub-tables such as [[role.challenges]] belong to it)
        same = [n for n in starts if n > start]
        end = min(same) - 1 if same else len(lines)
        if field is None:
            return start
        key = re.compile(rf"^\s*{re.escape(field)}\s*=")
        for number in range(start, end + 1):
            if key.match(lines[number - 1]):
                if value is None:
                    return number
                # a value inside a (possibly multi-line) array: first line from here that holds it
                quoted = re.compile(rf"[\"']{re.escape(value)}[\"']")
                for inner in range(number, end + 1):
                    if quoted.search(lines[inner - 1]):
                        return inner
                return number
        return start


class _Problems:
    def __init__(self) -> None:
        self.items: list[str] = []
        self._locators: dict[Path, _Locator] = {}

    def add(self, entry: Entry, message: str, field: str | None = None, value: str | None = None) -> None:
        locator = self._locators.setdefault(entry.file, _Locator(entry.file))
        line = locator.line_of(entry.table, entry.index, field, value)
        where = f"{entry.label}:{line}" if line else entry.label
        ident = entry.data.get(TABLES[entry.table])
        name = f"{entry.table} {ident!r}" if isinstance(ident, str) and ident else f"{entry.table} #{entry.index + 1}"
        self.items.append(f"{where}: {name}: {message}")

    def add_file(self, label: str, message: str) -> None:
        self.items.append(f"{label}: {message}")


def read_entries(path: Path, label: str, problems: _Problems) -> list[Entry]:
    """Parse one TOML file into entries; a parse error is a problem with its line and column."""
    try:
        with path.open("rb") as handle:
            document = tomllib.load(handle)
    except FileNotFoundError:
        problems.add_file(label, "file not found")
        return []
    except OSError as error:
        problems.add_file(label, f"cannot read: {error.strerror or error}")
        return []
    except tomllib.TOMLDecodeError as error:
        problems.add_file(label, f"not valid TOML: {error}")
        return []
    except UnicodeDecodeError:
        problems.add_file(label, "not valid UTF-8 text")
        return []
    return _entries_of(document, path, label, problems)


def _entries_of(
    document: dict[str, Any], path: Path, label: str, problems: _Problems, offsets: dict[str, int] | None = None
) -> list[Entry]:
    """The [[role]], [[skill]] and [[book]] tables of a parsed document (``offsets``: tables before this chunk)."""
    entries: list[Entry] = []
    for key, value in document.items():
        if key == "schema_version":
            continue
        if key not in TABLES:
            hint = f" (did you mean '{_closest(key, TABLES)}'?)" if _closest(key, TABLES) else ""
            problems.add_file(label, f"unknown table '{key}'; expected [[role]], [[skill]] or [[book]]{hint}")
            continue
        if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
            problems.add_file(label, f"'{key}' must be an array of tables: write [[{key}]]")
            continue
        start = (offsets or {}).get(key, 0)
        entries.extend(Entry(key, start + index, item, path, label) for index, item in enumerate(value))
    return entries


def _closest(word: str, choices: Iterable[str]) -> str | None:
    import difflib

    found = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return found[0] if found else None


# --------------------------------------------------------------------------- field checks


class _Fields:
    """Typed access to one entry's fields that records a problem instead of raising."""

    def __init__(self, entry: Entry, problems: _Problems, allowed: set[str]) -> None:
        self.entry = entry
        self.problems = problems
        self.ok = True
        for key in entry.data:
            if key not in allowed:
                hint = _closest(key, allowed)
                suffix = f" (did you mean '{hint}'?)" if hint else ""
                self.fail(f"unknown field '{key}'{suffix}", key)

    def fail(self, message: str, field: str | None = None, value: str | None = None) -> None:
        self.ok = False
        self.problems.add(self.entry, message, field, value)

    def text(self, field: str, required: bool = True) -> str | None:
        value = self.entry.data.get(field)
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
            hint = _closest(value, choices)
            suffix = f" (did you mean '{hint}'?)" if hint else f"; one of: {', '.join(choices)}"
            self.fail(f"unknown {field} {value!r}{suffix}", field)
        return value

    def texts(self, field: str, required: bool = True, kebab: bool = False) -> tuple[str, ...]:
        value = self.entry.data.get(field)
        if value is None:
            if required:
                self.fail(f"missing field '{field}'")
            return ()
        if not isinstance(value, list) or not all(isinstance(item, str) and item.strip() for item in value):
            self.fail(f"field '{field}' must be a list of non-empty strings", field)
            return ()
        items = tuple(item.strip() for item in value)
        if kebab:
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
SKILL_FIELDS = {"id", "name", "kind", "prerequisites", "aliases"}
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
}


def _role(entry: Entry, problems: _Problems, source: str) -> Role | None:
    f = _Fields(entry, problems, ROLE_FIELDS)
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
    else:
        for number, item in enumerate(raw, start=1):
            unknown = set(item) - {"title", "why"}
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
    groups: list[SkillGroup] = []
    raw_groups = entry.data.get("skill_groups")
    if raw_groups is not None:
        if not isinstance(raw_groups, list) or not all(isinstance(item, dict) for item in raw_groups):
            f.fail("field 'skill_groups' must be an array of tables: write [[role.skill_groups]]", "skill_groups")
        else:
            grouped: set[str] = set()
            for number, item in enumerate(raw_groups, start=1):
                unknown = set(item) - {"name", "skills"}
                group_name, members = item.get("name"), item.get("skills")
                if unknown:
                    f.fail(f"skill group {number}: unknown field '{sorted(unknown)[0]}'", "skill_groups")
                elif not isinstance(group_name, str) or not group_name.strip():
                    f.fail(f"skill group {number}: missing field 'name'", "skill_groups")
                elif (not isinstance(members, list) or len(members) < 2
                      or not all(isinstance(m, str) and m.strip() for m in members)):  # fmt: skip
                    f.fail(f"skill group {number} ({group_name!r}): 'skills' must list two or more skills", "name",
                           group_name)  # fmt: skip
                else:
                    members = tuple(m.strip() for m in members)
                    outside = [m for m in members if m not in skills]
                    twice = [m for m in members if m in grouped]
                    if outside:
                        f.fail(f"skill group {group_name!r}: {outside[0]!r} is not one of the role's key_skills",
                               "name", group_name)  # fmt: skip
                    elif twice:
                        f.fail(f"skill group {group_name!r}: {twice[0]!r} is in another group too", "name", group_name)
                    else:
                        grouped.update(members)
                        groups.append(SkillGroup(group_name.strip(), members))
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


def _skill(entry: Entry, problems: _Problems, source: str) -> Skill | None:
    f = _Fields(entry, problems, SKILL_FIELDS)
    ident = f.ident("id")
    name = f.text("name")
    kind = f.choice("kind", SKILL_KINDS)
    prerequisites = f.texts("prerequisites", required=False, kebab=True)
    aliases = f.texts("aliases", required=False)
    if ident and ident in prerequisites:
        f.fail("'prerequisites' names the skill itself", "prerequisites", ident)
    if not f.ok:
        return None
    assert ident
    assert name
    assert kind
    return Skill(ident, name, kind, prerequisites, aliases, source)


def _book(entry: Entry, problems: _Problems, source: str, today: _dt.date) -> Book | None:
    f = _Fields(entry, problems, BOOK_FIELDS)
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
                f.fail(f"field 'published' is in the future: {published}", "published")
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
    )


# --------------------------------------------------------------------------- the whole catalog


@dataclass(frozen=True)
class Source:
    """One data file: bundled (``label`` is ``data/NAME``) or a pack (``label`` is its path)."""

    path: Path
    label: str
    origin: str  # "bundled" or the pack's file name


def bundled_sources() -> list[Source]:
    return [Source(path, f"data/{path.name}", "bundled") for path in bundled_files()]


@dataclass(frozen=True)
class Checked:
    """One entry after its own checks: the item (None when invalid), its references and its problems."""

    table: str
    index: int
    ident: str | None
    item: Role | Skill | Book | None
    refs: dict[str, list[str]]
    problems: list[str]


_REF_FIELDS = {"role": ("key_skills", "next_roles", "related_roles", "canonical_books"), "skill": ("prerequisites",),
               "book": ("roles", "skills")}  # fmt: skip
PARALLEL_BYTES = 2 * 2**20  # files larger than this are parsed in chunks, one per core


def _check_entries(entries: list[Entry], origin: str, today: _dt.date) -> list[Checked]:
    checked = []
    for entry in entries:
        problems = _Problems()
        if entry.table == "role":
            item: Role | Skill | Book | None = _role(entry, problems, origin)
        elif entry.table == "skill":
            item = _skill(entry, problems, origin)
        else:
            item = _book(entry, problems, origin, today)
        ident = entry.data.get(TABLES[entry.table])
        refs = {}
        for field in _REF_FIELDS[entry.table]:
            value = entry.data.get(field)
            if isinstance(value, list):
                refs[field] = [v.strip() for v in value if isinstance(v, str)]
        checked.append(Checked(entry.table, entry.index, ident.strip() if isinstance(ident, str) else None, item,
                               refs, problems.items))  # fmt: skip
    return checked


def _check_source(source: Source, today: _dt.date, problems: _Problems) -> list[Checked]:
    """Every entry of one file, checked; a large file is parsed and checked in parallel chunks."""
    try:
        size = source.path.stat().st_size
    except OSError:
        size = 0
    if size > PARALLEL_BYTES and (os.cpu_count() or 1) > 1:
        result = _check_in_chunks(source, today)
        if result is not None:
            return result
    return _check_entries(read_entries(source.path, source.label, problems), source.origin, today)


class SourceMemo(Protocol):
    """Remembers the checked entries of a file that has not changed (the loader keeps them in the cache)."""

    def get(self, source: Source, today: _dt.date) -> list[Checked] | None: ...

    def put(self, source: Source, today: _dt.date, checked: list[Checked]) -> None: ...


def build_catalog(sources: list[Source], today: _dt.date | None = None, memo: SourceMemo | None = None) -> Catalog:
    """Read, validate and merge the sources in order; later sources override earlier ones by id.

    ``memo`` spares re-reading files that have not changed since their entries were last checked.
    Raises :class:`DataError` with every problem found, each with file, line and field.
    """
    today = today or _dt.date.today()
    problems = _Problems()
    roles: dict[str, Role] = {}
    skills: dict[str, Skill] = {}
    books: dict[str, Book] = {}
    where: dict[tuple[str, str], Entry] = {}
    named: dict[str, set[str]] = {table: set() for table in TABLES}  # ids of every entry, valid or not
    for source in sources:
        seen: dict[tuple[str, str], int] = {}
        entries = memo.get(source, today) if memo else None
        if entries is None:
            before = len(problems.items)
            entries = _check_source(source, today, problems)
            if memo and len(problems.items) == before:  # the file itself read cleanly
                memo.put(source, today, entries)
        for checked in entries:
            problems.items.extend(checked.problems)
            entry = Entry(checked.table, checked.index, {TABLES[checked.table]: checked.ident, **checked.refs},
                          source.path, source.label)  # fmt: skip
            if checked.ident is not None:
                named[checked.table].add(checked.ident)
                where[(checked.table, checked.ident)] = entry  # references are checked for invalid entries too
            item = checked.item
            if item is None:
                continue
            key = (checked.table, item.id)
            if key in seen:
                problems.add(
                    entry,
                    f"duplicate {checked.table} id {item.id!r} (also #{seen[key] + 1} in this file)",
                    TABLES[checked.table],
                )
                continue
            seen[key] = checked.index
            if isinstance(item, Role):
                roles[item.slug] = item
            elif isinstance(item, Skill):
                skills[item.id] = item
            else:
                books[item.id] = item
    unreadable = any(
        ": not valid TOML" in p or p.endswith(("file not found", "not valid UTF-8 text")) or ": cannot read" in p
        for p in problems.items
    )
    if not unreadable:
        # references into a file that could not be read would only repeat its one real problem
        _check_references(skills, where, named, problems)
    if problems.items:
        raise DataError(problems.items)
    return Catalog(roles=roles, skills=skills, books=books, sources=tuple(s.label for s in sources))


# --------------------------------------------------------------------------- large files, in parallel

_HEADER = re.compile(r"^[ \t]*\[\[[ \t]*(role|skill|book)[ \t]*\]\][ \t]*(?:#.*)?$", re.M)


def _split_points(text: str, parts: int) -> list[int]:
    """Offsets that cut the text into ``parts`` pieces with about as many entries each, at a top-level
    [[role]], [[skill]] or [[book]] line that is not inside a multi-line string."""
    heads = [match.start() for match in _HEADER.finditer(text)]
    points = [0]
    for number in range(1, parts):
        for start in heads[len(heads) * number // parts :]:
            before = text[:start]
            if start > points[-1] and before.count('"""') % 2 == 0 and before.count("'''") % 2 == 0:
                points.append(start)
                break
    return points


def _check_in_chunks(source: Source, today: _dt.date) -> list[Checked] | None:
    """Parse and check a large file in one chunk per core (this process takes the first); None to fall back to
    the whole file whenever a chunk does not stand on its own, so that the messages are the whole file's."""
    import concurrent.futures
    import multiprocessing
    import pickle

    try:
        text = source.path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    points = _split_points(text, min(os.cpu_count() or 1, 4))
    if len(points) < 2:
        return None
    chunks = []
    for number, start in enumerate(points):
        end = points[number + 1] if number + 1 < len(points) else len(text)
        offsets = {kind: 0 for kind in TABLES}
        for match in _HEADER.finditer(text, 0, start):
            offsets[match.group(1)] += 1
        chunks.append((text[start:end], offsets, str(source.path), source.label, source.origin, today.isoformat()))
    context = multiprocessing.get_context("fork") if hasattr(os, "fork") else multiprocessing.get_context()
    try:
        with concurrent.futures.ProcessPoolExecutor(max_workers=len(chunks) - 1, mp_context=context) as pool:
            futures = [pool.submit(_check_chunk, chunk) for chunk in chunks[1:]]
            first = _check_chunk(chunks[0], pickled=False)
            rest = [future.result() for future in futures]
    except (OSError, concurrent.futures.process.BrokenProcessPool):
        return None
    if first is None or any(result is None for result in rest):
        return None
    checked: list[Checked] = list(first)  # type: ignore[arg-type]
    for result in rest:
        checked.extend(pickle.loads(result))  # type: ignore[arg-type]
    return checked


def _check_chunk(
    chunk: tuple[str, dict[str, int], str, str, str, str], pickled: bool = True
) -> bytes | list[Checked] | None:
    import pickle

    text, offsets, path, label, origin, day = chunk
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return None
    problems = _Problems()
    entries = _entries_of(document, Path(path), label, problems, offsets)
    if problems.items:
        return None
    checked = _check_entries(entries, origin, _dt.date.fromisoformat(day))
    return pickle.dumps(checked, protocol=pickle.HIGHEST_PROTOCOL) if pickled else checked


def _check_references(
    skills: dict[str, Skill],
    where: dict[tuple[str, str], Entry],
    named: dict[str, set[str]],
    problems: _Problems,
) -> None:
    """Every reference must name an entry that exists (valid or not: an invalid one was reported already)."""

    def unknown(entry: Entry, field: str, kind: str, value: str, choices: Iterable[str]) -> None:
        hint = _closest(value, choices)
        suffix = f" (did you mean '{hint}'?)" if hint else ""
        problems.add(entry, f"'{field}' names unknown {kind} {value!r}{suffix}", field, value)

    def listed(entry: Entry, field: str) -> list[str]:
        value = entry.data.get(field)
        if not isinstance(value, list):
            return []
        return [item.strip() for item in value if isinstance(item, str)]

    references = {
        "role": (
            ("key_skills", "skill"),
            ("next_roles", "role"),
            ("related_roles", "role"),
            ("canonical_books", "book"),
        ),
        "skill": (("prerequisites", "skill"),),
        "book": (("roles", "role"), ("skills", "skill")),
    }
    for (table, _ident), entry in where.items():
        for field, kind in references[table]:
            for value in listed(entry, field):
                if value and value not in named[kind]:
                    unknown(entry, field, kind, value, named[kind])
    cycle = _prerequisite_cycle(skills)
    if cycle:
        entry = where[("skill", cycle[0])]
        problems.add(entry, f"prerequisites form a cycle: {' -> '.join(cycle)}", "prerequisites")


def _prerequisite_cycle(skills: dict[str, Skill]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in skills[node].prerequisites:
            if nxt not in skills:
                continue
            if state.get(nxt) == 1:
                return [*stack[stack.index(nxt) :], nxt]
            if nxt not in state:
                found = visit(nxt)
                if found:
                    return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(skills):
        if node not in state:
            found = visit(node)
            if found:
                return found
    return None
