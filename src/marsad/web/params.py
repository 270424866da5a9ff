"""Query parameters shared by the API and the pages, named like the CLI options, validated once.

Anything out of bounds becomes :class:`BadRequest`, answered with 400 and its message.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Annotated

from fastapi import Query

from marsad.store.dates import date_bounds
from marsad.store.query import EventFilter

MAX_LIMIT = 500
MAX_OFFSET = 1_000_000
MAX_TEXT = 200
_COUNTRY = re.compile(r"[A-Za-z]{3}")
_TYPE = re.compile(r"[A-Za-z_]{2,32}")
_MODE = re.compile(r"[\w-]{1,40}")


class BadRequest(ValueError):
    """A parameter the user can fix; the message says which and how."""


def _text(name: str, value: str | None) -> str | None:
    value = (value or "").strip()
    if len(value) > MAX_TEXT:
        raise BadRequest(f"{name}: at most {MAX_TEXT} characters")
    return value or None


def _country(name: str, value: str | None) -> str | None:
    value = _text(name, value)
    if value and not _COUNTRY.fullmatch(value):
        raise BadRequest(f"{name}: an ISO 3166 alpha-3 country code such as MAR or USA, not {value!r}")
    return value.upper() if value else None


def _types(values: list[str]) -> list[str]:
    types = [t.strip().upper() for v in values for t in v.split(",") if t.strip()]
    bad = [t for t in types if not _TYPE.fullmatch(t)]
    if bad or len(types) > 20:
        raise BadRequest(f"type: PLOVER event types separated by commas (CONSULT,AGREE), not {bad or types!r}")
    return types


def _date(name: str, value: str | None) -> str | None:
    value = _text(name, value)
    if value and date_bounds(value) is None:
        raise BadRequest(f"{name}: not a date (use 2020, 2020-01 or 2020-01-31): {value!r}")
    return value


def bounded(name: str, value: int, high: int, low: int = 0) -> int:
    """``value`` if within [low, high], else a clear :class:`BadRequest`."""
    if not low <= value <= high:
        raise BadRequest(f"{name}: between {low} and {high}, not {value}")
    return value


@dataclass(slots=True)
class EventQuery:
    """The filters of a request, as the store's :class:`EventFilter`, and the page it asks for."""

    filter: EventFilter
    limit: int
    offset: int


def event_query(
    country: Annotated[str | None, Query(description="ISO3: an actor of this country on either side")] = None,
    with_: Annotated[str | None, Query(alias="with", description="ISO3: ...and one of this country opposite")] = None,
    type_: Annotated[list[str] | None, Query(alias="type", description="PLOVER types, comma-separated")] = None,
    mode: Annotated[str | None, Query(description="event mode (visit, sign, ...)")] = None,
    actor: Annotated[str | None, Query(description="actor id or part of the name, either side")] = None,
    actor_id: Annotated[str | None, Query(description="exactly this actor id, either side")] = None,
    from_: Annotated[str | None, Query(alias="from", description="from this date (2020, 2020-01, 2020-01-31)")] = None,
    to: Annotated[str | None, Query(description="up to the end of this date")] = None,
    location: Annotated[str | None, Query(description="place name, or ISO3 of the place's country")] = None,
    text: Annotated[str | None, Query(description="words in the evidence")] = None,
    limit: Annotated[int, Query(description=f"events per page, 1..{MAX_LIMIT}")] = 50,
    offset: Annotated[int, Query(description="events to skip")] = 0,
    dedup: Annotated[bool, Query(description="one row per story: the same event reported by several articles")] = False,
) -> EventQuery:
    """FastAPI dependency: the CLI's filters as query parameters (``with``, ``from`` keep their CLI names)."""
    mode = _text("mode", mode)
    if mode and not _MODE.fullmatch(mode):
        raise BadRequest(f"mode: a single word such as visit or sign, not {mode!r}")
    limit, offset = bounded("limit", limit, MAX_LIMIT, 1), bounded("offset", offset, MAX_OFFSET)
    flt = EventFilter(
        actor=_text("actor", actor), actor_id=_text("actor_id", actor_id), country=_country("country", country),
        with_country=_country("with", with_),
        types=_types(type_ or []), mode=mode, date_from=_date("from", from_), date_to=_date("to", to),
        location=_text("location", location), text=_text("text", text), limit=limit, offset=offset,
        dedup=dedup,
    )
    return EventQuery(flt, limit, offset)
