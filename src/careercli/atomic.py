"""Replacing a file so that a reader sees the old one or the new one, never a part; and writing the export."""

from __future__ import annotations

import contextlib
import os
import stat

from careercli.paths import plain

TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path


def write_atomically(
    path: str | os.PathLike[str],
    data: bytes,
    *,
    fsync: bool = False,
    mode: int | None = None,
    make_parents: bool = False,
) -> None:
    """Write ``data`` to a temporary file in the same folder and rename it over ``path``.

    Raises OSError; the temporary file never stays behind, whatever stops the write. ``fsync`` flushes the file
    and then the folder to disk (for what the user keeps), ``mode`` sets its permissions (the default is 0600,
    ``tempfile``'s), ``make_parents`` creates the folder.
    """
    import tempfile

    target = plain(path)  # pathlib is not imported for this (a first view saves its output through here)
    folder, name = os.path.dirname(target) or ".", os.path.basename(target)
    if make_parents:
        os.makedirs(folder, exist_ok=True)
    prune_stale(folder, f".{name}.", ".tmp")
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            if fsync:
                handle.flush()
                os.fsync(handle.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    if fsync:
        _fsync_folder(folder)


STALE_SECONDS = 600  # a temporary file untouched this long was left by a writer that was killed


def prune_stale(folder: str | os.PathLike[str], prefix: str, suffix: str = "", middle: str = r"[a-z0-9_]{8}") -> None:
    """Remove temporaries (``prefix`` + ``middle``, by default ``tempfile``'s 8 random characters, + ``suffix``)
    left in ``folder`` by a writer that was killed: only this user's regular files untouched for
    :data:`STALE_SECONDS`; never follows a link, never fails."""
    import re
    import time

    name = re.compile(re.escape(prefix) + middle + re.escape(suffix))
    cutoff = time.time() - STALE_SECONDS
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        for entry in entries:
            if not name.fullmatch(entry.name):
                continue
            with contextlib.suppress(OSError):
                st = entry.stat(follow_symlinks=False)
                mine = not hasattr(os, "getuid") or st.st_uid == os.getuid()
                if stat.S_ISREG(st.st_mode) and mine and st.st_mtime < cutoff:
                    os.unlink(entry.path)


def _fsync_folder(folder: str) -> None:
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _umask() -> int:
    current = os.umask(0o022)
    os.umask(current)
    return current


def _own_stream(name: str) -> int | None:
    """The descriptor when ``name`` stands for one of this process's own streams (``/dev/stdout``, ...)."""
    named = {"/dev/stdin": 0, "/dev/stdout": 1, "/dev/stderr": 2}
    if name in named:
        return named[name]
    for prefix in ("/dev/fd/", "/proc/self/fd/"):
        if name.startswith(prefix) and name[len(prefix) :].isdigit():
            return int(name[len(prefix) :])
    return None


def write_export(path: Path, data: bytes, force: bool) -> bool:
    """Write an exported document to ``path`` the way a user expects of a command's ``-o FILE``.

    A new file follows the umask; ``force`` replaces an existing file atomically and keeps its mode (through a
    symlink, where the file really lives). A FIFO, a character device or one of the process's own streams
    (``/dev/stdout``) is written into as a stream. Block devices, sockets and folders are refused, and so is
    any existing name, a dangling symlink included, without ``force``. Returns True when it wrote into a stream.
    Raises CareerError.
    """
    from careercli.errors import CareerError

    name = str(path)
    try:
        link = os.lstat(path)
    except FileNotFoundError:
        link = None
    except OSError as error:
        raise CareerError(f"cannot write {path}: {error.strerror or error}") from None
    try:
        st = os.stat(path) if link is not None else None
    except FileNotFoundError:
        st = None  # a dangling symlink
    except OSError as error:
        raise CareerError(f"cannot write {path}: {error.strerror or error}") from None
    own = _own_stream(name)
    if st is not None and (own is not None or stat.S_ISFIFO(st.st_mode) or stat.S_ISCHR(st.st_mode)):
        _write_stream(path, own, data)
        return True
    if st is not None and stat.S_ISDIR(st.st_mode):
        raise CareerError(f"{path} is a folder; name a file")
    if st is not None and not stat.S_ISREG(st.st_mode):
        kind = "block device" if stat.S_ISBLK(st.st_mode) else "socket" if stat.S_ISSOCK(st.st_mode) else "special file"
        raise CareerError(f"{path} is a {kind}; name a regular file")
    if link is not None and not force:
        what = "exists (a symlink to a missing file)" if st is None else "exists"
        raise CareerError(f"{path} {what}; add --force to overwrite it")
    if st is None:  # a new file, or a dangling symlink replaced by one with --force
        target, mode = str(path), 0o666 & ~_umask()
    else:  # an existing regular file, where it really lives, keeping its mode
        target, mode = os.path.realpath(path), stat.S_IMODE(st.st_mode)
    try:
        write_atomically(target, data, fsync=True, mode=mode)
    except OSError as error:
        raise CareerError(f"cannot write {path}: {error.strerror or error}") from None
    return False


def _write_stream(path: Path, own: int | None, data: bytes) -> None:
    from careercli.errors import CareerError

    try:
        # one of our own streams is written through its descriptor, at its offset (a shell redirect to a file)
        fd = os.dup(own) if own is not None else os.open(path, os.O_WRONLY | getattr(os, "O_NOCTTY", 0))
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
    except OSError as error:
        raise CareerError(f"cannot write {path}: {error.strerror or error}") from None


def write_new(stem: str, suffix: str, data: bytes) -> str:
    """Write ``data`` to a new file in the current folder, ``stem + suffix``, or ``stem-2 + suffix`` and so on when
    that name is taken: an existing file is never touched (each name is claimed with O_EXCL), and a write that
    fails removes what it began. Returns the name. Raises CareerError."""
    from careercli.errors import CareerError

    for number in range(1, 100):
        name = f"{stem}{suffix}" if number == 1 else f"{stem}-{number}{suffix}"
        try:
            fd = os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:
            continue
        except OSError as error:
            raise CareerError(f"cannot write {name}: {error.strerror or error}") from None
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
        except OSError as error:
            with contextlib.suppress(OSError):
                os.unlink(name)
            raise CareerError(f"cannot write {name}: {error.strerror or error}") from None
        return name
    raise CareerError(f"{stem}{suffix} and {stem}-2{suffix} to {stem}-99{suffix} exist: name a file with -o")
