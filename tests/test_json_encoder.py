"""The --json encoder (presenters.jsonout) writes exactly what ``json.dumps(value, ensure_ascii=False, indent=2)``
writes, for any value the commands produce and for the odd ones a pack or profile could smuggle in."""

from __future__ import annotations

import json
import random
import string
from typing import Any

import pytest

from careercli.presenters.jsonout import _indented, dumps


class Text(str):
    pass


class Table(dict):
    pass


SCALARS = [None, True, False, 0, -5, 10**20, 1.5, -0.0, 3e-300, "", 'a"b\\c\n\t\u2028é', Text("sub"), "xyz"]


def _value(rng: random.Random, depth: int = 0) -> Any:
    roll = rng.random()
    if depth > 3 or roll < 0.3:
        return rng.choice(SCALARS)
    if roll < 0.55:
        return [_value(rng, depth + 1) for _ in range(rng.randint(0, 4))]
    if roll < 0.65:
        return tuple(_value(rng, depth + 1) for _ in range(rng.randint(0, 3)))
    if roll < 0.7:
        return [rng.choice(string.ascii_letters) for _ in range(rng.randint(1, 4))]
    if roll < 0.75:
        return Table({"k": _value(rng, depth + 1)})
    return {"".join(rng.choices('ab"\\é', k=3)) + str(i): _value(rng, depth + 1) for i in range(rng.randint(0, 4))}


def test_the_encoder_writes_what_json_writes() -> None:
    rng = random.Random(2026)
    for _ in range(5000):
        value = {"root": _value(rng)}
        out: list[str] = []
        _indented(value, "", out)
        assert "".join(out) == json.dumps(value, ensure_ascii=False, indent=2), value


@pytest.mark.parametrize("value", [{1: 2}, {"a": float("nan")}, {"a": [1, {True: 3}]}, {"a": {1.5}}], ids=repr)
def test_what_json_would_convert_or_refuse_is_left_to_json(value: dict[str, Any]) -> None:
    with pytest.raises(TypeError):
        _indented(value, "", [])
    if not isinstance(value.get("a"), set):
        assert dumps(value) == json.dumps(value, ensure_ascii=False, indent=2)
