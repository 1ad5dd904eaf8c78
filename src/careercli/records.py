"""``@record``: the one way careercli declares a record (the model, query results, the profile, the settings).

A record is what ``@dataclass(frozen=True, slots=True)`` makes of a class: an ``__init__`` taking the annotated
fields in order, with their defaults; equality and hash over the fields of the same class; a repr naming them; no
``__dict__``, and no field set or deleted after ``__init__``. Type checkers see it as exactly that (PEP 681,
``dataclass_transform``): they check the arguments of every record made and refuse assignments to its fields.

Why not ``@dataclass``: it compiles six methods per class at every start-up (about 1 ms a slotted class), and it
imports ``inspect`` (about 8 ms) that piped and JSON output never load otherwise; a record costs about 15 us a class,
and a model item made from the store (every argument given in order) about as much as a hand-written
``__init__``. Why not ``typing.NamedTuple``: about 135 us a class (24 classes on a ``show`` page: 3 ms), and a
record that is also a tuple compares equal to any tuple of its values and cannot leave a field out of equality.

Records answer ``dataclasses.fields``, ``replace`` and ``asdict``: their ``__dataclass_fields__`` is made on first
use. Nothing here imports ``dataclasses`` until it is needed: a field set after ``__init__`` raises its
``FrozenInstanceError`` by importing it then, and a ``dataclasses.field`` default can only exist when the module is
loaded already.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from itertools import repeat

TYPE_CHECKING = False  # typing imports re, enum and collections at run time: piped listings need none
if TYPE_CHECKING:
    from typing import Any, NoReturn, TypeVar, dataclass_transform

    T = TypeVar("T")
else:

    def dataclass_transform(**_: object) -> Callable[[T], T]:  # only type checkers act on it
        return lambda cls: cls


_MISSING: Any = object()
_FACTORY: Any = object()
_set = object.__setattr__


def _frozen(message: str) -> NoReturn:
    from dataclasses import FrozenInstanceError

    raise FrozenInstanceError(message)


class _Fields:
    """``__dataclass_fields__``, made when first asked for (dataclasses.replace, fields, asdict) and then kept."""

    def __get__(self, obj: object, owner: type) -> dict[str, Any]:
        import dataclasses
        from typing import Any

        made: dict[str, Any] = {}
        hints = owner.__annotations__
        for name in owner.__match_args__:  # type: ignore[attr-defined]  # set by record()
            made[name] = made_field = dataclasses.field()
            made_field.name, made_field.type = name, hints.get(name, Any)
            made_field._field_type = dataclasses._FIELD  # type: ignore[attr-defined]  # dataclasses' own marker
        owner.__dataclass_fields__ = made  # type: ignore[attr-defined]  # kept on the class: made once
        return made


class Spec:
    """A field's default made by a factory, and whether equality and hash look at it: what ``dataclasses.field``
    says, without importing dataclasses (and inspect) at start-up."""

    __slots__ = ("compare", "default", "default_factory", "hash")

    def __init__(self, default_factory: Callable[[], Any], compare: bool = True, hash: bool | None = None) -> None:
        self.default, self.default_factory, self.compare, self.hash = _MISSING, default_factory, compare, hash


def spec(*, default_factory: Callable[[], T], compare: bool = True, hash: bool | None = None) -> T:
    """A field of a :func:`record` whose default is made by ``default_factory`` (typed as its value, as
    ``dataclasses.field`` is)."""
    return Spec(default_factory, compare, hash)  # type: ignore[return-value]  # a marker read by record()


def replace(item: T, **changes: Any) -> T:
    """A copy of a record with ``changes``, as ``dataclasses.replace`` makes one."""
    values = {name: getattr(item, name) for name in item.__match_args__}  # type: ignore[attr-defined]
    return type(item)(**(values | changes))


@dataclass_transform(frozen_default=True, field_specifiers=(spec,))
def record(cls: type[T]) -> type[T]:
    """The class, made a frozen, slotted record of its own annotated fields (see the module). A default may be a
    :func:`spec` or a ``dataclasses.field``: its ``default`` or ``default_factory``, and ``compare``/``hash`` to
    leave it out of equality and hash, as dataclass reads them."""
    body = dict(vars(cls))
    names = tuple(body.get("__annotations__", {}))  # its own fields, in order
    defaults: list[Any] = []
    factories: dict[int, Callable[[], Any]] = {}
    compared, hashed = list(names), list(names)
    loaded = sys.modules.get("dataclasses")  # a dataclasses.field default exists only once the module is loaded
    kinds: tuple[type, ...] = (Spec, loaded.Field) if loaded is not None else (Spec,)
    for at, name in enumerate(names):
        default = body.pop(name, _MISSING)  # a slot takes the name: the default is kept here
        if isinstance(default, kinds):
            given: Any = default  # a Spec or a dataclasses.Field: both have the four attributes read here
            default = given.default
            missing = _MISSING if isinstance(given, Spec) else loaded.MISSING  # type: ignore[union-attr]
            if default is missing:
                default = _MISSING
                if given.default_factory is not missing:
                    factories[at], default = given.default_factory, _FACTORY
            if not given.compare:
                compared.remove(name)
            if not (given.compare if given.hash is None else given.hash):
                hashed.remove(name)
        defaults.append(default)
    index = {name: i for i, name in enumerate(names)}
    where = f"{cls.__qualname__}.__init__()"
    count = len(names)

    def __init__(self: Any, *args: Any, **kwargs: Any) -> None:
        if not kwargs and len(args) == count:  # every field in order (a model item read from the store): no checks
            any(map(_set, repeat(self, count), names, args))  # each field set in C: no bytecode a field
            return
        if len(args) > count:
            raise TypeError(f"{where} takes {count + 1} positional arguments but {len(args) + 1} were given")
        values = [*args, *defaults[len(args) :]]
        for key, value in kwargs.items():
            at = index.get(key)
            if at is None:
                raise TypeError(f"{where} got an unexpected keyword argument {key!r}")
            if at < len(args):
                raise TypeError(f"{where} got multiple values for argument {key!r}")
            values[at] = value
        for at, factory in factories.items():
            if values[at] is _FACTORY:
                values[at] = factory()
        for name, value in zip(names, values, strict=True):
            if value is _MISSING:
                raise TypeError(f"{where} missing required argument: {name!r}")
            _set(self, name, value)

    def __eq__(self: Any, other: object) -> bool:
        if other.__class__ is self.__class__:
            return tuple(getattr(self, name) for name in compared) == tuple(getattr(other, name) for name in compared)
        return NotImplemented

    def __hash__(self: Any) -> int:
        return hash(tuple(getattr(self, name) for name in hashed))

    def __repr__(self: Any) -> str:
        inner = ", ".join(f"{name}={getattr(self, name)!r}" for name in names)
        return f"{self.__class__.__qualname__}({inner})"

    def __setattr__(self: Any, name: str, value: object) -> None:
        _frozen(f"cannot assign to field {name!r}")

    def __delattr__(self: Any, name: str) -> None:
        _frozen(f"cannot delete field {name!r}")

    def __getstate__(self: Any) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in names)

    def __setstate__(self: Any, state: tuple[Any, ...]) -> None:
        for name, value in zip(names, state, strict=True):
            _set(self, name, value)

    methods: dict[str, Callable[..., Any]] = {
        "__init__": __init__, "__eq__": __eq__, "__hash__": __hash__, "__repr__": __repr__,
        "__setattr__": __setattr__, "__delattr__": __delattr__, "__getstate__": __getstate__,
        "__setstate__": __setstate__,
    }  # fmt: skip
    for name, method in methods.items():
        method.__qualname__ = f"{cls.__qualname__}.{name}"
    body.pop("__dict__", None)
    body.pop("__weakref__", None)
    meta: type[type] = type(cls)
    made = meta(cls.__name__, cls.__bases__, {**body, **methods, "__slots__": names, "__match_args__": names})
    made.__dataclass_fields__ = _Fields()  # type: ignore[attr-defined]  # see _Fields
    return made
