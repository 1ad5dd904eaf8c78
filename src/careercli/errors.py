"""The one base exception for expected failures, and the documented exit codes.

Every expected failure raises a subclass of :class:`CareerError`; the CLI catches it once, prints its
message on stderr and exits with its ``exit_code``. Anything else is a bug.
"""

from __future__ import annotations

from enum import IntEnum

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable


SHOWN = 60  # how much of an argument (or any long value) a message repeats


def clip(text: str, limit: int = SHOWN) -> str:
    """An argument as a message repeats it: at most ``limit`` characters, with '…' when cut."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def clip_message(message: str, runs: bool = False) -> str:
    """``message`` with every single-quoted value longer than :data:`SHOWN` clipped, and any double-quoted one
    (a command to try) longer than three times that; ``runs``: any run without a space longer than :data:`SHOWN`
    too (Click's "No such option: --…"). The last guard of every error line: a 60 KB argument is never echoed.
    A quote counts when it opens after no letter and closes before none (an apostrophe in "folder's" does not)."""
    if len(message) <= SHOWN:
        return message
    import re

    long = 3 * SHOWN

    def cut(limit: int) -> Callable[[re.Match[str]], str]:
        def one(match: re.Match[str]) -> str:
            quote, value = match.group(1), match.group(2)
            return match.group() if len(value) <= limit else f"{quote}{clip(value)}{quote}"

        return one

    message = re.sub(r"(?<!\w)(')([^'\n]*)'(?!\w)", cut(SHOWN), message)
    message = re.sub(r'(?<!\w)(")([^"\n]*)"(?!\w)', cut(long), message)
    if runs:
        message = re.sub(rf"[^\s'\"]{{{SHOWN + 1},}}", lambda m: clip(m.group()), message)  # quoted: cut above
    return message


class ExitCode(IntEnum):
    """Exit codes of the ``career`` command (documented in the README)."""

    OK = 0
    ERROR = 1  # a domain error: unknown role, unreadable profile, refused overwrite, broken data
    USAGE = 2  # the command line itself is wrong (Click/Typer report these)


class CareerError(Exception):
    """An expected failure with a message meant for the user."""

    exit_code: ExitCode = ExitCode.ERROR

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return self.message if not self.hint else f"{self.message}\n{self.hint}"


class DataError(CareerError):
    """A data file (bundled or a pack) is missing, unparsable or invalid."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        first = problems[0] if problems else "invalid data"
        hint = None
        if len(problems) > 1:
            hint = f"and {len(problems) - 1} more; 'career data validate FILE' lists them all"
        super().__init__(first, hint)


class NotFoundError(CareerError):
    """A role, skill, book or bookmark that the user named does not exist."""


class ProfileError(CareerError):
    """The user's profile cannot be read or written."""


class UsageError(CareerError):
    """Arguments that parse but make no sense together."""

    exit_code = ExitCode.USAGE


def file_failed(error: OSError) -> str:
    """A system error that no command worded itself, as one line that names the file (or files) it concerns."""
    reason = error.strerror or str(error)
    if error.filename is None:
        return f"a file could not be read or written: {reason}"
    where = str(error.filename)
    if error.filename2 is not None:
        where += f" -> {error.filename2}"
    return f"{where}: {reason}"


class MalformedImport(Exception):
    """The user's O*NET import holds values careercli never writes (a hand edit: a BLOB title, a count that is not
    a number). Not a :class:`CareerError`: the session treats the import as absent, warns once and runs the
    command again with the bundled occupations (``careercli.cli.session.guarded``)."""

    def __init__(self, path: str, what: str) -> None:
        super().__init__(f"{path}: {what}")
        self.path = path
        self.what = what
