"""What is kept in the catalogue's store between runs, above the queries that work it out: the checked catalogue
item by item with the tables its pages read (``load``), and the search index as tables (``search_store``).

Queries read the tables back through ``Catalog.table(name)`` and never import this package.
"""
