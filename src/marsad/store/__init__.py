"""The event store: the only place in marsad that knows SQL.

One schema, two engines (SQLite by default, PostgreSQL at scale). Open one with :func:`open_store`.
"""

from marsad.store.engine import Store, default_url, open_store

__all__ = ["Store", "default_url", "open_store"]
