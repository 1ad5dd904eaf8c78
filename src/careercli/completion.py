"""Shell completion without Typer or Rich: each Tab is answered from a snapshot of the command tree and of the
catalogue's values, cached beside the catalogue, and from the profile read as it is now.

The snapshot is built from the app's grammar (``careercli.grammar``) the first time, and again whenever its key
(``careercli.cachekey``: the code, the libraries, the data) changes; it holds every command, option and argument
with its help and the values offered for it. The rules that decide what a Tab completes follow Click's, so the
values and descriptions are the ones the Typer app would give, with each description on one line and its
control characters removed. Also answers ``--show-completion [SHELL]`` and ``--install-completion [SHELL]``:
the shell named on the command line wins over the one detected, and a shell other than bash, zsh and fish is
refused (the Typer app's own completion is switched off). Standard library only.
"""

from __future__ import annotations

import os
import sys

TYPE_CHECKING = False  # typing imports re, enum and collections: a Tab and a replay need none of them
if TYPE_CHECKING:
    from typing import Any

COMPLETE_VAR = "_CAREER_COMPLETE"
SHELLS = ("bash", "zsh", "fish")
FORMAT = "careercli-completion-2"  # the snapshot's layout: "typed" lists, live completers

# zsh: career prints "value<TAB>shown" lines and the function hands them to compadd as arrays. No text of the
# catalogue or the profile ever reaches an eval (Typer's protocol printed an _arguments call to eval, and zsh
# evaluates _arguments' value lists again: a role named "\\$(cmd)" ran cmd on a Tab).
ZSH_FUNCTION = """\
_career_completion() {
  local -a found values shown
  local line
  found=("${(@f)$(env _TYPER_COMPLETE_ARGS="${words[1,$CURRENT]}" _CAREER_COMPLETE=lines_zsh career)}")
  for line in "${found[@]}"; do
    [[ -n $line ]] || continue
    values+=("${line%%$'\\t'*}")
    shown+=("${line#*$'\\t'}")
  done
  if (( ${#values} )); then
    compadd -l -d shown -a values
  else
    _files
  fi
}"""
# What a script installed before the fix gets for its "eval $(...)": a constant text (no data) that defines the
# safe function above and calls it, so an old ~/.zfunc/_career is safe without reinstalling.
ZSH_UPGRADE = (
    "_career_completion() { local -a found values shown; local line;"
    ' found=("${(@f)$(env _TYPER_COMPLETE_ARGS="${words[1,$CURRENT]}" _CAREER_COMPLETE=lines_zsh career)}");'
    ' for line in "${found[@]}"; do [[ -n $line ]] || continue; values+=("${line%%$\'\\t\'*}");'
    " shown+=(\"${line#*$'\\t'}\"); done;"
    " if (( ${#values} )); then compadd -l -d shown -a values; else _files; fi };"
    " _career_completion"
)

SCRIPTS = {
    "bash": """\
_career_completion() {
    local IFS=$'\\n'
    COMPREPLY=( $( env COMP_WORDS="${COMP_WORDS[*]}" \\
                   COMP_CWORD=$COMP_CWORD \\
                   _CAREER_COMPLETE=complete_bash $1 ) )
    # a title has spaces (an apostrophe too): readline then quotes it as it quotes a file name
    [[ ${COMPREPLY[*]} == *[[:space:]\\\'\\\"]* ]] && compopt -o filenames
    return 0
}

complete -o default -F _career_completion career""",
    # autoloaded from fpath, the file is the body of _career: it must complete on that first call as well
    "zsh": """\
#compdef career

"""
    + ZSH_FUNCTION
    + """

if [[ $zsh_eval_context[-1] == loadautofunc ]]; then
  _career_completion "$@"
else
  compdef _career_completion career
fi""",
    # one process a Tab (Typer's script runs career twice: is-args, then get-args); with no candidate, paths, as
    # fish offers where no rule applies (export -o FILE, data validate FILE)
    "fish": """\
function __career_complete
    set -l found (env _CAREER_COMPLETE=complete_fish _TYPER_COMPLETE_FISH_ACTION=get-args \\
        _TYPER_COMPLETE_ARGS=(commandline -cp) career)
    if test -n "$found[1]"
        printf '%s\\n' $found
    else
        __fish_complete_path (commandline -ct)
    end
end
complete --command career --no-files --arguments '(__career_complete)'""",
}
SCRIPT_OPTIONS = ("--show-completion", "--install-completion")


def wanted(argv: list[str]) -> bool:
    """Cheap check for the console script: is this a completion request?"""
    return COMPLETE_VAR in os.environ or bool(argv and argv[0].startswith(SCRIPT_OPTIONS))


