"""The start-up replay: replayed output is the rendered output, every input change invalidates it, and nothing
of the inputs (arguments, environment) is ever kept on disk.

Most of these run the installed `career` in real subprocesses, the way a user meets the replay.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import typer
from platformdirs import user_cache_path, user_config_path, user_data_path

from careercli import cachekey, commands, paths, replay, replay_store
from tests.conftest import CAREER

PACK = (Path(__file__).parent / "test_packs.py").read_text("utf-8").split('ROLE = """', 1)[1].split('"""', 1)[0]


def run(*args: str, env: dict[str, str] | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    full = dict(os.environ) | (env or {})
    return subprocess.run([CAREER, *args], capture_output=True, text=True, env=full, encoding="utf-8", cwd=cwd)


def entries(home: Path) -> list[Path]:
    folder = home / "cache" / "careercli" / "replay"
    return sorted(p for p in folder.iterdir() if not p.name.startswith(".")) if folder.is_dir() else []


def pack_text(name: str = "Zz", skill: str = "python", slug: str = "zz-role") -> str:
    return PACK.format(name=name, summary="S.", skill=skill).replace("mainframe-developer", slug)


@pytest.mark.parametrize(
    "env",
    [{}, {"XDG_CACHE_HOME": "", "XDG_DATA_HOME": " ", "XDG_CONFIG_HOME": ""}, {"XDG_CACHE_HOME": "/x/c"}],
)
def test_folders_match_platformdirs(monkeypatch: pytest.MonkeyPatch, env: dict[str, str]) -> None:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert Path(paths.cache_folder()) == paths.cache_dir() == user_cache_path("careercli")
    assert Path(paths.data_folder()) == paths.data_dir() == user_data_path("careercli")
    assert Path(paths.config_folder()) == paths.config_dir() == user_config_path("careercli")


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        ([], True), (["--version"], True), (["show", "x"], True), (["--color", "never", "show", "x"], True),
        (["--color=never", "list"], True), (["books", "--limit", "0"], True), (["bookmark", "list"], True),
        (["bookmark", "add", "x"], False), (["skills", "add", "python"], False), (["export"], False),
        (["export", "--help"], True), (["export", "-h"], True), (["bookmark", "-h"], True),
        (["bookmark", "add", "--help"], True), (["-h", "export"], True), (["export", "-o", "-h"], False),
        (["export", "-o", "--help"], False), (["data", "validate", "--", "-h"], False),
        (["data", "validate", "pack.toml", "-h"], True), (["--color", "-h", "export"], False),
        (["reading", "add", "x", "--status", "read"], False), (["--install-completion"], False), (["where"], True),
        (["paths"], True), (["data", "validate", "pack.toml"], False), (["skills", "list", "--json"], True),
        (["bookmark"], False),
        (["nosuch"], False), (["--", "show", "x"], True), (["show", "x", "--", "-h"], True),
        (["bookmark", "add", "x", "--note", "--help"], False), (["books", "-r", "-h"], True), (["list", "-x"], False),
    ],
)  # fmt: skip
def test_only_read_only_invocations_are_replayable(argv: list[str], expected: bool) -> None:
    assert replay.replayable(argv) is expected


def _command_paths(command: object, ctx_class: type, prefix: tuple[str, ...] = ()) -> set[tuple[str, ...]]:
    """Every leaf command path under a click Group, lazy groups included (list_commands + get_command)."""
    if not hasattr(command, "list_commands"):
        return {prefix}
    ctx = ctx_class(command, info_name=prefix[-1] if prefix else "career")
    found: set[tuple[str, ...]] = set()
    for name in command.list_commands(ctx):
        sub = command.get_command(ctx, name)
        assert sub is not None, f"{' '.join((*prefix, name))} is listed but cannot be loaded"
        found |= _command_paths(sub, ctx_class, (*prefix, name))
    return found


def test_every_registered_command_is_classified() -> None:
    from careercli.cli.app import app

    root = typer.main.get_command(app)
    registered = _command_paths(root, root.context_class)
    assert len(registered) > 15
    missing = sorted(registered - set(commands.KINDS))
    assert not missing, f"commands.KINDS does not say whether these may be replayed: {missing}"
    stale = sorted(set(commands.KINDS) - registered)
    assert not stale, f"commands.KINDS names commands the app does not have: {stale}"
    assert set(commands.KINDS.values()) <= {commands.READS, commands.WRITES, commands.OTHER}


def test_replay_is_byte_identical_and_imports_nothing_heavy(isolated_home: Path, tmp_path: Path) -> None:
    first = run("show", "backend-developer")
    assert first.returncode == 0
    assert len(entries(isolated_home)) == 1
    second = run("show", "backend-developer")
    assert (second.returncode, second.stdout, second.stderr) == (0, first.stdout, "")
    # the same invocation in a child that reports what it imported
    report = tmp_path / "modules.json"
    probe = (  # json is imported after the modules are listed: it imports re itself
        "import sys\n"
        "from careercli import entry\n"
        "sys.argv = ['career', 'show', 'backend-developer']\n"
        "try:\n    entry.main()\nexcept SystemExit as stop:\n    code = stop.code\n"
        "modules = sorted(sys.modules)\nimport json\n"
        f"open({str(report)!r}, 'w').write(json.dumps([code, modules]))\n"
    )
    third = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, encoding="utf-8")
    assert third.stdout == first.stdout
    code, modules = json.loads(report.read_text("utf-8"))
    assert code == 0
    assert "careercli.replay" in modules
    heavy = ("typer", "click", "rich", "tomllib", "careercli.cli", "careercli.catalog", "careercli.stored.load",
             "careercli.loader", "pathlib", "typing", "re", "enum", "sqlite3")  # fmt: skip
    loaded = [m for m in modules if m in heavy or m.startswith(tuple(h + "." for h in heavy))]
    assert loaded == []


@pytest.mark.parametrize(
    ("argv", "renderer", "absent"),
    [
        (["list"], "careercli.cli.reads", "typer"),  # the direct path: the same body, without Typer
        (["compare", "backend-developer", "devops-engineer"], "typer", None),  # the Typer app
        (["list", "--help"], "typer", None),
    ],
)
def test_a_miss_renders(isolated_home: Path, tmp_path: Path, argv: list[str], renderer: str, absent: str) -> None:
    report = tmp_path / "modules.json"
    probe = (
        f"import json, sys\nfrom careercli import entry\nsys.argv = ['career', *{argv!r}]\n"
        "try:\n    entry.main()\nexcept SystemExit:\n"
        f"    open({str(report)!r}, 'w').write(json.dumps(sorted(sys.modules)))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, check=True, text=True)
    assert done.stdout
    modules = json.loads(report.read_text("utf-8"))
    assert renderer in modules
    assert absent is None or absent not in modules


def test_no_argument_or_environment_value_reaches_the_cache_folder(isolated_home: Path) -> None:
    secret, marker = "s3cr3t-value", "zqx-marker-4471"
    env = {"AWS_SECRET_ACCESS_KEY": secret}
    for args in (("show", "backend-developer"), ("books", "--author", marker), ("list", "--json"), ("search", "go")):
        assert run(*args, env=env).returncode == 0
        assert run(*args, env=env).returncode == 0  # replayed
    assert len(entries(isolated_home)) == 3  # no book by the marker: a note on stderr, so that run is not saved
    files = [p for p in (isolated_home / "cache").rglob("*") if p.is_file()]
    assert files
    for path in files:
        data = path.read_bytes()
        assert secret.encode() not in data, path
        assert marker.encode() not in data, path
        assert b"AWS_SECRET_ACCESS_KEY" not in data, path


def test_profile_changes_invalidate(isolated_home: Path) -> None:
    before = run("show", "backend-developer").stdout
    assert "Bookmarked" not in before
    assert run("bookmark", "add", "backend-developer", "--note", "mine").returncode == 0
    after = run("show", "backend-developer").stdout
    assert "★ Bookmarked — mine" in after


def test_a_profile_edit_within_one_timestamp_tick_invalidates(
    isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a file system with 1-second timestamps two edits in one second leave the same stat data: the profile
    is keyed by its bytes, so the key still changes (stat data is pinned here to stand for such a file system)."""
    profile = Path(paths.profile_file())
    profile.parent.mkdir(parents=True)
    profile.write_text('[[bookmark]]\nrole = "qa-engineer"\nnote = "aaaa"\n', "utf-8")
    monkeypatch.setattr(cachekey, "stat_token", lambda path: "pinned")
    first = replay.key(["show", "qa-engineer"])
    assert replay.key(["show", "qa-engineer"]) == first
    profile.write_text('[[bookmark]]\nrole = "qa-engineer"\nnote = "bbbb"\n', "utf-8")
    assert replay.key(["show", "qa-engineer"]) != first


