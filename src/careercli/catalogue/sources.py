"""Where the catalogue's files are: the bundled data, then the user's packs. Standard library only: the start-up
replay keys saved output on these same files, through the string forms (``*_folder``, ``*_names``), which do
not import pathlib."""

from __future__ import annotations

import os

from careercli.paths import packs_folders

TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path

BUNDLED_FILES = ("skills.toml", "roles.toml", "books.toml")


def bundled_data_folder() -> str:
    """The folder of the curated data: inside the installed package, or ``data/`` of a source checkout."""
    here = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))
    packaged = os.path.join(here, "data")
    if os.path.isdir(packaged):
        return packaged
    return os.path.join(os.path.dirname(os.path.dirname(here)), "data")


def bundled_data_dir() -> Path:
    from pathlib import Path

    return Path(bundled_data_folder())


def bundled_files() -> list[Path]:
    folder = bundled_data_dir()
    return [folder / name for name in BUNDLED_FILES]


def pack_file_names() -> list[str]:
    """Every ``*.toml`` file in the pack folders, each folder in name order."""
    files: list[str] = []
    for folder in packs_folders():
        try:
            names = sorted(os.listdir(folder))
        except OSError:  # no such folder (the usual case), or not one
            continue
        for name in names:
            path = os.path.join(folder, name)
            if name.endswith(".toml") and len(name) > len(".toml") and os.path.isfile(path):
                files.append(path)
    return files


def pack_files() -> list[Path]:
    """Every ``*.toml`` file in the pack folders, each folder in name order."""
    from pathlib import Path

    return [Path(name) for name in pack_file_names()]
