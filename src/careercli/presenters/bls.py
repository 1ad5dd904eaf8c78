"""Pay (BLS OEWS) and outlook (BLS Employment Projections) on a page and in JSON.

BLS's marks stay marks: ``#`` is shown as the top code "or more" ("$239,200 or more"), ``*`` and ``**`` as "not
published"; nothing is computed from them. Each figure names its release; the page says once that the figures
are U.S. national (or the state's) as of their release and not adjusted for inflation, notes when a figure is for
a whole group of occupations, and ends with the source line.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from careercli.bls.facts import STATES, area_name

if TYPE_CHECKING:
    from rich.console import RenderableType

    from careercli.bls.facts import Amount, Outlook, Pay

NOT_PUBLISHED = "not published"
BLS_NOTE = (
    "BLS cannot vouch for the data or analyses derived from these data after the data have been retrieved from BLS.gov."
)


def money(amount: Amount, top: str, hourly: bool) -> str:
    """A wage as the page shows it: "$135,980", "$65.38", "$239,200 or more" for ``#``, else "not published"."""
    if amount.value is not None:
        return f"${amount.value:,.2f}" if hourly else f"${amount.value:,.0f}"
    if amount.mark == "#":
        if top:
            value = float(top)
            return (f"${value:,.2f}" if hourly else f"${value:,.0f}") + " or more"
        return "at or above BLS's top code"
    return NOT_PUBLISHED


def _thousands(value: float | None) -> str:
    return NOT_PUBLISHED if value is None else f"{round(value * 1000):,}"


def pay_lines(pay: Pay) -> list[tuple[str, list[str]]]:
    """(label, pieces) rows of the pay facts: a piece is a figure with its words, never broken across lines."""
    hourly = pay.only == "hourly"
    wages, top = (pay.hourly, pay.top_hourly) if hourly else (pay.annual, pay.top_annual)
    unit = "an hour" if hourly else "a year"
    median = [money(wages.median, top, hourly)]
    if median[0] != NOT_PUBLISHED:
        median[0] += f" {unit}"
        if not pay.only and pay.hourly.median.published:
            median.append(f"({money(pay.hourly.median, pay.top_hourly, True)} an hour)")
    rows = [("Median pay", median)]
    low, high = money(wages.pct10, top, hourly), money(wages.pct90, top, hourly)
    if NOT_PUBLISHED not in (low, high):
        rows.append(("Pay range", [f"{low} to {high}", "(10th to 90th percentile)"]))
    employed = NOT_PUBLISHED if pay.employment.value is None else f"{pay.employment.value:,.0f}"
    rows.append(("Employment", [employed]))
    return rows


def outlook_lines(outlook: Outlook) -> list[tuple[str, list[str]]]:
    if outlook.change_pct is None:
        change = [NOT_PUBLISHED]
    else:
        change = [f"{outlook.change_pct:+.1f} %", f"from {outlook.base_year} to {outlook.projected_year}"]
        if outlook.average_change_pct is not None:
            change.append(f"(all occupations: {outlook.average_change_pct:+.1f} %)")
    openings = NOT_PUBLISHED if outlook.openings is None else f"{_thousands(outlook.openings)} a year"
    entry = [outlook.education or NOT_PUBLISHED]
    if outlook.experience:
        entry.append(f"experience: {outlook.experience.lower()}")
    if outlook.training:
        entry.append(f"training: {outlook.training.lower()}")
    entry = [piece + ";" for piece in entry[:-1]] + entry[-1:]
    return [("Outlook", change), ("Openings", [openings]), ("Entry", entry)]


def facts_lines(pay: Pay | None, outlook: Outlook | None, state: str | None = None) -> list[tuple[str, list[str]]]:
    """Every row of the section; a figure BLS does not publish says so. ``state``: the state asked for."""
    where = f" in {area_name(state)}" if state else ""
    rows = pay_lines(pay) if pay is not None else [("Pay", [f"{NOT_PUBLISHED} by BLS for this occupation{where}"])]
    return rows + (outlook_lines(outlook) if outlook is not None else [("Outlook", [f"{NOT_PUBLISHED} by BLS"])])


