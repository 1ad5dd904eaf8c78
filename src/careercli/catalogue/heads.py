"""A role's stored reading lists read by their heads: a page shows the first ten books by fit, their count and the
five newest, while the whole lists (50,000 ids each with a big pack) are read only when something walks them
(``show --json``, a long ``show_books`` setting)."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

TYPE_CHECKING = False  # typing imports re, enum and collections at run time: piped listings need none
if TYPE_CHECKING:
    from typing import Any, overload

HEAD = 50  # ids kept in a list's head row: more than a page shows


class HeadList(Sequence["Any"]):
    """A sequence of ``length`` items of which ``head`` are at hand; ``whole`` gives them all (read once, when an
    index or slice goes past the head, or the walk does)."""

    def __init__(self, head: tuple[Any, ...], length: int, whole: Callable[[], Sequence[Any]]) -> None:
        if not isinstance(head, tuple) or not isinstance(length, int) or len(head) > length:
            raise TypeError("not a list's head")
        self._head, self._length, self._whole = head, length, whole

    def __len__(self) -> int:
        return self._length

    if TYPE_CHECKING:

        @overload
        def __getitem__(self, index: int) -> Any: ...
        @overload
        def __getitem__(self, index: slice) -> tuple[Any, ...]: ...

    def __getitem__(self, index: int | slice) -> Any:
        if len(self._head) == self._length:
            return self._head[index]
        if isinstance(index, slice):
            start, stop, step = index.indices(self._length)
            if start >= 0 and stop <= len(self._head) and step > 0:
                return self._head[index]
            return tuple(self._whole()[index])
        if 0 <= index < len(self._head):
            return self._head[index]
        return self._whole()[index]

    def __iter__(self) -> Iterator[Any]:
        yield from self._head
        if len(self._head) < self._length:
            yield from self._whole()[len(self._head) :]

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence) and not isinstance(other, str):
            return len(self) == len(other) and tuple(self) == tuple(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"HeadList({len(self._head)} of {self._length})"


def head_row(lists: tuple[tuple[Any, ...], ...]) -> tuple[Any, ...]:
    """What the head row of ``(fit, newest first, years)`` holds: each list's head, and the lengths."""
    fit, ordered, years = lists
    return fit[:HEAD], len(fit), ordered[:HEAD], years[:HEAD], len(ordered)


def from_head(row: Any, whole: Callable[[], tuple[tuple[Any, ...], ...]]) -> tuple[HeadList, HeadList, HeadList]:
    """The three lists of a head row, each reading the whole row (``whole``, called once) past its head."""
    fit, fit_length, ordered, years, length = row
    held: list[tuple[tuple[Any, ...], ...]] = []

    def part(at: int) -> Callable[[], Sequence[Any]]:
        def read() -> Sequence[Any]:
            if not held:
                held.append(whole())
            return held[0][at]

        return read

    return HeadList(fit, fit_length, part(0)), HeadList(ordered, length, part(1)), HeadList(years, length, part(2))
