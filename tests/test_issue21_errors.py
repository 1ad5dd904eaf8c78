"""Issue 21, the error messages and output items (7, 9, 13, 18, 24, 26): each error says what failed and where,
in one line, and nothing is half written."""

from __future__ import annotations

import errno
import os
import re
import shutil
from pathlib import Path

import pytest

FIXTURE = Path(__file__).parent / "fixtures" / "onet" / "29.2"


# -- 7: an error that has nothing to do with stdout is not "cannot write the output"


@pytest.mark.skipif(not os.path.exists("/proc/self/mem"), reason="needs Linux's /proc")
def test_an_unreadable_release_file_is_named(career, tmp_path: Path) -> None:
    release = tmp_path / "release"
    shutil.copytree(FIXTURE, release)
    tasks = release / "Task Statements.txt"
    tasks.unlink()
    tasks.symlink_to("/proc/self/mem")  # a regular file whose reading fails (EIO), for root too

    result = career("data", "import-onet", str(release))

    assert (result.code, result.err) == (1, f"career: cannot read {tasks}: {os.strerror(errno.EIO)}\n")
    assert not (Path(os.environ["XDG_DATA_HOME"]) / "careercli" / "onet" / "onet.sqlite").exists()


def test_a_data_folder_that_cannot_be_written_is_named(career, isolated_home: Path) -> None:
    data = isolated_home / "data"
    data.write_text("not a folder\n")  # the data folder's parent is a file: no folder can be made there
    target = data / "careercli" / "onet" / "onet.sqlite"

    result = career("data", "import-onet", str(FIXTURE))

    assert (result.code, result.err) == (
        1,
        f"career: cannot write the O*NET import {target}: {os.strerror(errno.ENOTDIR)}\n",
    )
    assert data.read_text() == "not a folder\n"


@pytest.mark.skipif(not os.path.isdir("/sys/kernel"), reason="needs Linux's /sys, where nobody creates files")
def test_a_config_folder_that_cannot_be_written_is_named(career, isolated_home: Path) -> None:
    config = isolated_home / "config"
    config.mkdir()
    (config / "careercli").symlink_to("/sys")  # a folder that refuses new files, to root as well

    result = career("config", "set", "pager", "false")

    assert result.code == 1
    assert result.err.splitlines() == [
        f"career: cannot write in {config / 'careercli'}: Permission denied",
        "career: Check the folder's permissions, or move it with XDG_CONFIG_HOME.",
    ]


# -- 13: a replayed answer to a full device is the same one line as a rendered one


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_a_replay_to_a_full_device_is_one_line_as_without_replay(isolated_home: Path) -> None:
    import subprocess

    from tests.conftest import CAREER

    def to_full(env: dict[str, str]) -> tuple[int, bytes]:
        with open("/dev/full", "wb") as full:
            proc = subprocess.run([CAREER, "list"], stdout=full, stderr=subprocess.PIPE, env=os.environ | env)
        return proc.returncode, proc.stderr

    saved = subprocess.run([CAREER, "list"], capture_output=True)
    assert saved.returncode == 0
    replay = isolated_home / "cache" / "careercli" / "replay"
    assert [p for p in replay.iterdir() if not p.name.startswith(".")]  # the next run is a replay

    rendered = to_full({"CAREERCLI_NO_FAST_PATH": "1"})
    replayed = to_full({})

    line = f"career: cannot write the output: {os.strerror(errno.ENOSPC)}\n".encode()
    assert rendered == (1, line)
    assert replayed == (1, line)


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("argv", [["--show-completion", "bash"], ["list", "--help"], ["--version"], ["list"]])
def test_a_full_stdout_is_still_the_output_whoever_writes_it(argv: list[str]) -> None:
    import subprocess

    from tests.conftest import CAREER

    with open("/dev/full", "wb") as full:  # the completion script, Rich's help page, Click's app, the direct path
        proc = subprocess.run([CAREER, *argv], stdout=full, stderr=subprocess.PIPE,
                              env=os.environ | {"CAREERCLI_NO_FAST_PATH": "1"})  # fmt: skip
    assert (proc.returncode, proc.stderr.decode()) == (
        1,
        f"career: cannot write the output: {os.strerror(errno.ENOSPC)}\n",
    )


