"""The user's profile: bookmarks, own skills and reading list, kept in one TOML file.

Nothing the user wrote is ever lost. Reads never create anything. Every write takes an exclusive lock (so two
``career`` processes cannot lose each other's change), re-reads the file under the lock, applies the change,
rewrites only what the command changed (comments and fields the user added stay: see ``profile_doc``), checks
that the new text parses back to the same data, and writes it with :mod:`careercli.atomic`. A file that does
not parse, that a newer careercli wrote, or that is read-only, is never overwritten.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from collections.abc import Callable, Iterator, Sequence
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


@record
class ReadingEntry:
    book: str
    status: str = "want"
    added: str = ""
    updated: str = ""
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)  # fields the user added


@record
class Profile:
    bookmarks: tuple[Bookmark, ...] = ()
    skills: tuple[str, ...] = ()  # ids from the vocabulary
    custom_skills: tuple[str, ...] = ()  # names the vocabulary lacks, kept as typed
    reading: tuple[ReadingEntry, ...] = ()
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


def _date(value: Any, where: str) -> str:
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
                added=_date(item.get("added"), "added"),
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
        extra = {k: v for k, v in item.items() if k not in ("book", "status", "added", "updated")}
        added, updated = _date(item.get("added"), "added"), _date(item.get("updated"), "updated")
        reading.append(ReadingEntry(item["book"], status, added, updated, extra))
    skills = _strings(data.pop("skills", None), "skills")
    custom = _strings(data.pop("custom_skills", None), "custom_skills")
    return Profile(tuple(bookmarks), skills, custom, tuple(reading), data)


def to_document(profile: Profile) -> dict[str, Any]:
    """The profile as a plain document (the store writes through :mod:`careercli.profile_doc` instead)."""
    document: dict[str, Any] = {"schema_version": SCHEMA_VERSION}
    document["skills"] = list(profile.skills)
    document["custom_skills"] = list(profile.custom_skills)
    document.update(profile.extra)
    document["bookmark"] = [
        {"role": b.role, "note": b.note, "tags": list(b.tags), "added": b.added, **b.extra} for b in profile.bookmarks
    ]
    document["reading"] = [
        {"book": r.book, "status": r.status, "added": r.added, "updated": r.updated, **r.extra} for r in profile.reading
    ]
    return document


def _undecodable(profile: Profile) -> str | None:
    """The first text that cannot be written as UTF-8 (bytes a terminal passed that were not UTF-8)."""
    texts = [*profile.skills, *profile.custom_skills]
    for mark in profile.bookmarks:
        texts += [mark.role, mark.note, *mark.tags, mark.added]
    for entry in profile.reading:
        texts += [entry.book, entry.status, entry.added, entry.updated]
    for text in texts:
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return None


# --------------------------------------------------------------------------- the store

BOM = b"\xef\xbb\xbf"


class ProfileStore:
    """Reads and writes one profile file, named by text or by a Path (``path`` keeps what it was given)."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = path

    def load(self) -> Profile:
        """The profile, or an empty one when there is no file yet. Creates nothing."""
        raw = self._read()
        return Profile() if raw is None else self._parse(raw)

    def _read(self) -> bytes | None:
        try:
            with open(self.path, "rb") as handle:
                return handle.read()
        except (FileNotFoundError, NotADirectoryError):
            return None  # no profile yet (or its folder cannot exist: the write path says why)
        except IsADirectoryError:
            raise ProfileError(f"{self.path}: is a folder, not a profile file") from None
        except OSError as error:
            raise ProfileError(f"{self.path}: cannot read: {error.strerror or error}") from None

    def _text(self, raw: bytes) -> str:
        try:
            return raw.removeprefix(BOM).decode("utf-8")  # a BOM (some Windows editors add one) is not data
        except UnicodeDecodeError:
            raise ProfileError(
                f"{self.path}: not valid UTF-8 text; the file was left as it is", "Fix or move it, then try again."
            ) from None

    def _parse(self, raw: bytes) -> Profile:
        import tomllib  # here, not at the top: a command that finds no profile file never needs it

        from careercli.profile_doc import MAX_DEPTH, depth

        too_deep = f"{self.path}: tables or arrays nested more than {MAX_DEPTH} deep; the file was left as it is"
        try:
            document = tomllib.loads(self._text(raw))
        except tomllib.TOMLDecodeError as error:
            raise ProfileError(
                f"{self.path}: not valid TOML: {error}; the file was left as it is", "Fix or move it, then try again."
            ) from None
        except RecursionError:
            raise ProfileError(too_deep) from None
        if depth(document) > MAX_DEPTH:
            raise ProfileError(too_deep)
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
        from pathlib import Path  # the write path only: a read never needs pathlib

        from careercli.profile_doc import same_profile

        folder = Path(self.path).parent
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise ProfileError(f"cannot create the profile folder {folder}: {error.strerror or error}") from None
        with self._locked():
            raw = self._read()
            current = Profile() if raw is None else self._parse(raw)
            updated = change(current)
            if same_profile(updated, current):  # nothing to change: the file stays as it is
                return current, updated
            bad = _undecodable(updated)
            if bad is not None:
                raise ProfileError(f"'{bad}' is not valid UTF-8 text; nothing was written to {self.path}")
            self._write(raw, updated)
            return current, updated

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        from pathlib import Path

        path = Path(self.path)
        lock_path = path.with_name(path.name + ".lock")
        try:
            handle = open(lock_path, "a+b")  # noqa: SIM115 - held for the whole block
        except OSError as error:
            raise ProfileError(
                f"cannot write in {path.parent}: {error.strerror or error}",
                "Check the folder's permissions, or move it with XDG_CONFIG_HOME.",
            ) from None
        try:
            _lock(handle)
            yield
        finally:
            _unlock(handle)
            handle.close()

    def _write(self, raw: bytes | None, profile: Profile) -> None:
        import tomllib
        from pathlib import Path

        from careercli.atomic import write_atomically
        from careercli.profile_doc import render, same_profile

        text = render(None if raw is None else self._text(raw), profile, SCHEMA_VERSION)
        # parse what was produced before it replaces anything: it must read back as exactly this profile
        try:
            if not same_profile(from_document(tomllib.loads(text)), profile):
                raise ValueError("round trip changed the data")
        except (tomllib.TOMLDecodeError, ValueError) as error:
            raise ProfileError(
                f"refusing to write {self.path}: the new profile would not read back ({error})"
            ) from None
        # a profile kept elsewhere through a symlink (dotfiles) is replaced where it really lives, link kept
        path = Path(self.path)
        target = Path(os.path.realpath(path)) if path.is_symlink() else path
        mode = None  # a new profile is created 0600: personal notes are not world-readable
        if raw is not None:
            try:
                mode = target.stat().st_mode & 0o7777
            except OSError:
                mode = None
            if mode is not None and not mode & 0o222:
                raise ProfileError(
                    f"{self.path} is read-only, so it was left as it is; make it writable (chmod u+w) to change it"
                )
        data = (BOM if raw is not None and raw.startswith(BOM) else b"") + text.encode("utf-8")
        try:
            write_atomically(target, data, fsync=True, mode=mode)
        except OSError as error:
            raise ProfileError(f"cannot write {self.path}: {error.strerror or error}") from None


