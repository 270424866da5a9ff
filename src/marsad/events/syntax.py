"""Where words stand in a sentence: word distances, neighbours, and the preposition that governs a mention.

The argument rules read Arabic syntax through these few questions (is the name right after the verb? does
مع or بـ govern it?), asked of a document's tokens with binary search, not of a parse.
"""

from __future__ import annotations

from bisect import bisect_left
from itertools import accumulate

from marsad.linking.mentions import ADJECTIVE, Mention
from marsad.text.normalize import normalize_key
from marsad.text.tokens import Token, split_clitics

PREPOSITIONS = frozenset(normalize_key(w) for w in (
    "مع", "إلى", "الى", "على", "ضد", "من", "في", "عن", "بين", "لدى", "حول", "تجاه", "نحو", "بحق", "إزاء",
))
_PREFIX_PREPOSITIONS = ("ب", "ل", "ك")
# Quantities whose من names what they count (مجموعة من، عشرات من): the noun after is no prepositional object
_PARTITIVES = frozenset(normalize_key(w) for w in ("مجموعة", "عدد", "عشرات", "مئات", "آلاف", "المئات", "الآلاف",
                                                     "العشرات", "بعض", "أحد", "إحدى", "جميع", "كل", "مسلحون",
                                                     "عناصر", "أفراد"))
# Words that open with ك or ل but carry no preposition (وكان الاتحاد الأوروبي أعرب: كان is no ك + أن)
_NOT_PREPOSITIONAL = frozenset({"كان", "كما", "كذلك", "لقد", "لكن", "لكنه", "لكنها"})
# Words of direction before a place (شرقي سوريا، شمال العراق، جنوب البلاد): the place is where, not who
DIRECTIONS = frozenset(normalize_key(w) for w in (
    "شمال", "شمالي", "جنوب", "جنوبي", "شرق", "شرقي", "غرب", "غربي", "وسط", "أقصى"))
# Nouns that name a kind of place before its name (العاصمة الإماراتية أبو ظبي، مدينة درنة)
PLACE_HEADS = frozenset(normalize_key(w) for w in (
    "العاصمة", "عاصمة", "مدينة", "المدينة", "بلدة", "البلدة", "ولاية", "محافظة", "منطقة", "إقليم", "ميناء", "مطار",
    "ريف", "قرية", "القرية", "قرى", "ضواحي", "أطراف", "مخيم")
) | DIRECTIONS
# Heads of a construct whose genitive is a state (زعيمي روسيا، وزير خارجية مصر، قادة دول الخليج)
CONSTRUCT_HEADS = frozenset(normalize_key(w) for w in (
    "زعيم", "زعيمي", "زعماء", "رئيس", "رئيسي", "رؤساء", "وزير", "وزيري", "وزراء", "وزيرة", "خارجية", "دفاع", "داخلية",
    "قادة", "قائد", "ممثل", "ممثلي", "مسؤول", "مسؤولي", "سفير", "سفيري", "سفراء", "مندوب", "مندوبي", "حكومة", "حكومتي",
    "دولة", "دولتي", "دول", "شعب", "شعبي", "جيش", "قوات", "نظيره", "نظيرها", "نظرائه"))
_PLACE_PHRASE = 2  # words a place or construct phrase may put between a preposition and the name
# Words that open a list of participants (بين مصر والسعودية، بمشاركة قوات أمريكية)
BETWEEN_WORDS = frozenset(normalize_key(c + w) for w in ("بين", "بمشاركة", "بقيادة") for c in ("", "و"))
# Words that open an aside between commas after a verb's subject (اتهم الوزير، في حوار مع صحيفة، قطر ...)
_ASIDE_OPENERS = frozenset(normalize_key(w) for w in (
    "في", "خلال", "على", "عبر", "أمام", "لدى", "بعد", "قبل", "أثناء", "وفق", "حسب", "بحسب", "وفقا", "من"))
_ASIDE_REACH = 12  # words an aside may hold
_COMMAS = frozenset({"،", ","})
_INSIDE_AN_ASIDE = frozenset({'"', "«", "»", "(", ")", "-", "/"})  # marks an aside may hold; others end the clause


