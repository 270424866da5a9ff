"""Normalization for matching that never loses the way back to the original characters.

Arabic news spells the same word many ways (أ/إ/آ/ا, ى/ي, ة/ه, diacritics, tatweel, three digit
systems, several quote marks). Matchers work on the normalized string; every index in it maps
back to an index in the original, so spans found there are reported in the text the user gave.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

# One-to-one substitutions: same length, so offsets are unchanged.
_SUBSTITUTIONS = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ى": "ي", "ی": "ي", "ئ": "ي",
    "ؤ": "و",
    "ة": "ه",
    "ک": "ك", "ڤ": "ف", "ڨ": "ق", "گ": "ك", "پ": "ب", "چ": "ج",
    "،": ",", "؛": ";", "؟": "?", "٪": "%", "٫": ".", "٬": ",",
    "–": "-", "—": "-", "ـ": None,
    "_": " ",  # a hashtag's words (#التعاون_الإسلامي) are the words it joins
    "\u00a0": " ", "\u200f": None, "\u200e": None, "\u200b": None, "\u200c": None, "\u200d": None,
    "\ufeff": None,
}
for _i in range(10):
    _SUBSTITUTIONS[chr(0x0660 + _i)] = str(_i)  # Arabic-Indic digits
    _SUBSTITUTIONS[chr(0x06F0 + _i)] = str(_i)  # Persian (Extended Arabic-Indic) digits

# Characters dropped entirely: harakat, shadda, sukun, superscript alef, Quranic marks, tatweel, format marks,
# the hash of a hashtag (بن علي #يلدرم is the name بن علي يلدرم), and quote marks: a quoted word is the same
# word (عن "أسفه" is the phrase عن أسفه, حزب "الإصلاح" the party).
# The space inside a name made with عبد goes too: عبد العزيز and عبدالعزيز are one name, however written
# (with proclitics: وعبد الله، لعبد الرحمن). The space is matched before the look-behinds, so they are tried at
# spaces only, not at every character (that halved the time of normalizing an article).
_ABD_SPACE = (" (?:" + "|".join(f"(?<=(?<![\u0621-\u064a]){clitics}عبد )"
                                for clitics in ("", "[وفبلك]", "[وف][بلك]")) + ")(?=[\u0621-\u064a])")
_DROP_RE = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200b-\u200f\ufeff#\"'“”„«»‘’‚]|"
                      + _ABD_SPACE)
_TABLE = str.maketrans({k: v for k, v in _SUBSTITUTIONS.items() if v is not None})


def _presentation_forms() -> dict[str, str]:
    """Each Arabic presentation form (the contextual shapes and ligatures of U+FB50-FDFF and U+FE70-FEFE that
    text copied from PDFs and old web pages is written in) with the letters it stands for, its marks dropped:
    ﻻ is لا, ﺑ is ب, a mark's isolated form is nothing."""
    forms = {}
    for code in (*range(0xFB50, 0xFE00), *range(0xFE70, 0xFEFF)):
        form = chr(code)
        letters = unicodedata.normalize("NFKC", form)
        if letters != form and unicodedata.category(form) != "Cn":
            forms[form] = _DROP_RE.sub("", letters).strip()
    return forms


_PRESENTATION_FORMS = _presentation_forms()
_PRESENTATION_RE = re.compile("[" + "".join(re.escape(form) for form in sorted(_PRESENTATION_FORMS)) + "]")
# what normalization edits: characters dropped, and presentation forms replaced by their letters (a ligature by
# more than one; each letter maps back to the form it came from)
_EDIT_RE = re.compile(f"(?:{_DROP_RE.pattern})|{_PRESENTATION_RE.pattern}")


def fold_presentation_forms(text: str) -> str:
    """``text`` with its presentation forms replaced by the letters they stand for (no offsets kept: for a token)."""
    return _PRESENTATION_RE.sub(lambda form: _PRESENTATION_FORMS[form.group()], text)


@dataclass(frozen=True, slots=True)
class Normalized:
    """A normalized string with the map from its indices back to the original text."""

    text: str
    original: str
    _offsets: array | None  # None when nothing was dropped: indices are the same

    def to_original(self, index: int) -> int:
        """Original index of normalized ``index`` (``len(text)`` maps to ``len(original)``)."""
        if self._offsets is None:
            return index
        if index >= len(self._offsets):
            return len(self.original)
        return self._offsets[index]

    def from_original(self, index: int) -> int:
        """Normalized index of the first kept character at or after original ``index``."""
        if self._offsets is None:
            return index
        return bisect_left(self._offsets, index)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original ``(start, end)`` of the normalized span ``[start, end)``."""
        if self._offsets is None or start >= end:
            return self.to_original(start), self.to_original(end)
        return self._offsets[start], self._offsets[end - 1] + 1


def normalize(text: str) -> Normalized:
    """Normalize ``text`` for matching, keeping a map back to original offsets (linear time)."""
    if not _EDIT_RE.search(text):
        return Normalized(text.translate(_TABLE), text, None)
    kept = array("l")
    pieces: list[str] = []
    position = 0
    for match in _EDIT_RE.finditer(text):
        pieces.append(text[position:match.start()])
        kept.extend(range(position, match.start()))
        letters = _PRESENTATION_FORMS.get(match.group(), "")  # a dropped character has none
        pieces.append(letters)
        kept.extend([match.start()] * len(letters))
        position = match.end()
    pieces.append(text[position:])
    kept.extend(range(position, len(text)))
    return Normalized("".join(pieces).translate(_TABLE), text, kept)


def normalized(text: str | Normalized) -> Normalized:
    """``text`` normalized, unless it already is: an analyzer normalizes a document once for all its stages."""
    return text if isinstance(text, Normalized) else normalize(text)


@lru_cache(maxsize=65_536)
def normalize_key(text: str) -> str:
    """Normalized form of a lexicon entry or alias: what matchers compare against.

    Memoized: the linker and the event stage normalize the same few words (prepositions, titles, names) over and
    over, about 110 times per article.
    """
    return " ".join(normalize(text).text.split())
