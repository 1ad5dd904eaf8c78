"""The search index kept in the catalogue's store as tables, so that a search reads only what it needs: the
postings of the words it looks up (with each field's weight beside them), the stems of its words, what ranking
needs of the documents that match (kind, id, title, names), and whole documents only for the hits shown.

With 60,000 documents a search used to load one 46 MB blob; now it reads a few rows. Every row carries a CRC-32
checked when read; a row that fails its check (or goes missing) switches the index to one rebuilt from the
catalogue, so a damaged store costs speed, never a wrong answer.
"""

from __future__ import annotations

import contextlib
import marshal
import sqlite3
import zlib
from array import array
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence

from careercli.catalogue.store import Damaged, Store
from careercli.queries import search_single as single
from careercli.queries.search_index import Index, names_of, ranks_of

TYPE_CHECKING = False  # typing imports re, enum and collections at run time: piped listings need none
if TYPE_CHECKING:
    from typing import Any, overload

META = "search:meta3"  # word count, kinds and ranks, written last: its presence says the tables are complete
VOCABULARY = "search:vocabulary"  # every word, read only for the typo scan and "closest terms"
OLD_META = "search:meta"  # a format before: the vocabulary read by every search
OLD_METAS = (OLD_META, "search:meta2")  # formats before (meta2: no search_top), removed when the index is stored
_TABLES = (
    "CREATE TABLE search_term (word TEXT PRIMARY KEY, postings BLOB, weights BLOB, digest INTEGER) WITHOUT ROWID",
    "CREATE TABLE search_stem (stem TEXT PRIMARY KEY, words BLOB, digest INTEGER) WITHOUT ROWID",
    "CREATE TABLE search_doc (d INTEGER PRIMARY KEY, data BLOB, digest INTEGER)",
    "CREATE TABLE search_name (name TEXT, d INTEGER, digest INTEGER)",  # one row a name field (see names_of)
    "CREATE INDEX search_name_name ON search_name (name)",
    "CREATE TABLE search_top (word TEXT PRIMARY KEY, docs BLOB, digest INTEGER) WITHOUT ROWID",  # search_single
)


def _crc(*parts: str | bytes) -> int:
    value = 0
    for part in parts:
        value = zlib.crc32(part.encode("utf-8", "surrogateescape") if isinstance(part, str) else part, value)
    return value


def save(store: Store, index: Index) -> None:
    """Write a freshly built index into the store, in one transaction; failures cost speed only."""
    raw = index.raw_docs
    db = store.connection
    ranked = ranks_of(raw)
    alone = single.alone(index)
    tops: list[tuple[str, bytes, int]] = []  # the stored order of each common word (search_single)

    def terms() -> Iterator[tuple[str, bytes, bytes, int]]:
        for word, postings in index.postings.items():
            weighed = array("d", [raw[d][5][f] for d, f in index.hits(word)])
            weights = weighed.tobytes()
            yield word, postings, weights, _crc(word, postings, weights)
            order = single.ranked(array("I", postings), weighed, index.kinds, ranked) if word in alone else None
            if order is not None:
                tops.append((word, order, _crc(word, order)))

    def stems() -> Iterator[tuple[str, bytes, int]]:
        for key, words in index.stems.items():
            data = marshal.dumps(tuple(words))
            yield key, data, _crc(key, data)

    def docs() -> Iterator[tuple[int, bytes, int]]:
        for d, doc in enumerate(raw):
            data = marshal.dumps(tuple(doc))
            yield d, data, _crc(str(d), data)

    def names() -> Iterator[tuple[str, int, int]]:
        for d, doc in enumerate(raw):
            for name in names_of(doc):
                yield name, d, _crc(name, str(d))

    ranks = array("I", ranked).tobytes()
    meta = marshal.dumps((len(index.postings), index.kinds, ranks))
    try:
        db.execute("BEGIN")
        for table in ("search_term", "search_stem", "search_doc", "search_name", "search_top"):
            db.execute(f"DROP TABLE IF EXISTS {table}")
        for statement in _TABLES:
            db.execute(statement)
        db.executemany("INSERT INTO search_term VALUES (?, ?, ?, ?)", terms())
        db.executemany("INSERT INTO search_stem VALUES (?, ?, ?)", stems())
        db.executemany("INSERT INTO search_doc VALUES (?, ?, ?)", docs())
        db.executemany("INSERT INTO search_name VALUES (?, ?, ?)", names())
        db.executemany("INSERT INTO search_top VALUES (?, ?, ?)", tops)
        db.executemany("DELETE FROM blob WHERE name = ?", [(name,) for name in OLD_METAS])
        store.put(VOCABULARY, marshal.dumps(tuple(index.postings)))
        store.put(META, meta)
        db.execute("COMMIT")
    except sqlite3.Error:
        with contextlib.suppress(sqlite3.Error):
            db.execute("ROLLBACK")


