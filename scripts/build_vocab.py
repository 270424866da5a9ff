"""Build the word-frequency list the clitic splitter consults (src/marsad/data/lexicons/vocab.tsv.gz).

Counts normalized word forms in the Apache-licensed ANT parts of the news bulk file only, so the
shipped list carries no NC or unlicensed text. Rerun: python scripts/build_vocab.py [BULK] [--top N]
"""

from __future__ import annotations

import argparse
import gzip
import json
from collections import Counter
from pathlib import Path

from marsad.text.normalize import normalize
from marsad.text.tokens import WORD_RE

LICENSED = {"ANT multisource v2.1", "ANT v1.1 (JawharaFM)"}
DEFAULT_BULK = Path(__file__).resolve().parents[2] / "shared/data/news/bulk.jsonl.gz"
OUT = Path(__file__).resolve().parents[1] / "src/marsad/data/lexicons/vocab.tsv.gz"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("bulk", nargs="?", type=Path, default=DEFAULT_BULK)
    parser.add_argument("--top", type=int, default=120_000)
    parser.add_argument("--min-count", type=int, default=3)
    args = parser.parse_args()
    counts: Counter[str] = Counter()
    with gzip.open(args.bulk, "rt", encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if record.get("corpus") in LICENSED:
                counts.update(WORD_RE.findall(normalize(record["text"]).text))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(OUT, "wt", encoding="utf-8", compresslevel=9) as out:
        out.write("# word\tcount (normalized forms; ANT corpora, Apache-2.0)\n")
        for word, count in counts.most_common(args.top):
            if count < args.min_count:
                break
            out.write(f"{word}\t{count}\n")
    print(f"wrote {OUT} ({min(len(counts), args.top)} words)")


if __name__ == "__main__":
    main()
