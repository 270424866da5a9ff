"""PLOVER event extraction: triggers as data, arguments by Arabic syntax, one record per event."""

from marsad.events.extractor import EventExtractor, Found

__all__ = ["EventExtractor", "Found"]
