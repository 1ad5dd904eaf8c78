"""Role listings."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence

from careercli.errors import NotFoundError
from careercli.model import CATEGORIES, Catalog, RoleSummary
from careercli.queries.resolve import normalise

TYPE_CHECKING = False  # typing imports re, enum and collections at run time: piped listings need none
if TYPE_CHECKING:
    from typing import Any, overload


def resolve_category(category: str) -> str:
    wanted = normalise(category)
    matches = [c for c in CATEGORIES if normalise(c).startswith(wanted)] if wanted else []
    if len(matches) == 1:
        return matches[0]
    raise NotFoundError(f"unknown category '{category}'; choose one of: {', '.join(CATEGORIES)}")


class Listing(Sequence[RoleSummary]):
    """Roles as a listing shows them, in its order: each row the summary's fields (slug, name, category, summary,
    source, onet) as plain text, made into a :class:`RoleSummary` only when one is asked for. A piped listing of
    10,000 roles writes :attr:`text`, stored whole with the catalogue, and reads no row; other views read
    :attr:`rows` (given, or loaded on first use) and make no object a row."""

    def __init__(self, rows: Sequence[tuple[str, ...]] | Callable[[], Sequence[tuple[str, ...]]], origins: bool,
                 printable: bool = False, text: str | None = None) -> None:  # fmt: skip
        self._rows = rows
        self.origins = origins  # whether any role of the catalogue comes from a pack: a listing then says whose
        self.printable = printable  # every field is printable text (str.isprintable), as checked when stored
        self.text = text  # the piped records, one a line, when known (every field printable)

    @property
    def rows(self) -> Sequence[tuple[str, ...]]:
        if callable(self._rows):
            self._rows = self._rows()
        return self._rows

    def __len__(self) -> int:
        return len(self.rows)

    if TYPE_CHECKING:

        @overload
        def __getitem__(self, index: int) -> RoleSummary: ...
        @overload
        def __getitem__(self, index: slice) -> list[RoleSummary]: ...

    def __getitem__(self, index: int | slice) -> RoleSummary | list[RoleSummary]:
        if isinstance(index, slice):
            return [RoleSummary(*row) for row in self.rows[index]]
        return RoleSummary(*self.rows[index])

    def __iter__(self) -> Iterator[RoleSummary]:
        return (RoleSummary(*row) for row in self.rows)


def stored_tables(catalog: Catalog) -> dict[str, Any]:
    """What a stored catalogue keeps of this module (read back with ``Catalog.table``): every role in listing
    order, so that ``career list`` neither sorts nor reads 10,000 summaries one object at a time, and the piped
    listing of them all as one text, so that it reads one value."""
    rows = tuple(_fields(r) for r in _in_order(catalog.role_summaries()))
    printable = all(cell.isprintable() for row in rows for cell in row)
    origins = any(row[4] != "bundled" for row in rows)
    return {"listing": rows, "listing_printable": printable, "listing_origins": origins,
            "listing_text": records_text(rows, origins) if printable else None}  # fmt: skip


def records_text(rows: Iterable[tuple[str, ...]], origins: bool) -> str:
    """A listing's piped records: slug, name, category, summary (and source, when packs are in use)."""
    cut = 5 if origins else 4
    return "".join(["\t".join(row[:cut]) + "\n" for row in rows])


def list_roles(catalog: Catalog, category: str | None = None) -> Listing:
    """Roles in category order (as in CATEGORIES), then by name: their summaries, all a listing shows."""
    wanted = resolve_category(category) if category is not None else None
    if wanted is None:
        text, origins = catalog.table("listing_text"), catalog.table("listing_origins")
        if isinstance(text, str) and isinstance(origins, bool):
            return Listing(lambda: _all_rows(catalog), origins, True, text)
    stored = catalog.table("listing")
    if _well_formed(stored):
        rows = stored if wanted is None else tuple(row for row in stored if row[2] == wanted)
        return Listing(rows, any(row[4] != "bundled" for row in stored), catalog.table("listing_printable") is True)
    roles = catalog.role_summaries()
    rows = [_fields(r) for r in _in_order([r for r in roles if wanted is None or r.category == wanted])]
    return Listing(rows, any(r.source != "bundled" for r in roles))


def _all_rows(catalog: Catalog) -> Sequence[tuple[str, ...]]:
    stored = catalog.table("listing")
    if _well_formed(stored):
        return stored
    return [_fields(r) for r in _in_order(catalog.role_summaries())]


def _in_order(roles: Iterable[RoleSummary]) -> list[RoleSummary]:
    order = {name: index for index, name in enumerate(CATEGORIES)}
    return sorted(roles, key=lambda r: (order.get(r.category, len(order)), r.name.casefold(), r.slug))


def _fields(role: RoleSummary) -> tuple[str, ...]:
    return role.slug, role.name, role.category, role.summary, role.source, role.onet


def _well_formed(rows: Any) -> bool:
    """A stored listing as written (the store checks each row's checksum; this checks the shape it was given)."""
    return isinstance(rows, tuple) and all(type(row) is tuple and len(row) == 6 for row in rows[:1])
