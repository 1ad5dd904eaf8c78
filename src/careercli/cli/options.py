"""The fixed choices of ``career`` as Enums (Typer validates them, lists them in help and completes them) and the
one set of output options, declared once here and given to the top-level group and to every command that prints
(``career --color never list`` and ``career list --color never`` mean the same; the command's own flag wins).
"""

from __future__ import annotations

from enum import Enum, StrEnum
from typing import Annotated, Any

import typer

from careercli.model import CATEGORIES


class ColorMode(StrEnum):
    auto = "auto"
    always = "always"
    never = "never"


class Format(StrEnum):
    text = "text"
    markdown = "markdown"
    json = "json"
    svg = "svg"
    html = "html"


class Status(StrEnum):
    want = "want"
    reading = "reading"
    read = "read"


class SearchKind(StrEnum):
    role = "role"
    skill = "skill"
    book = "book"
    occupation = "occupation"


class SortBy(StrEnum):
    pay = "pay"
    growth = "growth"
    openings = "openings"


Category = Enum("Category", {name: name for name in CATEGORIES}, type=str)  # type: ignore[misc]

LimitOption = Annotated[int, typer.Option("--limit", "-n", metavar="N", min=0, help="Show at most N rows (0 for all).")]
StateOption = Annotated[
    str | None,
    typer.Option(
        "--state",
        metavar="XX",
        help="Pay for this U.S. state (a postal code such as CA), from an imported BLS state workbook.",
    ),
]


# the options that sort and filter occupations by their figures (``list --occupations``, ``search --kind occupation``)
SortOption = Annotated[
    SortBy | None,
    typer.Option(
        "--sort",
        help="Occupations by median annual pay, projected growth or openings a year, highest first.",
        case_sensitive=False,
    ),
]
ZoneOption = Annotated[
    str | None,
    typer.Option("--zone", "-z", metavar="ZONES", help="Only occupations in these O*NET job zones: 4, 3-4 or 2,4."),
]
EducationOption = Annotated[
    str | None,
    typer.Option(
        "--education",
        metavar="LEVELS",
        help="Only occupations whose typical entry education (BLS) is one of: doctoral, master, bachelor, associate,"
        " postsecondary, some-college, high-school, none (e.g. bachelor,master).",
    ),
]
MinPayOption = Annotated[
    int | None,
    typer.Option(
        "--min-pay",
        metavar="DOLLARS",
        min=0,
        max=10_000_000,
        help="Leave out occupations whose median annual pay (BLS) is lower.",
    ),
]


def _session(ctx: Any) -> Any:
    from careercli.cli.session import session

    return session(ctx)


def _set(ctx: Any, param: Any, value: Any) -> None:
    """Sets the Session attribute an output option names (``career_ATTRIBUTE``), when given on this command."""
    if value is None or ctx.resilient_parsing:
        return
    source = ctx.get_parameter_source(param.name)
    if source is not None and source.name == "DEFAULT":  # not given here: keep what the group was given
        return
    run, attribute = _session(ctx), param.name.removeprefix("career_")
    setattr(run, attribute, value.value if isinstance(value, Enum) else value)
    run.given.add(attribute)  # config.toml does not override what the command line says


def _choice(enum: type[Enum]) -> Any:
    """The parameter type Typer makes of an Enum annotation (validated, listed in help, completed)."""
    from typer.main import get_click_type
    from typer.models import OptionInfo

    return get_click_type(annotation=enum, parameter_info=OptionInfo(case_sensitive=False))


def _options(views: bool) -> list[Any]:
    """Fresh click options (each command owns its parameters)."""
    option = typer.core.TyperOption
    found = [
        option(
            param_decls=["--color", "career_color"], type=_choice(ColorMode), default="auto", metavar="WHEN",
            callback=_set, expose_value=False, is_eager=True, show_default=False,
            help="Colour: auto (default; off when piped or NO_COLOR is set), always or never.",
        ),
        option(
            param_decls=["--pager/--no-pager", "career_pager"], is_flag=True, default=None, callback=_set,
            expose_value=False, is_eager=True, show_default=False,
            help="Page long output with $PAGER, or never (as in git).",
        ),
    ]  # fmt: skip
    if views:
        found += [
            option(
                param_decls=["--json", "career_as_json"], is_flag=True, default=False, callback=_set,
                expose_value=False, help="Print JSON instead of a table (keys in the README).",
            ),
            option(
                param_decls=["--format", "-f", "career_fmt"], type=_choice(Format), default="text",
                callback=_set, expose_value=False, show_default=False,
                help="text (default: a table, or tab-separated records when piped), markdown, json, svg or html.",
            ),
        ]  # fmt: skip
    return found


# short flags that meant something else in one command, kept working (hidden, left out of help and completion) for
# a release, so that a script using them does not break: command path -> {old short flag: the parameter it set}.
# One short flag has one meaning everywhere: -f --format, -o --output, -s --status, -t --tag.
OLD_SPELLINGS: dict[tuple[str, ...], dict[str, str]] = {
    ("books",): {"-s": "skill", "-t": "topic"},
    ("discover",): {"-s": "scores"},
    ("export",): {"-f": "force"},
    ("list",): {"-o": "occupations"},
}
OLD = "old_"  # the name of an old spelling's hidden option: old_PARAMETER


def add_old_spellings(command: Any, path: tuple[str, ...]) -> None:
    """Give ``command`` a hidden option for each old short flag of OLD_SPELLINGS; :func:`take_old_spellings`
    moves its value to the parameter it stands for."""
    old = OLD_SPELLINGS.get(path)
    if not old or getattr(command, "_career_old", False):
        return
    command._career_old = True
    params = {param.name: param for param in command.params}
    for flag, name in old.items():
        target = params[name]
        flag_options = {"is_flag": True, "default": False} if target.is_flag else {"type": target.type, "default": None}
        command.params.append(
            typer.core.TyperOption(
                param_decls=[flag, OLD + name], hidden=True, multiple=target.multiple, show_default=False,
                help=f"The old spelling of {target.opts[0]}.", **flag_options,
            )
        )  # fmt: skip


def take_old_spellings(ctx: Any) -> None:
    """After parsing: an old short flag's value goes to its parameter, unless that was given by its new name."""
    for name in [key for key in ctx.params if key.startswith(OLD)]:
        value, target = ctx.params.pop(name), name.removeprefix(OLD)
        source = ctx.get_parameter_source(target)
        if value not in (None, False, ()) and (source is None or source.name != "COMMANDLINE"):
            ctx.params[target] = value


def add_output_options(command: Any, views: bool) -> None:
    """Give ``command`` the output options once (a command object is built once per run and cached)."""
    if getattr(command, "_career_options", False):
        return
    command._career_options = True
    taken = {opt for param in command.params for opt in (*param.opts, *param.secondary_opts)}
    command.params.extend(p for p in _options(views) if not taken.intersection(p.opts))
