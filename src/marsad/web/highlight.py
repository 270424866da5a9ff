"""The article as HTML with its entities, dates and events marked, built only from escaped pieces.

The text is cut at every span boundary; each piece is escaped and wrapped in a ``<span>`` whose classes
say what covers it. Nothing from the article is ever inserted unescaped.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise

from markupsafe import Markup, escape


@dataclass(frozen=True, slots=True)
class Mark:
    start: int
    end: int
    css: str
    title: str = ""
    event: int | None = None


def marks_of(document: dict, selected: int | None) -> list[Mark]:
    """Entities, time expressions and event evidence of a stored document, the selected event apart."""
    marks = [Mark(e["start"], e["end"], f"ent ent-{e['type'].lower()}", f"{e['type']} {e['actor'] or ''}".strip())
             for e in document["entities"]]
    marks += [Mark(t["start"], t["end"], "tx", f"{t['type']} {t['value'] or ''}".strip()) for t in document["timexes"]]
    for row in document["events"]:
        v = row.values
        css = "ev selected" if v["id"] == selected else "ev"
        marks.append(Mark(v["evidence_start"], v["evidence_end"], css, v["type"], v["id"]))
    return marks


def _open(covering: Iterable[Mark]) -> tuple[str, str, int | None]:
    classes, titles, event = [], [], None
    for mark in covering:
        classes += [c for c in mark.css.split() if c not in classes]
        if mark.title:
            titles.append(mark.title)
        if "selected" in mark.css.split():
            event = mark.event
    return " ".join(classes), " · ".join(titles), event


def highlight(text: str, marks: list[Mark]) -> Markup:
    """``text`` with ``<span class=...>`` around every piece covered by marks; the first selected piece gets an id."""
    n = len(text)
    marks = [m for m in marks if 0 <= m.start < m.end <= n]
    cuts = sorted({0, n, *(m.start for m in marks), *(m.end for m in marks)})
    pieces, anchored = [], False
    for start, end in pairwise(cuts):
        chunk = escape(text[start:end])
        covering = [m for m in marks if m.start <= start and end <= m.end]
        if not covering:
            pieces.append(chunk)
            continue
        classes, title, selected = _open(covering)
        anchor = ""
        if selected is not None and not anchored:
            anchor, anchored = Markup(' id="selected-evidence"'), True
        pieces.append(Markup('<span class="{}" title="{}"{}>{}</span>').format(classes, title, anchor, chunk))
    return Markup("").join(pieces)
