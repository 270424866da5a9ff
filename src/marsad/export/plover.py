"""PLOVER/POLECAT-style event records: the field names event-data users already work with.

One record per event and per (source, target) actor pair, as POLECAT does, with the quad class of
the PLOVER category and the story's provenance (id, publisher, headline, URL, publication date);
a deduplicated story (``--dedup``) adds ``sources`` and every reporting document with its evidence.
"""

from __future__ import annotations

from typing import Any

from marsad.export.records import story_fields
from marsad.store.query import EventRow

_QUAD = {
    **dict.fromkeys(("AGREE", "CONSULT", "SUPPORT", "CONCEDE"), "verbal cooperation"),
    **dict.fromkeys(("COOPERATE", "AID", "RETREAT"), "material cooperation"),
    **dict.fromkeys(("REQUEST", "ACCUSE", "REJECT", "THREATEN"), "verbal conflict"),
    **dict.fromkeys(("PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"), "material conflict"),
}
_NOBODY: dict[str, Any] = {"id": None, "name": None, "country": None}


def plover_records(row: EventRow) -> list[dict[str, Any]]:
    """The POLECAT-style records of one event (one per actor pair; one with empty sides if none)."""
    v = row.values
    records = []
    for source in row.source or [_NOBODY]:
        for target in row.target or [_NOBODY]:
            records.append({
                "event_id": f"{v['doc_id']}#{v['id']}-{source['id'] or ''}-{target['id'] or ''}",
                "event_date": v["date"], "event_type": v["type"], "event_mode": v["mode"],
                "quad_code": _QUAD.get(v["type"]), "contexts": v["context"], "modality": v["modality"],
                "actor_name": source["name"], "actor_id": source["id"], "actor_country": source["country"],
                "recipient_name": target["name"], "recipient_id": target["id"],
                "recipient_country": target["country"],
                "placename": v["location"], "country": v["location_country"],
                "event_text": v["evidence"], "event_text_start": v["evidence_start"],
                "event_text_end": v["evidence_end"], "confidence": v["confidence"],
                "story_id": v["doc_id"], "story_version": v["doc_version"],
                "publication_date": v["published"],
                "publisher": v["outlet"], "headline": v["title"], "url": v["url"], "language": "ar",
                **story_fields(row),
            })
    return records
