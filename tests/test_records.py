"""``@record`` classes (the model, query results, the profile) behave as the frozen, slotted dataclasses they
replace, compared side by side with ``@dataclass(frozen=True, slots=True)`` twins, and a type checker sees them as
such."""

from __future__ import annotations

import dataclasses
import pickle
from pathlib import Path

import pytest

from careercli.model import Book, Challenge, Role, RoleSummary, Skill, SkillGroup
from careercli.records import record


@record
class Made:
    code: str
    title: str
    score: float = 0.5
    tags: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        return f"{self.code} {self.title}"


@dataclasses.dataclass(frozen=True, slots=True)
class Made2:
    code: str
    title: str
    score: float = 0.5
    tags: tuple[str, ...] = ()


def twin(made: Made) -> Made2:
    return Made2(made.code, made.title, made.score, made.tags)


@pytest.mark.parametrize(
    ("args", "kwargs"),
    [(("a", "b"), {}), (("a",), {"title": "b", "tags": ("x",)}), ((), {"code": "a", "title": "b", "score": 2.0})],
)
def test_a_record_is_built_compared_and_shown_as_a_frozen_dataclass(args: tuple, kwargs: dict) -> None:
    made, other = Made(*args, **kwargs), Made2(*args, **kwargs)
    assert repr(made) == repr(other).replace("Made2(", "Made(")
    assert hash(made) == hash(twin(made)) == hash(other)
    assert made == Made(*args, **kwargs)
    assert made != Made("z", "b")
    assert made != other  # another class, as dataclasses do
    assert Made.__match_args__ == Made2.__match_args__
    assert made.label.startswith("a ")
    assert not hasattr(made, "__dict__")
    assert pickle.loads(pickle.dumps(made)) == made
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.code = "z"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        del made.title  # type: ignore[misc]


@pytest.mark.parametrize(
    ("args", "kwargs", "message"),
    [
        (("a",), {}, "missing required argument: 'title'"),
        (("a", "b", 1.0, (), 5), {}, "takes 5 positional arguments but 6 were given"),
        (("a", "b"), {"nope": 1}, "unexpected keyword argument 'nope'"),
        (("a", "b"), {"code": "c"}, "multiple values for argument 'code'"),
    ],
)
def test_a_record_refuses_wrong_arguments_as_a_dataclass_does(args: tuple, kwargs: dict, message: str) -> None:
    with pytest.raises(TypeError, match=message):
        Made(*args, **kwargs)
    with pytest.raises(TypeError):
        Made2(*args, **kwargs)


MODEL_EXAMPLES = [
    Challenge("t", "w"),
    SkillGroup("g", ("a", "b")),
    Skill("python", "Python", "language", ("x",)),
    RoleSummary("s", "S", "data", "sum", onet="15-1252.00"),
    Role("s", "S", "data", "sum", "does", ("l",), ("k",), (Challenge("t", "w"),), ("p",), ("n",), ("r",), onet="x"),
    Book("b", "T", ("A",), edition=2, teaches=("python",), url="https://example.org"),
]


@pytest.mark.parametrize("item", MODEL_EXAMPLES, ids=lambda item: type(item).__name__)
def test_the_model_classes_keep_the_dataclass_behaviour(item: object) -> None:
    cls = type(item)
    names = cls.__match_args__  # type: ignore[attr-defined]
    assert names == tuple(cls.__annotations__)  # the store's fingerprint reads the annotations, in this order
    twin_cls = dataclasses.make_dataclass(cls.__name__, list(names), frozen=True, slots=True)
    values = [getattr(item, name) for name in names]
    other = twin_cls(*values)
    assert repr(item) == repr(other)
    assert hash(item) == hash(other)
    assert item == cls(*values)
    assert item != other
    assert not hasattr(item, "__dict__")
    assert pickle.loads(pickle.dumps(item)) == item
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(item, names[0], "changed")
    with pytest.raises(dataclasses.FrozenInstanceError):
        delattr(item, names[0])


def test_replace_fields_and_asdict_work_as_on_dataclasses() -> None:
    role = MODEL_EXAMPLES[4]
    changed = dataclasses.replace(role, challenges=(Challenge("a", "b"),))
    assert (changed.challenges, changed.slug, changed.onet) == ((Challenge("a", "b"),), "s", "x")
    assert [f.name for f in dataclasses.fields(Role)] == list(Role.__annotations__)
    assert dataclasses.asdict(Challenge("t", "w")) == {"title": "t", "why": "w"}
    made = dataclasses.replace(Made("a", "b"), score=3.0)
    assert (made.code, made.score) == ("a", 3.0)
    assert dataclasses.is_dataclass(made)


@record
class WithExtra:
    role: str
    tags: tuple[str, ...] = ()
    extra: dict = dataclasses.field(default_factory=dict, compare=False, hash=False)


@dataclasses.dataclass(frozen=True, slots=True)
class WithExtra2:
    role: str
    tags: tuple[str, ...] = ()
    extra: dict = dataclasses.field(default_factory=dict, compare=False, hash=False)


