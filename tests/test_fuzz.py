"""Friendly failures everywhere: random arguments and options never produce a traceback.

Every command is driven with a mix of valid names, random text, numbers and option names; whatever happens,
the exit code is 0, 1 or 2 and nothing on either stream looks like a traceback.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from careercli.cli.app import app

pytestmark = pytest.mark.slow

COMMANDS = [
    [], ["list"], ["show"], ["books"], ["book"], ["search"], ["compare"], ["gap"], ["path"], ["suggest"],
    ["export"], ["paths"], ["bookmark"], ["bookmark", "add"], ["bookmark", "remove"], ["bookmark", "list"],
    ["skills"], ["skills", "add"], ["skills", "remove"], ["skills", "list"], ["reading"], ["reading", "add"],
    ["reading", "remove"], ["reading", "list"], ["data"], ["data", "validate"],
]  # fmt: skip
OPTIONS = [
    "--json", "--limit", "-n", "--since", "--role", "--skill", "--topic", "--author", "--format", "-f", "--status",
    "--have", "--kind", "--depth", "--tag", "--note", "--custom", "--force", "-o", "--category", "--color",
    "--pager", "--no-pager", "--help", "--version", "-", "--", "--nope",
]  # fmt: skip
VALUES = [
    "backend-developer", "Back-End Developer", "data", "python", "kubernets", "fluent-python", "read", "want",
    "svg", "markdown", "html", "text", "json", "role", "book", "skill", "never", "always", "0", "-1", "3", "2023",
    "99999999999999999999", "[bold red]x[/]", "\x1b[31m", "", " ", "é", "x" * 300, "\x00", "a\x00b",
]  # fmt: skip

token = st.one_of(st.sampled_from(OPTIONS), st.sampled_from(VALUES), st.text(max_size=12))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(command=st.sampled_from(COMMANDS), args=st.lists(token, max_size=6))
def test_random_arguments_never_show_a_traceback(tmp_path: Path, command: list[str], args: list[str]) -> None:
    cwd = os.getcwd()
    os.chdir(tmp_path)  # 'export -o NAME' may write a file: never into the repository
    try:
        result = CliRunner().invoke(app, [*command, *args], prog_name="career")
    finally:
        os.chdir(cwd)
    assert result.exit_code in (0, 1, 2), (command, args, result.exit_code, result.output)
    assert result.exception is None or isinstance(result.exception, SystemExit), (command, args, result.exception)
    assert "Traceback" not in result.output


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(command: list[str]) -> None:
    result = CliRunner().invoke(app, [*command, "--help"], prog_name="career")
    assert result.exit_code == 0
    assert "Usage:" in result.output
    assert "Example" in result.output


# -- hostile files: profiles, packs and damaged caches -----------------------------------------------------------
# Text that has broken something before: controls (C0, DEL, C1), bidi and zero-width marks, a BOM, markup,
# TOML's own syntax, a character outside the BMP.
HOSTILE = "\x00\x01\x08\x1b\x7f\x85\x9b\u200b\u202e\u2066\ufeff\U0001f680[]{}\"'\\#\n\r\t=.é"
BOM = b"\xef\xbb\xbf"
hostile_text = st.one_of(
    st.text(st.sampled_from(HOSTILE) | st.characters(codec="utf-8"), max_size=20),
    st.sampled_from(["", "backend-developer", "python", "fluent-python", "[bold red]x[/]", "x" * 100_000]),
)


def toml_string(text: str) -> str:
    escaped = "".join(
        "\\" + ch if ch in '"\\' else f"\\u{ord(ch):04x}" if ord(ch) < 0x20 or ord(ch) == 0x7F else ch for ch in text
    )
    return f'"{escaped}"'


ODD_SCALARS = ["nan", "-nan", "+inf", "-inf", "0", "-1", "99999999999999999999", "true", "1979-05-27",
               "1979-05-27T07:32:00Z", "07:32:00", "1e400", "[]", "{}", '"2024-13"', '"0000"', '"9999-12"']  # fmt: skip
scalar = st.one_of(hostile_text.map(toml_string), st.sampled_from(ODD_SCALARS), st.integers().map(str))
value = st.recursive(
    scalar,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4).map(lambda items: "[" + ", ".join(items) + "]"),
        st.dictionaries(st.sampled_from(["a", "b", "role", "x y"]), inner, max_size=3).map(
            lambda table: "{" + ", ".join(f'"{k}" = {v}' for k, v in table.items()) + "}"
        ),
    ),
    max_leaves=8,
)
deep = st.builds(
    lambda depth, arrays: "[" * depth + "]" * depth if arrays else "{a = " * depth + "1" + "}" * depth,
    st.one_of(st.integers(1, 16), st.integers(1, 400)),  # careercli reads 32 levels in a profile, 64 in a pack
    st.booleans(),
)
any_value = st.one_of(value, value, value, value, deep)
key = st.one_of(
    st.sampled_from(["note", "x", "priority", "deadline", "rating", "tags", "role", "id", "status", "added"]),
    st.one_of(st.integers(2, 6), st.integers(2, 400)).map(lambda parts: ".".join(["k"] * parts)),
    hostile_text.map(toml_string),
)


@st.composite
def entries(draw: st.DrawFn, header: str, fields: dict[str, st.SearchStrategy[str]], odds: int = 10) -> list[str]:
    """One ``[[header]]`` entry: each field good, missing or odd, sometimes a field of the user's own."""
    lines = [f"[[{header}]]"]
    for field, good in fields.items():
        choice = draw(st.integers(0, odds - 1))  # missing, odd, or (mostly) good
        if choice:
            lines.append(f"{field} = {draw(good) if choice > 1 else draw(any_value)}")
    if draw(st.booleans()):
        lines.append(f"{draw(key)} = {draw(any_value)}")
    return lines


