"""Shell completion values, from the catalog and the profile. A completion never fails loudly: on any
problem (a broken pack, an unreadable profile) it offers nothing."""

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
