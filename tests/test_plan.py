"""compare, gap, path and suggest on small hand-made catalogs where the right answer is obvious."""

from __future__ import annotations

import json

import pytest

from careercli.errors import UsageError
from careercli.model import Book, Catalog, Challenge, Role, Skill
from careercli.queries.compare import compare
from careercli.queries.gap import role_gap, suggest_roles
from careercli.queries.progression import career_path


def role(slug: str, skills: list[str], nxt: list[str] = ()) -> Role:  # type: ignore[assignment]
    return Role(slug=slug, name=slug.upper(), category="development", summary="s", what_they_do="w",
                what_to_learn=("x",), key_skills=tuple(skills), challenges=(Challenge(f"{slug}-c", "why"),),
                career_prospects=("p",), next_roles=tuple(nxt), related_roles=())  # fmt: skip


def skill(ident: str, pre: list[str] = ()) -> Skill:  # type: ignore[assignment]
    return Skill(ident, ident.title(), "concept", tuple(pre))


@pytest.fixture
def small() -> Catalog:
    skills = [skill("a"), skill("b", ["a"]), skill("c", ["b"]), skill("d"), skill("e"), skill("f")]
    roles = [
        role("one", ["a", "b", "c", "d"], ["two", "three"]),
        role("two", ["c", "d", "e"], ["three"]),
        role("three", ["d", "e", "f"], ["one"]),  # a cycle: three -> one
        role("four", ["f"], []),
    ]
    books = [
        Book("bk-c-old", "C Old", published="2019", roles=("one",), skills=("c",)),
        Book("bk-c-new", "C New", published="2024-02", roles=("two",), skills=("c",)),
        Book("bk-c-role", "C For One", published="2020", roles=("one",), skills=("c",)),
        Book("bk-shared", "Shared", published="2023", roles=("one", "two"), skills=()),
    ]
    return Catalog({r.slug: r for r in roles}, {s.id: s for s in skills}, {b.id: b for b in books})


def test_coverage_and_missing(small: Catalog) -> None:
    gap = role_gap(small, small.roles["one"], {"a", "d", "zzz"})
    assert gap.have == ("a", "d")
    assert gap.missing == ("b", "c")
    assert gap.coverage == 0.5


def test_plan_puts_prerequisites_first(small: Catalog) -> None:
    # 'c' builds on 'b', which builds on 'a': with nothing known the plan is a, b, c, then d
    gap = role_gap(small, small.roles["one"], set())
    assert [s.skill for s in gap.plan] == ["a", "b", "c", "d"]
    assert gap.plan[0].prerequisite_of == ("b",)


def test_plan_then_orders_by_bookmarked_roles_that_need_it(small: Catalog) -> None:
    # 'e' and 'f' are missing for role three; two bookmarked roles need 'f' (three, four), one needs 'e'
    gap = role_gap(small, small.roles["three"], {"d"}, bookmarked=["three", "four", "two"])
    assert [(s.skill, s.needed_by) for s in gap.plan] == [("e", 2), ("f", 2)]
    gap = role_gap(small, small.roles["three"], {"d"}, bookmarked=["four"])
    assert [(s.skill, s.needed_by) for s in gap.plan] == [("f", 1), ("e", 0)]


def test_plan_books_prefer_the_roles_own_then_newest(small: Catalog) -> None:
    gap = role_gap(small, small.roles["one"], {"a", "b", "d"})
    assert gap.plan[0].books == ("bk-c-role", "bk-c-old", "bk-c-new")


def test_full_coverage(small: Catalog) -> None:
    gap = role_gap(small, small.roles["four"], {"f"})
    assert (gap.coverage, gap.plan) == (1.0, ())


def test_compare_shared_only_and_some(small: Catalog) -> None:
    two = compare(small, [small.roles["one"], small.roles["two"]])
    assert two.shared == ("c", "d")
    assert two.only == {"one": ("a", "b"), "two": ("e",)}
    assert [b.id for b in two.shared_books] == ["bk-shared"]
    three = compare(small, [small.roles["one"], small.roles["two"], small.roles["three"]])
    assert three.shared == ("d",)
    assert three.some == {"c": ("one", "two"), "e": ("two", "three")}
    assert three.only == {"one": ("a", "b"), "two": (), "three": ("f",)}
    with pytest.raises(UsageError):
        compare(small, [small.roles["one"], small.roles["one"]])


def tree(steps) -> list:
    return [(s.slug, s.repeat, tree(s.children)) for s in steps]


def test_path_tree_at_each_depth_and_cycles_shown_once(small: Catalog) -> None:
    assert tree(career_path(small, small.roles["one"], 1).leads_to) == [("two", False, []), ("three", False, [])]
    assert tree(career_path(small, small.roles["one"], 2).leads_to) == [
        ("two", False, [("three", True, [])]),  # three is followed at its shallowest place, below 'one'
        ("three", False, [("one", True, [])]),  # back to the start: shown, never followed
    ]
    assert tree(career_path(small, small.roles["one"], 5).leads_to) == tree(
        career_path(small, small.roles["one"], 2).leads_to
    )


