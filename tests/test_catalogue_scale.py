"""A large pack: checked in two processes with exactly the result and the messages of one; old cache files of
earlier versions removed once; pack warnings shown on every run, not only when the catalogue is rebuilt."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from careercli.catalogue import chunks
from careercli.catalogue.build import build_catalog
from careercli.catalogue.sources import Source, bundled_sources
from careercli.errors import DataError

TODAY = dt.date(2026, 6, 1)


def _role(i: int, extra: str = "") -> str:
    return f"""
[[role]]
slug = "scale-role-{i:04d}"
name = "Scale Role {i}"
category = "development"
summary = "Role {i}."
what_they_do = "Works at scale."
what_to_learn = ["Scaling"]
key_skills = ["scale-skill-{i % 7:04d}", "python"]
career_prospects = ["Lead"]
next_roles = ["scale-role-{(i + 1) % 40:04d}"]
related_roles = ["backend-developer"]
{extra}
[[role.challenges]]
title = "Load"
why = "Much of it."
"""


def _skill(i: int) -> str:
    return f'\n[[skill]]\nid = "scale-skill-{i:04d}"\nname = "Scale Skill {i}"\nkind = "tool"\n'


def _book(i: int, published: str = "2020-01") -> str:
    return (f'\n[[book]]\nid = "scale-book-{i:04d}"\ntitle = "Scale Book {i}"\npublished = "{published}"\n'
            f'roles = ["scale-role-{i % 40:04d}"]\n')  # fmt: skip


def _pack(tmp_path: Path, text: str) -> list[Source]:
    path = tmp_path / "big.toml"
    path.write_text(text, "utf-8")
    return [*bundled_sources(), Source(path, str(path), path.name)]


def _both(sources: list[Source], monkeypatch: pytest.MonkeyPatch) -> list[tuple[object, list[str]]]:
    """The result (the catalogue's items in order, or the error lines) and the warnings: in two processes, then
    in one."""
    results = []
    for limit in (1, 10**12):
        monkeypatch.setattr(chunks, "PARALLEL_BYTES", limit)
        warnings: list[str] = []
        try:
            catalog = build_catalog(sources, today=TODAY, warnings=warnings)
            outcome: object = (list(catalog.roles.items()), list(catalog.skills.items()), list(catalog.books.items()))
        except DataError as error:
            outcome = "\n".join(error.problems)
        results.append((outcome, warnings))
    return results


def test_a_split_pack_gives_the_catalogue_of_one_read_in_file_order(tmp_path: Path, monkeypatch) -> None:
    # tables interleaved: the merged order must still be every role, then every skill, then every book
    parts = [_role(i) + _skill(i % 7) * (i < 7) + _book(i) for i in range(40)]
    sources = _pack(tmp_path, "schema_version = 1\n" + "".join(parts))
    calls = []
    real = chunks._check_half
    monkeypatch.setattr(chunks, "_check_half", lambda *a, **k: calls.append(1) or real(*a, **k))
    split, whole = _both(sources, monkeypatch)
    assert calls, "the pack was not split"
    assert split == whole
    roles, _skills, books = split[0]  # type: ignore[misc]
    assert [slug for slug, _ in roles if slug.startswith("scale-")] == [f"scale-role-{i:04d}" for i in range(40)]
    assert dict(books)["scale-book-0039"].roles == ("scale-role-0039",)


def test_a_split_pack_reports_the_same_problems_in_the_same_order(tmp_path: Path, monkeypatch) -> None:
    parts = [_role(i) + _book(i, "2031-01" if i % 9 == 0 else "2020-01") for i in range(40)]
    parts[5] = _role(5, 'colour = "red"\n')  # an unknown field, in the first half
    parts[33] = _role(33).replace('"scale-role-0034"', '"no-such-role"')  # an unknown reference, second half
    parts[36] += _role(36)  # a duplicate, second half
    sources = _pack(tmp_path, "".join(_skill(i) for i in range(7)) + "".join(parts))
    split, whole = _both(sources, monkeypatch)
    assert split == whole
    message = str(split[0])
    assert "unknown field 'colour'" in message
    assert "'next_roles' names unknown role 'no-such-role'" in message
    assert "duplicate role id 'scale-role-0036'" in message
    assert message.index("colour") < message.index("no-such-role")
    assert split[1]
    assert all("is in the future: 2031-01" in w for w in split[1])


def test_a_half_that_does_not_stand_alone_is_read_whole(tmp_path: Path, monkeypatch) -> None:
    # a header line inside a multi-line string in the second half: the halves disagree, the file is read whole
    parts = [_role(i) + _skill(i % 7) * (i < 7) for i in range(40)]
    parts[30] = parts[30].replace('what_they_do = "Works at scale."', 'what_they_do = """Works\n[[book]]\nat."""')
    sources = _pack(tmp_path, "".join(parts))
    split, whole = _both(sources, monkeypatch)
    assert split == whole
    roles = dict(split[0][0])  # type: ignore[index]
    assert roles["scale-role-0030"].what_they_do == "Works\n[[book]]\nat."


FUTURE = """
[[book]]
id = "far-future-book"
title = "A Book From The Future"
published = "2999-01"
roles = ["backend-developer"]
"""


def test_a_pack_warning_is_shown_on_every_run_not_only_on_a_rebuild(cli, isolated_home: Path) -> None:
    pack = isolated_home / "data" / "careercli" / "packs" / "future.toml"
    pack.parent.mkdir(parents=True)
    pack.write_text(FUTURE, "utf-8")
    line = f"career: warning: {pack}:5: book 'far-future-book': field 'published' is in the future: 2999-01\n"
    first = cli("show", "backend-developer", "--json")
    assert (isolated_home / "cache" / "careercli" / "catalogue.sqlite3").is_file()
    again = cli("show", "backend-developer", "--json")  # from the store
    assert (first.code, first.err) == (0, line)
    assert (again.code, again.err) == (0, line)
    pack.unlink()
    assert cli("show", "backend-developer", "--json").err == ""


def test_bundled_data_never_warns(tmp_path: Path) -> None:
    path = tmp_path / "books.toml"
    path.write_text(FUTURE.replace('roles = ["backend-developer"]\n', ""), "utf-8")
    sources = [Source(path, "data/books.toml", "bundled")]
    quiet: list[str] = []
    build_catalog(sources, warnings=quiet, quiet_bundled=True)
    loud: list[str] = []
    build_catalog(sources, warnings=loud)  # what 'career data validate' shows
    assert quiet == []
    assert loud == ["data/books.toml:5: book 'far-future-book': field 'published' is in the future: 2999-01"]


def test_old_cache_files_are_removed_once_and_links_never_followed(cli, isolated_home: Path) -> None:
    cache = isolated_home / "cache" / "careercli"
    memo = cache / "sources"
    memo.mkdir(parents=True)
    (cache / "catalog.bin").write_bytes(b"old catalogue")
    outside = isolated_home / "precious.txt"
    outside.write_text("keep me", "utf-8")
    (cache / "search.marshal").symlink_to(outside)
    (memo / "0123abcd.marshal").write_bytes(b"old memo")
    (cache / "notes.bin").write_bytes(b"not ours")
    linked = isolated_home / "linked"
    linked.mkdir()
    (linked / "89abcdef.marshal").write_bytes(b"behind a link")
    assert cli("show", "backend-developer").code == 0
    assert not (cache / "catalog.bin").exists()
    assert not memo.exists()
    assert (cache / "search.marshal").is_symlink()
    assert outside.read_text("utf-8") == "keep me"
    assert (cache / "notes.bin").read_bytes() == b"not ours"
    # a memo folder that is a link, or holds anything else, is left alone
    memo.symlink_to(linked)
    (cache / "catalogue.sqlite3").unlink()
    assert cli("show", "backend-developer").code == 0
    assert (linked / "89abcdef.marshal").exists()
    memo.unlink()
    memo.mkdir()
    (memo / "0123abcd.marshal").write_bytes(b"old memo")
    (memo / "mine.txt").write_text("user file", "utf-8")
    (cache / "catalogue.sqlite3").unlink()
    assert cli("show", "backend-developer").code == 0
    assert sorted(p.name for p in memo.iterdir()) == ["mine.txt"]


def test_the_search_index_of_a_stored_catalogue_reads_it_in_bulk(isolated_home: Path, monkeypatch) -> None:
    from careercli.catalogue import load
    from careercli.catalogue.store import Store
    from careercli.queries.search import build_index, search

    pack = isolated_home / "data" / "careercli" / "packs" / "scale.toml"
    pack.parent.mkdir(parents=True)
    pack.write_text("".join(_skill(i) for i in range(7)) + "".join(_role(i) + _book(i) for i in range(40)), "utf-8")
    fresh = load.load_catalog()
    stored = load.load_catalog()
    assert isinstance(stored.roles, load.StoredMap)
    reads: list[str] = []
    real = Store.get
    monkeypatch.setattr(Store, "get", lambda self, name: reads.append(name) or real(self, name))
    index = build_index(stored)
    assert len(reads) < 10  # keys and a few blobs, not one query per role, skill and book
    expected = build_index(fresh)
    assert index.raw_docs == expected.raw_docs
    assert index.postings == expected.postings
    assert [h.id for h in search(index, "scale role 7")][:3] == [h.id for h in search(expected, "scale role 7")][:3]


def test_the_first_search_with_no_cache_stores_its_index(isolated_home: Path, monkeypatch) -> None:
    from careercli.catalogue import load
    from careercli.queries import search

    first = load.load_search_index(load.load_catalog)  # no store yet: the catalogue is built and stored first
    monkeypatch.setattr(search, "build_index", lambda catalog: pytest.fail("the index was built again"))
    again = load.load_search_index(load.load_catalog)
    assert again.postings == first.postings
