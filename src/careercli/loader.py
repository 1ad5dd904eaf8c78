"""Where the catalog comes from: the bundled data, then the user's packs, merged in that order and cached.

Packs are TOML files with the bundled schema (``[[role]]``, ``[[skill]]``, ``[[book]]`` in any mix) in
``platformdirs.user_data_path("careercli") / "packs"`` and in every folder named by ``CAREERCLI_PACKS``;
within a folder they load in name order, and a later entry overrides an earlier one with the same id.

Parsing and validating TOML is the slow part of a cold start, so the merged catalog is kept in the user's
cache folder as a ``marshal`` file (plain tuples and strings: nothing is executed when it is read), keyed by
this version, the Python version and the size, modification time and inode of every source file. A missing,
stale, damaged or foreign cache is rebuilt silently; a cache that cannot be written only costs speed.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from careercli._version import __version__
from careercli.catalog import Checked, Source, build_catalog, bundled_sources
from careercli.model import Book, Catalog, Challenge, LazyMap, Role, Skill, SkillGroup

CACHE_FORMAT = 8


def pack_files() -> list[Path]:
    from careercli.paths import packs_dirs

    files: list[Path] = []
    for folder in packs_dirs():
        try:
            files += sorted(p for p in folder.iterdir() if p.suffix == ".toml" and p.is_file())
        except OSError:  # no such folder (the usual case), or not one
            continue
    return files


def catalog_sources() -> list[Source]:
    return bundled_sources() + [Source(path, str(path), path.name) for path in pack_files()]


def _fingerprint(sources: list[Source]) -> str:
    parts = [f"format={CACHE_FORMAT}", f"version={__version__}", f"python={sys.version_info[:2]}"]
    for source in sources:
        try:
            st = os.stat(source.path)
            parts.append(
                f"{source.path}|{source.label}|{source.origin}|{st.st_size}|{st.st_mtime_ns}|{st.st_ctime_ns}|{st.st_ino}"
            )
        except OSError:
            parts.append(f"{source.path}|missing")
    return "\n".join(parts)


def _cache_file(name: str) -> Path:
    from careercli.paths import cache_dir

    return cache_dir() / name


def _read_cache(path: Path, fingerprint: str) -> Any:
    try:
        # marshal.loads on the whole file is several times faster than marshal.load on a file object
        stored_key, payload = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return None
    return payload if stored_key == fingerprint else None


def _write_cache(path: Path, fingerprint: str, payload: Any) -> None:
    try:
        data = marshal.dumps((fingerprint, payload))
    except ValueError:
        return
    _write_bytes(path, data)


class _FileMemo:
    """The checked entries of each large source file, kept beside the merged cache and keyed by that file's
    size, mtime and inode: after a change to one file, only that file is read again."""

    SMALLEST = 256 * 1024  # smaller files read faster than their memo loads

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _path(self, source: Source) -> Path:
        import zlib

        return self.folder / f"{zlib.crc32(str(source.path).encode('utf-8', 'surrogateescape')):08x}.marshal"

    def _key(self, source: Source, today: date) -> str | None:
        try:
            st = os.stat(source.path)
        except OSError:
            return None
        if st.st_size < self.SMALLEST:
            return None
        return (f"{CACHE_FORMAT}|{__version__}|{source.path}|{source.label}|{source.origin}|{st.st_size}|"
                f"{st.st_mtime_ns}|{st.st_ctime_ns}|{st.st_ino}|{today.year}-{today.month}")  # fmt: skip

    def get(self, source: Source, today: date) -> list[Checked] | None:
        key = self._key(source, today)
        payload = _read_cache(self._path(source), key) if key else None
        if payload is None:
            return None
        makers = {"role": _role_from_plain, "skill": _skill_from_plain, "book": _book_from_plain}
        try:
            return [Checked(table, index, ident, makers[table](item) if item is not None else None, refs, problems)
                    for table, index, ident, item, refs, problems in payload]  # fmt: skip
        except (TypeError, ValueError, KeyError, IndexError):
            return None

    def put(self, source: Source, today: date, checked: list[Checked]) -> None:
        key = self._key(source, today)
        if key is None:
            return
        plain = {"role": _role_plain, "skill": _skill_plain, "book": _book_plain}
        payload = [(c.table, c.index, c.ident, plain[c.table](c.item) if c.item is not None else None, c.refs,  # type: ignore[operator]
                    c.problems) for c in checked]  # fmt: skip
        _write_cache(self._path(source), key, payload)


def load_catalog(use_cache: bool = True) -> Catalog:
    """The merged catalog; raises DataError (every problem, with file, line and field) for broken sources."""
    sources = catalog_sources()
    fingerprint = _fingerprint(sources)
    path = _cache_file("catalog.bin")
    if use_cache:
        cached = _read_catalog(path, fingerprint)
        if cached is not None:
            return cached
    catalog = build_catalog(sources, memo=_FileMemo(path.parent / "sources") if use_cache else None)
    if use_cache:
        _write_catalog(path, fingerprint, catalog)
    return catalog


def _write_catalog(path: Path, fingerprint: str, catalog: Catalog) -> None:
    """One file: an 8-byte length, a marshalled head (key, offsets, indexes, checksum), then every item."""
    import zlib

    parts: list[bytes] = []
    offsets: dict[str, dict[str, tuple[int, int]]] = {}
    position = 0
    for table, items, plain in (("role", catalog.roles, _role_plain), ("skill", catalog.skills, _skill_plain),
                                ("book", catalog.books, _book_plain)):  # fmt: skip
        table_offsets = {}
        for key, item in items.items():
            blob = marshal.dumps(plain(item))
            table_offsets[key] = (position, len(blob))
            parts.append(blob)
            position += len(blob)
        offsets[table] = table_offsets
    body = b"".join(parts)
    role_books, order = catalog.indexes()
    head = marshal.dumps((fingerprint, offsets, role_books, order, catalog.sources, zlib.crc32(body), len(body)))
    _write_bytes(path, len(head).to_bytes(8, "little") + head + body)


def _read_catalog(path: Path, fingerprint: str) -> Catalog | None:
    """The cached catalog, items built lazily; None when missing, stale, damaged or from another version."""
    import zlib

    try:
        data = path.read_bytes()
        size = int.from_bytes(data[:8], "little")
        key, offsets, role_books, order, sources, checksum, length = marshal.loads(data[8 : 8 + size])
    except (OSError, EOFError, ValueError, TypeError):
        return None
    if key != fingerprint:
        return None
    body = memoryview(data)[8 + size :]
    if len(body) != length or zlib.crc32(body) != checksum:
        return None
    return Catalog(
        LazyMap(offsets["role"], body, _role_from_plain),
        LazyMap(offsets["skill"], body, _skill_from_plain),
        LazyMap(offsets["book"], body, _book_from_plain),
        tuple(sources),
        role_books=role_books,
        book_order=tuple(order),
    )


def _write_bytes(path: Path, data: bytes) -> None:
    from careercli.atomic import write_atomically

    with contextlib.suppress(OSError):  # a cache that cannot be written only costs speed
        write_atomically(path, data, make_parents=True)


def load_search_index(catalog: Catalog | Callable[[], Catalog]) -> Any:
    """The search index of the catalog, from the cache when its sources have not changed.

    ``catalog`` may be a function that loads it: a fresh cached index then needs no catalog at all."""
    from careercli.queries.search import Index, build_index

    fingerprint = _fingerprint(catalog_sources())
    path = _cache_file("search.marshal")
    payload = _read_cache(path, fingerprint)
    if payload is not None:
        try:
            return Index.from_plain(payload)
        except (TypeError, ValueError, KeyError, IndexError):
            pass
    index = build_index(catalog() if callable(catalog) else catalog)
    _write_cache(path, fingerprint, index.to_plain())
    return index


# --------------------------------------------------------------------------- plain form for marshal


def _role_plain(r: Role) -> tuple[Any, ...]:
    challenges = tuple((c.title, c.why) for c in r.challenges)
    return (r.slug, r.name, r.category, r.summary, r.what_they_do, r.what_to_learn, r.key_skills, challenges,
            r.career_prospects, r.next_roles, r.related_roles, r.source, r.aliases, r.onet, r.canonical_books,
            tuple((g.name, g.skills) for g in r.skill_groups))  # fmt: skip


def _role_from_plain(r: tuple[Any, ...]) -> Role:
    challenges = tuple(Challenge(title, why) for title, why in r[7])
    groups = tuple(SkillGroup(name, skills) for name, skills in r[15])
    return Role(r[0], r[1], r[2], r[3], r[4], r[5], r[6], challenges, r[8], r[9], r[10], r[11], r[12], r[13], r[14],
                groups)  # fmt: skip


def _skill_plain(s: Skill) -> tuple[Any, ...]:
    return (s.id, s.name, s.kind, s.prerequisites, s.aliases, s.source)


def _skill_from_plain(s: tuple[Any, ...]) -> Skill:
    return Skill(*s)


def _book_plain(b: Book) -> tuple[Any, ...]:
    return (b.id, b.title, b.authors, b.subtitle, b.publisher, b.published, b.edition, b.isbn13, b.roles, b.topics,
            b.skills, b.source, b.teaches, b.url)  # fmt: skip


def _book_from_plain(b: tuple[Any, ...]) -> Book:
    return Book(*b)
