"""What a user typed, resolved to a curated role or an O*NET occupation; occupations as role-like targets.

Order: a curated role first (exact id, alias, name, unique prefix: :func:`careercli.queries.resolve.resolve_role`),
else an occupation by O*NET-SOC code (``15-1252.00``, ``15-1252``), title, alternate title or reported title
(:func:`careercli.queries.occupations.find`). An unknown name gets one did-you-mean over role names and occupation
titles. The occupation database is opened only when no curated role answers (``open_db`` is called lazily), so
a command about a curated role never touches sqlite unless its page shows official facts.
"""

from __future__ import annotations

import sqlite3
from collections import ChainMap
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from careercli.errors import CareerError, NotFoundError
from careercli.model import Catalog, Role
from careercli.queries import occupations as occ
from careercli.queries import resolve as res
from careercli.records import record

OpenDb = Callable[[], "sqlite3.Connection | None"]
_IMPORT_HINT = "'career data import-onet PATH' adds every occupation of an O*NET release"


@record
class Target:
    """A curated role or an occupation: exactly one of ``role`` and ``occupation`` is set."""

    role: Role | None = None
    occupation: occ.Match | None = None

    @property
    def kind(self) -> str:
        return "role" if self.role is not None else "occupation"

    @property
    def id(self) -> str:
        """The role's slug or the occupation's code: what a bookmark stores and ``career show`` takes."""
        if self.role is not None:
            return self.role.slug
        assert self.occupation is not None
        return self.occupation.code

    @property
    def title(self) -> str:
        if self.role is not None:
            return self.role.name
        assert self.occupation is not None
        return self.occupation.title


def lookup(catalog: Catalog, query: str, open_db: OpenDb | None = None) -> Target:
    """The role or occupation ``query`` names; a :class:`NotFoundError` with a did-you-mean otherwise.

    ``open_db`` (``careercli.onet.bundled.current``) is called only when no curated role answers; without it, or
    when it gives None, only roles resolve.
    """
    try:
        return Target(role=res.resolve_role(catalog, query))
    except NotFoundError as error:
        role_error = error
    if not res.normalise(query):
        raise role_error
    db = open_db() if open_db is not None else None
    if db is None:
        raise role_error
    matches = occ.find(db, query)
    codes = list(dict.fromkeys(m.code for m in matches))
    if len(codes) == 1:
        return Target(occupation=matches[0])
    if codes:
        shown = ", ".join(f"{m.code} ({m.title})" for m in matches[:5]) + (", ..." if len(codes) > 5 else "")
        raise NotFoundError(f"'{res.clip(query)}' is a title of several occupations: {shown}",
                            "name one by its code, e.g. 'career show " + codes[0] + "'")  # fmt: skip
    code = occ.normalise_code(query)
    if code is not None:
        raise NotFoundError(f"no occupation {code} in the O*NET {occ.version(db) or ''} data".replace("  ", " "),
                            _IMPORT_HINT)  # fmt: skip
    if _names_a_role(catalog, query):
        raise role_error  # several roles share the name or prefix: the resolver's message lists them
    raise NotFoundError(unknown_message(catalog, db, query))


def _names_a_role(catalog: Catalog, query: str) -> bool:
    wanted = res.normalise(query)
    return any(res.normalise(name).startswith(wanted) for role in catalog.roles.values() for name in _role_names(role))


def _role_names(role: Role) -> list[str]:
    return [role.slug, role.name, *role.aliases]


def unknown_message(catalog: Catalog, db: sqlite3.Connection, query: str) -> str:
    """'unknown role or occupation' with the closest role names and occupation titles, or a search to try."""
    items: dict[str, object] = dict(catalog.roles)
    titles = {f"\0{code}": (code, title) for code, title in db.execute("SELECT code, title FROM occupation")}
    items.update(titles)

    def names(item: object) -> Iterable[str]:
        return _role_names(item) if isinstance(item, Role) else [item[1]]  # type: ignore[index]

    message = f"unknown role or occupation '{res.clip(query)}'"
    close = res.suggest(query, items, names)
    if close:
        shown = [f"'{titles[k][1]}' ({titles[k][0]})" if k in titles else f"'{k}'" for k in close]
        listed = ", ".join(shown[:-1]) + " or " + shown[-1] if len(shown) > 1 else shown[0]
        return f"{message}; did you mean {listed}?"
    command = res.search_command(query, "role")
    if command:
        return f"{message}; try {res.quoted(command.rsplit(' --kind', 1)[0])}"
    return message


