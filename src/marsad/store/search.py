"""What the full-text index holds and how a search is read, the same for both engines.

Text is indexed as normalized words (``normalize_key``) plus their clitic-free stems, so searching
فرنسا finds وفرنسا and الرباط finds بالرباط; a searched word matches either its form or its stem.
"""

from __future__ import annotations

from functools import lru_cache

from marsad.text.normalize import normalize_key
from marsad.text.tokens import WORD_RE, split_clitics


@lru_cache(maxsize=200_000)
def _stem(word: str) -> str:
    return split_clitics(word)[1]


def words(text: str | None) -> list[str]:
    """Normalized, case-folded words of ``text``."""
    return WORD_RE.findall(normalize_key(text or "").casefold())


def index_text(*parts: str | None) -> str:
    """The searchable form of a document: every word, then the stems that differ from their word."""
    found = [w for part in parts for w in words(part)]
    stems = {_stem(w) for w in found} - set(found)
    return " ".join([*found, *sorted(stems)])


def query_terms(text: str | None) -> list[tuple[str, ...]]:
    """One tuple of alternatives (the word, and its stem if different) per searched word."""
    return [tuple(dict.fromkeys((w, _stem(w)))) for w in words(text)]
