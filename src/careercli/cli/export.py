"""``career export`` (the profile as Markdown) and ``career paths`` (where careercli keeps things)."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from careercli.cli.session import Session, session
from careercli.errors import CareerError, MalformedImport

PROFILE_FILE = "profile.md"  # the name the export takes in a folder given as -o

if TYPE_CHECKING:
    from careercli.profile import Profile

if TYPE_CHECKING:
    from careercli.model import Catalog


def export(
    ctx: typer.Context,
    output: Annotated[
        str | None,
        typer.Option("--output", "-o", help="Write to FILE, or profile.md in a FOLDER ('-' or no option: stdout)."),
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
    from careercli.queries.lookup import occupation_roles, with_roles

    mine, cat = run.profile(), run.catalog()
    marked = [m.role for m in mine.bookmarks if m.role not in cat.roles]
    cat = with_roles(cat, occupation_roles(cat, marked, run.onet() if marked else None))  # occupations by name
    marks = [m.role for m in mine.bookmarks]  # the plan weighs the bookmarked roles, as `career plan` does
    gaps = {m.role: role_gap(cat, cat.roles[m.role], mine.skills, marks) for m in mine.bookmarks if m.role in cat.roles}
    text = profile_markdown(mine, cat, dt.date.today(), __version__, gaps, suggested_books(cat, mine),
                            _labour(cat, [m.role for m in mine.bookmarks]))  # fmt: skip
    text += _official_facts(run, [m.role for m in mine.bookmarks])  # with the credit line of each release
    text += _interests(run, mine)
    if output in (None, "-"):
        run.output.emit(text)
        return
    if "\x00" in output:
        raise CareerError(f"{output!r} is not a valid file name")
    from careercli.atomic import write_export

    target = Path(output).expanduser()
    if output.endswith(("/", os.sep)) or os.path.isdir(target):  # a folder, as cp takes one: the file goes in it
        if not os.path.isdir(target):
            raise CareerError(f"no folder {output}: create it first, or name a file")
        target /= PROFILE_FILE
    if not write_export(target, text.encode("utf-8"), force):  # after a stream (/dev/stdout), say nothing more
        run.tell(f"Wrote {target}.")


def _labour(cat: Catalog, ids: list[str]) -> dict[str, tuple[Any, Any]]:
    """BLS (pay, outlook) of each bookmarked role or occupation that links to an occupation code."""
    linked = {i: cat.roles[i].onet or "" for i in ids if i in cat.roles and cat.roles[i].onet not in (None, "", "none")}
    if not linked:
        return {}
    from careercli.bls import facts

    return {i: (facts.pay_for(code), facts.outlook_for(code)) for i, code in linked.items() if code}


def _official_facts(run: Session, ids: list[str]) -> str:
    """The export's section of O*NET facts for the bookmarked roles and occupations ("" when none has any)."""
    cat = run.catalog()
    linked = [i for i in ids if (i in cat.roles and cat.roles[i].onet not in (None, "", "none")) or i not in cat.roles]
    if not linked:
        return ""  # no bookmark leads to an occupation: the database is not opened
    from careercli.presenters.onet import export_markdown
    from careercli.queries.lookup import curated_roles, official_facts

    section = export_markdown(official_facts(cat, linked, run.onet()), curated_roles(cat))
    return "\n" + section if section else ""


def _interests(run: Session, mine: Profile) -> str:
    """The export's section of the saved discover answers and the ten best results ("" when none are saved)."""
    answers = mine.discover
    if answers is None:
        return ""
    from careercli.bls import facts
    from careercli.onet.profiles import bundled
    from careercli.presenters.discover import discover_markdown
    from careercli.queries.discover import discover

    oews, projections = facts.oews_table(), facts.projections_table()
    from careercli.queries.lookup import linked_roles

    found = discover(answers.scores, bundled(), answers.zones, linked_roles(run.catalog()),
                     lambda c: facts.pay_for(c, table=oews), lambda c: facts.outlook_for(c, projections),
                     answers.min_pay, None, 10)  # fmt: skip
    return "\n" + discover_markdown(found.results, answers, level=2) + "\n"


def paths(ctx: typer.Context) -> None:
    """Show where careercli keeps your profile, its data, packs and cache.

    onet_import is where 'career data import-onet' keeps an O*NET release; onet_release is the version
    imported there, or none (the bundled extract is in use). oews_import and projections_import are where
    'career data import-oews' and 'import-projections' keep BLS's figures, with their releases (none: the bundled
    figures are in use); oews_states_release is the release of an imported state workbook.

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
        **_onet_paths(session(ctx)),
        **_bls_paths(),
    }
    from careercli.presenters.views_setup import PathsView

    session(ctx).present(PathsView(items))


def _bls_paths() -> dict[str, str]:
    """Where BLS imports live and the release of each ("none" when the bundled figures are in use)."""
    import os

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
