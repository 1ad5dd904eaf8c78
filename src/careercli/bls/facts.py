"""BLS pay (OEWS) and outlook (Employment Projections) by occupation: the extract's format, and reading it.

The facts are kept as small tab-separated files, the same format for the extract bundled in ``data/bls/`` and for
an import (``career data import-oews`` / ``import-projections``) in the user's data folder, which replaces the
bundled file for reading. Each file starts with ``#key<TAB>value`` lines (the format, the release, its source),
then one header row, then one row an occupation. Figures are kept as BLS writes them: a number, or one of BLS's
marks: ``*`` (a wage estimate not available), ``#`` (a wage at or above the top code), ``**`` (an employment
estimate not available); an empty field is a blank cell. They never turn into numbers.

    from careercli.bls import facts
    pay = facts.pay_for("15-1252.00")       # Pay | None: None when BLS publishes nothing for the code
    outlook = facts.outlook_for("15-1252")  # Outlook | None

An O*NET-SOC code (``15-1252.00``) maps to its 6-digit SOC code (``15-1252``). When BLS publishes a code only as
part of an OEWS-specific group (``13-1021`` under ``13-1020`` Buyers and Purchasing Agents), that group's row is
used and the record says so (:attr:`Pay.code` differs from :attr:`Pay.asked`, :attr:`Pay.aggregate` is true).
Standard library only; reads one small file a call.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from careercli.errors import CareerError
from careercli.paths import plain
from careercli.records import record

if TYPE_CHECKING:
    from collections.abc import Iterable

FORMAT = "careercli-bls 1"
OEWS_FILE = "oews.tsv"
STATES_FILE = "oews-states.tsv"
PROJECTIONS_FILE = "projections.tsv"

WAGE_FIELDS = ("mean", "pct10", "pct25", "median", "pct75", "pct90")
OEWS_COLUMNS = (
    "area",
    "code",
    "title",
    "group",
    "employment",
    *(f"h_{f}" for f in WAGE_FIELDS),
    *(f"a_{f}" for f in WAGE_FIELDS),
    "only",
)
PROJECTION_COLUMNS = (
    "code",
    "title",
    "employment_base",
    "employment_projected",
    "change",
    "change_pct",
    "openings",
    "education",
    "experience",
    "training",
)
MARKS = {"*": "not available", "#": "at or above the top code", "**": "employment not available"}


@record
class Amount:
    """One figure: ``value`` when BLS publishes a number; else ``mark`` is BLS's symbol (``*``, ``#``, ``**``) or
    empty for a blank cell."""

    value: float | None
    mark: str = ""

    @property
    def published(self) -> bool:
        return self.value is not None

    @property
    def top_coded(self) -> bool:
        return self.mark == "#"


@record
class Wages:
    """Hourly or annual wages: the mean and the 10th, 25th, 50th (median), 75th and 90th percentiles."""

    mean: Amount
    pct10: Amount
    pct25: Amount
    median: Amount
    pct75: Amount
    pct90: Amount


@record
class Pay:
    """OEWS pay for one occupation in one area (``US``, or a state's postal code)."""

    asked: str  # the 6-digit SOC code asked for
    code: str  # the code of the row used: ``asked``, or the OEWS group that holds it
    title: str
    group: str  # BLS's O_GROUP: detailed, broad, ..., total
    area: str
    employment: Amount
    hourly: Wages
    annual: Wages
    only: str  # "annual" when BLS publishes only annual wages (ANNUAL=TRUE), "hourly" likewise, else ""
    release: str  # "May 2025"
    top_hourly: str  # the top code, as the release states it ("115.00"); empty when unknown
    top_annual: str  # "239200"
    imported: bool  # from the user's import, not the bundled extract

    @property
    def aggregate(self) -> bool:
        """The figures are for a group of occupations: an "All Other" residual, an OEWS-specific group, or a row
        that holds the code asked for rather than the code itself."""
        return is_aggregate(self.code, self.title, self.group) or self.code != self.asked


@record
class Outlook:
    """Employment Projections for one occupation; employment and openings in thousands, as BLS publishes them."""

    asked: str
    code: str
    title: str
    employment_base: float | None
    employment_projected: float | None
    change: float | None
    change_pct: float | None
    openings: float | None  # a year, on average over the decade
    education: str  # typical education needed for entry
    experience: str  # work experience in a related occupation
    training: str  # typical on-the-job training
    base_year: str  # "2024"
    projected_year: str  # "2034"
    release: str  # "2024-34", with an en dash as BLS writes it
    average_change_pct: float | None  # the change for all occupations: what "average" means
    source: str  # the source line
    imported: bool

    @property
    def aggregate(self) -> bool:
        return is_aggregate(self.code, self.title, "") or self.code != self.asked


def is_aggregate(code: str, title: str, group: str) -> bool:
    """True for a row that stands for several occupations: any group above "detailed", an "All Other" residual
    (15-1299 Computer Occupations, All Other), or an OEWS-specific code ending in 0 (13-1020)."""
    return (bool(group) and group != "detailed") or "all other" in title.casefold() or code.endswith("0")


# the areas of BLS's state workbooks (PRIM_STATE): the 50 states, DC and the territories OEWS publishes
STATES = {
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California", "CO": "Colorado",
    "CT": "Connecticut", "DE": "Delaware", "DC": "District of Columbia", "FL": "Florida", "GA": "Georgia",
    "HI": "Hawaii", "ID": "Idaho", "IL": "Illinois", "IN": "Indiana", "IA": "Iowa", "KS": "Kansas",
    "KY": "Kentucky", "LA": "Louisiana", "ME": "Maine", "MD": "Maryland", "MA": "Massachusetts", "MI": "Michigan",
    "MN": "Minnesota", "MS": "Mississippi", "MO": "Missouri", "MT": "Montana", "NE": "Nebraska", "NV": "Nevada",
    "NH": "New Hampshire", "NJ": "New Jersey", "NM": "New Mexico", "NY": "New York", "NC": "North Carolina",
    "ND": "North Dakota", "OH": "Ohio", "OK": "Oklahoma", "OR": "Oregon", "PA": "Pennsylvania",
    "RI": "Rhode Island", "SC": "South Carolina", "SD": "South Dakota", "TN": "Tennessee", "TX": "Texas",
    "UT": "Utah", "VT": "Vermont", "VA": "Virginia", "WA": "Washington", "WV": "West Virginia",
    "WI": "Wisconsin", "WY": "Wyoming", "GU": "Guam", "PR": "Puerto Rico", "VI": "Virgin Islands",
}  # fmt: skip


def checked_state(value: str | None) -> str | None:
    """--state as a postal code BLS publishes (``ca`` -> ``CA``); None for None; a usage error for anything else."""
    if value is None:
        return None
    found = state_code(value)
    if found is None:
        from careercli.errors import UsageError

        shown = value if value.isprintable() and len(value) <= 20 else repr(value[:20])
        raise UsageError(f"--state {shown}: not a U.S. state's postal code (such as CA, NY or TX)")
    return found


def state_code(text: str) -> str | None:
    """The postal code of a state or territory OEWS publishes (``"ca"`` -> ``"CA"``); None for anything else."""
    code = text.strip().upper()
    return code if code in STATES else None


def area_name(area: str) -> str:
    """How a page names an area: "U.S." or the state's name ("California")."""
    return "U.S." if area == "US" else STATES.get(area, area)


def soc_code(code: str) -> str | None:
    """The 6-digit SOC code of an O*NET-SOC or SOC code (``15-1252.00`` -> ``15-1252``); None for anything else."""
    code = code.strip()
    if len(code) not in (7, 10) or code[2] != "-" or (len(code) == 10 and code[7] != "."):
        return None
    digits = code[:2] + code[3:7] + code[8:]
    return code[:7] if digits.isascii() and digits.isdigit() else None


# -- where the files are ------------------------------------------------------------------------------------------
def bundled_folder() -> str:
    from careercli.paths import bundled_data_folder

    return plain(os.path.join(bundled_data_folder(), "bls"))


def user_folder() -> str:
    from careercli.paths import data_folder

    return plain(os.path.join(data_folder(), "bls"))


def user_file(name: str) -> str:
    return os.path.join(user_folder(), name)


def _in_use(name: str) -> tuple[str, bool]:
    """The file to read: the user's import of ``name`` when there is one, else the bundled one."""
    user = user_file(name)
    if os.path.isfile(user):
        return user, True
    return os.path.join(bundled_folder(), name), False


# -- reading --------------------------------------------------------------------------------------------------
class Table:
    """One facts file, read whole as bytes: its ``#key`` lines and header are decoded and checked at once; a row
    is found and decoded only when asked for (a page needs one row: decoding 100 KB would cost more than reading)."""

    def __init__(self, path: str, columns: tuple[str, ...], imported: bool) -> None:
        self.path = path
        self.imported = imported
        try:
            with open(path, "rb") as handle:
                data = handle.read()
        except FileNotFoundError:
            raise CareerError(f"{path}: the BLS facts file is missing", _repair(imported)) from None
        except OSError as error:
            raise CareerError(f"{path}: cannot read the BLS facts ({error.strerror})", _repair(imported)) from None
        self.meta: dict[str, str] = {}
        at = 0
        header: tuple[str, ...] = ()
        try:
            while data.startswith(b"#", at):
                end = data.find(b"\n", at)
                end = len(data) if end < 0 else end
                key, _, value = data[at + 1 : end].decode("utf-8").partition("\t")
                self.meta[key] = value
                at = end + 1
            end = data.find(b"\n", at)
            header = tuple(data[at : len(data) if end < 0 else end].decode("utf-8").split("\t"))
        except UnicodeDecodeError:
            pass
        if self.meta.get("format") != FORMAT or header != columns:
            raise CareerError(f"{path}: not a careercli BLS facts file of this version", _repair(imported))
        self.body = data[end:] if end >= 0 else b"\n"

    def row(self, *key: str) -> list[str] | None:
        """The row whose first fields are ``key``; None when there is none."""
        prefix = ("\n" + "\t".join(key) + "\t").encode("utf-8")
        at = self.body.find(prefix)
        if at < 0:
            return None
        end = self.body.find(b"\n", at + 1)
        line = self.body[at + 1 : end if end >= 0 else len(self.body)]
        try:
            return line.decode("utf-8").split("\t")
        except UnicodeDecodeError:
            raise CareerError(f"{self.path}: the BLS facts are damaged (not UTF-8)", _repair(self.imported)) from None

    def rows(self) -> list[list[str]]:
        return [line.split("\t") for line in self.body.decode("utf-8", "replace").split("\n") if line]


def _repair(imported: bool) -> str:
    if imported:
        return "import the release again ('career data import-oews' or 'import-projections'), or remove the import"
    return "reinstall careercli: its bundled BLS extract is damaged"


def oews_table(state: bool = False) -> Table:
    path, imported = _in_use(STATES_FILE if state else OEWS_FILE)
    if state and not imported:
        raise CareerError(
            "no pay by state: import a BLS state workbook first",
            "import one: career data import-oews state_M2025_dl.xlsx (inside BLS's oesm25st.zip)",
        )
    return Table(path, OEWS_COLUMNS, imported)


def projections_table() -> Table:
    path, imported = _in_use(PROJECTIONS_FILE)
    return Table(path, PROJECTION_COLUMNS, imported)


def amount(text: str) -> Amount:
    """A field as an :class:`Amount`: a number, or BLS's mark (``*``, ``#``, ``**``), or blank."""
    if text in MARKS or not text:
        return Amount(None, text)
    try:
        return Amount(float(text))
    except ValueError:
        return Amount(None, "*")


def _lookup(table: Table, soc: str, area: str | None) -> list[str] | None:
    key = (area, soc) if area is not None else (soc,)
    found = table.row(*key)
    if found is None and not soc.endswith("0"):
        group = soc[:-1] + "0"  # an OEWS-specific group that holds the code (13-1021 -> 13-1020)
        found = table.row(*((area, group) if area is not None else (group,)))
    return found


def labour_for(codes: Iterable[str], state: str | None = None) -> dict[str, tuple[Pay | None, Outlook | None]]:
    """(pay, outlook) of each code, each file read once: for the pages that show several occupations."""
    oews, projections = oews_table(state is not None), projections_table()
    return {code: (pay_for(code, state, oews), outlook_for(code, projections)) for code in codes}


def pay_for(code: str, state: str | None = None, table: Table | None = None) -> Pay | None:
    """OEWS pay for an O*NET-SOC or SOC code, national or for a state (``"CA"``); None when BLS publishes none.
    ``table``: the OEWS table already read (a listing looks up many codes in one read)."""
    soc = soc_code(code)
    if soc is None:
        return None
    table = table or oews_table(state is not None)
    area = (state or "US").upper()
    row = _lookup(table, soc, area)
    if row is None:
        return None
    return pay_of(row, soc, table)


def pay_of(row: list[str], asked: str, table: Table) -> Pay:
    values = [amount(v) for v in row[4:17]]
    return Pay(
        asked,
        row[1],
        row[2],
        row[3],
        row[0],
        values[0],
        Wages(*values[1:7]),
        Wages(*values[7:13]),
        row[17],
        table.meta.get("release", ""),
        table.meta.get("top_hourly", ""),
        table.meta.get("top_annual", ""),
        table.imported,
    )


def _number(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None


def outlook_for(code: str, table: Table | None = None) -> Outlook | None:
    """Employment Projections for an O*NET-SOC or SOC code; None when BLS projects none for it (``table``: the
    projections already read)."""
    soc = soc_code(code)
    if soc is None:
        return None
    table = table or projections_table()
    row = _lookup(table, soc, None)
    if row is None:
        return None
    meta = table.meta
    base, projected, change, change_pct, openings = (_number(v) for v in row[2:7])
    return Outlook(
        soc,
        row[0],
        row[1],
        base,
        projected,
        change,
        change_pct,
        openings,
        row[7],
        row[8],
        row[9],
        meta.get("base_year", ""),
        meta.get("projected_year", ""),
        meta.get("release", ""),
        _number(meta.get("average_change_pct", "")),
        meta.get("source", ""),
        table.imported,
    )


# -- writing (the build script and the imports) ----------------------------------------------------------------
def dump(meta: dict[str, str], columns: tuple[str, ...], rows: list[tuple[str, ...]]) -> str:
    """A facts file's text: the ``#format`` line and ``meta``, the header, the rows (sorted by their key)."""
    lines = [f"#format\t{FORMAT}", *(f"#{k}\t{_field(v)}" for k, v in meta.items()), "\t".join(columns)]
    for row in sorted(rows):
        if len(row) != len(columns):  # pragma: no cover - the readers make rows of the right width
            raise ValueError(f"row of {len(row)} fields for {len(columns)} columns: {row!r}")
        lines.append("\t".join(_field(v) for v in row))
    return "\n".join(lines) + "\n"


def _field(value: str) -> str:
    return " ".join(value.replace("\t", " ").split()) if any(c in value for c in "\t\r\n") else value.strip()


def number_text(value: float) -> str:
    """A number as the facts files keep it: ``135980``, ``65.38`` (no exponent, no trailing ``.0``)."""
    if value == int(value) and abs(value) < 1e15:
        return str(int(value))
    return repr(round(value, 6))
