"""Views: one result of the queries, ready to be shown any way the user asks.

Each view offers its JSON value (put under ``key`` in the versioned envelope), its piped records (tab-separated
by the session, in the column order of its table; None when it has no record form), its Rich renderable and,
where there is one, its Markdown. ``careercli.cli.session.Session.present`` chooses among them. Rich is imported
only by :meth:`View.renderable`, so JSON and piped output never load it.
"""

from __future__ import annotations

from abc import ABC, abstractmethod

TYPE_CHECKING = False  # typing imports re, enum and collections at run time: piped listings need none
if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence
    from typing import Any

    from careercli.model import Book, Catalog, Role
    from careercli.profile import Bookmark, Profile, ReadingEntry
    from careercli.queries.compare import Comparison
    from careercli.queries.gap import Gap, MixPart, ScoreLine, Suggestion
    from careercli.queries.occupations import Occupation
    from careercli.queries.progression import CareerPath
    from careercli.queries.ranking import RoleReading
    from careercli.queries.roles import Listing
    from careercli.queries.search_index import Hit


class View(ABC):
    """The common shape; subclasses set ``key`` and ``title`` and fill in what they offer."""

    key = ""
    title = "career"
    pages = False  # whether a page taller than the terminal goes to the pager without --pager
    empty: str | None = None  # said instead of a table or records when there is nothing to show
    aside: str | None = None  # piped: said on stderr after the records (what they are, what is missing)
    limit: int | None = None  # the --limit that applied (0: none), with ``total``, the rows before it
    printable = False  # the records are known to hold printable text only: nothing to fold or make visible
    total = 0
    # the piped records' fields in order, each with the table heading it matches (None: a group heading or a part
    # of a shared cell); scripts/gen_docs.py lists them in docs/cli.md and a test holds the tables to them
    columns: tuple[tuple[str, str | None], ...] = ()

    def limited(self, total: int, limit: int) -> View:
        """Say that ``limit`` applied to ``total`` rows: JSON gets both, a cut piped listing a note on stderr."""
        self.total, self.limit = total, limit
        return self

    @abstractmethod
    def data(self) -> Any:
        """The value under ``key`` in the JSON envelope."""

    def records(self) -> Iterable[Sequence[object]] | None:
        return None

    def records_text(self) -> str | None:
        """The piped records already written out, one a line, when known (then :meth:`records` is not read)."""
        return None

    @abstractmethod
    def renderable(self, width: int) -> Any:
        """The Rich renderable for a terminal of ``width`` columns."""

    def markdown(self) -> str | None:
        return None


class RolesView(View):
    key, title, pages = "roles", "career list", True
    columns = (("slug", "Slug"), ("name", "Role"), ("category", None), ("summary", "Summary"),
               ("source (with packs in use)", "From"))  # fmt: skip

    def __init__(self, roles: Listing) -> None:
        self.roles = roles
        self.origins = roles.origins  # a pack is in use: say whose
        self.printable = roles.printable

    def data(self) -> Any:
        from careercli.presenters.jsonout import role_summary

        return [role_summary(r) for r in self.roles]

    def records(self) -> Iterable[Sequence[object]]:
        cut = 5 if self.origins else 4  # slug, name, category, summary (and source)
        return [row[:cut] for row in self.roles.rows]

    def records_text(self) -> str | None:
        return self.roles.text

    def renderable(self, width: int) -> Any:
        from careercli.presenters.rich_roles import roles_grouped

        return roles_grouped(self.roles, origins=self.origins, width=width)


