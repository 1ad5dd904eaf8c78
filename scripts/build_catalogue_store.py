"""Write data/catalogue.sqlite3, the store of the bundled catalogue that careercli ships prebuilt and copies into
a new cache folder instead of building the catalogue (``careercli.stored.seed``).

Run it after a change to the bundled data or to a module that makes the store (the store lists them); until
then careercli builds the catalogue as without it, and tests/test_catalogue_seed.py fails.

    python scripts/build_catalogue_store.py          # write it
    python scripts/build_catalogue_store.py --check  # exit 1 when the shipped store is not what it would write
"""

from __future__ import annotations

import argparse
import marshal
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))


def made() -> dict[str, bytes]:
    """The rows of the store, made as a command makes them, with the seed's own two rows."""
    from careercli.catalogue.build import build_catalog
    from careercli.catalogue.sources import catalog_sources
    from careercli.stored import load

    sources = [source for source in catalog_sources() if source.origin == "bundled"]
    warnings: list[str] = []
    catalog = build_catalog(sources, warnings=warnings, quiet_bundled=True)  # as load._build_and_store does
    rows = dict(load._blobs(load._with_indexes(catalog), warnings))
    package = os.path.dirname(os.path.dirname(os.path.abspath(load.__file__)))
    used = sorted(module.__file__ for name, module in sys.modules.items()
                  if name.partition(".")[0] == "careercli" and getattr(module, "__file__", None))  # fmt: skip
    modules = tuple(os.path.relpath(path, package) for path in used)

    from careercli.stored import seed  # imported after the modules are listed: it does not make the store

    rows[seed.MODULES] = marshal.dumps(modules)
    rows[seed.IDENTITY] = marshal.dumps(seed.identity(modules))
    return rows


def shipped(path: Path) -> dict[str, bytes]:
    import sqlite3

    if not path.is_file():
        return {}
    with sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True) as db:
        return {name: data for name, data in db.execute("SELECT name, data FROM blob") if name != "key"}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare, do not write")
    parser.add_argument("--out", type=Path, default=ROOT / "data" / "catalogue.sqlite3")
    args = parser.parse_args(argv)
    rows = made()
    if args.check:
        found = shipped(args.out)
        loaded = [{name: marshal.loads(data) for name, data in table.items()} for table in (rows, found)]
        differ = sorted(name for name in rows.keys() | found.keys() if loaded[0].get(name) != loaded[1].get(name))
        if differ:
            print(f"{args.out} is stale ({len(differ)} rows differ, first {differ[0]}): run {sys.argv[0]}")
            return 1
        return 0
    from careercli.catalogue.store import fill

    temporary = args.out.with_name(f".{args.out.name}.tmp")
    temporary.unlink(missing_ok=True)
    fill(str(temporary), "seed", sorted(rows.items()))
    os.replace(temporary, args.out)
    print(f"wrote {args.out}: {len(rows)} rows, {args.out.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
