"""The surfaces a person touches (issue 15): the first screen, offline pictures, empty states, wording, tags,
preferences and the cache."""

from __future__ import annotations

import json
import re

import pytest


@pytest.mark.parametrize("columns", [40, 60, 80, 100, 120])
def test_first_screen_fits_the_terminal_and_breaks_no_word(career, columns: int) -> None:
    result = career(env={"COLUMNS": str(columns)})
    assert result.code == 0
    lines = result.out.splitlines()
    assert max(len(line) for line in lines) <= columns
    # every command and every description's words appear whole: no word is split over two lines
    words = set(re.findall(r"[\w-]+", result.out))
    for needed in ("backend-developer", "data-engineer", "devops-engineer", "category", "--since", "--help"):
        assert needed in words
    if columns >= 80:  # room for commands beside their descriptions
        assert any(line.startswith("  career list ") and "every role" in line for line in lines)


@pytest.mark.parametrize("fmt", ["svg", "html"])
def test_pictures_render_offline(career, fmt: str) -> None:
    result = career("show", "backend-developer", "--format", fmt)
    assert result.code == 0
    assert "Back-End Developer" in result.out.replace("&#160;", " ")
    # nothing fetched from the network: no source, stylesheet, font or import by address (the SVG namespace is a
    # name, and the HTML page's links to a book's page are followed only when the reader clicks them)
    assert re.findall(r"(?:src=[\"']?|url\(|@import\s+[\"']?|<link[^>]*href=[\"']?)https?://", result.out) == []
    assert "@font-face" not in result.out
    assert "monospace" in result.out


def test_a_tag_filter_that_matches_nothing_names_the_tags_in_use(cli) -> None:
    assert cli("bookmark", "add", "backend-developer", "--tag", "later").code == 0
    assert cli("bookmark", "add", "data-engineer", "--tag", "data").code == 0
    result = cli("bookmark", "list", "--tag", "nope", tty=True)
    assert result.code == 0
    assert result.out == "No bookmark has the tag 'nope'; the tags in use: data, later.\n"
    piped = cli("bookmark", "list", "--tag", "nope")
    assert (piped.code, piped.out) == (0, "")
    assert piped.err == "No bookmark has the tag 'nope'; the tags in use: data, later.\n"
    as_json = cli("bookmark", "list", "--tag", "nope", "--json")
    assert json.loads(as_json.out)["bookmarks"] == []
    assert as_json.err == ""


def test_no_bookmark_at_all_still_says_so(cli) -> None:
    result = cli("bookmark", "list", tty=True)
    assert result.out.startswith("No bookmarks yet.")


def test_tags_can_be_added_and_removed_without_replacing_the_others(cli) -> None:
    assert cli("bookmark", "add", "backend-developer", "--tag", "later", "--tag", "api", "--note", "n").code == 0
    assert cli("bookmark", "add", "backend-developer", "--add-tag", "python", "--add-tag", "api").code == 0
    assert cli("bookmark", "add", "backend-developer", "--remove-tag", "later").code == 0
    rows = cli("bookmark", "list").out.splitlines()
    assert [row.split("\t")[3] for row in rows] == ["api,python"]
    assert rows[0].split("\t")[4] == "n"  # the note is kept
    assert cli("bookmark", "add", "backend-developer", "--tag", "only").code == 0  # --tag still replaces
    assert cli("bookmark", "list").out.split("\t")[3] == "only"
    fresh = cli("bookmark", "add", "data-engineer", "--add-tag", "data")
    assert fresh.code == 0
    assert "data" in cli("bookmark", "list", "--tag", "data").out


def test_counts_agree_with_their_number(cli, tmp_path) -> None:
    tree = cli("path", "backend-developer", "--depth", "1", tty=True)
    assert "Where it leads (1 step)" in tree.out
    assert "Where it leads (2 steps)" in cli("path", "backend-developer", "--depth", "2", tty=True).out
    recorded = cli("skills", "add", "kubernetes", "Kubernetes", "k8s")
    assert recorded.out == "Recorded: Kubernetes.\n"
    custom = cli("skills", "add", "cobol-ish", "cobol-ish", "--custom")
    assert custom.out == "Recorded: cobol-ish (custom).\n"


def test_export_to_a_folder_writes_profile_md_in_it_and_force_replaces_only_that(cli, tmp_path) -> None:
    (tmp_path / "profile.md").write_text("mine\n")
    result = cli("export", "-o", str(tmp_path))
    assert result.code == 1
    assert result.err == f"career: {tmp_path / 'profile.md'} exists; add --force to overwrite it\n"
    assert (tmp_path / "profile.md").read_text() == "mine\n"


@pytest.mark.parametrize(
    ("args", "where"),
    [
        (("books", "--role"), "career books --help"),
        (("bookmark", "add", "--note"), "career bookmark add --help"),
        (("bookmark", "add", "x", "--bogus"), "career bookmark add --help"),
        (("--bogus",), "career --help"),
    ],
)
def test_a_usage_error_names_the_help_of_its_own_command(cli, args: tuple[str, ...], where: str) -> None:
    result = cli(*args)
    assert result.code == 2
    assert result.err.splitlines()[-1] == f"Try '{where}' for help."


