"""The commonest search, one query word that is exactly one word of the index, answered in time that grows with the
page rather than with the matches.

A stored index keeps, for each word held by many fields, its documents in the order that search ranks them without
the whole-name bonus, kind by kind (roles, skills, books), each kind best first, ties broken by the index's
rank order. A search then reads the head of that order, adds the few documents whose whole name is the word with
their true scores, and keeps the best ``limit``: the same hits, scores and count as scoring every match, without
a Python loop over 10,000 postings. Any doubt (no stored order, a damaged row, a word that also matches stems,
longer words or typos) leaves the answer to the general path.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from functools import partial
from itertools import repeat
from operator import rshift

from careercli.queries.search_index import (
    _MASK,
    _SHIFT,
    EXACT,
    KINDS,
    STEM_MARK,
    Index,
    Scored,
    name_bonus,
    stem,
    word_score,
)

MIN_FIELDS = 256  # a word in fewer fields is ranked quickly by the general path: no order is stored for it
LETTERS = tuple(kind[0] for kind in KINDS)  # the kinds' letters in Index.kinds, in the order they are stored


def score(best: float, fields: int, bonus: float) -> float:
    """A one-word match's score, added up exactly as ``search_rank._Scores.exact`` does: the best field's weight
    (times EXACT), 0.1 for each further field up to three, and the whole-name bonus (``name_bonus``)."""
    total = 0.0
    total += word_score(best * EXACT, fields)
    if bonus:
        total += bonus
    return round(total, 2)


def alone(index: Index) -> set[str]:
    """The words that a query of that word matches and nothing else: no stem sibling, no longer word starting with
    it (:meth:`Index.expand`); only these ever use a stored order, so only their orders are worked out."""
    vocabulary = sorted(index.postings)
    found: set[str] = set()
    for i, word in enumerate(vocabulary):
        if len(word) >= 4 and i + 1 < len(vocabulary) and vocabulary[i + 1].startswith(word):
            continue
        if index.stems.get(stem(word)) == (word,):
            found.add(word)
    return found


def ranked(postings: Sequence[int], weights: Sequence[float], kinds: str, ranks: Sequence[int]) -> bytes | None:
    """The stored order of one word: the document count of each kind (in :data:`LETTERS` order), then the
    documents of each kind by score without whole-name bonus, best first, then by rank; None for a rare word.

    Run for the commonest words of 60,000 documents when the index is stored, so every pass over the postings is
    one of C (maps, sorts with a C key): Python works only once per distinct (weight, field count) pair."""
    if len(postings) < MIN_FIELDS:
        return None
    docs = list(map(rshift, postings, repeat(_SHIFT)))
    values = list(weights)
    by_weight = sorted(range(len(docs)), key=values.__getitem__)
    # in order of weight, so each document keeps its last, greatest one
    best = dict(zip(map(docs.__getitem__, by_weight), map(values.__getitem__, by_weight), strict=True))
    count = Counter(docs)
    pairs = list(zip(best.values(), map(partial(min, 4), map(count.__getitem__, best)), strict=True))
    table = {pair: -score(pair[0], pair[1], 0) for pair in set(pairs)}
    lowest = dict(zip(best, map(table.__getitem__, pairs), strict=True))  # document -> minus its score
    ordered = sorted(best, key=ranks.__getitem__)  # by kind then title: each kind's documents lie together
    per_kind = Counter(map(kinds.__getitem__, ordered))
    order = [per_kind[letter] for letter in LETTERS]
    start = 0
    for n in order[:]:
        order.extend(sorted(ordered[start : start + n], key=lowest.__getitem__))  # stable: ties stay by rank
        start += n
    return array("I", order).tobytes()


def top_single(index: Index, token: str, letter: str | None, limit: int) -> tuple[list[Scored], int] | None:
    """The best ``limit`` (> 0) matches of one query word and how many match, from the word's stored order; None
    when the general path must answer (the word expands to more than itself, or has no sound stored order)."""
    stored = index.stored
    if stored is None or limit <= 0:
        return None
    order = stored.order(token)  # first: most words have none, and their search then expands the word only once
    if order is None or index.expand(token) != {token: EXACT}:
        return None
    exact, stemmed = stored.all_named(token), stored.all_named(STEM_MARK + stem(token))
    if exact is None or stemmed is None:
        return None
    named = {d: name_bonus(exact.get(d, 0), n) for d, n in stemmed.items()}
    postings, weights = index.weighted(token)
    kinds, ranks = index.kinds, index.ranks()

    def scored(d: int, bonus: float) -> Scored | None:
        low = bisect_left(postings, d << _SHIFT)
        high = bisect_left(postings, (d + 1) << _SHIFT, low)
        if low == high:
            return None
        fields = tuple(p & _MASK for p in postings[low:high])
        return Scored(score(max(weights[low:high]), high - low, bonus), d, fields)

    named = {d: n for d, n in named.items() if letter is None or kinds[d] == letter}
    chosen: list[Scored] = []
    for d, bonus in named.items():
        found = scored(d, bonus)
        if found is None:  # a whole name holds the word: a document without it means the rows disagree
            return None
        chosen.append(found)
    total, start = 0, len(LETTERS)
    for i, kind in enumerate(LETTERS):
        end = start + order[i]
        if letter is None or kind == letter:
            total += order[i]
            for d in order[start : min(end, start + limit + len(named))]:
                if d not in named:
                    found = scored(d, 0)
                    if found is None:
                        return None
                    chosen.append(found)
        start = end
    chosen.sort(key=lambda s: (-s.score, ranks[s.doc]))
    return chosen[:limit], total
