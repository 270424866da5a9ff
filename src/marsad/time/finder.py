"""TimeFinder: find every temporal expression in a text and resolve it on the publication date."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Sequence
from pathlib import Path

from marsad.model import Timex
from marsad.text.normalize import Normalized, normalized
from marsad.time import published as published_rules
from marsad.time.grammar import Grammar
from marsad.time.lexicon import Lexicon, load_lexicon
from marsad.time.rules import NAME, RULES, Context

_TRIM = " \t\n,.;:-(\"'"
_OPENING_QUOTES = frozenset('«"“')
_QUOTED_NAME = re.compile(r'[^\W\d_]*(?: [^\W\d_]+)?[»"”]')  # what may follow the time word to the closing quote


def _quoted_name(text: str, start: int, end: int) -> bool:
    """The expression opens a short quotation, a word or two: a newspaper or a site (قال لـ«اليوم»، صحيفة «الغد»،
    موقع "اليوم السابع"), not a date."""
    return start > 0 and text[start - 1] in _OPENING_QUOTES and _QUOTED_NAME.match(text, end) is not None


class TimeFinder:
    """Holds the loaded lexicon and compiled patterns; cheap to reuse, pickles cleanly."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.grammar = Grammar(lexicon)

    @classmethod
    def load(cls, extra_dirs: Sequence[Path] = ()) -> TimeFinder:
        """Shipped lexicon plus the files in ``extra_dirs`` (same file names extend the lists)."""
        return cls(load_lexicon(extra_dirs))

    def __getstate__(self) -> dict[str, Lexicon]:
        return {"lexicon": self.lexicon}

    def __setstate__(self, state: dict[str, Lexicon]) -> None:
        self.__init__(state["lexicon"])

    def find(self, text: str | Normalized, published: dt.date | None) -> list[Timex]:
        """Timexes sorted by start, non-overlapping (the longest match wins), offsets into ``text`` (or into the
        original of its normalization)."""
        norm = normalized(text)
        text = norm.original
        context = Context(norm.text, published, self.lexicon, self.grammar)
        timexes = []
        for start, end, kind, value in self._select(context):
            start, end = norm.span(start, end)
            if not _quoted_name(text, start, end):
                timexes.append(Timex(start, end, text[start:end], kind, value))
        return timexes

    def infer_published(self, text: str | Normalized) -> tuple[str | None, str | None]:
        """Publication date from a dateline or from the text's own cross-checking phrases."""
        return published_rules.infer(self, normalized(text).text)

    def matches(self, context: Context) -> Iterator[tuple[str, re.Match[str]]]:
        """Every raw pattern match, before rules accept or resolve it, in text order."""
        patterns, text = self.grammar.patterns, context.text
        for position, names in sorted(self.grammar.candidates(text)):  # same order every run
            for name in names:
                match = patterns[name].match(text, position)
                if match:
                    yield name, match

    def _select(self, context: Context) -> list[tuple[int, int, str, str | None]]:
        found = []
        priority = {name: rank for rank, (name, _) in enumerate(RULES)}
        rules = dict(RULES)
        for name, match in self.matches(context):
            start, end = _trimmed(context.text, match.start(), match.end())
            if start >= end:
                continue
            result = rules[name](match, context)
            if result is not None:
                found.append((start, end, priority[name], *result))
        found.sort(key=lambda f: (f[0] - f[1], f[2], f[0]))
        taken: list[tuple[int, int, str, str | None]] = []
        for start, end, _, kind, value in found:
            if all(end <= s or start >= e for s, e, _, _ in taken):
                taken.append((start, end, kind, value))
        return sorted(t for t in taken if t[2] != NAME)


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop spaces and punctuation a pattern swallowed at either edge (keep a closing parenthesis)."""
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    if text.count("(", start, end) < text.count(")", start, end) and text[end - 1] == ")":
        end -= 1
    return start, end
