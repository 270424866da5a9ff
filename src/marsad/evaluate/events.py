"""Score extracted events against gold, with the matching rule of CONTRACT.md.

An extracted event matches a gold event when the type agrees and some source and some target
agree by country (or id), either way round for symmetric types; with dates, the extracted date
must agree with the gold date at the gold's granularity.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from marsad.model import SYMMETRIC_TYPES, Analysis, actor_code
from marsad.timeutil import calendar_unit, date_start

_DAY_LENGTH = len("2018-06-11")


@dataclass(slots=True)
class EventScore:
    extracted: int = 0
    correct: int = 0           # extracted events matching some gold event
    matched_one_to_one: int = 0
    required: int = 0
    found_required: int = 0
    misses: list[str] = field(default_factory=list)
    false_alarms: list[str] = field(default_factory=list)
    by_type: Counter = field(default_factory=Counter)  # (type, "tp"|"fn"|"fp") counts
    by_confidence: Counter = field(default_factory=Counter)  # (band, matched?): is confidence calibrated?

    @property
    def precision(self) -> float:
        return self.correct / self.extracted if self.extracted else 0.0

    @property
    def precision_one_to_one(self) -> float:
        return self.matched_one_to_one / self.extracted if self.extracted else 0.0

    @property
    def recall(self) -> float:
        return self.found_required / self.required if self.required else 0.0

    def _band_precision(self, band: float) -> str:
        right, wrong = self.by_confidence[band, True], self.by_confidence[band, False]
        return f"{right / (right + wrong):.2f} (n={right + wrong})" if right + wrong else "- (n=0)"

    def report(self, show_errors: bool = True) -> str:
        lines = [
            f"extracted {self.extracted}, gold required {self.required}",
            f"precision {self.precision:.3f}  one-to-one precision {self.precision_one_to_one:.3f}  "
            f"recall (required) {self.recall:.3f}",
            "per type (tp/fp/fn): " + ", ".join(
                f"{t} {self.by_type[t, 'tp']}/{self.by_type[t, 'fp']}/{self.by_type[t, 'fn']}"
                for t in sorted({t for t, _ in self.by_type})),
            "precision by confidence: " + ", ".join(
                f"{band:.1f}-{band + 0.2:.1f} {self._band_precision(band)}" for band in _BANDS),
        ]
        if show_errors:
            lines += ["", "missed required events:"] + [f"  {m}" for m in self.misses]
            lines += ["", "extracted events matching no gold event:"] + [f"  {m}" for m in self.false_alarms]
        return "\n".join(lines)


_BANDS = (0.0, 0.2, 0.4, 0.6, 0.8)


def _band(confidence: float) -> float:
    return max(b for b in _BANDS if confidence >= b - 1e-9)


def _codes(side: list[Any]) -> set[str]:
    """Codes of an event side: gold lists strings; extracted events list actor refs."""
    codes = set()
    for item in side or []:
        if isinstance(item, str):
            codes.add(item)
        else:
            codes.add(actor_code(item.get("country"), item["id"], item.get("org")))
    return codes


def dates_agree(extracted: str | None, gold: str | None) -> bool:
    """Equal at the gold's granularity; an interval agrees with itself or with its first day. A week or a
    season is no prefix of the month or year it falls in (2018-W24 is in 2018-06): it agrees with a coarser gold
    date by its first day, and a day agrees with a gold week that holds it."""
    if not gold:
        return True
    if not extracted:
        return False
    gold_first, first = gold.split("/")[0], extracted.split("/")[0]
    if extracted == gold or extracted.startswith(gold) or first == gold_first:
        return True
    start = date_start(first)
    if start is None:
        return False
    if calendar_unit(first) and len(gold_first) < _DAY_LENGTH:
        return start.isoformat().startswith(gold_first)
    week_start = date_start(gold_first) if calendar_unit(gold_first) == "week" else None
    return week_start is not None and len(first) == _DAY_LENGTH and 0 <= (start - week_start).days < 7


def events_match(extracted: dict[str, Any], gold: dict[str, Any], with_dates: bool, published: str | None) -> bool:
    if extracted["type"] != gold["type"]:
        return False
    source, target = _codes(extracted["source"]), _codes(extracted["target"])
    gold_source, gold_target = _codes(gold["source"]), _codes(gold["target"])
    forward = bool(source & gold_source) and bool(target & gold_target)
    backward = bool(source & gold_target) and bool(target & gold_source)
    if not (forward or (gold["type"] in SYMMETRIC_TYPES and backward)):
        return False
    if not with_dates or (gold.get("date_requires_publication") and not published):
        return True  # the gold date follows only from a publication date the document does not give
    return dates_agree(extracted.get("date"), gold.get("date"))


def _describe(event: dict[str, Any]) -> str:
    source, target = ",".join(sorted(_codes(event["source"]))), ",".join(sorted(_codes(event["target"])))
    evidence = event["evidence"]["text"] if isinstance(event.get("evidence"), dict) else event.get("evidence", "")
    return f"{event['type']}/{event.get('mode')} {source} -> {target} {event.get('date')}  «{evidence[:80]}»"


def score_document(score: EventScore, analysis: Analysis, gold: dict[str, Any], with_dates: bool) -> None:
    """Add one document's counts to ``score``."""
    extracted = [e.to_dict() for e in analysis.events]
    gold_events = gold.get("events", [])
    score.extracted += len(extracted)
    used: set[int] = set()
    for event in extracted:
        hits = [i for i, g in enumerate(gold_events) if events_match(event, g, with_dates, analysis.published)]
        score.by_confidence[_band(event["confidence"]), bool(hits)] += 1
        if hits:
            score.correct += 1
            score.by_type[event["type"], "tp"] += 1
            free = [i for i in hits if i not in used]
            if free:
                used.add(free[0])
                score.matched_one_to_one += 1
        else:
            score.by_type[event["type"], "fp"] += 1
            score.false_alarms.append(f"{analysis.id}: {_describe(event)}")
    for g in gold_events:
        if not g.get("required", True):
            continue
        score.required += 1
        if any(events_match(e, g, with_dates, analysis.published) for e in extracted):
            score.found_required += 1
        else:
            score.by_type[g["type"], "fn"] += 1
            score.misses.append(f"{analysis.id}: {_describe(g)}")
