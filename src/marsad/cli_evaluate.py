"""``marsad evaluate events|actors GOLD.jsonl DOCS...``: analyze gold documents and score them; ``marsad train
ranking|confidence GOLD.jsonl DOCS...``: learn from them which actor is an event's target, and how far to trust
each extracted event."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from marsad.errors import InputError, MarsadError
from marsad.model import Analysis, Document


def _read_gold(path: Path) -> dict[str, dict[str, Any]]:
    gold: dict[str, dict[str, Any]] = {}
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                gold[str(record["doc"])] = record
            except (json.JSONDecodeError, KeyError) as error:
                raise MarsadError(f"{path}:{number}: not a gold record ({error})") from None
    return gold


def gold_documents(args: argparse.Namespace) -> list[tuple[Document, dict[str, Any]]]:
    """The documents that have gold records, each with its record, in gold order."""
    from marsad.ingest.readers import iter_documents

    gold = _read_gold(args.gold)
    documents = {}
    for item in iter_documents(args.docs):
        if isinstance(item, InputError):
            print(f"marsad: skipped {item}", file=sys.stderr)
        elif item.id in gold:
            documents[item.id] = item
    missing = [doc for doc in gold if doc not in documents]
    if missing:
        raise MarsadError(f"no document for gold record(s): {', '.join(missing[:5])}")
    if args.published_from_gold:
        for doc_id, document in documents.items():
            document.published = gold[doc_id].get("published") or document.published
    return [(documents[doc], record) for doc, record in gold.items()]


def analyses_for_gold(args: argparse.Namespace) -> Iterator[tuple[Analysis, dict[str, Any]]]:
    """Analyze the documents that have gold records, in gold order."""
    from marsad.analyzer import Analyzer

    pairs = gold_documents(args)
    gold = dict((document.id, record) for document, record in pairs)
    analyzer = Analyzer.load(kb_dirs=args.kb_dirs, min_confidence=args.min_confidence)
    for result in analyzer.analyze_many([document for document, _ in pairs], jobs=args.jobs):
        if isinstance(result, InputError):
            raise MarsadError(f"gold document could not be analyzed: {result}")
        yield result, gold[result.id]


def _run_events(args: argparse.Namespace) -> int:
    from marsad.evaluate.events import EventScore, score_document

    score = EventScore()
    for analysis, gold in analyses_for_gold(args):
        score_document(score, analysis, gold, with_dates=args.dates)
    print(score.report(show_errors=not args.quiet))
    return 0


def _run_actors(args: argparse.Namespace) -> int:
    from marsad.evaluate.actors import ActorScore, score_document

    score = ActorScore()
    for analysis, gold in analyses_for_gold(args):
        score_document(score, analysis, gold)
    print(score.report(show_errors=not args.quiet))
    return 0


def _add_gold_command(
    subparsers: argparse._SubParsersAction, name: str, help_text: str, func: Any
) -> argparse.ArgumentParser:
    from marsad.cli import add_common_options

    parser = subparsers.add_parser(name, help=help_text)
    parser.add_argument("gold", type=Path, help="gold JSON lines (the form of gold/seeds.jsonl)")
    parser.add_argument("docs", nargs="+", type=Path, help="the gold documents: .txt files, JSON lines or directories")
    parser.add_argument("--published-from-gold", action="store_true",
                        help="give the analyzer the gold publication dates instead of inferring them")
    parser.add_argument("--quiet", action="store_true", help="scores only, no list of errors")
    add_common_options(parser)
    parser.set_defaults(func=func)
    return parser


def add_evaluate_events(evaluate_subparsers: argparse._SubParsersAction) -> None:
    parser = _add_gold_command(evaluate_subparsers, "events", "precision and recall of events against gold",
                               _run_events)
    parser.add_argument("--dates", action="store_true", help="dates must agree too (at the gold's granularity)")


def add_evaluate_actors(evaluate_subparsers: argparse._SubParsersAction) -> None:
    _add_gold_command(evaluate_subparsers, "actors", "mention-level actor linking against gold", _run_actors)


def add_train_models(train_subparsers: argparse._SubParsersAction) -> None:
    """``marsad train ranking|confidence|implicit GOLD.jsonl DOCS... [--out FILE]``: train them in that order (the
    confidence learns from events whose parties the ranking chose, the implicit model from the events the
    confidence keeps)."""
    for name, description, run, l2 in (
            ("ranking", "learn which actor a sentence names is an event's target, from gold documents",
             _run_train_ranking, 1.0),
            ("confidence", "learn each event's confidence, and which to drop, from gold documents",
             _run_train_confidence, 1.0),
            ("implicit", "learn which events sentences report without a trigger, from gold documents",
             _run_train_implicit, 2.0)):
        parser = _add_gold_command(train_subparsers, name, description, run)
        parser.add_argument("--out", type=Path, help="model file to write (default: the package's model)")
        parser.add_argument("--folds", type=int, default=5,
                            help="cross-validation folds, split by document (default 5)")
        parser.add_argument("--seed", type=int, default=7, help="seed of the split into folds (default 7)")
        parser.add_argument("--l2", type=float, default=l2,
                            help=f"L2 penalty of the logistic regression (default {l2:g})")
    implicit = train_subparsers.choices["implicit"]
    implicit.add_argument("--min-count", type=int, default=20,
                          help="features seen in fewer examples are left out (default 20)")


def _provenance(args: argparse.Namespace) -> dict[str, str]:
    import hashlib

    return {"gold": args.gold.name, "gold_sha256": hashlib.sha256(args.gold.read_bytes()).hexdigest()}


def _run_train_ranking(args: argparse.Namespace) -> int:
    from marsad.analyzer import Analyzer
    from marsad.events.ranking import default_path
    from marsad.events.ranking_train import examples, train

    pairs = gold_documents(args)
    analyzer = Analyzer.load(kb_dirs=args.kb_dirs, learned_confidence=False, learned_ranking=False)
    rows = examples(analyzer, pairs)
    if not rows:
        raise MarsadError("no event on these documents offers a choice of target: nothing to learn from")
    model = train(rows, folds=args.folds, seed=args.seed, l2=args.l2, provenance=_provenance(args))
    out = args.out or default_path()
    model.save(out)
    best = next(row for row in model.trained["cross_validation"]
                if (row["margin"], row["unnamed"]) == (model.margin, model.unnamed))
    print(f"{len(rows)} targets to rank from {len(pairs)} documents; wrote {out}")
    added = next(row for row in model.trained["cross_validation_none"] if row["none"] == model.none)
    print(f"cross-validated at margin {model.margin:.2f}, unnamed choice {model.unnamed:.2f}: {best['changed']} "
          f"targets changed, {best['fixed']} wrong made right, {best['broken']} right made wrong; at no choice "
          f"{model.none:.2f}: {added['added']} targets added where the rules found none, {added['right']} right")
    return 0


def _run_train_implicit(args: argparse.Namespace) -> int:
    from marsad.analyzer import Analyzer
    from marsad.events.implicit import default_path
    from marsad.events.implicit_train import examples, train

    pairs = gold_documents(args)
    documents = examples(Analyzer.load(kb_dirs=args.kb_dirs, learned_implicit=False), pairs)
    if not any(d.readings for d in documents):
        raise MarsadError("no sentence of these documents names two actors: nothing to learn from")
    model = train(documents, folds=args.folds, seed=args.seed, min_count=args.min_count, c=1.0 / args.l2,
                  provenance=_provenance(args))
    out = args.out or default_path()
    model.save(out)
    table = model.trained["cross_validation"]
    best = next(row for row in table if row["threshold"] == model.threshold)
    print(f"{model.trained['readings']} actor pairs in the sentences of {len(pairs)} documents; wrote {out}")
    print(f"cross-validated, dates included: without it P {table[-1]['precision']:.3f} R {table[-1]['recall']:.3f}; "
          f"threshold {model.threshold:.2f}: {best['added']} events added, P {best['precision']:.3f} "
          f"R {best['recall']:.3f}")
    return 0


def _run_train_confidence(args: argparse.Namespace) -> int:
    from marsad.analyzer import Analyzer
    from marsad.events.confidence import default_path
    from marsad.events.confidence_train import examples, train

    pairs = gold_documents(args)
    analyzer = Analyzer.load(kb_dirs=args.kb_dirs, learned_confidence=False)
    rows, required = examples(analyzer, pairs)
    if not rows:
        raise MarsadError("the rules made no event on these documents: nothing to learn from")
    model = train(rows, required, folds=args.folds, seed=args.seed, l2=args.l2, provenance=_provenance(args))
    out = args.out or default_path()
    model.save(out)
    best = next(row for row in model.trained["cross_validation"] if row["threshold"] == model.threshold)
    kept_all = model.trained["cross_validation"][0]
    print(f"{len(rows)} events from {len(pairs)} documents; wrote {out}")
    print(f"cross-validated, dates included: keeping all P {kept_all['precision']:.3f} R {kept_all['recall']:.3f}; "
          f"threshold {model.threshold:.2f}: P {best['precision']:.3f} R {best['recall']:.3f} "
          f"({best['events']} events)")
    return 0
