"""The built wheel, installed into a new virtual environment, gives a working `career` with its data."""

from __future__ import annotations

import os
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(out), str(ROOT)],
        check=True,
        capture_output=True,
        text=True,
    )
    (built,) = out.glob("careercli-*.whl")
    return built


def test_wheel_ships_the_data(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    for data_file in ("roles.toml", "skills.toml", "books.toml", "bls/oews.tsv", "bls/projections.tsv"):
        assert f"careercli/data/{data_file}" in names


def test_installed_wheel_shows_backend_role(wheel: Path, tmp_path: Path) -> None:
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    bindir = env_dir / ("Scripts" if os.name == "nt" else "bin")
    python = bindir / "python"
    subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", str(wheel)],
        check=True,
        capture_output=True,
        text=True,
    )
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["COLUMNS"] = "100"
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    shown = subprocess.run(
        [str(bindir / "career"), "show", "backend-developer"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    assert shown.returncode == 0, shown.stderr
    for section in ("What they do", "What to learn", "Challenges", "Career prospects", "Key skills", "Books by fit"):
        assert section in shown.stdout
    located = subprocess.run(
        [str(python), "-c", "import careercli.catalogue.sources as c; print(c.bundled_data_dir())"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert str(env_dir) in located.stdout  # read from the installed package, not from this checkout
    as_module = subprocess.run(
        [str(python), "-m", "careercli", "--version"], cwd=elsewhere, env=env, capture_output=True, text=True
    )
    assert as_module.stdout.startswith("career ")
