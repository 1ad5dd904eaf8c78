"""``career data import-onet`` on hostile releases and disks: an encrypted or damaged zip, a zip bomb, a stray
CR, a full disk. Each is one line on stderr naming the file, exit 1, and the earlier import left as it was."""

from __future__ import annotations

import os
import resource
import signal
import struct
import subprocess
import zipfile
from pathlib import Path

import pytest

from .conftest import CAREER

FIXTURE = Path(__file__).parent / "fixtures" / "onet" / "29.2"
INNER = "db_29_2_text/"
NAME = "Task Statements.txt"
TASKS = INNER + NAME
FILE_LIMIT = 64 * 1024 * 1024  # what careercli reads of one release file at most, as its message says
LINE_LIMIT = 1024 * 1024


def release_zip(path: Path, method: int = zipfile.ZIP_DEFLATED, skip: str = "") -> Path:
    with zipfile.ZipFile(path, "w", method) as archive:
        for file in sorted(FIXTURE.iterdir()):
            if file.name != skip:
                archive.write(file, INNER + file.name)
    return path


def patch_headers(path: Path, member: str, offset_local: int | None, offset_central: int | None, edit) -> None:
    """Apply ``edit(bytearray, position)`` at a field of the member's local and central headers."""
    data = bytearray(path.read_bytes())
    name = member.encode()
    for signature, start, offset in ((b"PK\x03\x04", 30, offset_local), (b"PK\x01\x02", 46, offset_central)):
        at = data.find(signature)
        while at >= 0:
            if offset is not None and data[at + start : at + start + len(name)] == name:
                edit(data, at + offset)
            at = data.find(signature, at + 4)
    path.write_bytes(bytes(data))


@pytest.fixture
def imported(career, isolated_home):
    """An earlier, good import; returns a check that it is still there, byte for byte, with nothing beside it."""
    assert career("data", "import-onet", str(FIXTURE)).code == 0
    target = isolated_home / "data" / "careercli" / "onet" / "onet.sqlite"
    before = target.read_bytes()

    def untouched() -> None:
        assert target.read_bytes() == before
        assert os.listdir(target.parent) == ["onet.sqlite"]

    return untouched


def test_an_encrypted_zip_is_one_line_naming_the_member(career, tmp_path, imported):
    archive = release_zip(tmp_path / "db_29_2_text.zip")
    patch_headers(archive, TASKS, 6, 8, lambda data, at: data.__setitem__(at, data[at] | 1))  # the encrypted flag
    result = career("data", "import-onet", str(archive))
    assert (result.code, result.out) == (1, "")
    assert result.err == (
        f"career: {NAME} in {archive}: encrypted (password-protected); give a zip without a password, "
        "or the extracted folder\n"
    )
    imported()


def test_a_bad_crc_is_one_line_naming_the_member(career, tmp_path, imported):
    archive = release_zip(tmp_path / "db_29_2_text.zip", zipfile.ZIP_STORED)
    data = bytearray(archive.read_bytes())
    at = data.find(b"Task ID") + 300  # inside the stored text of Task Statements.txt
    data[at] ^= 1
    archive.write_bytes(bytes(data))
    result = career("data", "import-onet", str(archive))
    assert (result.code, result.out) == (1, "")
    assert result.err == (
        f"career: {NAME} in {archive}: damaged (its CRC-32 checksum does not match); download the release again\n"
    )
    imported()


def test_a_mismatched_header_is_one_line_naming_the_member(career, tmp_path, imported):
    archive = release_zip(tmp_path / "db_29_2_text.zip")
    patch_headers(archive, TASKS, 30 + len(INNER) + 1, None, lambda data, at: data.__setitem__(at, ord("X")))
    result = career("data", "import-onet", str(archive))
    assert (result.code, result.out) == (1, "")
    assert result.err == (
        f"career: {NAME} in {archive}: damaged (its local header names another file); download the release again\n"
    )
    imported()


def test_an_unsupported_compression_is_one_line_naming_the_member(career, tmp_path, imported):
    archive = release_zip(tmp_path / "db_29_2_text.zip")
    patch_headers(archive, TASKS, 8, 10, lambda data, at: data.__setitem__(slice(at, at + 2), struct.pack("<H", 99)))
    result = career("data", "import-onet", str(archive))
    assert (result.code, result.out) == (1, "")
    assert result.err == (
        f"career: {NAME} in {archive}: compressed with a method careercli cannot read; give the extracted folder\n"
    )
    imported()


def run_limited(args: list[str], **limits: int) -> subprocess.CompletedProcess[str]:
    """The installed command with resource limits (``RLIMIT_AS=...``) set in the child, SIGXFSZ ignored."""

    def limit() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        for name, value in limits.items():
            resource.setrlimit(getattr(resource, name), (value, value))

    return subprocess.run(
        [CAREER, *args], capture_output=True, text=True, encoding="utf-8", preexec_fn=limit, timeout=120
    )


