"""The bundled O*NET extract's database, shipped prebuilt: ``data/onet.sqlite`` beside the extract ``data/onet/``.

``scripts/build_onet_extract.py`` writes it with the extract (``--database`` rebuilds it alone from ``data/onet``),
and a data test checks that it holds what the extract gives. It is part of the package like its code, so it is
opened read-only in place (sqlite reads only the pages a query needs) and nothing about it is written to the
cache folder. Without it (a checkout where it was removed) the extract is read into memory for this command.
Standard library only.
"""

from __future__ import annotations

import os
import sqlite3

from careercli.onet.db import SCHEMA_VERSION, build_bytes, bundled_extract_folder, connect, user_db_file
from careercli.onet.release import OCCUPATIONS, Release
from careercli.paths import file_uri, is_file, plain

NAME = "onet.sqlite"  # in the data folder, beside the extract's folder


def database_file(extract: str | os.PathLike[str] | None = None) -> str:
    """Where the prebuilt database of ``extract`` (default: the bundled one) lives: beside its folder."""
    extract = bundled_extract_folder() if extract is None else plain(extract)
    return os.path.join(os.path.dirname(os.path.abspath(extract)), NAME)


def _open_prebuilt(path: str) -> sqlite3.Connection | None:
    """The prebuilt database opened read-only in place, when it exists and has this code's schema."""
    if not os.path.isfile(path):
        return None
    try:
        db = sqlite3.connect(f"{file_uri(path)}?mode=ro&immutable=1", uri=True)
    except sqlite3.Error:
        return None
    try:
        found = db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
    except sqlite3.Error:
        found = None
    if found is None or found[0] != SCHEMA_VERSION:
        db.close()
        return None
    return db


def open_bundled(extract: str | os.PathLike[str] | None = None) -> sqlite3.Connection | None:
    """The extract's database: the prebuilt file when it is there, else the extract read into memory; None when
    there is no extract."""
    extract = bundled_extract_folder() if extract is None else plain(extract)
    if not os.path.isfile(os.path.join(extract, OCCUPATIONS)):
        return None
    if (db := _open_prebuilt(database_file(extract))) is not None:
        return db
    with Release(extract) as release:
        data = build_bytes(release)
    db = sqlite3.connect(":memory:")
    db.deserialize(data)
    return db


def current() -> sqlite3.Connection | None:
    """The database commands read: the user's import when present, else the bundled extract's; None if neither."""
    user = user_db_file()
    if is_file(user):
        return connect(user)
    return open_bundled()
