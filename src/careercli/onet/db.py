"""An O*NET release as one sqlite3 database: built once from the text files, then only read.

:func:`build` reads a :class:`~careercli.onet.release.Release` and writes the database to a temporary file in
the target's folder, which replaces the target only when everything was read (a failed import leaves the old
database, or nothing, behind). :func:`connect` opens one (every query reads all its rows at once, so a damaged file is
one error naming it); :func:`careercli.onet.bundled.current` picks the database a command should use: the user's
import when there is one, else the bundled extract's. Standard library only.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
from collections.abc import Callable, Iterator

from careercli.errors import CareerError, MalformedImport
from careercli.onet.release import COLUMNS, OCCUPATIONS, Release, ReleaseError, Row
from careercli.paths import file_uri, plain
from careercli.records import record

TYPE_CHECKING = False  # typing imports re, enum and collections at run time: piped listings need none
if TYPE_CHECKING:
    from pathlib import Path  # a first view names files as text (tests/test_import_budget.py)
    from typing import Any

SCHEMA_VERSION = "1"
DB_NAME = "onet.sqlite"

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE occupation (
    code TEXT PRIMARY KEY, title TEXT NOT NULL, description TEXT NOT NULL, norm TEXT NOT NULL,
    job_zone INTEGER, education TEXT, education_percent REAL
);
CREATE TABLE job_zone (
    zone INTEGER PRIMARY KEY, name TEXT NOT NULL, experience TEXT NOT NULL, education TEXT NOT NULL,
    training TEXT NOT NULL
);
CREATE TABLE task (code TEXT NOT NULL, position INTEGER NOT NULL, task_id INTEGER, text TEXT NOT NULL, core INTEGER);
CREATE TABLE technology (
    code TEXT NOT NULL, position INTEGER NOT NULL, name TEXT NOT NULL, commodity TEXT NOT NULL,
    hot INTEGER NOT NULL, in_demand INTEGER NOT NULL
);
CREATE TABLE title (code TEXT NOT NULL, title TEXT NOT NULL, kind TEXT NOT NULL, norm TEXT NOT NULL);
CREATE TABLE related (code TEXT NOT NULL, related TEXT NOT NULL, tier TEXT NOT NULL, position INTEGER NOT NULL);
CREATE TABLE interest (code TEXT NOT NULL, name TEXT NOT NULL, value REAL NOT NULL);
"""
INDEXES = """
CREATE INDEX occupation_norm ON occupation (norm);
CREATE INDEX task_code ON task (code, position);
CREATE INDEX technology_code ON technology (code, position);
CREATE INDEX title_norm ON title (norm);
CREATE INDEX title_code ON title (code);
CREATE INDEX related_code ON related (code, position);
CREATE INDEX interest_code ON interest (code);
"""

_SPACE = re.compile(r"[\s\-\u2010-\u2015_]+")

Progress = Callable[[str, int, int], None]  # (file name, files done, files in all)


def normalise(text: str) -> str:
    """How names are compared: case folded, hyphens and runs of spaces made one space."""
    return _SPACE.sub(" ", text.casefold()).strip()


@record
class Summary:
    """What an import holds."""

    version: str
    occupations: int
    tasks: int
    technologies: int
    missing: tuple[str, ...] = ()

    def line(self) -> str:
        version = f"O*NET {self.version}" if self.version else "O*NET (version unknown)"
        return (
            f"Imported {version}: {self.occupations:,} occupations, {self.tasks:,} tasks, "
            f"{self.technologies:,} technologies"
        )


