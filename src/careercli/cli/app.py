"""The ``career`` application: the commands joined in one place, and the one place errors are caught."""

from __future__ import annotations

import sys
from typing import Annotated, Any

import typer

from careercli._version import __version__
from careercli.cli import complete
from careercli.cli.common import report, say, set_color, set_pager
from careercli.cli.lazy import LazyGroup
from careercli.errors import CareerError, ExitCode

_CLICK_EXCEPTION = next(c for c in typer.BadParameter.__mro__ if c.__name__ == "ClickException")
_CLICK_USAGE = next(c for c in typer.BadParameter.__mro__ if c.__name__ == "UsageError")
_CLICK_ABORT = next(c for c in typer.Abort.__mro__ if c.__name__ == "Abort")


class CareerGroup(LazyGroup):
    """Catches the project's one base exception and Click's usage errors, and keeps both to short lines."""

    def main(self, *args: Any, standalone_mode: bool = True, **kwargs: Any) -> Any:
        try:
            result = super().main(*args, standalone_mode=False, **kwargs)
            code = result if isinstance(result, int) else ExitCode.OK
        except CareerError as exc:
            report(str(exc))
            code = exc.exit_code
        except _CLICK_USAGE as exc:  # type: ignore[misc]
            ctx = exc.ctx
            where = ctx.command_path if ctx is not None else "career"
            report(exc.format_message())
            sys.stderr.write(f"Try '{where} --help' for help.\n")
            code = ExitCode.USAGE
        except _CLICK_EXCEPTION as exc:  # type: ignore[misc]
            report(exc.format_message())
            code = exc.exit_code
        except _CLICK_ABORT:  # type: ignore[misc]
            report("aborted")
            code = ExitCode.ERROR
        if standalone_mode:
            sys.exit(int(code))
        return code


app = typer.Typer(
    cls=CareerGroup,
    name="career",
    epilog="Start with: career list, then career show backend-developer.",
    no_args_is_help=False,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        say(f"career {__version__}")
        raise typer.Exit()


@app.callback(invoke_without_command=True)
def main(
    ctx: typer.Context,
    color: Annotated[
        str,
        typer.Option(
            "--color",
            metavar="WHEN",
            help="Colour: auto (default; off when piped or NO_COLOR is set), always or never.",
            case_sensitive=False,
            autocompletion=complete.fixed("auto", "always", "never"),
        ),
    ] = "auto",
    pager: Annotated[
        bool | None,
        typer.Option(
            "--pager/--no-pager", help="Page long output with $PAGER, or never (as in git).", show_default=False
        ),
    ] = None,
    version: Annotated[
        bool, typer.Option("--version", "-V", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Explore software careers offline: roles, challenges, skills, career paths and recent books.

    Examples:

        career show backend-developer

        career list --category data
    """
    mode = color.lower()
    if mode not in ("auto", "always", "never"):
        raise typer.BadParameter("choose auto, always or never", param_hint="'--color'")
    set_color(mode)
    set_pager(pager)
    if ctx.invoked_subcommand is None:
        from careercli.cli.overview import overview

        overview()


def _silence_stdout() -> None:
    """After a failed write, let the interpreter's final flush of stdout fail quietly."""
    import os

    try:
        if sys.stdout is not None:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def run(argv: list[str] | None = None, recorder: Any = None) -> int:
    """Run the app and return its exit code (used by the console script); ``recorder`` (the replay's) is given
    every text written to stdout and told when anything goes to stderr."""
    from careercli import output

    output.use_recorder(recorder)
    try:
        return int(app(args=argv, prog_name="career", standalone_mode=False) or 0)
    except BrokenPipeError:
        # the reader went away (career list | head): not an error
        import os

        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return ExitCode.OK
    except OSError as exc:  # stdout closed (>&-) or full (> /dev/full): one line, not a traceback
        _silence_stdout()
        report(f"cannot write the output: {exc.strerror or exc}")
        return ExitCode.ERROR
    finally:
        output.use_recorder(None)
