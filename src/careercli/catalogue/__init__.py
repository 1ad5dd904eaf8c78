"""The catalogue: where the curated data comes from (sources), what a valid entry is (schema), how files
become one checked catalogue (build) and where derived data is kept between runs (store).

Kept empty on purpose: the start-up replay imports ``careercli.catalogue.sources`` alone, standard library only.
"""
