"""Stories: the same real-world event reported by several articles, grouped into one row with all its sources.

Two events are one story when they have the same type, the same source and target codes (a country,
else the actor id; for the symmetric types the unordered pair of sides), dates at most one day apart
(both day-precise) or equal (coarser), and compatible locations (equal, or one missing). Undated
events are never merged: "no date" is not evidence of the same day. The earliest event represents
the story and a story's dates span at most two days (no chaining across a week of follow-ups).
Grouping happens at query time in Python, so it needs no schema and follows every filter.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Hashable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from marsad.store.writer import key

if TYPE_CHECKING:
    from marsad.store.query import EventRow

SYMMETRIC_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _codes(actors: list[dict[str, Any]]) -> frozenset[str]:
    return frozenset(a["country"] or a.get("org") or a["id"] for a in actors)


def story_key(row: EventRow) -> Hashable:
    """Type and sides of an event, the sides unordered for the types where who-met-whom has no direction."""
    source, target = _codes(row.source), _codes(row.target)
    sides: Hashable = frozenset((source, target)) if row.values["type"] in SYMMETRIC_TYPES else (source, target)
    return row.values["type"], sides


def _day(date: str) -> dt.date | None:
    return dt.date.fromisoformat(date) if _DAY.fullmatch(date) else None


class _Story:
    """An open story while grouping: its earliest event, its known location, its members."""

    __slots__ = ("first", "location", "members")

    def __init__(self, first: EventRow) -> None:
        self.first = first
        self.location = key(first.values["location"])
        self.members = [first]

    def accepts(self, row: EventRow) -> bool:
        place = key(row.values["location"])
        return not place or not self.location or place == self.location

    def add(self, row: EventRow) -> None:
        self.members.append(row)
        self.location = self.location or key(row.values["location"])

    def row(self) -> EventRow:
        """The earliest event, with every member's document and evidence."""
        documents = [{"doc_id": m.values["doc_id"], "evidence": m.values["evidence"]} for m in self.members]
        return replace(self.first, documents=documents)


def group_stories(rows: Sequence[EventRow]) -> list[EventRow]:
    """One row per story, in the order of the rows their earliest event had (so a query's order holds)."""
    position = {id(row): i for i, row in enumerate(rows)}
    dated = sorted((r for r in rows if r.values["date"]), key=lambda r: (r.values["date"], r.values["id"]))
    by_time: dict[tuple[Hashable, Any], list[_Story]] = defaultdict(list)
    stories = [_Story(r) for r in rows if not r.values["date"]]
    for row in dated:
        date, k = row.values["date"], story_key(row)
        day = _day(date)
        # Stories are indexed by their first event's date, which sorting makes the earliest.
        slots = [(k, day - dt.timedelta(days=1)), (k, day)] if day else [(k, date)]
        story = next((s for slot in slots for s in by_time.get(slot, ()) if s.accepts(row)), None)
        if story is None:
            story = _Story(row)
            by_time[slots[-1]].append(story)
            stories.append(story)
        else:
            story.add(row)
    stories.sort(key=lambda s: position[id(s.first)])
    return [s.row() for s in stories]
