"""First-view benchmark: each command rendered from scratch (the replay switched off, the catalogue cache warm),
as the median ratio of its time to a bare ``python -c pass`` timed in the same, interleaved rounds.

    python benchmarks/first_view.py [--rounds 15] [--import-onet RELEASE]

With --import-onet, the temporary home first imports that O*NET release (``career data import-onet``), so that
the figures are those with the full release imported (issue 13: at most 1.3x the figures without).

Pages (``show``, ``--help``) go to a pseudo-terminal-free pipe with FORCE_COLOR=1, so Rich renders them as on a
terminal; piped and JSON commands go to a plain pipe. Budgets (design.md): pages 11x, piped and JSON 7x. The
bytecode cache is left on (PYTHONDONTWRITEBYTECODE is removed), as it is for an installed command.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CAREER = shutil.which("career", path=str(Path(sys.executable).parent)) or "career"
PAGE, PIPED = 11.0, 7.0

# name -> (argv, budget, environment extras)
CASES: dict[str, tuple[list[str], float, dict[str, str]]] = {
    "show backend-developer (page)": ([CAREER, "show", "backend-developer"], PAGE, {"FORCE_COLOR": "1"}),
    "--help (page)": ([CAREER, "--help"], PAGE, {"FORCE_COLOR": "1"}),
    "list (piped)": ([CAREER, "list"], PIPED, {}),
    "search kubernetes (piped)": ([CAREER, "search", "kubernetes"], PIPED, {}),
    "books (piped)": ([CAREER, "books"], PIPED, {}),
    "bookmark list (piped)": ([CAREER, "bookmark", "list"], PIPED, {}),
    "show --json": ([CAREER, "show", "backend-developer", "--json"], PIPED, {}),
    "show 15-1252.00 (page)": ([CAREER, "show", "15-1252.00"], PAGE, {"FORCE_COLOR": "1"}),
    "list --group 15 (piped)": ([CAREER, "list", "--group", "15"], PIPED, {}),
    "discover --interests IC --zone 4 (page)": (
        [CAREER, "discover", "--interests", "IC", "--zone", "4"],
        PAGE,
        {"FORCE_COLOR": "1"},
    ),
}


def _time(argv: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--import-onet", metavar="RELEASE", help="Import this O*NET release into the home first.")
    args = parser.parse_args()
    rounds = args.rounds
    with tempfile.TemporaryDirectory() as home:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env.update({"HOME": home, "XDG_CONFIG_HOME": f"{home}/config", "XDG_CACHE_HOME": f"{home}/cache",
                    "XDG_DATA_HOME": f"{home}/data", "CAREERCLI_NO_REPLAY": "1", "COLUMNS": "100",
                    "LINES": "50", "PAGER": "cat"})  # fmt: skip
        if args.import_onet:
            subprocess.run([CAREER, "data", "import-onet", args.import_onet], env=env, check=True)
        envs = {name: {**env, **extra} for name, (_argv, _budget, extra) in CASES.items()}
        for name, (argv, _budget, _extra) in CASES.items():  # warm the catalogue cache and the bytecode
            _time(argv, envs[name])
        base: list[float] = []
        times: dict[str, list[float]] = {name: [] for name in CASES}
        for _ in range(rounds):
            base.append(_time([sys.executable, "-c", "pass"], env))
            for name, (argv, _budget, _extra) in CASES.items():
                times[name].append(_time(argv, envs[name]))
    floor = statistics.median(base)
    print(f"python -c pass: {floor * 1000:.1f} ms (median of {rounds})")
    over = 0
    for name, (_argv, budget, _extra) in CASES.items():
        ratio = statistics.median(times[name]) / floor
        over += ratio > budget
        print(f"{name:32} {ratio:5.1f}x  (budget {budget:g}x){'  OVER' if ratio > budget else ''}")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
