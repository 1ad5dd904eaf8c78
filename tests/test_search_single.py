"""A search for one word that matches only itself is answered from the word's stored order: the same hits, scores,
labels and count as scoring every match, for every page size and kind; a damaged or older store answers through
the general path instead."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from careercli.queries import search_single

ROLE = """
[[role]]
slug = "{slug}"
name = "{name}"
category = "development"
summary = "{summary}"
what_to_learn = ["Zeta basics"]
what_they_do = "Works."
key_skills = ["zeta"]
career_prospects = ["Lead"]
next_roles = []
related_roles = ["backend-developer"]
[[role.challenges]]
title = "Zeta at scale"
why = "Much of it."
"""
SKILL = '\n[[skill]]\nid = "zeta"\nname = "Zeta"\nkind = "tool"\n'


def _pack(home: Path) -> None:
    """Roles, one skill and 300 books holding 'zeta' in one to three fields of a few weights: many equal scores,
    and a role and a skill whose whole name is the word."""
    parts = [SKILL, ROLE.format(slug="zeta", name="Zeta", summary="All of it.")]
    for n in range(12):
        parts.append(ROLE.format(slug=f"zeta-role-{n}", name=f"Zeta Role {n}", summary="Zeta." if n % 2 else "Rest."))
    for i in range(300):
        subtitle = 'subtitle = "A zeta guide"\n' if i % 3 == 0 else ""
        author = "Zeta Writer" if i % 4 == 0 else "A. Writer"
        title = f"Zeta Book {i % 40}" if i % 5 else f"Book {i % 40}"
        parts.append(f'\n[[book]]\nid = "zeta-{i:03d}"\ntitle = "{title}"\n{subtitle}authors = ["{author}"]\n'
                     f'published = "{1990 + i % 30}"\nroles = ["zeta-role-1"]\n')  # fmt: skip
    pack = home / "data" / "careercli" / "packs" / "zeta.toml"
    pack.parent.mkdir(parents=True, exist_ok=True)
    pack.write_text("".join(parts), "utf-8")


def _stored(monkeypatch: pytest.MonkeyPatch) -> tuple[Any, Any]:
    """The stored index with an order for every word alone (not only common ones), and a fresh one."""
    from careercli.queries.search_index import build_index
    from careercli.stored import load

    monkeypatch.setattr(search_single, "MIN_FIELDS", 1)
    load.load_search_index(load.load_catalog)  # built, then stored
    stored = load.load_search_index(load.load_catalog)
    assert not isinstance(stored.raw_docs, list)
    return stored, build_index(load.load_catalog())


def _answers(index: Any, word: str, kind: str | None, limit: int) -> tuple[list[tuple[Any, ...]], int]:
    from careercli.queries.search import search_page

    hits, total = search_page(index, word, kind, limit)
    return [(h.kind, h.id, h.title, h.score, h.matched) for h in hits], total


def _fast_calls(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    answered: list[bool] = []
    real = search_single.top_single

    def spy(*args: Any) -> Any:
        found = real(*args)
        answered.append(found is not None)
        return found

    monkeypatch.setattr(search_single, "top_single", spy)
    return answered


def _compare(stored: Any, fresh: Any, chosen: list[str], monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    answered = _fast_calls(monkeypatch)
    for word in chosen:
        for kind in (None, "role", "skill", "book"):
            for limit in (1, 3, 10, 50):
                assert _answers(stored, word, kind, limit) == _answers(fresh, word, kind, limit), (word, kind, limit)
    return answered


def test_one_word_from_its_stored_order_equals_scoring_every_match(monkeypatch: pytest.MonkeyPatch) -> None:
    stored, fresh = _stored(monkeypatch)
    alone = search_single.alone(fresh)
    common = sorted(alone, key=lambda w: (-len(fresh.postings[w]), w))[:120]  # the words of most documents
    answered = _compare(stored, fresh, [*common, "python", "kubernets", "data"], monkeypatch)
    assert answered.count(True) == 16 * 120  # every word alone took the stored order, the others did not
    assert "kubernetes" in common


def test_a_pack_of_equal_scores_and_whole_names_ranks_the_same(isolated_home: Path, monkeypatch) -> None:
    _pack(isolated_home)
    stored, fresh = _stored(monkeypatch)
    chosen = sorted(w for w in search_single.alone(fresh) if len(fresh.postings[w]) >= 20)
    assert "zeta" in chosen
    answered = _compare(stored, fresh, chosen, monkeypatch)
    assert answered
    assert all(answered)
    hits, total = _answers(stored, "zeta", None, 3)
    assert total == 2 + 12 + sum(1 for i in range(300) if i % 5 or i % 3 == 0 or i % 4 == 0)
    assert [(h[0], h[1], h[3]) for h in hits] == [("role", "zeta", 50.3), ("skill", "zeta", 50.1),
                                                  ("role", "zeta-role-0", 10.3)]  # fmt: skip
    assert hits[1][4] == ("name", "id")  # each whole name earns 20: the role's name and slug, the skill's name and id


def test_a_damaged_stored_order_falls_back_to_the_general_path(isolated_home: Path, monkeypatch) -> None:
    from careercli.stored import load

    _pack(isolated_home)
    fresh = _stored(monkeypatch)[1]
    store = load.Store.open(load._folder(), load.cache_key(load.catalog_sources()))
    assert store is not None
    store.connection.execute("UPDATE search_top SET docs = x'01000000' WHERE word = 'zeta'")
    store.connection.execute("UPDATE search_top SET digest = digest + 1 WHERE word = 'a'")
    store.close()
    again = load.load_search_index(load.load_catalog)
    answered = _compare(again, fresh, ["zeta", "a", "management"], monkeypatch)
    assert answered[:32] == [False] * 32
    assert answered[32:] == [True] * 16


def test_a_store_of_the_format_before_orders_is_rebuilt(isolated_home: Path, monkeypatch) -> None:

    from careercli.stored import load, search_store

    _pack(isolated_home)
    _stored(monkeypatch)
    store = load.Store.open(load._folder(), load.cache_key(load.catalog_sources()))
    assert store is not None
    meta = store.get(search_store.META)
    store.connection.execute("DELETE FROM blob WHERE name = ?", (search_store.META,))
    store.connection.execute("DROP TABLE search_top")
    store.put("search:meta2", meta)
    assert search_store.load(store, lambda: pytest.fail("rebuilt")) is None  # never read without its orders
    load.load_search_index(load.load_catalog)
    again = search_store.load(store, lambda: pytest.fail("rebuilt"))
    assert again is not None
    assert search_single.top_single(again, "zeta", None, 3) is not None


def test_the_search_command_prints_the_same_from_the_stored_order(cli, isolated_home: Path) -> None:
    _pack(isolated_home)
    for arguments in (["zeta"], ["zeta", "--kind", "book", "--limit", "3"]):
        built = cli("search", *arguments)  # no store: the fresh index, scoring every match
        stored = cli("search", *arguments)
        assert (stored.code, stored.out, stored.err) == (built.code, built.out, built.err)
    assert cli("search", "zeta", "--limit", "3").out.splitlines() == [
        "role\tzeta\t50.30\tZeta\tname; slug; key skill: Zeta; challenge: Zeta at scale",
        "skill\tzeta\t50.10\tZeta\tname; id",
        "role\tzeta-role-0\t10.30\tZeta Role 0\tname; slug; key skill: Zeta; challenge: Zeta at scale",
    ]
