"""Clearing careercli's cache folder: only the entries careercli itself writes there, never following a symbolic
link (a link is removed as a link; a folder that is a link is refused). Standard library only."""

from __future__ import annotations

import os
import shutil
import stat

from careercli.errors import CareerError

# what careercli keeps in its cache folder: the catalogue database (and SQLite's side files), saved output for
# the replay (and its previous format), the completion snapshot and its value lists, the O*NET extract's database,
# the digest of the code that earlier versions remembered
OWN_FILES = ("catalogue.sqlite3", "catalogue.sqlite3-journal", "catalogue.sqlite3-wal", "catalogue.sqlite3-shm",
             "completion.marshal", "completion-values.sqlite3", "code-digest")  # fmt: skip
OWN_FOLDERS = ("replay", "output", "onet")  # onet: the O*NET database copies of earlier versions


def _remove(path: str) -> None:
    info = os.lstat(path)
    if stat.S_ISDIR(info.st_mode):  # a real folder (lstat: a link to a folder is not one)
        shutil.rmtree(path)  # removes links inside as links, never their targets
    else:
        os.unlink(path)


def clear(folder: str | None = None) -> tuple[list[str], str]:
    """Remove careercli's entries from the cache ``folder`` (default: the user's); the names removed and the
    folder."""
    if folder is None:
        from careercli.paths import cache_folder

        folder = cache_folder()
    try:
        info = os.lstat(folder)
    except FileNotFoundError:
        return [], folder
    except OSError as error:
        raise CareerError(f"cannot read the cache folder {folder}: {error.strerror or error}") from None
    if stat.S_ISLNK(info.st_mode):
        raise CareerError(f"the cache folder {folder} is a symbolic link; careercli does not follow it",
                          "remove the files yourself, or point XDG_CACHE_HOME at a real folder")  # fmt: skip
    removed = []
    for name in (*OWN_FILES, *OWN_FOLDERS):
        path = os.path.join(folder, name)
        try:
            _remove(path)
        except FileNotFoundError:
            continue
        except OSError as error:
            raise CareerError(f"cannot remove {path}: {error.strerror or error}") from None
        removed.append(name)
    return removed, folder