def handle(argv: list[str]) -> int | None:
    """The exit code when ``argv`` and the environment ask for completion; None for every other command."""
    instruction = os.environ.get(COMPLETE_VAR)
    if instruction:
        action, _, shell = instruction.partition("_")
        if shell not in SHELLS:
            return None
        if action == "source":
            _write(SCRIPTS[shell] + "\n")
            return 0
        if action == "complete":
            return answer(shell)
        if action == "lines" and shell == "zsh":
            return answer("zsh-lines")
        return None
    if argv and argv[0].split("=", 1)[0] in SCRIPT_OPTIONS:
        return _script_option(argv)
    return None


# --- the scripts ---------------------------------------------------------------------------------------------


def _script_option(argv: list[str]) -> int:
    from careercli.errors import clip

    option, _, named = argv[0].partition("=")
    rest = argv[1:]
    if not named and rest and not rest[0].startswith("-"):
        named, rest = rest[0], rest[1:]
    if rest:
        sys.stderr.write(f"career: {option} takes one shell name (bash, zsh or fish), not {clip(rest[0])!r}\n")
        return 2
    shell = named.lower() or _detect_shell()
    if shell not in SHELLS:
        if named:
            sys.stderr.write(f"career: cannot complete for the shell {clip(named)!r}: choose bash, zsh or fish\n")
        else:
            sys.stderr.write(f"career: cannot complete for this shell ({clip(shell) or 'unknown'}): name bash, zsh"
                             f" or fish after {option}\n")  # fmt: skip
        return 2
    if option == "--show-completion":
        _write(SCRIPTS[shell] + "\n")
        return 0
    try:
        path = install(shell)
    except OSError as error:
        sys.stderr.write(f"career: cannot install the {shell} completion: {error.strerror or error}\n")
        return 1
    _write(f"{shell} completion installed in {path}\nCompletion will take effect once you restart the terminal\n")
    return 0


def _detect_shell() -> str:
    try:
        import shellingham  # type: ignore[import-untyped]  # ships no type information

        return str(shellingham.detect_shell()[0]).lower()
    except Exception:
        return os.path.basename(os.environ.get("SHELL", "")).lower()


def _read_bytes(path: str) -> bytes:
    """The shell's start-up file as it is: never decoded (it may be Latin-1, or anything); b"" when absent."""
    try:
        with open(path, "rb") as file:
            return file.read()
    except FileNotFoundError:
        return b""


def _missing_lines(text: bytes, lines: list[str]) -> bytes:
    """What to append to a start-up file holding ``text`` so that it has each of ``lines``; b"" for nothing."""
    missing = [line.encode("utf-8") for line in lines if line.encode("utf-8") not in text]
    if not missing:
        return b""
    return (b"\n" if text and not text.endswith(b"\n") else b"") + b"".join(m + b"\n" for m in missing)


def install(shell: str) -> str:
    """Install the completion script where ``shell`` reads it; returns its path.

    All or nothing: the start-up file (``~/.bashrc``, ``~/.zshrc``) is read first, as bytes, so that any text
    in it is fine; the script is written next, and removed again (or its old text put back) when the line for
    the start-up file cannot be appended. Raises OSError."""
    home = os.path.expanduser("~")
    rc, addition = None, b""
    if shell == "bash":
        path = os.path.join(home, ".bash_completions", "career.sh")
        script = SCRIPTS["bash"]
        rc = os.path.join(home, ".bashrc")
        addition = _missing_lines(_read_bytes(rc), [f"source '{path}'"])
    elif shell == "zsh":
        path = os.path.join(home, ".zfunc", "_career")
        script = SCRIPTS["zsh"]
        rc = os.path.join(home, ".zshrc")
        text = _read_bytes(rc)
        extra = [] if b"zstyle" in text else ["zstyle ':completion:*' menu select"]
        addition = _missing_lines(text, ["fpath+=~/.zfunc; autoload -Uz compinit; compinit", *extra])
    else:  # where fish looks first: $XDG_CONFIG_HOME/fish/completions, else ~/.config/fish/completions
        path = os.path.join(os.environ.get("XDG_CONFIG_HOME") or os.path.join(home, ".config"), "fish",
                            "completions", "career.fish")  # fmt: skip
        script = SCRIPTS["fish"] + "\n"
    try:
        old: bytes | None = _read_bytes(path) if os.path.lexists(path) else None
    except OSError:
        old = None  # a folder or an unreadable file: writing the script will say so
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as file:
        file.write(script)
    if rc is None or not addition:
        return path
    try:
        with open(rc, "ab") as file:
            file.write(addition)
    except BaseException:
        try:
            if old is None:
                os.unlink(path)
            else:
                with open(path, "wb") as file:
                    file.write(old)
        except OSError:
            pass
        raise
    return path


# --- one Tab -------------------------------------------------------------------------------------------------


