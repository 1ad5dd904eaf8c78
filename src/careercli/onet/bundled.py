"""The bundled extract's database in the user's cache folder, used only when it is provably careercli's own.

The cache folder and its ``onet`` folder are created 0700 and must be real folders of this user. The database file
``bundled-KEY.sqlite`` (KEY: ``careercli.cachekey``'s key of the code, the data and the extract files, see
:func:`extract_key`) is used only when it is a regular file of this user that nobody else may write, and its
SHA-256 matches the digest written beside it (``bundled-KEY.sqlite.sha256``) when it was built. Its bytes are read
once, checked, and opened from memory, so what was checked is what is read. Beside the digest, the file's stamp
(size, mtime, ctime, inode, device) is kept once the digest has matched: while the file still has that stamp,
before and after it is read, it is the file that was checked, so the SHA-256 (and hashlib's import: about 5 ms a
command) is skipped, and the file is opened read-only in place (sqlite reads only the pages a query needs, not 4 MB
deserialised); any write to it changes its ctime, and the digest is checked again. Anything else (missing, stale,
damaged, cut short, a symbolic link, a folder, another user's) is rebuilt silently from the extract; when the
folder itself cannot be used, the database is built in memory for this command only. Standard library only.

:func:`current` is the database a command reads: the user's import (``onet.db``) when there is one, else this.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat

from careercli.onet.db import SCHEMA_VERSION, build_bytes, bundled_extract_folder, connect, user_db_file
from careercli.onet.release import OCCUPATIONS, Release
from careercli.paths import file_uri, is_file, plain

TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path

DIGEST = ".sha256"
_LIMIT = 1 << 30  # a cache file larger than this is not read (the bundled extract's is about 4 MB)


def extract_key(folder: str | os.PathLike[str]) -> str | None:
    """The cache file's key (``careercli.cachekey``, with the schema and the stat data of every file of the
    extract), cut to 20 hex digits; None when there is no extract."""
    from careercli import cachekey

    folder = plain(folder)
    try:
        names = sorted(entry.name for entry in os.scandir(folder) if entry.is_file())
    except OSError:
        return None
    if OCCUPATIONS not in names:
        return None
    files = [os.path.join(folder, name) for name in names]
    return cachekey.key("onet-bundled", [SCHEMA_VERSION, folder], files=files)[:20]


def _stamp(st: os.stat_result) -> str:
    return f"{st.st_size}:{st.st_mtime_ns}:{st.st_ctime_ns}:{st.st_ino}:{st.st_dev}"


def _read_own(path: str, limit: int) -> bytes | None:
    """The bytes of ``path`` when it is this user's regular file that no one else may write; never follows a link
    and never blocks on a FIFO."""
    found = _read_stamped(path, limit)
    return found[0] if found is not None else None


def _read_stamped(path: str, limit: int) -> tuple[bytes, str] | None:
    """:func:`_read_own`, with the file's stamp; None as well when the file changed while it was read."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        return None
    try:
        st = os.fstat(fd)
        mine = not hasattr(os, "getuid") or st.st_uid == os.getuid()
        if not stat.S_ISREG(st.st_mode) or not mine or st.st_mode & 0o022 or st.st_size > limit:
            return None
        chunks = []
        while chunk := os.read(fd, 1 << 22):
            chunks.append(chunk)
        stamp = _stamp(st)
        if _stamp(os.fstat(fd)) != stamp:
            return None
        return b"".join(chunks), stamp
    except OSError:
        return None
    finally:
        os.close(fd)


def _checked(target: str) -> bytes | None:
    """The database's bytes when they match the digest kept beside them, or still have the stamp recorded when
    they last did; None otherwise."""
    digest = target + DIGEST
    recorded = _read_own(digest, 256)
    if recorded is None:
        return None
    found = _read_stamped(target, _LIMIT)
    if found is None:
        return None
    data, stamp = found
    expected, _, known = recorded.decode("ascii", "replace").strip().partition("\n")
    if known and known == stamp:
        return data  # not written to since its digest matched
    import hashlib

    if hashlib.sha256(data).hexdigest() != expected.strip():
        return None
    _record(digest, expected.strip(), stamp)
    return data


def _record(digest: str, expected: str, stamp: str) -> None:
    """Keep the stamp of a database whose digest matched beside that digest; a failed write only costs speed."""
    from careercli.atomic import write_atomically

    with contextlib.suppress(OSError):
        write_atomically(digest, f"{expected}\n{stamp}\n".encode())


def _folder() -> str | None:
    """``CACHE/onet`` when it and the cache folder are (or are now made) real 0700 folders of this user."""
    from careercli.paths import cache_folder, usable_folder

    cache = plain(cache_folder())
    onet = os.path.join(cache, "onet")
    if not usable_folder(cache, create=True) or not usable_folder(onet, create=True):
        return None
    return onet


