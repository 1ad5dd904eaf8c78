"""The direct path: the everyday invocations of the most used read-only commands, run without importing Typer.

``career show backend-developer``, ``career list --json``, ``career search kubernetes``, ``career books --limit
20``, ``career bookmark list``, ``career discover --interests IC``: importing Typer (and the Click inside it) costs
more than everything else such a command does. This module reads exactly those command lines, builds the same
:class:`Session` and calls the same body (``careercli.cli.reads``) as the Typer command would, so output, errors and
exit codes are the same (a test runs every shape both ways and compares them byte for byte).

It also answers ``career --help`` (and ``-h``), from the command table. It reads the command line with the app's own
grammar and Click's rules (``careercli.grammar``), and answers only what it is sure of: the command named first,
then its words and options with values it can check the way Click would. Anything else (a command's ``--help``, an
unknown option, a missing value or argument, a value Click would refuse or convert, a global option before the
command) returns None and the Typer app takes the command line: Typer stays the authority on usage, help and errors.
Standard library only at import.
"""

from __future__ import annotations

from careercli import grammar

TYPE_CHECKING = False  # typing imports re, enum and collections: piped listings need none of them
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

    from careercli.cli.session import Session

# the commands this path answers -> the function of careercli.cli.reads that runs them (its parameters are named
# as the command's); the output options, named career_ATTRIBUTE in the grammar, set that Session attribute
DIRECT = {("list",): "list_roles", ("show",): "show", ("books",): "books", ("search",): "search",
          ("bookmark", "list"): "bookmark_list", ("discover",): "discover"}  # fmt: skip
OUTPUT = "career_"
OLD = "old_"  # an old short flag kept for a release (careercli.cli.options.OLD_SPELLINGS): old_PARAMETER


def parse(argv: list[str]) -> tuple[str, dict[str, Any], dict[str, Any]] | None:
    """The function of ``reads``, its parameters and the output options of a command line this path answers; None
    for anything the Typer app should read."""
    path = tuple(argv[:2]) if argv[:1] == ["bookmark"] else tuple(argv[:1])
    node = grammar.command(path) if path in DIRECT else None
    if node is None:
        return None
    given, positional, stopped = grammar.parse(node, argv[len(path) :])
    taken, extra = grammar.arguments(node, positional)
    if stopped or extra:
        return None  # a usage error (an unknown option, a missing value, a word too many): Typer's
    params: dict[str, Any] = {}
    for argument, words in zip(node["arguments"], taken, strict=True):
        if (argument["required"] and not words) or argument["nargs"] >= 0:
            return None
        params[argument["name"]] = words
    options = node["options"]
    own = [o["name"] for o in options if not o["name"].startswith((OUTPUT, OLD)) and o["name"] != "help"]
    params |= {o["name"]: o["default"] for o in options if o["name"] in own}
    output: dict[str, Any] = {}
    old: dict[str, Any] = {}
    for index, name, token in given:
        option = options[index]
        found = grammar.value(option, name, token)
        if found is None or option["multiple"] or option["name"] == "help":
            return None  # help, or a value Click would refuse or convert: Typer decides
        into = output if option["name"].startswith(OUTPUT) else old if option["name"].startswith(OLD) else params
        into[option["name"].removeprefix(OUTPUT).removeprefix(OLD)] = found  # given twice, the last one counts
    named = {options[index]["name"] for index, _name, _token in given}
    params |= {name: found for name, found in old.items() if name not in named}  # the new spelling wins
    return DIRECT[path], params, output


def run(argv: list[str], recorder: Any = None) -> int | None:
    """Run ``argv`` directly and return its exit code; None when it is not a command line this path answers."""
    output: dict[str, Any] = {}
    if argv in (["--help"], ["-h"]):  # the help of career itself, from the command table
        body: Callable[[Session], None] = _top_help
    else:
        parsed = parse(argv)
        if parsed is None:
            return None
        function, params, output = parsed

        def body(session: Session) -> None:
            from careercli.cli import reads

            getattr(reads, function)(session, **params)

    from careercli.cli.session import Session, guarded

    session = Session(recorder)
    for attribute, value in output.items():
        setattr(session, attribute, value)
        session.given.add(attribute)
    return guarded(session, lambda: _call(session, body))


def _top_help(session: Session) -> None:
    from careercli.presenters.help import render_help, top_help

    session.render(render_help(top_help()), pages=True)


def _call(session: Session, body: Callable[[Session], None]) -> int:
    """The body, with the project's errors reported as the app's group reports them."""
    from careercli.errors import CareerError

    try:
        body(session)
    except CareerError as exc:
        session.report(str(exc))
        return int(exc.exit_code)
    return 0
