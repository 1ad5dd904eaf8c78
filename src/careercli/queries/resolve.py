"""One resolver for roles, skills and books, so the whole CLI forgives the same mistakes.

Order: exact id; the same text once case, spaces, hyphens, punctuation and width are ignored (against the id,
the name and any alias; full-width letters are plain ones); a unique prefix of those; otherwise a
:class:`NotFoundError` that names the closest matches, or the ``career search`` command to try. Several words
('back end developer') are one name. Suggestion work is bounded: text longer than any name is never compared.
"""

from __future__ import annotations

import difflib
import re
import shlex
import unicodedata
from collections.abc import Callable, Iterable, Mapping

from careercli.errors import SHOWN, NotFoundError, clip

TYPE_CHECKING = False  # typing imports re, enum and collections at run time: piped listings need none
if TYPE_CHECKING:
    from typing import TypeVar

    from careercli.model import Book, Catalog, Role, Skill

    T = TypeVar("T")

_NON_ALNUM = re.compile(r"[\W_]+")
_SEARCH_WORD = re.compile(r"[0-9a-z+#]+(?:['.][0-9a-z]+)*")
MAX_SUGGEST_CHARS = 100  # no id, name or alias is this long: longer text is not compared for suggestions
SHOWN_CHARS = SHOWN  # how much of a query a message repeats (errors.clip, shared by every message)


def normalise(text: str) -> str:
    """Case-folded, with everything but letters and digits removed: 'Back-End  Developer' -> 'backenddeveloper'.

    Compatibility forms fold first (full-width letters are plain ones) and accents go ('Café' is 'cafe').
    """
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
    folded = text.casefold().replace("+", "plus").replace("#", "sharp")
    return _NON_ALNUM.sub("", folded)


def search_command(query: str, kind: str) -> str | None:
    """The ``career search`` command line that looks for the query's words among items of one kind."""
    found = _SEARCH_WORD.findall(unicodedata.normalize("NFKC", query).casefold())
    unique = list(dict.fromkeys(found))[:8]
    if not unique or len(" ".join(unique)) > SHOWN_CHARS:  # a command to try, not the argument again in full
        return None
    return f"career search {shlex.quote(' '.join(unique))} --kind {kind}"


def quoted(command: str) -> str:
    """A command line to quote in a sentence: in single quotes, or double quotes when it holds single quotes
    itself (a query of several words is quoted for the shell: ``"career search 'data science'"``)."""
    return f'"{command}"' if "'" in command else f"'{command}'"


def _names(item: object) -> list[str]:
    names = [getattr(item, "id"), getattr(item, "name")]  # noqa: B009 - roles, skills and books share these
    names.extend(getattr(item, "aliases", ()))
    return names


def resolve(
    query: str,
    items: Mapping[str, T],
    kind: str,
    names: Callable[[T], Iterable[str]] = _names,
    list_hint: str | None = None,
    prefer: Callable[[list[T]], T | None] | None = None,
) -> T:
    """Find one item by id, name or alias, forgiving case, spacing, hyphens, width and a unique prefix.

    ``prefer`` may settle a tie between several matches (editions of one book: the newest); it returns None
    to leave them ambiguous.
    """
    if query in items:
        return items[query]
    if not query.strip():
        raise NotFoundError(f"no {kind} given", list_hint)
    wanted = normalise(query)
    if not wanted:
        raise NotFoundError(f"nothing to search for in '{clip(query)}': a {kind} is named with letters or digits",
                            list_hint)  # fmt: skip
    exact: dict[str, T] = {}
    prefixed: dict[str, T] = {}
    for key, item in items.items():
        keys = [normalise(name) for name in names(item)]
        if wanted in keys:
            exact[key] = item
        elif any(k.startswith(wanted) for k in keys):
            prefixed[key] = item
    for found in (exact, prefixed):
        if len(found) == 1:
            return next(iter(found.values()))
        if len(found) > 1:
            chosen = prefer(list(found.values())) if prefer else None
            if chosen is not None:
                return chosen
            choices = sorted(found)
            shown = ", ".join(f"'{c}'" for c in choices[:6]) + (", ..." if len(choices) > 6 else "")
            raise NotFoundError(f"'{clip(query)}' matches several {kind}s: {shown}; be more specific")
    message = f"unknown {kind} '{clip(query)}'"
    if len(wanted) > MAX_SUGGEST_CHARS:
        raise NotFoundError(f"{message} ({len(query):,} characters; no {kind} has a name that long)")
    close = suggest(query, items, names)
    if close:
        message += "; did you mean " + _or_list(close) + "?"
    else:
        command = search_command(query, kind)
        if command:
            message += f"; try {quoted(command)}"
        if list_hint and (not command or "career search" not in list_hint):
            message += "; " + list_hint.rstrip(".")
    raise NotFoundError(message)


