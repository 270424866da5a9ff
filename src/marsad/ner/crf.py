"""The trained CRF evaluated in numpy, sentences of a document at once.

crfsuite needs every token's feature strings on every call, and building and passing them was two thirds of
the tagger's time. A linear-chain CRF's score is a sum of weights, so here the part of a token's score that
depends on the token alone (its own features and what it lends to each neighbour) is summed once per token
string and cached (a new token's features are looked up by template and value, see
:func:`marsad.ner.features.word_features`, without formatting a string for each); only the few features of the
words around a token (word pairs, gazetteer matches, edges) are looked up per sentence, for all sentences of a
document at once, and one Viterbi pass runs over them together.

The weights are exported from ``model.crfsuite`` at training time (``weights.npz``), so loading is a
``numpy.load`` rather than parsing crfsuite's text dump.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np

from marsad.ner.features import OFFSETS, PAD, Word, gazetteer_extras, word_features
from marsad.ner.pairs import PairIndex

TAGS = ("O", "B-PERS", "I-PERS", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC")
WEIGHTS_FILE = "weights.npz"
_CACHE_ROWS = 50_000  # tokens whose score parts are kept (5 x 9 float32 each: 9 MB)
_ABSENT = -1e4  # score of a tag the model never saw in training: it is never chosen


def export_weights(model_file: Path, out: Path) -> None:
    """Write the state and transition weights of a crfsuite model in the tag order of :data:`TAGS`."""
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(model_file))
    info = tagger.info()
    attributes = sorted({attr for attr, _ in info.state_features})
    row = {attr: i for i, attr in enumerate(attributes)}
    col = {tag: i for i, tag in enumerate(TAGS)}
    weights = np.zeros((len(attributes), len(TAGS)), dtype=np.float32)
    for (attr, label), value in info.state_features.items():
        weights[row[attr], col[label]] = value
    transitions = np.zeros((len(TAGS), len(TAGS)), dtype=np.float32)
    for (prev, nxt), value in info.transitions.items():
        transitions[col[prev], col[nxt]] = value
    bias = np.array([0.0 if tag in info.labels else _ABSENT for tag in TAGS], dtype=np.float32)
    np.savez_compressed(out, attributes=np.array(attributes), weights=weights, transitions=transitions, bias=bias)


class LinearCRF:
    """Emission scores and Viterbi paths of an exported CRF over the features of :mod:`marsad.ner.features`."""

    def __init__(self, path: Path) -> None:
        with np.load(path) as data:
            attributes = data["attributes"].tolist()
            self.weights = data["weights"]
            self.transitions = data["transitions"].astype(np.float64)
            self.bias = data["bias"]
        self.index = {attr: i for i, attr in enumerate(attributes)}
        # template -> value -> row (see features.Feature): a new token's features are looked up without strings
        self._templates: dict[str, dict[str | None, int]] = {}
        for attr, i in self.index.items():
            name, equals, value = attr.partition("=")
            self._templates.setdefault(name, {})[value if equals else None] = i
        self.pad = np.stack([self._sum(p) for p in PAD])
        self.pairs = PairIndex(self.index)
        self._rows: dict[str, int] = {}
        self._table = np.zeros((_CACHE_ROWS, 1 + len(OFFSETS), len(TAGS)), dtype=np.float32)
        self._pair_ids = np.zeros((_CACHE_ROWS, 2), dtype=np.int64)  # the PairIndex.ids of each cached token

    def _sum(self, attrs: Sequence[str]) -> np.ndarray:
        index = self.index
        return self.weights[[index[a] for a in attrs if a in index]].sum(axis=0)

    def _rows_of(self, tokens: Sequence[str], words: Sequence[Word]) -> list[int]:
        """Rows of the cache holding each token's own score and the scores it lends to each neighbour.

        New tokens are summed together: their feature weights are laid out in one zero-padded array, one line per
        (token, part), and summed along it, which adds them in crfsuite's order (an unbuffered scatter-add did
        the same, slower).
        """
        rows = self._rows
        if len(rows) + len(tokens) > _CACHE_ROWS:  # full: start over (before these tokens take their rows)
            rows.clear()
        new = {token: word for token, word in zip(tokens, words, strict=True) if token not in rows}
        if new:
            first = len(rows)
            templates, nothing = self._templates, {}
            parts = [[row for name, value in features if (row := templates.get(name, nothing).get(value)) is not None]
                     for own, context in map(word_features, new.values()) for features in (own, *context)]
            sizes = np.array([len(part) for part in parts])
            line = np.repeat(np.arange(len(parts)), sizes)
            laid = np.zeros((len(parts), sizes.max(initial=0), len(TAGS)), dtype=np.float32)
            laid[line, np.arange(len(line)) - (np.cumsum(sizes) - sizes)[line]] = self.weights[
                [row for part in parts for row in part]]
            self._table[first:first + len(new)] = laid.sum(axis=1).reshape(len(new), -1, len(TAGS))
            self._pair_ids[first:first + len(new)] = [self.pairs.ids(word) for word in new.values()]
            rows.update(zip(new, range(first, first + len(new)), strict=True))
        return [rows[t] for t in tokens]

    def emissions(self, sentences: Sequence[Sequence[str]], words: Sequence[Sequence[Word]],
                  gaz: Sequence[Sequence[Sequence[str]]]) -> list[np.ndarray]:
        """(n, len(TAGS)) state scores of each sentence: exactly crfsuite's sum of feature weights.

        The sentences are laid end to end and scored together (numpy calls per document, not per sentence), as
        many at a time as the cache of token scores holds.
        """
        out: list[np.ndarray] = []
        start = 0
        while start < len(sentences):
            end, size = start + 1, len(sentences[start])
            while end < len(sentences) and size + len(sentences[end]) <= _CACHE_ROWS:
                size += len(sentences[end])
                end += 1
            out.extend(self._emissions(sentences[start:end], words[start:end], gaz[start:end]))
            start = end
        return out

    def _emissions(self, sentences: Sequence[Sequence[str]], words: Sequence[Sequence[Word]],
                   gaz: Sequence[Sequence[Sequence[str]]]) -> list[np.ndarray]:
        lengths = np.array([len(s) for s in sentences])
        rows = self._rows_of([t for s in sentences for t in s], [w for ws in words for w in ws])
        starts = np.cumsum(lengths) - lengths
        position = np.arange(len(rows)) - np.repeat(starts, lengths)  # index of each token in its sentence
        remaining = np.repeat(lengths - 1, lengths) - position  # tokens of its sentence after it
        parts = self._table[rows]
        scores = parts[:, 0] + self.bias
        for k, off in enumerate(OFFSETS):
            inside = position >= -off if off < 0 else remaining >= off
            scores += np.where(inside[:, None], np.roll(parts[:, k + 1], -off, axis=0), self.pad[k])
        # The sentence-dependent features, added token by token in the order of features.sentence_extras (the
        # same float32 sums as crfsuite's): BOS, the pairs, EOS, gazetteer matches.
        index = self.index
        found = [(starts, np.full(len(starts), index.get("BOS", -1))),
                 *self.pairs.lookup(self._pair_ids[rows], position, remaining),
                 (starts + lengths - 1, np.full(len(starts), index.get("EOS", -1)))]
        for start, matches in zip(starts.tolist(), gaz, strict=True):
            if any(matches):
                hits = [(start + i, index[x]) for i, extra in enumerate(gazetteer_extras(matches))
                        for x in extra if x in index]
                found.append((np.array([i for i, _ in hits], dtype=np.int64),
                              np.array([r for _, r in hits], dtype=np.int64)))
        at, attributes = np.concatenate([a for a, _ in found]), np.concatenate([r for _, r in found])
        order = np.argsort(at, kind="stable")
        order = order[attributes[order] >= 0]  # BOS and EOS are features of every trained model; kept general
        np.add.at(scores, at[order], self.weights[attributes[order]])
        return np.split(scores, np.cumsum(lengths)[:-1])

    def viterbi(self, emissions: Sequence[np.ndarray]) -> list[list[int]]:
        """Best tag index path of each sentence; the sentences run side by side, padded to the longest.

        The cost is a few numpy calls per position of the longest sentence, so the arrays are position-major and
        every step writes into them in place; the backtrack is plain Python.
        """
        lengths = [len(e) for e in emissions]
        width = max(lengths, default=0)
        if width == 0:
            return [[] for _ in emissions]
        batch = len(emissions)
        scores = np.zeros((width, batch, len(TAGS)))  # [position, sentence, tag]: best score of a path ending there
        for b, e in enumerate(emissions):
            scores[:len(e), b] = e
        back = np.empty((width, batch, len(TAGS)), dtype=np.intp)
        cand = np.empty((batch, len(TAGS), len(TAGS)))
        for t in range(1, width):
            np.add(scores[t - 1][:, :, None], self.transitions, out=cand)
            cand.argmax(axis=1, out=back[t])
            scores[t] += cand.max(axis=1)
        # Back through the pointers in Python, sentence by sentence: a document's few hundred list steps cost
        # less than two numpy calls per position.
        last = scores[np.array(lengths) - 1, np.arange(batch)].argmax(axis=1).tolist()
        paths: list[list[int]] = []
        for b, n in enumerate(lengths):
            path = [last[b]] if n else []
            for pointers in reversed(back[1:n, b].tolist()):
                path.append(pointers[path[-1]])
            path.reverse()
            paths.append(path)
        return paths
