"""Tests for the NER stage: CoNLL I/O, conlleval scoring, the shipped tagger and its CLI handlers."""

from __future__ import annotations

import argparse
import itertools
import pickle
import shutil
import socket
from pathlib import Path

import numpy as np
import pytest

from marsad.cli_ner import add_evaluate_ner, add_ner_command
from marsad.ner.conll import evaluate, format_conll, parse_conll, read_conll, spans, write_conll
from marsad.ner.features import Lexicon, normalize, sentence_features, strip_proclitics
from marsad.ner.neural import MAX_CHARS, TAGS, Featurizer, NeuralModel, crf_marginals, decode, load_vectors
from marsad.ner.neural_files import CHARS_FILE, NEURAL_FILES, TRANSITIONS_FILE, VECTORS_FILE, VOCAB_FILE
from marsad.ner.neural_train import DEFAULT_NEURAL
from marsad.ner.tagger import CRF_WEIGHT, EntityTagger, default_model_dir, load_lexicon

VALID = {"O"} | {f"{p}-{t}" for p in "BI" for t in ("PERS", "LOC", "ORG", "MISC")}


@pytest.fixture(scope="module")
def tagger() -> EntityTagger:
    return EntityTagger.load()


def test_conll_round_trip(tmp_path: Path) -> None:
    sents = [[("قال", "O"), ("ترامب", "B-PERS")], [("في", "O"), ("واشنطن", "B-LOC"), (".", "O")]]
    path = tmp_path / "a.conll"
    write_conll(path, sents)
    assert read_conll(path) == sents
    assert read_conll(path) == parse_conll(format_conll(sents).splitlines())


def test_conll_odd_input() -> None:
    assert parse_conll(["", "   ", "\n"]) == []
    assert format_conll([]) == ""
    # extra columns are ignored, a missing tag is None, leading/trailing blank lines do not make sentences
    assert parse_conll(["\n", "a B-LOC x y\n", "b\n", "\n", "\n"]) == [[("a", "B-LOC"), ("b", None)]]


def test_spans_follow_conlleval() -> None:
    assert spans(["B-PERS", "I-PERS", "O", "I-LOC", "I-ORG", "B-ORG", "B-ORG"]) == {
        (0, 2, "PERS"), (3, 4, "LOC"), (4, 5, "ORG"), (5, 6, "ORG"), (6, 7, "ORG")}


def test_evaluate_scores() -> None:
    gold = [["B-PERS", "I-PERS", "O", "B-LOC"]]
    pred = [["B-PERS", "O", "O", "B-LOC"]]
    scores = evaluate(gold, pred)
    assert scores["overall"].correct == 1 and scores["overall"].f1 == pytest.approx(0.5)
    assert scores["LOC"].f1 == 1.0 and scores["PERS"].f1 == 0.0


def test_normalize_and_clitics() -> None:
    assert normalize("أَحْمَد") == "احمد"
    assert strip_proclitics(normalize("للولايات")) == ("لل", "ولايات")
    assert strip_proclitics("وبلينكن")[1] in {"لينكن", "بلينكن"}
    assert strip_proclitics("Biden") == ("", "Biden")


