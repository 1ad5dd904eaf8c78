"""The profile store without the CLI: atomic, locked writes that never lose or corrupt what the user wrote."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from careercli.errors import ProfileError
from careercli.profile import (
    Profile,
    ProfileStore,
    ReadingChange,
    from_document,
    to_document,
    with_bookmark,
    with_reading,
    with_skills,
    without_bookmark,
)


def test_missing_profile_reads_empty_and_creates_nothing(tmp_path: Path) -> None:
    store = ProfileStore(tmp_path / "nested" / "careercli" / "profile.toml")
    assert store.load() == Profile()
    assert not (tmp_path / "nested").exists()


def test_first_write_creates_folder_and_file(tmp_path: Path) -> None:
    store = ProfileStore(tmp_path / "a" / "b" / "profile.toml")
    store.update(lambda p: with_bookmark(p, "backend-developer", "note", ["t"], "2026-11-25"))
    document = tomllib.loads(store.path.read_text("utf-8"))
    assert document["schema_version"] == 1
    assert document["bookmark"] == [{"role": "backend-developer", "note": "note", "tags": ["t"], "added": "2026-11-25"}]
    assert store.path.stat().st_mode & 0o777 == 0o600  # personal notes are not world-readable
    leftovers = [p.name for p in store.path.parent.iterdir() if p.name.endswith(".tmp")]
    assert leftovers == []


def test_adding_again_updates_note_and_tags_and_keeps_first_date(tmp_path: Path) -> None:
    store = ProfileStore(tmp_path / "profile.toml")
    store.update(lambda p: with_bookmark(p, "qa-engineer", "first", ["a"], "2026-01-01"))
    store.update(lambda p: with_bookmark(p, "qa-engineer", "second", None, "2026-11-25"))
    (mark,) = store.load().bookmarks
    assert (mark.note, mark.tags, mark.added) == ("second", ("a",), "2026-01-01")
    store.update(lambda p: without_bookmark(p, "qa-engineer"))
    assert store.load().bookmarks == ()


def test_reading_status_changes_in_place(tmp_path: Path) -> None:
    store = ProfileStore(tmp_path / "profile.toml")
    store.update(lambda p: with_reading(p, "fluent-python", ReadingChange(status="want"), "2026-01-01"))
    store.update(lambda p: with_reading(p, "fluent-python", ReadingChange(status="read"), "2026-02-01"))
    (entry,) = store.load().reading
    assert (entry.status, entry.added, entry.updated) == ("read", "2026-01-01", "2026-02-01")


def test_unknown_keys_survive_a_write(tmp_path: Path) -> None:
    path = tmp_path / "profile.toml"
    path.write_text('schema_version = 1\nfavourite_colour = "teal"\n[editor]\nname = "vim"\n', "utf-8")
    store = ProfileStore(path)
    store.update(lambda p: with_skills(p, ["python"], []))
    document = tomllib.loads(path.read_text("utf-8"))
    assert document["favourite_colour"] == "teal"
    assert document["editor"] == {"name": "vim"}
    assert document["skills"] == ["python"]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b'skills = ["python"\n', "not valid TOML"),
        (b"schema_version = 99\n", "written by a newer careercli (profile schema 99"),
        (b"\xff\xfe garbage", "not valid UTF-8 text"),
        (b'[[bookmark]]\nnote = "no role"\n', "bookmark #1 has no role"),
        (b'[[reading]]\nbook = "x"\nstatus = "skimmed"\n', "unknown status 'skimmed'"),
    ],
)
def test_broken_profile_is_reported_and_never_overwritten(tmp_path: Path, content: bytes, expected: str) -> None:
    path = tmp_path / "profile.toml"
    path.write_bytes(content)
    store = ProfileStore(path)
    with pytest.raises(ProfileError) as caught:
        store.load()
    assert str(path) in caught.value.message
    assert expected in caught.value.message
    with pytest.raises(ProfileError):
        store.update(lambda p: with_skills(p, ["python"], []))
    assert path.read_bytes() == content


def test_toml_error_names_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "profile.toml"
    path.write_text('schema_version = 1\n\nskills = ["python",,]\n', "utf-8")
    with pytest.raises(ProfileError) as caught:
        ProfileStore(path).load()
    assert "(at line 3, column 20)" in caught.value.message


def test_unwritable_folder_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", "utf-8")
    store = ProfileStore(blocker / "careercli" / "profile.toml")
    with pytest.raises(ProfileError) as caught:
        store.update(lambda p: with_skills(p, ["python"], []))
    assert caught.value.message.startswith(f"cannot create the profile folder {blocker / 'careercli'}")


text_strategy = st.text(st.characters(blacklist_categories=("Cs",)), max_size=80)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(note=text_strategy, tags=st.lists(text_strategy, max_size=4, unique=True))
def test_any_note_and_tag_round_trip_through_the_file(tmp_path: Path, note: str, tags: list[str]) -> None:
    store = ProfileStore(tmp_path / "profile.toml")
    store.update(lambda p: without_bookmark(p, "ux-designer"))
    store.update(lambda p: with_bookmark(p, "ux-designer", note, tags, "2026-11-25"))
    mark = store.load().bookmark("ux-designer")
    assert mark is not None
    assert mark.note == note
    assert list(mark.tags) == tags


def test_document_conversion_is_lossless() -> None:
    profile = Profile(skills=("python",), custom_skills=("Mainframe COBOL",))
    profile = with_bookmark(profile, "x", "n", ["t"], "2026-11-25")
    assert from_document(to_document(profile)) == profile


def test_a_symlinked_profile_stays_a_symlink(tmp_path: Path) -> None:
    real = tmp_path / "dotfiles" / "careercli.toml"
    real.parent.mkdir()
    real.write_text('schema_version = 1\nskills = ["sql"]\n', "utf-8")
    link = tmp_path / "config" / "profile.toml"
    link.parent.mkdir()
    link.symlink_to(real)
    ProfileStore(link).update(lambda p: with_skills(p, ["python"], []))
    assert link.is_symlink()
    assert tomllib.loads(real.read_text("utf-8"))["skills"] == ["sql", "python"]


def test_a_failed_replace_leaves_no_temporary_file(tmp_path: Path) -> None:
    from careercli.atomic import write_atomically

    target = tmp_path / "out.md"
    target.mkdir()  # os.replace cannot put a file over a folder
    with pytest.raises(IsADirectoryError):
        write_atomically(target, b"text", fsync=True, mode=0o644)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.md"]
    write_atomically(tmp_path / "new" / "f.bin", b"data", make_parents=True)
    assert (tmp_path / "new" / "f.bin").read_bytes() == b"data"


# --------------------------------------------------------------------------- what the user wrote by hand

HAND_WRITTEN = """\
# my career notes, kept by hand
schema_version = 1
skills = ["sql"]  # the ones I use daily