def load(store: Store, rebuild: Callable[[], Index]) -> Index | None:
    """The stored index, or None when the store holds none; ``rebuild`` answers instead once a row fails."""
    try:
        count, kinds, ranks = marshal.loads(store.get(META))
    except (KeyError, Damaged, ValueError, EOFError, TypeError):
        return None
    if not isinstance(count, int) or not isinstance(kinds, str) or not isinstance(ranks, bytes):
        return None
    rows = _Rows(store.connection, rebuild)
    terms = _Terms(rows, store, count)
    return Index(_Docs(rows, len(kinds)), terms, _Stems(rows), kinds, stored=_Parts(rows, terms, ranks, len(kinds)))


class _Parts:
    """What ranking reads of a stored index instead of its documents: weights, tie-break ranks, whole names."""

    def __init__(self, rows: _Rows, terms: _Terms, ranks: bytes, count: int) -> None:
        self.rows, self.weights, self._ranks, self._count = rows, _Weights(terms), ranks, count

    def ranks(self) -> Sequence[int]:
        ranks = array("I", self._ranks) if len(self._ranks) == 4 * self._count else None
        return ranks if ranks is not None else self.rows.fallback().ranks()

    def named(self, phrase: str, candidates: Iterable[int]) -> dict[int, int]:
        return self.rows.named(phrase, candidates) or {}

    def all_named(self, phrase: str) -> dict[int, int] | None:
        """Every document whose whole name is the phrase, with how many of its names are; None once rebuilt."""
        return self.rows.named(phrase, None) if self.rows.rebuilt is None else None

    def order(self, word: str) -> array[int] | None:
        """The word's stored order (``search_single.ranked``), or None: a rare word, a damaged row, a rebuild."""
        return self.rows.order(word)

    def prefetch(self, ds: Iterable[int]) -> None:
        """Read the documents ``ds`` in one query (a phrase search checks every candidate's fields)."""
        self.rows.prefetch(ds)

    def prefixed(self, token: str) -> list[str]:
        """The words that start with ``token``: a range of the table's key, not a walk through every word."""
        return self.weights.terms.prefixed(token)


