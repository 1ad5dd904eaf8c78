"""The user's profile: bookmarks, own skills and reading list, kept in one TOML file.

Nothing the user wrote is ever lost. Reads never create anything. Every write takes an exclusive lock (so two
``career`` processes cannot lose each other's change), re-reads the file under the lock, applies the change,
rewrites only what the command changed (comments and fields the user added stay: see ``render``), checks
that the new text parses back to the same data, and writes it atomically (reading, locking and writing live in
:mod:`careercli.user_files`, shared with config.toml). A file that does not parse, that a newer careercli wrote,
or that is read-only, is never overwritten.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Sequence
from typing import Any

from careercli.errors import ProfileError
from careercli.records import record, replace
from careercli.records import spec as field

SCHEMA_VERSION = 1
STATUSES = ("want", "reading", "read")


@record
class Bookmark:
    role: str
    note: str = ""
    tags: tuple[str, ...] = ()
    added: str = ""  # ISO date of the first time it was added
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)  # fields the user added


CUSTOM_BOOK = "custom:"  # the id prefix of a reading entry for a book outside the catalogue (no catalogue id has ':')
RATINGS = range(1, 6)


@record
class ReadingEntry:
    book: str  # a catalogue id, or CUSTOM_BOOK + a slug of the title for the user's own entry
    status: str = "want"
    added: str = ""
    updated: str = ""
    note: str = ""
    rating: int | None = None  # 1 to 5
    title: str = ""  # the user's own entry only: its title, authors and year as they typed them
    authors: tuple[str, ...] = ()
    year: int | None = None
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)  # fields the user added

    @property
    def custom(self) -> bool:
        return self.book.startswith(CUSTOM_BOOK)


def custom_book_id(title: str) -> str:
    """The id of the user's own entry for a title: 'The Phoenix Project' -> 'custom:the-phoenix-project'."""
    import re

    slug = re.sub(r"[^0-9a-z]+", "-", title.casefold()).strip("-")
    return CUSTOM_BOOK + (slug or "book")


def same_title(left: str, right: str) -> bool:
    """Two titles name the same book when they differ only in case, spacing and punctuation."""
    return custom_book_id(left) == custom_book_id(right)


ZONES = (1, 2, 3, 4, 5)  # O*NET's job zones
AREA_COUNT = 6  # the RIASEC areas, in the order R, I, A, S, E, C


@record
class Answers:
    """What a person told ``career discover`` (the ``[discover]`` table): how much each RIASEC area appeals (0 to
    10, RIASEC order), the acceptable job zones, a minimum median annual pay, whether to weigh recorded skills."""

    scores: tuple[float, ...]
    zones: tuple[int, ...] = ZONES
    min_pay: float | None = None
    skills: bool = False


@record
class Profile:
    bookmarks: tuple[Bookmark, ...] = ()
    skills: tuple[str, ...] = ()  # ids from the vocabulary
    custom_skills: tuple[str, ...] = ()  # names the vocabulary lacks, kept as typed
    reading: tuple[ReadingEntry, ...] = ()
    discover: Answers | None = None  # the saved answers of ``career discover``
    extra: dict[str, Any] = field(default_factory=dict, compare=False)  # unknown keys, kept as they were

    def bookmark(self, role: str) -> Bookmark | None:
        return next((b for b in self.bookmarks if b.role == role), None)

    def reading_status(self) -> dict[str, str]:
        return {entry.book: entry.status for entry in self.reading}


def today() -> str:
    return dt.date.today().isoformat()


# --------------------------------------------------------------------------- (de)serialising


