"""The web app on PostgreSQL lends pooled connections: read-only, reused across requests, closed on shutdown."""

from __future__ import annotations

import time

import psycopg
import pytest
from fastapi.testclient import TestClient

from marsad.model import Document
from marsad.store import open_store
from marsad.store.pipeline import Settings, ingest
from marsad.web import create_app
from marsad.web.deps import pool
from pg_fixture import pg_cluster, pg_url  # noqa: F401
from test_store_fakes import FakeAnalyzer


def backends(url: str, expected: int) -> int:
    """Connections to the database of ``url`` other than the one asking, once they number ``expected`` or
    after 5 s: a closed connection's server process leaves pg_stat_activity a moment later."""
    deadline = time.monotonic() + 5
    with psycopg.connect(url, autocommit=True) as conn:
        while True:
            found = conn.execute("SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() "
                                 "AND pid <> pg_backend_pid()").fetchone()[0]
            if found == expected or time.monotonic() > deadline:
                return found
            time.sleep(0.05)


def add(url: str, doc_id: str, text: str) -> None:
    with open_store(url) as store:
        ingest(store, [Document(id=doc_id, text=text)], FakeAnalyzer(delay=0), Settings("1.0"))


def test_requests_share_pooled_read_only_connections_closed_on_shutdown(pg_url: str) -> None:  # noqa: F811
    add(pg_url, "a", "زار المغرب أمريكا يوم 2023-04-07.")
    app = create_app(pg_url)
    with TestClient(app) as client:
        pids = set()
        for _ in range(5):
            assert client.get("/api/events", params={"country": "MAR"}).json()["total"] == 1
            with pool(app).store() as store:  # type: ignore[union-attr]
                pids.add(store.value("SELECT pg_backend_pid()"))
        assert len(pids) == 1 and backends(pg_url, 1) == 1  # one connection, lent again and again
        with pool(app).store() as store, pytest.raises(psycopg.errors.ReadOnlySqlTransaction):  # type: ignore[union-attr]
            store.execute("DELETE FROM errors")
        add(pg_url, "b", "وقع المغرب وفرنسا اتفاقا يوم 2021-06-02.")  # a pooled connection sees later writes
        assert client.get("/api/events", params={"country": "MAR"}).json()["total"] == 2
        assert client.get("/api/timeline", params={"country": "FRA"}).status_code == 200
    assert backends(pg_url, 0) == 0  # shutdown closed the pool
    assert not hasattr(app.state, "pool")


def test_a_writing_app_pools_writable_connections(pg_url: str) -> None:  # noqa: F811
    app = create_app(pg_url, allow_ingest=True)  # an empty database: the pool migrates it once
    with TestClient(app) as client:
        assert client.get("/api/events").json()["total"] == 0
        with pool(app).store() as store:  # type: ignore[union-attr]
            store.execute("DELETE FROM errors")
    assert backends(pg_url, 0) == 0
