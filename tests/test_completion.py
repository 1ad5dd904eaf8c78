"""Shell completion answered without Typer or Rich: the same values and descriptions as the Typer app, one line
each, and the scripts for the shell named on the command line."""

from __future__ import annotations

import functools
import itertools
import subprocess
import sys
from pathlib import Path

import pytest

from careercli import completion
from tests.conftest import CAREER


@functools.cache
def typer_completer():
    import typer
    from typer._click.shell_completion import get_completion_class
    from typer._completion_classes import completion_init

    from careercli.cli.app import app

    completion_init()
    return get_completion_class("bash")(typer.main.get_command(app), {}, "career", "_CAREER_COMPLETE")


def typer_items(args: list[str], incomplete: str) -> list[tuple[str, str]]:
    """What Typer's own completion offers (the reference the fast path must match)."""
    from rich.text import Text

    items = typer_completer().get_completions(list(args), incomplete)
    return [(i.value, completion.one_line(Text.from_markup(i.help or "", emoji=False).plain)) for i in items]


def lines_to_try() -> list[tuple[list[str], str]]:
    tree = completion.snapshot()["tree"]
    cases: list[tuple[list[str], str]] = []

    def walk(node: dict, path: list[str]) -> None:
        for incomplete in ("", "-", "--", "b", "s", "d", "--n", "--j", "=", "r"):
            cases.append((path, incomplete))
        for option in node["options"]:
            if option["value"]:
                for incomplete in ("", "r", "k"):  # Typer offers nothing for an upper-case start here
                    cases.append(([*path, option["opts"][0]], incomplete))
                cases.append((path, option["opts"][0] + "=r"))
        cases.append(([*path, "backend-developer"], ""))
        cases.append(([*path, "backend-developer", "--json"], ""))
        cases.append(([*path, "--", "--json"], ""))
        cases.append(([*path, "--nope"], ""))
        cases.append(([*path, "-n5"], ""))
        for name, _, _, child in node["commands"]:
            walk(child, [*path, name])

    walk(tree, [])
    cases += [(["--color", "never", "show"], "f"), (["--no-pager", "bookmark"], ""), (["compare", "qa-engineer"], "b")]
    return cases


@pytest.mark.slow  # many processes (or the whole O*NET release): the full run covers it
def test_every_tab_offers_what_the_typer_app_offers(cli) -> None:
    assert cli("bookmark", "add", "qa-engineer", "--note", "maybe\nlater", "--tag", "someday").code == 0
    assert cli("reading", "add", "fluent-python", "--status", "reading").code == 0
    assert cli("skills", "add", "python").code == 0
    differences = []
    cases = lines_to_try()
    assert len(cases) > 300
    for args, incomplete in cases:
        expected, got = typer_items(args, incomplete), completion.completions(args, incomplete)
        word = "" if incomplete == "=" else incomplete.partition("=")[2] if incomplete[:1] == "-" else incomplete
        got = [(v, h) for v, h in got if v.startswith(word) or v[:1] == "-"]  # Typer: the case as typed only
        values_in_order = [v for v, _ in expected if v[0] != "-"], [v for v, _ in got if v[0] != "-"]
        if sorted(expected) != sorted(got) or values_in_order[0] != values_in_order[1]:  # -h/--help: any order
            differences.append(f"{args} {incomplete!r}: typer {expected[:4]} fast {got[:4]}")
    assert differences == [], "\n".join(differences)