class RoleView(View):
    key, pages = "role", True
    everything = False  # --all: every task and technology of the linked occupation

    def __init__(self, role: Role, catalog: Catalog, books: Sequence[Book], profile: Profile,
                 reading: RoleReading | None = None, show_books: int = 10, official: Occupation | None = None,
                 curated: Mapping[str, str] | None = None, labour: tuple[Any, Any] | None = None,
                 state: str | None = None) -> None:  # fmt: skip
        """``show_books``: how many books by fit the page shows (0: all; JSON lists every book whatever it is);
        ``official``: the occupation the role links to, shown as a section (``onet`` in JSON; null without);
        ``labour``: BLS (pay, outlook) of that occupation (``pay`` and ``outlook`` in JSON; null without);
        ``state``: the state whose pay was asked for (``--state``)."""
        self.labour, self.state = labour, state
        self.role, self.catalog, self.books, self.profile = role, catalog, books, profile
        self.reading, self.show_books = reading, show_books
        self.official, self.curated = official, curated or {}
        self.title = f"career show {role.slug}"

    def data(self) -> Any:
        from careercli.presenters import jsonout

        mark = self.profile.bookmark(self.role.slug)
        saved = jsonout.bookmark(mark, self.catalog) if mark else None
        value = jsonout.role_detail(self.role, self.catalog, self.books, saved)
        if self.reading is not None:  # the page's two lists, by id ("books" holds every book, newest first)
            value["books_by_fit"], value["new_books"] = list(self.reading.fit), list(self.reading.newest)
        from careercli.presenters.occupation_facts import as_json

        value["onet"] = as_json(self.official, self.curated) if self.official is not None else None
        from careercli.presenters.bls import outlook_json, pay_json

        pay, outlook = self.labour if self.labour is not None else (None, None)
        value["pay"], value["outlook"] = pay_json(pay), outlook_json(outlook)
        return value

    def renderable(self, width: int) -> Any:
        from careercli.presenters.rich_roles import role_view

        mark = self.profile.bookmark(self.role.slug)
        bookmark = (mark.note, mark.tags) if mark else None
        statuses = self.profile.reading_status()
        labour = None
        if self.labour is not None:
            from careercli.presenters.bls import section

            labour = section(*self.labour, width=width, state=self.state, subject="role")
        if self.reading is None:
            page = role_view(self.role, self.catalog, self.books, bookmark, statuses, limit=self.show_books,
                             labour=labour)  # fmt: skip
        else:
            books, ranked = self.catalog.books, self.reading.fit
            shown = ranked[: self.show_books] if self.show_books else ranked  # only the books the page shows are read
            fit, newest = [books[b] for b in shown], [books[b] for b in self.reading.newest]
            page = role_view(self.role, self.catalog, fit, bookmark, statuses, total=len(ranked), newest=newest,
                             order=self.reading.order, limit=self.show_books, labour=labour)  # fmt: skip
        if self.official is not None:
            from careercli.presenters.occupation_facts import under

            page = under(page, self.official, self.curated, self.everything)
        return page

    def markdown(self) -> str:
        from careercli.presenters.markdown import role_markdown

        labour = None
        if self.labour is not None:
            from careercli.presenters.bls import markdown as labour_markdown

            labour = labour_markdown(*self.labour, level=2, state=self.state, subject="role")
        text = role_markdown(self.role, self.catalog, self.books, labour)
        if self.official is None:
            return text
        from careercli.presenters.occupation_facts import markdown

        return text.rstrip("\n") + "\n\n" + markdown(self.official, self.curated, 2)


class BooksView(View):
    key, title, pages = "books", "career books", True
    columns = (("id", "Id"), ("published", "Published"), ("title", "Title"), ("authors", "Authors"),
               ("publisher", "Publisher"), ("roles", "Roles"), ("status (with a reading list)", "Mine"))  # fmt: skip

    def __init__(self, books: Sequence[Book], statuses: Mapping[str, str], total: int) -> None:
        self.books, self.statuses, self.total = books, dict(statuses), total
        if not books:
            self.empty = "No books match these filters. Try fewer filters, or an earlier --since."

    def data(self) -> Any:
        from careercli.presenters.jsonout import book

        return [book(b, self.statuses.get(b.id)) for b in self.books]

    def records(self) -> Iterable[Sequence[object]]:
        mine = (lambda b: (self.statuses.get(b.id, ""),)) if self.statuses else (lambda b: ())
        return [
            (b.id, b.published or "", b.title, "; ".join(b.authors), b.publisher or "", ",".join(b.roles), *mine(b))
            for b in self.books
        ]

    def renderable(self, width: int) -> Any:
        from careercli.presenters.rich_books import books_table

        return books_table(self.books, self.statuses, total=self.total, width=width)


class BookView(View):
    key = "book"

    def __init__(self, book: Book, catalog: Catalog, status: str | None) -> None:
        self.book, self.catalog, self.status = book, catalog, status
        self.title = f"career book {book.id}"

    def data(self) -> Any:
        from careercli.presenters.jsonout import book
        from careercli.queries.ranking import editions_of

        return book(self.book, self.status) | {"editions": [b.id for b in editions_of(self.catalog, self.book)]}

    def renderable(self, width: int) -> Any:
        from careercli.presenters.rich_books import book_view

        return book_view(self.book, self.catalog, self.status)