class _Rows:
    """Reads of the search tables, each checked; after the first failure every answer comes from ``rebuild``."""

    def __init__(self, db: sqlite3.Connection, rebuild: Callable[[], Index]) -> None:
        self.db, self._rebuild = db, rebuild
        self.rebuilt: Index | None = None
        self.terms: dict[str, tuple[bytes, bytes]] = {}
        self.docs: dict[int, tuple[Any, ...]] = {}

    def fallback(self) -> Index:
        if self.rebuilt is None:
            self.rebuilt = self._rebuild()
        return self.rebuilt

    def select(self, sql: str, args: tuple[Any, ...]) -> list[Any]:
        try:
            return self.db.execute(sql, args).fetchall()
        except sqlite3.Error as error:
            raise Damaged(str(error)) from None

    def term(self, word: str) -> tuple[bytes, bytes]:
        found = self.terms.get(word)
        if found is None:
            rows = self.select("SELECT postings, weights, digest FROM search_term WHERE word = ?", (word,))
            if len(rows) != 1:
                raise Damaged(word)
            postings, weights, digest = rows[0]
            if not isinstance(postings, bytes) or not isinstance(weights, bytes):
                raise Damaged(word)
            if digest != _crc(word, postings, weights):
                raise Damaged(word)
            found = self.terms[word] = (postings, weights)
        return found

    def stem(self, key: str) -> tuple[str, ...] | None:
        rows = self.select("SELECT words, digest FROM search_stem WHERE stem = ?", (key,))
        if not rows:
            return None
        data, digest = rows[0]
        if not isinstance(data, bytes) or digest != _crc(key, data):
            raise Damaged(key)
        return tuple(marshal.loads(data))

    def prefetch(self, ds: Iterable[int]) -> None:
        wanted = set(ds) - self.docs.keys()
        if self.rebuilt is not None or len(wanted) < 2:
            return
        ordered = sorted(wanted)
        try:
            for start in range(0, len(ordered), 500):
                batch = tuple(ordered[start : start + 500])
                sql = f"SELECT d, data, digest FROM search_doc WHERE d IN ({','.join('?' * len(batch))})"
                for d, data, digest in self.select(sql, batch):
                    if isinstance(data, bytes) and digest == _crc(str(d), data):
                        self.docs[d] = tuple(marshal.loads(data))  # a row that fails is read (and judged) again
        except (Damaged, ValueError, EOFError, TypeError):
            pass

    def doc(self, d: int) -> tuple[Any, ...]:
        found = self.docs.get(d)
        if found is None:
            rows = self.select("SELECT data, digest FROM search_doc WHERE d = ?", (d,))
            if len(rows) != 1 or not isinstance(rows[0][0], bytes) or rows[0][1] != _crc(str(d), rows[0][0]):
                raise Damaged(str(d))
            found = self.docs[d] = tuple(marshal.loads(rows[0][0]))
        return found

    def named(self, phrase: str, candidates: Iterable[int] | None) -> dict[int, int] | None:
        """The candidates (any document with None) named ``phrase``; None for any document once a row fails."""
        wanted = None if candidates is None else set(candidates)
        if self.rebuilt is None:
            try:
                found: dict[int, int] = {}
                for d, digest in self.select("SELECT d, digest FROM search_name WHERE name = ?", (phrase,)):
                    if digest != _crc(phrase, str(d)):
                        raise Damaged(phrase)
                    if wanted is None or d in wanted:
                        found[d] = found.get(d, 0) + 1
                return found
            except Damaged:
                pass
        return None if wanted is None else self.fallback().named(phrase, wanted)

    def order(self, word: str) -> array[int] | None:
        if self.rebuilt is not None:
            return None
        try:
            rows = self.select("SELECT docs, digest FROM search_top WHERE word = ?", (word,))
        except Damaged:
            return None
        if len(rows) != 1 or not isinstance(rows[0][0], bytes) or rows[0][1] != _crc(word, rows[0][0]):
            return None
        data = rows[0][0]
        order = array("I", data) if len(data) % 4 == 0 else array("I")
        count = len(single.LETTERS)
        return order if len(order) >= count and len(order) == count + sum(order[:count]) else None


