"""Pay (BLS OEWS) and outlook (BLS Employment Projections) on a page and in JSON.

BLS's marks stay marks: ``#`` is shown as the top code "or more" ("$239,200 or more"), ``*`` and ``**`` as "not
published"; nothing is computed from them. Each figure names its release; the page says once that the figures
are U.S. national (or the state's) as of their release and not adjusted for inflation, notes when a figure is for
a whole group of occupations, and ends with the source line.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

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


def pay_lines(pay: Pay) -> list[tuple[str, str, str]]:
    """(label, text, release) rows of the pay facts."""
    release = f"OEWS {pay.release}".strip()
    hourly = pay.only == "hourly"
    wages, top = (pay.hourly, pay.top_hourly) if hourly else (pay.annual, pay.top_annual)
    unit = "an hour" if hourly else "a year"
    median = money(wages.median, top, hourly)
    if median != NOT_PUBLISHED:
        median += f" {unit}"
        if not pay.only and pay.hourly.median.published:
            median += f" ({money(pay.hourly.median, pay.top_hourly, True)} an hour)"
    rows = [("Median pay", median, release)]
    low, high = money(wages.pct10, top, hourly), money(wages.pct90, top, hourly)
    if NOT_PUBLISHED not in (low, high):
        rows.append(("Pay range", f"{low} to {high} (10th to 90th percentile)", release))
    employed = NOT_PUBLISHED if pay.employment.value is None else f"{pay.employment.value:,.0f}"
    rows.append(("Employment", employed, release))
    return rows


def outlook_lines(outlook: Outlook) -> list[tuple[str, str, str]]:
    release = f"Projections {outlook.release}".strip()
    if outlook.change_pct is None:
        change = NOT_PUBLISHED
    else:
        change = f"{outlook.change_pct:+.1f} % from {outlook.base_year} to {outlook.projected_year}"
        if outlook.average_change_pct is not None:
            change += f" (all occupations: {outlook.average_change_pct:+.1f} %)"
    openings = NOT_PUBLISHED if outlook.openings is None else f"{_thousands(outlook.openings)} a year"
    entry = outlook.education or NOT_PUBLISHED
    details = [f"experience: {outlook.experience.lower()}" if outlook.experience else "",
               f"training: {outlook.training.lower()}" if outlook.training else ""]  # fmt: skip
    entry = "; ".join([entry, *(d for d in details if d)])
    return [("Outlook", change, release), ("Openings", openings, release), ("Entry", entry, release)]


def notes(pay: Pay | None, outlook: Outlook | None) -> list[str]:
    """The group note (when a figure is for a group), the honesty note and the source line."""
    lines = []
    for what, record in (("pay", pay), ("outlook", outlook)):
        if record is not None and record.aggregate:
            group = f"{record.code} {record.title}"
            lines.append(f"The {what} figures are for the whole group {group}, not for this occupation alone.")
    area = "U.S. national" if pay is None or pay.area == "US" else f"{pay.area} state"
    lines.append(f"{area} figures as of each release, not adjusted for inflation.")
    return lines


def credit(pay: Pay | None, outlook: Outlook | None) -> str:
    parts = []
    if pay is not None:
        parts.append(f"Occupational Employment and Wage Statistics, {pay.release}")
    if outlook is not None:
        parts.append(outlook.source.removeprefix("BLS "))
    return f"Source: U.S. Bureau of Labor Statistics, {' and '.join(parts)}. {BLS_NOTE}"


def section(pay: Pay | None, outlook: Outlook | None) -> RenderableType:
    """The "Pay and outlook (BLS)" section of a page: one Text with its columns padded by hand (a Rich grid with
    padded notes costs several milliseconds to render, most of this section's share of a first view)."""
    from rich.cells import cell_len
    from rich.text import Text

    from careercli.presenters.text import visible

    rows = pay_lines(pay) if pay is not None else [("Pay", f"{NOT_PUBLISHED} by BLS for this occupation", "")]
    rows += outlook_lines(outlook) if outlook is not None else [("Outlook", f"{NOT_PUBLISHED} by BLS", "")]
    rows = [(visible(label), visible(text), visible(release)) for label, text, release in rows]
    label_width = max(cell_len(r[0]) for r in rows)
    text_width = max(cell_len(r[1]) for r in rows)
    out = Text("Pay and outlook (BLS)", style="bold cyan")
    for label, text, release in rows:
        out.append("\n  ")
        out.append(label + " " * (label_width - cell_len(label)), style="bold")
        out.append("  " + text)
        if release:
            out.append(" " * (text_width - cell_len(text) + 2) + release, style="dim")
    for line in notes(pay, outlook):
        out.append("\n  " + visible(line), style="dim")
    if pay is not None or outlook is not None:
        out.append("\n" + visible(credit(pay, outlook)), style="dim italic")
    return out


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
