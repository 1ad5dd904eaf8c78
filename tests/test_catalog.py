"""The loader: a valid small catalog, and the exact messages for broken files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from careercli.catalogue.build import Source, build_catalog
from careercli.catalogue.schema import isbn13_is_valid
from careercli.errors import DataError

SKILLS = """
[[skill]]
id = "python"
name = "Python"
kind = "language"

[[skill]]
id = "sql"
name = "SQL"
kind = "language"

[[skill]]
id = "django"
name = "Django"
kind = "framework"
prerequisites = ["python"]
"""

ROLE = """
[[role]]
slug = "{slug}"
name = "{name}"
category = "development"
summary = "Builds servers."
what_they_do = "Writes the server side."
what_to_learn = ["Python"]
key_skills = ["python", "sql"]
career_prospects = ["Senior"]
next_roles = ["{other}"]
related_roles = ["{other}"]

[[role.challenges]]
title = "Scale"
why = "More users."
"""

BOOKS = """
[[book]]
id = "fluent-python"
title = "Fluent Python"
authors = ["Luciano Ramalho"]
publisher = "O'Reilly Media"
published = "2022-04"
edition = 2
isbn13 = "9781492056355"
roles = ["back"]
topics = ["python"]
skills = ["python"]
"""

TODAY = dt.date(2026, 11, 25)


def write(folder: Path, **files: str) -> list[Source]:
    sources = []
    for name, text in files.items():
        path = folder / f"{name}.toml"
        path.write_text(text, encoding="utf-8")
        sources.append(Source(path, f"data/{path.name}", "bundled"))
    return sources


def roles_text() -> str:
    return ROLE.format(slug="back", name="Back", other="front") + ROLE.format(slug="front", name="Front", other="back")


def problems(tmp_path: Path, **files: str) -> list[str]:
    with pytest.raises(DataError) as caught:
        build_catalog(write(tmp_path, **files), today=TODAY)
    return caught.value.problems


def test_valid_catalog_loads_into_frozen_model(tmp_path: Path) -> None:
    catalog = build_catalog(write(tmp_path, skills=SKILLS, roles=roles_text(), books=BOOKS), today=TODAY)
    assert sorted(catalog.roles) == ["back", "front"]
    back = catalog.roles["back"]
    assert back.key_skills == ("python", "sql")
    assert back.challenges[0].title == "Scale"
    assert catalog.skills["django"].prerequisites == ("python",)
    book = catalog.books["fluent-python"]
    assert (book.year, book.edition, book.authors) == (2022, 2, ("Luciano Ramalho",))
    with pytest.raises(AttributeError):
        back.name = "x"  # type: ignore[misc]


def test_missing_field_names_file_line_role_and_field(tmp_path: Path) -> None:
    broken = roles_text().replace('summary = "Builds servers."\n', "", 1)
    assert problems(tmp_path, skills=SKILLS, roles=broken) == [
        "data/roles.toml:2: role 'back': missing field 'summary'"
    ]


def test_unknown_skill_reference_gives_line_and_suggestion(tmp_path: Path) -> None:
    broken = roles_text().replace('key_skills = ["python", "sql"]', 'key_skills = ["pyhton", "sql"]', 1)
    assert problems(tmp_path, skills=SKILLS, roles=broken) == [
        "data/roles.toml:9: role 'back': 'key_skills' names unknown skill 'pyhton' (did you mean 'python'?)"
    ]


def test_unknown_next_role(tmp_path: Path) -> None:
    broken = roles_text().replace('next_roles = ["front"]', 'next_roles = ["frnt"]', 1)
    assert problems(tmp_path, skills=SKILLS, roles=broken) == [
        "data/roles.toml:11: role 'back': 'next_roles' names unknown role 'frnt' (did you mean 'front'?)"
    ]


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    broken = (
        roles_text()
        .replace('category = "development"', 'category = "developmnt"', 1)
        .replace('what_to_learn = ["Python"]', "what_to_learn = 3", 1)
    )
    found = problems(tmp_path, skills=SKILLS, roles=broken)
    assert found == [
        "data/roles.toml:5: role 'back': unknown category 'developmnt' (did you mean 'development'?)",
        "data/roles.toml:8: role 'back': field 'what_to_learn' must be a list of non-empty strings",
    ]


def test_unknown_field_is_a_typo_not_silence(tmp_path: Path) -> None:
    broken = roles_text().replace('summary = "Builds servers."', 'summary = "x"\nsumary = "y"', 1)
    assert problems(tmp_path, skills=SKILLS, roles=broken) == [
        "data/roles.toml:7: role 'back': unknown field 'sumary' (did you mean 'summary'?)"
    ]


def test_toml_syntax_error_has_line_and_column(tmp_path: Path) -> None:
    found = problems(tmp_path, skills=SKILLS + "\n[[skill]\n", roles=roles_text())
    assert len(found) == 1
    assert found[0].startswith("data/skills.toml: not valid TOML: ")
    assert "(at line 18, column 8)" in found[0]
    assert "column" in found[0]


def test_book_checks(tmp_path: Path) -> None:
    broken = (
        BOOKS.replace("9781492056355", "9781492056356")
        .replace('"2022-04"', '"2027-01"')
        .replace("edition = 2", 'edition = "2nd"')
    )
    assert problems(tmp_path, skills=SKILLS, roles=roles_text(), books=broken) == [
        "data/books.toml:8: book 'fluent-python': field 'edition' must be a whole number of 1 or more",
        "data/books.toml:9: book 'fluent-python': field 'isbn13' is not a valid ISBN-13: '9781492056356'",
    ]


def test_duplicate_ids_in_one_file(tmp_path: Path) -> None:
    found = problems(
        tmp_path,
        skills=SKILLS + SKILLS.split("[[skill]]", 2)[0] + '[[skill]]\nid = "sql"\nname = "SQL"\nkind = "language"\n',
        roles=roles_text(),
    )
    assert found == ["data/skills.toml:19: skill 'sql': duplicate skill id 'sql' (also #2 in this file)"]


def test_prerequisite_cycle(tmp_path: Path) -> None:
    cyclic = SKILLS.replace('kind = "language"\n', 'kind = "language"\nprerequisites = ["django"]\n', 1)
    found = problems(tmp_path, skills=cyclic, roles=roles_text())
    assert found == ["data/skills.toml:17: skill 'django': prerequisites form a cycle: django -> python -> django"]


def test_wrong_table_and_missing_file(tmp_path: Path) -> None:
    sources = write(tmp_path, skills=SKILLS, roles=roles_text().replace("[[role]]", "[[roles]]"))
    sources.append(Source(tmp_path / "nope.toml", "data/nope.toml", "bundled"))
    with pytest.raises(DataError) as caught:
        build_catalog(sources, today=TODAY)
    assert caught.value.problems == [
        "data/roles.toml: unknown table 'roles'; expected [[role]], [[skill]] or [[book]] (did you mean 'role'?)",
        "data/roles.toml: 'role' must be an array of tables: write [[role]]",
        "data/nope.toml: file not found",
    ]


@pytest.mark.parametrize(
    ("isbn", "valid"),
    [
        ("9781492056355", True),
        ("9781449373320", True),
        ("9781449373321", False),
        ("978144937332", False),
        ("97814493733X0", False),
    ],
)
def test_isbn13_check_digit(isbn: str, valid: bool) -> None:
    assert isbn13_is_valid(isbn) is valid


def test_a_future_date_is_a_warning_never_an_error(tmp_path: Path) -> None:
    """A machine whose clock is behind must still read the data: the date is reported, the book kept."""
    future = BOOKS.replace('"2022-04"', '"2027-01"')
    warnings: list[str] = []
    catalog = build_catalog(write(tmp_path, skills=SKILLS, roles=roles_text(), books=future), today=TODAY,
                            warnings=warnings)  # fmt: skip
    assert catalog.books["fluent-python"].published == "2027-01"
    assert warnings == ["data/books.toml:7: book 'fluent-python': field 'published' is in the future: 2027-01"]


def test_a_5000_long_prerequisite_cycle_is_one_line(tmp_path: Path) -> None:
    ids = [f"s{n:04d}" for n in range(5000)]
    text = "".join(
        f'[[skill]]\nid = "{ident}"\nname = "S {ident}"\nkind = "concept"\nprerequisites = ["{ids[(n + 1) % 5000]}"]\n'
        for n, ident in enumerate(ids)
    )
    found = problems(tmp_path, skills=text, roles="")
    assert found == ["data/skills.toml:5: skill 's0000': prerequisites form a cycle: "
                     "s0000 -> s0001 -> s0002 -> s0003 -> s0004 -> s0005 -> s0006 -> s0007 -> s0008 -> s0009 -> s0010 "
                     "-> s0011 -> ... (5000 skills)"]  # fmt: skip


def test_an_acyclic_1500_skill_chain_loads(tmp_path: Path) -> None:
    ids = [f"s{n:04d}" for n in range(1500)]
    text = "".join(f'[[skill]]\nid = "{ident}"\nname = "S {ident}"\nkind = "concept"\n'
                   + (f'prerequisites = ["{ids[n + 1]}"]\n' if n + 1 < len(ids) else "")
                   for n, ident in enumerate(ids))  # fmt: skip
    catalog = build_catalog(write(tmp_path, skills=text), today=TODAY)
    assert catalog.skills["s0000"].prerequisites == ("s0001",)
    assert len(catalog.skills) == 1500


def test_deep_nesting_is_a_clear_error_with_its_line(tmp_path: Path) -> None:
    deep = SKILLS + '\n[[skill]]\nid = "deep"\nname = "Deep"\nkind = "concept"\naliases = '
    deep += "[" * 400 + "]" * 400 + "\n"
    found = problems(tmp_path, skills=deep, roles=roles_text())
    assert found == ["data/skills.toml:22: arrays or inline tables nested too deep (at most 64 levels are read)"]


def test_a_pathological_dotted_key_is_refused_before_parsing(tmp_path: Path) -> None:
    import time

    started = time.perf_counter()
    found = problems(tmp_path, skills=SKILLS + "a" + ".a" * 100_000 + " = 1\n", roles=roles_text())
    assert time.perf_counter() - started < 5  # tomllib alone spends minutes on this line
    assert found == ["data/skills.toml:17: a key of 100001 dotted parts; at most 128 are read"]


@pytest.mark.parametrize("seed", range(3))
def test_the_quick_look_for_long_lines_misses_none(seed: int) -> None:
    """The window test that spares a big pack the regular expression never says "no long line" wrongly."""
    import random

    from careercli.catalogue.parse import _LONG_LINE, LONG_LINE, _may_hold_a_long_line

    rng = random.Random(seed)
    lengths = (0, 1, 80, LONG_LINE // 2 - 1, LONG_LINE // 2, LONG_LINE - 1, LONG_LINE, LONG_LINE + 1, 3 * LONG_LINE)
    for _ in range(500):
        data = b"\n".join(b"k" * rng.choice(lengths) for _ in range(rng.randint(0, 12)))
        if _LONG_LINE.search(data):
            assert _may_hold_a_long_line(data)
    assert not _may_hold_a_long_line(b"key = 1\n" * 100_000)
    assert _may_hold_a_long_line(b"\n" * 5000 + b"x" * LONG_LINE)


def test_a_utf8_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    sources = write(tmp_path, skills=SKILLS, roles=roles_text())
    sources[0].path.write_bytes(b"\xef\xbb\xbf" + sources[0].path.read_bytes())
    assert set(build_catalog(sources, today=TODAY).skills) == {"python", "sql", "django"}


def test_a_list_longer_than_search_can_take_is_refused(tmp_path: Path) -> None:
    many = ", ".join(f'"Step {n}"' for n in range(300))
    roles = roles_text().replace('what_to_learn = ["Python"]', f"what_to_learn = [{many}]", 1)
    assert problems(tmp_path, skills=SKILLS, roles=roles) == [
        "data/roles.toml:8: role 'back': field 'what_to_learn' holds 300 items; at most 40 are allowed"
    ]


@pytest.mark.parametrize("kebab", [False, True])
@pytest.mark.parametrize(
    "value",
    [[], ["a", "b"], [" a", "b "], ["a\n"], ["a\nb"], ["A"], ["a", "a"], ["a", " a"], [""], ["  "], ["a b"], [1],
     ["a", None], "a", ["x"] * 20, [f"x{i}" for i in range(21)], [f"x{i}" for i in range(51)], ["é"], ["a-"]],
    ids=repr,
)  # fmt: skip
def test_a_list_field_is_read_by_its_rules_whatever_its_shape(value: object, kebab: bool) -> None:
    """Stripped items when it is a list of non-empty strings within the field's bound (else nothing); a problem
    for any breach, kebab-case and repeats included (the quick path for well-formed lists gives the same)."""
    from careercli.catalogue.build import Problems
    from careercli.catalogue.parse import Entry
    from careercli.catalogue.schema import KEBAB, MAX_ITEMS, Fields

    problems = Problems()
    fields = Fields(Entry("book", 0, {"topics": value}, Path("x.toml"), "x.toml"), problems, {"topics"})
    got = fields.texts("topics", kebab=kebab)
    strings = isinstance(value, list) and all(isinstance(item, str) for item in value)
    items = tuple(item.strip() for item in value) if strings else ()  # type: ignore[union-attr]
    kept = strings and all(items) and len(items) <= MAX_ITEMS["topics"]
    good = kept and len(set(items)) == len(items) and (not kebab or all(KEBAB.fullmatch(item) for item in items))
    assert got == (items if kept else ())
    assert fields.ok == good
    assert (problems.items == []) == good
