"""The session of one ``career`` run, kept in Typer's context (``ctx.obj``): the output options (colour, pager,
JSON, format), the output (which hands every text to the replay's recorder), the catalogue, loaded on first use,
and the profile store. Two runs in one process share nothing.

:meth:`Session.present` is the one place that chooses how a view (``careercli.presenters.views``) is shown:
JSON, tab-separated records, a Rich page, Markdown, SVG or HTML.
"""

from __future__ import annotations

import os
import sys

from careercli.errors import MalformedImport
from careercli.output import ALWAYS, AUTO, NEVER, Output, OutputError, silence_stdout

TYPE_CHECKING = False  # typing imports re, enum and collections at run time: piped listings need none
if TYPE_CHECKING:
    import sqlite3
    from collections.abc import Callable, Iterable
    from typing import Any

    from rich.console import Console

    from careercli.config import Settings
    from careercli.model import Catalog
    from careercli.presenters.views import View
    from careercli.profile import Profile, ProfileStore

MIN_WIDTH, MAX_WIDTH = 20, 1000
PICTURES = ("svg", "html")


class Session:
    """What one run knows beyond its arguments; created by the app's group for every invocation."""

    __slots__ = ("_catalog", "_consoles", "_onet", "_settings", "_store", "as_json", "color", "fmt", "force",
                 "given", "output", "pager", "target", "warned", "without_import")  # fmt: skip

    def __init__(self, recorder: Any = None) -> None:
        self.color = "auto"  # auto, always or never (--color)
        self.pager: bool | None = None  # --pager/--no-pager; None: the view's own default
        self.as_json = False  # --json
        self.fmt = "text"  # --format
        self.output = Output(recorder)
        self.warned = False
        self._catalog: Catalog | None = None
        self._store: ProfileStore | None = None
        self._onet: list[Any] = []  # the O*NET database once opened (or None when there is none)
        self._settings: Settings | None = None
        self._consoles: dict[tuple[bool, str], Console] = {}
        self.given: set[str] = set()  # the output options given on the command line
        self.without_import = False  # the user's O*NET import was found malformed: the bundled extract serves
        self.target: str | None = None  # -o FILE: the page goes there, as it would be piped
        self.force = False  # --force: -o may replace an existing file

    # -- the data a command reads

    def catalog(self) -> Catalog:
        """The merged catalog (bundled data and the user's packs), loaded on first use."""
        if self._catalog is None:
            from careercli.stored.load import load_catalog

            self._catalog = load_catalog()
        return self._catalog

    def onet(self) -> sqlite3.Connection | None:
        """The O*NET database (the user's import, else the bundled extract), opened on first use; None if neither."""
        if not self._onet:
            if self.without_import:
                from careercli.onet.bundled import open_bundled

                self._onet.append(open_bundled())
            else:
                from careercli.onet.bundled import current

                self._onet.append(current())
        return self._onet[0]

    def drop_import(self, error: MalformedImport) -> bool:
        """Treat a malformed O*NET import as absent, with one warning; False when the command cannot start again
        (it already wrote output, or the import was dropped before)."""
        if self.without_import or self.output.used:
            return False
        self.without_import = True
        self._onet.clear()
        self.report(f"warning: {error}; the O*NET import is ignored until you import a release again")
        return True

    def store(self) -> ProfileStore:
        if self._store is None:
            from careercli.paths import plain, profile_file
            from careercli.profile import ProfileStore

            self._store = ProfileStore(plain(profile_file()))
        return self._store

    def profile(self) -> Profile:
        """The user's profile; a broken profile stops the command (exit 1) and is left untouched."""
        return self.store().load()

    def profile_or_warn(self) -> Profile:
        """For commands that only decorate their output with the profile: warn about a broken one, go on."""
        from careercli.errors import ProfileError
        from careercli.profile import Profile

        try:
            return self.profile()
        except ProfileError as error:
            if not self.warned:
                self.warned = True
                self.report(f"warning: {error.message}")
            return Profile()

    def settings(self) -> Settings:
        """The preferences in config.toml, read on first use; colour and pager apply where no option was given."""
        if self._settings is None:
            from careercli.config import load_settings

            self._settings = load_settings()
            if "color" not in self.given:
                self.color = self._settings.color
            if "pager" not in self.given and self._settings.pager is not None:
                self.pager = self._settings.pager
        return self._settings

    def reading_statuses(self) -> dict[str, str]:
        """The user's reading status by book id."""
        return self.profile_or_warn().reading_status()

    # -- the terminal

    def console(self, stderr: bool = False) -> Console:
        """A console that follows --color, NO_COLOR and FORCE_COLOR; no escape codes when piped. Made once per
        stream and colour choice (a page asks for its width, then renders: one Console, not two)."""
        self.settings()
        key = (stderr, self.color)
        made = self._consoles.get(key)
        if made is None:
            made = self._consoles[key] = self._new_console(stderr)
        return made

    def _new_console(self, stderr: bool) -> Console:
        from rich.console import Console

        common: dict[str, Any] = {"stderr": stderr, "highlight": False, "emoji": False, "width": terminal_width()}
        if self.color == "never":
            return Console(color_system=None, **common)
        if self.color == "always":  # always means always, TERM=dumb too (Rich would detect no colours there)
            dumb = os.environ.get("TERM", "").lower() in ("dumb", "unknown")
            return Console(force_terminal=True, color_system="standard" if dumb else "auto", **common)
        if os.environ.get("NO_COLOR"):
            return Console(no_color=True, **common)
        return Console(**common)

    def is_terminal(self) -> bool:
        """Whether stdout is treated as a terminal, decided as Rich decides it but without importing Rich (piped
        and JSON output never need it): --color always, FORCE_COLOR and TTY_COMPATIBLE=1 force it,
        TTY_COMPATIBLE=0 denies it, otherwise stdout's own isatty."""
        self.settings()
        if self.color == "always" or os.environ.get("FORCE_COLOR"):
            return True
        compatible = os.environ.get("TTY_COMPATIBLE", "")
        if compatible in ("0", "1"):
            return compatible == "1"
        try:
            return sys.stdout.isatty()
        except (AttributeError, ValueError):  # closed or missing stdout
            return False

    # -- writing

    def say(self, text: str) -> None:
        """One plain line (or lines) on stdout."""
        self.output.emit(text + "\n")

    def tell(self, message: str) -> None:
        """A confirmation that may quote user or data text: made visible first."""
        from careercli.presenters.text import visible

        self.say(visible(message))

    def report(self, message: str) -> None:
        """One error or warning to stderr, prefixed with the program name; user text in it is made visible, and
        a long quoted argument is cut (``errors.clip_message``), on the direct path and through Typer alike."""
        from careercli.errors import clip_message
        from careercli.presenters.text import visible

        self.output.spoil()
        for line in str(message).splitlines() or [""]:
            sys.stderr.write(f"career: {visible(clip_message(line))}\n")
        sys.stderr.flush()

    def note(self, message: str) -> None:
        """A sentence for the person, not the script reading stdout: to stderr, without the error prefix (the replay
        does not save a run that wrote to stderr)."""
        from careercli.presenters.text import visible

        self.output.spoil()
        sys.stderr.write(visible(message) + "\n")
        sys.stderr.flush()

    def lines(self, rows: Iterable[Iterable[object]], printable: bool = False) -> None:
        """Tab-separated records, one a line, user and data text made visible: for grep, cut and awk.
        ``printable``: every cell is known to be printable text (``str.isprintable``: no control, tab, newline,
        bidi or zero-width character), so there is nothing to fold or make visible."""
        if printable:
            self.output.emit("".join(["\t".join(row) + "\n" for row in rows]))  # type: ignore[arg-type]
            return
        from careercli.presenters.text import single_line, visible

        cells = [tuple(row) for row in rows]
        try:  # thousands of rows: one join, one pass of checks
            text = "".join(["\t".join(row) + "\n" for row in cells])  # type: ignore[arg-type]
        except TypeError:  # a cell that is not text yet
            cells = [tuple(str(cell) for cell in row) for row in cells]
            text = "".join(["\t".join(row) + "\n" for row in cells])  # type: ignore[arg-type]
        if "\r" in text or text.count("\n") != len(cells) or text.count("\t") != sum(len(r) - 1 for r in cells if r):
            text = "".join("\t".join(single_line(str(cell)) for cell in row) + "\n" for row in cells)  # one to fold
        self.output.emit(visible(text))

    def render(self, renderable: Any, pages: bool = False) -> None:
        """Render with Rich (following --color, NO_COLOR, FORCE_COLOR and the terminal's width) and emit the text.
        --pager pages whenever on a terminal, --no-pager never; without either, ``pages`` says whether a text
        taller than the terminal is paged."""
        out = self.console()  # reads the settings, pager included
        try:
            with out.capture() as captured:
                out.print(renderable, crop=False)  # a line meant to overflow (a URL) is never cut
        except BrokenPipeError:
            raise
        except OSError as error:  # Rich flushes its console, stdout, as the capture ends
            raise OutputError(error.errno, error.strerror) from None
        paging = (AUTO if pages else NEVER) if self.pager is None else ALWAYS if self.pager else NEVER
        text = captured.get()
        if "\x1b" not in text and " \n" in text:  # plain text (piped, no colour): no padding after the last word
            text = "\n".join(line.rstrip(" ") for line in text.split("\n"))
        self.output.emit(text, paging)

    def mode(self) -> str:
        """How a view is shown: json, markdown, svg, html, lines (piped) or rich (a terminal)."""
        fmt = self.fmt
        if self.as_json and fmt not in ("text", "json"):
            from careercli.errors import UsageError

            raise UsageError(f"--json and --format {fmt} disagree: give one of them")
        if self.as_json or fmt == "json":
            return "json"
        if fmt != "text":
            return fmt
        return "rich" if self.is_terminal() else "lines"

    def present(self, view: View) -> None:
        """Show a view in the mode the options and the terminal ask for: the one place that chooses. With -o FILE
        the text that a pipe would get goes to the file; an SVG or HTML page asked for on a terminal goes to a new
        file named after the command, as a picture's XML is no use on a screen."""
        from careercli.output import stdout_is_terminal

        if self.target not in (None, "-"):
            self._to_file(view, self.target)
        elif self.fmt in PICTURES and not self.as_json and stdout_is_terminal():
            self._to_file(view, None)
        else:
            self._present(view)

    def _to_file(self, view: View, target: str | None) -> None:
        """Present the view into a file: ``target`` (refused if it exists, unless --force), or a new name."""
        import re

        from careercli.atomic import write_export, write_new
        from careercli.output import Collected

        mode = self.mode()  # a usage error first; then the text as piped: no colour, no pager
        saved, collected = self.output, Collected()
        saved_color, self.color, self.pager = self.color, "never", False
        self.given.add("color")
        self.output = collected
        try:
            self._present(view, piped=True)
        finally:
            self.output, self.color = saved, saved_color
        saved.spoil()  # the replay must not answer the next run from saved output: it has to write the file
        data = "".join(collected.parts).encode("utf-8")
        if target is None:
            stem = re.sub(r"[^A-Za-z0-9._]+", "-", view.title.removeprefix("career ")).strip("-.") or "career"
            name = write_new(stem, "." + mode, data)
        else:
            from pathlib import Path

            if "\x00" in target:
                from careercli.errors import CareerError

                raise CareerError(f"{target!r} is not a valid file name")
            path = Path(target).expanduser()
            folder = path.parent
            if not folder.is_dir():
                from careercli.errors import CareerError

                raise CareerError(f"no folder {folder}: create it first")
            if write_export(path, data, self.force):
                return  # into a stream (/dev/stdout): nothing more to say
            name = str(path)
        self.tell(f"Wrote {name}.")

    def _present(self, view: View, piped: bool = False) -> None:
        mode = self.mode() if not piped else ("lines" if self.mode() == "rich" else self.mode())
        if mode == "json":
            from careercli.presenters.jsonout import dumps, envelope

            payload = envelope(view.key, view.data())
            if view.limit is not None:
                payload |= {"total": view.total, "limit": view.limit}
            self.say(dumps(payload))
            return
        if mode == "markdown":
            text = view.markdown()
            if text is None:
                from careercli.errors import UsageError

                raise UsageError("--format markdown is not offered here: choose text, json, svg or html")
            self.say(text)
            return
        if view.empty is not None and mode in ("lines", "rich"):
            if mode == "rich":
                self.say(view.empty)
            else:  # piped: stdout stays empty for the script, the sentence goes to the person
                self.note(view.empty)
            return
        if mode == "lines" and (text := view.records_text()) is not None:
            self.output.emit(text)
            return
        if mode == "lines":
            records = view.records()
            if records is not None:
                rows = list(records)
                self.lines(rows, view.printable)
                if view.limit and view.total > len(rows):  # a script may not know it got a part: say so
                    from careercli.output import STDERR

                    self.output.emit(f"showing {len(rows)} of {view.total}; --limit 0 for all\n", STDERR)
                if view.aside:
                    self.note(view.aside)
                return
        if mode in PICTURES:
            from careercli.presenters import rich_common
            from careercli.presenters.picture import picture

            rich_common.LINKS[0] = mode == "html"  # a web page links books and addresses; SVG has no links
            try:
                page = view.renderable(self.console().width)
                self.say(picture(page, mode, view.title, self.console().width))
            finally:
                rich_common.LINKS[0] = False
            return
        self.render(view.renderable(self.console().width), view.pages)


