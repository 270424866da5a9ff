"""Inputs of the neural tagger and its runtime: a BiLSTM exported to ONNX, run with onnxruntime on one thread,
with a CRF output layer whose marginals are computed here in numpy.

The network sees, per token, two frozen word2vec vectors (the normalized word and its clitic-stripped stem;
learned by the project from Apache-licensed news, like the CRF's clusters), the token's characters, and four
small categorical features the CRF also uses (shape, proclitic string, trigger class, gazetteer match).
Word-vector lookups happen here in numpy from a float16 table so the ONNX graphs stay small; each token string
is encoded once and its encoding kept.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from marsad.ner.crf import TAGS
from marsad.ner.features import Lexicon
from marsad.ner.neural_files import CHARS_FILE, ENCODER_FILE, ONNX_FILE, TRANSITIONS_FILE, VECTORS_FILE, VOCAB_FILE

SHAPES = ("ar", "armix", "LAT", "Lat", "lat", "num", "nummix", "punct")
CLITICS = ("", "وبال", "وكال", "فبال", "فال", "وال", "بال", "كال", "ولل", "فلل", "لل", "ال",
           "وب", "ول", "وك", "فب", "فل", "و", "ف", "ب", "ل", "ك")
TRIGGERS = ("", "TITLE", "ORGHEAD", "LOCHEAD")
GAZ = ("", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-PERS", "I-PERS")
_SHAPE_IDS, _CLITIC_IDS, _TRIGGER_IDS = ({v: i for i, v in enumerate(values)} for values in (SHAPES, CLITICS, TRIGGERS))
MAX_CHARS = 16
_RESCALE = 8  # steps between rescalings of the forward-backward products
_ENCODED_LIMIT = 50_000  # tokens whose encodings are kept (1.2 KB each: 58 MB); news vocabulary is Zipfian


@dataclass(frozen=True)
class TokenInputs:
    """Neighbour-independent inputs of one token."""

    word: int
    stem: int
    chars: tuple[int, ...]
    cats: tuple[int, int, int]  # shape, proclitics, trigger


@dataclass
class Featurizer:
    """Turns token lists into the network's input arrays (index 0 = padding/unknown everywhere).

    Not memoized: training encodes each sentence once and the runtime caches the encoder's output instead.
    """

    vocab: dict[str, int]
    chars: dict[str, int]
    lexicon: Lexicon

    def token(self, token: str) -> TokenInputs:
        """The inputs of one token, from the lexicon's cached analysis of it (which the CRF needs anyway)."""
        word = self.lexicon.word(token)
        w, stem = word.norm, word.stem
        vocab = self.vocab
        word_id = vocab.get(w) or vocab.get(word.conj) or vocab.get(stem) or 0
        chars = tuple(self.chars.get(c, 1) for c in w[:MAX_CHARS]) or (1,)
        cats = (_SHAPE_IDS[word.shape], _CLITIC_IDS[word.clitics], _TRIGGER_IDS.get(word.trigger or "", 0))
        return TokenInputs(word_id, vocab.get(stem, 0), chars, cats)

    def arrays(self, tokens: Sequence[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(word ids (n, 2), char ids (n, MAX_CHARS), categorical ids (n, 3)) of tokens taken one by one."""
        items = [self.token(t) for t in tokens]
        n = len(items)
        ids = np.array([(x.word, x.stem) for x in items], dtype=np.int64).reshape(n, 2)
        chars = np.zeros((n, MAX_CHARS), dtype=np.int64)
        for i, x in enumerate(items):
            chars[i, :len(x.chars)] = x.chars
        cats = np.array([x.cats for x in items], dtype=np.int64).reshape(n, 3)
        return ids, chars, cats

    def gazetteer(self, tokens: Sequence[str]) -> np.ndarray:
        """(n,) ids of each token's first gazetteer match in the sentence (0 = none)."""
        lexicon = self.lexicon
        return gazetteer_ids(lexicon.gazetteer_tags([lexicon.word(t) for t in tokens]))


def gazetteer_ids(matches: Sequence[Sequence[str]]) -> np.ndarray:
    """(n,) ids of each token's first gazetteer match (0 = none), from :meth:`Lexicon.gazetteer_tags`."""
    return np.array([GAZ.index(g[0]) if g and g[0] in GAZ else 0 for g in matches], dtype=np.int64)


def allowed_transitions() -> np.ndarray:
    """(previous, next) mask of BIO-legal tag pairs: I-X only after B-X or I-X."""
    ok = np.ones((len(TAGS), len(TAGS)), dtype=bool)
    for j, tag in enumerate(TAGS):
        if tag.startswith("I-"):
            ok[:, j] = [prev[2:] == tag[2:] and prev != "O" for prev in TAGS]
    return ok


_ALLOWED = allowed_transitions()
_START_OK = np.array([not t.startswith("I-") for t in TAGS])


_I_TYPE = np.array([TAGS.index("B-" + t[2:]) if t.startswith("I-") else -1 for t in TAGS])  # I-X -> B-X


def decode(scores: np.ndarray) -> list[str]:
    """Best BIO-legal tag path under per-token log-probabilities (n, tags)."""
    return decode_many(scores, [len(scores)])[0]


def decode_many(scores: np.ndarray, lengths: Sequence[int]) -> list[list[str]]:
    """:func:`decode` of each of several sentences whose scores are stacked in one (sum of lengths, tags) array.

    Without transition scores the unconstrained best path is the per-token argmax; when that path is already
    legal (almost always) it is also the best legal one, so the Viterbi loop runs only for the rest. The argmax
    and the check run over all sentences at once.
    """
    best = scores.argmax(axis=1)
    inside = _I_TYPE[best]
    prev = np.concatenate(([0], best[:-1]))
    legal = (inside < 0) | ((prev == inside) | (prev == best))
    starts = np.cumsum(lengths) - lengths
    first = starts[np.asarray(lengths) > 0]
    legal[first] = inside[first] < 0
    tags = [TAGS[k] for k in best.tolist()]
    out: list[list[str]] = []
    for start, n in zip(starts.tolist(), lengths, strict=True):
        end = start + n
        out.append(tags[start:end] if legal[start:end].all() else _viterbi(scores[start:end]))
    return out


def _viterbi(scores: np.ndarray) -> list[str]:
    n = len(scores)
    penalty = np.where(_ALLOWED, 0.0, -1e9)
    best = np.where(_START_OK, scores[0], -1e9)
    back = np.zeros((n, len(TAGS)), dtype=np.int64)
    for i in range(1, n):
        cand = best[:, None] + penalty
        back[i] = cand.argmax(axis=0)
        best = cand.max(axis=0) + scores[i]
    path = [int(best.argmax())]
    for i in range(n - 1, 0, -1):
        path.append(int(back[i, path[-1]]))
    return [TAGS[k] for k in reversed(path)]


def crf_marginals(scores: Sequence[np.ndarray], transitions: np.ndarray, start: np.ndarray) -> list[np.ndarray]:
    """Per-token tag marginals of a linear-chain CRF (forward-backward) over each sentence's (n, tags) scores.

    Marginals rather than a Viterbi path, so a network with a CRF output layer takes the CRF's vote exactly as
    a softmax network does. The cost is one Python step per position of the longest sentence, so every step
    does both directions for all sentences at once: the backward pass runs over the reversed sentences, which
    makes it the same recurrence as the forward one (message times emissions, then times the transitions, or
    their transpose), and one product with the block-diagonal of the two does both. Messages are rescaled every
    :data:`_RESCALE` steps (any positive factor per position cancels in the final normalization).
    """
    lengths = np.array([len(s) for s in scores])
    width = int(lengths.max(initial=0))
    if width == 0:
        return [np.zeros((0, len(TAGS))) for _ in scores]
    batch, k = len(scores), len(TAGS)
    emitted = np.ones((width, batch, 2 * k))  # [position, sentence, forward tags | backward tags]; padding neutral
    for b, s in enumerate(scores):
        if len(s):
            e = np.exp(s - s.max(axis=1, keepdims=True))
            emitted[:len(s), b, :k] = e
            emitted[:len(s), b, k:] = e[::-1]
    trans = np.exp(transitions - transitions.max())
    both = np.zeros((2 * k, 2 * k))
    both[:k, :k], both[k:, k:] = trans, trans.T
    messages = np.empty_like(emitted)  # message into each position, before its own emission
    messages[0, :, :k], messages[0, :, k:] = np.exp(start - start.max()), 1.0
    product = np.empty((batch, 2 * k))
    for t in range(1, width):  # in place: a few numpy calls per position are the cost
        np.multiply(messages[t - 1], emitted[t - 1], out=product)
        np.matmul(product, both, out=messages[t])
        if t % _RESCALE == 0:  # each direction by its own factor
            halves = messages[t].reshape(batch, 2, k)
            halves /= halves.max(axis=2, keepdims=True)
    alpha = (messages[:, :, :k] * emitted[:, :, :k]).transpose(1, 0, 2)  # (sentence, position, tag)
    backward = messages[:, :, k:].transpose(1, 0, 2)  # position t of a reversed sentence is n - 1 - t of it
    beta = backward[np.arange(batch)[:, None], np.maximum(lengths[:, None] - 1 - np.arange(width), 0)]
    post = alpha * beta
    post /= post.sum(axis=2, keepdims=True)
    return [post[b, :n] for b, n in enumerate(lengths.tolist())]


def read_lines(path: Path) -> list[str]:
    """One entry per line (vocabulary and character files; line k + 1 is id k + 1, id 0 is padding)."""
    return path.read_text(encoding="utf-8").split("\n")[:-1]


def load_vectors(model_dir: Path) -> tuple[dict[str, int], np.ndarray]:
    """Word ids and the float32 vector table with row 0 (unknown words) all zeros."""
    vocab = {w: i + 1 for i, w in enumerate(read_lines(model_dir / VOCAB_FILE))}
    vectors = np.load(model_dir / VECTORS_FILE)
    return vocab, np.vstack([np.zeros((1, vectors.shape[1]), dtype=np.float32), vectors.astype(np.float32)])


class NeuralModel:
    """The exported network with its word vectors: per-token tag probabilities of sentences.

    It runs as two ONNX graphs: a token encoder (word vectors, character CNN, categorical embeddings) whose
    output depends on the token alone and is cached per token string, and the BiLSTM over a sentence of encoded
    tokens plus their gazetteer matches. On news most tokens hit the cache; the rest of a document's are encoded
    in one call, and the BiLSTM runs once per sentence.
    """

    def __init__(self, model_dir: Path, lexicon: Lexicon) -> None:
        import onnxruntime as ort

        vocab, self.table = load_vectors(model_dir)
        chars = read_lines(model_dir / CHARS_FILE)
        self.featurizer = Featurizer(vocab, {c: i + 2 for i, c in enumerate(chars)}, lexicon)
        options = ort.SessionOptions()
        options.intra_op_num_threads = 1  # the pipeline runs one analysis per core
        options.inter_op_num_threads = 1
        self.encoder = ort.InferenceSession(str(model_dir / ENCODER_FILE), options,
                                            providers=["CPUExecutionProvider"])
        self.session = ort.InferenceSession(str(model_dir / ONNX_FILE), options, providers=["CPUExecutionProvider"])
        self.crf: tuple[np.ndarray, np.ndarray] | None = None  # (transitions, start) of a CRF output layer
        if (model_dir / TRANSITIONS_FILE).exists():
            with np.load(model_dir / TRANSITIONS_FILE) as data:
                self.crf = (data["transitions"].astype(np.float64), data["start"].astype(np.float64))
        self._rows: dict[str, int] = {}  # token string -> its row of _encoded
        self._encoded = np.zeros((0, 0), dtype=np.float32)  # allocated on first use, when the width is known

    def _encode_missing(self, chunks: Sequence[Sequence[str]]) -> int:
        """Encode the uncached tokens of as many leading chunks as the cache holds, in one encoder call.

        Returns how many chunks are covered (at least one: the cache starts over if even the first does not fit).
        """
        rows = self._rows
        missing: dict[str, None] = {}
        covered = 0
        for chunk in chunks:
            new = [t for t in chunk if t not in rows and t not in missing]
            if len(rows) + len(missing) + len(new) > _ENCODED_LIMIT:
                if covered:
                    break
                rows.clear()
                new = list(dict.fromkeys(chunk))
            missing.update(dict.fromkeys(new))
            covered += 1
        if missing:
            tokens = list(missing)
            ids, chars, cats = self.featurizer.arrays(tokens)
            (encoded,) = self.encoder.run(None, {"vecs": self.table[ids].reshape(len(tokens), -1), "chars": chars,
                                                 "cats": cats})
            if not self._encoded.size:
                self._encoded = np.zeros((_ENCODED_LIMIT, encoded.shape[1]), dtype=np.float32)
            first = len(rows)
            self._encoded[first:first + len(tokens)] = encoded
            rows.update(zip(tokens, range(first, first + len(tokens)), strict=True))
        return covered

    def probabilities_many(self, chunks: Sequence[Sequence[str]], gaz: Sequence[np.ndarray]) -> list[np.ndarray]:
        """(n, len(TAGS)) tag probabilities of each chunk, given its tokens' gazetteer ids (:func:`gazetteer_ids`).

        The uncached tokens of all chunks are encoded together; the BiLSTM then runs chunk by chunk (padding
        chunks to one length costs more than the calls it saves). With a CRF output layer the probabilities are
        its marginals, computed for all chunks together.
        """
        out: list[np.ndarray] = []
        while len(out) < len(chunks):
            start = len(out)
            end = start + self._encode_missing(chunks[start:])
            rows = self._rows
            encoded = self._encoded[[rows[t] for tokens in chunks[start:end] for t in tokens]]  # one gather
            at = 0
            for tokens, ids in zip(chunks[start:end], gaz[start:end], strict=True):
                if not tokens:
                    out.append(np.zeros((0, len(TAGS)), dtype=np.float32))
                    continue
                (scores,) = self.session.run(None, {"tokens": encoded[None, at:at + len(tokens)], "gaz": ids[None]})
                at += len(tokens)
                out.append(scores)
        if self.crf is not None:
            return crf_marginals(out, *self.crf)
        return [np.exp(s) for s in out]

    def probabilities(self, tokens: Sequence[str]) -> np.ndarray:
        """(n, len(TAGS)) tag probabilities of one sentence."""
        return self.probabilities_many([tokens], [self.featurizer.gazetteer(tokens)])[0]

    def combine(self, chunks: Sequence[Sequence[str]], crf_paths: Sequence[Sequence[int]],
                gaz: Sequence[Sequence[Sequence[str]]], crf_weight: float) -> list[list[str]]:
        """Tags from each CRF path (tag indices) as a vote of weight ``crf_weight`` plus this model's probabilities.

        At 0.4 the BiLSTM overrides the CRF on a token only when it prefers another tag by a probability margin
        over 2/3; averaging the CRF's marginals instead scored the same and cost more.
        """
        probs = self.probabilities_many(chunks, [gazetteer_ids(g) for g in gaz])
        lengths = [len(path) for path in crf_paths]
        if not probs:
            return []
        stacked = np.concatenate(probs)  # all sentences' tokens at once: numpy calls per document, not sentence
        votes = np.zeros(stacked.shape)
        votes[np.arange(len(stacked)), [k for path in crf_paths for k in path]] = 1.0
        return decode_many(np.log(crf_weight * votes + (1 - crf_weight) * stacked + 1e-9), lengths)
