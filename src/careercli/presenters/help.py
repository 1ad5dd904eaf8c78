"""Help pages for ``career`` and each command, with Rich but without ``typer.rich_utils`` (which imports
Markdown and syntax highlighting): usage, the description with its examples, arguments, options with their
help and defaults, and the commands in their panels. A group lists its commands from ``commands.TOP`` without
importing their modules.
"""

from __future__ import annotations

import inspect
import io
from typing import Any

from rich import box
from rich.console import Console, Group
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from careercli.presenters.text import visible


def _paragraphs(doc: str) -> list[str]:
    """The help text as paragraphs: lines of a paragraph joined, indented lines (examples) kept as they are."""
    out = []
    for block in inspect.cleandoc(doc).split("\n\n"):
        lines = block.splitlines()
        if not lines:
            continue
        if all(line.startswith(" ") for line in lines):
            out.append("\n".join("    " + line.strip() for line in lines))
        elif lines[0].startswith("career "):
            out.append("\n".join("    " + line for line in lines))  # an example in a group's help
        else:
            out.append(" ".join(line.strip() for line in lines))
    return out


def _plain(markup: str) -> str:
    return Text.from_markup(markup, emoji=False).plain


OUTPUT = "career_"  # the output options (careercli.cli.options) are named career_ATTRIBUTE


def _params(command: Any, ctx: Any) -> tuple[list[tuple[str, str]], list[tuple[str, str]], list[str]]:
    """The arguments and the command's own options, each as (name, help), and the output options it takes (their
    long names only: they are described once, in 'career --help' and 'career help output')."""
    arguments, options, output = [], [], []
    for param in command.get_params(ctx):
        if getattr(param, "hidden", False):
            continue
        if (param.name or "").startswith(OUTPUT):
            output.append(" / ".join(name for name in (*param.opts, *param.secondary_opts) if name[:2] == "--"))
            continue
        if param.param_type_name == "argument":
            name = param.make_metavar(ctx) if hasattr(param, "make_metavar") else param.name.upper()
            helptext = _plain(getattr(param, "help", None) or "")
            arguments.append((name, helptext + (" [required]" if param.required else "")))
            continue
        record = param.get_help_record(ctx)
        if record is None:
            continue
        names, helptext = record
        if " <" in names:  # Typer's own metavar (<str>, <int range>): the option's name, or its choices
            choices = getattr(param.type, "choices", None)
            shown = "[" + "|".join(str(getattr(c, "value", c)) for c in choices) + "]" if choices else None
            names = f"{names[: names.index(' <')]} {shown or (param.name or '').upper()}"
        helptext = _plain(helptext)
        default = param.default
        if param.show_default is not False and default not in (None, False, "", ()) and "[default" not in helptext:
            shown = getattr(default, "value", default)
            helptext += f" [default: {', '.join(map(str, shown)) if isinstance(shown, list | tuple) else shown}]"
        options.append((names, helptext))
    return arguments, options, output


def _commands(command: Any, ctx: Any) -> list[tuple[str, list[tuple[str, str]]]]:
    """The subcommands by panel; the top level from ``commands.TOP``, a group from its own commands."""
    if ctx.parent is None:
        return _top_panels()
    panels: dict[str, list[tuple[str, str]]] = {}
    for name in command.list_commands(ctx):
        sub = command.get_command(ctx, name)
        if sub is not None and not sub.hidden:
            panel = getattr(sub, "rich_help_panel", None) or "Commands"
            panels.setdefault(panel, []).append((name, _plain(sub.get_short_help_str(limit=200))))
    return list(panels.items())


def _top_panels() -> list[tuple[str, list[tuple[str, str]]]]:
    """The top level's commands by panel, from ``commands.TOP`` (no command module is imported)."""
    from careercli.commands import TOP

    panels: dict[str, list[tuple[str, str]]] = {}
    for name, (_target, panel, summary) in TOP.items():
        panels.setdefault(panel, []).append((name, summary))
    return list(panels.items())


def _grid(rows: list[tuple[str, str]], title: str) -> Panel:
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold cyan", no_wrap=True)
    grid.add_column()
    for left, right in rows:
        grid.add_row(Text(left), Text(visible(right)))
    return Panel(grid, title=title, title_align="left", border_style="dim", box=box.ROUNDED)


