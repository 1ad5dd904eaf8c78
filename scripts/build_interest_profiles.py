"""Generate data/occupation-profiles.tsv, the table `career discover` ranks, from a real O*NET text release.

One row per occupation of the release (1,016 in 29.2), in code order: the code, the title, the job zone, the six
RIASEC interest values (O*NET's "OI" scale, 1 to 7) and O*NET's own high-point code (the letters of its First,
Second and Third Interest High-Point, as published). An occupation the release gives no interest profile or no
job zone keeps its row with those fields empty: discover lists it as "no interest data", it never drops it.

    python scripts/build_interest_profiles.py ../shared/onet/29.2
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from careercli.onet.profiles import AREAS, HEADER, LETTERS  # noqa: E402

HIGH_POINTS = ("First Interest High-Point", "Second Interest High-Point", "Third Interest High-Point")


def read_table(release: Path, name: str) -> list[dict[str, str]]:
    lines = (release / name).read_text("utf-8-sig").splitlines()
    header = lines[0].split("\t")
    return [dict(zip(header, line.split("\t"), strict=True)) for line in lines[1:] if line]


def profiles(release: Path) -> list[list[str]]:
    titles = {r["O*NET-SOC Code"]: r["Title"] for r in read_table(release, "Occupation Data.txt")}
    zones = {r["O*NET-SOC Code"]: r["Job Zone"] for r in read_table(release, "Job Zones.txt")}
    values: dict[str, dict[str, str]] = {}
    for r in read_table(release, "Interests.txt"):
        values.setdefault(r["O*NET-SOC Code"], {})[f"{r['Scale ID']}:{r['Element Name']}"] = r["Data Value"]
    rows = []
    for code in sorted(titles):
        found = values.get(code, {})
        scores = [found.get(f"OI:{area}", "") for area in AREAS]
        if not all(scores):
            scores = [""] * len(AREAS)
        # a high point is published as the index (1-6) of an area; 0 means "none"
        points = [found.get(f"IH:{name}", "") for name in HIGH_POINTS]
        code_letters = "".join(LETTERS[int(float(p)) - 1] for p in points if p and 1 <= float(p) <= 6)
        rows.append([code, titles[code], zones.get(code, ""), *scores, code_letters])
    return rows


def render(rows: list[list[str]]) -> str:
    return "".join("\t".join(row) + "\n" for row in [list(HEADER), *rows])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("release", type=Path, help="an unpacked O*NET text release (folder)")
    parser.add_argument("--out", type=Path, default=ROOT / "data" / "occupation-profiles.tsv")
    args = parser.parse_args(argv)
    rows = profiles(args.release)
    args.out.write_text(render(rows), "utf-8")
    with_interests = sum(1 for row in rows if row[3])
    print(f"{len(rows)} occupations, {with_interests} with an interest profile, in {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
