"""The catalogue a command uses: from the store when its key matches, else built from the sources and stored.

Packs are TOML files with the bundled schema (``[[role]]``, ``[[skill]]``, ``[[book]]`` in any mix) in the user's
pack folder and in every folder named by ``CAREERCLI_PACKS``; a later entry overrides an earlier one by id.
The store's key (``careercli.cachekey``) covers the code, the data files, the model's field names and types and
each source's name: a changed model, an edited module or an edited file can never load old data. A damaged
store is noticed by its checksums, even halfway through a command, and the catalogue is then rebuilt silently.
Nothing here imports the checks (``build``) on a store hit.
"""

from __future__ import annotations

import marshal
import os
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence

from careercli.catalogue.heads import from_head, head_row
from careercli.catalogue.plain import (
    book_from_plain,
    book_plain,
    role_from_plain,
    role_plain,
    skill_from_plain,
    skill_plain,
)
from careercli.catalogue.sources import Source, catalog_sources
from careercli.catalogue.store import Damaged, Store, write_store
from careercli.model import Book, Catalog, Challenge, Readings, Role, RoleSummary, Skill, SkillGroup

TYPE_CHECKING = False  # typing imports re, enum and collections at run time: piped listings need none
if TYPE_CHECKING:
    from typing import Any, TypeVar

    T = TypeVar("T")

FORMAT = 4  # 2: the derived tables ("table:" rows); 3: the reading lists' heads ("rh:" rows); 4: the listing
MODEL = (Role, Skill, Book, Challenge, SkillGroup, RoleSummary)
BULK_AFTER = 200  # items read one at a time before a stored mapping reads all of its kind at once
Report = Callable[[str], None]


def model_fingerprint() -> str:
    """The model's classes with their field names and types, in order: part of the store's key."""
    return repr([(cls.__name__, tuple(cls.__annotations__.items())) for cls in MODEL])


def cache_key(sources: list[Source]) -> str:
    """The store's key (``careercli.cachekey``): the code, the data, this store's format, the model's fields, the
    month, and each source's name and origin."""
    import time

    from careercli import cachekey

    month = time.strftime("%Y-%m")  # a book dated in the future stops being one: its stored warning goes
    parts = [f"format={FORMAT}", model_fingerprint(), f"month={month}"]
    parts += [f"{source.path}|{source.label}|{source.origin}" for source in sources]
    return cachekey.key("catalogue", parts, files=[os.fspath(source.path) for source in sources])


def _warn(message: str) -> None:
    sys.stderr.write(f"career: warning: {message}\n")


def _folder() -> str:
    from careercli.paths import cache_folder, plain

    return plain(cache_folder())


def load_catalog(use_cache: bool = True, report: Report = _warn) -> Catalog:
    """The merged catalogue; raises DataError (every problem, with file, line and field) for broken sources.

    ``report`` receives the one-line warnings: an unreadable pack folder or file, a book dated in the future."""
    warnings: list[str] = []
    sources = catalog_sources(warnings)
    for warning in warnings:
        report(warning)
    key = cache_key(sources)
    if use_cache:
        catalog = _from_store(sources, key, report)
        if catalog is None and all(source.origin == "bundled" for source in sources):
            from careercli.stored import seed

            if seed.plant(_folder(), key):  # a new cache folder: the shipped store of the bundled data
                catalog = _from_store(sources, key, report)
        if catalog is not None:
            return catalog
    return _build_and_store(sources, key, report, store=use_cache)


def _from_store(sources: list[Source], key: str, report: Report) -> Catalog | None:
    store = Store.open(_folder(), key)
    if store is None:
        return None
    try:
        said = marshal.loads(store.get("warnings"))
        catalog = _stored(store, _Recovery(sources, key, _quiet))
    except (Damaged, KeyError, ValueError, EOFError, TypeError):
        store.close()
        return None
    for warning in said:  # a pack's warnings are shown on every run, not only when it is read
        report(warning)
    return catalog


def _build_and_store(sources: list[Source], key: str, report: Report, store: bool = True) -> Catalog:
    from careercli.catalogue.build import build_catalog

    warnings: list[str] = []
    catalog = build_catalog(sources, warnings=warnings, quiet_bundled=True)
    for warning in warnings:
        report(warning)
    if store and not _store_in_background(catalog, key, warnings):
        catalog = _with_indexes(catalog)
        write_store(_folder(), key, _blobs(catalog, warnings))
    return catalog


BACKGROUND_AFTER = 20_000  # entries: a catalogue this big is stored by a child process while the command goes on


def _store_in_background(catalog: Catalog, key: str, warnings: list[str]) -> bool:
    """True when a forked child works out the indexes and writes the store (about a second with a 60,000-entry
    pack) while this process shows its page from the catalogue it holds; False when the caller must do it."""
    if not hasattr(os, "fork") or len(catalog.books) + len(catalog.roles) + len(catalog.skills) < BACKGROUND_AFTER:
        return False
    folder = _folder()
    sys.stdout.flush()
    sys.stderr.flush()
    try:
        pid = os.fork()
    except OSError:
        return False
    import gc

    if pid:
        gc.freeze()  # the big catalogue is never garbage: later collections need not walk it
        return True
    try:  # the child: detached from the terminal and from the pipes a caller waits on
        gc.disable()
        os.setsid()
        null = os.open(os.devnull, os.O_RDWR)
        for fd in (0, 1, 2):
            os.dup2(null, fd)
        write_store(folder, key, _blobs(_with_indexes(catalog), warnings))
    finally:
        os._exit(0)


