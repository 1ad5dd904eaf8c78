"""Occupations listed with their job zone, pay and outlook (``list --occupations --sort pay``, ``list --group 15
--zone 4``, ``search WORDS --kind occupation --min-pay 80000``): a table, records and JSON.

What is kept and in which order is decided by :mod:`careercli.queries.occupation_figures`; this module says it,
including what BLS does not publish ("not published", counted under the table and on stderr when piped).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from careercli.presenters.views import View

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from careercli.queries.occupation_figures import Row, Selection

NOT_PUBLISHED = "not published"
# BLS's entry education categories as the table's narrow column names them (records and JSON keep BLS's words)
SHORT_EDUCATION = {
    "Doctoral or professional degree": "Doctoral or professional",
    "Postsecondary nondegree award": "Postsecondary award",
    "High school diploma or equivalent": "High school",
    "No formal educational credential": "None required",
    "Some college, no degree": "Some college",
}


def pay_cell(row: Row) -> str:
    from careercli.presenters.bls import median_cell

    return median_cell(row.pay)  # type: ignore[arg-type]


def growth_cell(row: Row) -> str:
    change = getattr(row.outlook, "change_pct", None)
    return NOT_PUBLISHED if change is None else f"{change:+.1f}%"


def openings_cell(row: Row) -> str:
    openings = getattr(row.outlook, "openings", None)
    return NOT_PUBLISHED if openings is None else f"{round(openings * 1000):,}"


def cells(row: Row) -> tuple[str, ...]:
    """Zone, median pay, growth, openings and entry education as the table and the records show them."""
    return (str(row.job_zone or ""), pay_cell(row), growth_cell(row), openings_cell(row),
            row.education or NOT_PUBLISHED)  # fmt: skip


def summary(selection: Selection) -> list[str]:
    """What the rows are: the order, the filters, and what BLS does not publish for some of them."""
    from careercli.queries.occupation_figures import SORTS

    wanted, shown = selection.wanted, len(selection.rows)
    lines = []
    if wanted.sort is not None:
        line = f"Sorted by {SORTS[wanted.sort]}, highest first."
        if selection.without_figure:
            line += f" {_count(selection.without_figure)} no such figure from BLS and come last, marked."
        lines.append(line)
    filters = []
    if wanted.zones is not None:
        from careercli.queries.discover import zones_text

        filters.append(f"job zone {zones_text(wanted.zones)}")
    if wanted.education is not None:
        filters.append("entry education " + " or ".join(wanted.education))
    if wanted.min_pay is not None:
        filters.append(f"median pay at least ${wanted.min_pay:,}")
    if filters:
        line = f"{shown} of {selection.considered} occupations with {', '.join(filters)}."
        if selection.unchecked:
            line += f" {_count(selection.unchecked)} no published figure to check and are kept."
        lines.append(line)
    return lines


def missing(selection: Selection) -> str | None:
    """What the piped records cannot say by themselves: how many rows lack the figure they were sorted or
    filtered by (None: none)."""
    from careercli.queries.occupation_figures import SORTS

    parts = []
    if selection.without_figure:
        parts.append(f"{_count(selection.without_figure)} no {SORTS[selection.wanted.sort or '']} from BLS and come"
                     " last")  # fmt: skip
    if selection.unchecked:
        parts.append(f"{_count(selection.unchecked)} no published figure to filter by and are kept")
    return "; ".join(parts) + "." if parts else None


def _count(number: int) -> str:
    return "1 has" if number == 1 else f"{number} have"


def releases(rows: Sequence[Row]) -> list[str]:
    """The release and source lines of the figures shown (BLS's, from the first row that has them)."""
    from careercli.presenters import bls

    pay = next((r.pay for r in rows if r.pay is not None), None)
    outlook = next((r.outlook for r in rows if r.outlook is not None), None)
    if pay is None and outlook is None:
        return []
    lines = [bls.releases(pay, outlook)]  # type: ignore[arg-type]
    if any(getattr(r.pay, "aggregate", False) for r in rows):
        lines.append("* The pay is for a whole group of occupations, not this one alone.")
    return [*lines, bls.credit(pay, outlook)]  # type: ignore[arg-type]


def row_json(row: Row) -> dict[str, Any]:
    from careercli.presenters.bls import outlook_json, pay_json

    median, top = row.median
    outlook = row.outlook
    return {
        "code": row.code,
        "title": row.title,
        "job_zone": row.job_zone,
        "median_pay": _whole(median),
        "median_pay_top_coded": top,
        "change_percent": getattr(outlook, "change_pct", None),
        "openings_thousands_a_year": getattr(outlook, "openings", None),
        "education": row.education or None,
        "pay": pay_json(row.pay),  # type: ignore[arg-type]
        "outlook": outlook_json(outlook),  # type: ignore[arg-type]
    }


def _whole(value: float | None) -> float | int | None:
    return int(value) if value is not None and value == int(value) else value


def wanted_json(selection: Selection) -> dict[str, Any]:
    wanted = selection.wanted
    return {
        "sort": wanted.sort,
        "zones": None if wanted.zones is None else list(wanted.zones),
        "education": None if wanted.education is None else list(wanted.education),
        "min_pay": wanted.min_pay,
        "considered": selection.considered,
        "without_sort_figure": selection.without_figure,
        "kept_unchecked": selection.unchecked,
    }


class FiguresView(View):
    """``career list --occupations`` or ``--group NN`` with a sort or a filter (JSON under ``occupations``)."""

    key, pages = "occupations", True
    columns = (("code", "Code"), ("title", "Occupation"), ("job_zone", "Zone"), ("median_pay", "Median pay"),
               ("growth", "Growth"), ("openings", "Openings"), ("education", "Entry education"),
               ("roles", None))  # fmt: skip

    def __init__(self, selection: Selection, group: str | None, credit: str) -> None:
        self.selection, self.group, self.credit = selection, group, credit
        self.title = "career list " + (f"--group {group}" if group else "--occupations")
        if not selection.rows:
            self.empty = "No occupation passes these filters; try wider zones, more education or a lower --min-pay."
        self.aside = missing(selection)

    def data(self) -> Any:
        return {"group": self.group, **wanted_json(self.selection),
                "occupations": [row_json(r) | {"roles": list(r.roles)} for r in self.selection.rows],
                "credit": self.credit, "bls": releases(self.selection.rows)}  # fmt: skip

    def records(self) -> Iterable[Sequence[object]]:
        return [(r.code, r.title, *cells(r), ",".join(r.roles)) for r in self.selection.rows]

    def renderable(self, width: int) -> Any:
        from careercli.presenters.occupation_facts import CURATED_MARK

        under = [f"{CURATED_MARK} {', '.join(r.roles)}" if r.roles else "" for r in self.selection.rows]
        notes = [*summary(self.selection), *releases(self.selection.rows), self.credit]
        return table(self.selection.rows, under, notes, width)


class FigureHitsView(FiguresView):
    """``career search WORDS --kind occupation`` with a sort or a filter (JSON under ``results``, as a search's);
    ``shown``: the rows --limit leaves."""

    key, title, pages = "results", "career search", False
    columns = (*FiguresView.columns[:-1], ("matched", None))

    def __init__(self, selection: Selection, credit: str, no_match: str, shown: Sequence[Row]) -> None:
        super().__init__(selection, None, credit)
        self.title, self.shown = "career search", shown
        if not selection.rows:
            self.empty = no_match

    def data(self) -> Any:
        return [{"kind": "occupation", "id": r.code, "score": r.score, "matched": list(r.matched), **row_json(r)}
                for r in self.shown]  # fmt: skip

    def records(self) -> Iterable[Sequence[object]]:
        return [(r.code, r.title, *cells(r), "; ".join(r.matched)) for r in self.shown]

    def renderable(self, width: int) -> Any:
        rows = self.shown
        notes = [*summary(self.selection), *releases(rows), self.credit]
        if len(rows) < len(self.selection.rows):
            notes.insert(0, f"Showing {len(rows)} of {len(self.selection.rows)}; --limit 0 for all.")
        return table(rows, ["; ".join(r.matched) for r in rows], notes, width)


WIDE = 110  # from this width the entry education has a column; narrower, it goes under the title


def table(rows: Sequence[Row], under: Sequence[str], notes: Sequence[str], width: int) -> Any:
    """The rows as a Rich table (``under``: a dim line under each title: its curated roles or what matched) with
    ``notes`` below it. A figure BLS does not publish shows as "-", and the notes say what that means."""
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    from careercli.presenters.text import single_line, visible

    wide = width >= WIDE
    grid = Table(box=None, pad_edge=False, header_style="bold", expand=True)
    grid.add_column("Code", no_wrap=True, style="green")
    grid.add_column("Occupation", ratio=1)
    for heading in ("Zone", "Median pay", "Growth", "Openings"):
        grid.add_column(heading, justify="right", no_wrap=True)
    if wide:
        grid.add_column("Entry education", width=24)
    missing = False
    for row, extra in zip(rows, under, strict=True):
        zone, pay, growth, openings, education = (c.replace(NOT_PUBLISHED, "-") for c in cells(row))
        missing = missing or "-" in (zone, pay, growth, openings, education)
        education = SHORT_EDUCATION.get(education, education)
        title = Text(visible(single_line(row.title)))
        below = [visible(single_line(extra))] if extra else []
        if not wide:
            below.insert(0, f"entry: {education}")
        if below:
            title.append("\n" + "; ".join(below), style="dim")
        grid.add_row(row.code, title, zone or "-", pay, growth, openings, *([education] if wide else []))
    if missing:
        notes = ["-: not published (by BLS; a zone: by O*NET).", *notes]
    return Group(grid, Text(""), *(Text(visible(line), style="dim") for line in notes))
