"""Search ranking's helpers that spare a large catalogue work: each document's whole names and its place in
the tie-break order (worked out once and stored with the index), the scoring of every match with only the best
``limit`` kept, and scored matches that read their document only when shown.

A query that matches 10,000 documents costs one pass over its words' postings: each candidate's score without the
phrase bonus is exact, and the bonus is at most half the weight of the fields it matched. The candidates are
judged best bound first, and once the ``limit``-th exact score beats every remaining bound the rest are only
counted: their documents are never read.
"""

from __future__ import annotations

import heapq
from bisect import bisect_left

from careercli.queries.search_index import (
    _MASK,
    _SHIFT,
    STEM_MARK,
    Hit,
    Index,
    Scored,
    name_bonus,
    stem,
    word_score,
    words,
)

TYPE_CHECKING = False  # typing imports re, enum and collections at run time: piped listings need none
if TYPE_CHECKING:
    from typing import Any

_BATCH = 64  # candidates whose documents are read in one query while looking for the best ones


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

    @property
    def id(self) -> str:
        return self._hit().id

    @property
    def title(self) -> str:
        return self._hit().title

    @property
    def matched(self) -> tuple[str, ...]:
        return self._hit().matched


class _Scores:
    """The candidates of one list of query words (every word must match) and what their scores are made of."""

    def __init__(self, index: Index, tokens: list[str], letter: str | None) -> None:
        self.index, self.tokens, self.phrase = index, tokens, " ".join(tokens)
        self.best: list[dict[int, float]] = []  # per word: document -> its best match's value
        self.fields: list[list[int]] = []  # per word: the (document, field) postings it matched, sorted
        self.reach: list[dict[int, float]] = []  # per word: document -> weight of its matched fields (phrases)
        self._counts: list[dict[int, int]] = []
        kinds = index.kinds
        candidates: set[int] | None = None
        for token in tokens:
            best: dict[int, float] = {}
            weight_of: dict[int, float] = {}
            for word, quality in index.expand(token).items():
                postings, weights = index.weighted(word)
                weight_of.update(zip(postings, weights, strict=True))
                get = best.get
                for p, w in zip(postings, weights, strict=True):
                    value = w * quality
                    if value > get(p >> _SHIFT, -1.0):
                        best[p >> _SHIFT] = value
            docs = best.keys() if letter is None else [d for d in best if kinds[d] == letter]
            candidates = set(docs) if candidates is None else candidates.intersection(docs)
            if not candidates:
                break
            self.best.append(best)
            self.fields.append(sorted(weight_of))
            if len(tokens) > 1:
                reach: dict[int, float] = dict.fromkeys(best, 0.0)
                for p, w in weight_of.items():
                    reach[p >> _SHIFT] += w
                self.reach.append(reach)
        self.candidates: set[int] = candidates or set()
        self.named: dict[int, float] = {}  # document -> its whole-name bonus
        if self.candidates:
            exact = index.named(self.phrase, self.candidates)
            stemmed = index.named(STEM_MARK + " ".join(map(stem, tokens)), self.candidates)
            self.named = {d: name_bonus(exact.get(d, 0), n) for d, n in stemmed.items()}

    def matched(self, d: int) -> list[int]:
        """The fields of document ``d`` each word matched, word by word, each word's fields in order."""
        found: list[int] = []
        low, high = d << _SHIFT, (d + 1) << _SHIFT
        for fields in self.fields:
            start = bisect_left(fields, low)
            found.extend(p & _MASK for p in fields[start : bisect_left(fields, high, start)])
        return found

    def counts(self) -> list[dict[int, int]]:
        """Per word, how many fields of each document it matched."""
        if not self._counts:
            from collections import Counter

            self._counts = [Counter([p >> _SHIFT for p in fields]) for fields in self.fields]
        return self._counts

    def base(self, d: int) -> float:
        """The score without the phrase and whole-name bonuses, added up in the order :meth:`exact` adds it."""
        total = 0.0
        for best, counts in zip(self.best, self.counts(), strict=True):
            total += word_score(best[d], counts[d])
        return total

    def bounds(self) -> dict[int, float]:
        """Each candidate's score or more: a phrase earns at most half the weight of the fields that matched."""
        total = dict.fromkeys(self.candidates, 0.0)
        for d, bonus in self.named.items():
            total[d] = bonus
        for best, counts, reach in zip(self.best, self.counts(), self.reach, strict=True):
            for d in total:
                total[d] += word_score(best[d], counts[d]) + 0.5 * reach[d]
        return total

    def exact(self, d: int) -> Scored:
        total = self.base(d)
        matched = self.matched(d)
        if len(self.tokens) > 1:  # a phrase in a field that matched earns half the field's weight
            texts, weights = self.index.raw_docs[d][4:6]
            for f in sorted(set(matched)):
                if self.phrase in " ".join(words(texts[f])):
                    total += weights[f] * 0.5
        if d in self.named:
            total += self.named[d]  # the query is the thing's whole name
        return Scored(round(total, 2), d, tuple(matched))


