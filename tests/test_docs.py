"""The generated reference and screenshots are current, and every command's help teaches with an example."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def load_generator():
    spec = importlib.util.spec_from_file_location("gen_docs", ROOT / "scripts" / "gen_docs.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["gen_docs"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def generator():
    return load_generator()


def test_cli_reference_and_screenshots_are_current(generator) -> None:
    stale = [str(path.relative_to(ROOT)) for path, text in generator.generated().items()
             if not path.exists() or path.read_text("utf-8") != text]  # fmt: skip
    assert stale == [], "run: python scripts/gen_docs.py"


def test_every_command_is_in_the_reference_with_an_example(generator) -> None:
    reference = (ROOT / "docs" / "cli.md").read_text("utf-8")
    paths = list(generator.command_paths())
    assert len(paths) >= 20
    sections = reference.split("\n## ")[1:]
    assert len(sections) == len(paths)
    for section in sections:
        title = section.split("\n", 1)[0]
        assert "Example" in section, f"{title} has no example in its help"


def test_readme_shows_the_screenshots() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    for name in ("show", "books", "gap", "compare"):
        assert f"docs/img/{name}.svg" in readme


@pytest.mark.slow  # many processes (or the whole O*NET release): the full run covers it
def test_every_example_in_the_help_works(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run each example of docs/cli.md in order (as a user reading the reference would): all exit 0."""
    import shlex
    import shutil

    from typer.testing import CliRunner

    from careercli.cli.app import app

    reference = (ROOT / "docs" / "cli.md").read_text("utf-8")
    examples = []
    for line in reference.splitlines():
        text = line.strip()
        if text.startswith("career ") and not any(c in text for c in "|*<>") and text not in examples:
            examples.append(text)
    assert len(examples) >= 40
    pack = (ROOT / "tests" / "test_packs.py").read_text("utf-8").split('ROLE = """', 1)[1].split('"""', 1)[0]
    (tmp_path / "my-team.toml").write_text(pack.format(name="Mainframe", summary="S.", skill="python"), "utf-8")
    onet = ROOT / "tests" / "fixtures" / "onet" / "29.2"  # for the 'data import-onet' examples
    shutil.copytree(onet, tmp_path / "db_29_2_text")
    shutil.make_archive(str(tmp_path / "db_29_2_text"), "zip", tmp_path, "db_29_2_text")
    bls = ROOT / "tests" / "fixtures" / "bls"  # for the 'data import-oews' and 'import-projections' examples
    shutil.copy(bls / "national_M2024_dl.xlsx", tmp_path / "national_M2025_dl.xlsx")
    (tmp_path / "oesm25nat").mkdir()
    shutil.copy(bls / "national_M2024_dl.xlsx", tmp_path / "oesm25nat" / "national_M2025_dl.xlsx")
    shutil.make_archive(str(tmp_path / "oesm25nat"), "zip", tmp_path, "oesm25nat")
    shutil.copy(bls / "occupation.xlsx", tmp_path / "occupation.xlsx")
    monkeypatch.chdir(tmp_path)
    failures = []
    for example in examples:
        result = CliRunner().invoke(app, shlex.split(example)[1:], prog_name="career")
        if result.exit_code != 0:
            failures.append(f"{example} -> {result.exit_code}: {result.output.strip()[:200]}")
    assert failures == []
    assert (tmp_path / "profile.md").is_file()
