"""The console script ``career``: kept tiny so that start-up imports only what a command needs."""

from __future__ import annotations

import sys


def main() -> None:
    from careercli.cli.app import run

    sys.exit(run(sys.argv[1:]))


if __name__ == "__main__":
    main()
