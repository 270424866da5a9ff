"""How well the learned event pipeline does on gold articles its models never saw: a nested cross-validation.

    python benchmarks/nested_cv.py [--gold gold/dev/events.jsonl] [--docs gold/dev/docs.jsonl] [--folds 5]

The shipped target ranking and confidence are trained on the whole dev gold, so the dev figures of
``marsad evaluate events`` are in-sample. Here the articles are split into folds; for each fold the ranking and
then the confidence (with its threshold chosen by its own inner cross-validation) are trained on the other folds,
exactly as ``marsad train ranking`` and ``marsad train confidence`` do, and the fold is scored. The same is done
with no ranking, so the two lines show what the ranking adds. Takes a few minutes on one core.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from marsad.analyzer import Analyzer
from marsad.cli_evaluate import gold_documents
from marsad.evaluate.events import EventScore, score_document
from marsad.events import confidence_train, ranking_train

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
    scores = {(ranked, dates): EventScore() for ranked in (True, False) for dates in (True, False)}
    for fold in range(args.folds):
        training = [pair for pair in pairs if fold_of[pair[0].id] != fold]
        for ranked in (True, False):
            extractor = analyzer.extractor
            extractor.confidence = None
            extractor.ranking = ranking_train.train(
                [row for row in ranking_rows if fold_of[row.document] != fold]) if ranked else None
            extractor.confidence = confidence_train.train(*confidence_train.examples(analyzer, training))
            for document, gold in pairs:
                if fold_of[document.id] == fold:
                    analysis = analyzer.analyze(document)
                    for dates in (True, False):
                        score_document(scores[ranked, dates], analysis, gold, with_dates=dates)
    print(f"{len(pairs)} articles, {args.folds} folds by document (seed {SEED})")
    for (ranked, dates), score in scores.items():
        name = f"{'with' if ranked else 'without'} the target ranking, {'dates included' if dates else 'dates aside'}"
        print(f"{name}: {score.report(show_errors=False).splitlines()[1]}")


if __name__ == "__main__":
    main()
