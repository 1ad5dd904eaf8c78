"""Writes ``careercli/grammar_tree.py``, the command-line grammar of ``career`` taken from the Typer app itself:
every command, argument and option with its spellings, type, range, choices, default, help and completer.

The Typer declarations are the one source; the direct path, the replay and shell completion read the snapshot
without importing Typer. ``python -m careercli.cli.grammar_build`` writes it again after a change to a command
(tests/test_grammar.py fails until it is).
"""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Any

TARGET = Path(__file__).resolve().parent.parent / "grammar_tree.py"
HEADER = '''"""The command-line grammar of ``career``, taken from the Typer app by ``careercli.cli.grammar_build``:
do not edit; run ``python -m careercli.cli.grammar_build`` after changing a command. Read by careercli.grammar."""

# ruff: noqa: E501

'''


def _plain(text: str | None) -> str:
    """Help text as a menu shows it: Rich markup rendered to plain text."""
    if not text:
        return ""
    from rich.text import Text

    return Text.from_markup(text, emoji=False).plain


def _completer(function: Any, depth: int = 0) -> str | None:
    """The name of the ``careercli.cli.complete`` function behind Typer's wrappers (found through closures)."""
    if getattr(function, "__module__", None) == "careercli.cli.complete":
        return str(function.__name__)
    for cell in (getattr(function, "__closure__", None) or ()) if depth < 5 else ():
        inner = cell.cell_contents
        found = _completer(inner, depth + 1) if callable(inner) else None
        if found is not None:
            return found
    return None


def _type(param: Any) -> dict[str, Any]:
    """How a value is read: ``flag`` (none), ``text``, ``int`` (with ``min``/``max``) or ``choice``."""
    kind = type(param.type).__name__
    if getattr(param, "is_flag", False):
        return {"type": "flag"}
    if kind == "StringParamType":
        return {"type": "text"}
    if kind == "IntRange" and not (param.type.clamp or param.type.min_open or param.type.max_open):
        return {"type": "int", "min": param.type.min, "max": param.type.max}
    if kind == "TyperChoice":
        choices = [str(getattr(c, "value", c)) for c in param.type.choices]
        return {"type": "choice", "choices": choices, "case_sensitive": bool(param.type.case_sensitive)}
    raise TypeError(f"{param.name}: a parameter type the grammar does not describe: {kind}")


def _default(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if value is None or isinstance(value, bool | int | str):
        return value
    raise TypeError(f"a default the grammar does not describe: {value!r}")


def _param(param: Any) -> dict[str, Any]:
    found = {"name": param.name, "nargs": param.nargs, "multiple": bool(param.multiple)}
    found |= _type(param) | {"default": _default(param.default), "required": bool(param.required)}
    found["complete"] = _completer(getattr(param, "_custom_shell_complete", None))
    if param.param_type_name == "option":
        found |= {"opts": list(param.opts), "secondary": list(param.secondary_opts), "hidden": bool(param.hidden)}
        found |= {"value": not (param.is_flag or param.count), "help": _plain(param.help)}
    return found


def _node(command: Any, ctx: Any) -> dict[str, Any]:
    params = command.get_params(ctx)
    commands = []
    group = hasattr(command, "list_commands")
    for name in command.list_commands(ctx) if group else ():
        sub = command.get_command(ctx, name)
        with sub.make_context(name, [], parent=ctx, resilient_parsing=True) as sub_ctx:
            commands.append((name, _plain(sub.get_short_help_str()), bool(sub.hidden), _node(sub, sub_ctx)))
    return {
        "group": group,
        "options": [_param(p) for p in params if p.param_type_name == "option"],
        "arguments": [_param(p) for p in params if p.param_type_name == "argument"],
        "commands": commands,
    }


def build() -> dict[str, Any]:
    """The whole command tree of ``career`` as plain dicts, lists, tuples, strings and numbers."""
    import typer

    from careercli.cli.app import app

    root = typer.main.get_command(app)
    with root.make_context("career", [], resilient_parsing=True) as ctx:
        return _node(root, ctx)


def source() -> str:
    """The text of ``grammar_tree.py`` (formatted by ruff, when it is installed beside this Python)."""
    import shutil
    import subprocess

    shared: dict[str, str] = {}  # an option's text -> its name: the options many commands share are built once

    def named(option: dict[str, Any]) -> str:
        return shared.setdefault(repr(option), f"_O{len(shared)}")

    def node(tree: dict[str, Any]) -> str:
        options = ", ".join(named(option) for option in tree["options"])
        commands = ", ".join(f"({n!r}, {h!r}, {x!r}, {node(sub)})" for n, h, x, sub in tree["commands"])
        return (f'{{"group": {tree["group"]!r}, "options": [{options}], "arguments": {tree["arguments"]!r},'
                f' "commands": [{commands}]}}')  # fmt: skip

    body = f"TREE = {node(build())}\n"
    text = HEADER + "".join(f"{name} = {option}\n" for option, name in shared.items()) + body
    ruff = shutil.which("ruff", path=str(Path(sys.executable).parent)) or shutil.which("ruff")
    if ruff is not None:
        done = subprocess.run([ruff, "format", "--stdin-filename", str(TARGET), "-"], input=text,
                              capture_output=True, text=True, check=True)  # fmt: skip
        text = done.stdout
    return text


if __name__ == "__main__":
    TARGET.write_text(source(), encoding="utf-8")
    print(f"wrote {TARGET}")
