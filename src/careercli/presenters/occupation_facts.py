"""An occupation's official facts (O*NET) for the terminal (Rich), ``--json`` and the Markdown export.

Every view carries the credit line of the release. ``curated`` is ``{onet code: role id}`` of the curated roles
(or just their codes): related occupations that are curated roles are marked with the role to open.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import TYPE_CHECKING, Any

from careercli.presenters.text import single_line, visible

if TYPE_CHECKING:
    from collections.abc import Sequence

    from rich.console import RenderableType

    from careercli.queries.lookup import Facts
    from careercli.queries.occupation_lists import Group, GroupListing
    from careercli.queries.occupations import Occupation

TASKS_SHOWN = 8
TECHNOLOGIES_SHOWN = 24
TITLES_SHOWN = 5
CURATED_MARK = "◆"


def zone_meaning(occupation: Occupation) -> str | None:
    """``4 - Considerable Preparation Needed``: the zone and its name without the 'Job Zone Four:' prefix."""
    zone = occupation.job_zone
    if zone is None:
        return None
    name = zone.name.split(":", 1)[-1].strip() or zone.name
    return f"{zone.zone} - {name}"


def education_text(occupation: Occupation) -> str:
    if not occupation.education:
        return "not reported"
    text = occupation.education.split(" - ", 1)[0]
    if occupation.education_percent is not None:
        text += f" ({occupation.education_percent:.0f}% of respondents)"
    return text


def shown_tasks(occupation: Occupation) -> tuple[tuple[str, ...], str]:
    """The tasks a page shows and their heading: the core ones, or all when O*NET marks none as core."""
    core = occupation.core_tasks
    if core:
        return tuple(t.text for t in core), "Core tasks"
    return tuple(t.text for t in occupation.tasks), "Tasks"


def _curated_role(curated: Mapping[str, str] | Collection[str], code: str) -> str | None:
    if isinstance(curated, Mapping):
        return curated.get(code)
    return code if code in curated else None


TECH_LEGEND = (
    "Hot: often required in employers' job postings. In demand: often required in the postings for this "
    "occupation in particular. (O*NET's flags, from job postings.)"
)


def section(
    occupation: Occupation, curated: Mapping[str, str] | Collection[str] = (), everything: bool = False
) -> RenderableType:
    """The O*NET section of a page (a Rich renderable); ``everything``: every task and technology (``--all``),
    where the page otherwise shows the first few and says how many more there are."""
    from rich.console import Group
    from rich.padding import Padding
    from rich.table import Table
    from rich.text import Text

    from careercli.presenters.rich_common import Rows
    from careercli.presenters.rich_common import bullets as shared_bullets

    def t(text: str, style: str = "") -> Text:
        return Text(visible(text), style=style)

    def indent(renderable: RenderableType) -> Padding:
        return Padding(renderable, (0, 0, 0, 2), expand=False)

    parts: list[RenderableType] = [
        Text.assemble(("Official facts (O*NET) ", "bold cyan"), (f"{occupation.code} ", "bold"), t(occupation.title))
    ]
    facts = Table.grid(padding=(0, 2))
    facts.add_column(style="bold", no_wrap=True)
    facts.add_column()
    zone = zone_meaning(occupation)
    if zone is not None:
        meaning = Text(zone)
        if occupation.job_zone and occupation.job_zone.experience:
            first = occupation.job_zone.experience.split(". ", 1)[0].rstrip(".") + "."
            meaning.append("\n" + visible(first), style="dim")
        facts.add_row("Job zone", meaning)
    job_zone = occupation.job_zone
    if job_zone is not None and job_zone.education:  # what the zone's occupations usually ask for
        facts.add_row("Usually", t(job_zone.education))
    if job_zone is not None and job_zone.training:
        facts.add_row("Training", t(job_zone.training))
    facts.add_row("Education", t(education_text(occupation)))
    parts.append(indent(facts))
    parts += interest_section(occupation)

    tasks, label = shown_tasks(occupation)
    if tasks:
        parts.append(t(label, "bold cyan"))
        parts.append(shared_bullets(tasks if everything else tasks[:TASKS_SHOWN]))
        if len(tasks) > TASKS_SHOWN and not everything:
            more = f"and {len(tasks) - TASKS_SHOWN} more: career show {occupation.code} --all"
            parts.append(indent(t(more, "dim")))

    hot = occupation.hot_technologies
    if hot:
        from careercli.presenters.rich_common import Flow

        parts.append(t("Hot technologies", "bold cyan"))
        parts.append(indent(t(TECH_LEGEND, "dim")))
        shown = hot if everything else hot[:TECHNOLOGIES_SHOWN]
        demand = [t(single_line(tech.name), "bold") for tech in shown if tech.in_demand]
        other = [t(single_line(tech.name)) for tech in shown if not tech.in_demand]
        lines = Table.grid(padding=(0, 2))
        lines.add_column(style="yellow", no_wrap=True)
        lines.add_column()
        if demand:
            lines.add_row("In demand", Flow(demand))
        if other:
            lines.add_row("Hot", Flow(other))
        parts.append(indent(lines))
        if len(hot) > len(shown):
            more = f"and {len(hot) - len(shown)} more: career show {occupation.code} --all"
            parts.append(indent(t(more, "dim")))

    if occupation.related:
        parts.append(t("Related occupations", "bold cyan"))
        rows = []
        for related in occupation.related:
            role = _curated_role(curated, related.code)
            mark = Text(f"{CURATED_MARK} career show {single_line(role)}", style="green") if role else Text("")
            rows.append((t(related.code), t(single_line(related.title)), mark))
        parts.append(Rows((("dim", True), ("", False), ("dim", False)), rows))
    parts.append(t(occupation.credit, "dim italic"))
    return Group(*parts)


def interest_section(occupation: Occupation) -> list[RenderableType]:
    """The occupation's interest profile: a bar an area on O*NET's 1-7 scale, each area's meaning, and O*NET's
    high-point code; one line saying so when O*NET publishes no profile for it."""
    from rich.table import Table
    from rich.text import Text

    from careercli.onet.profiles import AREAS, LETTERS, high_point
    from careercli.presenters.interests import MEANING, bar, high_point_text, in_order

    values = in_order(occupation.interests)
    heading = Text("Interests (RIASEC)", style="bold cyan")
    if values is None:
        return [heading, Text("  O*NET publishes no interest profile for this occupation.", style="dim")]
    letters = high_point(occupation.code)
    if letters:
        heading.append(f"  high-point code {high_point_text(letters)}", style="")
    chart = Table.grid(padding=(0, 1))
    chart.add_column(no_wrap=True)
    chart.add_column(no_wrap=True)
    chart.add_column(no_wrap=True, justify="right")
    chart.add_column(style="dim")
    for letter, area, value in zip(LETTERS, AREAS, values, strict=True):
        chart.add_row(f"{letter} {area}", bar(value), f"{value:.2f}", MEANING[area])
    from rich.padding import Padding

    return [heading, Padding(chart, (0, 0, 0, 2), expand=False)]


def under(
    page: RenderableType,
    occupation: Occupation,
    curated: Mapping[str, str] | Collection[str] = (),
    everything: bool = False,
) -> Any:
    """A role's page with the official facts of its occupation under it."""
    from rich.console import Group
    from rich.text import Text

    return Group(page, Text(""), section(occupation, curated, everything))


