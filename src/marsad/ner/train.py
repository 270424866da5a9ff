"""Train the shipped NER model: ``marsad train ner`` calls :func:`train`.

Recipe: ANERcorp training part (CAMeL split) minus its last 10% of sentences, which is the dev slice used for
every tuning decision and for the figure in the manifest, plus the Wojood sample mapped to the four ANERcorp
types; word vectors and their clusters from the Apache-licensed ANT news only; a gazetteer of Arabic country
names (mledoze/countries); hand-written trigger words. On the same sentences a CRF and a BiLSTM with a CRF output
layer are trained (the BiLSTM without every 20th ANERcorp sentence, on which it stops early); the tagger combines
them (see :mod:`marsad.ner.tagger`). ANERGazet is research-use only and added nothing measurable on
the dev slice, so it is left out unless asked for. Every input file is recorded in ``model.json`` with its
sha256, size and license.
"""

from __future__ import annotations

import hashlib
import json
import logging
import platform
import shutil
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import pycrfsuite

from marsad.ner.clusters import train_clusters
from marsad.ner.conll import Sentence, evaluate, read_conll
from marsad.ner.crf import WEIGHTS_FILE, export_weights
from marsad.ner.features import normalize, sentence_features
from marsad.ner.neural import load_vectors
from marsad.ner.neural_files import CHARS_FILE, ENCODER_FILE, ONNX_FILE, TRANSITIONS_FILE, VECTORS_FILE, VOCAB_FILE
from marsad.ner.neural_train import train_network
from marsad.ner.tagger import (
    CLUSTERS_FILE,
    CRF_WEIGHT,
    GAZETTEER_FILE,
    MODEL_FILE,
    TRIGGERS_FILE,
    EntityTagger,
    default_model_dir,
    load_lexicon,
)

DEFAULT_DATA_ROOT = Path("/work/shared/data")
DEV_FRACTION = 0.10
# Every this-many-th ANERcorp training sentence is kept out of the BiLSTM's training to stop it early on (the
# CRF trains on all of them); never the dev slice.
VALID_EVERY = 20
ANERCORP = "anercorp/train.txt"
GAZETTEERS = {"LOC": "anercorp/gazetteer/AlignedLocGazetteer.txt",
              "ORG": "anercorp/gazetteer/AlignedOrgGazetteer.txt",
              "PERS": "anercorp/gazetteer/AlignedPersGazetteer.txt"}
COUNTRIES = "countries/countries.json"
NEWS = "news/bulk.jsonl.gz"
WOJOOD = "wojood/train.txt"
# Wojood's nested types onto ANERcorp's four; ANERcorp tags currencies and events MISC and leaves nationalities
# (NORP) untagged. The outermost mapped type of a token wins.
WOJOOD_TYPES = {"PERS": "PERS", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "ORG": "ORG", "EVENT": "MISC",
                "PRODUCT": "MISC", "CURR": "MISC"}
LICENSES = {
    ANERCORP: "CAMeL Lab split terms CC BY-SA 4.0 (original ANERcorp: freely available for research)",
    GAZETTEERS["LOC"]: "ANERGazet, research use (Benajiba)",
    GAZETTEERS["ORG"]: "ANERGazet, research use (Benajiba)",
    GAZETTEERS["PERS"]: "ANERGazet, research use (Benajiba)",
    COUNTRIES: "ODbL 1.0 (mledoze/countries)",
    NEWS: "only the ANT parts are read: Apache-2.0 (Chouigui et al.)",
    WOJOOD: "Wojood sample, repo license MIT (SinaLab/ArabicNER); no separate data license stated",
}
# Gazetteer names that are also among this many most frequent news words are dropped: they are common words
# (ANERGazet holds entries like "داخل" or "عمته") and would only add noise.
GAZ_COMMON_WORDS = 1500
DEFAULT_PARAMS = {"c1": 0.05, "c2": 0.05, "max_iterations": 150, "feature.possible_transitions": True}

log = logging.getLogger(__name__)


def sha256(path: Path) -> str:
    """Hex digest of a file, recorded so a model names the exact data it came from."""
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def split_dev(sentences: Sequence[Sentence], fraction: float = DEV_FRACTION) -> tuple[list[Sentence], list[Sentence]]:
    """(train, dev): dev is the last ``fraction`` of sentences, so the cut is stable and order-preserving."""
    cut = len(sentences) - round(len(sentences) * fraction)
    return list(sentences[:cut]), list(sentences[cut:])


