"""The events page in one pass: a page of events, their total, their monthly timeline and the network's events.

The network reads the first ``limit`` matching events (id, type, date, actors). When that is every
matching event, the total and the timeline are counted from them and the page is cut from them, instead
of three more queries evaluating the same filter; otherwise those queries run. Results are the same.
"""

from __future__ import annotations

from dataclasses import dataclass

from marsad.store import query
from marsad.store.engine import Store
from marsad.store.query import EventFilter, EventRow


@dataclass(slots=True)
class Overview:
    rows: list[EventRow]  # the page ``flt.offset``/``flt.limit`` asks for, with evidence
    total: int
    timeline: list[tuple[str, str, int]]  # (month, type, count), as query.timeline
    links: list[EventRow]  # the first ``limit`` events, as query.links: what the network is drawn from


def overview(store: Store, flt: EventFilter, limit: int) -> Overview:
    """What the events page shows for ``flt``, the network drawn from at most ``limit`` events."""
    links = query.links(store, flt, limit + 1)  # one more than drawn: is every matching event here?
    if len(links) > limit:
        return Overview(query.events(store, flt), query.count_events(store, flt), query.timeline(store, flt),
                        links[:limit])
    page = links[flt.offset:flt.offset + flt.limit] if flt.limit else links
    rows = page if flt.dedup else query.by_ids(store, [r.values["id"] for r in page])
    return Overview(rows, len(links), query.period_counts(links), links)
