"""``career list`` and ``career show``: the roles themselves."""

from __future__ import annotations

from typing import Annotated

import typer

from careercli.cli import complete
from careercli.cli.common import (
    JsonOption,
    PagerOption,
    catalog,
    console,
    export_picture,
    lines,
    listing_as_lines,
    print_json,
    profile_or_warn,
    render,
    say,
)
from careercli.model import CATEGORIES

FORMATS = ("text", "markdown", "json", "svg", "html")
CATEGORY_HELP = "Only roles in this category: " + ", ".join(CATEGORIES) + "."


def list_roles(
    category: Annotated[
        str | None, typer.Option("--category", "-c", help=CATEGORY_HELP, autocompletion=complete.categories)
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """List the roles, grouped by category.

    Categories: development, infrastructure, data, ai, security, quality, architecture, design,
    communication, management.

    Examples:

        career list

        career list --category data

        career list --json
    """
    from careercli.queries.roles import list_roles as query

    cat = catalog()
    roles = query(cat, category)
    if as_json:
        from careercli.presenters import jsonout

        print_json(jsonout.envelope("roles", [jsonout.role_summary(r) for r in roles]))
        return
    origins = any(r.source != "bundled" for r in cat.roles.values())
    if listing_as_lines():
        lines((r.slug, r.name, r.category, r.summary, *((r.source,) if origins else ())) for r in roles)
        return
    from careercli.presenters.terminal import roles_grouped

    render(roles_grouped(roles, origins=origins, width=console().width))


def show(
    role: Annotated[
        str,
        typer.Argument(
            metavar="ROLE",
            help="Role slug or name; case, spaces, hyphens and a unique prefix are forgiven.",
            autocompletion=complete.roles,
        ),
    ],
    as_json: JsonOption = False,
    pager: PagerOption = None,
    output_format: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            help="text (default), markdown, json, svg or html.",
            case_sensitive=False,
            autocompletion=complete.fixed(*FORMATS),
        ),
    ] = "text",
) -> None:
    """Show one role: what they do, what to learn, challenges, prospects, key skills and recent books.

    Examples:

        career show backend-developer

        career show "Back-End Developer"

        career show devops --json
    """
    from careercli.queries.resolve import resolve_role

    cat = catalog()
    found = resolve_role(cat, role)
    fmt = output_format.lower()
    if fmt not in FORMATS:
        raise typer.BadParameter(f"'{output_format}' is not one of {', '.join(FORMATS)}", param_hint="'--format'")
    if as_json and fmt not in ("text", "json"):
        raise typer.BadParameter(f"--json and --format {fmt} disagree: give one of them", param_hint="'--json'")
    book_ids = cat.book_ids_for_role(found.slug)
    books = [cat.books[book_id] for book_id in book_ids]  # JSON and Markdown carry all; the page shows the newest
    mine = profile_or_warn()
    mark = mine.bookmark(found.slug)
    if as_json or fmt == "json":
        from careercli.presenters import jsonout

        saved = jsonout.bookmark(mark, cat) if mark else None
        print_json(jsonout.envelope("role", jsonout.role_detail(found, cat, books, saved)))
        return
    from careercli.presenters.terminal import role_view

    if fmt == "markdown":
        from careercli.presenters.markdown import role_markdown

        say(role_markdown(found, cat, books))
        return
    bookmark = (mark.note, mark.tags) if mark else None
    page = role_view(found, cat, books, bookmark, mine.reading_status(), total=len(book_ids))
    if fmt in ("svg", "html"):
        say(export_picture(page, fmt, title=f"career show {found.slug}"))
        return
    render(page, pager)
