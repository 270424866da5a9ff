"""Score actor linking at the mention level against gold of the seeds' form.

Every occurrence of every gold mention string counts; it is covered when an extracted entity
overlaps it and is linked to the gold actor's country (or id). Person mentions are also scored
for the right person, compared by name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from marsad.model import Analysis, Entity
from marsad.text.normalize import normalize_key


@dataclass(slots=True)
class ActorScore:
    mentions: int = 0
    covered: int = 0
    person_mentions: int = 0
    person_covered: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def coverage(self) -> float:
        return self.covered / self.mentions if self.mentions else 0.0

    @property
    def person_accuracy(self) -> float:
        return self.person_covered / self.person_mentions if self.person_mentions else 0.0

    def report(self, show_errors: bool = True) -> str:
        lines = [
            f"mention occurrences linked to the right country or id: {self.covered}/{self.mentions} "
            f"= {self.coverage:.3f}",
            f"person mention occurrences linked to the right person: {self.person_covered}/{self.person_mentions} "
            f"= {self.person_accuracy:.3f}",
        ]
        if show_errors:
            lines += ["", "misses:"] + [f"  {m}" for m in self.misses]
        return "\n".join(lines)


def _name_key(name: str | None) -> set[str]:
    return {w for w in re.split(r"[\s\-.]+", (name or "").lower()) if len(w) > 2}


def _code_matches(entity: Entity, gold: dict[str, Any]) -> bool:
    actor = entity.actor
    if actor is None:
        return False
    country = gold.get("country")
    if country and country != "IGO":
        return actor.code == country  # gold puts stateless ids (HEZBOLLAH) in `country` too
    # IGOs without a code in the gold: compare the id with the gold name or id (NATO, UN, AQIM ...)
    wanted = {gold.get("id"), (gold.get("name") or "").upper()}
    return actor.code in wanted or bool(_name_key(actor.name) & _name_key(gold.get("name")))


def _person_matches(entity: Entity, gold: dict[str, Any]) -> bool:
    """The right KB person (by English name), or, for someone the KB does not know, the new person
    actor named by one of the gold surface forms (so every mention of them links to the same actor)."""
    actor = entity.actor
    if actor is None or actor.kind != "person":
        return False
    if _name_key(actor.name) & _name_key(gold.get("name")):
        return True
    return normalize_key(actor.name) in {normalize_key(m) for m in gold.get("mentions", [])}


def _occurrences(text: str, mention: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(re.escape(mention), text)]


def score_document(score: ActorScore, analysis: Analysis, gold: dict[str, Any]) -> None:
    """Add one document's mention counts to ``score``."""
    text = analysis.text
    for actor in gold.get("actors", []):
        scored_country = bool(actor.get("country")) or bool(actor.get("id"))
        is_person = actor.get("type") == "PER"
        seen: set[tuple[int, int]] = set()
        for mention in sorted(actor.get("mentions", []), key=len, reverse=True):
            for start, end in _occurrences(text, mention):
                if any(s <= start and end <= e for s, e in seen):
                    continue  # a shorter mention inside a longer one already counted
                seen.add((start, end))
                overlapping = [e for e in analysis.entities if e.start < end and start < e.end]
                if scored_country:
                    score.mentions += 1
                    if any(_code_matches(e, actor) for e in overlapping):
                        score.covered += 1
                    else:
                        score.misses.append(f"{analysis.id}: {mention!r} ({actor.get('name')}, "
                                            f"{actor.get('country')}) at {start}")
                if is_person:
                    score.person_mentions += 1
                    if any(_person_matches(e, actor) for e in overlapping):
                        score.person_covered += 1
