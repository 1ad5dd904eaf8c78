"""``career discover``: which occupations suit me, by interests, job zone, pay and (optionally) recorded skills.

The Typer declaration; what the command does is :mod:`careercli.cli.discovering`, which the direct path
(``careercli.cli.direct``) also runs, without Typer, when the answers come as options."""

from __future__ import annotations

from typing import Annotated

import typer

from careercli.cli.options import LimitOption
from careercli.cli.session import session


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
    from careercli.cli import discovering

    discovering.discover(session(ctx), interests, scores, zone, min_pay, skills, limit, why, reset)
