"""NER tagger throughput on one core over real news tokens, plus model size and load time.

    python benchmarks/ner_speed.py [--news /work/shared/data/news/bulk.jsonl.gz] [--tokens 200000] [--crf-only]
    python benchmarks/ner_speed.py --pipeline [--n 1000 --stride 71]

Reads Apache-licensed ANT articles the model never saw as labeled data, tokenizes them like the tagger's input
(whitespace + punctuation), warms the per-token caches on a separate slice, then times, pinned to one core, in
wall-clock and CPU time: ``tag`` sentence by sentence, and ``tag_many`` with an article's sentences at once
(how the pipeline calls it). With --pipeline it instead runs the whole analyzer over throughput.py's sample and
reports the CPU time spent in the tagger (the issue's budget is 20,000 tokens/s *inside the pipeline*, where
more tokens are new to the caches than in a run of consecutive articles).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import time
from collections.abc import Callable
from pathlib import Path

from marsad.ner.features import tokenize
from marsad.ner.tagger import CRF_WEIGHT, EntityTagger, default_model_dir
from throughput import sample_parser


def news_articles(path: Path, limit: int, skip: int) -> list[list[list[str]]]:
    """About ``limit`` tokens of news, as articles of sentences split at sentence punctuation, skipping the first
    ``skip`` articles."""
    out: list[list[list[str]]] = []
    total = 0
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            rec = json.loads(line)
            if n < skip or not rec["corpus"].startswith("ANT"):
                continue
            article: list[list[str]] = []
            sent: list[str] = []
            for tok in tokenize(rec["text"]):
                sent.append(tok)
                if tok in ".!?؟" or len(sent) >= 60:
                    article.append(sent)
                    total += len(sent)
                    sent = []
            out.append(article)
            if total >= limit:
                break
    return out


def timed(run: Callable[[], object]) -> tuple[float, float]:
    """(wall-clock seconds, CPU seconds) of one call."""
    start, cpu_start = time.perf_counter(), time.process_time()
    run()
    return time.perf_counter() - start, time.process_time() - cpu_start


def pipeline_share(tagger: EntityTagger, args: argparse.Namespace) -> None:
    """Print the pipeline's articles per CPU second and the tagger's share of it and tokens per CPU second."""
    from marsad.analyzer import Analyzer
    from throughput import sample

    documents = sample(args.bulk, args.n, args.stride)
    analyzer = Analyzer.load(tagger=tagger)
    tag_many = tagger.tag_many
    spent = {"cpu": 0.0, "tokens": 0}

    def counted(sentences: list[list[str]]) -> list[list[str]]:
        start = time.process_time()
        tags = tag_many(sentences)
        spent["cpu"] += time.process_time() - start
        spent["tokens"] += sum(len(s) for s in sentences)
        return tags

    tagger.tag_many = counted  # type: ignore[method-assign]
    _, cpu = timed(lambda: list(analyzer.analyze_many(documents, jobs=1)))
    print(f"pipeline on {len(documents)} articles (stride {args.stride}): {len(documents) / cpu:,.1f} articles per "
          f"CPU second; the tagger {spent['cpu'] / cpu:.1%} of it, {spent['tokens'] / spent['cpu']:,.0f} tokens per "
          f"CPU second ({spent['tokens']:,} tokens)")


def main() -> int:
    """Print load time, model size and tokens/s."""
    parser = sample_parser(__doc__.splitlines()[0])
    parser.add_argument("--news", default="/work/shared/data/news/bulk.jsonl.gz")
    parser.add_argument("--tokens", type=int, default=200_000)
    parser.add_argument("--model", default=None)
    parser.add_argument("--crf-only", action="store_true", help="time the CRF half alone (what the BiLSTM costs)")
    parser.add_argument("--pipeline", action="store_true", help="time the tagger inside the whole analyzer")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    model_dir = Path(args.model) if args.model else default_model_dir()
    size = sum(p.stat().st_size for p in model_dir.iterdir() if p.is_file())
    start = time.perf_counter()
    tagger = EntityTagger(model_dir, crf_weight=1.0 if args.crf_only else CRF_WEIGHT)
    load = time.perf_counter() - start
    if args.pipeline:
        pipeline_share(tagger, args)
        return 0
    warm = news_articles(Path(args.news), 20_000, skip=0)
    n_warm = sum(len(s) for article in warm for s in article)
    elapsed, _ = timed(lambda: [tagger.tag_many(article) for article in warm])
    articles = news_articles(Path(args.news), args.tokens, skip=20_000)
    sentences = [s for article in articles for s in article]
    n = sum(len(s) for s in sentences)
    print(f"model dir: {model_dir} ({size / 1e6:.2f} MB on disk)")
    print(f"load: {load:.2f} s")
    print(f"first {n_warm} tokens (cold caches), an article at a time: {n_warm / elapsed:,.0f} tokens/s")
    for name, run in (("sentence by sentence (tag)", lambda: [tagger.tag(s) for s in sentences]),
                      ("an article at a time (tag_many)", lambda: [tagger.tag_many(a) for a in articles])):
        elapsed, cpu = timed(run)
        print(f"{name}: {n} tokens in {elapsed:.2f} s on one core: {n / elapsed:,.0f} tokens/s wall clock, "
              f"{n / cpu:,.0f} tokens per CPU second (the figure that holds when the machine is busy)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
