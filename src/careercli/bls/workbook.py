"""Read BLS's own workbooks into facts files: the OEWS national or state workbook (``national_M2025_dl.xlsx``,
``state_M2025_dl.xlsx``, or the ``oesm25nat.zip`` / ``oesm25st.zip`` holding it) and the Employment Projections
``occupation.xlsx`` (Table 1.2).

Workbooks are read with python-calamine, imported here only (the import path; reading the facts needs none of
it). Every problem is a :class:`WorkbookError` whose message starts with ``FILE:ROW:`` (the sheet's row number,
as a spreadsheet shows it) when it is about a row, or ``PATH:`` when the file itself cannot be read.
"""

from __future__ import annotations

import io
import os
import re
from collections.abc import Iterator
from typing import Any

from careercli.bls.facts import (
    OEWS_COLUMNS,
    OEWS_FILE,
    PROJECTION_COLUMNS,
    PROJECTIONS_FILE,
    STATES_FILE,
    WAGE_FIELDS,
    dump,
    number_text,
    user_file,
)
from careercli.errors import CareerError
from careercli.records import record

OEWS_NEEDED = (
    "AREA_TYPE",
    "PRIM_STATE",
    "OCC_CODE",
    "OCC_TITLE",
    "O_GROUP",
    "TOT_EMP",
    *(f"H_{f.upper()}" for f in WAGE_FIELDS),
    *(f"A_{f.upper()}" for f in WAGE_FIELDS),
    "ANNUAL",
    "HOURLY",
)
KEPT_GROUPS = frozenset({"detailed", "total"})
_CODE = re.compile(r"^\d{2}-\d{4}$")
_RELEASE = re.compile(r"\b(January|February|March|April|May|June|July|August|September|October|November|December)"
                      r"\s+(\d{4})\b")  # fmt: skip
_SHEET_RELEASE = re.compile(r"_M(\d{4})_", re.IGNORECASE)
_TOP = re.compile(r"\$\s*([\d,]+(?:\.\d+)?)\s+per hour or\s+\$\s*([\d,]+)\s+per year", re.IGNORECASE)


class WorkbookError(CareerError):
    """A workbook that cannot be imported: not a workbook, cut short, a wrong header, a malformed row."""


@record
class Facts:
    """What an import read: the facts file's ``#key`` lines and rows, and what the summary line says."""

    kind: str  # "national", "states" or "projections"
    meta: dict[str, str]
    rows: list[tuple[str, ...]]
    count: int  # occupations (national, projections) or areas (states)


# -- opening ---------------------------------------------------------------------------------------------------
def open_workbook(path: str) -> tuple[Any, str]:
    """The workbook at ``path`` (an .xlsx, or a zip holding one) and the name its errors use."""
    import zipfile

    import python_calamine

    name = os.path.basename(path)
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except FileNotFoundError:
        raise WorkbookError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise WorkbookError(
            f"{path}: a folder, not a workbook", "give BLS's .xlsx file or the zip holding it"
        ) from None
    except OSError as error:
        raise WorkbookError(f"{path}: cannot read it ({error.strerror})") from None
    if not data.startswith(b"PK"):
        raise WorkbookError(
            f"{path}: not an Excel workbook (.xlsx) or a zip holding one", "give BLS's .xlsx file or the zip holding it"
        )
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise WorkbookError(
            f"{path}: the file is cut short or damaged (not a complete .xlsx or zip)", "download it again from bls.gov"
        ) from None
    with archive:
        names = archive.namelist()
        if "[Content_Types].xml" not in names:  # a zip of workbooks, as BLS publishes them (oesm25nat.zip)
            inner = [n for n in names if n.lower().endswith(".xlsx") and not n.rsplit("/", 1)[-1].startswith("~")]
            if len(inner) != 1:
                found = "no .xlsx workbook" if not inner else f"{len(inner)} workbooks"
                raise WorkbookError(f"{path}: {found} in the zip", "give the .xlsx file itself")
            name = f"{name}:{inner[0]}"
            try:
                data = archive.read(inner[0])
            except (zipfile.BadZipFile, OSError, EOFError) as error:
                raise WorkbookError(f"{name}: the workbook is damaged in the zip ({error})") from None
    try:
        return python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data)), name
    except Exception as error:  # calamine's errors: CalamineError, ZipError, XmlError, PasswordError
        raise WorkbookError(f"{name}: the workbook is damaged or not an .xlsx ({error})") from None


