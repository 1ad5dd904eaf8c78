"""The one cache key (careercli.cachekey): every cache follows the code, the data and, for the replay, every
input an answer depends on; an audit finds every environment variable and file the program reads."""

from __future__ import annotations

import ast
import json
import os
import pty
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from careercli import cachekey, environment
from tests.conftest import CAREER

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "careercli"
FIXTURE = Path(__file__).parent / "fixtures" / "onet" / "29.2"
ESC = "\x1b["


def run(*args: str, env: dict[str, str] | None = None, **kwargs: object) -> subprocess.CompletedProcess[str]:
    full = dict(os.environ) | (env or {})
    return subprocess.run([CAREER, *args], capture_output=True, text=True, env=full, encoding="utf-8", **kwargs)


def replay_entries(home: Path) -> list[Path]:
    folder = home / "cache" / "careercli" / "replay"
    return sorted(p for p in folder.iterdir() if not p.name.startswith(".")) if folder.is_dir() else []


# --- the code ------------------------------------------------------------------------------------------------


@pytest.fixture
def package_copy(tmp_path: Path) -> Path:
    """A copy of the package (its data linked) that PYTHONPATH puts before the installed one, to edit freely."""
    copy = tmp_path / "code"
    shutil.copytree(PACKAGE, copy / "careercli", ignore=shutil.ignore_patterns("__pycache__", "data"))
    (copy / "careercli" / "data").symlink_to(ROOT / "data")
    return copy


@pytest.mark.parametrize("replay", ["on", "off"])
def test_a_change_to_the_code_is_never_answered_from_a_cache(
    isolated_home: Path, package_copy: Path, replay: str
) -> None:
    """The catalogue store keeps what the code worked out (here the listing's rows); the version is the same
    before and after the edit, and the cache is not cleared: the next run must show what the new code gives."""
    env = {"PYTHONPATH": str(package_copy)} | ({"CAREERCLI_NO_REPLAY": "1"} if replay == "off" else {})
    before = run("list", env=env)
    assert before.returncode == 0
    assert "\tBack-End Developer\t" in before.stdout
    assert run("list", env=env).stdout == before.stdout  # from the caches
    roles = package_copy / "careercli" / "queries" / "roles.py"
    text = roles.read_text("utf-8")
    fields = "return role.slug, role.name, role.category"
    assert text.count(fields) == 1
    roles.write_text(text.replace(fields, "return role.slug, role.name.upper(), role.category"), "utf-8")
    rows = [line.split("\t") for line in before.stdout.splitlines()]
    wanted = "".join("\t".join([slug, name.upper(), *rest]) + "\n" for slug, name, *rest in rows)
    assert "\tBACK-END DEVELOPER\t" in wanted
    for _ in range(2):  # the run that rebuilds the caches, and the one answered from them
        after = run("list", env=env)
        assert (after.returncode, after.stdout, after.stderr) == (0, wanted, "")


