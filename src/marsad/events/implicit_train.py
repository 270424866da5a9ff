"""``marsad train implicit``: learn from gold documents which events a sentence reports without a trigger.

The analyzer runs over each gold document with its ranking and confidence but no implicit model. Every ordered pair
of actors a sentence names (and each state it names, paired with itself) is an example for each event type the kept
events do not already have between the pair: right when a gold event of that type has them as source and target
(either way round for symmetric types) and its evidence overlaps the sentence. One L2-penalized logistic regression
per type learns from them, over the features seen in at least ``min_count`` examples (scikit-learn's liblinear:
hundreds of thousands of examples over tens of thousands of words are beyond the dense Newton fit the confidence
uses). The threshold is chosen as the confidence's is, from a cross-validation by document: each fold's chosen
readings become events beside the kept ones and the whole is scored against the gold, dates included.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from marsad.evaluate.events import events_match
from marsad.events.confidence_train import chosen_threshold, document_folds
from marsad.events.implicit import ImplicitEvents, PairReading, chosen, closed, implied_date, pair_readings
from marsad.model import PLOVER_TYPES

if TYPE_CHECKING:
    from marsad.analyzer import Analyzer
    from marsad.model import Document

THRESHOLDS = (0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6, 0.8, 1.0)  # 1.0: nothing is ever added
PRUNE = 0.05  # weights smaller than this are left out of the model file (halves it; no change on new text)


@dataclass
class GoldDocument:
    """One gold document as the trainer needs it: its readings, what the pipeline kept, and the gold."""

    id: str
    published: str | None
    readings: list[PairReading]
    labels: list[frozenset[str]]  # per reading: the types a gold event has between its pair, in its sentence
    made: list[frozenset[str]]  # per reading: the types closed to it (see ``implicit.closed``)
    dates: list[str | None]  # per reading: the date an event it implies would carry
    kept: list[dict[str, Any]]
    gold: list[dict[str, Any]]


def examples(analyzer: Analyzer, pairs: Iterable[tuple[Document, dict[str, Any]]]) -> list[GoldDocument]:
    """Each gold document's readings, labelled, beside the events the pipeline keeps on it."""
    rows = []
    for document, record in pairs:
        state, found = analyzer.analyze_state(document)
        kept = state.analysis.events
        gold = record.get("events", [])
        located = [(g, _located(document.text, g)) for g in gold]
        readings = pair_readings(state, found)
        closed_to = closed(found, kept)
        rows.append(GoldDocument(
            document.id, state.analysis.published, readings,
            labels=[_gold_types(reading, located) for reading in readings],
            made=[frozenset(kind for kind in PLOVER_TYPES if closed_to(kind, reading)) for reading in readings],
            dates=[implied_date(state, reading) for reading in readings],
            kept=[e.to_dict() for e in kept], gold=gold))
    return rows


def _located(text: str, gold: dict[str, Any]) -> tuple[int, int] | None:
    evidence = gold.get("evidence")
    evidence = evidence.get("text") if isinstance(evidence, dict) else evidence
    start = text.find(evidence) if evidence else -1
    return (start, start + len(evidence)) if start >= 0 else None


def _gold_types(reading: PairReading, located: list[tuple[dict[str, Any], tuple[int, int] | None]]) -> frozenset[str]:
    """The types of the gold events between the reading's pair (by the evaluator's rule) told in its sentence."""
    source, target = reading.codes
    pair = {"source": [source], "target": [target]}
    return frozenset(gold["type"] for gold, span in located
                     if span is not None and span[0] < reading.sentence[1] and reading.sentence[0] < span[1]
                     and events_match({**pair, "type": gold["type"]}, gold, False, None))


def fit(documents: Sequence[GoldDocument], min_count: int, c: float) -> tuple[dict[str, dict[str, float]],
                                                                            dict[str, float]]:
    """Per event type, the weights (by feature name) and bias of a logistic regression over the readings of
    ``documents`` the kept events leave open for that type."""
    import numpy as np
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    counts = Counter(f for d in documents for reading in d.readings for f in reading.features)
    names = sorted(f for f, n in counts.items() if n >= min_count)
    column = {name: i for i, name in enumerate(names)}
    examples = [(reading, labels, made) for d in documents
                for reading, labels, made in zip(d.readings, d.labels, d.made, strict=True)]
    indices = [[column[f] for f in reading.features if f in column] for reading, _, _ in examples]
    matrix = csr_matrix((np.ones(sum(map(len, indices))), [i for row in indices for i in row],
                         np.cumsum([0] + [len(row) for row in indices])), shape=(len(examples), len(names)))
    weights, bias = {}, {}
    for kind in PLOVER_TYPES:
        open_rows = [i for i, (_, _, made) in enumerate(examples) if kind not in made]
        labels = np.array([kind in examples[i][1] for i in open_rows])
        if labels.sum() < 2:
            continue
        model = LogisticRegression(C=c, solver="liblinear", max_iter=300).fit(matrix[open_rows], labels)
        weights[kind] = {names[i]: round(float(w), 3) for i, w in enumerate(model.coef_[0]) if abs(w) >= PRUNE}
        bias[kind] = round(float(model.intercept_[0]), 4)
    return weights, bias


