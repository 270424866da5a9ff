"""Find lexicon phrases in normalized text in one pass, the way Arabic attaches clitics to them.

An Aho-Corasick automaton (pyahocorasick) finds every occurrence of every phrase; a match counts
only where it could be a word: after a word start or a proclitic (و ف ب ل ك and their
combinations: وبلينكن، لواشنطن، وبالرباط), before a word end or an allowed suffix (زارت، زيارته).
After ``لل`` the article's alef is elided, so ``للولايات المتحدة`` matches ``الولايات المتحدة``.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Hashable
from dataclasses import dataclass

import ahocorasick

from marsad.text.normalize import normalize_key
from marsad.text.tokens import clitics_plausible

PROCLITIC_PREFIXES = frozenset({
    "", "و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك", "س", "وس", "فس", "لل", "ولل", "فلل",
})
# The article and its combinations, allowed before common nouns (الزيارة، بالزيارة، وللزيارة).
ARTICLE_PREFIXES = frozenset({"ال", "وال", "فال", "بال", "كال", "وبال", "فبال", "لل", "ولل", "فلل"})
PRONOUN_SUFFIXES = ("ه", "ها", "هم", "هما", "هن", "ك", "كم", "نا", "ي")
_MAX_PREFIX = 4
_SHORT_KEY = 3  # keys this short are checked against reading the clitics as part of a longer word
_MAX_SUFFIX = 4


@dataclass(frozen=True, slots=True)
class PhraseMatch:
    start: int  # in the normalized text, including no clitic
    end: int
    prefix: str  # the proclitics before the phrase inside the same word
    suffix: str  # the suffix after it inside the same word
    payloads: tuple[Hashable, ...]


@dataclass(frozen=True, slots=True)
class _Entry:
    payload: Hashable
    suffixes: frozenset[str]
    prefixes: frozenset[str]
    after_lil: bool  # the key is an ال-phrase without its ال, valid only after لل


class PhraseMatcher:
    """Phrases (normalized on the way in) mapped to payloads; ambiguous phrases keep every payload."""

    def __init__(self) -> None:
        self._entries: dict[str, list[_Entry]] = {}
        self._automaton: ahocorasick.Automaton | None = None

    def __len__(self) -> int:
        return len(self._entries)

    def add(self, phrase: str, payload: Hashable, suffixes: tuple[str, ...] = (), article: bool = False) -> None:
        """Register ``phrase``; ``suffixes`` are the endings it may carry inside its word.

        ``article``: the phrase is a common noun that may take the article (زيارة -> الزيارة).
        """
        key = normalize_key(phrase)
        if not key:
            return
        allowed = frozenset(("", *suffixes))
        prefixes = PROCLITIC_PREFIXES | ARTICLE_PREFIXES if article else PROCLITIC_PREFIXES
        self._put(key, _Entry(payload, allowed, prefixes, False))
        if key.startswith("ال") and len(key) > 3:
            self._put(key[2:], _Entry(payload, allowed, prefixes, True))
        if key.endswith("ه") and suffixes:
            # ta marbuta is written ت before a suffix: زيارة -> زيارته، زيارتها
            self._put(key[:-1] + "ت", _Entry(payload, frozenset(s for s in suffixes if s), prefixes, False))
        self._automaton = None

    def _put(self, key: str, entry: _Entry) -> None:
        entries = self._entries.setdefault(key, [])
        if entry not in entries:
            entries.append(entry)

    def _build(self) -> ahocorasick.Automaton:
        """The automaton; each key carries every suffix and prefix any of its entries allows, so that most
        occurrences (inside longer words, with endings no entry takes) are dropped before the entries are read."""
        automaton = ahocorasick.Automaton()
        for key, entries in self._entries.items():
            suffixes, prefixes = entries[0].suffixes, entries[0].prefixes  # most keys have one entry
            for entry in entries[1:]:
                suffixes, prefixes = suffixes | entry.suffixes, prefixes | entry.prefixes
            automaton.add_word(key, (key, suffixes, prefixes))
        automaton.make_automaton()
        return automaton

    def find(self, text: str) -> list[PhraseMatch]:
        """Every clitic-aware occurrence in normalized ``text`` (overlaps included), by start."""
        if not self._entries:
            return []
        if self._automaton is None:
            self._automaton = self._build()
        found: list[PhraseMatch] = []
        for last, (key, suffixes, prefixes) in self._automaton.iter(text):
            start, end = last - len(key) + 1, last + 1
            suffix = _word_suffix(text, end)
            if suffix not in suffixes:  # None is in no set
                continue
            prefix = _word_prefix(text, start)
            if prefix not in prefixes:
                continue
            if prefix and len(key) <= _SHORT_KEY and not clitics_plausible(prefix, key + suffix):
                continue  # وبحث is و + بحث, not و + ب + حث
            payloads = tuple(
                e.payload for e in self._entries[key]
                if suffix in e.suffixes and prefix in e.prefixes and (not e.after_lil or prefix.endswith("لل"))
            )
            if payloads:
                found.append(PhraseMatch(start, end, prefix, suffix, payloads))
        found.sort(key=lambda m: (m.start, -m.end))
        return found

    def __getstate__(self) -> dict[str, object]:
        return {"_entries": self._entries}

    def __setstate__(self, state: dict[str, object]) -> None:
        self._entries = state["_entries"]  # type: ignore[assignment]
        self._automaton = None


def _word_prefix(text: str, start: int) -> str | None:
    """The in-word characters before ``start`` if they are few enough to be clitics, else None."""
    begin = start
    while begin > 0 and text[begin - 1].isalnum():
        begin -= 1
        if start - begin > _MAX_PREFIX:
            return None
    return text[begin:start]


def _word_suffix(text: str, end: int) -> str | None:
    """The in-word characters after ``end`` if few enough to be a suffix, else None."""
    finish = end
    while finish < len(text) and text[finish].isalnum():
        finish += 1
        if finish - end > _MAX_SUFFIX:
            return None
    return text[end:finish]


def longest_first(matches: list[PhraseMatch]) -> list[PhraseMatch]:
    """Non-overlapping matches, longer ones winning, returned in text order (n log n)."""
    chosen: list[PhraseMatch] = []
    starts: list[int] = []  # the chosen spans, disjoint, kept sorted by start
    ends: list[int] = []
    for match in sorted(matches, key=lambda m: (-(m.end - m.start), m.start)):
        index = bisect_left(starts, match.start)
        if index < len(starts) and starts[index] < match.end:
            continue  # a chosen span starts inside this one
        if index > 0 and ends[index - 1] > match.start:
            continue  # the chosen span before this one reaches into it
        starts.insert(index, match.start)
        ends.insert(index, match.end)
        chosen.append(match)
    return sorted(chosen, key=lambda m: m.start)
