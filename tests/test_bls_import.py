"""``career data import-oews``/``import-projections`` and their removal, through the installed command, with
workbooks made of real BLS rows (tests/fixtures/bls, made by make_fixtures.py) and, when present, the full files."""

from __future__ import annotations

import json
import os
import sys
import zipfile
from pathlib import Path

import pytest

from careercli.bls import facts

FIXTURES = Path(__file__).parent / "fixtures" / "bls"
OEWS_2024 = FIXTURES / "national_M2024_dl.xlsx"
PROJECTIONS = FIXTURES / "occupation.xlsx"
SHARED = Path(__file__).resolve().parents[2] / "shared" / "bls" / "oews"

sys.path.insert(0, str(FIXTURES))
from make_fixtures import write_xlsx  # noqa: E402


def _bls_folder(home: Path) -> Path:
    return home / "data" / "careercli" / "bls"


def test_import_oews_then_remove(career, isolated_home):
    result = career("data", "import-oews", str(OEWS_2024))
    assert (result.code, result.err) == (0, "")
    assert result.out == "Imported OEWS May 2024 (U.S.): 7 detailed occupations\n"
    pay = facts.pay_for("15-1252.00")
    assert pay is not None
    assert (pay.release, pay.imported, pay.annual.median.value) == ("May 2024", True, 133080.0)
    orthodontists = facts.pay_for("29-1023")
    assert orthodontists is not None
    assert orthodontists.annual.median == facts.Amount(None, "#")
    assert orthodontists.annual.pct10.value == 98560.0
    actors = facts.pay_for("27-2011")
    assert actors is not None
    assert (actors.only, actors.annual.median.mark, actors.hourly.median.value) == ("hourly", "*", 23.33)
    assert facts.pay_for("15-1251") is None  # not in the import: the import replaces the bundled figures
    paths = json.loads(career("where", "--json").out)["paths"]
    assert (paths["oews_release"], paths["projections_release"]) == ("May 2024", "none")
    target = _bls_folder(isolated_home) / "oews.tsv"
    removed = career("data", "remove-oews")
    assert (removed.code, removed.out) == (
        0,
        f"Removed the OEWS import ({target}); the bundled figures are in use again.\n",
    )
    again = facts.pay_for("15-1252")
    assert again is not None
    assert (again.release, again.annual.median.value) == ("May 2025", 135980.0)
    nothing = career("data", "remove-oews")
    assert nothing.out == "No OEWS import to remove; the bundled figures are in use.\n"


def test_import_the_zip_bls_publishes(career, tmp_path):
    archive = tmp_path / "oesm24nat.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.write(OEWS_2024, "oesm24nat/national_M2024_dl.xlsx")
    result = career("data", "import-oews", str(archive))
    assert (result.code, result.out) == (0, "Imported OEWS May 2024 (U.S.): 7 detailed occupations\n")


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/bls is not beside this checkout")
def test_import_the_full_may_2024_workbook(career):
    result = career("data", "import-oews", str(SHARED / "national_M2024_dl.xlsx"))
    assert (result.code, result.out) == (0, "Imported OEWS May 2024 (U.S.): 831 detailed occupations\n")
    pay = facts.pay_for("15-1252.00")
    assert pay is not None
    assert pay.annual.median.value == 133080.0


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/bls is not beside this checkout")
def test_importing_the_bundled_release_gives_the_bundled_file(career, isolated_home):
    assert career("data", "import-oews", str(SHARED / "national_M2025_dl.xlsx")).code == 0
    bundled = Path(facts.bundled_folder()) / "oews.tsv"
    assert (_bls_folder(isolated_home) / "oews.tsv").read_bytes() == bundled.read_bytes()


def test_import_projections_then_remove(career, isolated_home):
    result = career("data", "import-projections", str(PROJECTIONS))
    assert (result.code, result.err) == (0, "")
    assert result.out == "Imported BLS Employment Projections 2024–34: 7 occupations; all occupations +3.1 %\n"
    outlook = facts.outlook_for("15-1252.00")
    assert outlook is not None
    assert (outlook.change_pct, outlook.openings, outlook.imported, outlook.average_change_pct) == (
        15.8,
        115.2,
        True,
        3.1,
    )
    assert outlook.source == "BLS Employment Projections 2024–34, Table 1.2 (occupation.xlsx)"
    assert json.loads(career("where", "--json").out)["paths"]["projections_release"] == "2024–34"
    removed = career("data", "remove-projections")
    target = _bls_folder(isolated_home) / "projections.tsv"
    assert removed.out == (
        f"Removed the Employment Projections import ({target}); the bundled figures are in use again.\n"
    )
    bundled = facts.outlook_for("15-1252.00")
    assert bundled is not None
    assert (bundled.imported, bundled.source) == (
        False,
        "BLS Employment Projections 2024–34, Table 1.2, as transcribed from occupation.xlsx",
    )


