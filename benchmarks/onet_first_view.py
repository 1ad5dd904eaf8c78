"""First view of the O*NET parts of a page, with and without the full release imported (issue 13: at most 1.3x).

    python benchmarks/onet_first_view.py [RELEASE] [--rounds 7]

Until the commands show occupations, each "page" is the core calls its command makes (catalogue from its warm
cache, the O*NET database opened, the lookup, the detail or the hits, the JSON object built), run in a fresh
``python`` per round so that imports and opening sqlite count. Two homes: one with no import (the bundled
extract, built into the cache by a warm-up round) and one with RELEASE imported (default ../shared/onet/29.2).
Rounds are interleaved; the medians are printed as ratios to ``python -c pass`` timed in the same rounds, with
the O*NET part alone timed inside the child (from after the catalogue and the role resolver are loaded, which
every page needs anyway), and the with/without ratio per page.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "onet" / "29.2"

SETUP = """
import time
from careercli.stored.load import load_catalog
catalog = load_catalog()
import careercli.model, careercli.queries.resolve  # a page imports these with or without O*NET
start = time.perf_counter()
from careercli.onet import bundled as onet_bundled
from careercli.onet import db as onet_db
from careercli.queries import lookup as lk
"""
PAGES = {
    "show backend-developer": """
from careercli.presenters import occupation_facts as view
target = lk.lookup(catalog, "backend-developer", onet_bundled.current)
page = lk.linked_occupation(catalog, target.role, onet_bundled.current())
view.as_json(page, lk.curated_roles(catalog))
""",
    "show 15-1252.00": """
from careercli.presenters import occupation_facts as view
db = None
def open_db():
    global db
    db = db or onet_bundled.current()
    return db
target = lk.lookup(catalog, "15-1252.00", open_db)
view.as_json(lk.occupation_detail(catalog, db, target.id), lk.curated_roles(catalog))
""",
    "search kubernetes": """
from careercli.queries import occupation_lists as lists
lists.search_hits(onet_bundled.current(), "kubernetes", limit=20)
""",
    "list (SOC groups)": """
from careercli.queries import occupation_lists as lists
lists.groups(onet_bundled.current())
""",
}
REPORT = "\nprint((time.perf_counter() - start) * 1000)"


def run(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    start = time.perf_counter()
    done = subprocess.run(command, check=True, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - start
    inner = float(done.stdout.strip() or 0)
    return wall, inner


def main() -> int:
    parser = argparse.ArgumentParser(description="O*NET first view, with and without an import")
    parser.add_argument("release", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    if not (args.release / "Occupation Data.txt").is_file() and args.release.suffix != ".zip":
        print(f"no O*NET release at {args.release}", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as plain_home, tempfile.TemporaryDirectory() as full_home:
        homes = {}
        for name, home in (("bundled", plain_home), ("imported", full_home)):
            homes[name] = {**os.environ, **{f"XDG_{k}_HOME": home for k in ("DATA", "CACHE", "CONFIG")}}
        career = str(Path(sys.executable).parent / "career")
        subprocess.run([career, "data", "import-onet", str(args.release)], check=True, env=homes["imported"],
                       stdout=subprocess.DEVNULL)  # fmt: skip
        for env in homes.values():  # warm-up: catalogue cache, bundled extract cache, page cache
            for code in PAGES.values():
                run([sys.executable, "-c", SETUP + code + REPORT], env)
        base: list[float] = []
        times: dict[tuple[str, str], list[tuple[float, float]]] = {}
        for _ in range(args.rounds):
            base.append(run([sys.executable, "-c", "print(0)"], homes["bundled"])[0])
            for page, code in PAGES.items():
                for name, env in homes.items():
                    times.setdefault((page, name), []).append(run([sys.executable, "-c", SETUP + code + REPORT], env))
    floor = statistics.median(base)
    print(f"python -c pass: {floor * 1000:.1f} ms (median of {args.rounds})")
    print(f"{'page':24} {'bundled':>16} {'imported':>16} {'ratio':>6}")
    for page in PAGES:
        cells = []
        walls = []
        for name in homes:
            samples = times[(page, name)]
            wall = statistics.median(s[0] for s in samples)
            inner = statistics.median(s[1] for s in samples)
            walls.append(wall)
            cells.append(f"{wall / floor:5.2f}x ({inner:5.1f} ms)")
        print(f"{page:24} {cells[0]:>16} {cells[1]:>16} {walls[1] / walls[0]:5.2f}x")
    print("cells: whole child as a ratio to python -c pass (O*NET part alone, in ms); ratio: imported/bundled")
    return 0


if __name__ == "__main__":
    sys.exit(main())
