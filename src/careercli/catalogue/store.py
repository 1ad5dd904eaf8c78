"""One keyed store for everything derived from the data files: the checked catalogue item by item, its indexes
and the search index, in one SQLite file of the user's cache folder.

Each row is a named blob with a CRC-32 of its name and bytes, checked on every read; the store's key (the
sources' stat data, this version, the model's fields) is a row too. A store that is missing, stale, damaged,
a symlink, or not owned by the user is never used: :class:`Damaged` tells the caller to rebuild. SQLite reads
only the rows a command needs, so the first view with a 30 MiB pack costs about what it costs without it.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
import stat
import zlib
from collections.abc import Iterable

from careercli.paths import file_uri, owned, plain, usable_folder

NAME = "catalogue.sqlite3"


class Damaged(Exception):
    """The store cannot be trusted any more: rebuild from the sources."""


def _digest(name: str, data: bytes) -> int:
    return zlib.crc32(data, zlib.crc32(name.encode("utf-8", "surrogateescape")))


class Store:
    """An open store whose key matched; every read is checked."""

    def __init__(self, connection: sqlite3.Connection, path: str) -> None:
        self._db = connection
        self.path = path

    @property
    def connection(self) -> sqlite3.Connection:
        """The open database, for the tables kept beside the blobs (the search index: ``search_store``)."""
        return self._db

    @classmethod
    def open(cls, folder: str | os.PathLike[str], key: str) -> Store | None:
        """The store in ``folder`` when it is this user's own regular file and was written under ``key``."""
        folder = plain(folder)
        path = os.path.join(folder, NAME)
        try:
            st = os.lstat(path)
        except OSError:
            return None
        if not stat.S_ISREG(st.st_mode) or not owned(st) or not usable_folder(folder, create=False):
            return None
        try:
            connection = sqlite3.connect(f"{file_uri(path)}?mode=rw", uri=True, isolation_level=None)
        except (sqlite3.Error, ValueError):
            return None
        store = cls(connection, path)
        try:
            if store.get("key").decode("utf-8") == key:
                return store
        except (Damaged, KeyError, UnicodeDecodeError):  # a store without its key row is damaged: rebuilt
            pass
        connection.close()
        return None

    def get(self, name: str) -> bytes:
        """The blob named ``name``; :class:`KeyError` when there is none, :class:`Damaged` when it fails its check."""
        try:
            row = self._db.execute("SELECT digest, data FROM blob WHERE name = ?", (name,)).fetchone()
        except sqlite3.Error as error:
            raise Damaged(str(error)) from None
        if row is None:
            raise KeyError(name)
        digest, data = row
        if not isinstance(data, bytes) or digest != _digest(name, data):
            raise Damaged(name)
        return data

    def prefixed(self, prefix: str) -> list[tuple[str, bytes]]:
        """Every blob whose name starts with ``prefix``, in one query, each checked; :class:`Damaged` when any fails."""
        try:
            rows = self._db.execute("SELECT name, digest, data FROM blob WHERE name >= ? AND name < ?",
                                    (prefix, prefix + "\U0010ffff")).fetchall()  # fmt: skip
        except sqlite3.Error as error:
            raise Damaged(str(error)) from None
        for name, digest, data in rows:
            if not isinstance(name, str) or not isinstance(data, bytes) or digest != _digest(name, data):
                raise Damaged(name)
        return [(name, data) for name, _digest_, data in rows]

    def put(self, name: str, data: bytes) -> None:
        """Add one blob to a store in use (the search index, built on the first search); failures cost speed only."""
        with contextlib.suppress(sqlite3.Error):
            self._db.execute("INSERT OR REPLACE INTO blob VALUES (?, ?, ?)", (name, _digest(name, data), data))

    def close(self) -> None:
        self._db.close()


def write_store(folder: str | os.PathLike[str], key: str, blobs: Iterable[tuple[str, bytes]]) -> None:
    """A new store under ``key`` replacing any old one at once; a folder that cannot be used only costs speed."""
    folder = plain(folder)
    if not usable_folder(folder, create=True):
        return
    from careercli.atomic import prune_stale

    prune_stale(folder, f".{NAME}.", ".tmp", middle=r"\d+")  # left by a process that was killed
    remove_legacy(folder)
    temporary = os.path.join(folder, f".{NAME}.{os.getpid()}.tmp")
    try:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        fill(temporary, key, blobs)
        os.chmod(temporary, 0o600)
        os.replace(temporary, os.path.join(folder, NAME))
    except (OSError, sqlite3.Error):
        with contextlib.suppress(OSError):
            os.unlink(temporary)


def fill(path: str, key: str, blobs: Iterable[tuple[str, bytes]]) -> None:
    """Write a new store file at ``path`` (which must not exist) holding ``blobs`` under ``key``."""
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        connection.execute("PRAGMA journal_mode = OFF")
        connection.execute("PRAGMA synchronous = OFF")
        connection.execute("CREATE TABLE blob (name TEXT PRIMARY KEY, digest INTEGER, data BLOB) WITHOUT ROWID")
        connection.execute("BEGIN")
        rows = ((name, _digest(name, data), data) for name, data in blobs)
        connection.executemany("INSERT OR REPLACE INTO blob VALUES (?, ?, ?)", rows)
        data = key.encode("utf-8")
        connection.execute("INSERT INTO blob VALUES (?, ?, ?)", ("key", _digest("key", data), data))
        connection.execute("COMMIT")
    finally:
        connection.close()


LEGACY_FILES = ("catalog.bin", "search.marshal")  # the caches of earlier versions, replaced by this store
LEGACY_MEMO = "sources"  # and their folder of per-file memos, named like 0123abcd.marshal
_MEMO_NAME = re.compile(r"[0-9a-f]{8}\.marshal")


def remove_legacy(folder: str | os.PathLike[str]) -> None:
    """Remove the cache files that earlier versions left in ``folder``: only those exact names, only regular files
    (a symlink is never followed nor removed), and their memo folder only when nothing else is in it."""
    for name in LEGACY_FILES:
        path = os.path.join(folder, name)
        with contextlib.suppress(OSError):
            if stat.S_ISREG(os.lstat(path).st_mode):
                os.unlink(path)
    memo = os.path.join(folder, LEGACY_MEMO)
    try:
        if not stat.S_ISDIR(os.lstat(memo).st_mode):
            return
        with os.scandir(memo) as entries:
            for entry in entries:
                if _MEMO_NAME.fullmatch(entry.name) and entry.is_file(follow_symlinks=False):
                    with contextlib.suppress(OSError):
                        os.unlink(entry.path)
        os.rmdir(memo)  # fails, and keeps the folder, when anything else is in it
    except OSError:
        pass
