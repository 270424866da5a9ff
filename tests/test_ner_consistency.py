"""Names typed alike in nearby sentences (marsad.ner.consistency), on hand-made tags: no model involved."""

from __future__ import annotations

from marsad.ner.consistency import consistent_tags


def test_an_untagged_occurrence_of_a_name_found_nearby_is_tagged() -> None:
    sentences = [["فاز", "النادي", "الأهلي", "على", "الزمالك"], ["وقال", "مدرب", "الأهلي", "إن", "الأهلي", "قوي"]]
    tags = [["O", "O", "B-ORG", "O", "B-ORG"], ["O", "O", "O", "O", "O", "O"]]
    assert consistent_tags(sentences, tags)[1] == ["O", "O", "B-ORG", "O", "B-ORG", "O"]


def test_a_name_takes_the_type_most_of_its_mentions_have_and_the_longest_name_wins() -> None:
    sentences = [["زار", "عمان"], ["وصل", "إلى", "عمان"], ["غادر", "عمان"], ["التقى", "عبد", "الله", "في", "عمان"]]
    tags = [["O", "B-LOC"], ["O", "O", "B-LOC"], ["O", "B-ORG"], ["O", "B-PERS", "I-PERS", "O", "O"]]
    assert consistent_tags(sentences, tags) == [
        ["O", "B-LOC"], ["O", "O", "B-LOC"], ["O", "B-LOC"], ["O", "B-PERS", "I-PERS", "O", "B-LOC"]]


def test_names_reach_only_nearby_sentences_and_tagged_words_stay() -> None:
    far = [["بيروت"]] + [["و"]] * 20 + [["بيروت"], ["مدينة", "بيروت", "الجميلة"]]
    tags = [["B-LOC"]] + [["O"]] * 20 + [["O"], ["B-LOC", "I-LOC", "I-LOC"]]
    result = consistent_tags(far, tags, reach=15)
    assert result[21] == ["O"]  # 21 sentences from the first, one from a longer name that holds it
    assert result[22] == ["B-LOC", "I-LOC", "I-LOC"]
    assert consistent_tags([], []) == []


def test_a_longer_name_cut_off_by_the_sentence_end_is_not_taken_for_a_shorter_one() -> None:
    sentences = [["زار", "الأمم", "المتحدة", "للطفولة", "أمس"], ["وقالت", "الأمم", "المتحدة", "."],
                 ["ثم", "الأمم", "المتحدة"]]
    tags = [["O", "B-ORG", "I-ORG", "I-ORG", "O"], ["O", "B-ORG", "I-ORG", "O"], ["O", "O", "O"]]
    assert consistent_tags(sentences, tags)[2] == ["O", "B-ORG", "I-ORG"]
