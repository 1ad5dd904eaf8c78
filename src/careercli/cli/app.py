"""The ``career`` application: the commands joined in one place, and the one place errors are caught."""

from __future__ import annotations

import sys
from typing import Annotated, Any

import typer

from careercli._version import __version__
from careercli.cli.lazy import LazyGroup
from careercli.cli.options import add_output_options
from careercli.cli.session import Session, guarded, session
from careercli.commands import APP_EPILOG, APP_HELP, INSTALL_HELP, SHOW_HELP
from careercli.errors import CareerError, ExitCode, clip_message

_CLICK_EXCEPTION = next(c for c in typer.BadParameter.__mro__ if c.__name__ == "ClickException")
_CLICK_USAGE = next(c for c in typer.BadParameter.__mro__ if c.__name__ == "UsageError")
_CLICK_ABORT = next(c for c in typer.Abort.__mro__ if c.__name__ == "Abort")


class CareerGroup(LazyGroup):
    """Catches the project's one base exception and Click's usage errors, and keeps both to short lines; gives
    every invocation a fresh :class:`Session` (``ctx.obj``) unless one is passed in, and the output options."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        add_output_options(self, views=False)
        self.params.sort(key=lambda p: p.name in ("install_completion", "show_completion"))  # after the output's

    def main(self, *args: Any, standalone_mode: bool = True, **kwargs: Any) -> Any:
        if not isinstance(kwargs.get("obj"), Session):
            kwargs["obj"] = Session()
        run: Session = kwargs["obj"]
        report = run.report
        try:
            # passed in the mapping: mypy cannot tell that *args stops before standalone_mode
            result = super().main(*args, **kwargs | {"standalone_mode": False})
            code = result if isinstance(result, int) else ExitCode.OK
        except CareerError as exc:
            report(str(exc))
            code = exc.exit_code
        except _CLICK_USAGE as exc:  # type: ignore[misc]
            ctx = exc.ctx
            where = ctx.command_path if ctx is not None else "career"
            report(clip_message(exc.format_message(), runs=True))  # Click repeats the argument whole
            sys.stderr.write(f"Try '{where} --help' for help.\n")
            code = ExitCode.USAGE
        except _CLICK_EXCEPTION as exc:  # type: ignore[misc]
            report(clip_message(exc.format_message(), runs=True))
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
    epilog=APP_EPILOG,
    no_args_is_help=False,
    add_completion=False,  # careercli.completion answers the completion options and every Tab
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(ctx: typer.Context, value: bool) -> None:
    if value:
        session(ctx).say(f"career {__version__}")
        raise typer.Exit()


def _not_first(ctx: typer.Context, param: typer.CallbackParam, value: bool) -> None:
    """The completion options are answered before the app (careercli.completion), when first on the line."""
    if value:
        from careercli.errors import UsageError

        option = param.opts[0]
        raise UsageError(f"{option} comes first on the line: career {option} [bash|zsh|fish]")


@app.callback(invoke_without_command=True, help=APP_HELP)
def main(
    ctx: typer.Context,
    version: Annotated[
        bool, typer.Option("--version", "-V", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
    install_completion: Annotated[
        bool, typer.Option("--install-completion", callback=_not_first, expose_value=False, help=INSTALL_HELP)
    ] = False,
    show_completion: Annotated[
        bool, typer.Option("--show-completion", callback=_not_first, expose_value=False, help=SHOW_HELP)
    ] = False,
) -> None:
    """The group itself: its help is commands.APP_HELP (also shown by ``career --help`` without Typer)."""
    if ctx.invoked_subcommand is None:
        import shutil

        from careercli.cli.overview import overview
        from careercli.cli.session import terminal_width

        session(ctx).say(overview(terminal_width() or shutil.get_terminal_size().columns))


def run(argv: list[str] | None = None, recorder: Any = None) -> int:
    """Run the app and return its exit code (used by the console script); ``recorder`` (the replay's) is given
    every text written to stdout and told when anything goes to stderr."""
    run_session = Session(recorder)
    return guarded(run_session, lambda: int(app(args=argv, prog_name="career", standalone_mode=False,
                                                 obj=run_session) or 0))  # fmt: skip