def _strings(value: Any, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ValueError(f"'{where}' must be a list of strings")
    return tuple(value)


def _string(value: Any, where: str, default: str = "") -> str:
    if value is None:
        return default
    if not isinstance(value, str):
        raise ValueError(f"'{where}' must be a string")
    return value


def date_text(value: Any, where: str) -> str:
    """An ISO date: as written by careercli (text), or a TOML date or date-time a person wrote by hand."""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if value is not None and not isinstance(value, str):
        raise ValueError(f"'{where}' must be a date (2024-01-31) or a string")
    return _string(value, where)


def from_document(document: dict[str, Any]) -> Profile:
    """The profile from a parsed TOML document. Raises ValueError for a wrong shape."""
    data = dict(document)
    data.pop("schema_version", None)
    bookmarks = []
    for index, item in enumerate(data.pop("bookmark", []) or []):
        if not isinstance(item, dict) or not isinstance(item.get("role"), str):
            raise ValueError(f"bookmark #{index + 1} has no role")
        bookmarks.append(
            Bookmark(
                role=item["role"],
                note=_string(item.get("note"), "note"),
                tags=_strings(item.get("tags"), "tags"),
                added=date_text(item.get("added"), "added"),
                extra={k: v for k, v in item.items() if k not in ("role", "note", "tags", "added")},
            )
        )
    reading = []
    for index, item in enumerate(data.pop("reading", []) or []):
        if not isinstance(item, dict) or not isinstance(item.get("book"), str):
            raise ValueError(f"reading entry #{index + 1} has no book")
        status = _string(item.get("status"), "status", "want")
        if status not in STATUSES:
            raise ValueError(f"reading entry '{item['book']}' has unknown status '{status}'")
        reading.append(_reading_entry(item, status))
    skills = _strings(data.pop("skills", None), "skills")
    custom = _strings(data.pop("custom_skills", None), "custom_skills")
    answers = answers_from(data.pop("discover")) if "discover" in data else None
    return Profile(tuple(bookmarks), skills, custom, tuple(reading), answers, data)


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and value == value  # not nan


def answers_from(table: Any) -> Answers:
    """The ``[discover]`` table as :class:`Answers`; ValueError names what is wrong with it."""
    if not isinstance(table, dict):
        raise ValueError("'discover' must be a table")
    scores = table.get("scores")
    if (not isinstance(scores, list) or len(scores) != AREA_COUNT
            or not all(_number(v) and 0 <= v <= 10 for v in scores)):  # fmt: skip
        raise ValueError("'discover.scores' must be six numbers from 0 to 10 (R, I, A, S, E, C)")
    zones = table.get("zones", list(ZONES))
    if (not isinstance(zones, list) or not zones
            or not all(isinstance(z, int) and not isinstance(z, bool) and z in ZONES for z in zones)):  # fmt: skip
        raise ValueError("'discover.zones' must be a list of job zones from 1 to 5")
    min_pay = table.get("min_pay")
    if min_pay is not None and not (_number(min_pay) and min_pay >= 0):
        raise ValueError("'discover.min_pay' must be a number of dollars a year, 0 or more")
    skills = table.get("skills", False)
    if not isinstance(skills, bool):
        raise ValueError("'discover.skills' must be true or false")
    return Answers(
        tuple(float(v) for v in scores),
        tuple(sorted(set(zones))),
        None if min_pay is None else float(min_pay),
        skills,
    )


def answers_table(answers: Answers) -> dict[str, Any]:
    """The ``[discover]`` table of the answers: whole numbers written as such, no ``min_pay`` when there is none."""

    def plain(value: float) -> int | float:
        return int(value) if value == int(value) else value

    table: dict[str, Any] = {"scores": [plain(v) for v in answers.scores], "zones": list(answers.zones)}
    if answers.min_pay is not None:
        table["min_pay"] = plain(answers.min_pay)
    table["skills"] = answers.skills
    return table


def _reading_entry(item: dict[str, Any], status: str) -> ReadingEntry:
    book = item["book"]
    rating, year = item.get("rating"), item.get("year")
    if rating is not None and (isinstance(rating, bool) or not isinstance(rating, int) or rating not in RATINGS):
        raise ValueError(f"reading entry '{book}' has rating {rating!r}: a rating is a whole number from 1 to 5")
    if year is not None and (isinstance(year, bool) or not isinstance(year, int)):
        raise ValueError(f"reading entry '{book}' has year {year!r}: a year is a whole number")
    title = _string(item.get("title"), "title").strip()
    if book.startswith(CUSTOM_BOOK) and not title:
        raise ValueError(f"reading entry '{book}' is your own entry but has no title")
    return ReadingEntry(
        book,
        status,
        added=date_text(item.get("added"), "added"),
        updated=date_text(item.get("updated"), "updated"),
        note=_string(item.get("note"), "note"),
        rating=rating,
        title=title,
        authors=_strings(item.get("authors"), "authors"),
        year=year,
        extra={k: v for k, v in item.items() if k not in READING_FIELDS},
    )


def _reading_fields(entry: ReadingEntry) -> dict[str, Any]:
    """The fields careercli owns in a ``[[reading]]`` entry; None marks an optional field that is absent."""
    return {"book": entry.book, "title": entry.title or None, "authors": list(entry.authors) or None,
            "year": entry.year, "status": entry.status, "added": entry.added, "updated": entry.updated,
            "note": entry.note or None, "rating": entry.rating}  # fmt: skip


def to_document(profile: Profile) -> dict[str, Any]:
    """The profile as a plain document (the store writes through :func:`render` instead)."""
    document: dict[str, Any] = {"schema_version": SCHEMA_VERSION}
    document["skills"] = list(profile.skills)
    document["custom_skills"] = list(profile.custom_skills)
    document.update(profile.extra)
    if profile.discover is not None:
        document["discover"] = answers_table(profile.discover)
    document["bookmark"] = [
        {"role": b.role, "note": b.note, "tags": list(b.tags), "added": b.added, **b.extra} for b in profile.bookmarks
    ]
    document["reading"] = [
        {k: v for k, v in _reading_fields(r).items() if v is not None} | r.extra for r in profile.reading
    ]
    return document


def _undecodable(profile: Profile) -> str | None:
    """The first text that cannot be written as UTF-8 (bytes a terminal passed that were not UTF-8)."""
    texts = [*profile.skills, *profile.custom_skills]
    for mark in profile.bookmarks:
        texts += [mark.role, mark.note, *mark.tags, mark.added]
    for entry in profile.reading:
        texts += [entry.book, entry.status, entry.added, entry.updated, entry.note, entry.title, *entry.authors]
    for text in texts:
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return None


# --------------------------------------------------------------------------- the file's text

# A comparison that treats nan as equal to itself, and the style-preserving rewrite. A write changes only what the
# command changed: the fields careercli owns inside a ``[[bookmark]]`` or ``[[reading]]`` entry, the skill lists,
# the entries added or removed. Everything else the user wrote by hand (unknown fields in entries, unknown keys,
# comments, layout) stays as it was. tomlkit keeps it; it is imported only on the write path (reads use the
# standard library's tomllib).

BOOKMARK_FIELDS = ("role", "note", "tags", "added")
READING_FIELDS = ("book", "status", "added", "updated", "note", "rating", "title", "authors", "year")


def same(left: Any, right: Any) -> bool:
    """Equal as TOML values, with nan equal to nan (only call on documents whose depth has been bounded: see
    ``user_files.parse``)."""
    import math

    if isinstance(left, float) and isinstance(right, float) and math.isnan(left) and math.isnan(right):
        return True
    if type(left) is not type(right):
        return False
    if isinstance(left, dict):
        return left.keys() == right.keys() and all(same(value, right[key]) for key, value in left.items())
    if isinstance(left, list | tuple):
        return len(left) == len(right) and all(same(a, b) for a, b in zip(left, right, strict=True))
    return bool(left == right)


def same_profile(left: Profile, right: Profile) -> bool:
    """The two profiles hold the same data, unknown keys and unknown entry fields included."""
    if left != right or not same(left.extra, right.extra):
        return False
    pairs: list[tuple[Bookmark | ReadingEntry, Bookmark | ReadingEntry]] = [
        *zip(left.bookmarks, right.bookmarks, strict=True), *zip(left.reading, right.reading, strict=True)]  # fmt: skip
    return all(same(a.extra, b.extra) for a, b in pairs)


def entry_fields(profile: Profile) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The fields careercli owns in each bookmark and reading entry, in file order."""
    marks = [{"role": b.role, "note": b.note, "tags": list(b.tags), "added": b.added} for b in profile.bookmarks]
    return marks, [_reading_fields(r) for r in profile.reading]


def render(original: str | None, profile: Profile, schema_version: int) -> str:
    """The new file text: ``original`` (already checked to parse) with the profile's data put in place."""
    import tomlkit

    document = tomlkit.parse(original) if original is not None else tomlkit.document()
    if "schema_version" not in document:
        document["schema_version"] = schema_version
    for key, values in (("skills", profile.skills), ("custom_skills", profile.custom_skills)):
        current = document.get(key)
        if current is None or not same(_plain(current), list(values)):
            document[key] = list(values)
    _sync_answers(document, profile)
    marks, reading = entry_fields(profile)
    _sync_entries(document, "bookmark", "role", marks)
    _sync_entries(document, "reading", "book", reading)
    return tomlkit.dumps(document)


def _sync_answers(document: Any, profile: Profile) -> None:
    """The ``[discover]`` table: removed when there are no answers, else its fields changed where they differ (a
    comment or a field the user added in it stays)."""
    current = document.get("discover")
    if profile.discover is None:
        if current is not None:
            del document["discover"]
        return
    wanted = answers_table(profile.discover)
    if not isinstance(current, dict):
        document["discover"] = wanted
        return
    try:
        if answers_from(_plain(current)) == profile.discover:
            return
    except ValueError:
        pass
    for name in ("scores", "zones", "min_pay", "skills"):
        if name not in wanted:
            current.pop(name, None)
        elif name not in current or not same(_plain(current[name]), wanted[name]):
            current[name] = wanted[name]


def _plain(item: Any) -> Any:
    return item.unwrap() if hasattr(item, "unwrap") else item


def _sync_entries(document: Any, key: str, id_field: str, wanted: list[dict[str, Any]]) -> None:
    """Make the entries under ``key`` hold ``wanted``, changing only what differs.

    The store's changes keep the order of entries (they update in place, drop some, append new ones, give one
    a new id), so the file's entries and the wanted ones are walked side by side: a match (or an entry whose id
    alone changed) is updated field by field, an entry no longer wanted is dropped, and the rest is appended.
    """
    import tomlkit

    existing = document.get(key)
    if existing is None:
        if wanted:
            table_list = tomlkit.aot()
            for fields in wanted:
                table_list.append(_new_table(fields))
            document[key] = table_list
        return
    position = 0
    index = 0
    wanted_ids = {fields[id_field] for fields in wanted}
    held_ids = {_plain(item.get(id_field)) for item in existing}
    while index < len(existing):
        item = existing[index]
        held = _plain(item.get(id_field))
        renamed = held not in wanted_ids and position < len(wanted) and wanted[position][id_field] not in held_ids
        if position < len(wanted) and (held == wanted[position][id_field] or renamed):  # renamed: one's own
            # reading entry that became a catalogue book, changed in place with its comments
            _update_fields(item, wanted[position])
            position += 1
            index += 1
        else:
            del existing[index]
    inline = not isinstance(existing, tomlkit.items.AoT)
    for fields in wanted[position:]:
        existing.append(_new_inline(fields) if inline else _new_table(fields))


def _update_fields(item: Any, fields: dict[str, Any]) -> None:
    for name, value in fields.items():
        if value is None:  # an optional field that is absent: removed if the file has it
            if name in item:
                del item[name]
        elif name not in item:
            if value not in ("", []):  # a missing field reads as empty: leave it missing
                item[name] = value
        elif not same(_held(name, _plain(item[name])), value):
            item[name] = value


def _held(name: str, value: Any) -> Any:
    """A field's value as the profile reads it: a TOML date or date-time a person wrote (``2024-01-01T10:30:00Z``)
    is its day, equal to careercli's own text for that day, so the file keeps it as written until the day changes."""
    if name in ("added", "updated"):
        return date_text(value, name)
    return value


def _new_table(fields: dict[str, Any]) -> Any:
    import tomlkit

    table = tomlkit.table()
    for name, value in fields.items():
        if value is not None:
            table[name] = value
    return table


def _new_inline(fields: dict[str, Any]) -> Any:
    import tomlkit

    table = tomlkit.inline_table()
    table.update({name: value for name, value in fields.items() if value is not None})
    return table


# --------------------------------------------------------------------------- the store


class ProfileStore:
    """Reads and writes one profile file, named by text or by a Path (``path`` keeps what it was given)."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = path

    def load(self) -> Profile:
        """The profile, or an empty one when there is no file yet. Creates nothing."""
        from careercli import user_files

        raw = user_files.read(self.path, ProfileError)
        return Profile() if raw is None else self._parse(raw)

    def _parse(self, raw: bytes) -> Profile:
        from careercli import user_files

        document = user_files.parse(self.path, raw, ProfileError)
        version = document.get("schema_version", SCHEMA_VERSION)
        if not isinstance(version, int) or isinstance(version, bool):
            raise ProfileError(f"{self.path}: schema_version must be a whole number; the file was left as it is")
        if version > SCHEMA_VERSION:
            raise ProfileError(
                f"{self.path}: written by a newer careercli (profile schema {version}, this one reads up to "
                f"{SCHEMA_VERSION}); the file was left as it is",
                "Upgrade careercli to use this profile.",
            )
        try:
            return from_document(document)
        except ValueError as error:
            raise ProfileError(f"{self.path}: {error}; the file was left as it is") from None

    def update(self, change: Callable[[Profile], Profile]) -> tuple[Profile, Profile]:
        """Apply ``change`` to the profile under the lock, write the result atomically; return (before, after).

        ``before`` is the file as it was under the lock, so a caller decides "not there" from the file it changed.
        """
        from careercli import user_files

        done: list[tuple[Profile, Profile]] = []

        def new_text(raw: bytes | None) -> str | None:
            current = Profile() if raw is None else self._parse(raw)
            updated = change(current)
            done.append((current, updated))
            if same_profile(updated, current):  # nothing to change: the file stays as it is
                return None
            bad = _undecodable(updated)
            if bad is not None:
                raise ProfileError(f"'{bad}' is not valid UTF-8 text; nothing was written to {self.path}")
            return self._render(raw, updated)

        user_files.rewrite(self.path, new_text, ProfileError, "profile")
        return done[0]

    def _render(self, raw: bytes | None, profile: Profile) -> str:
        """The new file text, checked to read back as exactly ``profile``."""
        import tomllib

        from careercli import user_files

        text = render(None if raw is None else user_files.text(self.path, raw, ProfileError), profile, SCHEMA_VERSION)
        # parse what was produced before it replaces anything: it must read back as exactly this profile
        try:
            if not same_profile(from_document(tomllib.loads(text)), profile):
                raise ValueError("round trip changed the data")
        except (tomllib.TOMLDecodeError, ValueError) as error:
            raise ProfileError(
                f"refusing to write {self.path}: the new profile would not read back ({error})"
            ) from None
        return text


# --------------------------------------------------------------------------- changes (pure functions)


def with_bookmark(
    profile: Profile,
    role: str,
    note: str | None,
    tags: list[str] | None,
    on: str,
    add_tags: Sequence[str] = (),
    remove_tags: Sequence[str] = (),
) -> Profile:
    """Add a bookmark, or update its note and tags (only those given), keeping the first date: ``tags`` replaces
    the tags, then ``add_tags`` are added and ``remove_tags`` removed. Of two entries for one role, the first is
    updated (see :func:`_first`)."""
    at = _first(profile.bookmarks, lambda b: b.role == role)
    base = tuple(tags) if tags is not None else profile.bookmarks[at].tags if at is not None else ()
    dropped = set(remove_tags)
    new_tags = tuple(t for t in dict.fromkeys((*base, *add_tags)) if t not in dropped)
    if at is None:
        mark = Bookmark(role, note or "", new_tags, on)
        return replace(profile, bookmarks=(*profile.bookmarks, mark))
    existing = profile.bookmarks[at]
    mark = replace(existing, note=existing.note if note is None else note, tags=new_tags)
    return replace(profile, bookmarks=_put(profile.bookmarks, at, mark))


def _first(entries: Sequence[Any], wanted: Callable[[Any], bool]) -> int | None:
    """Where the first entry for an id is. A profile merged by hand may hold two ``[[bookmark]]`` (or
    ``[[reading]]``) entries for one id: a change goes to the first, the one every read shows; the others stay as
    they are."""
    return next((index for index, entry in enumerate(entries) if wanted(entry)), None)


def _put(entries: tuple[Any, ...], at: int, entry: Any) -> tuple[Any, ...]:
    return (*entries[:at], entry, *entries[at + 1 :])


def without_bookmark(profile: Profile, role: str) -> Profile:
    return replace(profile, bookmarks=tuple(b for b in profile.bookmarks if b.role != role))


def with_skills(profile: Profile, skills: list[str], custom: list[str]) -> Profile:
    return replace(
        profile,
        skills=tuple(dict.fromkeys((*profile.skills, *skills))),
        custom_skills=tuple(dict.fromkeys((*profile.custom_skills, *custom))),
    )


def without_skills(profile: Profile, skills: list[str], custom: list[str]) -> Profile:
    return replace(
        profile,
        skills=tuple(s for s in profile.skills if s not in skills),
        custom_skills=tuple(s for s in profile.custom_skills if s not in custom),
    )


@record
class ReadingChange:
    """What ``career reading add`` changes in an entry; None leaves a field as it is (a new entry: its default)."""

    status: str | None = None
    note: str | None = None  # "" removes the note
    rating: int | None = None  # 0 removes the rating
    title: str | None = None  # the user's own entry only
    authors: tuple[str, ...] | None = None
    year: int | None = None


def with_reading(profile: Profile, book: str, change: ReadingChange, on: str, title: str = "") -> Profile:
    """Add a book to the reading list, or change its entry (the first entry for it: see :func:`_first`).

    A catalogue book whose title is that of one of the user's own entries takes that entry's place (its note,
    rating and dates kept): a book the catalogue gained later is not listed twice. ``title`` is the catalogue
    book's title.
    """
    at = _first(profile.reading, lambda r: r.book == book)
    if at is None and title and not book.startswith(CUSTOM_BOOK):
        at = _first(profile.reading, lambda r: r.custom and same_title(r.title, title))
    if at is None:
        new = ReadingEntry(book, change.status or "want", on, on)
        return replace(profile, reading=(*profile.reading, _changed(new, change, on, created=True)))
    existing = profile.reading[at]
    if existing.book != book:  # one's own entry, now in the catalogue
        existing = replace(existing, book=book, title="", authors=(), year=None)
    return replace(profile, reading=_put(profile.reading, at, _changed(existing, change, on, created=False)))


def _changed(entry: ReadingEntry, change: ReadingChange, on: str, created: bool) -> ReadingEntry:
    status = change.status or entry.status
    updated = on if created or status != entry.status else entry.updated
    rating = entry.rating if change.rating is None else (change.rating or None)
    return replace(
        entry,
        status=status,
        updated=updated,
        note=entry.note if change.note is None else change.note,
        rating=rating,
        title=entry.title if change.title is None else change.title,
        authors=entry.authors if change.authors is None else change.authors,
        year=entry.year if change.year is None else change.year,
    )


def without_reading(profile: Profile, book: str) -> Profile:
    return replace(profile, reading=tuple(r for r in profile.reading if r.book != book))


def with_answers(profile: Profile, answers: Answers | None) -> Profile:
    """The profile with these discover answers saved (None: forgotten)."""
    return replace(profile, discover=answers)


def own_entry(profile: Profile, query: str) -> ReadingEntry | None:
    """The user's own reading entry that ``query`` names: by id (with or without 'custom:') or by title."""
    wanted = query if query.startswith(CUSTOM_BOOK) else custom_book_id(query)
    return next((r for r in profile.reading if r.custom and (r.book == wanted or same_title(r.title, query))), None)
