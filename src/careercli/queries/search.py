"""One ranked search across roles, skills and books.

Every field of every item is split into words and stemmed lightly, so 'security' meets 'secure' and
'kubernets' meets 'kubernetes'. A query word matches a word exactly, by stem, as a prefix, or within one or two
typos; each match is worth the field's weight (a name outweighs body text) times the match's quality. Every
query word must match somewhere; phrases and whole-name matches earn a bonus. Ties break by kind, then title.

The work is bounded: a query is at most :data:`MAX_QUERY_CHARS` characters and :data:`MAX_QUERY_WORDS` distinct
words (a repeated word counts once), so no query can make search or its "closest terms" step hang.
"""

from __future__ import annotations

import unicodedata

from careercli.queries.search_index import KINDS, STOPWORDS, Hit, Index, words

MAX_QUERY_CHARS = 100_000  # a guard only: repeated words cost nothing, distinct ones are capped below
MAX_QUERY_WORDS = 16
MAX_TERM_CHARS = 40  # a longer query word is compared with nothing for "closest terms"


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