def answer(shell: str) -> int:
    """Print the completions the shell asked for (the protocol of Typer's scripts); the exit code."""
    if shell == "zsh" and os.environ.get(COMPLETE_VAR) == "complete_zsh":  # a script from before the fix
        _write(ZSH_UPGRADE + "\n")
        return 0
    if shell == "bash":
        words = _split(os.environ.get("COMP_WORDS", ""))
        try:
            cword = int(os.environ.get("COMP_CWORD", "0"))
        except ValueError:
            cword = len(words)
        args, incomplete = words[1:cword], (words[cword] if 0 <= cword < len(words) else "")
    else:
        line = os.environ.get("_TYPER_COMPLETE_ARGS", "")
        args = _split(line)[1:]
        incomplete = args.pop() if args and not line.endswith(" ") else ""
    items = completions(args, incomplete)
    if shell == "bash":
        out = "\n".join(value for value, _ in items)
    elif shell == "zsh-lines":
        out = _zsh(items)
    else:
        action = os.environ.get("_TYPER_COMPLETE_FISH_ACTION", "")
        if action == "is-args":
            return 0 if items else 1
        out = "\n".join(f"{v}\t{h}" if h else v for v, h in items) if action == "get-args" else ""
    _write(out + "\n")
    return 0


def _zsh(items: list[tuple[str, str]]) -> str:
    """One "value<TAB>shown" line a candidate for compadd's arrays: the value as inserted, the menu line as shown
    (value, then "-- description" in a column). Both are one line without control characters (``one_line``)."""
    width = max((len(v) for v, h in items if h), default=0)
    return "\n".join(f"{v}\t{v.ljust(width)}  -- {h}" if h else f"{v}\t{v}" for v, h in items)


def _write(text: str) -> None:
    try:
        sys.stdout.buffer.write(text.encode("utf-8", "replace"))
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except (OSError, AttributeError) as error:  # full, or closed (no stdout at all): the entry point says so
        from careercli.output import OutputError

        raise OutputError(
            getattr(error, "errno", None) or 9, getattr(error, "strerror", None) or "standard output is closed"
        ) from None


def _split(line: str) -> list[str]:
    import shlex

    lex = shlex.shlex(line, posix=True)
    lex.whitespace_split = True
    lex.commenters = ""
    out: list[str] = []
    try:
        out.extend(lex)
    except ValueError:  # an open quote: the partial word as it is
        out.append(lex.token)
    return out


def one_line(text: str) -> str:
    """A description for a completion menu: one line, no control characters."""
    cleaned = "".join(" " if c.isspace() else c for c in text if c.isspace() or c.isprintable())
    return " ".join(cleaned.split())


def completions(args: list[str], incomplete: str) -> list[tuple[str, str]]:
    """(value, description) pairs for the word being completed after ``args``, as Click would choose them."""
    try:
        from careercli.completion_rules import resolve

        stored = snapshot()
        node, given, target, incomplete, params = resolve(stored["tree"], list(args), incomplete)
        if target is None:
            return [(one_line(v), one_line(h)) for v, h in _names(node, given, incomplete)]
        found = _values(stored, target["values"], incomplete, params)
        if incomplete and target.get("typed") is not None:  # occupations, once a character is typed
            found += _values(stored, target["typed"], incomplete, params)
        return found
    except Exception:  # a completion never fails loudly
        return []


def _names(node: dict[str, Any], given: set[int], incomplete: str) -> list[tuple[str, str]]:
    """The command's subcommands, and its options after a "-"."""
    items = [(c[0], c[1]) for c in node["commands"] if not c[2] and c[0].startswith(incomplete)]
    if incomplete and not incomplete[0].isalnum():
        for index, option in enumerate(node["options"]):
            if option["hidden"] or (index in given and not option["multiple"]):
                continue
            names = option["opts"] + option["secondary"]
            items += [(n, option["help"]) for n in names if n.startswith(incomplete)]
    return items


class _Context:
    """What a completer that reads the arguments given before is handed: Click's ``ctx.params``, as Typer gives."""

    def __init__(self, params: dict[str, Any]) -> None:
        self.params = params


def _values(stored: dict[str, Any], values: Any, incomplete: str, params: dict[str, Any]) -> list[tuple[str, str]]:
    """The candidates of one value list of the snapshot: a long list by its number (a prefix query on the stored
    lists), a completer by its name (run now: the profile as it is, the arguments given), or the list itself."""
    if isinstance(values, int):
        return _stored_values(stored, values, incomplete)
    if isinstance(values, str):
        from careercli.cli import complete

        function = getattr(complete, values)
        takes_context = function.__code__.co_varnames[:1] == ("ctx",)  # by name, as Typer finds it
        values = function(_Context(params), incomplete) if takes_context else function(incomplete)
    wanted = incomplete.casefold()
    return [(one_line(v), one_line(h)) for v, h in values if v.casefold().startswith(wanted)]


