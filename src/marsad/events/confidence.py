"""How often an extracted event is right, learned from the development gold.

The extractor's rules say what they found; how far to trust it depends on which rules fired, where, and
how. A logistic model over those decisions (trigger, form, argument rules, cues, the story's shape) gives
each event its confidence, and the events least likely to be right are dropped. The model is plain data
(``data/models/events/confidence.json``), trained by ``marsad train confidence``.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from marsad.errors import DataFileError
from marsad.events.dating import is_title_line

if TYPE_CHECKING:
    from marsad.events.extractor import Found
    from marsad.model import Entity, Event

FORMAT = "marsad-event-confidence/1"
_QUOTES = ('"', "«", "“", "”", "»")
_LEAD_SHARE = 0.1  # the first tenth of the text: the lead, where a story's own events are told


def default_path() -> Path:
    return Path(str(resources.files("marsad") / "data" / "models" / "events" / "confidence.json"))


def read_model(path: Path, what: str, well_formed: Callable[[Any], bool], expected: str) -> Any:
    """A learned model's JSON, or an error naming the file: it cannot be read, or is not ``what`` (``expected``
    lists what it must hold)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        raise DataFileError(str(path), None, f"cannot read {what}: {error}") from None
    if not well_formed(data):
        raise DataFileError(str(path), None, f"not {what} ({expected})")
    return data


def write_model(path: Path, data: dict[str, Any], indent: int = 1) -> None:
    """A learned model's JSON, written where ``read_model`` will find it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=indent) + "\n", encoding="utf-8")


def _well_formed(data: Any) -> bool:
    number = (int, float)
    return isinstance(data, dict) and data.get("format") == FORMAT and isinstance(data.get("weights"), dict) \
        and all(isinstance(w, number) for w in data["weights"].values()) \
        and isinstance(data.get("bias"), number) and isinstance(data.get("threshold"), number)


def event_features(item: Found, event: Event, events_in_document: int, text: str,
                   parties_in_sentence: int) -> list[str]:
    """What the model weighs, as names: the same for training and for use. ``parties_in_sentence``: how many
    different actors the trigger's sentence names (the more, the easier to pick the wrong one)."""
    rules = [*item.rules, "-", "-", "-"]
    kind, form = event.type, item.hit.form
    position = (event.trigger.start if event.trigger else event.evidence.start) / max(1, len(text))
    sentence = text[item.sentence[0]:item.sentence[1]]
    features = [
        f"trigger={item.trigger.id}", f"type={kind}", f"form={form}", f"type|form={kind}|{form}",
        f"source_rule={rules[0]}", f"target_rule={rules[1]}", f"third_rule={rules[2]}",
        f"type|source_rule={kind}|{rules[0]}", f"type|target_rule={kind}|{rules[1]}",
        f"rules={rules[0]}|{rules[1]}", f"modality={event.modality}",
        f"dated_by_context={item.date_from_context}",
        "source=" + "+".join(sorted({a.kind for a in event.source})),
        "target=" + "+".join(sorted({a.kind for a in event.target})),
        f"lead={position < _LEAD_SHARE}", f"position={min(4, int(position * 5))}",
        f"events_in_document={min(5, events_in_document // 3)}",
        f"several_parties={len(event.source) > 1 or len(event.target) > 1}",
        f"restated={min(2, len(event.mentions))}", f"evidence_length={min(4, len(event.evidence.text) // 40)}",
        f"rule_confidence={int(event.confidence * 10)}", f"strength={int(item.trigger.strength * 10)}",
    ]
    features += [f"cue={cue}" for cue in sorted(set(item.cues))]
    date = event.date or ""
    features += [f"prefix={item.prefix or '-'}", f"pronoun_suffix={bool(item.suffix)}",
                 f"date={'none' if not date else 'day' if len(date) == 10 else 'month' if len(date) == 7 else 'other'}",
                 f"domestic={bool({a.code for a in event.source} & {a.code for a in event.target})}",
                 f"parties_in_sentence={min(6, parties_in_sentence)}",
                 f"headline={is_title_line(text, item.sentence)}", f"quoted={any(q in sentence for q in _QUOTES)}"]
    return features


def described(found: list[Found], events: list[Event], text: str,
              entities: list[Entity]) -> list[tuple[Event, Found, list[str]]]:
    """Each event with the trigger it came from and its features: what the model weighs, in training and in use."""
    by_event = {id(item.event): item for item in found if item.event is not None}
    rows = []
    for event in events:
        item = by_event[id(event)]
        parties = _parties_in(entities, item.sentence)
        rows.append((event, item, event_features(item, event, len(events), text, parties)))
    return rows


def _parties_in(entities: list[Entity], sentence: tuple[int, int]) -> int:
    """The number of different actors named in a sentence."""
    return len({e.actor.code for e in entities if e.actor is not None and sentence[0] <= e.start < sentence[1]})


@dataclass(frozen=True)
class ConfidenceModel:
    """Weights per feature name, a bias, and the probability under which an event is dropped."""

    weights: dict[str, float]
    bias: float
    threshold: float
    trained: dict[str, Any] = field(default_factory=dict)  # what it was trained on, and its cross-validation

    @classmethod
    def load(cls, path: Path | None = None) -> ConfidenceModel:
        data = read_model(path or default_path(), "an event confidence model", _well_formed,
                          f"{FORMAT}: format, weights, bias, threshold")
        return cls(data["weights"], float(data["bias"]), float(data["threshold"]), data.get("trained", {}))

    def save(self, path: Path) -> None:
        write_model(path, {"format": FORMAT, "bias": self.bias, "threshold": self.threshold, "trained": self.trained,
                           "weights": dict(sorted(self.weights.items()))})

    def with_threshold(self, threshold: float) -> ConfidenceModel:
        return replace(self, threshold=threshold)

    def probability(self, features: list[str]) -> float:
        score = self.bias + sum(self.weights.get(name, 0.0) for name in features)
        return 1.0 / (1.0 + math.exp(-score))

    def apply(self, found: list[Found], events: list[Event], text: str, entities: list[Entity]) -> list[Event]:
        """Give each event its learned confidence; keep those at or above the threshold. A dropped event's
        trigger says why (``marsad explain``)."""
        kept = []
        for event, item, features in described(found, events, text, entities):
            event.confidence = self.probability(features)
            if event.confidence >= self.threshold:
                kept.append(event)
            else:
                item.decision = f"unlikely: learned confidence {event.confidence:.3f} < {self.threshold:.2f}"
        return kept
