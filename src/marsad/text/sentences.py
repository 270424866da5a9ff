"""Sentence segmentation with offsets.

News paragraphs are lines; inside a line a sentence ends at . ! ? ؟ or … followed by a space,
except after a lone Latin capital (U.S. Embassy) or a one-letter Arabic abbreviation (د. for Dr).
"""

from __future__ import annotations

import re

_BREAK_RE = re.compile(r"(?<=[.!?؟…])[\"'”»’)]*\s+|\n+")
_ABBREVIATION_RE = re.compile(r"(?<!\w)(?:[A-Z]|[\u0621-\u064a])\.$")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence, trimmed of surrounding white space."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _BREAK_RE.finditer(text):
        if match.group().strip() == "" and "\n" not in match.group() and _ABBREVIATION_RE.search(
            text[max(0, match.start() - 4):match.start()]
        ):
            continue
        _append(spans, text, start, match.start())
        start = match.end()
    _append(spans, text, start, len(text))
    return spans


def _append(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        spans.append((start, end))
