"""The console script ``career``: kept tiny so that start-up imports only what a command needs.

A read-only command whose inputs have not changed since its last run is answered from its saved output
(``careercli.fast``) without importing Typer, Rich or the catalog; anything else runs the Typer app.
"""

from __future__ import annotations

import sys


def main() -> None:
    argv = sys.argv[1:]
    from careercli.completion import wanted

    if wanted(argv):  # a Tab, or --show/--install-completion: answered without Typer, Rich or the catalogue
        from careercli.completion import handle

        answered = handle(argv)
        if answered is not None:
            sys.exit(answered)
    from careercli import fast

    try:
        code = fast.replay(argv)
    except BrokenPipeError:  # the reader went away (career list | head): not an error
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        code = 0
    if code is not None:
        sys.exit(code)
    recorder = fast.Recorder(argv)
    from careercli.cli.app import run

    code = 1
    try:
        code = run(argv)
    finally:
        recorder.finish(code)
    sys.exit(code)


if __name__ == "__main__":
    main()
