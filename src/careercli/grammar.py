"""The command-line grammar of ``career`` and Click's rules for reading a command line with it, without Typer or
Click: the direct path, the replay and shell completion all read command lines here.

The grammar (``TREE``) is a snapshot of the Typer app's declarations (``careercli.grammar_tree``, written by
``careercli.cli.grammar_build``; a test fails when it differs from the app). A node is a dict: ``group`` (has
subcommands), ``options`` (each with ``name``, ``opts``, ``secondary``, ``value`` (takes a value), ``nargs``,
``multiple``, ``hidden``, ``help``, ``type`` (``flag``, ``text``, ``int`` with ``min``/``max``, ``choice`` with
``choices``), ``default``, ``complete`` (a function of ``careercli.cli.complete``)), ``arguments`` (the same,
without spellings) and ``commands`` (name, short help, hidden, node), in the app's order. Standard library only.
"""

from __future__ import annotations

from careercli.grammar_tree import TREE

TYPE_CHECKING = False  # typing imports re, enum and collections: a Tab and a replay need none of them
if TYPE_CHECKING:
    from typing import Any

    Node = dict[str, Any]
    Given = list[tuple[int, str, str | None]]


def command(path: tuple[str, ...] | list[str]) -> Node | None:
    """The node of the command that ``path`` names (``()``: career itself); None when there is none."""
    node: Node | None = TREE
    for word in path:
        node = next((c[3] for c in node["commands"] if c[0] == word), None) if node else None
    return node


class _Stop(Exception):
    """A usage error: Click stops reading the command line here."""


def parse(node: Node, args: list[str]) -> tuple[Given, list[str], bool]:
    """``args`` read as Click reads them for the command ``node``: the options given, in order, as (index in
    ``node["options"]``, the spelling used, the value or None for a flag); the positional words (for a group: the
    subcommand and what follows it); and whether Click stops at a usage error (the positional words are then
    those read before it)."""
    options = node["options"]
    long_opts = {n: i for i, o in enumerate(options) for n in o["opts"] + o["secondary"] if n[:2] == "--"}
    short_opts = {n: i for i, o in enumerate(options) for n in o["opts"] + o["secondary"] if n[:2] != "--"}
    given: Given = []
    largs: list[str] = []
    rargs = list(args)

    def take(index: int, name: str) -> None:
        nargs = max(options[index]["nargs"], 1)
        if len(rargs) < nargs:
            raise _Stop
        given.append((index, name, rargs[0] if nargs == 1 else None))
        del rargs[:nargs]

    def short(arg: str) -> None:
        for position, char in enumerate(arg[1:], start=2):
            index = short_opts.get("-" + char)
            if index is None:
                raise _Stop
            if options[index]["value"]:
                if position < len(arg):
                    rargs.insert(0, arg[position:])
                take(index, "-" + char)
                return
            given.append((index, "-" + char, None))

    try:
        while rargs:
            arg = rargs.pop(0)
            if arg == "--":
                break
            if arg[:1] == "-" and len(arg) > 1:
                name, equals, explicit = arg.partition("=")
                index = long_opts.get(name)
                if index is None:
                    if arg[:2] in ("-", "--"):
                        raise _Stop
                    short(arg)
                elif options[index]["value"]:
                    if equals:
                        rargs.insert(0, explicit)
                    take(index, name)
                elif equals:
                    raise _Stop
                else:
                    given.append((index, name, None))
            elif not node["group"]:
                largs.append(arg)
            else:
                rargs.insert(0, arg)
                break
    except _Stop:
        return given, largs, True
    return given, largs + rargs, False


def arguments(node: Node, positional: list[str]) -> tuple[list[list[str]], list[str]]:
    """The words each argument of ``node`` takes from ``positional``, and the words left over."""
    taken = []
    for argument in node["arguments"]:
        count = len(positional) if argument["nargs"] < 0 else argument["nargs"]
        taken.append(positional[:count])
        positional = positional[count:]
    return taken, positional


def value(option: Node, name: str, token: str | None) -> Any:
    """The value Click gives ``option`` spelled ``name`` with ``token``; None where Click would refuse the value
    or convert it (a number with a sign, a choice in another case): the caller leaves those to the app."""
    kind = option["type"]
    if kind == "flag":
        return name in option["opts"]
    if token is None or kind == "text":
        return token
    if kind == "choice":
        return token if token in option["choices"] else None
    if kind != "int" or not (token.isascii() and token.isdigit()):
        return None
    number, low, high = int(token), option["min"], option["max"]
    return number if (low is None or number >= low) and (high is None or number <= high) else None