def releases(pay: Pay | None, outlook: Outlook | None, state: str | None = None) -> str:
    """The note that names each figure's release and area, and says once what the figures are not."""
    parts = []
    if pay is not None or state:
        area = area_name(pay.area if pay is not None else state or "US")
        parts.append(f"Pay: {area}, OEWS {pay.release}" if pay is not None else f"Pay: {area}")
    if outlook is not None:
        parts.append(f"outlook: U.S., Employment Projections {outlook.release}")
    lead = "; ".join(parts)
    lead = lead[:1].upper() + lead[1:]
    return (f"{lead}. " if lead else "") + "Figures as of each release, not adjusted for inflation."


def notes(pay: Pay | None, outlook: Outlook | None, state: str | None = None, subject: str = "occupation") -> list[str]:
    """The group note (when a figure is for a group of occupations, not for this ``subject`` alone), then the
    releases and the honesty note."""
    groups = [(what, record) for what, record in (("pay", pay), ("outlook", outlook))
              if record is not None and record.aggregate]  # fmt: skip
    if len(groups) == 2 and groups[0][1].code == groups[1][1].code:
        groups = [("pay and outlook", groups[0][1])]
    lines = [f"The {what} figures are for the whole group {record.code} {record.title}, "
             f"not for this {subject} alone." for what, record in groups]  # fmt: skip
    lines.append(releases(pay, outlook, state))
    return lines


def credit(pay: Pay | None, outlook: Outlook | None) -> str:
    parts = []
    if pay is not None:
        parts.append(f"Occupational Employment and Wage Statistics, {pay.release}")
    if outlook is not None:
        parts.append(outlook.source.removeprefix("BLS "))
    return f"Source: U.S. Bureau of Labor Statistics, {' and '.join(parts)}. {BLS_NOTE}"


# words that stay together when a note or the source line is wrapped: a release, a percentage, a state's name
_GLUED = re.compile("|".join([r"(?:May|(?:Employment )?Projections) \S+", r"\S+ %",
                              *(re.escape(name) for name in STATES.values() if " " in name)]))  # fmt: skip


def pieces(text: str) -> list[str]:
    """A sentence as the pieces a line may break between: words, with a release or a state kept whole."""
    glued = _GLUED.sub(lambda m: m.group().replace(" ", "\0"), text)
    return [word.replace("\0", " ") for word in glued.split()]


def wrap(items: list[str], width: int) -> list[str]:
    """``items`` joined by spaces into lines of at most ``width`` cells, breaking only between items (an item wider
    than a line is broken between its words, then folded)."""
    from rich.cells import cell_len

    width = max(width, 8)
    lines: list[str] = []
    line = ""
    for item in items:
        if cell_len(item) > width and " " in item:
            for word in item.split():
                line = _put(lines, line, word, width)
            continue
        line = _put(lines, line, item, width)
    if line:
        lines.append(line)
    return lines


def _put(lines: list[str], line: str, item: str, width: int) -> str:
    from rich.cells import cell_len

    if not line:
        return item
    if cell_len(line) + 1 + cell_len(item) <= width:
        return f"{line} {item}"
    lines.append(line)
    return item


def section(pay: Pay | None, outlook: Outlook | None, width: int = 80, state: str | None = None,
            subject: str = "occupation") -> RenderableType:  # fmt: skip
    """The "Pay and outlook (BLS)" section of a page, laid out for ``width`` columns: labels, then each value
    wrapped under itself between its pieces, so that no figure is ever split; the releases in the note under
    them. One Text, padded by hand (a Rich grid with padded notes costs several milliseconds to render)."""
    from rich.cells import cell_len
    from rich.text import Text

    from careercli.presenters.text import visible

    rows = [(visible(label), [visible(p) for p in items]) for label, items in facts_lines(pay, outlook, state)]
    label_width = max(cell_len(label) for label, _ in rows)
    indent = 2 + label_width + 2
    out = Text()
    out.append("Pay and outlook (BLS)", style="bold cyan")  # a style given to Text() would colour the whole section
    for label, items in rows:
        out.append("\n  ")
        out.append(label + " " * (label_width - cell_len(label)), style="bold")
        for number, line in enumerate(wrap(items, width - indent)):
            out.append(("  " if number == 0 else "\n" + " " * indent) + line)
    for note in notes(pay, outlook, state, subject):
        for line in wrap(pieces(visible(note)), width - 2):
            out.append("\n  " + line, style="dim")
    if pay is not None or outlook is not None:
        for line in wrap(pieces(visible(credit(pay, outlook))), width):
            out.append("\n" + line, style="dim italic")
    return out


