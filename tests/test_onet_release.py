"""Reading O*NET releases into sqlite: the real-row fixture, broken inputs, nothing half imported."""

from __future__ import annotations

import shutil
import sqlite3
import zipfile
from pathlib import Path

import pytest

from careercli.errors import CareerError
from careercli.onet import db as onet_db
from careercli.onet.release import Release, ReleaseError

FIXTURE = Path(__file__).parent / "fixtures" / "onet" / "29.2"
FULL = Path(__file__).resolve().parents[2] / "shared" / "onet" / "29.2"


def copy_release(tmp_path: Path, name: str = "db_29_2_text") -> Path:
    folder = tmp_path / name
    shutil.copytree(FIXTURE, folder)
    return folder


def import_(path: Path, target: Path) -> onet_db.Summary:
    with Release(path) as release:
        return onet_db.build(release, target)


def zip_folder(folder: Path, zip_path: Path, inner: str = "db_29_2_text/") -> Path:
    with zipfile.ZipFile(zip_path, "w") as archive:
        for file in sorted(folder.iterdir()):
            archive.write(file, inner + file.name)
    return zip_path


def test_fixture_imports_with_counts_and_version(tmp_path):
    summary = import_(FIXTURE, tmp_path / "onet.sqlite")
    assert (summary.version, summary.occupations, summary.tasks, summary.technologies) == ("29.2", 5, 30, 21)
    assert summary.missing == ()
    assert summary.line() == "Imported O*NET 29.2: 5 occupations, 30 tasks, 21 technologies"
    db = onet_db.connect(tmp_path / "onet.sqlite")
    assert db.execute("SELECT title, job_zone FROM occupation WHERE code = '15-1252.00'").fetchone() == (
        "Software Developers",
        4,
    )
    # the education level most respondents report, from the RL scale
    assert db.execute("SELECT education, education_percent FROM occupation WHERE code = '15-1211.00'").fetchone() == (
        "Associate's Degree (or other 2-year degree)",
        pytest.approx(51.0, abs=1),
    )
    assert [p.name for p in tmp_path.iterdir()] == ["onet.sqlite"]  # no temporary file left


def test_zip_with_one_folder_inside_reads_like_the_folder(tmp_path):
    archive = zip_folder(FIXTURE, tmp_path / "db_29_2_text.zip")
    summary = import_(archive, tmp_path / "out" / "onet.sqlite")
    assert (summary.version, summary.occupations, summary.tasks, summary.technologies) == ("29.2", 5, 30, 21)


def test_lf_and_crlf_give_the_same_database(tmp_path):
    folder = copy_release(tmp_path)
    assert b"\r\n" in (folder / "Task Statements.txt").read_bytes()
    for file in folder.iterdir():
        file.write_bytes(file.read_bytes().replace(b"\r\n", b"\n"))
    import_(FIXTURE, tmp_path / "crlf.sqlite")
    import_(folder, tmp_path / "lf.sqlite")
    dump = [
        list(sqlite3.connect(tmp_path / n).execute("SELECT * FROM task ORDER BY position"))
        for n in ("crlf.sqlite", "lf.sqlite")
    ]
    assert dump[0] == dump[1]
    assert len(dump[0]) == 30
    assert not any("\r" in row[3] for row in dump[1])


def test_missing_optional_files_are_named_and_skipped(tmp_path):
    folder = copy_release(tmp_path)
    (folder / "Technology Skills.txt").unlink()
    (folder / "Interests.txt").unlink()
    (folder / "Read Me.txt").unlink()
    with Release(folder) as release:
        assert release.missing() == ["Technology Skills.txt", "Interests.txt"]
        assert release.version == "29.2"  # from the folder's name db_29_2_text when Read Me.txt is absent
        summary = onet_db.build(release, tmp_path / "onet.sqlite")
    assert (summary.occupations, summary.tasks, summary.technologies) == (5, 30, 0)
    assert summary.missing == ("Technology Skills.txt", "Interests.txt")


def test_only_occupation_data_is_required(tmp_path):
    folder = tmp_path / "release"
    folder.mkdir()
    shutil.copy(FIXTURE / "Occupation Data.txt", folder)
    summary = import_(folder, tmp_path / "onet.sqlite")
    assert (summary.version, summary.occupations, summary.tasks) == ("", 5, 0)


def broken(tmp_path: Path, file: str, edit) -> Path:
    folder = copy_release(tmp_path)
    path = folder / file
    path.write_bytes(edit(path.read_bytes()))
    return folder


