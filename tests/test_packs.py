"""Data packs: adding, overriding, broken packs and their messages, hostile text; and the catalog cache."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from careercli.stored import load

ROLE = """
[[skill]]
id = "cobol"
name = "COBOL"
kind = "language"

[[role]]
slug = "mainframe-developer"
name = "{name}"
category = "development"
summary = "{summary}"
what_they_do = "Writes and maintains the programs at the core of banks and insurers."
what_to_learn = ["COBOL", "JCL"]
key_skills = ["cobol", "sql", "{skill}"]
career_prospects = ["Architect"]
next_roles = ["software-architect"]
related_roles = ["backend-developer"]

[[role.challenges]]
title = "Old code"
why = "Decades of it."
"""


def write_pack(folder: Path, name: str = "team.toml", **fields: str) -> Path:
    values = {"name": "Mainframe Developer", "summary": "Keeps the core running.", "skill": "python"} | fields
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(ROLE.format(**values), "utf-8")
    return path


@pytest.fixture
def packs(isolated_home: Path) -> Path:
    return isolated_home / "data" / "careercli" / "packs"


def test_a_pack_adds_a_role_and_list_marks_its_origin(cli, packs: Path) -> None:
    write_pack(packs)
    roles = {r["slug"] for r in json.loads(cli("list", "--json").out)["roles"]}
    assert "mainframe-developer" in roles
    table = cli("list", "--category", "development").out
    line = next(row for row in table.splitlines() if "mainframe-developer" in row)
    assert "team.toml" in line
    assert next(row for row in table.splitlines() if "backend-developer" in row).rstrip().endswith("bundled")
    shown = json.loads(cli("show", "mainframe", "--json").out)["role"]
    assert shown["source"] == "team.toml"
    assert {"id": "cobol", "name": "COBOL", "group": None} in shown["key_skills"]


def test_a_pack_overrides_a_bundled_role_by_id(cli, packs: Path) -> None:
    text = write_pack(packs).read_text("utf-8").replace('slug = "mainframe-developer"', 'slug = "backend-developer"')
    (packs / "team.toml").write_text(
        text.replace('related_roles = ["backend-developer"]', "related_roles = []"), "utf-8"
    )
    shown = json.loads(cli("show", "backend-developer", "--json").out)["role"]
    assert shown["summary"] == "Keeps the core running."
    assert shown["source"] == "team.toml"


def test_packs_from_several_folders_in_order(cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first, second = tmp_path / "one", tmp_path / "two"
    write_pack(first, summary="From the first.")
    write_pack(second, summary="From the second.")
    monkeypatch.setenv("CAREERCLI_PACKS", os.pathsep.join([str(first), str(second)]))
    assert json.loads(cli("show", "mainframe", "--json").out)["role"]["summary"] == "From the second."
    in_use = json.loads(cli("where", "--json").out)["paths"]["packs_in_use"]
    assert in_use == [str(first / "team.toml"), str(second / "team.toml")]


def test_a_typo_in_a_skill_id_is_reported_with_its_line(cli, packs: Path) -> None:
    path = write_pack(packs, skill="pyhton")
    message = (
        f"{path}:14: role 'mainframe-developer': 'key_skills' names unknown skill 'pyhton' (did you mean 'python'?)"
    )
    for args in (("list",), ("show", "backend-developer"), ("search", "python"), ("books",)):
        result = cli(*args)
        assert result.code == 1, args
        assert result.err == f"career: {message}\n"
    checked = cli("data", "validate", str(path))
    assert checked.code == 1
    assert checked.out == message + "\n"
    assert checked.err == "career: 1 of 1 file has problems\n"


def test_validate_reports_every_problem_at_once(cli, tmp_path: Path) -> None:
    path = write_pack(tmp_path, skill="pyhton")
    text = path.read_text("utf-8").replace('category = "development"', 'category = "develop"')
    path.write_text(text.replace('kind = "language"', 'kind = "lang"'), "utf-8")
    result = cli("data", "validate", str(path))
    assert result.code == 1
    assert result.out.splitlines() == [
        f"{path}:5: skill 'cobol': unknown kind 'lang' (did you mean 'language'?)",
        f"{path}:10: role 'mainframe-developer': unknown category 'develop' (did you mean 'development'?)",
        f"{path}:14: role 'mainframe-developer': 'key_skills' names unknown skill 'pyhton' (did you mean 'python'?)",
    ]
    ok = write_pack(tmp_path / "good")
    assert (
        cli("data", "validate", str(ok)).out == f"{ok}: ok (1 role, 1 skill, 0 books; 43 roles in the merged catalog)\n"
    )


def test_a_broken_pack_in_use_shows_the_count_of_further_problems(cli, packs: Path) -> None:
    path = write_pack(packs, skill="pyhton")
    path.write_text(path.read_text("utf-8").replace('category = "development"', 'category = "develop"'), "utf-8")
    result = cli("list")
    assert result.code == 1
    assert result.err.splitlines() == [
        f"career: {path}:10: role 'mainframe-developer': unknown category 'develop' (did you mean 'development'?)",
        "career: and 1 more; 'career data validate FILE' lists them all",
    ]


def test_a_pack_that_is_not_toml(cli, packs: Path) -> None:
    packs.mkdir(parents=True)
    (packs / "bad.toml").write_text("[[role]\n", "utf-8")
    result = cli("show", "backend-developer")
    assert result.code == 1
    assert result.err.startswith(f"career: {packs / 'bad.toml'}: not valid TOML: ")
    assert "line 1" in result.err


def test_hostile_pack_text_is_neutralised(cli, packs: Path) -> None:
    write_pack(packs, name="evil.toml", summary="[bold red]loud[/] \\u001b[2J\\u009b31m")
    path = packs / "evil.toml"
    path.write_text(path.read_text("utf-8").replace("Mainframe Developer", "[blink]Main[/blink]\\u001b]0;pwned\\u0007"))
    for args in (("list",), ("show", "mainframe-developer"), ("search", "mainframe")):
        out = cli(*args).out
        assert "\x1b" not in out
        assert "\x9b" not in out
        assert "\x07" not in out
        assert "[blink]Main[/blink]" in out
    shown = cli("show", "mainframe-developer").out
    assert "[bold red]loud[/] ␛[2J\\x9b31m" in shown
    assert "␛]0;pwned␇" in shown


# --------------------------------------------------------------------------- the store of derived data


def store_file(home: Path) -> Path:
    return home / "cache" / "careercli" / "catalogue.sqlite3"


def test_the_store_is_written_and_used(isolated_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    first = load.load_catalog()
    assert store_file(isolated_home).is_file()
    assert (store_file(isolated_home).parent.stat().st_mode & 0o777) == 0o700

    def no_parsing(*args: object, **kwargs: object) -> None:
        raise AssertionError("parsed TOML although the store was fresh")

    monkeypatch.setattr(load, "_build_and_store", no_parsing)
    monkeypatch.delitem(sys.modules, "careercli.catalogue.build", raising=False)
    assert load.load_catalog() == first
    assert "careercli.catalogue.build" not in sys.modules  # no checks imported on a hit


def test_the_store_goes_stale_when_a_pack_changes(isolated_home: Path, packs: Path) -> None:
    write_pack(packs, summary="Before.")
    assert load.load_catalog().roles["mainframe-developer"].summary == "Before."
    path = write_pack(packs, summary="After, and longer.")
    os.utime(path, ns=(1, 1))  # even with an old timestamp: the size changed
    assert load.load_catalog().roles["mainframe-developer"].summary == "After, and longer."
    path.unlink()
    assert "mainframe-developer" not in load.load_catalog().roles


def test_a_same_size_edit_with_its_mtime_restored_is_seen(isolated_home: Path, packs: Path) -> None:
    path = write_pack(packs, summary="Version A.")
    assert load.load_catalog().roles["mainframe-developer"].summary == "Version A."
    before = path.stat()
    path.write_text(path.read_text("utf-8").replace("Version A.", "Version B."), "utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))  # cp -p, rsync -t, touch -r
    assert load.load_catalog().roles["mainframe-developer"].summary == "Version B."


def test_a_changed_model_never_loads_old_data(isolated_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from careercli.catalogue.store import Store
    from careercli.model import Book

    load.load_catalog()
    folder = store_file(isolated_home).parent
    sources = load.catalog_sources()
    assert Store.open(folder, load.cache_key(sources)) is not None
    renamed = {("subtitle_text" if name == "subtitle" else name): kind for name, kind in Book.__annotations__.items()}
    monkeypatch.setattr(Book, "__annotations__", renamed)
    assert Store.open(folder, load.cache_key(sources)) is None  # a miss, never mis-shaped rows
    retyped = {name: ("int" if name == "edition" else kind) for name, kind in Book.__annotations__.items()}
    monkeypatch.setattr(Book, "__annotations__", retyped)
    assert Store.open(folder, load.cache_key(sources)) is None


@pytest.mark.parametrize("damage", [b"", b"garbage", b"SQLite format 3\x00" + b"\x00" * 200])
def test_a_damaged_store_is_rebuilt_silently(isolated_home: Path, damage: bytes) -> None:
    expected = load.load_catalog()
    store_file(isolated_home).write_bytes(damage)
    assert load.load_catalog() == expected
    assert store_file(isolated_home).read_bytes() != damage


def test_a_store_of_another_user_is_not_used(isolated_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from careercli.catalogue import store

    load.load_catalog()
    other = os.getuid() + 1
    monkeypatch.setattr(store.os, "getuid", lambda: other)
    assert store.Store.open(store_file(isolated_home).parent, load.cache_key(load.catalog_sources())) is None


def test_a_symlinked_store_is_not_used(isolated_home: Path) -> None:
    from careercli.catalogue import store

    load.load_catalog()
    path = store_file(isolated_home)
    path.rename(path.with_name("elsewhere"))
    path.symlink_to(path.with_name("elsewhere"))
    assert store.Store.open(path.parent, load.cache_key(load.catalog_sources())) is None


def test_search_index_round_trips_through_the_store(isolated_home: Path) -> None:
    from careercli.queries.search import search

    catalog = load.load_catalog()
    built = load.load_search_index(catalog)
    cached = load.load_search_index(lambda: (_ for _ in ()).throw(AssertionError("rebuilt")))
    assert search(built, "kubernets") == search(cached, "kubernets")


def test_a_stored_catalog_reads_items_only_when_used(isolated_home: Path) -> None:
    fresh = load.load_catalog()
    stored = load.load_catalog()
    assert isinstance(stored.books, load.StoredMap)
    assert stored.books._made == {}  # nothing read yet
    assert [b.id for b in stored.books_for_role("backend-developer")] == [
        b.id for b in fresh.books_for_role("backend-developer")
    ]
    assert len(stored.books._made) == len(fresh.books_for_role("backend-developer"))
    assert stored == fresh
    assert stored.book_ids_newest_first() == fresh.book_ids_newest_first()


def test_an_unreadable_pack_folder_is_a_warning(cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if os.geteuid() == 0:
        pytest.skip("root reads every folder")
    folder = tmp_path / "locked"
    write_pack(folder)
    folder.chmod(0)
    monkeypatch.setenv("CAREERCLI_PACKS", str(folder))
    try:
        result = cli("show", "backend-developer", "--json")
    finally:
        folder.chmod(0o700)
    assert result.code == 0
    assert result.err == f"career: warning: pack folder {folder} skipped: Permission denied\n"


def test_an_unreadable_pack_folder_warns_in_process(isolated_home: Path, tmp_path: Path, monkeypatch) -> None:
    """The same without relying on file modes (root reads everything): the folder is a file."""
    folder = tmp_path / "not-a-folder"
    folder.write_text("x", "utf-8")
    monkeypatch.setenv("CAREERCLI_PACKS", str(folder))
    said: list[str] = []
    catalog = load.load_catalog(report=said.append)
    assert "backend-developer" in catalog.roles
    assert said == [f"pack folder {folder} skipped: Not a directory"]


def test_a_pack_with_a_byte_order_mark_works(cli, packs: Path) -> None:
    path = write_pack(packs)
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert json.loads(cli("show", "mainframe", "--json").out)["role"]["source"] == "team.toml"
    checked = cli("data", "validate", str(path))
    assert checked.code == 0
    assert f"{path}: ok (1 role, 1 skill, 0 books; 43 roles in the merged catalog)" in checked.out


@pytest.mark.slow  # many processes (or the whole O*NET release): the full run covers it
def test_single_bit_flips_in_the_store_never_change_what_is_shown(cli, isolated_home: Path) -> None:
    """100 random single-bit flips in the store: every show and search gives the right output, no traceback."""
    import random

    expected = {args: cli(*args) for args in (("search", "data"), ("show", "backend-developer"))}
    assert all(result.code == 0 for result in expected.values())
    path = store_file(isolated_home)
    good = path.read_bytes()
    rng = random.Random(17)
    for number in range(100):
        damaged = bytearray(good)
        bit = rng.randrange(len(damaged) * 8)
        damaged[bit // 8] ^= 1 << (bit % 8)
        path.write_bytes(bytes(damaged))
        args = list(expected)[number % 2]
        result = cli(*args)
        assert (result.code, result.out, result.err) == (0, expected[args].out, expected[args].err), (number, bit)


BOOK = """
[[book]]
id = "cobol-for-beginners"
title = "COBOL for Beginners"
skills = ["cobol"]
teaches = ["cobol"]
{level}
"""


def test_a_pack_book_carries_its_level_to_json_and_the_book_page(cli, packs: Path) -> None:
    path = write_pack(packs)
    path.write_text(path.read_text("utf-8") + BOOK.format(level='level = "introductory"'), "utf-8")
    shown = json.loads(cli("book", "cobol-for-beginners", "--json").out)["book"]
    assert shown["level"] == "introductory"
    assert shown["teaches"] == ["cobol"]
    page = cli("book", "cobol-for-beginners")
    assert page.code == 0
    assert any(line.strip(" │|").split() == ["Level", "introductory"] for line in page.out.splitlines())


def test_a_pack_book_without_a_level_shows_null(cli, packs: Path) -> None:
    path = write_pack(packs)
    path.write_text(path.read_text("utf-8") + BOOK.format(level=""), "utf-8")
    assert json.loads(cli("book", "cobol-for-beginners", "--json").out)["book"]["level"] is None


def test_an_unknown_book_level_is_reported_with_its_line(cli, tmp_path: Path) -> None:
    path = write_pack(tmp_path)
    path.write_text(path.read_text("utf-8") + BOOK.format(level='level = "beginner"'), "utf-8")
    result = cli("data", "validate", str(path))
    assert result.code == 1
    assert result.out == (
        f"{path}:28: book 'cobol-for-beginners': unknown level 'beginner'; one of: introductory, intermediate, "
        "advanced\n"
    )
