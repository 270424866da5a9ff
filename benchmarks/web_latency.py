"""Web API benchmark: p50/p95 latency of typical requests on a store of at least 100,000 events.

    python benchmarks/web_latency.py [--events 100000] [--articles 2000] [--db PATH] [--repeat 50]
                                     [--engine sqlite|postgresql] [--bulk ../shared/data/news/bulk.jsonl.gz]

The store is built by replication: the first ``--articles`` bulk articles are analyzed once with the
real analyzer, then their analyses are written again and again through the store's writer
(``marsad.store.writer.Writer``, as ingest does) under new document ids, with every date shifted by a
number of days per copy, until the store holds ``--events`` events. ``--db PATH`` keeps (or reuses) a
SQLite store, ``--db postgresql://...`` a PostgreSQL one; without it the store lives in a temporary
directory. ``--engine postgresql`` builds it in a throwaway cluster (the tests' ``pg_fixture``).

The app (``create_app``, read-only as ``marsad serve`` runs it) is served in-process by FastAPI's
``TestClient``; each request is sent ``--warmup`` times, then timed ``--repeat`` times end to end
(routing, opening the store, queries, JSON or HTML rendering).
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import re
import statistics
import sys
import tempfile
import time
import warnings
from dataclasses import replace
from pathlib import Path
from typing import Any

from ingest import DEFAULT_BULK, ROOT, database_size, sample  # the store benchmark's helpers
from marsad.model import Document
from marsad.store import open_store, query
from marsad.store.search import index_text
from marsad.store.writer import Writer, content_hash

REQUESTS: list[tuple[str, dict[str, str]]] = [
    ("/api/events", {"country": "SAU", "with": "USA"}),
    ("/api/events", {"type": "CONSULT", "from": "2015", "to": "2016"}),
    ("/api/events", {"text": "الرياض"}),
    ("/api/timeline", {"country": "SAU"}),
    ("/api/timeline", {"type": "ACCUSE", "by": "month"}),
    ("/api/actors", {"q": "السعود"}),
    ("/api/actors", {}),  # the ranking: cached per data version, so every timed request after the first
    ("/api/network", {"country": "SAU"}),
    ("/events", {"country": "SAU", "with": "USA"}),
]
TARGET_MS = 200

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_YEAR = re.compile(r"^(\d{4})")


def shift_one(value: str, days: int) -> str:
    """``value`` (one CONTRACT date, or a publication datetime) moved by ``days``; years move by whole years."""
    if match := _DAY.match(value):
        try:
            moved = dt.date(*map(int, match.groups())) + dt.timedelta(days=days)
        except ValueError:
            return value
        return moved.isoformat() + value[10:]
    if match := _YEAR.match(value):
        return f"{int(match.group(1)) + round(days / 365):04d}" + value[4:]
    return value  # centuries and anything else stay as they are


def shift(value: str | None, days: int) -> str | None:
    if not value or not days:
        return value
    return "/".join(shift_one(part, days) for part in value.split("/"))


def replica(document: Document, data: dict[str, Any], copy: int, days: int) -> tuple[Document, dict[str, Any]]:
    """Copy number ``copy`` of an analyzed document: a new id, every date moved by ``days``."""
    doc = replace(document, id=f"{document.id}~{copy}", published=shift(document.published, days))
    data = {**data, "id": doc.id, "published": shift(data.get("published"), days),
            "events": [{**e, "date": shift(e.get("date"), days)} for e in data.get("events", [])],
            "timexes": [{**t, "value": shift(t.get("value"), days)} for t in data.get("timexes", [])]}
    return doc, data


def analyzed_articles(bulk: Path, n: int) -> list[tuple[Document, dict[str, Any], str]]:
    """The first ``n`` readable bulk articles with their real analysis and search-index text."""
    from marsad.analyzer import Analyzer

    started = time.perf_counter()
    analyzer = Analyzer.load()
    loaded = time.perf_counter() - started
    documents = [d for d in sample(bulk, n) if isinstance(d, Document)]
    started = time.perf_counter()
    found = []
    for document in documents:
        try:
            data = analyzer.analyze(document).to_dict()
        except Exception as error:  # one bad article is not the benchmark's business
            print(f"  skipped {document.id}: {type(error).__name__}: {error}")
            continue
        found.append((document, data, index_text(document.title, document.text)))
    took = time.perf_counter() - started
    events = sum(len(d["events"]) for _, d, _ in found)
    print(f"analyzer loaded in {loaded:.1f} s; {len(found)} articles analyzed in {took:.1f} s "
          f"({events} events)")
    return found


def build(url: str, bulk: Path, articles: int, wanted: int, batch: int = 100) -> None:
    """Fill the store at ``url`` with replicated analyses until it holds ``wanted`` events."""
    from marsad import __version__

    with open_store(url) as store:
        have = query.stats(store)["events"]
        if have >= wanted:
            print(f"store already holds {have:,} events: reused")
            return
        originals = analyzed_articles(bulk, articles)
        per_copy = sum(len(d["events"]) for _, d, _ in originals)
        if per_copy == 0:
            sys.exit("the analyzed articles hold no events: nothing to replicate")
        copies = math.ceil((wanted - have) / per_copy)
        writer = Writer(store)
        run_id = writer.start_run("benchmark web_latency (replicated analyses)", __version__)
        started = time.perf_counter()
        status = "failed"
        try:
            first = 0
            while store.value("SELECT 1 FROM documents WHERE id = ?", (f"{originals[0][0].id}~{first}",)):
                first += 1  # a reused store: continue after the copies it holds
            for copy in range(first, first + copies):
                days = (copy - copies // 2) * 45  # copies spread over ~4 years each side of the originals
                rows = []
                for document, data, searchable in originals:
                    doc, shifted = replica(document, data, copy, days)
                    rows.append((doc, content_hash(doc), shifted, searchable))
                for i in range(0, len(rows), batch):
                    writer.write_batch(run_id, rows[i:i + batch], [], 0, __version__)
            status = "done"
        finally:
            writer.finish_run(run_id, status)
        took = time.perf_counter() - started
        stats = query.stats(store)
        print(f"built: {copies} copies of {len(originals)} articles written in {took:.1f} s "
              f"({stats['documents']:,} documents, {stats['events'] - have:,} events, "
              f"{(stats['events'] - have) / took:,.0f} events/s)")


def percentile(times: list[float], p: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(times)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


def found_count(path: str, response: Any) -> str:
    if path.startswith("/api/events"):
        return f"{response.json()['total']:,} total"
    if path.startswith("/api/network"):
        body = response.json()
        return f"{len(body['nodes'])} nodes, {len(body['edges'])} edges"
    if path.startswith("/api/"):
        return f"{len(response.json())} rows"
    return f"{len(response.content) / 1000:.0f} kB HTML"


def measure(url: str, warmup: int, repeat: int) -> bool:
    warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
    from fastapi.testclient import TestClient

    from marsad.web.app import create_app

    with open_store(url) as store:
        stats = query.stats(store)
    size = database_size(url)
    print(f"store: {stats['engine']}, {stats['events']:,} events, {stats['documents']:,} documents, "
          f"{stats['actors']:,} actors, {size}; event dates {stats['event_dates'][0]}..{stats['event_dates'][1]}")
    with TestClient(create_app(url)) as client:  # started and shut down as a server: the pool is closed
        return _measure_requests(client, warmup, repeat)


def _measure_requests(client: Any, warmup: int, repeat: int) -> bool:
    print(f"\n{warmup} warm-ups, then {repeat} timed requests each (ms, end to end through the ASGI app)\n")
    print("| request | p50 ms | p95 ms | max ms | result |\n|---|---:|---:|---:|---|")
    ok = True
    for path, params in REQUESTS:
        shown = path + ("?" + "&".join(f"{k}={v}" for k, v in params.items()) if params else "")
        for _ in range(warmup):
            response = client.get(path, params=params)
            if response.status_code != 200:
                sys.exit(f"{shown}: HTTP {response.status_code}: {response.text[:300]}")
        times = []
        for _ in range(repeat):
            started = time.perf_counter()
            response = client.get(path, params=params)
            times.append(1000 * (time.perf_counter() - started))
            assert response.status_code == 200, (shown, response.status_code)
        p95 = percentile(times, 95)
        ok &= p95 < TARGET_MS
        print(f"| `{shown}` | {statistics.median(times):.1f} | {p95:.1f} | {max(times):.1f} | "
              f"{found_count(path, response)} |")
    print(f"\nevery p95 under {TARGET_MS} ms: {'yes' if ok else 'NO'}")
    return ok


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000, help="events the store must hold")
    parser.add_argument("--articles", type=int, default=2000, help="real articles analyzed, then replicated")
    parser.add_argument("--bulk", type=Path, default=DEFAULT_BULK)
    parser.add_argument("--db", help="SQLite file or postgresql:// URL to build or reuse (default: a temporary one)")
    parser.add_argument("--engine", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--repeat", type=int, default=50)
    args = parser.parse_args()

    def run(url: str) -> None:
        started = time.perf_counter()
        build(url, args.bulk, args.articles, args.events)
        print(f"store ready in {time.perf_counter() - started:.1f} s (analysis included)")
        measure(url, args.warmup, args.repeat)

    if args.engine == "postgresql":
        sys.path.insert(0, str(ROOT / "tests"))
        from pg_fixture import throwaway_database

        with throwaway_database("no PostgreSQL binaries: run scripts/test-setup.sh") as url:
            run(url)
    elif args.db:
        run(args.db)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            run(str(Path(tmp) / "bench.db"))


if __name__ == "__main__":
    main()
