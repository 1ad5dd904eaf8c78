"""Which occupations suit a person's interests: the ranking behind ``career discover``. Pure functions.

The method is the one the U.S. Department of Labor's explorer (My Next Move and its O*NET Interest Profiler) is
built on: a person describes how much each of the six RIASEC areas appeals to them, and each occupation is
scored by the Pearson correlation between those six numbers and the occupation's O*NET interest profile (the
"OI" scale). A correlation compares shapes, not levels: someone who rates everything high but Investigative
and Conventional highest matches the same occupations as someone who rates everything low with the same two on
top. Fit is shown as the correlation times 100 (100: the same shape, 0: unrelated, below 0: opposite).
Occupations O*NET publishes no interest profile for are kept, after the ranked ones, marked as such.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import NamedTuple

from careercli.errors import UsageError
from careercli.onet.profiles import AREAS, LETTERS, OccupationProfile

LOW, HIGH = 0, 10  # the scale a person answers on
LETTER_SCORES = (10, 8, 6)  # --interests "IC": the first letter 10, the second 8, the third 6, the others LOW


class Match(NamedTuple):
    profile: OccupationProfile
    fit: int | None  # the correlation times 100; None: no interest data


class Part(NamedTuple):
    """One area's share of a fit: the person's and the occupation's standard scores and their product."""

    area: str
    person: float
    occupation: float
    share: float


def scores_from_letters(text: str) -> tuple[float, ...]:
    """Six scores from up to three RIASEC letters, most appealing first ("IC" or "ric")."""
    letters = text.strip().upper()
    bad = [c for c in letters if c not in LETTERS]
    if not letters or bad or len(set(letters)) != len(letters) or len(letters) > len(LETTER_SCORES):
        raise UsageError(f"--interests takes one to three different letters of {LETTERS}, most appealing first")
    scores = [float(LOW)] * len(LETTERS)
    for position, letter in enumerate(letters):
        scores[LETTERS.index(letter)] = float(LETTER_SCORES[position])
    return tuple(scores)


def scores_from_pairs(text: str) -> tuple[float, ...]:
    """Six scores from "R=5,I=7,A=2,S=1,E=3,C=6": every letter once, each a number from 0 to 10."""
    found: dict[str, float] = {}
    for item in text.split(","):
        letter, _, value = item.partition("=")
        letter = letter.strip().upper()
        try:
            number = float(value)
        except ValueError:
            number = math.nan
        if letter not in LETTERS or letter in found or not LOW <= number <= HIGH:
            raise UsageError(f"--scores takes each of {','.join(LETTERS)} once, as L=N with N from {LOW} to {HIGH}")
        found[letter] = number
    if len(found) != len(LETTERS):
        missing = ", ".join(c for c in LETTERS if c not in found)
        raise UsageError(f"--scores needs all six areas; missing: {missing}")
    return tuple(found[c] for c in LETTERS)


def _standard(values: Sequence[float]) -> tuple[float, ...] | None:
    mean = sum(values) / len(values)
    spread = math.sqrt(sum((v - mean) ** 2 for v in values) / len(values))
    if spread == 0:
        return None
    return tuple((v - mean) / spread for v in values)


def fit(person: Sequence[float], interests: Sequence[float]) -> int | None:
    """The Pearson correlation of two six-area profiles, times 100 and rounded; None when either is flat."""
    parts = explain(person, interests)
    if parts is None:
        return None
    return round(100 * sum(p.share for p in parts))


def explain(person: Sequence[float], interests: Sequence[float]) -> list[Part] | None:
    """Each area's share of the correlation (they add up to it): where the two profiles agree or pull apart."""
    a, b = _standard(person), _standard(interests)
    if a is None or b is None:
        return None
    return [Part(area, x, y, x * y / len(AREAS)) for area, x, y in zip(AREAS, a, b, strict=True)]


def flat(person: Sequence[float]) -> bool:
    """A person who rated every area the same: no shape to match."""
    return _standard(person) is None


def rank(
    person: Sequence[float], profiles: Iterable[OccupationProfile], zones: Iterable[int] | None = None
) -> list[Match]:
    """Occupations in the acceptable job zones (all when None), best fit first (then by title); those without an
    interest profile last, by title. An occupation O*NET gives no job zone is never filtered out by zone."""
    wanted = None if zones is None else frozenset(zones)
    ranked: list[Match] = []
    unknown: list[Match] = []
    mine = _standard(person)  # once, not once an occupation: the same sums as fit() makes
    size = len(AREAS)
    for profile in profiles:
        if wanted is not None and profile.job_zone is not None and profile.job_zone not in wanted:
            continue
        theirs = None if profile.interests is None or mine is None else _standard(profile.interests)
        score = None
        if theirs is not None and mine is not None:
            score = round(100 * sum([x * y / size for x, y in zip(mine, theirs, strict=True)]))
        (unknown if score is None else ranked).append(Match(profile, score))
    ranked.sort(key=lambda m: (-(m.fit or 0), m.profile.title))
    unknown.sort(key=lambda m: m.profile.title)
    return ranked + unknown


def top_letters(interests: Sequence[float], count: int = 3) -> str:
    """The letters of the highest areas, highest first (ties in RIASEC order)."""
    order = sorted(range(len(LETTERS)), key=lambda i: (-interests[i], i))
    return "".join(LETTERS[i] for i in order[:count])


