"""Read an O*NET text release (the zip as published, or its extracted folder), file by file, row by row.

Any release of the 2x/3x text format works: tab-separated UTF-8 files with one header row, CRLF or LF line
endings. Only ``Occupation Data.txt`` is required; the other files careercli reads are optional and a missing one
is reported by name. Every problem is a :class:`ReleaseError` whose message starts with ``FILE:LINE:``.
Standard library only; nothing here writes.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator

from careercli.errors import CareerError
from careercli.records import record

TYPE_CHECKING = False  # typing imports re, enum and collections at run time: piped listings need none
if TYPE_CHECKING:
    import zipfile  # imported where a zip is opened: reading the database needs neither zipfile nor csv
    from pathlib import Path  # imported where a release is opened: reading the database does not need it
    from typing import IO, Any, Protocol

OCCUPATIONS = "Occupation Data.txt"
README = "Read Me.txt"
CODE = "O*NET-SOC Code"
CODE_RE = re.compile(r"^\d{2}-\d{4}\.\d{2}$")
VERSION_RE = re.compile(r"O\*NET\s+(\d+\.\d+)\s+Database", re.IGNORECASE)
FOLDER_VERSION_RE = re.compile(r"db_(\d+)_(\d+)")

# file name -> the columns careercli reads from it (the header must hold them; other columns are ignored)
COLUMNS: dict[str, tuple[str, ...]] = {
    OCCUPATIONS: (CODE, "Title", "Description"),
    "Task Statements.txt": (CODE, "Task ID", "Task", "Task Type"),
    "Technology Skills.txt": (CODE, "Example", "Commodity Title", "Hot Technology", "In Demand"),
    "Job Zones.txt": (CODE, "Job Zone"),
    "Job Zone Reference.txt": ("Job Zone", "Name", "Experience", "Education", "Job Training"),
    "Alternate Titles.txt": (CODE, "Alternate Title", "Short Title"),
    "Sample of Reported Titles.txt": (CODE, "Reported Job Title"),
    "Related Occupations.txt": (CODE, "Related O*NET-SOC Code", "Relatedness Tier", "Index"),
    "Education, Training, and Experience.txt": (CODE, "Element ID", "Scale ID", "Category", "Data Value"),
    "Education, Training, and Experience Categories.txt": (
        "Element ID",
        "Scale ID",
        "Category",
        "Category Description",
    ),
    "Interests.txt": (CODE, "Element Name", "Scale ID", "Data Value"),
}
CODE_COLUMNS = frozenset({CODE, "Related O*NET-SOC Code"})

# What one release file may hold. O*NET 29.2's largest file careercli reads is 3.5 MB and its longest line about
# 1 KB: the limits are far above any real release, and keep a zip bomb from filling memory or running for minutes.
FILE_LIMIT = 64 * 1024 * 1024
LINE_LIMIT = 1024 * 1024
README_LIMIT = 64 * 1024  # only the version is read from it


if TYPE_CHECKING:

    class Stream(Protocol):
        """A release file being read: a file of the folder, or a zip member behind :class:`_Guarded`."""

        def readline(self, limit: int = -1, /) -> bytes: ...
        def read(self, limit: int = -1, /) -> bytes: ...
        def close(self) -> None: ...
        def __enter__(self) -> Stream: ...
        def __exit__(self, *exc: Any) -> Any: ...


class ReleaseError(CareerError):
    """The release cannot be read: not O*NET, a wrong header, a malformed row, a bad code."""


@record
class Row:
    """One data row: the selected columns in the order of :data:`COLUMNS`, and where it was read."""

    file: str
    line: int
    values: tuple[str, ...]

    def fail(self, message: str) -> ReleaseError:
        return ReleaseError(f"{self.file}:{self.line}: {message}")


class Release:
    """An O*NET text release, opened from a zip or a folder. Use as a context manager (it may hold a zip open)."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        from pathlib import Path

        self.path = Path(path)
        self._zip: zipfile.ZipFile | None = None
        self._prefix = ""
        self._folder: Path | None = None
        self._names: set[str] = set()
        self._open()
        try:
            self.version = self._read_version()
        except BaseException:  # an encrypted or damaged 'Read Me.txt': the zip is not left open
            self.close()
            raise

    # -- opening -------------------------------------------------------------------------------------------
    def _open(self) -> None:
        path = self.path
        if not path.exists():
            raise ReleaseError(f"{path}: no such file or folder")
        if path.is_dir():
            folder = _folder_with_occupations(path)
            if folder is None:
                raise ReleaseError(
                    f"{path}: not an O*NET text release (no '{OCCUPATIONS}' in it)",
                    "give the release's zip (db_29_2_text.zip) or the folder extracted from it",
                )
            self._folder = folder
            self._names = {p.name for p in folder.iterdir() if p.is_file()}
            return
        import zipfile

        try:
            archive = zipfile.ZipFile(path)
        except Exception as error:  # BadZipFile, OSError, and for some damage ValueError or NotImplementedError
            raise ReleaseError(
                f"{path}: not a zip file or folder ({error})",
                "give the release's zip (db_29_2_text.zip) or the folder extracted from it",
            ) from None
        members = [n for n in archive.namelist() if n.rsplit("/", 1)[-1] == OCCUPATIONS]
        if not members:
            archive.close()
            raise ReleaseError(
                f"{path}: not an O*NET text release (no '{OCCUPATIONS}' in the zip)",
                "O*NET publishes the text release as db_NN_N_text.zip",
            )
        self._zip = archive
        self._prefix = min(members, key=len)[: -len(OCCUPATIONS)]
        inside = [n[len(self._prefix) :] for n in archive.namelist() if n.startswith(self._prefix)]
        self._names = {n for n in inside if n and "/" not in n}

    def close(self) -> None:
        if self._zip is not None:
            self._zip.close()
            self._zip = None

    def __enter__(self) -> Release:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- reading -------------------------------------------------------------------------------------------
    def has(self, name: str) -> bool:
        return name in self._names

    def missing(self) -> list[str]:
        """The optional files careercli reads that this release does not have, in a stable order."""
        return [name for name in COLUMNS if not self.has(name)]

    def stream(self, name: str) -> Stream:
        """The file as bytes, at most :data:`FILE_LIMIT` of them; :func:`_lines` decodes it line by line, so a
        decoding error has its line. A file the zip cannot give (encrypted, damaged, an unknown compression) or
        a larger one is a :class:`ReleaseError` naming it."""
        if self._zip is not None:
            member = self._prefix + name
            try:
                size = self._zip.getinfo(member).file_size
                if size <= FILE_LIMIT:
                    return _Guarded(self._zip.open(member), self.where(name))
            except Exception as error:  # zipfile raises many kinds (RuntimeError, NotImplementedError, zlib.error...)
                raise ReleaseError(_zip_problem(self.where(name), error)) from None
        else:
            assert self._folder is not None
            try:
                handle = (self._folder / name).open("rb")
                size = os.fstat(handle.fileno()).st_size
            except OSError as error:
                raise self.unreadable(name, error) from None
            if size <= FILE_LIMIT:
                return handle
            handle.close()
        raise ReleaseError(
            f"{self.where(name)}: {size:,} bytes, more than a release file can hold "
            f"(careercli reads at most {FILE_LIMIT // (1024 * 1024)} MB a file)"
        )

    def raw_bytes(self, name: str, limit: int = -1) -> bytes:
        """A whole file (at most :data:`FILE_LIMIT` bytes, as :meth:`stream` allows), or its first ``limit`` bytes."""
        with self.stream(name) as handle:
            return handle.read(limit)

    def where(self, name: str) -> str:
        """Where the file ``name`` of the release is, for a message."""
        if self._zip is not None:
            return f"{name} in {self.path}"
        assert self._folder is not None
        return str(self._folder / name)

    def unreadable(self, name: str, error: OSError) -> ReleaseError:
        return ReleaseError(f"cannot read {self.where(name)}: {error.strerror or error}")

    def header(self, name: str) -> list[str]:
        try:
            with self.stream(name) as handle:
                return next(_reader(_lines(handle, name)), [])
        except OSError as error:
            raise self.unreadable(name, error) from None

    def rows(self, name: str) -> Iterator[Row]:
        """The rows of ``name`` with its :data:`COLUMNS` selected; the header and every row are checked. A file
        that cannot be read is a ReleaseError that names it."""
        try:
            yield from self._rows(name)
        except OSError as error:
            raise self.unreadable(name, error) from None

    def _rows(self, name: str) -> Iterator[Row]:
        import csv

        wanted = COLUMNS[name]
        with self.stream(name) as handle:
            reader = _reader(_lines(handle, name))
            try:
                header = next(reader, None)
                if header is None:
                    raise ReleaseError(f"{name}:1: the file is empty (expected a header row)")
                header = [h.strip() for h in header]
                absent = [c for c in wanted if c not in header]
                if absent:
                    raise ReleaseError(
                        f"{name}:1: wrong header: no column {', '.join(repr(c) for c in absent)}",
                        f"expected the columns {', '.join(wanted)} (is this an O*NET text release?)",
                    )
                positions = [header.index(c) for c in wanted]
                codes = [i for i, c in enumerate(wanted) if c in CODE_COLUMNS]
                width = len(header)
                for record in reader:
                    line = reader.line_num
                    if not record or record == [""]:
                        continue
                    if len(record) != width:
                        raise ReleaseError(
                            f"{name}:{line}: malformed row: {len(record)} tab-separated fields, the header has {width}"
                        )
                    values = tuple(record[p] for p in positions)
                    for i in codes:
                        if not CODE_RE.match(values[i]):
                            raise ReleaseError(f"{name}:{line}: bad O*NET-SOC code {values[i][:40]!r} in '{wanted[i]}'")
                    yield Row(name, line, values)
            except csv.Error as error:
                raise ReleaseError(f"{name}:{reader.line_num}: {error}") from None

    def _read_version(self) -> str:
        if self.has(README):
            text = self.raw_bytes(README, README_LIMIT).decode("utf-8", "replace")
            match = VERSION_RE.search(text)
            if match:
                return match.group(1)
        for part in (self.path.name, self._prefix, self._folder.name if self._folder else ""):
            match = FOLDER_VERSION_RE.search(part)
            if match:
                return f"{match.group(1)}.{match.group(2)}"
        return ""


