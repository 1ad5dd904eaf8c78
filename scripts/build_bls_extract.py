"""Generate data/bls/, the BLS facts bundled with careercli, from ../shared/bls.

- data/bls/oews.tsv: every detailed occupation (and the all-occupations total) of the OEWS national workbook
  (national_M2025_dl.xlsx), read exactly as ``career data import-oews`` reads it.
- data/bls/projections.tsv: every occupation of the Employment Projections 2024-34 (Table 1.2), from
  projections/bls_projections.json, a transcription of BLS's occupation.xlsx. The all-occupations change that
  defines "average" is not in the transcription: it is the change of the summed employment of its occupations,
  rounded as BLS rounds (3.1 %; BLS: "from 170.0 million in 2024 to 175.2 million in 2034, an increase of
  3.1 percent", Monthly Labor Review, January 2026, https://www.bls.gov/opub/mlr).

    python scripts/build_bls_extract.py ../shared/bls
    python scripts/build_bls_extract.py ../shared/bls --out /tmp/bls   # to compare with data/bls
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from careercli.bls.facts import (  # noqa: E402
    OEWS_COLUMNS,
    OEWS_FILE,
    PROJECTION_COLUMNS,
    PROJECTIONS_FILE,
    dump,
    number_text,
)
from careercli.bls.workbook import read_oews  # noqa: E402

OEWS_WORKBOOK = Path("oews") / "national_M2025_dl.xlsx"
PROJECTIONS = Path("projections") / "bls_projections.json"


def oews_text(shared: Path) -> str:
    facts = read_oews(str(shared / OEWS_WORKBOOK))
    return dump(facts.meta, OEWS_COLUMNS, facts.rows)


def projections_text(shared: Path) -> str:
    document = json.loads((shared / PROJECTIONS).read_text("utf-8"))
    meta, occupations = document["metadata"], document["projections"]
    base, projected = str(meta["base_year"]), str(meta["projection_year"])
    rows = []
    for code, o in occupations.items():
        numbers = [
            "" if o[k] is None else number_text(float(o[k]))
            for k in ("employment_2024", "employment_2034", "employment_change", "employment_change_pct",
                      "annual_openings")
        ]  # fmt: skip
        rows.append((code, o["title"], *numbers, o["typical_education"], o["work_experience"], o["typical_training"]))
    total_base = sum(o["employment_2024"] for o in occupations.values())
    total_projected = sum(o["employment_2034"] for o in occupations.values())
    average = round((total_projected / total_base - 1) * 100, 1)
    release = f"{base}–{projected[2:]}"
    header = {
        "kind": "Employment Projections",
        "release": release,
        "base_year": base,
        "projected_year": projected,
        "average_change_pct": number_text(average),
        "source": f"BLS Employment Projections {release}, Table 1.2, as transcribed from occupation.xlsx",
    }
    return dump(header, PROJECTION_COLUMNS, rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("shared", type=Path, help="the folder ../shared/bls")
    parser.add_argument("--out", type=Path, default=ROOT / "data" / "bls")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for name, text in ((OEWS_FILE, oews_text(args.shared)), (PROJECTIONS_FILE, projections_text(args.shared))):
        (args.out / name).write_bytes(text.encode("utf-8"))
        print(f"{args.out / name}: {len(text.splitlines())} lines, {len(text.encode()):,} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