# -- 9: export -o FOLDER/ writes FOLDER/profile.md, or refuses a folder that is not there


def test_export_into_a_folder_writes_profile_md_there(career, tmp_path: Path) -> None:
    assert career("bookmark", "add", "backend-developer").code == 0
    reports = tmp_path / "reports"
    reports.mkdir()

    for given in (f"{reports}/", str(reports)):
        result = career("export", "-o", given, "--force")
        assert (result.code, result.out, result.err) == (0, f"Wrote {reports / 'profile.md'}.\n", "")

    assert [p.name for p in reports.iterdir()] == ["profile.md"]
    assert (reports / "profile.md").read_text("utf-8").startswith("# ")
    assert "Back-End Developer" in (reports / "profile.md").read_text("utf-8")


def test_export_to_a_missing_folder_is_refused_and_writes_nothing(career, tmp_path: Path) -> None:
    assert career("bookmark", "add", "backend-developer").code == 0
    given = f"{tmp_path / 'reports'}/"

    result = career("export", "-o", given)

    assert (result.code, result.out, result.err) == (
        1,
        "",
        f"career: no folder {given}: create it first, or name a file\n",
    )
    assert list(tmp_path.iterdir()) == []


# -- 18: --install-completion with a start-up file that is not UTF-8: installed whole, or not at all

LATIN1 = b"# caf\xe9 cr\xe8me: written in Latin-1\nexport EDITOR=vi"  # no final newline either


@pytest.mark.parametrize(
    ("shell", "rc", "script", "lines"),
    [
        ("bash", ".bashrc", ".bash_completions/career.sh", ["source '{script}'"]),
        ("zsh", ".zshrc", ".zfunc/_career", ["fpath+=~/.zfunc; autoload -Uz compinit; compinit",
                                             "zstyle ':completion:*' menu select"]),
    ],
)  # fmt: skip
def test_install_completion_keeps_a_non_utf8_startup_file(
    career, isolated_home: Path, shell: str, rc: str, script: str, lines: list[str]
) -> None:
    (isolated_home / rc).write_bytes(LATIN1)
    installed = isolated_home / script

    result = career("--install-completion", shell)

    assert (result.code, result.err) == (0, "")
    assert result.out.startswith(f"{shell} completion installed in {installed}\n")
    added = "".join(line.format(script=installed) + "\n" for line in lines).encode()
    assert (isolated_home / rc).read_bytes() == LATIN1 + b"\n" + added
    assert installed.read_text("utf-8").startswith("#compdef career\n" if shell == "zsh" else "")
    again = career("--install-completion", shell)
    assert again.code == 0
    assert (isolated_home / rc).read_bytes() == LATIN1 + b"\n" + added  # nothing twice


SYSFS_READ_ONLY = "/sys/kernel/uevent_seqnum"  # reads as a number; nobody, root included, may write to it


@pytest.mark.parametrize(("shell", "rc", "script"), [("bash", ".bashrc", ".bash_completions/career.sh"),
                                                     ("zsh", ".zshrc", ".zfunc/_career")])  # fmt: skip
def test_install_completion_writes_no_script_when_the_startup_file_cannot_be_read(
    career, isolated_home: Path, shell: str, rc: str, script: str
) -> None:
    (isolated_home / rc).mkdir()  # a start-up "file" that cannot be read

    result = career("--install-completion", shell)

    assert result.code == 1
    assert result.err == f"career: cannot install the {shell} completion: {os.strerror(errno.EISDIR)}\n"
    assert result.out == ""
    assert not (isolated_home / script).exists()
    assert list((isolated_home / rc).iterdir()) == []


