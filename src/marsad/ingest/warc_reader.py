"""Web archives (WARC, often gzipped): every HTML response record is one document.

The record's target URI is the document id, so a page crawled again with new content becomes a
new version of the same document rather than a second document.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from marsad.errors import InputError
from marsad.ingest.decode import decode_bytes
from marsad.ingest.html_reader import document_from_html
from marsad.ingest.readers import Item


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        name, _, value = part.strip().partition("=")
        if name.lower() == "charset" and value:
            return value.strip("\"' ")
    return None


def _decode(body: bytes, content_type: str, where: str) -> str:
    """The HTTP charset when it is declared and works, else detection."""
    charset = _charset(content_type)
    if charset:
        try:
            return body.decode(charset)
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_bytes(body, where)


def read_warc(path: Path, data: bytes) -> Iterator[Item]:
    """HTML responses with status 200; other records (requests, metadata, images) are not documents."""
    found = 0
    try:
        for number, record in enumerate(ArchiveIterator(io.BytesIO(data)), start=1):
            if record.rec_type != "response" or record.http_headers is None:
                continue
            content_type = record.http_headers.get_header("Content-Type") or ""
            if "html" not in content_type.lower() or record.http_headers.get_statuscode() != "200":
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            where = f"{path}#{number} {url}"
            found += 1
            try:
                html = _decode(record.content_stream().read(), content_type, where)
            except InputError as error:
                yield error
                continue
            date = (record.rec_headers.get_header("WARC-Date") or "")[:10] or None
            yield document_from_html(html, url or f"{path.name}#{number}", where, url=url, fallback_date=date)
    except ArchiveLoadFailed as error:
        yield InputError(str(path), f"not a readable WARC file ({error})")
        return
    if not found:
        yield InputError(str(path), "no HTML responses in the WARC file")
