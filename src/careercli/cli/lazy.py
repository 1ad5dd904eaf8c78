"""The command classes of ``career``: a group that builds only the invoked command from ``commands.TOP``, and
commands whose ``--help`` goes through the output layer (so the replay can record it), rendered by
``careercli.presenters.help`` without ``typer.rich_utils``.
"""

from __future__ import annotations

import importlib
from typing import Any

import typer
from typer.core import TyperCommand, TyperGroup

from careercli.cli.options import add_old_spellings, add_output_options, take_old_spellings
from careercli.commands import ALIASES, READS, TOP, VIEWS_TOO, kind

_USAGE = next(c for c in typer.BadParameter.__mro__ if c.__name__ == "UsageError")


def _show_help(ctx: Any, _param: Any, value: bool) -> None:
    if not value or ctx.resilient_parsing:
        return
    from careercli.cli.session import session
    from careercli.presenters.help import help_page

    run = session(ctx)
    run.render(help_page(ctx, run.console().width), pages=True)
    ctx.exit()


class HelpMixin:
    """``-h``/``--help`` rendered by careercli's own help page and emitted through the output layer."""

    def get_help_option(self, ctx: Any) -> Any:
        names = self.get_help_option_names(ctx)  # type: ignore[attr-defined]
        if not names or not self.add_help_option:  # type: ignore[attr-defined]
            return None
        if getattr(self, "_career_help", None) is None:
            self._career_help = typer.core.TyperOption(
                param_decls=sorted(names, key=len), is_flag=True, expose_value=False, is_eager=True,
                callback=_show_help, help="Show this help and exit.",  # -h, --help: the same order every run
            )  # fmt: skip
        return self._career_help

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        """Parse errors name this command's help (a missing option value has no context of its own, so Click's
        message would point at ``career --help``)."""
        try:
            rest: list[str] = super().parse_args(ctx, args)  # type: ignore[misc]
        except _USAGE as exc:  # type: ignore[misc]
            if exc.ctx is None or exc.ctx.command is not self:
                exc.ctx, exc.cmd = ctx, self
            raise
        take_old_spellings(ctx)
        return rest

    def format_help(self, ctx: Any, formatter: Any) -> None:
        """The same page as plain text (Click asks for it when a group is called with no subcommand)."""
        from careercli.presenters.help import help_text

        formatter.write(help_text(ctx, formatter.width or 80))


class CareerCommand(HelpMixin, TyperCommand):
    pass


class SuggestMixin:
    """An unknown command gets "Did you mean ...?" from :meth:`suggestions` (Typer looks only at the commands
    already built, which a lazy group has none of until one is asked for)."""

    def suggestions(self, ctx: Any) -> list[str]:
        return list(self.list_commands(ctx))  # type: ignore[attr-defined]

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        try:
            return self._click_resolve_command(ctx, args)  # type: ignore[attr-defined]
        except _USAGE as exc:  # type: ignore[misc]
            if args:
                from difflib import get_close_matches

                matches = get_close_matches(args[0], self.suggestions(ctx))
                if matches:
                    exc.message = f"{exc.message.rstrip('.')}. Did you mean {', '.join(map(repr, matches))}?"
            raise


class CareerSubGroup(SuggestMixin, HelpMixin, TyperGroup):
    """A group of subcommands (``bookmark add``, ...): each one gets the output options; called alone, it prints
    its help page to stdout and exits 0, as git and gh do (Click would report the page as a usage error)."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        if not args and self.no_args_is_help and not ctx.resilient_parsing:
            _show_help(ctx, None, True)
        return super().parse_args(ctx, args)

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        command = super().get_command(ctx, cmd_name)
        if command is not None:
            add_output_options(command, views=kind((str(self.name), cmd_name)) == READS)
            add_old_spellings(command, (str(self.name), cmd_name))
        return command


class LazyGroup(SuggestMixin, HelpMixin, TyperGroup):
    """Lists its commands from ``commands.TOP`` and imports only the module of the one that is asked for."""

    def list_commands(self, ctx: Any) -> list[str]:
        return list(TOP)

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        if cmd_name in self.commands:
            return self.commands[cmd_name]
        new_name = ALIASES.get(cmd_name, cmd_name)  # an old name: the new command, hidden, its help saying so
        if new_name not in TOP:
            return None
        target, panel, _summary = TOP[new_name]
        module, attribute = target.split(":")
        found = getattr(importlib.import_module(module), attribute)
        command: TyperGroup | TyperCommand
        if isinstance(found, typer.Typer):
            command = typer.main.get_group(found)
        else:
            single = typer.Typer(add_completion=False, rich_markup_mode="rich")
            single.command(cmd_name, cls=CareerCommand, rich_help_panel=panel)(found)
            # Typer declares a click.Command; a one-command app is made of the class given (a CareerCommand)
            command = typer.main.get_command(single)  # type: ignore[assignment]
        command.name = cmd_name
        command.rich_help_panel = panel
        if new_name != cmd_name:
            import inspect

            command.hidden = True
            old = f"The old name of 'career {new_name}', kept for one release: use 'career {new_name}'."
            command.help = old + "\n\n" + inspect.cleandoc(command.help or "")
        if not isinstance(found, typer.Typer):
            add_output_options(command, views=kind((cmd_name,)) == READS or (new_name,) in VIEWS_TOO)
            add_old_spellings(command, (new_name,))
        self.commands[cmd_name] = command
        return command
