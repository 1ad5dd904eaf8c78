"""The command classes of ``career``: a group that builds only the invoked command from ``commands.TOP``, and
commands whose ``--help`` goes through the output layer (so the replay can record it), rendered by
``careercli.presenters.help`` without ``typer.rich_utils``.
"""

from __future__ import annotations

import importlib
from typing import Any

import typer
from typer.core import TyperCommand, TyperGroup

from careercli.commands import TOP


def _show_help(ctx: Any, _param: Any, value: bool) -> None:
    if not value or ctx.resilient_parsing:
        return
    from careercli.cli.common import console, render
    from careercli.presenters.help import help_page

    render(help_page(ctx, console().width), pager=None)
    ctx.exit()


class HelpMixin:
    """``-h``/``--help`` rendered by careercli's own help page and emitted through the output layer."""

    def get_help_option(self, ctx: Any) -> Any:
        names = self.get_help_option_names(ctx)  # type: ignore[attr-defined]
        if not names or not self.add_help_option:  # type: ignore[attr-defined]
            return None
        if getattr(self, "_career_help", None) is None:
            self._career_help = typer.core.TyperOption(
                param_decls=list(names), is_flag=True, expose_value=False, is_eager=True, callback=_show_help,
                help="Show this help and exit.",
            )  # fmt: skip
        return self._career_help

    def format_help(self, ctx: Any, formatter: Any) -> None:
        """The same page as plain text (Click asks for it when a group is called with no subcommand)."""
        from careercli.presenters.help import help_text

        formatter.write(help_text(ctx, formatter.width or 80))


class CareerCommand(HelpMixin, TyperCommand):
    pass


class CareerSubGroup(HelpMixin, TyperGroup):
    pass


class LazyGroup(HelpMixin, TyperGroup):
    """Lists its commands from ``commands.TOP`` and imports only the module of the one that is asked for."""

    def list_commands(self, ctx: Any) -> list[str]:
        return list(TOP)

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        if cmd_name in self.commands:
            return self.commands[cmd_name]
        if cmd_name not in TOP:
            return None
        target, panel, _summary = TOP[cmd_name]
        module, attribute = target.split(":")
        found = getattr(importlib.import_module(module), attribute)
        if isinstance(found, typer.Typer):
            command = typer.main.get_group(found)
        else:
            single = typer.Typer(add_completion=False, rich_markup_mode="rich")
            single.command(cmd_name, cls=CareerCommand, rich_help_panel=panel)(found)
            command = typer.main.get_command(single)
        command.name = cmd_name
        command.rich_help_panel = panel
        self.commands[cmd_name] = command
        return command
