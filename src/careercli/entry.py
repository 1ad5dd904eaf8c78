"""The console script ``career``: kept tiny so that start-up imports only what a command needs.

A read-only command whose inputs have not changed since its last run is answered from its saved output
(``careercli.replay``) without importing Typer, Rich or the catalogue. The everyday command lines of ``list``,
``show``, ``books``, ``search`` and ``bookmark list`` run without Typer (``careercli.cli.direct``); anything else
runs the Typer app. Both hand their output to a recorder that keeps it for next time. Ctrl-C at any point of
start-up exits 130 without a traceback.
"""

from __future__ import annotations

import sys

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
        from careercli._version import __version__

        sys.stdout.write(f"career {__version__}\n")
        return 0
    from careercli.completion import wanted

    if wanted(argv):  # a Tab, or --show/--install-completion: answered without Typer, Rich or the catalogue
        from careercli.completion import handle

        answered = handle(argv)
        if answered is not None:
            return answered
    from careercli import replay

    try:
        code = replay.replay(argv)
    except BrokenPipeError:  # the reader went away (career list | head): not an error
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        code = 0
    if code is not None:
        return code
    recorder = replay.Recorder(argv)
    from careercli.cli import direct

    code = 1
    try:
        answered = direct.run(argv, recorder=recorder)
        if answered is None:
            from careercli.cli.app import run

            answered = run(argv, recorder=recorder)
        code = answered
    finally:
        recorder.finish(code)
    return code


if __name__ == "__main__":
    main()
