"""``career skills``: the skills the user has, which ``gap``, ``plan`` and ``suggest`` measure against."""

from __future__ import annotations

from typing import Annotated

import typer

from careercli.cli import complete
from careercli.cli.lazy import CareerCommand, CareerSubGroup
from careercli.cli.session import session
from careercli.errors import CareerError, NotFoundError

app = typer.Typer(
    cls=CareerSubGroup,
    help="Record the skills you have, to see your gap to any role.\n\nExamples:\n\n"
    "career skills add python sql git\n\ncareer skills list",
    no_args_is_help=True,
)


@app.command("add", cls=CareerCommand)
def skills_add(
    ctx: typer.Context,
    skills: Annotated[
        list[str], typer.Argument(metavar="SKILL...", help="Skill ids or names.", autocompletion=complete.skills)
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

    run = session(ctx)
    known, unknown = [], []
    for name in skills:
        try:
            known.append(resolve_skill(run.catalog(), name).id)
        except NotFoundError as error:
            if not custom:
                sep = " Add" if error.message.endswith("?") else "; add"
                raise CareerError(f"{error.message}{sep} --custom to keep it as typed.") from None
            unknown.append(name.strip())
    run.store().update(lambda p: with_skills(p, known, unknown))
    names = [run.catalog().skill_name(s) for s in dict.fromkeys(known)]
    names += [f"{c} (custom)" for c in dict.fromkeys(unknown)]
    run.tell("Recorded: " + ", ".join(names) + ".")


@app.command("remove", cls=CareerCommand)
def skills_remove(
    ctx: typer.Context,
    skills: Annotated[
        list[str], typer.Argument(metavar="SKILL...", help="Skill ids or names.", autocompletion=complete.my_skills)
    ],
) -> None:
    """Remove skills from your profile.

    Example:

        career skills remove git
    """
    from careercli.profile import without_skills
    from careercli.queries.resolve import resolve_skill

    run = session(ctx)
    mine = run.profile()
    ids, custom = [], []
    for name in skills:
        if name in mine.custom_skills:
            custom.append(name)
            continue
        skill_id = name if name in mine.skills else resolve_skill(run.catalog(), name).id
        if skill_id not in mine.skills:
            raise NotFoundError(f"'{name}' is not among your skills; 'career skills list' shows them")
        ids.append(skill_id)
    run.store().update(lambda p: without_skills(p, ids, custom))
    run.tell("Removed: " + ", ".join([run.catalog().skill_name(s) for s in ids] + custom) + ".")


@app.command("list", cls=CareerCommand)
def skills_list(ctx: typer.Context) -> None:
    """List the skills you have recorded.

    Examples:

        career skills list

        career skills list --json
    """
    from careercli.presenters.views import SkillsView

    run = session(ctx)
    run.present(SkillsView(run.profile(), run.catalog()))
