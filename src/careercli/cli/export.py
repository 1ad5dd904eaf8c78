"""``career export`` (the profile as Markdown) and ``career where`` (where careercli keeps things)."""

from __future__ import annotations

import contextlib
import os
from typing import Annotated

import typer

from careercli.cli.session import Session, session
from careercli.errors import CareerError, MalformedImport


def export(
    ctx: typer.Context,
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Write to FILE, or profile.md in a FOLDER ('-': stdout; no option: stdout when piped, a new"
            " profile.md here on a terminal).",
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite FILE if it exists.")] = False,
    full: Annotated[
        bool, typer.Option("--full", help="Every plan step and every official fact, not the first few of each.")
    ] = False,
) -> None:
    """Export your profile as Markdown: a summary, skills, bookmarked roles with your gap, reading list, suggestions.

    Each plan shows its first steps and each occupation its first tasks and technologies, with the count of the
    rest; --full puts everything in.

    On a terminal, without -o, the Markdown goes to a new file in the current folder (profile.md, or profile-2.md
    and so on when that name is taken), never over an existing one; piped, it goes to stdout.

    Examples:

        career export -o profile.md

        career export --full -o profile-full.md

        career export | less
    """
    from careercli.cli.profile_export import export_profile

    export_profile(session(ctx), output, force, full)


def where(ctx: typer.Context) -> None:
    """Show where careercli keeps your profile, its data, packs and cache.

    onet_import is where 'career data import-onet' keeps an O*NET release; onet_release is the version
    imported there, or none (the bundled extract is in use). oews_import and projections_import are where
    'career data import-oews' and 'import-projections' keep BLS's figures, with their releases (none: the bundled
    figures are in use); oews_states_release is the release of an imported state workbook.

    Example:

        career where
    """
    from careercli import paths
    from careercli.catalogue.sources import bundled_data_dir, pack_files

    items = {
        "profile": str(paths.profile_path()),
        "config": str(paths.config_dir()),
        "bundled_data": str(bundled_data_dir()),
        "packs": [str(p) for p in paths.packs_dirs()],
        "packs_in_use": [str(p) for p in pack_files()],
        "cache": str(paths.cache_dir()),
        **_onet_paths(session(ctx)),
        **_bls_paths(),
    }
    from careercli.presenters.views_setup import PathsView

    session(ctx).present(PathsView(items))


def _bls_paths() -> dict[str, str]:
    """Where BLS imports live and the release of each ("none" when the bundled figures are in use)."""

    from careercli.bls import facts

    def release(name: str, columns: tuple[str, ...]) -> str:
        path = facts.user_file(name)
        if not os.path.isfile(path):
            return "none"
        try:
            return facts.Table(path, columns, True).meta.get("release") or "unknown"
        except CareerError:
            return "unreadable: import it again, or remove it ('career data remove-oews', 'remove-projections')"

    return {
        "oews_import": facts.user_file(facts.OEWS_FILE),
        "oews_release": release(facts.OEWS_FILE, facts.OEWS_COLUMNS),
        "oews_states_release": release(facts.STATES_FILE, facts.OEWS_COLUMNS),
        "projections_import": facts.user_file(facts.PROJECTIONS_FILE),
        "projections_release": release(facts.PROJECTIONS_FILE, facts.PROJECTION_COLUMNS),
    }


def _onet_paths(run: Session) -> dict[str, str]:
    """Where an O*NET import lives and the release imported there ("none" when there is no import)."""
    from careercli.onet import db as onet_db

    target = onet_db.user_db_path()
    release = "none"
    if target.is_file():
        try:
            with contextlib.closing(onet_db.connect(target)) as conn:
                release = onet_db.summary(conn).version or "unknown"
        except MalformedImport as error:
            run.drop_import(error)
            release = "unreadable: import it again, or 'career data remove-onet'"
        except CareerError:
            release = "unreadable: import it again, or 'career data remove-onet'"
    return {"onet_import": str(target), "onet_release": release}
