"""Every occupation's interest profile and job zone: the table ``career discover`` ranks.

The bundled table (``data/occupation-profiles.tsv``, made by ``scripts/build_interest_profiles.py`` from the
O*NET 29.2 release) covers all of the release's occupations, not only the ones whose full pages are bundled. Each
row: code, title, job zone, the six RIASEC values of O*NET's "OI" scale (1 to 7) and O*NET's published high-point
letters. Standard library only.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, NamedTuple

from careercli.errors import CareerError

if TYPE_CHECKING:
    from collections.abc import Iterable

AREAS = ("Realistic", "Investigative", "Artistic", "Social", "Enterprising", "Conventional")
LETTERS = "RIASEC"
HEADER = ("code", "title", "job_zone", *LETTERS, "high_point")
FILE_NAME = "occupation-profiles.tsv"


class OccupationProfile(NamedTuple):
    code: str
    title: str
    job_zone: int | None
    interests: tuple[float, ...] | None  # RIASEC order; None: O*NET publishes no interest profile for it
    high_point: str  # O*NET's own high-point letters ("ICR"); "" when it publishes none


class ProfileTableError(CareerError):
    """The table of occupation profiles cannot be read."""


def parse(text: str, source: str) -> list[OccupationProfile]:
    """The rows of a profile table; a malformed row is an error naming the file and line. One pass without a
    generator or a ``try`` a row: ``career discover`` parses all 923 rows on every run."""
    lines = text.splitlines()
    if not lines or tuple(lines[0].split("\t")) != HEADER:
        raise ProfileTableError(f"{source}:1: not a table of occupation profiles (its header differs)")
    out: list[OccupationProfile] = []
    append, width, number = out.append, len(HEADER), 1
    try:
        for number, line in enumerate(lines[1:], start=2):  # noqa: B007 - the number names a malformed row
            fields = line.split("\t")
            if len(fields) != width:
                raise ValueError("a RIASEC value is missing" if len(fields) < width else "too many fields")
            code, title, zone, r, i, a, s, e, c, high = fields
            interests = (float(r), float(i), float(a), float(s), float(e), float(c)) if r else None
            append(OccupationProfile(code, title, int(zone) if zone else None, interests, high))
    except ValueError as error:
        raise ProfileTableError(f"{source}:{number}: malformed row ({error})") from None
    return out


def _bundled_text() -> tuple[str, str]:
    from careercli.paths import bundled_data_folder

    path = os.path.join(bundled_data_folder(), FILE_NAME)
    try:
        with open(path, encoding="utf-8") as file:
            return file.read(), path
    except OSError as error:
        raise ProfileTableError(f"cannot read {path}: {error.strerror or error}") from None


def bundled() -> list[OccupationProfile]:
    """The table shipped with careercli."""
    return parse(*_bundled_text())


def bundled_some(codes: Iterable[str]) -> list[OccupationProfile]:
    """The bundled rows of the occupations ``codes`` (those it has), each row found in the text rather than the
    whole table parsed: ``career suggest`` needs a few dozen of 923."""
    text, source = _bundled_text()
    rows = [text.split("\n", 1)[0]]
    for code in sorted(set(codes)):
        start = text.find(f"\n{code}\t")
        if start >= 0:
            end = text.find("\n", start + 1)
            rows.append(text[start + 1 : end if end >= 0 else len(text)])
    return parse("\n".join(rows), source)


def high_point(code: str) -> str:
    """O*NET's published high-point letters of one occupation ("ICR"), "" when it publishes none: one row found in
    the text, not the whole table parsed (an occupation's page needs only this)."""
    text, _ = _bundled_text()
    start = text.find(f"\n{code}\t")
    if start < 0:
        return ""
    line = text[start + 1 : text.find("\n", start + 1)]
    letters = line.rsplit("\t", 1)[-1]
    return letters if all(c in LETTERS for c in letters) else ""
