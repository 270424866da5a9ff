"""Where analysis time goes, stage by stage, on real news (one core).

    python benchmarks/stages.py [--n 1000] [--bulk ../shared/data/news/bulk.jsonl.gz]

Reports the seconds and share of each stage: text preparation (normalization, tokens, sentences,
boilerplate), publication date, time expressions, actor linking without the tagger, the NER
tagger, and event extraction.
"""

from __future__ import annotations

import time
from collections import Counter

from marsad.analyzer import Analyzer
from throughput import sample, sample_parser


class TimedTagger:
    """Wraps the tagger so its time can be told apart from the linker's own."""

    def __init__(self, tagger: object, clock: Counter) -> None:
        self.tagger = tagger
        self.clock = clock

    def tag_many(self, sentences: list[list[str]]) -> list[list[str]]:
        started = time.perf_counter()
        tags = self.tagger.tag_many(sentences)  # type: ignore[attr-defined]
        self.clock["ner tagger"] += time.perf_counter() - started
        return tags


def main() -> None:
    args = sample_parser(__doc__.splitlines()[0]).parse_args()
    documents = sample(args.bulk, args.n, args.stride)
    analyzer = Analyzer.load()
    clock: Counter = Counter()
    analyzer.linker.tagger = TimedTagger(analyzer.linker.tagger, clock)
    stages = (
        ("publication date", analyzer._resolve_published),
        ("time expressions", analyzer._find_time),
        ("linking (with tagger)", analyzer.linker.link),
        ("events", analyzer.extractor.extract),
    )
    for document in documents:
        started = time.perf_counter()
        state = analyzer._prepare(document)
        clock["text preparation"] += time.perf_counter() - started
        for name, stage in stages:
            started = time.perf_counter()
            stage(state)
            clock[name] += time.perf_counter() - started
    clock["linking (without tagger)"] = clock.pop("linking (with tagger)") - clock["ner tagger"]
    total = sum(clock.values())
    characters = sum(len(d.text) for d in documents)
    print(f"{len(documents)} articles, {characters / 1e6:.1f} MB of text, {total:.1f} s in all "
          f"({len(documents) / total:.1f} articles/s on one core)")
    for name, seconds in clock.most_common():
        print(f"  {name:<26} {seconds:7.2f} s  {100 * seconds / total:5.1f} %  {characters / seconds / 1e6:6.2f} MB/s")


if __name__ == "__main__":
    main()
