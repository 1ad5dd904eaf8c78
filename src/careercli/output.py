"""Where every command's output goes: straight to stdout, or through the user's pager.

Kept free of heavy imports: the start-up replay (``careercli.replay``) writes saved output through :func:`emit`
too, so a page looks and pages the same whether it was just rendered or replayed. A run of the app writes through
an :class:`Output`, which also hands every text to the replay's recorder (if it has one).
"""

from __future__ import annotations

import os
import sys

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

# how a text may be paged: never, when taller than the terminal, or whenever stdout is a terminal
NEVER, AUTO, ALWAYS = "S", "P", "A"
STDERR = "E"  # not stdout at all: a note for the person on stderr, replayed with the output it belongs to


class OutputError(OSError):
    """Standard output could not take the text (closed, a full disk, ``> /dev/full``): told apart from a file that
    could not be read or written, which the command names itself. A reader that went away stays a
    ``BrokenPipeError``."""

    def message(self) -> str:
        return f"cannot write the output: {self.strerror or self}"


class Output:
    """The stdout of one run: each text goes to the recorder (the replay's, or None) and then to the screen."""

    __slots__ = ("recorder", "used")

    def __init__(self, recorder: Any = None) -> None:
        self.recorder = recorder
        self.used = False  # anything written yet

    def emit(self, text: str, paging: str = NEVER) -> None:
        self.used = True
        if self.recorder is not None:
            self.recorder.add(text, paging)
        emit(text, paging)

    def spoil(self) -> None:
        """Something went to stderr: the recorder must not save this run."""
        if self.recorder is not None:
            self.recorder.spoiled()


class Collected(Output):
    """Output kept for a file (``-o FILE``, or a picture written beside the user): stdout gets nothing, and the
    replay nothing either (the next run must write the file again); notes for stderr still go there."""

    __slots__ = ("parts",)

    def __init__(self) -> None:
        super().__init__(None)
        self.parts: list[str] = []

    def emit(self, text: str, paging: str = NEVER) -> None:
        if paging == STDERR:
            emit(text, STDERR)
        else:
            self.used = True
            self.parts.append(text)


def stdout_is_terminal() -> bool:
    try:
        return sys.stdout is not None and sys.stdout.isatty()
    except (ValueError, AttributeError):
        return False


def emit(text: str, paging: str = NEVER) -> None:
    """Write ``text`` to stdout, or through the pager (AUTO: when stdout and stdin are a terminal that is not
    ``TERM=dumb`` or unset, and the text is taller than it; ALWAYS: whenever they are a terminal)."""
    if paging == STDERR:
        sys.stderr.write(text)
        sys.stderr.flush()
        return
    if paging != NEVER and _page(text, force=paging == ALWAYS):
        return
    stream = sys.stdout
    if stream is None:  # started with stdout closed (career list >&-)
        raise OutputError(9, "standard output is closed")
    try:
        try:
            stream.write(text)
        except UnicodeEncodeError:  # a stream that cannot hold every character (LC_ALL=C): replacements, no traceback
            encoding = getattr(stream, "encoding", None) or "ascii"
            stream.write(text.encode(encoding, "replace").decode(encoding, "replace"))
        stream.flush()
    except BrokenPipeError:
        raise
    except OSError as error:
        raise OutputError(error.errno, error.strerror) from None


def silence_stdout() -> None:
    """Let the interpreter's final flush of stdout fail quietly, after a failed write or a reader that left."""
    try:
        if sys.stdout is not None:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError):
        pass


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
    if os.environ.get("TERM", "dumb") == "dumb" and not force:
        return False  # no cursor control (an editor's shell, a CI log): less would only complain; --pager still pages
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
            code = pager.wait()
    except (OSError, ValueError):
        return False
    return code == 0  # a pager that failed (PAGER=false) showed nothing: print the text instead