def texts(*items: str) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(items), max_size=3).map(lambda xs: "[" + ", ".join(map(toml_string, xs)) + "]")


def strings(*items: str) -> st.SearchStrategy[str]:
    return st.sampled_from(items).map(toml_string)


BOOKMARK = {"role": strings("backend-developer", "gone-role", "data-engineer"), "note": hostile_text.map(toml_string),
            "tags": texts("a", "b"), "added": strings("2024-01-01", "yesterday")}  # fmt: skip
READING = {"book": strings("fluent-python", "gone-book"), "status": strings("want", "reading", "read", "lost"),
           "added": strings("2024-01-01"), "updated": strings("2024-02-01")}  # fmt: skip


def damaged(draw: st.DrawFn, data: bytes) -> bytes:
    """Sometimes a BOM in front; sometimes a flipped bit or a cut, as a crash or a bad disk leaves a file."""
    if draw(st.booleans()):
        data = BOM + data
    damage = draw(st.sampled_from(["none"] * 6 + ["flip", "cut"]))
    if data and damage == "flip":
        at = draw(st.integers(0, len(data) - 1))
        data = data[:at] + bytes([data[at] ^ (1 << draw(st.integers(0, 7)))]) + data[at + 1 :]
    elif damage == "cut":
        data = data[: draw(st.integers(0, len(data)))]
    return data


@st.composite
def profile_bytes(draw: st.DrawFn) -> bytes:
    lines = [f"# {draw(hostile_text)}"] if draw(st.booleans()) else []
    lines.append(f"schema_version = {draw(st.one_of(st.just('1'), st.just('1'), st.just('1'), any_value))}")
    lines.append(f"skills = {draw(st.one_of(texts('python', 'sql', 'gone-skill'), texts('sql'), any_value))}")
    custom = st.lists(hostile_text.map(toml_string), max_size=2).map(lambda xs: "[" + ", ".join(xs) + "]")
    lines.append(f"custom_skills = {draw(st.one_of(custom, st.just('[]'), any_value))}")
    lines += [f"{draw(key)} = {draw(any_value)}" for _ in range(draw(st.integers(0, 2)))]
    for header, fields in (("bookmark", BOOKMARK), ("reading", READING)):
        for _ in range(draw(st.integers(0, 2))):
            lines += draw(entries(header, fields))
    return damaged(draw, "\n".join(lines).encode("utf-8"))


def run(args: list[str]):
    """One in-process run: whatever the files hold, exit 0, 1 or 2 and never a traceback."""
    result = CliRunner().invoke(app, args, prog_name="career")
    assert result.exit_code in (0, 1, 2), (args, result.exit_code, result.output)
    assert result.exception is None or isinstance(result.exception, SystemExit), (args, result.exception)
    assert "Traceback" not in result.output, args
    return result


def parsed(data: bytes) -> dict | None:
    import tomllib

    try:
        return tomllib.loads(data.removeprefix(BOM).decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError):
        return None


READS = [["bookmark", "list", "--json"], ["skills", "list"], ["reading", "list"], ["export"], ["gap", "backend"],
         ["show", "backend-developer"], ["suggest"], ["plan", "data-engineer"]]  # fmt: skip
WRITES = [["skills", "add", "python"], ["skills", "remove", "sql"], ["skills", "add", "--custom", "Ada"],
          ["bookmark", "add", "backend-developer", "--note", "n"], ["bookmark", "remove", "gone-role"],
          ["reading", "add", "fluent python", "--status", "read"], ["reading", "remove", "fluent python"]]  # fmt: skip
FILES = dict(deadline=None, suppress_health_check=list(HealthCheck))


