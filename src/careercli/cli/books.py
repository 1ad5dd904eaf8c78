"""``career books``, ``career book`` and ``career search``."""

from __future__ import annotations

from typing import Annotated

import typer

from careercli.cli import complete
from careercli.cli.options import EducationOption, LimitOption, MinPayOption, SearchKind, SortOption, ZoneOption
from careercli.cli.session import session


def books(
    ctx: typer.Context,
    role: Annotated[
        str | None,
        typer.Option("--role", "-r", help="Only books for this role (slug or name).", autocompletion=complete.roles),
    ] = None,
    skill: Annotated[
        str | None,
        typer.Option("--skill", help="Only books that teach this skill.", autocompletion=complete.skills),
    ] = None,
    topic: Annotated[
        str | None, typer.Option("--topic", help="Only books on this topic.", autocompletion=complete.topics)
    ] = None,
    author: Annotated[str | None, typer.Option("--author", "-a", help="Author name contains this text.")] = None,
    since: Annotated[
        int | None, typer.Option("--since", metavar="YEAR", min=1900, max=2100, help="Published in or after YEAR.")
    ] = None,
    limit: LimitOption = 10,
) -> None:
    """The reading list, newest first; the filters combine.

    Examples:

        career books --role backend-developer --since 2023

        career books --skill kubernetes --limit 0

        career books --author kleppmann --json
    """
    from careercli.cli import reads

    reads.books(session(ctx), role, skill, topic, author, since, limit)


def book(
    ctx: typer.Context,
    book: Annotated[
        list[str],
        typer.Argument(
            metavar="BOOK...",
            help="Book id or title, quoted or not; case and a unique prefix are forgiven.",
            autocompletion=complete.books,
        ),
    ],
) -> None:
    """One book in full: subtitle, edition, authors, publisher, date, ISBN-13, roles and topics.

    Examples:

        career book designing-data-intensive-applications

        career book fluent python --json
    """
    from careercli.presenters.views import BookView
    from careercli.queries.resolve import resolve_book

    run = session(ctx)
    cat = run.catalog()
    found = resolve_book(cat, " ".join(book))
    run.present(BookView(found, cat, run.reading_statuses().get(found.id)))


def search(
    ctx: typer.Context,
    query: Annotated[list[str], typer.Argument(metavar="WORDS...", help="Words to look for; all of them must match.")],
    kind: Annotated[
        SearchKind | None,
        typer.Option("--kind", "-k", help="Only this kind of result.", case_sensitive=False),
    ] = None,
    limit: LimitOption = 10,
    sort: SortOption = None,
    zone: ZoneOption = None,
    education: EducationOption = None,
    min_pay: MinPayOption = None,
) -> None:
    """Search roles, skills and books at once; forgives typos of one or two letters.

    O*NET occupations (titles, other titles, technologies) come after curated results of equal score;
    --kind occupation shows only them; with it, --sort, --zone, --education and --min-pay order and filter
    them by job zone and BLS's pay, growth, openings and entry education (see 'career list --help').

    Examples:

        career search kubernetes

        career search "data security" --kind role

        career search kleppmann --json

        career search actuary --kind occupation

        career search engineer --kind occupation --sort pay --education bachelor
    """
    from careercli.cli import reads

    reads.search(session(ctx), query, kind.value if kind else None, limit, sort.value if sort else None, zone,
                 education, min_pay)  # fmt: skip
