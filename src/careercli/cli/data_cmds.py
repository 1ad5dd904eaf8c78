"""``career data``: check a data pack before you drop it into the packs folder; import or remove O*NET."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from careercli.cli.lazy import CareerCommand, CareerSubGroup
from careercli.cli.session import session
from careercli.errors import CareerError, DataError

app = typer.Typer(
    cls=CareerSubGroup,
    help="Your own data packs: roles, skills and books in the bundled schema; O*NET and BLS imports.\n\nExamples:\n\n"
    "career data validate my-team.toml\n\ncareer data import-onet db_29_2_text.zip",
    no_args_is_help=True,
)


@app.command("validate", cls=CareerCommand)
def validate(
    ctx: typer.Context,
    files: Annotated[list[str], typer.Argument(metavar="FILE...", help="Pack files (TOML) to check.")],
) -> None:
    """Check pack files against the bundled schema; report every problem with file, line and field.

    Each file is checked together with the bundled data and your installed packs, so its references to their
    roles and skills resolve.

    Examples:

        career data validate my-team.toml

        career data validate packs/*.toml
    """
    import tomllib

    from careercli.catalogue.build import Source, build_catalog, catalog_sources
    from careercli.presenters.text import count, visible

    run = session(ctx)
    installed = catalog_sources()
    failed = 0
    # file names arrive as text: Typer's Path type calls os.stat, which fails on a NUL in the name
    for name in files:
        if "\x00" in name:
            raise CareerError(f"{visible(name)!r} is not a valid file name")
        file = Path(name)
        target = file.expanduser()
        try:
            resolved = target.resolve() if target.exists() else target
        except OSError:  # a name the system refuses (too long, ...): reading it will say so
            resolved = target
        context = [s for s in installed if Path(s.path).resolve() != resolved]
        try:
            catalog = build_catalog([*context, Source(target, str(file), target.name)])
        except DataError as error:
            failed += 1
            for problem in error.problems:
                run.say(visible(problem))
            continue
        try:
            document = tomllib.loads(target.read_text("utf-8-sig"))  # a BOM is not data (as in parse)
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):  # pragma: no cover - build_catalog read it
            document = {}
        counts = ", ".join(count(len(document.get(kind, [])), kind) for kind in ("role", "skill", "book"))
        run.say(visible(f"{file}: ok ({counts}; {count(len(catalog.roles), 'role')} in the merged catalog)"))
    if failed:
        raise CareerError(f"{failed} of {count(len(files), 'file')} {'has' if failed == 1 else 'have'} problems")


@app.command("import-onet", cls=CareerCommand)
def import_onet(
    ctx: typer.Context,
    path: Annotated[
        str, typer.Argument(metavar="PATH", help="The O*NET text release: its zip (db_29_2_text.zip) or its folder.")
    ],
) -> None:
    """Import an O*NET text release, so that every occupation in it is part of your catalogue.

    Takes the zip that onetcenter.org publishes or the folder extracted from it, of any 2x/3x release. Only
    'Occupation Data.txt' is required; other missing files are named and skipped. Importing again replaces the
    earlier import; 'career data remove-onet' deletes it. 'career where' shows where it is kept.

    Examples:

        career data import-onet db_29_2_text.zip

        career data import-onet db_29_2_text
    """
    from careercli.onet import db as onet_db
    from careercli.onet.release import Release
    from careercli.presenters.text import visible

    if "\x00" in path:
        raise CareerError(f"{visible(path)!r} is not a valid file name")
    run = session(ctx)
    err = run.console(stderr=True)
    with Release(Path(path).expanduser()) as release:
        missing = release.missing()
        if missing:
            run.report(f"not in the release, skipped: {', '.join(missing)}")
        target = onet_db.user_db_path()
        if err.is_terminal:
            with err.status("Importing O*NET…") as status:

                def progress(name: str, done: int, total: int) -> None:
                    status.update(f"Importing O*NET {release.version}: {name} ({done + 1}/{total + 1})")

                summary = onet_db.build(release, target, progress)
        else:
            summary = onet_db.build(release, target)
    run.say(visible(summary.line()))


@app.command("remove-onet", cls=CareerCommand)
def remove_onet(ctx: typer.Context) -> None:
    """Delete your O*NET import; the occupations bundled with careercli stay.

    Example:

        career data remove-onet
    """
    from careercli.onet import db as onet_db

    run = session(ctx)
    target = onet_db.user_db_path()
    if not target.is_file():
        run.say("No O*NET import to remove; the bundled occupations are in use.")
        return
    try:
        target.unlink()
    except OSError as error:
        raise CareerError(f"cannot remove {target}: {error.strerror}") from None
    run.say(f"Removed the O*NET import ({target}); the bundled occupations are in use again.")


def _import_bls(ctx: typer.Context, path: str, what: str, projections: bool) -> None:
    from careercli.bls import workbook
    from careercli.presenters.text import visible

    if "\x00" in path:
        raise CareerError(f"{visible(path)!r} is not a valid file name")
    run = session(ctx)
    err = run.console(stderr=True)
    source = os.path.expanduser(path)
    read = workbook.read_projections if projections else workbook.read_oews
    if err.is_terminal:
        with err.status(f"Importing {what}…") as status:
            facts = read(source)
            status.update(f"Importing {what} {facts.meta.get('release', '')}: writing")
            workbook.install(facts)
    else:
        facts = read(source)
        workbook.install(facts)
    run.say(visible(workbook.summary(facts)))


@app.command("import-oews", cls=CareerCommand)
def import_oews(
    ctx: typer.Context,
    path: Annotated[
        str,
        typer.Argument(
            metavar="PATH", help="BLS's OEWS workbook (national_M2025_dl.xlsx, state_M2025_dl.xlsx) or its zip."
        ),
    ],
) -> None:
    """Import BLS wages (OEWS) of a newer release; its figures replace the bundled ones on every page.

    Takes the national workbook of any May release as bls.gov/oes publishes it (the .xlsx, or the oesm25nat.zip
    that holds it), or the state workbook (state_M2025_dl.xlsx, oesm25st.zip), which adds pay by state.
    Importing again replaces the earlier import of the same kind; 'career data remove-oews' deletes them.
    'career where' shows where they are kept.

    Examples:

        career data import-oews national_M2025_dl.xlsx

        career data import-oews oesm25nat.zip
    """
    _import_bls(ctx, path, "OEWS", projections=False)


@app.command("import-projections", cls=CareerCommand)
def import_projections(
    ctx: typer.Context,
    path: Annotated[
        str, typer.Argument(metavar="PATH", help="BLS's Employment Projections workbook (occupation.xlsx).")
    ],
) -> None:
    """Import BLS Employment Projections (Table 1.2 of occupation.xlsx); they replace the bundled outlook.

    Takes occupation.xlsx as bls.gov/emp publishes it, of any projection decade. Importing again replaces the
    earlier import; 'career data remove-projections' deletes it. 'career where' shows where it is kept.

    Example:

        career data import-projections occupation.xlsx
    """
    _import_bls(ctx, path, "Employment Projections", projections=True)


def _remove(ctx: typer.Context, names: tuple[str, ...], what: str) -> None:
    from careercli.bls.facts import user_file

    run = session(ctx)
    removed = []
    for name in names:
        target = user_file(name)
        if not os.path.isfile(target):
            continue
        try:
            os.unlink(target)
        except OSError as error:
            raise CareerError(f"cannot remove {target}: {error.strerror}") from None
        removed.append(target)
    if not removed:
        run.say(f"No {what} import to remove; the bundled figures are in use.")
        return
    run.say(f"Removed the {what} import ({', '.join(removed)}); the bundled figures are in use again.")


@app.command("remove-oews", cls=CareerCommand)
def remove_oews(ctx: typer.Context) -> None:
    """Delete your OEWS imports (national and by state); the wages bundled with careercli stay.

    Example:

        career data remove-oews
    """
    from careercli.bls.facts import OEWS_FILE, STATES_FILE

    _remove(ctx, (OEWS_FILE, STATES_FILE), "OEWS")


@app.command("remove-projections", cls=CareerCommand)
def remove_projections(ctx: typer.Context) -> None:
    """Delete your Employment Projections import; the outlook bundled with careercli stays.

    Example:

        career data remove-projections
    """
    from careercli.bls.facts import PROJECTIONS_FILE

    _remove(ctx, (PROJECTIONS_FILE,), "Employment Projections")