class SentenceSyntax:
    """Token positions and prepositions of one document, for argument rules."""

    def __init__(self, text: str, tokens: list[Token]) -> None:
        self.text = text
        self.tokens = tokens
        self.starts = [t.start for t in tokens]
        self._words_before = list(accumulate((t.is_word for t in tokens), initial=0))

    def distance(self, end: int, start: int) -> int:
        """Word tokens between offset ``end`` and offset ``start``."""
        if start <= end:
            return 0
        first, last = bisect_left(self.starts, end), bisect_left(self.starts, start)
        return self._words_before[last] - self._words_before[first]

    def next_word_start(self, offset: int) -> int | None:
        """Where the first word token after the token ending at ``offset`` begins (None if it ends elsewhere)."""
        index = bisect_left(self.starts, offset)
        if index == 0 or self.tokens[index - 1].end != offset:
            return None
        return next((t.start for t in self.tokens[index:index + 3] if t.is_word), None)

    def next_word(self, offset: int) -> str | None:
        """The normalized word token after the token ending at ``offset``, if any."""
        start = self.next_word_start(offset)
        if start is None:
            return None
        return normalize_key(self.tokens[bisect_left(self.starts, start)].text)

    def starts_word(self, offset: int) -> bool:
        """Whether a token begins at ``offset`` (no clitic is attached before it)."""
        index = bisect_left(self.starts, offset)
        return index < len(self.starts) and self.starts[index] == offset

    def between_after(self, offset: int, within: int) -> int | None:
        """Where a بين among the next ``within`` word tokens from ``offset`` ends: the participant list it
        opens begins there."""
        index = bisect_left(self.starts, offset)
        words = [t for t in self.tokens[index:index + 2 * within] if t.is_word][:within]
        return next((t.end for t in words if normalize_key(t.text) in BETWEEN_WORDS), None)

    def words_after(self, offset: int, count: int) -> list[Token]:
        """Up to ``count`` word tokens that begin at or after ``offset``."""
        index = bisect_left(self.starts, offset)
        return [t for t in self.tokens[index:index + 2 * count] if t.is_word][:count]

    def aside_end(self, offset: int) -> int | None:
        """Where an aside that opens right after ``offset`` ends (after its closing comma): a comma, a
        preposition and a closing comma within a few words (اتهم الوزير، في حوار مع صحيفة الشرق الأوسط، قطر).
        What it names is neither the verb's subject nor its object."""
        index = bisect_left(self.starts, offset)
        tokens = self.tokens[index:index + 2 * _ASIDE_REACH + 2]
        if len(tokens) < 3 or tokens[0].text not in _COMMAS or normalize_key(tokens[1].text) not in _ASIDE_OPENERS:
            return None
        for token in tokens[2:]:
            if token.text in _COMMAS:
                return token.end
            if not token.is_word and token.text not in _INSIDE_AN_ASIDE:
                return None  # the sentence or clause ends first
        return None

    def previous_word(self, offset: int) -> str | None:
        """The normalized word token just before ``offset``."""
        words = self.previous_words(offset, 1)
        return words[0] if words else None

    def previous_words(self, offset: int, count: int) -> list[str]:
        """Up to ``count`` normalized word tokens before ``offset``, nearest first."""
        words: list[str] = []
        index = bisect_left(self.starts, offset) - 1
        if index >= 0 and self.tokens[index].end > offset:
            index -= 1  # the token the offset falls inside (وترفض: after its و) is not before it
        while index >= 0 and len(words) < count:
            if self.tokens[index].is_word:
                words.append(normalize_key(self.tokens[index].text))
            index -= 1
        return words

    def preposition(self, mention: Mention) -> str | None:
        """What governs a mention: a clitic preposition (بالرباط: ب), a conjunction (وواشنطن: و),
        or the word before it (مع بوريطة: مع); None for a bare noun phrase. A place after a word of
        direction is where something happens (غارات جوية شرقي سوريا): في when nothing else governs it."""
        governor = self._governor(mention)
        if governor is None and self.previous_word(mention.start) in DIRECTIONS:
            return "في"
        return governor

    def _governor(self, mention: Mention) -> str | None:
        index = bisect_left(self.starts, mention.start + 1) - 1
        if index < 0:
            return None
        token = self.tokens[index]
        prefix = normalize_key(self.text[token.start:mention.start])
        core = prefix[1:] if prefix[:1] in ("و", "ف") else prefix
        if core[:1] in _PREFIX_PREPOSITIONS:
            return core[0]
        if prefix:
            return "و"
        words = [normalize_key(t.text) for t in reversed(self.tokens[max(0, index - 6):index]) if t.is_word]
        for position, word in enumerate(words[:_PLACE_PHRASE + 1]):
            if word[:1] in ("و", "ف") and word[1:] in PREPOSITIONS:
                word = word[1:]
            if word == "من" and words[position + 1:position + 2] and (
                    words[position + 1].removeprefix("و") in _PARTITIVES):
                return None  # اعتدت مجموعة من المستوطنين: the settlers are the subject, a group of them
            if word in PREPOSITIONS:
                return word
            if word.removeprefix("و").removeprefix("ف") in _NOT_PREPOSITIONAL:
                return None
            # بنجاعة الأمن المغربي: the mention completes a noun that a clitic preposition governs
            proclitics, stem, _ = split_clitics(word)
            proclitics = proclitics[:-2] if proclitics.endswith("ال") else proclitics  # the article's ل is none
            # (not وبحث read as و + ب + حث: a stem of two letters is a verb's, not a noun's)
            if proclitics[-1:] in _PREFIX_PREPOSITIONS and len(stem) > 2:
                return proclitics[-1]
            # في العاصمة الإماراتية أبو ظبي، مع زعيمي روسيا: the preposition before a place noun or the head of
            # a construct governs the name that completes it
            # على وزيرين تركيين: an adjective describes the noun before it, which the preposition governs
            if word not in PLACE_HEADS and word not in CONSTRUCT_HEADS and not is_nisba(word) \
                    and not (position == 0 and mention.kind == ADJECTIVE):
                return None
        return None


def is_nisba(word: str) -> bool:
    """الإماراتية، المغربي: an adjective of origin, which can stand between a place noun and its name."""
    return word.startswith("ال") and word.endswith(("يه", "ي"))