class _Terms(Mapping[str, bytes]):
    """Each word's postings, read when a search looks the word up. Whether a word is there, and which words start
    with a prefix, are asked of the table; the whole vocabulary is read only for a typo scan. The table's word
    count is checked against the one stored first: a lost row switches every answer to the rebuilt index."""

    def __init__(self, rows: _Rows, store: Store, count: int) -> None:
        self.rows, self.store, self.count = rows, store, count
        self._checked = False
        self._vocabulary: tuple[str, ...] | None = None

    def _rebuilt(self) -> Index | None:
        """The rebuilt index once any read has failed (the row count is checked by the first read)."""
        if self.rows.rebuilt is None and not self._checked:
            self._checked = True
            try:
                found = self.rows.select("SELECT count(*) FROM search_term", ())
                if found != [(self.count,)]:
                    raise Damaged("search_term")
            except Damaged:
                self.rows.fallback()
        return self.rows.rebuilt

    def __contains__(self, word: object) -> bool:
        rebuilt = self._rebuilt()
        if rebuilt is not None:
            return word in rebuilt.postings
        if not isinstance(word, str):
            return False
        if word in self.rows.terms:
            return True
        try:
            return bool(self.rows.select("SELECT 1 FROM search_term WHERE word = ?", (word,)))
        except Damaged:
            return word in self.rows.fallback().postings

    def prefixed(self, token: str) -> list[str]:
        rebuilt = self._rebuilt()
        if rebuilt is None and token:
            end = token[:-1] + chr(ord(token[-1]) + 1)
            try:
                rows = self.rows.select("SELECT word FROM search_term WHERE word >= ? AND word < ?", (token, end))
                return [word for (word,) in rows if isinstance(word, str) and word.startswith(token)]
            except Damaged:
                pass
        return [word for word in self.rows.fallback().postings if word.startswith(token)]

    def vocabulary(self) -> tuple[str, ...]:
        if self._vocabulary is None:
            if self._rebuilt() is None:
                try:
                    found = marshal.loads(self.store.get(VOCABULARY))
                    if isinstance(found, tuple) and len(found) == self.count:
                        self._vocabulary = found
                except (KeyError, Damaged, ValueError, EOFError, TypeError, sqlite3.Error):
                    pass
            if self._vocabulary is None:
                self._vocabulary = tuple(self.rows.fallback().postings)
        return self._vocabulary

    def __iter__(self) -> Iterator[str]:
        return iter(self.vocabulary())

    def __len__(self) -> int:
        return self.count

    def row(self, word: str) -> tuple[bytes, bytes]:
        if self._rebuilt() is None:  # a word that has no row fails like a damaged one: the rebuilt index answers
            try:
                return self.rows.term(word)
            except (Damaged, ValueError):
                pass
        rebuilt = self.rows.fallback()
        postings = rebuilt.postings[word]
        raw = rebuilt.raw_docs
        return postings, array("d", [raw[d][5][f] for d, f in rebuilt.hits(word)]).tobytes()

    def __getitem__(self, word: str) -> bytes:
        return self.row(word)[0]


class _Weights(Mapping[str, bytes]):
    """The field weights of each word's postings, in the same order (packed doubles)."""

    def __init__(self, terms: _Terms) -> None:
        self.terms = terms

    def __getitem__(self, word: str) -> bytes:
        return self.terms.row(word)[1]

    def __iter__(self) -> Iterator[str]:
        return iter(self.terms)

    def __len__(self) -> int:
        return len(self.terms)


class _Stems(Mapping[str, tuple[str, ...]]):
    """The index words of each stem, read one stem at a time."""

    def __init__(self, rows: _Rows) -> None:
        self.rows = rows

    def __getitem__(self, key: str) -> tuple[str, ...]:
        if self.rows.rebuilt is None:
            try:
                found = self.rows.stem(key)
            except (Damaged, ValueError, EOFError, TypeError):
                pass
            else:
                if found is None:
                    raise KeyError(key)
                return found
        return self.rows.fallback().stems[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self.rows.fallback().stems)  # nothing in a search walks every stem

    def __len__(self) -> int:
        return len(self.rows.fallback().stems)


class _Docs(Sequence["tuple[Any, ...]"]):
    """The whole documents, read one at a time (for the hits shown and phrase bonuses)."""

    def __init__(self, rows: _Rows, count: int) -> None:
        self.rows, self._count = rows, count

    if TYPE_CHECKING:

        @overload
        def __getitem__(self, d: int) -> tuple[Any, ...]: ...
        @overload
        def __getitem__(self, d: slice) -> list[tuple[Any, ...]]: ...

    def __getitem__(self, d: int | slice) -> tuple[Any, ...] | list[tuple[Any, ...]]:
        if isinstance(d, slice):  # what a Sequence answers; nothing here slices
            return [self[i] for i in range(self._count)[d]]
        if self.rows.rebuilt is None:
            try:
                return self.rows.doc(d)
            except (Damaged, ValueError, EOFError, TypeError):
                pass
        return self.rows.fallback().raw_docs[d]

    def __len__(self) -> int:
        return self._count
