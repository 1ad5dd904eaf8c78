"""The user's preferences: ``config.toml`` beside the profile, read with tomllib. careercli writes it only for
``career config set`` and ``unset`` (:func:`set_value`), through tomlkit so that the comments and layout a user
keeps in it are never lost. A command-line option always wins over the file.

Keys (all optional)::

    color = "auto"     # auto, always or never: as --color
    pager = true       # true: as --pager, false: as --no-pager; unset: page long pages on a terminal
    show_books = 10    # how many books `career show` lists by fit (0: all)

An unknown key, a wrong type or a file that does not parse stops the command with the file, the key and what is
expected (exit 1); the file is left as it is. Standard library only.
"""

from __future__ import annotations

import os
from typing import Any

from careercli.errors import CareerError
from careercli.records import record

COLORS = ("auto", "always", "never")
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


def _check(path: str, key: str, value: Any) -> Any:
    def bad(expected: str) -> ConfigError:
        return ConfigError(f"{path}: '{key}' must be {expected}, not {value!r}", f"keys: {', '.join(DOCS)}")

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
    elif key == "show_books":
        value = int(text) if text.strip().isdigit() else text
    return _check("config.toml", key, value)


def set_value(key: str, value: Any, path: str | None = None) -> str:
    """Set (or, with ``value`` None, remove) one key in config.toml, keeping every comment and the rest of the
    file; the file is replaced atomically and only after the new text reads back as valid settings. Returns the
    file's path. A file that does not parse is left as it is (ConfigError)."""
    import tomlkit  # only this write path needs it

    from careercli.atomic import write_atomically

    if path is None:
        from careercli.paths import config_file

        path = config_file()
    load_settings(path)  # the current file must be valid: never rewrite what the user must fix first
    try:
        with open(path, encoding="utf-8") as handle:
            document = tomlkit.parse(handle.read())
    except FileNotFoundError:
        document = tomlkit.document()
    if value is None:
        document.pop(key, None)
    else:
        document[key] = value
    text = tomlkit.dumps(document)
    import tomllib

    values = tomllib.loads(text)  # what tomlkit wrote must read back as the settings we meant
    for name, held in values.items():
        _check(os.fspath(path), name, held)
    try:
        write_atomically(path, text.encode("utf-8"), fsync=True, make_parents=True)
    except OSError as error:
        raise ConfigError(f"cannot write {path}: {error.strerror or error}") from None
    return os.fspath(path)


def load_settings(path: str | None = None) -> Settings:
    """The settings in ``path`` (default: ``config.toml`` beside the profile); the defaults when it is missing."""
    if path is None:
        from careercli.paths import config_file

        path = config_file()
    try:
        with open(path, "rb") as handle:
            raw = handle.read()
    except FileNotFoundError:
        return Settings()
    except OSError as error:
        raise ConfigError(f"cannot read {path}: {error.strerror or error}") from None
    import tomllib

    try:
        document = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        hint = "fix it or remove it; careercli never rewrites it"
        raise ConfigError(f"{path}: not valid TOML ({error})", hint) from None
    known = set(Settings.__match_args__) - {"path"}  # its fields, without importing dataclasses
    unknown = sorted(set(document) - known)
    if unknown:
        raise ConfigError(f"{path}: unknown key '{unknown[0]}'", f"keys: {', '.join(DOCS)}")
    values = {key: _check(path, key, value) for key, value in document.items()}
    return Settings(**values, path=os.fspath(path))