def _rows(sheet: Any, name: str) -> Iterator[tuple[int, list[Any]]]:
    """The sheet's rows with their row numbers as a spreadsheet shows them."""
    first = sheet.start[0] + 1 if sheet.start else 1
    try:
        for index, row in enumerate(sheet.iter_rows()):
            yield first + index, row
    except Exception as error:  # calamine's errors while reading the sheet's XML
        raise WorkbookError(f"{name}: the workbook is damaged ({error})") from None


def _text(cell: Any) -> str:
    if isinstance(cell, bool):
        return "TRUE" if cell else "FALSE"
    if isinstance(cell, float):
        return number_text(cell)
    return str(cell).strip()


# -- OEWS ---------------------------------------------------------------------------------------------------------
def read_oews(path: str) -> Facts:
    """An OEWS workbook (national, or state: AREA_TYPE 2) as facts; a workbook holding both keeps the national
    rows. Rows of other areas (metro, territories) and of industries are skipped."""
    book, name = open_workbook(path)
    sheet_name = book.sheet_names[0] if book.sheet_names else ""
    rows = _rows(book.get_sheet_by_index(0), name) if sheet_name else iter(())
    header_row = next(rows, None)
    if header_row is None:
        raise WorkbookError(f"{name}:1: the sheet is empty (expected BLS's header row: AREA, AREA_TITLE, ...)")
    number, cells = header_row
    header = [_text(c).upper() for c in cells]
    absent = [c for c in OEWS_NEEDED if c not in header]
    if absent:
        raise WorkbookError(
            f"{name}:{number}: wrong header: no column {', '.join(absent[:4])}{' ...' if len(absent) > 4 else ''}",
            "expected an OEWS workbook from bls.gov/oes (national_M2025_dl.xlsx, state_M2025_dl.xlsx)",
        )
    at = {c: header.index(c) for c in OEWS_NEEDED}
    industry = header.index("I_GROUP") if "I_GROUP" in header else None
    width = max(at.values()) + 1
    national: list[tuple[str, ...]] = []
    states: list[tuple[str, ...]] = []
    seen: set[tuple[str, str]] = set()
    for number, cells in rows:
        if not any(_text(c) for c in cells):
            continue
        if len(cells) < width:
            raise WorkbookError(f"{name}:{number}: the row has {len(cells)} cells, the header {len(header)}")
        if industry is not None and _text(cells[industry]).casefold() not in ("cross-industry", ""):
            continue
        area_type = _text(cells[at["AREA_TYPE"]])
        if area_type not in ("1", "2"):
            continue
        group = _text(cells[at["O_GROUP"]]).casefold()
        if group not in KEPT_GROUPS:
            continue
        code = _text(cells[at["OCC_CODE"]])
        if not _CODE.match(code):
            raise WorkbookError(f"{name}:{number}: bad occupation code {code[:20]!r} in OCC_CODE (expected 15-1252)")
        area = "US" if area_type == "1" else _text(cells[at["PRIM_STATE"]]).upper()
        if not re.fullmatch(r"[A-Z]{2}", area):
            raise WorkbookError(f"{name}:{number}: bad state {area[:20]!r} in PRIM_STATE (expected two letters)")
        if (area, code) in seen:
            raise WorkbookError(f"{name}:{number}: occupation {code} appears twice for {area}")
        seen.add((area, code))
        title = _text(cells[at["OCC_TITLE"]])
        figures = [_figure(cells[at[c]], c, name, number) for c in OEWS_NEEDED[5:18]]
        only = "annual" if _flag(cells[at["ANNUAL"]]) else "hourly" if _flag(cells[at["HOURLY"]]) else ""
        (national if area == "US" else states).append((area, code, title, group, *figures, only))
    kind, kept = ("national", national) if national else ("states", states)
    if not any(r[3] == "detailed" for r in kept):
        raise WorkbookError(f"{name}: no detailed occupations of the U.S. or a state in the workbook")
    release, top_hourly, top_annual = _oews_release(book, sheet_name, name)
    meta = {
        "kind": "OEWS",
        "release": release,
        "area": "U.S." if kind == "national" else "states",
        "source": os.path.basename(name),
        "top_hourly": top_hourly,
        "top_annual": top_annual,
    }
    assert len(kept[0]) == len(OEWS_COLUMNS)
    count = sum(1 for r in kept if r[3] == "detailed") if kind == "national" else len({r[0] for r in kept})
    return Facts(kind, meta, kept, count)


