"""Generate data/onet/, the O*NET extract bundled with careercli, from the real release files.

The extract keeps the release's layout: the same file names and header rows, only the selected rows, byte for
byte (line endings included), and 'Read Me.txt' whole (its version and licence lines). Selected: the occupations
that curated roles link to (``onet = "..."`` in data/roles.toml, plus any codes given with --code), every
occupation of SOC major group 15, and the occupations related to those.

It then writes data/onet.sqlite, the extract's database, which careercli ships prebuilt and opens in place
(tests/test_onet_cache.py checks that it holds what the extract gives). After a change to the extract's files or
to the database schema, rebuild it alone with --database.

    python scripts/build_onet_extract.py ../shared/onet/29.2
    python scripts/build_onet_extract.py ../shared/onet/29.2 --code 11-3021.00 --code 27-3042.00
    python scripts/build_onet_extract.py --database
"""

from __future__ import annotations

import argparse
import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from careercli.onet import db as onet_db  # noqa: E402
from careercli.onet.release import CODE, COLUMNS, OCCUPATIONS, README, Release  # noqa: E402

GROUP = "15-"


def role_codes(roles_file: Path) -> set[str]:
    if not roles_file.is_file():
        return set()
    document = tomllib.loads(roles_file.read_text("utf-8"))
    return {r["onet"] for r in document.get("role", []) if re.fullmatch(r"\d{2}-\d{4}\.\d{2}", r.get("onet", ""))}


def select(release: Release, wanted: set[str]) -> set[str]:
    """The codes to keep: the wanted ones and group 15 that exist, and the occupations related to them."""
    all_codes = {row.values[0] for row in release.rows(OCCUPATIONS)}
    unknown = sorted(wanted - all_codes)
    if unknown:
        raise SystemExit(f"not in the release: {', '.join(unknown)}")
    core = {c for c in all_codes if c.startswith(GROUP)} | wanted
    related: set[str] = set()
    if release.has("Related Occupations.txt"):
        for row in release.rows("Related Occupations.txt"):
            if row.values[0] in core:
                related.add(row.values[1])
    return core | (related & all_codes)


def write_subset(release: Release, name: str, keep: set[str], out: Path) -> int:
    """Copy the header and the rows of the kept occupations (both ends kept, for related occupations)."""
    data = release.raw_bytes(name)
    lines = data.splitlines(keepends=True)
    header = lines[0].decode("utf-8-sig").rstrip("\r\n").split("\t")
    columns = [i for i, column in enumerate(header) if column in (CODE, "Related O*NET-SOC Code")]
    kept = [lines[0]]
    for line in lines[1:]:
        fields = line.decode("utf-8").rstrip("\r\n").split("\t")
        if not columns or all(fields[i] in keep for i in columns):
            kept.append(line)
    (out / name).write_bytes(b"".join(kept))
    return len(kept) - 1


def write_database(extract: Path, target: Path) -> None:
    """The extract's database, as careercli ships it (written whole, then moved into place)."""
    target.unlink(missing_ok=True)
    with Release(extract) as release:
        summary = onet_db.build(release, target)
    target.chmod(0o644)
    print(f"{target}: {summary.occupations} occupations")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("release", type=Path, nargs="?", help="the O*NET text release (zip or folder)")
    parser.add_argument("--database", action="store_true", help="only rebuild the database from the extract")
    parser.add_argument("--code", action="append", default=[], help="an O*NET-SOC code to include (repeatable)")
    parser.add_argument("--out", type=Path, default=ROOT / "data" / "onet", help="where to write (data/onet)")
    parser.add_argument("--roles", type=Path, default=ROOT / "data" / "roles.toml")
    args = parser.parse_args(argv)
    database = args.out.parent / "onet.sqlite"
    if args.database:
        write_database(args.out, database)
        return 0
    if args.release is None:
        parser.error("give the O*NET release, or --database")
    wanted = role_codes(args.roles) | set(args.code)
    with Release(args.release) as release:
        keep = select(release, wanted)
        args.out.mkdir(parents=True, exist_ok=True)
        for old in args.out.glob("*.txt"):
            old.unlink()
        for name in [*COLUMNS, README]:
            if not release.has(name):
                continue
            if name == README or CODE not in release.header(name):
                (args.out / name).write_bytes(release.raw_bytes(name))
                print(f"{name}: copied")
            else:
                print(f"{name}: {write_subset(release, name, keep, args.out):,} rows")
    print(f"{len(keep)} occupations (O*NET {release.version}) in {args.out}")
    write_database(args.out, database)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
