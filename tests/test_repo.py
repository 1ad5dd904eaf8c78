"""The repository's own promises: CI lints and runs the README's test command."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def quick_start() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"## Quick start.*?```(?:sh|bash)?\n(.*?)```", readme, re.S)
    assert block, "README has no Quick start code block"
    return [line for line in block.group(1).splitlines() if line.strip() and not line.startswith("#")]


def test_quick_start_is_two_commands_install_show_and_test() -> None:
    first, second = quick_start()
    assert "pip install ." in first
    assert first.endswith("career show backend-developer")
    assert "pytest" in second


def test_ci_runs_exactly_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert quick_start()[1] in ci


def test_ci_runs_the_lint_commands_the_readme_names() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    development = readme[readme.index("## Development") :].split("\n## ")[0]
    lint = [line.split("#")[0].strip() for line in development.splitlines() if line.startswith(".venv/bin/ruff")]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert lint == [".venv/bin/ruff check src tests benchmarks scripts",
                    ".venv/bin/ruff format --check src tests benchmarks scripts"]  # fmt: skip
    assert all(command in ci for command in lint)
    assert max(ci.index(command) for command in lint) < ci.index(quick_start()[1])  # before the tests
