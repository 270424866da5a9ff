"""The network counted in SQL (``query.network_links``) draws the graph that reading every event's actors did."""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace
from typing import Any

import networkx as nx

from marsad.export.network import actor_graph, links_graph
from marsad.model import Analysis, Document
from marsad.store import open_store, query
from marsad.store.pipeline import Settings, ingest
from pg_fixture import db_url, pg_cluster, pg_url  # noqa: F401
from test_store_fakes import FakeAnalyzer
from test_store_indexes import corpus


class ManySides(FakeAnalyzer):
    """Events with one to three actors per side, now and then the same actor on both."""

    def analyze(self, document: Document) -> Analysis:
        analysis = super().analyze(document)
        events = []
        for i, event in enumerate(analysis.events):
            inside = [e.actor for e in analysis.entities if event.evidence.start <= e.start < event.evidence.end]
            split = 1 + i % (len(inside) - 1)
            target = inside[split:] + (inside[:1] if i % 3 == 0 else [])
            events.append(replace(event, source=inside[:split], target=target))
        return replace(analysis, events=events)


def old_graph(rows: Iterable[query.EventRow]) -> nx.DiGraph:
    """``actor_graph`` as it was before links were counted (commit 2146815): the reference."""
    graph = nx.DiGraph()
    types: dict[tuple[str, str], Counter] = {}
    for row in rows:
        for source in row.source:
            for target in row.target:
                for actor in (source, target):
                    graph.add_node(actor["id"], label=actor["name"], country=actor["country"] or "")
                types.setdefault((source["id"], target["id"]), Counter())[row.values["type"]] += 1
    for (source, target), counts in types.items():
        graph.add_edge(source, target, weight=sum(counts.values()),
                       types=";".join(f"{t}:{n}" for t, n in sorted(counts.items())))
    return graph


def shape(graph: nx.DiGraph) -> tuple[list[Any], list[Any]]:
    """Nodes and edges with their data, in order: the API lists them in this order."""
    return list(graph.nodes(data=True)), list(graph.edges(data=True))


def test_links_counted_in_sql_draw_the_same_graph(db_url: str) -> None:  # noqa: F811
    with open_store(db_url) as store:
        ingest(store, corpus(6), ManySides(delay=0), Settings("1.0"))
        everything = query.links(store, query.EventFilter(), 10_000)
        assert any(len(r.source) > 1 or len(r.target) > 1 for r in everything)  # several actors per side
        assert len({r.values["date_lo"] for r in everything}) < len(everything)  # ties in the order
        assert any({a["id"] for a in r.source} & {a["id"] for a in r.target} for r in everything)  # self-links
        filters = [query.EventFilter(), query.EventFilter(country="MAR"), query.EventFilter(text="الرياض"),
                   query.EventFilter(country="USA", with_country="FRA"), query.EventFilter(types=["NOTHING"])]
        for flt, limit, dedup in itertools.product(filters, (1, 4, 25, 10_000), (False, True)):
            flt.dedup = dedup
            rows = query.links(store, flt, limit)
            links = query.network_links(store, flt, limit)
            assert links == query.counted_links(rows), (flt, limit)
            assert shape(links_graph(links)) == shape(old_graph(rows)), (flt, limit)
            assert shape(actor_graph(rows)) == shape(old_graph(rows)), (flt, limit)
        assert sum(link.count for link in query.network_links(store, query.EventFilter(), 10_000)) == sum(
            len(r.source) * len(r.target) for r in everything)