def test_the_code_digest_follows_the_sources(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """An edited module gives another digest, even with its size and mtime kept (its ctime changed)."""
    module = tmp_path / "mod.py"
    module.write_text("A = 1\n", "utf-8")
    monkeypatch.setattr(cachekey, "code_files", lambda: [str(module)])
    monkeypatch.setattr(cachekey, "_code", [])
    first = cachekey.code_digest()
    monkeypatch.setattr(cachekey, "_code", [])
    assert cachekey.code_digest() == first
    st = module.stat()
    module.write_text("A = 2\n", "utf-8")
    os.utime(module, ns=(st.st_atime_ns, st.st_mtime_ns))
    monkeypatch.setattr(cachekey, "_code", [])
    assert cachekey.code_digest() != first


# --- the terminal --------------------------------------------------------------------------------------------


def _on_a_terminal(args: list[str], term: str) -> tuple[int, str]:
    """Run ``career`` with stdout on a pseudo-terminal of 100x50; what it wrote there."""
    import fcntl
    import select
    import struct
    import termios

    main, child = pty.openpty()
    fcntl.ioctl(child, termios.TIOCSWINSZ, struct.pack("HHHH", 50, 100, 0, 0))
    env = dict(os.environ) | {"TERM": term, "PAGER": "cat"}
    for name in ("COLUMNS", "LINES", "FORCE_COLOR", "NO_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE"):
        env.pop(name, None)
    proc = subprocess.Popen([CAREER, *args], stdout=child, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL,
                            env=env)  # fmt: skip
    os.close(child)
    chunks = []
    while True:  # read as it writes: a page is larger than the terminal's buffer
        ready, _, _ = select.select([main], [], [], 60)
        if not ready:
            break
        try:
            chunk = os.read(main, 1 << 16)
        except OSError:  # EIO: the child closed its end
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(main)
    return proc.wait(timeout=60), b"".join(chunks).decode("utf-8", "replace")


def test_a_dumb_terminal_is_never_served_a_colour_runs_escape_codes(isolated_home: Path) -> None:
    code, colour = _on_a_terminal(["show", "qa-engineer"], "xterm-256color")
    assert code == 0
    assert ESC in colour
    assert len(replay_entries(isolated_home)) == 1  # saved: the next run on this terminal is a replay
    code, dumb = _on_a_terminal(["show", "qa-engineer"], "dumb")
    assert code == 0
    assert "QA" in dumb
    assert ESC not in dumb


# --- the audit: every variable and file the program reads is in the key ----------------------------------------


def _env_names_in_source() -> tuple[set[str], list[str]]:
    """Every environment variable the package's code names where it reads one (``os.environ.get(X)``,
    ``os.environ[X]``, ``X in os.environ``, ``os.getenv(X)``, ``paths._xdg(X, ...)``), X a literal or a module
    constant; and the places whose name cannot be worked out."""
    found: set[str] = set()
    unknown: list[str] = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text("utf-8"))
        constants = {target.id: node.value.value for node in tree.body if isinstance(node, ast.Assign)
                     and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)
                     for target in node.targets if isinstance(target, ast.Name)}  # fmt: skip

        def is_environ(node: ast.AST) -> bool:
            return ast.unparse(node).endswith("environ")

        def name_of(node: ast.AST, where: int, path: Path = path, constants: dict[str, str] = constants) -> None:
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                found.add(node.value)
            elif isinstance(node, ast.Name) and node.id in constants:
                found.add(constants[node.id])
            else:
                unknown.append(f"{path.relative_to(PACKAGE)}:{where}: {ast.unparse(node)}")

        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and node.args:
                func = node.func
                read = isinstance(func, ast.Attribute) and func.attr in ("get", "pop") and is_environ(func.value)
                if read or ast.unparse(func).endswith(("getenv", "_xdg")):
                    name_of(node.args[0], node.lineno)
            elif isinstance(node, ast.Subscript) and is_environ(node.value):
                name_of(node.slice, node.lineno)
            elif isinstance(node, ast.Compare) and isinstance(node.ops[0], ast.In) and is_environ(node.comparators[0]):
                name_of(node.left, node.lineno)
    return found, unknown


def _outside_the_key(names: set[str]) -> list[str]:
    return sorted(name for name in names if name not in cachekey.ENV and not name.startswith(cachekey.ENV_PREFIXES)
                  and name not in environment.not_in_key())  # fmt: skip


def test_every_variable_the_code_reads_is_in_the_replay_key_or_allowed() -> None:
    found, unknown = _env_names_in_source()
    assert {"TERM", "COLUMNS", "NO_COLOR", "FORCE_COLOR", "TTY_COMPATIBLE", "XDG_CACHE_HOME", "PAGER"} <= found
    assert unknown == ["paths.py:25: variable"]  # _xdg's parameter: its callers' literal names are in ``found``
    assert _outside_the_key(found) == []


def _documented(name: str) -> bool:
    listed = environment.names()
    return name in listed or any(p.endswith("*") and name.startswith(p[:-1]) for p in listed)


