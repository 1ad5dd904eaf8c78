"""What the most used read-only commands do once their arguments are parsed: ``list``, ``show``, ``books``,
``search`` and ``bookmark list``.

Free of Typer, so that the Typer commands (``careercli.cli.roles``, ``.books``, ``.bookmarks``) and the direct
path (``careercli.cli.direct``), which answers their common invocations without importing Typer, run the same
code: one body per command, whichever parser read the command line.
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing imports re, enum and collections at run time: piped listings need none
if TYPE_CHECKING:
    from typing import Any

    from careercli.cli.session import Session
    from careercli.model import Catalog


def list_roles(run: Session, category: str | None, occupations: bool, group: str | None, sort: str | None = None,
               zone: str | None = None, education: str | None = None, min_pay: int | None = None) -> None:  # fmt: skip
    """``career list``: the roles by category, or the O*NET occupations by major group (or of one group); with
    ``sort`` or a filter, the occupations with their figures."""
    figures = None
    if any(v is not None for v in (sort, zone, education, min_pay)):
        from careercli.queries.occupation_figures import OPTIONS, wanted

        figures = wanted(sort, zone, education, min_pay)
        if not (occupations or group is not None):
            from careercli.errors import UsageError

            raise UsageError(f"{OPTIONS} list occupations: add --occupations, or --group NN for one group")
    cat = run.catalog()
    if occupations or group is not None:
        if category is not None:
            from careercli.errors import UsageError

            raise UsageError("--category lists roles; --occupations and --group list occupations: give one")
        _occupations(run, group, figures)
        return
    from careercli.presenters.views import RolesView
    from careercli.queries.roles import list_roles as query

    run.present(RolesView(query(cat, category)))


def _occupations(run: Session, group: str | None, figures: Any = None) -> None:
    from careercli.errors import NotFoundError
    from careercli.onet.release import credit
    from careercli.presenters.onet_views import GroupsView, GroupView
    from careercli.queries import occupation_lists as lists
    from careercli.queries.lookup import linked_roles
    from careercli.queries.occupations import version

    db = run.onet()
    if db is None:
        raise NotFoundError("no O*NET data: 'career data import-onet PATH' imports a release")
    if figures is not None:
        from careercli.presenters.occupation_figures import FiguresView
        from careercli.queries.occupation_figures import rows_of, select

        listing = lists.group_listing(db, group) if group is not None else None
        occupations = listing.occupations if listing is not None else lists.every(db)
        rows = rows_of(db, [(o.code, o.title, (), None) for o in occupations], linked_roles(run.catalog()))
        major = listing.major if listing is not None else None
        run.present(FiguresView(select(rows, figures), major, credit(version(db))))
        return
    if group is None:
        run.present(GroupsView(lists.groups(db), credit(version(db))))
        return
    run.present(GroupView(lists.group_listing(db, group, linked_roles(run.catalog()))))


def show(run: Session, role: list[str], state: str | None = None, output: str | None = None,
         force: bool = False, everything: bool = False) -> None:  # fmt: skip
    """``career show``: a curated role's page, or an O*NET occupation's; ``state``: pay for that state; ``output``:
    the file to write the page to (``force``: over an existing one); ``everything``: every task, technology and
    other title of the occupation (``--all``)."""
    run.target, run.force = output, force
    from careercli.presenters.views import RoleView
    from careercli.profile import today
    from careercli.queries.lookup import curated_roles, linked_occupation, linked_roles, lookup, occupation_detail
    from careercli.queries.ranking import role_reading

    run.mode()  # a usage error (--json with --format markdown) before any work
    if state is not None:
        from careercli.bls.facts import checked_state

        state = checked_state(state)
    cat = run.catalog()
    target = lookup(cat, " ".join(role), run.onet)  # the database is opened only when no curated role answers
    found = target.role
    if found is None:
        from careercli.errors import NotFoundError
        from careercli.presenters.onet_views import OccupationView

        page = occupation_detail(cat, run.onet(), target.id)  # type: ignore[arg-type]
        if page is None:
            raise NotFoundError(f"no occupation {target.id} in the O*NET data")
        from careercli.queries.occupations import titles

        view = OccupationView(page, curated_roles(cat), run.profile_or_warn().bookmark(page.code),
                              _labour(page.code, state), linked_roles(cat).get(page.code, ()), state)  # fmt: skip
        view.titles, view.everything = titles(run.onet(), page.code), everything  # type: ignore[arg-type]
        run.present(view)
        return
    official = linked_occupation(cat, found, run.onet()) if found.onet and found.onet != "none" else None
    books = cat.role_book_list(found.slug)  # read only when used: the page shows a few, --json walks them all
    curated = curated_roles(cat) if official is not None else None
    reading = role_reading(cat, found, year=int(today()[:4]))
    labour = _labour(found.onet, state) if found.onet and found.onet != "none" else None
    page_view = RoleView(found, cat, books, run.profile_or_warn(), reading, run.settings().show_books, official,
                         curated, labour, state)  # fmt: skip
    page_view.everything = everything
    run.present(page_view)


def _labour(code: str, state: str | None = None) -> tuple[Any, Any]:
    """BLS pay (national, or of ``state``) and outlook for an occupation code (either may be None: BLS publishes
    none for it)."""
    from careercli.bls import facts

    return facts.pay_for(code, state), facts.outlook_for(code)


def books(run: Session, role: str | None, skill: str | None, topic: str | None, author: str | None,
          since: int | None, limit: int) -> None:  # fmt: skip
    """``career books``: the reading list, newest first, filtered."""
    from careercli.presenters.views import BooksView
    from careercli.queries.books import BookFilter, filter_books

    wanted = BookFilter(role=role, skill=skill, topic=topic, author=author, since=since)
    shown, total = filter_books(run.catalog(), wanted, limit)
    run.present(BooksView(shown, run.reading_statuses(), total).limited(total, limit))


def search(run: Session, query: list[str], kind: str | None, limit: int, sort: str | None = None,
           zone: str | None = None, education: str | None = None, min_pay: int | None = None) -> None:  # fmt: skip
    """``career search``: roles, skills, books and occupations, best first; with ``sort`` or a filter (and
    ``kind`` occupation), the occupations with their figures."""
    from careercli.presenters.views import SearchView
    from careercli.queries.search import no_match_message, search_page
    from careercli.stored.load import load_search_index

    if any(v is not None for v in (sort, zone, education, min_pay)):
        from careercli.queries.occupation_figures import OPTIONS, wanted

        figures = wanted(sort, zone, education, min_pay)
        if kind != "occupation":
            from careercli.errors import UsageError

            raise UsageError(f"{OPTIONS} apply to occupations: add --kind occupation")
        _occupation_search(run, " ".join(query), limit, figures)
        return
    text = " ".join(query)
    index = load_search_index(run.catalog)
    # the best `limit` curated hits merged with every occupation hit give the same first `limit` as merging all
    curated, total = ([], 0) if kind == "occupation" else search_page(index, text, kind=kind, limit=limit)
    db = run.onet() if kind in (None, "occupation") else None
    every = curated
    if db is not None:
        from careercli.queries.occupation_lists import merge, search_hits

        occupations = search_hits(db, text)
        every, total = merge(curated, occupations), total + len(occupations)
    hits = every[:limit] if limit else every
    view = SearchView(hits, "" if hits else no_match_message(index, text, kind))
    run.present(view.limited(total, limit))


def _occupation_search(run: Session, text: str, limit: int, figures: Any) -> None:
    """``search --kind occupation`` sorted or filtered by the occupations' figures."""
    from careercli.errors import NotFoundError
    from careercli.onet.release import credit
    from careercli.presenters.occupation_figures import FigureHitsView
    from careercli.queries.lookup import linked_roles
    from careercli.queries.occupation_figures import rows_of, select
    from careercli.queries.occupation_lists import search_hits
    from careercli.queries.occupations import version

    db = run.onet()
    if db is None:
        raise NotFoundError("no O*NET data: 'career data import-onet PATH' imports a release")
    hits = search_hits(db, text)
    rows = rows_of(db, [(h.id, h.title, h.matched, h.score) for h in hits], linked_roles(run.catalog()))
    selection = select(rows, figures)
    shown = selection.rows[:limit] if limit else selection.rows
    if hits:
        no_match = "No occupation that matches passes these filters; try wider zones or a lower --min-pay."
    else:
        from careercli.queries.search import no_match_message
        from careercli.stored.load import load_search_index

        no_match = no_match_message(load_search_index(run.catalog), text, "occupation")
    view = FigureHitsView(selection, credit(version(db)), no_match, shown)
    run.present(view.limited(len(selection.rows), limit))