def test_a_field_with_a_factory_is_left_out_of_equality_and_hash_as_dataclass_does() -> None:
    one, two = WithExtra("a"), WithExtra("a", extra={"k": 1})
    assert one.extra == {}
    assert one.extra is not WithExtra("a").extra  # a fresh dict each time
    assert one == two
    assert hash(one) == hash(two) == hash(WithExtra2("a", extra={"x": 2}))
    assert repr(two) == repr(WithExtra2("a", extra={"k": 1})).replace("WithExtra2(", "WithExtra(")
    assert not hasattr(one, "__dict__")
    assert dataclasses.replace(two, tags=("t",)).extra == {"k": 1}


def test_a_catalog_compares_its_data_and_makes_changed_copies() -> None:
    from careercli.model import Catalog

    roles, skills = {"r": object()}, {"s": object()}
    one = Catalog(roles, skills, {}, ("bundled",), role_books={"r": ("b",)})  # type: ignore[arg-type]
    assert one == Catalog(roles, skills, {}, ("bundled",))  # the indexes are derived: left out of equality
    assert one != Catalog(roles, {}, {}, ("bundled",))  # type: ignore[arg-type]
    changed = one.replace(readings={"r": ()})
    assert (changed.roles, changed.role_books, changed.readings) == (roles, {"r": ("b",)}, {"r": ()})
    assert one.readings is None
    assert repr(Catalog({}, {}, {})) == "Catalog(roles={}, skills={}, books={}, sources=())"


def test_a_catalog_reads_its_summaries_and_book_order_once() -> None:
    from careercli.model import Catalog, RoleSummary

    calls: list[str] = []
    summary = RoleSummary("s", "S", "data", "sum")

    def summaries() -> tuple[RoleSummary, ...]:
        calls.append("summaries")
        return (summary,)

    def order() -> tuple[str, ...]:
        calls.append("order")
        return ("b",)

    catalog = Catalog({}, {}, {}, summaries=summaries, book_order=order)
    assert catalog.role_summaries() == catalog.role_summaries() == (summary,)
    assert catalog.book_ids_newest_first() == catalog.book_ids_newest_first() == ("b",)
    assert calls == ["summaries", "order"]


MISUSE = """\
from careercli.model import Book, Challenge
from careercli.queries.occupations import Task
from careercli.profile import Bookmark

Challenge("only a title")
Book("id", "title", edition="second")
Task(text="t", core=True, weight=2)
mark = Bookmark("backend-developer")
mark.note = "changed"
ok: tuple[str, ...] = Book("id", "title").authors
"""


def test_a_type_checker_sees_the_records_fields_defaults_and_frozenness(tmp_path: Path) -> None:
    """mypy reads ``@record`` as a frozen dataclass (PEP 681): one error for each wrong use below, none for the rest."""
    import subprocess
    import sys

    (tmp_path / "misuse.py").write_text(MISUSE, "utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--no-incremental", "--follow-imports=silent", "--python-version=3.11",
         "--no-error-summary", "--hide-error-context", "misuse.py"],
        cwd=tmp_path, capture_output=True, text=True, check=False,
    )  # fmt: skip
    errors = [line.split(": error: ")[1] for line in done.stdout.splitlines() if ": error: " in line]
    assert errors == [
        'Missing positional argument "why" in call to "Challenge"  [call-arg]',
        'Argument "edition" to "Book" has incompatible type "str"; expected "int | None"  [arg-type]',
        'Unexpected keyword argument "weight" for "Task"  [call-arg]',
        'Property "note" defined in "Bookmark" is read-only  [misc]',
    ], done.stdout + done.stderr


@pytest.mark.parametrize(
    "argv",
    [["list", "--json"], ["list"], ["books"], ["search", "kubernetes"], ["bookmark", "list"],
     ["show", "backend-developer", "--json"]],
    ids=" ".join,
)  # fmt: skip
def test_piped_and_json_output_does_not_import_dataclasses_or_inspect(argv: list[str]) -> None:
    """``dataclasses`` pulls in ``inspect`` (about 8 ms of start-up): piped and JSON output does without it, as it
    does without Rich (and the direct path without Typer)."""
    script = (
        "import sys\nfrom careercli.entry import _main\ncode = _main(sys.argv[1:])\n"
        "sys.stderr.write(repr(sorted(m for m in ('dataclasses', 'inspect', 'rich', 'typer') if m in sys.modules)))\n"
    )
    import os
    import subprocess
    import sys

    env = {**os.environ, "CAREERCLI_NO_FAST_PATH": "1"}
    for _ in range(2):  # the first run builds and stores the catalogue (its checks may import it); the second
        done = subprocess.run([sys.executable, "-c", script, *argv], capture_output=True, text=True,
                              env=env, check=False)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stderr.endswith("[]")  # an empty bookmark list says so on stderr first
    assert argv[0] == "bookmark" or "kubernetes" in done.stdout or "backend-developer" in done.stdout
