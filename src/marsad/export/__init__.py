"""Writing what the store holds in the formats analysts and other tools read.

``events`` rows become flat tables (CSV, Parquet), event JSON lines, PLOVER/POLECAT-style records,
or an actor network (GEXF, GraphML); ``analyses`` are the CONTRACT JSON lines, one per document.
"""

from marsad.export.formats import EVENT_FORMATS, EXPORT_FORMATS, write_analyses, write_events

__all__ = ["EVENT_FORMATS", "EXPORT_FORMATS", "write_analyses", "write_events"]
