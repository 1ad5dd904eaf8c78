"""The O*NET caches (issue 17, items 6 and 8): the bundled extract's database is used only when it is the user's
own, intact file, and is rebuilt silently otherwise; a damaged import of the user's is one error naming it."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from careercli.errors import CareerError
from careercli.onet import bundled as onet_bundled
from careercli.onet import db as onet_db
from careercli.onet.release import Release
from careercli.presenters import onet as view
from careercli.queries import occupations as occ

FIXTURE = Path(__file__).parent / "fixtures" / "onet" / "29.2"
CODES = ("15-1252.00", "15-1299.08", "11-3021.00", "15-1211.00")


def facts() -> str:
    """What a user sees of the occupations: pages of a few, the group listing, a search."""
    db = onet_bundled.current()
    assert db is not None
    pages = [view.markdown(page) for code in CODES if (page := occ.detail(db, code)) is not None]
    rows = [f"{m.code} {m.title}" for m in occ.by_group(db, "15") + occ.search(db, "developer")]
    return "\n".join([occ.version(db), *pages, *rows])


def cache_files(home: Path) -> list[Path]:
    return sorted((home / "cache" / "careercli" / "onet").iterdir())


@pytest.fixture
def clean(isolated_home: Path) -> str:
    """The facts from a fresh cache, which now exists (the database and its digest)."""
    text = facts()
    assert "15-1252.00" in text
    assert "Software Developers" in text
    assert [p.suffix for p in cache_files(isolated_home)] == [".sqlite", ".sha256"]
    return text


def test_the_cache_folders_are_private(isolated_home: Path, clean: str) -> None:
    for folder in (isolated_home / "cache" / "careercli", isolated_home / "cache" / "careercli" / "onet"):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    for file in cache_files(isolated_home):
        assert stat.S_IMODE(file.stat().st_mode) == 0o600


@pytest.mark.parametrize("where", [0, 100, 5_000, 40_000, 1_000_000, -5_000, -1])
def test_flipped_bytes_in_the_bundled_cache_are_rebuilt_silently(isolated_home: Path, clean: str, where: int) -> None:
    database = cache_files(isolated_home)[0]
    data = bytearray(database.read_bytes())
    at = where % len(data)
    for offset in range(8):  # eight bytes from there, every bit flipped
        data[(at + offset) % len(data)] ^= 0xFF
    database.write_bytes(bytes(data))
    assert facts() == clean
    assert database.read_bytes() != bytes(data)  # rebuilt, so the next command reads it straight away


@pytest.mark.parametrize("damage", ["cut", "empty", "digest", "no digest", "folder", "fifo"])
def test_a_cut_empty_or_replaced_cache_is_rebuilt(isolated_home: Path, clean: str, damage: str) -> None:
    database, digest = cache_files(isolated_home)
    if damage == "cut":
        database.write_bytes(database.read_bytes()[: database.stat().st_size // 2])
    elif damage == "empty":
        database.write_bytes(b"")
    elif damage == "digest":
        digest.write_text("0" * 64 + "\n")
    elif damage == "no digest":
        digest.unlink()
    elif damage == "folder":
        database.unlink()
        database.mkdir()
    else:
        database.unlink()
        os.mkfifo(database)
    assert facts() == clean
    assert facts() == clean


def planted(isolated_home: Path, tmp_path: Path) -> tuple[Path, bytes]:
    """A database of other facts (the 5-occupation fixture) outside the cache, the cache's digest made to match
    it: only the file's owner, mode or kind can tell it from the real one."""
    _database, data = planted_in(isolated_home / "cache" / "careercli" / "onet", tmp_path)
    other = tmp_path / "other.sqlite"
    other.write_bytes(data)
    return other, data


