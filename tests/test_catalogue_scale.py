"""A large pack: its search index read in bulk and kept from the first search; old cache files of earlier
versions removed once; pack warnings shown on every run, not only when the catalogue is rebuilt."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from careercli.catalogue.build import build_catalog
from careercli.catalogue.sources import Source


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
    from careercli.catalogue.store import Store
    from careercli.queries.search import search
    from careercli.queries.search_index import build_index
    from careercli.stored import load

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
    from careercli.queries import search_index
    from careercli.stored import load

    first = load.load_search_index(load.load_catalog)  # no store yet: the catalogue is built and stored first
    monkeypatch.setattr(search_index, "build_index", lambda catalog: pytest.fail("the index was built again"))
    again = load.load_search_index(load.load_catalog)
    assert again.postings == first.postings


def test_a_caller_walking_many_stored_items_gets_them_in_one_query(isolated_home: Path, monkeypatch) -> None:
    from careercli.catalogue.store import Store
    from careercli.stored import load

    pack = isolated_home / "data" / "careercli" / "packs" / "scale.toml"
    pack.parent.mkdir(parents=True)
    pack.write_text(
        "".join(_skill(i) for i in range(7))
        + "".join(_role(i) for i in range(40))
        + "".join(_book(i) for i in range(600)),
        "utf-8",
    )
    fresh = load.load_catalog()
    stored = load.load_catalog()
    reads: list[str] = []
    real = Store.get
    monkeypatch.setattr(Store, "get", lambda self, name: reads.append(name) or real(self, name))
    ids = [f"scale-book-{i:04d}" for i in range(600)]
    assert [stored.books[i] for i in ids] == [fresh.books[i] for i in ids]
    assert len(reads) <= load.BULK_AFTER + 2


@pytest.mark.skipif(not hasattr(__import__("os"), "fork"), reason="the store is written in the background by fork")
def test_a_big_catalogue_is_stored_by_a_child_while_the_command_goes_on(isolated_home: Path, monkeypatch) -> None:
    import time

    from careercli.catalogue.store import NAME, Store
    from careercli.stored import load

    monkeypatch.setattr(load, "BACKGROUND_AFTER", 1)  # the bundled data counts as big here
    packs = isolated_home / "data" / "careercli" / "packs"  # a pack: built, not the shipped store of the bundled data
    packs.mkdir(parents=True)
    (packs / "team.toml").write_text('[[skill]]\nid = "cobol"\nname = "COBOL"\nkind = "language"\n', "utf-8")
    built = load.load_catalog()
    assert built.readings is None  # this process did not work out the indexes: the child does
    key = load.cache_key(load.catalog_sources())
    deadline = time.monotonic() + 30
    while (store := Store.open(load._folder(), key)) is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert store is not None
    assert os.path.isfile(os.path.join(load._folder(), NAME))
    store.close()
    stored = load.load_catalog()
    assert stored.readings is not None  # read from the store the child wrote
    assert dict(stored.roles) == dict(built.roles)
    assert dict(stored.books) == dict(built.books)
    assert stored.role_book_list("backend-developer").ids == built.role_book_list("backend-developer").ids
