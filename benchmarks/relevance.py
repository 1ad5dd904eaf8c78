"""Search relevance: hit@3 and nDCG@3 of the installed ``career search`` over the relevance set.

    python benchmarks/relevance.py [--release PATH] [--set tests/fixtures/relevance.toml]
    python benchmarks/relevance.py --fixture [--keep]   # rewrite tests/fixtures/onet-relevance/ from ../shared

Each query of the set (tests/fixtures/relevance.toml) runs as ``career search TEXT --limit 3`` in a temporary
home, piped; the second column of each line is the hit's id. A query of world "bundled" runs with no import; one
of world "imported" runs after ``career data import-onet`` of --release (default: the full O*NET 29.2 release in
../shared/onet/29.2 when it is there, else the test fixture tests/fixtures/onet-relevance/).

hit@3: the share of queries whose answers are all among the first three hits. nDCG@3: each answer counts 1 at
the place it is found (1 / log2(place + 1)), divided by the best that many answers could score.

--fixture writes tests/fixtures/onet-relevance/: the full release's real rows (byte for byte) of every answer of
an imported query and of the first 10 hits each imported query gets now; with --keep, also of the occupations the
fixture holds already (so that the distractors of an earlier ranking stay in it).
"""

from __future__ import annotations

import argparse
import math
import os
import shutil
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CAREER = shutil.which("career", path=str(Path(sys.executable).parent)) or "career"
SET = ROOT / "tests" / "fixtures" / "relevance.toml"
FIXTURE = ROOT / "tests" / "fixtures" / "onet-relevance"
FULL = ROOT.parent / "shared" / "onet" / "29.2"
FIXTURE_FILES = ("Occupation Data.txt", "Alternate Titles.txt", "Sample of Reported Titles.txt",
                 "Technology Skills.txt")  # fmt: skip
CODE = "O*NET-SOC Code"


def queries(path: Path = SET) -> list[dict[str, object]]:
    return tomllib.loads(path.read_text("utf-8"))["query"]


def home_env(home: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update({"HOME": home, "XDG_CONFIG_HOME": f"{home}/config", "XDG_CACHE_HOME": f"{home}/cache",
                "XDG_DATA_HOME": f"{home}/data", "CAREERCLI_NO_REPLAY": "1", "COLUMNS": "100"})  # fmt: skip
    return env


def top(text: str, env: dict[str, str], limit: int = 3) -> list[str]:
    """The ids of the first ``limit`` hits of ``career search TEXT``, piped."""
    found = subprocess.run([CAREER, "search", text, "--limit", str(limit)], env=env, capture_output=True,
                           text=True, encoding="utf-8", check=False)  # fmt: skip
    return [line.split("\t")[1] for line in found.stdout.splitlines() if line.count("\t") >= 2]


def ndcg(shown: list[str], answers: list[str], k: int = 3) -> float:
    gain = sum(1 / math.log2(place + 2) for place, ident in enumerate(shown[:k]) if ident in answers)
    best = sum(1 / math.log2(place + 2) for place in range(min(len(answers), k)))
    return gain / best


def run(release: Path, path: Path = SET, limit: int = 3) -> list[tuple[dict[str, object], list[str]]]:
    """Every query of the set with the ids of its first ``limit`` hits."""
    results = []
    every = queries(path)
    for world in ("bundled", "imported"):
        chosen = [q for q in every if q.get("world", "bundled") == world]
        if not chosen:
            continue
        with tempfile.TemporaryDirectory() as home:
            env = home_env(home)
            if world == "imported":
                subprocess.run([CAREER, "data", "import-onet", str(release)], env=env, check=True,
                               stdout=subprocess.DEVNULL)  # fmt: skip
            for query in chosen:
                results.append((query, top(str(query["text"]), env, limit)))
    return results


def report(results: list[tuple[dict[str, object], list[str]]]) -> None:
    for world in ("bundled", "imported", "all"):
        rows = [(q, s) for q, s in results if world in ("all", q.get("world", "bundled"))]
        if not rows:
            continue
        hits = sum(all(a in shown for a in q["answers"]) for q, shown in rows)  # type: ignore[attr-defined]
        gain = sum(ndcg(shown, list(q["answers"])) for q, shown in rows)  # type: ignore[call-overload]
        print(f"{world:9} {len(rows):3} queries  hit@3 {hits / len(rows):.3f} ({hits}/{len(rows)})  "
              f"nDCG@3 {gain / len(rows):.3f}")  # fmt: skip
    for query, shown in results:
        if not all(a in shown for a in query["answers"]):  # type: ignore[attr-defined]
            where = query.get("world", "bundled")
            print(f"  miss [{where}] {query['text']!r}: wants {', '.join(query['answers'])}; "  # type: ignore[arg-type]
                  f"got {', '.join(shown) or 'nothing'}")  # fmt: skip


def write_fixture(keep_old: bool) -> None:
    """tests/fixtures/onet-relevance/ from the full release (see the module's help)."""
    if not FULL.is_dir():
        raise SystemExit(f"the full release is not at {FULL}")
    imported = [q for q in queries() if q.get("world") == "imported"]
    codes = {a for q in imported for a in q["answers"] if a[:2].isdigit()}  # type: ignore[attr-defined]
    for query, shown in run(FULL, limit=10):
        if query.get("world") == "imported":
            codes.update(s for s in shown if s[:2].isdigit())
    if keep_old and (FIXTURE / FIXTURE_FILES[0]).is_file():
        for line in (FIXTURE / FIXTURE_FILES[0]).read_text("utf-8").splitlines()[1:]:
            codes.add(line.split("\t")[0])
    FIXTURE.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(FULL / "Read Me.txt", FIXTURE / "Read Me.txt")
    for name in FIXTURE_FILES:
        lines = (FULL / name).read_bytes().splitlines(keepends=True)
        column = lines[0].decode("utf-8-sig").split("\t").index(CODE)
        kept = [lines[0]] + [line for line in lines[1:] if line.decode("utf-8").split("\t")[column] in codes]
        (FIXTURE / name).write_bytes(b"".join(kept))
    print(f"{FIXTURE}: {len(codes)} occupations")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--release", type=Path, help="the O*NET release the imported queries run with")
    parser.add_argument("--set", type=Path, default=SET, help="the relevance set (TOML)")
    parser.add_argument("--fixture", action="store_true", help="rewrite tests/fixtures/onet-relevance/")
    parser.add_argument("--keep", action="store_true", help="with --fixture: keep the occupations it holds")
    args = parser.parse_args()
    if args.fixture:
        write_fixture(args.keep)
        return 0
    release = args.release or (FULL if FULL.is_dir() else FIXTURE)
    print(f"relevance set {args.set}; imported queries with {release}")
    report(run(release, args.set))
    return 0


if __name__ == "__main__":
    sys.exit(main())
