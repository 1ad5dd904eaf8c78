"""``career list`` and ``career show``: the roles themselves."""

from __future__ import annotations

from typing import Annotated

import typer

from careercli.cli import complete
from careercli.cli.options import Category
from careercli.cli.session import Session, session
from careercli.model import CATEGORIES

CATEGORY_HELP = "Only roles in this category: " + ", ".join(CATEGORIES) + "."


def list_roles(
    ctx: typer.Context,
    category: Annotated[
        Category | None,
        typer.Option("--category", "-c", metavar="CATEGORY", help=CATEGORY_HELP, case_sensitive=False),
    ] = None,
    occupations: Annotated[
        bool, typer.Option("--occupations", "-o", help="List O*NET occupations by SOC major group instead.")
    ] = False,
    group: Annotated[
        str | None,
        typer.Option("--group", "-g", metavar="NN", help="The O*NET occupations of one SOC major group, e.g. 15."),
    ] = None,
) -> None:
    """List the roles, grouped by category.

    Categories: development, infrastructure, data, ai, security, quality, architecture, design,
    communication, management. With --occupations, the SOC major groups of the O*NET occupations;
    with --group, the occupations of one group, marking those a curated role links to.

    Examples:

        career list

        career list --category data

        career list --json

        career list --occupations

        career list --group 15
    """
    run = session(ctx)
    cat = run.catalog()
    if occupations or group is not None:
        if category is not None:
            from careercli.errors import UsageError

            raise UsageError("--category lists roles; --occupations and --group list occupations: give one")
        _occupations(run, group)
        return
    from careercli.presenters.views import RolesView
    from careercli.queries.roles import list_roles as query

    run.present(RolesView(query(cat, category.value if category else None), cat))


def _occupations(run: Session, group: str | None) -> None:
    from careercli.errors import NotFoundError
    from careercli.onet.release import credit
    from careercli.presenters.onet_views import GroupsView, GroupView
    from careercli.queries import occupation_lists as lists
    from careercli.queries.lookup import curated_roles
    from careercli.queries.occupations import version

    db = run.onet()
    if db is None:
        raise NotFoundError("no O*NET data: 'career data import-onet PATH' imports a release")
    if group is None:
        run.present(GroupsView(lists.groups(db), credit(version(db))))
        return
    run.present(GroupView(lists.group_listing(db, group, curated_roles(run.catalog()))))


def show(
    ctx: typer.Context,
    role: Annotated[
        list[str],
        typer.Argument(
            metavar="ROLE...",
            help="Role slug or name, or an O*NET occupation's code or title; case, spaces, hyphens and a unique"
            " prefix are forgiven.",
            autocompletion=complete.roles,
        ),
    ],
) -> None:
    """Show one role: what they do, what to learn, challenges, prospects, key skills, books by fit and the newest.

    The books come ranked by fit (the role's canonical books, then books that teach a key skill), each with
    the id that 'career book' and 'career reading add' take; a short "New" list keeps the most recent titles.

    A role linked to an O*NET occupation also shows its official facts. An O*NET occupation, named by its
    code, title or another of its titles, gets a page of its own.

    Examples:

        career show backend-developer

        career show back end developer

        career show devops --json

        career show 15-1252.00

        career show "software developers"
    """
    from careercli.presenters.views import RoleView
    from careercli.profile import today
    from careercli.queries.lookup import curated_roles, linked_occupation, lookup, occupation_detail
    from careercli.queries.ranking import role_reading

    run = session(ctx)
    run.mode()  # a usage error (--json with --format markdown) before any work
    cat = run.catalog()
    target = lookup(cat, " ".join(role), run.onet)  # the database is opened only when no curated role answers
    found = target.role
    if found is None:
        from careercli.errors import NotFoundError
        from careercli.presenters.onet_views import OccupationView

        page = occupation_detail(cat, run.onet(), target.id)  # type: ignore[arg-type]
        if page is None:
            raise NotFoundError(f"no occupation {target.id} in the O*NET data")
        run.present(OccupationView(page, curated_roles(cat), run.profile_or_warn().bookmark(page.code)))
        return
    official = linked_occupation(cat, found, run.onet()) if found.onet and found.onet != "none" else None
    books = cat.role_book_list(found.slug)  # read only when used: the page shows a few, --json walks them all
    curated = curated_roles(cat) if official is not None else None
    reading = role_reading(cat, found, year=int(today()[:4]))
    run.present(RoleView(found, cat, books, run.profile_or_warn(), reading, run.settings().show_books, official,
                         curated))  # fmt: skip
