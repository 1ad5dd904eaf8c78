"""Every path in one place (user state, bundled data, packs). Only ``usable_folder(create=True)`` makes a folder.

On Linux the folders follow the XDG rules exactly as ``platformdirs`` does (``XDG_CONFIG_HOME``,
``XDG_DATA_HOME``, ``XDG_CACHE_HOME``, else ``~/.config``, ``~/.local/share``, ``~/.cache``), computed with the
standard library so that the start-up replay can use them without importing anything (a test compares them
with platformdirs). Elsewhere platformdirs answers. ``CAREERCLI_PACKS`` adds pack folders.

Each path comes as a ``Path`` and, for the start-up replay, as a plain string (``*_folder``, ``*_file``): the
string forms do not import pathlib, which costs a replay a quarter of its time.
"""

from __future__ import annotations

import os
import sys

TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path

APP = "careercli"


def _xdg(variable: str, default: str) -> str:
    value = os.environ.get(variable, "").strip()
    return os.path.join(value if value else os.path.join(os.path.expanduser("~"), default), APP)


def config_folder() -> str:
    if sys.platform.startswith("linux"):
        return _xdg("XDG_CONFIG_HOME", ".config")
    from platformdirs import user_config_dir

    return user_config_dir(APP)


def data_folder() -> str:
    if sys.platform.startswith("linux"):
        return _xdg("XDG_DATA_HOME", os.path.join(".local", "share"))
    from platformdirs import user_data_dir

    return user_data_dir(APP)


def cache_folder() -> str:
    if sys.platform.startswith("linux"):
        return _xdg("XDG_CACHE_HOME", ".cache")
    from platformdirs import user_cache_dir

    return user_cache_dir(APP)


def profile_file() -> str:
    return os.path.join(config_folder(), "profile.toml")


def config_file() -> str:
    """The user's preferences (``config.toml`` beside the profile)."""
    return os.path.join(config_folder(), "config.toml")


def onet_import_file() -> str:
    """The database ``career data import-onet`` writes (``onet/onet.sqlite`` in the data folder)."""
    return os.path.join(data_folder(), "onet", "onet.sqlite")


def packs_folders() -> list[str]:
    """The pack folders: the user's own, then each folder named in CAREERCLI_PACKS, in order."""
    folders = [os.path.join(data_folder(), "packs")]
    extra = os.environ.get("CAREERCLI_PACKS", "")
    folders += [os.path.expanduser(part) for part in extra.split(os.pathsep) if part.strip()]
    return folders


# --- the bundled data and the packs ----------------------------------------------------------------------------

BUNDLED_FILES = ("skills.toml", "roles.toml", "books.toml")


def bundled_data_folder() -> str:
    """The folder of the curated data: inside the installed package, or ``data/`` of a source checkout."""
    here = os.path.dirname(os.path.realpath(__file__))
    packaged = os.path.join(here, "data")
    if os.path.isdir(packaged):
        return packaged
    return os.path.join(os.path.dirname(os.path.dirname(here)), "data")


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


def plain(text: str | os.PathLike[str]) -> str:
    """``text`` as ``str(Path(text))`` writes it (repeated and trailing slashes and ``.`` parts dropped), without
    importing pathlib: the same names in messages and keys whichever form a caller holds."""
    text = os.fspath(text)
    if os.name != "posix":  # pragma: no cover - exercised on Windows only
        return str(_path(text))
    root = "//" if text[:2] == "//" and text[2:3] != "/" else "/" if text[:1] == "/" else ""
    return root + "/".join(part for part in text.split("/") if part and part != ".") or "."


def is_file(path: str | os.PathLike[str]) -> bool:
    """``Path(path).is_file()``: False for a missing name or a link loop; any other failure to stat is raised."""
    import errno
    import stat

    try:
        st = os.stat(path)
    except OSError as error:
        if error.errno in (errno.ENOENT, errno.ENOTDIR, errno.EBADF, errno.ELOOP):
            return False
        raise
    except ValueError:
        return False
    return stat.S_ISREG(st.st_mode)


_URI_SAFE = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-~/")


def file_uri(path: str | os.PathLike[str]) -> str:
    """``Path(path).as_uri()`` without pathlib (and urllib): ValueError for a relative path, as it raises."""
    text = plain(path)
    if os.name != "posix":  # pragma: no cover - exercised on Windows only
        return _path(text).as_uri()
    if not text.startswith("/"):
        raise ValueError("relative path can't be expressed as a file URI")
    return "file://" + "".join(chr(byte) if byte in _URI_SAFE else f"%{byte:02X}" for byte in os.fsencode(text))


def _path(text: str) -> Path:
    from pathlib import Path

    return Path(text)


def config_dir() -> Path:
    return _path(config_folder())


def data_dir() -> Path:
    return _path(data_folder())


def cache_dir() -> Path:
    return _path(cache_folder())


def profile_path() -> Path:
    return _path(profile_file())


def config_path() -> Path:
    """The user's preferences (``config.toml`` beside the profile)."""
    return _path(config_file())


def packs_dirs() -> list[Path]:
    """The pack folders: the user's own, then each folder named in CAREERCLI_PACKS, in order."""
    return [_path(folder) for folder in packs_folders()]


def owned(st: os.stat_result) -> bool:
    """The file or folder ``st`` describes belongs to this user (always True where there are no user ids)."""
    return not hasattr(os, "getuid") or st.st_uid == os.getuid()


def usable_folder(folder: str | os.PathLike[str], create: bool) -> bool:
    """True when ``folder`` is a real folder of this user (created 0700 when ``create``, and each missing parent
    too); never follows a link."""
    import contextlib
    import stat

    folder = plain(folder)
    try:
        st = os.lstat(folder)
    except FileNotFoundError:
        if not create:
            return False
        missing = [folder]
        while not os.path.lexists(parent := os.path.dirname(missing[-1])) and parent != missing[-1]:
            missing.append(parent)
        try:
            for path in reversed(missing):
                os.mkdir(path, 0o700)
            st = os.lstat(folder)
        except OSError:
            return False
    except OSError:
        return False
    if not stat.S_ISDIR(st.st_mode) or not owned(st):
        return False
    if create and stat.S_IMODE(st.st_mode) & 0o077:
        with contextlib.suppress(OSError):
            os.chmod(folder, 0o700)
    return True