# roles I am weighing
[[bookmark]]
role = "backend-developer"  # the main one
note = "next step"
priority = 1
deadline = 2025-06-01

[[bookmark]]
role = "qa-engineer"
note = "fallback"

[[reading]]
book = "fluent-python"
status = "read"
rating = 5
"""


def test_a_write_keeps_comments_and_fields_added_inside_entries(tmp_path: Path) -> None:
    path = tmp_path / "profile.toml"
    path.write_text(HAND_WRITTEN, "utf-8")
    store = ProfileStore(path)
    store.update(lambda p: with_skills(p, ["python"], []))
    store.update(lambda p: with_bookmark(p, "backend-developer", "changed", None, "2026-11-25"))
    store.update(lambda p: with_bookmark(p, "data-engineer", None, None, "2026-11-25"))
    text = path.read_text("utf-8")
    for comment in ("# my career notes, kept by hand", "# the ones I use daily", "# roles I am weighing",
                    "# the main one"):  # fmt: skip
        assert comment in text
    document = tomllib.loads(text)
    first, second, third = document["bookmark"]
    assert first == {"role": "backend-developer", "note": "changed", "priority": 1,
                     "deadline": __import__("datetime").date(2025, 6, 1)}  # fmt: skip
    assert second == {"role": "qa-engineer", "note": "fallback"}
    assert third["role"] == "data-engineer"
    assert document["reading"] == [{"book": "fluent-python", "status": "read", "rating": 5}]
    assert document["skills"] == ["sql", "python"]
    store.update(lambda p: without_bookmark(p, "qa-engineer"))
    assert [b["role"] for b in tomllib.loads(path.read_text("utf-8"))["bookmark"]] == [
        "backend-developer", "data-engineer"]  # fmt: skip
    assert "priority = 1" in path.read_text("utf-8")


def test_update_returns_the_profile_before_and_after(tmp_path: Path) -> None:
    store = ProfileStore(tmp_path / "profile.toml")
    store.update(lambda p: with_skills(p, ["sql"], []))
    before, after = store.update(lambda p: with_skills(p, ["python"], []))
    assert (before.skills, after.skills) == (("sql",), ("sql", "python"))
    before, after = store.update(lambda p: without_bookmark(p, "nope"))
    assert before.bookmark("nope") is None
    assert before == after


@pytest.mark.parametrize("value", ["nan", "inf", "-nan", "[1.0, nan]", "{ x = nan }"])
def test_nan_or_inf_in_the_profile_does_not_block_writes(tmp_path: Path, value: str) -> None:
    path = tmp_path / "profile.toml"
    path.write_text(f'schema_version = 1\nweight = {value}\n[[bookmark]]\nrole = "qa-engineer"\nscore = nan\n')
    store = ProfileStore(path)
    store.update(lambda p: with_skills(p, ["python"], []))
    text = path.read_text("utf-8")
    assert f"weight = {value}" in text
    assert "score = nan" in text
    assert tomllib.loads(text)["skills"] == ["python"]


def test_a_bom_at_the_start_is_accepted_and_kept(tmp_path: Path) -> None:
    path = tmp_path / "profile.toml"
    path.write_bytes(b'\xef\xbb\xbfschema_version = 1\nskills = ["sql"]\n')
    store = ProfileStore(path)
    assert store.load().skills == ("sql",)
    store.update(lambda p: with_skills(p, ["python"], []))
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert tomllib.loads(raw[3:].decode("utf-8"))["skills"] == ["sql", "python"]


def test_a_read_only_profile_is_not_rewritten(tmp_path: Path) -> None:
    path = tmp_path / "profile.toml"
    path.write_text('schema_version = 1\nskills = ["sql"]\n', "utf-8")
    path.chmod(0o444)
    with pytest.raises(ProfileError) as caught:
        ProfileStore(path).update(lambda p: with_skills(p, ["python"], []))
    assert caught.value.message.startswith(f"{path} is read-only, so it was left as it is")
    assert caught.value.hint is None  # one line
    assert path.read_text("utf-8") == 'schema_version = 1\nskills = ["sql"]\n'
    assert path.stat().st_mode & 0o777 == 0o444


def test_an_existing_profile_keeps_its_mode(tmp_path: Path) -> None:
    path = tmp_path / "profile.toml"
    path.write_text("schema_version = 1\n", "utf-8")
    path.chmod(0o640)
    ProfileStore(path).update(lambda p: with_skills(p, ["python"], []))
    assert path.stat().st_mode & 0o777 == 0o640


@pytest.mark.parametrize(
    "content",
    [
        "deep = " + "[" * 350 + "]" * 350 + "\n",
        "deep = " + "{ a = " * 350 + "1" + " }" * 350 + "\n",
        "a" + ".a" * 300 + " = 1\n",
    ],
)
def test_deep_nesting_is_a_clear_error_in_reads_and_writes(tmp_path: Path, content: str) -> None:
    path = tmp_path / "profile.toml"
    path.write_text(content, "utf-8")
    store = ProfileStore(path)
    for action in (store.load, lambda: store.update(lambda p: with_skills(p, ["python"], []))):
        with pytest.raises(ProfileError) as caught:
            action()
        assert caught.value.message == f"{path}: tables or arrays nested more than 32 deep; the file was left as it is"
    assert path.read_text("utf-8") == content


def test_undecodable_text_is_refused_before_any_write(tmp_path: Path) -> None:
    path = tmp_path / "profile.toml"
    path.write_text('schema_version = 1\nskills = ["sql"]\n', "utf-8")
    with pytest.raises(ProfileError) as caught:
        ProfileStore(path).update(lambda p: with_skills(p, [], ["caf\udce9"]))
    assert caught.value.message == f"'caf\\xe9' is not valid UTF-8 text; nothing was written to {path}"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["profile.toml", "profile.toml.lock"]


@pytest.mark.parametrize("stage", ["fsync", "replace"])
def test_a_write_stopped_midway_leaves_no_temporary_file(tmp_path: Path, monkeypatch, stage: str) -> None:
    import os

    path = tmp_path / "profile.toml"
    path.write_text('schema_version = 1\nskills = ["sql"]\n', "utf-8")

    def stop(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, stage, stop)
    with pytest.raises(KeyboardInterrupt):
        ProfileStore(path).update(lambda p: with_skills(p, ["python"], []))
    monkeypatch.undo()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["profile.toml", "profile.toml.lock"]
    assert path.read_text("utf-8") == 'schema_version = 1\nskills = ["sql"]\n'
