"""``career bookmark``: the roles the user is weighing, with a note and tags."""

from __future__ import annotations

from typing import Annotated

import typer

from careercli.cli import complete
from careercli.cli.common import JsonOption, catalog, lines, listing_as_lines, print_json, profile, render, say, store
from careercli.cli.lazy import CareerCommand, CareerSubGroup
from careercli.errors import NotFoundError

app = typer.Typer(
    cls=CareerSubGroup,
    help="Keep the roles you are weighing, with a note and tags.\n\nExamples:\n\n"
    'career bookmark add backend-developer --note "next step"\n\ncareer bookmark list --tag later',
    no_args_is_help=True,
)


def _say(message: str) -> None:
    from careercli.presenters.text import visible

    say(visible(message))


def _role_slug(query: str, allow_bookmarked: bool = False) -> str:
    """A role from the catalog; for removal also a bookmarked slug the catalog no longer has."""
    from careercli.queries.resolve import resolve_role

    try:
        return resolve_role(catalog(), query).slug
    except NotFoundError:
        if allow_bookmarked and profile().bookmark(query) is not None:
            return query
        raise


@app.command("add", cls=CareerCommand)
def bookmark_add(
    role: Annotated[str, typer.Argument(metavar="ROLE", help="Role slug or name.", autocompletion=complete.roles)],
    note: Annotated[str | None, typer.Option("--note", help="Your note (replaces the old one).")] = None,
    tag: Annotated[
        list[str] | None,
        typer.Option("--tag", "-t", help="A tag; repeat for more (replaces old tags).", autocompletion=complete.tags),
    ] = None,
) -> None:
    """Bookmark a role; adding it again updates the note and tags and keeps the first date.

    Examples:

        career bookmark add backend-developer --note "next step after my QA job"

        career bookmark add data-engineer --tag later --tag data
    """
    from careercli.profile import Profile, today, with_bookmark

    slug = _role_slug(role)
    existed: list[bool] = []

    def change(current: Profile) -> Profile:
        existed.append(current.bookmark(slug) is not None)  # decided under the lock, on the file as it is
        return with_bookmark(current, slug, note, tag, today())

    store().update(change)
    name = catalog().roles[slug].name
    _say(f"{'Updated bookmark' if existed[-1] else 'Bookmarked'} {name} ({slug}).")


@app.command("remove", cls=CareerCommand)
def bookmark_remove(
    role: Annotated[str, typer.Argument(metavar="ROLE", help="Role slug or name.", autocompletion=complete.bookmarked)],
) -> None:
    """Remove a bookmark.

    Example:

        career bookmark remove backend-developer
    """
    from careercli.profile import without_bookmark

    slug = _role_slug(role, allow_bookmarked=True)
    before, _ = store().update(lambda p: without_bookmark(p, slug))  # decided under the lock, from the file
    if before.bookmark(slug) is None:
        raise NotFoundError(f"'{slug}' is not bookmarked; 'career bookmark list' shows your bookmarks")
    _say(f"Removed the bookmark for {slug}.")


@app.command("list", cls=CareerCommand)
def bookmark_list(
    tag: Annotated[
        str | None, typer.Option("--tag", "-t", help="Only bookmarks with this tag.", autocompletion=complete.tags)
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """List your bookmarks, oldest first.

    Examples:

        career bookmark list

        career bookmark list --tag later --json
    """
    cat = catalog()
    marks = [b for b in profile().bookmarks if tag is None or tag in b.tags]
    if as_json:
        from careercli.presenters import jsonout

        print_json(jsonout.envelope("bookmarks", [jsonout.bookmark(b, cat) for b in marks]))
        return
    if not marks:
        say('No bookmarks yet. Add one: career bookmark add backend-developer --note "why"')
        return
    if listing_as_lines():
        lines((b.role, cat.roles[b.role].name if b.role in cat.roles else "", b.added, ",".join(b.tags), b.note)
              for b in marks)  # fmt: skip
        return
    from careercli.presenters.terminal import bookmarks_table

    render(bookmarks_table(marks, cat))
