"""Where the replay keeps its entries: one file per key in ``<cache>/replay``, checked before use, pruned.

An entry is named by the digest of its key and holds the format, the digest again, a digest of the body and the
saved output: nothing else. It is used only when it is a regular file of this user's, in a folder of this
user's that no one else can write, and its body matches its digest; anything else is a miss. Standard library
only, and nothing heavy: a replay reads an entry through this module.
"""

from __future__ import annotations

import os

TYPE_CHECKING = False  # typing itself costs 8 ms at start-up
if TYPE_CHECKING:
    from collections.abc import Callable
    from hashlib import blake2b as Blake2b

FORMAT = b"careercli-replay-1"
FOLDER = "replay"
MAX_ENTRIES = 400
STALE_TEMP_SECONDS = 300  # a temporary file this old was left by a writer that was killed
PREFIX = "r-"
LEGACY_FOLDER = "output"  # the previous format kept the whole environment in plain text: removed on sight


def hasher() -> Blake2b:
    """The BLAKE2b object that checks a saved body (the cache key's hasher, with the replay's own person)."""
    from careercli.cachekey import hasher

    return hasher(b"careercli-replay")


def folder() -> str:
    from careercli.paths import cache_folder

    return os.path.join(cache_folder(), FOLDER)


def _encode(chunks: list[tuple[str, str]]) -> bytes:
    parts = []
    for text, paging in chunks:
        raw = text.encode("utf-8", "surrogatepass")
        parts.append(f"{paging}{len(raw)}\n".encode() + raw)
    return b"".join(parts)


def _decode(body: bytes) -> list[tuple[str, str]]:
    from careercli.output import ALWAYS, AUTO, NEVER, STDERR

    chunks, position = [], 0
    while position < len(body):
        newline = body.index(b"\n", position)
        flag, length = chr(body[position]), int(body[position + 1 : newline])
        start = newline + 1
        raw = body[start : start + length]
        if len(raw) != length or flag not in (NEVER, AUTO, ALWAYS, STDERR):
            raise ValueError("damaged entry")
        chunks.append((raw.decode("utf-8", "surrogatepass"), flag))
        position = start + length
    return chunks


def _pack(wanted: str, chunks: list[tuple[str, str]]) -> bytes:
    body = _encode(chunks)
    check = hasher()
    check.update(body)
    return FORMAT + b"\n" + wanted.encode() + b"\n" + check.hexdigest().encode() + b"\n" + body


def unpack(wanted: str, data: bytes) -> list[tuple[str, str]] | None:
    """The saved chunks, or None for another format, another key or a damaged body."""
    parts = data.split(b"\n", 3)
    if len(parts) != 4 or parts[0] != FORMAT or parts[1] != wanted.encode():
        return None
    check = hasher()
    check.update(parts[3])
    if check.hexdigest().encode() != parts[2]:
        return None
    try:
        return _decode(parts[3])
    except (ValueError, UnicodeDecodeError):
        return None


def read(path: str) -> bytes | None:
    """The entry's bytes, when it is a regular file of ours in a folder of ours that no one else can write."""
    uid = os.getuid()
    try:
        st = os.lstat(os.path.dirname(path))
        if not (st.st_mode & 0o170000 == 0o040000 and st.st_uid == uid and not st.st_mode & 0o022):
            return None
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
    except OSError:
        return None
    try:
        st = os.fstat(fd)
        if st.st_mode & 0o170000 != 0o100000 or st.st_uid != uid:
            return None
        chunks = []
        while chunk := os.read(fd, 1 << 20):
            chunks.append(chunk)
        return b"".join(chunks)
    except OSError:
        return None
    finally:
        os.close(fd)


def save(wanted: str, chunks: list[tuple[str, str]]) -> None:
    """Keep ``chunks`` under the key ``wanted``; a cache that cannot be written only costs speed."""
    from careercli.atomic import write_atomically
    from careercli.paths import usable_folder

    target = folder()
    if not usable_folder(target, create=True):  # made 0700: read() refuses a folder others may write
        return
    try:
        write_atomically(os.path.join(target, PREFIX + wanted), _pack(wanted, chunks), mode=0o600)
    except OSError:
        return
    prune(target)


def prune(target: str, now: float | None = None) -> None:
    """Remove temporary files left by a killed writer, and the oldest entries beyond MAX_ENTRIES.

    Only names this module makes are touched, only regular files, never through a symlink. The folder of the
    previous format, which kept the environment in plain text, is emptied of its own entries and removed.
    """
    import re
    import time

    now = time.time() if now is None else now
    entry = re.compile(PREFIX + "[0-9a-f]{64}")
    temp = re.compile(r"\." + PREFIX + r"[0-9a-f]{64}\.[a-z0-9_]+\.tmp")
    kept = []
    for item, st in _regular_files(target):
        if entry.fullmatch(item.name):
            kept.append((st.st_mtime_ns, item.path))
        elif temp.fullmatch(item.name) and now - st.st_mtime > STALE_TEMP_SECONDS:
            _remove(os.unlink, item.path)
    if len(kept) > MAX_ENTRIES:
        kept.sort()
        for _, path in kept[: len(kept) - MAX_ENTRIES // 2]:
            _remove(os.unlink, path)
    legacy = os.path.join(os.path.dirname(target), LEGACY_FOLDER)
    old = re.compile(r"[0-9a-f]{16}|\.[0-9a-f]{16}\.[a-z0-9_]+\.tmp")
    for item, _ in _regular_files(legacy):
        if old.fullmatch(item.name):
            _remove(os.unlink, item.path)
    _remove(os.rmdir, legacy)  # only when empty: anything else in it is not ours


def _regular_files(target: str) -> list[tuple[os.DirEntry[str], os.stat_result]]:
    """The regular files directly in ``target`` (not symlinks), with their own stat data; none for a symlink."""
    try:
        st = os.lstat(target)
        if st.st_mode & 0o170000 != 0o040000:
            return []
        with os.scandir(target) as items:
            found = []
            for item in items:
                if item.is_file(follow_symlinks=False):
                    found.append((item, item.stat(follow_symlinks=False)))
            return found
    except OSError:
        return []


def _remove(how: Callable[[str], None], path: str) -> None:
    import contextlib

    with contextlib.suppress(OSError):
        how(path)
