"""HTML pages: the article's main text, title, date and site name, by trafilatura.

trafilatura separates the article from menus, comments and footers, which would otherwise be
analyzed as if they were news. A page with no extractable article is reported, not stored empty.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import trafilatura

from marsad.errors import InputError
from marsad.ingest.readers import Item, document_from_record, text_reader


def document_from_html(html: str, doc_id: str, where: str, url: str | None = None,
                       fallback_date: str | None = None) -> Item:
    """The document one HTML page holds, or the error saying why it holds none."""
    extracted = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                            include_tables=False)
    text = getattr(extracted, "text", None) if extracted is not None else None
    if not text or not text.strip():
        return InputError(where, "no article text found in the HTML page")
    record = {
        "id": doc_id, "text": text, "title": extracted.title, "url": url or extracted.url,
        "outlet": extracted.sitename, "published": extracted.date or fallback_date,
        "lang": extracted.language,
    }
    try:
        return document_from_record(record, where)
    except InputError as error:
        return error


@text_reader
def read_html(path: Path, html: str) -> Iterator[Item]:
    """One page per file; its id is the file name without extension."""
    yield document_from_html(html, path.name.split(".")[0], str(path))
