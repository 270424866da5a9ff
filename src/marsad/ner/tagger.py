"""The shipped statistical entity tagger: a linear-chain CRF over rich token features and a BiLSTM, combined.

A model directory holds the CRF (``model.crfsuite`` as trained and its weights exported for numpy,
``weights.npz``; see :mod:`marsad.ner.crf`), the word resources its features need (``clusters.tsv``,
``gazetteer.tsv``, ``triggers.tsv``) and the ``model.json`` manifest; the BiLSTM's files (see
:mod:`marsad.ner.neural`) are used when present. Everything is local: nothing is downloaded.

The BiLSTM (with its own CRF output layer) alone scores 1-3 F1 points above the CRF on held-out ANERcorp, and
the two err differently: the CRF's path counts as a vote against the BiLSTM's tag marginals, which is better
than either. It costs
time, so a document's sentences are tagged together (:meth:`EntityTagger.tag_many`).
"""

from __future__ import annotations

from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from marsad.ner.clusters import load_clusters
from marsad.ner.consistency import consistent_tags
from marsad.ner.crf import TAGS, WEIGHTS_FILE, LinearCRF
from marsad.ner.features import Lexicon, normalize, shape
from marsad.ner.neural_files import NEURAL_FILES

if TYPE_CHECKING:
    from marsad.ner.neural import NeuralModel

MODEL_FILE = "model.crfsuite"
CLUSTERS_FILE = "clusters.tsv"
GAZETTEER_FILE = "gazetteer.tsv"
TRIGGERS_FILE = "triggers.tsv"
# Very long "sentences" (tables, run-on text without punctuation) are tagged in windows of this many tokens, so
# that memory stays bounded.
MAX_CHUNK = 500
# Sentences that run through one Viterbi pass side by side, shortest to longest (bounds the padded arrays).
BATCH = 64
# Weight of the CRF's vote against the BiLSTM's probabilities when a directory has both; 1.0 is the CRF alone.
CRF_WEIGHT = 0.4


def default_model_dir() -> Path:
    """The model shipped as package data."""
    return Path(str(resources.files("marsad") / "data" / "models" / "ner"))


def load_gazetteer(path: Path) -> tuple[dict[str, frozenset[str]], int]:
    """Read ``name<TAB>TYPE[,TYPE]`` lines; returns the table and the longest name in tokens."""
    table: dict[str, set[str]] = {}
    longest = 1
    if path.exists():
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                name, _, types = line.rstrip("\n").partition("\t")
                if not name or not types:
                    continue
                key = " ".join(normalize(w) for w in name.split())
                table.setdefault(key, set()).update(types.split(","))
                longest = max(longest, key.count(" ") + 1)
    return {k: frozenset(v) for k, v in table.items()}, longest


def load_triggers(path: Path) -> dict[str, str]:
    """Read ``word<TAB>CLASS`` lines (comments start with #)."""
    table: dict[str, str] = {}
    if path.exists():
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("#") or not line.strip():
                    continue
                word, _, cls = line.rstrip("\n").partition("\t")
                table[normalize(word.strip())] = cls.strip()
    return table


def load_lexicon(model_dir: Path) -> Lexicon:
    """The word resources stored next to a CRF model."""
    clusters_path = model_dir / CLUSTERS_FILE
    clusters = load_clusters(clusters_path) if clusters_path.exists() else {}
    gaz, longest = load_gazetteer(model_dir / GAZETTEER_FILE)
    return Lexicon(clusters=clusters, gazetteer=gaz, triggers=load_triggers(model_dir / TRIGGERS_FILE),
                   max_gaz_len=longest)


class EntityTagger:
    """Tags token lists with BIO labels of types PERS, LOC, ORG and MISC.

    Load once and reuse; instances pickle by model path, so worker processes reload from disk instead of
    receiving the compiled model.
    """

    def __init__(self, model_dir: Path, lexicon: Lexicon | None = None, crf_weight: float = CRF_WEIGHT) -> None:
        self.model_dir = Path(model_dir)
        self.crf_weight = crf_weight
        weights = self.model_dir / WEIGHTS_FILE
        if not weights.exists():
            raise FileNotFoundError(f"no NER model at {weights}")
        self.lexicon = lexicon if lexicon is not None else load_lexicon(self.model_dir)
        self._crf = LinearCRF(weights)
        self._neural: NeuralModel | None = None
        if all((self.model_dir / name).exists() for name in NEURAL_FILES):
            from marsad.ner.neural import NeuralModel  # onnxruntime only for such directories

            self._neural = NeuralModel(self.model_dir, self.lexicon)

    @classmethod
    def load(cls, path: Path | None = None) -> EntityTagger:
        """Load a model directory, by default the one shipped in the package."""
        return cls(Path(path) if path is not None else default_model_dir())

    def tag(self, tokens: Sequence[str]) -> list[str]:
        """One BIO tag per token; an empty list for no tokens."""
        return self.tag_many([tokens])[0]

    def tag_many(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """Tags of each sentence, all tagged together (a document's sentences: one pass, not one per sentence),
        a name typed alike in nearby sentences (:mod:`marsad.ner.consistency`)."""
        chunks: list[list[str]] = []
        owners: list[tuple[int, int]] = []  # (sentence, tokens of the chunk that are the sentence's)
        for n, tokens in enumerate(sentences):
            for start in range(0, len(tokens), MAX_CHUNK):
                chunk = list(tokens[start:start + MAX_CHUNK])
                owners.append((n, len(chunk)))
                # Every training sentence ends with punctuation, so the model learned sentence ends only there;
                # a name as the last token of an unpunctuated fragment would otherwise be missed.
                if shape(chunk[-1]) != "punct":
                    chunk.append(".")
                chunks.append(chunk)
        tags: list[list[str]] = [[] for _ in sentences]
        for (n, kept), chunk_tags in zip(owners, self._tag_chunks(chunks), strict=True):
            tags[n].extend(chunk_tags[:kept])
        return consistent_tags(sentences, tags)

    def _tag_chunks(self, chunks: list[list[str]]) -> list[list[str]]:
        lexicon = self.lexicon
        words = [[lexicon.word(t) for t in chunk] for chunk in chunks]
        gaz = [lexicon.gazetteer_tags(w) for w in words]
        emissions = self._crf.emissions(chunks, words, gaz)
        paths: list[list[int]] = [[] for _ in chunks]
        order = sorted(range(len(chunks)), key=lambda i: len(chunks[i]))
        for lo in range(0, len(order), BATCH):
            batch = order[lo:lo + BATCH]
            for i, path in zip(batch, self._crf.viterbi([emissions[i] for i in batch]), strict=True):
                paths[i] = path
        if self._neural is None or self.crf_weight >= 1.0:
            return [[TAGS[k] for k in path] for path in paths]
        return self._neural.combine(chunks, paths, gaz, self.crf_weight)

    def __getstate__(self) -> dict[str, Any]:
        return {"model_dir": str(self.model_dir), "crf_weight": self.crf_weight}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(Path(state["model_dir"]), crf_weight=state["crf_weight"])  # type: ignore[misc]
