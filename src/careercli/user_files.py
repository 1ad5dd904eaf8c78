"""The files a user keeps and careercli rewrites, ``profile.toml`` and ``config.toml``: how both are read, parsed
and rewritten, in one place so that the two behave alike.

Reading never blocks: only a regular file is read; a named pipe, a device or a socket at the name is refused
with a message, never opened for a read that could wait forever. A UTF-8 BOM at the start (some Windows editors
add one) is not data; a rewrite keeps it. Tables and arrays nest at most :data:`MAX_DEPTH` deep, so a hostile
file is a clear error, never a RecursionError.

A rewrite (:func:`rewrite`) takes an exclusive lock (``NAME.lock`` beside the file), reads the file again under
it, lets the caller change that text, and replaces the file atomically where it really lives (through a
symlink, as dotfiles keep it), with its mode. So two ``career`` processes never lose each other's change. A
read-only file is never rewritten. Each caller passes its own error class (ProfileError, ConfigError).
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
from collections.abc import Callable, Iterable, Iterator

from careercli.errors import CareerError

TYPE_CHECKING = False  # typing imports re, enum and collections at run time: piped listings need none
if TYPE_CHECKING:
    from typing import Any

BOM = b"\xef\xbb\xbf"
MAX_DEPTH = 32  # tables and arrays inside each other; a hand-made profile or config needs three or four

LEFT = "the file was left as it is"


def _kind(mode: int) -> str | None:
    """What a file that is not a regular one is, in a few words (None for a regular file)."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"


def read(path: str | os.PathLike[str], error: type[CareerError]) -> bytes | None:
    """The bytes of the regular file at ``path``; None when there is none (or its folder cannot exist).

    Anything else at the name is ``error``: it is named, never opened for reading (a FIFO would block every
    command). The open is non-blocking too, for a file swapped between the check and the open."""
    try:
        kind = _kind(os.stat(path).st_mode)
        if kind is None:
            flags = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
            fd = os.open(path, flags)
            try:
                kind = _kind(os.fstat(fd).st_mode)
                if kind is None:
                    chunks = []
                    while chunk := os.read(fd, 1 << 20):
                        chunks.append(chunk)
                    return b"".join(chunks)
            finally:
                os.close(fd)
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as problem:
        raise error(f"{path}: cannot read: {problem.strerror or problem}") from None
    raise error(f"{path} is {kind}, not a regular file; {LEFT}", "Put a regular file there, or remove it.")


def text(path: str | os.PathLike[str], raw: bytes, error: type[CareerError]) -> str:
    """The file's text, without the BOM a Windows editor may have put in front."""
    try:
        return raw.removeprefix(BOM).decode("utf-8")
    except UnicodeDecodeError:
        raise error(f"{path}: not valid UTF-8 text; {LEFT}", "Fix or move it, then try again.") from None


def parse(path: str | os.PathLike[str], raw: bytes, error: type[CareerError]) -> dict[str, Any]:
    """The file parsed as TOML (with tomllib); ``error`` for text that is not UTF-8, not TOML or nests too deep."""
    import tomllib  # here, not at the top: a command that finds no file never needs it

    too_deep = f"{path}: tables or arrays nested more than {MAX_DEPTH} deep; {LEFT}"
    try:
        document = tomllib.loads(text(path, raw, error))
    except tomllib.TOMLDecodeError as problem:
        raise error(f"{path}: not valid TOML: {problem}; {LEFT}", "Fix or move it, then try again.") from None
    except RecursionError:
        raise error(too_deep) from None
    if depth(document) > MAX_DEPTH:
        raise error(too_deep)
    return document


def depth(value: Any) -> int:
    """How deeply tables and arrays nest in ``value`` (a parsed document), counted without recursion."""
    deepest = 0
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, dict):
            children: Iterable[Any] = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        deepest = max(deepest, level + 1)
        if level + 1 > MAX_DEPTH:
            return level + 1  # deep enough to refuse; no need to walk the rest
        stack.extend((child, level + 1) for child in children)
    return deepest


def rewrite(
    path: str | os.PathLike[str],
    change: Callable[[bytes | None], str | None],
    error: type[CareerError],
    what: str,
) -> None:
    """Rewrite the file at ``path`` under its lock: ``change`` gets the bytes read under the lock (None: no file)
    and returns the new text (already checked to read back as meant), or None to leave the file as it is.

    ``what`` names the file in messages ("profile", "config"). Creates the folder; raises ``error``."""
    folder = os.path.dirname(os.fspath(path)) or "."
    try:
        os.makedirs(folder, exist_ok=True)
    except OSError as problem:
        raise error(f"cannot create the {what} folder {folder}: {problem.strerror or problem}") from None
    with _locked(path, error):
        raw = read(path, error)
        new = change(raw)
        if new is not None:
            _replace(path, raw, new, error)


@contextlib.contextmanager
def _locked(path: str | os.PathLike[str], error: type[CareerError]) -> Iterator[None]:
    lock_path = os.fspath(path) + ".lock"
    try:
        handle = open(lock_path, "a+b")  # noqa: SIM115 - held for the whole block
    except OSError as problem:
        raise error(
            f"cannot write in {os.path.dirname(lock_path) or '.'}: {problem.strerror or problem}",
            "Check the folder's permissions, or move it with XDG_CONFIG_HOME.",
        ) from None
    try:
        _lock(handle)
        yield
    finally:
        _unlock(handle)
        handle.close()


def _replace(path: str | os.PathLike[str], raw: bytes | None, new: str, error: type[CareerError]) -> None:
    """Put ``new`` in place of the file that held ``raw``: where it really lives, with its mode and its BOM."""
    from careercli.atomic import write_atomically

    # a file kept elsewhere through a symlink (dotfiles) is replaced where it really lives, the link kept
    target = os.path.realpath(path) if os.path.islink(path) else os.fspath(path)
    mode = None  # a new file is created 0600: notes and preferences are personal
    if raw is not None:
        try:
            mode = os.stat(target).st_mode & 0o7777
        except OSError:
            mode = None
        if mode is not None and not mode & 0o222:
            raise error(f"{path} is read-only, so it was left as it is; make it writable (chmod u+w) to change it")
    data = (BOM if raw is not None and raw.startswith(BOM) else b"") + new.encode("utf-8")
    try:
        write_atomically(target, data, fsync=True, mode=mode)
    except OSError as problem:
        raise error(f"cannot write {path}: {problem.strerror or problem}") from None


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only

    def _lock(handle: Any) -> None:
        import msvcrt

        handle.seek(0)
        while True:
            try:
                msvcrt.locking(handle.fileno(), msvcrt.LK_LOCK, 1)
                return
            except OSError:
                continue

    def _unlock(handle: Any) -> None:
        import msvcrt

        handle.seek(0)
        with contextlib.suppress(OSError):
            msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)

else:

    def _lock(handle: Any) -> None:
        import fcntl

        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)

    def _unlock(handle: Any) -> None:
        import fcntl

        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
