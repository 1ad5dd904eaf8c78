"""Each first-view command imports only the modules of its budget (issue 22, item 5): the top-level modules it
adds to a bare ``python -c`` (careercli's own aside) are compared with ``tests/import_budget.json``. A new heavy
import (typer, click, rich where a view does not render with it, pathlib, dataclasses, inspect, typing ...) fails
with the command and the module named; after a deliberate change, measure (benchmarks/first_view.py) and widen
the budget in the same commit."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

BUDGET_FILE = Path(__file__).parent / "import_budget.json"
BUDGET: dict[str, list[str]] = json.loads(BUDGET_FILE.read_text("utf-8"))

PROFILE = """schema_version = 1
skills = ["python"]

[[bookmark]]
role = "backend-developer"
note = "next step"
"""

# What the child prints last on stderr: the top-level modules the command added, careercli's own aside.
SCRIPT = """import sys
before = {name.partition(".")[0] for name in sys.modules}
from careercli.entry import _main
try:
    code = _main(sys.argv[1:])
finally:
    added = {name.partition(".")[0] for name in sys.modules} - before - {"careercli"}
    sys.stderr.write("\\nimported=" + " ".join(sorted(added)))
raise SystemExit(code)
"""
TAB = {"_CAREER_COMPLETE": "complete_bash", "COMP_WORDS": "career show back", "COMP_CWORD": "2"}

# budget name -> (argv, extra environment, what the output shows)
COMMANDS: dict[str, tuple[list[str], dict[str, str], str]] = {
    "show (page)": (["show", "backend-developer"], {"FORCE_COLOR": "1"}, "Back-End Developer"),
    "show --json": (["show", "backend-developer", "--json"], {}, '"slug": "backend-developer"'),
    "list": (["list"], {}, "backend-developer"),
    "books": (["books"], {}, "\t"),
    "search": (["search", "kubernetes"], {}, "kubernetes"),
    "bookmark list": (["bookmark", "list"], {}, "next step"),
    "--help": (["--help"], {"FORCE_COLOR": "1"}, "Usage"),
    "--version": (["--version"], {}, "career "),
    "a Tab": ([], TAB, "backend-developer"),
    "export (piped)": (["export"], {}, "# My career profile"),
}


def imported(argv: list[str], extra: dict[str, str]) -> tuple[set[str], str]:
    env = {**os.environ, "CAREERCLI_NO_REPLAY": "1", **extra}
    for _ in range(2):  # the first run builds and stores the catalogue; the second is the first view
        done = subprocess.run([sys.executable, "-c", SCRIPT, *argv], capture_output=True, text=True, env=env,
                              check=False)  # fmt: skip
    assert done.returncode == 0, done.stderr
    head, _, modules = done.stderr.rpartition("\nimported=")
    assert "Traceback" not in head, done.stderr
    return set(modules.split()), done.stdout


def test_every_first_view_command_has_a_budget() -> None:
    assert sorted(BUDGET) == sorted(COMMANDS)


@pytest.mark.parametrize("name", list(COMMANDS))
def test_a_first_view_imports_only_its_budget(isolated_home: Path, name: str) -> None:
    config = isolated_home / "config" / "careercli"
    config.mkdir(parents=True)
    (config / "profile.toml").write_text(PROFILE, "utf-8")
    argv, extra, shown = COMMANDS[name]
    modules, out = imported(argv, extra)
    assert shown.casefold() in out.casefold()
    over = sorted(modules - set(BUDGET[name]))
    assert not over, f"career {' '.join(argv) or '<Tab>'} ({name}) imports {', '.join(over)}, beyond its budget"