def _figure(cell: Any, column: str, name: str, number: int) -> str:
    text = _text(cell)
    if text in ("", "*", "#", "**"):
        return text
    try:
        value = float(text.replace(",", ""))  # an older workbook may hold numbers as text: "135,980"
    except ValueError:
        raise WorkbookError(
            f"{name}:{number}: {column} is {text[:20]!r}: not a number or one of BLS's marks (*, #, **)"
        ) from None
    return number_text(value)


def _flag(cell: Any) -> bool:
    return cell is True or _text(cell).upper() == "TRUE"


def _oews_release(book: Any, sheet_name: str, name: str) -> tuple[str, str, str]:
    """The release ("May 2025") and the top code (hourly, annual) from the "Field Descriptions" sheet, else the
    release from the sheet's or the file's name (``national_M2025_dl``)."""
    release = top_hourly = top_annual = ""
    notes = [s for s in book.sheet_names if s.strip().casefold() == "field descriptions"]
    if notes:
        try:
            cells = [_text(c) for row in book.get_sheet_by_name(notes[0]).iter_rows() for c in row]
        except Exception:  # pragma: no cover - a damaged notes sheet: the names still give the release
            cells = []
        for text in cells:
            if not release and "OEWS" in text and (match := _RELEASE.search(text)):
                release = f"{match.group(1)} {match.group(2)}"
            if not top_hourly and text.lstrip().startswith("#") and (match := _TOP.search(text)):
                top_hourly, top_annual = match.group(1).replace(",", ""), match.group(2).replace(",", "")
    if not release:
        match = _SHEET_RELEASE.search(f"_{sheet_name}_") or _SHEET_RELEASE.search(f"_{os.path.basename(name)}_")
        if match:
            release = f"May {match.group(1)}"
    return release, top_hourly, top_annual


# -- Employment Projections ---------------------------------------------------------------------------------------
_EP_HEADERS = {
    "code": re.compile(r"^(\d{4}) national employment matrix code"),
    "title": re.compile(r"^(\d{4}) national employment matrix title"),
    "type": re.compile(r"^occupation type"),
    "employment_base": re.compile(r"^employment, (\d{4})$"),
    "change": re.compile(r"^employment change, numeric"),
    "change_pct": re.compile(r"^employment change, percent"),
    "openings": re.compile(r"^occupational openings"),
    "education": re.compile(r"^typical education needed for entry"),
    "experience": re.compile(r"^work experience in a related occupation"),
    "training": re.compile(r"^typical on-the-job training"),
}