def _with_indexes(catalog: Catalog) -> Catalog:
    """The catalogue with what its pages need worked out once: each role's books, all books newest first, and
    each role's reading lists (so that ``show`` reads only the books it displays)."""
    from careercli.queries.ranking import reading_table

    role_books, order = catalog.indexes()
    readings = reading_table(catalog, role_books)
    return catalog.replace(role_books=role_books, book_order=order, readings=readings)


def _quiet(message: str) -> None:
    """Where a rebuild halfway through a command sends its warnings: they were shown from the store already."""


class _Recovery:
    """What a stored catalogue falls back on when a row fails its check: the catalogue rebuilt, once."""

    def __init__(self, sources: list[Source], key: str, report: Report) -> None:
        self.sources, self.key, self.report = sources, key, report
        self._catalog: Catalog | None = None

    def catalog(self) -> Catalog:
        if self._catalog is None:
            self._catalog = _build_and_store(self.sources, self.key, self.report)
        return self._catalog


def _stored(store: Store, recovery: _Recovery) -> Catalog:
    sources = marshal.loads(store.get("sources"))
    return Catalog(
        StoredMap(store, "role", role_from_plain, recovery, lambda c: c.roles),
        StoredMap(store, "skill", skill_from_plain, recovery, lambda c: c.skills),
        StoredMap(store, "book", book_from_plain, recovery, lambda c: c.books),
        tuple(sources),
        role_books=StoredMap(store, "rb", tuple, recovery, lambda c: c.indexes()[0]),
        book_order=lambda: _row(store, "order", tuple, lambda: recovery.catalog().book_ids_newest_first()),
        readings=StoredReadings(store, "rh", tuple, recovery, _readings),
        summaries=lambda: _row(store, "summaries", _summaries, lambda: recovery.catalog().role_summaries()),
        # a derived table, or None: then worked out from the catalogue, whose items have their own fallback
        tables=lambda name: _row(store, f"table:{name}", lambda table: table, lambda: None),
    )


def _row(store: Store, name: str, make: Callable[[Any], Any], fallback: Callable[[], Any]) -> Any:
    """A stored row made into its value; ``fallback()`` when the row is missing or damaged."""
    try:
        return make(marshal.loads(store.get(name)))
    except (Damaged, KeyError, ValueError, EOFError, TypeError):
        return fallback()


def _summaries(rows: Any) -> tuple[RoleSummary, ...]:
    return tuple([RoleSummary(*row) for row in rows])


def _readings(catalog: Catalog) -> Mapping[str, Readings]:
    return catalog.readings if catalog.readings is not None else {}


class StoredMap(Mapping[str, "T"]):
    """A read-only mapping whose items are read from the store (and checked) the first time they are used; when
    the store turns out damaged it answers from the rebuilt catalogue instead."""

    def __init__(self, store: Store, kind: str, make: Callable[[Any], T], recovery: _Recovery,
                 part: Callable[[Catalog], Mapping[str, T]]) -> None:  # fmt: skip
        self._store, self._kind, self._make, self._recovery, self._part = store, kind, make, recovery, part
        self._made: dict[str, T] = {}
        self._keys: tuple[str, ...] | None = None
        self._reads = 0
        self._rebuilt: Mapping[str, T] | None = None

    def _item(self, key: str, data: Any) -> T:
        return self._make(data)

    def _fallback(self) -> Mapping[str, T]:
        if self._rebuilt is None:
            self._rebuilt = self._part(self._recovery.catalog())
        return self._rebuilt

    def _all_keys(self) -> tuple[str, ...]:
        if self._keys is None:
            keys = marshal.loads(self._store.get(f"keys:{self._kind}"))
            if not isinstance(keys, tuple):
                raise Damaged(self._kind)
            self._keys = keys
        return self._keys

    def __getitem__(self, key: str) -> T:
        if self._rebuilt is not None:
            return self._rebuilt[key]
        item = self._made.get(key)
        if item is not None:
            return item
        self._reads += 1
        if self._reads == BULK_AFTER:  # a caller walking thousands of items: one query beats thousands
            self._read_all()
            if self._rebuilt is not None:
                return self._rebuilt[key]
            item = self._made.get(key)
            if item is not None:
                return item
        try:
            try:
                item = self._item(key, marshal.loads(self._store.get(f"{self._kind}:{key}")))
            except KeyError:
                if key in self._all_keys():  # listed but gone: the store is damaged
                    raise Damaged(key) from None
                raise
        except (Damaged, ValueError, EOFError, TypeError, IndexError):
            return self._fallback()[key]
        self._made[key] = item
        return item

    def __contains__(self, key: object) -> bool:
        if self._rebuilt is None and key in self._made:
            return True
        return key in self._keyset()

    def _keyset(self) -> Any:
        if self._rebuilt is not None:
            return self._rebuilt
        try:
            return self._all_keys()
        except (Damaged, KeyError, ValueError, EOFError, TypeError):
            return self._fallback()

    def __iter__(self) -> Iterator[str]:
        return iter(tuple(self._keyset()))

    def _read_all(self) -> None:
        """Every item read in one query (for the search index), instead of one query an item."""
        if self._rebuilt is not None or len(self._made) == len(self._keyset()):
            return
        try:
            keys = self._all_keys()
            start = len(self._kind) + 1
            found = {name[start:]: data for name, data in self._store.prefixed(f"{self._kind}:")}
            made = {key: self._made.get(key) or self._item(key, marshal.loads(found[key])) for key in keys}
        except (Damaged, KeyError, ValueError, EOFError, TypeError, IndexError):
            self._fallback()
            return
        self._made = made

    def many(self, keys: Sequence[str]) -> list[T]:
        """The items of ``keys`` in order; when they are many, every item of the kind is read in one query."""
        if self._rebuilt is None and len(keys) >= BULK_AFTER:
            self._read_all()
        return [self[key] for key in keys]

    def values(self) -> Any:
        self._read_all()
        return self._rebuilt.values() if self._rebuilt is not None else self._made.values()

    def items(self) -> Any:
        self._read_all()
        return self._rebuilt.items() if self._rebuilt is not None else self._made.items()

    def __len__(self) -> int:
        return len(self._keyset())


