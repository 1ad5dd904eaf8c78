"""The store of the bundled catalogue ships prebuilt (data/catalogue.sqlite3, ``careercli.stored.seed``): a first
view in a new home copies it instead of reading and checking the data files, which is what made a cold ``show``
14-15x ``python -c pass`` against a 12x budget (issue 22). It is used only when it was made from the code and data
installed, and only for the bundled data alone."""

from __future__ import annotations

import contextlib
import marshal
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from careercli.catalogue.store import NAME as STORE
from careercli.catalogue.store import _digest
from careercli.paths import BUNDLED_FILES, bundled_data_folder
from careercli.stored import seed

ROOT = Path(__file__).resolve().parent.parent
PACK = """[[role]]
slug = "mainframe-developer"
name = "Mainframe Developer"
category = "development"
summary = "Keeps the core running."
what_they_do = "Writes and maintains the programs at the core of banks and insurers."
what_to_learn = ["COBOL", "JCL"]
key_skills = ["sql", "python"]
career_prospects = ["Architect"]
next_roles = ["software-architect"]
related_roles = ["backend-developer"]

[[role.challenges]]
title = "Old code"
why = "Decades of it."
"""
SHIPPED = Path(bundled_data_folder()) / seed.NAME

# a first view through the console script's entry, saying on stderr whether it read the data files
SCRIPT = """import sys
from careercli.entry import _main
try:
    code = _main(sys.argv[1:])
finally:
    sys.stderr.write("built=" + str("careercli.catalogue.build" in sys.modules))
raise SystemExit(code)
"""


def first_view(*argv: str) -> tuple[int, str, str]:
    env = {**os.environ, "CAREERCLI_NO_REPLAY": "1"}
    done = subprocess.run([sys.executable, "-c", SCRIPT, *argv], capture_output=True, text=True, env=env,
                          check=False)  # fmt: skip
    return done.returncode, done.stdout, done.stderr


def test_the_shipped_store_is_what_the_script_makes() -> None:
    """After a change to the bundled data or to a module that makes the store: python
    scripts/build_catalogue_store.py."""
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_catalogue_store.py"), "--check"],
                          capture_output=True, text=True, check=False)  # fmt: skip
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")


def test_a_cold_first_view_copies_the_shipped_store(isolated_home: Path) -> None:
    code, out, err = first_view("show", "backend-developer", "--json")
    assert (code, err) == (0, "built=False")
    assert '"slug": "backend-developer"' in out
    assert (isolated_home / "cache" / "careercli" / STORE).is_file()
    assert first_view("show", "backend-developer", "--json") == (0, out, "built=False")  # the copy, as stored


def test_after_cache_clear_the_shipped_store_is_copied_again(isolated_home: Path, career) -> None:
    assert first_view("list")[0] == 0
    assert career("cache", "clear").code == 0
    assert not (isolated_home / "cache" / "careercli" / STORE).exists()
    code, out, err = first_view("list")
    assert (code, err) == (0, "built=False")
    assert "backend-developer\tBack-End Developer\t" in out


def test_with_a_pack_the_catalogue_is_built_from_the_files(isolated_home: Path) -> None:
    packs = isolated_home / "data" / "careercli" / "packs"
    packs.mkdir(parents=True)
    (packs / "team.toml").write_text(PACK, "utf-8")
    code, out, err = first_view("list")
    assert (code, err) == (0, "built=True")
    assert "mainframe-developer\tMainframe Developer\t" in out
    assert first_view("list") == (0, out, "built=False")  # then stored under the key of the packs in use


@pytest.fixture
def copies(tmp_path: Path) -> tuple[Path, Path, tuple[str, ...]]:
    """The modules the shipped store lists and the bundled data files, copied: the package and data it was made from."""
    with contextlib.closing(sqlite3.connect(f"{SHIPPED.as_uri()}?mode=ro", uri=True)) as db:
        (listed,) = db.execute("SELECT data FROM blob WHERE name = ?", (seed.MODULES,)).fetchone()
    modules = marshal.loads(listed)
    package, data = tmp_path / "careercli", tmp_path / "data"
    for name in modules:
        (package / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(Path(seed.package_folder()) / name, package / name)
    data.mkdir()
    for name in BUNDLED_FILES:
        shutil.copyfile(Path(bundled_data_folder()) / name, data / name)
    return package, data, modules


@pytest.mark.parametrize("edited", ["queries/ranking.py", "stored/load.py", "model.py", "books.toml"])
def test_an_edit_to_a_module_or_data_file_it_was_made_from_changes_its_identity(copies, edited: str) -> None:
    package, data, modules = copies
    assert seed.identity(modules, str(package), str(data)) == seed.identity(modules)
    path = data / edited if edited.endswith(".toml") else package / edited
    path.write_bytes(path.read_bytes() + b"\n")
    assert seed.identity(modules, str(package), str(data)) != seed.identity(modules)


def test_a_stale_or_damaged_shipped_store_is_not_copied(tmp_path: Path) -> None:
    stale = tmp_path / "stale.sqlite3"
    shutil.copyfile(SHIPPED, stale)
    data = marshal.dumps("0" * 64)  # a well-formed row: the identity of other code or data
    with contextlib.closing(sqlite3.connect(stale)) as db, db:
        db.execute(
            "UPDATE blob SET digest = ?, data = ? WHERE name = ?", (_digest(seed.IDENTITY, data), data, seed.IDENTITY)
        )
    damaged = tmp_path / "damaged.sqlite3"
    damaged.write_bytes(SHIPPED.read_bytes()[:4096])
    cache = tmp_path / "cache"
    for path in (stale, damaged, tmp_path / "missing.sqlite3"):
        assert not seed.plant(str(cache), "key", str(path))
    assert not cache.exists()
    assert seed.plant(str(cache), "key", str(SHIPPED))
    assert sorted(os.listdir(cache)) == [STORE]


def test_writing_the_store_removes_only_its_stale_temporaries(isolated_home: Path, career) -> None:
    """A process killed while writing the store leaves ``.catalogue.sqlite3.PID.tmp``: gone after ten minutes."""
    cache = isolated_home / "cache" / "careercli"
    cache.mkdir(parents=True)
    names = [f".{STORE}.4242.tmp", f".{STORE}.4243.tmp", f".{STORE}.x.tmp", "notes.tmp"]
    for name in names:
        (cache / name).write_bytes(b"half")
    for name in (names[0], names[2], names[3]):
        os.utime(cache / name, (1_000_000_000, 1_000_000_000))
    assert career("list").code == 0
    assert sorted(p.name for p in cache.iterdir() if p.name.endswith(".tmp")) == sorted(names[1:])