def read_projections(path: str) -> Facts:
    """BLS's ``occupation.xlsx``, its sheet "Table 1.2" (occupational projections and worker characteristics)."""
    book, name = open_workbook(path)
    sheets = [s for s in book.sheet_names if re.search(r"\b1\.2\b", s)]
    if not sheets:
        raise WorkbookError(
            f"{name}: no sheet 'Table 1.2' (occupational projections and worker characteristics)",
            "give BLS's occupation.xlsx from bls.gov/emp",
        )
    rows = _rows(book.get_sheet_by_name(sheets[0]), f"{name}[{sheets[0]}]")
    at: dict[str, int] = {}
    base = projected = ""
    number = 0
    for number, cells in rows:
        header = [re.sub(r"\s+", " ", _text(c)).casefold() for c in cells]
        if any(_EP_HEADERS["code"].match(h) for h in header):
            for key, pattern in _EP_HEADERS.items():
                found = [i for i, h in enumerate(header) if pattern.match(h)]
                if found:
                    at[key] = found[0]
            years = [m.group(1) for h in header if (m := _EP_HEADERS["employment_base"].match(h))]
            if len(years) >= 2:
                base, projected = years[0], years[1]
                at["employment_projected"] = header.index(f"employment, {projected}")
            break
        if number >= 20:
            break
    wanted = ("code", "title", "type", "employment_base", "employment_projected", "change", "change_pct", "openings")
    absent = [k for k in wanted if k not in at]
    if absent:
        raise WorkbookError(
            f"{name}:{number}: wrong header: no {', '.join(absent[:3]).replace('_', ' ')} column in the first rows"
            if at
            else f"{name}: wrong header: no 'National Employment Matrix code' column in the first 20 rows",
            "expected BLS's occupation.xlsx, sheet 'Table 1.2'",
        )
    kept: list[tuple[str, ...]] = []
    average = ""
    seen: set[str] = set()
    for number, cells in rows:
        get = {k: (_text(cells[i]) if i < len(cells) else "") for k, i in at.items()}
        code = get["code"]
        if not code:
            continue
        if not _CODE.match(code):
            if not kept:  # a second header line or a note above the data
                continue
            if code.lower().startswith(("note", "source", "footnote", "[")):
                break
            raise WorkbookError(f"{name}:{number}: bad occupation code {code[:20]!r} (expected 15-1252)")
        numbers = [_ep_number(get[k], k, name, number) for k in wanted[3:]]
        if code == "00-0000":
            average = numbers[3]
        if get["type"].casefold() != "line item":
            continue
        if code in seen:
            raise WorkbookError(f"{name}:{number}: occupation {code} appears twice")
        seen.add(code)
        kept.append((code, get["title"], *numbers, get.get("education", ""), get.get("experience", ""),
                     get.get("training", "")))  # fmt: skip
    if not kept:
        raise WorkbookError(f"{name}: no occupations ('Line item' rows) in Table 1.2")
    assert len(kept[0]) == len(PROJECTION_COLUMNS)
    meta = {
        "kind": "Employment Projections",
        "release": f"{base}–{projected[2:]}",
        "base_year": base,
        "projected_year": projected,
        "average_change_pct": average,
        "source": f"BLS Employment Projections {base}–{projected[2:]}, Table 1.2 ({os.path.basename(name)})",
    }
    return Facts("projections", meta, kept, len(kept))


def _ep_number(text: str, column: str, name: str, number: int) -> str:
    if text in ("", "—", "-", "–"):
        return ""
    try:
        return number_text(float(text.replace(",", "")))
    except ValueError:
        raise WorkbookError(f"{name}:{number}: {column.replace('_', ' ')} is {text[:20]!r}: not a number") from None


# -- keeping an import ------------------------------------------------------------------------------------------
def target_name(kind: str) -> str:
    return {"national": OEWS_FILE, "states": STATES_FILE, "projections": PROJECTIONS_FILE}[kind]


def install(facts: Facts) -> str:
    """Write ``facts`` as the user's import (a new file renamed over the old one: a reader sees one or the other);
    the path written."""
    from careercli.atomic import write_atomically

    columns = PROJECTION_COLUMNS if facts.kind == "projections" else OEWS_COLUMNS
    target = user_file(target_name(facts.kind))
    text = dump(facts.meta, columns, facts.rows)
    try:
        write_atomically(target, text.encode("utf-8"), fsync=True, mode=0o644, make_parents=True)
    except OSError as error:
        raise WorkbookError(f"{target}: cannot write the import ({error.strerror})") from None
    return target


def summary(facts: Facts) -> str:
    """The one line an import prints."""
    release = facts.meta.get("release") or "(release unknown)"
    if facts.kind == "projections":
        average = facts.meta.get("average_change_pct")
        tail = f"; all occupations {float(average):+.1f} %" if average else ""
        return f"Imported BLS Employment Projections {release}: {facts.count:,} occupations{tail}"
    if facts.kind == "states":
        return f"Imported OEWS {release} by state: {facts.count} states and areas, {len(facts.rows):,} rows"
    return f"Imported OEWS {release} (U.S.): {facts.count:,} detailed occupations"