def as_json(occupation: Occupation, curated: Mapping[str, str] | Collection[str] = ()) -> dict[str, Any]:
    """The ``onet`` object of ``show --json``; ``related`` items name the curated ``role`` that links to them."""
    return {
        "code": occupation.code,
        "title": occupation.title,
        "version": occupation.version,
        "job_zone": occupation.job_zone.zone if occupation.job_zone else None,
        "education": occupation.education,
        "interests": _interests_json(occupation),
        "tasks": [{"text": task.text, "core": task.core} for task in occupation.tasks],
        "technologies": [
            {"name": tech.name, "hot": tech.hot, "in_demand": tech.in_demand, "skill": tech.skill}
            for tech in occupation.technologies
        ],
        "related": [
            {"code": r.code, "title": r.title, "tier": r.tier, "role": _curated_role(curated, r.code)}
            for r in occupation.related
        ],
        "credit": occupation.credit,
    }


def _interests_json(occupation: Occupation) -> dict[str, Any] | None:
    """``{"scale": "OI 1-7", "values": {area: value}, "high_point": "ICR"}``; null when O*NET publishes none."""
    from careercli.onet.profiles import AREAS, high_point
    from careercli.presenters.interests import in_order

    values = in_order(occupation.interests)
    if values is None:
        return None
    return {
        "scale": "O*NET OI, 1 to 7",
        "values": dict(zip(AREAS, values, strict=True)),
        "high_point": high_point(occupation.code),
    }


