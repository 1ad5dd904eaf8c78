"""The profile file's text: a comparison that treats nan as equal to itself, and the style-preserving rewrite.

A write changes only what the command changed: the fields careercli owns inside a ``[[bookmark]]`` or
``[[reading]]`` entry, the skill lists, the entries added or removed. Everything else the user wrote by hand
(unknown fields in entries, unknown keys, comments, layout) stays as it was. tomlkit keeps it; it is imported
only on the write path (reads use the standard library's tomllib).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from careercli.profile import Bookmark, Profile, ReadingEntry

BOOKMARK_FIELDS = ("role", "note", "tags", "added")
READING_FIELDS = ("book", "status", "added", "updated")


def same(left: Any, right: Any) -> bool:
    """Equal as TOML values, with nan equal to nan (only call on documents whose depth has been bounded: see
    ``user_files.parse``)."""
    if isinstance(left, float) and isinstance(right, float) and math.isnan(left) and math.isnan(right):
        return True
    if type(left) is not type(right):
        return False
    if isinstance(left, dict):
        return left.keys() == right.keys() and all(same(value, right[key]) for key, value in left.items())
    if isinstance(left, list | tuple):
        return len(left) == len(right) and all(same(a, b) for a, b in zip(left, right, strict=True))
    return bool(left == right)


def same_profile(left: Profile, right: Profile) -> bool:
    """The two profiles hold the same data, unknown keys and unknown entry fields included."""
    if left != right or not same(left.extra, right.extra):
        return False
    pairs: list[tuple[Bookmark | ReadingEntry, Bookmark | ReadingEntry]] = [
        *zip(left.bookmarks, right.bookmarks, strict=True), *zip(left.reading, right.reading, strict=True)]  # fmt: skip
    return all(same(a.extra, b.extra) for a, b in pairs)


def entry_fields(profile: Profile) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The fields careercli owns in each bookmark and reading entry, in file order."""
    marks = [{"role": b.role, "note": b.note, "tags": list(b.tags), "added": b.added} for b in profile.bookmarks]
    reading = [{"book": r.book, "status": r.status, "added": r.added, "updated": r.updated} for r in profile.reading]
    return marks, reading


def render(original: str | None, profile: Profile, schema_version: int) -> str:
    """The new file text: ``original`` (already checked to parse) with the profile's data put in place."""
    import tomlkit

    document = tomlkit.parse(original) if original is not None else tomlkit.document()
    if "schema_version" not in document:
        document["schema_version"] = schema_version
    for key, values in (("skills", profile.skills), ("custom_skills", profile.custom_skills)):
        current = document.get(key)
        if current is None or not same(_plain(current), list(values)):
            document[key] = list(values)
    _sync_answers(document, profile)
    marks, reading = entry_fields(profile)
    _sync_entries(document, "bookmark", "role", marks)
    _sync_entries(document, "reading", "book", reading)
    return tomlkit.dumps(document)


def _sync_answers(document: Any, profile: Profile) -> None:
    """The ``[discover]`` table: removed when there are no answers, else its fields changed where they differ (a
    comment or a field the user added in it stays)."""
    from careercli.profile import answers_from, answers_table

    current = document.get("discover")
    if profile.discover is None:
        if current is not None:
            del document["discover"]
        return
    wanted = answers_table(profile.discover)
    if not isinstance(current, dict):
        document["discover"] = wanted
        return
    try:
        if answers_from(_plain(current)) == profile.discover:
            return
    except ValueError:
        pass
    for name in ("scores", "zones", "min_pay", "skills"):
        if name not in wanted:
            current.pop(name, None)
        elif name not in current or not same(_plain(current[name]), wanted[name]):
            current[name] = wanted[name]


def _plain(item: Any) -> Any:
    return item.unwrap() if hasattr(item, "unwrap") else item


def _sync_entries(document: Any, key: str, id_field: str, wanted: list[dict[str, Any]]) -> None:
    """Make the entries under ``key`` hold ``wanted``, changing only what differs.

    The store's changes keep the order of entries (they update in place, drop some, append new ones), so the
    file's entries and the wanted ones are walked side by side: a match is updated field by field, an entry
    no longer wanted is dropped, and the rest is appended.
    """
    import tomlkit

    existing = document.get(key)
    if existing is None:
        if wanted:
            table_list = tomlkit.aot()
            for fields in wanted:
                table_list.append(_new_table(fields))
            document[key] = table_list
        return
    position = 0
    index = 0
    while index < len(existing):
        item = existing[index]
        if position < len(wanted) and _plain(item.get(id_field)) == wanted[position][id_field]:
            _update_fields(item, wanted[position])
            position += 1
            index += 1
        else:
            del existing[index]
    inline = not isinstance(existing, tomlkit.items.AoT)
    for fields in wanted[position:]:
        existing.append(_new_inline(fields) if inline else _new_table(fields))


def _update_fields(item: Any, fields: dict[str, Any]) -> None:
    for name, value in fields.items():
        if name not in item:
            if value not in ("", []):  # a missing field reads as empty: leave it missing
                item[name] = value
        elif not same(_held(name, _plain(item[name])), value):
            item[name] = value


def _held(name: str, value: Any) -> Any:
    """A field's value as the profile reads it: a TOML date or date-time a person wrote (``2024-01-01T10:30:00Z``)
    is its day, equal to careercli's own text for that day, so the file keeps it as written until the day changes."""
    if name in ("added", "updated"):
        from careercli.profile import date_text

        return date_text(value, name)
    return value


def _new_table(fields: dict[str, Any]) -> Any:
    import tomlkit

    table = tomlkit.table()
    for name, value in fields.items():
        table[name] = value
    return table


def _new_inline(fields: dict[str, Any]) -> Any:
    import tomlkit

    table = tomlkit.inline_table()
    table.update(fields)
    return table
