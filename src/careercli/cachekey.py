"""One key for every cache careercli keeps: the catalogue store and its search index, the replay's saved output
and the completion snapshot (whose value lists are named by a token the snapshot holds).

:func:`key` is a BLAKE2b digest of

- the scheme and the cache's kind;
- the code: the stat data of every module of this package (so an edit changes it, as it changes the data's),
  the Python version, and the stat data of the folders that hold the libraries (installing or upgrading Rich,
  Typer, rtoml ... changes them);
- the data: the stat data (mode, size, mtime, ctime, inode, device) of the bundled data files, the bundled O*NET
  extract's files and its prebuilt database, every pack file and the O*NET import file itself (a copy over it in
  place changes its stat data, not its folder's);
- what the cache adds: its own text parts, files by their stat data, small files by their bytes.

The code is keyed like the data, by stat data and not by bytes: a run stats about a hundred modules and reads
none (a ``touch`` costs one rebuild, never a stale answer). For the replay,
:func:`answer_inputs` lists what a page depends on besides its arguments and files: the variables of
:data:`ENV` and :data:`ENV_PREFIXES`, the standard streams (terminal or not, size), the output encoding and the
day. A digest, never the inputs, is written anywhere. Standard library only, and cheap to import: every first
view computes a key.
"""

from __future__ import annotations

import os
import sys

TYPE_CHECKING = False  # typing is not imported here (tests/test_import_budget.py)
if TYPE_CHECKING:
    from collections.abc import Iterable
    from hashlib import blake2b as Blake2b

FORMAT = "careercli-key-1"
SMALL_FILE = 1 << 20  # a file given by its contents is keyed by its bytes up to this size, else by its stat data

# The environment a replayed answer depends on (tests/test_cachekey.py finds every variable the program reads
# and fails when one is neither here nor left out, with why, by careercli.environment's table).
ENV = (
    "TERM", "COLORTERM", "TERM_PROGRAM", "NO_COLOR", "FORCE_COLOR", "CLICOLOR", "CLICOLOR_FORCE", "PY_COLORS",
    "COLUMNS", "LINES", "JUPYTER_COLUMNS", "JUPYTER_LINES", "TERMINAL_WIDTH", "UNICODE_VERSION",  # Rich, Click
    "GITHUB_ACTIONS", "DATABRICKS_RUNTIME_VERSION",  # Rich forces or denies colour in these
    "LANG", "LANGUAGE", "TZ",  # the locale and encoding; the day in the key is a local date
    "HOME",  # the folders (with XDG_*) and the pack folders named with ~
    "TYPER_USE_RICH", "TYPER_STANDARD_TRACEBACK", "_TYPER_STANDARD_TRACEBACK", "_TYPER_FORCE_DISABLE_TERMINAL",
)  # fmt: skip
ENV_PREFIXES = (
    "LC_",  # the locale
    "TTY_",  # TTY_COMPATIBLE, TTY_INTERACTIVE: Rich's terminal detection
    "XDG_",  # the config, data and cache folders
    "CAREERCLI_",  # CAREERCLI_PACKS
    "PYTHON",  # PYTHONIOENCODING, PYTHONUTF8, PYTHONHASHSEED, PYTHONPATH ...: the encoding, the order of sets, the code
)

_code: list[str] = []  # this process's code digest, once computed


def hasher(person: bytes = b"careercli-key") -> Blake2b:
    """A BLAKE2b object with 32-byte digests (hashlib's, from its own C module); ``person`` keeps the digests of
    one use apart from another's."""
    try:
        from _blake2 import blake2b  # hashlib.blake2b, without loading OpenSSL (see the import budget)
    except ImportError:  # another Python implementation
        from hashlib import blake2b
    return blake2b(digest_size=32, person=person)


def stat_token(path: str) -> str:
    """Mode, size, mtime, ctime, inode and device of ``path`` (links followed); the error number when it fails."""
    try:
        st = os.stat(path)
    except (OSError, ValueError) as error:
        return f"!{getattr(error, 'errno', None)}"
    return f"{st.st_mode:o}:{st.st_size}:{st.st_mtime_ns}:{st.st_ctime_ns}:{st.st_ino}:{st.st_dev}"


def content_token(path: str) -> bytes:
    """A small regular file by its mode and bytes (two edits within one timestamp tick differ); anything else (a
    large file, a FIFO, a folder) by its stat data, never opened."""
    import stat

    token = stat_token(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags)
    except OSError as error:
        return f"{token}!{error.errno}".encode()
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or st.st_size > SMALL_FILE:
            return token.encode()
        chunks = []
        while chunk := os.read(fd, SMALL_FILE):
            chunks.append(chunk)
    except OSError as error:
        return f"{token}!{error.errno}".encode()
    finally:
        os.close(fd)
    return token.split(":", 1)[0].encode() + b":" + b"".join(chunks)


