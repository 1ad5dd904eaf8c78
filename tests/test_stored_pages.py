"""Pages of a stored catalogue read only what they show: ``show`` reads the ids of a role's reading lists worked
out when the catalogue was stored, then only the books on the page; the lists are the ones computed from the
books themselves, editions and canonical books of other roles included."""

from __future__ import annotations

from pathlib import Path

import pytest

ROLE = """
[[role]]
slug = "{slug}"
name = "Page Role {n}"
category = "development"
summary = "Role {n}."
what_they_do = "Works."
what_to_learn = ["Pages"]
key_skills = ["page-skill", "python"]
career_prospects = ["Lead"]
next_roles = []
related_roles = ["backend-developer"]
canonical_books = [{canon}]
[[role.challenges]]
title = "Reading"
why = "Much of it."
"""
SKILL = '\n[[skill]]\nid = "page-skill"\nname = "Page Skill"\nkind = "tool"\n'


def _book(ident: str, title: str, published: str | None, roles: str, extra: str = "") -> str:
    date = f'published = "{published}"\n' if published else ""
    return f'\n[[book]]\nid = "{ident}"\ntitle = "{title}"\nauthors = ["A. Writer"]\n{date}roles = [{roles}]\n{extra}'


def _pack(home: Path, books: int) -> None:
    parts = [SKILL, ROLE.format(slug="page-a", n=1, canon='"page-other", "page-0300"'),
             ROLE.format(slug="page-b", n=2, canon="")]  # fmt: skip
    for i in range(books):
        year = 1990 + i % 36
        teaches = 'skills = ["page-skill"]\nteaches = ["page-skill"]\n' if i % 5 == 0 else ""
        parts.append(_book(f"page-{i:04d}", f"Page Book {i % 450}", f"{year}-{i % 12 + 1:02d}" if i % 9 else None,
                           '"page-a"', teaches))  # fmt: skip
    parts.append(_book("page-other", "Only For B", "2001", '"page-b"'))  # canonical for page-a, listing only page-b
    pack = home / "data" / "careercli" / "packs" / "pages.toml"
    pack.parent.mkdir(parents=True, exist_ok=True)
    pack.write_text("".join(parts), "utf-8")


def test_stored_reading_lists_are_the_ones_computed_from_the_books(isolated_home: Path) -> None:
    from careercli.catalogue.build import build_catalog
    from careercli.catalogue.sources import catalog_sources
    from careercli.queries.ranking import role_reading
    from careercli.stored import load

    _pack(isolated_home, 600)
    plain = build_catalog(catalog_sources(), quiet_bundled=True)  # no stored lists: computed from the books
    assert plain.readings is None
    load.load_catalog()
    stored = load.load_catalog()
    assert isinstance(stored.readings, load.StoredMap)
    for slug in stored.roles:
        role = stored.roles[slug]
        for year in (None, 2026):
            assert role_reading(stored, role, year=year) == role_reading(plain, role, year=year), slug
    reading = role_reading(plain, plain.roles["page-a"], year=2026)
    assert reading.fit[:2] == ("page-0300", "page-other")  # canonical first, one of them listing another role
    assert len(reading.fit) == 451  # 600 books of 450 works, and the canonical book of another role
    assert len(reading.newest) == 5


