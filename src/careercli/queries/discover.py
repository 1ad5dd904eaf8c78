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
from collections.abc import Iterable, Sequence
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
    for profile in profiles:
        if wanted is not None and profile.job_zone is not None and profile.job_zone not in wanted:
            continue
        score = None if profile.interests is None else fit(person, profile.interests)
        (unknown if score is None else ranked).append(Match(profile, score))
    ranked.sort(key=lambda m: (-(m.fit or 0), m.profile.title))
    unknown.sort(key=lambda m: m.profile.title)
    return ranked + unknown


def top_letters(interests: Sequence[float], count: int = 3) -> str:
    """The letters of the highest areas, highest first (ties in RIASEC order)."""
    order = sorted(range(len(LETTERS)), key=lambda i: (-interests[i], i))
    return "".join(LETTERS[i] for i in order[:count])
