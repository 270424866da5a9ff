"""Throughput of the time stage: timex finding over real news on one core (target >= 2 MB/s).

    python benchmarks/time_speed.py [BULK.jsonl.gz] [--docs 10000]

Reads the first N articles (text and publication date), times ``TimeFinder.find`` alone
(normalization included, loading excluded) and reports MB of UTF-8 text per second.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import time
from pathlib import Path

from marsad.time import TimeFinder

DEFAULT_BULK = Path(__file__).resolve().parents[2] / "shared/data/news/bulk.jsonl.gz"  # shared data beside the repo


def load(path: Path, limit: int) -> list[tuple[str, dt.date | None]]:
    docs = []
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            date = record.get("date")
            docs.append((record["text"], dt.date.fromisoformat(date[:10]) if date else None))
            if len(docs) >= limit:
                break
    return docs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bulk", nargs="?", type=Path, default=DEFAULT_BULK)
    parser.add_argument("--docs", type=int, default=10_000)
    args = parser.parse_args()
    docs = load(args.bulk, args.docs)
    finder = TimeFinder.load()
    size = sum(len(text.encode("utf-8")) for text, _ in docs)
    started = time.perf_counter()
    found = sum(len(finder.find(text, published)) for text, published in docs)
    elapsed = time.perf_counter() - started
    print(f"{len(docs)} articles, {size / 1e6:.1f} MB, {found} timexes in {elapsed:.1f} s: "
          f"{size / 1e6 / elapsed:.2f} MB/s on one core")


if __name__ == "__main__":
    main()
