"""``career help``: help on topics beyond one command (``career help environment``: the environment variables), and
``career help COMMAND [SUBCOMMAND]``: the same page as ``career COMMAND [SUBCOMMAND] --help``."""

from __future__ import annotations

from typing import Any

import typer

from careercli.cli.lazy import _USAGE, CareerCommand, CareerSubGroup, _show_help
from careercli.cli.session import session
from careercli.commands import ALIASES


class HelpGroup(CareerSubGroup):
    """Its own topics, and any command of ``career`` (with a subcommand of a group) by name."""

    def _command_names(self, ctx: Any) -> list[str]:
        return list(ctx.find_root().command.list_commands(ctx))

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        found = super().get_command(ctx, cmd_name)
        if found is not None or (cmd_name not in self._command_names(ctx) and cmd_name not in ALIASES):
            return found
        return _HelpOfCommand(ctx.find_root(), cmd_name)

    def suggestions(self, ctx: Any) -> list[str]:
        return [*self.list_commands(ctx), *self._command_names(ctx)]


class _HelpOfCommand(CareerCommand):
    """``career help NAME [SUBCOMMAND]``: prints that command's help page."""

    def __init__(self, root: Any, name: str) -> None:
        words = typer.core.TyperArgument(param_decls=["words"], nargs=-1, required=False, metavar="SUBCOMMAND")
        super().__init__(name, params=[words], callback=self._show, help=f"The help of 'career {name}'.")
        self._root, self._target = root, name

    def _show(self, words: tuple[str, ...]) -> None:
        context = self._root
        command = context.command
        for word in (self._target, *words):
            found = command.get_command(context, word) if hasattr(command, "list_commands") else None
            if found is None:
                raise _USAGE(f"No such command '{context.command_path} {word}'.", context)
            command = found
            context = command.context_class(command, info_name=word, parent=context)  # nothing parsed: only its help
        _show_help(context, None, True)


app = typer.Typer(
    cls=HelpGroup,
    help="The help of a command ('career help show' is 'career show --help'), and topics beyond one command."
    "\n\nExamples:\n\ncareer help show\n\ncareer help bookmark add\n\n"
    "career help environment",
    no_args_is_help=True,
)


@app.command("environment", cls=CareerCommand)
def environment(ctx: typer.Context) -> None:
    """Every environment variable careercli reads, and what it does.

    Examples:

        career help environment

        career help environment --json
    """
    from careercli.environment import VARIABLES
    from careercli.presenters.views_setup import EnvironmentView

    session(ctx).present(EnvironmentView([(names, about) for names, about, _why in VARIABLES]))


@app.command("output", cls=CareerCommand)
def output(ctx: typer.Context) -> None:
    """The output options: the same in every command that takes them, described here once.

    Example:

        career help output
    """
    from careercli import grammar
    from careercli.commands import OUTPUT_OPTIONS
    from careercli.presenters.help import HelpSpec, render_help

    listing: list[str] = []

    def walk(node: grammar.Node, path: tuple[str, ...]) -> None:
        if any(option["name"] == "career_as_json" for option in node["options"]):
            listing.append(" ".join(path))
        for name, _summary, hidden, sub in node["commands"]:
            if not hidden:
                walk(sub, (*path, name))

    walk(grammar.TREE, ())
    paragraphs = [
        "How a command prints: colour, paging, JSON and the other formats. Each command's help names the ones it "
        "takes; they mean the same everywhere.",
        "--color and --pager / --no-pager work in every command, before or after its name: 'career --color never "
        "show devops' is 'career show devops --color never'. 'career config set color never' (or pager false) "
        "makes it the default.",
        "--json and --format go after the name of a command that prints a listing or a page: "
        + ", ".join(listing)
        + ".",
    ]
    spec = HelpSpec("career COMMAND [ARGS]... [OUTPUT OPTIONS]", paragraphs, [], list(OUTPUT_OPTIONS), [], None)
    run = session(ctx)
    run.render(render_help(spec), pages=True)
