"""The replay: answer a read-only command from its saved output when none of its inputs changed.

A command that only reads (``show``, ``list``, ``books`` ... as ``careercli.commands.KINDS`` says, and help)
is a pure function of its arguments, the environment, the terminal it writes to, the data files, the user's
profile and the code. Its output is saved under a key that is a digest (BLAKE2b) of all of those, and written
out again, through the same ``output.emit`` as a rendered page, when the key is unchanged: without importing
Typer, Rich or the catalogue.

The key is a digest, never the inputs: no argument, no environment value and no profile text is written to
disk, only the digest (the entry's name) and the saved output. It covers the argument list; every environment
variable but a few that cannot change the output; whether each standard stream is a terminal and its size;
the output encoding; the Python and package versions; the day; the bytes of the profile and of the
preferences (small files, keyed by content so that two edits within one timestamp tick differ); and the mode,
size, mtime, ctime, inode and device of every other file that feeds the output: the package's modules, the
bundled data (``catalogue.sources``), the pack folders and files, the user's data folder and the
site-packages folders (an upgrade of Rich or Typer makes a new key). Folders come from ``careercli.paths``.

Only runs that exited 0 with nothing on stderr and with the same key at the end as at the start are saved.
Entries live in ``<cache>/replay``, created 0700; pruning removes only its own entries and temporary files,
never follows a symlink. ``CAREERCLI_NO_FAST_PATH=1`` switches the replay off; it runs on Linux only, where
``careercli.paths`` computes the folders without platformdirs.
"""

from __future__ import annotations

import os
import sys

from careercli import replay_store as store

IGNORED_ENV = frozenset({"_", "PWD", "OLDPWD", "SHLVL", "TMUX_PANE", "WINDOWID", "SSH_CLIENT", "SSH_CONNECTION"})
SMALL_FILE = 1 << 20  # the profile and the preferences are keyed by their bytes up to this size

_last: list[tuple[list[str], str]] = []  # the key computed by replay(), reused by the Recorder of the same run


def enabled() -> bool:
    return sys.platform.startswith("linux") and not os.environ.get("CAREERCLI_NO_FAST_PATH")


# --- which invocations may be replayed -------------------------------------------------------------------------


def invocation(argv: list[str]) -> tuple[tuple[str, ...], bool] | None:
    """The command path that ``argv`` names and whether help is asked for it, read with the app's grammar as
    Click reads it (help is a flag given to the group or the command, never an option's value or a word after
    ``--``). None when the words name no command or Click would stop at a usage error."""
    from careercli import grammar

    path: tuple[str, ...] = ()
    node, rest = grammar.TREE, list(argv)
    while True:
        given, positional, stopped = grammar.parse(node, rest)
        if stopped:
            return None
        if any(node["options"][index]["name"] == "help" for index, _, _ in given):
            return path, True
        if not node["group"]:
            return path, False
        if not positional:
            return (path, False) if not path else None  # the overview or --version; a group alone shows its help
        node = grammar.command((*path, positional[0]))
        if node is None:
            return None
        path, rest = (*path, positional[0]), positional[1:]


def replayable(argv: list[str]) -> bool:
    """True for an invocation whose output may be answered from a saved one: never one that writes or completes."""
    if any(arg.startswith(("--install-completion", "--show-completion")) for arg in argv):
        return False
    if any(name.endswith("_COMPLETE") for name in os.environ):
        return False
    found = invocation(argv)
    if found is None:
        return False
    path, asks_help = found
    if asks_help or not path:
        return True
    from careercli.commands import READS, kind

    return kind(path) == READS


# --- the key ---------------------------------------------------------------------------------------------------


def _stat_token(path: str) -> str:
    try:
        st = os.stat(path)
    except OSError as error:
        return f"!{error.errno}"
    return f"{st.st_mode:o}:{st.st_size}:{st.st_mtime_ns}:{st.st_ctime_ns}:{st.st_ino}:{st.st_dev}"


def _folder_tokens(folder: str, suffix: str = "") -> list[str]:
    """The folder itself, then each entry (ending in ``suffix``) in name order."""
    tokens = [folder, _stat_token(folder)]
    try:
        names = sorted(os.listdir(folder))
    except OSError as error:
        return [*tokens, f"!{error.errno}"]
    for name in names:
        if name.endswith(suffix) and name != "__pycache__":
            path = os.path.join(folder, name)
            tokens += [path, _stat_token(path)]
    return tokens


