"""Events read without a trigger: the pair readings, which become events, the model file, and training it."""

from __future__ import annotations

import json

import pytest

from marsad.analyzer import Analyzer
from marsad.cli import main
from marsad.errors import DataFileError
from marsad.events import EventExtractor
from marsad.events.implicit import ImplicitEvents, PairReading, chosen, pair_readings
from marsad.events.implicit_train import THRESHOLDS
from marsad.linking.mentions import NAME, Mention
from marsad.model import Actor, Document

BLAME = "وتقول بريطانيا إن روسيا مسؤولة عن الهجوم."


def _with_implicit(analyzer: Analyzer, implicit: ImplicitEvents | None) -> Analyzer:
    rules = analyzer.extractor
    extractor = EventExtractor(rules.lexicon, rules.cues, rules.confidence, rules.ranking, implicit)
    return Analyzer(analyzer.boilerplate, analyzer.time_finder, analyzer.linker, extractor)


def _reading(source: str, target: str, sentence: tuple[int, int] = (0, 10)) -> PairReading:
    def mention(code: str) -> Mention:
        return Mention(0, 1, NAME, "GPE", [Actor(code, code, code, "state")])
    return PairReading(sentence, mention(source), mention(target), (), ())


def test_the_shipped_model_loads_and_says_what_it_learned_from():
    model = ImplicitEvents.load()
    assert model.threshold in THRESHOLDS and {"ACCUSE", "ASSAULT", "CONSULT"} <= set(model.weights)
    assert model.trained["documents"] > 1000 and model.trained["cross_validation"]


def test_a_malformed_model_is_a_clear_error(tmp_path):
    path = tmp_path / "implicit.json"
    path.write_text('{"format": "marsad-implicit-events/1", "threshold": 0.3, "bias": {"ACCUSE": 0}, '
                    '"weights": {"ACCUSE": {"w=x": "heavy"}}}')
    with pytest.raises(DataFileError, match="not an implicit-event model"):
        ImplicitEvents.load(path)
    path.write_text("{not json")
    with pytest.raises(DataFileError, match=str(path)):
        ImplicitEvents.load(path)


def test_a_saved_model_reads_back_the_same(tmp_path):
    model = ImplicitEvents({"ACCUSE": {"w=مسووله": 1.5}}, {"ACCUSE": -2.0}, 0.3, {"documents": 3})
    model.save(tmp_path / "m.json")
    again = ImplicitEvents.load(tmp_path / "m.json")
    assert again == model
    reading = PairReading((0, 1), None, None, ("w=مسووله",), ())
    assert again.probabilities([reading])[0]["ACCUSE"] == pytest.approx(0.3775, 1e-3)


def test_one_event_per_sentence_and_type_and_none_the_events_already_have():
    gbr_rus, rus_gbr, gbr_fra = _reading("GBR", "RUS"), _reading("RUS", "GBR"), _reading("GBR", "FRA", (20, 30))
    scored = [(0.6, "ACCUSE", rus_gbr), (0.9, "ACCUSE", gbr_rus), (0.5, "ACCUSE", gbr_fra), (0.4, "CONSULT", gbr_rus),
              (0.35, "CONSULT", rus_gbr)]
    picked = chosen(scored, lambda kind, reading: False)
    # the likelier accusation of the sentence wins; a symmetric meeting is one event whichever way it is read
    assert [(kind, reading.codes) for _, kind, reading in picked] == [
        ("ACCUSE", ("GBR", "RUS")), ("ACCUSE", ("GBR", "FRA")), ("CONSULT", ("GBR", "RUS"))]
    made = chosen(scored, lambda kind, reading: kind == "ACCUSE" and reading.codes == ("GBR", "RUS"))
    assert next((kind, reading.codes) for _, kind, reading in made) == ("ACCUSE", ("RUS", "GBR"))


def test_a_sure_model_adds_the_event_no_trigger_names(analyzer):
    document = Document("t", BLAME, published="2018-03-20")
    assert not [e for e in _with_implicit(analyzer, None).analyze(document).events if e.type == "ACCUSE"]
    sure = ImplicitEvents({"ACCUSE": {"w=مسووله": 3.0, "order=st": 1.0}}, {"ACCUSE": -2.0}, 0.5)
    events = [e for e in _with_implicit(analyzer, sure).analyze(document).events if e.type == "ACCUSE"]
    assert [([a.country for a in e.source], [a.country for a in e.target]) for e in events] == [(["GBR"], ["RUS"])]
    event = events[0]
    assert event.trigger is None and event.mode is None and event.confidence == pytest.approx(0.881, abs=1e-3)
    assert BLAME[event.evidence.start:event.evidence.end] == event.evidence.text and "روسيا" in event.evidence.text
    assert event.date == "2018-03-20"  # undated: the story's day
    # below the threshold nothing is added
    assert not [e for e in _with_implicit(analyzer, sure.with_threshold(0.95)).analyze(document).events
                if e.type == "ACCUSE"]


