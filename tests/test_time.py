"""The time stage: finding, resolving, publication-date inference, lexicon loading."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import pickle
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.errors import DataFileError
from marsad.evaluate.time import evaluate_time
from marsad.time import TimeFinder, is_valid
from marsad.time.lexicon import shipped_dir

PUB = dt.date(2023, 4, 9)  # a Sunday


@pytest.fixture(scope="module")
def finder() -> TimeFinder:
    return TimeFinder.load()


def value_of(finder: TimeFinder, text: str, expr: str, published: dt.date | None = PUB) -> str | None:
    """Value of the timex that overlaps ``expr`` (which must be found)."""
    start = text.index(expr)
    end = start + len(expr)
    hits = [t for t in finder.find(text, published) if t.start < end and t.end > start]
    assert hits, f"nothing found for {expr!r} in {finder.find(text, published)}"
    return hits[0].value


CASES = [
    # Gregorian months of every regional system, with and without "شهر", double forms
    ("وصل في 7 إبريل 2023 إلى الرباط", "7 إبريل 2023", "2023-04-07"),
    ("عقد الاجتماع في 3 يونيه 2021", "3 يونيه 2021", "2021-06-03"),
    ("افتتح في 12 كانون الثاني 2019", "12 كانون الثاني 2019", "2019-01-12"),
    ("في 5 تشرين الأول 2020 وقعت", "5 تشرين الأول 2020", "2020-10-05"),
    ("أعلن يوم 14 جويلية 2016", "14 جويلية 2016", "2016-07-14"),
    ("انطلق في 2 أفريل 2017", "2 أفريل 2017", "2017-04-02"),
    ("جرت في 20 غشت 2012", "20 غشت 2012", "2012-08-20"),
    ("في 11 شتنبر 2001 وقعت الهجمات", "11 شتنبر 2001", "2001-09-11"),
    ("في 30 نونبر 2012", "30 نونبر 2012", "2012-11-30"),
    ("وقعت في أيار/مايو 2017", "أيار/مايو 2017", "2017-05"),
    ("تراجع في نيسان (أبريل) 2015", "نيسان (أبريل) 2015", "2015-04"),
    ("منذ 30 مارس/اذار 2018", "30 مارس/اذار 2018", "2018-03-30"),
    ("خلال شهر فيفري 2017", "شهر فيفري 2017", "2017-02"),
    ("في ايلول1970 رحل", "ايلول1970", "1970-09"),
    # digits and numeric forms
    ("بتاريخ ٧ أبريل ٢٠٢٣ وصل", "٧ أبريل ٢٠٢٣", "2023-04-07"),
    ("بتاريخ 07/04/2023 وصل", "07/04/2023", "2023-04-07"),
    ("بتاريخ 2023-04-07 وصل", "2023-04-07", "2023-04-07"),
    ("القاهرة 27-1-2012 (وفا)", "27-1-2012", "2012-01-27"),
    ("صدر في 15.03.2022 قرار", "15.03.2022", "2022-03-15"),
    ("الصادر بتاريخ 28/10/1426هـ", "28/10/1426هـ", "2005-11-30"),
    # ordinal day words
    ("يبدأ التطبيق في الأول من مارس المقبل", "الأول من مارس المقبل", "2024-03-01"),
    ("غرة مارس 2017 موعد التطبيق", "غرة مارس 2017", "2017-03-01"),
    # Hijri
    ("الرياض 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م", "25 شوال 1436 هـ", "2015-08-10"),
    ("حج عام 1432هـ", "عام 1432هـ", "2010-12-07/2011-11-25"),
    ("خلال شهر رمضان المقبل", "شهر رمضان المقبل", "2024-03-11/2024-04-09"),
    ("خلال شهر رمضان الماضي", "شهر رمضان الماضي", "2022-04-02/2022-05-01"),  # published in Ramadan
    # relative days and weekdays
    ("قال اليوم إن الاتفاق", "اليوم", "2023-04-09"),
    ("التقى أمس الوزير", "أمس", "2023-04-08"),
    ("والتقى في الرباط أول من أمس", "أول من أمس", "2023-04-07"),
    # last night is the eve of publication; after its midnight, the publication day itself
    ("صادق البرلمان الليلة الماضية على القانون", "الليلة الماضية", "2023-04-08"),
    ("شنت الطائرات غارات بعد منتصف الليلة الماضية", "منتصف الليلة الماضية", "2023-04-09"),
    ("ويزور غدا العاصمة", "غدا", "2023-04-10"),
    ("يصل بعد غد إلى تونس", "بعد غد", "2023-04-11"),
    ("أعلن الوزير الخميس أن", "الخميس", "2023-04-06"),
    ("التقى يوم الأحد الماضي", "يوم الأحد الماضي", "2023-04-02"),
    ("سيزور الخميس المقبل الرباط", "الخميس المقبل", "2023-04-13"),
    ("وسيلتقي الوزيران الثلاثاء في جنيف", "الثلاثاء", "2023-04-11"),
    ("وسيخصص الرئيس السبت للعلاقات الثنائية", "السبت", "2023-04-15"),
    ("وستختتم المناورات الخميس", "الخميس", "2023-04-13"),
    # a future in the reported words does not make the reporting verb's weekday future
    ("وكانت روسيا حذرت الثلاثاء أنها ستتخذ إجراءات مماثلة", "الثلاثاء", "2023-04-04"),
    ("والتقيا أول من أمس الجمعة 7 إبريل 2023", "أول من أمس الجمعة 7 إبريل 2023", "2023-04-07"),
    ("قال أمس الجمعة", "أمس الجمعة", "2023-04-07"),
    ("وصل الجمعة 7 إبريل إلى الرباط", "الجمعة 7 إبريل", "2023-04-07"),
    # relative periods
    ("تراجع الأسبوع الماضي", "الأسبوع الماضي", "2023-W13"),
    ("في الشهر المقبل", "الشهر المقبل", "2023-05"),
    ("خلال العام الجاري", "العام الجاري", "2023"),
    ("في مطلع العام الحالي", "مطلع العام الحالي", "2023"),
    ("زار واشنطن خلال السنة الماضية", "السنة الماضية", "2022"),
    ("منذ بداية العام ارتفعت", "بداية العام", "2023"),
    ("اعتقل منذ ثلاثة أيام", "منذ ثلاثة أيام", "2023-04-06"),
    ("وصل قبل أسبوعين", "قبل أسبوعين", "2023-W12"),
    ("وصل قبل يومين", "قبل يومين", "2023-04-07"),
    ("تنطلق بعد ثلاثة أشهر", "بعد ثلاثة أشهر", "2023-07"),
    ("زار الرباط في أكتوبر الماضي", "أكتوبر الماضي", "2022-10"),
    ("زار الرباط في مارس الماضي", "مارس الماضي", "2023-03"),
    ("يعقد في يونيو المقبل", "يونيو المقبل", "2023-06"),
    ("في 15 مارس الماضي", "15 مارس الماضي", "2023-03-15"),
    ("يوم 21 أبريل الجاري", "21 أبريل الجاري", "2023-04-21"),
    ("مباراة يوم 20 من الشهر الجاري", "20 من الشهر الجاري", "2023-04-20"),
    # granularities and spans
    ("تأسست عام 2019", "عام 2019", "2019"),
    ("في العام 2020 بدأ", "العام 2020", "2020"),
    ("معاهدة سنة 1787", "سنة 1787", "1787"),
    ("انتقل في صيف 2024", "صيف 2024", "2024-SU"),
    ("مناورات في الصيف المقبل", "الصيف المقبل", "2023-SU"),
    ("في التسعينات", "التسعينات", "199"),
    ("في سبعينيات القرن الماضي", "سبعينيات القرن الماضي", "197"),
    ("منذ القرن الثامن عشر", "القرن الثامن عشر", "17"),
    ("في القرن الـ18", "القرن الـ18", "17"),
    ("من 13 إلى 14 يونيو 2022", "من 13 إلى 14 يونيو 2022", "2022-06-13/2022-06-14"),
    ("بين 5 و7 مايو 2021", "بين 5 و7 مايو 2021", "2021-05-05/2021-05-07"),
    ("يومي 13 و14 يونيو 2022", "يومي 13 و14 يونيو 2022", "2022-06-13/2022-06-14"),
    ("في السابع والثامن من تموز 2015", "السابع والثامن من تموز 2015", "2015-07-07/2015-07-08"),
    ("بين عامي 2011 و2014", "بين عامي 2011 و2014", "2011/2014"),
    ("من مارس إلى مايو 2020", "من مارس إلى مايو 2020", "2020-03/2020-05"),
    ("خلال ثلاثة أيام", "خلال ثلاثة أيام", "P3D"),
    ("لمدة عامين", "لمدة عامين", "P2Y"),
    ("خلال 24 ساعة", "خلال 24 ساعة", "PT24H"),
    ("الساعة 8:21 مساءً", "الساعة 8:21 مساءً", "T20:21"),
    ("آخر تحديث : الجمعة 25 ديسمبر 2020 - 8:21 مساءً", "الجمعة 25 ديسمبر 2020 - 8:21 مساءً",
     "2020-12-25T20:21"),
    ("ينتج 16 طنا سنويا", "سنويا", "P1Y"),
    ("اندلعت ثورة 25 يناير 2011", "25 يناير 2011", "2011-01-25"),  # with its year a named day is a date
]


@pytest.mark.parametrize(("text", "expr", "expected"), CASES)
def test_rule(finder: TimeFinder, text: str, expr: str, expected: str) -> None:
    assert value_of(finder, text, expr) == expected


@pytest.mark.parametrize("text", [
    "قال رمضان قديروف إن", "مارس الضغط على الحكومة", "تيريزا ماي رئيسة الوزراء", "فاز 4 - صفر على",
    "اليوم الوطني للمملكة", "أكثر من 2000 شخص", "أفريل هاينز مديرة الاستخبارات", "الربيع العربي",
    # a newspaper or site whose name is a time word, quoted whole (Saudi al-Yaum, Jordan's al-Ghad, Youm7)
    "وقال مصدر عسكري لـ«اليوم» إن", "ذكرت صحيفة «الغد» الأردنية", 'نقل موقع "اليوم السابع" عن',
    # a place, a movement or a revolution named for a day, its year unwritten
    "اشتباكات في مدينة 6 أكتوبر غرب القاهرة", "في الذكرى السابعة لثورة 25 يناير", "أنصار حركة 20 فبراير",
    "على جسر السادس من أكتوبر",
])
def test_not_a_date(finder: TimeFinder, text: str) -> None:
    assert finder.find(text, PUB) == []


@pytest.mark.parametrize(("text", "expr"), [
    ("التقى أمس الوزير", "أمس"), ("في الشهر المقبل", "الشهر المقبل"), ("قال الخميس", "الخميس"),
    ("في أكتوبر الماضي", "أكتوبر الماضي"), ("منذ ثلاثة أيام", "منذ ثلاثة أيام"),
    ("في 15 مارس", "15 مارس"), ("الصيف المقبل", "الصيف المقبل"), ("شهر رمضان", "شهر رمضان"),
])
def test_relative_has_no_value_without_publication(finder: TimeFinder, text: str, expr: str) -> None:
    assert value_of(finder, text, expr, published=None) is None


@pytest.mark.parametrize(("text", "expr", "expected"), [
    ("وقع في 7 إبريل 2023", "7 إبريل 2023", "2023-04-07"), ("تأسست عام 2019", "عام 2019", "2019"),
    ("في القرن الثامن عشر", "القرن الثامن عشر", "17"), ("في التسعينات", "التسعينات", "199"),
])
def test_absolute_resolves_without_publication(finder: TimeFinder, text: str, expr: str, expected: str) -> None:
    assert value_of(finder, text, expr, published=None) == expected


def test_offsets_index_the_original_with_diacritics_and_tatweel(finder: TimeFinder) -> None:
    text = "وصلَ الوزيرُ يومَ الجُمُعة ٧ إبـريل ٢٠٢٣ إلى الرباط"
    [timex] = finder.find(text, PUB)
    assert text[timex.start:timex.end] == timex.text == "يومَ الجُمُعة ٧ إبـريل ٢٠٢٣"
    assert timex.value == "2023-04-07"


def test_results_sorted_and_disjoint(finder: TimeFinder) -> None:
    text = "التقى أمس الثلاثاء في 5 مارس 2019 ثم سافر الأسبوع المقبل لمدة ثلاثة أيام"
    found = finder.find(text, dt.date(2019, 3, 6))
    assert [t.value for t in found] == ["2019-03-05", "2019-03-05", "2019-W11", "P3D"]
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))


TIME_WORDS = ["أمس", "اليوم", "الخميس", "7 إبريل 2023", "أيار/مايو", "الشهر الماضي", "عام 2019",
              "منذ ثلاثة أيام", "القرن الـ18", "١٢/٣/٢٠٢٠", "رمضان 1445هـ", "يومي 13 و14 يونيو",
              "الصيف المقبل", "التسعينات", "لمدة عامين", "سنويا", "الساعة 10:30 صباحا"]
FILLER = st.sampled_from(["قال", "الوزير", "في", "و", " ", "، ", "\u064e", "\u0640", "ـ", "(", ")", "\n", "مارس"])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(TIME_WORDS), FILLER), max_size=25),
       st.one_of(st.none(), st.dates(dt.date(1990, 1, 1), dt.date(2035, 12, 31))))
def test_offsets_and_values_always_valid(finder: TimeFinder, parts: list[str], published: dt.date | None) -> None:
    text = " ".join(parts)
    found = finder.find(text, published)
    for timex in found:
        assert text[timex.start:timex.end] == timex.text
        assert timex.type in ("DATE", "TIME", "DURATION", "SET")
        assert timex.value is None or is_valid(timex.value), timex
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))


@pytest.mark.parametrize(("text", "expected"), [
    ("عنوان\n\n25 ديسمبر 2020آخر تحديث : الجمعة 25 ديسمبر 2020 - 8:21 مساءً\nالنص", ("2020-12-25", "dateline")),
    ("وصل الجنرال.\n— U.S. Embassy Morocco (@USEmbMorocco) February 20, 2024\nوتعول", ("2024-02-20", "dateline")),
    ("قال إن الاجتماع الذي عقد الثلاثاء 21 فبراير الجاري كان مثمرا", ("2023-02", "inferred")),
    ("والتقى نظيره في الرباط، أول من أمس الجمعة 7 إبريل 2023.", ("2023-04-09", "inferred")),
    ("أجرى الوزير أمس الثلاثاء 5 مارس 2019 محادثات", ("2019-03-06", "inferred")),
    ("أشاد الوزير أمس الثلاثاء بالتزام المغرب، ووقعت معاهدة سنة 1787", (None, None)),
])
def test_infer_published(finder: TimeFinder, text: str, expected: tuple[str | None, str | None]) -> None:
    assert finder.infer_published(text) == expected


def test_pickles_and_still_finds(finder: TimeFinder) -> None:
    clone = pickle.loads(pickle.dumps(finder))
    assert [t.value for t in clone.find("وصل أمس", PUB)] == ["2023-04-08"]


def test_extra_lexicon_extends_shipped_words(tmp_path: Path) -> None:
    (tmp_path / "months.yaml").write_text("names:\n  4: [ابرييل]\n", encoding="utf-8")
    extended = TimeFinder.load([tmp_path])
    assert [t.value for t in extended.find("في 7 ابرييل 2023", PUB)] == ["2023-04-07"]
    assert [t.value for t in extended.find("في 7 مايو 2023", PUB)] == ["2023-05-07"]


@pytest.mark.parametrize(("content", "line"), [
    ("names:\n  4: [ابريل]\n  13: [شهر_جديد]\n", 3),  # no 13th month
    ("names:\n  4: [ابريل]\nambiguous: [ماي, 7]\n", 3),  # not a word
    ("names:\n  4: [ابريل\n", None),  # broken YAML
])
def test_bad_lexicon_names_file_and_line(tmp_path: Path, content: str, line: int | None) -> None:
    path = tmp_path / "months.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DataFileError) as error:
        TimeFinder.load([tmp_path])
    assert error.value.path == str(path)
    if line is not None:
        assert error.value.line == line


def test_word_with_two_meanings_is_rejected(tmp_path: Path) -> None:
    (tmp_path / "months.yaml").write_text("names:\n  5: [يناير]\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="يناير"):
        TimeFinder.load([tmp_path])


def test_shipped_gold_accuracy(finder: TimeFinder) -> None:
    gold = shipped_dir().parents[3] / "gold" / "time" / "dev.jsonl"
    if not gold.exists():
        pytest.skip("gold/time/dev.jsonl is not next to the source tree")
    assert evaluate_time(gold, finder, out=None).accuracy >= 0.97


def test_gold_cases_may_hold_a_line_separator(tmp_path: Path, finder: TimeFinder) -> None:
    gold = tmp_path / "time.jsonl"
    case = {"id": "a", "text": "قال الوزير\u2028 يوم 17 مارس 2017 إن", "expr": "17 مارس 2017", "published": None,
            "value": "2017-03-17"}
    gold.write_text(json.dumps(case, ensure_ascii=False) + "\n", encoding="utf-8")
    assert evaluate_time(gold, finder, out=None).accuracy == 1.0
