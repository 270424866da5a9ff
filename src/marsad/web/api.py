"""The JSON API: the CLI's queries over HTTP, with the CLI's option names as query parameters."""

from __future__ import annotations

import io
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import Response

from marsad.export import write_events
from marsad.export.network import links_graph
from marsad.export.records import nested
from marsad.store import Store
from marsad.store import query as q
from marsad.store.query import EventFilter, EventRow
from marsad.web.deps import opened
from marsad.web.params import MAX_LIMIT, EventQuery, bounded, event_query

NETWORK_EVENTS = 5000  # events drawn into one network: enough for any readable graph
router = APIRouter(prefix="/api", tags=["api"])
QueryDep = Annotated[EventQuery, Depends(event_query)]


def event_record(row: EventRow) -> dict[str, Any]:
    """The CONTRACT-shaped event (as ``marsad events --format jsonl``) with its store id."""
    return {"id": row.values["id"], **nested(row)}


def _download(body: bytes, media: str, name: str) -> Response:
    return Response(body, media_type=media, headers={"Content-Disposition": f'attachment; filename="{name}"'})


@router.get("/events", summary="events (stories, with dedup=1) matching the filters, latest first")
def events(
    request: Request, eq: QueryDep, format: Literal["json", "csv", "jsonl"] = "json",
) -> Any:
    with opened(request) as db:
        rows = q.events(db, eq.filter)
        total = q.count_events(db, eq.filter)
    if format == "json":
        return {"total": total, "limit": eq.limit, "offset": eq.offset, "events": [event_record(r) for r in rows]}
    out = io.BytesIO()
    write_events(rows, format, out, stories=eq.filter.dedup)
    media = "text/csv; charset=utf-8" if format == "csv" else "application/x-ndjson"
    return _download(out.getvalue(), media, f"marsad-events.{format}")


@router.get("/timeline", summary="event (story, with dedup=1) counts per period and type")
def timeline(request: Request, eq: QueryDep, by: Literal["year", "month", "day"] = "month") -> list[dict[str, Any]]:
    with opened(request) as db:
        return [{"period": p, "type": t, "count": n} for p, t, n in q.timeline(db, eq.filter, by=by)]


@router.get("/actors", summary="actors by number of events; with q, autocomplete in Arabic or English")
def actors(
    request: Request, q_: Annotated[str | None, Query(alias="q", max_length=200)] = None,
    country: Annotated[str | None, Query(pattern="^[A-Za-z]{3}$")] = None, limit: int = 50,
) -> list[dict[str, Any]]:
    limit = bounded("limit", limit, MAX_LIMIT, 1)
    with opened(request) as db:
        if q_ and q_.strip():
            rows = q.actor_suggestions(db, q_.strip(), limit)
            return [dict(zip(("id", "name", "country", "kind", "arabic"), r, strict=True)) for r in rows]
        rows = ranked_actors(request, db, country)[:limit]
    return [dict(zip(("id", "name", "country", "kind", "events"), r, strict=True)) for r in rows]


def ranked_actors(request: Request, db: Store, country: str | None = None) -> list[tuple]:
    """The :data:`MAX_LIMIT` actors (of ``country``) with the most events, cached until the store changes:
    ranking them counts every actor's events (seconds at 100,000 events)."""
    code = country.upper() if country else None
    return request.app.state.cache.get(db, f"actors {code or ''}",
                                       lambda store: q.actors(store, country=code, limit=MAX_LIMIT))


def actor_details(db: Store, actor_id: str) -> dict[str, Any]:
    """An actor, how it acted over time, and its counterparts; 404 when unknown."""
    found = q.actor(db, actor_id)
    if found is None:
        raise HTTPException(404, f"no actor {actor_id!r}")
    return {
        **dict(zip(("id", "name", "country", "kind"), found, strict=True)),
        "roles": [{"year": y, "role": r, "type": t, "count": n} for y, r, t, n in q.actor_roles(db, actor_id)],
        "counterparts": [dict(zip(("id", "name", "country", "events"), r, strict=True))
                         for r in q.counterparts(db, actor_id)],
    }


@router.get("/actors/{actor_id}", summary="one actor: roles over time (as source or target), counterparts")
def actor(request: Request, actor_id: str) -> dict[str, Any]:
    with opened(request) as db:
        return actor_details(db, actor_id)


def document_or_404(db: Store, doc_id: str) -> dict[str, Any]:
    found = q.document(db, doc_id)
    if found is None:
        raise HTTPException(404, f"no document {doc_id!r}")
    return found


@router.get("/documents/{doc_id}", summary="a document's text with its entities, dates and events (offsets)")
def document(request: Request, doc_id: str) -> dict[str, Any]:
    with opened(request) as db:
        found = document_or_404(db, doc_id)
    return {**found, "events": [event_record(r) for r in found["events"]]}


def network_links(db: Store, flt: EventFilter) -> list[q.ActorLink]:
    """The counted links a network is drawn from: the filter's events, up to :data:`NETWORK_EVENTS` (not one
    page), counted in SQL rather than read one by one."""
    return q.network_links(db, flt, NETWORK_EVENTS)


@router.get("/network", summary="actor network: nodes actors, edges source -> target weighted by events")
def network(request: Request, eq: QueryDep) -> dict[str, Any]:
    with opened(request) as db:
        graph = links_graph(network_links(db, eq.filter))
    return {
        "nodes": [{"id": n, "name": d["label"], "country": d["country"] or None} for n, d in graph.nodes(data=True)],
        "edges": [{"source": s, "target": t, "weight": d["weight"],
                   "types": {k: int(v) for k, v in (p.split(":") for p in d["types"].split(";"))}}
                  for s, t, d in graph.edges(data=True)],
    }

