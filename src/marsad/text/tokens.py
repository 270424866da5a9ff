"""Tokens with offsets, and clitic segmentation decided by corpus frequency.

Arabic glues conjunctions, prepositions and the article to the next word (وبلينكن، للولايات،
بالرباط) and pronouns to the end (زيارته). Splitting by rule alone breaks real words (وزير is not
و+زير), so a split is taken only when the remainder is a word the news corpus knows well.
"""

from __future__ import annotations

import gzip
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from marsad.text.normalize import normalize

# Letters, digits and the marks that live inside Arabic words (harakat, tatweel).
WORD_RE = re.compile(r"[\w\u0610-\u061a\u064b-\u065f\u0670\u0640\u200c]+")
TOKEN_RE = re.compile(WORD_RE.pattern + r"|[^\s\w]")

PROCLITICS = ("وبال", "فبال", "وكال", "وال", "فال", "بال", "كال", "ولل", "فلل", "لل", "وب", "ول", "وك", "فب",
              "فل", "ال", "و", "ف", "ب", "ل", "ك", "س")
ENCLITICS = ("هما", "كما", "هم", "هن", "كم", "كن", "نا", "ها", "ه", "ك", "ي")
_MIN_STEM = 2


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str

    @property
    def is_word(self) -> bool:
        return bool(WORD_RE.fullmatch(self.text))


def tokenize(text: str) -> list[Token]:
    """Words and single punctuation marks, with offsets into ``text``."""
    return [Token(m.start(), m.end(), m.group()) for m in TOKEN_RE.finditer(text)]


@cache
def vocabulary() -> dict[str, int]:
    """Normalized word -> corpus count, from the shipped frequency list."""
    path = resources.files("marsad") / "data/lexicons/vocab.tsv.gz"
    counts: dict[str, int] = {}
    with gzip.open(path.open("rb"), "rt", encoding="utf-8") as lines:
        for line in lines:
            if line.startswith("#"):
                continue
            word, _, count = line.rstrip("\n").partition("\t")
            counts[word] = int(count)
    return counts


def _known(word: str, vocab: dict[str, int]) -> int:
    return vocab.get(word, 0)


def clitics_plausible(prefix: str, stem: str) -> bool:
    """Whether ``prefix + stem`` reads better as clitics on ``stem`` than as one word: بحث is a word, not
    ب + حث; a leading conjunction (و، ف) is always a clitic."""
    core = prefix[1:] if prefix[:1] in ("و", "ف") else prefix
    if core not in ("ب", "ل", "ك", "س"):  # nothing, or the article (اليمن، لليمن): always a clitic
        return True
    vocab = vocabulary()
    return _known(core + stem, vocab) <= _known(stem, vocab)


def split_clitics(word: str) -> tuple[str, str, str]:
    """``(proclitics, stem, enclitic)`` of a normalized word; the parts concatenate to ``word``.

    A prefix is split off when the stem is a frequent word in its own right and more frequent
    than the whole form (so وزير stays whole but وواشنطن and بالرباط split). ``ال`` and ``لل`` are
    split off too, leaving the bare noun, because that is how names and lexicon entries are keyed.
    """
    vocab = vocabulary()
    whole = _known(word, vocab)
    prefix, stem = "", word
    for clitic in PROCLITICS:
        rest = word[len(clitic):]
        if word.startswith(clitic) and len(rest) >= _MIN_STEM:
            # After لل the article's alef is elided: للولايات is ل + الولايات.
            count = max(_known(rest, vocab), _known("ال" + rest, vocab) if clitic.endswith("لل") else 0)
            if count > max(whole, 5) or (whole == 0 and count > 0):
                prefix, stem = clitic, rest
                break
    suffix = ""
    stem_count = _known(stem, vocab)
    for clitic in ENCLITICS:
        base = stem[: -len(clitic)]
        # A final ه after ي is almost always the ta marbuta of a nisba adjective (المغربية), not a pronoun.
        if stem.endswith(clitic) and len(base) >= 3 and not (clitic == "ه" and base.endswith("ي")):
            candidates = (base, base[:-1] + "ه" if base.endswith("ت") else base)
            if any(_known(c, vocab) > max(stem_count * 2, 20) for c in candidates):
                stem, suffix = base, clitic
                break
    return prefix, stem, suffix


def stem_of(word: str) -> str:
    """The clitic-free form of a word (normalized first), as lexicons are keyed."""
    return split_clitics(normalize(word).text)[1]


def without_article(word: str) -> str:
    """A normalized word without its article, when enough of it is left to be a word (الوزير -> وزير, not
    الى -> ى)."""
    return word[2:] if word.startswith("ال") and len(word) > 4 else word
