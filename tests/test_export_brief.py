"""The export a person shares: a summary first, the first steps and facts of each bookmark with the count of the
rest, no empty heading; ``--full`` keeps everything. The real Markdown, parsed back with a Markdown parser."""

from __future__ import annotations

import json
import re

import pytest
from markdown_it import MarkdownIt

MARKS = ("backend-developer", "site-reliability-engineer", "15-2051.00", "29-1141.00")  # two occupations


@pytest.fixture
def profile(career) -> None:
    assert career("skills", "add", "python", "sql", "git").code == 0
    for mark in MARKS:
        assert career("bookmark", "add", mark).code == 0, mark
    assert career("reading", "add", "fluent-python", "--status", "reading").code == 0


def sections(text: str) -> list[tuple[int, str, list[str]]]:
    """Each heading (level, text) with the inline contents and list items under it, up to the next heading."""
    out: list[tuple[int, str, list[str]]] = []
    tokens = MarkdownIt("commonmark").parse(text)
    for index, token in enumerate(tokens):
        if token.type == "heading_open":
            out.append((int(token.tag[1]), plain(tokens[index + 1]), []))
        elif token.type == "inline" and out and tokens[index - 1].type != "heading_open":
            out[-1][2].append(plain(token))
    return out


def plain(token) -> str:
    """What a reader sees of an inline token: its text and code spans, Markdown's escapes and emphasis gone."""
    kinds = {"text": lambda c: c.content, "code_inline": lambda c: f"`{c.content}`", "softbreak": lambda c: " "}
    return "".join(kinds[c.type](c) for c in token.children or () if c.type in kinds)


def under(parts: list[tuple[int, str, list[str]]], heading: str) -> list[list[str]]:
    return [body for _, title, body in parts if title == heading]


def test_summary_first_and_every_heading_has_content(career, profile) -> None:
    result = career("export")
    assert result.code == 0, result.err
    parts = sections(result.out)
    assert [title for _, title, _ in parts[:2]] == ["My career profile", "Summary"]
    summary = parts[1][2]
    assert summary[0] == "Skills: 3 recorded: Python, SQL, Git"
    assert summary[1] == "Bookmarks: 4"
    assert summary[2].startswith(
        "Back-End Developer; 23% of the key skills; median pay $135,980; +15.8 % jobs 2024–2034"
    )
    assert summary[-1] == "Reading list: 1 reading"
    for position, (level, title, body) in enumerate(parts):
        following = parts[position + 1][0] if position + 1 < len(parts) else 0
        assert body or following > level, f"heading '{title}' has nothing under it"
    # occupations have no curated challenges: no 'Challenges' heading for them
    assert len(under(parts, "Challenges")) == 2


def test_plans_and_official_facts_are_cut_with_the_count_of_the_rest(career, profile) -> None:
    text = career("export").out
    parts = sections(text)
    plans = under(parts, "Learning plan")
    steps = json.loads(career("plan", "15-2051.00", "--json").out)["plan"]["plan"]
    data_scientist = next(p for p in plans if any("career plan 15-2051.00" in line for line in p))
    assert len(data_scientist) == 6  # five steps and the line that says how many more
    assert data_scientist[-1] == (
        f"And {len(steps) - 5} more steps: `career plan 15-2051.00` shows the whole plan, "
        "`career export --full` puts it here."
    )
    hot = [line for body in under(parts, "Official facts (O*NET 15-1252.00): Software Developers") for line in body
           if line.startswith("Hot and in-demand technologies:")]  # fmt: skip
    assert len(hot) == 1
    named = hot[0].split(": ", 1)[1].split(", ")
    assert len(named) == 11
    assert re.fullmatch(r"and \d+ more \(`career show 15-1252\.00` lists them\)", named[-1])
    assert text.count("This product includes information from the O\\*NET") == 1  # one release: its credit once
    assert len(text.splitlines()) <= 250, "the export of four bookmarks should be a document a person reads"


def test_full_keeps_every_step_and_fact(career, profile) -> None:
    brief, full = career("export").out, career("export", "--full").out
    assert "more steps" not in full
    assert "lists them)" not in full
    steps = json.loads(career("plan", "15-2051.00", "--json").out)["plan"]["plan"]
    plans = under(sections(full), "Learning plan")
    data_scientist = next(p for p in plans if len(p) == len(steps))
    assert len(data_scientist) == len(steps)
    assert len(full.splitlines()) > len(brief.splitlines())
    # the bare export (served without Typer) is the brief one, as the Typer path gives it
    assert career("export", "-o", "-").out == brief
