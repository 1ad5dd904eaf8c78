"""The long value lists of the completion snapshot (every role, skill and book id when a big pack is in use), kept
in a small SQLite file beside the snapshot, so that a Tab reads only the candidates that start with the word typed
instead of loading every value of every argument.

The snapshot names a stored list by its number (``values`` is then an int) and holds the token of the file its
lists were written to; a file with another token, a row that fails its CRC, or any SQLite error raises
:class:`Stale`, and the caller builds the snapshot again. Rows keep their position in the list, so the candidates
come back in the order the whole list had. Standard library only.
"""

from __future__ import annotations

import contextlib
import os
import stat
import zlib

TYPE_CHECKING = False  # typing imports re, enum and collections: a Tab and a replay need none of them
if TYPE_CHECKING:
    from typing import Any

NAME = "completion-values.sqlite3"
LONG = 200  # a list with more values than this is stored in the table, not in the snapshot


class Stale(Exception):
    """The stored lists cannot answer: build the snapshot again."""


def split(tree: dict[str, Any]) -> list[list[tuple[str, str]]]:
    """Replace, in place, each long value list of ``tree`` by its number in the returned lists (the same list
    given to several arguments, like every role, is kept once)."""
    lists: list[list[tuple[str, str]]] = []
    seen: dict[tuple[tuple[str, str], ...], int] = {}

    def walk(node: dict[str, Any]) -> None:
        for param in node["options"] + node["arguments"]:
            values = param["values"]
            if isinstance(values, list) and len(values) > LONG:
                key = tuple(values)
                if key not in seen:
                    seen[key] = len(lists)
                    lists.append(values)
                param["values"] = seen[key]
        for command in node["commands"]:
            walk(command[3])

    walk(tree)
    return lists


def _digest(folded: str, value: str, help_: str) -> int:
    return zlib.crc32(f"{folded}\0{value}\0{help_}".encode("utf-8", "surrogatepass"))


def _after(prefix: str) -> str | None:
    """The least string greater than every string that starts with ``prefix`` (None: there is no such bound)."""
    if not prefix:
        return None
    code = ord(prefix[-1]) + 1
    if 0xD800 <= code <= 0xDFFF:  # surrogates are not text: the next character is U+E000
        code = 0xE000
    return prefix[:-1] + chr(code) if code <= 0x10FFFF else None


def write(path: str, token: str, lists: list[list[tuple[str, str]]], clean: Any) -> None:
    """Store ``lists`` under ``token`` in ``path`` (replaced at once); ``clean`` makes a value or help one line.
    Raises OSError or sqlite3.Error when the folder cannot take it."""
    import sqlite3

    temporary = f"{path}.{os.getpid()}.tmp"
    with contextlib.suppress(FileNotFoundError):
        os.unlink(temporary)
    try:
        connection = sqlite3.connect(temporary, isolation_level=None)
        try:
            connection.execute("PRAGMA journal_mode = OFF")
            connection.execute("PRAGMA synchronous = OFF")
            connection.execute("CREATE TABLE meta (token TEXT)")
            connection.execute("CREATE TABLE item (list INTEGER, folded TEXT, pos INTEGER, value TEXT, help TEXT, "
                               "digest INTEGER, PRIMARY KEY (list, folded, pos)) WITHOUT ROWID")  # fmt: skip
            connection.execute("BEGIN")
            connection.execute("INSERT INTO meta VALUES (?)", (token,))
            rows = ((number, folded, pos, value, help_, _digest(folded, value, help_))
                    for number, values in enumerate(lists)
                    for pos, (raw, raw_help) in enumerate(values)
                    for folded, value, help_ in [(raw.casefold(), clean(raw), clean(raw_help))])  # fmt: skip
            connection.executemany("INSERT INTO item VALUES (?, ?, ?, ?, ?, ?)", rows)
            connection.execute("COMMIT")
        finally:
            connection.close()
        os.chmod(temporary, 0o600)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def candidates(path: str, token: str, number: int, incomplete: str) -> list[tuple[str, str]]:
    """The values of stored list ``number`` whose value starts with ``incomplete`` ignoring case, in the list's
    order, each already on one line; :class:`Stale` when the file cannot be trusted."""
    try:
        st = os.lstat(path)
    except OSError:
        raise Stale(path) from None
    if not stat.S_ISREG(st.st_mode) or (hasattr(os, "getuid") and st.st_uid != os.getuid()):
        raise Stale(path)
    import sqlite3

    wanted = incomplete.casefold()
    upper = _after(wanted)
    query = "SELECT pos, folded, value, help, digest FROM item WHERE list = ? AND folded >= ?"
    params: tuple[object, ...] = (number, wanted)
    if upper is not None:
        query, params = query + " AND folded < ?", (*params, upper)
    try:
        from careercli.paths import file_uri

        connection = sqlite3.connect(f"{file_uri(os.path.abspath(path))}?mode=ro", uri=True, isolation_level=None)
        try:
            if connection.execute("SELECT token FROM meta").fetchall() != [(token,)]:
                raise Stale(path)
            rows = connection.execute(query + " ORDER BY pos", params).fetchall()
        finally:
            connection.close()
    except (sqlite3.Error, ValueError) as error:
        raise Stale(str(error)) from None
    out = []
    for _pos, folded, value, help_, digest in rows:
        if not all(isinstance(t, str) for t in (folded, value, help_)) or digest != _digest(folded, value, help_):
            raise Stale(path)
        if folded.startswith(wanted):
            out.append((value, help_))
    return out
