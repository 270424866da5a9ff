"""Token features for the CRF entity tagger.

Features are computed on a normalized form of each token (alef forms, ta marbuta, alef maqsura, diacritics and
tatweel folded) so that spelling variation common in news text does not split the evidence. Tokens may carry
proclitics (و ف ب ل ك ال لل): the tagger is fed whitespace/punctuation tokens, not clitic-segmented ones, so every
lexical lookup (clusters, gazetteers, triggers) is also tried on the clitic-stripped stem.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from marsad.text.normalize import fold_presentation_forms

_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي", "ؤ": "و", "ئ": "ي"})
_ARABIC_INDIC = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_ARABIC_LETTER = re.compile("[\u0621-\u064a]")
_LATIN = re.compile("[A-Za-z]")
_DIGIT = re.compile("[0-9]")
_TOKEN = re.compile(r"[^\W_]+|[^\w\s]")

# Proclitic sequences, longest first: conjunction, then preposition, then article.
_PROCLITICS = ("وبال", "وكال", "فبال", "فال", "وال", "بال", "كال", "ولل", "فلل", "لل", "ال",
               "وب", "ول", "وك", "فب", "فل", "و", "ف", "ب", "ل", "ك")
_MIN_STEM = 2


def normalize(token: str) -> str:
    """Fold orthographic variants so lookups match across spellings (presentation forms too: ﺍﻟﻤﻐﺮﺏ is المغرب)."""
    return _DIACRITICS.sub("", fold_presentation_forms(token)).translate(_FOLD).translate(_ARABIC_INDIC)


def tokenize(text: str) -> list[str]:
    """Whitespace and punctuation tokenization matching ANERcorp (clitics stay attached)."""
    return _TOKEN.findall(text)


def strip_proclitics(norm: str) -> tuple[str, str]:
    """Split the longest plausible proclitic sequence off a normalized token: (clitics, stem)."""
    if not _ARABIC_LETTER.match(norm):
        return "", norm
    for pre in _PROCLITICS:
        if norm.startswith(pre) and len(norm) - len(pre) >= _MIN_STEM + (1 if len(pre) == 1 else 0):
            return pre, norm[len(pre):]
    return "", norm


def strip_conjunction(norm: str) -> str:
    """Remove only a leading و/ف (the one proclitic that almost never begins a name)."""
    if len(norm) > 3 and norm[0] in "وف" and _ARABIC_LETTER.match(norm):
        return norm[1:]
    return norm


def shape(token: str) -> str:
    """Coarse orthographic class: Arabic, Latin (with case), digits, punctuation or mixed."""
    if _ARABIC_LETTER.search(token):
        if _DIGIT.search(token) or _LATIN.search(token):
            return "armix"
        return "ar"
    if _LATIN.search(token):
        if token.isupper():
            return "LAT"
        if token[0].isupper():
            return "Lat"
        return "lat"
    if _DIGIT.search(token):
        return "num" if token.isdigit() else "nummix"
    return "punct"


_CACHE_LIMIT = 200_000
OFFSETS = (-2, -1, 1, 2)


@dataclass(frozen=True)
class Word:
    """Everything about one token that does not depend on its neighbours (cached per token string): the pieces
    its features (:func:`word_features`) and the neural tagger's inputs are made of, so a token is analysed once."""

    norm: str
    stem: str
    clitics: str = ""
    conj: str = ""
    shape: str = ""
    trigger: str | None = None
    clusters: tuple[str, ...] = ()
    stem_clusters: tuple[str, ...] = ()  # of the clitic-stripped stem, when it differs from the word


# A feature as (template, value): the attribute "template=value", or the bare template when the value is None.
# Kept apart so the CRF can look a new token's features up per template without formatting a string for each.
Feature = tuple[str, str | None]
_PREFIXES = tuple((f"p{k}", f"s{k}", f"sp{k}") for k in range(1, 5))
_LENT = tuple(tuple(f"{off}:{name}" for name in ("w", "stem", "sh", "c", "trig", "s2")) for off in OFFSETS)


def attribute(feature: Feature) -> str:
    """The attribute string crfsuite knows a feature by."""
    name, value = feature
    return name if value is None else f"{name}={value}"


def word_features(word: Word) -> tuple[list[Feature], list[list[Feature]]]:
    """A token's own features and those it lends to the neighbour at each of :data:`OFFSETS`."""
    w, stem, sh, clusters, trig = word.norm, word.stem, word.shape, word.clusters, word.trigger
    own: list[Feature] = [("b", None), ("w", w), ("stem", stem), ("cl", word.clitics), ("sh", sh),
                          ("len", str(min(len(w), 8)))]
    if word.conj != w:
        own.append(("conj", word.conj))
    for k, (prefix, suffix, stem_prefix) in enumerate(_PREFIXES, start=1):
        if len(w) > k:
            own.append((prefix, w[:k]))
            own.append((suffix, w[-k:]))
        if len(stem) > k:
            own.append((stem_prefix, stem[:k]))
    if _DIGIT.search(w):
        own.append(("hasdigit", None))
    own.extend(("c", c) for c in clusters)
    own.extend(("sc", c) for c in word.stem_clusters)
    if trig:
        own.append(("trig", trig))
    context: list[list[Feature]] = []
    for off, (lw, lstem, lsh, lc, ltrig, ls2) in zip(OFFSETS, _LENT, strict=True):
        near = abs(off) == 1
        ctx: list[Feature] = [(lw, w), (lstem, stem), (lsh, sh)]
        ctx.extend((lc, c) for c in clusters if near or c[0] in "02")
        if trig:
            ctx.append((ltrig, trig))
        if near and len(w) > 2:
            ctx.append((ls2, w[-2:]))
        context.append(ctx)
    return own, context


