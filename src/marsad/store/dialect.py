"""What differs between SQLite and PostgreSQL, and nothing else.

Every query in the store is written once, with ``?`` placeholders; a dialect connects, translates
placeholders, and supplies the few statements that differ (full-text indexing and matching).
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from marsad.errors import MarsadError


class Dialect:
    """Base: the SQLite behaviour, which PostgreSQL overrides where it differs."""

    name = "sqlite"
    ids_per_statement: int | None = 500  # bound parameters per statement stay far below SQLite's limit
    # Latest events when counting, not listing: ``+`` keeps SQLite from walking the whole list-order index
    # (events_list, 005) to count a few hundred matches it finds faster by id.
    latest_counted = "+e.latest = 1"

    def sql(self, query: str) -> str:
        return query

    def data_errors(self) -> tuple[type[Exception], ...]:
        """Errors caused by the data written, not by the database being unavailable."""
        return (sqlite3.DataError, sqlite3.IntegrityError)

    def connect(self, url: str, read_only: bool = False) -> Any:
        """A connection; ``read_only`` ones refuse every write and never create or convert the file."""
        path = Path(url.removeprefix("sqlite:///").removeprefix("sqlite://"))
        if path.parent and not path.parent.exists():
            raise MarsadError(f"database directory does not exist: {path.parent}")
        if read_only and not path.is_file():
            raise MarsadError(f"no store at {url}: run `marsad ingest` first")
        conn = sqlite3.connect(path, isolation_level=None, timeout=60)
        if read_only:
            conn.execute("PRAGMA query_only = ON")
            return conn
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")  # WAL + NORMAL: a killed process loses no commit
        conn.execute("PRAGMA foreign_keys = ON")
        return conn

    def table_exists_sql(self) -> str:
        """Query taking a table name that returns a row when the table exists."""
        return "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?"

    @contextmanager
    def transaction(self, conn: Any) -> Iterator[None]:
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

    def index_document_sql(self) -> str:
        """Statement taking ``(normalized text, pk)`` that puts a document in the search index."""
        return "INSERT INTO documents_fts (body, rowid) VALUES (?, ?)"

    def match_condition(self, terms: list[tuple[str, ...]]) -> tuple[str, list[Any]]:
        """A condition on ``d`` (documents): every term has one of its alternatives in the document."""
        query = " AND ".join("(" + " OR ".join(f'"{word}"' for word in term) + ")" for term in terms)
        return "d.pk IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)", [query]


    def one_of(self, column: str, ids: list[int]) -> tuple[str, list[Any]]:
        """A condition that ``column`` is one of ``ids``, and its parameters."""
        return f"{column} IN ({', '.join('?' * len(ids))})", list(ids)

    def evidence_like(self) -> str:
        """A condition on ``e`` (events) taking a LIKE pattern of three or more characters: the evidence
        matches it, looked up in the trigram index (rows are still compared with LIKE)."""
        return "e.id IN (SELECT rowid FROM events_fts WHERE evidence_key LIKE ?)"


class PostgresDialect(Dialect):
    name = "postgresql"
    ids_per_statement = None  # one array parameter holds them all: one statement, one plan
    latest_counted = "e.latest = 1"  # the planner weighs the index with statistics (ANALYZE)

    def one_of(self, column: str, ids: list[int]) -> tuple[str, list[Any]]:
        return f"{column} = ANY(?)", [ids]

    def data_errors(self) -> tuple[type[Exception], ...]:
        import psycopg

        return (psycopg.DataError, psycopg.IntegrityError)

    def sql(self, query: str) -> str:
        return query.replace("?", "%s")

    def connect(self, url: str, read_only: bool = False) -> Any:
        try:
            import psycopg
        except ImportError as error:  # pragma: no cover - depends on the installation
            raise MarsadError("PostgreSQL support needs psycopg: pip install 'marsad[postgres]'") from error
        try:
            conn = psycopg.connect(url, autocommit=True)
        except psycopg.OperationalError as error:
            raise MarsadError(f"cannot connect to PostgreSQL: {str(error).strip()}") from error
        if read_only:
            conn.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")
        return conn

    def table_exists_sql(self) -> str:
        return "SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = ?"

    @contextmanager
    def transaction(self, conn: Any) -> Iterator[None]:
        with conn.transaction():
            yield

    def index_document_sql(self) -> str:
        return "UPDATE documents SET search = to_tsvector('simple', ?) WHERE pk = ?"

    def match_condition(self, terms: list[tuple[str, ...]]) -> tuple[str, list[Any]]:
        query = " & ".join("(" + " | ".join(term) + ")" for term in terms)
        return "d.search @@ to_tsquery('simple', ?)", [query]

    def evidence_like(self) -> str:
        return "e.evidence_key LIKE ?"  # the planner uses the pg_trgm index (migration 002) when there is one


def dialect_for(url: str) -> Dialect:
    """The dialect a database URL names: ``postgresql://`` (or ``postgres://``), else a SQLite file."""
    if url.startswith(("postgresql://", "postgres://")):
        return PostgresDialect()
    return Dialect()


def default_url() -> str:
    """``$MARSAD_DB``, or ``marsad.db`` in the current directory."""
    return os.environ.get("MARSAD_DB") or "marsad.db"
