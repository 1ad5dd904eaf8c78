"""Time and peak memory of importing an O*NET release (default: ../shared/onet/29.2), as a ratio to ``python -c
pass`` in the same run. Budget (issue 13): under 15 s and under 400 MiB on the 2-core machines.

    python benchmarks/onet_import.py [RELEASE] [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "onet" / "29.2"


def timed(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, env=env, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description="O*NET import: time and peak memory")
    parser.add_argument("release", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "XDG_DATA_HOME": home, "XDG_CACHE_HOME": home, "XDG_CONFIG_HOME": home}
        career = str(Path(sys.executable).parent / "career")
        base = min(timed([sys.executable, "-c", "pass"], env) for _ in range(args.runs))
        times = []
        for _ in range(args.runs):
            times.append(timed([career, "data", "import-onet", str(args.release)], env))
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # KiB on Linux
    best = min(times)
    print(f"python -c pass: {base * 1000:.0f} ms")
    print(f"import {args.release}: best {best:.2f} s of {args.runs} ({best / base:.0f}x), peak RSS {peak:.0f} MiB")
    ok = best < 15 and peak < 400
    print("within budget (15 s, 400 MiB)" if ok else "OVER BUDGET (15 s, 400 MiB)")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
