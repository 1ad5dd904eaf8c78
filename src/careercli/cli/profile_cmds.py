"""The user's own data: ``career bookmark``, ``career skills``, ``career reading``, ``career export``, ``paths``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from careercli.cli import complete
from careercli.cli.common import JsonOption, catalog, lines, listing_as_lines, print_json, profile, render, say, store
from careercli.errors import CareerError, NotFoundError

bookmark_app = typer.Typer(
    help="Keep the roles you are weighing, with a note and tags.\n\nExamples:\n\n"
    'career bookmark add backend-developer --note "next step"\n\ncareer bookmark list --tag later',
    no_args_is_help=True,
)
skills_app = typer.Typer(
    help="Record the skills you have, to see your gap to any role.\n\nExamples:\n\n"
    "career skills add python sql git\n\ncareer skills list",
    no_args_is_help=True,
)
reading_app = typer.Typer(
    help="Your reading list: books you want to read, are reading or have read.\n\nExamples:\n\n"
    "career reading add fluent-python --status reading\n\ncareer reading list",
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


# --------------------------------------------------------------------------- bookmarks


@bookmark_app.command("add")
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


@bookmark_app.command("remove")
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


@bookmark_app.command("list")
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


# --------------------------------------------------------------------------- skills


@skills_app.command("add")
def skills_add(
    skills: Annotated[
        list[str], typer.Argument(metavar="SKILL", help="Skill ids or names.", autocompletion=complete.skills)
    ],
    custom: Annotated[bool, typer.Option("--custom", help="Keep names the vocabulary lacks, as typed.")] = False,
) -> None:
    """Record skills you have. Names resolve against the vocabulary; --custom keeps unknown ones as typed.

    Examples:

        career skills add python sql git

        career skills add "mainframe cobol" --custom
    """
    from careercli.profile import with_skills
    from careercli.queries.resolve import resolve_skill

    known, unknown = [], []
    for name in skills:
        try:
            known.append(resolve_skill(catalog(), name).id)
        except NotFoundError as error:
            if not custom:
                sep = " Add" if error.message.endswith("?") else "; add"
                raise CareerError(f"{error.message}{sep} --custom to keep it as typed.") from None
            unknown.append(name.strip())
    store().update(lambda p: with_skills(p, known, unknown))
    names = [catalog().skill_name(s) for s in known] + [f"{c} (custom)" for c in unknown]
    _say("Recorded: " + ", ".join(names) + ".")


@skills_app.command("remove")
def skills_remove(
    skills: Annotated[
        list[str], typer.Argument(metavar="SKILL", help="Skill ids or names.", autocompletion=complete.my_skills)
    ],
) -> None:
    """Remove skills from your profile.

    Example:

        career skills remove git
    """
    from careercli.profile import without_skills
    from careercli.queries.resolve import resolve_skill

    mine = profile()
    ids, custom = [], []
    for name in skills:
        if name in mine.custom_skills:
            custom.append(name)
            continue
        skill_id = name if name in mine.skills else resolve_skill(catalog(), name).id
        if skill_id not in mine.skills:
            raise NotFoundError(f"'{name}' is not among your skills; 'career skills list' shows them")
        ids.append(skill_id)
    store().update(lambda p: without_skills(p, ids, custom))
    _say("Removed: " + ", ".join([catalog().skill_name(s) for s in ids] + custom) + ".")


@skills_app.command("list")
def skills_list(as_json: JsonOption = False) -> None:
    """List the skills you have recorded.

    Examples:

        career skills list

        career skills list --json
    """
    cat = catalog()
    mine = profile()
    if as_json:
        from careercli.presenters import jsonout

        print_json(jsonout.envelope("skills", jsonout.skills(mine, cat)))
        return
    if not mine.skills and not mine.custom_skills:
        say("No skills recorded yet. Add some: career skills add python sql git")
        return
    if listing_as_lines():
        rows = [(s, cat.skill_name(s), cat.skills[s].kind if s in cat.skills else "") for s in mine.skills]
        lines(rows + [("", name, "custom") for name in mine.custom_skills])
        return
    from careercli.presenters.terminal import my_skills_table

    render(my_skills_table(mine, cat))


# --------------------------------------------------------------------------- reading list

StatusOption = Annotated[
    str,
    typer.Option(
        "--status",
        "-s",
        help="want, reading or read.",
        case_sensitive=False,
        autocompletion=complete.fixed("want", "reading", "read"),
    ),
]


def _status(value: str) -> str:
    from careercli.profile import STATUSES

    status = value.lower()
    if status not in STATUSES:
        raise typer.BadParameter(f"'{value}' is not one of want, reading, read", param_hint="'--status'")
    return status


@reading_app.command("add")
def reading_add(
    book: Annotated[str, typer.Argument(metavar="BOOK", help="Book id or title.", autocompletion=complete.books)],
    status: StatusOption = "want",
) -> None:
    """Put a book on your reading list, or change its status.

    Examples:

        career reading add fluent-python

        career reading add "designing data-intensive" --status reading
    """
    from careercli.profile import today, with_reading
    from careercli.queries.ranking import edition_label, edition_words, newer_edition
    from careercli.queries.resolve import resolve_book

    wanted = _status(status)
    cat = catalog()
    found = resolve_book(cat, book)
    store().update(lambda p: with_reading(p, found.id, wanted, today()))
    newer = newer_edition(cat, found)
    later = f" A newer edition is {newer.id} ({edition_words(newer)})." if newer else ""
    _say(f"{edition_label(cat, found)}: {wanted}.{later}")


@reading_app.command("remove")
def reading_remove(
    book: Annotated[str, typer.Argument(metavar="BOOK", help="Book id or title.", autocompletion=complete.reading)],
) -> None:
    """Take a book off your reading list.

    Example:

        career reading remove fluent-python
    """
    from careercli.profile import without_reading
    from careercli.queries.resolve import resolve_book

    mine = profile()
    listed = {r.book for r in mine.reading}
    book_id = book if book in listed else resolve_book(catalog(), book).id
    before, _ = store().update(lambda p: without_reading(p, book_id))  # decided under the lock, from the file
    if book_id not in {r.book for r in before.reading}:
        raise NotFoundError(f"'{book_id}' is not on your reading list; 'career reading list' shows it")
    _say(f"Removed {book_id} from your reading list.")


@reading_app.command("list")
def reading_list(
    status: Annotated[
        str | None,
        typer.Option(
            "--status",
            "-s",
            help="Only want, reading or read.",
            autocompletion=complete.fixed("want", "reading", "read"),
        ),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Your reading list, grouped by status.

    Examples:

        career reading list

        career reading list --status read --json
    """
    wanted = _status(status) if status else None
    cat = catalog()
    entries = [r for r in profile().reading if wanted is None or r.status == wanted]
    if as_json:
        from careercli.presenters import jsonout

        print_json(jsonout.envelope("reading", [jsonout.reading(r, cat) for r in entries]))
        return
    if not entries:
        say("Your reading list is empty. Add a book: career reading add fluent-python")
        return
    if listing_as_lines():
        books = cat.books
        lines((r.status, r.book, books[r.book].title if r.book in books else "",
               "; ".join(books[r.book].authors) if r.book in books else "") for r in entries)  # fmt: skip
        return
    from careercli.presenters.terminal import reading_table

    render(reading_table(entries, cat))


