"""``career discover``: the occupations that suit a person's interests, as a table, records, JSON and Markdown, and
one occupation's rank explained (``--why``).

What is ranked and kept is decided by ``queries.discover``; this module only dresses it. Rich is imported only by
the renderables.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from careercli.onet.profiles import LETTERS
from careercli.presenters.text import single_line, visible
from careercli.presenters.views import View
from careercli.queries.discover import SKILL_BONUS, Result, leading_letters, median_pay, zones_text

if TYPE_CHECKING:
    from careercli.profile import Answers
    from careercli.queries.discover import Discovery, Part

NOTE = "Exploration, not an assessment: a starting point for your own reading, not a verdict."
METHOD = (
    "Fit: the correlation of your six interest scores with each occupation's O*NET interest profile, times 100 "
    "(the method of My Next Move and the O*NET Interest Profiler)."
)
SKILLS_METHOD = (
    f"Score: the fit plus up to {SKILL_BONUS} points for how much of the best linked curated role's key skills "
    "you have."
)
NOT_PUBLISHED = "not published"


def pay_text(pay: object | None) -> str:
    """``$120,230``; ``>= $239,200`` for BLS's top code; ``not published``."""
    median, top = median_pay(pay)
    if median is None:
        return NOT_PUBLISHED
    return f"{'>= ' if top else ''}${median:,.0f}"


def outlook_text(outlook: object | None) -> str:
    """``+33.5%`` (the projected change over the decade) or ``not published``."""
    change = getattr(outlook, "change_pct", None)
    return NOT_PUBLISHED if change is None else f"{change:+.1f}%"


def fit_text(result: Result) -> str:
    return "no data" if result.match.fit is None else str(result.match.fit)


def answers_json(answers: Answers) -> dict[str, Any]:
    return {
        "scores": dict(zip(LETTERS, answers.scores, strict=True)),
        "letters": leading_letters(answers.scores),
        "zones": list(answers.zones),
        "min_pay": answers.min_pay,
        "skills": answers.skills,
    }


def result_json(result: Result) -> dict[str, Any]:
    profile = result.match.profile
    median, top = median_pay(result.pay)
    outlook = result.outlook
    return {
        "rank": result.rank,
        "code": profile.code,
        "title": profile.title,
        "fit": result.match.fit,
        "score": None if result.score is None else round(result.score, 2),
        "job_zone": profile.job_zone,
        "interests": None if profile.interests is None else dict(zip(LETTERS, profile.interests, strict=True)),
        "high_point": profile.high_point or None,
        "median_pay": median,
        "median_pay_top_coded": top,
        "outlook_change_pct": getattr(outlook, "change_pct", None),
        "openings": getattr(outlook, "openings", None),
        "roles": list(result.roles),
        "best_role": result.best_role,
        "coverage": None if result.coverage is None else round(result.coverage, 4),
    }


def _row_roles(result: Result) -> str:
    return ", ".join(result.roles)


def next_commands(results: Sequence[Result]) -> list[str]:
    """What to run next, about the best result (and the best one with a curated role, for bookmark and plan)."""
    ranked = [r for r in results if r.rank is not None] or list(results)
    if not ranked:
        return []
    first = ranked[0]
    with_role = next((r for r in ranked if r.roles), None)
    target = (with_role.best_role or with_role.roles[0]) if with_role else first.match.profile.code
    return [f"career show {first.match.profile.code}", f"career bookmark add {target}", f"career plan {target}"]


