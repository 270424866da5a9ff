"""The actor network: who acts on whom, how often and how, as a graph network tools open (Gephi)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import networkx as nx

from marsad.store.query import ActorLink, EventRow, counted_links


def links_graph(links: Iterable[ActorLink]) -> nx.DiGraph:
    """Actors as nodes; an edge source -> target per pair, weighted by its count over all types.

    ``links`` come counted (from SQL, a few hundred rows for thousands of events), in order of first
    appearance, which fixes the order of nodes and edges.
    """
    graph = nx.DiGraph()
    types: dict[tuple[str, str], Counter[str]] = {}
    for link in links:
        for actor in (link.source, link.target):
            if actor.id not in graph:
                graph.add_node(actor.id, label=actor.name, country=actor.country or "")
        types.setdefault((link.source.id, link.target.id), Counter())[link.type] += link.count
    for (source, target), counts in types.items():
        graph.add_edge(source, target, weight=sum(counts.values()),
                       types=";".join(f"{t}:{n}" for t, n in sorted(counts.items())))
    return graph


def actor_graph(rows: Iterable[EventRow]) -> nx.DiGraph:
    """Actors as nodes; an edge source -> target per pair, weighted by rows (events, or stories), per type."""
    return links_graph(counted_links(rows))