def test_show_reads_only_the_books_on_its_page(cli, isolated_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from careercli.catalogue.store import Store

    _pack(isolated_home, 600)
    built = cli("show", "page-a", tty=True)  # no store yet: built from the files, then stored
    reads: list[str] = []
    get, prefixed = Store.get, Store.prefixed
    monkeypatch.setattr(Store, "get", lambda self, name: reads.append(name) or get(self, name))
    monkeypatch.setattr(Store, "prefixed", lambda self, name: reads.append(name + "*") or prefixed(self, name))
    stored = cli("show", "page-a", tty=True)
    assert (stored.code, stored.out, stored.err) == (built.code, built.out, built.err)
    assert "Books by fit (10 of 451 books)" in stored.out
    books = [name for name in reads if name.startswith("book:")]
    assert len(books) <= 15  # the ten books by fit and the five newest, not all 600
    assert len(reads) < 40
    as_json = cli("show", "page-a", "--json")
    assert as_json.code == 0
    assert as_json.out.count('"id": "page-') == 601  # JSON still lists every book


def test_list_reads_its_stored_listing_not_the_roles(cli, isolated_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``list`` reads one stored row, the roles already in listing order; a damaged or missing row gives the same
    output from the summaries."""
    from careercli.catalogue.store import Store

    _pack(isolated_home, 301)
    pack = isolated_home / "data" / "careercli" / "packs" / "pages.toml"
    text = pack.read_text("utf-8").replace('summary = "Role 2."', 'summary = "Role\\t2\\r\\nsays \\u001b[31m hi"')
    pack.write_text(text, "utf-8")
    shapes = (("list",), ("list", "--category", "development"), ("list", "--json"))
    built = {args: cli(*args) for args in shapes}
    reads: list[str] = []
    get, prefixed = Store.get, Store.prefixed
    monkeypatch.setattr(Store, "get", lambda self, name: reads.append(name) or get(self, name))
    monkeypatch.setattr(Store, "prefixed", lambda self, name: reads.append(name + "*") or prefixed(self, name))
    for args, before in built.items():
        assert cli(*args) == before
    assert not [name for name in reads if name.startswith("role:")]
    assert "summaries" not in reads
    assert "table:listing" in reads
    stored = built[("list",)]
    lines = stored.out.splitlines()
    assert "page-b\tPage Role 2\tdevelopment\tRole 2 says \u241b[31m hi\tpages.toml" in lines
    assert "page-a\tPage Role 1\tdevelopment\tRole 1.\tpages.toml" in lines
    assert all(line.count("\t") == 4 for line in lines)
    assert stored.code == 0
    assert [line.split("\t")[0] for line in built[("list", "--category", "development")].out.splitlines()] == [
        line.split("\t")[0] for line in lines if line.split("\t")[2] == "development"
    ]
    monkeypatch.setattr(Store, "get", get)
    monkeypatch.setattr(Store, "prefixed", prefixed)
    from careercli.stored.load import load_catalog

    assert load_catalog().table("listing_printable") is False  # the pack's ESC: the listing is made visible
    for damage in ({"table:listing": b"\x00"}, {"table:listing": None}, {"table:listing_printable": None}):
        _damage(damage)
        for args, before in built.items():
            assert cli(*args) == before


def test_a_piped_list_of_them_all_reads_one_stored_text(cli, isolated_home: Path, monkeypatch) -> None:
    """A piped ``list`` (10,000 roles with the benchmark's pack) writes the records stored as one text, reading no
    row of the listing; the other shapes read the rows, and a damaged or missing text gives the same output."""
    from careercli.catalogue.store import Store

    _pack(isolated_home, 301)
    shapes = (("list",), ("list", "--category", "development"), ("list", "--json"), ("list", "--format", "markdown"))
    built = {args: cli(*args) for args in shapes}
    assert "page-a\tPage Role 1\tdevelopment\tRole 1.\tpages.toml" in built[("list",)].out.splitlines()
    reads: list[str] = []
    get = Store.get
    monkeypatch.setattr(Store, "get", lambda self, name: reads.append(name) or get(self, name))
    assert cli("list") == built[("list",)]
    assert "table:listing_text" in reads
    assert "table:listing" not in reads
    monkeypatch.setattr(Store, "get", get)
    for damage in ({"table:listing_text": b"\x00"}, {"table:listing_origins": None}, {"table:listing_text": None}):
        _damage(damage)
        for args, before in built.items():
            assert cli(*args) == before


QUERIES = ("scale", "page role", "page skill", "python", "pagr", "Page Book 7", "page-b", "role 2", "writer page")


def test_a_stored_search_index_ranks_like_a_fresh_one_and_reads_few_rows(isolated_home: Path) -> None:
    from careercli.catalogue.store import Store
    from careercli.queries.search import no_match_message, search
    from careercli.queries.search_index import build_index
    from careercli.stored import load, search_store

    _pack(isolated_home, 600)
    fresh = build_index(load.load_catalog())
    load.load_search_index(load.load_catalog)  # built, then stored as tables
    stored = load.load_search_index(load.load_catalog)
    assert not isinstance(stored.raw_docs, list)  # from the store, not rebuilt
    for query in QUERIES:
        for kind in (None, "role", "book"):
            assert search(stored, query, kind=kind, limit=0) == search(fresh, query, kind=kind, limit=0), query
    assert no_match_message(stored, "pagge wrtier", "skill") == no_match_message(fresh, "pagge wrtier", "skill")
    store = Store.open(load._folder(), load.cache_key(load.catalog_sources()))
    assert store is not None
    reads: list[str] = []
    store.connection.set_trace_callback(reads.append)
    again = search_store.load(store, lambda: pytest.fail("rebuilt"))
    assert again is not None
    assert [h.id for h in search(again, "writer", limit=3)] == [h.id for h in search(fresh, "writer", limit=3)]
    assert len([r for r in reads if "search_doc" in r]) == 3  # 600 books hold the word: only the three shown
    assert len(reads) < 20  # and the postings of the words it matches, its stem, the names


def test_a_damaged_search_row_costs_speed_not_answers(isolated_home: Path) -> None:
    from careercli.queries.search import search
    from careercli.queries.search_index import build_index
    from careercli.stored import load

    _pack(isolated_home, 301)
    fresh = build_index(load.load_catalog())
    load.load_search_index(load.load_catalog)
    store = load.Store.open(load._folder(), load.cache_key(load.catalog_sources()))
    assert store is not None
    store.connection.execute("UPDATE search_term SET postings = x'00000000' WHERE word = 'writer'")
    store.connection.execute("UPDATE search_doc SET data = x'00' WHERE d = 3")
    store.close()
    stored = load.load_search_index(load.load_catalog)
    for query in ("writer", "page book", "python"):
        assert search(stored, query, limit=0) == search(fresh, query, limit=0)


def test_a_page_of_search_hits_counts_every_match_and_equals_the_head_of_all(isolated_home: Path) -> None:
    from careercli.queries.search import search, search_page
    from careercli.queries.search_index import build_index
    from careercli.stored import load

    _pack(isolated_home, 301)
    load.load_search_index(load.load_catalog)
    stored = load.load_search_index(load.load_catalog)
    fresh = build_index(load.load_catalog())
    for index in (stored, fresh):
        for query in ("writer", "page book", "book writer", "swift ui", "wrtier"):
            every = search(index, query, limit=0)
            for limit in (1, 3, 10):
                page, total = search_page(index, query, limit=limit)
                assert total == len(every), query
                assert page == every[:limit], (query, limit)


def test_a_lost_search_row_or_vocabulary_falls_back_to_the_same_answers(isolated_home: Path) -> None:
    from careercli.queries.search import no_match_message, search
    from careercli.queries.search_index import build_index
    from careercli.stored import load, search_store

    _pack(isolated_home, 301)
    fresh = build_index(load.load_catalog())
    load.load_search_index(load.load_catalog)
    store = load.Store.open(load._folder(), load.cache_key(load.catalog_sources()))
    assert store is not None
    store.connection.execute("UPDATE blob SET data = x'00' WHERE name = ?", (search_store.VOCABULARY,))
    assert no_match_message(search_store.load(store, lambda: fresh), "wrtierz", None) == no_match_message(
        fresh, "wrtierz", None
    )
    store.connection.execute("DELETE FROM search_term WHERE word = 'writer'")  # the row count no longer matches
    rebuilt: list[bool] = []
    again = search_store.load(store, lambda: rebuilt.append(True) or fresh)
    assert again is not None
    assert search(again, "writer", limit=0) == search(fresh, "writer", limit=0) != []
    assert rebuilt == [True]


def test_a_search_store_of_the_old_format_is_rebuilt_not_misread(isolated_home: Path) -> None:
    import marshal

    from careercli.stored import load, search_store

    _pack(isolated_home, 301)
    load.load_search_index(load.load_catalog)
    store = load.Store.open(load._folder(), load.cache_key(load.catalog_sources()))
    assert store is not None
    store.connection.execute("DELETE FROM blob WHERE name = ?", (search_store.META,))
    store.put(search_store.OLD_META, marshal.dumps((("writer",), "b", b"")))
    assert search_store.load(store, lambda: pytest.fail("rebuilt")) is None
    load.load_search_index(load.load_catalog)  # built again, and stored in the new format
    again = search_store.load(store, lambda: pytest.fail("rebuilt"))
    assert again is not None
    assert "writer" in again.postings


def _damage(rows: dict[str, bytes | None]) -> None:
    """Rows of the store overwritten (their checksum left stale) or, for None, removed."""
    from careercli.stored import load

    store = load.Store.open(load._folder(), load.cache_key(load.catalog_sources()))
    assert store is not None
    for name, data in rows.items():
        if data is None:
            done = store.connection.execute("DELETE FROM blob WHERE name = ?", (name,))
        else:
            done = store.connection.execute("UPDATE blob SET data = ? WHERE name = ?", (data, name))
        assert done.rowcount == 1, name
    store.connection.commit()
    store.close()


def test_a_role_page_reads_its_linked_occupations_tables_from_the_store(
    cli, isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``show`` of a role linked to an occupation needs {code: role} and {skill name: id}: two stored rows, not
    every role summary and every skill; a damaged or missing row gives the same page from the catalogue."""
    from careercli.catalogue.build import build_catalog
    from careercli.catalogue.sources import catalog_sources
    from careercli.catalogue.store import Store
    from careercli.queries.lookup import curated_roles, skill_names
    from careercli.stored import load

    _pack(isolated_home, 301)
    built = {args: cli(*args) for args in (("show", "backend-developer"), ("show", "backend-developer", "--json"))}
    plain = build_catalog(catalog_sources(), quiet_bundled=True)
    stored = load.load_catalog()
    assert curated_roles(stored) == curated_roles(plain)
    assert curated_roles(plain)["15-1252.00"] == "backend-developer"
    assert skill_names(stored) == skill_names(plain)
    assert skill_names(plain)["Page Skill"] == "page-skill"
    reads: list[str] = []
    get, prefixed = Store.get, Store.prefixed
    monkeypatch.setattr(Store, "get", lambda self, name: reads.append(name) or get(self, name))
    monkeypatch.setattr(Store, "prefixed", lambda self, name: reads.append(name + "*") or prefixed(self, name))
    for args, before in built.items():
        assert cli(*args) == before
    assert "summaries" not in reads
    assert "skill:*" not in reads
    assert len([name for name in reads if name.startswith("skill:")]) < len(plain.skills) / 4  # those on the page
    assert {"table:curated_roles", "table:skill_names"} <= set(reads)
    monkeypatch.setattr(Store, "get", get)
    monkeypatch.setattr(Store, "prefixed", prefixed)
    _damage({"table:curated_roles": b"\x00", "table:skill_names": None})
    for args, before in built.items():
        assert cli(*args) == before


def test_a_page_reads_the_head_of_its_reading_lists_and_json_the_whole(
    cli, isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The page shows 10 of 451 books by fit and the 5 newest: one small row; ``--json`` lists them all. A damaged
    head or whole row gives the same output, from the rebuilt catalogue."""
    from careercli.catalogue.store import Store

    _pack(isolated_home, 600)
    shapes = (("show", "page-a"), ("show", "page-a", "--json"))
    built = {args: cli(*args, tty=len(args) == 2) for args in shapes}
    reads: list[str] = []
    get = Store.get
    monkeypatch.setattr(Store, "get", lambda self, name: reads.append(name) or get(self, name))
    assert cli("show", "page-a", tty=True) == built[shapes[0]]
    assert "Books by fit (10 of 451 books)" in built[shapes[0]].out
    assert "rh:page-a" in reads
    assert "rr:page-a" not in reads  # 451 ids twice and their years: read by JSON only
    assert "rb:page-a" not in reads  # the role's 600 books newest first: the same
    reads.clear()
    assert cli(*shapes[1]) == built[shapes[1]]
    assert "rr:page-a" in reads
    assert built[shapes[1]].out.count('"page-') > 2 * 451
    monkeypatch.setattr(Store, "get", get)
    for damage in ({"rr:page-a": b"\x01"}, {"rh:page-a": b"\x00\x01"}, {"rh:page-a": None}):
        _damage(damage)
        for args, before in built.items():
            assert cli(*args, tty=len(args) == 2) == before, (damage, args)


def test_a_printable_listing_is_written_as_it_is_stored(cli, isolated_home: Path) -> None:
    """When every field of the stored listing is printable text, list writes the rows without folding or
    escaping them, and prints exactly what the checked path prints."""
    from careercli.stored.load import load_catalog

    _pack(isolated_home, 301)
    fast = cli("list")
    assert load_catalog().table("listing_printable") is True
    _damage({"table:listing_printable": None})  # the same rows through the checks
    assert cli("list") == fast
    assert fast.out.count("\n") == len(load_catalog().roles)