class SearchView(View):
    key, title = "results", "career search"
    columns = (("kind", "Kind"), ("id", "Id"), ("score", "Score"), ("title", "Title"), ("matched", "Matched"))

    def __init__(self, hits: Sequence[Hit], no_match: str) -> None:
        from careercli.presenters.text import single_line

        self.hits = hits
        if not hits:
            self.empty = single_line(no_match)

    def data(self) -> Any:
        return [{"kind": h.kind, "id": h.id, "title": h.title, "score": h.score, "matched": list(h.matched)}
                for h in self.hits]  # fmt: skip

    def records(self) -> Iterable[Sequence[object]]:
        return [(h.kind, h.id, f"{h.score:.2f}", h.title, "; ".join(h.matched)) for h in self.hits]

    def renderable(self, width: int) -> Any:
        from careercli.presenters.rich_books import search_table

        return search_table(self.hits, width=width)


class CompareView(View):
    key, title = "compare", "career compare"

    def __init__(self, result: Comparison, catalog: Catalog, labour: Mapping[str, tuple[Any, Any]] | None = None,
                 state: str | None = None) -> None:  # fmt: skip
        """``labour``: BLS (pay, outlook) by role slug, for the roles linked to an occupation."""
        self.result, self.catalog, self.labour, self.state = result, catalog, labour or {}, state

    def data(self) -> Any:
        from careercli.presenters.bls import outlook_json, pay_json
        from careercli.presenters.jsonout import comparison

        value = comparison(self.result)
        for role in value["roles"]:
            pay, outlook = self.labour.get(role["slug"], (None, None))
            role["pay"], role["outlook"] = pay_json(pay), outlook_json(outlook)
        return value

    def renderable(self, width: int) -> Any:
        from careercli.presenters.rich_roles import comparison_view

        return comparison_view(self.result, self.catalog, self.labour, self.state)


class GapView(View):
    """``career gap`` (``key`` "gap") or, with ``as_plan``, ``career plan`` (the same value under "plan")."""

    pages = True

    def __init__(self, result: Gap, catalog: Catalog, no_skills: bool, as_plan: bool = False,
                 labour: tuple[Any, Any] | None = None) -> None:  # fmt: skip
        """``labour``: BLS (pay, outlook) of the target's occupation (None: it links to none)."""
        self.result, self.catalog, self.no_skills, self.as_plan = result, catalog, no_skills, as_plan
        self.labour = labour
        self.key = "plan" if as_plan else "gap"
        self.title = f"career {self.key} {result.role}"

    def data(self) -> Any:
        from careercli.presenters.bls import pay_json
        from careercli.presenters.plan import gap_json

        return gap_json(self.result, self.catalog) | {"pay": pay_json(self.labour[0] if self.labour else None)}

    def renderable(self, width: int) -> Any:
        from careercli.presenters import plan

        show = plan.plan_view if self.as_plan else plan.gap_view
        if self.labour is None:
            return show(self.result, self.catalog, no_skills=self.no_skills)
        from careercli.presenters.bls import pay_summary

        line, source = pay_summary(self.labour[0])
        return show(self.result, self.catalog, no_skills=self.no_skills, pay=line, source=source)


class PathView(View):
    key = "path"

    def __init__(self, result: CareerPath, catalog: Catalog) -> None:
        self.result, self.catalog = result, catalog
        self.title = f"career path {result.role}"

    def data(self) -> Any:
        from careercli.presenters.jsonout import career_path

        return career_path(self.result, self.catalog)

    def renderable(self, width: int) -> Any:
        from careercli.presenters.rich_roles import path_view

        return path_view(self.result, self.catalog)


class SuggestionsView(View):
    key, title = "suggestions", "career suggest"
    columns = (("role", "Role"), ("score", "Score"), ("have", "You have"), ("missing", "Learn next"),
               ("kind", None))  # fmt: skip

    def __init__(self, items: Sequence[Suggestion], catalog: Catalog,
                 labour: Mapping[str, tuple[Any, Any]] | None = None) -> None:  # fmt: skip
        """``labour``: BLS (pay, outlook) by role slug, for the roles linked to an occupation."""
        self.items, self.catalog, self.labour = items, catalog, labour or {}

    def data(self) -> Any:
        from careercli.presenters.bls import pay_json
        from careercli.presenters.plan import suggestion_json

        return [suggestion_json(s, self.catalog) | {"pay": pay_json(self.labour.get(s.role, (None, None))[0])}
                for s in self.items]  # fmt: skip

    def records(self) -> Iterable[Sequence[object]]:
        from careercli.presenters.plan import kind_text

        return [(s.role, f"{s.score:.0%}", ",".join(s.have), ",".join(s.missing), kind_text(s)) for s in self.items]

    def renderable(self, width: int) -> Any:
        from careercli.presenters.plan import suggestions_table

        return suggestions_table(self.items, self.catalog, self.labour, width)


