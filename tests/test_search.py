"""Search ranking pinned on realistic queries, and the search command's output."""

from __future__ import annotations

import itertools
import json

import pytest

from careercli.queries.search import closest_terms, no_match_message, search
from careercli.queries.search_index import build_index, stem, typo_distance
from careercli.stored.load import load_catalog


@pytest.fixture(scope="module")
def index():
    return build_index(load_catalog())


# query -> the hits a person would expect at the top, in order (kind:id)
RANKING = [
    ("kubernets", ["skill:kubernetes"]),  # a typo still finds the skill first ...
    ("k8s", ["skill:kubernetes"]),  # ... and so does its alias
    ("Kleppmann", ["book:designing-data-intensive-applications"]),  # an author
    ("pyhton", ["skill:python"]),  # a swap of two letters
    ("databse", ["role:database-administrator", "skill:database-administration"]),
    ("python", ["skill:python"]),
    ("machine learning", ["skill:machine-learning", "role:machine-learning-engineer"]),
    ("sre", ["role:site-reliability-engineer"]),  # initials of a role
    ("site reliability", ["role:site-reliability-engineer"]),
    ("postgres", ["skill:postgresql"]),
    ("fluent python", ["book:fluent-python"]),
    ("designing data intensive", ["book:designing-data-intensive-applications"]),
    ("power bi", ["skill:power-bi", "role:bi-analyst"]),
    ("swift ui", ["skill:swiftui", "role:ios-developer"]),  # words typed apart
    ("smart contracts", ["skill:smart-contracts", "role:blockchain-developer"]),
    ("penetration testing", ["skill:penetration-testing", "role:penetration-tester"]),
    ("ux research", ["skill:user-research", "role:ux-designer"]),
    ("terraform", ["skill:terraform"]),
    ("product discovery", ["skill:product-discovery", "role:product-manager"]),
]


@pytest.mark.parametrize(("query", "expected"), RANKING, ids=[q for q, _ in RANKING])
def test_ranking(index, query: str, expected: list[str]) -> None:
    hits = search(index, query, limit=len(expected))
    assert [f"{h.kind}:{h.id}" for h in hits] == expected


def test_kubernets_puts_the_skill_then_the_roles_that_need_it(index) -> None:
    catalog = load_catalog()
    needing = {r.slug for r in catalog.roles.values() if "kubernetes" in r.key_skills}
    hits = search(index, "kubernets", limit=1 + len(needing))
    assert f"{hits[0].kind}:{hits[0].id}" == "skill:kubernetes"
    assert {h.id for h in hits[1:]} == needing
    assert all(h.kind == "role" for h in hits[1:])


def test_data_security_finds_security_roles_and_backend_through_its_challenge(index) -> None:
    hits = search(index, "data security", kind="role", limit=0)
    ids = [h.id for h in hits]
    assert {"security-engineer", "backend-developer", "security-analyst"} <= set(ids[:4])
    backend = next(h for h in hits if h.id == "backend-developer")
    assert backend.matched  # says what matched
    all_matches = search(index, "secure", kind="role", limit=0)
    assert any(
        h.id == "backend-developer" and any(m.startswith("challenge: Keeping data secure") for m in h.matched)
        for h in all_matches
    )


def test_every_query_word_must_match(index) -> None:
    for hit in search(index, "kotlin android", limit=0):
        # the cross-platform mobile role names Kotlin as a key skill and Android in its summary
        assert hit.id in {"android-developer", "mobile-developer", "kotlin"} or hit.kind == "book"
    assert search(index, "kotlin zzzzqqq") == []


def test_name_outranks_body_text(index) -> None:
    hits = search(index, "devops", kind="role", limit=0)
    assert hits[0].id == "devops-engineer"
    assert hits[0].score > hits[1].score


def test_ties_break_deterministically(index) -> None:
    first = [(h.kind, h.id, h.score) for h in search(index, "testing", limit=0)]
    again = [(h.kind, h.id, h.score) for h in search(index, "testing", limit=0)]
    assert first == again
    for a, b in itertools.pairwise(first):
        assert a[2] >= b[2]


def test_kind_filter_and_limit(index) -> None:
    hits = search(index, "python", kind="book", limit=3)
    assert len(hits) == 3
    assert {h.kind for h in hits} == {"book"}


def test_stemming_and_typo_distance() -> None:
    assert stem("security") == stem("secure")
    assert stem("kubernetes") == stem("kubernets")
    assert typo_distance("pyhton", "python", 2) == 1
    assert typo_distance("databse", "database", 2) == 1
    assert typo_distance("abc", "xyzw", 1) == 2


def test_search_command_table_and_json(cli) -> None:
    result = cli("search", "kubernets")
    assert result.code == 0
    first_row = next(line for line in result.out.splitlines() if line.strip().startswith("skill"))
    assert "kubernetes" in first_row
    payload = json.loads(cli("search", "kubernets", "--json", "--limit", "3").out)
    assert payload["schema_version"] == 1
    assert len(payload["results"]) == 3
    assert set(payload["results"][0]) == {"kind", "id", "title", "score", "matched"}
    assert payload["results"][0]["id"] == "kubernetes"


