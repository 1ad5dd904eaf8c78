"""Friendly failures everywhere: random arguments and options never produce a traceback.

Every command is driven with a mix of valid names, random text, numbers and option names; whatever happens,
the exit code is 0, 1 or 2 and nothing on either stream looks like a traceback.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
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


VALID = b"# a valid pack\n"
plain = st.text(st.characters(codec="utf-8", categories=("L", "N", "Zs", "P", "S")), max_size=30)
word = st.text(st.characters(codec="utf-8", categories=("L", "N", "P", "S")), min_size=1, max_size=20)


def some(*items: str) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(items), min_size=1, max_size=3, unique=True).map(
        lambda xs: "[" + ", ".join(map(toml_string, xs)) + "]"
    )


@st.composite
def valid_pack(draw: st.DrawFn) -> bytes:
    """A pack that must validate: one new skill, a new role with odd but valid text, sometimes a BOM."""
    skill, name = draw(st.sampled_from([("cobol", "COBOL"), ("jcl", "JCL"), ("rexx", "REXX")]))
    role = {
        "slug": '"mainframe-developer"',
        "name": toml_string("Mainframe " + draw(word)),
        "category": draw(strings("development", "data", "infrastructure")),
        "summary": toml_string("Keeps " + draw(plain)),
        "what_they_do": toml_string("Writes " + draw(hostile_text.filter(lambda t: len(t) < 1000))),
        "what_to_learn": draw(some("COBOL", "JCL", "[red]CICS[/]")),
        "key_skills": toml_string(skill).join(["[", ", " + draw(strings("sql", "python", "git")) + "]"]),
        "career_prospects": draw(some("Architect")),
        "next_roles": draw(some("software-architect", "data-engineer")),
        "related_roles": draw(some("backend-developer")),
    }
    lines = ["[[skill]]", f"id = {toml_string(skill)}", f"name = {toml_string(name)}", 'kind = "language"', "",
             "[[role]]", *(f"{field} = {value}" for field, value in role.items())]  # fmt: skip
    for _ in range(draw(st.integers(1, 2))):
        lines += ["[[role.challenges]]", f"title = {toml_string('Old ' + draw(plain))}", 'why = "Decades\\nof it."']
    return (BOM if draw(st.booleans()) else b"") + VALID + "\n".join(lines).encode("utf-8")


@st.composite
def pack_bytes(draw: st.DrawFn) -> bytes:
    if draw(st.booleans()):  # a good share of the packs are valid, so that the reading commands use them
        return draw(valid_pack())
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
    monkeypatch.delenv("CAREERCLI_PACKS", raising=False)  # the fixture is shared by the examples: not the last pack
    path = home / "packs" / "team.toml"
    path.parent.mkdir()
    path.write_bytes(pack)
    checked = run(["data", "validate", str(path)])
    assert checked.exit_code in (0, 1)
    monkeypatch.setenv("CAREERCLI_PACKS", str(path.parent))
    used = run(read)
    event("validates" if checked.exit_code == 0 else "refused")  # --hypothesis-show-statistics: about half validate
    if pack.removeprefix(BOM).startswith(VALID):
        assert checked.exit_code == 0, checked.output
    if checked.exit_code == 0:  # a pack that validates works in every command
        assert used.exit_code in (0, 1), (read, used.output)
        assert "have problems" not in used.output, (read, used.output)
        roles = [r for r in (parsed(pack) or {}).get("role", []) if r.get("slug") == "mainframe-developer"]
        if roles:  # its role is listed and shown
            listing = run(["list", "--json"])
            assert '"mainframe-developer"' in listing.output, listing.output
            shown = run(["show", "mainframe-developer", "--json"])
            assert shown.exit_code == 0, shown.output
            assert json.loads(shown.output)["role"]["name"] == roles[-1]["name"], shown.output


# -- damaged caches: whatever happens to a file under the cache folder, the output is that of a clean run -------
CACHE_COMMANDS: list[tuple[list[str], dict[str, str]]] = [
    (["show", "backend-developer"], {}),  # answered from its replay entry
    (["show", "data-engineer"], {"CAREERCLI_NO_REPLAY": "1"}),  # the catalogue store
    (["search", "data"], {"CAREERCLI_NO_REPLAY": "1"}),  # and its search index
    (["list", "--json"], {"CAREERCLI_NO_REPLAY": "1"}),
    (["show", "15-1252.00"], {"CAREERCLI_NO_REPLAY": "1"}),  # the O*NET database
    ([], {"_CAREER_COMPLETE": "complete_bash", "COMP_WORDS": "career show back", "COMP_CWORD": "2"}),  # snapshot
]


def run_all(cache: Path) -> list[tuple[int, str, str]]:
    """Every command of :data:`CACHE_COMMANDS`, each a real process on the cache folder."""
    import subprocess

    from tests.conftest import CAREER

    env = dict(os.environ, XDG_CACHE_HOME=str(cache))
    argvs = [([CAREER, *args], env | extra) for args, extra in CACHE_COMMANDS]
    results = []
    for argv, environment in argvs:
        done = subprocess.run(argv, env=environment, capture_output=True, timeout=120)
        results.append(
            (done.returncode, done.stdout.decode("utf-8", "replace"), done.stderr.decode("utf-8", "replace"))
        )
    return results


@pytest.fixture(scope="module")
def warm_cache(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[tuple[int, str, str]]]:
    """A cache folder in which every cache exists (catalogue store, search index, replay entries, completion
    snapshot, O*NET database), and the output of a clean run on it."""
    pristine = tmp_path_factory.mktemp("warm") / "cache"
    run_all(pristine)  # builds every cache (and records the replay entries)
    clean = run_all(pristine)  # the replayed run
    assert all(code == 0 and "Traceback" not in err for code, _out, err in clean), clean
    assert "Software Developers" in clean[4][1]
    assert clean[0][1] == run_all(tmp_path_factory.mktemp("fresh") / "cache")[0][1]  # replay == a fresh run
    names = {p.relative_to(pristine / "careercli").as_posix() for p in (pristine / "careercli").rglob("*")}
    assert {"catalogue.sqlite3", "completion.marshal"} <= names, names
    assert any(n.startswith("replay/") for n in names), names
    assert any(n.startswith("onet/bundled-") and n.endswith(".sqlite") for n in names), names
    return pristine, clean


@st.composite
def damage(draw: st.DrawFn, files: list[str]) -> tuple[str, str, list[tuple[int, int]]]:
    """A cache file and what happens to it: bit flips (offset, mask), a cut (at), or being replaced."""
    name = draw(st.sampled_from(files))
    how = draw(st.sampled_from(["flip"] * 6 + ["cut"] * 2 + ["empty", "folder", "symlink"]))
    where = st.floats(0, 1, exclude_max=True)
    if how == "flip":
        flips = draw(st.lists(st.tuples(where, st.integers(1, 255)), min_size=1, max_size=8))
    else:
        flips = [(draw(where), 0)]
    return name, how, [(int(at * 1_000_000_007), mask) for at, mask in flips]


def files_in(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def apply(path: Path, how: str, flips: list[tuple[int, int]]) -> None:
    data = bytearray(path.read_bytes())
    if how == "flip" and data:
        for at, mask in flips:
            data[at % len(data)] ^= mask
    elif how == "cut":
        data = data[: flips[0][0] % (len(data) + 1)]
    elif how == "empty":
        data = bytearray()
    elif how in ("folder", "symlink"):
        path.unlink()
        if how == "folder":
            path.mkdir()
        elif how == "symlink":  # to another file of the same cache, which careercli must not take for this one
            others = [p for p in path.parent.parent.rglob("*") if p.is_file() and p != path]
            path.symlink_to(others[flips[0][0] % len(others)] if others else "/dev/null")
        return
    path.write_bytes(bytes(data))


@settings(max_examples=6, **FILES)
@given(data=st.data())
def test_damaged_caches_are_rebuilt_silently(tmp_path_factory: pytest.TempPathFactory, warm_cache, data) -> None:
    import shutil

    pristine, clean = warm_cache
    cache = tmp_path_factory.mktemp("damaged") / "cache"
    shutil.copytree(pristine, cache, symlinks=True)
    name, how, flips = data.draw(damage(files_in(cache / "careercli")), label="damage")
    apply(cache / "careercli" / name, how, flips)
    assert run_all(cache) == clean, (name, how)
    assert run_all(cache) == clean, (name, how)  # and what the first run left behind is good too


@pytest.mark.parametrize(
    ("pattern", "how"),
    [("catalogue.sqlite3", "folder"), ("completion.marshal", "symlink"), ("onet/bundled-*.sqlite", "empty"),
     ("onet/bundled-*.sqlite", "symlink"), ("onet/*.sha256", "folder"), ("replay/*", "folder")],
)  # fmt: skip
def test_a_cache_file_replaced_by_a_folder_a_link_or_nothing_changes_nothing(
    tmp_path: Path, warm_cache, pattern: str, how: str
) -> None:
    import shutil

    pristine, clean = warm_cache
    cache = tmp_path / "cache"
    shutil.copytree(pristine, cache, symlinks=True)
    targets = sorted((cache / "careercli").glob(pattern))
    assert targets, pattern
    for target in targets:
        apply(target, how, [(7, 0)])
    assert run_all(cache) == clean, (pattern, how)


# -------------------------------------------------------------------------------- hostile O*NET release zips

ONET_FIXTURE = Path(__file__).parent / "fixtures" / "onet" / "29.2"
ONET_INNER = "db_29_2_text/"
ONET_FILES = sorted(p.name for p in ONET_FIXTURE.iterdir())


def onet_zip(members: dict[str, bytes], bomb: str = "") -> bytes:
    """A release zip of ``members``; ``bomb``: that member is 65 MB of compressed zeros (over the 64 MB limit)."""
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            if name == bomb:
                with archive.open(ONET_INNER + name, "w", force_zip64=True) as member:
                    for _ in range(65):
                        member.write(bytes(1024 * 1024))
            else:
                archive.writestr(ONET_INNER + name, data)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def onet_bomb() -> bytes:
    members = {name: (ONET_FIXTURE / name).read_bytes() for name in ONET_FILES}
    return onet_zip(members, bomb="Technology Skills.txt")


def header_fields(data: bytes) -> list[tuple[int, int]]:
    """The (local header, central header) offsets of each member of a zip, in order."""
    local, central = [], []
    for signature, found in ((b"PK\x03\x04", local), (b"PK\x01\x02", central)):
        at = data.find(signature)
        while at >= 0:
            found.append(at)
            at = data.find(signature, at + 4)
    return list(zip(local, central, strict=False))


@st.composite
def onet_release(draw: st.DrawFn, bomb: bytes) -> tuple[str, bytes]:
    """A release zip with one kind of damage: flipped bytes, a cut, an encrypted or oddly compressed member,
    a renamed local header, a text member edited (CR, NUL, binary, long line), or a zip bomb."""
    kind = draw(st.sampled_from(["flip", "cut", "encrypted", "method", "header", "text", "bomb"]))
    members = {name: (ONET_FIXTURE / name).read_bytes() for name in ONET_FILES}
    if kind == "text":
        name = draw(st.sampled_from(ONET_FILES))
        data = bytearray(members[name])
        at = draw(st.integers(0, len(data)))
        data[at:at] = draw(st.sampled_from([b"\r", b"\x00", b"\xff\xfe", b"\t", b"x" * 200_000, b"\n\n"]))
        members[name] = bytes(data)
        return kind, onet_zip(members)
    data = bytearray(bomb if kind == "bomb" else onet_zip(members))
    fields = header_fields(bytes(data))
    local, central = draw(st.sampled_from(fields))
    if kind == "flip":
        for _ in range(draw(st.integers(1, 3))):
            at = draw(st.integers(0, len(data) - 1))
            data[at] ^= 1 << draw(st.integers(0, 7))
    elif kind == "cut":
        del data[draw(st.integers(0, len(data) - 1)) :]
    elif kind == "encrypted":
        data[local + 6] |= 1
        data[central + 8] |= 1
    elif kind == "method":
        method = draw(st.sampled_from([1, 6, 9, 12, 14, 95, 98, 99, 0xFFFF])).to_bytes(2, "little")
        data[local + 8 : local + 10] = method
        data[central + 10 : central + 12] = method
    elif kind == "header":
        data[local + 30 + draw(st.integers(0, 12))] ^= 0x20
    return kind, bytes(data)


@settings(max_examples=60, **FILES)
@given(data=st.data())
def test_hostile_onet_zips_are_one_error_and_keep_the_import(isolated_home: Path, tmp_path_factory, onet_bomb, data):
    folder = isolated_home / "data" / "careercli" / "onet"
    if not (folder / "onet.sqlite").is_file():
        assert run(["data", "import-onet", str(ONET_FIXTURE)]).exit_code == 0
    before = (folder / "onet.sqlite").read_bytes()
    kind, archive = data.draw(onet_release(onet_bomb), label="release")
    event(kind)
    path = tmp_path_factory.mktemp("zip") / "db_29_2_text.zip"
    path.write_bytes(archive)
    result = run(["data", "import-onet", str(path)])
    assert result.exit_code in (0, 1), (kind, result.output)
    if result.exit_code == 1:
        lines = result.output.splitlines()
        assert 1 <= len(lines) <= 2, (kind, result.output)
        assert all(line.startswith("career: ") for line in lines), (kind, result.output)
        assert (folder / "onet.sqlite").read_bytes() == before, kind
    else:
        assert kind not in ("encrypted", "bomb"), result.output
    assert os.listdir(folder) == ["onet.sqlite"], kind  # nothing half written
    assert run(["show", "backend-developer"]).exit_code == 0, kind


# -- hostile config.toml: every command reads it ------------------------------------------------------------------
CONFIG_VALUES = {
    "color": strings("auto", "always", "never", "sometimes"),
    "pager": st.sampled_from(["true", "false", '"less"', "1", '""']),
    "show_books": st.sampled_from(["10", "0", "-1", "99999999999999999999", '"²"', "1.5", "nan"]),
}


@st.composite
def config_bytes(draw: st.DrawFn) -> bytes:
    lines = [f"# {draw(hostile_text)}"] if draw(st.booleans()) else []
    for name, good in CONFIG_VALUES.items():
        choice = draw(st.integers(0, 3))  # missing, odd, or good
        if choice:
            lines.append(f"{name} = {draw(good) if choice > 1 else draw(any_value)}")
    lines += [f"{draw(key)} = {draw(any_value)}" for _ in range(draw(st.integers(0, 2)))]
    return damaged(draw, "\n".join(lines).encode("utf-8"))


CONFIG_RUNS = [["list"], ["show", "backend-developer"], ["books", "--limit", "3"], ["config", "show"],
               ["config", "set", "show_books", "5"], ["config", "unset", "pager"]]  # fmt: skip


@settings(max_examples=120, **FILES)
@given(data=config_bytes(), args=st.sampled_from(CONFIG_RUNS))
def test_hostile_config_files_never_show_a_traceback_and_are_never_rewritten_broken(
    isolated_home: Path, data: bytes, args: list[str]
) -> None:
    config = isolated_home / "config" / "careercli" / "config.toml"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_bytes(data)
    readable = run(["config", "show"]).exit_code == 0
    result = run(args)
    after = config.read_bytes() if config.exists() else None
    if result.exit_code != 0 or args[0] != "config":
        assert after == data, (args, result.output)  # a read never writes; a refused write leaves the file
    if not readable and args[:2] in (["config", "set"], ["config", "unset"]):
        assert result.exit_code == 1, (args, result.output)
    if after is not None and after != data:
        assert run(["config", "show"]).exit_code == 0  # what was written reads back


# -- zsh completion: whatever a description holds, one line a candidate and nothing to evaluate ------------------
@settings(max_examples=300, deadline=None)
@given(items=st.lists(st.tuples(hostile_text, hostile_text), max_size=6))
def test_zsh_candidates_are_one_line_each_whatever_the_text(items: list[tuple[str, str]]) -> None:
    from careercli.completion import _zsh, one_line

    cleaned = [(one_line(v), one_line(h)) for v, h in items]
    cleaned = [(v, h) for v, h in cleaned if v]
    out = _zsh(cleaned)
    lines = out.split("\n") if cleaned else []
    assert len(lines) == len(cleaned)
    for line, (value, description) in zip(lines, cleaned, strict=True):
        assert line.count("\t") == 1
        shown_value, shown = line.split("\t")
        assert shown_value == value  # handed to compadd as an array element: never parsed by the shell
        assert shown.startswith(value)
        assert shown.endswith(description)
        assert all(c.isprintable() for c in line.replace("\t", ""))
