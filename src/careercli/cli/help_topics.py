"""``career help``: help on topics beyond one command (``career help environment``: the environment variables)."""

from __future__ import annotations

import typer

from careercli.cli.lazy import CareerCommand, CareerSubGroup
from careercli.cli.session import session

app = typer.Typer(
    cls=CareerSubGroup,
    help="Help beyond one command; each command's own is 'career COMMAND --help'.\n\n"
    "Example:\n\ncareer help environment",
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
