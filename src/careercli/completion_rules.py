"""Which command, option or argument a Tab completes, decided as Click decides it, over the snapshot of the
command tree (see ``careercli.completion``): the grammar's nodes (``careercli.grammar``), each option and
argument with the ``values`` it offers. Standard library only.
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing imports re, enum and collections: a Tab needs none of them
if TYPE_CHECKING:
    from typing import Any

    Node = dict[str, Any]  # a command of the completion table (completion_spec.py makes them)


def _parse(node: Node, args: list[str]) -> tuple[set[int], list[bool], list[str]]:
    """The options given on the command line (their indices), which arguments got a value, and the words left
    over (for a group: the subcommand and what follows it). Click, parsing resiliently, stops at a usage error
    and keeps what it had."""
    from careercli import grammar

    given, positional, stopped = grammar.parse(node, args)
    indices = {index for index, _, _ in given}
    if stopped:
        return indices, [False] * len(node["arguments"]), positional
    taken, rest = grammar.arguments(node, positional)
    return indices, [bool(words) for words in taken], rest


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