def _content_token(path: str) -> bytes:
    """A small file by its bytes (and mode, so that chmod counts); a large one by its stat data."""
    token = _stat_token(path)
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError as error:
        return f"{token}!{error.errno}".encode()
    try:
        if os.fstat(fd).st_size > SMALL_FILE:
            return token.encode()
        chunks = []
        while chunk := os.read(fd, SMALL_FILE):
            chunks.append(chunk)
    except OSError as error:
        return f"{token}!{error.errno}".encode()
    finally:
        os.close(fd)
    return token.split(":", 1)[0].encode() + b":" + b"".join(chunks)


def _terminal() -> list[str]:
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


def _files() -> list[str]:
    """Stat tokens of every file the output may depend on, the profile and preferences aside."""
    from careercli import paths
    from careercli.catalogue import sources

    package = os.path.dirname(os.path.abspath(__file__))
    tokens = _folder_tokens(package, ".py")
    for name in sorted(os.listdir(package)):
        sub = os.path.join(package, name)
        if name not in ("__pycache__", "data") and os.path.isfile(os.path.join(sub, "__init__.py")):
            tokens += _folder_tokens(sub, ".py")
    tokens += _folder_tokens(sources.bundled_data_folder())
    tokens += _folder_tokens(paths.data_folder())  # the pack folder, and anything imported beside it
    for folder in paths.packs_folders():
        tokens += [os.path.abspath(folder), _stat_token(folder)]
    for pack in sources.pack_file_names():
        tokens += [os.path.abspath(pack), _stat_token(pack)]
    # installing or upgrading any package (Rich, Typer, ...) adds and removes folders here
    for entry in sys.path:
        if entry.endswith(("site-packages", "dist-packages")):
            tokens += [entry, _stat_token(entry)]
    return tokens


def key(argv: list[str]) -> str:
    """The digest of every input of this invocation: 64 hex digits. Nothing it covers is kept anywhere."""
    import time

    from careercli import paths
    from careercli._version import __version__

    digest = store.hasher()

    def add(value: str | bytes) -> None:
        raw = value if isinstance(value, bytes) else value.encode("utf-8", "surrogatepass")
        digest.update(len(raw).to_bytes(8, "little") + raw)

    for part in (store.FORMAT, __version__, sys.version, time.strftime("%Y-%m-%d"), str(len(argv))):
        add(part)
    for arg in argv:
        add(arg)
    environ = sorted((k, v) for k, v in os.environ.items() if k not in IGNORED_ENV)
    add(str(len(environ)))
    for name, value in environ:
        add(name)
        add(value)
    for token in _terminal() + _files():
        add(token)
    for small in (paths.profile_file(), paths.config_file()):
        add(small)
        add(_content_token(small))
    return digest.hexdigest()


def _key_of(argv: list[str]) -> str:
    if _last and _last[0][0] == argv:
        return _last[0][1]
    return key(argv)


def replay(argv: list[str]) -> int | None:
    """Write the saved output of this invocation and return its exit code, or None on a miss."""
    _last.clear()
    if not (enabled() and replayable(argv)):
        return None
    wanted = key(argv)
    _last.append((list(argv), wanted))
    data = store.read(os.path.join(store.folder(), store.PREFIX + wanted))
    chunks = None if data is None else store.unpack(wanted, data)
    if chunks is None:
        return None
    from careercli.output import emit

    for text, paging in chunks:
        emit(text, paging)
    return 0


class Recorder:
    """Keeps what a run writes to stdout (the output layer calls :meth:`add`) and saves it when the run succeeded
    quietly. Inactive (it keeps nothing) when the invocation may not be replayed."""

    def __init__(self, argv: list[str]) -> None:
        self.argv = list(argv)
        self.active = enabled() and replayable(self.argv)
        self.chunks: list[tuple[str, str]] = []
        self._spoiled = False
        self.key = _key_of(self.argv) if self.active else ""

    def add(self, text: str, paging: str) -> None:
        """One text written to stdout, with how it may be paged (output.NEVER, AUTO or ALWAYS)."""
        if self.active:
            self.chunks.append((text, paging))

    def spoiled(self) -> None:
        """Something went to stderr: this run is not saved."""
        self._spoiled = True

    def finish(self, code: int) -> None:
        """Save the output when the run exited 0, wrote nothing to stderr and did not change its own inputs."""
        if not self.active or code != 0 or self._spoiled:
            return
        if key(self.argv) != self.key:
            return
        store.save(self.key, self.chunks)
