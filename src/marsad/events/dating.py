"""When an event happened: the date expression that governs its trigger, else the date its context gives."""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from typing import TYPE_CHECKING

from marsad.events.arguments import CLAUSE_BREAK, COMPLEMENTIZERS, RELATIVE_PRONOUNS
from marsad.model import Timex
from marsad.text.normalize import normalize_key
from marsad.timeutil import date_start

if TYPE_CHECKING:
    from marsad.analyzer import DocumentState

_RELATIVE_CLAUSE_REACH = 6  # words a relative clause runs before a date in it dates its own verb
_OWN_CLAUSE_REACH = 2  # words (the act's adjectives) between a trigger and a relative clause about the act itself
_LEAD_SENTENCES = 3
# participles that say when a thing is set to happen, as a relative clause would (الانتخابات المقررة الأحد)
_SCHEDULED = frozenset(normalize_key(w) for w in (
    "المقرر", "المقررة", "المزمع", "المزمعة", "المرتقب", "المرتقبة", "المنتظر", "المنتظرة"))
_CLAUSE_OPENERS = RELATIVE_PRONOUNS | _SCHEDULED
# how and where it was said, not what about: بشدة، في بيان، بلاده
_NOT_COMPLEMENTS = tuple(normalize_key(w) for w in ("بشدة", "بقوة", "بأقوى", "بأشد", "بحزم", "بيان", "بلاد"))
# انتخابات الرئاسة لعام 2016، ميزانية للعام 2019: a year that qualifies a noun names it, it dates no act
_OF_THE_YEAR = tuple(normalize_key(w) for w in ("لعام", "للعام", "لسنة", "للسنة"))
# منذ عام 2000، حتى نهاية 2019: the words that open or close a span (منذ ثلاثة أيام, a time ago, holds منذ
# inside the expression and is a date)
_SPAN_BOUNDS = frozenset(normalize_key(w) for w in ("منذ", "حتى", "لغاية"))
_SINCE = normalize_key("منذ")
# words that set the act against another (رغم إصدار القرار، بعد إعلان هولندا)
_OTHER_ACT_OPENERS = frozenset(normalize_key(w) for w in (
    "رغم", "الرغم", "بالرغم", "بعد", "قبل", "عقب", "إثر", "غداة", "عشية"))
_BY = (normalize_key("من"), normalize_key("قبل"))  # من قبل: by (an agent), not before
_SINCE_PHRASE_WORDS = 5  # منذ بدء النزاع في سوريا عام 2011: the words a since-phrase spans before its date
_SINCE_PHRASE_CHARS = 80
_YEAR = re.compile(r"\d{4}")
_DATELINE_WORDS = 4  # words besides the date on a dateline (city, weekday, outlet)
_PLUPERFECT = frozenset(normalize_key(w) for w in ("وكان", "وكانت", "كان", "كانت"))
_STORY_DAY_REACH = 7  # days between publication and the day a story tells of
# phrases opening a paragraph on another piece of news (وفي سياق متصل، في سياق آخر): not the story's day
_OTHER_NEWS = frozenset(tuple(normalize_key(w) for w in phrase.split()) for phrase in (
    "في سياق متصل", "في سياق آخر", "في سياق منفصل"))
# verbs saying an act takes place or is done (normalized stems, future س allowed): their clause dates the act
# (القمة التي ستنعقد في 9 مارس، الهجوم الذي وقع الأربعاء، الزيارة التي قام بها أمس)
_TAKING_PLACE = tuple(normalize_key(w) for w in (
    "ستنعقد", "تنعقد", "ينعقد", "انعقدت", "انعقد", "عقدت", "عقد", "جرت", "جرى", "تجري", "يجري", "ستجري", "سيجري",
    "تمت", "تم", "ستتم", "سيتم", "أقيمت", "تقام", "ستقام", "بدأت", "تبدأ", "ستبدأ", "انطلقت", "تنطلق", "ستنطلق",
    "وقع", "يقع", "شن", "نفذ", "قام", "يقوم", "سيقوم", "أجرا", "أجرى"))


