"""The user's preferences: ``config.toml`` beside the profile, read with tomllib. careercli writes it only for
``career config set`` and ``unset`` (:func:`set_value`), through tomlkit so that the comments and layout a user
keeps in it are never lost. A command-line option always wins over the file.

Keys (all optional)::

    color = "auto"     # auto, always or never: as --color
    pager = true       # true: as --pager, false: as --no-pager; unset: page long pages on a terminal
    show_books = 10    # how many books `career show` lists by fit (0: all)

An unknown key, a wrong type or a file that does not parse stops the command with the file, the key and what is
expected (exit 1); the file is left as it is. It is read and rewritten as the profile is (:mod:`careercli.user_files`):
a UTF-8 BOM is accepted and kept, nesting is bounded, and only a regular file is read (never a FIFO).
"""

from __future__ import annotations

import os

from careercli.errors import CareerError
from careercli.records import record

TYPE_CHECKING = False  # typing imports re, enum and collections at run time: piped listings need none
if TYPE_CHECKING:
    from typing import Any

COLORS = ("auto", "always", "never")
VALUES = {"color": COLORS, "pager": ("true", "false")}  # the keys with a few values (completion offers them)
DOCS = {
    "color": "colour: auto, always or never (as --color)",
    "pager": "true pages long output (as --pager), false never (as --no-pager); unset: long pages on a terminal",
    "show_books": "how many books 'career show' lists by fit (0: all)",
}


class ConfigError(CareerError):
    """The preferences file cannot be read or holds a value careercli does not understand."""


@record
class Settings:
    color: str = "auto"
    pager: bool | None = None
    show_books: int = 10
    path: str = ""  # where they were read from ("" when there is no file)
    given: tuple[str, ...] = ()  # the keys the file sets


def _check(path: str, key: str, value: Any) -> Any:
    def bad(expected: str) -> ConfigError:
        shown = repr(value) if len(repr(value)) <= 40 else repr(value)[:39] + "…"  # a typo, not a screenful
        return ConfigError(f"{path}: '{key}' must be {expected}, not {shown}", f"keys: {', '.join(DOCS)}")

    if key == "color":
        if value not in COLORS:
            raise bad("one of " + ", ".join(f'"{c}"' for c in COLORS))
    elif key == "pager":
        if not isinstance(value, bool):
            raise bad("true or false")
    elif key == "show_books" and (isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 10_000):
        raise bad("a whole number from 0 to 10000")
    return value


def parse_value(key: str, text: str) -> Any:
    """A value typed on the command line (``career config set KEY VALUE``) as the TOML value the file holds."""
    if key not in DOCS:
        raise ConfigError(f"unknown key '{key}'", f"keys: {', '.join(DOCS)}")
    value: Any = text
    if key == "pager":
        value = {"true": True, "false": False}.get(text.strip().lower(), text)
    elif key == "show_books" and text.strip().isdigit():
        try:
            value = int(text)
        except ValueError:  # a digit int() does not read (²), or more digits than it reads: refused below
            value = text
    return _check("config.toml", key, value)


def set_value(key: str, value: Any, path: str | None = None) -> str:
    """Set (or, with ``value`` None, remove) one key in config.toml, keeping every comment and the rest of the
    file. Under the file's lock the file is read again and only this key changes, so parallel ``config set``
    runs keep each other's keys; the file is replaced atomically (where it really lives, through a symlink) and
    only after the new text reads back as valid settings. Returns the file's path. A file that does not parse
    is left as it is (ConfigError)."""
    from careercli import user_files

    if path is None:
        from careercli.paths import config_file

        path = config_file()
    where = path

    def new_text(raw: bytes | None) -> str | None:
        import tomlkit  # only this write path needs it

        if raw is None:
            if value is None:
                return None  # nothing to remove: no file is made for it
            document = tomlkit.document()
        else:
            _settings_in(where, raw)  # the current file must be valid: never rewrite what the user must fix first
            document = tomlkit.parse(user_files.text(where, raw, ConfigError))
        if value is None:
            document.pop(key, None)
        else:
            document[key] = value
        text = tomlkit.dumps(document)
        _settings_in(where, text.encode("utf-8"))  # what tomlkit wrote must read back as valid settings
        return text

    user_files.rewrite(path, new_text, ConfigError, "config")
    return os.fspath(path)


def _settings_in(path: str | os.PathLike[str], raw: bytes) -> dict[str, Any]:
    """The settings the file's bytes hold, checked; ConfigError for anything careercli does not understand (read
    as the profile is: a BOM is not data, nesting is bounded)."""
    from careercli import user_files

    document = user_files.parse(path, raw, ConfigError)
    known = set(Settings.__match_args__) - {"path", "given"}  # its fields, without importing dataclasses
    unknown = sorted(set(document) - known)
    if unknown:
        raise ConfigError(f"{path}: unknown key '{unknown[0]}'", f"keys: {', '.join(DOCS)}")
    return {key: _check(os.fspath(path), key, value) for key, value in document.items()}


def load_settings(path: str | None = None) -> Settings:
    """The settings in ``path`` (default: ``config.toml`` beside the profile); the defaults when it is missing."""
    from careercli import user_files

    if path is None:
        from careercli.paths import config_file

        path = config_file()
    raw = user_files.read(path, ConfigError)
    if raw is None:
        return Settings()
    values = _settings_in(path, raw)
    return Settings(**values, path=os.fspath(path), given=tuple(values))