@pytest.mark.skipif(not os.path.isfile(SYSFS_READ_ONLY), reason="needs Linux's /sys")
@pytest.mark.parametrize("before", [None, b"# an older script\n"])
@pytest.mark.parametrize(("shell", "rc", "script"), [("bash", ".bashrc", ".bash_completions/career.sh"),
                                                     ("zsh", ".zshrc", ".zfunc/_career")])  # fmt: skip
def test_install_completion_takes_the_script_back_when_the_startup_line_cannot_be_added(
    career, isolated_home: Path, shell: str, rc: str, script: str, before: bytes | None
) -> None:
    (isolated_home / rc).symlink_to(SYSFS_READ_ONLY)  # read, then refused: the script was written in between
    installed = isolated_home / script
    if before is not None:
        installed.parent.mkdir()
        installed.write_bytes(before)

    result = career("--install-completion", shell)

    assert result.code == 1
    assert result.err == f"career: cannot install the {shell} completion: {os.strerror(errno.EACCES)}\n"
    if before is None:
        assert not installed.exists()
    else:
        assert installed.read_bytes() == before


# -- 24: a long argument is cut in every error message, on the direct path and through Typer

LONG = "x" * 60_000
CUT = "x" * 59 + "…"


@pytest.mark.parametrize(
    ("direct", "typer", "err", "code"),
    [
        (["show", LONG], ["show", "--", LONG], f"career: unknown role or occupation '{CUT}'\n", 1),
        (["show", "a " + LONG], ["show", "--", "a " + LONG],
         f"career: unknown role or occupation 'a {CUT[:-3]}…'\n", 1),  # and no 60 KB search to try
        (["books", "--topic", LONG], ["books", f"--topic={LONG}"], f"career: unknown topic '{CUT}'\n", 1),
        (["books", "--role", LONG], ["books", f"--role={LONG}"],
         f"career: unknown role '{CUT}' (60,000 characters; no role has a name that long)\n", 1),
        (["list", f"--{LONG}"], ["list", f"--{LONG}"],
         f"career: No such option: --{CUT[:-3]}…\nTry 'career list --help' for help.\n", 2),
        ([LONG], [LONG], f"career: No such command '{CUT}'.\nTry 'career --help' for help.\n", 2),
        (["search", "--kind", LONG, "q"], ["search", "--kind", LONG, "q"],
         f"career: Invalid value for '--kind' / '-k': '{CUT}' is not one of 'role', 'skill', 'book', 'occupation'.\n"
         "Try 'career search --help' for help.\n", 2),
        (["config", "set", LONG, "1"], ["config", "set", LONG, "1"],
         f"career: unknown key '{CUT}'\ncareer: keys: color, pager, show_books\n", 1),
    ],
)  # fmt: skip
def test_a_long_argument_is_cut_in_the_message(
    career, direct: list[str], typer: list[str], err: str, code: int
) -> None:
    for argv in (direct, typer):
        result = career(*argv)
        assert (result.code, result.out, result.err) == (code, "", err)


# -- 26: a book's year is apart from its authors in Markdown, as a Markdown reader shows it


def _shown_lines(markdown: str) -> list[str]:
    """The text of each paragraph and list item as a Markdown reader shows it (markdown-it-py, CommonMark)."""
    from markdown_it import MarkdownIt

    return [
        "".join(child.content for child in token.children or [] if child.type in ("text", "code_inline"))
        for token in MarkdownIt("commonmark").parse(markdown)
        if token.type == "inline"
    ]


def test_markdown_book_lines_keep_the_space_before_the_year(career, tmp_path: Path) -> None:
    page = career("show", "backend-developer", "-f", "markdown")
    assert career("bookmark", "add", "backend-developer").code == 0
    assert career("reading", "add", "designing data-intensive", "--status", "reading").code == 0
    assert career("export", "-o", str(tmp_path / "me.md")).code == 0
    export = (tmp_path / "me.md").read_text("utf-8")

    for markdown in (page.out, export):
        shown = _shown_lines(markdown)
        assert "Designing Data-Intensive Applications, Martin Kleppmann (2017)" in shown
        glued = [line for line in shown if re.search(r"\S\(\d{4}\)", line)]
        assert glued == []
