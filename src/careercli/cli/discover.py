"""``career discover``: which occupations suit me, by interests, job zone, pay and (optionally) recorded skills."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated

import typer

from careercli.cli.options import LimitOption
from careercli.cli.session import Session, session
from careercli.errors import CareerError, UsageError

if TYPE_CHECKING:
    from collections.abc import Callable

    from rich.console import Console

    from careercli.profile import Answers

NO_ANSWERS = (
    "no interests to rank by: give --interests (up to three RIASEC letters, e.g. IC) or "
    "--scores R=5,I=7,A=2,S=1,E=3,C=6"
)


def discover(
    ctx: typer.Context,
    interests: Annotated[
        str | None,
        typer.Option(
            "--interests",
            "-i",
            metavar="LETTERS",
            help="Up to three RIASEC letters, most appealing first (IC: Investigative, then Conventional).",
        ),
    ] = None,
    scores: Annotated[
        str | None,
        typer.Option(
            "--scores", metavar="R=N,...", help="How much each area appeals, 0 to 10: R=2,I=9,A=3,S=1,E=4,C=8."
        ),
    ] = None,
    zone: Annotated[
        str | None,
        typer.Option("--zone", "-z", metavar="ZONES", help="Acceptable job zones: 4, 3-4 or 2,4 (default: all)."),
    ] = None,
    min_pay: Annotated[
        int | None,
        typer.Option(
            "--min-pay",
            metavar="DOLLARS",
            min=0,
            max=10_000_000,
            help="Leave out occupations whose median annual pay is lower (0: no minimum).",
        ),
    ] = None,
    skills: Annotated[
        bool | None,
        typer.Option("--skills/--no-skills", help="Weigh the skills you have recorded, or not.", show_default=False),
    ] = None,
    limit: LimitOption = 20,
    why: Annotated[
        str | None,
        typer.Option("--why", metavar="CODE", help="Explain one occupation's rank (an O*NET code or a role)."),
    ] = None,
    reset: Annotated[bool, typer.Option("--reset", help="Forget your saved answers.")] = False,
) -> None:
    """Which careers suit me? Occupations ranked by how well they fit your interests, with pay and outlook.

    On a terminal with no answers given or saved, it asks: how much each of the six interest areas (Realistic,
    Investigative, Artistic, Social, Enterprising, Conventional) appeals, which job zones (levels of
    preparation) are acceptable, a minimum pay and whether to weigh your recorded skills. In a script, give
    the answers as options. They are saved in your profile and used until you answer again (--interests or
    --scores replace them; --reset forgets them).

    The method is the one of My Next Move and the O*NET Interest Profiler: fit is the correlation of your six
    scores with each occupation's O*NET interest profile, times 100 (100: the same shape). With --skills, the
    score adds up to 20 points for how much of the best linked curated role's key skills you have. This is
    exploration, not an assessment.

    Examples:

        career discover --interests IC --zone 4

        career discover --scores R=2,I=9,A=3,S=1,E=4,C=8 --zone 3-4 --min-pay 90000

        career discover --why 15-2051.00

        career discover --json --limit 5
    """
    run = session(ctx)
    run.mode()  # a usage error (--json with --format markdown) before any question
    if interests is not None and scores is not None:
        raise UsageError("give --interests or --scores, not both")
    if reset:
        if any(v is not None for v in (interests, scores, zone, min_pay, skills, why)):
            raise UsageError("--reset forgets the saved answers; give it alone")
        _save(run, None)
        run.say("Forgot your discover answers.")
        return
    mine = run.profile()
    saved = mine.discover
    answers = _answers(saved, interests, scores, zone, min_pay, skills)
    if answers is None:
        if not _stdin_is_terminal():
            raise UsageError(NO_ANSWERS)
        answers = _ask(run, bool(mine.skills))
    code = None if why is None else _code_of(run, why)  # a wrong --why saves nothing
    if answers != saved:
        _save(run, answers)
    _show(run, answers, bool(mine.skills), limit, code)


def _stdin_is_terminal() -> bool:
    try:
        return sys.stdin is not None and sys.stdin.isatty()
    except (AttributeError, ValueError):
        return False


def _answers(saved: Answers | None, interests: str | None, scores: str | None, zone: str | None,
             min_pay: float | None, skills: bool | None) -> Answers | None:  # fmt: skip
    """The saved answers with those given on the command line in their place; None when there are no scores."""
    from careercli.profile import ZONES, Answers
    from careercli.queries.discover import flat, scores_from_letters, scores_from_pairs, zones_from

    person = (scores_from_letters(interests) if interests is not None
              else scores_from_pairs(scores) if scores is not None else None)  # fmt: skip
    zones = zones_from(zone) if zone is not None else None
    if person is not None and flat(person):
        raise UsageError("--scores rates every area the same: give some areas more than others")
    if person is None:
        if saved is None:
            if zones is not None or min_pay is not None or skills is not None:
                raise UsageError(NO_ANSWERS)
            return None
        person = saved.scores
    base = saved or Answers(person)
    pay = base.min_pay if min_pay is None else (min_pay or None)
    return Answers(person, zones or base.zones or ZONES, pay, base.skills if skills is None else skills)


def _save(run: Session, answers: Answers | None) -> None:
    from careercli.profile import with_answers

    run.store().update(lambda profile: with_answers(profile, answers))


# -- the questions ----------------------------------------------------------------------------------------------
def _ask(run: Session, has_skills: bool) -> Answers:
    """The answers, asked with Rich prompts on the terminal (on stderr when stdout is piped)."""
    from careercli.onet.profiles import AREAS
    from careercli.presenters.interests import EXAMPLES, MEANING
    from careercli.profile import Answers
    from careercli.queries.discover import flat, zones_from

    console = run.console(stderr=not run.is_terminal())
    console.print("[bold]Which careers suit you?[/] Six questions about your interests, then three about the work.")
    console.print("Exploration, not an assessment: answer for what you would enjoy, not what you are trained for.\n")
    try:
        person = []
        for area in AREAS:
            console.print(f"[bold]{area}[/]: {MEANING[area]}, e.g. {EXAMPLES[area]}")
            person.append(float(_number(console, f"  How much does {area} work appeal to you (0-10)?", 0, 10)))
        if flat(person):
            console.print("You rated every area the same: there is no shape to match, so the last counts a bit more.")
            person[-1] = min(10.0, person[-1] + 1) if person[-1] < 10 else person[-1] - 1
        console.print("\n[bold]Job zones[/] (how much preparation an occupation needs):")
        for number, text in _zone_lines(run):
            console.print(f"  {number}  {text}")
        zones = _valid(console, "Acceptable job zones (4, 3-4 or 2,4)", "1-5", zones_from)
        pay = _number(console, "Minimum median pay per year in dollars (0: any)", 0, 10_000_000, default="0")
        weigh = False
        if has_skills:
            from rich.prompt import Confirm

            weigh = Confirm.ask("Weigh the skills you have recorded?", console=console, default=True)
    except (EOFError, KeyboardInterrupt):
        console.print()
        raise CareerError("stopped before the last question: nothing was saved") from None
    console.print()
    return Answers(tuple(person), zones, float(pay) or None, weigh)


def _zone_lines(run: Session) -> list[tuple[int, str]]:
    """Each job zone's name and typical education, from the O*NET data."""
    db = run.onet()
    if db is None:
        return []
    from careercli.queries.occupations import job_zones

    lines = []
    for zone in job_zones(db):
        name = zone.name.split(":", 1)[-1].strip() or zone.name
        lines.append((zone.zone, f"{name}: {zone.education}"))
    return lines


