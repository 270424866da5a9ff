"""The text layer: normalization keeps offsets, tokens and clitics, sentences, boilerplate."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from marsad.text.boilerplate import BoilerplateRules
from marsad.text.matcher import PhraseMatcher, longest_first
from marsad.text.normalize import normalize, normalize_key
from marsad.text.sentences import split_sentences
from marsad.text.tokens import split_clitics, tokenize

ARABIC = st.text(alphabet=st.sampled_from(list("ابتثجحخدذرزسشصضطظعغفقكلمنهويةىأإآؤئ ًٌٍَُِّْـ،؛؟«»٠١٢٣٤٥٦٧٨٩ .\n")))


def test_normalization_folds_spelling_variants():
    assert normalize_key("أَشادَ الرئيسُ ـ إبريل ٢٠٢٣ «بلينكن»") == "اشاد الرييس ابريل 2023 بلينكن"  # quotes dropped
    assert normalize_key("المدرسة") == normalize_key("المدرسه")
    assert normalize_key("مصطفى") == normalize_key("مصطفي")
    assert normalize_key("۱۴۴۵") == "1445"
    assert normalize_key("بن علي #يلدرم و#التعاون_الإسلامي") == "بن علي يلدرم والتعاون الاسلامي"  # hashtags


def test_presentation_forms_read_as_the_letters_they_stand_for():
    # text copied from PDFs is written in contextual shapes and ligatures (U+FB50-FEFE)
    shaped = "ﺃﻋﻠﻨﺖ ﻭﺯﺍﺭﺓ ﺍﻟﺨﺎﺭﺟﻴﺔ ﻻ"
    assert normalize_key(shaped) == normalize_key("أعلنت وزارة الخارجية لا")
    normalized = normalize(shaped)
    assert [shaped[slice(*normalized.span(i, i + 1))] for i in (len(normalized.text) - 2, len(normalized.text) - 1)] \
        == ["ﻻ", "ﻻ"]  # both letters of the ligature map back to it


@given(ARABIC)
def test_every_normalized_span_maps_back_to_the_original(text):
    normalized = normalize(text)
    for start in range(len(normalized.text)):
        for end in range(start + 1, min(len(normalized.text), start + 4) + 1):
            a, b = normalized.span(start, end)
            assert 0 <= a < b <= len(text)
            # the original span, normalized, is the normalized span (diacritics inside are dropped)
            assert normalize(text[a:b]).text == normalized.text[start:end]


def test_tokens_keep_offsets_and_split_punctuation():
    text = "وقال بلينكن، «إن المغرب شريك»."
    tokens = tokenize(text)
    assert [t.text for t in tokens] == ["وقال", "بلينكن", "،", "«", "إن", "المغرب", "شريك", "»", "."]
    assert all(text[t.start:t.end] == t.text for t in tokens)


def test_clitics_split_only_when_the_stem_is_a_known_word():
    assert split_clitics(normalize_key("وزير")) == ("", "وزير", "")
    assert split_clitics(normalize_key("بالرباط"))[0] == "بال"
    assert split_clitics(normalize_key("وواشنطن")) == ("و", "واشنطن", "")
    assert split_clitics(normalize_key("زيارته"))[2] == "ه"
    assert split_clitics(normalize_key("المغربية"))[2] == ""  # ta marbuta, not a pronoun


def test_matcher_accepts_proclitics_and_elided_article():
    matcher = PhraseMatcher()
    matcher.add("الولايات المتحدة", "USA")
    matcher.add("زيارة", "visit", suffixes=("ه", "ها"), article=True)
    text = normalize_key("وأكد للولايات المتحدة خلال زيارته وبالزيارة والولاياتية")
    found = [(text[m.start:m.end], m.payloads) for m in longest_first(matcher.find(text))]
    assert ("ولايات المتحده", ("USA",)) in found
    assert [p for _, p in found].count(("visit",)) == 2
    assert len(found) == 3  # "والولاياتية" is a longer word, not a match


def test_sentences_split_on_punctuation_and_lines_but_not_abbreviations():
    text = "وصل الوفد إلى الرباط. وبحث الجانبان التعاون!\nقالت U.S. Embassy إن اللقاء مهم"
    sentences = [text[a:b] for a, b in split_sentences(text)]
    assert sentences == ["وصل الوفد إلى الرباط.", "وبحث الجانبان التعاون!", "قالت U.S. Embassy إن اللقاء مهم"]


def test_boilerplate_regions_cover_share_blocks_footer_and_repeats():
    page = ("عنوان الخبر الرئيسي\nرابط مختصر\n" + "نص المقال الطويل الذي يروي الخبر بالتفصيل. " * 5
            + "\nعنوان الخبر الرئيسي\nhttps://t.co/abc\nاترك تعليقاً\nلن يتم نشر عنوان بريدك الإلكتروني")
    regions = BoilerplateRules.load().regions(page)
    covered = "".join(page[a:b] for a, b in regions)
    assert "رابط مختصر" in covered
    assert "https://t.co/abc" in covered
    assert "لن يتم نشر" in covered
    assert covered.count("عنوان الخبر الرئيسي") == 1  # the repeat, not the headline itself
    assert "نص المقال" not in covered
