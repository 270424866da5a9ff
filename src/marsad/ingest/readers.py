"""Turn paths into documents, one reader per input format.

Readers never raise for a bad document: they yield an :class:`InputError` in its place, so a
batch goes on and the caller reports it. Only an unreadable *path* (missing) is fatal.
"""

from __future__ import annotations

import functools
import gzip
import json
from collections.abc import Callable, Iterable, Iterator
from importlib import import_module
from pathlib import Path

from marsad.errors import InputError
from marsad.ingest.decode import decode_bytes
from marsad.model import Document
from marsad.timeutil import parse_published

Item = Document | InputError
Reader = Callable[[Path, bytes], Iterator[Item]]


def read_bytes(path: Path) -> bytes:
    """The file's bytes, gunzipped when it ends in ``.gz``."""
    data = path.read_bytes()
    if path.suffix == ".gz":
        try:
            return gzip.decompress(data)
        except (OSError, EOFError) as error:
            raise InputError(str(path), f"broken gzip file ({error})") from error
    return data


def document_from_record(record: object, where: str) -> Document:
    """Validate one CONTRACT input object (``id`` and ``text`` required)."""
    if not isinstance(record, dict):
        raise InputError(where, f"expected a JSON object, got {type(record).__name__}")
    missing = [key for key in ("id", "text") if record.get(key) in (None, "")]
    if missing:
        raise InputError(where, f"missing required field(s): {', '.join(missing)}")
    if not isinstance(record["text"], str):
        raise InputError(where, "field 'text' must be a string")
    if not record["text"].strip():
        raise InputError(where, "empty text")
    document = Document.from_dict(record)
    if document.published is not None:
        try:
            parse_published(str(document.published))
        except ValueError as error:
            raise InputError(where, f"bad 'published' value {document.published!r}: {error}") from error
        document.published = str(document.published)
    return document


def text_reader(read: Callable[[Path, str], Iterator[Item]]) -> Reader:
    """A reader of decoded text: a file that is not text yields its error and never reaches ``read``."""

    @functools.wraps(read)
    def reader(path: Path, data: bytes) -> Iterator[Item]:
        try:
            text = decode_bytes(data, str(path))
        except InputError as error:
            yield error
            return
        yield from read(path, text)

    return reader


@text_reader
def read_text_file(path: Path, text: str) -> Iterator[Item]:
    """A plain text file is one document; its id is the file name without extension."""
    if not text.strip():
        yield InputError(str(path), "empty text")
        return
    stem = path.name.split(".")[0]
    yield Document(id=stem, text=text)


def numbered_json_lines(text: str) -> Iterator[tuple[int, str]]:
    """The non-blank lines of a JSON-lines text, numbered from 1. Lines end at "\n" only: ``str.splitlines``
    would also cut at the U+2028 or U+0085 a JSON string may hold unescaped."""
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            yield number, line


def _json_lines(path: Path, text: str) -> Iterator[Item]:
    """CONTRACT JSON lines: one document object per line; a bad line is reported and skipped."""
    for number, line in numbered_json_lines(text):
        where = f"{path}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield InputError(where, f"malformed JSON ({error.msg} at column {error.colno})")
            continue
        try:
            yield document_from_record(record, where)
        except InputError as error:
            yield error


read_json_lines = text_reader(_json_lines)


@text_reader
def read_json(path: Path, text: str) -> Iterator[Item]:
    """A ``.json`` file: one document object, a list of them, or (often) JSON lines after all."""
    try:
        value = json.loads(text)
    except json.JSONDecodeError:
        yield from _json_lines(path, text)
        return
    records = value if isinstance(value, list) else [value]
    for index, record in enumerate(records):
        try:
            yield document_from_record(record, f"{path}[{index}]")
        except InputError as error:
            yield error


def _lazy(module: str, name: str) -> Reader:
    """A reader imported on first use: keeps trafilatura, warcio and feedparser out of startup."""

    def read(path: Path, data: bytes) -> Iterator[Item]:
        return getattr(import_module(f"marsad.ingest.{module}"), name)(path, data)

    return read


READERS: dict[str, Reader] = {
    ".txt": read_text_file,
    ".text": read_text_file,
    ".jsonl": read_json_lines,
    ".ndjson": read_json_lines,
    ".json": read_json,
    ".csv": _lazy("csv_reader", "read_csv"),
    ".tsv": _lazy("csv_reader", "read_csv"),
    ".html": _lazy("html_reader", "read_html"),
    ".htm": _lazy("html_reader", "read_html"),
    ".warc": _lazy("warc_reader", "read_warc"),
    ".rss": _lazy("feed_reader", "read_feed"),
    ".atom": _lazy("feed_reader", "read_feed"),
    ".xml": _lazy("feed_reader", "read_feed"),
}


def format_of(path: Path) -> str:
    """The format suffix that picks a reader, looking through a trailing ``.gz``."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return suffixes[-1] if suffixes else ""


def iter_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Files named directly, and readable files found recursively under directories, sorted."""
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and format_of(p) in READERS)
        elif path.exists():
            yield path
        else:
            raise FileNotFoundError(f"no such file or directory: {path}")


def iter_documents(paths: Iterable[Path]) -> Iterator[Item]:
    """Every document (or the error in its place) from files and directories."""
    for path in iter_files(paths):
        reader = READERS.get(format_of(path), read_text_file)
        try:
            data = read_bytes(path)
        except InputError as error:
            yield error
            continue
        except OSError as error:
            yield InputError(str(path), f"cannot read file ({error.strerror})")
            continue
        yield from reader(path, data)