def _valid(console: Console, question: str, default: str, read: Callable[[str], tuple[int, ...]]) -> tuple[int, ...]:
    from rich.prompt import Prompt

    while True:
        answer = Prompt.ask(question, console=console, default=default)
        try:
            return read(answer)
        except UsageError:
            console.print("[red]Please give zones from 1 to 5, such as 4, 3-4 or 2,4.[/]")


def _number(console: Console, question: str, low: float, high: float, default: str | None = None) -> float:
    from rich.prompt import Prompt

    while True:
        answer = Prompt.ask(question, console=console, default=default) if default is not None else Prompt.ask(
            question, console=console)  # fmt: skip
        try:
            value = float(answer.strip().replace(",", "").lstrip("$"))
        except ValueError:
            value = -1.0
        if low <= value <= high and value == value:
            return value
        console.print(f"[red]Please give a number from {low:g} to {high:g}.[/]")


# -- the results ----------------------------------------------------------------------------------------------------
def _show(run: Session, answers: Answers, has_skills: bool, limit: int, why: str | None) -> None:
    from careercli.bls import facts
    from careercli.onet.profiles import bundled
    from careercli.presenters.discover import DiscoverView
    from careercli.queries.discover import discover
    from careercli.queries.lookup import linked_roles

    cat = run.catalog()
    linked = linked_roles(cat)
    coverage = None
    if answers.skills:
        if has_skills:
            coverage = _coverage(run)
        else:
            run.note("You have recorded no skills, so only your interests count ('career skills add python sql').")
    oews, projections = facts.oews_table(), facts.projections_table()
    profiles = bundled()
    if why is not None:
        _why(run, why, answers, profiles, linked, coverage, oews, projections)
        return
    found = discover(answers.scores, profiles, answers.zones, linked, lambda c: facts.pay_for(c, table=oews),
                     lambda c: facts.outlook_for(c, projections), answers.min_pay, coverage, limit)  # fmt: skip
    run.present(DiscoverView(found, answers, coverage is not None).limited(found.total, limit))


