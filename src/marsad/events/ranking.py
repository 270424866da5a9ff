"""A second opinion on the target: a learned ranking of the actors a trigger's sentence names.

The argument rules read syntax, but where a sentence names several actors they still often pick the wrong
target (a place where the act happened, a party named in passing) or find none where the sentence names it in a
way they do not read. A logistic model scores every actor the sentence names as the target: where it stands from
the trigger, what governs it (مع، على، ضد، في ...), what kind of mention and actor it is, how often the story
names it, and whether the rules chose it, by which rule. The rules' choice is replaced only when another actor
scores higher by a margin; a choice the sentence does not name (the story's home state, a party carried from
before) counts as a fixed score, and so does no choice at all. The margin and both scores are chosen in a
cross-validation by document. (Ranking the source the same way gained nothing there.) The model is plain data
(``data/models/events/ranking.json``), trained by ``marsad train ranking``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from marsad.events.arguments import CLAUSE_BREAK, named_aside
from marsad.events.confidence import ConfidenceModel, read_model, write_model
from marsad.events.syntax import SentenceSyntax
from marsad.linking.mentions import Mention
from marsad.model import Actor

FORMAT = "marsad-target-ranking/1"
_DISTANCES = (-10, -5, -2, 0, 2, 5, 10)  # signed word distance from the trigger, in bands


@dataclass(frozen=True, slots=True)
class Candidate:
    """An actor the sentence names, as a possible target of one event."""

    actor: Actor
    mention: Mention  # its mention nearest the trigger
    chosen: bool  # the rules made it the target
    features: tuple[str, ...]

    @property
    def code(self) -> str:
        return self.actor.code


@dataclass(frozen=True, slots=True)
class Ranked:
    """What the ranker knows of the event whose target it ranks."""

    event_type: str
    frame: str
    form: str
    rule: str  # the rule that found the target
    trigger: tuple[int, int]


def default_path() -> Path:
    return Path(str(resources.files("marsad") / "data" / "models" / "events" / "ranking.json"))


def candidates(syntax: SentenceSyntax, event: Ranked, mentions: Iterable[Mention], chosen: frozenset[str],
               source: frozenset[str], named_in_document: dict[str, int]) -> list[Candidate]:
    """Each actor of ``mentions`` other than the source's and those named aside (على غرار فرنسا، المدعومة من
    إيران), at its mention nearest the trigger, with its features."""
    start, end = event.trigger
    nearest: dict[str, tuple[int, Mention, Actor]] = {}
    for mention in mentions:
        actor = mention.actor
        if actor is None or actor.code in source or named_aside(syntax, mention):
            continue
        distance = syntax.distance(end, mention.start) if mention.start >= end else -syntax.distance(mention.end, start)
        if actor.code not in nearest or abs(distance) < abs(nearest[actor.code][0]):
            nearest[actor.code] = (distance, mention, actor)
    distances = [distance for distance, _, _ in nearest.values()]
    found = []
    for code, (distance, mention, actor) in nearest.items():
        picked, kind = code in chosen, event.event_type
        band = next((str(limit) for limit in _DISTANCES if distance <= limit), "far")
        governor = syntax.preposition(mention) or "-"
        sector = (actor.sector or "-")[:3]
        between = syntax.text[min(end, mention.end):max(start, mention.start)]
        features = (
            f"type={kind}", f"frame={event.frame}", f"chosen={picked}", f"chosen|rule={picked}|{event.rule}",
            f"chosen|type={picked}|{kind}", f"chosen|form={picked}|{event.form}", f"distance={band}",
            f"distance|frame={band}|{event.frame}", f"distance|type={band}|{kind}", f"chosen|distance={picked}|{band}",
            f"governor={governor}", f"governor|frame={governor}|{event.frame}", f"governor|distance={governor}|{band}",
            f"governor|type={governor}|{kind}", f"mention={mention.kind}", f"actor={actor.kind}",
            f"actor|frame={actor.kind}|{event.frame}", f"sector={sector}", f"sector|type={sector}|{kind}",
            f"named={min(6, named_in_document.get(code, 0))}", f"candidates={min(4, len(nearest))}",
            f"rank={_rank(distance, distances)}", f"clause_break={bool(CLAUSE_BREAK.search(between))}",
            f"targeted={bool(chosen)}", f"targeted|type={bool(chosen)}|{kind}",
        )
        found.append(Candidate(actor, mention, picked, features))
    return found


def _rank(distance: int, distances: list[int]) -> str:
    """Its place among the candidates on its side of the trigger, nearest first (after1, before2 ...)."""
    side = [d for d in distances if (d > 0) == (distance > 0)]
    return f"{'after' if distance > 0 else 'before'}{min(3, sorted(side, key=abs).index(distance) + 1)}"


@dataclass(frozen=True)
class TargetRanking:
    """A logistic model, the margin by which another actor must beat the rules' choice, and the scores that a
    choice the sentence does not name and no choice at all count as."""

    model: ConfidenceModel
    margin: float
    unnamed: float
    none: float
    trained: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path | None = None) -> TargetRanking:
        data = read_model(path or default_path(), "a target ranking model", _well_formed,
                          f"{FORMAT}: format, margin, unnamed, none, weights, bias")
        model = ConfidenceModel(data["weights"], float(data["bias"]), 0.0)
        return cls(model, float(data["margin"]), float(data["unnamed"]), float(data["none"]), data.get("trained", {}))

    def save(self, path: Path) -> None:
        write_model(path, {"format": FORMAT, "margin": self.margin, "unnamed": self.unnamed, "none": self.none,
                           "bias": self.model.bias, "trained": self.trained,
                           "weights": dict(sorted(self.model.weights.items()))})

    def better(self, found: list[Candidate], targeted: bool) -> Candidate | None:
        """The actor to make the target instead of the rules' choice (``targeted``: they made one), if one scores
        higher by the margin."""
        scores = [self.model.probability(list(c.features)) for c in found]
        return preferred(found, scores, self.margin, self.unnamed if targeted else self.none)


def preferred(found: list[Candidate], scores: list[float], margin: float, unscored: float) -> Candidate | None:
    """The best-scoring actor the rules did not choose, if it beats every one they did by ``margin``. A choice
    the sentence does not name, or none, cannot be scored: it counts as ``unscored``."""
    chosen = max((score for c, score in zip(found, scores, strict=True) if c.chosen), default=unscored)
    others = [(score, c) for c, score in zip(found, scores, strict=True) if not c.chosen]
    if not others:
        return None
    score, best = max(others, key=lambda pair: pair[0])
    return best if score > chosen + margin else None


def _well_formed(data: Any) -> bool:
    number = (int, float)
    return isinstance(data, dict) and data.get("format") == FORMAT \
        and all(isinstance(data.get(key), number) for key in ("margin", "unnamed", "none", "bias")) \
        and isinstance(data.get("weights"), dict) and all(isinstance(w, number) for w in data["weights"].values())
