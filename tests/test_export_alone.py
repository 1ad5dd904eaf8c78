"""``career export`` alone on its line runs without Typer (issue 22, item 8: piped export within 7x); it answers
exactly as the Typer command does (``export -o -`` still goes through Typer), errors included."""

from __future__ import annotations

from pathlib import Path

PROFILE = """schema_version = 1
skills = ["python", "sql"]

[[bookmark]]
role = "backend-developer"
note = "next step"

[[bookmark]]
role = "15-1252.00"
"""


def _profile(home: Path, text: str) -> None:
    folder = home / "config" / "careercli"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "profile.toml").write_text(text, "utf-8")


def test_export_alone_answers_as_the_typer_command(isolated_home: Path, career) -> None:
    _profile(isolated_home, PROFILE)
    alone, typer = career("export"), career("export", "-o", "-")
    assert (alone.code, alone.err) == (0, "")
    assert alone.out.startswith("# My career profile\n")
    assert "Back-End Developer" in alone.out
    assert "Software Developers" in alone.out  # the bookmarked occupation, from the O*NET extract
    assert (alone.code, alone.out, alone.err) == (typer.code, typer.out, typer.err)


def test_export_alone_reports_a_broken_profile_as_the_typer_command(isolated_home: Path, career) -> None:
    _profile(isolated_home, "schema_version = 1\nskills = [\n")
    alone, typer = career("export"), career("export", "-o", "-")
    assert alone.code == 1
    assert alone.out == ""
    assert alone.err.startswith("career: ")
    assert "Traceback" not in alone.err
    assert (alone.code, alone.out, alone.err) == (typer.code, typer.out, typer.err)
