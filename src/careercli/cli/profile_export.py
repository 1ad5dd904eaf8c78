"""What ``career export`` does once its options are read, free of Typer: the Typer command
(``careercli.cli.export``) runs it, and so does the console script for ``career export`` alone on its line (no
option, nothing else to parse: the profile to stdout), without importing Typer."""

from __future__ import annotations

import os

from careercli.errors import CareerError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from careercli.cli.session import Session
    from careercli.model import Catalog
    from careercli.profile import Profile

PROFILE_FILE = "profile.md"  # the name the export takes in a folder given as -o


def run_alone(recorder: Any = None) -> int:
    """``career export`` with nothing after it: the profile to stdout, errors reported as the app reports them."""
    from careercli.cli.session import Session, guarded

    run = Session(recorder)

    def call() -> int:
        try:
            export_profile(run, None, False)
        except CareerError as exc:
            run.report(str(exc))
            return int(exc.exit_code)
        return 0

    return guarded(run, call)


def export_profile(run: Session, output: str | None, force: bool, full: bool = False) -> None:
    """The profile as Markdown to stdout (``output`` None or "-"), to a file, or into a folder as profile.md;
    ``full``: every plan step and every official fact, not the first few."""
    import datetime as dt

    from careercli._version import __version__
    from careercli.presenters.markdown import profile_markdown
    from careercli.queries.gap import role_gap, suggested_books
    from careercli.queries.lookup import occupation_roles, with_roles

    mine, cat = run.profile(), run.catalog()
    marked = [m.role for m in mine.bookmarks if m.role not in cat.roles]
    unmeasured: dict[str, str] = {}  # occupations with too few technologies the catalogue knows: no gap, no plan
    cat = with_roles(cat, occupation_roles(cat, marked, run.onet() if marked else None, unmeasured))  # by name
    marks = [m.role for m in mine.bookmarks]  # the plan weighs the bookmarked roles, as `career plan` does
    gaps = {m.role: role_gap(cat, cat.roles[m.role], mine.skills, marks) for m in mine.bookmarks
            if m.role in cat.roles and m.role not in unmeasured}  # fmt: skip
    text = profile_markdown(mine, cat, dt.date.today(), __version__, gaps, suggested_books(cat, mine),
                            _labour(cat, [m.role for m in mine.bookmarks]), full, unmeasured)  # fmt: skip
    text += _official_facts(run, [m.role for m in mine.bookmarks], full)  # with the credit line of each release
    text += _interests(run, mine)
    if output is None:
        from careercli.output import stdout_is_terminal

        if stdout_is_terminal():  # raw Markdown is for a file or a pipe: a terminal gets a file it can share
            from careercli.atomic import write_new

            run.output.spoil()
            name = write_new(PROFILE_FILE.removesuffix(".md"), ".md", text.encode("utf-8"))
            run.tell(f"Wrote {name}. To read it here: career export | less; to choose the file: career export -o FILE.")
            return
    if output in (None, "-"):
        run.output.emit(text)
        return
    if "\x00" in output:
        raise CareerError(f"{output!r} is not a valid file name")
    from pathlib import Path

    from careercli.atomic import write_export

    target = Path(output).expanduser()
    if output.endswith(("/", os.sep)) or os.path.isdir(target):  # a folder, as cp takes one: the file goes in it
        if not os.path.isdir(target):
            raise CareerError(f"no folder {output}: create it first, or name a file")
        target /= PROFILE_FILE
    if not write_export(target, text.encode("utf-8"), force):  # after a stream (/dev/stdout), say nothing more
        run.tell(f"Wrote {target}.")


def _labour(cat: Catalog, ids: list[str]) -> dict[str, tuple[Any, Any]]:
    """BLS (pay, outlook) of each bookmarked role or occupation that links to an occupation code."""
    linked = {i: cat.roles[i].onet or "" for i in ids if i in cat.roles and cat.roles[i].onet not in (None, "", "none")}
    if not linked:
        return {}
    from careercli.bls import facts

    return {i: (facts.pay_for(code), facts.outlook_for(code)) for i, code in linked.items() if code}


def _official_facts(run: Session, ids: list[str], full: bool) -> str:
    """The export's section of O*NET facts for the bookmarked roles and occupations ("" when none has any)."""
    cat = run.catalog()
    linked = [i for i in ids if (i in cat.roles and cat.roles[i].onet not in (None, "", "none")) or i not in cat.roles]
    if not linked:
        return ""  # no bookmark leads to an occupation: the database is not opened
    from careercli.presenters.occupation_facts import export_markdown
    from careercli.queries.lookup import curated_roles, official_facts

    section = export_markdown(official_facts(cat, linked, run.onet()), curated_roles(cat), full=full)
    return "\n" + section if section else ""


def _interests(run: Session, mine: Profile) -> str:
    """The export's section of the saved discover answers and the ten best results ("" when none are saved)."""
    answers = mine.discover
    if answers is None:
        return ""
    from careercli.bls import facts
    from careercli.onet.profiles import bundled
    from careercli.presenters.discover import discover_markdown
    from careercli.queries.discover import discover
    from careercli.queries.lookup import linked_roles

    oews, projections = facts.oews_table(), facts.projections_table()
    found = discover(answers.scores, bundled(), answers.zones, linked_roles(run.catalog()),
                     lambda c: facts.pay_for(c, table=oews), lambda c: facts.outlook_for(c, projections),
                     answers.min_pay, None, 10)  # fmt: skip
    return "\n" + discover_markdown(found.results, answers, level=2) + "\n"
