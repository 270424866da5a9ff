"""The actor network: who acts on whom, how often and how, as a graph network tools open (Gephi)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import networkx as nx

from marsad.store.query import EventRow


def actor_graph(rows: Iterable[EventRow]) -> nx.DiGraph:
    """Actors as nodes; an edge source -> target per pair, weighted by rows (events, or stories), per type."""
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