if os.name == "nt":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _lock(handle: Any) -> None:
        handle.seek(0)
        while True:
            try:
                msvcrt.locking(handle.fileno(), msvcrt.LK_LOCK, 1)
                return
            except OSError:
                continue

    def _unlock(handle: Any) -> None:
        handle.seek(0)
        with contextlib.suppress(OSError):
            msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(handle: Any) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)

    def _unlock(handle: Any) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


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
    the tags, then ``add_tags`` are added and ``remove_tags`` removed."""
    existing = profile.bookmark(role)
    base = tuple(tags) if tags is not None else existing.tags if existing is not None else ()
    dropped = set(remove_tags)
    new_tags = tuple(t for t in dict.fromkeys((*base, *add_tags)) if t not in dropped)
    if existing is None:
        mark = Bookmark(role, note or "", new_tags, on)
        return replace(profile, bookmarks=(*profile.bookmarks, mark))
    mark = replace(existing, note=existing.note if note is None else note, tags=new_tags)
    return replace(profile, bookmarks=tuple(mark if b.role == role else b for b in profile.bookmarks))


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


def with_reading(profile: Profile, book: str, status: str, on: str) -> Profile:
    existing = next((r for r in profile.reading if r.book == book), None)
    if existing is None:
        return replace(profile, reading=(*profile.reading, ReadingEntry(book, status, on, on)))
    entry = replace(existing, status=status, updated=on if status != existing.status else existing.updated)
    return replace(profile, reading=tuple(entry if r.book == book else r for r in profile.reading))


def without_reading(profile: Profile, book: str) -> Profile:
    return replace(profile, reading=tuple(r for r in profile.reading if r.book != book))
