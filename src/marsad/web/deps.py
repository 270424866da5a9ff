"""Access to the store: one connection per request, used in the thread that handles it.

SQLite connections must stay in the thread that made them, and FastAPI runs dependencies and sync
endpoints in different worker threads, so handlers open the store themselves with :func:`opened`: a new
SQLite connection per request (microseconds), a pooled one on PostgreSQL (a new one costs 10-20 ms).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from fastapi import FastAPI, Request

from marsad.store import Store, StorePool, open_pool, open_store

_POOL_LOCK = threading.Lock()


def pool(app: FastAPI) -> StorePool | None:
    """The app's PostgreSQL connection pool, opened on first use (None for SQLite); closed on shutdown."""
    with _POOL_LOCK:
        if not hasattr(app.state, "pool"):
            settings = app.state.settings
            app.state.pool = open_pool(settings.db, read_only=not settings.allow_ingest)
        return app.state.pool


@contextmanager
def opened(request: Request) -> Iterator[Store]:
    """The store, read-only (refusing an older schema rather than upgrading it) unless the server was
    started with ``--allow-ingest``."""
    pooled = pool(request.app)
    if pooled is not None:
        with pooled.store() as store:
            yield store
        return
    settings = request.app.state.settings
    with open_store(settings.db, read_only=not settings.allow_ingest) as store:
        yield store


def close_pool(app: FastAPI) -> None:
    """Close the app's pool, if one was opened: its connections end with the app (a request after that,
    as when a test client starts the app again, opens a new pool)."""
    with _POOL_LOCK:
        found = getattr(app.state, "pool", None)
        if found is not None:
            found.close()
        if hasattr(app.state, "pool"):
            del app.state.pool
