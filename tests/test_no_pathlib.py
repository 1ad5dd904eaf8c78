"""First views name their files as text: ``pathlib`` (about 5 ms of imports: fnmatch, urllib.parse, ipaddress...)
is not loaded by a page, piped output or JSON, and the text forms name every file exactly as ``Path`` did."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from careercli.paths import file_uri, is_file, plain

PROFILE = """schema_version = 1
skills = ["python"]

[[bookmark]]
role = "backend-developer"
note = "next step"
tags = ["goal"]
added = "2025-01-02"

[[reading]]
book = "node-js-design-patterns"
status = "reading"
"""

PACK = """[[role]]
slug = "mainframe-developer"
name = "Mainframe Developer"
category = "development"
summary = "Keeps the core running."
what_they_do = "Writes and maintains the programs at the core of banks and insurers."
what_to_learn = ["COBOL", "JCL"]
key_skills = ["sql"]
career_prospects = ["Architect"]
next_roles = ["software-architect"]
related_roles = ["backend-developer"]

[[role.challenges]]
title = "Old code"
why = "Decades of it."
"""

SCRIPT = (
    "import sys\nfrom careercli.entry import _main\ncode = _main(sys.argv[1:])\n"
    "sys.stderr.write('\\npathlib=' + repr('pathlib' in sys.modules))\nraise SystemExit(code)\n"
)


FIRST_VIEWS = [  # the command, whether it is a Rich page, what it shows
    (["show", "backend-developer"], True, "Back-End Developer"),
    (["show", "15-1252.00"], True, "Software Developers"),
    (["list"], False, "mainframe-developer"),
    (["books"], False, "fullstack-developer\treading"),
    (["search", "kubernetes"], False, "kubernetes"),
    (["bookmark", "list"], False, "next step"),
    (["show", "backend-developer", "--json"], False, '"slug": "backend-developer"'),
]


@pytest.mark.parametrize(("argv", "page", "shown"), FIRST_VIEWS, ids=[" ".join(case[0]) for case in FIRST_VIEWS])
def test_first_views_do_not_import_pathlib(isolated_home: Path, argv: list[str], page: bool, shown: str) -> None:
    config = isolated_home / "config" / "careercli"
    config.mkdir(parents=True)
    (config / "profile.toml").write_text(PROFILE, "utf-8")  # a profile that is read, with a bookmark
    packs = isolated_home / "data" / "careercli" / "packs"
    packs.mkdir(parents=True)
    (packs / "team.toml").write_text(PACK, "utf-8")  # and a pack folder that is listed
    env = {**os.environ, "CAREERCLI_NO_FAST_PATH": "1"}
    if page:
        env["FORCE_COLOR"] = "1"
    for _ in range(2):  # the first run builds and stores the catalogue (and the O*NET cache); the second is a view
        done = subprocess.run([sys.executable, "-c", SCRIPT, *argv], capture_output=True, text=True,
                              env=env, check=False)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stderr.endswith("pathlib=False"), done.stderr
    assert shown.casefold() in done.stdout.casefold()
    assert ("\x1b[" in done.stdout) is page


NAMES = ["", ".", "./a", "a/./b/", "a//b", "/", "//", "///", "//a/b", "///a", "/tmp//x/./y/", "a/../b", "~/x", ".a"]


@pytest.mark.parametrize("name", NAMES)
def test_text_names_are_those_pathlib_gives(name: str) -> None:
    assert plain(name) == str(Path(name))
    assert plain(Path(name)) == str(Path(name))


@pytest.mark.parametrize("name", ["/a b/c%d?e#f&g", "/tmp//x/", "//a", "/", "/caf\u00e9/\udcff", "/a~b_c.d-e+f"])
def test_file_uris_are_those_pathlib_gives(name: str) -> None:
    assert file_uri(name) == Path(name).as_uri()


@pytest.mark.parametrize("name", ["a", "", "./b"])
def test_a_relative_name_has_no_file_uri_as_with_pathlib(name: str) -> None:
    with pytest.raises(ValueError, match="relative path"):
        Path(name).as_uri()
    with pytest.raises(ValueError, match="relative path"):
        file_uri(name)


def test_is_file_answers_as_pathlib_does(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x", "utf-8")
    (tmp_path / "folder").mkdir()
    (tmp_path / "loop").symlink_to(tmp_path / "loop")
    (tmp_path / "link").symlink_to(tmp_path / "file")
    for name in ("file", "folder", "loop", "link", "missing", "file/under"):
        assert is_file(str(tmp_path / name)) is (tmp_path / name).is_file(), name


@pytest.mark.parametrize("option", ["--version", "-V"])
def test_version_is_answered_without_typer_and_as_the_app_says_it(cli, option: str) -> None:
    script = (
        "import sys\nfrom careercli.entry import _main\ncode = _main(sys.argv[1:])\n"
        "sys.stderr.write(repr(sorted(m for m in ('typer', 'click', 'rich', 'careercli.cli') if m in sys.modules)))\n"
        "raise SystemExit(code)\n"
    )
    run = subprocess.run([sys.executable, "-c", script, option], capture_output=True, text=True, env=os.environ)
    assert run.returncode == 0
    assert run.stderr == "[]"
    assert run.stdout == cli(option).out  # the Typer app's own answer
