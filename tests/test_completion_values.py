"""A Tab completes a long value list (every role of a big pack) from the small SQLite file beside the snapshot: the
same candidates in the same order as the whole list, and the right answer when that file is damaged or stale."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from careercli import completion, completion_values

PACK_ROLE = """
[[role]]
slug = "pack-role-{n:03d}"
name = "Pack Role {n:03d}"
category = "development"
summary = "A role from the test pack."
what_they_do = "Works."
what_to_learn = ["Things"]
key_skills = ["python"]
career_prospects = ["Architect"]
next_roles = []
related_roles = []

[[role.challenges]]
title = "Hard"
why = "It is."
"""


@pytest.fixture
def big_pack(isolated_home: Path) -> Path:
    """A pack of 260 roles: the role list is longer than completion_values.LONG."""
    packs = isolated_home / "data" / "careercli" / "packs"
    packs.mkdir(parents=True)
    (packs / "many.toml").write_text("".join(PACK_ROLE.format(n=n) for n in range(260)), "utf-8")
    return isolated_home / "cache" / "careercli" / completion_values.NAME


def expected_roles(incomplete: str) -> list[tuple[str, str]]:
    """What the whole list offers (``show`` takes a role or an occupation), worked out without the stored file."""
    from careercli.cli import complete

    return [(completion.one_line(v), completion.one_line(h)) for v, h in complete.occupations(incomplete)]


def test_long_lists_are_stored_beside_a_small_snapshot(big_pack: Path) -> None:
    built = completion.completions(["show"], "pack-role-01")
    assert built == [(f"pack-role-01{n}", f"Pack Role 01{n}") for n in range(10)]
    saved = completion.snapshot()  # read back from the cache: the roles are a number, not 300 pairs
    assert "lists" not in saved
    show = next(c[3] for c in saved["tree"]["commands"] if c[0] == "show")
    assert isinstance(show["arguments"][0]["values"], int)
    assert big_pack.is_file()
    for incomplete in ("", "PACK-ROLE-25", "back", "pack-role-2", "zz", "p"):
        assert completion.completions(["show"], incomplete) == expected_roles(incomplete), incomplete
    assert completion.completions(["show"], "") == expected_roles("")  # every role, in the list's order
    assert len(expected_roles("")) > 300


def test_a_damaged_row_falls_back_to_the_right_answer(big_pack: Path) -> None:
    completion.completions(["show"], "")
    with sqlite3.connect(big_pack) as db:
        changed = db.execute("UPDATE item SET value = 'evil-role' WHERE value = 'pack-role-042'").rowcount
    assert changed == 1
    db.close()
    assert completion.completions(["show"], "pack-role-04") == [(f"pack-role-04{n}", f"Pack Role 04{n}")
                                                                 for n in range(10)]  # fmt: skip
    with sqlite3.connect(big_pack) as db:  # the stored lists were written again
        assert db.execute("SELECT count(*) FROM item WHERE value = 'evil-role'").fetchone() == (0,)
    db.close()


@pytest.mark.parametrize("damage", ["missing", "other token", "not a database"])
def test_a_stale_or_missing_file_falls_back_to_the_right_answer(big_pack: Path, damage: str) -> None:
    completion.completions(["show"], "")
    if damage == "missing":
        big_pack.unlink()
    elif damage == "other token":
        with sqlite3.connect(big_pack) as db:
            db.execute("UPDATE meta SET token = 'someone else'")
        db.close()
    else:
        big_pack.write_bytes(b"not SQLite at all" * 100)
    assert completion.completions(["show"], "pack-role-25") == [(f"pack-role-25{n}", f"Pack Role 25{n}")
                                                                for n in range(10)]  # fmt: skip
    assert completion.completions(["show"], "pack-role-25") == expected_roles("pack-role-25")


def test_a_symlinked_values_file_is_never_read(big_pack: Path, tmp_path: Path) -> None:
    completion.completions(["show"], "")
    elsewhere = tmp_path / "elsewhere.sqlite3"
    os.replace(big_pack, elsewhere)
    big_pack.symlink_to(elsewhere)
    token = completion.snapshot()["token"]
    with pytest.raises(completion_values.Stale):
        completion_values.candidates(str(big_pack), token, 0, "")


def test_the_bound_after_a_prefix() -> None:
    assert completion_values._after("") is None
    assert completion_values._after("ab") == "ac"
    assert completion_values._after("a\ud7ff") == "a\ue000"
    assert completion_values._after("a\U0010ffff") is None


def test_a_tab_in_a_real_process_answers_from_the_stored_file(career, big_pack: Path) -> None:
    env = {"_CAREER_COMPLETE": "complete_fish", "_TYPER_COMPLETE_FISH_ACTION": "get-args",
           "_TYPER_COMPLETE_ARGS": "career compare pack-role-1 PACK-ROLE-20"}  # fmt: skip
    for _ in range(2):  # builds the snapshot, then answers from it
        result = career(env=env)
        assert result.code == 0
        assert result.out.splitlines() == [f"pack-role-20{n}\tPack Role 20{n}" for n in range(10)]
    assert big_pack.is_file()
