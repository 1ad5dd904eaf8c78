"""``career compare``, ``career gap``, ``career path`` and ``career suggest``: from here to the next role."""

from __future__ import annotations

from typing import Annotated

import typer

from careercli.cli import complete
from careercli.cli.common import (
    JsonOption,
    LimitOption,
    catalog,
    console,
    lines,
    listing_as_lines,
    print_json,
    profile,
    render,
    say,
)

HaveOption = Annotated[
    str | None,
    typer.Option("--have", help="Comma-separated skills to use instead of your profile's, e.g. python,sql,git."),
]

NO_SKILLS = (
    "You have not recorded any skills yet, so there is nothing to measure.\n"
    "Add yours with 'career skills add python sql git', or pass --have python,sql,git."
)


def _have(have: str | None) -> tuple[list[str], bool]:
    """The skill ids to use: --have (resolved like everywhere) or the profile's; and whether any were given."""
    from careercli.queries.resolve import resolve_skill

    if have is not None:
        names = [part.strip() for part in have.split(",") if part.strip()]
        if not names:
            raise typer.BadParameter("give at least one skill, e.g. --have python,sql", param_hint="'--have'")
        return [resolve_skill(catalog(), name).id for name in names], True
    mine = profile()
    return list(mine.skills), bool(mine.skills)


def compare(
    roles: Annotated[
        list[str],
        typer.Argument(metavar="ROLE", help="Two or three roles (slugs or names).", autocompletion=complete.roles),
    ],
    as_json: JsonOption = False,
) -> None:
    """Compare two or three roles side by side: skills they share and their own, challenges, next roles, books.

    Examples:

        career compare backend-developer frontend-developer

        career compare data-engineer data-scientist machine-learning-engineer --json
    """
    from careercli.queries.compare import compare as query
    from careercli.queries.resolve import resolve_role

    cat = catalog()
    if not 2 <= len(roles) <= 3:
        raise typer.BadParameter("give two or three roles", param_hint="'ROLES'")
    result = query(cat, [resolve_role(cat, r) for r in roles])
    if as_json:
        from careercli.presenters import jsonout

        print_json(jsonout.envelope("compare", jsonout.comparison(result)))
        return
    from careercli.presenters.terminal import comparison_view

    render(comparison_view(result, cat))


def gap(
    role: Annotated[
        str,
        typer.Argument(
            metavar="ROLE", help="The role you are aiming for (slug or name).", autocompletion=complete.roles
        ),
    ],
    have: HaveOption = None,
    as_json: JsonOption = False,
) -> None:
    """Your skills against a role's key skills: coverage, what is missing, and a learning plan with books.

    The plan puts prerequisites first, then skills more of your bookmarked roles need.

    Examples:

        career gap backend-developer

        career gap data-engineer --have python,sql,git --json
    """
    from careercli.queries.gap import role_gap
    from careercli.queries.resolve import resolve_role

    cat = catalog()
    found = resolve_role(cat, role)
    skills, given = _have(have)
    if not given:
        say(NO_SKILLS)
        return
    marks = [b.role for b in profile().bookmarks] if have is None else []
    result = role_gap(cat, found, skills, marks)
    if as_json:
        from careercli.presenters import jsonout

        print_json(jsonout.envelope("gap", jsonout.gap(result, cat)))
        return
    from careercli.presenters.terminal import gap_view

    render(gap_view(result, cat))


def path(
    role: Annotated[str, typer.Argument(metavar="ROLE", help="Role slug or name.", autocompletion=complete.roles)],
    depth: Annotated[int, typer.Option("--depth", "-d", min=1, max=6, help="How many steps ahead to follow.")] = 3,
    as_json: JsonOption = False,
) -> None:
    """Where a role leads (as a tree of next roles) and where people come from, with the skills each step adds.

    Examples:

        career path backend-developer

        career path qa-engineer --depth 2 --json
    """
    from careercli.queries.paths import career_path
    from careercli.queries.resolve import resolve_role

    cat = catalog()
    result = career_path(cat, resolve_role(cat, role), depth)
    if as_json:
        from careercli.presenters import jsonout

        print_json(jsonout.envelope("path", jsonout.career_path(result, cat)))
        return
    from careercli.presenters.terminal import path_view

    render(path_view(result, cat))


def suggest(have: HaveOption = None, limit: LimitOption = 10, as_json: JsonOption = False) -> None:
    """What could I become next? Every role ranked by how much of it your skills already cover.

    Examples:

        career suggest

        career suggest --have python,sql,git --limit 5
    """
    from careercli.queries.gap import suggest_roles

    skills, given = _have(have)
    if not given:
        say(NO_SKILLS)
        return
    marks = [b.role for b in profile().bookmarks] if have is None else []
    found = suggest_roles(catalog(), skills, marks)
    shown = found if limit == 0 else found[:limit]
    if as_json:
        from careercli.presenters import jsonout

        print_json(jsonout.envelope("suggestions", [jsonout.suggestion(s, catalog()) for s in shown]))
        return
    if listing_as_lines():
        lines((s.role, f"{s.coverage:.0%}", ",".join(s.have), ",".join(s.missing)) for s in shown)
        return
    from careercli.presenters.terminal import suggestions_table

    render(suggestions_table(shown, catalog(), width=console().width))
