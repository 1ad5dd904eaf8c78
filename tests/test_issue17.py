"""Issue 17 items that had no test of their own: temporary files of killed writers are cleaned wherever careercli
writes (the profile, the completion snapshot, an O*NET import), not only in the replay and catalogue caches."""

from __future__ import annotations

import os
import time
from pathlib import Path

FIXTURE = Path(__file__).parent / "fixtures" / "onet" / "29.2"
TAB = {"_CAREER_COMPLETE": "complete_bash", "COMP_WORDS": "career show back", "COMP_CWORD": "2"}


def _leftovers(folder: Path, prefix: str, suffix: str) -> tuple[Path, Path, Path]:
    """A stale temporary (a killed writer's), a fresh one (a writer at work) and an old look-alike of the user's."""
    folder.mkdir(parents=True, exist_ok=True)
    stale, fresh = folder / f"{prefix}k1ll3d_0{suffix}", folder / f"{prefix}w0rk1ng0{suffix}"
    mine = folder / f"{prefix}my notes{suffix}"
    for path in (stale, fresh, mine):
        path.write_bytes(b"x" * 1000)
    hour_ago = time.time() - 3600
    for path in (stale, mine):
        os.utime(path, (hour_ago, hour_ago))
    return stale, fresh, mine


def test_temporary_files_of_killed_writers_are_removed_on_the_next_write(career, isolated_home: Path) -> None:
    config, cache = isolated_home / "config" / "careercli", isolated_home / "cache" / "careercli"
    onet = isolated_home / "data" / "careercli" / "onet"
    profile = _leftovers(config, ".profile.toml.", ".tmp")
    snapshot = _leftovers(cache, ".completion-", "")
    imported = _leftovers(onet, ".onet-", ".tmp")

    assert career("skills", "add", "python").code == 0
    assert career(env=TAB).out.split() == ["backend-developer"]
    assert career("data", "import-onet", str(FIXTURE)).code == 0

    for stale, fresh, mine in (profile, snapshot, imported):
        assert not stale.exists(), stale
        assert fresh.exists(), fresh  # another writer may be at work on it
        assert mine.exists(), mine  # not a name careercli makes
    assert sorted(p.name for p in onet.iterdir() if not p.name.startswith(".")) == ["onet.sqlite"]


def test_a_long_key_or_id_in_a_pack_is_cut_in_its_message(tmp_path, cli):
    """A 100,000-character key was echoed whole; messages show its first 60 characters, '…' and its length."""
    pack = tmp_path / "long.toml"
    pack.write_text("k" * 100_000 + ' = 1\n[[role]]\nslug = "' + "x" * 5_000 + '"\n', "utf-8")
    result = cli("data", "validate", str(pack))
    assert result.code == 1
    lines = (result.out + result.err).splitlines()  # the problems on stdout, the count on stderr
    table = f"{pack}: unknown table '{'k' * 60}…' (100,000 characters); expected [[role]], [[skill]] or [[book]]"
    assert table in lines
    assert f"{pack}:2: role '{'x' * 60}…' (5,000 characters): missing field 'name'" in lines
    assert max(map(len, lines)) < 300