def test_every_variable_the_code_reads_is_documented_and_the_table_says_true() -> None:
    """careercli.environment's table (the help page, the README) names every variable the code reads, and each of
    its rows is either in the replay's key or says why it is not."""
    found, _unknown = _env_names_in_source()
    undocumented = sorted(n for n in found if not _documented(n) and n not in environment.LIBRARY_ONLY)
    assert undocumented == []
    keyed = [n for names, _about, why in environment.VARIABLES if why == environment.IN_KEY for n in names]
    assert [n for n in keyed if n not in cachekey.ENV and not n.rstrip("*").startswith(cachekey.ENV_PREFIXES)] == []
    left_out = [n for names, _about, why in environment.VARIABLES if why != environment.IN_KEY for n in names]
    assert [n for n in left_out if n in cachekey.ENV] == []  # a row that says "left out" while the key holds it


AUDIT_PROBE = """
import builtins, io, json, os, sqlite3, sys
names, files = set(), set()

class Environ(dict):
    def __getitem__(self, name):
        names.add(name)
        return super().__getitem__(name)
    def get(self, name, default=None):
        names.add(name)
        return super().get(name, default)
    def __contains__(self, name):
        names.add(name)
        return super().__contains__(name)
    def pop(self, name, *default):
        names.add(name)
        return super().pop(name, *default)
    def copy(self):
        return dict(self)

os.environ = Environ(os.environ)  # before Rich, Click and Typer are imported: they keep a reference
real_open, real_os_open, real_connect = builtins.open, os.open, sqlite3.connect

def opened(file, *args, **kwargs):
    if isinstance(file, (str, bytes, os.PathLike)):
        files.add(os.path.abspath(os.fsdecode(file)))
    return real_open(file, *args, **kwargs)

def os_opened(file, *args, **kwargs):
    files.add(os.path.abspath(os.fsdecode(file)))
    return real_os_open(file, *args, **kwargs)

def connected(database, *args, **kwargs):
    text = os.fsdecode(database)
    if text.startswith("file:"):
        from urllib.parse import unquote
        text = unquote(text[5:].split("?", 1)[0]).removeprefix("//")
    if text != ":memory:":
        files.add(os.path.abspath(text))
    return real_connect(database, *args, **kwargs)

builtins.open = io.open = opened
os.open = os_opened
sqlite3.connect = connected
sys.argv = ["career", *ARGV]
from careercli.entry import main
try:
    main()
except SystemExit as stop:
    code = stop.code
with real_open(REPORT, "w") as out:
    json.dump({"code": code, "names": sorted(names), "files": sorted(files)}, out)
"""

AUDITED = [
    ["show", "backend-developer"],
    ["show", "15-1252.00"],
    ["show", "qa-engineer", "--json"],
    ["list"],
    ["list", "--group", "15"],
    ["search", "kubernetes"],
    ["books"],
    ["bookmark", "list"],
    ["--help"],
    ["books", "--help"],
    [],
]


def _audit(argv: list[str], report: Path, env: dict[str, str]) -> dict[str, object]:
    probe = AUDIT_PROBE.replace("ARGV", repr(argv)).replace("REPORT", repr(str(report)))
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, encoding="utf-8")
    assert done.returncode == 0, done.stderr
    return json.loads(report.read_text("utf-8"))


