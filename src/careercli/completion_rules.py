"""Which command, option or argument a Tab completes, decided as Click decides it, over the snapshot of the
command tree (see ``careercli.completion``): the grammar's nodes (``careercli.grammar``), each option and
argument with the ``values`` it offers. Standard library only.
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing imports re, enum and collections: a Tab needs none of them
if TYPE_CHECKING:
    from typing import Any

    Node = dict[str, Any]  # a command of the snapshot: a node of careercli.grammar with its values


def _parse(node: Node, args: list[str]) -> tuple[set[int], list[list[str]], list[str]]:
    """The options given on the command line (their indices), the words each argument got, and the words left
    over (for a group: the subcommand and what follows it). Click, parsing resiliently, stops at a usage error
    and keeps what it had."""
    from careercli import grammar

    given, positional, stopped = grammar.parse(node, args)
    indices = {index for index, _, _ in given}
    if stopped:
        return indices, [[] for _ in node["arguments"]], positional
    taken, rest = grammar.arguments(node, positional)
    return indices, taken, rest


def resolve(
    tree: Node, args: list[str], incomplete: str
) -> tuple[Node, set[int], dict[str, Any] | None, str, dict[str, Any]]:
    """The command whose context the Tab is in, its options given so far, the option or argument whose value is
    being completed (None: the command's own names), the incomplete word, and the arguments given so far by name
    (as Click's ``ctx.params`` has them: a word, or a tuple for a variadic argument)."""
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
    arguments = zip(node["arguments"], filled, strict=True)
    params = {a["name"]: tuple(w) if a["nargs"] < 0 else w[0] for a, w in arguments if w}
    if "--" not in args and incomplete[:1] == "-":
        return node, given, None, incomplete, params
    last = args[-1] if args else ""
    if last[:1] == "-":
        for option in node["options"]:
            if option["value"] and last in option["opts"]:
                return node, given, option, incomplete, params
    for argument, words in zip(node["arguments"], filled, strict=True):
        if argument["nargs"] < 0 or not words:
            return node, given, argument, incomplete, params
    return node, given, None, incomplete, params