def governing_timex(state: DocumentState, timexes: list[Timex], sentence: tuple[int, int],
                    trigger: tuple[int, int], spoken: bool = False, held: bool = False) -> Timex | None:
    """The resolved date in the trigger's sentence closest to it, preferring one that follows it.

    Durations, sets, decades, centuries, multi-year spans and a year that qualifies a noun (انتخابات الرئاسة
    لعام 2016) do not date an event, nor does the date of the words that report it ("أفادت المنظمة اليوم بأنه
    من المنتظر أن تزور ... في 3 مارس"), unless the event is ``spoken``, an act of speech made in those words
    (قال الوزير الخميس إن بلاده تدين), nor one in a relative clause after it, which dates something else
    ("إطلاق سراح الرهينة التي كانت مختطفة منذ فبراير"), nor one after a phrase that sets the act against another
    (بعد إعلان هولندا الخميس، رغم إصدار القرار السبت), nor, for an act of speech, one after a ب-complement,
    which dates the deed it is about. A month or year that منذ or حتى bounds (منذ عام 2000، منذ اندلاع الحرب في
    2011) dates no act, except one whose state lasts from it: a detention (``held``: تحتجزه منذ يونيو 2016).
    """
    candidates = [t for t in timexes if sentence[0] <= t.start and t.end <= sentence[1]
                  and t.type in ("DATE", "TIME") and t.value and _is_event_date(t.value)
                  and not normalize_key(state.document.text[t.start:t.end]).startswith(_OF_THE_YEAR)
                  and not (not held and _since_long_ago(state, t))
                  and not (t.end <= trigger[0] and not spoken and _reported_between(state, t.end, trigger[0]))
                  and not (t.start >= trigger[1] and _relative_between(state, trigger[1], t.start))
                  and not (spoken and t.start >= trigger[1] and _complement_between(state, trigger[1], t.start))
                  and not (t.start >= trigger[1] and _other_act_between(state, trigger[1], t.start))]
    if not candidates:
        return None

    def distance(timex: Timex) -> int:
        return timex.start - trigger[1] if timex.start >= trigger[1] else 2 * (trigger[0] - timex.end)

    return min(candidates, key=distance)


def _since_long_ago(state: DocumentState, timex: Timex) -> bool:
    """A month, year or longer that tells since or until when, not when: منذ or حتى right before it, منذ
    opening it with a year (الأعنف منذ 2011), or منذ opening the phrase of its clause that holds it (منذ اندلاع
    الحرب في 2011). A day there begins what goes on (يزور روسيا منذ الاثنين) and dates it."""
    if is_day(timex):
        return False
    text = state.document.text
    own = normalize_key(text[timex.start:timex.end]).split()
    if own[:1] == [_SINCE] and _YEAR.search(text, timex.start, timex.end):
        return True
    clause = CLAUSE_BREAK.split(text[max(0, timex.start - _SINCE_PHRASE_CHARS):timex.start])[-1]
    words = [normalize_key(word).removeprefix("و") for word in clause.split()]
    return bool(words) and (words[-1] in _SPAN_BOUNDS or _SINCE in words[-_SINCE_PHRASE_WORDS:])


def _words_between(state: DocumentState, start: int, end: int) -> list[str]:
    """The normalized words between two original offsets."""
    normalized = state.normalized
    return normalized.text[normalized.from_original(start):normalized.from_original(end)].split()


def _reported_between(state: DocumentState, start: int, end: int) -> bool:
    """A complementizer (أن، إن، بأنه) lies between two offsets: what follows is someone's reported words."""
    return any(word.strip(",") in COMPLEMENTIZERS for word in _words_between(state, start, end))


