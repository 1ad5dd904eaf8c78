"""The store of the bundled catalogue, shipped prebuilt (``data/catalogue.sqlite3``): a first view in a new home,
or after ``career cache clear``, copies it instead of reading and checking every data file.

``scripts/build_catalogue_store.py`` writes it with two rows of its own: the package's modules that were loaded
to make it, and a digest of their bytes and of the bundled data files. It is copied into the cache folder, under
the store's own key (``careercli.cachekey``), only when the catalogue is the bundled data alone and that digest
still matches: after an edit to one of those modules or data files it is not used (the catalogue is built as
without it), and tests/test_catalogue_seed.py fails until the script is run again. Standard library only.
"""

from __future__ import annotations

import marshal
import os
import sqlite3

from careercli.cachekey import hasher
from careercli.catalogue.store import Damaged, Store, write_store
from careercli.paths import BUNDLED_FILES, bundled_data_folder, file_uri

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable

NAME = "catalogue.sqlite3"  # in the bundled data folder
MODULES, IDENTITY = "seed:modules", "seed:identity"  # its own rows, not copied


def package_folder() -> str:
    return os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def identity(modules: Iterable[str], package: str | None = None, data: str | None = None) -> str:
    """A digest of the bytes of ``modules`` (paths in the package folder) and of the bundled data files."""
    digest = hasher(b"careercli-seed")
    for folder, names in ((package or package_folder(), modules), (data or bundled_data_folder(), BUNDLED_FILES)):
        for name in names:
            with open(os.path.join(folder, name), "rb") as file:
                content = file.read()
            for part in (name.encode("utf-8", "surrogateescape"), content):
                digest.update(len(part).to_bytes(8, "little") + part)
    return digest.hexdigest()


def plant(folder: str, key: str, seed: str | None = None) -> bool:
    """Copy the shipped store into ``folder`` under ``key`` when it was made from this code and data; False when
    it is missing, damaged or stale (then the caller builds the catalogue)."""
    seed = seed or os.path.join(bundled_data_folder(), NAME)
    try:
        store = Store(sqlite3.connect(f"{file_uri(seed)}?mode=ro&immutable=1", uri=True), seed)
    except (sqlite3.Error, ValueError):
        return False
    try:
        if marshal.loads(store.get(IDENTITY)) != identity(marshal.loads(store.get(MODULES))):
            return False
        rows = [(name, data) for name, data in store.prefixed("") if name not in (MODULES, IDENTITY, "key")]
    except (Damaged, KeyError, ValueError, EOFError, TypeError, OSError):
        return False
    finally:
        store.close()
    write_store(folder, key, rows)
    return True