def test_a_same_size_profile_edit_with_its_mtime_restored_is_shown(isolated_home: Path) -> None:
    assert run("bookmark", "add", "qa-engineer", "--note", "aaaa").returncode == 0
    profile = Path(paths.profile_file())
    assert "— aaaa" in run("show", "qa-engineer").stdout
    st = profile.stat()
    profile.write_text(profile.read_text("utf-8").replace("aaaa", "bbbb"), "utf-8")
    os.utime(profile, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert profile.stat().st_size == st.st_size
    assert "— bbbb" in run("show", "qa-engineer").stdout


def test_pack_changes_invalidate(isolated_home: Path) -> None:
    assert "zz-role" not in run("list", "--json").stdout
    packs = isolated_home / "data" / "careercli" / "packs"
    packs.mkdir(parents=True)
    (packs / "p.toml").write_text(pack_text(), "utf-8")
    assert "zz-role" in run("list", "--json").stdout


def test_a_same_size_pack_edit_with_its_mtime_restored_is_shown(isolated_home: Path) -> None:
    packs = isolated_home / "data" / "careercli" / "packs"
    packs.mkdir(parents=True)
    pack = packs / "p.toml"
    pack.write_text(pack_text(name="Aaaa"), "utf-8")
    assert "Aaaa" in run("show", "zz-role").stdout
    assert "Aaaa" in run("show", "zz-role").stdout  # replayed
    st = pack.stat()
    pack.write_text(pack_text(name="Bbbb"), "utf-8")  # edited in place: same inode, same size
    os.utime(pack, ns=(st.st_atime_ns, st.st_mtime_ns))  # as cp -p, rsync -t or touch -r leave it
    assert (pack.stat().st_size, pack.stat().st_ino, pack.stat().st_mtime_ns) == (st.st_size, st.st_ino, st.st_mtime_ns)
    shown = run("show", "zz-role").stdout
    assert "Bbbb" in shown
    assert "Aaaa" not in shown


@pytest.mark.parametrize("which", ["pack", "profile"])
def test_chmod_of_a_pack_or_the_profile_changes_the_key(isolated_home: Path, which: str) -> None:
    packs = isolated_home / "data" / "careercli" / "packs"
    packs.mkdir(parents=True)
    (packs / "p.toml").write_text(pack_text(), "utf-8")
    profile = Path(paths.profile_file())
    profile.parent.mkdir(parents=True)
    profile.write_text('[[bookmark]]\nrole = "qa-engineer"\n', "utf-8")
    target = packs / "p.toml" if which == "pack" else profile
    before = replay.key(["list"])
    target.chmod(0o000)
    try:
        assert replay.key(["list"]) != before
    finally:
        target.chmod(0o644)


def test_environment_and_arguments_are_part_of_the_key(isolated_home: Path) -> None:
    wide = run("show", "qa-engineer", env={"COLUMNS": "120"}).stdout
    narrow = run("show", "qa-engineer", env={"COLUMNS": "60"}).stdout
    assert max(map(len, narrow.splitlines())) <= 60 < max(map(len, wide.splitlines()))
    assert run("show", "qa-engineer", env={"COLUMNS": "120"}).stdout == wide
    assert run("show", "qa-engineer", "--json").stdout != wide


def test_failures_and_warnings_are_never_saved(isolated_home: Path) -> None:
    for _ in range(2):
        result = run("show", "nosuchrole")
        assert result.returncode == 1
        assert result.stderr.startswith("career: unknown role or occupation 'nosuchrole'")
    profile = Path(paths.profile_file())
    profile.parent.mkdir(parents=True)
    profile.write_text("this is = = not toml\n", "utf-8")
    for _ in range(2):  # a broken profile only decorates show: it warns on stderr, every time
        result = run("show", "qa-engineer")
        assert result.returncode == 0
        assert "warning" in result.stderr
    assert entries(isolated_home) == []


def test_help_is_recorded_and_replayed(isolated_home: Path) -> None:
    """Help goes through the output layer: each help page is saved once and replayed byte for byte."""
    for count, args in enumerate((("show", "x", "-h"), ("--help",), ("books", "--help")), start=1):
        first = run(*args)
        assert first.returncode == 0
        assert "Usage" in first.stdout
        assert len(entries(isolated_home)) == count
        assert run(*args).stdout == first.stdout
        assert len(entries(isolated_home)) == count


def test_a_damaged_entry_takes_the_normal_path(isolated_home: Path) -> None:
    good = run("show", "qa-engineer").stdout
    (entry,) = entries(isolated_home)
    data = entry.read_bytes()
    entry.write_bytes(data[:-50])  # cut short
    assert run("show", "qa-engineer").stdout == good
    entry.write_bytes(data[:-5] + bytes([data[-5] ^ 1]) + data[-4:])  # one flipped bit
    assert run("show", "qa-engineer").stdout == good
    head = data.split(b"\n", 3)
    entry.write_bytes(b"\n".join([*head[:2], replay_store.hasher().hexdigest().encode(), b"S99\nshort"]))
    assert run("show", "qa-engineer").stdout == good


def test_another_users_entry_is_not_used(isolated_home: Path) -> None:
    good = run("show", "qa-engineer").stdout
    (entry,) = entries(isolated_home)
    entry.write_bytes(entry.read_bytes().replace(b"QA", b"XY"))
    os.chown(entry, 12345, 12345) if os.getuid() == 0 else pytest.skip("needs root to give a file away")
    assert run("show", "qa-engineer").stdout == good


@pytest.mark.parametrize("name", ["CAREERCLI_NO_REPLAY", "CAREERCLI_NO_FAST_PATH"])  # the second: deprecated
def test_switching_it_off(isolated_home: Path, name: str) -> None:
    first = run("show", "qa-engineer", env={name: "1"})
    assert (first.returncode, first.stderr) == (0, "")
    assert entries(isolated_home) == []
    assert run("show", "qa-engineer", env={name: "1"}).stdout == first.stdout
    assert entries(isolated_home) == []


def test_validate_always_reads_the_file_again(isolated_home: Path, tmp_path: Path) -> None:
    pack = tmp_path / "team.toml"
    pack.write_text(pack_text(), "utf-8")
    assert run("data", "validate", str(pack)).returncode == 0
    assert run("data", "validate", str(pack)).returncode == 0
    pack.write_text(pack_text(skill="pyhton"), "utf-8")
    broken = run("data", "validate", str(pack))
    assert broken.returncode == 1
    assert "unknown skill 'pyhton'" in broken.stdout


def test_validate_of_a_file_named_dash_h_is_never_replayed(isolated_home: Path, tmp_path: Path) -> None:
    (tmp_path / "-h").write_text(pack_text(), "utf-8")
    assert run("data", "validate", "--", "-h", cwd=tmp_path).returncode == 0
    assert run("data", "validate", "--", "-h", cwd=tmp_path).returncode == 0
    (tmp_path / "-h").write_text(pack_text(skill="pyhton"), "utf-8")
    broken = run("data", "validate", "--", "-h", cwd=tmp_path)
    assert broken.returncode == 1
    assert "unknown skill 'pyhton'" in broken.stdout


def test_export_to_a_file_named_dash_h_writes_it_every_time(isolated_home: Path, tmp_path: Path) -> None:
    assert run("skills", "add", "python").returncode == 0
    target = tmp_path / "-h"
    for _ in range(2):
        target.unlink(missing_ok=True)
        result = run("export", "-o", "-h", "--force", cwd=tmp_path)
        assert result.returncode == 0
        assert target.is_file()
        assert "Python" in target.read_text("utf-8")


def test_the_cache_folders_are_private(isolated_home: Path) -> None:
    assert run("show", "qa-engineer").returncode == 0
    assert (isolated_home / "cache" / "careercli" / "replay").stat().st_mode & 0o777 == 0o700
    (entry,) = entries(isolated_home)
    assert entry.stat().st_mode & 0o777 == 0o600


def _name(n: int) -> str:
    return replay_store.PREFIX + f"{n:064x}"


def test_pruning_keeps_to_its_own_entries_and_never_follows_a_symlink(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(replay_store, "MAX_ENTRIES", 4)
    folder = tmp_path / "replay"
    folder.mkdir()
    outside = tmp_path / "outside"
    outside.mkdir()
    for n in range(6):
        (outside / _name(n)).write_text("keep")  # the same names, behind a symlink
    for n in range(6):
        (folder / _name(n)).write_text("old entry")
        os.utime(folder / _name(n), (1000 + n, 1000 + n))
    (folder / "notes.txt").write_text("not ours")
    (folder / "r-short").write_text("not ours either")
    (folder / _name(99)).symlink_to(outside / _name(0))
    (folder / "linked").symlink_to(outside, target_is_directory=True)
    replay_store.prune(str(folder))
    left = sorted(p.name for p in folder.iterdir())
    assert left == sorted([_name(4), _name(5), _name(99), "linked", "notes.txt", "r-short"])
    assert len(list(outside.iterdir())) == 6
    replay_store.prune(str(folder / "linked"))  # a symlinked folder is not pruned at all
    assert len(list(outside.iterdir())) == 6


def test_pruning_removes_old_temporary_files_of_killed_writers(tmp_path: Path) -> None:
    folder = tmp_path / "replay"
    folder.mkdir()
    now = time.time()
    old = folder / f".{_name(1)}.ab_c9xyz.tmp"
    fresh = folder / f".{_name(2)}.k2j3h4g5.tmp"
    foreign = folder / ".someone-elses.tmp"
    for path in (old, fresh, foreign):
        path.write_bytes(b"x" * 100)
        os.utime(path, (now - 3600, now - 3600))
    os.utime(fresh, (now - 10, now - 10))  # a writer may still be at work
    replay_store.prune(str(folder), now=now)
    assert sorted(p.name for p in folder.iterdir()) == sorted([fresh.name, foreign.name])


def test_the_previous_plain_text_cache_is_removed(isolated_home: Path) -> None:
    legacy = isolated_home / "cache" / "careercli" / "output"
    legacy.mkdir(parents=True)
    (legacy / "0123456789abcdef").write_text("AWS_SECRET_ACCESS_KEY=s3cr3t-value\n")
    assert run("show", "qa-engineer").returncode == 0
    assert not legacy.exists()


def test_a_foreign_replay_folder_is_not_used(isolated_home: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (isolated_home / "cache" / "careercli").mkdir(parents=True)
    (isolated_home / "cache" / "careercli" / "replay").symlink_to(elsewhere, target_is_directory=True)
    assert run("show", "qa-engineer").returncode == 0
    assert list(elsewhere.iterdir()) == []


INTERRUPT_PROBE = """
import builtins, sys
real = builtins.__import__
def interrupted(name, globals=None, locals=None, fromlist=(), level=0):
    for full in [name, *(name + "." + item for item in fromlist or ())]:
        if full == {module!r} or full.startswith({module!r} + "."):
            raise KeyboardInterrupt
    return real(name, globals, locals, fromlist, level)
builtins.__import__ = interrupted
sys.argv = ["career", *{argv!r}]
from careercli.entry import main
main()
"""


@pytest.mark.parametrize(
    ("module", "argv"),
    [
        ("careercli.replay", ["show", "qa-engineer"]),
        ("careercli.cli.direct", ["list"]),
        ("careercli.stored.load", ["list"]),
        ("careercli.cli.app", ["compare", "backend-developer", "devops-engineer"]),
        ("typer", ["list", "--help"]),
    ],
)
def test_ctrl_c_while_starting_exits_130_without_a_traceback(isolated_home: Path, module: str, argv: list) -> None:
    probe = INTERRUPT_PROBE.format(module=module, argv=argv)
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, encoding="utf-8")
    assert (result.returncode, result.stderr) == (130, "")


PAUSE_AT_IMPORT = """
import builtins, os, time
real = builtins.__import__
def paused(name, globals=None, locals=None, fromlist=(), level=0):
    if os.environ["PAUSE_AT"] in [name, *(name + "." + item for item in fromlist or ())]:
        open(os.environ["PAUSED"], "w").close()
        time.sleep(30)
    return real(name, globals, locals, fromlist, level)
builtins.__import__ = paused
"""


@pytest.mark.parametrize(
    ("module", "argv"),
    [
        ("careercli.replay", ["list"]),
        ("careercli.cli.direct", ["list"]),
        ("careercli.stored.load", ["books"]),
        ("rich.console", ["show", "backend-developer"]),
        ("careercli.cli.app", ["compare", "backend-developer", "devops-engineer"]),
    ],
)
def test_a_real_ctrl_c_while_starting_exits_130_without_a_traceback(
    isolated_home: Path, tmp_path: Path, module: str, argv: list
) -> None:
    """A real SIGINT, sent while the command is held at a known import of its start-up (a sitecustomize pauses it
    there and says so): the run is interrupted every time, never finishes first."""
    (tmp_path / "sitecustomize.py").write_text(PAUSE_AT_IMPORT, "utf-8")
    paused = tmp_path / "paused"
    env = dict(os.environ) | {"PYTHONPATH": str(tmp_path), "PAUSE_AT": module, "PAUSED": str(paused)}
    env |= {"FORCE_COLOR": "1"} if module == "rich.console" else {}
    proc = subprocess.Popen([CAREER, *argv], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    deadline = time.monotonic() + 30
    while not paused.exists() and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.01)
    assert paused.exists(), f"never reached {module}"
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=30)
    assert (proc.returncode, err, out) == (130, "", "")
