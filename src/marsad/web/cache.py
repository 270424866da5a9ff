"""Whole-store summaries kept until the store changes.

The filter bar offers every country and event type in the store, the home page its statistics and most
active actors: each reads every latest event (seconds at 100,000 events) although they change only when
the store does. Each app keeps the last value of each summary with the store's data version
(``store.query.data_version``, moved by every write) it was computed at.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from marsad.store import Store
from marsad.store.query import data_version


class StoreCache:
    """Values computed from one store, recomputed when its data version moves."""

    def __init__(self) -> None:
        self._entries: dict[str, tuple[int, Any]] = {}

    def get(self, db: Store, name: str, compute: Callable[[Store], Any]) -> Any:
        """``compute(db)``, or its last result if the store has not changed since."""
        version = data_version(db)  # read first: a change during compute leaves a stale key, never stale data
        found = self._entries.get(name)
        if found is not None and found[0] == version:
            return found[1]
        value = compute(db)
        self._entries[name] = (version, value)
        return value