def test_a_symlinked_cache_is_not_used(isolated_home: Path, clean: str, tmp_path: Path) -> None:
    other, data = planted(isolated_home, tmp_path)
    database = cache_files(isolated_home)[0]
    database.unlink()
    database.symlink_to(other)
    assert facts() == clean
    assert other.read_bytes() == data  # the link's target is left alone
    assert not database.is_symlink()


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="giving a file away needs root")
def test_another_users_cache_is_not_used(isolated_home: Path, clean: str, tmp_path: Path) -> None:
    _other, data = planted(isolated_home, tmp_path)
    database = cache_files(isolated_home)[0]
    database.write_bytes(data)
    os.chown(database, 4321, 4321)
    assert facts() == clean
    assert database.stat().st_uid == os.getuid()  # replaced by the user's own


def test_a_cache_writable_by_others_is_not_used(isolated_home: Path, clean: str, tmp_path: Path) -> None:
    _other, data = planted(isolated_home, tmp_path)
    database = cache_files(isolated_home)[0]
    database.write_bytes(data)
    database.chmod(0o666)
    assert facts() == clean


@pytest.mark.parametrize("how", ["symlink", "other user"])
def test_an_untrusted_cache_folder_is_neither_read_nor_written(isolated_home: Path, tmp_path: Path, how: str) -> None:
    clean = facts()
    cache = isolated_home / "cache" / "careercli"
    elsewhere = tmp_path / "elsewhere"
    os.rename(cache / "onet", elsewhere)
    planted_in(elsewhere, tmp_path)
    if how == "symlink":
        (cache / "onet").symlink_to(elsewhere)
    else:
        if os.geteuid() != 0:
            pytest.skip("giving a folder away needs root")
        os.rename(elsewhere, cache / "onet")
        elsewhere = cache / "onet"
        os.chown(elsewhere, 4321, 4321)
    before = {p.name: p.read_bytes() for p in elsewhere.iterdir()}
    assert facts() == clean  # built in memory for the command
    assert {p.name: p.read_bytes() for p in elsewhere.iterdir()} == before


def planted_in(folder: Path, tmp_path: Path) -> tuple[Path, bytes]:
    """Replace the database in ``folder`` by the fixture's, with a matching digest."""
    import hashlib

    with Release(FIXTURE) as release:
        data = onet_db.build_bytes(release)
    database = next(p for p in folder.iterdir() if p.suffix == ".sqlite")
    database.write_bytes(data)
    database.with_name(database.name + ".sha256").write_text(hashlib.sha256(data).hexdigest() + "\n")
    return database, data


# -- the user's import is user data: never rebuilt behind their back, a clear error instead ----------------------
@pytest.fixture
def imported(isolated_home: Path) -> Path:
    target = onet_db.user_db_path()
    with Release(FIXTURE) as release:
        onet_db.build(release, target)
    db = onet_bundled.current()
    assert db is not None
    assert len(occ.by_group(db)) == 5
    return target


def damage_import(path: Path, how: str) -> None:
    data = bytearray(path.read_bytes())
    if how == "header":
        data[:16] = b"not a database!!"
    elif how == "cut":
        data = data[: len(data) // 3]
    else:  # every page after the first one overwritten
        data[4096:] = b"\xa5" * (len(data) - 4096)
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("how", ["header", "cut", "pages"])
def test_a_damaged_import_is_one_line_naming_the_file_and_the_repair(imported: Path, how: str) -> None:
    damage_import(imported, how)
    with pytest.raises(CareerError) as caught:
        facts()
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(f"{imported}: the O*NET import is damaged (")
    assert message.endswith("repair it with 'career data import-onet PATH'")
    assert imported.exists()  # the user's file is left for them to repair


def test_import_onet_repairs_a_damaged_import(imported: Path, career) -> None:
    damage_import(imported, "pages")
    result = career("data", "import-onet", str(FIXTURE))  # the repair works on a damaged file
    assert (result.code, result.err) == (0, "")
    db = onet_bundled.current()
    assert db is not None
    assert len(occ.by_group(db)) == 5
