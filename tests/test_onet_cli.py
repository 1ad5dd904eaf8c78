"""``career data import-onet`` and ``career data remove-onet`` through the installed command."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

FIXTURE = Path(__file__).parent / "fixtures" / "onet" / "29.2"


def test_import_then_reimport_then_remove(career, tmp_path, isolated_home):
    archive = tmp_path / "db_29_2_text.zip"
    with zipfile.ZipFile(archive, "w") as z:
        for file in sorted(FIXTURE.iterdir()):
            z.write(file, "db_29_2_text/" + file.name)
    target = isolated_home / "data" / "careercli" / "onet" / "onet.sqlite"
    result = career("data", "import-onet", str(archive))
    assert (result.code, result.err) == (0, "")
    assert result.out == "Imported O*NET 29.2: 5 occupations, 30 tasks, 21 technologies\n"
    assert target.is_file()
    folder = tmp_path / "release"
    folder.mkdir()
    (folder / "Occupation Data.txt").write_bytes((FIXTURE / "Occupation Data.txt").read_bytes())
    again = career("data", "import-onet", str(folder))
    assert again.code == 0
    assert again.out == "Imported O*NET (version unknown): 5 occupations, 0 tasks, 0 technologies\n"
    assert again.err.startswith("career: not in the release, skipped: Task Statements.txt, Technology Skills.txt, ")
    removed = career("data", "remove-onet")
    assert (removed.code, removed.out) == (
        0,
        f"Removed the O*NET import ({target}); the bundled occupations are in use again.\n",
    )
    assert not target.exists()
    nothing = career("data", "remove-onet")
    assert (nothing.code, nothing.out) == (0, "No O*NET import to remove; the bundled occupations are in use.\n")


def test_a_broken_release_is_one_error_and_keeps_the_import(career, tmp_path, isolated_home):
    assert career("data", "import-onet", str(FIXTURE)).code == 0
    target = isolated_home / "data" / "careercli" / "onet" / "onet.sqlite"
    before = target.read_bytes()
    folder = tmp_path / "release"
    folder.mkdir()
    for file in FIXTURE.iterdir():
        (folder / file.name).write_bytes(file.read_bytes())
    jobs = folder / "Job Zones.txt"
    jobs.write_bytes(jobs.read_bytes().replace(b"15-1252.00\t4", b"15-1252.00\tfour"))
    result = career("data", "import-onet", str(folder))
    assert result.code == 1
    assert result.out == ""
    assert result.err == "career: Job Zones.txt:4: job zone must be a whole number, not 'four'\n"
    assert target.read_bytes() == before
    assert os.listdir(target.parent) == ["onet.sqlite"]


def test_not_a_release(career, tmp_path):
    archive = tmp_path / "notes.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("notes.txt", "hello")
    result = career("data", "import-onet", str(archive))
    assert result.code == 1
    assert result.err == (
        f"career: {archive}: not an O*NET text release (no 'Occupation Data.txt' in the zip)\n"
        "career: O*NET publishes the text release as db_NN_N_text.zip\n"
    )
    assert career("data", "import-onet").code == 2
