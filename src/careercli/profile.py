"""The user's profile: bookmarks, own skills and reading list, kept in one TOML file.

Nothing the user wrote is ever lost. Reads never create anything. Every write takes an exclusive lock (so two
``career`` processes cannot lose each other's change), re-reads the file under the lock, applies the change,
checks that what tomli-w produced parses back to the same data, writes a temporary file in the same folder,
flushes and fsyncs it and ``os.replace``s it over the old one. A file that does not parse, or that a newer
careercli wrote, is never overwritten.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import tempfile
import tomllib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from careercli.errors import ProfileError

SCHEMA_VERSION = 1
STATUSES = ("want", "reading", "read")


@dataclass(frozen=True)
class Bookmark:
    role: str
    note: str = ""
    tags: tuple[str, ...] = ()
    added: str = ""  # ISO date of the first time it was added


@dataclass(frozen=True)
class ReadingEntry:
    book: str
    status: str = "want"
    added: str = ""
    updated: str = ""


@dataclass(frozen=True)
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
                added=_string(item.get("added"), "added"),
            )
        )
    reading = []
    for index, item in enumerate(data.pop("reading", []) or []):
        if not isinstance(item, dict) or not isinstance(item.get("book"), str):
            raise ValueError(f"reading entry #{index + 1} has no book")
        status = _string(item.get("status"), "status", "want")
        if status not in STATUSES:
            raise ValueError(f"reading entry '{item['book']}' has unknown status '{status}'")
        reading.append(
            ReadingEntry(item["book"], status, _string(item.get("added"), "added"), _string(item.get("updated"), "u"))
        )
    skills = _strings(data.pop("skills", None), "skills")
    custom = _strings(data.pop("custom_skills", None), "custom_skills")
    return Profile(tuple(bookmarks), skills, custom, tuple(reading), data)


def to_document(profile: Profile) -> dict[str, Any]:
    document: dict[str, Any] = {"schema_version": SCHEMA_VERSION}
    document["skills"] = list(profile.skills)
    document["custom_skills"] = list(profile.custom_skills)
    document.update(profile.extra)
    document["bookmark"] = [
        {"role": b.role, "note": b.note, "tags": list(b.tags), "added": b.added} for b in profile.bookmarks
    ]
    document["reading"] = [
        {"book": r.book, "status": r.status, "added": r.added, "updated": r.updated} for r in profile.reading
    ]
    return document


# --------------------------------------------------------------------------- the store


class ProfileStore:
    """Reads and writes one profile file."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def load(self) -> Profile:
        """The profile, or an empty one when there is no file yet. Creates nothing."""
        try:
            raw = self.path.read_bytes()
        except (FileNotFoundError, NotADirectoryError):
            return Profile()  # no profile yet (or its folder cannot exist: the write path says why)
        except IsADirectoryError:
            raise ProfileError(f"{self.path}: is a folder, not a profile file") from None
        except OSError as error:
            raise ProfileError(f"{self.path}: cannot read: {error.strerror or error}") from None
        return self._parse(raw)

    def _parse(self, raw: bytes) -> Profile:
        try:
            document = tomllib.loads(raw.decode("utf-8"))
        except UnicodeDecodeError:
            raise ProfileError(
                f"{self.path}: not valid UTF-8 text; the file was left as it is", "Fix or move it, then try again."
            ) from None
        except tomllib.TOMLDecodeError as error:
            raise ProfileError(
                f"{self.path}: not valid TOML: {error}; the file was left as it is", "Fix or move it, then try again."
            ) from None
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

    def update(self, change: Callable[[Profile], Profile]) -> Profile:
        """Apply ``change`` to the current profile under the lock and write the result atomically."""
        folder = self.path.parent
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise ProfileError(f"cannot create the profile folder {folder}: {error.strerror or error}") from None
        with self._locked():
            current = self.load()
            updated = change(current)
            if updated == current and updated.extra == current.extra and self.path.exists():
                return updated
            self._write(updated)
            return updated

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        lock_path = self.path.with_name(self.path.name + ".lock")
        try:
            handle = open(lock_path, "a+b")  # noqa: SIM115 - held for the whole block
        except OSError as error:
            raise ProfileError(
                f"cannot write in {self.path.parent}: {error.strerror or error}",
                "Check the folder's permissions, or move it with XDG_CONFIG_HOME.",
            ) from None
        try:
            _lock(handle)
            yield
        finally:
            _unlock(handle)
            handle.close()

    def _write(self, profile: Profile) -> None:
        import tomli_w

        document = to_document(profile)
        text = tomli_w.dumps(document)
        # tomli-w does not promise valid TOML for every input: parse it back before it replaces anything
        try:
            if tomllib.loads(text) != document:
                raise ValueError("round trip changed the data")
        except (tomllib.TOMLDecodeError, ValueError) as error:
            raise ProfileError(
                f"refusing to write {self.path}: the new profile would not read back ({error})"
            ) from None
        # a profile kept elsewhere through a symlink (dotfiles) is replaced where it really lives, link kept
        target = Path(os.path.realpath(self.path)) if self.path.is_symlink() else self.path
        folder = target.parent
        try:
            fd, tmp_name = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".tmp")
        except OSError as error:
            raise ProfileError(
                f"cannot write in {folder}: {error.strerror or error}",
                "Check the folder's permissions, or move it with XDG_CONFIG_HOME.",
            ) from None
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(text.encode("utf-8"))
                handle.flush()
                os.fsync(handle.fileno())
            if target.exists():
                with contextlib.suppress(OSError):
                    os.chmod(tmp_name, target.stat().st_mode & 0o777)
            os.replace(tmp_name, target)
        except OSError as error:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)
            raise ProfileError(f"cannot write {self.path}: {error.strerror or error}") from None
        _fsync_folder(folder)


def _fsync_folder(folder: Path) -> None:
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


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


def with_bookmark(profile: Profile, role: str, note: str | None, tags: list[str] | None, on: str) -> Profile:
    """Add a bookmark, or update its note and tags (only those given), keeping the first date."""
    existing = profile.bookmark(role)
    if existing is None:
        mark = Bookmark(role, note or "", tuple(dict.fromkeys(tags or ())), on)
        return replace(profile, bookmarks=(*profile.bookmarks, mark))
    mark = replace(
        existing,
        note=existing.note if note is None else note,
        tags=existing.tags if tags is None else tuple(dict.fromkeys(tags)),
    )
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
