"""Access to the store: one connection per request, opened in the thread that uses it.

SQLite connections must stay in the thread that made them, and FastAPI runs dependencies and sync
endpoints in different worker threads, so handlers open the store themselves with :func:`opened`.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from fastapi import Request

from marsad.store import Store, open_store
from marsad.store.query import set_read_only


@contextmanager
def opened(request: Request) -> Iterator[Store]:
    """The store, read-only unless the server was started with ``--allow-ingest``."""
    settings = request.app.state.settings
    store = open_store(settings.db)
    try:
        if not settings.allow_ingest:
            set_read_only(store)
        yield store
    finally:
        store.close()
