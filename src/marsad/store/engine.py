"""A connection to one store, whichever the engine, with the schema brought up to date."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

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
