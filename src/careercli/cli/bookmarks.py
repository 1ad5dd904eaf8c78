"""``career bookmark``: the roles the user is weighing, with a note and tags."""

from __future__ import annotations

from typing import Annotated

import typer

from careercli.cli import complete
from careercli.cli.lazy import CareerCommand, CareerSubGroup
from careercli.cli.session import Session, session
from careercli.errors import NotFoundError

app = typer.Typer(
    cls=CareerSubGroup,
    help="Keep the roles you are weighing, with a note and tags.\n\nExamples:\n\n"
    'career bookmark add backend-developer --note "next step"\n\ncareer bookmark list --tag later',
    no_args_is_help=True,
)


def _target(run: Session, query: str, allow_bookmarked: bool = False) -> tuple[str, str]:
    """The id and name of a role from the catalog or an O*NET occupation (its code); for removal also a bookmarked
    id the data no longer has."""
    from careercli.queries.lookup import lookup

    try:
        found = lookup(run.catalog(), query, run.onet)
    except NotFoundError:
        if allow_bookmarked and run.profile().bookmark(query) is not None:
            return query, query
        raise
    return found.id, found.title


@app.command("add", cls=CareerCommand)
def bookmark_add(
    ctx: typer.Context,
    role: Annotated[
        list[str],
        typer.Argument(
            metavar="ROLE...",
            help="Role slug or name (quoted or not), or an O*NET occupation's code.",
            autocompletion=complete.occupations,
        ),
    ],
    note: Annotated[str | None, typer.Option("--note", help="Your note (replaces the old one).")] = None,
    tag: Annotated[
        list[str] | None,
        typer.Option("--tag", "-t", help="A tag; repeat for more (replaces old tags).", autocompletion=complete.tags),
    ] = None,
    add_tag: Annotated[
        list[str] | None,
        typer.Option(
            "--add-tag",
            metavar="TAG",
            help="Add a tag, keeping the others; repeat for more.",
            autocompletion=complete.tags,
        ),
    ] = None,
    remove_tag: Annotated[
        list[str] | None,
        typer.Option(
            "--remove-tag", metavar="TAG", help="Remove a tag; repeat for more.", autocompletion=complete.tags
        ),
    ] = None,
) -> None:
    """Bookmark a role; adding it again updates the note and tags and keeps the first date.

    An O*NET occupation can be bookmarked too: its code is kept.

    Examples:

        career bookmark add backend-developer --note "next step after my QA job"

        career bookmark add 15-1252.00

        career bookmark add data engineer

        career bookmark add data-engineer --tag later --tag data

        career bookmark add data-engineer --add-tag python --remove-tag later
    """
    from careercli.profile import Profile, today, with_bookmark

    run = session(ctx)
    slug, name = _target(run, " ".join(role))
    existed: list[bool] = []

    def change(current: Profile) -> Profile:
        existed.append(current.bookmark(slug) is not None)  # decided under the lock, on the file as it is
        return with_bookmark(current, slug, note, tag, today(), add_tag or (), remove_tag or ())

    run.store().update(change)
    run.tell(f"{'Updated bookmark' if existed[-1] else 'Bookmarked'} {name} ({slug}).")


@app.command("remove", cls=CareerCommand)
def bookmark_remove(
    ctx: typer.Context,
    role: Annotated[
        list[str],
        typer.Argument(metavar="ROLE...", help="Role slug or name, quoted or not.", autocompletion=complete.bookmarked),
    ],
) -> None:
    """Remove a bookmark.

    Example:

        career bookmark remove backend-developer
    """
    from careercli.profile import without_bookmark

    run = session(ctx)
    slug, _ = _target(run, " ".join(role), allow_bookmarked=True)
    before, _ = run.store().update(lambda p: without_bookmark(p, slug))  # decided under the lock, from the file
    if before.bookmark(slug) is None:
        raise NotFoundError(f"'{slug}' is not bookmarked; 'career bookmark list' shows your bookmarks")
    run.tell(f"Removed the bookmark for {slug}.")


@app.command("list", cls=CareerCommand)
def bookmark_list(
    ctx: typer.Context,
    tag: Annotated[
        str | None, typer.Option("--tag", "-t", help="Only bookmarks with this tag.", autocompletion=complete.tags)
    ] = None,
) -> None:
    """List your bookmarks, oldest first.

    Examples:

        career bookmark list

        career bookmark list --tag later --json
    """
    from careercli.cli import reads

    reads.bookmark_list(session(ctx), tag)
