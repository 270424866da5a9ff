"""``marsad train ranking``: learn from gold-annotated documents which actor a sentence names is an event's target.

The rules run alone over each gold document; for every event they make, each actor the trigger's sentence names
(other than the source's) is an example, right when a gold event of the same type has it as the target and shares
the source with the event (either way round for symmetric types). A logistic regression (the same Newton fit as
the confidence) learns from them. The margin by which another actor must beat the rules' choice, and the score
that stands for a choice the sentence does not name, are those that, cross-validated by document, turn the most
wrong targets right for each right one they turn wrong; the score that stands for no choice at all is the one
whose events, added where the rules made none, are right the most times more than wrong.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import product
from typing import TYPE_CHECKING, Any

from marsad.evaluate.events import _codes
from marsad.events.confidence import ConfidenceModel
from marsad.events.confidence_train import document_folds, fit
from marsad.events.ranking import Candidate, TargetRanking, preferred
from marsad.model import SYMMETRIC_TYPES

if TYPE_CHECKING:
    from marsad.analyzer import Analyzer
    from marsad.model import Document

MARGINS = (0.0, 0.05, 0.1, 0.15, 0.2, 0.3)
UNNAMED = (0.2, 0.3, 0.4, 0.6, 1.0)  # 1.0: a choice the sentence does not name always stays
NONE = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 1.0)  # 1.0: no target is ever added


@dataclass(frozen=True)
class CandidateExample:
    document: str
    features: list[str]
    right: bool


@dataclass(frozen=True)
class TargetExample:
    """The target of one event (or of a trigger the rules found no target for): the actors offered for it, which
    of them the gold has there, and whether the rules' own choice is right."""

    document: str
    offered: list[Candidate]
    right: list[bool]
    was_right: bool
    targeted: bool  # the rules found a target

    def candidate_examples(self) -> list[CandidateExample]:
        return [CandidateExample(self.document, list(c.features), right)
                for c, right in zip(self.offered, self.right, strict=True)]


def examples(analyzer: Analyzer, pairs: Iterable[tuple[Document, dict[str, Any]]]) -> list[TargetExample]:
    """The target of every event the rules make on the gold documents, and of every trigger they found a source
    but no target for, whose sentence names an actor other than the rules' choice (the others leave nothing to
    rank)."""
    rows = []
    for document, gold in pairs:
        _, found = analyzer.analyze_explained(document)
        gold_events = gold.get("events", [])
        for item in found:
            # (a trigger with a target and no event was dropped for something else: nothing to rank)
            if item.candidates is None or (item.event is None and item.candidates[1]):
                continue
            source, chosen, offered = item.candidates
            if all(c.chosen for c in offered):
                continue
            kind = item.trigger.type if item.event is None else item.event.type
            right = [_gold_target(gold_events, kind, source, c.code) for c in offered]
            was_right = any(_gold_target(gold_events, kind, source, code) for code in chosen)
            rows.append(TargetExample(document.id, offered, right, was_right, bool(chosen)))
    return rows


def _gold_target(gold_events: list[dict[str, Any]], event_type: str, source: frozenset[str], code: str) -> bool:
    """A gold event of the type has ``code`` as its target and shares the source (either way if symmetric)."""
    for gold in gold_events:
        if gold["type"] != event_type:
            continue
        gold_source, gold_target = _codes(gold["source"]), _codes(gold["target"])
        if code in gold_target and source & gold_source:
            return True
        if event_type in SYMMETRIC_TYPES and code in gold_source and source & gold_target:
            return True
    return False


def cross_validated(rows: list[TargetExample], folds: int, seed: int, l2: float) -> dict[int, list[float]]:
    """Each row's candidate scores from a model trained on the other folds (split by document)."""
    fold_of = document_folds((row.document for row in rows), folds, seed)
    scores: dict[int, list[float]] = {}
    for fold in range(folds):
        model = _fit([row for row in rows if fold_of[row.document] != fold], l2)
        for i, row in enumerate(rows):
            if fold_of[row.document] == fold:
                scores[i] = [model.probability(list(c.features)) for c in row.offered]
    return scores


def margin_table(rows: list[TargetExample], scores: dict[int, list[float]]) -> list[dict[str, float]]:
    """Per margin and score of an unnamed choice, the targets the ranking changes, cross-validated: how many it
    makes right that were wrong, and how many right it makes wrong."""
    table = []
    for margin, unnamed in product(MARGINS, UNNAMED):
        fixed = broken = changed = 0
        for i, row in enumerate(rows):
            better = preferred(row.offered, scores[i], margin, unnamed) if row.targeted else None
            if better is None:
                continue
            changed += 1
            now_right = row.right[row.offered.index(better)]
            fixed += now_right and not row.was_right
            broken += row.was_right and not now_right
        table.append({"margin": margin, "unnamed": unnamed, "changed": changed, "fixed": fixed, "broken": broken,
                      "gain": fixed - broken})
    return table


def none_table(rows: list[TargetExample], scores: dict[int, list[float]]) -> list[dict[str, float]]:
    """Per score of no choice, the targets the ranking adds where the rules found none, cross-validated: how
    many are right and how many wrong."""
    table = []
    for none in NONE:
        right = wrong = 0
        for i, row in enumerate(rows):
            added = None if row.targeted else preferred(row.offered, scores[i], 0.0, none)
            if added is not None:
                right += row.right[row.offered.index(added)]
                wrong += not row.right[row.offered.index(added)]
        table.append({"none": none, "added": right + wrong, "right": right, "wrong": wrong, "gain": right - wrong})
    return table


def _fit(rows: list[TargetExample], l2: float) -> ConfidenceModel:
    weights, bias = fit([example for row in rows for example in row.candidate_examples()], l2)
    return ConfidenceModel(weights, bias, 0.0)


def train(rows: list[TargetExample], folds: int = 5, seed: int = 7, l2: float = 1.0,
          provenance: dict[str, Any] | None = None) -> TargetRanking:
    """Weights from all examples; the margin and scores with the largest cross-validated gains (on a tie, the
    fewer changes)."""
    scores = cross_validated(rows, folds, seed, l2)
    changes, additions = margin_table(rows, scores), none_table(rows, scores)
    best = max(changes, key=lambda row: (row["gain"], -row["changed"]))
    added = max(additions, key=lambda row: (row["gain"], -row["added"]))
    trained = {**(provenance or {}), "targets": len(rows), "documents": len({row.document for row in rows}),
               "l2": l2, "folds": folds, "seed": seed, "cross_validation": changes, "cross_validation_none": additions}
    return TargetRanking(_fit(rows, l2), best["margin"], best["unnamed"], added["none"], trained)