def markdown(pay: Pay | None, outlook: Outlook | None, level: int = 2, state: str | None = None,
             subject: str = "occupation", full: bool = True) -> str:  # fmt: skip
    """The section as Markdown: a heading at ``level``, one list item a figure, the notes and the source line
    (without ``full``, only the group note: a document with several sections says the rest once, see
    :func:`closing_markdown`)."""
    from careercli.presenters.text import escape

    out = ["#" * level + " Pay and outlook (BLS)", ""]
    out += [f"- **{escape(label)}:** {escape(' '.join(items))}" for label, items in facts_lines(pay, outlook, state)]
    out.append("")
    said = notes(pay, outlook, state, subject)
    out += [item for note in (said if full else said[:-1]) for item in (f"*{escape(note)}*", "")]
    if full and (pay is not None or outlook is not None):
        out += [escape(credit(pay, outlook)), ""]
    return "\n".join(out)


def closing_markdown(shown: list[tuple[Pay | None, Outlook | None]]) -> str:
    """The releases, the honesty note and the source line, once, under several sections (the export)."""
    from careercli.presenters.text import escape

    pay = next((p for p, _ in shown if p is not None), None)
    outlook = next((o for _, o in shown if o is not None), None)
    if pay is None and outlook is None:
        return ""
    return f"*{escape(releases(pay, outlook))}*\n\n{escape(credit(pay, outlook))}\n"


def comparison_rows(labour: list[tuple[Pay | None, Outlook | None] | None], names: list[str],
                    state: str | None = None) -> tuple[list[tuple[str, list[str]]], list[str]]:  # fmt: skip
    """``compare``'s rows of figures, one cell a role (in the roles' order; None: the role links to no
    occupation), and the notes under the table: each group note naming its role, the releases, the source."""
    found = [pair if pair is not None else (None, None) for pair in labour]
    rows: dict[str, list[str]] = {}
    for index, (pay, outlook) in enumerate(found):
        cells = dict(facts_lines(pay, outlook, state)) if labour[index] is not None else {}
        for label in ("Median pay", "Pay range", "Employment", "Outlook", "Openings", "Entry"):
            if label in cells or (label == "Median pay" and "Pay" in cells):
                rows.setdefault(label, [""] * len(found))[index] = " ".join(cells.get(label, cells.get("Pay", [])))
    for row in rows.values():
        for index, cell in enumerate(row):
            if not cell:
                row[index] = NOT_PUBLISHED if labour[index] is not None else "no occupation linked"
    notes = []
    for name, (pay, outlook) in zip(names, found, strict=True):
        for note in notes_of(pay, outlook):
            notes.append(f"{name}: {note}")
    pay = next((p for p, _ in found if p is not None), None)
    outlook = next((o for _, o in found if o is not None), None)
    if pay is not None or outlook is not None:
        notes += [releases(pay, outlook, state), credit(pay, outlook)]
    return list(rows.items()), notes


def notes_of(pay: Pay | None, outlook: Outlook | None) -> list[str]:
    """Only the group notes of :func:`notes`."""
    return notes(pay, outlook, subject="role")[:-1]


