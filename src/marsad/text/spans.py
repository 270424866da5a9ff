"""Look up spans by position in logarithmic time, so long documents stay linear overall."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

T = TypeVar("T")


class SpanIndex(Generic[T]):
    """Items sorted by where they start; ``within(lo, hi)`` returns those starting in ``[lo, hi)``."""

    def __init__(self, items: Sequence[T], start: Callable[[T], int]) -> None:
        self._items = sorted(items, key=start)
        self._starts = [start(item) for item in self._items]

    def within(self, lo: int, hi: int) -> list[T]:
        return self._items[bisect_left(self._starts, lo):bisect_left(self._starts, hi)]
