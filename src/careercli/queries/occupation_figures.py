"""Occupations with their job zone and BLS figures, filtered and sorted: ``career list --occupations`` (or
``--group NN``) and ``career search --kind occupation`` with ``--sort``, ``--zone``, ``--education`` and
``--min-pay``.

The figures are BLS's as the pages show them: the median annual wage of OEWS (BLS's top code counts as that
figure: the median is at least it), the 2024-34 percent change and the annual openings of the Employment
Projections, and its typical entry education; the job zone is O*NET's. Nothing is invented for an occupation
BLS does not publish a figure for: sorted by that figure it comes last, and a filter on that figure keeps it
(as ``career discover`` does), marked, and counted so that the listing can say so.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Mapping, Sequence

from careercli.errors import UsageError
from careercli.records import record

# the words --education takes -> BLS's categories of typical education needed for entry, most first
EDUCATION = {
    "doctoral": "Doctoral or professional degree",
    "master": "Master's degree",
    "bachelor": "Bachelor's degree",
    "associate": "Associate's degree",
    "postsecondary": "Postsecondary nondegree award",
    "some-college": "Some college, no degree",
    "high-school": "High school diploma or equivalent",
    "none": "No formal educational credential",
}
SORTS = {"pay": "median annual pay", "growth": "projected growth", "openings": "openings a year"}
OPTIONS = "--sort, --zone, --education and --min-pay"


@record
class Wanted:
    """What the options ask for; None: not asked."""

    sort: str | None = None
    zones: tuple[int, ...] | None = None
    education: tuple[str, ...] | None = None  # BLS's categories
    min_pay: int | None = None

    @property
    def active(self) -> bool:
        return any(v is not None for v in (self.sort, self.zones, self.education, self.min_pay))


def wanted(sort: str | None, zone: str | None, education: str | None, min_pay: int | None) -> Wanted:
    """The options read (a :class:`UsageError` for a zone or education word that is not one); ``--min-pay 0`` is
    no minimum."""
    if sort is not None and sort not in SORTS:
        raise UsageError(f"--sort takes {', '.join(SORTS)}")
    zones = None
    if zone is not None:
        from careercli.queries.discover import zones_from

        zones = zones_from(zone)
    return Wanted(sort, zones, None if education is None else education_from(education), min_pay or None)


def education_from(text: str) -> tuple[str, ...]:
    """BLS's categories from "bachelor" or "bachelor,master" (in BLS's order, each once)."""
    words = {w.strip().casefold() for w in text.split(",")}
    if not words or not words <= EDUCATION.keys():
        raise UsageError(f"--education takes one or more of {', '.join(EDUCATION)} (e.g. bachelor,master)")
    return tuple(category for word, category in EDUCATION.items() if word in words)


@record
class Row:
    """One occupation with what the listing shows of it; ``pay`` and ``outlook`` are BLS's records (None: BLS
    publishes none); ``matched`` and ``score`` are a search hit's."""

    code: str
    title: str
    job_zone: int | None
    pay: object | None  # careercli.bls.facts.Pay
    outlook: object | None  # careercli.bls.facts.Outlook
    roles: tuple[str, ...] = ()
    matched: tuple[str, ...] = ()
    score: float | None = None

    @property
    def median(self) -> tuple[float | None, bool]:
        """The median annual pay and whether it is BLS's top code (then the median is at least that)."""
        from careercli.queries.discover import median_pay

        return median_pay(self.pay)

    @property
    def education(self) -> str:
        return getattr(self.outlook, "education", "") or ""

    def figure(self, sort: str) -> float | None:
        """The figure ``sort`` orders by; None when BLS publishes none."""
        if sort == "pay":
            return self.median[0]
        return getattr(self.outlook, "change_pct" if sort == "growth" else "openings", None)


@record
class Selection:
    """The rows to show, in order, and what the listing must say about them."""

    rows: tuple[Row, ...]
    wanted: Wanted
    considered: int  # occupations before the filters
    without_figure: int  # with --sort: rows BLS publishes no such figure for (they come last)
    unchecked: int  # rows a filter kept because BLS (or O*NET) publishes no figure to check


def rows_of(db: sqlite3.Connection, hits: Iterable[tuple[str, str, tuple[str, ...], float | None]],
            linked: Mapping[str, tuple[str, ...]]) -> list[Row]:  # fmt: skip
    """Each (code, title, matched, score) with its job zone, BLS pay and outlook and curated roles; each BLS file
    is read once."""
    from careercli.bls import facts

    zones = dict(db.execute("SELECT code, job_zone FROM occupation"))
    oews, projections = facts.oews_table(), facts.projections_table()
    return [
        Row(code, title, zones.get(code), facts.pay_for(code, None, oews), facts.outlook_for(code, projections),
            tuple(linked.get(code, ())), matched, score)
        for code, title, matched, score in hits
    ]  # fmt: skip


def select(rows: Sequence[Row], wanted: Wanted) -> Selection:
    """The rows the filters keep, sorted by ``wanted.sort`` (highest first, ties by title) when asked, else in the
    order given; rows without the sorted figure last, in the order given."""
    kept: list[Row] = []
    unchecked = 0
    for row in rows:
        verdict = _passes(row, wanted)
        if verdict is False:
            continue
        unchecked += verdict is None
        kept.append(row)
    missing = 0
    if wanted.sort is not None:
        sort = wanted.sort
        known = [r for r in kept if r.figure(sort) is not None]
        unknown = [r for r in kept if r.figure(sort) is None]
        known.sort(key=lambda r: (-(r.figure(sort) or 0.0), r.title.casefold(), r.code))
        kept, missing = known + unknown, len(unknown)
    return Selection(tuple(kept), wanted, len(rows), missing, unchecked)


def _passes(row: Row, wanted: Wanted) -> bool | None:
    """True: every filter passes; False: one fails; None: none fails but one could not be checked."""
    unknown = False
    if wanted.zones is not None:
        if row.job_zone is None:
            unknown = True
        elif row.job_zone not in wanted.zones:
            return False
    if wanted.education is not None:
        if not row.education:
            unknown = True
        elif row.education not in wanted.education:
            return False
    if wanted.min_pay is not None:
        median, top = row.median
        if median is None:
            unknown = True
        elif median < wanted.min_pay and not top:
            return False
    return None if unknown else True
