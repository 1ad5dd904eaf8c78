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


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new virtual environment with the wheel installed: its folder."""
    env_dir = tmp_path_factory.mktemp("wheel") / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / ("Scripts" if os.name == "nt" else "bin") / "python"
    subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", str(wheel)],
        check=True,
        capture_output=True,
        text=True,
    )
    return env_dir


def test_installed_wheel_shows_backend_role(installed: Path, tmp_path: Path) -> None:
    env_dir = installed
    bindir = env_dir / ("Scripts" if os.name == "nt" else "bin")
    python = bindir / "python"
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


def test_installed_wheel_copies_its_prebuilt_catalogue_store(installed: Path, tmp_path: Path) -> None:
    """The store of the bundled catalogue ships in the wheel and was made from the modules installed with it: a
    new cache folder gets it copied, and the catalogue is not built."""
    python = installed / ("Scripts" if os.name == "nt" else "bin") / "python"
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env |= {"XDG_CACHE_HOME": str(tmp_path / "cache"), "XDG_DATA_HOME": str(tmp_path / "data"), "HOME": str(tmp_path)}
    check = (
        "import sys; from careercli.stored import load, seed;"
        "print(seed.package_folder(), seed.plant(sys.argv[1], 'key'), len(load.load_catalog().roles),"
        " 'careercli.catalogue.build' in sys.modules)"
    )
    done = subprocess.run([str(python), "-c", check, str(tmp_path / "planted")], cwd=tmp_path, env=env,
                          capture_output=True, text=True, check=False)  # fmt: skip
    assert done.returncode == 0, done.stderr
    folder, planted, roles, built = done.stdout.split()
    assert str(installed) in folder
    assert (planted, built) == ("True", "False")
    assert int(roles) > 40
