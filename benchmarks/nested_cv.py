"""How well the learned event pipeline does on gold articles its models never saw: a nested cross-validation.

    python benchmarks/nested_cv.py [--gold gold/dev/events.jsonl] [--docs gold/dev/docs.jsonl] [--folds 5]

The shipped target ranking, confidence and implicit-event model are trained on the whole dev gold, so the dev
figures of ``marsad evaluate events`` are in-sample. Here the articles are split into folds; for each fold the
ranking, then the confidence, then the implicit-event model (each threshold chosen by its own inner
cross-validation) are trained on the other folds, exactly as ``marsad train ranking|confidence|implicit`` do, and
the fold is scored. The same is done without the implicit model and with no ranking either, so the lines show
what each adds. Takes about half an hour on one core.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from marsad.analyzer import Analyzer
from marsad.cli_evaluate import gold_documents
from marsad.evaluate.events import EventScore, score_document
from marsad.events import confidence_train, implicit_train, ranking_train

SEED = 11  # of the split into folds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=Path("gold/dev/events.jsonl"))
    parser.add_argument("--docs", type=Path, default=Path("gold/dev/docs.jsonl"))
    parser.add_argument("--folds", type=int, default=5)
    args = parser.parse_args()
    pairs = gold_documents(argparse.Namespace(gold=args.gold, docs=[args.docs], published_from_gold=False))
    ranking_rows = ranking_train.examples(Analyzer.load(learned_confidence=False, learned_ranking=False), pairs)
    fold_of = confidence_train.document_folds((document.id for document, _ in pairs), args.folds, SEED)
    analyzer = Analyzer.load(learned_confidence=False)
    variants = ("the target ranking and the implicit events", "the target ranking", "neither")
    scores = {(variant, dates): EventScore() for variant in variants for dates in (True, False)}
    for fold in range(args.folds):
        training = [pair for pair in pairs if fold_of[pair[0].id] != fold]
        for ranked in (True, False):
            extractor = analyzer.extractor
            extractor.confidence = extractor.implicit = None
            extractor.ranking = ranking_train.train(
                [row for row in ranking_rows if fold_of[row.document] != fold]) if ranked else None
            extractor.confidence = confidence_train.train(*confidence_train.examples(analyzer, training))
            if ranked:
                _score_fold(analyzer, pairs, fold_of, fold, scores, variants[1])
                extractor.implicit = implicit_train.train(implicit_train.examples(analyzer, training))
            _score_fold(analyzer, pairs, fold_of, fold, scores, variants[0] if ranked else variants[2])
    print(f"{len(pairs)} articles, {args.folds} folds by document (seed {SEED})")
    for (variant, dates), score in scores.items():
        print(f"with {variant}, {'dates included' if dates else 'dates aside'}: "
              f"{score.report(show_errors=False).splitlines()[1]}")


def _score_fold(analyzer: Analyzer, pairs: list, fold_of: dict[str, int], fold: int,
                scores: dict[tuple[str, bool], EventScore], variant: str) -> None:
    for document, gold in pairs:
        if fold_of[document.id] == fold:
            analysis = analyzer.analyze(document)
            for dates in (True, False):
                score_document(scores[variant, dates], analysis, gold, with_dates=dates)


if __name__ == "__main__":
    main()
