"""The O*NET databases: the bundled extract's ships prebuilt (issue 22, item 8) and is never copied into the cache;
a damaged import of the user's is one error naming it (issue 17, items 6 and 8)."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path

import pytest

from careercli import cachekey
from careercli.errors import CareerError
from careercli.onet import bundled
from careercli.onet import db as onet_db
from careercli.onet.release import Release
from careercli.presenters import occupation_facts as view
from careercli.queries import occupations as occ

FIXTURE = Path(__file__).parent / "fixtures" / "onet" / "29.2"
CODES = ("15-1252.00", "15-1299.08", "11-3021.00", "15-1211.00")


def facts() -> str:
    """What a user sees of the occupations: pages of a few, the group listing, a search."""
    db = bundled.current()
    assert db is not None
    pages = [view.markdown(page) for code in CODES if (page := occ.detail(db, code)) is not None]
    rows = [f"{m.code} {m.title}" for m in occ.by_group(db, "15") + occ.search(db, "developer")]
    return "\n".join([occ.version(db), *pages, *rows])


def dump(db: sqlite3.Connection) -> list[str]:
    return list(db.iterdump())


def test_the_prebuilt_database_holds_what_the_extract_gives() -> None:
    """data/onet.sqlite, shipped so that a first view never builds it, is what the extract's files give (rebuild it
    with ``python scripts/build_onet_extract.py --database`` after a change to them or to the schema)."""
    shipped = bundled.database_file()
    assert os.path.basename(os.path.dirname(shipped)) == "data"
    with Release(onet_db.bundled_extract_folder()) as release:
        built = sqlite3.connect(":memory:")
        built.deserialize(onet_db.build_bytes(release))
    with contextlib.closing(sqlite3.connect(f"file:{shipped}?mode=ro", uri=True)) as prebuilt:
        assert dump(prebuilt) == dump(built)


def test_a_cold_first_view_reads_the_prebuilt_database_and_writes_no_copy(isolated_home: Path, career) -> None:
    result = career("show", "15-1252.00")
    assert (result.code, result.err) == (0, "")
    assert "Software Developers" in result.out
    cache = isolated_home / "cache" / "careercli"
    assert not (cache / "onet").exists()
    assert os.path.realpath(bundled.database_file()) in map(os.path.realpath, cachekey.data_files())


def test_without_the_prebuilt_database_the_extract_is_read_into_memory(isolated_home: Path, tmp_path: Path) -> None:
    extract = tmp_path / "data" / "onet"
    extract.mkdir(parents=True)
    for file in FIXTURE.iterdir():
        (extract / file.name).write_bytes(file.read_bytes())
    db = bundled.open_bundled(extract)
    assert db is not None
    assert len(occ.by_group(db)) == 5  # the fixture's five, not the bundled extract's
    assert sorted(p.name for p in tmp_path.rglob("*.sqlite*")) == []
    assert bundled.open_bundled(tmp_path / "nothing") is None


# -- the user's import is user data: never rebuilt behind their back, a clear error instead ----------------------
@pytest.fixture
def imported(isolated_home: Path) -> Path:
    target = onet_db.user_db_path()
    with Release(FIXTURE) as release:
        onet_db.build(release, target)
    db = bundled.current()
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
    db = bundled.current()
    assert db is not None
    assert len(occ.by_group(db)) == 5