@pytest.mark.parametrize("replay", ["on", "off"])
def test_every_variable_and_file_a_command_reads_is_in_the_replay_key(
    isolated_home: Path, tmp_path: Path, replay: str
) -> None:
    """Run the everyday commands under an os.environ that records what is read and an open() that records what
    is opened (a profile, preferences, a pack and an O*NET import in place): every variable is in the key or
    allowed, and every file is code (this package, Python, the libraries), a cache, or a file the key covers."""
    from careercli import paths

    assert run("data", "import-onet", str(FIXTURE)).returncode == 0
    packs = Path(paths.data_folder()) / "packs"
    packs.mkdir(parents=True)
    (packs / "team.toml").write_text((Path(__file__).parent / "test_packs.py").read_text("utf-8").split(
        'ROLE = """', 1)[1].split('"""', 1)[0].format(name="Zz", summary="S.", skill="python"), "utf-8")  # fmt: skip
    assert run("bookmark", "add", "qa-engineer", "--note", "mine").returncode == 0
    assert run("config", "set", "show_books", "3").returncode == 0
    env = dict(os.environ) | {"FORCE_COLOR": "1", "CAREERCLI_NO_REPLAY": "1" if replay == "off" else ""}
    names: set[str] = set()
    files: set[str] = set()
    for number, argv in enumerate(AUDITED):
        found = _audit(argv, tmp_path / f"{number}.json", env)
        assert found["code"] == 0, argv
        names.update(found["names"])  # type: ignore[arg-type]
        files.update(found["files"])  # type: ignore[arg-type]
    assert {"TERM", "COLUMNS", "FORCE_COLOR", "XDG_CONFIG_HOME"} <= names
    assert _outside_the_key(names) == []
    covered = {os.path.realpath(path) for path in cachekey.data_files()}
    covered |= {os.path.realpath(paths.profile_file()), os.path.realpath(paths.config_file())}
    assert os.path.realpath(paths.onet_import_file()) in {os.path.realpath(path) for path in files}
    code = (str(PACKAGE), sys.prefix, sys.base_prefix, sys.exec_prefix, sys.base_exec_prefix)
    cache = os.path.realpath(paths.cache_folder())
    outside = sorted(path for path in files if not os.path.realpath(path).startswith(code)
                     and not os.path.realpath(path).startswith(cache + os.sep)
                     and os.path.realpath(path) not in covered and path != os.devnull)  # fmt: skip
    assert outside == []


# --- issue 21 item 6: the O*NET import file, not its folder --------------------------------------------------


def test_an_import_file_copied_over_in_place_is_shown_not_a_saved_page(isolated_home: Path, tmp_path: Path) -> None:
    """``cp backup.sqlite .../onet.sqlite`` rewrites the file in place: its folder does not change, the file does."""
    from careercli import paths

    assert run("data", "import-onet", str(FIXTURE)).returncode == 0
    target = Path(paths.onet_import_file())
    backup = tmp_path / "backup.sqlite"
    shutil.copyfile(target, backup)
    release = tmp_path / "release"
    shutil.copytree(FIXTURE, release)
    data = release / "Occupation Data.txt"
    data.write_text(data.read_text("utf-8").replace("Computer Systems Analysts", "Renamed Analysts"), "utf-8")
    assert run("data", "import-onet", str(release)).returncode == 0
    renamed = run("show", "15-1211.00")
    assert "Renamed Analysts" in renamed.stdout
    assert run("show", "15-1211.00").stdout == renamed.stdout  # replayed
    folder = os.stat(target.parent)
    shutil.copyfile(backup, target)  # as cp does: the same file, new bytes
    assert os.stat(target.parent).st_mtime_ns == folder.st_mtime_ns
    shown = run("show", "15-1211.00")
    assert (shown.returncode, shown.stderr) == (0, "")
    assert "Computer Systems Analysts" in shown.stdout
    assert "Renamed Analysts" not in shown.stdout


# --- issue 21 item 22: cache clear leaves no cache of careercli -----------------------------------------------

CACHES = ("catalogue.sqlite3", "completion.marshal", "completion-values.sqlite3", "replay")


def _fill_every_cache() -> Path:
    from careercli import paths

    for args in (["show", "15-1252.00"], ["search", "go"], ["show", "qa-engineer"]):
        assert run(*args).returncode == 0
    tab = {"_CAREER_COMPLETE": "complete_bash", "COMP_WORDS": "career books --id ", "COMP_CWORD": "3"}
    assert run(env=tab).stdout  # a Tab: the snapshot and its long value lists
    folder = Path(paths.cache_folder())
    assert sorted(os.listdir(folder)) == sorted(CACHES)
    return folder