def discover(run: Session, interests: str | None, scores: str | None, zone: str | None, min_pay: int | None,
             skills: bool | None, limit: int, why: str | None, reset: bool) -> None:  # fmt: skip
    """``career discover``: the same body as the Typer command's (:mod:`careercli.cli.discovering`)."""
    from careercli.cli import discovering

    discovering.discover(run, interests, scores, zone, min_pay, skills, limit, why, reset)


def bookmark_list(run: Session, tag: str | None) -> None:
    """``career bookmark list``: the user's bookmarks, oldest first, optionally of one tag."""
    from careercli.presenters.views import BookmarksView

    every = run.profile().bookmarks
    marks = [b for b in every if tag is None or tag in b.tags]
    view = BookmarksView(marks, with_occupations(run, [b.role for b in marks]))
    if every and not marks:
        tags = sorted({t for b in every for t in b.tags})
        known = f"the tags in use: {', '.join(tags)}" if tags else "none of your bookmarks has a tag"
        view.empty = f"No bookmark has the tag '{tag}'; {known}."
    run.present(view)


def with_occupations(run: Session, ids: list[str]) -> Catalog:
    """The catalog with the bookmarked occupations as roles, so that lists name them (the O*NET modules and
    database are loaded only when a bookmark is not a curated role)."""
    cat = run.catalog()
    if all(ident in cat.roles for ident in ids):
        return cat
    from careercli.queries.lookup import occupation_roles, with_roles

    return with_roles(cat, occupation_roles(cat, ids, run.onet()))
