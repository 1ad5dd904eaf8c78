"""The ``--json`` output: versioned envelopes with stable keys (documented in the README)."""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from json.encoder import encode_basestring as _string  # json's C function
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from careercli.model import Book, Catalog, Role, RoleSummary
    from careercli.profile import Bookmark, Profile, ReadingEntry
    from careercli.queries.compare import Comparison
    from careercli.queries.gap import Gap, Suggestion
    from careercli.queries.progression import CareerPath, Step

SCHEMA_VERSION = 1


def envelope(key: str, value: Any) -> dict[str, Any]:
    return {"schema_version": SCHEMA_VERSION, key: value}


def dumps(payload: dict[str, Any]) -> str:
    """The JSON text; DEL, C1 controls, bidi and zero-width characters written as \\u escapes (the same values
    once parsed, but inert and visible in a terminal or an editor)."""
    import re

    from careercli.presenters.text import INVISIBLE

    chunks: list[str] = []
    try:
        _indented(payload, "", chunks)
        text = "".join(chunks)
    except TypeError:  # a value json converts (a float that is not finite, a key that is not a string)
        text = json.dumps(payload, ensure_ascii=False, indent=2)
    return re.sub(f"[\\x7f-\\x9f{INVISIBLE}]", lambda m: f"\\u{ord(m.group()):04x}", text)


def _indented(value: Any, indent: str, out: list[str]) -> None:
    """``json.dumps(value, ensure_ascii=False, indent=2)`` in ``out``, in a fraction of the time: json's pure-Python
    indented encoder is replaced by one recursion over the containers, with the commonest values (strings, None,
    lists of strings) written in place by json's own C function; anything json would convert or refuse raises
    TypeError (the caller falls back to json)."""
    kind = type(value)
    if kind is str:
        out.append(_string(value))
    elif kind is dict:
        if not value:
            out.append("{}")
            return
        inner = indent + "  "
        lead = "{\n" + inner
        for key, entry in value.items():
            if type(key) is not str:
                raise TypeError(key)
            if type(entry) is str:
                out.append(lead + _string(key) + ": " + _string(entry))
            elif entry is None:
                out.append(lead + _string(key) + ": null")
            else:
                out.append(lead + _string(key) + ": ")
                _indented(entry, inner, out)
            lead = ",\n" + inner
        out.append("\n" + indent + "}")
    elif kind is list or kind is tuple:
        if not value:
            out.append("[]")
            return
        inner = indent + "  "
        if all(type(entry) is str for entry in value):  # ids, names, authors: one join
            out.append("[\n" + inner + (",\n" + inner).join(map(_string, value)) + "\n" + indent + "]")
            return
        lead = "[\n" + inner
        for entry in value:
            out.append(lead)
            lead = ",\n" + inner
            _indented(entry, inner, out)
        out.append("\n" + indent + "]")
    else:
        _scalar(value, indent, out)


def _scalar(value: Any, indent: str, out: list[str]) -> None:
    """What :func:`_indented` leaves to the general case: other scalars, and subclasses of str, dict and list."""
    if isinstance(value, str):
        out.append(_string(value))
    elif value is None:
        out.append("null")
    elif value is True or value is False:
        out.append("true" if value else "false")
    elif isinstance(value, int):
        out.append(int.__repr__(value))
    elif isinstance(value, float) and math.isfinite(value):
        out.append(float.__repr__(value))
    elif isinstance(value, dict):
        _indented(dict(value), indent, out)
    elif isinstance(value, list | tuple):
        _indented(list(value), indent, out)
    else:
        raise TypeError(value)


def role_summary(role: Role | RoleSummary) -> dict[str, Any]:
    return {"slug": role.slug, "name": role.name, "category": role.category, "summary": role.summary}


def book(item: Book, status: str | None = None) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": item.id,
        "title": item.title,
        "subtitle": item.subtitle,
        "authors": list(item.authors),
        "publisher": item.publisher,
        "published": item.published,
        "edition": item.edition,
        "isbn13": item.isbn13,
        "roles": list(item.roles),
        "topics": list(item.topics),
        "skills": list(item.skills),
        "teaches": list(item.teaches),
        "level": item.level,
        "url": item.url,
    }
    if status is not None:
        data["status"] = status
    return data


