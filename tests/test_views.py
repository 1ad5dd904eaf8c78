"""Views and the one renderer: a result gives the same rows as JSON, piped records and a Rich table; the output
options work after the subcommand; a session does not outlive its invocation; roles may be typed unquoted."""

from __future__ import annotations

import io
import json

import pytest
from rich.console import Console

from careercli.presenters.views import BooksView, RolesView, SearchView
from careercli.queries.books import BookFilter, filter_books
from careercli.queries.roles import list_roles
from careercli.stored.load import load_catalog


def render(renderable: object, width: int) -> str:
    console = Console(file=io.StringIO(), width=width, color_system=None, highlight=False, emoji=False)
    console.print(renderable)
    return console.file.getvalue()


def test_books_view_gives_the_same_rows_as_json_records_and_table() -> None:
    catalog = load_catalog()
    shown, total = filter_books(catalog, BookFilter(role="backend-developer"), 5)
    view = BooksView(shown, {shown[1].id: "reading"}, total)
    from_json = [item["id"] for item in view.data()]
    records = list(view.records())
    assert [row[0] for row in records] == from_json == [b.id for b in shown]
    assert records[1][-1] == "reading"  # the status column comes last, as in the table
    assert records[0][1:4] == (shown[0].published, shown[0].title, "; ".join(shown[0].authors))
    page = render(view.renderable(300), 300)  # wide enough that no title wraps
    positions = [page.index(b.title[:30]) for b in shown]
    assert positions == sorted(positions)  # the table lists them in the same order


@pytest.mark.parametrize("width", [120, 60])
def test_roles_view_renders_every_role_at_any_width(width: int) -> None:
    catalog = load_catalog()
    roles = list_roles(catalog, "data")
    view = RolesView(roles)
    page = render(view.renderable(width), width)
    assert all(r.slug in page for r in roles)
    assert max(len(line) for line in page.splitlines()) <= width
    assert [row[0] for row in view.records()] == [item["slug"] for item in view.data()] == [r.slug for r in roles]


def test_search_json_is_built_by_the_view() -> None:
    view = SearchView([], "nothing matches 'zzz'")
    assert view.data() == []
    assert view.empty == "nothing matches 'zzz'"


def test_output_options_after_the_subcommand(cli) -> None:
    before = cli("--color", "always", "list")
    after = cli("list", "--color", "always")
    assert before.code == after.code == 0
    assert "\x1b[" in after.out
    assert after.out == before.out
    as_json = cli("list", "--category", "data", "--json")
    assert json.loads(as_json.out)["roles"][0]["category"] == "data"
    shown = cli("show", "backend-developer", "--no-pager", "--format", "json")
    assert json.loads(shown.out)["role"]["slug"] == "backend-developer"
    assert cli("bookmark", "list", "--json").out.strip().startswith("{")


def test_a_commands_own_option_wins_over_the_groups(cli) -> None:
    result = cli("--color", "always", "list", "--color", "never")
    assert result.code == 0
    assert "\x1b[" not in result.out


def test_two_invocations_in_one_process_share_no_session(cli) -> None:
    coloured = cli("--color", "always", "list")
    assert "\x1b[" in coloured.out
    plain = cli("list")
    assert "\x1b[" not in plain.out
    assert plain.out.splitlines()[0].count("\t") >= 3  # piped records again, not the coloured table


@pytest.mark.parametrize(
    ("args", "key", "field", "expected"),
    [
        (("show", "back", "end", "developer"), "role", "slug", "backend-developer"),
        (("gap", "back", "end", "developer", "--have", "python"), "gap", "role", "backend-developer"),
        (("path", "back", "end", "developer", "--depth", "1"), "path", "role", "backend-developer"),
        (("book", "fluent", "python"), "book", "id", None),
    ],
)
def test_unquoted_words_name_one_role_or_book(cli, args, key, field, expected) -> None:
    result = cli(*args, "--json")
    assert result.code == 0, result.err
    value = json.loads(result.out)[key][field]
    assert value == expected if expected else value.startswith("fluent-python")


def test_markdown_where_a_view_has_none_is_a_usage_error(cli) -> None:
    result = cli("list", "--format", "markdown")
    assert result.code == 2
    assert "--format markdown is not offered here" in result.err
