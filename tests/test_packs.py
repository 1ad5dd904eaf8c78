"""Data packs: adding, overriding, broken packs and their messages, hostile text; and the catalog cache."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from careercli import loader

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
    assert {"id": "cobol", "name": "COBOL"} in shown["key_skills"]


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
    in_use = json.loads(cli("paths", "--json").out)["paths"]["packs_in_use"]
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
    assert checked.err == "career: 1 of 1 file(s) have problems\n"


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
        cli("data", "validate", str(ok)).out
        == f"{ok}: ok (1 roles, 1 skills, 0 books; 34 roles in the merged catalog)\n"
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


# --------------------------------------------------------------------------- the catalog cache


def cache_file(home: Path) -> Path:
    return home / "cache" / "careercli" / "catalog.bin"


def test_cache_is_written_and_used(isolated_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = loader.load_catalog()
    assert cache_file(isolated_home).is_file()

    def no_parsing(*args: object, **kwargs: object) -> None:
        raise AssertionError("parsed TOML although the cache was fresh")

    monkeypatch.setattr(loader, "build_catalog", no_parsing)
    assert loader.load_catalog() == first


def test_cache_goes_stale_when_a_pack_changes(isolated_home: Path, packs: Path) -> None:
    write_pack(packs, summary="Before.")
    assert loader.load_catalog().roles["mainframe-developer"].summary == "Before."
    path = write_pack(packs, summary="After, and longer.")
    os.utime(path, ns=(1, 1))  # even with an old timestamp: the size changed
    assert loader.load_catalog().roles["mainframe-developer"].summary == "After, and longer."
    path.unlink()
    assert "mainframe-developer" not in loader.load_catalog().roles


@pytest.mark.parametrize("damage", [b"", b"garbage", b"\xe3\x00\x00\x00"])
def test_a_damaged_cache_is_rebuilt_silently(isolated_home: Path, damage: bytes) -> None:
    expected = loader.load_catalog()
    cache_file(isolated_home).write_bytes(damage)
    assert loader.load_catalog() == expected
    assert cache_file(isolated_home).read_bytes() != damage


def test_a_cache_from_another_version_is_rebuilt(isolated_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import marshal

    expected = loader.load_catalog()
    key = loader._fingerprint(loader.catalog_sources())
    stale = ([], [], [], ())  # an empty catalog under another version's key
    cache_file(isolated_home).write_bytes(marshal.dumps((key.replace("version=", "version=0.0.0-"), stale)))
    assert loader.load_catalog() == expected


def test_search_index_cache_round_trips(isolated_home: Path) -> None:
    from careercli.queries.search import search

    catalog = loader.load_catalog()
    built = loader.load_search_index(catalog)
    cached = loader.load_search_index(catalog)
    assert (isolated_home / "cache" / "careercli" / "search.marshal").is_file()
    assert search(built, "kubernets") == search(cached, "kubernets")


# --------------------------------------------------------------------------- large packs, parsed in parallel


def big_pack(folder: Path, roles: int = 60, broken_at: int | None = None) -> Path:
    parts = []
    for number in range(roles):
        text = ROLE.split("[[role]]", 1)[1].format(name=f"Role {number}", summary="S.", skill="python")
        text = text.replace("mainframe-developer", f"gen-{number:03d}")
        if number == broken_at:
            text = text.replace('"python"', '"pyhton"').replace('category = "development"', 'category = "developmnt"')
        parts.append("[[role]]" + text)
    parts.append('[[skill]]\nid = "cobol"\nname = "COBOL"\nkind = "language"\n')
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "big.toml"
    path.write_text("\n".join(parts), "utf-8")
    return path


def test_a_large_pack_parsed_in_chunks_gives_the_same_catalog(packs: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from careercli import catalog

    big_pack(packs)
    sources = loader.catalog_sources()
    monkeypatch.setattr(catalog, "PARALLEL_BYTES", 1000)
    monkeypatch.setattr(catalog.os, "cpu_count", lambda: 3)
    chunked = catalog.build_catalog(sources)
    assert catalog._check_in_chunks(sources[-1], __import__("datetime").date.today()) is not None
    monkeypatch.setattr(catalog, "PARALLEL_BYTES", 10**12)
    assert chunked == catalog.build_catalog(sources)
    assert len(chunked.roles) == 33 + 60


def test_a_large_broken_pack_reports_the_same_lines_in_chunks(packs: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from careercli import catalog
    from careercli.errors import DataError

    big_pack(packs, broken_at=50)
    sources = loader.catalog_sources()
    messages = []
    for threshold in (1000, 10**12):
        monkeypatch.setattr(catalog, "PARALLEL_BYTES", threshold)
        monkeypatch.setattr(catalog.os, "cpu_count", lambda: 2)
        with pytest.raises(DataError) as caught:
            catalog.build_catalog(sources)
        messages.append(caught.value.problems)
    assert messages[0] == messages[1]
    path = packs / "big.toml"
    line = path.read_text("utf-8").split("\n").index('slug = "gen-050"') + 1
    assert messages[0] == [
        f"{path}:{line + 2}: role 'gen-050': unknown category 'developmnt' (did you mean 'development'?)",
        f"{path}:{line + 6}: role 'gen-050': 'key_skills' names unknown skill 'pyhton' (did you mean 'python'?)",
    ]


def test_a_chunk_that_does_not_parse_falls_back_to_the_whole_file(packs: Path, monkeypatch) -> None:
    from careercli import catalog
    from careercli.errors import DataError

    path = big_pack(packs)
    path.write_text(path.read_text("utf-8") + "\n[[book]\n", "utf-8")
    monkeypatch.setattr(catalog, "PARALLEL_BYTES", 1000)
    with pytest.raises(DataError) as caught:
        catalog.build_catalog(loader.catalog_sources())
    assert caught.value.problems[0].startswith(f"{path}: not valid TOML: ")


def test_a_cached_catalog_builds_items_only_when_used(isolated_home: Path) -> None:
    from careercli.model import LazyMap

    fresh = loader.load_catalog()
    cached = loader.load_catalog()
    assert isinstance(cached.books, LazyMap)
    assert cached.books._made == {}  # nothing built yet
    assert [b.id for b in cached.books_for_role("backend-developer")] == [
        b.id for b in fresh.books_for_role("backend-developer")
    ]
    assert len(cached.books._made) == len(fresh.books_for_role("backend-developer"))
    assert cached == fresh


def test_a_cache_with_a_damaged_body_is_rebuilt(isolated_home: Path) -> None:
    expected = loader.load_catalog()
    path = cache_file(isolated_home)
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    rebuilt = loader.load_catalog()
    assert rebuilt == expected
    assert path.read_bytes() != bytes(data)


def test_after_a_change_to_another_file_a_large_pack_is_not_read_again(
    packs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from careercli import catalog

    monkeypatch.setattr(loader._FileMemo, "SMALLEST", 1000)
    big = big_pack(packs)
    first = loader.load_catalog()
    write_pack(packs, name="zz-small.toml", summary="A new small pack.")  # a data change elsewhere
    read: list[str] = []
    real = catalog._check_source
    monkeypatch.setattr(catalog, "_check_source", lambda source, *a: read.append(source.path.name) or real(source, *a))
    second = loader.load_catalog()
    assert "big.toml" not in read
    assert "zz-small.toml" in read
    assert second.roles["gen-007"] == first.roles["gen-007"]
    assert second.roles["mainframe-developer"].summary == "A new small pack."
    big.write_text(big.read_text("utf-8").replace('Role 7"', 'Role Seven"'), "utf-8")  # the big file itself
    read.clear()
    third = loader.load_catalog()
    assert "big.toml" in read
    assert third.roles["gen-007"].name == "Role Seven"
