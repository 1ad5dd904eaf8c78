"""The catalogue: where the curated data comes from (sources), what a valid entry is (schema), how files
become one checked catalogue (build) and the keyed store that keeps derived data between runs (store); what is
kept there, with the tables queries work out, is :mod:`careercli.stored`.

Kept empty on purpose: the start-up replay imports ``careercli.catalogue.sources`` alone, standard library only.
"""
