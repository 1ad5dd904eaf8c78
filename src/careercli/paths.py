"""Every user-state path in one place. Nothing here creates a folder: only the write path does.

On Linux the folders follow the XDG rules exactly as ``platformdirs`` does (``XDG_CONFIG_HOME``,
``XDG_DATA_HOME``, ``XDG_CACHE_HOME``, else ``~/.config``, ``~/.local/share``, ``~/.cache``), computed with the
standard library so that the start-up replay can use them without importing anything (a test compares them
with platformdirs). Elsewhere platformdirs answers. ``CAREERCLI_PACKS`` adds pack folders.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP = "careercli"


def _xdg(variable: str, default: str) -> Path:
    value = os.environ.get(variable, "").strip()
    return Path(value if value else os.path.join(os.path.expanduser("~"), default)) / APP


def config_dir() -> Path:
    if sys.platform.startswith("linux"):
        return _xdg("XDG_CONFIG_HOME", ".config")
    from platformdirs import user_config_path

    return user_config_path(APP)


def data_dir() -> Path:
    if sys.platform.startswith("linux"):
        return _xdg("XDG_DATA_HOME", os.path.join(".local", "share"))
    from platformdirs import user_data_path

    return user_data_path(APP)


def cache_dir() -> Path:
    if sys.platform.startswith("linux"):
        return _xdg("XDG_CACHE_HOME", ".cache")
    from platformdirs import user_cache_path

    return user_cache_path(APP)


def profile_path() -> Path:
    return config_dir() / "profile.toml"


def config_path() -> Path:
    """The user's preferences (``config.toml`` beside the profile)."""
    return config_dir() / "config.toml"


def packs_dirs() -> list[Path]:
    """The pack folders: the user's own, then each folder named in CAREERCLI_PACKS, in order."""
    folders = [data_dir() / "packs"]
    extra = os.environ.get("CAREERCLI_PACKS", "")
    folders += [Path(part).expanduser() for part in extra.split(os.pathsep) if part.strip()]
    return folders
