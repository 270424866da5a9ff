"""The learned target ranking: the shipped model, when it overrules the rules, and training it from gold."""

from __future__ import annotations

import json

import pytest

from marsad.analyzer import Analyzer
from marsad.cli import main
from marsad.errors import DataFileError
from marsad.events import EventExtractor
from marsad.events.confidence import ConfidenceModel
from marsad.events.ranking import Candidate, TargetRanking, preferred
from marsad.events.ranking_train import MARGINS, NONE, UNNAMED
from marsad.linking.mentions import NAME, Mention
from marsad.model import Actor, Document

CONDEMNATION = "أدانت قطر الهجوم الإسرائيلي على غزة."


def _with_ranking(analyzer: Analyzer, ranking: TargetRanking | None) -> Analyzer:
    extractor = EventExtractor(analyzer.extractor.lexicon, analyzer.extractor.cues, None, ranking)
    return Analyzer(analyzer.boilerplate, analyzer.time_finder, analyzer.linker, extractor)


def _ranking(weights: dict[str, float], margin: float = 0.0, unnamed: float = 0.3, none: float = 1.0) -> TargetRanking:
    return TargetRanking(ConfidenceModel(weights, 0.0, 0.0), margin, unnamed, none)


def _candidate(code: str, chosen: bool) -> Candidate:
    actor = Actor(code, code, code, "state")
    return Candidate(actor, Mention(0, 1, NAME, "GPE", [actor]), chosen, ())


def test_the_shipped_model_loads_and_says_what_it_learned_from():
    ranking = TargetRanking.load()
    assert ranking.margin in MARGINS and ranking.unnamed in UNNAMED and ranking.none in NONE
    assert len(ranking.model.weights) > 100
    assert ranking.trained["targets"] > 1000 and ranking.trained["cross_validation"]


def test_a_malformed_model_is_a_clear_error(tmp_path):
    path = tmp_path / "ranking.json"
    path.write_text('{"format": "marsad-target-ranking/1", "margin": 0, "unnamed": "x", "none": 1, "bias": 0, '
                    '"weights": {}}')
    with pytest.raises(DataFileError, match="not a target ranking model"):
        TargetRanking.load(path)
    path.write_text("{not json")
    with pytest.raises(DataFileError, match=str(path)):
        TargetRanking.load(path)


def test_another_actor_must_beat_the_rules_choice_by_the_margin():
    chosen, other = _candidate("ISR", True), _candidate("PSE", False)
    assert preferred([chosen, other], [0.5, 0.6], margin=0.05, unscored=0.3) is other
    assert preferred([chosen, other], [0.5, 0.6], margin=0.2, unscored=0.3) is None
    assert preferred([chosen], [0.1], margin=0.0, unscored=0.3) is None  # nothing else to choose


def test_a_choice_the_sentence_does_not_name_or_none_counts_as_its_fixed_score():
    other = _candidate("PSE", False)
    assert preferred([other], [0.35], margin=0.0, unscored=0.3) is other
    assert preferred([other], [0.35], margin=0.0, unscored=1.0) is None
    ranking = _ranking({"chosen=False": 0.0}, unnamed=0.4, none=0.2)  # every actor scores 0.5
    assert ranking.better([other], targeted=True) is other and ranking.better([other], targeted=False) is other
    assert _ranking({}, unnamed=0.6, none=0.2).better([other], targeted=True) is None


def test_the_ranking_replaces_the_target_and_says_so(analyzer):
    document = Document("t", CONDEMNATION, published="2018-05-10")
    rules = _with_ranking(analyzer, None).analyze(document).events[0]
    assert (rules.type, [a.id for a in rules.target]) == ("ACCUSE", ["ISR"])
    # a model that prefers any actor the rules did not choose puts Gaza, named after على, in the target
    analysis, found = _with_ranking(analyzer, _ranking({"chosen=False": 20.0})).analyze_explained(document)
    accusation = next(e for e in analysis.events if e.type == "ACCUSE")
    assert [a.country for a in accusation.target] == ["PSE"] and "غزة" in accusation.evidence.text
    assert any("ranked-target" in item.rules for item in found if item.event is accusation)
    # and one that trusts the rules leaves them be
    kept = _with_ranking(analyzer, _ranking({"chosen=True": 20.0})).analyze(document).events[0]
    assert [a.id for a in kept.target] == ["ISR"]


def test_the_ranking_adds_a_target_where_the_rules_found_none(analyzer):
    # Iran, named before the demand as its setting, is no addressee for the rules
    document = Document("t", "وفي ظل التوتر مع إيران طالبت فرنسا بوقف التصعيد.", published="2018-05-10")
    assert not _with_ranking(analyzer, None).analyze(document).events
    keen = _ranking({"targeted=False": 20.0}, none=0.5)
    analysis, found = _with_ranking(analyzer, keen).analyze_explained(document)
    assert [(e.type, [a.id for a in e.target]) for e in analysis.events] == [("REQUEST", ["IRN"])]
    assert "filled-target" in found[0].rules
    assert not _with_ranking(analyzer, _ranking({"targeted=False": 20.0}, none=1.0)).analyze(document).events


def test_training_from_gold_learns_the_annotated_target(tmp_path, capsys):
    texts = [CONDEMNATION, "أدانت تركيا الهجوم الإسرائيلي على غزة.", "أدانت مصر الهجوم الإسرائيلي على غزة."] * 4
    docs, gold = tmp_path / "docs.jsonl", tmp_path / "gold.jsonl"
    docs.write_text("".join(json.dumps({"id": f"d{i}", "text": t, "published": "2018-05-10"}, ensure_ascii=False)
                            + "\n" for i, t in enumerate(texts)), encoding="utf-8")
    # these annotators code the condemnation against the place attacked, not the attacker
    sources = ["QAT", "TUR", "EGY"]
    records = [{"doc": f"d{i}", "events": [{"type": "ACCUSE", "source": [sources[i % 3]], "target": ["PSE"]}]}
               for i in range(len(texts))]
    gold.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    out = tmp_path / "ranking.json"
    assert main(["train", "ranking", str(gold), str(docs), "--out", str(out), "--folds", "3"]) == 0
    ranking = TargetRanking.load(out)
    assert ranking.trained["documents"] == len(texts) and "cross-validated" in capsys.readouterr().out
    assert ranking.model.probability(["governor=علي"]) > ranking.model.probability(["chosen=True"])
