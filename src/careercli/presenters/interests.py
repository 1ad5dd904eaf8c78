"""The six RIASEC interest areas in this project's words, and an occupation's profile as a small bar chart.

O*NET rates how much each area describes an occupation's work on a scale of 1 to 7 (its "OI" scale); the
bars here are drawn on that scale. Plain strings only: the Rich page, the Markdown export and the discover
questions all use them.
"""

from __future__ import annotations

from collections.abc import Sequence

from careercli.onet.profiles import AREAS, LETTERS

# one short line each (it fits beside the bar at 80 columns)
MEANING = {
    "Realistic": "hands-on: tools, machines, the outdoors",
    "Investigative": "analysing, researching, solving puzzles",
    "Artistic": "creating: design, writing, performance",
    "Social": "helping, teaching, caring for people",
    "Enterprising": "leading, persuading, selling, deciding",
    "Conventional": "orderly work with data and procedures",
}
# what discover asks about: examples of work in each area
EXAMPLES = {
    "Realistic": "repairing equipment, building things, operating machines, working outdoors",
    "Investigative": "analysing data, researching how things work, debugging, proving an idea",
    "Artistic": "designing, writing, composing, performing: original work with few set rules",
    "Social": "teaching, coaching, advising, nursing: helping people learn or get better",
    "Enterprising": "leading a team, selling, starting a business, persuading, taking decisions",
    "Conventional": "keeping records, scheduling, checking accounts, following clear procedures",
}
SCALE_TOP = 7.0  # O*NET's OI scale runs from 1 to 7
BAR_WIDTH = 14


def bar(value: float, width: int = BAR_WIDTH) -> str:
    """A bar of block characters for a value on the 1-7 scale (1 is empty, 7 is full)."""
    filled = round(max(0.0, min(value - 1, SCALE_TOP - 1)) / (SCALE_TOP - 1) * width)
    return "█" * filled + "·" * (width - filled)


def chart_lines(interests: Sequence[float], width: int = BAR_WIDTH) -> list[str]:
    """One line an area, RIASEC order: ``I Investigative  ██████████████······  5.86``."""
    name_width = max(len(a) for a in AREAS)
    return [
        f"{letter} {area.ljust(name_width)}  {bar(value, width)}  {value:.2f}"
        for letter, area, value in zip(LETTERS, AREAS, interests, strict=True)
    ]


def in_order(interests: Sequence[tuple[str, float]]) -> tuple[float, ...] | None:
    """(area, value) pairs in any order as the six values in RIASEC order; None unless all six are there."""
    values = dict(interests)
    if any(area not in values for area in AREAS):
        return None
    return tuple(values[area] for area in AREAS)


def high_point_text(letters: str) -> str:
    """``ICR: Investigative, Conventional, Realistic``."""
    return f"{letters}: " + ", ".join(AREAS[LETTERS.index(c)] for c in letters) if letters else ""
