"""Where every command's output goes: straight to stdout, or through the user's pager.

Kept free of heavy imports: the start-up fast path (``careercli.fast``) replays saved output through
:func:`emit` too, so a page looks and pages the same whether it was just rendered or replayed.
"""

from __future__ import annotations

import os
import sys

# how a text may be paged: never, when taller than the terminal, or whenever stdout is a terminal
NEVER, AUTO, ALWAYS = "S", "P", "A"

_recorders: list[list[tuple[str, str]]] = []
_emitting: list[bool] = []


def emitting() -> bool:
    """True while emit() itself is writing (so a recorder does not keep the same text twice)."""
    return bool(_emitting)


def record_into(sink: list[tuple[str, str]]) -> None:
    """Also keep every emitted text (with how it may be paged) in ``sink``."""
    _recorders.append(sink)


def emit(text: str, paging: str = NEVER) -> None:
    """Write ``text`` to stdout, or through the pager (AUTO: when stdout and stdin are a terminal and the text is
    taller than it; ALWAYS: whenever they are a terminal)."""
    for sink in _recorders:
        sink.append((text, paging))
    if paging != NEVER and _page(text, force=paging == ALWAYS):
        return
    _emitting.append(True)
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    finally:
        _emitting.pop()


def _page(text: str, force: bool) -> bool:
    """Send the text to $PAGER (default ``less``); False when it should not, or cannot, be paged."""
    try:
        if not (sys.stdout.isatty() and sys.stdin.isatty()):
            return False
        rows = os.get_terminal_size(sys.stdout.fileno()).lines
    except (OSError, ValueError, AttributeError):
        return False
    if not force and text.count("\n") < rows - 1:
        return False
    command = os.environ.get("PAGER", "").strip() or "less"
    if command in ("cat", "-"):
        return False
    import shlex
    import subprocess

    env = dict(os.environ)
    env.setdefault("LESS", "FRX")  # quit if one screen, keep colours, leave the text on screen (as git does)
    try:
        with subprocess.Popen(shlex.split(command), stdin=subprocess.PIPE, env=env) as pager:
            assert pager.stdin is not None
            try:
                pager.stdin.write(text.encode(sys.stdout.encoding or "utf-8", "replace"))
                pager.stdin.close()
            except BrokenPipeError:
                pass  # the user quit the pager early
            pager.wait()
    except (OSError, ValueError):
        return False
    return True
