"""Reading the store: one filter, one query builder, for every engine and every output format."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, NamedTuple

from marsad.store.dates import date_bounds
from marsad.store.engine import Store
from marsad.store.search import query_terms
from marsad.store.stories import group_stories
from marsad.store.writer import key

EVENT_COLUMNS = (
    "id", "doc_id", "doc_version", "published", "title", "url", "outlet", "type", "mode", "date", "modality",
    "location", "location_country", "confidence", "evidence_start", "evidence_end", "evidence", "context",
    "date_lo",  # first day of the event's period (its date, else the publication's): what timelines count
)


@dataclass(slots=True)
class EventFilter:
    """What ``marsad events`` and ``marsad export`` select; empty fields do not filter."""

    actor: str | None = None
    country: str | None = None
    with_country: str | None = None
    types: Sequence[str] = ()
    mode: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    location: str | None = None
    text: str | None = None
    limit: int | None = None
    offset: int = 0  # rows to skip before ``limit``: pages of results in the web interface
    actor_id: str | None = None  # exactly this actor on either side (``actor`` also matches parts of names)
    dedup: bool = False  # one row per story (the same event reported by several articles): see store/stories.py


@dataclass(slots=True)
class EventRow:
    """One event with its document and its actors, ready for any output format."""

    values: dict[str, Any]
    source: list[dict[str, Any]] = field(default_factory=list)
    target: list[dict[str, Any]] = field(default_factory=list)
    documents: list[dict[str, Any]] | None = None  # a story's members (doc_id, evidence); None: not grouped

    @property
    def sources(self) -> int:
        """How many distinct documents report this story (1 for a single event)."""
        return len({d["doc_id"] for d in self.documents}) if self.documents else 1


def _bound(value: str, index: int, name: str) -> str:
    bounds = date_bounds(value)
    if bounds is None:
        raise ValueError(f"{name}: not a date (use 2020, 2020-01 or 2020-01-31): {value!r}")
    return bounds[index]


def _actor_events(condition: str) -> str:
    """Events having an actor that meets ``condition``, found from the actor indexes (actors by id or
    name, then their event links), so a selective actor filter never visits every event."""
    return f"e.id IN (SELECT ea.event_id FROM event_actors ea JOIN actors a ON a.id = ea.actor_id WHERE {condition})"


# Events with an actor of one country (first parameter) as source and one of another as target.
_SIDE = "SELECT event_id FROM event_countries WHERE country = ? AND role = '{}'"
_COUNTRY_PAIR = f"SELECT * FROM ({_SIDE.format('source')} INTERSECT {_SIDE.format('target')}) AS pair"


def _text_words(store: Store, text: str | None) -> tuple[list[str], list[Any]]:
    """One condition per normalized word: the evidence contains it (LIKE, as typed, wildcards included).

    Words of three characters or more without wildcards use the engine's trigram index; the others,
    which a trigram index cannot answer, are matched by reading the events' evidence.
    """
    clauses, params = [], []
    for word in key(text).split():
        indexed = len(word) >= 3 and not any(c in word for c in "%_")
        clauses.append(store.dialect.evidence_like() if indexed else "e.evidence_key LIKE ?")
        params.append(f"%{word}%")
    return clauses, params


def where(store: Store, flt: EventFilter, counted: bool = False) -> tuple[str, list[Any]]:
    """The WHERE clause over ``events e`` (of latest documents: ``events.latest``, migration 004) and its
    parameters; ``counted``: for a count or a timeline, which need no list order."""
    clauses, params = [store.dialect.latest_counted if counted else "e.latest = 1"], []
    if flt.actor:
        clauses.append(_actor_events("a.id = ? OR a.name_key LIKE ?"))
        params += [flt.actor, f"%{key(flt.actor)}%"]
    if flt.actor_id:
        clauses.append(_actor_events("a.id = ?"))
        params.append(flt.actor_id)
    if flt.country and flt.with_country:
        clauses.append(f"e.id IN ({_COUNTRY_PAIR} UNION ALL {_COUNTRY_PAIR})")
        params += [flt.country, flt.with_country, flt.with_country, flt.country]
    elif flt.country or flt.with_country:
        clauses.append("e.id IN (SELECT event_id FROM event_countries WHERE country = ?)")
        params.append(flt.country or flt.with_country)
    if flt.types:
        clauses.append(f"e.type IN ({', '.join('?' * len(flt.types))})")
        params += [t.upper() for t in flt.types]
    if flt.mode:
        clauses.append("e.mode = ?")
        params.append(flt.mode)
    if flt.date_from:
        clauses.append("e.date_hi >= ?")
        params.append(_bound(flt.date_from, 0, "--from"))
    if flt.date_to:
        clauses.append("e.date_lo <= ?")
        params.append(_bound(flt.date_to, 1, "--to"))
    if flt.location:
        clauses.append("(e.location_key LIKE ? OR e.location_country = ?)")
        params += [f"%{key(flt.location)}%", flt.location.upper()]
    words, word_params = _text_words(store, flt.text)
    return " AND ".join(clauses + words), params + word_params


def _id_lists(store: Store, column: str, ids: Sequence[int]) -> Iterator[tuple[str, list[Any]]]:
    """Conditions ``column`` is one of ``ids``, with their parameters: one per slice of ids the engine
    takes in a single statement (PostgreSQL: all of them, as one array)."""
    size = store.dialect.ids_per_statement or max(len(ids), 1)
    for i in range(0, len(ids), size):
        yield store.dialect.one_of(column, list(ids[i:i + size]))


def _actors_of(store: Store, event_ids: Sequence[int]) -> dict[int, dict[str, list[dict[str, Any]]]]:
    found: dict[int, dict[str, list[dict[str, Any]]]] = {i: {"source": [], "target": []} for i in event_ids}
    for condition, params in _id_lists(store, "ea.event_id", event_ids):
        rows = store.rows(
            "SELECT ea.event_id, ea.role, a.id, a.name, a.country FROM event_actors ea "
            f"JOIN actors a ON a.id = ea.actor_id WHERE {condition} ORDER BY ea.event_id, ea.role, ea.position",
            params,
        )
        for event_id, role, actor_id, name, country in rows:
            found[event_id][role].append({"id": actor_id, "name": name, "country": country})
    return found


_ORDER = "e.date_lo IS NULL, e.date_lo DESC, e.id"  # latest first


def _matching(columns: str, condition: str, limit: str = "") -> str:
    """The query of ``columns`` of matching events in list order."""
    return f"SELECT {columns} FROM events e WHERE {condition} ORDER BY {_ORDER}{limit}"


def events(store: Store, flt: EventFilter) -> list[EventRow]:
    """Events (or stories, with ``dedup``) matching ``flt``, latest first, with evidence and actors.

    Matching events are sorted on their ids and dates only; the wide columns (evidence, context, titles)
    are read for the selected page. Stories are grouped before the limit, so a page holds whole stories:
    every matching event is read.
    """
    condition, params = where(store, flt)
    limit = f" LIMIT {int(flt.limit)}" if flt.limit and not flt.dedup else ""
    limit += f" OFFSET {int(flt.offset)}" if flt.offset and limit else ""
    rows = by_ids(store, [r[0] for r in store.rows(_matching("e.id", condition, limit), params)])
    if not flt.dedup:
        return rows
    stories = group_stories(rows)
    end = flt.offset + flt.limit if flt.limit else None
    return stories[flt.offset if flt.limit else 0:end]


def by_ids(store: Store, ids: Sequence[int]) -> list[EventRow]:
    """The events with these ids, in this order, with evidence and actors (skipping any deleted meanwhile)."""
    found = {}
    for condition, params in _id_lists(store, "e.id", ids):
        for row in store.rows(f"SELECT {_EVENT_SELECT} FROM events e JOIN documents d ON d.pk = e.document_pk "
                              f"WHERE {condition}", params):
            found[row[0]] = row
    return _event_rows(store, [found[i] for i in ids if i in found])


def links(store: Store, flt: EventFilter, limit: int) -> list[EventRow]:
    """The first ``limit`` matching events (stories, with ``dedup``) with their actors, but of their own
    values only ``id``, ``type`` and ``date_lo``: what a network or a timeline reads, without evidence."""
    if flt.dedup:  # grouping needs whole events
        return events(store, replace(flt, limit=limit, offset=0))
    condition, params = where(store, flt)
    rows = store.rows(_matching("e.id, e.type, e.date_lo", condition, f" LIMIT {int(limit)}"), params)
    actors = _actors_of(store, [r[0] for r in rows])
    return [EventRow({"id": i, "type": kind, "date_lo": day}, **actors[i]) for i, kind, day in rows]


class LinkActor(NamedTuple):
    id: str
    name: str
    country: str | None


class ActorLink(NamedTuple):
    """Events (stories) of one type from one source actor to one target actor: a counted network edge."""

    source: LinkActor
    target: LinkActor
    type: str
    count: int


def counted_links(rows: Iterable[EventRow]) -> list[ActorLink]:
    """Every (source, target, type) of ``rows`` with its number of rows, in order of first appearance
    (rows in order, each row's sources, then targets), as :func:`network_links` counts them in SQL."""
    counts: Counter[tuple[LinkActor, LinkActor, str]] = Counter()
    for row in rows:
        for source in row.source:
            for target in row.target:
                counts[_link_actor(source), _link_actor(target), row.values["type"]] += 1
    return [ActorLink(s, t, kind, n) for (s, t, kind), n in counts.items()]


def _link_actor(actor: dict[str, Any]) -> LinkActor:
    return LinkActor(actor["id"], actor["name"], actor["country"])


_POSITION = 65536  # above any actor position in an event: orders (event, source, target) as one integer


def network_links(store: Store, flt: EventFilter, limit: int) -> list[ActorLink]:
    """The (source, target, type) links of the first ``limit`` matching events, counted, in order of first
    appearance: ``counted_links(links(store, flt, limit))``.

    The pairs are counted in SQL, so a network of thousands of events reads a few hundred rows instead of
    every event's actors. Stories (``dedup``) are grouped in Python, so they are counted there.
    """
    if flt.dedup:
        return counted_links(links(store, flt, limit))
    condition, params = where(store, flt)
    first = f"MIN((p.n * {_POSITION} + s.position) * {_POSITION} + t.position)"
    rows = store.rows(
        f"WITH p AS (SELECT e.id, e.type, ROW_NUMBER() OVER (ORDER BY {_ORDER}) AS n FROM events e "
        f"WHERE {condition} ORDER BY {_ORDER} LIMIT {int(limit)}) "
        f"SELECT s.actor_id, sa.name, sa.country, t.actor_id, ta.name, ta.country, p.type, COUNT(*), {first} "
        "FROM p JOIN event_actors s ON s.event_id = p.id AND s.role = 'source' "
        "JOIN event_actors t ON t.event_id = p.id AND t.role = 'target' "
        "JOIN actors sa ON sa.id = s.actor_id JOIN actors ta ON ta.id = t.actor_id "
        "GROUP BY s.actor_id, sa.name, sa.country, t.actor_id, ta.name, ta.country, p.type "
        f"ORDER BY {first}",
        params,
    )
    return [ActorLink(LinkActor(*r[0:3]), LinkActor(*r[3:6]), r[6], int(r[7])) for r in rows]


_EVENT_SELECT = (
    "e.id, d.id, d.version, d.published, d.title, d.url, d.outlet, e.type, e.mode, e.date, "
    "e.modality, e.location_name, e.location_country, e.confidence, e.evidence_start, e.evidence_end, "
    "e.evidence_text, e.context, e.date_lo"
)


def _event_rows(store: Store, rows: list[tuple]) -> list[EventRow]:
    """Rows selected with ``_EVENT_SELECT`` as :class:`EventRow` with their actors."""
    actors = _actors_of(store, [r[0] for r in rows])
    result = []
    for row in rows:
        values = dict(zip(EVENT_COLUMNS, row, strict=True))
        values["context"] = json.loads(values["context"])
        result.append(EventRow(values, **actors[row[0]]))
    return result


_PERIOD_WIDTH = {"year": 4, "month": 7, "day": 10}


def period_counts(rows: Iterable[EventRow], by: str = "month") -> list[tuple[str, str, int]]:
    """``(period, type, count)`` of dated rows, as :func:`timeline` counts them."""
    width = _PERIOD_WIDTH[by]
    counts = Counter((r.values["date_lo"][:width], r.values["type"]) for r in rows if r.values["date_lo"])
    return [(period, kind, n) for (period, kind), n in sorted(counts.items())]


def timeline(store: Store, flt: EventFilter, by: str = "month") -> list[tuple[str, str, int]]:
    """``(period, type, count)`` of matching events (stories, with ``dedup``), the period being the start
    of the event date (of the story's earliest event)."""
    if flt.dedup:
        return period_counts(events(store, replace(flt, limit=None, offset=0)), by)
    condition, params = where(store, flt, counted=True)
    return [(r[0], r[1], int(r[2])) for r in store.rows(
        f"SELECT substr(e.date_lo, 1, {_PERIOD_WIDTH[by]}) AS period, e.type, COUNT(*) FROM events e "
        f"WHERE {condition} AND e.date_lo IS NOT NULL "
        "GROUP BY period, e.type ORDER BY period, e.type",
        params,
    )]


def actors(
    store: Store, search: str | None = None, country: str | None = None, limit: int = 50,
) -> list[tuple]:
    """``(id, name, country, kind, events)`` by number of events in the latest documents (``events.latest``,
    migration 004: no document read per event)."""
    clauses, params = ["1 = 1"], []
    if search:
        clauses.append("(a.id = ? OR a.name_key LIKE ?)")
        params += [search, f"%{key(search)}%"]
    if country:
        clauses.append("a.country = ?")
        params.append(country.upper())
    return store.rows(
        "SELECT a.id, a.name, a.country, a.kind, COUNT(DISTINCT CASE WHEN e.latest = 1 THEN e.id END) AS n "
        "FROM actors a LEFT JOIN event_actors ea ON ea.actor_id = a.id LEFT JOIN events e ON e.id = ea.event_id "
        f"WHERE {' AND '.join(clauses)} GROUP BY a.id, a.name, a.country, a.kind "
        f"ORDER BY n DESC, a.id LIMIT {int(limit)}",
        params,
    )


def documents(store: Store, search: str | None = None, limit: int = 20) -> list[tuple]:
    """``(id, version, published, outlet, title, events)`` of latest documents, full-text filtered."""
    clauses, params = ["d.latest = 1"], []
    terms = query_terms(search)
    if terms:
        condition, extra = store.dialect.match_condition(terms)
        clauses.append(condition)
        params += extra
    return store.rows(
        "SELECT d.id, d.version, d.published, d.outlet, d.title, "
        "(SELECT COUNT(*) FROM events e WHERE e.document_pk = d.pk) FROM documents d "
        f"WHERE {' AND '.join(clauses)} ORDER BY d.published IS NULL, d.published DESC, d.id LIMIT {int(limit)}",
        params,
    )


def analyses(store: Store, flt: EventFilter) -> Iterator[dict[str, Any]]:
    """Stored CONTRACT analyses of latest documents having a matching event (all, with no filter)."""
    condition, params = where(store, flt)
    has_filter = condition != "e.latest = 1"
    restrict = f" AND d.pk IN (SELECT e.document_pk FROM events e WHERE {condition})" if has_filter else ""
    limit = f" LIMIT {int(flt.limit)}" if flt.limit else ""
    for (data,) in store.execute(
        "SELECT a.data FROM analyses a JOIN documents d ON d.pk = a.document_pk "
        f"WHERE d.latest = 1{restrict} ORDER BY d.pk{limit}",
        params if has_filter else [],
    ):
        yield data if isinstance(data, dict) else json.loads(data)


_LATEST_EVENTS = "FROM events e WHERE e.latest = 1"


def stats(store: Store) -> dict[str, Any]:
    """Sizes and shape of the store: what ``marsad stats`` prints."""
    count = store.value
    return {
        "database": store.url,
        "engine": store.dialect.name,
        "schema_version": count("SELECT MAX(version) FROM schema_migrations"),
        "documents": count("SELECT COUNT(*) FROM documents WHERE latest = 1"),
        "document_versions": count("SELECT COUNT(*) FROM documents"),
        "analyses": count("SELECT COUNT(*) FROM analyses a JOIN documents d ON d.pk = a.document_pk "
                          "WHERE d.latest = 1"),
        "events": count(f"SELECT COUNT(*) {_LATEST_EVENTS}"),
        "actors": count("SELECT COUNT(*) FROM actors"),
        "errors": count("SELECT COUNT(*) FROM errors"),
        "runs": count("SELECT COUNT(*) FROM runs"),
        "event_dates": tuple(store.rows(f"SELECT MIN(e.date_lo), MAX(e.date_hi) {_LATEST_EVENTS}")[0]),
        "analyzer_versions": dict(store.rows(
            "SELECT a.analyzer_version, COUNT(*) FROM analyses a JOIN documents d ON d.pk = a.document_pk "
            "WHERE d.latest = 1 GROUP BY a.analyzer_version ORDER BY a.analyzer_version")),
        "event_types": event_types(store),
    }


def event_types(store: Store) -> dict[str, int]:
    """Events of latest documents per type, the most frequent first."""
    return dict(store.rows(
        f"SELECT e.type, COUNT(*) {_LATEST_EVENTS} GROUP BY e.type ORDER BY COUNT(*) DESC, e.type"))


def errors(store: Store, limit: int = 100) -> list[tuple]:
    """``(created_at, stage, origin, reason)`` of recorded errors, latest first."""
    return store.rows(
        f"SELECT created_at, stage, origin, reason FROM errors ORDER BY id DESC LIMIT {int(limit)}"
    )


def count_events(store: Store, flt: EventFilter) -> int:
    """How many events (stories, with ``dedup``) match ``flt``, ignoring its limit: the total behind a page."""
    if flt.dedup:
        return len(events(store, replace(flt, limit=None, offset=0)))
    condition, params = where(store, flt, counted=True)
    return int(store.value(f"SELECT COUNT(*) FROM events e WHERE {condition}", params))


def countries(store: Store) -> list[tuple[str, int]]:
    """``(country, events)`` of countries having an actor in an event of a latest document."""
    return [(r[0], int(r[1])) for r in store.rows(
        "SELECT a.country, COUNT(DISTINCT e.id) AS n FROM actors a JOIN event_actors ea ON ea.actor_id = a.id "
        "JOIN events e ON e.id = ea.event_id WHERE e.latest = 1 AND a.country IS NOT NULL "
        "GROUP BY a.country ORDER BY n DESC, a.country",
    )]


def actor(store: Store, actor_id: str) -> tuple | None:
    """``(id, name, country, kind)`` of one actor, or None."""
    rows = store.rows("SELECT id, name, country, kind FROM actors WHERE id = ?", [actor_id])
    return rows[0] if rows else None


def actor_roles(store: Store, actor_id: str) -> list[tuple[str, str, str, int]]:
    """``(year, role, type, events)``: how an actor acted (source) or was acted on (target) over time."""
    return [(r[0], r[1], r[2], int(r[3])) for r in store.rows(
        "SELECT substr(e.date_lo, 1, 4) AS period, ea.role, e.type, COUNT(DISTINCT e.id) FROM event_actors ea "
        "JOIN events e ON e.id = ea.event_id JOIN documents d ON d.pk = e.document_pk "
        "WHERE d.latest = 1 AND ea.actor_id = ? AND e.date_lo IS NOT NULL "
        "GROUP BY period, ea.role, e.type ORDER BY period, ea.role, e.type",
        [actor_id],
    )]


def counterparts(store: Store, actor_id: str, limit: int = 50) -> list[tuple]:
    """``(id, name, country, events)`` of actors on the other side of this actor's events."""
    return store.rows(
        "SELECT a.id, a.name, a.country, COUNT(DISTINCT e.id) AS n FROM event_actors mine "
        "JOIN event_actors other ON other.event_id = mine.event_id AND other.role <> mine.role "
        "JOIN actors a ON a.id = other.actor_id JOIN events e ON e.id = mine.event_id "
        "JOIN documents d ON d.pk = e.document_pk "
        "WHERE d.latest = 1 AND mine.actor_id = ? AND other.actor_id <> mine.actor_id "
        f"GROUP BY a.id, a.name, a.country ORDER BY n DESC, a.id LIMIT {int(limit)}",
        [actor_id],
    )


_DOCUMENT_COLUMNS = ("pk", "id", "version", "title", "url", "outlet", "published", "lang", "text")


def document(store: Store, doc_id: str) -> dict[str, Any] | None:
    """The latest version of a document with its entities, time expressions and events (offsets into text)."""
    rows = store.rows(
        f"SELECT {', '.join(_DOCUMENT_COLUMNS)} FROM documents WHERE id = ? AND latest = 1", [doc_id],
    )
    if not rows:
        return None
    found = dict(zip(_DOCUMENT_COLUMNS, rows[0], strict=True))
    pk = found.pop("pk")
    found["entities"] = [dict(zip(("start", "end", "text", "type", "actor"), r, strict=True)) for r in store.rows(
        "SELECT en.start_offset, en.end_offset, en.text, en.type, en.actor_id FROM entities en "
        "JOIN analyses an ON an.id = en.analysis_id WHERE an.document_pk = ? ORDER BY en.start_offset", [pk],
    )]
    found["timexes"] = [dict(zip(("start", "end", "text", "type", "value"), r, strict=True)) for r in store.rows(
        "SELECT t.start_offset, t.end_offset, t.text, t.type, t.value FROM timexes t "
        "JOIN analyses an ON an.id = t.analysis_id WHERE an.document_pk = ? ORDER BY t.start_offset", [pk],
    )]
    found["events"] = _event_rows(store, store.rows(
        f"SELECT {_EVENT_SELECT} FROM events e JOIN documents d ON d.pk = e.document_pk "
        "WHERE e.document_pk = ? ORDER BY e.evidence_start, e.id", [pk],
    ))
    return found


def data_version(store: Store) -> int:
    """A number that changes with every write (documents, events, actors, errors, runs): the key of what
    readers cache."""
    return int(store.value("SELECT version FROM data_version"))


def actor_suggestions(store: Store, text: str, limit: int = 10) -> list[tuple]:
    """``(id, name, country, kind, arabic)`` of actors whose id, name or any Arabic mention contains ``text``.

    Names are stored in English; Arabic speakers type what the articles say: the distinct entity texts
    of each actor (``actor_mentions``, kept by triggers on the entities).
    """
    return store.rows(
        "SELECT a.id, a.name, a.country, a.kind, (SELECT MIN(m.text) FROM actor_mentions m WHERE m.actor_id = a.id) "
        "FROM actors a WHERE upper(a.id) = upper(?) OR a.name_key LIKE ? OR a.id IN "
        "(SELECT m.actor_id FROM actor_mentions m WHERE m.text LIKE ?) "
        f"ORDER BY a.kind = 'state' DESC, a.name LIMIT {int(limit)}",
        [text, f"%{key(text)}%", f"%{text}%"],
    )
