"""The event store: the only place in marsad that knows SQL.

One schema, two engines (SQLite by default, PostgreSQL at scale). Open one with :func:`open_store`.
"""

from marsad.store.engine import Store, StorePool, default_url, open_pool, open_store, upgrade_store

__all__ = ["Store", "StorePool", "default_url", "open_pool", "open_store", "upgrade_store"]