class StoredReadings(StoredMap["Any"]):
    """Each role's reading lists by their head rows ("rh:"): a page reads its first books by fit, the count and
    the newest; the whole lists ("rr:") are read only when walked (``heads``)."""

    def _item(self, key: str, data: Any) -> Any:
        return from_head(data, lambda: self._whole(key))

    def _whole(self, slug: str) -> Readings:
        try:
            lists = marshal.loads(self._store.get(f"rr:{slug}"))
            if isinstance(lists, tuple) and len(lists) == 3:
                return lists
        except (Damaged, KeyError, ValueError, EOFError, TypeError):
            pass
        rebuilt = self._recovery.catalog()  # a damaged whole row: the lists of the rebuilt catalogue
        found = _readings(rebuilt).get(slug)
        if found is None:  # stored by a child process: work them out (queries, as _with_indexes does)
            from careercli.queries.ranking import role_lists

            found = role_lists(rebuilt, rebuilt.roles[slug])
        return found


def _blobs(catalog: Catalog, warnings: list[str]) -> Iterator[tuple[str, bytes]]:
    role_books, order = catalog.role_books or {}, catalog.book_ids_newest_first()
    yield "sources", marshal.dumps(tuple(catalog.sources))
    yield "warnings", marshal.dumps(tuple(warnings))
    yield "order", marshal.dumps(order)
    yield "summaries", marshal.dumps(tuple((r.slug, r.name, r.category, r.summary, r.source, r.onet)
                                           for r in catalog.role_summaries()))  # fmt: skip
    for kind, items, plain in (("role", catalog.roles, role_plain), ("skill", catalog.skills, skill_plain),
                               ("book", catalog.books, book_plain)):  # fmt: skip
        yield f"keys:{kind}", marshal.dumps(tuple(items))
        for ident, item in items.items():
            yield f"{kind}:{ident}", marshal.dumps(plain(item))  # type: ignore[arg-type]  # plain() is item's
    yield "keys:rb", marshal.dumps(tuple(role_books))
    for slug, ids in role_books.items():
        yield f"rb:{slug}", marshal.dumps(ids)
    readings = _readings(catalog)
    from careercli.queries import gap, lookup, roles  # at store time only, as _with_indexes imports ranking

    tables = lookup.stored_tables(catalog) | roles.stored_tables(catalog) | gap.stored_tables(catalog)
    for name, table in tables.items():
        yield f"table:{name}", marshal.dumps(table)
    yield "keys:rh", marshal.dumps(tuple(readings))
    for slug, lists in readings.items():
        yield f"rr:{slug}", marshal.dumps(lists)
        yield f"rh:{slug}", marshal.dumps(head_row(lists))


def load_search_index(catalog: Catalog | Callable[[], Catalog]) -> Any:
    """The search index of the catalogue, from the store when its sources have not changed: a stored index reads
    only the rows a search needs (``search_store``). ``catalog`` may be a function that loads it: a stored index
    then needs no catalogue at all."""
    from careercli.queries.search_index import build_index
    from careercli.stored import search_store

    def rebuild() -> Any:
        return build_index(catalog() if callable(catalog) else catalog)

    key = cache_key(catalog_sources())
    store = Store.open(_folder(), key)
    if store is not None:
        index = search_store.load(store, rebuild)
        if index is not None:
            return index
    index = rebuild()
    if store is None:  # loading the catalogue may just have written the store: keep the index there too
        store = Store.open(_folder(), key)
    if store is not None:
        search_store.save(store, index)
    return index