def threshold_table(documents: Sequence[GoldDocument], probabilities: dict[str, list[dict[str, float]]]
                    ) -> list[dict[str, float]]:
    """Precision and recall (dates included) of the kept events with those each threshold adds."""
    required_total = sum(1 for d in documents for g in d.gold if g.get("required", True))
    kept = {d.id: _matches(d, d.kept) for d in documents}  # the same at every threshold
    table = []
    for threshold in THRESHOLDS:
        extracted = right = found = added = 0
        for d in documents:
            new = _added(d, probabilities[d.id], threshold)
            new_right, new_found = _matches(d, new)
            kept_right, kept_found = kept[d.id]
            added += len(new)
            extracted += len(d.kept) + len(new)
            right += kept_right + new_right
            found += len(kept_found | new_found)
        precision, recall = right / max(1, extracted), found / max(1, required_total)
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        table.append({"threshold": threshold, "added": added, "events": extracted, "precision": round(precision, 3),
                      "recall": round(recall, 3), "f1": round(f1, 3)})
    return table


def _matches(document: GoldDocument, events: list[dict[str, Any]]) -> tuple[int, set[int]]:
    """How many of ``events`` match a gold event, and which required gold events they find (dates included)."""
    right = sum(any(events_match(e, g, True, document.published) for g in document.gold) for e in events)
    found = {i for i, g in enumerate(document.gold) if g.get("required", True)
             and any(events_match(e, g, True, document.published) for e in events)}
    return right, found


def _added(document: GoldDocument, probabilities: list[dict[str, float]], threshold: float) -> list[dict[str, Any]]:
    """The events the readings of ``document`` scored ``probabilities`` add at ``threshold``, as gold-like dicts."""
    made = {id(reading): m for reading, m in zip(document.readings, document.made, strict=True)}
    date = {id(reading): day for reading, day in zip(document.readings, document.dates, strict=True)}
    scored = [(p, kind, reading) for reading, scores in zip(document.readings, probabilities, strict=True)
              for kind, p in scores.items() if p >= threshold]
    return [{"type": kind, "source": [reading.codes[0]], "target": [reading.codes[1]], "date": date[id(reading)]}
            for _, kind, reading in chosen(scored, lambda kind, reading: kind in made[id(reading)])]


def cross_validated(documents: Sequence[GoldDocument], folds: int, seed: int, min_count: int,
                    c: float) -> dict[str, list[dict[str, float]]]:
    """Each reading's probabilities from models trained on the other folds (split by document)."""
    fold_of = document_folds((d.id for d in documents), folds, seed)
    probabilities: dict[str, list[dict[str, float]]] = {}
    for fold in range(folds):
        weights, bias = fit([d for d in documents if fold_of[d.id] != fold], min_count, c)
        model = ImplicitEvents(weights, bias, 1.0)
        for d in documents:
            if fold_of[d.id] == fold:
                probabilities[d.id] = model.probabilities(d.readings)
    return probabilities


def train(documents: Sequence[GoldDocument], folds: int = 5, seed: int = 7, min_count: int = 20, c: float = 0.5,
          provenance: dict[str, Any] | None = None) -> ImplicitEvents:
    """Models from all documents, and the threshold :func:`chosen_threshold` picks from their cross-validation."""
    table = threshold_table(documents, cross_validated(documents, folds, seed, min_count, c))
    required_total = sum(1 for d in documents for g in d.gold if g.get("required", True))
    best = chosen_threshold(table, required_total)
    weights, bias = fit(documents, min_count, c)
    trained = {**(provenance or {}), "documents": len(documents),
               "readings": sum(len(d.readings) for d in documents), "required_gold_events": required_total,
               "min_count": min_count, "C": c, "folds": folds, "seed": seed, "cross_validation": table}
    return ImplicitEvents(weights, bias, best["threshold"], trained)
