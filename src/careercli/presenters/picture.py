"""A renderable as a standalone SVG or HTML page that renders offline: Rich's SVG export names a web font
(Fira Code, fetched from a CDN) and a link in a comment; here the page uses the reader's own monospace fonts and
refers to nothing on the network (only the SVG namespace, which is a name, never fetched)."""

from __future__ import annotations

import io
import re
from typing import Any

FONTS = "Menlo, 'DejaVu Sans Mono', Consolas, 'Liberation Mono', 'Courier New', monospace"
_FONT_FACE = re.compile(r"@font-face\s*\{[^}]*\}\s*")
_COMMENT = re.compile(r"<!--.*?-->\s*", re.DOTALL)
_FIRA = re.compile(r"font-family:\s*Fira Code,\s*monospace")


def offline(page: str) -> str:
    """The exported page without web fonts, font URLs or comments."""
    page = _FONT_FACE.sub("", _COMMENT.sub("", page))
    return _FIRA.sub(f"font-family: {FONTS}", page)


def picture(renderable: Any, fmt: str, title: str, width: int) -> str:
    """The renderable as an SVG (``fmt`` "svg") or HTML document, colours kept, at the terminal's width."""
    from rich.console import Console

    recorder = Console(record=True, width=width, force_terminal=True, color_system="truecolor", file=io.StringIO())
    recorder.print(renderable, crop=fmt == "svg")  # a web page keeps a long line (a URL) whole, as a terminal does
    if fmt == "svg":
        return offline(recorder.export_svg(title=title, unique_id="careercli"))
    return offline(recorder.export_html(inline_styles=True))
