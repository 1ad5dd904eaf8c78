"""Every user-state path in one place. Nothing here creates a folder: only the write path does.

The platform's variables move them (XDG_CONFIG_HOME, XDG_DATA_HOME, XDG_CACHE_HOME on Linux, and on macOS
with platformdirs 4.6 or newer); CAREERCLI_PACKS adds pack folders.
"""

from __future__ import annotations

import os
from pathlib import Path

APP = "careercli"


def config_dir() -> Path:
    from platformdirs import user_config_path

    return user_config_path(APP)


def profile_path() -> Path:
    return config_dir() / "profile.toml"


def data_dir() -> Path:
    from platformdirs import user_data_path

    return user_data_path(APP)


def packs_dirs() -> list[Path]:
    """The pack folders: the user's own, then each folder named in CAREERCLI_PACKS, in order."""
    folders = [data_dir() / "packs"]
    extra = os.environ.get("CAREERCLI_PACKS", "")
    folders += [Path(part).expanduser() for part in extra.split(os.pathsep) if part.strip()]
    return folders


def cache_dir() -> Path:
    from platformdirs import user_cache_path

    return user_cache_path(APP)
