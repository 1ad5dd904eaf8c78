"""Learning plans, skill gaps and role suggestions as Rich renderables, JSON values and Markdown lines.

What is shown (steps, their order, their books, the reasons) is decided by ``queries.gap``; this module only
dresses it. The JSON functions return plain values for the envelope of ``presenters.jsonout``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from careercli.presenters.text import single_line, unit_label
from careercli.queries.gap import GENERIC, step_reasons

# what each part of the suggest mix measures, in a few words (the names are queries.gap.MIX's)
PART_TEXT = {
    "skills": "share of the role's key skills you have",
    "path": "how close you are to it or to a role it is a next step of",
    "interests": "interest fit of its occupation to your discover answers",
    "preparation": "its job zone against the zones you accepted",
}
UNKNOWN_PART = {
    "skills": "not measurable: too few of the occupation's technologies are careercli skills",
    "path": "not measurable, as its skills",
    "interests": "not known: no saved discover answers or no interest profile",
    "preparation": "not known: no saved discover answers or no job zone",
}

if TYPE_CHECKING:
    from rich.console import RenderableType
    from rich.table import Table

    from careercli.model import Catalog
    from careercli.queries.gap import Gap, MixPart, PlanStep, ScoreLine, Suggestion

DIM = "dim"
NO_SKILLS_HINT = "No skills recorded: this is the whole plan. Record yours with 'career skills add python sql git'."


def _skill_label(step: PlanStep, catalog: Catalog) -> str:
    if step.choices:
        return "one of: " + ", ".join(catalog.skill_name(s) for s in step.choices)
    return catalog.skill_name(step.skill)


def no_book(step: PlanStep, catalog: Catalog) -> str:
    """What a step without a teaching book at the learner's level says instead, naming the official
    documentation where the catalogue records it."""
    levels = "an introductory" if step.level == "introductory" else "an introductory or intermediate"
    text = f"no book here teaches {catalog.skill_name(step.skill)} at {levels} level"
    return text + (f"; start with the official documentation: {step.docs}" if step.docs else "")


def _year(catalog: Catalog, book_id: str) -> str:
    book = catalog.books[book_id]
    return str(book.year) if book.year else "n.d."


# --------------------------------------------------------------------------------------------------- JSON


def step_json(step: PlanStep, catalog: Catalog) -> dict[str, Any]:
    return {
        "skill": step.skill,
        "name": catalog.skill_name(step.skill),
        "group": step.group or None,
        "choices": list(step.choices),
        "needed_by_bookmarks": step.needed_by,
        "foundation": step.foundation,
        "after": list(step.after),
        "prerequisite_of": list(step.prerequisite_of),
        "other_roles": step.other_roles,
        "reasons": step_reasons(step, catalog),
        "level": step.level,
        "first_book": step.first or None,
        "docs": step.docs or None,
        "books": list(step.books),
    }


def gap_json(result: Gap, catalog: Catalog) -> dict[str, Any]:
    return {
        "role": result.role,
        "name": catalog.roles[result.role].name,
        "coverage": round(result.coverage, 4),
        "covered": result.covered,
        "total": result.total,
        "have": list(result.have),
        "missing": list(result.missing),
        "plan": [step_json(step, catalog) for step in result.plan],
    }


def kind_text(item: Suggestion) -> str:
    """What a suggestion is: "role", "occupation", or "occupation, skills not measured"."""
    return item.kind if item.measured else f"{item.kind}, skills not measured"


def suggestion_json(item: Suggestion, catalog: Catalog) -> dict[str, Any]:
    return {
        "role": item.role,
        "kind": item.kind,
        "skills_measured": item.measured,
        "name": catalog.roles[item.role].name,
        "score": round(item.score, 4),
        "parts": parts_json(item.parts),
        "coverage": round(item.coverage, 4),
        "have": list(item.have),
        "missing": list(item.missing),
    }


def parts_json(parts: Sequence[MixPart]) -> list[dict[str, Any]]:
    """Each part of the mix: its name, value (0 to 1, null when not known and so left out) and weight."""
    return [
        {"part": p.name, "value": None if p.value is None else round(p.value, 4), "weight": p.weight}
        | ({"via": p.via} if p.via else {})
        for p in parts
    ]


def why_json(role: str, score: float, lines: Sequence[ScoreLine], parts: Sequence[MixPart] = ()) -> dict[str, Any]:
    return {
        "role": role,
        "score": round(score, 4),
        "parts": parts_json(parts),
        "units": [
            {"skills": list(line.skills), "group": line.group or None, "weight": line.weight, "have": line.have}
            for line in lines
        ],
    }


# --------------------------------------------------------------------------------------------------- Markdown


def plan_markdown(result: Gap, catalog: Catalog, escape: Any = str) -> list[str]:
    """The plan as a numbered Markdown list: each step, its first book and why it is there."""
    out = []
    for number, step in enumerate(result.plan, start=1):
        line = f"{number}. **{escape(_skill_label(step, catalog))}**"
        if step.first:
            line += f": start with *{escape(catalog.books[step.first].title)}* ({_year(catalog, step.first)})"
        else:
            line += f": {escape(no_book(step, catalog))}"
        out.append(line + f" ({escape('; '.join(step_reasons(step, catalog)))})")
    return out


# --------------------------------------------------------------------------------------------------- Rich


def _header(result: Gap, catalog: Catalog) -> list[RenderableType]:
    from rich.text import Text

    role = catalog.roles[result.role]
    header = Text.assemble(
        (single_line(role.name), "bold"),
        f": you cover {result.covered} of {result.total} key skills ",
        (f"({result.coverage:.0%})", "bold green" if result.coverage >= 0.5 else "bold yellow"),
    )
    filled = round(30 * result.coverage)
    bar = Text("█" * filled, style="green") + Text("░" * (30 - filled), style=DIM)
    from careercli.presenters.rich_common import Flow

    units = unit_names(result, catalog)[0]
    have = [Text(single_line(name)) for name in units] or [Text("none of them yet")]
    apart = "; " if any(", " in name for name in units) else ", "
    return [header, bar, Text(), Flow(have, apart, lead=Text("Have: ", "bold green"))]


def unit_names(result: Gap, catalog: Catalog) -> tuple[list[str], list[str]]:
    """The role's units the learner covers and those missing, in words and in the role's order, so that what is
    listed matches what is counted: a "one of" group had is its name and the members had ("server-side
    language: Java"), a group missing all its members."""
    role = catalog.roles[result.role]
    had = set(result.have)
    covered, missing = [], []
    for unit in role.units:
        mine = [catalog.skill_name(s) for s in unit.skills if s in had]
        if mine:  # the members had, each one enough
            covered.append(f"{unit.name}: {', '.join(mine)}" if unit.name else mine[0])
        else:
            missing.append(unit_label([catalog.skill_name(s) for s in unit.skills], unit.name))
    return covered, missing


def _opening(result: Gap, catalog: Catalog, no_skills: bool, pay: RenderableType | None) -> list[RenderableType]:
    """What gap and plan pages start with: the coverage header (and the target's ``pay`` line under it), the hint
    for a beginner, or "nothing missing"."""
    from rich.text import Text

    parts = _header(result, catalog)
    if pay is not None:
        parts.insert(2, pay)
    if no_skills:
        parts.append(Text(NO_SKILLS_HINT, style=DIM))
    if not result.plan:
        parts.append(Text("Nothing missing: you cover every key skill of this role.", style="bold green"))
    return parts


def gap_view(result: Gap, catalog: Catalog, no_skills: bool = False, pay: RenderableType | None = None,
            source: RenderableType | None = None) -> RenderableType:  # fmt: skip
    """Coverage, what the user has, and the plan with up to three books a step, best fit first."""
    from rich import box
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    parts = _opening(result, catalog, no_skills, pay)
    if not result.plan:
        return Group(*parts, *(() if source is None else (source,)))
    parts += [Text(), Text("Learning plan", style="bold underline")]
    table = Table(box=box.SIMPLE_HEAD, padding=(0, 1))
    table.add_column("#", justify="right", style=DIM, no_wrap=True)
    table.add_column("Skill", style="bold", ratio=2, overflow="fold")
    table.add_column("Why here", style=DIM, ratio=2, overflow="fold")
    table.add_column("Books, best fit first", ratio=5, overflow="fold")
    for number, step in enumerate(result.plan, start=1):
        books = Text()
        if not step.first:
            books.append(single_line(no_book(step, catalog)), style="italic")
        for index, book_id in enumerate(step.books, start=0 if step.first else 1):
            books.append("\n" if index else "")
            books.append(single_line(catalog.books[book_id].title))
            books.append(f" ({_year(catalog, book_id)})", style=DIM)
        table.add_row(str(number), Text(single_line(_skill_label(step, catalog))),
                      Text(single_line("; ".join(step_reasons(step, catalog)))),
                      books)  # fmt: skip
    parts.append(table)
    if source is not None:
        parts.append(source)
    return Group(*parts)


def plan_view(result: Gap, catalog: Catalog, no_skills: bool = False, pay: RenderableType | None = None,
             source: RenderableType | None = None) -> RenderableType:  # fmt: skip
    """The ordered steps, one first book each, and the reason for each step's place."""
    from rich.console import Group
    from rich.padding import Padding
    from rich.text import Text

    parts = _opening(result, catalog, no_skills, pay)
    if not result.plan:
        return Group(*parts, *(() if source is None else (source,)))
    parts.append(Text())
    for number, step in enumerate(result.plan, start=1):
        parts.append(Text.assemble((f"{number:>2}. ", DIM), (single_line(_skill_label(step, catalog)), "bold")))
        details = Text()
        if step.first:  # indented as a block, so that a wrapped line keeps the indent
            book = catalog.books[step.first]
            details.append("start with: ")
            details.append(single_line(book.title), style="italic")
            details.append(f" ({_year(catalog, book.id)})\n", style=DIM)
        else:
            details.append(single_line(no_book(step, catalog)) + "\n")
        details.append("why here: " + single_line("; ".join(step_reasons(step, catalog))), style=DIM)
        parts.append(Padding(details, (0, 0, 0, 4)))
    parts.append(Text("No effort estimate: the catalogue has no study-time figures to base one on.", style=DIM))
    if source is not None:
        parts.append(source)
    return Group(*parts)


def suggestions_table(items: Sequence[Suggestion], catalog: Catalog,
                      labour: Mapping[str, tuple[Any, Any]] | None = None, width: int = 100) -> Table:  # fmt: skip
    """Roles ranked by weighted score, with what the user covers, what to learn next and, from ``labour`` (BLS pay
    and outlook by slug), the median pay of the role's occupation: its own column, or under the role's name on a
    terminal narrower than 100 columns (a column there would squeeze the names into fragments)."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    table = Table(box=box.SIMPLE_HEAD, padding=(0, 1))
    table.add_column("#", justify="right", style=DIM, no_wrap=True)
    table.add_column("Role", style="bold", ratio=2, overflow="fold")
    table.add_column("Score", justify="right", no_wrap=True)
    table.add_column("Covers", justify="right", no_wrap=True)
    table.add_column("You have", style="green", ratio=2, overflow="fold")
    table.add_column("Learn next", ratio=3, overflow="fold")
    from careercli.presenters.bls import median_cell, pay_caption

    labour = labour or {}
    column = bool(labour) and width >= 100
    if column:
        table.add_column("Median pay", justify="right", no_wrap=True)
    pays = [labour.get(item.role, (None, None))[0] for item in items]
    for number, (item, pay) in enumerate(zip(items, pays, strict=True), start=1):
        total = item.units or len(item.have) + len(item.missing)
        name = Text(single_line(catalog.roles[item.role].name))
        if item.kind != "role":
            name.append(f"\n{item.role} {kind_text(item)} (O*NET)", style=DIM)
        if labour and not column:
            name.append("\n" + median_cell(pay), style=DIM)
        row: list[RenderableType] = [
            str(number),
            name,
            f"{item.score:.0%}",
            f"{total - len(item.missing)}/{total}" if item.measured else "-",
            Text(single_line(", ".join(catalog.skill_name(s) for s in item.have) or "—")),
            Text(single_line(", ".join(catalog.skill_name(s) for s in item.missing[:3]) or "nothing")),
        ]
        if column:
            row.append(median_cell(pay))
        table.add_row(*row)
    caption = [
        "Score: mostly the share of the role's key skills you have (git and the like count 1/4), then whether it is "
        "a next step of a role you are close to, and with saved discover answers your interests and job zones. "
        "'career suggest --why ROLE' shows each part."
    ]
    if any(not item.measured for item in items):
        caption.append(
            "An occupation whose skills careercli cannot measure is scored by your interests and job zones alone, at"
            " their own weights."
        )
    if labour:
        caption.append(pay_caption([p for p in pays if p is not None], column))
    table.caption = "\n".join(caption)
    return table


def why_view(
    role: str, score: float, lines: Sequence[ScoreLine], catalog: Catalog, parts: Sequence[MixPart] = ()
) -> RenderableType:
    """How a role's score is made: each part of the mix with its value and weight, then the skills part unit by
    unit: its weight and whether you have it."""
    from rich import box
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    table = Table(box=box.SIMPLE_HEAD, padding=(0, 1))
    table.add_column("Key skill", overflow="fold")
    table.add_column("Weight", justify="right", no_wrap=True)
    table.add_column("You", no_wrap=True)
    for line in lines:
        label = unit_label([catalog.skill_name(s) for s in line.skills], line.group)
        note = " (generic)" if any(s in GENERIC for s in line.skills) else ""
        table.add_row(Text(single_line(label + note)), f"{line.weight:g}",
                      Text("✓ have", style="green") if line.have else Text("missing", style=DIM))  # fmt: skip
    had = sum(line.weight for line in lines if line.have)
    total = sum(line.weight for line in lines)
    name = single_line(catalog.roles[role].name)
    if not parts:
        return Group(Text.assemble((name, "bold"), f": score {score:.0%} = {had:g} / {total:g}"), table)
    mix = Table(box=box.SIMPLE_HEAD, padding=(0, 1))
    mix.add_column("Part", no_wrap=True)
    mix.add_column("Value", justify="right", no_wrap=True)
    mix.add_column("Weight", justify="right", no_wrap=True)
    mix.add_column("What it measures", overflow="fold")
    for part in parts:
        known = part.value is not None
        text = PART_TEXT[part.name] if known else UNKNOWN_PART[part.name]
        if part.via and part.via != role and part.via in catalog.roles:
            text += f" (via {catalog.roles[part.via].name})"
        mix.add_row(part.name, f"{part.value:.0%}" if part.value is not None else "—", f"{part.weight:g}",
                    Text(single_line(text), style="" if known else DIM))  # fmt: skip
    left_out = [p.name for p in parts if p.value is None]
    note = f"; left out: {', '.join(left_out)}" if left_out else ""
    head = Text.assemble((name, "bold"), f": score {score:.0%}, the weighted mean of the known parts{note}")
    if parts[0].value is None:  # an occupation whose skills cannot be measured (queries.suggest_occupations)
        head = Text.assemble((name, "bold"), f": score {score:.0%}, its interests and preparation parts at their"
                             " own weights (its skills cannot be measured)")  # fmt: skip
        return Group(head, mix)
    skills = Text(f"The skills part, {had:g} of {total:g}:")
    if catalog.roles[role].category == "occupation":
        skills = Text("The skills part: these key skills, and as not had each of the occupation's hot technologies"
                      " careercli has no skill for:")  # fmt: skip
    return Group(head, mix, skills, table)
