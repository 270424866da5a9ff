"""The one data model every stage speaks, and its JSON form (``../CONTRACT.md``).

Spans always index the *original* text the user gave: ``text[start:end] == span.text``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

SCHEMA_ID = "marsad.analysis/1"

ENTITY_TYPES = ("PER", "ORG", "GPE", "LOC", "MISC")
TIMEX_TYPES = ("DATE", "TIME", "DURATION", "SET")
MODALITIES = ("asserted", "planned", "negated", "hypothetical")
PUBLISHED_SOURCES = ("given", "dateline", "inferred")
PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE",
    "COOPERATE", "AID", "RETREAT",
    "REQUEST", "ACCUSE", "REJECT", "THREATEN",
    "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
SYMMETRIC_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})


@dataclass(slots=True)
class Document:
    """An input article. ``published`` is an ISO date (or datetime) string when known."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    lang: str | None = None

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        known = {k: data.get(k) for k in ("title", "url", "outlet", "published", "lang")}
        return cls(id=str(data["id"]), text=data["text"], **known)


@dataclass(slots=True)
class Actor:
    """A coded actor: a state, an organization or a person from the knowledge base (or new)."""

    id: str
    name: str
    country: str | None
    kind: str  # state | organization | person | place
    role: str | None = None
    score: float | None = None
    sector: str | None = None  # GOV, MIL, SPY, COP, IGO, REB, MED ... (the KB's sector codes)
    org: str | None = None  # the organization a person acts for on the date (UN for its Secretary-General)

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if v is not None or k == "country"}

    def ref(self) -> dict[str, Any]:
        """The short form events use for their source and target."""
        ref = {"id": self.id, "name": self.name, "country": self.country}
        if self.org:
            ref["org"] = self.org
        return ref

    @property
    def code(self) -> str:
        """The event-data code: the state, or for stateless actors the body they belong to (UN.SC -> UN)."""
        return actor_code(self.country, self.id, self.org)


def actor_code(country: str | None, actor_id: str, org: str | None = None) -> str:
    """ISO3 for anything belonging to a state; the top-level id (UN, NATO, HAMAS) otherwise, and for a
    person acting for an organization (Ban Ki-moon as Secretary-General), that organization's."""
    return country or (org or actor_id).split(".")[0]


@dataclass(slots=True)
class Span:
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(slots=True)
class Entity:
    start: int
    end: int
    text: str
    type: str
    actor: Actor | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start, "end": self.end, "text": self.text, "type": self.type,
            "actor": self.actor.to_dict() if self.actor else None,
        }


@dataclass(slots=True)
class Timex:
    start: int
    end: int
    text: str
    type: str
    value: str | None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Location:
    name: str
    country: str | None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "country": self.country}


@dataclass(slots=True)
class Event:
    type: str
    mode: str | None
    source: list[Actor]
    target: list[Actor]
    evidence: Span
    date: str | None = None
    location: Location | None = None
    modality: str = "asserted"
    context: list[str] = field(default_factory=list)
    confidence: float = 0.5
    trigger: Span | None = None
    mentions: list[Span] = field(default_factory=list)  # further restatements of the same event

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "type": self.type, "mode": self.mode, "context": list(self.context),
            "source": [a.ref() for a in self.source], "target": [a.ref() for a in self.target],
            "date": self.date, "location": self.location.to_dict() if self.location else None,
            "modality": self.modality, "evidence": self.evidence.to_dict(),
            "confidence": round(self.confidence, 3),
        }
        if self.trigger:
            data["trigger"] = self.trigger.to_dict()
        if self.mentions:
            data["mentions"] = [m.to_dict() for m in self.mentions]
        return data


@dataclass(slots=True)
class Analysis:
    """Everything marsad found in one document."""

    id: str
    text: str
    published: str | None = None
    published_source: str | None = None
    entities: list[Entity] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    ignored: list[tuple[int, int]] = field(default_factory=list)  # boilerplate regions, not the article

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "schema": SCHEMA_ID,
            "published": self.published,
            "published_source": self.published_source,
            "entities": [e.to_dict() for e in self.entities],
            "timexes": [t.to_dict() for t in self.timexes],
            "events": [e.to_dict() for e in self.events],
        }