class DiscoverView(View):
    """``career discover``: the ranked occupations (JSON under ``discover``)."""

    key, title, pages = "discover", "career discover", True
    columns = (("rank", "#"), ("fit", "Fit"), ("code", "Code"), ("title", "Occupation"), ("job_zone", "Zone"),
               ("median_pay", "Median pay"), ("outlook", "Outlook"), ("roles", "Curated roles"))  # fmt: skip

    def __init__(self, found: Discovery, answers: Answers, weighed: bool) -> None:
        self.found, self.answers, self.weighed = found, answers, weighed
        if not found.results:
            self.empty = "No occupation is in these job zones at that pay; try wider zones or a lower --min-pay."

    def data(self) -> Any:
        found = self.found
        return {
            "answers": answers_json(self.answers),
            "skills_weighed": self.weighed,
            "method": METHOD + (" " + SKILLS_METHOD if self.weighed else ""),
            "note": NOTE,
            "total": found.total,
            "without_profile": found.without_profile,
            "below_pay": found.below_pay,
            "results": [result_json(r) for r in found.results],
        }

    def records(self) -> Iterable[Sequence[object]]:
        return [
            (str(r.rank or ""), fit_text(r), r.match.profile.code, r.match.profile.title,
             str(r.match.profile.job_zone or ""), pay_text(r.pay), outlook_text(r.outlook), _row_roles(r))
            for r in self.found.results
        ]  # fmt: skip

    def renderable(self, width: int) -> Any:
        from rich.console import Group
        from rich.text import Text

        answers = self.answers
        head = Text.assemble(
            ("Occupations for interests ", "bold"), (leading_letters(answers.scores), "bold green"),
            f"  (job zones {zones_text(answers.zones)}"
            + (f", median pay at least ${answers.min_pay:,.0f}" if answers.min_pay else "") + ")",
        )  # fmt: skip
        table = _table(self.found.results, self.weighed, width)
        lines = [head, Text(NOTE, style="italic"), Text(""), *table, Text(""), Text(METHOD, style="dim")]
        if self.weighed:
            lines.append(Text(SKILLS_METHOD, style="dim"))
        found = self.found
        shown = len(found.results)
        tail = f"{shown} of {found.total} occupations in these zones"
        if found.without_profile:
            tail += f"; {found.without_profile} have no O*NET interest profile and are listed last, marked 'no data'"
        if found.below_pay:
            tail += f"; {found.below_pay} pay less than the minimum"
        if shown < found.total:
            tail += "; --limit 0 lists them all"
        lines.append(Text(tail + ".", style="dim"))
        commands = next_commands(found.results)
        if commands:
            lines.append(Text("Next: " + " · ".join(commands), style="bold"))
        lines.append(Text("Pay and outlook: U.S. Bureau of Labor Statistics. Interests and zones: O*NET.", style="dim"))
        return Group(*lines)

    def markdown(self) -> str:
        return discover_markdown(self.found.results, self.answers) + "\n"


def _table(results: Sequence[Result], weighed: bool, width: int) -> list[Any]:
    """The results as lines of fixed columns (a Rich Table measuring 20 rows of nine columns costs more than the
    rest of the page): each title wraps in its column, the curated roles go on a line of their own below it."""
    import textwrap

    from rich.text import Text

    fixed = [("#", 3), ("Fit", 4)] + ([("Skills", 6)] if weighed else []) + [("Code", 10)]
    after = [("Zone", 4), ("Median pay", 12), ("Outlook", 8)]
    used = sum(w + 2 for _, w in fixed + after)
    title_width = max(12, width - used - 1)
    indent = sum(w + 2 for _, w in fixed)

    def cells(values: Sequence[str], title: str, style: str = "") -> Text:
        line = Text(style=style)
        for (_, w), value in zip(fixed, values, strict=False):
            line.append(value.ljust(w) if w == 10 else value.rjust(w))  # the code to the left, numbers right
            line.append("  ")
        line.append(title.ljust(title_width))
        for (_, w), value in zip(after, values[len(fixed) :], strict=False):
            line.append("  " + value.rjust(w))
        return line

    head = cells([h for h, _ in fixed] + [h for h, _ in after], "Occupation", "bold")
    out = [head]
    for r in results:
        values = [str(r.rank or "-"), fit_text(r)]
        if weighed:
            values.append("-" if r.coverage is None else f"{r.coverage:.0%}")
        values.append(r.match.profile.code)
        values += [str(r.match.profile.job_zone or "-"), pay_text(r.pay), outlook_text(r.outlook)]
        parts = textwrap.wrap(visible(single_line(r.match.profile.title)), title_width) or [""]
        out.append(cells(values, parts[0]))
        out += [Text(" " * indent + part) for part in parts[1:]]
        if r.roles:
            roles = Text(" " * indent + "◆ ", style="green")
            roles.append(visible(_row_roles(r)))
            out.append(roles)
    return out


