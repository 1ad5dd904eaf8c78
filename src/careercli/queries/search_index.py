"""The search index of roles, skills and books: every field of every item split into words and stemmed lightly
(so 'security' meets 'secure'), the postings of each word packed into bytes, each document's whole names and its
place in the tie-break order, and the scored match both ranking paths make (``search_rank``, ``search_single``).
What a query finds is :mod:`careercli.queries.search`.
"""

from __future__ import annotations

import re
from array import array
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence

from careercli.queries.typos import typo_distance
from careercli.records import record

TYPE_CHECKING = False  # typing imports re, enum and collections at run time: piped listings need none
if TYPE_CHECKING:
    from typing import Any

    from careercli.model import Catalog

KINDS = ("role", "skill", "book")
STOPWORDS = frozenset(
    ["a", "an", "and", "the", "of", "for", "to", "in", "on", "with", "by", "or", "at", "as", "is", "it", "how", "my"]
)
_WORD = re.compile(r"[0-9a-z+#]+(?:['.][0-9a-z]+)*")
_ENDINGS = ("ations", "ation", "ity", "ing", "er", "ed", "ly")  # after a plural s is gone: one of them

EXACT, STEM, PREFIX, TYPO1, TYPO2 = 1.0, 0.9, 0.7, 0.6, 0.45


def words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def stem(word: str) -> str:
    """The word's stem, so that forms of one word meet: 'nurses', 'nurse' and 'nursing' give 'nurs'; 'engineer',
    'engineers' and 'engineering' give 'engineer'; 'plumber' and 'plumbing' give 'plumb'.

    A plural or third-person s goes first ('technologies' -> 'technology', 'apis' -> 'api'; not in 'analysis' or
    'status'), then one ending of :data:`_ENDINGS` ('-eer' keeps its er: 'engineer', 'career'), a doubled last
    letter is made single ('programming' -> 'program'), and a final e goes. Words of three letters or fewer
    ('cto', 'api') and words with digits or signs ('c++', 'k8s') are their own stem. Each step leaves three
    letters or more. It was measured against Snowball's English stemmer (snowballstemmer): that one imports 66
    modules, does not join 'plumber' and 'plumbing', and scored nDCG@3 0.935 on the relevance set against 0.942.
    """
    if len(word) <= 3 or not word.isalpha():
        return word
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith("sses"):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith("ss") and (len(word) < 5 or not word.endswith(("us", "is"))):
        word = word[:-1]
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            if ending == "er" and word.endswith("eer"):
                break
            word = word[: -len(ending)]
            if ending in ("ing", "er", "ed") and len(word) >= 4 and word[-1] == word[-2] and word[-1] not in "lsz":
                word = word[:-1]
            break
    return word[:-1] if word.endswith("e") and len(word) > 3 else word


def stem_root(word: str) -> str:
    """What every word with the word's stem holds ('technolog' of 'technologies', whose stem is 'technology')."""
    root = stem(word)
    n = 0
    while n < min(len(word), len(root)) and word[n] == root[n]:
        n += 1
    return word[:n]


def name_key(text: str) -> str:
    """A name as search compares whole names: its words' stems, space-separated ('Registered Nurses' and
    'registered nurse' give 'register nurs')."""
    return " ".join(stem(w) for w in words(text))


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
_SHIFT, _MASK = _FIELDS_PER_DOC.bit_length() - 1, _FIELDS_PER_DOC - 1  # a posting: document << _SHIFT | field


class Index:
    """An inverted index: each word of the catalog -> the (document, field) pairs that hold it.

    Postings are packed into bytes; a stored index (``stored.search_store``) reads the postings of the query's
    words, their weights beside them, and only the documents that ranking and the hits shown need.
    """

    def __init__(
        self,
        raw_docs: Sequence[tuple[Any, ...]],
        postings: Mapping[str, bytes],
        stems: Mapping[str, tuple[str, ...]],
        kinds: str,
        stored: Any = None,  # a stored index's .weights, .ranks(), .named(), .prefetch() (stored.search_store)
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
            self._ranks = self.stored.ranks() if self.stored is not None else ranks_of(self.raw_docs)
        return self._ranks

    def named(self, phrase: str, candidates: Iterable[int]) -> dict[int, int]:
        """The candidates one of whose names (:func:`names_of`: words, or a marked :func:`name_key`) is the phrase,
        with how many of their names are."""
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
        if len(token) >= 4:  # 'cto' is no prefix of 'ctos...': a short word matches whole words only
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


def word_score(best: float, fields: int) -> float:
    """One query word's part of a match's score: the weight of the best field it matched (times the quality of
    the match), and 0.1 for each further field it matched, up to three."""
    return best + 0.1 * min(fields - 1, 3)


NAME, STEMMED_NAME = 20.0, 16.0  # the bonus of a query that is a whole name, word for word or stem for stem
STEM_MARK = "~"  # a name's stemmed key is kept as "~key" beside its words ("data engineer", "~data engineer")


def names_of(raw: tuple[Any, ...]) -> tuple[str, ...]:
    """A document's whole names (every field that weighs 9 or more: a name, a slug, an alias), each as its words
    and as :data:`STEM_MARK` and its :func:`name_key`: a query with the same words is the thing's whole name, one
    with the same stems nearly ('data engineering' names the Data Engineer)."""
    texts, weights = raw[4], raw[5]
    found: list[str] = []
    for f, text in enumerate(texts):
        if weights[f] >= 9:
            found += [" ".join(words(text)), STEM_MARK + name_key(text)]
    return tuple(found)


def name_bonus(exact: int, stemmed: int) -> float:
    """What a whole-name match adds: :data:`NAME` for each name the query is word for word, :data:`STEMMED_NAME`
    for each other name it is stem for stem."""
    return NAME * exact + STEMMED_NAME * max(0, stemmed - exact)


def ranks_of(raw: Sequence[tuple[Any, ...]]) -> list[int]:
    """Each document's place when ordered by kind (as in KINDS), title ignoring case, then id."""
    order = {k: i for i, k in enumerate(KINDS)}
    ordered = sorted(range(len(raw)), key=lambda d: (order[raw[d][0]], raw[d][2].casefold(), raw[d][1]))
    ranks = [0] * len(raw)
    for place, d in enumerate(ordered):
        ranks[d] = place
    return ranks


@record
class Scored:
    score: float
    doc: int
    fields: tuple[int, ...]

    def hit(self, index: Index) -> Hit:
        kind, ident, title, labels, _texts, weights = index.raw_docs[self.doc]
        return Hit(kind, ident, title, self.score, _labels(labels, weights, list(self.fields)))


def _labels(labels: tuple[str, ...], weights: tuple[float, ...], field_indexes: list[int]) -> tuple[str, ...]:
    """What matched, strongest field first, each label once (at most four)."""
    ranked = sorted(set(field_indexes), key=lambda f: (-weights[f], f))
    shown: list[str] = []
    for f in ranked:
        if labels[f] not in shown:
            shown.append(labels[f])
    return tuple(shown[:4])
