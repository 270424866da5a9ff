"""Pipeline throughput on real news: documents/s, tokens/s and peak memory for --jobs 1 and 2.

    python benchmarks/throughput.py [--n 1000] [--stride 1] [--bulk ../shared/data/news/bulk.jsonl.gz]

Takes N articles of the bulk file, every STRIDE-th from the start (a fixed, reproducible sample: the
first N by default; --stride 71 spreads 1,000 over all 71,933 articles and their corpora, whose mean
length the first thousand double), loads the analyzer once (load time reported apart), then times
analyze_many over the sample.
"""

from __future__ import annotations

import argparse
import gzip
import json
import resource
import time
from pathlib import Path

from marsad.analyzer import Analyzer
from marsad.model import Document
from marsad.text.tokens import tokenize

DEFAULT_BULK = Path(__file__).resolve().parents[2] / "shared/data/news/bulk.jsonl.gz"


def sample(path: Path, n: int, stride: int = 1) -> list[Document]:
    documents = []
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for number, line in enumerate(lines):
            if number % stride:
                continue
            record = json.loads(line)
            documents.append(Document(id=record["id"], text=record["text"], published=record.get("date")))
            if len(documents) == n:
                break
    return documents


def sample_parser(description: str) -> argparse.ArgumentParser:
    """The sample options this benchmark and stages.py share: --n, --stride, --bulk."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--stride", type=int, default=1, help="take every STRIDE-th article")
    parser.add_argument("--bulk", type=Path, default=DEFAULT_BULK)
    return parser


def main() -> None:
    parser = sample_parser(__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()
    documents = sample(args.bulk, args.n, args.stride)
    characters = sum(len(d.text) for d in documents)
    tokens = sum(len(tokenize(d.text)) for d in documents)
    started = time.perf_counter()
    analyzer = Analyzer.load()
    print(f"analyzer load: {time.perf_counter() - started:.2f} s")
    print(f"sample: {len(documents)} articles, {characters / len(documents):,.0f} characters and "
          f"{tokens / len(documents):,.0f} tokens on average")
    for jobs in args.jobs:
        started, cpu_started = time.perf_counter(), time.process_time()
        events = failed = 0
        for result in analyzer.analyze_many(documents, jobs=jobs):
            if hasattr(result, "events"):
                events += len(result.events)
            else:
                failed += 1
        elapsed = time.perf_counter() - started
        # on a shared machine the wall clock also counts other tenants' time; one job's CPU seconds do not
        cpu = f", {len(documents) / (time.process_time() - cpu_started):,.1f} per CPU second" if jobs == 1 else ""
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(f"--jobs {jobs}: {len(documents) / elapsed:,.1f} articles/s{cpu}, {tokens / elapsed:,.0f} tokens/s, "
              f"{events} events, {failed} failed; peak RSS {peak:,.0f} MB (largest worker {children:,.0f} MB)")


if __name__ == "__main__":
    main()
