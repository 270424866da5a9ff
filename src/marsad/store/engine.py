"""A connection to one store, whichever the engine, with the schema brought up to date."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from marsad.errors import MarsadError
from marsad.store.dialect import Dialect, default_url, dialect_for
from marsad.store.migrate import migrate, require_current


class Store:
    """One open database. Queries use ``?`` placeholders whatever the engine."""

    def __init__(self, url: str, dialect: Dialect, conn: Any) -> None:
        self.url = url
        self.dialect = dialect
        self.conn = conn

    def execute(self, query: str, params: Sequence[Any] = ()) -> Any:
        return self.conn.execute(self.dialect.sql(query), tuple(params))

    def rows(self, query: str, params: Sequence[Any] = ()) -> list[tuple]:
        return list(self.execute(query, params).fetchall())

    def value(self, query: str, params: Sequence[Any] = ()) -> Any:
        rows = self.execute(query, params).fetchall()  # fetch all: leaves no statement half-read
        return rows[0][0] if rows else None

    def executemany(self, query: str, rows: Iterable[Sequence[Any]]) -> None:
        rows = [tuple(r) for r in rows]
        if rows:
            self.conn.cursor().executemany(self.dialect.sql(query), rows)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All or nothing: a process killed inside leaves the store as it was before."""
        with self.dialect.transaction(self.conn):
            yield

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_store(url: str | None = None, read_only: bool = False) -> Store:
    """Open the store at ``url`` (default: ``$MARSAD_DB`` or marsad.db), creating and migrating it as needed.

    ``read_only`` (``marsad serve``) writes nothing, not even a migration: a missing store or an older
    schema is a clear :class:`MarsadError` instead.
    """
    url = url or default_url()
    dialect = dialect_for(url)
    store = Store(url, dialect, dialect.connect(url, read_only))
    try:
        if read_only:
            require_current(store)
        else:
            migrate(store)
    except BaseException:
        store.close()
        raise
    return store



def upgrade_store(url: str | None = None) -> tuple[list[int], int]:
    """Apply the migrations an existing store lacks (``marsad migrate``): the versions applied and the
    schema version reached. A missing SQLite store is an error, not created empty."""
    url = url or default_url()
    dialect = dialect_for(url)
    dialect.connect(url, read_only=True).close()
    with Store(url, dialect, dialect.connect(url)) as store:
        done = migrate(store)
        return done, int(store.value("SELECT MAX(version) FROM schema_migrations"))

POOL_SIZE = 10  # connections one web app keeps to PostgreSQL at most (the server's default limit is 100)


class StorePool:
    """Open connections to one PostgreSQL store, lent one at a time (``marsad serve``).

    A new PostgreSQL connection costs 10-20 ms, a tenth of a request's budget; a pooled one is checked
    with one round trip. The schema is checked (read-only) or migrated once, when the pool opens.
    Connections run in autocommit, like :func:`open_store`'s, and read-only ones refuse every write.
    """

    def __init__(self, url: str, read_only: bool = False, size: int = POOL_SIZE) -> None:
        from psycopg_pool import ConnectionPool, PoolTimeout

        self.url = url
        self.dialect = dialect_for(url)
        self._pool = ConnectionPool(
            url, min_size=1, max_size=size, kwargs={"autocommit": True}, open=False, name="marsad",
            configure=_read_only if read_only else None, check=ConnectionPool.check_connection,
        )
        try:
            self._pool.open(wait=True, timeout=10)
            with self.store() as store:
                if read_only:
                    require_current(store)
                else:
                    migrate(store)
        except PoolTimeout as error:
            self._pool.close()
            raise MarsadError(f"cannot connect to PostgreSQL: {error}") from error
        except BaseException:
            self._pool.close()
            raise

    @contextmanager
    def store(self) -> Iterator[Store]:
        """A pooled connection as a :class:`Store`, given back (not closed) at the end of the block."""
        from psycopg_pool import PoolTimeout

        try:
            with self._pool.connection() as conn:
                yield Store(self.url, self.dialect, conn)
        except PoolTimeout as error:  # every connection lent for the pool's timeout, or the server is down
            raise MarsadError(f"no PostgreSQL connection available: {error}") from error

    @property
    def closed(self) -> bool:
        return self._pool.closed

    def close(self) -> None:
        """Close every connection; later loans fail."""
        self._pool.close()


def _read_only(conn: Any) -> None:
    conn.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")


def open_pool(url: str, read_only: bool = False) -> StorePool | None:
    """A :class:`StorePool` for a PostgreSQL ``url``; None for SQLite (its connections open in microseconds
    and must stay in their thread) or without psycopg_pool (each request then connects anew)."""
    if dialect_for(url).name != "postgresql":
        return None
    try:
        import psycopg_pool  # noqa: F401
    except ImportError:  # pragma: no cover - depends on the installation
        return None
    return StorePool(url, read_only)
