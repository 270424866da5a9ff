"""The CRF's word-pair features (:data:`marsad.ner.features.PAIRS`) looked up in numpy, a document at a time.

Formatting a bigram string per pair and token and looking it up was a fifth of the CRF's time, and almost no
pair of news words is a feature of the model. Here every word that occurs in a pair feature gets a number, each
feature is a key of two numbers in a sorted array, and a document's pairs are found by one binary search per
feature template.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from marsad.ner.features import PAIRS, Word

_FIELDS = ("norm", "stem")  # the Word fields a pair is made of; column of :meth:`PairIndex.ids`


def _splits(value: str) -> list[tuple[str, str]]:
    """Every (first, second) that formats as ``first|second`` (a word may itself be "|" or empty)."""
    return [(value[:i], value[i + 1:]) for i, char in enumerate(value) if char == "|"]


class PairIndex:
    """Attribute rows of the pair features of a model, keyed by the numbers of their two words."""

    def __init__(self, index: Mapping[str, int]) -> None:
        found: list[list[tuple[str, str, int]]] = [[] for _ in PAIRS]
        for attribute, row in index.items():
            for t, (name, _, _, _) in enumerate(PAIRS):
                if attribute.startswith(name + "="):
                    found[t].extend((a, b, row) for a, b in _splits(attribute[len(name) + 1:]))
        self.numbers = {word: n for n, word in enumerate(sorted({w for f in found for a, b, _ in f for w in (a, b)}),
                                                          start=1)}  # 0: a word in no pair feature
        self._base = len(self.numbers) + 1
        self._keys: list[np.ndarray] = []
        self._rows: list[np.ndarray] = []
        for features in found:
            keys = np.array([self.numbers[a] * self._base + self.numbers[b] for a, b, _ in features], dtype=np.int64)
            order = np.argsort(keys)
            self._keys.append(keys[order])
            self._rows.append(np.array([row for _, _, row in features], dtype=np.int64)[order])

    def ids(self, word: Word) -> tuple[int, int]:
        """The numbers of a word's fields, in the order of :data:`_FIELDS`."""
        return self.numbers.get(word.norm, 0), self.numbers.get(word.stem, 0)

    def lookup(self, ids: np.ndarray, position: np.ndarray,
               remaining: np.ndarray) -> list[tuple[np.ndarray, np.ndarray]]:
        """Per template of :data:`PAIRS`, the (token, attribute row) of each pair feature found.

        ``ids`` are the tokens' :meth:`ids` (n, 2), ``position`` each token's index in its sentence and
        ``remaining`` how many tokens of its sentence follow it.
        """
        out: list[tuple[np.ndarray, np.ndarray]] = []
        for (_, field, first, second), keys, rows in zip(PAIRS, self._keys, self._rows, strict=True):
            at = np.flatnonzero((position >= -first) & (remaining >= second))
            column = ids[:, _FIELDS.index(field)]
            wanted = column[at + first] * self._base + column[at + second]
            slot = np.minimum(np.searchsorted(keys, wanted), max(len(keys) - 1, 0))
            hit = keys[slot] == wanted if len(keys) else np.zeros(len(at), dtype=bool)
            out.append((at[hit], rows[slot[hit]]))
        return out