def terminal_width() -> int | None:
    """COLUMNS clamped to a width that renders (COLUMNS=0 printed nothing, a huge one ran out of memory); None:
    let Rich ask the terminal."""
    try:
        columns = int(os.environ.get("COLUMNS", ""))
    except ValueError:
        return None
    if columns < 1:
        return 80  # no width at all: Rich's width for a file
    return max(MIN_WIDTH, min(columns, MAX_WIDTH))


def guarded(run: Session, call: Callable[[], int]) -> int:
    """Run a command's call and return its exit code, with the output problems every command shares: a reader
    that went away (``career list | head``) is not an error; a closed or full stdout (``>&-``, ``> /dev/full``)
    is one line on stderr, not a traceback. Any other system error that a command did not word itself names
    the file it concerns: it has nothing to do with the output."""
    try:
        return call()
    except MalformedImport as error:  # a hand-edited O*NET import: once more without it (it is read before output)
        if run.drop_import(error):
            return guarded(run, call)
        run.report(f"{error}: the O*NET import is malformed; import a release again ('career data import-onet')")
        return 1
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except OutputError as exc:
        silence_stdout()
        run.report(exc.message())
        return 1
    except OSError as exc:
        from careercli.errors import file_failed

        run.report(file_failed(exc))
        return 1


def session(ctx: Any) -> Session:
    """The session in Typer's context (one is made when a test calls a command without the app's group)."""
    if not isinstance(ctx.obj, Session):
        ctx.find_root().obj = ctx.obj = Session()
    return ctx.obj
