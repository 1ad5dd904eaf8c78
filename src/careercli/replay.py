"""The replay: answer a read-only command from its saved output when none of its inputs changed.

A command that only reads (``show``, ``list``, ``books`` ... as ``careercli.commands.KINDS`` says, and help)
is a pure function of its arguments, the environment, the terminal it writes to, the data files, the user's
profile and the code. Its output is saved under a key that is a digest (BLAKE2b) of all of those, and written
out again, through the same ``output.emit`` as a rendered page, when the key is unchanged: without importing
Typer, Rich or the catalogue.

The key is :func:`careercli.cachekey.key`, the one key of every cache, given the arguments, what
:func:`careercli.cachekey.answer_inputs` lists (the environment variables an answer depends on, whether each
standard stream is a terminal and its size, the output encoding, the day) and the bytes of the profile and of
the preferences. It is a digest, never the inputs: no argument, no environment value and no profile text is
written to disk, only the digest (the entry's name) and the saved output.

Only runs that exited 0 with nothing on stderr and with the same key at the end as at the start are saved.
Entries live in ``<cache>/replay``, created 0700; pruning removes only its own entries and temporary files,
never follows a symlink. ``CAREERCLI_NO_REPLAY=1`` switches the replay off (``CAREERCLI_NO_FAST_PATH``, its
earlier name, still does for this release); it runs on Linux only, where
``careercli.paths`` computes the folders without platformdirs.
"""

from __future__ import annotations

import os
import sys

from careercli import replay_store as store

_last: list[tuple[list[str], str]] = []  # the key computed by replay(), reused by the Recorder of the same run


def enabled() -> bool:
    """False off Linux and when CAREERCLI_NO_REPLAY (or its deprecated name CAREERCLI_NO_FAST_PATH) is set."""
    environ = os.environ
    return sys.platform.startswith("linux") and not (
        environ.get("CAREERCLI_NO_REPLAY") or environ.get("CAREERCLI_NO_FAST_PATH")
    )


# --- which invocations may be replayed -------------------------------------------------------------------------


def invocation(argv: list[str]) -> tuple[tuple[str, ...], bool] | None:
    """The command path that ``argv`` names and whether help is asked for it, read with the app's grammar as
    Click reads it (help is a flag given to the group or the command, never an option's value or a word after
    ``--``). None when the words name no command or Click would stop at a usage error."""
    from careercli import grammar

    path: tuple[str, ...] = ()
    node: grammar.Node | None = grammar.TREE
    rest = list(argv)
    while node is not None:
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
        path, rest = (*path, positional[0]), positional[1:]
    return None


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


def key(argv: list[str]) -> str:
    """The key of this invocation's answer (``careercli.cachekey``): the code, the data, the arguments, the
    environment, the terminal, the day, and the profile and preferences by their bytes."""
    from careercli import cachekey, paths

    parts = [store.FORMAT.decode(), str(len(argv)), *argv, *cachekey.answer_inputs()]
    return cachekey.key("replay", parts, contents=(paths.profile_file(), paths.config_file()))


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
