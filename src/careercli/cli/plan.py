"""``career compare``, ``career gap``, ``career plan``, ``career path`` and ``career suggest``: from here to the
next role."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer

from careercli.cli import complete
from careercli.cli.options import LimitOption, StateOption
from careercli.cli.session import Session, session

if TYPE_CHECKING:
    from collections.abc import Iterable

    from careercli.model import Catalog, Role
    from careercli.presenters.views import View
    from careercli.queries.gap import Leanings

HaveOption = Annotated[
    str | None,
    typer.Option(
        "--have", metavar="SKILLS", help="Comma-separated skills to use instead of your profile's, e.g. python,sql,git."
    ),
]
RoleWords = Annotated[
    list[str],
    typer.Argument(
        metavar="ROLE...",
        help="The role you are aiming for (slug or name, quoted or not) or an O*NET occupation.",
        autocompletion=complete.occupations,
    ),
]

NO_SKILLS = (
    "You have not recorded any skills yet, so there is nothing to measure.\n"
    "Add yours with 'career skills add python sql git', or pass --have python,sql,git."
)


def _have(run: Session, have: str | None) -> tuple[list[str], bool]:
    """The skill ids to use: --have (resolved like everywhere; "" means none) or the profile's; and whether any
    were given."""
    from careercli.queries.resolve import resolve_skill

    if have is not None:
        names = [part.strip() for part in have.split(",") if part.strip()]
        return [resolve_skill(run.catalog(), name).id for name in names], bool(names)
    mine = run.profile()
    return list(mine.skills), bool(mine.skills)


def _role_like(run: Session, query: str, measured: bool = False) -> tuple[Catalog, Role]:
    """A curated role or an O*NET occupation as a role, and the catalog that names it; ``measured``: refuse an
    occupation the catalogue cannot measure."""
    from careercli.queries.lookup import role_like, with_roles

    cat = run.catalog()
    found = role_like(cat, query, run.onet, measured)
    return (cat if found.slug in cat.roles else with_roles(cat, {found.slug: found})), found


def _credited(view: View, roles: list[Role]) -> View:
    """The view with the O*NET credit line when one of ``roles`` is an occupation (its ``source`` names the
    release)."""
    found = next((r for r in roles if r.category == "occupation" and r.source.startswith("O*NET")), None)
    if found is None:
        return view
    from careercli.onet.release import credit
    from careercli.presenters.onet_views import Credited

    return Credited(view, credit(found.source.removeprefix("O*NET").strip()))


def _labour(roles: Iterable[Role], state: str | None = None) -> dict[str, tuple[Any, Any]]:
    """BLS (pay, outlook) of each role linked to an occupation code (an occupation links to itself), by slug."""
    linked = {r.slug: r.onet for r in roles if r.onet and r.onet != "none"}
    if not linked:
        return {}
    from careercli.bls import facts

    found = facts.labour_for(set(linked.values()), state)
    return {slug: found[code] for slug, code in linked.items()}


def _gap(run: Session, role: list[str], have: str | None, as_plan: bool) -> View:
    from careercli.presenters.views import GapView
    from careercli.queries.gap import role_gap

    cat, found = _role_like(run, " ".join(role), measured=True)
    skills, given = _have(run, have)
    marks = [b.role for b in run.profile().bookmarks] if have is None else []
    labour = _labour([found]).get(found.slug)
    view = GapView(role_gap(cat, found, skills, marks), cat, no_skills=not given, as_plan=as_plan, labour=labour)
    return _credited(view, [found])


def compare(
    ctx: typer.Context,
    roles: Annotated[
        list[str],
        typer.Argument(
            metavar="ROLE...",
            help="Two or three roles (slugs or names) or O*NET occupation codes.",
            autocompletion=complete.occupations,
        ),
    ],
    state: StateOption = None,
) -> None:
    """Compare two or three roles side by side: pay and outlook (BLS), skills they share and their own,
    challenges, next roles, books. --state CA compares the pay of a state (after importing a state workbook).

    Examples:

        career compare backend-developer frontend-developer

        career compare data-engineer data-scientist machine-learning-engineer --json

        career compare backend-developer 15-1252.00
    """
    from careercli.presenters.views import CompareView
    from careercli.queries.compare import compare as query
    from careercli.queries.lookup import role_like, with_roles

    run = session(ctx)
    cat = run.catalog()
    if not 2 <= len(roles) <= 3:
        raise typer.BadParameter("give two or three roles", param_hint="'ROLE...'")
    from careercli.bls.facts import checked_state

    where = checked_state(state)
    found = [role_like(cat, r, run.onet) for r in roles]
    cat = with_roles(cat, {r.slug: r for r in found if r.slug not in cat.roles})
    run.present(_credited(CompareView(query(cat, found), cat, _labour(found, where), where), found))


def gap(ctx: typer.Context, role: RoleWords, have: HaveOption = None) -> None:
    """Your skills against a role's key skills: coverage, what is missing, and a learning plan with books.

    A group such as "one server-side language" counts once. For an O*NET occupation, the key skills are
    those its hot and in-demand technologies name; one too few of whose technologies map (under 5, or
    under a fifth) cannot be measured. The plan follows the skill graph: each step comes after
    what it builds on (adding foundations you lack, such as HTML before JavaScript), then skills more of
    your bookmarked roles need come first, then the role's own order. Each step's books are ranked by fit:
    books that teach the skill, then the role's canonical books, then the newest. With no skills recorded
    it shows the whole plan at 0%.

    Examples:

        career gap backend-developer --have python,sql,git

        career gap site reliability engineer --have ""

        career gap 15-1252.00 --have python --json

    'career plan ROLE' prints the same plan as numbered steps, one first book each.
    """
    run = session(ctx)
    run.present(_gap(run, role, have, as_plan=False))


def plan(ctx: typer.Context, role: RoleWords, have: HaveOption = None) -> None:
    """A learning plan for a role: the ordered steps, one first book each, and why each step is where it is.

    Examples:

        career plan platform-engineer

        career plan site reliability engineer --have ""

        career plan backend-developer --have python,sql --json
    """
    run = session(ctx)
    run.present(_gap(run, role, have, as_plan=True))


def path(
    ctx: typer.Context,
    role: Annotated[
        list[str],
        typer.Argument(metavar="ROLE...", help="Role slug or name, quoted or not.", autocompletion=complete.roles),
    ],
    depth: Annotated[
        int, typer.Option("--depth", "-d", metavar="N", min=1, max=6, help="How many steps ahead to follow.")
    ] = 3,
) -> None:
    """Where a role leads (as a tree of next roles) and where people come from, with the skills each step adds.

    Examples:

        career path backend-developer

        career path qa engineer --depth 2 --json
    """
    from careercli.presenters.views import PathView
    from careercli.queries.progression import career_path
    from careercli.queries.resolve import resolve_role

    run = session(ctx)
    cat = run.catalog()
    run.present(PathView(career_path(cat, resolve_role(cat, " ".join(role)), depth), cat))


def suggest(
    ctx: typer.Context,
    have: HaveOption = None,
    limit: LimitOption = 10,
    why: Annotated[
        str | None,
        typer.Option(
            "--why",
            metavar="ROLE",
            help="Explain one role's score: each part, then skill by skill.",
            autocompletion=complete.roles,
        ),
    ] = None,
) -> None:
    """What could I become next? Roles and occupations ranked by your skills, the usual moves and your interests.

    The score is a weighted mean of four parts, each from 0 to 1:

    skills 0.5: the share of the role's key skills you have (git, debugging and the like count a quarter; a
    group such as "one server-side language" counts once).

    path 0.35: the higher of that share and your share of a role the catalogue lists this one as a next step
    of (back-end developer leads to data engineer).

    interests 0.1: the interest fit of the role's O*NET occupation to your saved 'career discover' answers.

    preparation 0.05: 1 when the occupation's job zone is one you accepted there, 0.5 one zone away, else 0.

    Without saved answers, or for a role with no occupation profile, interests and preparation are left out
    and the other parts share their weight.

    O*NET occupations no curated role links to are ranked with the roles: their key skills are the careercli
    skills their hot technologies name (a technology careercli has no skill for counts as not had), and their
    path part is their skills part. An occupation whose skills careercli cannot measure is scored by its
    interests and preparation parts alone, at their own weights. The list marks each occupation.

    Examples:

        career suggest --have python,sql,git --limit 5

        career suggest --have python,sql,git --why backend-developer

        career suggest --why data-engineer
    """
    from careercli.presenters.views import SuggestionsView, WhyView
    from careercli.queries.gap import explain_score, mix, mix_parts, path_share, rank_roles, weighted_score
    from careercli.records import replace

    run = session(ctx)
    skills, given = _have(run, have)
    if not given:
        run.say(NO_SKILLS)
        return
    cat = run.catalog()
    if why is not None:
        cat, role = _role_like(run, why)
        code = role.onet or role.slug  # an occupation as a role: its slug is its code
        explained = explain_score(cat, role, skills)
        if role.category == "occupation":  # scored as the ranking scores it (queries.suggest_occupations)
            from careercli.queries.suggest_occupations import rank

            db = run.onet()
            found = [c for c in _unlinked_occupations(cat, db, linked=()) if c.code == role.slug]
            if found:
                item = rank(found, skills, _leanings(run, {code}))[0]
                lines = explained if item.measured else ()
                run.present(_credited(WhyView(role.slug, item.score, lines, cat, item.parts), [role]))
                return
        step, via = path_share(cat, role, skills)
        parts = mix_parts(weighted_score(explained), step, code, _leanings(run, {code}))
        parts = tuple(replace(p, via=via) if p.name == "path" else p for p in parts)
        run.present(_credited(WhyView(role.slug, mix(parts), explained, cat, parts), [role]))
        return
    marks = [b.role for b in run.profile().bookmarks] if have is None else []
    db = run.onet()
    others = _unlinked_occupations(cat, db)
    codes = {r.onet for r in cat.roles.values()} | {o.code for o in others} if run.profile().discover else set()
    leanings = _leanings(run, codes)
    found, total = rank_roles(cat, skills, marks, limit, leanings)
    if others:
        from careercli.queries.lookup import with_roles
        from careercli.queries.occupations import version
        from careercli.queries.suggest_occupations import merged, rank, role_of

        found = merged(found, rank(others, skills, leanings), limit)
        total += len(others)
        shown = {s.role for s in found if s.kind == "occupation"}
        release = version(db)  # type: ignore[arg-type]
        cat = with_roles(cat, {o.code: role_of(o, release) for o in others if o.code in shown})  # type: ignore[misc]
    labour = _labour(cat.roles[s.role] for s in found)
    view = SuggestionsView(found, cat, labour).limited(total, limit)
    run.present(_credited(view, [cat.roles[s.role] for s in found]))


def _unlinked_occupations(cat: Catalog, db: Any, linked: Iterable[str] | None = None) -> list[Any]:
    """The occupations of the O*NET data that no curated role links to (``linked``: other codes to leave out),
    with their key skills (none without data)."""
    if db is None:
        return []
    from careercli.queries.lookup import linked_roles, skill_names
    from careercli.queries.occupations import skill_index
    from careercli.queries.suggest_occupations import candidates

    return candidates(db, skill_index(skill_names(cat)), linked_roles(cat) if linked is None else linked)


def _leanings(run: Session, codes: set[str]) -> Leanings | None:
    """The interest fit and job zone the saved ``career discover`` answers give the occupations ``codes`` (None
    without saved answers: those parts of the mix are left out)."""
    answers = run.profile().discover
    if answers is None:
        return None
    from careercli.onet.profiles import bundled_some
    from careercli.queries.discover import leanings

    wanted = codes - {"", "none"}
    return leanings(answers.scores, answers.zones, bundled_some(wanted), wanted)
