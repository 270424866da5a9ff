"""One record per real-world event per article: restatements merge, distinct acts stay apart."""

from __future__ import annotations

from collections.abc import Set

from marsad.model import SYMMETRIC_TYPES, Event
from marsad.timeutil import date_start

_RECALLED_DAYS = 7  # a stated date this long before a guessed one tells of another occasion


def _key(event: Event) -> tuple:
    source = frozenset(a.code for a in event.source)
    target = frozenset(a.code for a in event.target)
    sides = frozenset({source, target}) if event.type in SYMMETRIC_TYPES else (source, target)
    return event.type, sides


def _same_act(kept: Event, event: Event) -> bool:
    """The same mode, or evidence that overlaps: two triggers of one act (شنت قصفا صاروخيا: bomb and fire)."""
    return kept.mode == event.mode or any(
        span.start < event.evidence.end and event.evidence.start < span.end for span in (kept.evidence, *kept.mentions))


def _compatible(a: str | None, b: str | None) -> bool:
    """Dates that may name the same day: equal, one unknown, or one a prefix (2023-04 and 2023-04-07)."""
    return a is None or b is None or a.startswith(b) or b.startswith(a)


def _long_before(stated: str | None, guessed: str | None) -> bool:
    """A stated date that begins more than a week before the day a mention was guessed to have: a past
    occasion the story recalls, not the one it reports."""
    stated_start, guessed_start = date_start(stated or ""), date_start(guessed or "")
    return stated_start is not None and guessed_start is not None and (
        guessed_start - stated_start).days > _RECALLED_DAYS


def _same_occasion(kept: Event, event: Event, guessed: set[int], nominal: set[int]) -> bool:
    if _compatible(kept.date, event.date):
        return True
    if (id(kept) in guessed) == (id(event) in guessed):
        return False
    undated, dated = (kept, event) if id(kept) in guessed else (event, kept)
    if _long_before(dated.date, undated.date):
        return False  # the lead's act today is not the attack of 2014 the story recalls (هجوم شيبوك عام 2014)
    return "planned" in (kept.modality, event.modality) or id(undated) in nominal


def merge_events(events: list[Event], inherited: Set[int] = frozenset(),
                 nominal: Set[int] = frozenset()) -> list[Event]:
    """Fold restatements (same type, parties and mode or overlapping evidence, a compatible date) into the
    first mention.

    ``inherited`` holds the ids of events dated only by their context (the story's day, the paragraph's
    last date): such a date yields to the stated date of a planned restatement ("ميركل في زيارة لتونس" in
    the lead, then "تزور ... تونس في 3 مارس"), and a ``nominal`` mention's to any stated date (بمناسبة
    زيارته refers back to the visit dated earlier). A verb with a stated other date is another occasion.
    """
    merged: list[Event] = []
    by_key: dict[tuple, list[Event]] = {}
    guessed = set(inherited)
    for event in events:
        candidates = by_key.setdefault(_key(event), [])
        same = next((m for m in candidates if _same_act(m, event) and _same_occasion(m, event, guessed, nominal)), None)
        if same is None:
            merged.append(event)
            candidates.append(event)
            continue
        same.mentions.append(event.evidence)
        if id(same) in guessed and id(event) not in guessed:
            same.date, same.modality = event.date, event.modality
            guessed.discard(id(same))
        elif same.date is None or (event.date and len(event.date) > len(same.date)):
            same.date = event.date
        same.location = same.location or event.location
        same.confidence = max(same.confidence, event.confidence)
        same.context += [c for c in event.context if c not in same.context]
    return merged
