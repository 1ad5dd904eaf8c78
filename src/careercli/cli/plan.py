"""``career compare``, ``career gap``, ``career path`` and ``career suggest``: from here to the next role."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from careercli.cli import complete
from careercli.cli.common import (
    JsonOption,
    LimitOption,
    catalog,
    lines,
    listing_as_lines,
    print_json,
    profile,
    render,
    say,
)

if TYPE_CHECKING:
    from careercli.model import Catalog
    from careercli.queries.gap import Gap

HaveOption = Annotated[
    str | None,
    typer.Option("--have", help="Comma-separated skills to use instead of your profile's, e.g. python,sql,git."),
]

NO_SKILLS = (
    "You have not recorded any skills yet, so there is nothing to measure.\n"
    "Add yours with 'career skills add python sql git', or pass --have python,sql,git."
)


def _have(have: str | None) -> tuple[list[str], bool]:
    """The skill ids to use: --have (resolved like everywhere; "" means none) or the profile's; and whether any
    were given."""
    from careercli.queries.resolve import resolve_skill

    if have is not None:
        names = [part.strip() for part in have.split(",") if part.strip()]
        return [resolve_skill(catalog(), name).id for name in names], bool(names)
    mine = profile()
    return list(mine.skills), bool(mine.skills)


def _gap(role: str, have: str | None) -> tuple[Catalog, Gap, bool]:
    from careercli.queries.gap import role_gap
    from careercli.queries.resolve import resolve_role

    cat = catalog()
    found = resolve_role(cat, role)
    skills, given = _have(have)
    marks = [b.role for b in profile().bookmarks] if have is None else []
    return cat, role_gap(cat, found, skills, marks), not given


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

    A group such as "one server-side language" counts once. The plan puts prerequisites first, then skills
    more of your bookmarked roles need; each step's books are ranked by fit: books that teach the skill, then
    the role's canonical books, then the newest. With no skills recorded it shows the whole plan at 0%.

    Examples:

        career gap backend-developer --have python,sql,git

        career gap site-reliability-engineer --have "" --json
    """
    from careercli.presenters import jsonout
    from careercli.presenters import plan as present

    cat, result, none = _gap(role, have)
    if as_json:
        print_json(jsonout.envelope("gap", present.gap_json(result, cat)))
        return
    render(present.gap_view(result, cat, no_skills=none))


def plan(
    role: Annotated[
        str,
        typer.Argument(
            metavar="ROLE", help="The role you are aiming for (slug or name).", autocompletion=complete.roles
        ),
    ],
    have: HaveOption = None,
    as_json: JsonOption = False,
) -> None:
    """A learning plan for a role: the ordered steps, one first book each, and why each step is where it is.

    Examples:

        career plan platform-engineer

        career plan backend-developer --have python,sql --json
    """
    from careercli.presenters import jsonout
    from careercli.presenters import plan as present

    cat, result, none = _gap(role, have)
    if as_json:
        print_json(jsonout.envelope("plan", present.gap_json(result, cat)))
        return
    render(present.plan_view(result, cat, no_skills=none))


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


def suggest(
    have: HaveOption = None,
    limit: LimitOption = 10,
    why: Annotated[
        str | None,
        typer.Option(
            "--why", metavar="ROLE", help="Explain one role's score skill by skill.", autocompletion=complete.roles
        ),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """What could I become next? Every role ranked by how much of it your skills already cover.

    The score weighs core skills over generic ones (git, debugging and the like count a quarter), and a
    group such as "one server-side language" counts once.

    Examples:

        career suggest --have python,sql,git --limit 5

        career suggest --have python,sql,git --why backend-developer
    """
    from careercli.presenters import jsonout
    from careercli.presenters import plan as present
    from careercli.queries.gap import explain_score, suggest_roles, weighted_score

    skills, given = _have(have)
    if not given:
        say(NO_SKILLS)
        return
    cat = catalog()
    if why is not None:
        from careercli.queries.resolve import resolve_role

        role = resolve_role(cat, why)
        explained = explain_score(cat, role, skills)
        if as_json:
            print_json(jsonout.envelope("why", present.why_json(role.slug, weighted_score(explained), explained)))
            return
        render(present.why_view(role.slug, weighted_score(explained), explained, cat))
        return
    marks = [b.role for b in profile().bookmarks] if have is None else []
    found = suggest_roles(cat, skills, marks)
    shown = found if limit == 0 else found[:limit]
    if as_json:
        print_json(jsonout.envelope("suggestions", [present.suggestion_json(s, cat) for s in shown]))
        return
    if listing_as_lines():
        lines((s.role, f"{s.score:.0%}", ",".join(s.have), ",".join(s.missing)) for s in shown)
        return
    render(present.suggestions_table(shown, cat))
