"""Role listings."""

from __future__ import annotations

from careercli.errors import NotFoundError
from careercli.model import CATEGORIES, Catalog, RoleSummary
from careercli.queries.resolve import normalise


def resolve_category(category: str) -> str:
    wanted = normalise(category)
    matches = [c for c in CATEGORIES if normalise(c).startswith(wanted)] if wanted else []
    if len(matches) == 1:
        return matches[0]
    raise NotFoundError(f"unknown category '{category}'; choose one of: {', '.join(CATEGORIES)}")


def list_roles(catalog: Catalog, category: str | None = None) -> list[RoleSummary]:
    """Roles in category order (as in CATEGORIES), then by name: their summaries, all a listing shows."""
    order = {name: index for index, name in enumerate(CATEGORIES)}
    roles = list(catalog.role_summaries())
    if category is not None:
        wanted = resolve_category(category)
        roles = [r for r in roles if r.category == wanted]
    return sorted(roles, key=lambda r: (order.get(r.category, len(order)), r.name.casefold(), r.slug))