# --- the code ---------------------------------------------------------------------------------------------------


def code_files() -> list[str]:
    """Every module of this package, in a fixed order (its ``data`` and ``__pycache__`` folders aside)."""
    found: list[str] = []

    def walk(folder: str) -> None:
        try:
            with os.scandir(folder) as entries:
                items = sorted((entry.name, entry.is_dir()) for entry in entries)
        except OSError:
            return
        for name, is_dir in items:
            path = os.path.join(folder, name)
            if is_dir and name not in ("__pycache__", "data"):
                walk(path)
            elif name.endswith(".py") and not is_dir:
                found.append(path)

    walk(os.path.dirname(os.path.abspath(__file__)))
    return found


def code_digest() -> str:
    """A digest of the name and stat data (size, times, inode) of every module, once a process: an edit, a checkout
    or an upgrade, even with the version unchanged, changes it."""
    if not _code:
        signature = hasher()
        for path in code_files():
            signature.update(f"{path}\0{stat_token(path)}\n".encode("utf-8", "surrogateescape"))
        _code.append(signature.hexdigest())
    return _code[0]


def library_tokens() -> list[str]:
    """The stat data of the folders that hold the installed libraries: an install or upgrade changes them."""
    tokens = []
    for entry in sys.path:
        if entry.endswith(("site-packages", "dist-packages")):
            tokens += [entry, stat_token(entry)]
    return tokens


# --- the data ---------------------------------------------------------------------------------------------------


def data_files() -> list[str]:
    """Every file the answers are made of: each file of the bundled data folder and its subfolders (the curated
    TOML, the O*NET extract and its prebuilt database, the BLS facts, the occupation profiles), each pack file (each
    pack folder in name order), the O*NET import file and the BLS imports."""
    from careercli.paths import bundled_data_folder, data_folder, onet_import_file, pack_file_names

    files: list[str] = []
    bundled = bundled_data_folder()
    for name in _names(bundled):
        path = os.path.join(bundled, name)
        files += [os.path.join(path, sub) for sub in _names(path)] if os.path.isdir(path) else [path]
    imported_bls = os.path.join(data_folder(), "bls")
    files += [os.path.join(imported_bls, name) for name in _names(imported_bls)]
    return [*files, *pack_file_names(), onet_import_file()]


def _names(folder: str) -> list[str]:
    try:
        return sorted(os.listdir(folder))
    except OSError:
        return []


# --- the key ----------------------------------------------------------------------------------------------------


def key(kind: str, parts: Iterable[str] = (), files: Iterable[str] = (), contents: Iterable[str] = ()) -> str:
    """The key of one cache entry: 64 hex digits covering the code, the libraries, the data files and what the
    cache adds (``parts``: text; ``files``: by stat data; ``contents``: small files by their bytes)."""
    digest = hasher()

    def add(value: str | bytes) -> None:
        raw = value if isinstance(value, bytes) else value.encode("utf-8", "surrogateescape")
        digest.update(len(raw).to_bytes(8, "little") + raw)

    for part in (FORMAT, kind, code_digest(), sys.version, *library_tokens(), "data"):
        add(part)
    for path in data_files():
        add(path)
        add(stat_token(path))
    add("parts")
    for part in parts:
        add(part)
    add("files")
    for path in files:
        add(path)
        add(stat_token(path))
    add("contents")
    for path in contents:
        add(path)
        add(content_token(path))
    return digest.hexdigest()


# --- what a replayed answer depends on ----------------------------------------------------------------------------


def environment() -> list[str]:
    """``NAME=value`` of each variable of ENV and ENV_PREFIXES that is set, in name order."""
    return [f"{name}={value}" for name, value in sorted(os.environ.items())
            if name in ENV or name.startswith(ENV_PREFIXES)]  # fmt: skip


def terminal() -> list[str]:
    """Whether each standard stream is a terminal and its size, and the output encoding."""
    tokens = []
    for fd in (0, 1, 2):
        try:
            tty = os.isatty(fd)
        except OSError:
            tty = False
        size = "-"
        if tty:
            try:
                columns, rows = os.get_terminal_size(fd)
                size = f"{columns}x{rows}"
            except OSError:
                pass
        tokens.append(f"fd{fd}:{tty}:{size}")
    stream = sys.stdout
    tokens.append(f"enc:{getattr(stream, 'encoding', None)}:{getattr(stream, 'errors', None)}")
    return tokens


def answer_inputs() -> list[str]:
    """Everything a page depends on besides its arguments and files: the environment, the terminal, the day."""
    import time

    return [*environment(), *terminal(), time.strftime("%Y-%m-%d")]