# --------------------------------------------------------------------------- export and paths


def export(
    output: Annotated[
        str | None, typer.Option("--output", "-o", help="Write to FILE ('-' or no option: standard output).")
    ] = None,
    force: Annotated[bool, typer.Option("--force", "-f", help="Overwrite FILE if it exists.")] = False,
) -> None:
    """Export your profile as Markdown: skills, bookmarked roles with your gap, reading list, suggestions.

    Examples:

        career export -o profile.md

        career export | less
    """
    import datetime as dt

    from careercli._version import __version__
    from careercli.presenters.markdown import profile_markdown

    text = profile_markdown(profile(), catalog(), dt.date.today(), __version__)
    if output in (None, "-"):
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    if "\x00" in output:
        raise CareerError(f"{output!r} is not a valid file name")
    from careercli.atomic import write_export

    target = Path(output).expanduser()
    if not write_export(target, text.encode("utf-8"), force):  # after a stream (/dev/stdout), say nothing more
        _say(f"Wrote {target}.")


def paths(as_json: JsonOption = False) -> None:
    """Show where careercli keeps your profile, its data, packs and cache.

    Example:

        career paths
    """
    from careercli import paths as where
    from careercli.catalogue.sources import bundled_data_dir, pack_files

    items = {
        "profile": str(where.profile_path()),
        "config": str(where.config_dir()),
        "bundled_data": str(bundled_data_dir()),
        "packs": [str(p) for p in where.packs_dirs()],
        "packs_in_use": [str(p) for p in pack_files()],
        "cache": str(where.cache_dir()),
    }
    if as_json:
        from careercli.presenters.jsonout import envelope

        print_json(envelope("paths", items))
        return
    from careercli.presenters.terminal import paths_table

    render(paths_table(items))