def _stored_values(stored: dict[str, Any], number: int, incomplete: str) -> list[tuple[str, str]]:
    """The candidates of a long value list: a prefix query on the stored lists; when they cannot be trusted (a
    damaged row, another snapshot's file), the snapshot is built again and answers from memory."""
    from careercli.completion_values import Stale, candidates

    lists = stored.get("lists")
    if lists is None:
        try:
            return candidates(_values_file(), stored["token"], number, incomplete)
        except Stale:
            lists = snapshot(rebuild=True)["lists"]
    wanted = incomplete.casefold()
    return [(one_line(v), one_line(h)) for v, h in lists[number] if v.casefold().startswith(wanted)]


# --- the snapshot --------------------------------------------------------------------------------------------


def _key() -> str:
    """The snapshot's key (``careercli.cachekey``): it changes with the code, the libraries and the data."""
    from careercli import cachekey

    return cachekey.key("completion", [FORMAT])


def _cache_file() -> str:
    from careercli.paths import cache_folder, plain

    return os.path.join(plain(cache_folder()), "completion.marshal")


def _values_file() -> str:
    from careercli.completion_values import NAME
    from careercli.paths import cache_folder, plain

    return os.path.join(plain(cache_folder()), NAME)


def snapshot(rebuild: bool = False) -> dict[str, Any]:
    """The cached snapshot when it is current, whole and the user's own; else built again and saved. A snapshot
    just built holds its long value lists in memory (``lists``); a saved one names them (``token``)."""
    import hashlib
    import marshal

    key = _key()
    path = _cache_file()
    try:
        if rebuild:
            raise ValueError(path)
        fd = os.open(path, os.O_RDONLY)
        try:
            st = os.fstat(fd)
            data = b"" if st.st_uid != os.getuid() else os.read(fd, st.st_size + 1)
        finally:
            os.close(fd)
        digest, body = data[:32], data[32:]
        if digest == hashlib.sha256(body).digest():
            stored = marshal.loads(body)
            if isinstance(stored, dict) and stored.get("key") == key:
                return stored
    except (OSError, ValueError, EOFError, TypeError):
        pass
    from careercli.completion_values import split, write

    tree = _tree()
    lists = split(tree)
    token = os.urandom(16).hex()
    try:
        if lists:
            os.makedirs(os.path.dirname(path), mode=0o700, exist_ok=True)
            write(_values_file(), token, lists, one_line)  # first: a saved snapshot's lists are always there
    except Exception:  # a cache that cannot be written only costs speed
        return {"key": key, "tree": tree, "lists": lists}
    _save(path, {"key": key, "tree": tree, "token": token})
    return {"key": key, "tree": tree, "token": token, "lists": lists}


def _tree() -> dict[str, Any]:
    """The grammar with the values each option and argument offers: choices, and what the functions of
    ``careercli.cli.complete`` give (those in ``LIVE`` are named, and run at each Tab); what is offered only
    once a character is typed is kept apart (``typed``)."""
    from careercli.cli import complete
    from careercli.grammar import TREE

    asked: dict[str, list[tuple[str, str]]] = {}

    def ask(name: str) -> list[tuple[str, str]]:  # once a completer: the one list given to several arguments is
        if name not in asked:  # saved once (marshal shares an object); long ones go to completion_values
            asked[name] = getattr(complete, name)("")
        return asked[name]

    def values(param: dict[str, Any]) -> dict[str, Any]:
        name = param["complete"]
        if name in complete.LIVE:
            return param | {"values": name}
        if not name:
            return param | {"values": [(c, "") for c in param.get("choices") or ()]}
        typed = complete.WHEN_TYPED.get(name)  # the occupations, at most a few thousand: kept in the snapshot
        return param | {"values": ask(name)} | ({"typed": ask(typed)} if typed else {})

    def walk(node: dict[str, Any]) -> dict[str, Any]:
        return node | {
            "options": [values(option) for option in node["options"]],
            "arguments": [values(argument) for argument in node["arguments"]],
            "commands": [(name, short, hidden, walk(sub)) for name, short, hidden, sub in node["commands"]],
        }

    return walk(TREE)


def _save(path: str, stored: dict[str, object]) -> None:
    import hashlib
    import marshal
    import tempfile

    body = marshal.dumps(stored)
    folder = os.path.dirname(path)
    try:
        os.makedirs(folder, mode=0o700, exist_ok=True)
        from careercli.atomic import prune_stale

        prune_stale(folder, ".completion-")  # left by a Tab that was killed while saving
        fd, temp = tempfile.mkstemp(dir=folder, prefix=".completion-")
        try:
            with os.fdopen(fd, "wb") as file:
                file.write(hashlib.sha256(body).digest() + body)
            os.replace(temp, path)
        except BaseException:
            os.unlink(temp)
            raise
    except OSError:  # a cache that cannot be written only costs speed
        pass
