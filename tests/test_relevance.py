"""The relevance set (tests/fixtures/relevance.toml) through the installed ``career search``: every query's answers
are among its first three hits. Queries of world "imported" run after importing tests/fixtures/onet-relevance/
(the real O*NET 29.2 rows of the occupations they reach); a slow test runs them with the full release from
../shared when it is there. benchmarks/relevance.py reports hit@3 and nDCG@3 over the same set."""

from __future__ import annotations

import os
import subprocess
import tomllib
from pathlib import Path

import pytest

from tests.conftest import CAREER

ROOT = Path(__file__).resolve().parent.parent
QUERIES = tomllib.loads((ROOT / "tests" / "fixtures" / "relevance.toml").read_text("utf-8"))["query"]
FIXTURE = ROOT / "tests" / "fixtures" / "onet-relevance"
FULL = ROOT.parent / "shared" / "onet" / "29.2"


def _home(base: Path, release: Path | None) -> dict[str, str]:
    env = dict(os.environ)
    env.update({"HOME": str(base), "XDG_CONFIG_HOME": str(base / "config"), "XDG_DATA_HOME": str(base / "data"),
                "XDG_CACHE_HOME": str(base / "cache")})  # fmt: skip
    if release is not None:
        subprocess.run([CAREER, "data", "import-onet", str(release)], env=env, check=True, capture_output=True)
    return env


@pytest.fixture(scope="module")
def homes(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, str]]:
    """One home with no import and one with the fixture release imported, shared by the module's queries."""
    return {
        "bundled": _home(tmp_path_factory.mktemp("bundled"), None),
        "imported": _home(tmp_path_factory.mktemp("imported"), FIXTURE),
    }


def first_three(text: str, env: dict[str, str]) -> list[str]:
    found = subprocess.run([CAREER, "search", text, "--limit", "3"], env=env, capture_output=True, text=True,
                           encoding="utf-8", check=False)  # fmt: skip
    assert found.returncode == 0, found.stderr
    return [line.split("\t")[1] for line in found.stdout.splitlines()]


def _id(query: dict[str, object]) -> str:
    return f"{query.get('world', 'bundled')}:{query['text']}"


def test_the_set_is_big_enough_and_names_real_answers() -> None:
    assert len(QUERIES) >= 40
    assert len({_id(q) for q in QUERIES}) == len(QUERIES)
    assert all(q["answers"] and q.get("world", "bundled") in ("bundled", "imported") for q in QUERIES)


@pytest.mark.parametrize("query", QUERIES, ids=_id)
def test_answers_are_in_the_first_three(query: dict[str, object], homes: dict[str, dict[str, str]]) -> None:
    shown = first_three(str(query["text"]), homes[str(query.get("world", "bundled"))])
    missing = [a for a in query["answers"] if a not in shown]  # type: ignore[attr-defined]
    assert not missing, f"career search {query['text']!r} shows {shown}, not {missing}"


@pytest.mark.slow
@pytest.mark.skipif(not FULL.is_dir(), reason="../shared/onet/29.2 is not beside this checkout")
def test_imported_answers_with_the_full_release(tmp_path: Path) -> None:
    env = _home(tmp_path, FULL)
    misses = []
    for query in [q for q in QUERIES if q.get("world") == "imported"]:
        shown = first_three(str(query["text"]), env)
        if not all(a in shown for a in query["answers"]):
            misses.append(f"{query['text']!r}: {shown}")
    assert not misses
