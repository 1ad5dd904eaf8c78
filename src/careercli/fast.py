"""Start-up fast path: replay the saved output of a read-only command whose inputs have not changed.

A read-only command (``show``, ``list``, ``books``, ``search``, any ``--help`` ...) is a pure function of its
arguments, the environment, the terminal it writes to, the data files, the user's profile and the code. This
module computes a key from all of those with nothing but ``os`` and ``sys``; when a saved result has the same
key it is written out again, byte for byte, without importing Typer, Rich or the catalog. On a miss the normal
path runs and :class:`Recorder` saves its output for next time.

The key covers: the argument list; every environment variable except a few that cannot change the output
(``PWD``, ``OLDPWD``, ``_``, ``SHLVL`` ...); whether each standard stream is a terminal and its size; the
output encoding; the Python version and this package's version; the day; and the size, modification time and
inode of every file that feeds the output: the package's own modules, the bundled data, every pack file, the
profile, and the site-packages folders (so that upgrading Rich or Typer invalidates it). Only results that
exited 0 with nothing on stderr are saved. The fast path is used on Linux only, where the folders below are
known to match platformdirs (a test checks them against it); elsewhere every run takes the normal path.
"""

from __future__ import annotations

import os
import sys

READ_ONLY = frozenset({"show", "list", "books", "book", "search", "compare", "path", "gap", "suggest"})
LISTS = frozenset({"bookmark", "skills", "reading"})  # their "list" only reads the profile
GLOBAL_VALUED = frozenset(
    {"--color"}
)  # and flags such as --no-pager, which start with "-" anyway  # options before the command that take a value
IGNORED_ENV = frozenset({"_", "PWD", "OLDPWD", "SHLVL", "TMUX_PANE", "WINDOWID", "SSH_CLIENT", "SSH_CONNECTION"})
MAX_ENTRIES = 400
FORMAT = "careercli-output-2"


def enabled() -> bool:
    return sys.platform.startswith("linux") and not os.environ.get("CAREERCLI_NO_FAST_PATH")


def _home() -> str:
    return os.path.expanduser("~")


def _xdg(variable: str, default: str) -> str:
    value = os.environ.get(variable, "").strip()
    return value if value else os.path.join(_home(), default)


def cache_dir() -> str:
    """platformdirs.user_cache_path('careercli') on Linux."""
    return os.path.join(_xdg("XDG_CACHE_HOME", ".cache"), "careercli")


def data_dir() -> str:
    return os.path.join(_xdg("XDG_DATA_HOME", os.path.join(".local", "share")), "careercli")


def config_dir() -> str:
    return os.path.join(_xdg("XDG_CONFIG_HOME", ".config"), "careercli")


def cacheable(argv: list[str]) -> bool:
    """True for invocations that only read: never for anything that writes or completes."""
    if any(arg.startswith(("--install-completion", "--show-completion")) for arg in argv):
        return False
    if any(name.endswith("_COMPLETE") for name in os.environ):
        return False
    if "-h" in argv or "--help" in argv:
        return True
    words = []
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg in GLOBAL_VALUED:
            skip = True  # its value is not a command word
        elif not arg.startswith("-"):
            words.append(arg)
    if not argv or argv in (["--version"], ["-V"]):
        return True
    if not words:
        return False
    if words[0] in READ_ONLY:
        return True
    # never 'data validate': it reads files named on the command line, which the key does not cover
    return words[0] in LISTS and len(words) > 1 and words[1] == "list"


def _stat_line(path: str) -> str:
    try:
        st = os.stat(path)
    except OSError:
        return f"{path}:-"
    return f"{path}:{st.st_size}:{st.st_mtime_ns}:{st.st_ino}"


def _files_in(folder: str, suffix: str) -> list[str]:
    try:
        names = sorted(os.listdir(folder))
    except OSError:
        return [f"{folder}:-"]
    return [_stat_line(os.path.join(folder, name)) for name in names if name.endswith(suffix)]


def _sources() -> list[str]:
    here = os.path.dirname(os.path.abspath(__file__))
    lines = []
    for sub in ("", "cli", "queries", "presenters"):
        lines += _files_in(os.path.join(here, sub), ".py")
    bundled = os.path.join(here, "data")
    if not os.path.isdir(bundled):
        bundled = os.path.join(os.path.dirname(os.path.dirname(here)), "data")
    lines += _files_in(bundled, ".toml")
    packs = [os.path.join(data_dir(), "packs")]
    packs += [os.path.expanduser(p) for p in os.environ.get("CAREERCLI_PACKS", "").split(os.pathsep) if p.strip()]
    for folder in packs:
        lines += _files_in(folder, ".toml")
    lines.append(_stat_line(os.path.join(config_dir(), "profile.toml")))
    # installing or upgrading any package (Rich, Typer, ...) adds and removes folders here: a new key
    lines += [_stat_line(entry) for entry in sys.path if entry.endswith(("site-packages", "dist-packages"))]
    return lines


