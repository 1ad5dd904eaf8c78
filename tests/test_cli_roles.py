"""`career list` and `career show` through Typer's CliRunner at a fixed width."""

from __future__ import annotations

import json

import pytest

SECTIONS = (
    "What they do",
    "What to learn",
    "Challenges",
    "Career prospects",
    "Key skills",
    "Books by fit",
    "New (newest first)",
)


def test_show_backend_has_every_section_in_order(cli) -> None:
    result = cli("show", "backend-developer")
    assert result.code == 0, result.err
    assert result.err == ""
    positions = [result.out.index(section) for section in SECTIONS]
    assert positions == sorted(positions)
    assert "Back-End Developer" in result.out
    assert "Why it is hard" in result.out
    for challenge in ("Complex problem solving and", "Keeping data secure against", "Scaling with more users"):
        assert challenge in result.out


def test_show_lists_books_newest_first(cli) -> None:
    data = json.loads(cli("show", "backend-developer", "--json").out)
    dates = [b["published"] or "" for b in data["role"]["books"]]
    assert dates == sorted(dates, reverse=True)
    text = cli("show", "backend-developer").out
    new = text.split("New (newest first)", 1)[1].splitlines()
    years = [line.split()[1] for line in new if len(line.split()) > 1 and line.split()[1][:2] in ("19", "20")]
    assert years == sorted(years, reverse=True)
    assert len(years) == 5


@pytest.mark.parametrize(
    "spelling",
    ["backend-developer", "Back-End Developer", "backend", "back end developer", "BACKEND_DEVELOPER", "  back-end  "],
)
def test_show_resolves_forgiving_spellings(cli, spelling: str) -> None:
    result = cli("show", spelling, "--json")
    assert result.code == 0, result.err
    assert json.loads(result.out)["role"]["slug"] == "backend-developer"


def test_unknown_role_one_line_with_suggestions_exit_1(cli) -> None:
    result = cli("show", "bakend-developr")
    assert result.code == 1
    assert result.out == ""
    assert result.err == "career: unknown role or occupation 'bakend-developr'; did you mean 'backend-developer'?\n"


def test_nonsense_role_points_at_search(cli) -> None:
    result = cli("show", "nosuchrole")
    assert result.code == 1
    assert result.err == "career: unknown role or occupation 'nosuchrole'; try 'career search nosuchrole'\n"
    assert "Traceback" not in result.err


def test_a_hint_with_a_quoted_query_is_quoted_once(cli) -> None:
    result = cli("show", "no", "such", "role")
    assert result.err == "career: unknown role or occupation 'no such role'; try \"career search 'no such role'\"\n"


def test_ambiguous_prefix_lists_candidates(cli) -> None:
    result = cli("show", "data")
    assert result.code == 1
    assert "'data-engineer'" in result.err
    assert "'data-scientist'" in result.err


def test_missing_argument_is_usage_error_exit_2(cli) -> None:
    result = cli("show")
    assert result.code == 2
    assert "Missing argument" in result.err
    assert "Traceback" not in result.err


def test_show_json_shape(cli) -> None:
    payload = json.loads(cli("show", "backend-developer", "--json").out)
    assert list(payload) == ["schema_version", "role"]  # no stray "total"/"limit": show takes no --limit
    assert payload["schema_version"] == 1
    role = payload["role"]
    assert set(role) >= {
        "slug",
        "name",
        "category",
        "summary",
        "what_they_do",
        "what_to_learn",
        "key_skills",
        "challenges",
        "career_prospects",
        "next_roles",
        "related_roles",
        "books",
    }
    assert [c["title"] for c in role["challenges"]] == [
        "Complex problem solving and business logic",
        "Keeping data secure against breaches",
        "Scaling with more users, data and interactions",
    ]
    assert {"id": "python", "name": "Python", "group": "server-side language"} in role["key_skills"]
    assert {"id": "sql", "name": "SQL", "group": None} in role["key_skills"]
    assert set(role["books"][0]) >= {"id", "title", "authors", "publisher", "published", "isbn13", "roles", "topics"}


def test_list_json_is_valid_and_complete(cli) -> None:
    result = cli("list", "--json")
    payload = json.loads(result.out)
    assert payload["schema_version"] == 1
    slugs = [r["slug"] for r in payload["roles"]]
    assert "backend-developer" in slugs
    assert len(slugs) == len(set(slugs)) >= 32
    assert set(payload["roles"][0]) == {"slug", "name", "category", "summary"}


def test_list_filters_by_category(cli) -> None:
    payload = json.loads(cli("list", "--category", "security", "--json").out)
    assert {r["category"] for r in payload["roles"]} == {"security"}
    assert {r["slug"] for r in payload["roles"]} >= {"security-engineer", "penetration-tester", "devsecops-engineer"}


def test_list_table_groups_by_category(cli) -> None:
    out = cli("list", tty=True).out
    assert out.index("development (") < out.index("Back-End Developer") < out.index("infrastructure (")


def test_list_help_names_categories(cli) -> None:
    out = cli("list", "--help").out
    for category in ("development", "infrastructure", "data", "security", "management"):
        assert category in out


def test_unknown_category_is_a_usage_error_naming_the_choices(cli) -> None:
    result = cli("list", "--category", "cooking")
    assert result.code == 2
    assert "'cooking' is not one of 'development', 'infrastructure', 'data'" in result.err


def test_version_and_overview(cli) -> None:
    from careercli import __version__

    assert cli("--version").out == f"career {__version__}\n"
    overview = cli()
    assert overview.code == 0
    assert "career show backend-developer" in overview.out


@pytest.mark.parametrize(
    ("spelling", "slug"),
    [("sre", "site-reliability-engineer"), ("DBA", "database-administrator"),
     ("sysadmin", "systems-administrator"), ("ML engineer", "machine-learning-engineer"),
     ("devrel", "developer-advocate"), ("pentester", "penetration-tester"), ("QA", "qa-engineer"),
     ("PM", "product-manager")],
)  # fmt: skip
def test_roles_answer_to_the_names_people_use(cli, spelling: str, slug: str) -> None:
    result = cli("show", spelling, "--json")
    assert result.code == 0, result.err
    assert json.loads(result.out)["role"]["slug"] == slug


def test_show_names_the_aliases(cli) -> None:
    assert "Also called: SRE" in cli("show", "sre").out