class WhyView(View):
    key = "why"

    def __init__(
        self, role: str, score: float, lines: Sequence[ScoreLine], catalog: Catalog, parts: Sequence[MixPart] = ()
    ) -> None:
        self.role, self.score, self.lines, self.catalog, self.parts = role, score, lines, catalog, parts
        self.title = f"career suggest --why {role}"

    def data(self) -> Any:
        from careercli.presenters.plan import why_json

        return why_json(self.role, self.score, self.lines, self.parts)

    def renderable(self, width: int) -> Any:
        from careercli.presenters.plan import why_view

        return why_view(self.role, self.score, self.lines, self.catalog, self.parts)


class BookmarksView(View):
    key, title = "bookmarks", "career bookmark list"
    columns = (("role", "Slug"), ("name", "Role"), ("added", "Added"), ("tags", "Tags"), ("note", "Note"))

    def __init__(self, marks: Sequence[Bookmark], catalog: Catalog) -> None:
        self.marks, self.catalog = marks, catalog
        if not marks:
            self.empty = 'No bookmarks yet. Add one: career bookmark add backend-developer --note "why"'

    def data(self) -> Any:
        from careercli.presenters.jsonout import bookmark

        return [bookmark(b, self.catalog) for b in self.marks]

    def records(self) -> Iterable[Sequence[object]]:
        roles = self.catalog.roles
        return [(b.role, roles[b.role].name if b.role in roles else "", b.added, ",".join(b.tags), b.note)
                for b in self.marks]  # fmt: skip

    def renderable(self, width: int) -> Any:
        from careercli.presenters.rich_profile import bookmarks_table

        return bookmarks_table(self.marks, self.catalog)


class SkillsView(View):
    key, title = "skills", "career skills list"
    columns = (("id", "Id"), ("name", "Skill"), ("kind", "Kind"))

    def __init__(self, profile: Profile, catalog: Catalog) -> None:
        self.profile, self.catalog = profile, catalog
        if not profile.skills and not profile.custom_skills:
            self.empty = "No skills recorded yet. Add some: career skills add python sql git"

    def data(self) -> Any:
        from careercli.presenters.jsonout import skills

        return skills(self.profile, self.catalog)

    def records(self) -> Iterable[Sequence[object]]:
        cat = self.catalog
        rows: list[Sequence[object]] = [
            (s, cat.skill_name(s), cat.skills[s].kind if s in cat.skills else "") for s in self.profile.skills
        ]
        return rows + [("", name, "custom") for name in self.profile.custom_skills]

    def renderable(self, width: int) -> Any:
        from careercli.presenters.rich_profile import my_skills_table

        return my_skills_table(self.profile, self.catalog)


class ReadingView(View):
    key, title = "reading", "career reading list"
    columns = (("status", None), ("id", "Id"), ("title", "Book"), ("authors", None), ("published", "Published"),
               ("rating", "Rating"), ("note", None))  # fmt: skip

    def __init__(self, entries: Sequence[ReadingEntry], catalog: Catalog) -> None:
        self.entries, self.catalog = entries, catalog
        if not entries:
            self.empty = "Your reading list is empty. Add a book: career reading add fluent-python"

    def data(self) -> Any:
        from careercli.presenters.jsonout import reading

        return [reading(r, self.catalog) for r in self.entries]

    def records(self) -> Iterable[Sequence[object]]:
        books = self.catalog.books
        return [(r.status, r.book, *((b.title, "; ".join(b.authors), b.published or "") if (b := books.get(r.book))
                                     else (r.title, "; ".join(r.authors), str(r.year or ""))),
                 r.rating or "", r.note) for r in self.entries]  # fmt: skip

    def renderable(self, width: int) -> Any:
        from careercli.presenters.rich_profile import reading_table

        return reading_table(self.entries, self.catalog)