# -- the catalogue's side of the link ---------------------------------------------------------------------------
def stored_tables(catalog: Catalog) -> dict[str, Any]:
    """What a stored catalogue keeps of this module's tables (read back with ``Catalog.table``), so that a page
    about one role or occupation does not walk 10,000 roles or every skill to make them."""
    return {"curated_roles": _curated_roles(catalog), "linked_roles": _linked_roles(catalog),
            "skill_names": _skill_names(catalog)}  # fmt: skip


def curated_roles(catalog: Catalog) -> dict[str, str]:
    """``{O*NET code: role slug}``: the first curated role (in catalogue order) that links to each occupation."""
    stored = catalog.table("curated_roles")
    return stored if isinstance(stored, dict) else _curated_roles(catalog)


def _curated_roles(catalog: Catalog) -> dict[str, str]:
    found: dict[str, str] = {}
    for role in catalog.role_summaries():  # a stored catalogue reads them in one query, not 10,000 whole roles
        if role.onet and role.onet != "none":
            found.setdefault(role.onet, role.slug)
    return found


def linked_roles(catalog: Catalog) -> dict[str, tuple[str, ...]]:
    """``{O*NET code: role slugs}``: every curated role that links to each occupation, in catalogue order."""
    stored = catalog.table("linked_roles")
    return stored if isinstance(stored, dict) else _linked_roles(catalog)


def _linked_roles(catalog: Catalog) -> dict[str, tuple[str, ...]]:
    found: dict[str, list[str]] = {}
    for role in catalog.role_summaries():
        if role.onet and role.onet != "none":
            found.setdefault(role.onet, []).append(role.slug)
    return {code: tuple(slugs) for code, slugs in found.items()}


def skill_names(catalog: Catalog) -> dict[str, str]:
    """``{skill id, name or alias: skill id}``, what :func:`careercli.queries.occupations.skill_index` takes."""
    stored = catalog.table("skill_names")
    return stored if isinstance(stored, dict) else _skill_names(catalog)


def _skill_names(catalog: Catalog) -> dict[str, str]:
    names: dict[str, str] = {}
    for skill in catalog.skills.values():
        for name in (skill.id, skill.name, *skill.aliases):
            names.setdefault(name, skill.id)
    return names


def occupation_detail(catalog: Catalog, db: sqlite3.Connection, code: str) -> occ.Occupation | None:
    """An occupation's facts with its technologies mapped to the catalogue's skills."""
    return occ.detail(db, code, occ.skill_index(skill_names(catalog)))


def linked_occupation(catalog: Catalog, role: Role, db: sqlite3.Connection | None) -> occ.Occupation | None:
    """The occupation a curated role links to (``onet = "..."``), for the role's page; None when it has none."""
    if db is None or not role.onet or role.onet == "none":
        return None
    return occupation_detail(catalog, db, role.onet)


# -- an occupation where a role is expected ---------------------------------------------------------------------
def as_role(occupation: occ.Occupation) -> Role:
    """A role-like view of an occupation for gap, compare and suggest: its id is the code, its key skills the
    careercli skills its hot and in-demand technologies name (in-demand first), each a unit of its own."""
    return Role(
        slug=occupation.code,
        name=occupation.title,
        category="occupation",
        summary=occupation.description,
        what_they_do=occupation.description,
        what_to_learn=(),
        key_skills=occupation.skills,
        challenges=(),
        career_prospects=(),
        next_roles=(),
        related_roles=(),
        source=f"O*NET {occupation.version}".strip(),
        onet=occupation.code,
    )


