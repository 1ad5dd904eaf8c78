"""The bundled BLS facts (data/bls/) and the module that reads them (careercli.bls.facts)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from careercli.bls import facts
from careercli.errors import CareerError

ROOT = Path(__file__).resolve().parent.parent
BLS_DIR = ROOT / "data" / "bls"
SHARED = ROOT.parent / "shared" / "bls"


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/bls is not beside this checkout")
def test_the_bundled_extract_is_what_the_script_makes(tmp_path: Path) -> None:
    script = ROOT / "scripts" / "build_bls_extract.py"
    subprocess.run([sys.executable, str(script), str(SHARED), "--out", str(tmp_path)], check=True, capture_output=True)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in BLS_DIR.iterdir())
    for made in tmp_path.iterdir():
        assert made.read_bytes() == (BLS_DIR / made.name).read_bytes(), made.name


def test_the_extract_holds_every_detailed_occupation() -> None:
    oews = facts.oews_table()
    detailed = [r for r in oews.rows() if r[3] == "detailed"]
    assert len(detailed) == 830  # the May 2025 national workbook's detailed occupations
    assert oews.meta["release"] == "May 2025"
    assert (oews.meta["top_hourly"], oews.meta["top_annual"]) == ("115.00", "239200")
    projections = facts.projections_table()
    assert len(projections.rows()) == 832
    assert projections.meta["release"] == "2024–34"


def test_software_developers_from_the_bundled_facts() -> None:
    pay = facts.pay_for("15-1252.00")
    assert pay is not None
    assert (pay.code, pay.title, pay.release, pay.area, pay.imported) == (
        "15-1252",
        "Software Developers",
        "May 2025",
        "US",
        False,
    )
    assert pay.annual.median == facts.Amount(135980.0)
    assert (pay.annual.pct10.value, pay.annual.pct90.value) == (82460.0, 214670.0)
    assert pay.hourly.median.value == 65.38
    assert pay.employment.value == 1687890.0
    assert not pay.aggregate
    outlook = facts.outlook_for("15-1252")
    assert outlook is not None
    assert (outlook.change_pct, outlook.openings, outlook.employment_base) == (15.8, 115.2, 1693.8)
    assert (outlook.education, outlook.experience, outlook.training) == ("Bachelor's degree", "None", "None")
    assert (outlook.release, outlook.average_change_pct) == ("2024–34", 3.1)


def test_other_real_rows() -> None:
    analysts = facts.pay_for("15-1211")
    security = facts.pay_for("15-1212.00")
    assert analysts is not None
    assert security is not None
    assert (analysts.employment.value, analysts.annual.median.value) == (519530.0, 105850.0)
    assert (security.employment.value, security.annual.median.value) == (190650.0, 129180.0)
    data_scientists = facts.outlook_for("15-2051.00")
    assert data_scientists is not None
    assert data_scientists.change_pct == 33.5


def test_an_aggregate_is_marked() -> None:
    other = facts.pay_for("15-1299.08")  # an O*NET title under Computer Occupations, All Other
    assert other is not None
    assert (other.code, other.annual.median.value, other.aggregate) == ("15-1299", 116580.0, True)
    outlook = facts.outlook_for("15-1299.08")
    assert outlook is not None
    assert outlook.aggregate
    group = facts.pay_for("13-1021.00")  # published only as part of OEWS's 13-1020 Buyers and Purchasing Agents
    assert group is not None
    assert (group.asked, group.code, group.title, group.aggregate) == (
        "13-1021",
        "13-1020",
        "Buyers and Purchasing Agents",
        True,
    )


def test_marks_stay_marks() -> None:
    oews = facts.oews_table()
    annual_only = [r for r in oews.rows() if r[17] == "annual"]
    assert annual_only
    pay = facts.pay_for(annual_only[0][1])
    assert pay is not None
    assert pay.only == "annual"
    assert pay.hourly.median == facts.Amount(None, "*")
    assert not pay.hourly.median.published
    assert pay.annual.median.published
    assert facts.amount("#") == facts.Amount(None, "#")
    assert facts.amount("#").top_coded
    assert facts.amount("**") == facts.Amount(None, "**")


def test_codes_bls_does_not_publish() -> None:
    assert facts.pay_for("15-1259.00") is None
    assert facts.outlook_for("99-9999") is None
    assert facts.pay_for("not a code") is None
    assert facts.soc_code("15-1252.00") == "15-1252"
    assert facts.soc_code("15-1252") == "15-1252"
    assert facts.soc_code("15-1252.0") is None


def test_a_damaged_import_is_one_error(isolated_home: Path) -> None:
    folder = Path(facts.user_folder())
    folder.mkdir(parents=True)
    (folder / facts.OEWS_FILE).write_text("not the format\n", "utf-8")
    with pytest.raises(CareerError) as caught:
        facts.pay_for("15-1252")
    assert str(caught.value) == (
        f"{folder / facts.OEWS_FILE}: not a careercli BLS facts file of this version\n"
        "import the release again ('career data import-oews' or 'import-projections'), or remove the import"
    )
