"""Access to the store: one connection per request, opened in the thread that uses it.

SQLite connections must stay in the thread that made them, and FastAPI runs dependencies and sync
endpoints in different worker threads, so handlers open the store themselves with :func:`opened`.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from fastapi import Request

from marsad.store import Store, open_store


@contextmanager
def opened(request: Request) -> Iterator[Store]:
    """The store, read-only (refusing an older schema rather than upgrading it) unless the server was
    started with ``--allow-ingest``."""
    settings = request.app.state.settings
    with open_store(settings.db, read_only=not settings.allow_ingest) as store:
        yield store