def test_shipped_model_loads_offline(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_network(*args: object, **kwargs: object) -> None:
        raise AssertionError("the NER model must not touch the network")

    monkeypatch.setattr(socket, "socket", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    tagger = EntityTagger.load()
    assert tagger.tag(["في", "القاهرة"])[0] == "O"
    assert (default_model_dir() / "model.json").exists()


def test_person_found(tagger: EntityTagger) -> None:
    tokens = ["قال", "الرئيس", "الأمريكي", "دونالد", "ترامب"]
    assert (3, 5, "PERS") in spans(tagger.tag(tokens))
    assert (3, 5, "PERS") in spans(tagger.tag([*tokens, "إن", "بلاده", "ستنسحب", "."]))


def test_clitic_location(tagger: EntityTagger) -> None:
    tokens = ["وصل", "وزير", "الخارجية", "إلى", "القاهرة", "قادما", "من", "الرياض", "."]
    found = {(" ".join(tokens[a:b]), t) for a, b, t in spans(tagger.tag(tokens))}
    assert ("القاهرة", "LOC") in found and ("الرياض", "LOC") in found


def test_odd_token_lists(tagger: EntityTagger) -> None:
    assert tagger.tag([]) == []
    long = ["ذهب", "محمد", "إلى", "بيروت", "و"] * 2000
    tags = tagger.tag(long)
    assert len(tags) == 10_000 and set(tags) <= VALID
    latin = tagger.tag(["Reuters", "said", "Joe", "Biden", "2024", "!", "@user", "https://x.co"])
    assert len(latin) == 8 and set(latin) <= VALID


def test_pickles(tagger: EntityTagger) -> None:
    clone = pickle.loads(pickle.dumps(tagger))
    tokens = ["التقى", "محمود", "عباس", "في", "رام", "الله"]
    assert clone.tag(tokens) == tagger.tag(tokens)


def test_numpy_crf_is_crfsuite(tagger: EntityTagger) -> None:
    """The exported weights and batched Viterbi give crfsuite's own tags (cached scores, edges, gazetteer)."""
    pycrfsuite = pytest.importorskip("pycrfsuite")
    crf = pycrfsuite.Tagger()
    crf.open(str(default_model_dir() / "model.crfsuite"))
    lexicon = load_lexicon(default_model_dir())
    lexicon.restrict(frozenset(tagger._crf.index))
    sentences = [["ترامب"], ["في", "."], ["وصل", "وزير", "خارجية", "المملكة", "العربية", "السعودية", "إلى", "القاهرة",
                                       "قادما", "من", "الرياض", "."],
                 ["قال", "البنك", "الدولي", "إن", "الاقتصاد", "المصري", "نما", "5", "%", "عام", "2019", "."],
                 ["Reuters", "said", "Joe", "Biden", "!"], ["وقال", "المتحدث", "باسم", "الأمم", "المتحدة", "ستيفان",
                                                           "دوجاريك", "للصحفيين", "في", "نيويورك", "."]]
    for tokens in sentences:
        assert tagger.tag(tokens) == crf.tag(sentence_features(tokens, lexicon))


def test_tag_many_is_tag_per_sentence(tagger: EntityTagger) -> None:
    sentences = [["قال", "الرئيس", "الأمريكي", "دونالد", "ترامب"], [], ["في", "القاهرة", "."],
                 ["ذهب", "محمد", "إلى", "بيروت", "و"] * 300, ["!"]]
    assert tagger.tag_many(sentences) == [tagger.tag(s) for s in sentences]
    assert tagger.tag_many([]) == []


def test_cli_handlers(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gold = tmp_path / "gold.conll"
    gold.write_text("قال O\nترامب B-PERS\n\n\nفي O\nبغداد B-LOC\n", encoding="utf-8")
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers()
    add_ner_command(sub)
    evaluate_parser = sub.add_parser("evaluate").add_subparsers()
    add_evaluate_ner(evaluate_parser)
    out = tmp_path / "out.tsv"
    args = parser.parse_args(["ner", "--conll", str(gold), "-o", str(out)])
    assert args.func(args) == 0
    lines = out.read_text(encoding="utf-8").split("\n")
    assert [ln.split("\t")[0] for ln in lines if ln] == ["قال", "ترامب", "في", "بغداد"]
    assert lines[2] == ""
    args = parser.parse_args(["evaluate", "ner", str(gold)])
    assert args.func(args) == 0
    assert "overall" in capsys.readouterr().out


def test_decode_is_best_legal_path() -> None:
    rng = np.random.default_rng(7)
    for _ in range(300):
        n = int(rng.integers(1, 5))
        scores = np.log(rng.dirichlet(np.full(len(TAGS), 0.3), size=n) + 1e-9)
        path = decode(scores)
        legal = [p for p in itertools.product(range(len(TAGS)), repeat=n)
                 if all(not TAGS[k].startswith("I-") or (i > 0 and TAGS[p[i - 1]][2:] == TAGS[k][2:])
                        for i, k in enumerate(p))]
        best = max(legal, key=lambda p: sum(scores[i, k] for i, k in enumerate(p)))
        assert path == [TAGS[k] for k in best]
    assert decode(np.zeros((0, len(TAGS)))) == []


def _paths(n: int) -> list[tuple[int, ...]]:
    return list(itertools.product(range(len(TAGS)), repeat=n))


def _path_score(scores: np.ndarray, trans: np.ndarray, start: np.ndarray, path: tuple[int, ...]) -> float:
    return float(start[path[0]] + sum(scores[i, k] for i, k in enumerate(path))
                 + sum(trans[a, b] for a, b in itertools.pairwise(path)))


def test_crf_marginals_are_brute_force() -> None:
    rng = np.random.default_rng(3)
    trans, start = rng.normal(size=(len(TAGS), len(TAGS))), rng.normal(size=len(TAGS))
    scores = [rng.normal(size=(n, len(TAGS))) * 3 for n in (2, 1, 0, 3)]
    for s, got in zip(scores, crf_marginals(scores, trans, start), strict=True):
        expected = np.zeros((len(s), len(TAGS)))
        for path in _paths(len(s)) if len(s) else ():
            expected[np.arange(len(s)), path] += np.exp(_path_score(s, trans, start, path))
        assert got.shape == expected.shape and np.allclose(got, expected / expected.sum(axis=1, keepdims=True))
    assert crf_marginals([np.zeros((0, len(TAGS)))], trans, start)[0].shape == (0, len(TAGS))


def test_crf_loss_is_brute_force() -> None:
    torch = pytest.importorskip("torch")
    from marsad.ner.neural_train import crf_loss

    rng = np.random.default_rng(4)
    trans, start = rng.normal(size=(len(TAGS), len(TAGS))), rng.normal(size=len(TAGS))
    scores = rng.normal(size=(2, 3, len(TAGS)))
    gold = [(1, 2, 0), (3, 4)]
    expected = sum(np.log(sum(np.exp(_path_score(scores[b, :len(g)], trans, start, p)) for p in _paths(len(g))))
                   - _path_score(scores[b, :len(g)], trans, start, g) for b, g in enumerate(gold)) / 5
    loss = crf_loss(torch.tensor(scores), torch.tensor([[1, 2, 0], [3, 4, -100]]), torch.tensor(trans),
                    torch.tensor(start))
    assert float(loss) == pytest.approx(expected)


def test_shipped_model_is_crf_and_bilstm(tagger: EntityTagger) -> None:
    assert tagger._neural is not None and tagger.crf_weight == CRF_WEIGHT
    assert tagger._neural.crf is not None  # the BiLSTM's CRF output layer
    assert all((default_model_dir() / name).exists() for name in NEURAL_FILES)
    size = sum(p.stat().st_size for p in default_model_dir().iterdir())
    assert size <= 50_000_000  # the budget


def test_featurizer_odd_tokens() -> None:
    featurizer = Featurizer({"زار": 1, "ترامب": 2}, {"ز": 2}, Lexicon(gazetteer={"ترامب": frozenset({"PERS"})}))
    ids, chars, cats = featurizer.arrays(["ووووووووووووووووووووووووو", "وترامب", "Reuters", "!"])
    assert ids.shape == (4, 2) and chars.shape == (4, MAX_CHARS) and cats.shape == (4, 3)
    assert ids[:, 0].tolist() == [0, 2, 0, 0]  # the conjunction is stripped to find a vector
    assert featurizer.gazetteer(["زار", "وترامب"]).tolist() == [0, 5]
    assert featurizer.arrays([])[0].shape == (0, 2) and featurizer.gazetteer([]).shape == (0,)


def _tiny_network(directory: Path, **params: object) -> np.ndarray:
    """Train a 1-epoch BiLSTM on two sentences into ``directory``; returns its vector table."""
    from marsad.ner.neural_train import train_network

    sents = [[("زار", "O"), ("ترامب", "B-PERS"), ("الرياض", "B-LOC"), (".", "O")],
             [("قال", "O"), ("البنك", "B-ORG"), ("الدولي", "I-ORG"), (".", "O")]]
    (directory / VOCAB_FILE).write_text("زار\nترامب\nالرياض\n", encoding="utf-8")
    np.save(directory / VECTORS_FILE, np.random.default_rng(0).normal(size=(3, 4)).astype(np.float16))
    vocab, table = load_vectors(directory)
    facts = train_network(sents, vocab, table, Lexicon(), directory, seed=1,
                          params={"epochs": 1, "hidden": 8, **params})
    assert facts["params"]["hidden"] == 8 and (directory / CHARS_FILE).exists()
    return table


def test_crf_with_network_directory(tmp_path: Path, tagger: EntityTagger) -> None:
    pytest.importorskip("torch")
    pytest.importorskip("onnxruntime")
    for path in default_model_dir().iterdir():
        shutil.copyfile(path, tmp_path / path.name)
    _tiny_network(tmp_path)
    both = EntityTagger.load(tmp_path)
    assert both._neural is not None
    assert both.tag([]) == []
    long = ["ذهب", "محمد", "إلى", "بيروت", "و"] * 2000
    assert len(both.tag(long)) == 10_000 and set(both.tag(long)) <= VALID
    latin = both.tag(["Reuters", "said", "Joe", "Biden", "2024", "!", "@user", "https://x.co"])
    assert len(latin) == 8 and set(latin) <= VALID
    tokens = ["وصل", "الوزير", "إلى", "القاهرة", "قادما", "من", "عمان"]
    assert EntityTagger(tmp_path, crf_weight=1.0).tag(tokens) == tagger.tag(tokens)
    clone = pickle.loads(pickle.dumps(EntityTagger(tmp_path, crf_weight=0.3)))
    assert clone.crf_weight == 0.3 and clone._neural is not None


def test_network_cache_starts_over_within_a_document(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("torch")
    pytest.importorskip("onnxruntime")
    from marsad.ner import neural

    for path in default_model_dir().iterdir():
        shutil.copyfile(path, tmp_path / path.name)
    _tiny_network(tmp_path)
    sentences = [["زار", "ترامب", "الرياض", "."], ["قال", "البنك", "الدولي", "إن", "الاقتصاد", "."],
                 ["وصل", "الوزير", "إلى", "القاهرة", "."], [], ["ذهب", "محمد", "إلى", "بيروت"]]
    expected = EntityTagger(tmp_path).tag_many(sentences)
    monkeypatch.setattr(neural, "_ENCODED_LIMIT", 12)  # fewer than the document's 19 distinct tokens
    small = EntityTagger(tmp_path)
    assert small.tag_many(sentences) == expected == [small.tag(s) for s in sentences]
    assert len(small._neural._rows) <= 12


@pytest.mark.parametrize("crf", [False, True])
def test_exported_network_matches_torch(tmp_path: Path, crf: bool) -> None:
    torch = pytest.importorskip("torch")
    pytest.importorskip("onnxruntime")
    from marsad.ner.neural_train import build_network, export_onnx, quantize_tagger

    table = _tiny_network(tmp_path, crf=not crf)  # the export below must replace or drop its transitions
    assert (tmp_path / TRANSITIONS_FILE).exists() != crf
    # A fresh network through the exporter and the cached two-graph runtime gives PyTorch's probabilities (with
    # a CRF layer, its marginals).
    net = build_network(len((tmp_path / CHARS_FILE).read_text(encoding="utf-8").split()) + 2, 4,
                        {**DEFAULT_NEURAL, "hidden": 8, "crf": crf})
    with torch.no_grad():
        net.tagger.transitions.normal_()
        net.tagger.start.normal_()
    export_onnx(net, tmp_path, 4, crf=crf)
    model = NeuralModel(tmp_path, Lexicon(gazetteer={"الرياض": frozenset({"LOC"})}))
    tokens = ["زار", "ترامب", "الرياض", "Reuters", "زار"]
    ids, chars, cats = model.featurizer.arrays(tokens)
    inputs = (torch.from_numpy(table[ids].reshape(1, 5, -1)), torch.from_numpy(chars[None]),
              torch.from_numpy(cats[None]), torch.from_numpy(model.featurizer.gazetteer(tokens)[None]))
    assert inputs[3].tolist() == [[0, 0, 1, 0, 0]]
    net.eval()
    with torch.no_grad():
        scores = net(*inputs)[0]
    expected = torch.softmax(scores, dim=-1).numpy() if not crf else crf_marginals(
        [scores.numpy()], net.tagger.transitions.detach().numpy(), net.tagger.start.detach().numpy())[0]
    for _ in range(2):  # cold, then cached encodings
        assert np.allclose(model.probabilities(tokens), expected, atol=1e-4)
    assert model.probabilities([]).shape == (0, len(TAGS))
    quantize_tagger(tmp_path)  # int8 weights: close to, not equal to, the float network
    quantized = NeuralModel(tmp_path, model.featurizer.lexicon).probabilities(tokens)
    assert np.allclose(quantized, expected, atol=0.05) and not np.allclose(quantized, expected, atol=1e-6)
