"""RSS and Atom feeds: each item is a document, its content (or description) as plain text.

feedparser reads every RSS and Atom dialect and its encodings; item bodies are HTML fragments,
turned into text here with paragraph breaks kept so sentences do not run together.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import feedparser

from marsad.errors import InputError
from marsad.ingest.readers import Item, document_from_record

_BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "blockquote", "section"}
_SKIP = {"script", "style"}


class _TextOf(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self.skipping += 1
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment: tags dropped, entities decoded, one paragraph per line."""
    parser = _TextOf()
    parser.feed(fragment)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).splitlines())
    return "\n".join(line for line in lines if line)


def _published(entry: Any) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return dt.datetime(*parsed[:6], tzinfo=dt.UTC).isoformat() if parsed else None


def _body(entry: Any) -> str:
    contents = entry.get("content") or []
    html = max((c.get("value", "") for c in contents), key=len, default="") or entry.get("summary", "")
    return html_to_text(html)


def read_feed(path: Path, data: bytes) -> Iterator[Item]:
    """Every item of an RSS or Atom file; an item without text is reported."""
    feed = feedparser.parse(data)
    if not feed.entries:
        reason = "feed has no items" if feed.version else "not an RSS or Atom feed"
        yield InputError(str(path), reason)
        return
    outlet = feed.feed.get("title")
    for index, entry in enumerate(feed.entries):
        where = f"{path}[{index}]"
        record = {
            "id": entry.get("id") or entry.get("link") or f"{path.name.split('.')[0]}#{index}",
            "text": _body(entry), "title": entry.get("title"), "url": entry.get("link"),
            "outlet": outlet, "published": _published(entry), "lang": feed.feed.get("language"),
        }
        try:
            yield document_from_record(record, where)
        except InputError as error:
            yield error
