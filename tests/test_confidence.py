"""The learned event confidence: the shipped model, dropping unlikely events, and training from gold."""

from __future__ import annotations

import json

import pytest

from marsad.analyzer import Analyzer
from marsad.cli import main
from marsad.errors import DataFileError
from marsad.events import EventExtractor
from marsad.events.confidence import ConfidenceModel
from marsad.events.confidence_train import THRESHOLDS, Example, chosen_threshold, examples, fit
from marsad.model import Document

MEETING = "التقى وزير الخارجية المغربي ناصر بوريطة نظيره الإسباني في الرباط أمس."


def _with_model(analyzer: Analyzer, model: ConfidenceModel | None) -> Analyzer:
    extractor = EventExtractor(analyzer.extractor.lexicon, analyzer.extractor.cues, model)
    return Analyzer(analyzer.boilerplate, analyzer.time_finder, analyzer.linker, extractor)


def test_the_shipped_model_loads_and_says_what_it_learned_from():
    model = ConfidenceModel.load()
    assert 0.0 < model.threshold < 1.0 and len(model.weights) > 100
    assert model.trained["examples"] > 1000 and model.trained["cross_validation"]


def test_a_malformed_model_is_a_clear_error(tmp_path):
    path = tmp_path / "confidence.json"
    path.write_text('{"format": "marsad-event-confidence/1", "weights": {"a": "x"}, "bias": 0, "threshold": 0.3}')
    with pytest.raises(DataFileError, match="not an event confidence model"):
        ConfidenceModel.load(path)
    path.write_text("{not json")
    with pytest.raises(DataFileError, match=str(path)):
        ConfidenceModel.load(path)


def test_an_unlikely_event_is_dropped_and_its_trigger_says_why(analyzer):
    unlikely = ConfidenceModel({"type=CONSULT": -8.0}, bias=0.0, threshold=0.3)
    analysis, found = _with_model(analyzer, unlikely).analyze_explained(Document("t", MEETING, published="2018-05-10"))
    assert not analysis.events
    assert any(item.decision.startswith("unlikely: learned confidence 0.000 < 0.30") for item in found)
    kept = _with_model(analyzer, unlikely.with_threshold(0.0)).analyze(Document("t", MEETING, published="2018-05-10"))
    assert [e.type for e in kept.events] == ["CONSULT"] and kept.events[0].confidence < 0.01


def test_the_learned_confidence_replaces_the_rules_own(analyzer):
    document = Document("t", MEETING, published="2018-05-10")
    rules_only = _with_model(analyzer, None).analyze(document).events[0].confidence
    sure = ConfidenceModel({"type=CONSULT": 8.0}, bias=0.0, threshold=0.3)
    assert _with_model(analyzer, sure).analyze(document).events[0].confidence > 0.99 > rules_only


def test_fitting_is_repeatable_and_learns_which_decisions_are_right():
    rows = [Example(f"d{i}", ["trigger=meet", "form=past"], True, frozenset({0})) for i in range(20)]
    rows += [Example(f"e{i}", ["trigger=meet", "form=nouns"], False, frozenset()) for i in range(20)]
    weights, bias = fit(rows)
    assert weights["form=past"] > 0 > weights["form=nouns"]
    assert fit(rows) == (weights, bias)


def test_the_fitted_probability_is_calibrated_when_every_event_has_many_features():
    # events carry some thirty features each: the fit must still reach the optimum, where the mean probability
    # is the share of right events (a fixed-rate gradient descent overshot to 0.7 on the dev gold's 0.47)
    shared = [f"feature={k}" for k in range(30)]
    rows = [Example(f"d{i}", [*shared, f"kind={i % 3}"], i % 10 < 3, frozenset()) for i in range(60)]
    weights, bias = fit(rows)
    model = ConfidenceModel(weights, bias, 0.0)
    assert abs(sum(model.probability(row.features) for row in rows) / len(rows) - 0.3) < 0.01


def test_an_event_is_a_right_example_only_with_its_date(analyzer):
    document = Document("t", MEETING, published="2018-05-10")
    gold = {"type": "CONSULT", "source": ["MAR"], "target": ["ESP", "FRA"]}
    rules = _with_model(analyzer, None)
    for date, right in (("2018-05-09", True), ("2018-04-02", False)):
        rows, required = examples(rules, [(document, {"events": [{**gold, "date": date}]})])
        assert required == 1 and {row.right for row in rows} == {right}


def test_training_from_gold_writes_a_model_with_its_cross_validation(tmp_path, capsys):
    texts = [MEETING, "استقبل الملك محمد السادس الرئيس الفرنسي في الرباط أمس.",
             "أدانت قطر الهجوم الإسرائيلي على غزة.", "اتهمت إيران الولايات المتحدة بدعم الإرهاب."] * 3
    docs, gold = tmp_path / "docs.jsonl", tmp_path / "gold.jsonl"
    docs.write_text("".join(json.dumps({"id": f"d{i}", "text": t, "published": "2018-05-10"}, ensure_ascii=False)
                            + "\n" for i, t in enumerate(texts)), encoding="utf-8")
    # the meetings are annotated, the accusations are not: the model must learn to doubt the latter
    records = [{"doc": f"d{i}", "events": [{"type": "CONSULT", "source": ["MAR"], "target": ["ESP", "FRA"],
                                            "date": "2018-05-09"}] if i % 4 < 2 else []} for i in range(len(texts))]
    gold.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    out = tmp_path / "model.json"
    assert main(["train", "confidence", str(gold), str(docs), "--out", str(out), "--folds", "3"]) == 0
    model = ConfidenceModel.load(out)
    assert model.threshold in THRESHOLDS and model.trained["documents"] == len(texts)
    assert model.probability(["type=CONSULT"]) > model.probability(["type=ACCUSE"])
    assert "cross-validated" in capsys.readouterr().out


def test_a_threshold_within_noise_of_the_best_yields_to_a_better_f1():
    table = [{"threshold": 0.05, "precision": 0.469, "recall": 0.470, "f1": 0.470},
             {"threshold": 0.1, "precision": 0.481, "recall": 0.468, "f1": 0.475},
             {"threshold": 0.3, "precision": 0.562, "recall": 0.433, "f1": 0.489}]
    assert chosen_threshold(table, required_total=4000)["threshold"] == 0.1  # one standard error: 0.008
    assert chosen_threshold(table, required_total=10_000_000)["threshold"] == 0.05  # no noise to speak of