BRIEF = 5  # the related occupations a brief section lists (tasks: 3, technologies: 10)


def markdown(
    occupation: Occupation,
    curated: Mapping[str, str] | Collection[str] = (),
    level: int = 3,
    brief: bool = False,
    credit: bool = True,
) -> str:
    """The official facts as a Markdown section (all data text escaped), ending with the credit line (unless
    ``credit`` is false: the caller gives it once for several sections). ``brief``
    (the export without --full): the first few tasks, technologies and related occupations, and how many more."""
    from careercli.presenters.text import code, escape

    def first(items: Sequence[Any], count: int) -> tuple[Sequence[Any], str]:
        if not brief or len(items) <= count:
            return items, ""
        more = f"and {len(items) - count} more ({code('career show ' + occupation.code)} lists them)"
        return items[:count], more

    hashes = "#" * level
    lines = [f"{hashes} Official facts (O\\*NET {escape(occupation.code)}): {escape(occupation.title)}", ""]
    zone = zone_meaning(occupation)
    if zone is not None:
        lines.append(f"- **Job zone:** {escape(zone)}")
    lines.append(f"- **Education:** {escape(education_text(occupation))}")
    lines += _interests_markdown(occupation)[: 1 if brief else None]  # brief: the high-point code alone
    all_tasks, label = shown_tasks(occupation)
    tasks, more = first(all_tasks, BRIEF - 2)
    if tasks:
        lines += ["", f"**{label}:**", ""]
        lines += [f"- {escape(task)}" for task in tasks] + ([f"- {more}"] if more else [])
    hot, more = first(occupation.hot_technologies, 2 * BRIEF)
    if hot:
        names = [escape(tech.name) + (" (in demand)" if tech.in_demand else "") for tech in hot]
        lines += ["", f"**Hot and in-demand technologies:** {', '.join([*names, *([more] if more else [])])}"]
    related_shown, more = first(occupation.related, BRIEF)
    if related_shown:
        lines += ["", "**Related occupations:**", ""]
        for related in related_shown:
            role = _curated_role(curated, related.code)
            suffix = f" ({CURATED_MARK} curated role {code(role)})" if role else ""
            lines.append(f"- {escape(related.code)} {escape(related.title)}{suffix}")
        lines += [f"- {more}"] if more else []
    if credit:
        lines += ["", f"*{escape(occupation.credit)}*"]
    return "\n".join([*lines, ""])


def _interests_markdown(occupation: Occupation) -> list[str]:
    from careercli.onet.profiles import AREAS, LETTERS, high_point
    from careercli.presenters.interests import MEANING, high_point_text, in_order

    values = in_order(occupation.interests)
    if values is None:
        return ["- **Interests:** O\\*NET publishes no interest profile for this occupation."]
    letters = high_point(occupation.code)
    head = f"- **Interests** (O\\*NET, 1 to 7){': high-point code ' + high_point_text(letters) if letters else ''}"
    rows = [
        f"  - {letter} {area}: {value:.2f} ({MEANING[area]})"
        for letter, area, value in zip(LETTERS, AREAS, values, strict=True)
    ]
    return [head, *rows]


def export_markdown(
    facts: Sequence[Facts], curated: Mapping[str, str] | Collection[str] = (), level: int = 2, full: bool = False
) -> str:
    """The export's section of official facts: one sub-section per occupation that a bookmark leads to, each
    naming the bookmarks and ending with the credit line of its release (brief unless ``full``). Empty when there
    is nothing to show."""
    from careercli.presenters.text import code

    if not facts:
        return ""
    from careercli.presenters.text import escape

    parts = [f"{'#' * level} Official occupation facts (O\\*NET)", ""]
    credits = list(dict.fromkeys(item.occupation.credit for item in facts))  # one release: its line once
    for item in facts:
        parts.append("Bookmarked as: " + ", ".join(code(mark) for mark in item.bookmarks))
        parts.append("")
        parts.append(markdown(item.occupation, curated, level + 1, brief=not full, credit=len(credits) > 1))
    if len(credits) == 1:
        parts += [f"*{escape(credits[0])}*", ""]
    return "\n".join(parts)


