"""``career data validate``: check a data pack before you drop it into the packs folder."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from careercli.cli.common import say
from careercli.errors import CareerError, DataError

data_app = typer.Typer(
    help="Your own data packs: roles, skills and books in the bundled schema.\n\nExample:\n\n"
    "career data validate my-team.toml",
    no_args_is_help=True,
)


@data_app.command("validate")
def validate(files: Annotated[list[str], typer.Argument(metavar="FILE", help="Pack files (TOML) to check.")]) -> None:
    """Check pack files against the bundled schema; report every problem with file, line and field.

    Each file is checked together with the bundled data and your installed packs, so its references to their
    roles and skills resolve.

    Examples:

        career data validate my-team.toml

        career data validate packs/*.toml
    """
    import tomllib

    from careercli.catalogue.build import Source, build_catalog, catalog_sources
    from careercli.presenters.text import visible

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
        context = [s for s in installed if s.path.resolve() != resolved]
        try:
            catalog = build_catalog([*context, Source(target, str(file), target.name)])
        except DataError as error:
            failed += 1
            for problem in error.problems:
                say(visible(problem))
            continue
        try:
            document = tomllib.loads(target.read_text("utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):  # pragma: no cover - build_catalog read it
            document = {}
        counts = ", ".join(f"{len(document.get(kind, []))} {kind}s" for kind in ("role", "skill", "book"))
        say(visible(f"{file}: ok ({counts}; {len(catalog.roles)} roles in the merged catalog)"))
    if failed:
        raise CareerError(f"{failed} of {len(files)} file(s) have problems")
