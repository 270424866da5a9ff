"""``marsad train confidence``: learn the event confidence model from gold-annotated documents.

The rules run without the model over each gold document; every event they make is an example, right when
it matches a gold event, date included: a record with the wrong day tells the analyst something false, and a
model that learns this drops fewer right records for each wrong one. A logistic regression (numpy, fitted to
its optimum by Newton's method: the same weights on every run, and probabilities that say how often an event
is right) learns from them, and the threshold under which events are dropped is the one whose
precision and recall (dates included) are both highest in a cross-validation by document (within one standard
error, the better F1), so that it is chosen on documents the weights did not see.
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

import numpy as np

from marsad.evaluate.events import events_match
from marsad.events.confidence import ConfidenceModel, described

if TYPE_CHECKING:
    from marsad.analyzer import Analyzer
    from marsad.model import Document

THRESHOLDS = tuple(round(0.05 * step, 2) for step in range(13))  # 0 (keep all) to 0.6


class Labelled(Protocol):
    """What a logistic regression learns from: feature names and whether the example is right."""

    @property
    def features(self) -> list[str]: ...

    @property
    def right(self) -> bool: ...


@dataclass(frozen=True)
class Example:
    document: str
    features: list[str]
    right: bool                  # matches a gold event, date included: what the model learns and precision counts
    finds: frozenset[int]        # the document's required gold events it matches, dates included


def examples(analyzer: Analyzer, pairs: Iterable[tuple[Document, dict[str, Any]]]) -> tuple[list[Example], int]:
    """Every event the rules make on the gold documents, and the number of required gold events."""
    rows: list[Example] = []
    required_total = 0
    for document, gold in pairs:
        analysis, found = analyzer.analyze_explained(document)
        gold_events = gold.get("events", [])
        required = frozenset(i for i, g in enumerate(gold_events) if g.get("required", True))
        required_total += len(required)
        for event, _, features in described(found, analysis.events, document.text, analysis.entities):
            extracted = event.to_dict()
            matched = frozenset(i for i, g in enumerate(gold_events)
                                if events_match(extracted, g, True, analysis.published))
            rows.append(Example(document.id, features, right=bool(matched), finds=matched & required))
    return rows, required_total


def fit(rows: Sequence[Labelled], l2: float = 1.0, steps: int = 25) -> tuple[dict[str, float], float]:
    """Weights per feature name and a bias that minimize the L2-penalized log loss, by Newton's method: each
    step solves the penalized Hessian exactly, so a few dozen steps reach the optimum (plain gradient descent
    with a fixed rate stopped far from it: the mean probability was 0.73 where 0.47 of the events were right)."""
    vocabulary = {name: i for i, name in enumerate(sorted({f for row in rows for f in row.features}))}
    matrix = np.zeros((len(rows), len(vocabulary) + 1))
    for i, row in enumerate(rows):
        matrix[i, [vocabulary[f] for f in row.features]] = 1.0
    matrix[:, -1] = 1.0  # the bias column
    labels = np.array([row.right for row in rows], dtype=float)
    weights = np.zeros(matrix.shape[1])
    penalty = np.full(matrix.shape[1], l2)
    penalty[-1] = 1e-6  # the bias is (all but) not shrunk
    for _ in range(steps):
        predicted = 1.0 / (1.0 + np.exp(-matrix @ weights))
        gradient = matrix.T @ (predicted - labels) + penalty * weights
        hessian = (matrix.T * (predicted * (1.0 - predicted))) @ matrix + np.diag(penalty)
        step = np.linalg.solve(hessian, gradient)
        weights -= step
        if np.abs(step).max() < 1e-8:
            break
    return {name: round(float(weights[i]), 4) for name, i in vocabulary.items()}, round(float(weights[-1]), 4)


def document_folds(documents: Iterable[str], folds: int, seed: int) -> dict[str, int]:
    """Each document's fold: the documents in a seeded random order, dealt round the folds."""
    order = sorted(set(documents))
    random.Random(seed).shuffle(order)
    return {document: i % folds for i, document in enumerate(order)}


def cross_validated(rows: list[Example], folds: int, seed: int, l2: float) -> list[float]:
    """Each example's probability from a model trained on the other folds (split by document)."""
    fold_of = document_folds((row.document for row in rows), folds, seed)
    scores = [0.0] * len(rows)
    for fold in range(folds):
        weights, bias = fit([row for row in rows if fold_of[row.document] != fold], l2)
        model = ConfidenceModel(weights, bias, 0.0)
        for i, row in enumerate(rows):
            if fold_of[row.document] == fold:
                scores[i] = model.probability(row.features)
    return scores


def threshold_table(rows: list[Example], scores: list[float], required_total: int) -> list[dict[str, float]]:
    """Precision and recall (dates included) of the events kept at each threshold."""
    table = []
    for threshold in THRESHOLDS:
        kept = [row for row, score in zip(rows, scores, strict=True) if score >= threshold]
        precision = sum(row.right for row in kept) / len(kept) if kept else 0.0
        recall = len({(row.document, i) for row in kept for i in row.finds}) / max(1, required_total)
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        table.append({"threshold": threshold, "events": len(kept), "precision": round(precision, 3),
                      "recall": round(recall, 3), "f1": round(f1, 3)})
    return table


def chosen_threshold(table: list[dict[str, float]], required_total: int) -> dict[str, float]:
    """The row of the threshold whose precision and recall are both highest (the larger of the smaller: the
    project asks for both, not their average). Rows whose smaller figure is within one standard error of the best
    count as equal, and the better F1 among them wins: a difference that size is the sample's noise (the
    one-standard-error rule; with the larger-of-the-smaller alone, 0.05 beat 0.10 by 0.001 of recall at a cost of
    0.012 of precision)."""
    top = max(min(row["precision"], row["recall"]) for row in table)
    noise = math.sqrt(top * (1 - top) / max(1, required_total))
    return max((row for row in table if min(row["precision"], row["recall"]) >= top - noise),
               key=lambda row: (row["f1"], -row["threshold"]))


def train(rows: list[Example], required_total: int, folds: int = 5, seed: int = 7, l2: float = 1.0,
          provenance: dict[str, Any] | None = None) -> ConfidenceModel:
    """Weights from all examples, and the threshold :func:`chosen_threshold` picks from their cross-validation."""
    table = threshold_table(rows, cross_validated(rows, folds, seed, l2), required_total)
    best = chosen_threshold(table, required_total)
    weights, bias = fit(rows, l2)
    trained = {**(provenance or {}), "examples": len(rows), "right": sum(row.right for row in rows),
               "documents": len({row.document for row in rows}), "required_gold_events": required_total,
               "l2": l2, "folds": folds, "seed": seed, "cross_validation": table}
    return ConfidenceModel(weights, bias, best["threshold"], trained)