def _save(folder: str, target: str, data: bytes) -> None:
    """Write the database and its digest (digest first: a write cut between the two leaves a mismatch, which is
    rebuilt); old databases go. A folder or file that cannot be written only costs speed."""
    from careercli.atomic import write_atomically

    for path in (target, target + DIGEST):
        with contextlib.suppress(OSError):
            if stat.S_ISDIR(os.lstat(path).st_mode):
                os.rmdir(path)  # a folder in the file's place: removed when empty, else the cache stays unused
    import hashlib

    digest = hashlib.sha256(data).hexdigest()
    try:
        write_atomically(target + DIGEST, digest.encode() + b"\n")
        write_atomically(target, data)
        st = os.lstat(target)
    except OSError:
        return
    if stat.S_ISREG(st.st_mode):
        _record(target + DIGEST, digest, _stamp(st))
    kept = (os.path.basename(target), os.path.basename(target) + DIGEST)
    old: list[str] = []
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        old = [entry.path for entry in entries if _is_cache_name(entry.name) and entry.name not in kept]
    for path in old:
        with contextlib.suppress(OSError):
            if not stat.S_ISDIR(os.lstat(path).st_mode):
                os.unlink(path)


def _is_cache_name(name: str) -> bool:
    """True for the names the glob ``bundled-*.sqlite*`` matches (a database or its digest, of any key)."""
    return name.startswith("bundled-") and ".sqlite" in name[len("bundled-") :]


def _bundled_bytes(extract: str | os.PathLike[str] | None) -> tuple[bytes, str | None] | None:
    """The checked bytes of the extract's database (rebuilt when needed) and its cache file, if it has one."""
    extract = bundled_extract_folder() if extract is None else plain(extract)
    key = extract_key(extract)
    if key is None:
        return None
    folder = _folder()
    target = os.path.join(folder, f"bundled-{key}.sqlite") if folder is not None else None
    if target is not None and (data := _checked(target)) is not None:
        return data, target
    with Release(extract) as release:
        data = build_bytes(release)
    if folder is None or target is None:
        return data, None
    _save(folder, target, data)
    return data, target


def bundled_path(extract: str | os.PathLike[str] | None = None) -> str | None:
    """The cache file of the extract's database, rebuilt when missing, stale or damaged; None when there is no
    extract or the cache folder cannot be used."""
    found = _bundled_bytes(extract)
    return found[1] if found is not None else None


def _open_stamped(target: str) -> sqlite3.Connection | None:
    """The cache file opened read-only in place, without reading it whole, when it still has the stamp recorded
    beside its digest when that last matched (so it is the file that was checked); None otherwise. The stamp is
    checked before sqlite opens the file and again after, with the name unfollowed: a file swapped in between
    has another inode or ctime."""
    recorded = _read_own(target + DIGEST, 256)
    if recorded is None:
        return None
    known = recorded.decode("ascii", "replace").strip().partition("\n")[2]
    if not known or _own_stamp(target) != known:
        return None
    try:
        db = sqlite3.connect(f"{file_uri(target)}?mode=ro&immutable=1", uri=True)
    except sqlite3.Error:
        return None
    try:
        db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
    except sqlite3.Error:
        db.close()
        return None
    if _own_stamp(target) != known:
        db.close()
        return None
    return db


def _own_stamp(path: str) -> str | None:
    """The stamp of ``path`` when it is this user's regular file that no one else may write (links not followed)."""
    try:
        st = os.lstat(path)
    except OSError:
        return None
    mine = not hasattr(os, "getuid") or st.st_uid == os.getuid()
    if not stat.S_ISREG(st.st_mode) or not mine or st.st_mode & 0o022 or st.st_size > _LIMIT:
        return None
    return _stamp(st)


def open_bundled(extract: str | os.PathLike[str] | None = None) -> sqlite3.Connection | None:
    """The extract's database: the cache file opened read-only in place while it keeps the stamp it had when its
    digest last matched, else checked and opened from memory; None when there is no extract."""
    extract = bundled_extract_folder() if extract is None else plain(extract)
    key = extract_key(extract)
    if key is None:
        return None
    folder = _folder()
    if folder is not None and (db := _open_stamped(os.path.join(folder, f"bundled-{key}.sqlite"))) is not None:
        return db
    found = _bundled_bytes(extract)
    if found is None:
        return None
    db = sqlite3.connect(":memory:")
    db.deserialize(found[0])
    return db


def bundled_db_path(folder: str | os.PathLike[str] | None = None) -> Path | None:
    """The checked cache of the bundled extract (see above); None when it has none."""
    from pathlib import Path

    found = bundled_path(folder)
    return None if found is None else Path(found)


def current() -> sqlite3.Connection | None:
    """The database commands read: the user's import when present, else the bundled extract's; None if neither."""
    user = user_db_file()
    if is_file(user):
        return connect(user)
    return open_bundled()
