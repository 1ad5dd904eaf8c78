"""Generate docs/cli.md (the command reference) and the README's SVG screenshots from the app itself.

python scripts/gen_docs.py          # rewrite both
python scripts/gen_docs.py --check  # exit 1 if either is stale (the test suite does the same)
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CLI_MD = ROOT / "docs" / "cli.md"
IMG = ROOT / "docs" / "img"
WIDTH = 100

SCREENSHOTS = {
    "show.svg": ["show", "backend-developer"],
    "books.svg": ["books", "--role", "backend-developer", "--since", "2023"],
    "gap.svg": ["gap", "backend-developer", "--have", "python,sql,git"],
    "compare.svg": ["compare", "backend-developer", "frontend-developer"],
}


# what changes the output of careercli, Rich or Typer, beyond the code and the data; None: removed
TERMINAL_PINS: dict[str, str | None] = {
    "TERM": "xterm-256color",
    "COLORTERM": None,
    "TERM_PROGRAM": None,
    "LC_ALL": "C.UTF-8",
    "LANG": "C.UTF-8",
    "LANGUAGE": None,
    "PYTHONIOENCODING": "utf-8",
    "PYTHONUTF8": None,
    "PYTHONCOERCECLOCALE": None,
    "NO_COLOR": None,
    "FORCE_COLOR": None,
    "CLICOLOR": None,
    "CLICOLOR_FORCE": None,
    "PY_COLORS": None,
    "GITHUB_ACTIONS": None,
    "JUPYTER_COLUMNS": None,
    "JUPYTER_LINES": None,
    "PAGER": None,
    "MANPAGER": None,
    "LESS": None,
    "TYPER_USE_RICH": None,
    "TYPER_STANDARD_TRACEBACK": None,
    "_TYPER_STANDARD_TRACEBACK": None,
    "COMP_WORDS": None,
    "COMP_CWORD": None,
}
PINNED_PREFIXES = ("TTY_", "CAREERCLI_", "_TYPER_COMPLETE")  # every variable that starts so is removed


def terminal_pins(width: int = WIDTH, lines: int = 60, environ: dict[str, str] | None = None) -> dict[str, str | None]:
    """Every variable that the output depends on, pinned (a value) or removed (None): the terminal, its size,
    colour switches, the locale and encoding, the pager, careercli's own and the completion variables."""
    environ = dict(os.environ) if environ is None else environ
    pins: dict[str, str | None] = {name: None for name in environ if name.startswith(PINNED_PREFIXES)}
    pins |= {name: None for name in environ if name.endswith("_COMPLETE")}
    pins |= TERMINAL_PINS
    pins |= {"COLUMNS": str(width), "LINES": str(lines), "TERMINAL_WIDTH": str(width)}
    return pins


def _isolated_env() -> dict[str, str | None]:
    """A fixed terminal and an empty, temporary profile, so the output depends on the code and data only."""
    home = Path(tempfile.mkdtemp(prefix="careercli-docs-"))
    return terminal_pins() | {
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "PAGER": "cat",
    }


def _run(args: list[str], env: dict[str, str | None]) -> str:
    from typer.testing import CliRunner

    from careercli.cli.app import app

    saved = {k: os.environ.get(k) for k in env}
    for key, value in env.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value
    try:
        result = CliRunner().invoke(app, args, prog_name="career", env=env)
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    if result.exit_code != 0:
        raise SystemExit(f"career {' '.join(args)} failed ({result.exit_code}): {result.output}")
    return result.stdout


def command_paths() -> Iterator[list[str]]:
    import typer

    from careercli.cli.app import app

    def walk(command: object, ctx: object, path: list[str]) -> Iterator[list[str]]:
        yield path
        if not hasattr(command, "list_commands"):
            return
        for name in sorted(command.list_commands(ctx)):  # a lazy group: listed from the table, built on demand
            sub = command.get_command(ctx, name)
            yield from walk(sub, sub.context_class(sub, info_name=name, parent=ctx), [*path, name])

    root = typer.main.get_command(app)
    yield from walk(root, root.context_class(root, info_name="career"), [])


def cli_reference() -> str:
    env = _isolated_env() | {"TERM": "dumb", "_TYPER_FORCE_DISABLE_TERMINAL": "1"}
    parts = [
        "# careercli command reference",
        "",
        "Generated from the app by `python scripts/gen_docs.py`; a test fails when it is stale.",
        "",
    ]
    for path in command_paths():
        title = " ".join(["career", *path])
        help_text = _run([*path, "--help"], env).rstrip()
        help_text = "\n".join(line.rstrip() for line in help_text.splitlines())
        parts += [f"## `{title}`", "", "```text", help_text, "```", ""]
    return "\n".join(parts) + "\n" + piped_reference()


# the listings whose piped output is tab-separated records: command -> the view that shows it
PIPED = {
    "career list": "RolesView",
    "career books": "BooksView",
    "career search": "SearchView",
    "career list --occupations --sort pay": "FiguresView",
    "career search --kind occupation --sort pay": "FigureHitsView",
    "career suggest": "SuggestionsView",
    "career bookmark list": "BookmarksView",
    "career skills list": "SkillsView",
    "career reading list": "ReadingView",
    "career config show": "SettingsView",
    "career help environment": "EnvironmentView",
}


def piped_reference() -> str:
    """The fields of each listing's piped records, in order, from the views themselves (so it cannot drift)."""
    from careercli.presenters import occupation_figures, views, views_setup

    parts = [
        "# Piped output and `--json` limits",
        "",
        "Piped (not a terminal), a listing writes one tab-separated record a line, fields in the order of its",
        "table's columns; a field that the table shows under a group heading or in a shared cell is marked",
        "'(no column)'. A sentence for a person (nothing found, or `showing 10 of 220; --limit 0 for all` when",
        "`--limit` cut the rows) goes to stderr, so stdout holds records only.",
        "",
        "With `--json`, a command that takes `--limit` (`books`, `search`, `suggest`) adds two keys beside",
        "`schema_version`: `total`, the rows before the limit, and `limit`, the limit that applied (0: none).",
        "",
        "| command | piped fields, in order (table column) |",
        "|---|---|",
    ]
    for command, name in PIPED.items():
        view = getattr(views, name, None) or getattr(views_setup, name, None) or getattr(occupation_figures, name)
        fields = ", ".join(f"{field} ({heading or 'no column'})" for field, heading in view.columns)
        parts.append(f"| `{command}` | {fields} |")
    return "\n".join(parts) + "\n"


def screenshot(args: list[str]) -> str:
    from rich.console import Console
    from rich.text import Text

    ansi = _run(["--color", "always", *args], _isolated_env() | {"FORCE_COLOR": "1"})
    recorder = Console(record=True, width=WIDTH, force_terminal=True, color_system="truecolor", file=io.StringIO())
    recorder.print(Text.from_ansi(ansi.rstrip("\n")), end="")
    return recorder.export_svg(title="career " + " ".join(args), unique_id="careercli")


def generated() -> dict[Path, str]:
    files = {CLI_MD: cli_reference()}
    for name, args in SCREENSHOTS.items():
        files[IMG / name] = screenshot(args)
    return files


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--check", action="store_true", help="only check; exit 1 if a file is stale")
    args = parser.parse_args()
    stale = []
    for path, text in generated().items():
        current = path.read_text("utf-8") if path.exists() else None
        if current != text:
            stale.append(path)
            if not args.check:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(text, "utf-8")
    for path in stale:
        print(f"{'stale' if args.check else 'wrote'}: {path.relative_to(ROOT)}")
    if args.check and stale:
        sys.exit(1)


if __name__ == "__main__":
    main()