@settings(max_examples=150, **FILES)
@given(data=profile_bytes(), read=st.sampled_from(READS), write=st.sampled_from(WRITES))
def test_hostile_profiles_never_show_a_traceback_and_are_never_rewritten_broken(
    isolated_home: Path, data: bytes, read: list[str], write: list[str]
) -> None:
    profile = isolated_home / "config" / "careercli" / "profile.toml"
    profile.parent.mkdir(parents=True, exist_ok=True)
    profile.write_bytes(data)
    readable = run(["bookmark", "list"]).exit_code == 0
    run(read)
    written = run(write)
    after = profile.read_bytes()
    if not readable:  # a profile that cannot be read is never written
        assert written.exit_code == 1, (write, written.output)
    if written.exit_code != 0:
        assert after == data, (write, written.output)
    elif after != data:  # what was written reads back, and keeps every key the user had
        assert run(["bookmark", "list"]).exit_code == 0
        before, now = parsed(data), parsed(after)
        assert now is not None
        assert before is None or set(before) <= set(now), set(before) - set(now)
    assert sorted(p.name for p in profile.parent.iterdir()) in (["profile.toml"], ["profile.toml", "profile.toml.lock"])


SKILL = {
    "id": strings("ada", "cics", "cobol"),
    "name": strings("Ada", "CICS"),
    "kind": strings("language", "language", "magic"),
    "prerequisites": texts("python", "cobol"),
    "aliases": texts("cbl"),
}
ROLE = {
    "slug": strings("mainframe-developer", "mainframe-developer", "backend-developer", "Not Kebab"),
    "name": hostile_text.map(toml_string),
    "category": strings("development", "nowhere"),
    "summary": hostile_text.map(toml_string),
    "what_they_do": hostile_text.map(toml_string),
    "what_to_learn": texts("COBOL", "JCL"),
    "key_skills": texts("cobol", "python"),
    "career_prospects": texts("Architect"),
    "next_roles": texts("software-architect"),
    "related_roles": texts("backend-developer"),
    "challenges": st.just('[{title = "Old code", why = "Decades\\nof it."}]'),
    "aliases": texts("mf dev"),
}
BOOK = {
    "id": strings("cobol-book", "fluent-python"),
    "title": hostile_text.map(toml_string),
    "authors": texts("A. Author"),
    "publisher": strings("Packt"),
    "isbn13": strings("9780000000002", "9780000000002", "9781803238319", "12"),
    "published": st.sampled_from(
        ['"2024-01"', '"2024-01"', '"2024-13"', '"0000"', '"9999-12"', "2024-01-01", '""', "1e9"]
    ),
    "roles": texts("backend-developer"),
    "skills": texts("cobol", "python"),
    "topics": texts("cobol"),
}
PACK_READS = [["list"], ["list", "--json"], ["show", "mainframe"], ["show", "backend-developer", "--json"],
              ["search", "cobol"], ["books", "--since", "2020"], ["book", "cobol-book"], ["path", "mainframe"],
              ["gap", "backend-developer", "--have", "cobol"], ["bookmark", "list"]]  # fmt: skip


@st.composite
def pack_bytes(draw: st.DrawFn) -> bytes:
    lines = [f"{draw(key)} = {draw(any_value)}" for _ in range(draw(st.integers(0, 1)) * draw(st.integers(0, 1)))]
    if draw(st.integers(0, 29)) == 0:
        lines.append(".".join(["k"] * 100_000) + " = 1")  # the dotted key that made the TOML reader hang
    if draw(st.integers(0, 3)):
        lines += ["[[skill]]", 'id = "cobol"', 'name = "COBOL"', 'kind = "language"']
    for _ in range(draw(st.integers(1, 4))):
        header, fields = draw(st.sampled_from([("skill", SKILL), ("role", ROLE), ("book", BOOK)]))
        lines += draw(entries(header, fields, odds=40))
    return damaged(draw, "\n".join(lines).encode("utf-8"))


@settings(max_examples=120, **FILES)
@given(pack=pack_bytes(), read=st.sampled_from(PACK_READS))
def test_hostile_packs_never_show_a_traceback(
    isolated_home: Path, monkeypatch: pytest.MonkeyPatch, pack: bytes, read: list[str]
) -> None:
    import tempfile

    home = Path(tempfile.mkdtemp(dir=isolated_home))  # a new cache for each pack: the store is built from it
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    path = home / "packs" / "team.toml"
    path.parent.mkdir()
    path.write_bytes(pack)
    checked = run(["data", "validate", str(path)])
    assert checked.exit_code in (0, 1)
    monkeypatch.setenv("CAREERCLI_PACKS", str(path.parent))
    used = run(read)
    if checked.exit_code == 0:  # a pack that validates works in every command
        assert used.exit_code in (0, 1), (read, used.output)
        assert "have problems" not in used.output, (read, used.output)
