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