def suggest(
    query: str,
    items: Mapping[str, T],
    names: Callable[[T], Iterable[str]] = _names,
    limit: int = 3,
    cutoff: float = 0.6,
) -> list[str]:
    """The ids of the items whose id, name or alias is closest to the query, best first.

    A typo in the first word of a name counts too ('bakend' is close to 'backend-developer'). Text longer
    than :data:`MAX_SUGGEST_CHARS` gets no suggestions, and names that cannot beat the best so far are
    never compared in full, so the work stays proportional to the number of names.
    """
    wanted = normalise(query)
    if not wanted or len(wanted) > MAX_SUGGEST_CHARS:
        return []
    scored: list[tuple[float, str]] = []
    matcher = difflib.SequenceMatcher(autojunk=False)
    matcher.set_seq2(wanted)
    floor = cutoff
    for key, item in items.items():
        best = 0.0
        for name in names(item):
            full = normalise(name)
            shapes = [(full, 1.0)]
            if len(wanted) >= 4 and len(full) > len(wanted) + 1 and full[0] == wanted[0]:
                # the name's start, one letter longer: a typo in a prefix ('bakend' ~ 'backend...'), never in its
                # first letter ('nope' is not 'compe...' of Compensation and Benefits Managers)
                shapes.append((full[: len(wanted) + 1], 0.92))
            for candidate, weight in shapes:
                bar = max(best, floor) / weight
                matcher.set_seq1(candidate)
                within = len(candidate) >= 3 and (wanted in candidate or candidate in wanted)
                if not within and (matcher.real_quick_ratio() < bar or matcher.quick_ratio() < bar):
                    continue  # cannot beat what is already found
                ratio = matcher.ratio()
                if within:
                    ratio = max(ratio, 0.75)
                best = max(best, ratio * weight)
        if best >= cutoff:
            scored.append((best, key))
            if cutoff > 0:
                floor = max(floor, best - 0.12)
    scored.sort(key=lambda pair: (-pair[0], pair[1]))
    if scored and cutoff > 0:
        # a clear winner hides the also-rans: 'bakend' suggests the back-end role, not every developer
        scored = [pair for pair in scored if pair[0] >= scored[0][0] - 0.12]
    return [key for _, key in scored[:limit]]


def _or_list(ids: list[str]) -> str:
    quoted = [f"'{i}'" for i in ids]
    if len(quoted) == 1:
        return quoted[0]
    return ", ".join(quoted[:-1]) + " or " + quoted[-1]


def resolve_role(catalog: Catalog, query: str) -> Role:
    """A role by slug, name or alias; several words are one name ('back end developer')."""
    return resolve(query, catalog.roles, "role", list_hint="'career list' shows every role.")


def resolve_skill(catalog: Catalog, query: str) -> Skill:
    return resolve(query, catalog.skills, "skill", list_hint="'career search --kind skill TEXT' finds skills.")


def resolve_book(catalog: Catalog, query: str) -> Book:
    """A book by id, title, a unique title prefix or its ISBN (13 or 10 digits, hyphens and spaces ignored).

    A title shared by several editions of one work means the newest edition; an id names one edition.
    """
    from careercli.queries.ranking import newest_of_one_work

    if query not in catalog.books:
        isbn = isbn13(query)
        if isbn is not None:
            for book in catalog.books.values():
                if book.isbn13 is not None and book.isbn13.replace("-", "") == isbn:
                    return book
            raise NotFoundError(f"no book in the catalogue has ISBN {isbn}; 'career search TITLE --kind book' "
                                "finds a book by its title or author")  # fmt: skip
    hint = "'career books --limit 0' lists every book."
    return resolve(query, catalog.books, "book", list_hint=hint, prefer=newest_of_one_work)


_ISBN_TEXT = re.compile(r"[0-9]{9}[0-9Xx]|[0-9]{13}")


def isbn13(text: str) -> str | None:
    """The text as an ISBN-13 when it is written as one (or as an ISBN-10), else None.

    '978-1-4493-7332-0', '9781449373320' and '1449373321' all give '9781449373320'. The check digit is not
    verified: a mistyped ISBN is then reported as not in the catalogue, which is what it is.
    """
    compact = re.sub(r"[\s-]+", "", text.strip())
    if compact.upper().startswith("ISBN"):
        compact = compact[4:].lstrip(":")
    if not _ISBN_TEXT.fullmatch(compact):
        return None
    if len(compact) == 13:
        return compact if compact.startswith(("978", "979")) else None
    body = "978" + compact[:9]
    total = sum(int(d) * (1 if i % 2 == 0 else 3) for i, d in enumerate(body))
    return body + str((10 - total % 10) % 10)
