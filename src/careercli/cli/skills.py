"""``career skills``: the skills the user has, which ``gap``, ``plan`` and ``suggest`` measure against."""

from __future__ import annotations

from typing import Annotated

import typer

from careercli.cli import complete
from careercli.cli.common import JsonOption, catalog, lines, listing_as_lines, print_json, profile, render, say, store
from careercli.cli.lazy import CareerCommand, CareerSubGroup
from careercli.errors import CareerError, NotFoundError

app = typer.Typer(
    cls=CareerSubGroup,
    help="Record the skills you have, to see your gap to any role.\n\nExamples:\n\n"
    "career skills add python sql git\n\ncareer skills list",
    no_args_is_help=True,
)


def _say(message: str) -> None:
    from careercli.presenters.text import visible

    say(visible(message))


@app.command("add", cls=CareerCommand)
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


@app.command("remove", cls=CareerCommand)
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


@app.command("list", cls=CareerCommand)
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
