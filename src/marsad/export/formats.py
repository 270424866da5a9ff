"""Dispatch from a format name to a writer; every writer takes store rows and a binary file."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable
from typing import Any, BinaryIO

import networkx as nx

from marsad.export.network import actor_graph
from marsad.export.plover import plover_records
from marsad.export.records import flat, flat_columns, nested
from marsad.store.query import EventRow


def _json_lines(records: Iterable[dict[str, Any]], out: BinaryIO) -> None:
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False).encode("utf-8") + b"\n")


def _csv(rows: list[EventRow], out: BinaryIO, stories: bool) -> None:
    text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
    writer = csv.DictWriter(text, fieldnames=[name for name, _ in flat_columns(stories)])
    writer.writeheader()
    writer.writerows(flat(r) for r in rows)
    text.detach()


def _parquet(rows: list[EventRow], out: BinaryIO, stories: bool) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([(name, pa.type_for_alias(kind)) for name, kind in flat_columns(stories)])
    pq.write_table(pa.Table.from_pylist([flat(r) for r in rows], schema=schema), out)


def _jsonl(rows: list[EventRow], out: BinaryIO, stories: bool) -> None:
    _json_lines((nested(r) for r in rows), out)


def _plover(rows: list[EventRow], out: BinaryIO, stories: bool) -> None:
    _json_lines((record for r in rows for record in plover_records(r)), out)


def _gexf(rows: list[EventRow], out: BinaryIO, stories: bool) -> None:
    nx.write_gexf(actor_graph(rows), out)


def _graphml(rows: list[EventRow], out: BinaryIO, stories: bool) -> None:
    nx.write_graphml(actor_graph(rows), out)


EventWriter = Callable[[list[EventRow], BinaryIO, bool], None]  # rows, file, rows are stories
EVENT_FORMATS: dict[str, EventWriter] = {"csv": _csv, "jsonl": _jsonl, "parquet": _parquet}
EXPORT_FORMATS: dict[str, EventWriter] = {
    **EVENT_FORMATS, "plover": _plover, "gexf": _gexf, "graphml": _graphml,
}


def write_events(rows: list[EventRow], fmt: str, out: BinaryIO, stories: bool = False) -> None:
    """Write event rows (stories, from a ``dedup`` query) in ``fmt`` (a key of :data:`EXPORT_FORMATS`).

    Graphs need nothing more: one story is one row, so edge weights count stories.
    """
    EXPORT_FORMATS[fmt](rows, out, stories)


def write_analyses(analyses: Iterable[dict[str, Any]], out: BinaryIO) -> None:
    """CONTRACT analyses, one JSON object per line."""
    _json_lines(analyses, out)