def pay_line(pay: Pay | None) -> str:
    """The median pay in one line, with its release and area: "$135,980 a year (U.S., OEWS May 2025)"; for a
    group, "... (U.S., OEWS May 2025; for the whole group 15-1299)"."""
    if pay is None:
        return f"{NOT_PUBLISHED} by BLS"
    median = pay_lines(pay)[0][1][0]
    group = f"; for the whole group {pay.code}" if pay.aggregate else ""
    return f"{median} ({area_name(pay.area)}, OEWS {pay.release}{group})"


def pay_summary(pay: Pay | None) -> tuple[RenderableType, RenderableType | None]:
    """The target's pay as one line for ``gap`` and ``plan``, and the source line that goes under the page (None
    when BLS publishes no pay for it)."""
    from rich.text import Text

    from careercli.presenters.text import visible

    line = Text.assemble(("Median pay: ", "bold"), visible(pay_line(pay)))
    if pay is None:
        return line, None
    return line, Text(visible(f"Pay not adjusted for inflation. {credit(pay, None)}"), style="dim italic")


def median_cell(pay: Pay | None) -> str:
    """A table cell: the median ("$135,980", "$239,200 or more"), marked "*" when it is a group's figure."""
    if pay is None:
        return NOT_PUBLISHED
    hourly = pay.only == "hourly"
    wages, top = (pay.hourly, pay.top_hourly) if hourly else (pay.annual, pay.top_annual)
    text = money(wages.median, top, hourly) + ("/h" if hourly and wages.median.published else "")
    return text + (" *" if pay.aggregate else "")


def pay_caption(pays: list[Pay], column: bool = True) -> str:
    """What the median pay (a column, or the line under each role) is: its area, release, the group mark and the
    source."""
    what = "Median pay" if column else "Under each role, its median pay"
    if not pays:
        return f"{what}: not published by BLS for these roles."
    first = pays[0]
    group = " * for the whole group of occupations the role's occupation belongs to." if any(
        p.aggregate for p in pays) else ""  # fmt: skip
    return (
        f"{what}: a year, {area_name(first.area)}, OEWS {first.release}, not adjusted for inflation.{group}"
        f" {credit(first, None)}"
    )


def _amount(amount: Amount) -> dict[str, Any]:
    value = amount.value
    if value is not None and value == int(value):
        value = int(value)
    return {"value": value, "mark": amount.mark or None}


def pay_json(pay: Pay | None) -> dict[str, Any] | None:
    """The ``pay`` object of ``show --json``: every OEWS figure as ``{"value", "mark"}`` (mark: BLS's ``*``, ``#``,
    ``**`` when there is no number), and the release."""
    if pay is None:
        return None
    wages = ("mean", "pct10", "pct25", "median", "pct75", "pct90")
    return {
        "code": pay.code,
        "title": pay.title,
        "group": pay.group,
        "aggregate": pay.aggregate,
        "area": pay.area,
        "release": pay.release,
        "employment": _amount(pay.employment),
        "annual": {name: _amount(getattr(pay.annual, name)) for name in wages},
        "hourly": {name: _amount(getattr(pay.hourly, name)) for name in wages},
        "only": pay.only or None,
        "top_code": {"annual": pay.top_annual or None, "hourly": pay.top_hourly or None},
        "imported": pay.imported,
        "source": f"U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics, {pay.release}",
    }


def outlook_json(outlook: Outlook | None) -> dict[str, Any] | None:
    """The ``outlook`` object of ``show --json`` (employment and openings in thousands, as BLS publishes them)."""
    if outlook is None:
        return None
    return {
        "code": outlook.code,
        "title": outlook.title,
        "aggregate": outlook.aggregate,
        "release": outlook.release,
        "base_year": outlook.base_year,
        "projected_year": outlook.projected_year,
        "employment_base_thousands": outlook.employment_base,
        "employment_projected_thousands": outlook.employment_projected,
        "change_thousands": outlook.change,
        "change_percent": outlook.change_pct,
        "all_occupations_change_percent": outlook.average_change_pct,
        "openings_thousands_a_year": outlook.openings,
        "education": outlook.education,
        "experience": outlook.experience,
        "training": outlook.training,
        "imported": outlook.imported,
        "source": outlook.source,
    }
