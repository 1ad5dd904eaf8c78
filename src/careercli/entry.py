"""The console script ``career``: kept tiny so that start-up imports only what a command needs.

A read-only command whose inputs have not changed since its last run is answered from its saved output
(``careercli.replay``) without importing Typer, Rich or the catalogue. The everyday command lines of ``list``,
``show``, ``books``, ``search``, ``bookmark list`` and ``discover`` run without Typer (``careercli.cli.direct``),
and so does ``career export`` alone on its line (``careercli.cli.profile_export``); anything else runs the Typer
app. Both hand their output to a recorder that keeps it for next time. Ctrl-C at any point of start-up exits 130
without a traceback.
"""

from __future__ import annotations

import sys

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable

INTERRUPTED = 130  # 128 + SIGINT, as a shell reports a command stopped by Ctrl-C


def main() -> None:
    try:
        code = _main(sys.argv[1:])
    except KeyboardInterrupt:
        code = INTERRUPTED
    sys.exit(code)


VERSION_OPTIONS = (["--version"], ["-V"])  # alone on the line; with anything else the app decides


def _main(argv: list[str]) -> int:
    if argv in VERSION_OPTIONS:  # the same line as the app's eager --version, without importing it
        return _written(_version) or 0
    from careercli.completion import wanted

    if wanted(argv):  # a Tab, or --show/--install-completion: answered without Typer, Rich or the catalogue
        from careercli.completion import handle

        answered = _written(lambda: handle(argv))
        if answered is not None:
            return answered
    from careercli import replay

    code = _written(lambda: replay.replay(argv))
    if code is not None:
        return code
    recorder = replay.Recorder(argv)
    from careercli.cli import direct

    code = 1
    try:
        answered = direct.run(argv, recorder=recorder)
        if answered is None and argv == ["export"]:  # no option to read: the Typer command's body, without Typer
            from careercli.cli.profile_export import run_alone

            answered = run_alone(recorder)
        if answered is None:
            from careercli.cli.app import run

            answered = run(argv, recorder=recorder)
        code = answered
    finally:
        recorder.finish(code)
    return code


def _version() -> int:
    from careercli._version import __version__
    from careercli.output import emit

    emit(f"career {__version__}\n")  # a full or closed stdout becomes OutputError there, as for any page
    return 0


def _written(call: Callable[[], int | None]) -> int | None:
    """``call``'s exit code, for what writes before the app's guard (a completion script, a replayed page), with
    stdout's failures as the guard has them: a reader that went away (career list | head) is not an error; a
    closed or full stdout is the one line a rendered page gives, exit 1."""
    from careercli.output import OutputError, silence_stdout

    try:
        return call()
    except BrokenPipeError:
        silence_stdout()
        return 0
    except OutputError as error:
        silence_stdout()
        sys.stderr.write(f"career: {error.message()}\n")
        return 1


if __name__ == "__main__":
    main()