def run_tab(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([CAREER], env=env, capture_output=True, text=True, encoding="utf-8", timeout=60)


def test_a_tab_imports_neither_typer_nor_rich(career) -> None:
    env = {"_CAREER_COMPLETE": "complete_bash", "COMP_WORDS": "career show back", "COMP_CWORD": "2"}
    assert career(env=env).out.split() == ["backend-developer"]  # builds the snapshot
    probe = (
        "import sys; from careercli.entry import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in ('typer', 'rich', 'click', 'careercli.cli.app') if m in sys.modules))"
    )
    import os

    out = subprocess.run([sys.executable, "-c", probe], env=dict(os.environ) | env, capture_output=True, text=True)
    assert out.stdout.splitlines() == ["backend-developer", "[]"], out.stderr


def test_descriptions_are_one_line_without_control_characters(career, isolated_home: Path) -> None:
    packs = isolated_home / "data" / "careercli" / "packs"
    packs.mkdir(parents=True)
    pack = Path(__file__).with_name("test_packs.py").read_text("utf-8").split('ROLE = """', 1)[1].split('"""', 1)[0]
    name = "Backstage \\u001b]0;owned\\u0007Lead\\nsecond line \\u009b31m"
    (packs / "evil.toml").write_text(pack.format(name=name, summary="S.", skill="python"), "utf-8")
    env = {"_CAREER_COMPLETE": "complete_fish", "_TYPER_COMPLETE_FISH_ACTION": "get-args",
           "_TYPER_COMPLETE_ARGS": "career show mainf"}  # fmt: skip
    result = career(env=env)
    assert result.code == 0
    (line,) = result.out.splitlines()
    value, description = line.split("\t")
    assert value == "mainframe-developer"
    assert description == "Backstage ]0;ownedLead second line 31m"
    assert not any(ord(c) < 32 or 0x7F <= ord(c) < 0xA0 for c in line.replace("\t", ""))


@pytest.mark.parametrize(("words", "shell"), list(itertools.product((["zsh"], ["=zsh"]), ["bash", "fish"])))
def test_the_shell_named_on_the_command_line_wins(career, words: list[str], shell: str) -> None:
    argv = ["--show-completion=zsh"] if words == ["=zsh"] else ["--show-completion", *words]
    result = career(*argv, env={"SHELL": f"/bin/{shell}"})
    assert result.code == 0
    assert result.out.startswith("#compdef career\n")
    assert "compdef _career_completion career" in result.out
    assert "complete --command career --no-files" in career("--show-completion", "fish").out
    bad = career("--show-completion", "tcsh")
    assert bad.code == 2
    assert bad.err == "career: cannot complete for the shell 'tcsh': choose bash, zsh or fish\n"


def test_installed_zsh_script_completes_on_its_first_call(career, isolated_home: Path) -> None:
    result = career("--install-completion", "zsh")
    assert result.code == 0
    assert result.out.startswith(f"zsh completion installed in {isolated_home / '.zfunc' / '_career'}\n")
    script = (isolated_home / ".zfunc" / "_career").read_text("utf-8")
    assert script.startswith("#compdef career\n")
    assert '_career_completion "$@"' in script  # autoloaded: the first Tab completes too
    assert "fpath+=~/.zfunc" in (isolated_home / ".zshrc").read_text("utf-8")
    assert career("--install-completion", "zsh").code == 0
    assert (isolated_home / ".zshrc").read_text("utf-8").count("fpath+=~/.zfunc") == 1


def files_under(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


REFUSED = "cannot complete for the shell {!r}: choose bash, zsh or fish"


@pytest.mark.parametrize(
    ("argv", "err"),
    [
        (["--install-completion", "powershell"], REFUSED.format("powershell")),
        (["--install-completion=pwsh"], REFUSED.format("pwsh")),
        (["--show-completion", "powershell"], REFUSED.format("powershell")),
        (["--install-completion", "zsh", "show"],
         "--install-completion takes one shell name (bash, zsh or fish), not 'show'"),
        (["--color", "never", "--install-completion", "zsh"],
         "--install-completion comes first on the line: career --install-completion [bash|zsh|fish]"),
    ],
)  # fmt: skip
def test_other_shells_and_stray_words_are_refused_and_nothing_is_installed(
    career, isolated_home: Path, argv: list[str], err: str
) -> None:
    (isolated_home / ".bashrc").write_text("# mine\n", "utf-8")
    before = files_under(isolated_home)
    result = career(*argv, env={"SHELL": "/bin/bash"})
    assert (result.code, result.out, result.err) == (2, "", f"career: {err}\n")
    assert files_under(isolated_home) == before
    assert (isolated_home / ".bashrc").read_text("utf-8") == "# mine\n"


def test_an_undetected_shell_is_named_in_the_refusal(monkeypatch, capsys, isolated_home: Path) -> None:
    monkeypatch.setattr(completion, "_detect_shell", lambda: "sh")
    assert completion.handle(["--install-completion"]) == 2
    assert (
        capsys.readouterr().err
        == "career: cannot complete for this shell (sh): name bash, zsh or fish after --install-completion\n"
    )
    assert files_under(isolated_home) == []


def test_fish_completion_goes_where_fish_looks(career, isolated_home: Path) -> None:
    """fish reads $XDG_CONFIG_HOME/fish/completions, and ~/.config/fish/completions when it is unset or empty."""
    result = career("--install-completion", "fish")
    script = isolated_home / "config" / "fish" / "completions" / "career.fish"  # XDG_CONFIG_HOME is home/config
    assert result.code == 0, result.err
    assert result.out.splitlines()[0] == f"fish completion installed in {script}"
    assert "complete --command career" in script.read_text("utf-8")
    assert not (isolated_home / ".config").exists()
    result = career("--install-completion", "fish", env={"XDG_CONFIG_HOME": ""})
    assert (
        result.out.splitlines()[0]
        == f"fish completion installed in {isolated_home / '.config/fish/completions/career.fish'}"
    )


def fish_tab(career, line: str) -> list[str]:
    """What one Tab offers after ``line`` (fish's protocol: value, a tab, its description)."""
    env = {"_CAREER_COMPLETE": "complete_fish", "_TYPER_COMPLETE_FISH_ACTION": "get-args", "_TYPER_COMPLETE_ARGS": line}
    result = career(env=env)
    assert (result.code, result.err) == (0, "")
    return [shown for shown in result.out.splitlines() if shown]


OCCUPATIONS_15_125 = [
    "15-1251.00\tComputer Programmers",
    "15-1252.00\tSoftware Developers",
    "15-1253.00\tSoftware Quality Assurance Analysts and Testers",
    "15-1254.00\tWeb Developers",
    "15-1255.00\tWeb and Digital Interface Designers",
    "15-1255.01\tVideo Game Designers",
]


@pytest.mark.parametrize(
    ("line", "offered"),
    [
        ("career show 15-125", OCCUPATIONS_15_125),
        ("career show Regis", ["Registered Nurses\t29-1141.00"]),
        ("career show regis", ["Registered Nurses\t29-1141.00"]),  # the case is forgiven, as for roles
        ("career --no-pager show Police", ["Police Identification and Records Officers\t33-3021.02"]),
        ("career bookmark add 15-1252", ["15-1252.00\tSoftware Developers"]),
        ("career compare backend-developer 15-1252", ["15-1252.00\tSoftware Developers"]),
        ("career gap 15-1252", ["15-1252.00\tSoftware Developers"]),
        ("career plan 15-1252", ["15-1252.00\tSoftware Developers"]),
        ("career show backend", ["backend-developer\tBack-End Developer"]),
        ("career books --role 15", []),  # takes a role only
        ("career path 15", []),
    ],
)
def test_tab_completes_occupations_by_code_and_title(career, line: str, offered: list[str]) -> None:
    assert fish_tab(career, line) == offered


def test_an_empty_word_offers_the_roles_alone(career) -> None:
    from careercli.cli import complete

    offered = fish_tab(career, "career show ")
    assert offered == [f"{slug}\t{name}" for slug, name in complete.roles("")]
    assert "backend-developer\tBack-End Developer" in offered
    assert len(offered) < 100  # not the 175 bundled occupations twice over


def test_tab_completes_soc_groups_the_data_has(career) -> None:
    assert fish_tab(career, "career list --group 1") == [
        "11\tManagement Occupations",
        "13\tBusiness and Financial Operations Occupations",
        "15\tComputer and Mathematical Occupations",
        "17\tArchitecture and Engineering Occupations",
        "19\tLife, Physical, and Social Science Occupations",
    ]
    assert fish_tab(career, "career list -g 3") == ["33\tProtective Service Occupations"]  # no 31, 35...: none bundled


@pytest.mark.parametrize(
    ("line", "offered"),
    [
        ("career config set ", ["color\tcolour: auto, always or never (as --color)",
                                "pager\ttrue pages long output (as --pager), false never (as --no-pager); unset: long"
                                " pages on a terminal",
                                "show_books\thow many books 'career show' lists by fit (0: all)"]),
        ("career config unset p", ["pager\ttrue pages long output (as --pager), false never (as --no-pager); unset:"
                                   " long pages on a terminal"]),
        ("career config set color ", ["auto", "always", "never"]),
        ("career --color never config set color a", ["auto", "always"]),
        ("career config set pager ", ["true", "false"]),
        ("career config set pager F", ["false"]),
        ("career config set show_books ", []),  # any number
        ("career config set nope ", []),
        ("career config set color never ", []),  # nothing after the value
    ],
)  # fmt: skip
def test_tab_completes_config_keys_and_their_values(career, line: str, offered: list[str]) -> None:
    assert fish_tab(career, line) == offered


def test_bash_gets_titles_whole_and_the_script_quotes_them(career) -> None:
    env = {"_CAREER_COMPLETE": "complete_bash", "COMP_WORDS": "career show 'Regis", "COMP_CWORD": "2"}
    assert career(env=env).out == "Registered Nurses\n"  # one line a value: the script splits on newlines only
    assert "compopt -o filenames" in career("--show-completion", "bash").out
