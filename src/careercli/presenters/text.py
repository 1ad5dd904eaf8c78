"""Making any text from a file or the user safe for the terminal.

Rich reads ``[...]`` as markup and passes ESC and C1 controls straight to the terminal, and TOML can carry
them (``\\u001b``). Every string from data or the profile reaches the terminal through :func:`plain`:
a ``rich.text.Text`` (never parsed as markup) with control characters made visible.
"""

from __future__ import annotations

import re

# invisible characters that reorder or hide text: zero-width spaces and joiners, bidi marks, embeddings,
# overrides and isolates (U+202E can make "exe.txt" read "txt.exe"), word joiners and the byte-order mark
INVISIBLE = "\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
_CONTROL = re.compile(f"[\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f{INVISIBLE}]")


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # control pictures: ESC shows as ␛
    if code == 0x7F:
        return "\u2421"  # ␡
    if code <= 0x9F:
        return f"\\x{code:02x}"  # C1 controls have no picture: show their escape
    return f"\\u{code:04x}"  # bidi and zero-width characters: their escape, so they act on nothing


def visible(text: str) -> str:
    """The text with C0/C1 control characters (but newline and tab), DEL, bidi and zero-width characters replaced by
    visible stand-ins."""
    return _CONTROL.sub(_visible, text)


def single_line(text: str) -> str:
    """For one-line fields (table cells): also folds newlines and tabs into spaces."""
    return visible(text.replace("\r\n", " ").replace("\n", " ").replace("\t", " "))


def count(n: int, word: str, plural: str | None = None) -> str:
    """``n`` and the noun in the number it needs: "1 step", "2 steps", "0 roles" (``plural`` when not word+s)."""
    return f"{n} {word if n == 1 else plural or word + 's'}"


def unit_label(names: list[str], group: str = "") -> str:
    """A key-skill unit in words: a skill's name, or a "one of" group as "server-side language: one of Python,
    Java, Go" (one member is enough); a group's one member named alone reads "server-side language: Java"."""
    if not group:
        return ", ".join(names)
    return f"{group}: {names[0]}" if len(names) == 1 else f"{group}: one of {', '.join(names)}"


# --- Markdown: the export and the Markdown sections of the presenters

# Only what could start or end structure is escaped, so that ordinary text stays readable in the source
# (2026-11-30, Node.js, on-call). Anywhere in a line: backslash, code spans, emphasis, link brackets, HTML and
# autolinks, table pipes, GFM strikethrough and math. At the start of a line: headings, quotes, lists, thematic
# breaks, setext underlines and fences. Entities only when they look like one; `_` only at a word's edge.
_ANYWHERE = re.compile(r"[\\`*\[\]<|~$]|&(?=#?\w+;)|(?<![^\W_])_|_(?![^\W_])")
# at a line's start: a heading, a quote, a list item, a thematic break or a setext underline
_LINE_START = re.compile(r"^(?:#{1,6}(?=\s|$)|>|[-+](?=\s|$)|\d{1,9}(?=[.)](?:\s|$))|(?:[-=]\s*)+$)")
_HEADING_CLOSE = re.compile(r"(\s)(#+)$")


def _escape_line(line: str) -> str:
    line = _ANYWHERE.sub(lambda m: "\\" + m.group(), line.strip())
    start = _LINE_START.match(line)
    if start and start.group()[0].isdigit():  # "2026. " or "1) " would start an ordered list: escape its dot
        line = f"{start.group()}\\{line[start.end() :]}"
    elif start:
        line = "\\" + line
    return _HEADING_CLOSE.sub(lambda m: m.group(1) + "\\" + m.group(2), line)


def escape(text: str) -> str:
    """Inline text that Markdown shows literally: special characters escaped, controls visible, lines kept apart."""
    lines = [_escape_line(line) for line in visible(text.replace("\r\n", "\n").replace("\r", "\n")).split("\n")]
    return "\\\n  ".join(line for line in lines if line)


def one_line(text: str) -> str:
    """Like :func:`escape` for a heading or a table cell, which must stay on one line: newlines become spaces."""
    return _escape_line(" ".join(visible(text).split()))


def code(text: str) -> str:
    """An id as a code span when that is safe (one plain line without backticks), else escaped text."""
    if text and text.isprintable() and "`" not in text and text.strip() == text:
        return f"`{text}`"
    return one_line(text)
