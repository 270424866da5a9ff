"""How much cross-article deduplication shrinks the events of N bulk articles.

    python benchmarks/dedup.py [--n 2000] [--jobs 2] [--analyzer real|fake] [--bulk ../shared/data/news/bulk.jsonl.gz]

Ingests the articles into a throwaway SQLite store (the grouping is the same Python code on both
engines), then prints events vs stories, overall and per type, the shrink, and the time of the
deduplicated query.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections import Counter
from pathlib import Path

from ingest import DEFAULT_BULK, load_analyzer, sample  # the ingest benchmark's sampling and analyzers
from marsad import __version__
from marsad.store import open_store, query
from marsad.store.pipeline import Settings, ingest


def shrink(before: int, after: int) -> str:
    return f"{100 * (before - after) / before:.1f}%" if before else "-"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=2000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--bulk", type=Path, default=DEFAULT_BULK)
    parser.add_argument("--analyzer", choices=["real", "fake"], default="real")
    args = parser.parse_args()

    items = sample(args.bulk, args.n)
    analyzer = load_analyzer(args.analyzer)
    with tempfile.TemporaryDirectory() as tmp, open_store(str(Path(tmp) / "dedup.db")) as store:
        started = time.perf_counter()
        counts = ingest(store, items, analyzer, Settings(__version__, jobs=args.jobs))
        print(f"{counts.documents} articles from {args.bulk.name} ({args.analyzer} analyzer) ingested in "
              f"{time.perf_counter() - started:.0f} s")
        events = query.events(store, query.EventFilter())
        started = time.perf_counter()
        stories = query.events(store, query.EventFilter(dedup=True))
        took = time.perf_counter() - started
    dated = sum(1 for e in events if e.values["date"])
    multi = [s for s in stories if s.sources > 1]
    print(f"events   {len(events)} ({dated} with a date of their own)")
    print(f"stories  {len(stories)}: {shrink(len(events), len(stories))} fewer rows; {len(multi)} stories "
          f"reported by 2+ documents (largest: {max((s.sources for s in stories), default=0)} sources)")
    same_document = sum(len(s.documents or []) - s.sources for s in stories)
    print(f"         of the {len(events) - len(stories)} rows folded, {same_document} repeat an event of the "
          "same document (two sentences reporting it)")
    print(f"query    events --dedup over everything: {1000 * took:.0f} ms")
    by_event, by_story = Counter(e.values["type"] for e in events), Counter(s.values["type"] for s in stories)
    for kind, n in by_event.most_common():
        print(f"  {kind:<10} {n:>6} -> {by_story[kind]:>6}  ({shrink(n, by_story[kind])})")
    for story in sorted(multi, key=lambda s: -s.sources)[:3]:  # to judge the grouping by eye
        v = story.values
        sides = [",".join(a["country"] or a["id"] for a in side) for side in (story.source, story.target)]
        print(f"example  {v['type']} {sides[0]} -> {sides[1]} {v['date']} @ {v['location']}: {story.sources} sources")
        for member in (story.documents or [])[:3]:
            print(f"         [{member['doc_id']}] {' '.join(member['evidence'].split())[:100]}")


if __name__ == "__main__":
    main()
