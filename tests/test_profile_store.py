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
    store.update(lambda p: with_reading(p, "fluent-python", "want", "2026-01-01"))
    store.update(lambda p: with_reading(p, "fluent-python", "read", "2026-02-01"))
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