def test_path_adds_and_comes_from(small: Catalog) -> None:
    path = career_path(small, small.roles["three"], 1)
    assert [(s.slug, s.skills) for s in path.leads_to] == [("one", ("a", "b", "c"))]
    assert [(s.slug, s.skills) for s in path.comes_from] == [("one", ("e", "f")), ("two", ("f",))]


def test_suggest_ranks_by_coverage_then_overlap(small: Catalog) -> None:
    ranked = suggest_roles(small, {"d", "e"})
    assert [(s.role, round(s.coverage, 2)) for s in ranked] == [
        ("three", 0.67), ("two", 0.67), ("one", 0.25), ("four", 0.0),
    ]  # fmt: skip
    assert ranked[0].missing == ("f",)


# --------------------------------------------------------------------------- the commands on the real catalog


def test_suggest_puts_backend_near_the_top_for_python_sql_git(cli) -> None:
    cli("skills", "add", "python", "sql", "git")
    payload = json.loads(cli("suggest", "--json").out)
    ranked = [s["role"] for s in payload["suggestions"]]
    # 42 roles: QA, software engineer and the data roles share all three; back-end is a next step of QA
    assert "backend-developer" in ranked[:8]
    assert "embedded-systems-engineer" not in ranked[:8]
    backend = next(s for s in payload["suggestions"] if s["role"] == "backend-developer")
    assert set(backend) == {
        "role",
        "kind",
        "skills_measured",
        "name",
        "score",
        "parts",
        "coverage",
        "have",
        "missing",
        "pay",
    }
    assert [(p["part"], p["weight"]) for p in backend["parts"]] == [
        ("skills", 0.5), ("path", 0.35), ("interests", 0.1), ("preparation", 0.05),
    ]  # fmt: skip
    assert [p["value"] for p in backend["parts"]][2:] == [None, None]  # no discover answers: left out
    assert sorted(backend["have"]) == ["git", "python", "sql"]
    assert backend["missing"]
    table = cli("suggest", tty=True).out
    assert "Back-End Developer" in table
    assert "Score" in table


def test_gap_without_skills_shows_the_whole_plan_and_how_to_add_skills(cli) -> None:
    result = cli("gap", "backend-developer")
    assert result.code == 0
    assert "career skills add" in result.out
    assert "you cover 0 of 13 key skills (0%)" in result.out


def test_gap_with_have_json_shape(cli) -> None:
    payload = json.loads(cli("gap", "backend-developer", "--have", "python, sql,git", "--json").out)
    gap = payload["gap"]
    assert set(gap) == {"role", "name", "coverage", "covered", "total", "have", "missing", "plan", "pay"}
    assert sorted(gap["have"]) == ["git", "python", "sql"]
    keys = [step["skill"] for step in gap["plan"] if not step["foundation"]]  # foundations are not key skills
    assert sorted(keys) == sorted(gap["missing"])
    assert any(step["books"] for step in gap["plan"])
    assert set(gap["plan"][0]) == {
        "skill", "name", "group", "choices", "needed_by_bookmarks", "prerequisite_of", "other_roles", "reasons",
        "foundation", "after", "level", "docs",
        "first_book", "books",
    }  # fmt: skip


def test_gap_plan_on_the_real_catalog_respects_prerequisites(cli) -> None:
    payload = json.loads(cli("gap", "platform-engineer", "--have", "git", "--json").out)
    order = [s["skill"] for s in payload["gap"]["plan"]]
    assert order.index("docker") < order.index("kubernetes")


def test_gap_unknown_have_skill_exits_1(cli) -> None:
    result = cli("gap", "backend-developer", "--have", "pythn")
    assert result.code == 1
    assert result.err == "career: unknown skill 'pythn'; did you mean 'python'?\n"


def test_compare_command(cli) -> None:
    out = cli("compare", "backend-developer", "frontend-developer").out
    assert "Shared key skills:" in out
    assert "✓ Git" in out
    payload = json.loads(cli("compare", "backend", "frontend", "--json").out)["compare"]
    assert set(payload) == {"roles", "shared", "some", "shared_books"}
    assert "git" in payload["shared"]
    backend = payload["roles"][0]
    assert backend["slug"] == "backend-developer"
    assert "python" in backend["only"]
    assert "git" not in backend["only"]
    one = cli("compare", "backend-developer")
    assert one.code == 2


