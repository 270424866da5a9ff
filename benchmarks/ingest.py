"""Store benchmark: ingest N real articles into SQLite and PostgreSQL, then time typical queries.

    python benchmarks/ingest.py [--n 2000] [--jobs 2] [--engines sqlite postgresql] [--pg URL]
                                [--analyzer real|fake] [--bulk ../shared/data/news/bulk.jsonl.gz]

Reports, per engine: ingest documents/s (reading, analysis in --jobs workers, one writer), the
rerun rate (everything already stored: the idempotency check alone), database size, peak memory, and the p50/p95
latency of a few queries an analyst types. Without --pg, PostgreSQL runs as a throwaway cluster
(the test fixture's). ``--analyzer fake`` swaps the analyzer for the tests' stand-in, which
isolates the store's own cost (reading, hashing, writing, indexing) from analysis.
"""

from __future__ import annotations

import argparse
import gzip
import json
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from marsad.errors import InputError
from marsad.ingest.readers import document_from_record
from marsad.model import Document
from marsad.store import open_store, query
from marsad.store.pipeline import AnalyzerLike, Settings, ingest

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_BULK = ROOT.parent / "shared/data/news/bulk.jsonl.gz"
sys.path.insert(0, str(ROOT / "tests"))  # the throwaway PostgreSQL cluster and the stand-in analyzer

QUERIES: dict[str, Callable] = {
    "events SAU with USA": lambda s: query.events(s, query.EventFilter(country="SAU", with_country="USA")),
    "events CONSULT 2015 (100)": lambda s: query.events(
        s, query.EventFilter(types=["CONSULT"], date_from="2015", date_to="2015", limit=100)),
    "events text 'الرياض'": lambda s: query.events(s, query.EventFilter(text="الرياض", limit=100)),
    "timeline by month": lambda s: query.timeline(s, query.EventFilter(), by="month"),
    "docs search 'ولي العهد'": lambda s: query.documents(s, "ولي العهد", limit=20),
    "actors top 50": lambda s: query.actors(s, limit=50),
    "stats": query.stats,
}


def sample(path: Path, n: int) -> list[Document | InputError]:
    """The first N articles of the bulk file, mapped to CONTRACT input fields."""
    items: list[Document | InputError] = []
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            record = json.loads(line)
            record = {"id": record["id"], "text": record["text"], "title": record.get("title"),
                      "url": record.get("url"), "outlet": record.get("source"), "published": record.get("date")}
            try:
                items.append(document_from_record(record, f"{path}:{number}"))
            except InputError as error:
                items.append(error)
            if len(items) == n:
                break
    return items


def load_analyzer(kind: str) -> AnalyzerLike:
    if kind == "fake":
        from test_store_fakes import FakeAnalyzer

        return FakeAnalyzer(delay=0)
    from marsad.analyzer import Analyzer

    return Analyzer.load()


def database_size(url: str) -> str:
    if url.startswith("postgresql"):
        with open_store(url) as store:
            return store.value("SELECT pg_size_pretty(pg_database_size(current_database()))")
    files = [Path(url), Path(url + "-wal")]
    return f"{sum(f.stat().st_size for f in files if f.exists()) / 1e6:.1f} MB"


def run(url: str, items: list[Document | InputError], analyzer: AnalyzerLike, settings: Settings) -> None:
    with open_store(url) as store:
        started = time.perf_counter()
        counts = ingest(store, items, analyzer, settings)
        first = time.perf_counter() - started
        started = time.perf_counter()
        ingest(store, items, analyzer, settings)
        rerun = time.perf_counter() - started
        print(f"  ingest   {len(items)} items in {first:.1f} s = {len(items) / first:.1f} docs/s "
              f"({counts.documents} documents, {counts.events} events, {counts.errors} errors)")
        print(f"  rerun    {rerun:.2f} s = {len(items) / rerun:.0f} docs/s (all already stored)")
        print(f"  size     {database_size(url)}")
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(f"  memory   peak {peak:,.0f} MB in the writer, {workers:,.0f} MB in the largest worker")
        for name, run_query in QUERIES.items():
            times, rows = [], None
            for _ in range(20):
                started = time.perf_counter()
                rows = run_query(store)
                times.append(time.perf_counter() - started)
            found = len(rows) if isinstance(rows, list) else "-"
            p50, p95 = statistics.quantiles(times, n=20)[9], statistics.quantiles(times, n=20)[18]
            print(f"  query    {name:<28} p50 {1000 * p50:7.1f} ms  p95 {1000 * p95:7.1f} ms  ({found} rows)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=2000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=100)
    parser.add_argument("--bulk", type=Path, default=DEFAULT_BULK)
    parser.add_argument("--engines", nargs="+", choices=["sqlite", "postgresql"], default=["sqlite", "postgresql"])
    parser.add_argument("--pg", metavar="URL", help="an empty PostgreSQL database (default: a throwaway cluster)")
    parser.add_argument("--analyzer", choices=["real", "fake"], default="real")
    args = parser.parse_args()

    from marsad import __version__

    items = sample(args.bulk, args.n)
    started = time.perf_counter()
    analyzer = load_analyzer(args.analyzer)
    print(f"{len(items)} articles from {args.bulk.name}; {args.analyzer} analyzer loaded in "
          f"{time.perf_counter() - started:.1f} s; --jobs {args.jobs}, batches of {args.batch_size}")
    settings = Settings(__version__, jobs=args.jobs, batch_size=args.batch_size)
    with tempfile.TemporaryDirectory() as tmp:
        if "sqlite" in args.engines:
            print("sqlite")
            run(str(Path(tmp) / "bench.db"), items, analyzer, settings)
        if "postgresql" in args.engines:
            print("postgresql")
            if args.pg:
                run(args.pg, items, analyzer, settings)
            else:
                from pg_fixture import throwaway_database

                with throwaway_database("no PostgreSQL binaries: pass --pg URL or run scripts/test-setup.sh") as url:
                    run(url, items, analyzer, settings)


if __name__ == "__main__":
    main()
