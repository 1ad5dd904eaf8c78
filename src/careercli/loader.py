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

import marshal
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from careercli._version import __version__
from careercli.catalog import Source, build_catalog, bundled_sources
from careercli.model import Book, Catalog, Challenge, Role, Skill

CACHE_FORMAT = 2


def pack_files() -> list[Path]:
    from careercli.paths import packs_dirs

    files: list[Path] = []
    for folder in packs_dirs():
        try:
            files += sorted(p for p in folder.iterdir() if p.suffix == ".toml" and p.is_file())
        except (FileNotFoundError, NotADirectoryError):
            continue
        except OSError:
            continue
    return files


def catalog_sources() -> list[Source]:
    return bundled_sources() + [Source(path, str(path), path.name) for path in pack_files()]


def _fingerprint(sources: list[Source]) -> str:
    parts = [f"format={CACHE_FORMAT}", f"version={__version__}", f"python={sys.version_info[:2]}"]
    for source in sources:
        try:
            st = os.stat(source.path)
            parts.append(f"{source.path}|{source.label}|{source.origin}|{st.st_size}|{st.st_mtime_ns}|{st.st_ino}")
        except OSError:
            parts.append(f"{source.path}|missing")
    return "\n".join(parts)


def _cache_file(name: str) -> Path:
    from careercli.paths import cache_dir

    return cache_dir() / name


def _read_cache(path: Path, fingerprint: str) -> Any:
    try:
        with path.open("rb") as handle:
            stored_key, payload = marshal.load(handle)
    except (OSError, EOFError, ValueError, TypeError):
        return None
    return payload if stored_key == fingerprint else None


def _write_cache(path: Path, fingerprint: str, payload: Any) -> None:
    import tempfile

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
        with os.fdopen(fd, "wb") as handle:
            marshal.dump((fingerprint, payload), handle)
        os.replace(tmp, path)
    except (OSError, ValueError):
        pass


def load_catalog(use_cache: bool = True) -> Catalog:
    """The merged catalog; raises DataError (every problem, with file, line and field) for broken sources."""
    sources = catalog_sources()
    fingerprint = _fingerprint(sources)
    path = _cache_file("catalog.marshal")
    if use_cache:
        payload = _read_cache(path, fingerprint)
        if payload is not None:
            try:
                return from_plain(payload)
            except (TypeError, ValueError, KeyError, IndexError):
                pass
    catalog = build_catalog(sources)
    if use_cache:
        _write_cache(path, fingerprint, to_plain(catalog))
    return catalog


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


def to_plain(catalog: Catalog) -> tuple[Any, ...]:
    roles = tuple(
        (r.slug, r.name, r.category, r.summary, r.what_they_do, r.what_to_learn, r.key_skills,
         tuple((c.title, c.why) for c in r.challenges), r.career_prospects, r.next_roles, r.related_roles, r.source)
        for r in catalog.roles.values()
    )  # fmt: skip
    skills = tuple((s.id, s.name, s.kind, s.prerequisites, s.aliases, s.source) for s in catalog.skills.values())
    books = tuple(
        (b.id, b.title, b.authors, b.subtitle, b.publisher, b.published, b.edition, b.isbn13, b.roles, b.topics,
         b.skills, b.source)
        for b in catalog.books.values()
    )  # fmt: skip
    return (roles, skills, books, catalog.sources)


def from_plain(payload: tuple[Any, ...]) -> Catalog:
    roles, skills, books, sources = payload
    role_objs = {}
    for r in roles:
        challenges = tuple(Challenge(title, why) for title, why in r[7])
        role_objs[r[0]] = Role(r[0], r[1], r[2], r[3], r[4], r[5], r[6], challenges, r[8], r[9], r[10], r[11])
    skill_objs = {s[0]: Skill(*s) for s in skills}
    book_objs = {b[0]: Book(*b) for b in books}
    return Catalog(role_objs, skill_objs, book_objs, tuple(sources))