def group_json(listing: GroupListing) -> dict[str, Any]:
    """``list --group NN --json``: the group and its occupations, each with its curated ``roles`` (``role``: the
    first of them, or null)."""
    return {
        "group": listing.major,
        "title": listing.title,
        "version": listing.version,
        "occupations": [
            {"code": r.code, "title": r.title, "role": r.role, "roles": list(r.roles)} for r in listing.occupations
        ],
        "credit": listing.credit,
    }


def groups_json(groups: Sequence[Group]) -> list[dict[str, Any]]:
    return [{"group": g.major, "title": g.title, "occupations": g.count} for g in groups]


def group_table(listing: GroupListing) -> RenderableType:
    """The occupations of a SOC group as a Rich table with the credit line under it."""
    from rich.console import Group as RichGroup
    from rich.table import Table
    from rich.text import Text

    table = Table(title=Text(f"{listing.major}-0000 {listing.title}", style="bold"), title_justify="left")
    table.add_column("Code", no_wrap=True, style="dim")
    table.add_column("Occupation")
    table.add_column("Curated roles", style="green")
    for row in listing.occupations:
        role = Text(f"{CURATED_MARK} " + ", ".join(single_line(r) for r in row.roles)) if row.roles else Text("")
        table.add_row(row.code, Text(visible(single_line(row.title))), role)
    return RichGroup(table, Text(visible(listing.credit), style="dim italic"))


def occupation_page(
    occupation: Occupation,
    curated: Mapping[str, str] | Collection[str] = (),
    bookmark: tuple[str, Sequence[str]] | None = None,
    roles: Sequence[str] = (),
    labour: RenderableType | None = None,
    titles: Sequence[str] = (),
    everything: bool = False,
) -> RenderableType:
    """``career show CODE``: an occupation's own page, its title and description over the official facts; ``labour``
    (the pay and outlook section) between them; ``titles``: its other titles (a few, or all with ``everything``)."""
    from rich.console import Group
    from rich.padding import Padding
    from rich.text import Text

    head = Text.assemble((visible(single_line(occupation.title)), "bold"), (f"  {occupation.code}", "green"),
                         ("  occupation (O*NET)", "dim"))  # fmt: skip
    parts: list[RenderableType] = [head]
    if bookmark is not None:
        note, tags = bookmark
        mark = Text("★ bookmarked", style="yellow")
        if note:
            mark.append(": " + visible(single_line(note)))
        if tags:
            mark.append("  " + " ".join("#" + visible(single_line(t)) for t in tags), style="magenta")
        parts.append(mark)
    if roles:
        linked = Text(f"{CURATED_MARK} curated {'role' if len(roles) == 1 else 'roles'}: ", style="green")
        linked.append(", ".join(visible(single_line(r)) for r in roles))
        parts.append(linked)
    if titles:
        shown = titles if everything else titles[:TITLES_SHOWN]
        also = Text("Also called: ", style="dim")
        also.append(", ".join(visible(single_line(title)) for title in shown))
        if len(titles) > len(shown):
            also.append(f" and {len(titles) - len(shown)} more ({len(titles)} in all; --all lists them)", style="dim")
        parts.append(also)
    parts.append(Padding(Text(visible(occupation.description)), (1, 0, 1, 0)))
    if labour is not None:
        parts += [labour, Text()]
    parts.append(section(occupation, curated, everything))
    return Group(*parts)


def occupation_markdown(
    occupation: Occupation,
    curated: Mapping[str, str] | Collection[str] = (),
    roles: Sequence[str] = (),
    labour: str | None = None,
) -> str:
    """``career show CODE --format markdown``; ``labour``: the pay and outlook section's Markdown, put after the
    description."""
    from careercli.presenters.text import code, escape

    head = [f"# {escape(single_line(occupation.title))}", "", f"*Occupation {escape(occupation.code)} (O\\*NET)*", ""]
    if roles:
        head += ["Curated roles: " + ", ".join(code(r) for r in roles), ""]
    body = [escape(occupation.description.replace("\n", " ")), ""]
    if labour is not None:
        body.append(labour.rstrip("\n") + "\n")
    return "\n".join([*head, *body, markdown(occupation, curated, 2)])