def _terminal() -> list[str]:
    lines = []
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
        lines.append(f"fd{fd}:{tty}:{size}")
    stream = sys.stdout
    lines.append(f"enc:{getattr(stream, 'encoding', None)}:{getattr(stream, 'errors', None)}")
    return lines


def key(argv: list[str]) -> str:
    import time

    from careercli._version import __version__

    env = sorted(f"{k}={v}" for k, v in os.environ.items() if k not in IGNORED_ENV)
    parts = [FORMAT, __version__, sys.version, time.strftime("%Y-%m-%d"), repr(argv)]
    parts += _terminal() + env + _sources()
    return "\n".join(parts)


def _entry_path(text: str) -> str:
    import zlib

    raw = text.encode("utf-8", "surrogateescape")
    digest = f"{zlib.crc32(raw):08x}{zlib.adler32(raw):08x}"
    return os.path.join(cache_dir(), "output", digest)


def replay(argv: list[str]) -> int | None:
    """Write the saved output of this exact invocation and return its exit code, or None on a miss."""
    if not (enabled() and cacheable(argv)):
        return None
    wanted = key(argv)
    try:
        with open(_entry_path(wanted), encoding="utf-8", errors="surrogateescape", newline="") as handle:
            saved = handle.read()
    except OSError:
        return None
    head, sep, body = saved.partition("\n\x00\n")
    if not sep or head != wanted:
        return None  # another invocation with the same hash, or a damaged file: take the normal path
    from careercli.output import emit

    try:
        chunks = _decode(body)
    except ValueError:
        return None
    for text, paging in chunks:
        emit(text, paging)
    return 0


def _encode(chunks: list[tuple[str, str]]) -> str:
    return "".join(f"{paging}{len(text)}\n{text}" for text, paging in chunks)


def _decode(body: str) -> list[tuple[str, str]]:
    chunks = []
    position = 0
    while position < len(body):
        newline = body.index("\n", position)
        flag, length = body[position], int(body[position + 1 : newline])
        start = newline + 1
        text = body[start : start + length]
        if len(text) != length or flag not in "SPA":
            raise ValueError("damaged entry")
        chunks.append((text, flag))
        position = start + length
    return chunks


class Recorder:
    """Catches what the normal path writes, to save it when the command succeeded quietly."""

    def __init__(self, argv: list[str]) -> None:
        self.argv = argv
        self.active = enabled() and cacheable(argv)
        self.chunks: list[tuple[str, str]] = []
        self.key = key(argv) if self.active else ""
        if self.active:
            from careercli import output

            output.record_into(self.chunks)
            self._stdout = sys.stdout
            self._stderr = sys.stderr
            sys.stdout = _Tee(sys.stdout, self.chunks)  # help and anything else not written through emit()
            sys.stderr = _Tee(sys.stderr, None)

    def finish(self, code: int) -> None:
        if not self.active:
            return
        tee_out, tee_err = sys.stdout, sys.stderr
        sys.stdout, sys.stderr = self._stdout, self._stderr
        if code != 0 or getattr(tee_err, "wrote", True) or not isinstance(tee_out, _Tee):
            return
        if key(self.argv) != self.key:
            return  # the command changed its own inputs (it should not, being read-only): save nothing
        self._save()

    def _save(self) -> None:
        from careercli.atomic import write_atomically

        path = _entry_path(self.key)
        data = (self.key + "\n\x00\n" + _encode(self.chunks)).encode("utf-8", "surrogateescape")
        try:
            write_atomically(path, data, make_parents=True)
            _prune(os.path.dirname(path))
        except OSError:
            pass  # a cache that cannot be written only costs speed


def _prune(folder: str) -> None:
    try:
        entries = [os.path.join(folder, name) for name in os.listdir(folder) if not name.startswith(".")]
        if len(entries) <= MAX_ENTRIES:
            return
        entries.sort(key=lambda p: os.stat(p).st_mtime_ns)
        for path in entries[: len(entries) - MAX_ENTRIES // 2]:
            os.unlink(path)
    except OSError:
        pass


class _Tee:
    """A text stream that writes through and, for stdout, keeps what was written outside emit()."""

    def __init__(self, stream: object, chunks: list[tuple[str, str]] | None) -> None:
        self._stream = stream
        self._chunks = chunks
        self.wrote = False

    def write(self, text: str) -> int:
        from careercli import output

        if text:
            self.wrote = True
            if self._chunks is not None and not output.emitting():
                self._chunks.append((text, "S"))
        return self._stream.write(text)  # type: ignore[attr-defined]

    def __getattr__(self, name: str) -> object:
        return getattr(self._stream, name)
