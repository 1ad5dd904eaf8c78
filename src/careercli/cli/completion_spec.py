"""The snapshot that shell completion answers from (``careercli.completion``), taken from the Typer app itself:
every command, option and argument with its help, and the values each one offers. Values that come from the
profile are named, not stored: the Tab reads the profile as it is then.
"""

from __future__ import annotations

from typing import Any

PROFILE_COMPLETERS = frozenset({"bookmarked", "my_skills", "reading", "tags"})


def _plain(text: str | None) -> str:
    """Help text as the completion menu shows it: Rich markup rendered to plain text."""
    if not text:
        return ""
    from rich.text import Text

    return Text.from_markup(text, emoji=False).plain


def _completer_name(function: Any, depth: int = 0) -> str | None:
    """The function of ``careercli.cli.complete`` behind Typer's wrappers, found through their closures."""
    if getattr(function, "__module__", None) == "careercli.cli.complete":
        return function.__name__
    if depth > 5:
        return None
    for cell in getattr(function, "__closure__", None) or ():
        try:
            inner = cell.cell_contents
        except ValueError:
            continue
        if callable(inner):
            found = _completer_name(inner, depth + 1)
            if found is not None:
                return found
    return None


def _values(param: Any, ctx: Any) -> list[tuple[str, str]] | str:
    custom = getattr(param, "_custom_shell_complete", None)
    if custom is not None:
        if _completer_name(custom) in PROFILE_COMPLETERS:
            return str(_completer_name(custom))
        items = custom(ctx, param, "")
    else:
        items = param.type.shell_complete(ctx, param, "")
    out = []
    for item in items:
        if isinstance(item, str):
            out.append((item, ""))
        else:
            out.append((str(item.value), str(item.help or "")))
    return out


def _node(command: Any, ctx: Any) -> dict[str, Any]:
    options, arguments = [], []
    for param in command.get_params(ctx):
        if param.param_type_name == "option":
            options.append(
                {
                    "opts": list(param.opts),
                    "secondary": list(param.secondary_opts),
                    "value": not (param.is_flag or param.count),
                    "nargs": param.nargs,
                    "multiple": bool(param.multiple),
                    "hidden": bool(param.hidden),
                    "help": _plain(param.help),
                    "values": _values(param, ctx),
                }
            )
        elif param.param_type_name == "argument":
            arguments.append({"nargs": param.nargs, "values": _values(param, ctx)})
    commands = []
    group = hasattr(command, "list_commands")
    if group:
        for name in command.list_commands(ctx):
            sub = command.get_command(ctx, name)
            if sub is None:
                continue
            with sub.make_context(name, [], parent=ctx, resilient_parsing=True) as sub_ctx:
                commands.append((name, _plain(sub.get_short_help_str()), bool(sub.hidden), _node(sub, sub_ctx)))
    return {"group": group, "options": options, "arguments": arguments, "commands": commands}


def build() -> dict[str, Any]:
    """The whole command tree of ``career``, as plain dicts, lists, tuples and strings."""
    import typer

    from careercli.cli.app import app

    root = typer.main.get_command(app)
    with root.make_context("career", [], resilient_parsing=True) as ctx:
        return _node(root, ctx)