def top(index: Index, tokens: list[str], kind: str | None, limit: int) -> tuple[list[Scored], int]:
    """The best ``limit`` matches of the query words (all with ``limit=0``), best first, and how many match.

    Words typed apart that the catalog writes as one ('swift ui') are also tried joined: a document scores the
    better of the two readings (the words apart when equal)."""
    letter = kind[0] if kind else None
    if len(tokens) == 1 and limit > 0 and index.stored is not None:  # the commonest query: from a stored order
        from careercli.queries.search_single import top_single

        found = top_single(index, tokens[0], letter, limit)
        if found is not None:
            return found
    parts = [_Scores(index, tokens, letter)]
    joined = "".join(tokens)
    if len(tokens) > 1 and joined in index.postings:
        parts.append(_Scores(index, [joined], letter))
    candidates: set[int] = set().union(*(part.candidates for part in parts))
    ranks = index.ranks()

    def exact(d: int) -> Scored:
        chosen: Scored | None = None
        for part in parts:
            if d in part.candidates:
                found = part.exact(d)
                if chosen is None or found.score > chosen.score:
                    chosen = found
        assert chosen is not None
        return chosen

    def order(s: Scored) -> tuple[float, int]:
        return -s.score, ranks[s.doc]

    multi = len(tokens) > 1
    if limit == 0 or not multi:
        if multi and index.stored is not None:  # phrase bonuses read the documents: all in one query
            index.stored.prefetch(candidates)
        scored = [exact(d) for d in candidates]
        if limit == 0:
            return sorted(scored, key=order), len(candidates)
        return heapq.nsmallest(limit, scored, key=order), len(candidates)
    return _best_bounded(index, parts, candidates, exact, limit), len(candidates)


def _best_bounded(index: Index, parts: list[_Scores], candidates: set[int], exact: Any, limit: int) -> list[Scored]:
    """The best ``limit`` candidates, judged highest bound first, stopping when no bound left can reach them."""
    ranks = index.ranks()

    bounds = parts[0].bounds()
    for part in parts[1:]:  # the words joined: one word, no phrase, so its scores are exact
        for d in part.candidates:
            bounds[d] = max(bounds.get(d, 0.0), part.exact(d).score)
    ordered = sorted([(-bound, ranks[d], d) for d, bound in bounds.items()])
    kept: list[tuple[float, int, Scored]] = []  # a heap of the best so far, the worst on top
    for start in range(0, len(ordered), _BATCH):
        batch = ordered[start : start + _BATCH]
        if len(kept) == limit and -batch[0][0] + 0.01 < kept[0][0]:
            break  # a score is rounded to 2 places: no candidate left can reach the limit-th one
        if index.stored is not None:
            index.stored.prefetch(d for _, _, d in batch)
        for negative_bound, rank, d in batch:
            if len(kept) == limit and -negative_bound + 0.01 < kept[0][0]:
                break
            found = exact(d)
            if len(kept) < limit:
                heapq.heappush(kept, (found.score, -rank, found))
            elif (found.score, -rank) > kept[0][:2]:
                heapq.heapreplace(kept, (found.score, -rank, found))
    return sorted((s for _, _, s in kept), key=lambda s: (-s.score, ranks[s.doc]))
