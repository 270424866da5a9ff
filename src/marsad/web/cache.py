"""Whole-store summaries kept until the store changes.

The filter bar offers every country and event type in the store, the home page its statistics and most
active actors, ``/api/actors`` its ranking: each reads every latest event (seconds at 100,000 events)
although they change only when the store does. Each app keeps the last value of each summary with the
store's data version (``store.query.data_version``, moved by every write) it was computed at.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from marsad.store import Store
from marsad.store.query import data_version

MAX_ENTRIES = 64  # names come from requests (an actor ranking per country): the least recently used go


class StoreCache:
    """Values computed from one store, recomputed when its data version moves."""

    def __init__(self, max_entries: int = MAX_ENTRIES) -> None:
        self._entries: dict[str, tuple[int, Any]] = {}
        self.max_entries = max_entries
        self._lock = threading.Lock()  # requests run in several threads; compute runs outside it

    def get(self, db: Store, name: str, compute: Callable[[Store], Any]) -> Any:
        """``compute(db)``, or its last result if the store has not changed since."""
        version = data_version(db)  # read first: a change during compute leaves a stale key, never stale data
        with self._lock:
            found = self._entries.pop(name, None)
            if found is not None and found[0] == version:
                self._entries[name] = found  # used: the last to go
                return found[1]
        value = compute(db)
        with self._lock:
            self._entries.pop(name, None)
            self._entries[name] = (version, value)
            while len(self._entries) > self.max_entries:
                del self._entries[next(iter(self._entries))]
        return value
