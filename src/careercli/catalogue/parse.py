"""Reading one TOML data file into raw entries, and the problems found, each with its file and line.

A file is refused before parsing when a line is pathological (a key of thousands of dotted parts makes a TOML
reader quadratic), and nesting deeper than :data:`MAX_DEPTH` is a clear error, never a RecursionError. A UTF-8
byte order mark at the start is accepted. rtoml (Rust) parses a large pack about four times faster than
tomllib; tomllib is the fallback where rtoml is not installed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from careercli.records import record

TABLES = {"role": "slug", "skill": "id", "book": "id"}
MAX_DEPTH = 64  # arrays and inline tables nested deeper than this are refused
MAX_KEY_PARTS = 128  # a dotted key of more parts than this is refused before parsing
LONG_LINE = 4096  # bytes: only a line this long can hold a pathological key
_LONG_LINE = re.compile(rb"(?m)^[^\n]{%d,}" % LONG_LINE)  # "^": tried at line starts only, so linear
SHOWN = 60  # a value longer than this is cut in a message: its start, "…" and its length
_LONG_QUOTED = re.compile(rf"'([^'\n]{{{SHOWN + 1},}})'")
_LONG_RUN = re.compile(rf"\S{{{3 * SHOWN},}}")


def cut(text: str) -> str:
    """``text`` with every long quoted value (and any very long run without a space) cut to its first characters,
    "…" and its length: a 100,000-character key is not echoed whole."""

    def quoted(match: re.Match[str]) -> str:
        value = match.group(1)
        return f"'{value[:SHOWN]}…' ({len(value):,} characters)"

    def run(match: re.Match[str]) -> str:
        value = match.group()
        return f"{value[:SHOWN]}… ({len(value):,} characters)"

    return _LONG_RUN.sub(run, _LONG_QUOTED.sub(quoted, text))


@record
class Entry:
    """One ``[[role]]``, ``[[skill]]`` or ``[[book]]`` table as read, with where it came from. Not frozen: a big
    pack makes tens of thousands, and a frozen dataclass costs several times more to create."""

    table: str
    index: int  # position among the file's tables of this kind
    data: dict[str, Any]
    file: Path
    label: str  # how the file is named in messages


class Locator:
    """Finds line numbers in a TOML file's text, only when a message needs one."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lines: list[str] | None = None
        self._headers: dict[str, list[int]] = {}

    @property
    def lines(self) -> list[str]:
        if self._lines is None:
            try:
                self._lines = self.path.read_text(encoding="utf-8").splitlines()
            except (OSError, UnicodeDecodeError):
                self._lines = []
            for number, line in enumerate(self._lines, start=1):
                match = re.match(r"\s*\[\[\s*([A-Za-z_.]+)\s*\]\]", line)
                if match:
                    self._headers.setdefault(match.group(1), []).append(number)
        return self._lines

    def line_of(self, table: str, index: int, field: str | None = None, value: str | None = None) -> int:
        lines = self.lines
        starts = self._headers.get(table, [])
        if index >= len(starts):
            return 0
        start = starts[index]
        # the table runs until the next table of the same kind (sub-tables such as [[role.challenges]] belong to it)
        same = [n for n in starts if n > start]
        end = min(same) - 1 if same else len(lines)
        if field is None:
            return start
        key = re.compile(rf"^\s*{re.escape(field)}\s*=")
        for number in range(start, end + 1):
            if key.match(lines[number - 1]):
                if value is None:
                    return number
                # a value inside a (possibly multi-line) array: first line from here that holds it
                quoted = re.compile(rf"[\"']{re.escape(value)}[\"']")
                for inner in range(number, end + 1):
                    if quoted.search(lines[inner - 1]):
                        return inner
                return number
        return start


class Problems:
    """Every problem of a run, in the order found, as ``file:line: what: message``."""

    def __init__(self) -> None:
        self.items: list[str] = []
        self.warnings: list[str] = []  # shown, never fatal
        self._locators: dict[Path, Locator] = {}

    def add(
        self, entry: Entry, message: str, field: str | None = None, value: str | None = None, warning: bool = False
    ) -> None:
        locator = self._locators.setdefault(entry.file, Locator(entry.file))
        line = locator.line_of(entry.table, entry.index, field, value)
        where = f"{entry.label}:{line}" if line else entry.label
        ident = entry.data.get(TABLES[entry.table])
        name = f"{entry.table} {ident!r}" if isinstance(ident, str) and ident else f"{entry.table} #{entry.index + 1}"
        (self.warnings if warning else self.items).append(f"{where}: {cut(f'{name}: {message}')}")

    def add_file(self, label: str, message: str) -> None:
        self.items.append(f"{label}: {cut(message)}")


