"""Start-up and scale benchmark for careercli.

    python benchmarks/bench.py [--rounds 9] [--json results.json] [--markdown]

It generates a synthetic pack of 10,000 roles, 2,000 skills and 50,000 books, then, in one run and
interleaved, times each command with the bundled data and with the big pack, and prints each median as a
ratio to a bare ``python -c pass`` timed in the same rounds (absolute times on shared machines mean little).

The figures, in the order they are printed:

- first view: the figure that counts, what a user meets every time they look at something new: the replay of
  saved output switched off (CAREERCLI_NO_REPLAY=1), the catalogue cache warm; bundled data, then the big
  pack and the big pack's ratio to the bundled figure (budget: at most 1.3x);
- ``suggest`` ranks every role: its first view with the big pack against ``show``'s there (budget 1.3x);
- cold, big pack only: the first run after the data changed, with every cache removed (budget: ``show`` under
  3 s), and after a small file changed beside the big pack (the everyday data change);
- peak memory: the largest resident set of one run, measured in a separate child per command;
- replay: the command run again with unchanged inputs, its output replayed from the cache (budget 2x), a
  secondary column.

Run it with ``PYTHONDONTWRITEBYTECODE`` unset: without byte-code caches every start-up compiles every module.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
BIN = Path(sys.executable).parent
CAREER = shutil.which("career", path=str(BIN)) or "career"

# the commands timed, by the name printed; output goes to a pipe (/dev/null), so listings print piped lines
SUGGEST = "career suggest --have python,sql,git"
COMMANDS = {
    "python -c pass": [sys.executable, "-c", "pass"],
    "career --help": [CAREER, "--help"],
    "career show backend-developer": [CAREER, "show", "backend-developer"],
    "career search kubernetes": [CAREER, "search", "kubernetes"],
    "career books --limit 10": [CAREER, "books", "--limit", "10"],
    # piped and JSON output (budget 7x, no Rich): stdout is not a terminal here
    "career list": [CAREER, "list"],
    "career bookmark list": [CAREER, "bookmark", "list"],
    "career show backend-developer --json": [CAREER, "show", "backend-developer", "--json"],
    # ranks every role: linear in the catalogue (budget: big pack within 1.3x of show's first view there)
    SUGGEST: [CAREER, "suggest", "--have", "python,sql,git"],
}

# one Tab in bash (``career show back<Tab>``) and in fish (one run per Tab: the script asks for the candidates
# and falls back to paths itself; Typer's script ran career twice, "is-args" then "get-args")
TAB = {"_CAREER_COMPLETE": "complete_bash", "COMP_WORDS": "career show back", "COMP_CWORD": "2"}
FISH = {"_CAREER_COMPLETE": "complete_fish", "_TYPER_COMPLETE_ARGS": "career show back"}

WORDS = tuple(
    [
        "cloud",
        "data",
        "platform",
        "secure",
        "edge",
        "stream",
        "graph",
        "model",
        "quantum",
        "mobile",
        "web",
        "api",
        "event",
        "cache",
        "batch",
        "vector",
        "agent",
        "signal",
        "ledger",
        "kernel",
        "mesh",
        "query",
        "storage",
        "network",
        "compiler",
        "runtime",
        "pipeline",
        "design",
        "test",
        "release",
        "observability",
        "reliability",
        "identity",
        "payment",
        "search",
        "ranking",
        "privacy",
        "robotics",
        "embedded",
        "audio",
        "vision",
    ]
)
CATEGORIES = ("development", "infrastructure", "data", "ai", "security", "quality", "architecture", "design")
KINDS = ("language", "framework", "tool", "platform", "practice", "concept")


def _q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a valid TOML basic string


def _isbn13(rng: random.Random) -> str:
    digits = [9, 7, 8] + [rng.randrange(10) for _ in range(9)]
    total = sum(d * (1 if i % 2 == 0 else 3) for i, d in enumerate(digits))
    return "".join(map(str, digits)) + str((10 - total % 10) % 10)


def generate_pack(path: Path, roles: int = 10_000, skills: int = 2_000, books: int = 50_000) -> None:
    """A deterministic synthetic pack in the bundled schema, referring to its own and bundled ids."""
    rng = random.Random(2026)
    lines: list[str] = ["# synthetic benchmark pack", ""]
    skill_ids = [f"gen-skill-{i:04d}" for i in range(skills)]
    for i, sid in enumerate(skill_ids):
        lines += ["[[skill]]", f"id = {_q(sid)}", f"name = {_q(f'Gen {rng.choice(WORDS).title()} Skill {i}')}",
                  f"kind = {_q(rng.choice(KINDS))}", ""]  # fmt: skip
    role_ids = [f"gen-role-{i:05d}" for i in range(roles)]
    for i, rid in enumerate(role_ids):
        title = f"{rng.choice(WORDS).title()} {rng.choice(WORDS).title()} Engineer {i}"
        body = " ".join(rng.choice(WORDS) for _ in range(70))
        key = [*rng.sample(skill_ids, 6), "python", "kubernetes"]
        nexts = rng.sample(role_ids, 2)
        nexts = [n for n in nexts if n != rid] or [role_ids[(i + 1) % roles]]
        lines += [
            "[[role]]", f"slug = {_q(rid)}", f"name = {_q(title)}", f"category = {_q(rng.choice(CATEGORIES))}",
            f"summary = {_q('Works on ' + ' '.join(rng.choice(WORDS) for _ in range(8)) + '.')}",
            f"what_they_do = {_q(body)}",
            "what_to_learn = [" + ", ".join(_q(f"Learn {w}") for w in rng.sample(WORDS, 5)) + "]",
            "key_skills = [" + ", ".join(map(_q, key)) + "]",
            "career_prospects = [" + ", ".join(_q(f"Lead {w} work") for w in rng.sample(WORDS, 3)) + "]",
            "next_roles = [" + ", ".join(map(_q, nexts)) + "]",
            "related_roles = [" + _q("backend-developer") + "]",
        ]  # fmt: skip
        for _ in range(3):
            lines += ["[[role.challenges]]", f"title = {_q(rng.choice(WORDS).title() + ' at scale')}",
                      f"why = {_q(' '.join(rng.choice(WORDS) for _ in range(14)))}"]  # fmt: skip
        lines.append("")
    for i in range(books):
        year = rng.randrange(1995, 2026)
        lines += [
            "[[book]]", f"id = {_q(f'gen-book-{i:05d}')}",
            f"title = {_q(' '.join(rng.choice(WORDS).title() for _ in range(4)) + f' {i}')}",
            f"authors = [{_q('Author ' + rng.choice(WORDS).title())}]", f"publisher = {_q('Synthetic Press')}",
            f"published = {_q(f'{year}-{rng.randrange(1, 13):02d}')}", f"isbn13 = {_q(_isbn13(rng))}",
            "roles = [" + ", ".join(map(_q, [*rng.sample(role_ids, 2), "backend-developer"])) + "]",
            "topics = [" + ", ".join(_q(w) for w in rng.sample(WORDS, 2)) + "]",
            "skills = [" + ", ".join(map(_q, rng.sample(skill_ids, 2))) + "]", "",
        ]  # fmt: skip
    path.write_text("\n".join(lines), encoding="utf-8")


def environment(root: Path, pack_dir: Path | None) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("CAREERCLI_PACKS", "CAREERCLI_NO_REPLAY", "CAREERCLI_NO_FAST_PATH")
    }
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        env[name] = str(root / name.lower())
    env["COLUMNS"] = "100"
    if pack_dir is not None:
        env["CAREERCLI_PACKS"] = str(pack_dir)
    return env


def timed(argv: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    proc = subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} failed: {proc.stderr.decode(errors='replace')}")
    return elapsed


def peak_rss_mib(argv: list[str], env: dict[str, str]) -> float:
    probe = (
        "import resource, subprocess, sys; subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL); "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    out = subprocess.run([sys.executable, "-c", probe, *argv], env=env, capture_output=True, text=True, check=True)
    return int(out.stdout.strip()) / 1024  # Linux reports KiB


def clear_caches(env: dict[str, str]) -> None:
    shutil.rmtree(Path(env["XDG_CACHE_HOME"]) / "careercli", ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--rounds", type=int, default=9, help="timed rounds after the warm-up (at least 7)")
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    parser.add_argument("--markdown", action="store_true", help="print the README table as Markdown")
    args = parser.parse_args()
    rounds = max(args.rounds, 7)
    if os.environ.get("PYTHONDONTWRITEBYTECODE"):
        print("note: PYTHONDONTWRITEBYTECODE is set: every run compiles its modules; unset it for real figures")

    work = Path(tempfile.mkdtemp(prefix="careercli-bench-"))
    try:
        pack_dir = work / "pack"
        pack_dir.mkdir()
        started = time.perf_counter()
        generate_pack(pack_dir / "big.toml")
        size = (pack_dir / "big.toml").stat().st_size / 2**20
        print(f"generated pack: 10,000 roles, 2,000 skills, 50,000 books ({size:.1f} MiB) "
              f"in {time.perf_counter() - started:.1f} s")  # fmt: skip
        sets = {"bundled": environment(work / "bundled", None), "big pack": environment(work / "big", pack_dir)}
        first_view = {"CAREERCLI_NO_REPLAY": "1"}

        # the first run after a data change, with the big pack: every cache removed (the replay off, so that the
        # figure is the catalogue's, not a replay of what an earlier run saved)
        big = sets["big pack"]
        cold = {}
        for name in ("career show backend-developer", "career search kubernetes"):
            clear_caches(big)
            cold[name] = timed(COMMANDS[name], big | first_view)
        clear_caches(big)
        cold_rss = peak_rss_mib(COMMANDS["career show backend-developer"], big | first_view)
        # the usual data change: a small file changes beside the big pack
        small = pack_dir / "a-small.toml"
        small.write_text('[[skill]]\nid = "bench-extra"\nname = "Bench Extra"\nkind = "concept"\n', "utf-8")
        after_small_change = timed(COMMANDS["career show backend-developer"], big | first_view)
        small.unlink()

        modes = {"first view": first_view, "replay": {}}
        for env in sets.values():  # warm-up: fills the catalogue, search and output caches
            for argv in COMMANDS.values():
                for extra in modes.values():
                    timed(argv, env | extra)
            timed([CAREER], env | TAB)  # builds the completion snapshot
        samples: dict[tuple[str, str, str], list[float]] = {}
        for _ in range(rounds):
            for label, env in sets.items():
                for mode, extra in modes.items():
                    for name, argv in COMMANDS.items():
                        if name == "python -c pass" and (label, mode) != ("bundled", "first view"):
                            continue
                        samples.setdefault((name, label, mode), []).append(timed(argv, env | extra))
            for label, env in sets.items():  # each Tab, with the completion snapshot warm
                samples.setdefault(("tab", label, "replay"), []).append(timed([CAREER], env | TAB))
                fish = timed([CAREER], env | FISH | {"_TYPER_COMPLETE_FISH_ACTION": "get-args"})
                samples.setdefault(("tab fish", label, "replay"), []).append(fish)
        base = statistics.median(samples[("python -c pass", "bundled", "first view")])
        memory = {
            (name, mode): peak_rss_mib(argv, big | extra)
            for mode, extra in modes.items()
            for name, argv in COMMANDS.items()
            if name != "python -c pass"
        }
    finally:
        shutil.rmtree(work, ignore_errors=True)

    def ratio(name: str, label: str, mode: str) -> float:
        return statistics.median(samples[(name, label, mode)]) / base

    rows = []
    for name in COMMANDS:
        if name == "python -c pass":
            continue
        row = {
            "command": name,
            "first_view_bundled": ratio(name, "bundled", "first view"),
            "first_view_big": ratio(name, "big pack", "first view"),
            "replay_bundled": ratio(name, "bundled", "replay"),
            "replay_big": ratio(name, "big pack", "replay"),
            "peak_mib_big_first_view": memory[(name, "first view")],
            "peak_mib_big_replay": memory[(name, "replay")],
        }
        row["first_view_big_vs_bundled"] = row["first_view_big"] / row["first_view_bundled"]
        rows.append(row)

    print(f"\npython -c pass: median {base * 1000:.1f} ms over {rounds} rounds (= 1.0x)\n")
    header = ("command", "first view", "big pack", "big/bundled", "MiB", "replay", "replay, big")
    print("{:<32}{:>11}{:>10}{:>13}{:>6}{:>8}{:>13}".format(*header))
    for r in rows:
        print(f"{r['command']:<32}{r['first_view_bundled']:>10.1f}x{r['first_view_big']:>9.1f}x"
              f"{r['first_view_big_vs_bundled']:>12.2f}x{r['peak_mib_big_first_view']:>6.0f}"
              f"{r['replay_bundled']:>7.1f}x{r['replay_big']:>12.1f}x")  # fmt: skip
    print("(first view: replay off, catalogue cache warm; MiB: peak resident memory of one first view, big pack)")
    suggest_vs_show = ratio(SUGGEST, "big pack", "first view") / ratio("career show backend-developer", "big pack",
                                                                       "first view")  # fmt: skip
    print(f"suggest, big pack: {suggest_vs_show:.2f}x the first view of show there (budget 1.3x)")
    for name in ("tab", "tab fish"):
        print(f"{name:<32}{'':>11}{'':>10}{'':>13}{'':>6}{ratio(name, 'bundled', 'replay'):>7.1f}x"
              f"{ratio(name, 'big pack', 'replay'):>12.1f}x  (one Tab of career show back; budget 6x)")  # fmt: skip
    print("\ncold, big pack (first run after a data change, every cache removed, replay off):")
    for name, seconds in cold.items():
        print(f"  {name}: {seconds:.2f} s ({seconds / base:.0f}x)")
    print(f"  peak memory of that cold show: {cold_rss:.0f} MiB")
    print("first run after a small file changed beside the big pack:")
    print(f"  career show backend-developer: {after_small_change:.2f} s ({after_small_change / base:.0f}x)")

    if args.markdown:
        print("\n| command | first view | first view, big pack | big / bundled | peak MiB, big | replay | replay, big "
              "|")  # fmt: skip
        print("|---|---|---|---|---|---|---|")
        for r in rows:
            print(f"| `{r['command']}` | {r['first_view_bundled']:.1f}x | {r['first_view_big']:.1f}x | "
                  f"{r['first_view_big_vs_bundled']:.2f}x | {r['peak_mib_big_first_view']:.0f} | "
                  f"{r['replay_bundled']:.1f}x | {r['replay_big']:.1f}x |")  # fmt: skip
        cold_show, cold_search = cold["career show backend-developer"], cold["career search kubernetes"]
        print(f"\nCold, big pack: `show` {cold_show:.1f} s, first `search` {cold_search:.1f} s "
              f"(peak {cold_rss:.0f} MiB); "
              f"`show` after a small file changed beside it {after_small_change:.1f} s.")  # fmt: skip
    if args.json:
        payload = {"base_seconds": base, "rounds": rounds, "rows": rows, "cold_seconds": cold}
        payload["suggest_vs_show_big_first_view"] = suggest_vs_show
        payload["tab"] = {n: {s: ratio(n, s, "replay") for s in sets} for n in ("tab", "tab fish")}
        payload["cold_peak_mib"] = cold_rss
        payload["after_small_change_seconds"] = after_small_change
        args.json.write_text(json.dumps(payload, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