# -- building -------------------------------------------------------------------------------------------------
def build(release: Release, target: str | os.PathLike[str], progress: Progress | None = None) -> Summary:
    """Read ``release`` into a new database at ``target``, replacing it only when all of it was read."""
    import tempfile
    from pathlib import Path

    from careercli.atomic import prune_stale

    target = Path(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        prune_stale(target.parent, ".onet-", ".tmp")  # an import that was killed can leave hundreds of MB
        handle, temp = tempfile.mkstemp(prefix=".onet-", suffix=".tmp", dir=target.parent)
        os.close(handle)
    except OSError as error:
        raise _unwritable(target, error) from None
    try:
        connection = sqlite3.connect(temp)
        try:
            summary = _fill(connection, release, progress or (lambda *_: None))
            connection.commit()
        finally:
            connection.close()
        os.replace(temp, target)
    except (sqlite3.Error, OSError) as error:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise _unwritable(target, error) from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    return summary


def _unwritable(target: Path, error: sqlite3.Error | OSError) -> CareerError:
    """A full disk, a file size limit, a read-only folder: one line naming the import (the earlier one stays)."""
    import errno

    if isinstance(error, OSError):
        full = error.errno in (errno.ENOSPC, errno.EFBIG, errno.EDQUOT)
        reason = "disk full" if full else (error.strerror or str(error))
    else:  # sqlite: "database or disk is full" (ENOSPC), "disk I/O error" (a write refused, as past ulimit -f)
        text = str(error)
        reason = (
            "disk full" if "full" in text else f"disk full or a file size limit ({text})" if "I/O" in text else text
        )
    return CareerError(f"cannot write the O*NET import {target}: {reason}")


def _source(release: Release) -> str:
    """Where a release was read from, for ``meta``: the user's path, or a fixed name for the bundled extract, so that
    the database careercli ships is the same whichever checkout built it."""
    path = str(release.path)
    if os.path.realpath(path) == os.path.realpath(bundled_extract_folder()):
        return "bundled extract (data/onet)"
    return path


def build_bytes(release: Release) -> bytes:
    """Read ``release`` into a database in memory; its bytes (for a cache that is checked before each use)."""
    db = sqlite3.connect(":memory:")
    try:
        _fill(db, release, lambda *_: None)
        db.commit()
        return db.serialize()
    finally:
        db.close()


def _fill(db: sqlite3.Connection, release: Release, progress: Progress) -> Summary:
    db.execute("PRAGMA journal_mode = OFF")
    db.execute("PRAGMA synchronous = OFF")
    db.executescript(SCHEMA)
    missing = tuple(release.missing())
    files = [name for name in COLUMNS if release.has(name)]
    done = 0

    def rows(name: str) -> Iterator[Row] | None:
        nonlocal done
        if not release.has(name):
            return None
        progress(name, done, len(files))
        done += 1
        return release.rows(name)

    zones: dict[str, int] = {}
    if (reader := rows("Job Zones.txt")) is not None:
        for row in reader:
            zones[row.values[0]] = _int(row, row.values[1], 1, 5, "job zone")
    if (reader := rows("Job Zone Reference.txt")) is not None:
        db.executemany(
            "INSERT OR REPLACE INTO job_zone VALUES (?, ?, ?, ?, ?)",
            ((_int(r, r.values[0], 1, 5, "job zone"), *r.values[1:]) for r in reader),
        )
    categories: dict[int, str] = {}
    if (reader := rows("Education, Training, and Experience Categories.txt")) is not None:
        for row in reader:
            _element, scale, category, text = row.values
            if scale == "RL":
                categories[_int(row, category, 0, 10_000, "category")] = text
    best: dict[str, tuple[float, int]] = {}
    if (reader := rows("Education, Training, and Experience.txt")) is not None:
        for row in reader:
            code, _element, scale, category, value = row.values
            if scale != "RL":
                continue
            share = _float(row, value)
            number = _int(row, category, 0, 10_000, "category")
            if code not in best or share > best[code][0]:
                best[code] = (share, number)

    codes: set[str] = set()

    def occupations(reader: Iterator[Row]) -> Iterator[tuple[object, ...]]:
        for row in reader:
            code, title, description = row.values
            if code in codes:
                raise row.fail(f"occupation {code} appears twice")
            if not title.strip():
                raise row.fail(f"occupation {code} has no title")
            codes.add(code)
            share, category = best.get(code, (None, None))
            education = categories.get(category) if category is not None else None
            yield code, title, description, normalise(title), zones.get(code), education, share

    reader = rows(OCCUPATIONS)
    assert reader is not None
    db.executemany("INSERT INTO occupation VALUES (?, ?, ?, ?, ?, ?, ?)", occupations(reader))
    if not codes:
        raise ReleaseError(f"{OCCUPATIONS}:2: no occupations in the file")

    counts = {"task": 0, "technology": 0}
    if (reader := rows("Task Statements.txt")) is not None:
        db.executemany("INSERT INTO task VALUES (?, ?, ?, ?, ?)", _tasks(reader, codes, counts))
    if (reader := rows("Technology Skills.txt")) is not None:
        db.executemany("INSERT INTO technology VALUES (?, ?, ?, ?, ?, ?)", _technologies(reader, codes, counts))
    seen: set[tuple[str, str]] = set()
    if (reader := rows("Alternate Titles.txt")) is not None:
        db.executemany("INSERT INTO title VALUES (?, ?, ?, ?)", _titles(reader, codes, seen))
    if (reader := rows("Sample of Reported Titles.txt")) is not None:
        db.executemany("INSERT INTO title VALUES (?, ?, ?, ?)", _titles(reader, codes, seen))
    if (reader := rows("Related Occupations.txt")) is not None:
        db.executemany(
            "INSERT INTO related VALUES (?, ?, ?, ?)",
            (
                (r.values[0], r.values[1], r.values[2], _int(r, r.values[3], 0, 1_000_000, "index"))
                for r in reader
                if r.values[0] in codes
            ),
        )
    if (reader := rows("Interests.txt")) is not None:
        db.executemany(
            "INSERT INTO interest VALUES (?, ?, ?)",
            (
                (r.values[0], r.values[1], _float(r, r.values[3]))
                for r in reader
                if r.values[2] == "OI" and r.values[0] in codes
            ),
        )
    progress("indexes", len(files), len(files))
    db.executescript(INDEXES)
    meta = {
        "schema": SCHEMA_VERSION,
        "version": release.version,
        "source": _source(release),
        "occupations": str(len(codes)),
        "tasks": str(counts["task"]),
        "technologies": str(counts["technology"]),
        "missing": "\t".join(missing),
    }
    db.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
    return Summary(release.version, len(codes), counts["task"], counts["technology"], missing)


def _tasks(reader: Iterator[Row], codes: set[str], counts: dict[str, int]) -> Iterator[tuple[object, ...]]:
    for position, row in enumerate(reader):
        code, task_id, text, kind = row.values
        if code not in codes:
            continue
        core = 1 if kind == "Core" else 0 if kind == "Supplemental" else None
        number = int(task_id) if task_id.isdigit() else None
        counts["task"] += 1
        yield code, position, number, text, core


def _technologies(reader: Iterator[Row], codes: set[str], counts: dict[str, int]) -> Iterator[tuple[object, ...]]:
    for position, row in enumerate(reader):
        code, name, commodity, hot, in_demand = row.values
        if code not in codes:
            continue
        counts["technology"] += 1
        yield code, position, name, commodity, int(hot == "Y"), int(in_demand == "Y")


def _titles(reader: Iterator[Row], codes: set[str], seen: set[tuple[str, str]]) -> Iterator[tuple[object, ...]]:
    for row in reader:
        code = row.values[0]
        if code not in codes:
            continue
        kind = "alternate" if row.file.startswith("Alternate") else "reported"
        names = [row.values[1]]
        if kind == "alternate" and row.values[2] not in ("", "n/a"):
            names.append(row.values[2])
        for name in names:
            key = (code, normalise(name))
            if key[1] and key not in seen:
                seen.add(key)
                yield code, name, kind, key[1]


def _int(row: Row, text: str, low: int, high: int, what: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise row.fail(f"{what} must be a whole number, not {text[:20]!r}") from None
    if not low <= value <= high:
        raise row.fail(f"{what} {value} is out of range ({low} to {high})")
    return value


def _float(row: Row, text: str) -> float:
    try:
        return float(text)
    except ValueError:
        raise row.fail(f"expected a number, not {text[:20]!r}") from None


# -- opening --------------------------------------------------------------------------------------------------
class _Rows(list):
    """A query's rows, all read at once: a damaged page fails inside :meth:`Checked.execute`, not later."""

    def fetchone(self) -> Any:
        return self[0] if self else None

    def fetchall(self) -> list[Any]:
        return list(self)


class Checked(sqlite3.Connection):
    """A connection to the user's import whose every query reads all its rows at once, so that a damaged file
    is one :class:`CareerError` naming it (and the repair) wherever a query meets the damage."""

    path = ""

    def execute(self, sql: str, parameters: Any = (), /) -> Any:
        try:
            rows = super().execute(sql, parameters).fetchall()
        except sqlite3.DatabaseError as error:
            raise CareerError(damaged(self.path, error)) from None
        for row in rows:  # careercli writes text and numbers only: a BLOB is a hand edit
            if bytes in map(type, row):
                raise MalformedImport(self.path, "a binary (BLOB) value where careercli writes text")
        return _Rows(rows)


def damaged(path: str | os.PathLike[str], error: object) -> str:
    """The one line that names a damaged import and how to repair it."""
    return f"{path}: the O*NET import is damaged ({error}); repair it with 'career data import-onet PATH'"


def connect(path: str | os.PathLike[str]) -> sqlite3.Connection:
    """Open the user's import read-only; one that is not careercli's, of another schema, or damaged is refused."""
    path = plain(path)
    try:
        db = sqlite3.connect(f"{file_uri(os.path.realpath(path))}?mode=ro", uri=True, factory=Checked)
    except sqlite3.Error as error:
        raise CareerError(damaged(path, error)) from None
    db.path = path
    try:
        meta = dict(db.execute("SELECT key, value FROM meta"))
    except (CareerError, MalformedImport):
        db.close()
        raise
    if meta.get("schema") != SCHEMA_VERSION:
        db.close()
        raise CareerError(f"{path}: the O*NET database is from another careercli version", _REIMPORT)
    for key in COUNTS:
        if not re.fullmatch(r"[0-9]{1,18}", str(meta.get(key, "0"))):
            db.close()
            raise MalformedImport(path, f"the count of {key} in its meta table is not a number")
    return db


COUNTS = ("occupations", "tasks", "technologies")


_REIMPORT = "import the release again with 'career data import-onet PATH', or 'career data remove-onet'"


def user_db_file() -> str:
    """Where the user's import lives (it need not exist), as text."""
    from careercli.paths import onet_import_file

    return plain(onet_import_file())


def user_db_path() -> Path:
    """Where the user's import lives (it need not exist)."""
    from pathlib import Path

    return Path(user_db_file())


def bundled_extract_folder() -> str:
    from careercli.paths import bundled_data_folder

    return plain(os.path.join(bundled_data_folder(), "onet"))


def summary(db: sqlite3.Connection) -> Summary:
    meta = dict(db.execute("SELECT key, value FROM meta"))
    missing = tuple(m for m in meta.get("missing", "").split("\t") if m)
    return Summary(
        meta.get("version", ""),
        int(meta.get("occupations", 0)),
        int(meta.get("tasks", 0)),
        int(meta.get("technologies", 0)),
        missing,
    )
