"""One Tab, with the bundled occupations and with the whole O*NET release imported (budget: 6x ``python -c pass``).

    python benchmarks/tab.py [RELEASE] [--rounds 15]

Two homes: the bundled extract (175 occupations), and RELEASE imported (default ../shared/onet/29.2: 1,016
occupations, 2,032 values offered by code and by title). Each home's completion snapshot is built by a warm-up
Tab; then every line below is timed once a round, in bash's, zsh's or fish's protocol, rounds interleaved with
``python -c pass``. The medians are printed as ratios to it.
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

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "onet" / "29.2"
CAREER = shutil.which("career", path=str(Path(sys.executable).parent)) or "career"


def bash(line: str) -> dict[str, str]:
    words = line.split(" ")
    return {"_CAREER_COMPLETE": "complete_bash", "COMP_WORDS": line, "COMP_CWORD": str(len(words) - 1)}


def fish(line: str) -> dict[str, str]:
    return {
        "_CAREER_COMPLETE": "complete_fish",
        "_TYPER_COMPLETE_FISH_ACTION": "get-args",
        "_TYPER_COMPLETE_ARGS": line,
    }


def zsh(line: str) -> dict[str, str]:
    return {"_CAREER_COMPLETE": "lines_zsh", "_TYPER_COMPLETE_ARGS": line}


TABS = {
    "bash: career show back": bash("career show back"),
    "bash: career show 15-12": bash("career show 15-12"),
    "fish: career show Regis": fish("career show Regis"),
    "zsh:  career show Police": zsh("career show Police"),
    "fish: career show (empty)": fish("career show "),
    "fish: career list --group": fish("career list --group "),
    "fish: career config set color": fish("career config set color "),
    "fish: career bookmark (subcommands)": fish("career bookmark "),
}


def timed(argv: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("release", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as bundled, tempfile.TemporaryDirectory() as imported:
        homes = {"bundled": bundled}
        if (args.release / "Occupation Data.txt").is_file() or args.release.suffix == ".zip":
            homes["imported"] = imported
        envs = {name: os.environ | {f"XDG_{k}_HOME": f"{home}/{k.lower()}" for k in ("DATA", "CACHE", "CONFIG")}
                for name, home in homes.items()}  # fmt: skip
        if "imported" in envs:
            subprocess.run([CAREER, "data", "import-onet", str(args.release)], env=envs["imported"], check=True,
                           stdout=subprocess.DEVNULL)  # fmt: skip
        else:
            print(f"no O*NET release at {args.release}: bundled only")
        for env in envs.values():  # builds each snapshot and its stored lists
            for tab in TABS.values():
                timed([CAREER], env | tab)
        base: list[float] = []
        samples: dict[tuple[str, str], list[float]] = {}
        for _ in range(args.rounds):
            base.append(timed([sys.executable, "-c", "pass"], envs["bundled"]))
            for name, tab in TABS.items():
                for home, env in envs.items():
                    samples.setdefault((name, home), []).append(timed([CAREER], env | tab))
    floor = statistics.median(base)
    print(f"python -c pass: {floor * 1000:.1f} ms (median of {args.rounds}); one Tab, budget 6x")
    print(f"{'':38}" + "".join(f"{home:>12}" for home in envs))
    for name in TABS:
        print(f"{name:38}" + "".join(f"{statistics.median(samples[(name, h)]) / floor:11.2f}x" for h in envs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
