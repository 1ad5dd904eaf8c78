"""Frozen classes without ``@dataclass``'s start-up cost. :class:`Frozen` is the base of the model's classes, which
write their ``__slots__`` and ``__init__`` out (they are made by the thousand). ``@record``: what
``@dataclass(frozen=True)`` gives a small result class (an ``__init__`` taking the annotated
fields in order, with their defaults; equality and hash over the fields of the same class; a repr naming them; no
field set or deleted after ``__init__``), made from closures instead of compiled source. ``@dataclass`` compiles
six methods per class at every start-up, about 0.6 ms a class; the O*NET queries alone declare nine classes that
every ``career show`` imports. For classes made by the thousand (the model), write ``__init__`` out instead: this
one binds its arguments in Python. Both answer ``dataclasses.fields``, ``replace`` and ``asdict`` as before: their
``__dataclass_fields__`` is made on first use. Nothing here imports ``dataclasses`` (it pulls in ``inspect``, about
8 ms) until it is needed: a field set after ``__init__`` raises its ``FrozenInstanceError`` by importing it then, and a
``dataclasses.field`` default can only exist when the module is loaded already.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any, NoReturn, TypeVar

T = TypeVar("T")
_MISSING: Any = object()
_FACTORY: Any = object()


def _frozen(message: str) -> NoReturn:
    from dataclasses import FrozenInstanceError

    raise FrozenInstanceError(message)


class _Fields:
    """``__dataclass_fields__``, made when first asked for (dataclasses.replace, fields, asdict) and then kept."""

    def __get__(self, obj: object, owner: type) -> dict[str, Any]:
        import dataclasses

        made: dict[str, Any] = {}
        hints = vars(owner).get("__annotations__", {})
        for name in owner.__match_args__:  # type: ignore[attr-defined]
            made[name] = made_field = dataclasses.field()
            made_field.name, made_field.type = name, hints.get(name, Any)
            made_field._field_type = dataclasses._FIELD  # type: ignore[attr-defined]
        owner.__dataclass_fields__ = made  # type: ignore[attr-defined]  # kept on the class: made once
        return made


class Frozen:
    """What ``@dataclass(frozen=True, slots=True)`` gives, for classes that declare ``__slots__``, ``__match_args__``
    (the fields, in the order of the annotations) and an ``__init__`` setting each field with ``object.__setattr__``:
    equality and hash compare the fields of the same class, the repr names them, pickling keeps them, and no field
    can be set or deleted after ``__init__``."""

    __slots__ = ()
    __match_args__: tuple[str, ...] = ()
    __dataclass_fields__: Any = _Fields()

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self.__match_args__)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            return self._values() == other._values()  # type: ignore[attr-defined]
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        inner = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__match_args__)
        return f"{self.__class__.__qualname__}({inner})"

    def __setattr__(self, name: str, value: object) -> None:
        _frozen(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        _frozen(f"cannot delete field {name!r}")

    def __getstate__(self) -> tuple[Any, ...]:
        return self._values()

    def __setstate__(self, state: tuple[Any, ...]) -> None:
        for name, value in zip(self.__match_args__, state, strict=True):
            object.__setattr__(self, name, value)


class Spec:
    """A field's default made by a factory, and whether equality and hash look at it: what ``dataclasses.field``
    says, without importing dataclasses (and inspect) at start-up."""

    __slots__ = ("compare", "default", "default_factory", "hash")

    def __init__(self, default_factory: Callable[[], Any], compare: bool = True, hash: bool | None = None) -> None:
        self.default, self.default_factory, self.compare, self.hash = _MISSING, default_factory, compare, hash


def spec(default_factory: Callable[[], Any], compare: bool = True, hash: bool | None = None) -> Any:
    """A :class:`Spec` for a field of a :func:`record` (typed Any, as ``dataclasses.field`` is)."""
    return Spec(default_factory, compare, hash)


def replace(item: T, **changes: Any) -> T:
    """A copy of a record (or a :class:`Frozen`) with ``changes``, as ``dataclasses.replace`` makes one."""
    values = {name: getattr(item, name) for name in item.__match_args__}  # type: ignore[attr-defined]
    return type(item)(**(values | changes))


def record(cls: type[T]) -> type[T]:
    """The class, made a frozen record of its own annotated fields (see the module). A default may be a
    :class:`Spec` or a ``dataclasses.field``: its ``default`` or ``default_factory``, and ``compare``/``hash`` to
    leave it out of equality and hash, as dataclass reads them."""
    names = tuple(vars(cls).get("__annotations__", {}))  # its own fields, in order
    defaults: list[Any] = []
    factories: dict[int, Callable[[], Any]] = {}
    compared, hashed = list(names), list(names)
    loaded = sys.modules.get("dataclasses")  # a dataclasses.field default exists only once the module is loaded
    kinds: tuple[type, ...] = (Spec, loaded.Field) if loaded is not None else (Spec,)
    for at, name in enumerate(names):
        default = vars(cls).get(name, _MISSING)
        if isinstance(default, kinds):
            given, default = default, default.default
            missing = _MISSING if isinstance(given, Spec) else loaded.MISSING  # type: ignore[union-attr]
            if default is missing:
                default = _MISSING
                delattr(cls, name)
                if given.default_factory is not missing:
                    factories[at], default = given.default_factory, _FACTORY
            else:
                setattr(cls, name, default)
            if not given.compare:
                compared.remove(name)
            if not (given.compare if given.hash is None else given.hash):
                hashed.remove(name)
        defaults.append(default)
    index = {name: i for i, name in enumerate(names)}
    where = f"{cls.__qualname__}.__init__()"

    def __init__(self: Any, *args: Any, **kwargs: Any) -> None:
        if len(args) > len(names):
            raise TypeError(f"{where} takes {len(names) + 1} positional arguments but {len(args) + 1} were given")
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
            object.__setattr__(self, name, value)

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

    methods: dict[str, Callable[..., Any]] = {
        "__init__": __init__, "__eq__": __eq__, "__hash__": __hash__, "__repr__": __repr__,
        "__setattr__": __setattr__, "__delattr__": __delattr__,
    }  # fmt: skip
    for name, method in methods.items():
        method.__qualname__ = f"{cls.__qualname__}.{name}"
        setattr(cls, name, method)
    cls.__match_args__ = names  # type: ignore[attr-defined]
    cls.__dataclass_fields__ = _Fields()  # type: ignore[attr-defined]
    return cls