def _coverage(run: Session) -> dict[str, float]:
    """Each curated role's weighted coverage by the user's skills (the score ``career suggest`` shows)."""
    from careercli.queries.gap import explain_score, weighted_score

    cat = run.catalog()
    have = set(run.profile().skills)
    return {slug: weighted_score(explain_score(cat, role, have)) for slug, role in cat.roles.items()}


def _why(run: Session, code: str, answers: Answers, profiles: list, linked: dict, coverage: dict | None,
         oews: object, projections: object) -> None:  # fmt: skip
    from careercli.bls import facts
    from careercli.errors import NotFoundError
    from careercli.presenters.discover import DiscoverWhyView
    from careercli.queries.discover import discover, explain

    profile = next(p for p in profiles if p.code == code)
    in_zones = profile.job_zone is None or profile.job_zone in answers.zones
    ranked = discover(answers.scores, profiles, answers.zones if in_zones else None, linked,
                      lambda c: facts.pay_for(c, table=oews), lambda c: facts.outlook_for(c, projections),  # type: ignore[arg-type]
                      None, coverage, 0)  # fmt: skip
    result = next((r for r in ranked.results if r.match.profile.code == code), None)
    if result is None:  # pragma: no cover - every profile is in an unfiltered ranking
        raise NotFoundError(f"no occupation {code} in the interest profiles")
    parts = None if profile.interests is None else explain(answers.scores, profile.interests)
    names = {number: text.split(":", 1)[0] for number, text in _zone_lines(run)}
    run.present(DiscoverWhyView(result, parts, answers, in_zones, names))


def _code_of(run: Session, query: str) -> str:
    """The occupation code ``--why`` names: a code (``15-1252.00`` or ``15-1252``) or a curated role's occupation."""
    from careercli.errors import NotFoundError
    from careercli.onet.profiles import bundled

    codes = {p.code for p in bundled()}
    text = query.strip()
    for candidate in (text, f"{text}.00"):
        if candidate in codes:
            return candidate
    from careercli.queries.resolve import resolve_role

    try:
        role = resolve_role(run.catalog(), text)
    except NotFoundError:
        raise NotFoundError(
            f"--why takes an O*NET code (such as 15-1252.00) or a role; '{text[:40]}' is neither"
        ) from None
    if role.onet in codes:
        return role.onet
    raise NotFoundError(f"{role.slug} links to no O*NET occupation, so it has no interest profile")
