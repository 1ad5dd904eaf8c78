"""``career config`` (the preferences in config.toml: where, and what they are) and ``career cache clear``."""

from __future__ import annotations

from typing import Annotated

import typer

from careercli.cli import complete
from careercli.cli.lazy import CareerCommand, CareerSubGroup
from careercli.cli.session import session

config_app = typer.Typer(
    cls=CareerSubGroup,
    help="Your preferences (config.toml beside the profile): default colour, pager, books in show.\n\n"
    "Examples:\n\ncareer config path\n\ncareer config show\n\ncareer config set pager false",
    no_args_is_help=True,
)
cache_app = typer.Typer(
    cls=CareerSubGroup,
    help="careercli's cache (rebuilt on demand): clear it.\n\nExample:\n\ncareer cache clear",
    no_args_is_help=True,
)


@config_app.command("path", cls=CareerCommand)
def config_path(ctx: typer.Context) -> None:
    """Print where your preferences file is (it may not exist yet: create it with any editor).

    Example:

        career config path
    """
    from careercli.paths import config_file

    session(ctx).say(config_file())


@config_app.command("show", cls=CareerCommand)
def config_show(ctx: typer.Context) -> None:
    """Show each preference, its value and where the value comes from (config.toml or the default).

    Keys: color (auto, always, never), pager (true, false), show_books (0 for all).

    Examples:

        career config show

        career config show --json
    """
    from careercli.config import DOCS
    from careercli.paths import config_file
    from careercli.presenters.views_setup import SettingsView

    run = session(ctx)
    mine = run.settings()
    rows = [(key, getattr(mine, key), "config.toml" if key in mine.given else "default", about)
            for key, about in DOCS.items()]  # fmt: skip
    run.present(SettingsView(config_file(), rows))


@config_app.command("set", cls=CareerCommand)
def config_set(
    ctx: typer.Context,
    key: Annotated[
        str, typer.Argument(metavar="KEY", help="color, pager or show_books.", autocompletion=complete.config_keys)
    ],
    value: Annotated[
        str,
        typer.Argument(
            metavar="VALUE", help="auto/always/never; true/false; a number.", autocompletion=complete.config_values
        ),
    ],
) -> None:
    """Set one preference in config.toml; the comments and the rest of the file are kept.

    Examples:

        career config set color never

        career config set show_books 20
    """
    from careercli.config import parse_value, set_value

    parsed = parse_value(key, value)
    path = set_value(key, parsed)
    session(ctx).tell(f"{key} = {_shown(parsed)} in {path}")


@config_app.command("unset", cls=CareerCommand)
def config_unset(
    ctx: typer.Context,
    key: Annotated[
        str, typer.Argument(metavar="KEY", help="color, pager or show_books.", autocompletion=complete.config_keys)
    ],
) -> None:
    """Remove one preference from config.toml, so that its default applies; the rest of the file is kept.

    Example:

        career config unset pager
    """
    from careercli.config import parse_value, set_value

    parse_value(key, "auto" if key == "color" else "0" if key == "show_books" else "true")  # a known key
    path = set_value(key, None)
    session(ctx).tell(f"{key} is unset in {path}: the default applies.")


def _shown(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return f'"{value}"' if isinstance(value, str) else str(value)


@cache_app.command("clear", cls=CareerCommand)
def cache_clear(ctx: typer.Context) -> None:
    """Remove careercli's own cache files (the catalogue database, saved output, completion data); they are
    rebuilt when needed. Nothing else in the folder is touched and no symbolic link is followed.

    Example:

        career cache clear
    """
    from careercli.cache import clear

    removed, folder = clear()
    run = session(ctx)
    if not removed:
        run.tell(f"The cache is already empty ({folder}).")
    else:
        run.tell(f"Removed {', '.join(removed)} from {folder}.")