def _complement_between(state: DocumentState, start: int, end: int) -> bool:
    """A complement with ب opens between two offsets (اتهمت قطر السعودية بمنع مواطنيها من الحج هذا العام): a
    date after it tells when the deed charged, praised or asked for happens, not when it was said."""
    text = state.document.text
    mentions = state.mentions  # in text order
    names = [(m.start, m.end) for m in mentions[bisect_left(mentions, start, key=lambda m: m.start):
                                                bisect_left(mentions, end, key=lambda m: m.start)]]  # بوريطة: a name
    words = [(start + w.start(), normalize_key(w.group())) for w in re.finditer(r"\S+", text[start:end])]
    return any(word[:1] == "ب" and len(word) > 3 and not word.startswith(_NOT_COMPLEMENTS)
               and not any(first <= offset < last for first, last in names) for offset, word in words[1:])


def _other_act_between(state: DocumentState, start: int, end: int) -> bool:
    """A phrase opens between two offsets that sets the act against another one (طالبت واشنطن موسكو ...
    على الرغم من إصدار مجلس الأمن السبت قرارا): a date after it tells when that other act happened."""
    words = ["", *(word.removeprefix("و") for word in _words_between(state, start, end))]
    time_words = state.time_words
    return any(word in _OTHER_ACT_OPENERS and (previous, word) != _BY
               and not (following[:1].isdigit() or following.removeprefix("ال") in time_words)
               for previous, word, following in zip(words, words[1:], words[2:], strict=False))


def _relative_between(state: DocumentState, start: int, end: int) -> bool:
    """A relative pronoun (الذي، التي) or a participle of scheduling (المقررة، المرتقبة) lies between two
    offsets, close enough to ``end`` for the clause it opens to reach there: what follows describes another noun
    (منعت السلطات نائبين من مراقبة الانتخابات المقررة الأحد). Not when the clause opens right after the trigger
    with a verb of taking place (القمة التي ستنعقد في 9 مارس), nor when the participle qualifies the trigger (القمة
    المقررة الأحد): it dates the act itself."""
    words = _words_between(state, start, end)
    opens = next((i for i, word in enumerate(words) if word in _CLAUSE_OPENERS), None)
    if opens is not None and opens <= _OWN_CLAUSE_REACH:
        verb = words[opens + 1] if opens + 1 < len(words) else ""
        if words[opens] in _SCHEDULED or verb.startswith(_TAKING_PLACE):
            return False
    return any(word in _CLAUSE_OPENERS for word in words[-_RELATIVE_CLAUSE_REACH:])


def _is_event_date(value: str) -> bool:
    """A year or finer, or an interval within one year."""
    first, _, last = value.partition("/")
    return len(first) >= 4 and first[:4].isdigit() and (not last or last[:4] == first[:4])


def after_publication(date: str | None, state: DocumentState) -> bool:
    """The event's date begins after the day the article was published: it is announced, not reported."""
    if not date or state.published_date is None or state.published_granularity != "day":
        return False
    begins = date_start(date)
    return begins is not None and begins > state.published_date


