"""Write the NER dev slice: the last 10% of sentences of ANERcorp's training part (CAMeL split).

This is the only data the shipped NER model was tuned and scored on; rebuild it and run
``marsad evaluate ner dev.conll`` to reproduce the figure in the model card.

    python scripts/build_ner_dev.py [--data-root /work/shared/data] [-o ner_dev.conll]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from marsad.ner.conll import read_conll, write_conll
from marsad.ner.train import ANERCORP, DEFAULT_DATA_ROOT, split_dev


def main() -> int:
    """Cut and write the dev slice with ``token TAG`` lines."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-root", default=str(DEFAULT_DATA_ROOT))
    parser.add_argument("-o", "--output", default="ner_dev.conll")
    args = parser.parse_args()
    _, dev = split_dev(read_conll(Path(args.data_root) / ANERCORP))
    write_conll(Path(args.output), dev, sep=" ")
    print(f"{args.output}: {len(dev)} sentences, {sum(len(s) for s in dev)} tokens")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
