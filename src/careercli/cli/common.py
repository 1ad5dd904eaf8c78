"""What many commands share: the options declared once, the consoles, the catalog and the profile."""

from __future__ import annotations

import io
import os
from collections.abc import Iterable
from typing import TYPE_CHECKING, Annotated, Any

import typer

if TYPE_CHECKING:
    from rich.console import Console

    from careercli.model import Catalog
    from careercli.profile import Profile, ProfileStore

JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table (keys in the README).")]
LimitOption = Annotated[int, typer.Option("--limit", "-n", min=0, help="Show at most N rows (0 for all).")]

_state: dict[str, Any] = {"color": "auto"}
_catalog: list[Catalog] = []


def set_color(mode: str) -> None:
    _state["color"] = mode


def set_pager(choice: bool | None) -> None:
    """The global --pager/--no-pager (``career --no-pager show ...``); a command's own flag wins."""
    _state["pager"] = choice


def console(stderr: bool = False) -> Console:
    """A console that follows --color, NO_COLOR and FORCE_COLOR; no escape codes when piped."""
    from rich.console import Console

    mode = _state["color"]
    common: dict[str, Any] = {"stderr": stderr, "highlight": False, "emoji": False, "width": _width()}
    if mode == "never":
        return Console(color_system=None, **common)
    if mode == "always":  # always means always, TERM=dumb too (Rich would detect no colours there)
        dumb = os.environ.get("TERM", "").lower() in ("dumb", "unknown")
        return Console(force_terminal=True, **common, **({"color_system": "standard"} if dumb else {}))
    if os.environ.get("NO_COLOR"):
        return Console(no_color=True, **common)
    return Console(**common)


MIN_WIDTH, MAX_WIDTH = 20, 1000


def _width() -> int | None:
    """COLUMNS clamped to a width that renders (COLUMNS=0 printed nothing, a huge one ran out of memory); None:
    let Rich ask the terminal."""
    try:
        columns = int(os.environ.get("COLUMNS", ""))
    except ValueError:
        return None
    if columns < 1:
        return 80  # no width at all: Rich's width for a file
    return max(MIN_WIDTH, min(columns, MAX_WIDTH))


def catalog() -> Catalog:
    """The merged catalog (bundled data and the user's packs), loaded once per process."""
    if not _catalog:
        from careercli.catalogue.load import load_catalog

        _catalog.append(load_catalog())
    return _catalog[0]


def print_json(payload: dict[str, Any]) -> None:
    from careercli.presenters.jsonout import dumps

    say(dumps(payload))


def report(message: str) -> None:
    """One error or warning to stderr, prefixed with the program name; user text in it is made visible."""
    import sys

    from careercli.output import spoil
    from careercli.presenters.text import visible

    spoil()
    for line in str(message).splitlines() or [""]:
        sys.stderr.write(f"career: {visible(line)}\n")
    sys.stderr.flush()


def say(text: str) -> None:
    """One plain line (or lines) on stdout."""
    from careercli.output import emit

    emit(text + "\n")


def render(renderable: Any, pager: bool | None = False) -> None:
    """Render with Rich (following --color, NO_COLOR, FORCE_COLOR and the terminal's width) and emit the text.

    ``pager``: None pages a text taller than the terminal, True pages whenever on a terminal, False never.
    """
    from careercli.output import ALWAYS, AUTO, NEVER, emit

    if pager is None:
        pager = _state.get("pager")
    out = console()
    with out.capture() as captured:
        out.print(renderable)
    emit(captured.get(), AUTO if pager is None else ALWAYS if pager else NEVER)


PagerOption = Annotated[
    bool | None,
    typer.Option(
        "--pager/--no-pager",
        help="Page the output with $PAGER (default: only on a terminal and when it is taller than the screen).",
        show_default=False,
    ),
]


def is_terminal() -> bool:
    """Whether stdout is treated as a terminal, decided as Rich decides it but without importing Rich (piped and
    JSON output never need it): --color always, FORCE_COLOR and TTY_COMPATIBLE=1 force it, TTY_COMPATIBLE=0
    denies it, otherwise stdout's own isatty."""
    import sys

    if _state["color"] == "always" or os.environ.get("FORCE_COLOR"):
        return True
    compatible = os.environ.get("TTY_COMPATIBLE", "")
    if compatible in ("0", "1"):
        return compatible == "1"
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):  # closed or missing stdout
        return False


def listing_as_lines() -> bool:
    """Listings print one record a line (tab-separated) unless they go to a terminal (or colour is forced)."""
    return not is_terminal()


def lines(rows: Iterable[Iterable[object]]) -> None:
    """Tab-separated records, one a line, user and data text made visible: for grep, cut and awk."""
    from careercli.output import emit
    from careercli.presenters.text import single_line

    emit("".join("\t".join(single_line(str(cell)).replace("\t", " ") for cell in row) + "\n" for row in rows))


def reset() -> None:
    """Forget per-process state (the tests run many commands in one process)."""
    _state["color"] = "auto"
    _state["pager"] = None
    _state.pop("warned", None)
    _catalog.clear()


def store() -> ProfileStore:
    from careercli.paths import profile_path
    from careercli.profile import ProfileStore

    return ProfileStore(profile_path())


def profile() -> Profile:
    """The user's profile; a broken profile stops the command (exit 1) and is left untouched."""
    return store().load()


def profile_or_warn() -> Profile:
    """For commands that only decorate their output with the profile: warn about a broken one, go on."""
    from careercli.errors import ProfileError
    from careercli.profile import Profile

    try:
        return profile()
    except ProfileError as error:
        if not _state.get("warned"):
            _state["warned"] = True
            report(f"warning: {error.message}")
        return Profile()


def reading_statuses() -> dict[str, str]:
    """The user's reading status by book id."""
    return profile_or_warn().reading_status()


def export_picture(renderable: Any, fmt: str, title: str) -> str:
    """The renderable as a standalone SVG or HTML document (colours kept), at the terminal's width."""
    from rich.console import Console

    width = console().width
    recorder = Console(record=True, width=width, force_terminal=True, color_system="truecolor", file=io.StringIO())
    recorder.print(renderable)
    if fmt == "svg":
        return recorder.export_svg(title=title, unique_id="careercli")
    return recorder.export_html(inline_styles=True)
