"""Every environment variable careercli reads: what each does, and why a replayed answer cannot depend on it when
it is left out of the replay's key.

The one table of them: ``career help environment`` shows it, the README's Environment section repeats it word for
word (tests/test_names.py holds the two equal) and the cache-key audit (tests/test_cachekey.py) checks the code
against it: every variable careercli's code reads is listed here, and every one that can change an answer is in
``careercli.cachekey.ENV``. Standard library only, and imported only by what shows or checks it.
"""

from __future__ import annotations

IN_KEY = ""  # the third field of a row whose variables a replayed answer depends on (they are in its key)

# (the variables, what they do (Markdown, as in the README), why the replay's key leaves them out or IN_KEY)
VARIABLES: tuple[tuple[tuple[str, ...], str, str], ...] = (
    (
        ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "HOME"),
        "where the profile and preferences, the packs and the O*NET import, and the caches live (`career where`);"
        " fish's completion file goes under `XDG_CONFIG_HOME`",
        IN_KEY,
    ),
    (("CAREERCLI_PACKS",), "more pack folders, separated by `:`", IN_KEY),
    (
        ("CAREERCLI_NO_REPLAY",),
        "`1`: never answer from saved output (every command renders); nothing is saved either",
        "switches the replay off: a run with it set is never looked up nor saved",
    ),
    (
        ("CAREERCLI_NO_FAST_PATH",),
        "deprecated name of `CAREERCLI_NO_REPLAY`, still read in this release",
        "as CAREERCLI_NO_REPLAY",
    ),
    (
        ("NO_COLOR", "FORCE_COLOR"),
        "no colour; colour and terminal layout even when piped (`--color` wins over both)",
        IN_KEY,
    ),
    (
        ("TERM", "COLORTERM", "TTY_COMPATIBLE", "TTY_INTERACTIVE"),
        "the terminal's kind and colours, as Rich reads them (`TERM=dumb`: no colour)",
        IN_KEY,
    ),
    (("COLUMNS", "LINES"), "the width and height to render for, instead of the terminal's", IN_KEY),
    (
        ("PAGER", "LESS"),
        "the pager for long pages (default `less`, with `LESS=FRX` unless set)",
        "read when the answer is written out: the replay pages it again",
    ),
    (("LANG", "LC_*", "PYTHONIOENCODING"), "the output encoding", IN_KEY),
    (
        ("SHELL",),
        "the shell `--show-completion`/`--install-completion` use when none is named",
        "completion only (--show/--install-completion), never replayed",
    ),
    (
        ("_CAREER_COMPLETE", "COMP_WORDS", "COMP_CWORD", "_TYPER_COMPLETE_ARGS", "_TYPER_COMPLETE_FISH_ACTION"),
        "set by the completion scripts for a Tab",
        "a Tab: never replayed (any *_COMPLETE variable turns the replay off)",
    ),
)

# Read by a library careercli runs, never set by careercli's users or scripts: left out of the page, each with why
# the replay's key leaves it out (the key's ENV lists the libraries' variables an answer depends on).
LIBRARY_ONLY = {
    "MANPAGER": "Click's pager, which careercli does not use; as PAGER",
    "_TYPER_COMPLETE_WORD_TO_COMPLETE": "Typer's completion: a Tab, never replayed",
    "_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "Typer's completion: a Tab, never replayed",
}


def names() -> list[str]:
    """Every variable of the table, in its order (``LC_*`` stands for the variables that start with ``LC_``)."""
    return [name for row in VARIABLES for name in row[0]]


def not_in_key() -> dict[str, str]:
    """Each variable careercli reads that the replay's key leaves out, with why."""
    left_out = {name: why for row_names, _about, why in VARIABLES if why != IN_KEY for name in row_names}
    return left_out | LIBRARY_ONLY


def markdown_rows() -> list[str]:
    """The rows of the README's table of variables."""
    return [f"| {', '.join(f'`{name}`' for name in row_names)} | {about} |" for row_names, about, _why in VARIABLES]
