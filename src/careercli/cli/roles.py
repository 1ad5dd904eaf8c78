"""``career list`` and ``career show``: the roles themselves."""

from __future__ import annotations

from typing import Annotated

import typer

from careercli.cli import complete
from careercli.cli.options import (
    Category,
    EducationOption,
    MinPayOption,
    SortOption,
    StateOption,
    ZoneOption,
)
from careercli.cli.session import session
from careercli.model import CATEGORIES

CATEGORY_HELP = "Only roles in this category: " + ", ".join(CATEGORIES) + "."


def list_roles(
    ctx: typer.Context,
    category: Annotated[
        Category | None,
        typer.Option("--category", "-c", metavar="CATEGORY", help=CATEGORY_HELP, case_sensitive=False),
    ] = None,
    occupations: Annotated[
        bool, typer.Option("--occupations", help="List O*NET occupations by SOC major group instead.")
    ] = False,
    group: Annotated[
        str | None,
        typer.Option(
            "--group",
            "-g",
            metavar="NN",
            help="The O*NET occupations of one SOC major group, e.g. 15.",
            autocompletion=complete.groups,
        ),
    ] = None,
    sort: SortOption = None,
    zone: ZoneOption = None,
    education: EducationOption = None,
    min_pay: MinPayOption = None,
) -> None:
    """List the roles, grouped by category.

    Categories: development, infrastructure, data, ai, security, quality, architecture, design,
    communication, management. With --occupations, the SOC major groups of the O*NET occupations;
    with --group, the occupations of one group, marking those a curated role links to.

    --sort, --zone, --education and --min-pay list the occupations (all, or of the --group) with their job
    zone and BLS's median pay, growth, openings and entry education. An occupation BLS publishes no such
    figure for is sorted last, or kept by a filter, and marked "not published".

    Examples:

        career list

        career list --category data

        career list --json

        career list --occupations

        career list --group 15

        career list --occupations --sort pay --zone 3-4 --min-pay 80000
    """
    from careercli.cli import reads

    reads.list_roles(session(ctx), category.value if category else None, occupations, group,
                     sort.value if sort else None, zone, education, min_pay)  # fmt: skip


def show(
    ctx: typer.Context,
    role: Annotated[
        list[str],
        typer.Argument(
            metavar="ROLE...",
            help="Role slug or name, or an O*NET occupation's code or title; case, spaces, hyphens and a unique"
            " prefix are forgiven.",
            autocompletion=complete.occupations,
        ),
    ],
    state: StateOption = None,
    output: Annotated[
        str | None,
        typer.Option(
            "--output", "-o", metavar="FILE", help="Write the page to FILE (as piped, or in --format) instead."
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="With -o: replace FILE if it exists.")] = False,
    everything: Annotated[
        bool, typer.Option("--all", help="Every task, technology and other title of the occupation.")
    ] = False,
) -> None:
    """Show one role: what they do, what to learn, challenges, prospects, key skills, books by fit and the newest.

    The books come ranked by fit (the role's canonical books, then books that teach a key skill), each with
    the id that 'career book' and 'career reading add' take; a short "New" list keeps the most recent titles.

    A role linked to an O*NET occupation also shows its official facts and BLS's pay and outlook (U.S.;
    --state CA gives the pay of a state once 'career data import-oews' has read a BLS state workbook). An
    O*NET occupation, named by its code, title or another of its titles, gets a page of its own.

    Examples:

        career show backend-developer

        career show back end developer

        career show devops --json

        career show 15-1252.00

        career show 15-1252.00 --all

        career show "software developers"

        career show backend-developer --format html -o backend.html
    """
    from careercli.cli import reads

    reads.show(session(ctx), role, state, output, force, everything)
