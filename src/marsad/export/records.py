"""Event rows as records: flat (one value per column) and nested (the CONTRACT event plus its document)."""

from __future__ import annotations

import json
from typing import Any

from marsad.store.query import EventRow

# Flat columns and their Arrow types: the one description CSV and Parquet both follow.
FLAT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("event_id", "int64"), ("doc_id", "string"), ("doc_version", "int64"), ("published", "string"),
    ("date", "string"), ("type", "string"), ("mode", "string"), ("modality", "string"),
    ("source_ids", "string"), ("source_names", "string"), ("source_countries", "string"),
    ("target_ids", "string"), ("target_names", "string"), ("target_countries", "string"),
    ("location", "string"), ("location_country", "string"), ("confidence", "float64"),
    ("evidence_start", "int64"), ("evidence_end", "int64"), ("evidence", "string"), ("context", "string"),
    ("title", "string"), ("url", "string"), ("outlet", "string"),
)
# What a story adds: how many documents report it, and each member's document and evidence (JSON).
STORY_COLUMNS: tuple[tuple[str, str], ...] = (("sources", "int64"), ("documents", "string"))


def flat_columns(stories: bool) -> tuple[tuple[str, str], ...]:
    """The flat columns of events, or of stories (``--dedup``)."""
    return FLAT_COLUMNS + STORY_COLUMNS if stories else FLAT_COLUMNS


def _joined(actors: list[dict[str, Any]], field: str) -> str:
    return ";".join(str(a[field] or "") for a in actors)


def flat(row: EventRow) -> dict[str, Any]:
    """One event (or story) as a flat record; several actors on a side are joined with ``;``."""
    v = row.values
    record = {
        "event_id": v["id"], "doc_id": v["doc_id"], "doc_version": v["doc_version"],
        "published": v["published"],
        "date": v["date"], "type": v["type"], "mode": v["mode"], "modality": v["modality"],
        "location": v["location"], "location_country": v["location_country"], "confidence": v["confidence"],
        "evidence_start": v["evidence_start"], "evidence_end": v["evidence_end"], "evidence": v["evidence"],
        "context": ";".join(v["context"]), "title": v["title"], "url": v["url"], "outlet": v["outlet"],
    }
    for side, actors in (("source", row.source), ("target", row.target)):
        record[f"{side}_ids"] = _joined(actors, "id")
        record[f"{side}_names"] = _joined(actors, "name")
        record[f"{side}_countries"] = _joined(actors, "country")
    if row.documents is not None:
        record["sources"] = row.sources
        record["documents"] = json.dumps(row.documents, ensure_ascii=False)
    return {name: record[name] for name, _ in flat_columns(row.documents is not None)}


def nested(row: EventRow) -> dict[str, Any]:
    """One event in its CONTRACT shape, with the document it comes from (a story: with all its documents)."""
    v = row.values
    location = {"name": v["location"], "country": v["location_country"]} if v["location"] else None
    return {
        "doc_id": v["doc_id"], "doc_version": v["doc_version"], "published": v["published"],
        "title": v["title"], "url": v["url"], "outlet": v["outlet"],
        "type": v["type"], "mode": v["mode"], "context": v["context"],
        "source": row.source, "target": row.target, "date": v["date"], "location": location,
        "modality": v["modality"],
        "evidence": {"start": v["evidence_start"], "end": v["evidence_end"], "text": v["evidence"]},
        "confidence": v["confidence"],
    } | story_fields(row)


def story_fields(row: EventRow) -> dict[str, Any]:
    """``sources`` and ``documents`` of a story; nothing for a single event."""
    return {} if row.documents is None else {"sources": row.sources, "documents": row.documents}