def _lines(handle: Stream, name: str) -> Iterator[str]:
    """The lines of a file as text, endings kept for the csv module; a UTF-8 BOM dropped. A line longer than
    :data:`LINE_LIMIT` or with a carriage return inside it is a :class:`ReleaseError` with its line."""
    number = 0
    while raw := handle.readline(LINE_LIMIT + 1):
        number += 1
        if len(raw) > LINE_LIMIT:
            raise ReleaseError(
                f"{name}:{number}: a line longer than {LINE_LIMIT // (1024 * 1024)} MB (not an O*NET text file)"
            )
        body = raw[:-1] if raw.endswith(b"\n") else raw
        if b"\r" in body[:-1]:
            raise ReleaseError(
                f"{name}:{number}: a carriage return (CR) inside the line; O*NET lines end with CRLF or LF"
            )
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise ReleaseError(f"{name}:{number}: not UTF-8 text") from None
        yield text.removeprefix("\ufeff") if number == 1 else text


class _Guarded:
    """A zip member being read: what zipfile raises on a damaged or encrypted member becomes a
    :class:`ReleaseError` naming the zip and the member."""

    def __init__(self, handle: IO[bytes], where: str) -> None:
        self._handle = handle
        self._where = where

    def readline(self, limit: int = -1) -> bytes:
        try:
            return self._handle.readline(limit)
        except Exception as error:
            raise ReleaseError(_zip_problem(self._where, error)) from None

    def read(self, limit: int = -1) -> bytes:
        try:
            return self._handle.read(limit)
        except Exception as error:
            raise ReleaseError(_zip_problem(self._where, error)) from None

    def close(self) -> None:
        self._handle.close()

    def __enter__(self) -> _Guarded:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _zip_problem(where: str, error: Exception) -> str:
    """One line for what zipfile raised on a member: encrypted, an unknown compression, or damaged."""
    text = str(error)
    if "encrypt" in text.lower() or "password" in text.lower():
        return f"{where}: encrypted (password-protected); give a zip without a password, or the extracted folder"
    if isinstance(error, NotImplementedError):
        return f"{where}: compressed with a method careercli cannot read; give the extracted folder"
    if "CRC" in text:
        detail = "its CRC-32 checksum does not match"
    elif "differ" in text:
        detail = "its local header names another file"
    else:
        detail = text[:200] or type(error).__name__
    return f"{where}: damaged ({detail}); download the release again"


def _reader(handle: Iterator[str]) -> Any:  # csv's reader type is private
    import csv

    return csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE, strict=True)


def _folder_with_occupations(path: Path) -> Path | None:
    if (path / OCCUPATIONS).is_file():
        return path
    inner = [p for p in path.iterdir() if p.is_dir() and (p / OCCUPATIONS).is_file()]
    return inner[0] if len(inner) == 1 else None


def credit(version: str) -> str:
    """The credit line O*NET asks for, with the release version filled in."""
    name = f"O*NET {version} Database" if version else "O*NET Database"
    return (
        f"This product includes information from the {name} by the U.S. Department of Labor, Employment and "
        "Training Administration (USDOL/ETA). Used under the CC BY 4.0 license. O*NET® is a trademark of USDOL/ETA. "
        "careercli has modified all or some of this information. USDOL/ETA has not approved, endorsed, or tested "
        "these modifications."
    )
