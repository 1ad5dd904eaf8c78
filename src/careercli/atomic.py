"""Replacing a file so that a reader sees the old one or the new one, never a part."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path


def write_atomically(
    path: Path | str, data: bytes, *, fsync: bool = False, mode: int | None = None, make_parents: bool = False
) -> None:
    """Write ``data`` to a temporary file in the same folder and rename it over ``path``.

    Raises OSError; the temporary file never stays behind. ``fsync`` flushes it to disk first (for what the
    user keeps), ``mode`` sets its permissions, ``make_parents`` creates the folder.
    """
    import tempfile

    target = Path(path)
    folder = target.parent
    if make_parents:
        folder.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".tmp")
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
