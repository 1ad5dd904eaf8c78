"""The direct path: the everyday invocations of the most used read-only commands, run without importing Typer.

``career show backend-developer``, ``career list --json``, ``career search kubernetes``, ``career books --limit
20``, ``career bookmark list``: importing Typer (and the Click inside it) costs more than everything else such a
command does. This module reads exactly those command lines, builds the same :class:`Session` and calls the same
body (``careercli.cli.reads``) as the Typer command would, so output, errors and exit codes are the same (a test
runs every shape both ways and compares them byte for byte).

It also answers ``career --help`` (and ``-h``), from the command table. Otherwise it answers only what it is
sure of: the command named first; words; the command's own options and the output options, each at most once,
spelled exactly as in its help (``--limit 5``, ``-n 5``), with a value it can check the way Click would.
Anything else (a command's ``--help``, ``--opt=value``, ``-n5``, ``--``, an unknown or repeated option, a value
Click would refuse or convert, a global option before the command) returns None and the Typer app takes the
command line: Typer stays the authority on usage, help and errors. Standard library only at import.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from careercli.config import COLORS
from careercli.model import CATEGORIES

if TYPE_CHECKING:
    from collections.abc import Callable

    from careercli.cli.session import Session

FLAG, TEXT, COUNT, YEAR = "flag", "text", "count", "year"  # how an option's value is read
KINDS = ("role", "skill", "book", "occupation")

# the output options every command that prints takes: option -> (Session attribute, value kind or choices)
OUTPUT: dict[str, tuple[str, Any]] = {
    "--json": ("as_json", FLAG),
    "--format": ("fmt", ("text", "markdown", "json", "svg", "html")),
    "-f": ("fmt", ("text", "markdown", "json", "svg", "html")),
    "--color": ("color", COLORS),
    "--pager": ("pager", FLAG),
    "--no-pager": ("pager", False),
}

# command path -> (takes words, {option: (parameter, value kind or choices)})
GRAMMAR: dict[tuple[str, ...], tuple[bool, dict[str, tuple[str, Any]]]] = {
    ("list",): (False, {"--category": ("category", CATEGORIES), "-c": ("category", CATEGORIES),
                        "--occupations": ("occupations", FLAG), "-o": ("occupations", FLAG),
                        "--group": ("group", TEXT), "-g": ("group", TEXT)}),
    ("show",): (True, {}),
    ("books",): (False, {"--role": ("role", TEXT), "-r": ("role", TEXT), "--skill": ("skill", TEXT),
                         "-s": ("skill", TEXT), "--topic": ("topic", TEXT), "-t": ("topic", TEXT),
                         "--author": ("author", TEXT), "-a": ("author", TEXT), "--since": ("since", YEAR),
                         "--limit": ("limit", COUNT), "-n": ("limit", COUNT)}),
    ("search",): (True, {"--kind": ("kind", KINDS), "-k": ("kind", KINDS), "--limit": ("limit", COUNT),
                         "-n": ("limit", COUNT)}),
    ("bookmark", "list"): (False, {"--tag": ("tag", TEXT), "-t": ("tag", TEXT)}),
}  # fmt: skip


def parse(argv: list[str]) -> tuple[tuple[str, ...], list[str], dict[str, Any], dict[str, Any]] | None:
    """The command path, its words, its parameters and the output options of a command line this path answers;
    None for anything the Typer app should read."""
    path = tuple(argv[:2]) if argv[:1] == ["bookmark"] else tuple(argv[:1])
    if path not in GRAMMAR:
        return None
    takes_words, options = GRAMMAR[path]
    words: list[str] = []
    params: dict[str, Any] = {}
    output: dict[str, Any] = {}
    rest = iter(argv[len(path) :])
    for token in rest:
        if not token.startswith("-"):
            if not takes_words:
                return None
            words.append(token)
            continue
        found = options.get(token) or OUTPUT.get(token)
        if found is None:
            return None  # --help, -h, --, --opt=value, -n5, an unknown option: Typer decides
        name, how = found
        into = params if token in options else output
        if name in into:
            return None  # given twice (or --pager with --no-pager): Typer's rules
        if how is FLAG or how is False:
            into[name] = how is FLAG
            continue
        value = _value(next(rest, None), how)
        if value is None:
            return None
        into[name] = value
    if takes_words and not words:
        return None  # a missing argument is Typer's usage error
    return path, words, params, output


def _value(token: str | None, how: Any) -> Any:
    """An option's value as Click would give it, or None where Click would refuse or convert it."""
    if token is None or token.startswith("-"):
        return None
    if how == TEXT:
        return token
    if how in (COUNT, YEAR):
        if not (token.isascii() and token.isdigit()):
            return None
        number = int(token)
        return number if how == COUNT or 1900 <= number <= 2100 else None
    return token if token in how else None  # a choice, exactly as the help spells it


def run(argv: list[str], recorder: Any = None) -> int | None:
    """Run ``argv`` directly and return its exit code; None when it is not a command line this path answers."""
    output: dict[str, Any] = {}
    if argv in (["--help"], ["-h"]):  # the help of career itself, from the command table
        body: Callable[[Session], None] = _top_help
    else:
        parsed = parse(argv)
        if parsed is None:
            return None
        path, words, params, output = parsed
        body = _body(path, words, params)
    from careercli.cli.session import Session, guarded

    session = Session(recorder)
    for attribute, value in output.items():
        setattr(session, attribute, value)
        session.given.add(attribute)
    return guarded(session, lambda: _call(session, body))


def _body(path: tuple[str, ...], words: list[str], params: dict[str, Any]) -> Callable[[Session], None]:
    from careercli.cli import reads

    get = params.get
    if path == ("list",):
        return lambda s: reads.list_roles(s, get("category"), get("occupations", False), get("group"))
    if path == ("show",):
        return lambda s: reads.show(s, words)
    if path == ("books",):
        return lambda s: reads.books(s, get("role"), get("skill"), get("topic"), get("author"), get("since"),
                                     get("limit", 10))  # fmt: skip
    if path == ("search",):
        return lambda s: reads.search(s, words, get("kind"), get("limit", 10))
    return lambda s: reads.bookmark_list(s, get("tag"))


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