def leading_letters(scores: Sequence[float], count: int = 3) -> str:
    """A person's top letters: up to ``count`` areas rated above their lowest rating ("IC" for --interests IC)."""
    low = min(scores)
    return "".join(c for c in top_letters(scores, count) if scores[LETTERS.index(c)] > low)


# -- the answers on the command line ------------------------------------------------------------------------------
ZONES = (1, 2, 3, 4, 5)
SKILL_BONUS = 20  # --skills: a score is the fit plus up to this many points for the best linked role's coverage


def zones_from(text: str) -> tuple[int, ...]:
    """Job zones from "4", "3-4" or "2,4" (a range and single zones may be mixed: "1,3-5")."""
    found: set[int] = set()
    for item in text.split(","):
        low, dash, high = item.strip().partition("-")
        try:
            first, last = int(low), int(high) if dash else int(low)
        except ValueError:
            first, last = 0, -1
        if not (first in ZONES and last in ZONES and first <= last):
            raise UsageError("--zone takes job zones from 1 to 5: one (4), a range (3-4) or a list (2,4)")
        found.update(range(first, last + 1))
    return tuple(sorted(found))


def zones_text(zones: Sequence[int]) -> str:
    """(3, 4) as "3-4", (2, 4) as "2,4", all five as "1-5"."""
    parts: list[str] = []
    run: list[int] = []
    for zone in sorted(zones):
        if run and zone != run[-1] + 1:
            parts.append(_run(run))
            run = []
        run.append(zone)
    if run:
        parts.append(_run(run))
    return ",".join(parts)


def _run(run: list[int]) -> str:
    return str(run[0]) if len(run) == 1 else f"{run[0]}-{run[-1]}"


# -- the results ---------------------------------------------------------------------------------------------------
class Result(NamedTuple):
    """One occupation in the results: its rank (None: no interest data), fit, score, the curated roles that link
    to it (and the best covered of them with --skills), BLS pay and outlook (None: BLS publishes none)."""

    rank: int | None
    match: Match
    score: float | None  # the fit, plus the skills bonus with --skills
    roles: tuple[str, ...]
    best_role: str | None  # the linked role whose key skills the user covers best (with --skills)
    coverage: float | None  # that role's weighted coverage, 0 to 1 (with --skills)
    pay: object | None  # careercli.bls.facts.Pay
    outlook: object | None  # careercli.bls.facts.Outlook


class Discovery(NamedTuple):
    results: list[Result]
    total: int  # occupations in the acceptable zones (and pay) before --limit
    without_profile: int  # of those, how many have no interest data
    below_pay: int  # left out: their published median pay is under --min-pay


def median_pay(pay: object | None) -> tuple[float | None, bool]:
    """The median annual pay, and whether it is BLS's top code (the median is at or above that figure)."""
    if pay is None:
        return None, False
    median = pay.annual.median  # type: ignore[attr-defined]
    if median.top_coded:
        top = pay.top_annual  # type: ignore[attr-defined]
        try:
            return float(top), True
        except ValueError:
            return None, True
    return median.value, False


def discover(
    person: Sequence[float],
    profiles: Iterable[OccupationProfile],
    zones: Iterable[int] | None,
    linked: Mapping[str, tuple[str, ...]],
    pay_of: Callable[[str], object | None],
    outlook_of: Callable[[str], object | None],
    min_pay: float | None = None,
    coverage: Mapping[str, float] | None = None,
    limit: int = 20,
) -> Discovery:
    """The ranking for ``career discover``: :func:`rank`, then with ``coverage`` (each curated role's weighted
    coverage by the user's skills) each occupation's score becomes its fit plus :data:`SKILL_BONUS` times the
    coverage of its best covered linked role; ``min_pay`` leaves out occupations whose published median annual pay
    is lower (one BLS publishes no median for stays, marked). Pay and outlook are looked up only for the rows
    kept, as far as ``limit`` (0: all) needs."""
    ranked = rank(person, profiles, zones)
    scored: list[tuple[Match, float | None, str | None, float | None]] = []
    for match in ranked:
        best, share = _best_role(linked.get(match.profile.code, ()), coverage)
        score: float | None = None if match.fit is None else float(match.fit)
        if score is not None and share is not None:
            score += SKILL_BONUS * share
        scored.append((match, score, best, share))
    if coverage is not None:
        scored.sort(key=lambda item: (item[1] is None, -(item[1] or 0), item[0].profile.title))
    results: list[Result] = []
    below = 0
    position = 0
    for match, score, best, share in scored:
        if limit and len(results) == limit and min_pay is None:
            break
        code = match.profile.code
        pay = pay_of(code)
        if min_pay is not None:
            median, top = median_pay(pay)
            if median is not None and not top and median < min_pay:
                below += 1
                continue
        if match.fit is not None:
            position += 1
        if limit and len(results) == limit:
            continue  # counted, not shown
        roles = linked.get(code, ())
        results.append(Result(position if match.fit is not None else None, match, score, roles, best, share, pay,
                              outlook_of(code)))  # fmt: skip
    missing = sum(m.fit is None for m in ranked)
    return Discovery(results, len(ranked) - below, missing, below)


def _best_role(roles: Sequence[str], coverage: Mapping[str, float] | None) -> tuple[str | None, float | None]:
    if coverage is None or not roles:
        return None, None
    best = max(roles, key=lambda r: coverage.get(r, 0.0))
    return best, coverage.get(best, 0.0)
