"""Versioned schema migrations: numbered SQL files per engine, applied once each, in order."""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from functools import cache
from importlib.resources import files
from typing import TYPE_CHECKING

from marsad.errors import MarsadError

if TYPE_CHECKING:
    from marsad.store.engine import Store

_NAME = re.compile(r"^(\d{3})_(\w+)\.sql$")


@cache
def migration_files(engine: str) -> list[tuple[int, str, str]]:
    """``(version, name, sql)`` for every migration shipped for ``engine``, by version (read once: every
    read-only open of the web checks the store against them)."""
    folder = files("marsad") / "data" / "store" / engine
    found = []
    for entry in folder.iterdir():
        match = _NAME.match(entry.name)
        if match:
            found.append((int(match.group(1)), match.group(2), entry.read_text(encoding="utf-8")))
    return sorted(found)


def _complete(statement: str, engine: str) -> bool:
    """Whether ``statement`` (ending with ``;``) is whole: SQLite triggers hold ``;`` until ``END;``,
    PostgreSQL function bodies between ``$$`` quotes."""
    if engine == "sqlite":
        return sqlite3.complete_statement(statement)
    return statement.count("$$") % 2 == 0


def statements(sql: str, engine: str) -> list[str]:
    """Split a migration file into statements (the files hold no ``;`` inside string literals)."""
    found, lines = [], []
    for line in sql.splitlines():
        if line.lstrip().startswith("--"):
            continue
        lines.append(line)
        text = "\n".join(lines).strip()
        if text.endswith(";") and _complete(text, engine):
            found.append(text[:-1].strip())
            lines = []
    rest = "\n".join(lines).strip()
    return [*found, rest] if rest else found


def pending(store: Store) -> list[int]:
    """Versions shipped with this marsad that the store lacks, read without writing anything."""
    shipped = [version for version, _, _ in migration_files(store.dialect.name)]
    if not store.value(store.dialect.table_exists_sql(), ("schema_migrations",)):
        return shipped
    applied = {row[0] for row in store.rows("SELECT version FROM schema_migrations")}
    return [version for version in shipped if version not in applied]


def require_current(store: Store) -> None:
    """Refuse a store whose schema is older than this marsad's: a read-only reader cannot upgrade it,
    and the queries need the indexes the missing migrations add."""
    missing = pending(store)
    if missing:
        raise MarsadError(
            f"the store's schema lacks migration(s) {', '.join(map(str, missing))} of this marsad "
            "and was opened read-only: upgrade it once with `marsad migrate --db ...` "
            "(the upgrade only adds tables and indexes and keeps every row)"
        )


def migrate(store: Store) -> list[int]:
    """Apply the migrations not yet recorded in ``schema_migrations``; return their versions."""
    store.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
        "applied_at TEXT NOT NULL)"
    )
    done = []
    for version, name, sql in migration_files(store.dialect.name):
        with store.transaction():
            if store.value("SELECT 1 FROM schema_migrations WHERE version = ?", (version,)):
                continue  # checked inside the transaction: another process may have just applied it
            for statement in statements(sql, store.dialect.name):
                store.execute(statement)
            store.execute(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                (version, name, dt.datetime.now(dt.UTC).isoformat(timespec="seconds")),
            )
        done.append(version)
    return done
