"""Train and score the CRF + BiLSTM tagger on one held-out tenth of ANERcorp, at several CRF vote weights.

The shipped model (``marsad train ner``) is this pair trained without the dev slice (tenth 9) at vote weight
0.4; this script reproduces the per-weight figures of the model card on any tenth and leaves a model directory
that ``marsad evaluate ner --model OUT`` and ``benchmarks/ner_speed.py --model OUT`` accept.
Both models are trained with the shipped recipe on the other nine tenths + Wojood (tenth 9 is the dev slice,
so ``--tenth 9`` trains on exactly the shipped model's sentences; the BiLSTM leaves out every 20th ANERcorp
sentence of them to stop early on). Word resources (clusters, gazetteer, triggers, and the word vectors if
present) come from ``--resources`` (default: the shipped model); missing vectors are trained into OUT with the
clusters' own settings (about 7 minutes). The network options default to the shipped recipe; ``--keep-crf``
retrains only the network beside a CRF already in OUT (for network experiments). Needs the ``train`` extra
(torch, onnx, onnxruntime); 10-20 minutes on one core.

    python scripts/ner_heldout.py --tenth 0 --out /tmp/ner_tenth0 [--score-only | --keep-crf]
"""

from __future__ import annotations

import argparse
import logging
import shutil
from pathlib import Path

from marsad.ner.clusters import train_clusters
from marsad.ner.conll import read_conll, write_conll
from marsad.ner.neural import load_vectors
from marsad.ner.neural_files import CHARS_FILE, ENCODER_FILE, ONNX_FILE, TRANSITIONS_FILE, VECTORS_FILE, VOCAB_FILE
from marsad.ner.neural_train import DEFAULT_NEURAL, train_network
from marsad.ner.tagger import (
    CLUSTERS_FILE,
    GAZETTEER_FILE,
    MODEL_FILE,
    TRIGGERS_FILE,
    default_model_dir,
    load_lexicon,
)
from marsad.ner.train import (
    ANERCORP,
    DEFAULT_DATA_ROOT,
    NEWS,
    VALID_EVERY,
    WOJOOD,
    fit_crf,
    read_wojood,
    score_dir,
    split_dev,
    split_valid,
)

# A vote weight of 0.5 or more can never be overruled: the CRF alone.
WEIGHTS = (0.0, 0.2, 0.3, 0.4, 0.45, 1.0)


def prepare(out: Path, resources: Path, data_root: Path, seed: int) -> None:
    """Copy the word resources into ``out`` (the vectors too if ``resources`` has them), else train the vectors."""
    # Trained next; stale ones would pair with a new CRF.
    for name in (ENCODER_FILE, ONNX_FILE, CHARS_FILE, TRANSITIONS_FILE):
        (out / name).unlink(missing_ok=True)
    for name in (CLUSTERS_FILE, GAZETTEER_FILE, TRIGGERS_FILE, VECTORS_FILE, VOCAB_FILE):
        if (resources / name).exists() and (resources / name).resolve() != (out / name).resolve():
            shutil.copyfile(resources / name, out / name)
    if not (out / VECTORS_FILE).exists() or not (out / VOCAB_FILE).exists():
        # Same settings and seed as the shipped clusters, which this rewrites identically (checked by sha256).
        train_clusters(data_root / NEWS, out / CLUSTERS_FILE, seed=seed, vectors_dir=out)


def main() -> int:
    """Train both models without the chosen tenth and print F1 per CRF vote weight (0 = BiLSTM alone)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tenth", type=int, default=9, choices=range(10), help="tenth to hold out (9 = dev slice)")
    parser.add_argument("--out", required=True, help="directory for the two models and held.conll")
    parser.add_argument("--resources", default=str(default_model_dir()), help="model directory to take word "
                        "resources from")
    parser.add_argument("--data-root", default=str(DEFAULT_DATA_ROOT))
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--score-only", action="store_true", help="score the models already in OUT")
    parser.add_argument("--hidden", type=int, default=DEFAULT_NEURAL["hidden"], help="BiLSTM units per direction")
    parser.add_argument("--proj", type=int, default=DEFAULT_NEURAL["proj"],
                        help="cached projection of each token's features (0 = none)")
    parser.add_argument("--word-dropout", type=float, default=DEFAULT_NEURAL["word_dropout"],
                        help="share of training tokens trained as unknown words")
    parser.add_argument("--layers", type=int, default=DEFAULT_NEURAL["layers"], help="BiLSTM layers")
    parser.add_argument("--softmax", action="store_true", help="a softmax output layer instead of the CRF layer")
    parser.add_argument("--epochs", type=int, default=DEFAULT_NEURAL["epochs"], help="most epochs")
    parser.add_argument("--valid-every", type=int, default=VALID_EVERY, help="hold every Nth training sentence "
                        "of ANERcorp out of the network's training to stop early on (0 = fixed epochs, no hold-out)")
    parser.add_argument("--keep-crf", action="store_true", help="reuse the CRF already in OUT (train the network "
                        "only)")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    out, resources, data_root = Path(args.out), Path(args.resources), Path(args.data_root)
    out.mkdir(parents=True, exist_ok=True)
    sentences = read_conll(data_root / ANERCORP)
    if args.tenth == 9:  # exactly the dev slice of the shipped recipe
        train, held = split_dev(sentences)
    else:
        lo, hi = round(len(sentences) * args.tenth / 10), round(len(sentences) * (args.tenth + 1) / 10)
        train, held = sentences[:lo] + sentences[hi:], sentences[lo:hi]
    write_conll(out / "held.conll", held, sep=" ")
    if not args.score_only:
        if not args.keep_crf:
            prepare(out, resources, data_root, args.seed)
        wojood = read_wojood(data_root / WOJOOD)
        if not args.keep_crf:
            fit_crf(out / MODEL_FILE, train + wojood, out)
        network_train, valid = split_valid(train, args.valid_every)
        vocab, vectors = load_vectors(out)
        facts = train_network(network_train + wojood, vocab, vectors, load_lexicon(out), out, args.seed,
                              {"hidden": args.hidden, "proj": args.proj, "layers": args.layers,
                               "crf": not args.softmax, "epochs": args.epochs,
                               "word_dropout": args.word_dropout}, valid=valid)
        print(f"network: {facts['architecture']}; validation {facts['validation']}")
    print(f"tenth {args.tenth}: {len(held)} sentences (weight 1.0 = CRF alone, 0.0 = BiLSTM alone)")
    for weight in WEIGHTS:
        scores = score_dir(out, held, crf_weight=weight)
        print(f"CRF weight {weight:.2f}: F1 {100 * scores['overall']['f1']:.2f}  "
              + "  ".join(f"{typ} {100 * s['f1']:.2f}" for typ, s in scores.items() if typ != "overall"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
