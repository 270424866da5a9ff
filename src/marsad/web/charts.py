"""Chart geometry for inline SVG: the pages draw it, so nothing is fetched and nothing runs."""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass

import networkx as nx

# One colour per PLOVER type (colour-blind-safe where it matters most: the frequent types).
TYPE_COLOURS = {
    "CONSULT": "#1f77b4", "AGREE": "#2ca02c", "SUPPORT": "#17becf", "COOPERATE": "#9467bd", "AID": "#bcbd22",
    "RETREAT": "#8c564b", "REQUEST": "#7f7f7f", "ACCUSE": "#ff7f0e", "REJECT": "#e377c2", "THREATEN": "#d62728",
    "PROTEST": "#ff9896", "SANCTION": "#c49c94", "MOBILIZE": "#f7b6d2", "COERCE": "#a52a2a", "ASSAULT": "#800000",
    "CONCEDE": "#98df8a",
}


def colour(event_type: str) -> str:
    return TYPE_COLOURS.get(event_type, "#555555")


@dataclass(slots=True)
class Segment:
    type: str
    count: int
    y: float
    height: float


@dataclass(slots=True)
class Bar:
    period: str
    total: int
    x: float
    segments: list[Segment]


def timeline_bars(counts: list[tuple[str, str, int]], height: float = 160, width: float = 28) -> list[Bar]:
    """One stacked bar per period (only periods with events: a lone 18th-century date must not flatten the rest)."""
    periods: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for period, event_type, count in counts:
        periods[period].append((event_type, count))
    top = max((sum(n for _, n in parts) for parts in periods.values()), default=1)
    bars = []
    for i, (period, parts) in enumerate(sorted(periods.items())):
        y, segments = height, []
        for event_type, count in parts:
            h = height * count / top
            y -= h
            segments.append(Segment(event_type, count, y, h))
        bars.append(Bar(period, sum(n for _, n in parts), i * width, segments))
    return bars


@dataclass(slots=True)
class Node:
    id: str
    label: str
    country: str
    x: float
    y: float
    r: float


@dataclass(slots=True)
class Edge:
    source: Node
    target: Node
    weight: int
    types: str
    colour: str
    width: float


def network_layout(graph: nx.DiGraph, size: float = 420, max_nodes: int = 40) -> tuple[list[Node], list[Edge]]:
    """The busiest actors on a circle; edges weighted by events, coloured by their most frequent type."""
    degree = dict(graph.degree(weight="weight"))
    chosen = sorted(graph.nodes, key=lambda n: (-degree[n], n))[:max_nodes]
    centre, radius = size / 2, size / 2 - 70
    nodes = {}
    for i, node in enumerate(chosen):
        angle = 2 * math.pi * i / max(len(chosen), 1) - math.pi / 2
        data = graph.nodes[node]
        nodes[node] = Node(node, data.get("label") or node, data.get("country") or "",
                           centre + radius * math.cos(angle), centre + radius * math.sin(angle),
                           4 + 2 * math.sqrt(degree[node]))
    edges = []
    for source, target, data in graph.edges(data=True):
        if source in nodes and target in nodes:
            counts = [part.split(":") for part in data["types"].split(";")]
            main = max(counts, key=lambda c: int(c[1]))[0]
            edges.append(Edge(nodes[source], nodes[target], data["weight"], data["types"], colour(main),
                              1 + 1.5 * math.log2(data["weight"])))
    return list(nodes.values()), edges
