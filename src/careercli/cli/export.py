"""``career export`` (the profile as Markdown) and ``career paths`` (where careercli keeps things)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from careercli.cli.session import session
from careercli.errors import CareerError


def export(
    ctx: typer.Context,
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
    from careercli.queries.gap import role_gap, suggested_books

    run = session(ctx)
    mine, cat = run.profile(), run.catalog()
    gaps = {m.role: role_gap(cat, cat.roles[m.role], mine.skills) for m in mine.bookmarks if m.role in cat.roles}
    text = profile_markdown(mine, cat, dt.date.today(), __version__, gaps, suggested_books(cat, mine))
    if output in (None, "-"):
        run.output.emit(text)
        return
    if "\x00" in output:
        raise CareerError(f"{output!r} is not a valid file name")
    from careercli.atomic import write_export

    target = Path(output).expanduser()
    if not write_export(target, text.encode("utf-8"), force):  # after a stream (/dev/stdout), say nothing more
        run.tell(f"Wrote {target}.")


def paths(ctx: typer.Context) -> None:
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
    from careercli.presenters.views import PathsView

    session(ctx).present(PathsView(items))