def test_cache_clear_removes_every_cache_file(isolated_home: Path) -> None:
    folder = _fill_every_cache()
    cleared = run("cache", "clear")
    assert (cleared.returncode, cleared.stderr) == (0, "")
    assert os.listdir(folder) == []
    assert "completion-values.sqlite3" in cleared.stdout


# --- issue 21 item 14: any damage to any cache is a silent rebuild --------------------------------------------

NO_REPLAY = {"CAREERCLI_NO_REPLAY": "1"}
ANSWERS = [  # (argv, environment): each reads one cache or more
    (["show", "qa-engineer"], NO_REPLAY),  # the catalogue store
    (["search", "go"], NO_REPLAY),  # and its search tables
    (["show", "15-1252.00"], NO_REPLAY),  # the bundled O*NET database (prebuilt, not a cache)
    (["show", "backend-developer"], {}),  # the replay
    ([], {"_CAREER_COMPLETE": "complete_bash", "COMP_WORDS": "career books --id ", "COMP_CWORD": "3"}),  # a Tab
]
ROWS_GONE = {  # the SQL that removes rows from each database
    "catalogue.sqlite3": "DELETE FROM blob WHERE name = 'key' OR name LIKE 'role:%'",
    "catalogue.sqlite3 search": "DELETE FROM search_term; DELETE FROM search_doc",
    "completion-values.sqlite3": "DELETE FROM meta",
    "completion-values.sqlite3 items": "DELETE FROM item",
}


def _answers() -> list[tuple[int, str, str]]:
    return [(r.returncode, r.stdout, r.stderr) for r in (run(*argv, env=env) for argv, env in ANSWERS)]


def _damage(path: Path, how: str, sql: str | None) -> None:
    import sqlite3

    data = path.read_bytes()
    if how == "truncated":
        path.write_bytes(data[: len(data) // 2])
    elif how == "garbage":
        path.write_bytes(os.urandom(len(data)))
    elif how == "empty":
        path.write_bytes(b"")
    elif sql is not None:  # rows gone
        with sqlite3.connect(path) as db:
            db.executescript(sql)
        db.close()
    else:  # rows gone from a file that has none: one entry of it changed
        path.write_bytes(data[:-3] + bytes([data[-3] ^ 1]) + data[-2:])


@pytest.mark.slow  # 32 cases of several runs each; the key row of the store is also in the quick suite below
@pytest.mark.parametrize("how", ["rows gone", "truncated", "garbage", "empty"])
@pytest.mark.parametrize(
    "cache",
    ["catalogue.sqlite3", "catalogue.sqlite3 search", "completion-values.sqlite3", "completion-values.sqlite3 items",
     "completion.marshal", "replay"],
)  # fmt: skip
def test_a_damaged_cache_is_rebuilt_silently(isolated_home: Path, cache: str, how: str) -> None:
    folder = _fill_every_cache()
    clean = _answers()
    assert all(code == 0 and out for code, out, _err in clean)
    name = cache.split()[0]
    if name == "replay":
        targets = [p for p in (folder / name).iterdir() if not p.name.endswith(".sha256")]
    else:
        targets = [folder / name]
    assert targets
    for target in targets:
        _damage(target, how, ROWS_GONE.get(cache))
    assert _answers() == clean
    assert _answers() == clean  # and from the rebuilt caches


def test_a_catalogue_store_without_its_key_row_is_rebuilt(isolated_home: Path) -> None:
    """It gave ``KeyError: 'key'`` on every command until ``cache clear``."""
    import sqlite3

    from careercli import paths

    clean = run("show", "qa-engineer", env=NO_REPLAY)
    assert clean.returncode == 0
    with sqlite3.connect(Path(paths.cache_folder()) / "catalogue.sqlite3") as db:
        db.execute("DELETE FROM blob WHERE name = 'key'")
    db.close()
    for _ in range(2):
        again = run("show", "qa-engineer", env=NO_REPLAY)
        assert (again.returncode, again.stdout, again.stderr) == (0, clean.stdout, clean.stderr)
