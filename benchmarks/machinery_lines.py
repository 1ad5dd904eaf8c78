"""How big the speed machinery is (issue 22): the direct path, the replay, completion, the stores and their keys,
counted in two commits of this repository.

    python benchmarks/machinery_lines.py [--before 04b6fb2] [--after HEAD] [--files]

A line counts when it holds code: blank lines and comment-only lines do not. Docstrings count (they are lines a
reader reads); the second figure leaves them out, so that a cut made of docstrings shows. Modules were renamed
and split since 04b6fb2, so each commit has its own explicit list below; a file of a list that a commit does not
hold counts as zero, with a warning on stderr (``--after`` an older commit). The generated command-line snapshot
(``grammar_tree.py``, data written by ``careercli.cli.grammar_build``) is not counted; the code that writes and
reads it is.
"""

from __future__ import annotations

import argparse
import ast
import io
import subprocess
import sys
import tokenize
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BEFORE = "04b6fb2"  # the commit issue 22 was filed against

# part -> its files (under src/careercli) at 04b6fb2
FILES_BEFORE = {
    "direct path": ["entry.py", "commands.py", "cli/direct.py"],
    "replay": ["replay.py", "replay_store.py"],
    "completion": [
        "completion.py",
        "completion_rules.py",
        "completion_values.py",
        "cli/completion_spec.py",
        "cli/complete.py",
    ],
    "stores and keys": [
        "cache.py",
        "catalogue/store.py",
        "catalogue/load.py",
        "catalogue/search_store.py",
        "onet/bundled.py",
    ],
}
# the same parts since: the grammar snapshot's reader and writer replace the hand-written grammars, the stored
# tables moved to stored/, and every key is made by cachekey.py
FILES_AFTER = {
    "direct path": ["entry.py", "commands.py", "cli/direct.py", "grammar.py", "cli/grammar_build.py"],
    "replay": ["replay.py", "replay_store.py"],
    "completion": ["completion.py", "completion_rules.py", "completion_values.py", "cli/complete.py"],
    "stores and keys": [
        "cache.py",
        "cachekey.py",
        "catalogue/store.py",
        "stored/load.py",
        "stored/search_store.py",
        "stored/seed.py",
        "onet/bundled.py",
    ],
}
SKIPPED = {tokenize.COMMENT, tokenize.NL, tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT, tokenize.ENCODING}


def count(text: str) -> tuple[int, int]:
    """Lines holding code, and of those the lines that are not docstrings."""
    lines: set[int] = set()
    for token in tokenize.generate_tokens(io.StringIO(text).readline):
        if token.type not in SKIPPED and token.type != tokenize.ENDMARKER:
            lines.update(range(token.start[0], token.end[0] + 1))
    docs: set[int] = set()
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if (
                isinstance(first, ast.Expr)
                and isinstance(first.value, ast.Constant)
                and isinstance(first.value.value, str)
            ):
                docs.update(range(first.lineno, (first.end_lineno or first.lineno) + 1))
    return len(lines), len(lines - docs)


def source(commit: str, path: str) -> str:
    done = subprocess.run(["git", "-C", str(ROOT), "show", f"{commit}:src/careercli/{path}"],
                          capture_output=True, text=True, check=False)  # fmt: skip
    if done.returncode != 0:
        print(f"machinery_lines: {path} is not in {commit}: counted as 0", file=sys.stderr)
        return ""
    return done.stdout


def measure(commit: str, parts: dict[str, list[str]], show_files: bool) -> tuple[int, int]:
    total = bare = 0
    for part, paths in parts.items():
        lines = code = 0
        for path in paths:
            counted = count(source(commit, path))
            lines, code = lines + counted[0], code + counted[1]
            if show_files:
                print(f"    {path:28} {counted[0]:5} {counted[1]:5}")
        print(f"  {part:30} {lines:5} {code:5}")
        total, bare = total + lines, bare + code
    print(f"  {'total':30} {total:5} {bare:5}")
    return total, bare


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.partition("\n")[0])
    parser.add_argument("--before", default=BEFORE)
    parser.add_argument("--after", default="HEAD")
    parser.add_argument("--files", action="store_true", help="show each file's figures")
    args = parser.parse_args()
    print(f"{args.before} (lines, without docstrings)")
    before = measure(args.before, FILES_BEFORE, args.files)
    print(f"{args.after} (lines, without docstrings)")
    after = measure(args.after, FILES_AFTER, args.files)
    print(f"after / before: {after[0] / before[0]:.2f} ({after[1] / before[1]:.2f} without docstrings)")
    print(f"cut: {1 - after[0] / before[0]:.0%} ({1 - after[1] / before[1]:.0%} without docstrings); goal 30%")


if __name__ == "__main__":
    main()
