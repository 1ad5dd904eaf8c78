"""Where the catalogue's files are: the bundled data, then the user's packs. Standard library only: the start-up
replay keys saved output on these same files."""

from __future__ import annotations

from pathlib import Path

from careercli.paths import packs_dirs

BUNDLED_FILES = ("skills.toml", "roles.toml", "books.toml")


def bundled_data_dir() -> Path:
    """The folder of the curated data: inside the installed package, or ``data/`` of a source checkout."""
    here = Path(__file__).resolve().parent.parent
    packaged = here / "data"
    if packaged.is_dir():
        return packaged
    return here.parent.parent / "data"


def bundled_files() -> list[Path]:
    folder = bundled_data_dir()
    return [folder / name for name in BUNDLED_FILES]


def pack_files() -> list[Path]:
    """Every ``*.toml`` in the pack folders, each folder in name order."""
    files: list[Path] = []
    for folder in packs_dirs():
        try:
            files += sorted(p for p in folder.iterdir() if p.suffix == ".toml" and p.is_file())
        except OSError:  # no such folder (the usual case), or not one
            continue
    return files