def closest(word: str, choices: Iterable[str]) -> str | None:
    import difflib

    found = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return found[0] if found else None


def _pathological_line(data: bytes) -> str | None:
    """``LINE: why`` for the first line no TOML reader should be given, else None."""
    if not _may_hold_a_long_line(data):
        return None
    for match in _LONG_LINE.finditer(data):
        line = match.group()
        key = line.split(b"=", 1)[0] if b"=" in line else line
        parts = key.count(b".") + 1
        if parts > MAX_KEY_PARTS:
            number = data.count(b"\n", 0, match.start()) + 1
            return f"{number}: a key of {parts} dotted parts; at most {MAX_KEY_PARTS} are read"
    return None


def _may_hold_a_long_line(data: bytes, window: int = LONG_LINE // 2) -> bool:
    """False when no line is 2 x ``window`` bytes or longer, found by looking for a newline in each aligned window
    (a few milliseconds for 30 MiB, where the regular expression takes over a hundred): such a line holds a
    whole aligned window with no newline in it."""
    return any(data.find(b"\n", start, start + window) < 0 for start in range(0, len(data) - window + 1, window))


def _depth_line(text: str) -> int:
    """The line where arrays or inline tables first nest deeper than MAX_DEPTH (0 if they never do).

    Slow (one character at a time), so it runs only after a parser gave up on the nesting."""
    depth, line, quote, index = 0, 1, "", 0
    while index < len(text):
        char = text[index]
        if char == "\n":
            line += 1
        if quote:
            if text.startswith(quote, index):
                index += len(quote)
                quote = ""
                continue
            if char == "\\" and quote[0] == '"':
                index += 1
        elif char in "\"'":
            quote = text[index : index + 3] if text.startswith(char * 3, index) else char
            index += len(quote)
            continue
        elif char == "#":
            end = text.find("\n", index)
            index = len(text) if end < 0 else end
            continue
        elif char in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return line
        elif char in "]}":
            depth = max(depth - 1, 0)
        index += 1
    return 0


def _loads(text: str) -> dict[str, Any]:
    """Parse with rtoml; on any error, tomllib says what is wrong, so that messages stay tomllib's own."""
    import tomllib

    try:
        import rtoml
    except ImportError:  # pragma: no cover - rtoml is a dependency; tomllib is the fallback
        return tomllib.loads(text)
    try:
        return rtoml.loads(text)
    except ValueError as error:
        if "recurs" in str(error):
            raise RecursionError(str(error)) from None
        tomllib.loads(text)  # raises with tomllib's message
        raise


def parse_document(data: bytes, label: str) -> tuple[dict[str, Any] | None, str | None]:
    """The parsed document, or None and the problem (``label:line: ...`` or ``label: ...``)."""
    bad = _pathological_line(data)
    if bad:
        return None, f"{label}:{bad}"
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None, f"{label}: not valid UTF-8 text"
    text = text.removeprefix("\ufeff")
    try:
        return _loads(text), None
    except RecursionError:
        pass
    except ValueError as error:  # tomllib.TOMLDecodeError and rtoml's TomlParsingError are ValueErrors
        message = " ".join(str(error).split())
        if "recurs" not in message:
            return None, f"{label}: not valid TOML: {message}"
    line = _depth_line(text)
    where = f"{label}:{line}" if line else label
    return None, f"{where}: arrays or inline tables nested too deep (at most {MAX_DEPTH} levels are read)"


def read_entries(path: Path | str, label: str, problems: Problems) -> list[Entry]:
    """Parse one TOML file into entries; a file that cannot be read or parsed is one problem."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        problems.add_file(label, "file not found")
        return []
    except OSError as error:
        problems.add_file(label, f"cannot read: {error.strerror or error}")
        return []
    document, problem = parse_document(data, label)
    if document is None:
        problems.items.append(problem or f"{label}: not valid TOML")
        return []
    return entries_of(document, path, label, problems)


def entries_of(document: dict[str, Any], path: Path, label: str, problems: Problems) -> list[Entry]:
    """The [[role]], [[skill]] and [[book]] tables of a parsed document."""
    entries: list[Entry] = []
    for key, value in document.items():
        if key == "schema_version":
            continue
        if key not in TABLES:
            hint = closest(key, TABLES)
            suffix = f" (did you mean '{hint}'?)" if hint else ""
            problems.add_file(label, f"unknown table '{key}'; expected [[role]], [[skill]] or [[book]]{suffix}")
            continue
        if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
            problems.add_file(label, f"'{key}' must be an array of tables: write [[{key}]]")
            continue
        entries.extend(Entry(key, index, item, path, label) for index, item in enumerate(value))
    return entries
