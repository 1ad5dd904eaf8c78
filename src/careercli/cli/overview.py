"""What ``career`` with no arguments prints: a short map of the most useful commands, fitted to the terminal's
width (no line longer than the terminal, no word broken by the terminal's own wrapping)."""

from __future__ import annotations

import textwrap

from careercli._version import __version__

COMMANDS = (
    ("career list", "every role, grouped by category"),
    ("career show backend-developer", "one role: work, learning, challenges, prospects, skills, books"),
    ("career books --role data-engineer --since 2023", "recent books for a role, newest first"),
    ("career search kubernetes", "one search across roles, skills and books"),
    ("career bookmark add devops-engineer --tag later", "keep the roles you are weighing, with tags"),
    ("career plan backend-developer", "a learning plan: ordered steps, one first book each"),
)
NARROWEST = 24  # a description column narrower than this is read more easily under its command


def _wrap(text: str, width: int, indent: str) -> list[str]:
    return textwrap.wrap(text, width=width, initial_indent=indent, subsequent_indent=indent,
                         break_long_words=False, break_on_hyphens=False)  # fmt: skip


def overview(width: int = 80) -> str:
    """The first screen for a terminal ``width`` columns wide: commands beside their descriptions when both
    fit, else each description under its command."""
    width = max(width, 20)
    lines = _wrap(f"career {__version__}: explore software careers offline.", width, "")
    lines += ["", "Most useful commands:"]
    left = max(len(cmd) for cmd, _ in COMMANDS) + 4
    if width - left >= NARROWEST:
        for cmd, what in COMMANDS:
            body = _wrap(what, width - left, "")
            lines.append(f"  {cmd.ljust(left - 4)}  {body[0]}")
            lines += [" " * left + more for more in body[1:]]
    else:
        for cmd, what in COMMANDS:
            lines += _wrap(cmd, width, "  ") + _wrap(what, width, "      ")
    lines += ["", *_wrap("All commands: career --help.  One command: career COMMAND --help.", width, "")]
    return "\n".join(lines)
