"""Views of O*NET occupations (see :mod:`careercli.presenters.views`): an occupation's page, the SOC groups and
the occupations of one group. Each shows the credit line of the release wherever it shows O*NET data."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from careercli.presenters.views import View

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence

    from careercli.profile import Bookmark
    from careercli.queries.occupation_lists import Group, GroupListing
    from careercli.queries.occupations import Occupation


class OccupationView(View):
    """``career show 15-1252.00``: an occupation's page (JSON under ``occupation``)."""

    key, pages = "occupation", True
    everything = False  # --all: every title, task and technology on the page
    titles: Sequence[str] = ()  # its alternate and reported titles

    def __init__(self, occupation: Occupation, curated: Mapping[str, str], mark: Bookmark | None,
                 labour: tuple[Any, Any] | None = None, roles: Sequence[str] = (),
                 state: str | None = None) -> None:  # fmt: skip
        """``labour``: BLS (pay, outlook) of the occupation, shown as a section (``pay``, ``outlook`` in JSON);
        ``roles``: every curated role that links to it (``roles`` in JSON); ``state``: the state whose pay was asked
        for (``--state``)."""
        self.occupation, self.curated, self.mark, self.labour = occupation, curated, mark, labour
        self.roles = tuple(roles)
        self.state = state
        self.title = f"career show {occupation.code}"

    def data(self) -> Any:
        from careercli.presenters.occupation_facts import as_json

        mark = self.mark
        saved = {"note": mark.note, "tags": list(mark.tags), "added": mark.added} if mark else None
        value = {"kind": "occupation", **as_json(self.occupation, self.curated),
                 "description": self.occupation.description, "roles": list(self.roles),
                 "bookmark": saved}  # fmt: skip
        if self.labour is not None:
            from careercli.presenters.bls import outlook_json, pay_json

            value["pay"], value["outlook"] = pay_json(self.labour[0]), outlook_json(self.labour[1])
        return value

    def renderable(self, width: int) -> Any:
        from careercli.presenters.occupation_facts import occupation_page

        mark = (self.mark.note, self.mark.tags) if self.mark else None
        labour = None
        if self.labour is not None:
            from careercli.presenters.bls import section

            labour = section(*self.labour, width=width, state=self.state)
        return occupation_page(self.occupation, self.curated, mark, self.roles, labour, self.titles, self.everything)

    def markdown(self) -> str:
        from careercli.presenters.occupation_facts import occupation_markdown

        labour = None
        if self.labour is not None:
            from careercli.presenters.bls import markdown

            labour = markdown(*self.labour, level=2, state=self.state)
        return occupation_markdown(self.occupation, self.curated, self.roles, labour)


class GroupsView(View):
    """``career list --occupations``: the SOC major groups with occupations in the data."""

    key, title = "groups", "career list --occupations"

    def __init__(self, groups: Sequence[Group], credit: str) -> None:
        self.groups, self.credit = groups, credit

    def data(self) -> Any:
        from careercli.presenters.occupation_facts import groups_json

        return groups_json(self.groups)

    def records(self) -> Iterable[Sequence[object]]:
        return [(g.major, g.title, g.count) for g in self.groups]

    def renderable(self, width: int) -> Any:
        from rich.console import Group as RichGroup
        from rich.table import Table
        from rich.text import Text

        from careercli.presenters.text import visible

        table = Table(title=Text("Occupations by SOC major group", style="bold"), title_justify="left")
        table.add_column("Group", no_wrap=True, style="green")
        table.add_column("Title")
        table.add_column("Occupations", justify="right")
        for group in self.groups:
            table.add_row(group.major, visible(group.title), str(group.count))
        hint = Text("Open a group: career list --group 15", style="dim")
        return RichGroup(table, hint, Text(visible(self.credit), style="dim italic"))


class GroupView(View):
    """``career list --group 15``: the occupations of one SOC major group (JSON under ``occupations``)."""

    key, pages = "occupations", True

    def __init__(self, listing: GroupListing) -> None:
        self.listing = listing
        self.title = f"career list --group {listing.major}"

    def data(self) -> Any:
        from careercli.presenters.occupation_facts import group_json

        return group_json(self.listing)

    def records(self) -> Iterable[Sequence[object]]:
        return [(r.code, r.title, ",".join(r.roles)) for r in self.listing.occupations]

    def renderable(self, width: int) -> Any:
        from careercli.presenters.occupation_facts import group_table

        return group_table(self.listing)


class Credited(View):
    """Another view (gap, plan, compare, suggest --why) about an occupation, with the release's credit line under
    its page and Markdown and as ``credit`` in its JSON object."""

    def __init__(self, inner: View, credit: str) -> None:
        self.inner, self.credit = inner, credit
        self.key, self.title, self.pages, self.empty = inner.key, inner.title, inner.pages, inner.empty
        self.limit, self.total = inner.limit, inner.total  # a cut listing says so through the wrapper too

    def data(self) -> Any:
        found = self.inner.data()
        return {**found, "credit": self.credit} if isinstance(found, dict) else found

    def records(self) -> Iterable[Sequence[object]] | None:
        return self.inner.records()

    def renderable(self, width: int) -> Any:
        from rich.console import Group
        from rich.text import Text

        from careercli.presenters.text import visible

        return Group(self.inner.renderable(width), Text(visible(self.credit), style="dim italic"))

    def markdown(self) -> str | None:
        text = self.inner.markdown()
        if text is None:
            return None
        from careercli.presenters.text import escape

        return f"{text.rstrip()}\n\n*{escape(self.credit)}*\n"
