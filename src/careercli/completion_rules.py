"""Which command, option or argument a Tab completes, decided as Click decides it, over the snapshot of the
command tree (see ``careercli.completion``). Standard library only.

A node of the tree is a dict: ``group`` (has subcommands), ``options`` (each with ``opts``, ``secondary``,
``value`` (takes a value), ``nargs``, ``multiple``, ``hidden``, ``help``, ``values``), ``arguments`` (each with
``nargs`` and ``values``) and ``commands`` (name, short help, hidden, node), in the app's order.
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing imports re, enum and collections: a Tab needs none of them
if TYPE_CHECKING:
    from typing import Any

    Node = dict[str, Any]  # a command of the completion table (completion_spec.py makes them)


class _Stop(Exception):
    """A usage error while parsing: Click, parsing resiliently, keeps what it had and stops."""


def _parse(node: Node, args: list[str]) -> tuple[set[int], list[bool], list[str]]:
    """The options given on the command line (their indices), which arguments got a value, and the words left
    over (for a group: the subcommand and what follows it)."""
    options = node["options"]
    long_opts = {n: i for i, o in enumerate(options) for n in o["opts"] + o["secondary"] if n[:2] == "--"}
    short_opts = {n: i for i, o in enumerate(options) for n in o["opts"] + o["secondary"] if n[:2] != "--"}
    interspersed = not node["group"]
    given: set[int] = set()
    largs: list[str] = []
    rargs = list(args)

    def take_value(index: int) -> None:
        nargs = max(options[index]["nargs"], 1)
        if len(rargs) < nargs:
            raise _Stop
        del rargs[:nargs]

    def short(arg: str) -> None:
        for position, char in enumerate(arg[1:], start=2):
            index = short_opts.get("-" + char)
            if index is None:
                raise _Stop
            if options[index]["value"]:
                if position < len(arg):
                    rargs.insert(0, arg[position:])
                take_value(index)
                given.add(index)
                return
            given.add(index)

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
                    continue
                if options[index]["value"]:
                    if equals:
                        rargs.insert(0, explicit)
                    take_value(index)
                elif equals:
                    raise _Stop
                given.add(index)
            elif interspersed:
                largs.append(arg)
            else:
                rargs.insert(0, arg)
                break
    except _Stop:
        return given, [False] * len(node["arguments"]), largs
    positional = largs + rargs
    filled = []
    for argument in node["arguments"]:
        nargs = argument["nargs"]
        filled.append(bool(positional))
        positional = [] if nargs < 0 else positional[nargs:]
    return given, filled, positional


def resolve(tree: Node, args: list[str], incomplete: str) -> tuple[Node, set[int], dict[str, object] | None, str]:
    """The command whose context the Tab is in, its options given so far, the option or argument whose value is
    being completed (None: the command's own names) and the incomplete word."""
    node = tree
    given, filled, rest = _parse(node, args)
    while rest and node["group"]:
        child = next((c[3] for c in node["commands"] if c[0] == rest[0]), None)
        if child is None:
            break
        node = child
        given, filled, rest = _parse(node, rest[1:])
    if incomplete == "=":
        incomplete = ""
    elif "=" in incomplete and incomplete[:1] == "-":
        name, _, incomplete = incomplete.partition("=")
        args = [*args, name]
    if "--" not in args and incomplete[:1] == "-":
        return node, given, None, incomplete
    last = args[-1] if args else ""
    if last[:1] == "-":
        for option in node["options"]:
            if option["value"] and last in option["opts"]:
                return node, given, option, incomplete
    for argument, has_value in zip(node["arguments"], filled, strict=True):
        if argument["nargs"] < 0 or not has_value:
            return node, given, argument, incomplete
    return node, given, None, incomplete