def _oews_rows() -> list[list[object]]:
    from python_calamine import CalamineWorkbook

    return CalamineWorkbook.from_path(str(OEWS_2024)).get_sheet_by_index(0).to_python(skip_empty_area=False)


def _broken(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    rows = _oews_rows()
    wrong = [list(r) for r in rows]
    wrong[0][wrong[0].index("A_MEDIAN")] = "MEDIAN"
    write_xlsx(tmp_path / "wrong_header.xlsx", {"national_M2024_dl": wrong})
    bad_value = [list(r) for r in rows]
    bad_value[4][bad_value[0].index("A_MEDIAN")] = "n/a"
    write_xlsx(tmp_path / "bad_value.xlsx", {"national_M2024_dl": bad_value})
    data = OEWS_2024.read_bytes()
    (tmp_path / "cut.xlsx").write_bytes(data[: len(data) // 2])
    (tmp_path / "notes.xlsx").write_text("AREA,OCC_CODE\n99,15-1252\n", "utf-8")
    hint = "career: give BLS's .xlsx file or the zip holding it\n"
    return {
        "wrong header": (
            tmp_path / "wrong_header.xlsx",
            "career: wrong_header.xlsx:1: wrong header: no column A_MEDIAN\n"
            "career: expected an OEWS workbook from bls.gov/oes (national_M2025_dl.xlsx, state_M2025_dl.xlsx)\n",
        ),
        "bad value": (
            tmp_path / "bad_value.xlsx",
            "career: bad_value.xlsx:5: A_MEDIAN is 'n/a': not a number or one of BLS's marks (*, #, **)\n",
        ),
        "truncated": (
            tmp_path / "cut.xlsx",
            f"career: {tmp_path / 'cut.xlsx'}: the file is cut short or damaged (not a complete .xlsx or zip)\n"
            "career: download it again from bls.gov\n",
        ),
        "not a workbook": (
            tmp_path / "notes.xlsx",
            f"career: {tmp_path / 'notes.xlsx'}: not an Excel workbook (.xlsx) or a zip holding one\n{hint}",
        ),
    }


@pytest.mark.parametrize("kind", ["wrong header", "bad value", "truncated", "not a workbook"])
def test_a_broken_workbook_is_one_error_and_keeps_the_import(career, tmp_path, isolated_home, kind):
    assert career("data", "import-oews", str(OEWS_2024)).code == 0
    target = _bls_folder(isolated_home) / "oews.tsv"
    before = target.read_bytes()
    path, message = _broken(tmp_path)[kind]
    result = career("data", "import-oews", str(path))
    assert (result.code, result.out, result.err) == (1, "", message)
    assert target.read_bytes() == before
    assert os.listdir(target.parent) == ["oews.tsv"]


def test_a_workbook_of_the_other_kind_is_refused(career, isolated_home):
    result = career("data", "import-projections", str(OEWS_2024))
    assert result.code == 1
    assert result.err == (
        "career: national_M2024_dl.xlsx: no sheet 'Table 1.2' (occupational projections and worker characteristics)\n"
        "career: give BLS's occupation.xlsx from bls.gov/emp\n"
    )
    assert not _bls_folder(isolated_home).exists()
    assert career("data", "import-oews").code == 2


def test_a_state_workbook_gives_pay_by_state(career, tmp_path):
    # the layout of BLS's state workbooks (AREA_TYPE 2, PRIM_STATE) with the fixture's rows: a check of the
    # layout, not of any state's figures
    rows = [list(r) for r in _oews_rows()]
    head = rows[0]
    for row in rows[1:]:
        row[head.index("AREA_TYPE")], row[head.index("PRIM_STATE")] = "2", "CA"
    write_xlsx(tmp_path / "state_M2024_dl.xlsx", {"state_M2024_dl": rows})
    result = career("data", "import-oews", str(tmp_path / "state_M2024_dl.xlsx"))
    assert (result.code, result.out) == (0, "Imported OEWS May 2024 by state: 1 states and areas, 8 rows\n")
    pay = facts.pay_for("15-1252", state="ca")
    assert pay is not None
    assert (pay.area, pay.annual.median.value) == ("CA", 133080.0)
    assert facts.pay_for("15-1252", state="NY") is None
    national = facts.pay_for("15-1252")
    assert national is not None
    assert national.release == "May 2025"  # the national figures stay the bundled ones
