"""Shell completion values, from the catalog, the O*NET data, the preferences' keys and the profile. A completion
never fails loudly: on any problem (a broken pack, an unreadable profile) it offers nothing.

The functions named in :data:`LIVE` run at each Tab (``careercli.completion``); the others are asked once, with
an empty word, when the completion snapshot is built."""

from __future__ import annotations

TYPE_CHECKING = False  # collections.abc costs a Tab an import
if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

Choices = list[tuple[str, str]]


def _safe(produce: Callable[[], Iterable[tuple[str, str]]], incomplete: str) -> Choices:
    wanted = incomplete.casefold()
    try:
        return [(value, help_) for value, help_ in produce() if value.casefold().startswith(wanted)]
    except Exception:
        return []


def _catalog():
    from careercli.stored.load import load_catalog

    return load_catalog()


def _profile():
    from careercli.paths import plain, profile_file
    from careercli.profile import ProfileStore

    return ProfileStore(plain(profile_file())).load()


def roles(incomplete: str) -> Choices:
    return _safe(lambda: sorted((r.slug, r.name) for r in _catalog().roles.values()), incomplete)


def _occupations() -> Choices:
    """Every O*NET occupation by code (its title beside it), then by title (its code beside it)."""
    from careercli.onet.bundled import current
    from careercli.queries.occupations import by_group

    db = current()
    if db is None:
        return []
    try:
        rows = by_group(db)
    finally:
        db.close()
    return [(m.code, m.title) for m in rows] + sorted((m.title, m.code) for m in rows)


def occupation_names(incomplete: str) -> Choices:
    return _safe(_occupations, incomplete)


def occupations(incomplete: str) -> Choices:
    """For the commands that take a role or an occupation: the roles, and once a character is typed the
    occupations too (an empty word lists the roles alone, not a thousand occupations)."""
    return roles(incomplete) + (occupation_names(incomplete) if incomplete else [])


# completer -> the completer of what it offers besides once a character is typed (the snapshot keeps it apart)
WHEN_TYPED = {"occupations": "occupation_names"}


def groups(incomplete: str) -> Choices:
    """The SOC major groups the O*NET data has, with their titles."""
    from careercli.onet.bundled import current
    from careercli.queries.occupation_lists import groups as major_groups

    def produce() -> Choices:
        db = current()
        if db is None:
            return []
        try:
            return [(g.major, g.title) for g in major_groups(db)]
        finally:
            db.close()

    return _safe(produce, incomplete)


def config_keys(incomplete: str) -> Choices:
    from careercli.config import DOCS

    return _safe(lambda: DOCS.items(), incomplete)


def config_values(ctx, incomplete: str) -> Choices:  # noqa: ANN001  # Typer's context, or the Tab's (completion.py)
    """The values of the key given before, for the keys that have a few."""
    from careercli.config import VALUES

    return _safe(lambda: [(v, "") for v in VALUES.get(ctx.params.get("key") or "", ())], incomplete)


def skills(incomplete: str) -> Choices:
    return _safe(lambda: sorted((s.id, s.name) for s in _catalog().skills.values()), incomplete)


def books(incomplete: str) -> Choices:
    return _safe(lambda: sorted((b.id, b.title) for b in _catalog().books.values()), incomplete)


def topics(incomplete: str) -> Choices:
    from careercli.queries.books import topics as all_topics

    return _safe(lambda: [(t, "topic") for t in all_topics(_catalog())], incomplete)


def bookmarked(incomplete: str) -> Choices:
    return _safe(lambda: [(b.role, b.note[:40]) for b in _profile().bookmarks], incomplete)


def my_skills(incomplete: str) -> Choices:
    return _safe(lambda: [(s, "") for s in _profile().skills] + [(c, "custom") for c in _profile().custom_skills],
                 incomplete)  # fmt: skip


def reading(incomplete: str) -> Choices:
    return _safe(lambda: [(r.book, f"{r.title}, {r.status}" if r.custom else r.status) for r in _profile().reading],
                 incomplete)  # fmt: skip


def tags(incomplete: str) -> Choices:
    return _safe(lambda: sorted({(t, "tag") for b in _profile().bookmarks for t in b.tags}), incomplete)


LIVE = ("bookmarked", "my_skills", "reading", "tags", "config_values")  # the profile as it is now; the key given
