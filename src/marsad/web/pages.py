"""Server-rendered pages: every view is a URL carrying its filters, so it can be shared."""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse

from marsad.export.network import actor_graph
from marsad.store import Store
from marsad.store import query as q
from marsad.store.overview import overview
from marsad.store.query import EventFilter
from marsad.web.api import NETWORK_EVENTS, actor_details, document_or_404, ranked_actors
from marsad.web.charts import network_layout, timeline_bars
from marsad.web.deps import opened
from marsad.web.highlight import highlight, marks_of
from marsad.web.params import EventQuery, event_query
from marsad.web.render import render

router = APIRouter(include_in_schema=False)
QueryDep = Annotated[EventQuery, Depends(event_query)]
ACTOR_EVENTS = 100


def with_params(request: Request, **changes: Any) -> str:
    """This page's URL with some parameters replaced (None drops one): links that keep the other filters."""
    items = [(k, v) for k, v in request.query_params.multi_items() if k not in changes and k != "offset"]
    items += [(k, v) for k, v in changes.items() if v is not None]
    return f"{request.url.path}?{urlencode(items)}" if items else request.url.path


def _choices(request: Request, db: Store) -> dict[str, Any]:
    """What the filter bar offers: the countries and event types present in the store (cached)."""
    cache = request.app.state.cache
    return {"countries": cache.get(db, "countries", q.countries),
            "types": list(cache.get(db, "types", q.event_types))}


@router.get("/", response_class=HTMLResponse)
def home(request: Request) -> HTMLResponse:
    with opened(request) as db:
        cache = request.app.state.cache
        return render(request, "home.html", stats=cache.get(db, "stats", q.stats),
                      actors=ranked_actors(request, db)[:20],
                      **_choices(request, db))


@router.get("/events", response_class=HTMLResponse)
def events(request: Request, eq: QueryDep) -> HTMLResponse:
    with opened(request) as db:
        view = overview(db, eq.filter, NETWORK_EVENTS)
        nodes, edges = network_layout(actor_graph(view.links))
        return render(
            request, "events.html", rows=view.rows, total=view.total, eq=eq, bars=timeline_bars(view.timeline),
            nodes=nodes, edges=edges, selected_types=list(eq.filter.types), with_params=with_params,
            **_choices(request, db),
        )


@router.get("/actors/{actor_id}", response_class=HTMLResponse)
def actor(request: Request, actor_id: str) -> HTMLResponse:
    with opened(request) as db:
        details = actor_details(db, actor_id)
        rows = q.events(db, EventFilter(actor_id=actor_id, limit=ACTOR_EVENTS))
    return render(request, "actor.html", actor=details, rows=rows, limit=ACTOR_EVENTS)


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
def document(request: Request, doc_id: str, event: int | None = None) -> HTMLResponse:
    with opened(request) as db:
        found = document_or_404(db, doc_id)
    article = highlight(found["text"], marks_of(found, event))
    return render(request, "document.html", doc=found, article=article, selected=event)
