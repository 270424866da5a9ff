"""Tests for the NER stage: CoNLL I/O, conlleval scoring, the shipped tagger and its CLI handlers."""

from __future__ import annotations

import argparse
import pickle
import socket
from pathlib import Path

import pytest

from marsad.cli_ner import add_evaluate_ner, add_ner_command
from marsad.ner.conll import evaluate, format_conll, parse_conll, read_conll, spans, write_conll
from marsad.ner.features import normalize, strip_proclitics
from marsad.ner.tagger import EntityTagger, default_model_dir

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
