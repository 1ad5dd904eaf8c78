"""``career list`` and ``career show``: the roles themselves."""

from __future__ import annotations

from typing import Annotated

import typer

from careercli.cli import complete
from careercli.cli.options import Category
from careercli.cli.session import session
from careercli.model import CATEGORIES

CATEGORY_HELP = "Only roles in this category: " + ", ".join(CATEGORIES) + "."


def list_roles(
    ctx: typer.Context,
    category: Annotated[
        Category | None,
        typer.Option("--category", "-c", metavar="CATEGORY", help=CATEGORY_HELP, case_sensitive=False),
    ] = None,
) -> None:
    """List the roles, grouped by category.

    Categories: development, infrastructure, data, ai, security, quality, architecture, design,
    communication, management.

    Examples:

        career list

        career list --category data

        career list --json
    """
    from careercli.presenters.views import RolesView
    from careercli.queries.roles import list_roles as query

    run = session(ctx)
    cat = run.catalog()
    run.present(RolesView(query(cat, category.value if category else None), cat))


def show(
    ctx: typer.Context,
    role: Annotated[
        list[str],
        typer.Argument(
            metavar="ROLE...",
            help="Role slug or name, quoted or not; case, spaces, hyphens and a unique prefix are forgiven.",
            autocompletion=complete.roles,
        ),
    ],
) -> None:
    """Show one role: what they do, what to learn, challenges, prospects, key skills and recent books.

    Examples:

        career show backend-developer

        career show back end developer

        career show devops --json
    """
    from careercli.presenters.views import RoleView
    from careercli.profile import today
    from careercli.queries.ranking import role_reading
    from careercli.queries.resolve import resolve_role

    run = session(ctx)
    run.mode()  # a usage error (--json with --format markdown) before any work
    cat = run.catalog()
    found = resolve_role(cat, " ".join(role))
    books = cat.role_book_list(found.slug)  # read only when used: the page shows a few, --json walks them all
    reading = role_reading(cat, found, year=int(today()[:4]))
    run.present(RoleView(found, cat, books, run.profile_or_warn(), reading, run.settings().show_books))