def context_date(state: DocumentState, sentence: tuple[int, int], own_days: list[tuple[int, str]],
                 spoken: bool = False) -> str | None:
    """The date an undated sentence inherits from its context.

    A news story states its day once ("أمس") and then narrates without repeating it: a sentence with no
    date of its own takes the day of the last event its paragraph dated before it (اتصل ... أول من أمس ...
    حسبما أعلن البيت الأبيض أمس. وأكد أنه عبر عن امتنانه: the call's day, not the announcement's), else
    the last day-level date given earlier in the paragraph, else the story's day (the first day-level date
    of the lead), else the publication day.
    An act of ``spoken`` words takes no story day from its own sentence: a date there that did not govern it
    dates the deed it speaks of (أدان المجلس الهجمات التي استهدفت السفارة الجمعة).
    """
    text = state.document.text
    paragraph_start = text.rfind("\n", 0, sentence[0]) + 1
    earlier_events = [day for start, day in own_days if paragraph_start <= start < sentence[0]]
    if earlier_events:
        return earlier_events[-1]
    earlier = [t for t in state.analysis.timexes if paragraph_start <= t.start < sentence[0] and is_day(t)]
    if earlier:
        return earlier[-1].value
    if state.published_granularity != "day" or not state.analysis.published:
        return None
    if _opens_other_news(state, paragraph_start, sentence[1]):
        return state.analysis.published[:10]
    lead = [s for s in state.sentences
            if not state.in_boilerplate(*s) and not is_title_line(text, s)][:_LEAD_SENTENCES]
    story_day = next((t.value for t in state.analysis.timexes
                      if lead and lead[0][0] <= t.start < lead[-1][1] and is_day(t) and not _on_dateline(text, t)
                      and not (spoken and sentence[0] <= t.start < sentence[1])
                      and _near_publication(t.value, state) and not _recalled(state, t.start)), None)
    # with no day of the story's own, the story is the day's news: the lead, the headline above it and
    # the narration after it (a wire story: "أعلن الرئيس ..." is today's news; so is a story whose lead
    # only recalls older days)
    return story_day or state.analysis.published[:10]


def _opens_other_news(state: DocumentState, paragraph_start: int, end: int) -> bool:
    """The paragraph turns to other news (وفي سياق متصل، اعتقلت قوات الاحتلال ...): the day's news, not
    the lead's story."""
    words = [word.removeprefix("و").rstrip(",;:") for word in _words_between(state, paragraph_start, end)[:3]]
    return any(tuple(words[:len(phrase)]) == phrase for phrase in _OTHER_NEWS)


def _recalled(state: DocumentState, offset: int) -> bool:
    """The sentence holding ``offset`` opens with وكان/وكانت, the pluperfect of background (وكان الرئيس أعاد،
    الاثنين الماضي، فتح السفارة): its day is not the story's."""
    index = bisect_right(state.sentences, (offset, math.inf)) - 1
    sentence = state.sentences[index] if index >= 0 and offset < state.sentences[index][1] else None
    words = _words_between(state, sentence[0], offset)[:1] if sentence else []
    return bool(words) and words[0] in _PLUPERFECT


def _near_publication(day: str, state: DocumentState) -> bool:
    """Within the week up to the publication day: a news story's own day ("أمس"), not a date it recalls
    ("عالم ما بعد 11 شتنبر") nor one it looks forward to (يزور الوزير هولندا الأحد المقبل)."""
    begins = date_start(day)
    return begins is not None and state.published_date is not None and (
        0 <= (state.published_date - begins).days <= _STORY_DAY_REACH)


def _line_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The start and end of the line holding ``text[start:end]``."""
    line_end = text.find("\n", end)
    return text.rfind("\n", 0, start) + 1, line_end if line_end >= 0 else len(text)


def is_title_line(text: str, sentence: tuple[int, int]) -> bool:
    """A whole line without final punctuation: a headline, a dateline or a byline, not the story's lead."""
    line_start, line_end = _line_around(text, *sentence)
    whole_line = not text[line_start:sentence[0]].strip() and not text[sentence[1]:line_end].strip()
    return whole_line and text[sentence[0]:sentence[1]].rstrip()[-1:] not in ".!?؟…:\"»”"


def _on_dateline(text: str, timex: Timex) -> bool:
    """The timex stands on a line of its own or nearly (الجمعة, 03-أغسطس-2012): the paper's date, not the story's."""
    line_start, line_end = _line_around(text, timex.start, timex.end)
    rest = text[line_start:timex.start] + " " + text[timex.end:line_end]
    return len(rest.split()) <= _DATELINE_WORDS


def is_day(timex: Timex) -> bool:
    """A resolved single day (2015-07-25), the grain of a news story's own date."""
    return timex.type == "DATE" and bool(timex.value) and len(timex.value) == 10 and timex.value[4] == "-"
