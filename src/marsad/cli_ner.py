"""CLI commands for the entity tagger: ``ner``, ``train ner`` and ``evaluate ner``.

The main CLI owns the top-level parser and calls the ``add_*`` functions below; each handler takes the parsed
Namespace and returns an exit code.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from marsad.ner.conll import evaluate, format_conll, format_scores, read_conll


def _load_tagger(model: str | None):  # -> EntityTagger, imported lazily so `--help` stays fast
    from marsad.ner.tagger import EntityTagger

    return EntityTagger.load(Path(model) if model else None)


def run_ner(args: argparse.Namespace) -> int:
    """Tag a CoNLL token file and write ``token<TAB>TAG`` lines in input order."""
    sentences = read_conll(Path(args.conll))
    tagger = _load_tagger(getattr(args, "model", None))
    tokens = [[tok for tok, _ in sent] for sent in sentences]
    tagged = [list(zip(sent, tags, strict=True)) for sent, tags in zip(tokens, tagger.tag_many(tokens), strict=True)]
    text = format_conll(tagged)
    if args.output and args.output != "-":
        Path(args.output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


def run_train_ner(args: argparse.Namespace) -> int:
    """Train the NER model into ``--out`` (default: the package's shipped model directory)."""
    from marsad.ner.tagger import default_model_dir
    from marsad.ner.train import DEFAULT_DATA_ROOT, train

    out = Path(args.out) if args.out else default_model_dir()
    manifest = train(out, seed=args.seed, data_root=Path(args.data_root or DEFAULT_DATA_ROOT),
                     clusters=Path(args.clusters) if args.clusters else None, anergazet=args.anergazet)
    dev = manifest["dev"]["scores"]["overall"]
    print(f"model written to {out} in {manifest['train_seconds']} s; dev P {dev['precision']:.4f} "
          f"R {dev['recall']:.4f} F1 {dev['f1']:.4f}")
    return 0


def run_evaluate_ner(args: argparse.Namespace) -> int:
    """Tag the tokens of a gold CoNLL file and print conlleval-style scores."""
    gold = read_conll(Path(args.gold))
    if any(tag is None for sent in gold for _, tag in sent):
        print(f"error: {args.gold}: every token line needs a tag column", file=sys.stderr)
        return 2
    tagger = _load_tagger(args.model)
    gold_tags = [[tag or "O" for _, tag in sent] for sent in gold]
    predicted = tagger.tag_many([[tok for tok, _ in sent] for sent in gold])  # running text: names recur
    print(format_scores(evaluate(gold_tags, predicted)))
    return 0


def add_ner_command(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    """``marsad ner --conll FILE [-o OUT] [--model DIR]``."""
    p = subparsers.add_parser("ner", help="tag the tokens of a CoNLL file with entity labels")
    p.add_argument("--conll", required=True, help="token file: first field per line, blank line between sentences")
    p.add_argument("-o", "--output", help="output file (default: stdout)")
    p.add_argument("--model", help="model directory (default: the shipped model)")
    p.set_defaults(func=run_ner)
    return p


def add_train_ner(train_subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    """``marsad train ner [--out DIR] [--seed N] [--data-root DIR] [--clusters FILE] [--anergazet]``."""
    p = train_subparsers.add_parser("ner", help="train the entity tagger")
    p.add_argument("--out", help="model directory to write (default: the package's model directory)")
    p.add_argument("--seed", type=int, default=13, help="seed for clustering (default 13)")
    p.add_argument("--data-root", help="folder holding anercorp/, countries/ and news/ (default /work/shared/data)")
    p.add_argument("--clusters", help="reuse this cluster TSV instead of retraining word clusters")
    p.add_argument("--anergazet", action="store_true",
                   help="add the research-use-only ANERGazet names to the gazetteer (not for shipped models)")
    p.set_defaults(func=run_train_ner)
    return p


def add_evaluate_ner(evaluate_subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    """``marsad evaluate ner GOLD.conll [--model DIR]``."""
    p = evaluate_subparsers.add_parser("ner", help="score the entity tagger against a gold CoNLL file")
    p.add_argument("gold", help="gold file: token and BIO tag per line, blank line between sentences")
    p.add_argument("--model", help="model directory (default: the shipped model)")
    p.set_defaults(func=run_evaluate_ner)
    return p


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the top-level ``ner`` command (train/evaluate are wired under the main CLI's own groups)."""
    add_ner_command(subparsers)