def test_path_command_three_levels(cli) -> None:
    payload = json.loads(cli("path", "backend-developer", "--json").out)["path"]
    assert payload["depth"] == 3

    def depth(nodes: list) -> int:
        return 1 + max((depth(n["next"]) for n in nodes), default=0) if nodes else 0

    assert depth(payload["leads_to"]) == 3
    assert {n["slug"] for n in payload["leads_to"]} == {
        "software-architect", "solutions-architect", "security-engineer", "engineering-manager", "data-engineer",
    }  # fmt: skip
    assert "qa-engineer" in {n["slug"] for n in payload["comes_from"]}
    out = cli("path", "backend-developer").out
    assert "Where it leads (3 steps)" in out
    assert "└── " in out
    shallow = json.loads(cli("path", "backend-developer", "--depth", "1", "--json").out)["path"]
    assert all(n["next"] == [] for n in shallow["leads_to"])


def test_export_has_the_learning_plan(cli) -> None:
    cli("skills", "add", "git")
    cli("bookmark", "add", "platform-engineer")
    out = cli("export").out
    plan = out.split("#### Learning plan", 1)[1]
    assert plan.index("Docker") < plan.index("Kubernetes")


# --------------------------------------------------------------------------- suggest is linear in the catalogue


class CountingRoles(dict):
    """A catalogue's roles that count every role handed out: by key, or walking them."""

    visits = 0

    def __getitem__(self, key):
        CountingRoles.visits += 1
        return super().__getitem__(key)

    def values(self):
        for value in super().values():
            CountingRoles.visits += 1
            yield value

    def items(self):
        for item in super().items():
            CountingRoles.visits += 1
            yield item


def scaled(copies: int) -> Catalog:
    """The bundled catalogue with every role ``copies`` times (under other slugs), built from the files: a stored
    catalogue's precomputed tables know only the roles it was stored with."""
    from careercli.records import replace
    from careercli.stored.load import load_catalog

    cat = load_catalog(use_cache=False)
    roles = CountingRoles()
    for copy in range(copies):
        for one in cat.roles.values():
            slug = f"{one.slug}-{copy}" if copy else one.slug
            dict.__setitem__(roles, slug, replace(one, slug=slug))
    return cat.replace(roles=roles)


def role_visits(catalog: Catalog, have: set[str]) -> int:
    CountingRoles.visits = 0
    ranked = suggest_roles(catalog, have, ["backend-developer"])
    assert len(ranked) == len(catalog.roles)
    return CountingRoles.visits


def test_suggest_reads_each_role_a_bounded_number_of_times():
    """Four times the roles is at most four times the work (it was sixteen: each role's plan counted, for each
    missing skill, the other roles needing it, and read every book)."""
    have = {"python", "sql", "git"}
    one, four = scaled(1), scaled(4)
    small, big = role_visits(one, have), role_visits(four, have)
    assert big <= 4 * small
    assert small <= 3 * len(one.roles)


def test_the_first_suggestions_and_the_stored_table_rank_as_suggest_roles():
    from careercli.queries.gap import rank_roles, stored_tables

    cat = scaled(2)
    have = {"python", "sql", "docker", "git"}
    every = suggest_roles(cat, have)
    first, total = rank_roles(cat, have, limit=5)
    assert (first, total) == (every[:5], len(every))
    table = stored_tables(cat)
    stored = Catalog(cat.roles, cat.skills, cat.books, cat.sources, cat.role_books, cat.book_order, cat.readings,
                     cat.summaries, table.get)  # fmt: skip
    assert rank_roles(stored, have, limit=0) == (every, len(every))
    CountingRoles.visits = 0
    rank_roles(stored, have, limit=5)
    assert CountingRoles.visits == 5  # only the roles shown are read


def test_with_discover_answers_the_stored_table_ranks_as_the_whole_list_and_by_the_mix():
    from careercli.onet.profiles import bundled
    from careercli.queries.discover import leanings
    from careercli.queries.gap import mix, rank_roles, stored_tables

    cat = scaled(2)
    have = {"python", "sql", "docker", "git"}
    codes = {r.onet for r in cat.roles.values()} - {"", "none"}
    leaning = leanings((0, 10, 0, 0, 0, 8), (4,), bundled(), codes)
    every = suggest_roles(cat, have, leanings=leaning)
    assert len(every) == len(cat.roles)
    assert [s.score for s in every] == sorted((s.score for s in every), reverse=True)
    assert all(s.score == mix(s.parts) for s in every)
    table = stored_tables(cat)
    stored = Catalog(cat.roles, cat.skills, cat.books, cat.sources, cat.role_books, cat.book_order, cat.readings,
                     cat.summaries, table.get)  # fmt: skip
    assert rank_roles(stored, have, limit=5, leanings=leaning) == (every[:5], len(every))
    CountingRoles.visits = 0
    rank_roles(stored, have, limit=5, leanings=leaning)
    assert CountingRoles.visits == 5  # only the roles shown are read, answers or not
