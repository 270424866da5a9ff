"""Distributional word clusters for the tagger, learned from unlabeled Apache-licensed news.

Names unseen in the small labeled corpus still land in clusters with names seen there, which is where most of a
feature-based tagger's gain on new text comes from. We train skip-gram word2vec with a narrow window (gensim,
training-only dependency; narrow windows group words by type rather than topic) on the ANT corpora only
(Apache-2.0) and cut the vectors with spherical k-means at several granularities, giving a Brown-like
coarse-to-fine path per word. Output is a small TSV shipped with the model: ``word<TAB>c0<TAB>c1...``; on request
also the vectors themselves (``vocab.txt`` + float16 ``vectors.npy``) for the experimental BiLSTM, so one
word2vec run serves both. Single worker and fixed seeds make the files reproducible.
"""

from __future__ import annotations

import gzip
import json
import logging
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # numpy comes with the training extra (gensim); tagging only reads the cluster file
    import numpy as np

from marsad.ner.features import normalize, tokenize
from marsad.ner.neural_files import VECTORS_FILE, VOCAB_FILE

LICENSED_CORPORA = ("ANT multisource v2.1", "ANT v1.1 (JawharaFM)")
DEFAULT_KS = (32, 128, 512, 2048)

log = logging.getLogger(__name__)


def iter_sentences(bulk: Path, corpora: Sequence[str] = LICENSED_CORPORA) -> Iterator[list[str]]:
    """Normalized token lines of the allowed corpora in the JSON-lines news dump (one line = one sentence)."""
    allowed = set(corpora)
    with gzip.open(bulk, "rt", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if rec.get("corpus") not in allowed:
                continue
            for para in (rec.get("title") or "", rec.get("text") or ""):
                for piece in para.split("\n"):
                    toks = [normalize(t) for t in tokenize(piece)]
                    if len(toks) > 2:
                        yield toks


def spherical_kmeans(vecs: np.ndarray, k: int, seed: int, iters: int = 25) -> np.ndarray:
    """Cluster unit vectors by cosine similarity; returns one label per row (deterministic for a seed)."""
    import numpy as np

    rng = np.random.default_rng(seed)
    centers = vecs[rng.choice(len(vecs), size=k, replace=False)].copy()
    labels = np.zeros(len(vecs), dtype=np.int64)
    for _ in range(iters):
        labels = np.concatenate([np.argmax(chunk @ centers.T, axis=1)
                                 for chunk in np.array_split(vecs, max(1, len(vecs) // 20000))])
        sums = np.zeros_like(centers)
        np.add.at(sums, labels, vecs)
        norms = np.linalg.norm(sums, axis=1, keepdims=True)
        empty = norms[:, 0] == 0
        sums[empty] = vecs[rng.choice(len(vecs), size=int(empty.sum()), replace=False)]
        norms[empty] = 1.0
        centers = sums / norms
    return labels


def train_clusters(bulk: Path, out: Path, *, seed: int = 13, dim: int = 100, min_count: int = 8,
                   epochs: int = 5, ks: Sequence[int] = DEFAULT_KS, max_words: int = 80000, sg: int = 1,
                   window: int = 3, vectors_dir: Path | None = None) -> dict[str, object]:
    """Train word2vec on the licensed news and write the cluster TSV (and the vectors, into ``vectors_dir``);
    returns facts for the manifest."""
    import numpy as np
    from gensim.models import Word2Vec  # training-only dependency

    sentences = list(iter_sentences(bulk))
    n_tokens = sum(len(s) for s in sentences)
    log.info("word2vec on %d sentences, %d tokens", len(sentences), n_tokens)
    model = Word2Vec(sentences=sentences, vector_size=dim, window=window, min_count=min_count, workers=1,
                     sg=sg, negative=5, epochs=epochs, seed=seed, max_final_vocab=max_words)
    if vectors_dir is not None:
        (vectors_dir / VOCAB_FILE).write_text("".join(w + "\n" for w in model.wv.index_to_key), encoding="utf-8")
        np.save(vectors_dir / VECTORS_FILE, model.wv.vectors.astype(np.float16))
    words = [w for w in model.wv.index_to_key if any("\u0621" <= ch <= "\u064a" for ch in w)]
    vecs = np.asarray([model.wv[w] for w in words], dtype=np.float32)
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True) + 1e-9
    labels = [spherical_kmeans(vecs, k, seed + i) for i, k in enumerate(ks)]
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as fh:
        for row, w in enumerate(words):
            fh.write(w + "\t" + "\t".join(str(int(lab[row])) for lab in labels) + "\n")
    return {"sentences": len(sentences), "tokens": n_tokens, "words": len(words), "dim": dim,
            "min_count": min_count, "epochs": epochs, "sg": sg, "window": window, "ks": list(ks), "seed": seed,
            "corpora": list(LICENSED_CORPORA)}


def load_clusters(path: Path) -> dict[str, tuple[str, ...]]:
    """Read a cluster TSV written by :func:`train_clusters`."""
    table: dict[str, tuple[str, ...]] = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            word, *ids = line.rstrip("\n").split("\t")
            table[word] = tuple(f"{k}:{c}" for k, c in enumerate(ids))
    return table