@pytest.mark.parametrize(
    ("file", "edit", "message"),
    [
        (
            "Task Statements.txt",
            lambda b: b[: b.rindex(b"\t", 0, len(b) - 40)],  # cut inside the last row
            "Task Statements.txt:31: malformed row: 2 tab-separated fields, the header has 7",
        ),
        (
            "Technology Skills.txt",
            lambda b: b.replace(b"Hot Technology", b"Hot Tech", 1),
            "Technology Skills.txt:1: wrong header: no column 'Hot Technology'",
        ),
        (
            "Related Occupations.txt",
            lambda b: b.replace(b"\t15-1299.08\tPrimary-Short\t1", b"\t15-129.08\tPrimary-Short\t1", 1),
            "Related Occupations.txt:10: bad O*NET-SOC code '15-129.08' in 'Related O*NET-SOC Code'",
        ),
        (
            "Occupation Data.txt",
            lambda b: b.replace(b"15-1252.00\t", b"151252\t", 1),
            "Occupation Data.txt:4: bad O*NET-SOC code '151252' in 'O*NET-SOC Code'",
        ),
        (
            "Job Zones.txt",
            lambda b: b.replace(b"15-1252.00\t4", b"15-1252.00\t9", 1),
            "Job Zones.txt:4: job zone 9 is out of range (1 to 5)",
        ),
        (
            "Occupation Data.txt",
            lambda b: b"Name\tAge\nAlice\t30\n",
            "Occupation Data.txt:1: wrong header: no column 'O*NET-SOC Code', 'Title', 'Description'",
        ),
        ("Task Statements.txt", lambda b: b[:-50] + b"\xff\xfe\r\n", "Task Statements.txt:31: not UTF-8 text"),
    ],
)
def test_broken_input_is_one_located_error_and_leaves_the_old_import(tmp_path, file, edit, message):
    target = tmp_path / "user" / "onet.sqlite"
    import_(FIXTURE, target)
    before = target.read_bytes()
    folder = broken(tmp_path, file, edit)
    with pytest.raises(ReleaseError) as raised:
        import_(folder, target)
    assert raised.value.message == message
    assert isinstance(raised.value, CareerError)
    assert target.read_bytes() == before  # the earlier import is untouched
    assert [p.name for p in target.parent.iterdir()] == ["onet.sqlite"]  # and no half-written file remains


def test_a_zip_without_onet_files_is_refused(tmp_path):
    archive = tmp_path / "photos.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("holiday/readme.txt", "hello")
    with pytest.raises(ReleaseError, match=r"photos.zip: not an O\*NET text release \(no 'Occupation Data.txt'"):
        Release(archive)


def test_a_file_that_is_not_a_zip_or_folder_is_refused(tmp_path):
    bogus = tmp_path / "db.zip"
    bogus.write_text("not a zip")
    with pytest.raises(ReleaseError, match=r"db\.zip: not a zip file or folder"):
        Release(bogus)
    with pytest.raises(ReleaseError, match="nowhere: no such file or folder"):
        Release(tmp_path / "nowhere")


def test_a_database_of_another_schema_is_refused(tmp_path):
    path = tmp_path / "onet.sqlite"
    sqlite3.connect(path).executescript("CREATE TABLE meta (key, value); INSERT INTO meta VALUES ('schema', '0');")
    with pytest.raises(CareerError, match="another careercli version"):
        onet_db.connect(path)


@pytest.mark.slow  # many processes (or the whole O*NET release): the full run covers it
@pytest.mark.skipif(not FULL.is_dir(), reason="the O*NET 29.2 files are not beside the repository")
def test_full_release_matches_its_readme(tmp_path):
    from careercli.queries import occupations as occ

    summary = import_(FULL, tmp_path / "onet.sqlite")
    assert (summary.version, summary.occupations, summary.tasks, summary.technologies) == ("29.2", 1016, 18796, 32627)
    db = onet_db.connect(tmp_path / "onet.sqlite")
    page = occ.detail(db, "15-1252.00")
    assert page is not None
    assert len(page.tasks) == 19
    assert len(page.technologies) == 425
    assert sum(t.hot for t in page.technologies) == 151
    assert page.job_zone is not None
    assert page.job_zone.zone == 4
    assert len(page.related) == 20
    assert len(occ.by_group(db, "15")) == 38
    with_facts = db.execute("SELECT count(DISTINCT code) FROM task").fetchone()[0]
    assert with_facts == 923