class HelpSpec:
    """What a help page says: its usage line, the description's paragraphs, the arguments, the options and the
    commands by panel (each a list of (name, help)), the names of the output options it takes, and the epilog."""

    __slots__ = ("arguments", "epilog", "options", "output", "panels", "paragraphs", "usage")

    def __init__(self, usage: str, paragraphs: list[str], arguments: list[tuple[str, str]],
                 options: list[tuple[str, str]], panels: list[tuple[str, list[tuple[str, str]]]],
                 epilog: str | None, output: list[str] | None = None) -> None:  # fmt: skip
        self.usage, self.paragraphs, self.arguments, self.options = usage, paragraphs, arguments, options
        self.panels, self.epilog, self.output = panels, epilog, output or []

    def __eq__(self, other: object) -> bool:
        return isinstance(other, HelpSpec) and all(getattr(self, n) == getattr(other, n) for n in self.__slots__)

    __hash__ = None  # type: ignore[assignment]


def _usage_pieces(command: Any, ctx: Any) -> list[str]:
    """The usage line after the command's name, as git and most tools write it: ``[OPTIONS] ROLE...``, an
    optional argument in brackets (Typer would write a required one as ``{ROLE...}``)."""
    pieces = [command.options_metavar] if command.options_metavar else []
    for param in command.get_params(ctx):
        if param.param_type_name == "argument" and not getattr(param, "hidden", False):
            name = param.make_metavar(ctx)
            pieces.append(name if param.required else f"[{name}]")
    if hasattr(command, "list_commands"):
        pieces.append(command.subcommand_metavar)
    return pieces


def help_spec(ctx: Any) -> HelpSpec:
    """The help of the command of ``ctx``, read from Click's objects."""
    command = ctx.command
    usage = f"{ctx.command_path} {' '.join(_usage_pieces(command, ctx))}".rstrip()
    arguments, options, output = _params(command, ctx)
    panels = _commands(command, ctx) if hasattr(command, "list_commands") else []
    if ctx.parent is None:  # career itself: the output options in full, once
        return HelpSpec(usage, _paragraphs(command.help or ""), arguments, options, [_output_panel(), *panels],
                        command.epilog)  # fmt: skip
    return HelpSpec(usage, _paragraphs(command.help or ""), arguments, options, panels, command.epilog, output)


def _output_panel() -> tuple[str, list[tuple[str, str]]]:
    from careercli.commands import OUTPUT_OPTIONS, OUTPUT_PANEL

    return OUTPUT_PANEL, list(OUTPUT_OPTIONS)


def top_help() -> HelpSpec:
    """The help of ``career`` itself, from the command table alone (``career --help`` without Typer); a test
    holds it equal to :func:`help_spec` of the app's group."""
    from careercli.commands import APP_EPILOG, APP_HELP, APP_OPTIONS

    return HelpSpec("career [OPTIONS] COMMAND [ARGS]...", _paragraphs(APP_HELP), [], list(APP_OPTIONS),
                    [_output_panel(), *_top_panels()], APP_EPILOG)  # fmt: skip


def help_page(ctx: Any, width: int) -> Group:
    """The help page of the command of ``ctx`` as a Rich renderable."""
    return render_help(help_spec(ctx))


def render_help(spec: HelpSpec) -> Group:
    """A help page as a Rich renderable."""
    parts: list[Any] = [Text("")]
    parts += [Text.assemble(("Usage: ", "yellow"), (spec.usage, "bold")), Text("")]
    paragraphs = spec.paragraphs
    if paragraphs:
        # prose keeps its two-space indent on every wrapped line; examples keep their own indent and never wrap
        parts.append(Padding(Text(paragraphs[0], style="bold"), (0, 0, 0, 2)))
        for paragraph in paragraphs[1:]:
            parts.append(Text(""))
            if paragraph.startswith("  "):
                parts.append(Text(visible(paragraph), no_wrap=True, overflow="ellipsis"))
            else:
                parts.append(Padding(Text(paragraph), (0, 0, 0, 2)))
        parts.append(Text(""))
    if spec.arguments:
        parts.append(_grid(spec.arguments, "Arguments"))
    if spec.options:
        parts.append(_grid(spec.options, "Options"))
    if spec.output:
        parts.append(Padding(Text(f"Output: {', '.join(spec.output)} (career help output)", style="dim"), (0, 0, 0, 2)))
    parts += [_grid(rows, panel) for panel, rows in spec.panels]
    if spec.epilog:
        parts.append(Text("  " + spec.epilog, style="dim"))
    return Group(*parts)


def help_text(ctx: Any, width: int) -> str:
    """The same page as plain text, for Click's own callers (a group called without its subcommand)."""
    out = Console(file=io.StringIO(), width=max(40, min(width, 200)), color_system=None, emoji=False)
    with out.capture() as captured:
        out.print(help_page(ctx, width))
    return captured.get().rstrip("\n")
