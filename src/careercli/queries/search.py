"""One ranked search across roles, skills and books.

Every field of every item is split into words and stemmed lightly, so 'security' meets 'secure' and
'kubernets' meets 'kubernetes'. A query word matches a word exactly, by stem, as a prefix, or within one or two
typos; each match is worth the field's weight (a name outweighs body text) times the match's quality. Every
query word must match somewhere; phrases and whole-name matches earn a bonus. Ties break by kind, then title.

The work is bounded: a query is at most :data:`MAX_QUERY_CHARS` characters and :data:`MAX_QUERY_WORDS` distinct
words (a repeated word counts once), so no query can make search or its "closest terms" step hang.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from careercli.queries.typos import typo_distance
from careercli.records import record

if TYPE_CHECKING:
    from careercli.model import Catalog

KINDS = ("role", "skill", "book")
STOPWORDS = frozenset(
    ["a", "an", "and", "the", "of", "for", "to", "in", "on", "with", "by", "or", "at", "as", "is", "it", "how", "my"]
)
_WORD = re.compile(r"[0-9a-z+#]+(?:['.][0-9a-z]+)*")
_SUFFIXES = ("ations", "ation", "ities", "ity", "ings", "ing", "ers", "er", "ed", "es", "e", "s", "ly")

EXACT, STEM, PREFIX, TYPO1, TYPO2 = 1.0, 0.9, 0.7, 0.6, 0.45
MAX_QUERY_CHARS = 100_000  # a guard only: repeated words cost nothing, distinct ones are capped below
MAX_QUERY_WORDS = 16
MAX_TERM_CHARS = 40  # a longer query word is compared with nothing for "closest terms"


def words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def stem(word: str) -> str:
    for suffix in _SUFFIXES:
        if len(word) - len(suffix) >= 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


@record
class Field:
    label: str  # shown in "matched", e.g. "name" or "challenge: Scaling ..."
    text: str
    weight: float


@record
class Doc:
    kind: str
    id: str
    title: str
    fields: tuple[Field, ...]


@record
class Hit:
    kind: str
    id: str
    title: str
    score: float
    matched: tuple[str, ...]


_FIELDS_PER_DOC = 256  # a posting packs (doc, field) into one integer: doc * 256 + field


class Index:
    """An inverted index: each word of the catalog -> the (document, field) pairs that hold it.

    Postings are packed into bytes; a stored index (``catalogue.search_store``) reads the postings of the query's
    words, their weights beside them, and only the documents that ranking and the hits shown need.
    """

    def __init__(
        self,
        raw_docs: Sequence[tuple[Any, ...]],
        postings: Mapping[str, bytes],
        stems: Mapping[str, tuple[str, ...]],
        kinds: str,
        stored: Any = None,  # a stored index's .weights, .ranks(), .named(), .prefetch() (catalogue.search_store)
    ) -> None:
        self.raw_docs = raw_docs  # (kind, id, title, labels, texts, weights)
        self.postings = postings
        self.stems = stems
        self.kinds = kinds  # one letter a document: r(ole), s(kill), b(ook)
        self.stored = stored  # what a stored index keeps so that ranking reads no document
        self._ranks: Sequence[int] | None = None
        self._docs: dict[int, Doc] = {}

    @classmethod
    def build(cls, docs: list[Doc]) -> Index:
        raw = [(doc.kind, doc.id, doc.title, tuple(f.label for f in doc.fields), tuple(f.text for f in doc.fields),
                tuple(f.weight for f in doc.fields)) for doc in docs]  # fmt: skip
        return cls.from_raw(raw)

    @classmethod
    def from_raw(cls, raw: list[tuple[Any, ...]]) -> Index:
        """The index of documents given as ``(kind, id, title, labels, texts, weights)``, in one pass; the words
        of a short text (a skill's name, a publisher) are found once however many documents hold it."""
        lists: dict[str, list[int]] = defaultdict(list)
        known: dict[str, tuple[str, ...]] = {}
        for d, (kind, ident, _title, _labels, texts, _weights) in enumerate(raw):
            if len(texts) > _FIELDS_PER_DOC:
                raise ValueError(f"{kind} {ident!r} has more than {_FIELDS_PER_DOC} searchable fields")
            base = d * _FIELDS_PER_DOC
            for f, text in enumerate(texts):
                found = known.get(text)
                if found is None:
                    found = tuple(set(words(text)))
                    if len(text) <= 64:
                        known[text] = found
                for word in found:
                    lists[word].append(base + f)
        stems: dict[str, list[str]] = defaultdict(list)
        for word in lists:
            stems[stem(word)].append(word)
        packed = {word: array("I", items).tobytes() for word, items in lists.items()}
        kinds = "".join([doc[0][0] for doc in raw])
        return cls(raw, packed, {k: tuple(v) for k, v in stems.items()}, kinds)

    def doc(self, d: int) -> Doc:
        found = self._docs.get(d)
        if found is None:
            kind, ident, title, labels, texts, weights = self.raw_docs[d]
            found = Doc(kind, ident, title, tuple(map(Field, labels, texts, weights)))
            self._docs[d] = found
        return found

    def kind_of(self, d: int) -> str:
        return {"r": "role", "s": "skill", "b": "book"}[self.kinds[d]]

    def hits(self, word: str) -> Iterator[tuple[int, int]]:
        for packed in array("I", self.postings[word]):
            yield divmod(packed, _FIELDS_PER_DOC)

    def weighted(self, word: str) -> tuple[Sequence[int], Sequence[float]]:
        """The word's postings (document * 256 + field) and, in the same order, each field's weight."""
        postings = array("I", self.postings[word])
        if self.stored is None:
            raw = self.raw_docs
            return postings, [raw[p >> 8][5][p & 255] for p in postings]
        return postings, array("d", self.stored.weights[word])

    def ranks(self) -> Sequence[int]:
        """Each document's place in the order that breaks ties between equal scores: kind, title, id."""
        if self._ranks is None:
            from careercli.queries.search_rank import ranks_of

            self._ranks = self.stored.ranks() if self.stored is not None else ranks_of(self.raw_docs)
        return self._ranks

    def named(self, phrase: str, candidates: Iterable[int]) -> dict[int, int]:
        """The candidates whose name (one of :func:`names_of`) is the phrase, with how many of their names are."""
        from careercli.queries.search_rank import names_of

        if self.stored is not None:
            return self.stored.named(phrase, candidates)
        found = {d: names_of(self.raw_docs[d]).count(phrase) for d in candidates}
        return {d: n for d, n in found.items() if n}

    def expand(self, token: str) -> dict[str, float]:
        """The index words a query word matches, each with the quality of the match."""
        found: dict[str, float] = {}
        if token in self.postings:
            found[token] = EXACT
        for word in self.stems.get(stem(token), ()):
            found.setdefault(word, STEM)
        if len(token) >= 3:
            for word in self.prefixed(token):
                if word not in found:
                    found[word] = PREFIX
        if token not in self.postings and len(token) >= 4:
            limit = 1 if len(token) < 7 else 2
            for word in self.vocabulary():
                if word in found or abs(len(word) - len(token)) > limit:
                    continue
                distance = typo_distance(token, word, limit)
                if distance <= limit:
                    found[word] = TYPO1 if distance == 1 else TYPO2
        return found

    def vocabulary(self) -> Iterable[str]:
        return self.postings.keys()

    def prefixed(self, token: str) -> Iterable[str]:
        """The index words that start with ``token`` (a stored index reads just them)."""
        if self.stored is not None:
            return self.stored.prefixed(token)
        return [word for word in self.postings if word.startswith(token)]


def build_index(catalog: Catalog) -> Index:
    """The index of every role, skill and book, built from plain tuples in one pass (no object a field)."""
    names = {ident: skill.name for ident, skill in catalog.skills.items()}
    raw: list[tuple[Any, ...]] = []
    for role in catalog.roles.values():
        fields: list[tuple[str, str, float]] = [("name", role.name, 10), ("slug", role.slug.replace("-", " "), 9),
                  ("summary", role.summary, 3), ("category", role.category, 5)]  # fmt: skip
        fields += [(f"also called: {alias}", alias, 9) for alias in role.aliases]
        initials = "".join(w[0] for w in words(role.name.replace("-", " ")) if w not in STOPWORDS)
        if len(initials) >= 2:
            fields.append(("initials", initials, 8))  # 'sre', 'mle'
        skill_names = [names.get(s, s) for s in role.key_skills]
        fields += [(f"key skill: {name}", name, 7) for name in skill_names]
        fields += [(f"challenge: {c.title}", c.title, 3) for c in role.challenges]
        fields += [(f"challenge: {c.title}", c.why, 1.5) for c in role.challenges]
        fields += [("what to learn", item, 1.5) for item in role.what_to_learn]
        fields.append(("what they do", role.what_they_do, 1))
        fields += [("career prospects", item, 1) for item in role.career_prospects]
        raw.append(("role", role.slug, role.name, *zip(*fields, strict=True)))
    for skill in catalog.skills.values():
        fields = [("name", skill.name, 10), ("id", skill.id.replace("-", " "), 9)]
        fields += [(f"alias: {alias}", alias, 9) for alias in skill.aliases]
        fields.append(("kind", skill.kind, 1))
        raw.append(("skill", skill.id, skill.name, *zip(*fields, strict=True)))
    for book in catalog.books.values():
        fields = [("title", book.title, 6)]
        if book.subtitle:
            fields.append(("subtitle", book.subtitle, 3))
        fields += [(f"author: {author}", author, 6) for author in book.authors]
        fields += [(f"topic: {topic}", topic.replace("-", " "), 4) for topic in book.topics]
        fields += [(f"skill: {name}", name, 3) for name in [names.get(s, s) for s in book.skills]]
        if book.publisher:
            fields.append(("publisher", book.publisher, 1))
        raw.append(("book", book.id, book.title, *zip(*fields, strict=True)))
    return Index.from_raw(raw)


def query_tokens(query: str) -> list[str]:
    """The query's distinct words in order, full-width and other compatibility forms folded, stopwords dropped
    unless nothing else is left; a :class:`UsageError` when the query is longer than search takes."""
    from careercli.errors import UsageError

    if len(query) > MAX_QUERY_CHARS:
        raise UsageError(f"the search text is {len(query):,} characters long; search takes at most "
                         f"{MAX_QUERY_CHARS:,}")  # fmt: skip
    tokens = list(dict.fromkeys(words(unicodedata.normalize("NFKC", query))))
    meaningful = [t for t in tokens if t not in STOPWORDS]
    chosen = meaningful or tokens
    if len(chosen) > MAX_QUERY_WORDS:
        raise UsageError(f"the search has {len(chosen):,} different words; search takes at most {MAX_QUERY_WORDS}")
    return chosen


def search(index: Index, query: str, kind: str | None = None, limit: int = 10) -> list[Hit]:
    """Ranked hits for the query; every query word must match. ``limit=0`` returns all."""
    return search_page(index, query, kind, limit)[0]


def search_page(index: Index, query: str, kind: str | None = None, limit: int = 10) -> tuple[list[Hit], int]:
    """The best ``limit`` hits for the query (all with ``limit=0``) and how many documents match in all.

    Words typed apart that the catalog writes as one ('swift ui', 'type script') are also tried joined. Only the
    hits returned are made into objects; their documents are read when a command shows them.
    """
    from careercli.queries.search_rank import LazyHit, top

    tokens = query_tokens(query)
    if not tokens:
        return [], 0
    shown, total = top(index, tokens, kind, limit)
    return [LazyHit(index, s) for s in shown], total


def closest_terms(index: Index, query: str, limit: int = 5, kind: str | None = None) -> list[str]:
    """Words of the catalog that look like the query's words, for a friendly 'no match' line.

    The query's own words are never offered back, and with ``kind`` only words that some item of that kind
    holds are offered. At most :data:`MAX_QUERY_WORDS` words are compared, each shorter than
    :data:`MAX_TERM_CHARS`.
    """
    import difflib

    tokens = [t for t in query_tokens(query) if len(t) <= MAX_TERM_CHARS]
    if not tokens:
        return []
    vocabulary = [w for w in index.vocabulary() if len(w) > 2 and not w.isdigit()]
    found: list[str] = []
    for token in tokens:
        for word in difflib.get_close_matches(token, vocabulary, n=3 if kind is None else 6, cutoff=0.6):
            if word in tokens or word in found:
                continue
            if kind is not None and not any(index.kind_of(d) == kind for d, _ in index.hits(word)):
                continue
            found.append(word)
    return found[:limit]


def no_match_message(index: Index, query: str, kind: str | None = None) -> str:
    """What to say when ``search`` found nothing: what was searched, and the next command to try."""
    from careercli.queries.resolve import clip, quoted

    shown = clip(" ".join(query.split()))
    tokens = query_tokens(query)
    if not tokens:
        return f"Nothing to search for in '{shown}': search looks for words of letters or digits."
    if kind is not None:
        others = search(index, query, limit=0)
        if others:
            counts = {k: sum(1 for h in others if h.kind == k) for k in KINDS}
            parts = [f"{n} {k}{'' if n == 1 else 's'}" for k, n in counts.items() if n]
            found = ", ".join(parts[:-1]) + " and " + parts[-1] if len(parts) > 1 else parts[0]
            from shlex import quote  # only for this hint

            command = "career search " + quote(" ".join(tokens))
            return f"No {kind} matches '{shown}'; it matches {found}: try {quoted(command)}."
    line = f"No {kind} matches '{shown}'." if kind else f"Nothing matches '{shown}'."
    terms = closest_terms(index, query, kind=kind)
    if terms:
        line += " Closest terms in the catalog: " + ", ".join(terms) + "."
    else:
        line += " Try fewer or shorter words."
    return line