def split_valid(sentences: Sequence[Sentence], every: int = VALID_EVERY) -> tuple[list[Sentence], list[Sentence]]:
    """(train, validation): every ``every``-th sentence is validation, spread over the articles (0 = none)."""
    if every <= 0:
        return list(sentences), []
    return ([s for i, s in enumerate(sentences) if i % every != every - 1],
            [s for i, s in enumerate(sentences) if i % every == every - 1])


def _arabic(text: str) -> bool:
    return any("\u0621" <= ch <= "\u064a" for ch in text)


def read_wojood(path: Path) -> list[Sentence]:
    """Wojood's nested annotation flattened to BIO over PERS/LOC/ORG/MISC (outermost mapped type wins)."""
    sentences: list[Sentence] = []
    for sent in read_conll_multi(path):
        tags: list[str] = []
        for _, layers in sent:
            tag = "O"
            for layer in layers:
                prefix, _, typ = layer.partition("-")
                if typ in WOJOOD_TYPES:
                    tag = f"{prefix}-{WOJOOD_TYPES[typ]}"
                    break
            if tag.startswith("I-") and (not tags or tags[-1][2:] != tag[2:]):
                tag = "B-" + tag[2:]
            tags.append(tag)
        sentences.append(list(zip([tok for tok, _ in sent], tags, strict=True)))
    return sentences


