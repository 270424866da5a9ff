"""Datelines: the places a story is filed from (الخرطوم - ، واس - إسلام آباد: ، دبي، الإمارات (CNN)-).

They open a line before a dash or colon with nothing else there but agency words. They stay entities, but
they are no actors: read as the subject of the verb that follows, إسلام آباد: دعت الولايات المتحدة باكستان
would make Pakistan the one who called.
"""

from __future__ import annotations

import re

from marsad.linking.mentions import CAPITAL, NAME, Mention
from marsad.text.normalize import normalize_key
from marsad.text.spans import SpanIndex

# The opening characters of a line, cut at dashes and colons (a tatweel between spaces too).
_LINE_START = re.compile(r"^[ \t]*(?=\S)", re.MULTILINE)
_SEPARATOR = re.compile(r"[:\-–—\n]|\sـ(?=\s)")
_REACH = 70  # characters
_FILLER = re.compile(r"\([^)\n]*\)|[A-Za-z.]+|[،,/]")  # (CNN), Latin agency names, separators


def mark_datelines(text: str, mentions: list[Mention], dateline_words: frozenset[str]) -> None:
    """Set ``dateline`` on the mentions of places that open a line as its dateline.

    ``dateline_words`` (normalized) are what a dateline may hold besides its places: agencies, bureau words.
    """
    index = SpanIndex(mentions, lambda m: m.start)
    for line in _LINE_START.finditer(text):
        segment_start = line.end()
        places: list[Mention] = []
        for separator in _SEPARATOR.finditer(text, segment_start, segment_start + _REACH):
            inside = [m for m in index.within(segment_start, separator.start())
                      if m.end <= separator.start() and (_is_place(m) or _is_media(m))]
            rest = list(text[segment_start:separator.start()])
            for mention in inside:  # blank places and agencies: what remains must be agency words
                size = mention.end - mention.start
                rest[mention.start - segment_start:mention.end - segment_start] = " " * size
            words = _FILLER.sub(" ", "".join(rest)).split()
            if not all(normalize_key(word) in dateline_words for word in words):
                break
            places += [m for m in inside if _is_place(m)]
            segment_start = separator.end()
        if places and (places[0].kind == CAPITAL or places[0].actors[0].kind == "place"):
            for mention in places:
                mention.dateline = True


def _is_place(mention: Mention) -> bool:
    """A capital, a place or a state named on its own: what a dateline names."""
    return mention.kind == CAPITAL or (mention.kind == NAME and bool(mention.actors)
                                       and all(a.kind in ("place", "state") for a in mention.actors))


def _is_media(mention: Mention) -> bool:
    return bool(mention.actors) and all(a.sector == "MED" for a in mention.actors)
