"""Search ranking's helpers that spare a large catalogue work: each document's whole names and its place in
the tie-break order (worked out once and stored with the index), scored matches that read their document only
when shown."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from careercli.queries.search import KINDS, Hit, Index, words


def names_of(raw: tuple[Any, ...]) -> tuple[str, ...]:
    """The words of each of a document's first three fields that weigh 9 or more (a name, a slug, an alias): a
    query equal to one of them is the thing's whole name."""
    texts, weights = raw[4], raw[5]
    return tuple(" ".join(words(texts[f])) for f in range(min(3, len(texts))) if weights[f] >= 9)


def ranks_of(raw: Sequence[tuple[Any, ...]]) -> list[int]:
    """Each document's place when ordered by kind (as in KINDS), title ignoring case, then id."""
    order = {k: i for i, k in enumerate(KINDS)}
    ordered = sorted(range(len(raw)), key=lambda d: (order[raw[d][0]], raw[d][2].casefold(), raw[d][1]))
    ranks = [0] * len(raw)
    for place, d in enumerate(ordered):
        ranks[d] = place
    return ranks


@dataclass(frozen=True, slots=True)
class Scored:
    score: float
    doc: int
    fields: tuple[int, ...]

    def hit(self, index: Index) -> Hit:
        kind, ident, title, labels, _texts, weights = index.raw_docs[self.doc]
        return Hit(kind, ident, title, self.score, _labels(labels, weights, list(self.fields)))


class LazyHit(Hit):
    """A hit whose id, title and what matched are read from its document when first used: a search may match
    10,000 documents (all counted, and merged with occupations by score and kind) and show ten."""

    def __init__(self, index: Index, scored: Scored) -> None:
        object.__setattr__(self, "kind", index.kind_of(scored.doc))
        object.__setattr__(self, "score", scored.score)
        object.__setattr__(self, "_source", (index, scored))

    def _hit(self) -> Hit:
        made = self.__dict__.get("_made")
        if made is None:
            index, scored = self.__dict__["_source"]
            made = scored.hit(index)
            object.__setattr__(self, "_made", made)
        return made

    @property  # type: ignore[override]
    def id(self) -> str:
        return self._hit().id

    @property  # type: ignore[override]
    def title(self) -> str:
        return self._hit().title

    @property  # type: ignore[override]
    def matched(self) -> tuple[str, ...]:
        return self._hit().matched


def _labels(labels: tuple[str, ...], weights: tuple[float, ...], field_indexes: list[int]) -> tuple[str, ...]:
    """What matched, strongest field first, each label once (at most four)."""
    ranked = sorted(set(field_indexes), key=lambda f: (-weights[f], f))
    shown: list[str] = []
    for f in ranked:
        if labels[f] not in shown:
            shown.append(labels[f])
    return tuple(shown[:4])
