"""The bundled O*NET cache's stamp: a database whose digest matched is not hashed again while it keeps the stamp
recorded then (no hashlib import on a first view), and any write to it, even one that keeps its size and restores
its mtime, has it checked again and rebuilt when damaged."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from careercli.onet import bundled as onet_bundled

CODE = """
import sys
from careercli.onet.bundled import current
db = current()
print(db.execute("SELECT COUNT(*) FROM occupation").fetchone()[0], "hashlib" in sys.modules)
"""


def cache(home: Path) -> tuple[Path, Path]:
    database, digest = sorted((home / "cache" / "careercli" / "onet").iterdir())
    return database, digest


def opened(home: Path) -> tuple[int, bool]:
    """The number of occupations a fresh process reads, and whether it imported hashlib to do so."""
    out = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True, check=True, env=dict(os.environ))
    count, hashed = out.stdout.split()
    return int(count), hashed == "True"


def test_a_checked_cache_is_opened_without_hashing_it_again(isolated_home: Path) -> None:
    first = opened(isolated_home)  # builds the cache, hashes it, records its stamp
    assert first[0] > 100
    assert first[1]
    database, digest = cache(isolated_home)
    assert digest.read_text().splitlines()[1].startswith(f"{database.stat().st_size}:")
    assert opened(isolated_home) == (first[0], False)


def test_a_same_size_edit_with_its_mtime_restored_is_checked_and_rebuilt(isolated_home: Path) -> None:
    count = opened(isolated_home)[0]
    database, _digest = cache(isolated_home)
    before = database.stat()
    data = bytearray(database.read_bytes())
    for at in range(4096, 4096 + 64):  # the second page, every bit flipped, in place
        data[at] ^= 0xFF
    with database.open("r+b") as handle:
        handle.write(bytes(data))
    os.utime(database, ns=(before.st_atime_ns, before.st_mtime_ns))  # as touch -r or cp -p would
    assert database.stat().st_size == before.st_size
    assert opened(isolated_home) == (count, True)  # hashed again: the ctime moved
    assert database.read_bytes() != bytes(data)  # and rebuilt
    assert onet_bundled.current() is not None


IN_PLACE = """
from careercli.onet.bundled import current
db = current()
print(db.execute("PRAGMA database_list").fetchone()[2])
"""


def test_a_stamped_cache_is_read_in_place_and_any_other_is_read_from_memory(isolated_home: Path) -> None:
    def where() -> str:
        run = subprocess.run([sys.executable, "-c", IN_PLACE], capture_output=True, text=True, check=True)
        return run.stdout.strip()

    first = where()  # builds the cache and hashes it: read from the checked bytes in memory
    database, digest = cache(isolated_home)
    assert first != str(database)
    assert where() == str(database)  # stamped: opened read-only where it is, not read whole
    assert opened(isolated_home)[1] is False
    digest.write_text(digest.read_text().splitlines()[0] + "\n")  # the stamp forgotten: hashed again, in memory
    assert where() != str(database)
    assert where() == str(database)
