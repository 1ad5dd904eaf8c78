"""What ``career`` with no arguments prints: a short map of the most useful commands."""

from __future__ import annotations

from careercli._version import __version__

COMMANDS = (
    ("career list", "every role, grouped by category"),
    ("career show backend-developer", "one role: work, learning, challenges, prospects, skills, books"),
    ("career books --role data-engineer --since 2023", "recent books for a role, newest first"),
    ("career search kubernetes", "one search across roles, skills and books"),
    ('career bookmark add backend-developer --note "next step"', "keep roles you are weighing"),
)


def overview() -> str:
    lines = [f"career {__version__}: explore software careers offline.", "", "Most useful commands:"]
    width = max(len(cmd) for cmd, _ in COMMANDS)
    lines += [f"  {cmd.ljust(width)}  {what}" for cmd, what in COMMANDS]
    lines += ["", "All commands: career --help    One command: career COMMAND --help"]
    return "\n".join(lines)