def test_compare_usage_line_and_error_name_the_same_argument(cli) -> None:
    usage = cli("compare", "--help").out
    error = cli("compare", "backend-developer")
    assert error.code == 2
    name = re.search(r"Invalid value for '([^']+)'", error.err).group(1)
    assert name == "ROLE..."
    assert f"career compare [OPTIONS] {name}\n" in usage


def _config(isolated_home, text: str):
    folder = isolated_home / "config" / "careercli"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "config.toml").write_text(text, "utf-8")
    return folder / "config.toml"


def test_config_path_and_show_name_the_file_and_the_defaults(cli, isolated_home) -> None:
    where = cli("config", "path")
    assert where.out == f"{isolated_home / 'config' / 'careercli' / 'config.toml'}\n"
    assert cli("config", "show").out.splitlines() == [
        'color\t"auto"\tdefault',
        "pager\tunset\tdefault",
        "show_books\t10\tdefault",
    ]
    _config(isolated_home, "# mine\nshow_books = 3\n")
    shown = json.loads(cli("config", "show", "--json").out)["config"]["settings"]
    assert shown["show_books"] == {"value": 3, "from": "config.toml", "about": shown["show_books"]["about"]}


def test_config_limits_the_books_in_show_and_sets_colour(cli, isolated_home) -> None:
    _config(isolated_home, 'show_books = 2\ncolor = "always"\n')
    page = cli("show", "site-reliability-engineer", tty=True).out  # tty passes --color never: the option wins
    assert "\x1b[" not in page
    assert "Books by fit (2 of " in page
    coloured = cli("show", "site-reliability-engineer", "--format", "text")
    assert "\x1b[" in coloured.out  # piped, yet color = "always" from the file


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("colr = 1\n", "unknown key 'colr'"),
        ('color = "loud"\n', "'color' must be one of"),
        ("show_books = -1\n", "'show_books' must be a whole number"),
        ("pager = [\n", "not valid TOML"),
    ],
)
def test_a_broken_config_stops_with_the_file_and_key_and_is_kept(cli, isolated_home, text, message) -> None:
    path = _config(isolated_home, text)
    result = cli("list")
    assert result.code == 1
    assert result.err.startswith(f"career: {path}: ")
    assert message in result.err
    assert "Traceback" not in result.err
    assert path.read_text("utf-8") == text
    assert cli("config", "path").code == 0


def test_cache_clear_removes_only_careercli_files_and_follows_no_link(cli, isolated_home, tmp_path) -> None:
    assert cli("list").code == 0  # builds the catalogue cache
    cache = isolated_home / "cache" / "careercli"
    assert (cache / "catalogue.sqlite3").is_file()
    (cache / "notes.txt").write_text("not careercli's", "utf-8")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "keep.txt").write_text("keep", "utf-8")
    (cache / "replay").mkdir(exist_ok=True)
    (cache / "replay" / "link").symlink_to(outside)
    (cache / "onet").symlink_to(outside)
    result = cli("cache", "clear")
    assert result.code == 0
    assert result.out.startswith("Removed catalogue.sqlite3")
    assert sorted(p.name for p in cache.iterdir()) == ["notes.txt"]
    assert (outside / "keep.txt").read_text("utf-8") == "keep"
    assert cli("cache", "clear").out.startswith("The cache is already empty")
    assert cli("list").code == 0  # rebuilt on demand


def test_cache_clear_refuses_a_cache_folder_that_is_a_link(cli, isolated_home, tmp_path) -> None:
    real = tmp_path / "real"
    real.mkdir()
    (real / "catalogue.sqlite3").write_text("x", "utf-8")
    (isolated_home / "cache").mkdir(exist_ok=True)
    (isolated_home / "cache" / "careercli").symlink_to(real)
    result = cli("cache", "clear")
    assert result.code == 1
    assert "symbolic link" in result.err
    assert (real / "catalogue.sqlite3").exists()


def test_show_ranks_books_by_fit_names_the_order_and_keeps_a_new_list(cli) -> None:
    page = cli("show", "site-reliability-engineer", tty=True).out
    fit = page[page.index("Books by fit") : page.index("New (newest first)")]
    new = page[page.index("New (newest first)") :]
    assert "Order: canonical books first" in fit
    # the SRE book and the SLO book (canonical / teaching SLOs) lead, ahead of newer general titles
    assert "site-reliability-engineering" in fit
    assert fit.index("implementing-service-level-objectives") < fit.index("All ")
    assert "observability-with-grafana" in new
    data = json.loads(cli("show", "site-reliability-engineer", "--json").out)["role"]
    assert data["books_by_fit"][0] != data["books"][0]["id"]  # not just the newest
    assert data["new_books"][0] == data["books"][0]["id"]
