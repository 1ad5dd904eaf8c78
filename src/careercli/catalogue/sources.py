"""Where the catalogue's files are: the bundled data, then the user's packs. Standard library only: the start-up
replay keys saved output on these same files, through the string forms (``*_folder``, ``*_names``), which do
not import pathlib."""

from __future__ import annotations

import os

from careercli.paths import BUNDLED_FILES, bundled_data_folder, is_file, packs_folders, plain

TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path


def bundled_data_dir() -> Path:
    from pathlib import Path

    return Path(bundled_data_folder())


class Source:
    """One data file: bundled (``label`` is ``data/NAME``) or a pack (``label`` is its path). A plain class with
    slots, not a dataclass, so that the replay's import of this module stays small."""

    __slots__ = ("label", "origin", "path")

    def __init__(self, path: str | os.PathLike[str], label: str, origin: str) -> None:
        self.path = path
        self.label = label
        self.origin = origin  # "bundled" or the pack's file name

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Source) and (self.path, self.label, self.origin) == (
            other.path, other.label, other.origin)  # fmt: skip

    def __hash__(self) -> int:
        return hash((self.path, self.label, self.origin))

    def __repr__(self) -> str:
        return f"Source({self.path!r}, {self.label!r}, {self.origin!r})"


def bundled_sources() -> list[Source]:
    return [Source(path, f"data/{path.name}", "bundled") for path in bundled_files()]


def catalog_sources(warnings: list[str] | None = None) -> list[Source]:
    """The bundled files, then every readable pack file; an unreadable pack folder or file is a warning. Each
    source's path is text, named as ``str(Path(...))`` would name it (pathlib is not imported on a first view)."""
    folder = plain(bundled_data_folder())
    bundled = [Source(os.path.join(folder, name), f"data/{name}", "bundled") for name in BUNDLED_FILES]
    return bundled + [Source(path, path, os.path.basename(path)) for path in _readable_packs(warnings)]


def bundled_files() -> list[Path]:
    folder = bundled_data_dir()
    return [folder / name for name in BUNDLED_FILES]


def pack_files(warnings: list[str] | None = None) -> list[Path]:
    """Every readable ``*.toml`` in the pack folders, each folder in name order.

    A folder that does not exist is the usual case and says nothing; a folder or file that exists but cannot be
    read is left out, with a one-line message added to ``warnings``."""
    from pathlib import Path

    return [Path(path) for path in _readable_packs(warnings)]


def _readable_packs(warnings: list[str] | None) -> list[str]:
    """:func:`pack_files` as text, with the same names, order and warnings."""
    files: list[str] = []
    for name in packs_folders():
        folder = plain(name)
        try:
            found = sorted(name for name in os.listdir(folder) if name.endswith(".toml") and len(name) > len(".toml"))
            found = [path for path in (plain(os.path.join(folder, name)) for name in found) if is_file(path)]
        except FileNotFoundError:
            continue
        except OSError as error:
            if warnings is not None and os.path.exists(folder):
                warnings.append(f"pack folder {folder} skipped: {error.strerror or error}")
            continue
        for path in found:
            if os.access(path, os.R_OK):
                files.append(path)
            elif warnings is not None:
                warnings.append(f"pack {path} skipped: it cannot be read")
    return files