def discover_markdown(results: Sequence[Result], answers: Answers, level: int = 1) -> str:
    """The results as a Markdown table, with the answers and the note above it."""
    from careercli.presenters.text import escape

    letters = leading_letters(answers.scores)
    scores = ", ".join(f"{c}={v:g}" for c, v in zip(LETTERS, answers.scores, strict=True))
    out = [f"{'#' * level} Interest profile and the occupations that fit it ({letters})", "",
           f"Interest scores {scores}; job zones {zones_text(answers.zones)}"
           + (f"; median pay at least ${answers.min_pay:,.0f}" if answers.min_pay else "") + ".", "",
           f"*{NOTE}*", "", "| # | Fit | Code | Occupation | Zone | Median pay | Outlook | Curated roles |",
           "|--:|--:|---|---|--:|--:|--:|---|"]  # fmt: skip
    for r in results:
        profile = r.match.profile
        roles = ", ".join(f"`{role}`" for role in r.roles)
        title = escape(single_line(profile.title))
        out.append(f"| {r.rank or '-'} | {fit_text(r)} | {profile.code} | {title} | {profile.job_zone or '-'} | "
                   f"{pay_text(r.pay)} | {outlook_text(r.outlook)} | {roles} |")  # fmt: skip
    out += ["", escape(METHOD)]
    return "\n".join(out)


class DiscoverWhyView(View):
    """``career discover --why CODE``: how one occupation's fit is made (JSON under ``why``)."""

    key = "why"

    def __init__(self, result: Result, parts: Sequence[Part] | None, answers: Answers, in_zones: bool,
                 zone_names: Mapping[int, str]) -> None:  # fmt: skip
        self.result, self.parts, self.answers, self.in_zones, self.zone_names = (
            result, parts, answers, in_zones, zone_names)  # fmt: skip
        self.title = f"career discover --why {result.match.profile.code}"

    def data(self) -> Any:
        return {
            **result_json(self.result),
            "rank": self.result.rank if self.in_zones else None,
            "in_zones": self.in_zones,
            "answers": answers_json(self.answers),
            "parts": None if self.parts is None else [
                {"area": p.area, "person": round(p.person, 4), "occupation": round(p.occupation, 4),
                 "share": round(100 * p.share, 2)} for p in self.parts],
            "method": METHOD,
        }  # fmt: skip

    def renderable(self, width: int) -> Any:
        from rich.console import Group
        from rich.table import Table
        from rich.text import Text

        r = self.result
        profile = r.match.profile
        head = Text.assemble((visible(single_line(profile.title)), "bold"), (f"  {profile.code}", "green"))
        zones = zones_text(self.answers.zones)
        if r.rank is not None and self.in_zones:
            place = f"ranks {r.rank} of the occupations in job zones {zones}, fit {r.match.fit}"
        elif r.match.fit is not None:
            place = f"fit {r.match.fit}; outside your job zones ({zones}), so not ranked"
        else:
            place = "O*NET publishes no interest profile for it: no fit can be worked out"
        lines: list[Any] = [head, Text(place)]
        if self.parts is not None and profile.interests is not None:
            table = Table(padding=(0, 1), show_edge=False)
            table.add_column("Area")
            table.add_column("You", justify="right")
            table.add_column("Occupation (1-7)", justify="right")
            table.add_column("Share of fit", justify="right")
            for part, mine, theirs in zip(self.parts, self.answers.scores, profile.interests, strict=True):
                table.add_row(part.area, f"{mine:g}", f"{theirs:.2f}", f"{100 * part.share:+.1f}")
            lines += [table, Text("A share is positive where you and the occupation are both above, or both below, "
                                  "your own averages; the shares add up to the fit.", style="dim")]  # fmt: skip
        zone = profile.job_zone
        zone_line = f"Job zone: {zone} - {self.zone_names.get(zone, '')}" if zone else "Job zone: not published"
        lines += [Text(zone_line.rstrip(" -")), Text(f"Median pay: {pay_text(r.pay)}"),
                  Text(f"Outlook (projected change over the decade): {outlook_text(r.outlook)}")]  # fmt: skip
        if r.roles:
            lines.append(Text("Curated roles: " + ", ".join(r.roles), style="green"))
        if r.coverage is not None:
            lines.append(Text(f"Skills: you have {r.coverage:.0%} of {r.best_role}'s key skills "
                              f"(+{SKILL_BONUS * r.coverage:.1f} to the score)"))  # fmt: skip
        lines.append(Text(METHOD, style="dim"))
        return Group(*lines)