@dataclass
class Lexicon:
    """Word-level resources used by features: distributional clusters and name lists.

    ``clusters`` maps a normalized word to a tuple of cluster ids (coarse to fine);
    ``gazetteer`` maps a normalized name (one or more space-joined words) to its set of types; ``triggers`` maps
    a normalized word to a trigger class (e.g. TITLE, ORGHEAD, LOCHEAD). The analysis of each token is memoized:
    news vocabulary is Zipfian, so most tokens are analysed once.
    """

    clusters: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    gazetteer: Mapping[str, frozenset[str]] = field(default_factory=dict)
    triggers: Mapping[str, str] = field(default_factory=dict)
    max_gaz_len: int = 1
    known: frozenset[str] | None = None
    _first_words: frozenset[str] = field(init=False, repr=False)
    _cache: dict[str, Word] = field(init=False, repr=False, default_factory=dict)

    def __post_init__(self) -> None:
        self._first_words = frozenset(name.split(" ", 1)[0] for name in self.gazetteer)

    def restrict(self, attributes: frozenset[str]) -> None:
        """Emit only attributes a trained model has weights for (L1 zeroes most) from :func:`sentence_features`:
        crfsuite skips the rest anyway, and passing fewer strings to it is what makes its tagging fast."""
        self.known = attributes

    def word(self, token: str) -> Word:
        """The cached neighbour-independent analysis of a token."""
        found = self._cache.get(token)
        if found is None:
            if len(self._cache) >= _CACHE_LIMIT:
                self._cache.clear()
            found = self._cache[token] = self._compute(token)
        return found

    def _compute(self, token: str) -> Word:
        w = normalize(token)
        clitics, stem = strip_proclitics(w)
        conj = strip_conjunction(w)
        clusters = self.clusters.get(w) or self.clusters.get(conj) or self.clusters.get(stem) or ()
        trig = self.triggers.get(w) or self.triggers.get(conj) or self.triggers.get(stem)
        return Word(w, stem, clitics, conj, shape(token), trig, clusters,
                    self.clusters.get(stem, ()) if stem != w else ())

    def gazetteer_tags(self, words: Sequence[Word]) -> list[list[str]]:
        """BIO gazetteer matches per token (longest match first; the first token may carry clitics)."""
        n = len(words)
        out: list[list[str]] = [[] for _ in range(n)]
        first_words = self._first_words
        for i, word in enumerate(words):
            if word.norm not in first_words and word.stem not in first_words:
                continue
            for length in range(min(self.max_gaz_len, n - i), 0, -1):
                rest = [x.norm for x in words[i + 1:i + length]]
                found: frozenset[str] | None = None
                for first in (word.norm, word.stem):
                    found = self.gazetteer.get(" ".join((first, *rest)))
                    if found:
                        break
                if found:
                    for typ in found:
                        out[i].append(f"B-{typ}")
                        for j in range(i + 1, i + length):
                            out[j].append(f"I-{typ}")
                    break
        return out


PAD = tuple((f"{off}:PAD",) for off in OFFSETS)  # always known: every training sentence has edges
# The word pairs around a token that are features of it, in the order a token's features list them: (feature
# name, the Word field paired, offset of the first word, offset of the second); a pair is a feature only when both
# words are in the sentence.
PAIRS = (("-1|0:w", "norm", -1, 0), ("-1|0:stem", "stem", -1, 0), ("-2|-1:w", "norm", -2, -1),
         ("-1|1:w", "norm", -1, 1), ("0|1:w", "norm", 0, 1))


def sentence_features(tokens: Sequence[str], lex: Lexicon) -> list[list[str]]:
    """Feature strings for each token of a sentence (crfsuite attribute lists)."""
    words = [lex.word(t) for t in tokens]
    known = lex.known

    def kept(features: Sequence[Feature]) -> list[str]:
        strings = [attribute(f) for f in features]
        return strings if known is None else [x for x in strings if x in known]

    parts = [[kept(own), *map(kept, context)] for own, context in map(word_features, words)]
    n = len(words)
    feats: list[list[str]] = []
    for i, extra in enumerate(sentence_extras(words, lex.gazetteer_tags(words))):
        f = list(parts[i][0])
        for k, off in enumerate(OFFSETS):
            j = i + off
            f.extend(parts[j][k + 1] if 0 <= j < n else PAD[k])
        f.extend(extra if known is None else [x for x in extra if x in known])
        feats.append(f)
    return feats


def sentence_extras(words: Sequence[Word], gaz: Sequence[Sequence[str]]) -> list[list[str]]:
    """Per token, the features that depend on the sentence around it (not cacheable per token; not filtered):
    sentence edges, word and stem pairs (:data:`PAIRS`), gazetteer matches around it."""
    n = len(words)
    if not n:
        return []
    extras: list[list[str]] = [[] for _ in range(n)]
    extras[0].append("BOS")
    for i, extra in enumerate(extras):
        for name, part, first, second in PAIRS:
            if i + first >= 0 and i + second < n:
                extra.append(f"{name}={getattr(words[i + first], part)}|{getattr(words[i + second], part)}")
    extras[-1].append("EOS")
    for extra, found in zip(extras, gazetteer_extras(gaz), strict=True):
        extra.extend(found)
    return extras


def gazetteer_extras(gaz: Sequence[Sequence[str]]) -> list[list[str]]:
    """Per token, the gazetteer matches of it and of its neighbours as features."""
    n = len(gaz)
    extras: list[list[str]] = [[] for _ in range(n)]
    if any(gaz):
        for i in range(n):
            extras[i].extend("gaz=" + g for g in gaz[i])
            for off in OFFSETS:
                j = i + off
                if 0 <= j < n:
                    extras[i].extend(f"{off}:gaz={g}" for g in gaz[j])
    return extras
