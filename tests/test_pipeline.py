"""The whole pipeline on real articles: contract-valid output, offsets, dates, picklable analyzer."""

from __future__ import annotations

import pickle
import unicodedata

import pytest

from marsad.analyzer import Analyzer
from marsad.contract import contract_errors
from marsad.errors import DataFileError, InputError
from marsad.model import Document

SEED_PUBLISHED = {  # inferred when no date is given (foundation issue): evidence in the text, or null
    "000_f7bd7c8e5b3f259c": ("2020-12-25", "dateline"),
    "002_1aad5b532f3c8f44": ("2024-02-20", "dateline"),
    "004_df84308e761e6fb0": ("2023-04-09", "inferred"),
    "003_966b79832bdd0695": (None, None),
}


def _analyze_all(analyzer, examples, keep_published):
    results = {}
    for record in examples:
        document = Document.from_dict(record)
        if not keep_published:
            document.published = None
        results[document.id] = (document, analyzer.analyze(document))
    return results


@pytest.mark.parametrize("keep_published", [True, False])
def test_examples_satisfy_the_contract(analyzer, examples, keep_published):
    for document, analysis in _analyze_all(analyzer, examples, keep_published).values():
        assert contract_errors(analysis.to_dict(), document.text) == []
        assert analysis.entities and analysis.timexes and analysis.events, document.id


def test_publication_dates_are_inferred_from_the_text(analyzer, examples):
    results = _analyze_all(analyzer, examples, keep_published=False)
    for doc_id, expected in SEED_PUBLISHED.items():
        analysis = results[doc_id][1]
        assert (analysis.published, analysis.published_source) == expected, doc_id
    assert results["001_944a91859d881e3e"][1].published.startswith("2023-02")


def test_given_publication_date_is_kept(analyzer):
    analysis = analyzer.analyze(Document("x", "زار وزير الخارجية الفرنسي الرباط أمس.", published="2022-05-04"))
    assert (analysis.published, analysis.published_source) == ("2022-05-04", "given")


def test_a_visit_is_coded_with_direction_date_and_evidence(analyzer):
    text = "وصل وزير الخارجية الفرنسي إلى الرباط أمس الثلاثاء في زيارة رسمية."
    analysis = analyzer.analyze(Document("v", text, published="2024-03-06"))
    visits = [e for e in analysis.events if e.type == "CONSULT"]
    assert visits, analysis.to_dict()
    visit = visits[0]
    assert {a.country for a in visit.source} == {"FRA"}
    assert {a.country for a in visit.target} == {"MAR"}
    assert visit.date == "2024-03-05"
    assert text[visit.evidence.start:visit.evidence.end] == visit.evidence.text


def test_non_arabic_text_is_analyzed_without_crashing(analyzer):
    analysis = analyzer.analyze(Document("en", "The minister met his counterpart in Paris on Monday."))
    assert contract_errors(analysis.to_dict(), "The minister met his counterpart in Paris on Monday.") == []


def test_empty_document_is_an_input_error(analyzer):
    with pytest.raises(InputError, match="empty text"):
        analyzer.analyze(Document("e", "   "))


def test_a_five_megabyte_single_line_document_is_analyzed(analyzer, examples):
    # real article text with every line break removed: one 5 MB line (benchmarks/ measures the speed)
    one_line = " ".join(" ".join(r["text"].split()) for r in examples)
    text = (one_line * (5_000_000 // len(one_line) + 1))[:5_000_000]
    assert "\n" not in text
    analysis = analyzer.analyze(Document("long", text))
    assert contract_errors(analysis.to_dict(), text) == []
    assert analysis.entities


def test_analyzer_pickles_and_parallel_results_equal_serial(analyzer, examples):
    clone = pickle.loads(pickle.dumps(analyzer))
    documents = [Document.from_dict(r) for r in examples]
    serial = [a.to_dict() for a in clone.analyze_many(documents, jobs=1)]
    parallel = [a.to_dict() for a in analyzer.analyze_many(documents, jobs=2)]
    assert serial == parallel


def test_a_document_that_fails_in_a_worker_is_reported_and_the_batch_goes_on(analyzer, examples):
    # the error crosses back from the worker process pickled: it must come back whole, not break the pool
    documents = [Document("empty", "   "), *(Document.from_dict(r) for r in examples[:2])]
    results = list(analyzer.analyze_many(documents, jobs=2))
    assert isinstance(results[0], InputError) and results[0].where == "empty" and "empty text" in results[0].reason
    assert [r.id for r in results[1:]] == [d.id for d in documents[1:]]


def test_text_in_presentation_forms_is_read_like_plain_arabic(analyzer):
    # every letter written in its isolated presentation form (U+FE70-FEFE), as PDF copies often are
    isolated = {unicodedata.normalize("NFKC", chr(c)): chr(c) for c in range(0xFE70, 0xFEFF)
                if "ISOLATED" in unicodedata.name(chr(c), "")}
    plain = "التقى وزير الخارجية المغربي ناصر بوريطة نظيره الإسباني في الرباط أمس."
    shaped = "".join(isolated.get(ch, ch) for ch in plain)
    read = [analyzer.analyze(Document(i, text, published="2018-05-10")) for i, text in (("a", plain), ("b", shaped))]
    events = [[(e.type, [a.code for a in e.source], [a.code for a in e.target], e.date) for e in r.events]
              for r in read]
    assert events[0] and events[0] == events[1]
    assert all(e.evidence.text == shaped[e.evidence.start:e.evidence.end] for e in read[1].events)


def test_users_extend_lexicons_and_knowledge_base(tmp_path):
    (tmp_path / "lexicons").mkdir()
    (tmp_path / "lexicons" / "triggers_mine.yaml").write_text(
        "triggers:\n  - id: hug\n    type: SUPPORT\n    mode: praise\n    frame: directed\n"
        "    strength: 0.6\n    past: [عانق]\n", encoding="utf-8")
    (tmp_path / "kb").mkdir()
    (tmp_path / "kb" / "people.yaml").write_text(
        "people:\n  - id: PER.ZAYD_EXAMPLE\n    name: Zayd Example\n    country: JOR\n    sector: GOV\n"
        "    aliases: [زيد الفلاني]\n    roles: []\n", encoding="utf-8")
    extended = Analyzer.load(kb_dirs=[tmp_path])
    analysis = extended.analyze(Document("u", "عانق زيد الفلاني الرئيس الجزائري في عمان.", published="2024-01-02"))
    assert [(e.type, e.mode) for e in analysis.events] == [("SUPPORT", "praise")]
    assert any(e.actor and e.actor.id == "PER.ZAYD_EXAMPLE" for e in analysis.entities)


def test_a_broken_user_lexicon_names_file_and_line(tmp_path):
    (tmp_path / "lexicons").mkdir()
    (tmp_path / "lexicons" / "triggers_bad.yaml").write_text(
        "triggers:\n  - id: hug\n    type: EMBRACE\n    mode: null\n    frame: directed\n    strength: 0.6\n",
        encoding="utf-8")
    with pytest.raises(DataFileError, match=r"triggers_bad.yaml:3: triggers/0/type"):
        Analyzer.load(kb_dirs=[tmp_path])