def role_detail(
    role: Role,
    catalog: Catalog,
    books: Sequence[Book],
    bookmark: dict[str, Any] | None = None,
) -> dict[str, Any]:
    def refs(slugs: Sequence[str]) -> list[dict[str, str]]:
        return [{"slug": s, "name": catalog.roles[s].name if s in catalog.roles else s} for s in slugs]

    return {
        **role_summary(role),
        "what_they_do": role.what_they_do,
        "what_to_learn": list(role.what_to_learn),
        "key_skills": [{"id": s, "name": catalog.skill_name(s)} for s in role.key_skills],
        "challenges": [{"title": c.title, "why": c.why} for c in role.challenges],
        "career_prospects": list(role.career_prospects),
        "next_roles": refs(role.next_roles),
        "related_roles": refs(role.related_roles),
        "aliases": list(role.aliases),
        "books": [book(b) for b in books],
        "bookmark": bookmark,
        "source": role.source,
    }


def bookmark(mark: Bookmark, catalog: Catalog) -> dict[str, Any]:
    role = catalog.roles.get(mark.role)
    return {
        "role": mark.role,
        "name": role.name if role else None,
        "note": mark.note,
        "tags": list(mark.tags),
        "added": mark.added,
    }


def skills(profile: Profile, catalog: Catalog) -> list[dict[str, Any]]:
    mine = [
        {"id": s, "name": catalog.skill_name(s), "kind": catalog.skills[s].kind if s in catalog.skills else None,
         "custom": False}
        for s in profile.skills
    ]  # fmt: skip
    mine += [{"id": None, "name": name, "kind": None, "custom": True} for name in profile.custom_skills]
    return mine


def reading(entry: ReadingEntry, catalog: Catalog) -> dict[str, Any]:
    """A reading entry: a catalogue book's title and authors, or those the user gave their own entry ("custom")."""
    item = catalog.books.get(entry.book)
    return {
        "book": entry.book,
        "title": item.title if item else entry.title or None,
        "authors": list(item.authors) if item else list(entry.authors),
        "year": int(item.published[:4]) if item and item.published else entry.year,
        "custom": entry.custom,
        "status": entry.status,
        "rating": entry.rating,
        "note": entry.note,
        "added": entry.added,
        "updated": entry.updated,
    }


def comparison(result: Comparison) -> dict[str, Any]:
    return {
        "roles": [
            {
                **role_summary(r),
                "key_skills": list(r.key_skills),
                "only": list(result.only[r.slug]),
                "challenges": [c.title for c in r.challenges],
                "next_roles": list(r.next_roles),
            }
            for r in result.roles
        ],
        "shared": list(result.shared),
        "some": {skill: list(who) for skill, who in result.some.items()},
        "shared_books": [b.id for b in result.shared_books],
    }


def gap(result: Gap, catalog: Catalog) -> dict[str, Any]:
    return {
        "role": result.role,
        "name": catalog.roles[result.role].name,
        "coverage": round(result.coverage, 4),
        "have": list(result.have),
        "missing": list(result.missing),
        "plan": [
            {
                "skill": step.skill,
                "name": catalog.skill_name(step.skill),
                "needed_by_bookmarks": step.needed_by,
                "prerequisite_of": list(step.prerequisite_of),
                "books": list(step.books),
            }
            for step in result.plan
        ],
    }


def career_path(result: CareerPath, catalog: Catalog) -> dict[str, Any]:
    def step(item: Step) -> dict[str, Any]:
        role = catalog.roles[item.slug]
        data: dict[str, Any] = {"slug": item.slug, "name": role.name, "adds": list(item.adds)}
        data["repeat"] = item.repeat
        data["next"] = [step(child) for child in item.children]
        return data

    return {
        "role": result.role,
        "depth": result.depth,
        "leads_to": [step(s) for s in result.leads_to],
        "comes_from": [
            {"slug": s.slug, "name": catalog.roles[s.slug].name, "adds": list(s.adds)} for s in result.comes_from
        ],
    }


def suggestion(item: Suggestion, catalog: Catalog) -> dict[str, Any]:
    return {
        "role": item.role,
        "name": catalog.roles[item.role].name,
        "coverage": round(item.coverage, 4),
        "have": list(item.have),
        "missing": list(item.missing),
    }