def read_conll_multi(path: Path) -> list[list[tuple[str, list[str]]]]:
    """Sentences of (token, all tag columns) from a nested-NER file."""
    sentences: list[list[tuple[str, list[str]]]] = []
    current: list[tuple[str, list[str]]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split()
        if fields:
            current.append((fields[0], fields[1:]))
        elif current:
            sentences.append(current)
            current = []
    if current:
        sentences.append(current)
    return sentences


def build_gazetteer(data_root: Path, out: Path, common: set[str], anergazet: bool = False) -> int:
    """Write ``name<TAB>TYPES`` from Arabic country names (and cleaned ANERGazet lists if asked); returns size."""
    entries: dict[str, set[str]] = {}
    for typ, rel in GAZETTEERS.items() if anergazet else ():
        for line in (data_root / rel).read_text(encoding="utf-8").splitlines():
            name = " ".join(line.split())
            key = normalize(name)
            if not _arabic(name) or len(key) < 3 or (" " not in key and key in common):
                continue
            entries.setdefault(name, set()).add(typ)
    for country in json.loads((data_root / COUNTRIES).read_text(encoding="utf-8")):
        ara = country.get("translations", {}).get("ara", {})
        for name in (ara.get("common"), ara.get("official")):
            if name:
                entries.setdefault(" ".join(name.split()), set()).add("LOC")
    with out.open("w", encoding="utf-8") as fh:
        for name in sorted(entries):
            fh.write(f"{name}\t{','.join(sorted(entries[name]))}\n")
    return len(entries)


def frequent_words(clusters_tsv: Path, n: int) -> set[str]:
    """The ``n`` most frequent corpus words (the cluster file is written in frequency order)."""
    words: set[str] = set()
    with clusters_tsv.open(encoding="utf-8") as fh:
        for line in fh:
            if len(words) >= n:
                break
            words.add(line.split("\t", 1)[0])
    return words


def fit_crf(model_path: Path, sentences: Iterable[Sentence], lexicon_dir: Path,
            params: dict[str, Any] | None = None) -> None:
    """Train a crfsuite model on tagged sentences using the features of the resources in ``lexicon_dir``."""
    lexicon = load_lexicon(lexicon_dir)
    trainer = pycrfsuite.Trainer(algorithm="lbfgs", verbose=False)
    trainer.set_params({**DEFAULT_PARAMS, **(params or {})})
    for sent in sentences:
        tokens = [tok for tok, _ in sent]
        trainer.append(sentence_features(tokens, lexicon), [tag or "O" for _, tag in sent])
    trainer.train(str(model_path))
    export_weights(model_path, model_path.parent / WEIGHTS_FILE)


def score_dir(model_dir: Path, sentences: Sequence[Sentence],
              crf_weight: float = CRF_WEIGHT) -> dict[str, dict[str, float]]:
    """Dev scores of a model directory as plain numbers (``crf_weight`` matters only with a BiLSTM beside it)."""
    tagger = EntityTagger(model_dir, crf_weight=crf_weight)
    gold = [[tag or "O" for _, tag in s] for s in sentences]
    pred = tagger.tag_many([[tok for tok, _ in s] for s in sentences])
    return {name: {"precision": round(s.precision, 4), "recall": round(s.recall, 4), "f1": round(s.f1, 4),
                   "gold": s.gold, "predicted": s.predicted}
            for name, s in evaluate(gold, pred).items()}


def _file_record(data_root: Path, rel: str) -> dict[str, Any]:
    path = data_root / rel
    return {"path": rel, "sha256": sha256(path), "bytes": path.stat().st_size, "license": LICENSES[rel]}


def train(out_dir: Path, seed: int = 13, *, data_root: Path = DEFAULT_DATA_ROOT, clusters: Path | None = None,
          params: dict[str, Any] | None = None, anergazet: bool = False) -> dict[str, Any]:
    """Train clusters and word vectors (unless a cluster file is given), gazetteer, CRF and BiLSTM into ``out_dir``;
    returns the manifest."""
    started = time.time()
    out_dir.mkdir(parents=True, exist_ok=True)
    cluster_facts: dict[str, Any]
    if clusters is None:
        cluster_facts = train_clusters(data_root / NEWS, out_dir / CLUSTERS_FILE, seed=seed, vectors_dir=out_dir)
    else:  # the word vectors the clusters were cut from are taken from the same directory
        for src, name in ((clusters, CLUSTERS_FILE), (clusters.parent / VECTORS_FILE, VECTORS_FILE),
                          (clusters.parent / VOCAB_FILE, VOCAB_FILE)):
            if src.resolve() != (out_dir / name).resolve():
                shutil.copyfile(src, out_dir / name)
        cluster_facts = {"reused": str(clusters)}
    triggers_src = default_model_dir() / TRIGGERS_FILE
    if triggers_src.resolve() != (out_dir / TRIGGERS_FILE).resolve():
        shutil.copyfile(triggers_src, out_dir / TRIGGERS_FILE)
    n_gaz = build_gazetteer(data_root, out_dir / GAZETTEER_FILE,
                            frequent_words(out_dir / CLUSTERS_FILE, GAZ_COMMON_WORDS), anergazet)

    train_part, dev = split_dev(read_conll(data_root / ANERCORP))
    wojood = read_wojood(data_root / WOJOOD)
    crf_params = {**DEFAULT_PARAMS, **(params or {})}
    fit_crf(out_dir / MODEL_FILE, train_part + wojood, out_dir, crf_params)
    vocab, vectors = load_vectors(out_dir)
    network_part, valid = split_valid(train_part)
    network = train_network(network_part + wojood, vocab, vectors, load_lexicon(out_dir), out_dir, seed,
                            valid=valid)
    manifest: dict[str, Any] = {
        "name": "marsad-ner-crf-bilstm",
        "task": "Arabic NER, BIO tags PERS LOC ORG MISC",
        "files": {"model": MODEL_FILE, "weights": WEIGHTS_FILE, "clusters": CLUSTERS_FILE,
                  "gazetteer": GAZETTEER_FILE, "triggers": TRIGGERS_FILE, "vectors": VECTORS_FILE,
                  "vocabulary": VOCAB_FILE, "characters": CHARS_FILE, "encoder": ENCODER_FILE, "network": ONNX_FILE,
                  "network_transitions": TRANSITIONS_FILE},
        "data": [_file_record(data_root, rel)
                 for rel in (ANERCORP, WOJOOD, COUNTRIES, NEWS, *(GAZETTEERS.values() if anergazet else ()))],
        "training_sentences": {"anercorp": len(train_part), "wojood": len(wojood),
                               "network_validation": f"every {VALID_EVERY}th ANERcorp training sentence "
                                                     f"({len(valid)}), left out of the BiLSTM's training"},
        "training_tokens": {"anercorp": sum(len(s) for s in train_part), "wojood": sum(len(s) for s in wojood)},
        "dev": {"definition": f"last {DEV_FRACTION:.0%} of sentences of {ANERCORP}", "sentences": len(dev),
                "tokens": sum(len(s) for s in dev), "scores": score_dir(out_dir, dev),
                "scores_crf_alone": score_dir(out_dir, dev, crf_weight=1.0)},
        "clusters": cluster_facts,
        "gazetteer_entries": n_gaz,
        "crf": {"algorithm": "lbfgs", "params": crf_params},
        "network": network,
        "crf_vote_weight": CRF_WEIGHT,
        "features": ["normalized word", "clitic-stripped stem and proclitic string", "prefixes/suffixes 1-4",
                     "shape", "length", "position", "context window +-2 (word, stem, shape, clusters, gazetteer, "
                     "trigger)", "word bigram conjunctions", "word2vec k-means clusters", "gazetteer BIO match",
                     "trigger class"],
        "seed": seed,
        "python": platform.python_version(),
        "pycrfsuite": pycrfsuite.__version__ if hasattr(pycrfsuite, "__version__") else "unknown",
        "train_seconds": round(time.time() - started, 1),
    }
    (out_dir / "model.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n",
                                        encoding="utf-8")
    return manifest