def test_search_without_hits_is_friendly_exit_0(cli) -> None:
    result = cli("search", "kubernetez", "zzzzqqq")
    assert result.code == 0
    assert result.out == ""  # piped: the sentence is for the person, on stderr
    assert result.err.startswith("Nothing matches 'kubernetez zzzzqqq'. Closest terms in the catalog: ")
    assert "kubernetes" in result.err
    on_terminal = cli("search", "kubernetez", "zzzzqqq", tty=True)
    assert on_terminal.out.startswith("Nothing matches 'kubernetez zzzzqqq'.")


def test_search_bad_kind_is_usage_error(cli) -> None:
    result = cli("search", "python", "--kind", "movie")
    assert result.code == 2
    assert "'movie' is not one of 'role', 'skill', 'book'" in result.err


def test_a_repeated_word_is_searched_once(index, monkeypatch) -> None:
    from careercli.queries import search_index as search_mod

    compared = 0
    real = search_mod.typo_distance

    def counting(a: str, b: str, limit: int) -> int:
        nonlocal compared
        compared += 1
        return real(a, b, limit)

    monkeypatch.setattr(search_mod, "typo_distance", counting)
    once = search(index, "kubernets", limit=3)
    single = compared
    compared = 0
    assert search(index, " ".join(["kubernets"] * 2000), limit=3) == once
    assert compared == single  # 2,000 copies cost what one costs
    assert once[0].id == "kubernetes"


def test_too_many_distinct_words_is_a_usage_error_before_any_work(index, monkeypatch) -> None:
    from careercli.errors import UsageError
    from careercli.queries import search_index as search_mod

    monkeypatch.setattr(search_mod.Index, "expand", lambda *_: pytest.fail("searched a refused query"))
    query = " ".join(f"term{n:05d}" for n in range(9000))  # 90 KB of distinct words
    with pytest.raises(UsageError, match=r"^the search has 9,000 different words; search takes at most 16$"):
        search(index, query)
    with pytest.raises(UsageError, match=r"^the search text is 100,001 characters long"):
        search(index, "a" * 100_001)


def test_closest_terms_compare_a_bounded_number_of_words(index, monkeypatch) -> None:
    import difflib

    calls: list[str] = []
    real = difflib.get_close_matches

    def counting(word, *args, **kwargs):
        calls.append(word)
        return real(word, *args, **kwargs)

    monkeypatch.setattr(difflib, "get_close_matches", counting)
    assert closest_terms(index, " ".join(["kubernetez"] * 2000) + " " + "q" * 5000)[0] == "kubernetes"
    assert calls == ["kubernetez"]  # once, and the 5,000-letter word is compared with nothing


def test_full_width_query_finds_the_skill(index) -> None:
    assert search(index, "\uff2b\uff35\uff22\uff25\uff32\uff2e\uff25\uff34\uff25\uff33", limit=1)[0].id == "kubernetes"


def test_no_match_with_a_kind_names_what_else_matches(index) -> None:
    assert no_match_message(index, "devtools", kind="book") == (
        "No book matches 'devtools'; it matches 1 role and 1 skill: try 'career search devtools'."
    )


def test_no_match_never_offers_the_query_back(index) -> None:
    message = no_match_message(index, "pydevtools", kind="role")
    assert "pydevtools," not in message
    assert not message.endswith("pydevtools.")


def test_a_query_of_symbols_is_nothing_to_search_for(index) -> None:
    assert no_match_message(index, "🚀 !!") == (
        "Nothing to search for in '🚀 !!': search looks for words of letters or digits."
    )


def test_search_command_hang_guard_and_messages(career) -> None:
    result = career("search", *(["kubernets"] * 2000), "--limit", "1", timeout=20)
    assert result.code == 0
    assert result.out.split("\t")[:2] == ["skill", "kubernetes"]
    words = [f"term{n:05d}" for n in range(9000)]  # 90 KB
    result = career("search", *words, timeout=20)
    assert result.code == 2
    assert result.err == "career: the search has 9,000 different words; search takes at most 16\n"
    result = career("search", "devtools", "--kind", "book")
    assert result.code == 0
    assert "try 'career search devtools'" in result.out + result.err


@pytest.mark.parametrize("length", [49_999, 100_000])
def test_a_word_too_long_for_any_name_is_no_results(career, length):
    """SQLite refuses a LIKE pattern of 50,000 bytes: such a word matches nothing, as any word that matches nothing."""
    word = "a" * length
    nothing = career("search", "zzqqxx")
    result = career("search", word)
    assert (result.code, result.out) == (nothing.code, "")
    assert result.err == nothing.err.replace("zzqqxx", "a" * 59 + "…")
    assert result.err == "Nothing matches '" + "a" * 59 + "…'. Try fewer or shorter words.\n"
    assert "Traceback" not in result.err
    listed = career("search", "--kind", "occupation", "--json", word)
    assert listed.code == 0
    assert json.loads(listed.out)["results"] == []
