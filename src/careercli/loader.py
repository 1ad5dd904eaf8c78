"""Where the catalog comes from: the bundled data, then the user's packs, merged in that order."""

from __future__ import annotations

from careercli.catalog import Source, build_catalog, bundled_sources
from careercli.model import Catalog


def catalog_sources() -> list[Source]:
    return bundled_sources()


def load_catalog() -> Catalog:
    return build_catalog(catalog_sources())


def load_search_index(catalog: Catalog) -> object:
    from careercli.queries.search import build_index

    return build_index(catalog)