MEMORY = 768 * 1024 * 1024  # address space for the child: far below what reading a bomb whole would take


def test_a_zip_bomb_is_refused_by_its_size_in_bounded_memory(tmp_path, imported):
    archive = release_zip(tmp_path / "db_29_2_text.zip", skip="Task Statements.txt")
    zeros = b"\0" * (1024 * 1024)
    with zipfile.ZipFile(archive, "a", zipfile.ZIP_DEFLATED) as z, z.open(TASKS, "w", force_zip64=True) as member:
        for _ in range(FILE_LIMIT // len(zeros) + 1):
            member.write(zeros)
    assert archive.stat().st_size < FILE_LIMIT // 100
    result = run_limited(["data", "import-onet", str(archive)], RLIMIT_AS=MEMORY)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (
        f"career: {NAME} in {archive}: {FILE_LIMIT + len(zeros):,} bytes, more than a release file can hold "
        "(careercli reads at most 64 MB a file)\n"
    )
    imported()


def test_a_line_without_end_is_refused_at_its_limit_in_bounded_memory(tmp_path, imported):
    archive = release_zip(tmp_path / "db_29_2_text.zip", skip="Task Statements.txt")
    with zipfile.ZipFile(archive, "a", zipfile.ZIP_DEFLATED) as z:
        z.writestr(TASKS, (FIXTURE / "Task Statements.txt").read_bytes() + b"\0" * (FILE_LIMIT - LINE_LIMIT))
    result = run_limited(["data", "import-onet", str(archive)], RLIMIT_AS=MEMORY)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == "career: Task Statements.txt:32: a line longer than 1 MB (not an O*NET text file)\n"
    imported()


def test_a_stray_carriage_return_names_the_file_and_line(career, tmp_path, imported):
    folder = tmp_path / "release"
    folder.mkdir()
    for file in FIXTURE.iterdir():
        (folder / file.name).write_bytes(file.read_bytes())
    tasks = folder / "Task Statements.txt"
    lines = tasks.read_bytes().split(b"\r\n")
    lines[3] = lines[3].replace(b"\t", b"\tx\ry", 1)
    tasks.write_bytes(b"\r\n".join(lines))
    result = career("data", "import-onet", str(folder))
    assert (result.code, result.out) == (1, "")
    assert result.err == (
        "career: Task Statements.txt:4: a carriage return (CR) inside the line; O*NET lines end with CRLF or LF\n"
    )
    imported()


def test_a_file_size_limit_is_one_line_and_keeps_the_earlier_import(tmp_path, imported, isolated_home):
    folder = tmp_path / "release"
    folder.mkdir()
    for file in FIXTURE.iterdir():
        (folder / file.name).write_bytes(file.read_bytes())
    tasks = folder / "Task Statements.txt"
    header, *rows = tasks.read_bytes().split(b"\r\n")
    tasks.write_bytes(b"\r\n".join([header, *[r for r in rows if r] * 60, b""]))  # a database of about 400 KB
    result = run_limited(["data", "import-onet", str(folder)], RLIMIT_FSIZE=128 * 1024)
    target = isolated_home / "data" / "careercli" / "onet" / "onet.sqlite"
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (
        f"career: cannot write the O*NET import {target}: disk full or a file size limit (disk I/O error)\n"
    )
    imported()


BLOB = "a binary (BLOB) value where careercli writes text"


@pytest.mark.parametrize(
    ("edit", "what"),
    [
        ("UPDATE occupation SET title = x'00ff' WHERE code = '15-1252.00'", BLOB),
        ("UPDATE meta SET value = 'many' WHERE key = 'occupations'", "the count of occupations in its meta table is "
                                                                     "not a number"),
        ("UPDATE occupation SET job_zone = 'four'", "a job zone or an education share of 15-1252.00 that is not a "
                                                    "number"),
    ],
)  # fmt: skip
def test_a_hand_edited_import_is_ignored_with_one_warning(career, isolated_home, edit, what):
    import sqlite3

    assert career("data", "import-onet", str(FIXTURE)).code == 0
    target = isolated_home / "data" / "careercli" / "onet" / "onet.sqlite"
    with sqlite3.connect(target) as db:
        db.execute(edit)
    db.close()
    warning = f"career: warning: {target}: {what}; the O*NET import is ignored until you import a release again\n"
    page = career("show", "backend-developer")
    assert (page.code, page.err) == (0, warning)
    assert "Official facts (O*NET) 15-1252.00 Software Developers" in page.out  # from the bundled extract
    assert "Back-End Developer" in page.out
    occupation = career("show", "15-1252", "--json")
    assert (occupation.code, occupation.err) == (0, warning)
    assert '"title": "Software Developers"' in occupation.out
    where = career("where", "--json")
    assert where.code == 0
    assert str(target) in where.out