def test_a_minimum_confidence_raises_the_threshold_and_never_lowers_it():
    shipped = ImplicitEvents.load().threshold
    assert EventExtractor.load(min_confidence=0.0).implicit.threshold == shipped
    assert EventExtractor.load(min_confidence=0.99).implicit.threshold == 0.99
    assert EventExtractor.load(learned_implicit=False).implicit is None
    assert EventExtractor.load(learned_confidence=False).implicit is None  # it learns from the kept events


def test_training_from_gold_learns_the_annotated_pairs(tmp_path, capsys):
    texts = [BLAME, "وتقول فرنسا إن إيران مسؤولة عن الهجوم.", "وتقول مصر إن تركيا مسؤولة عن الهجوم.",
             "وزار رئيس مصر تركيا أمس."] * 6
    codes = [("GBR", "RUS"), ("FRA", "IRN"), ("EGY", "TUR")]
    docs, gold = tmp_path / "docs.jsonl", tmp_path / "gold.jsonl"
    docs.write_text("".join(json.dumps({"id": f"d{i}", "text": t, "published": "2018-05-10"}, ensure_ascii=False)
                            + "\n" for i, t in enumerate(texts)), encoding="utf-8")
    records = [{"doc": f"d{i}", "events": [] if i % 4 == 3 else [
        {"type": "ACCUSE", "source": [codes[i % 4][0]], "target": [codes[i % 4][1]], "date": "2018-05-10",
         "evidence": texts[i]}]} for i in range(len(texts))]
    gold.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    out = tmp_path / "implicit.json"
    assert main(["train", "implicit", str(gold), str(docs), "--out", str(out), "--folds", "3",
                 "--min-count", "2"]) == 0
    model = ImplicitEvents.load(out)
    assert model.trained["documents"] == len(texts) and "cross-validated" in capsys.readouterr().out
    blame = next(r for r in model.trained["cross_validation"] if r["threshold"] == model.threshold)
    assert model.threshold < 1.0 and blame["recall"] == 1.0  # cross-validated, every accusation is found
    assert model.weights["ACCUSE"]["w=مسووله"] > 0 > model.weights["ACCUSE"].get("w=زار", 0.0)


def test_an_act_the_rules_ruled_out_does_not_come_back(analyzer):
    denial = "ونفى الرئيس الأميركي دونالد ترامب إبرام اتفاق مع تركيا بشأن القس."
    sure = ImplicitEvents({"AGREE": {"w=اتفاق": 5.0}}, {"AGREE": 0.0}, 0.5)
    state, found = _with_implicit(analyzer, sure).analyze_state(Document("t", denial, published="2018-08-01"))
    assert any(item.trigger.type == "AGREE" and item.ruled_out for item in found)
    assert max(p["AGREE"] for p in sure.probabilities(pair_readings(state, found))) > 0.99  # it would be added
    assert not [e for e in state.analysis.events if e.type == "AGREE"]


def test_a_state_is_also_read_paired_with_itself_and_a_group_is_not(analyzer):
    text = "وتقول مصر إن الوضع تحت السيطرة. وأعلن تنظيم داعش مسؤوليته."
    state, found = _with_implicit(analyzer, None).analyze_state(Document("t", text, published="2018-05-10"))
    readings = pair_readings(state, found)
    assert [reading.codes for reading in readings] == [("EGY", "EGY")]  # the group alone is read in no pair
    assert all(f.startswith("self:") for f in readings[0].features)  # its words weigh apart from a pair's
    domestic = ImplicitEvents({"PROTEST": {"self:w=سيطره": 3.0}}, {"PROTEST": -2.0}, 0.5)
    events = [e for e in _with_implicit(analyzer, domestic).analyze(Document("t", text)).events if e.trigger is None]
    assert [(e.type, [a.code for a in e.source], [a.code for a in e.target]) for e in events] == [
        ("PROTEST", ["EGY"], ["EGY"])]
    assert text[events[0].evidence.start:events[0].evidence.end] == events[0].evidence.text


def test_a_pair_is_read_with_the_words_around_each_of_its_mentions(analyzer):
    text = "قال مسؤول إن القوات الإسرائيلية قتلت فلسطينيا في غزة برصاص قناصة أمس الأحد."
    state, found = _with_implicit(analyzer, None).analyze_state(Document("t", text, published="2018-05-10"))
    reading = next(r for r in pair_readings(state, found) if r.codes == ("ISR", "PSE"))
    around = {f for f in reading.own if f[1:3] in ("b=", "a=")}
    # three words on either side, within the sentence: the verb after the agent tells who acted
    assert {"sb=قال", "sb=مسوول", "sb=ان", "sa=قتلت", "tb=قتلت", "ta=في", "ta=غزه", "ta=برصاص"} <= around
    assert not any(f.endswith(("=قناصه", "=امس")) for f in around)  # the fourth word on is out of reach
