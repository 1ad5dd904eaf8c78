"""U.S. Bureau of Labor Statistics facts by occupation: pay (OEWS) and the outlook (Employment Projections).

:mod:`careercli.bls.facts` reads them (standard library only; the user's import, else the extract bundled in
``data/bls/``): ``facts.pay_for("15-1252.00")``, ``facts.outlook_for("15-1252")``. :mod:`careercli.bls.workbook`
reads BLS's own workbooks for ``career data import-oews`` and ``import-projections`` (python-calamine, imported on
that path only). ``scripts/build_bls_extract.py`` makes the bundled extract from ``../shared/bls``.
"""