# an occupation's plan is measured only when at least this many careercli skills, and at least this share of its
# hot and in-demand technologies, map: a nurse's 2 of 16 (Excel, Spark) or an accountant's 5 of 38 would make a
# plan about what the catalogue happens to know, not about the occupation
MEASURABLE_SKILLS = 5
MEASURABLE_SHARE = 0.2


def unmeasurable(occupation: occ.Occupation) -> str | None:
    """Why the catalogue cannot measure an occupation's gap (too few of its technologies map), or None."""
    hot = occupation.hot_technologies
    mapped = occupation.skills
    if len(mapped) >= MEASURABLE_SKILLS and len(mapped) >= MEASURABLE_SHARE * len(hot):
        return None
    return (
        f"careercli cannot measure a gap to {occupation.title} ({occupation.code}): only {len(mapped)} of its "
        f"{len(hot)} hot and in-demand technologies are careercli skills"
    )


def role_like(catalog: Catalog, query: str, open_db: OpenDb | None = None, measured: bool = False) -> Role:
    """What ``gap``, ``compare`` and ``suggest --why`` work on: the curated role, or the occupation as a role.
    ``measured``: refuse an occupation too few of whose technologies map to skills (:func:`unmeasurable`)."""
    target = lookup(catalog, query, open_db)
    if target.role is not None:
        return target.role
    db = open_db() if open_db is not None else None
    found = occupation_detail(catalog, db, target.id) if db is not None else None
    if found is None:  # the database changed under us: say so plainly
        raise NotFoundError(f"no occupation {target.id} in the O*NET data", _IMPORT_HINT)
    reason = unmeasurable(found) if measured else None
    if reason is not None:
        raise CareerError(reason, f"'career show {found.code}' gives its O*NET facts.")
    return as_role(found)


@record
class Facts:
    """The official facts of one occupation and the bookmarks (role slugs or codes) that lead to it."""

    bookmarks: tuple[str, ...]
    occupation: occ.Occupation


def official_facts(catalog: Catalog, ids: Iterable[str], db: sqlite3.Connection | None) -> tuple[Facts, ...]:
    """The facts of bookmarked roles' linked occupations and of bookmarked occupations, each occupation once,
    in bookmark order. Roles with no link and codes no longer in the data are left out."""
    if db is None:
        return ()
    order: dict[str, list[str]] = {}
    for ident in ids:
        role = catalog.roles.get(ident)
        code = role.onet if role is not None else occ.normalise_code(ident)
        if code and code != "none":
            order.setdefault(code, []).append(ident)
    index = occ.skill_index(skill_names(catalog))
    found = []
    for code, marks in order.items():
        page = occ.detail(db, code, index)
        if page is not None:
            found.append(Facts(tuple(marks), page))
    return tuple(found)


def with_roles(catalog: Catalog, extra: Mapping[str, Role]) -> Catalog:
    """The catalog with role-like occupations added (``extra`` by code) in front of its own roles, lazily (a
    ChainMap: the curated roles are not read one by one), so presenters that name roles by id name them too."""
    if not extra:
        return catalog
    # typeshed asks for every map of a ChainMap to be mutable; it writes only to the first (a dict here)
    return catalog.replace(roles=ChainMap(dict(extra), catalog.roles))  # type: ignore[arg-type]


def occupation_roles(
    catalog: Catalog, ids: Iterable[str], db: sqlite3.Connection | None, unmeasured: dict[str, str] | None = None
) -> dict[str, Role]:
    """The ids that are no curated role but an occupation in ``db`` (bookmarked codes), as role-like views; with
    ``unmeasured``, each code the catalogue cannot measure a gap to is added to it with the reason
    (:func:`unmeasurable`), the rule ``gap`` and ``plan`` apply."""
    found: dict[str, Role] = {}
    if db is None:
        return found
    index = None
    for ident in ids:
        code = occ.normalise_code(ident) if ident not in catalog.roles else None
        if code is None or code != ident or code in found:
            continue
        index = index if index is not None else occ.skill_index(skill_names(catalog))
        page = occ.detail(db, code, index)
        if page is not None:
            found[code] = as_role(page)
            reason = unmeasurable(page) if unmeasured is not None else None
            if reason is not None and unmeasured is not None:
                unmeasured[code] = reason
    return found
