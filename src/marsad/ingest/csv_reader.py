"""CSV (and TSV) files: one document per row, columns found by header name or named by the user.

Exports from spreadsheets and scrapers name their columns every which way (``body``, ``content``,
``النص``...), so the defaults recognise the usual names; ``--csv-text COLUMN`` and friends override.
Dates in the common day-first and slash forms are turned into ISO dates.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import sys
from collections.abc import Iterator
from dataclasses import dataclass, fields
from pathlib import Path

from marsad.errors import InputError
from marsad.ingest.readers import Item, Reader, document_from_record, text_reader

csv.field_size_limit(sys.maxsize)  # whole articles live in one cell

# Header names (case-insensitive) tried in order when a column is not given.
DEFAULT_NAMES = {
    "id": ("id", "doc_id", "document_id", "article_id", "guid", "uuid", "key", "المعرف"),
    "text": ("text", "body", "content", "article", "story", "full_text", "fulltext", "النص", "المحتوى"),
    "title": ("title", "headline", "heading", "العنوان"),
    "date": ("published", "date", "pubdate", "pub_date", "published_at", "datetime", "timestamp", "التاريخ"),
    "url": ("url", "link", "href", "الرابط"),
    "outlet": ("outlet", "source", "publisher", "site", "sitename", "newspaper", "المصدر"),
}
_DATE_FORMATS = ("%Y/%m/%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y/%m/%d %H:%M", "%d/%m/%Y %H:%M",
                 "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M")


@dataclass(frozen=True, slots=True)
class CsvColumns:
    """Column names chosen by the user; None means: find it by the usual header names."""

    id: str | None = None
    text: str | None = None
    title: str | None = None
    date: str | None = None
    url: str | None = None
    outlet: str | None = None


def _iso_date(value: str) -> str:
    """ISO form of a date in a common non-ISO layout; other values pass through to be validated."""
    for layout in _DATE_FORMATS:
        try:
            parsed = dt.datetime.strptime(value.strip(), layout)
        except ValueError:
            continue
        return parsed.date().isoformat() if "%H" not in layout else parsed.isoformat()
    return value.strip()


def _resolve(header: list[str], columns: CsvColumns, where: str) -> dict[str, str]:
    by_name = {name.strip().casefold(): name for name in header}
    resolved = {}
    for field in fields(CsvColumns):
        chosen = getattr(columns, field.name)
        if chosen is not None:
            if chosen.strip().casefold() not in by_name:
                raise InputError(where, f"no column {chosen!r} (columns: {', '.join(header)})")
            resolved[field.name] = by_name[chosen.strip().casefold()]
            continue
        for candidate in DEFAULT_NAMES[field.name]:
            if candidate in by_name:
                resolved[field.name] = by_name[candidate]
                break
    if "text" not in resolved:
        raise InputError(where, f"no text column: name it with --csv-text (columns: {', '.join(header)})")
    return resolved


def _dialect(sample: str) -> type[csv.Dialect] | csv.Dialect:
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t|")
    except csv.Error:
        return csv.excel


def make_csv_reader(columns: CsvColumns) -> Reader:
    """A reader using ``columns``; a row without text or id is reported, the others go on."""

    @text_reader
    def read_csv(path: Path, text: str) -> Iterator[Item]:
        rows = csv.reader(io.StringIO(text, newline=""), _dialect(text[:20_000]))
        header = next(rows, None)
        if not header:
            yield InputError(str(path), "no header row")
            return
        try:
            resolved = _resolve(header, columns, str(path))
        except InputError as error:
            yield error
            return
        stem = path.name.split(".")[0]
        for number, row in enumerate(rows, start=2):
            if not any(cell.strip() for cell in row):
                continue
            values = dict(zip(header, row, strict=False))
            record = {field: values.get(column) or None for field, column in resolved.items()}
            record.setdefault("id", None)
            record["id"] = record["id"] or f"{stem}:{number}"
            if record.get("date"):
                record["published"] = _iso_date(record.pop("date"))
            try:
                yield document_from_record(record, f"{path}:{number}")
            except InputError as error:
                yield error

    return read_csv


read_csv = make_csv_reader(CsvColumns())
