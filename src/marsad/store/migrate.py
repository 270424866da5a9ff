"""Versioned schema migrations: numbered SQL files per engine, applied once each, in order."""

from __future__ import annotations

import datetime as dt
import re
from importlib.resources import files
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from marsad.store.engine import Store

_NAME = re.compile(r"^(\d{3})_(\w+)\.sql$")


def migration_files(engine: str) -> list[tuple[int, str, str]]:
    """``(version, name, sql)`` for every migration shipped for ``engine``, by version."""
    folder = files("marsad") / "data" / "store" / engine
    found = []
    for entry in folder.iterdir():
        match = _NAME.match(entry.name)
        if match:
            found.append((int(match.group(1)), match.group(2), entry.read_text(encoding="utf-8")))
    return sorted(found)


def _statements(sql: str) -> list[str]:
    """Split a migration file into statements (the files hold no semicolons inside literals)."""
    lines = [line for line in sql.splitlines() if not line.lstrip().startswith("--")]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]


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
            for statement in _statements(sql):
                store.execute(statement)
            store.execute(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                (version, name, dt.datetime.now(dt.UTC).isoformat(timespec="seconds")),
            )
        done.append(version)
    return done
