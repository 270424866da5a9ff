"""Regular expressions for temporal expressions, built from the lexicon.

Patterns run on normalized text (see ``marsad.text.normalize``): alef and ya folded, ta marbuta
as ha, digits ASCII, diacritics and tatweel gone. A word may carry the proclitics و ف ب ل ك;
numbers may touch letters ("2020آخر"), so digits are bounded by non-digits, not by ``\\b``.
Each pattern has named groups the rules in ``rules.py`` read.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from marsad.time.lexicon import Lexicon, normalized_words

# Start of a word, allowing one or two proclitics before it (و، ف، ب، ل، ك).
B = r"(?:(?<![^\W_])|(?<=[^\w][وفبلك])|(?<=^[وفبلك])|(?<=[^\w][وف][بلك]))"
E = r"(?![^\W_])"  # end of a word
ME = r"(?![^\W\d_])"  # end of a month name, which may touch a year ("ايلول1970")
ND = r"(?!\d)"
NB = r"(?<!\d)"
WORD = re.compile(r"[^\W\d_]+")
NUMBER = re.compile(r"(?<!\d)\d{1,4}(?!\d)")  # no pattern starts with five digits or more
PROCLITICS = ("", *"وفبلك", *(a + b for a in "وف" for b in "بلك"))  # what ``B`` lets precede a word


def alternation(words: Iterable[str]) -> str:
    """Longest-first alternation of normalized words, spaces matching any whitespace."""
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in normalized_words(words)) + ")"


class Grammar:
    """Every pattern the finder runs, compiled once from one lexicon."""

    def __init__(self, lex: Lexicon) -> None:
        self.patterns: dict[str, re.Pattern[str]] = {}
        self.starts: dict[str, list[str]] = {}  # first word -> patterns that can start with it
        self.digit_starts: list[str] = []  # patterns that can start with a number
        words = lex.word_list
        months = alternation(lex.months)
        hijri = alternation(lex.hijri)
        weekdays = alternation(lex.weekdays)
        ordinals = alternation(lex.ordinals)
        cardinals = alternation(lex.cardinals)
        reldays = alternation(lex.days)
        past, future, current = (alternation(words(k)) for k in ("past", "future", "current"))
        direction = f"(?:(?P<past>{past})|(?P<future>{future})|(?P<current>{current})){E}"
        position = alternation(words("position"))
        year_words = alternation(words("year_words"))
        definite_year = alternation(lex.definite)  # week, month, year with the article
        this = alternation(words("this"))
        hijri_mark = alternation(words("hijri_markers"))
        greg_mark = alternation(words("gregorian_markers"))
        range_from = alternation(words("range_from"))
        range_to = alternation(words("range_to"))
        clock_pm, clock_am = alternation(words("clock_pm")), alternation(words("clock_am"))

        def year(p: str = "") -> str:
            return (rf"{NB}(?P<{p}y>[12]\d{{3}}){ND}"
                    rf"(?:\s*(?:(?P<{p}hm>{hijri_mark})|(?P<{p}gm>{greg_mark})){E})?")

        def month(p: str = "") -> str:
            # "أيار/مايو", "نيسان (أبريل)", "يوليو تموز": a second name of the same month.
            second = rf"(?:\s*[/(-]\s*{months}{ME}(?:\s*\))?|\s+{months}{ME})?"
            return rf"(?:(?P<{p}sh>شهر)\s+)?(?P<{p}m>{months}){ME}{second}"

        day = rf"(?:(?:ال\s?)?(?P<d>[0-3]?\d){ND}|(?P<o>{ordinals}){E})(?:\s+من)?"
        # After a month: a year, "of last year", "of this year", or a direction word.
        suffix = (rf"(?:\s*,?\s*(?:من\s+)?(?:(?:{year_words})\s*)?{year()}"
                  rf"|\s+(?:من\s+)?(?:العام|السنه)\s+(?:(?P<ypast>{past})|(?P<yfuture>{future})|(?P<ycur>{current})){E}"
                  rf"|\s+(?:من\s+)?(?P<ythis>{this}\s+(?:العام|السنه)){E}"
                  rf"|\s+{direction})?")
        clock = (rf"(?:\s*[-,]?\s*(?:الساعه\s+)?(?P<h>[0-2]?\d):(?P<mi>[0-5]\d)(?::[0-5]\d)?{ND}"
                 rf"(?:\s*(?:(?P<pm>{clock_pm})|{clock_am}){E})?)?")
        weekday_head = (rf"(?:(?P<rd>{reldays}){E}\s*[,(]?\s*)?(?:يوم\s+)?(?P<w>{weekdays}){E}\)?\s*,?\s*")
        head = [*lex.days, "يوم", *lex.weekdays]  # words that can open ``weekday_head``

        self._rule("date", rf"{B}(?:{weekday_head})?{day}\s*{month()}{suffix}{clock}",
            head, lex.ordinals, digits=True)
        self._rule(
            "hijri_date",
            rf"{B}(?:{weekday_head})?(?:{day}\s*)?"
            rf"(?P<sh>شهر\s+)?(?P<m>{hijri}){E}(?:\s+(?P<blessed>{alternation(words('hijri_epithets'))}){E})?"
            rf"(?:\s*,?\s*(?:من\s+)?(?:(?:{year_words})\s*)?{year()}|\s+{direction})?",
            head, ["شهر"], lex.hijri, lex.ordinals, digits=True)
        self._rule(
            "date_en",
            rf"{B}(?P<m>{months}){E}\s+(?P<d>[0-3]?\d){ND}\s*,?\s*(?P<y>[12]\d{{3}}){ND}",
            lex.months)
        self._rule(
            "numeric",
            rf"{B}(?:{weekday_head})?{NB}(?:(?P<d>[0-3]?\d)(?P<s>\s?[/.-]\s?)(?P<m>[0-3]?\d)(?P=s)(?P<y>[12]\d{{3}})"
            rf"|(?P<y2>[12]\d{{3}})(?P<s2>\s?[/-]\s?)(?P<m2>[01]?\d)(?P=s2)(?P<d2>[0-3]?\d)){ND}"
            rf"(?:\s*(?:(?P<hm>{hijri_mark})|(?P<gm>{greg_mark})){E})?{clock}",
            head, digits=True)
        self._rule(
            "day_of_month",
            rf"{B}(?:{weekday_head})?{day}\s*(?:(?P<this>{this})\s+الشهر{E}|الشهر\s+{direction})",
            head, lex.ordinals, digits=True)
        self._rule("month", rf"{B}(?:(?P<pos>{position})\s+)?{month()}{suffix}",
            words("position"), ["شهر"], lex.months)
        self._rule(
            "month_range",
            rf"{B}(?:{range_from}\s+)?{month('a')}\s*{range_to}\s*{month()}\s*,?\s*{year()}",
            words("range_from"), ["شهر"], lex.months)
        self._rule(
            "day_range",
            rf"{B}(?:(?P<from>{range_from})\s+)?(?:(?:ال\s?)?(?P<d1>[0-3]?\d){ND}|(?P<o1>{ordinals}){E})"
            rf"(?:\s+(?:من\s+)?{month('a')}(?:\s*,?\s*{year('a')})?)?"
            rf"\s*{range_to}\s*(?:(?:ال\s?)?(?P<d2>[0-3]?\d){ND}|(?P<o2>{ordinals}){E})\s*(?:من\s+)?{month()}{suffix}",
            words("range_from"), lex.ordinals, digits=True)
        self._rule(
            "year",
            rf"{B}(?:(?P<pos>{position})\s+)?(?:(?P<yw>{year_words})\s*|(?P<prep>{alternation(words('bare_year_before'))})\s+)?"
            rf"{year()}",
            words("position"), words("year_words"), words("bare_year_before"), digits=True)
        self._rule(
            "year_range",
            rf"{B}(?:(?P<from>{range_from})\s+)?(?:(?:{year_words})\s*)?{year('a')}"
            rf"\s*(?P<to>{range_to})\s*(?:(?:{year_words})\s*)?{year()}",
            words("range_from"), words("year_words"), digits=True)
        self._rule(
            "relday",
            rf"{B}(?:(?P<part>{alternation(words('day_parts'))})\s+)?(?P<rd>{reldays}){E}"
            rf"(?:\s*[,(]?\s*(?:يوم\s+)?(?P<w>{weekdays}){E}\)?)?",
            words("day_parts"), lex.days)
        self._rule(
            "weekday",
            rf"{B}(?:(?P<part>{alternation(words('day_parts'))})\s+)?(?:يوم\s+)?\(?(?P<w>{weekdays}){E}\)?"
            rf"(?:\s+(?:من\s+)?(?:الاسبوع\s+)?{direction})?",
            words("day_parts"), ["يوم"], lex.weekdays)
        self._rule(
            "relunit",
            rf"{B}(?:(?P<pos>{position})\s+)?(?:(?P<u>{definite_year}){E}\s+{direction}"
            rf"|(?P<this>{this})\s+(?P<u2>{definite_year}){E}|(?P<u3>{definite_year}){E})",
            words("position"), lex.definite, words("this"))
        units, duals = alternation(lex.units), alternation(lex.duals)
        count = rf"(?:(?P<n>\d+|{cardinals}){E}\s+(?P<u>{units})|(?P<dual>{duals})){E}"
        singulars = alternation(lex.singulars)
        about = rf"(?:{alternation(words('approximately'))}\s+)?"
        self._rule(
            "ago",
            rf"{B}(?:(?P<ago>{alternation(words('ago'))})|(?P<later>{alternation(words('later'))}))\s+{about}"
            rf"(?:{count}|(?P<one>{singulars}){E}(?!\s*\d))(?!\s+(?:{alternation(words('event_anchor'))}){E})",
            words("ago"), words("later"))
        self._rule(
            "duration",
            rf"{B}(?:(?P<pre>{alternation(words('duration'))})\s+{about})?"
            rf"(?:{count}|(?<=\s)(?P<one>{singulars}){E}(?!\s*\d))",
            words("duration"), lex.cardinals, lex.duals, digits=True)
        seasons = alternation(lex.seasons)
        self._rule(
            "season",
            rf"{B}(?:(?P<s>{seasons}){E}\s*(?:(?:{year_words})\s*)?(?:{year()}"
            rf"|(?:العام|السنه)\s+(?:(?P<ypast>{past})|(?P<yfuture>{future})|(?P<ycur>{current})){E}"
            rf"|(?P<ythis>{this}\s+(?:العام|السنه)){E}|{direction})"
            rf"|(?P<this>{this})\s+(?P<s2>{seasons}){E})",
            lex.seasons, words("this"))
        self._rule(
            "decade",
            rf"{B}(?:(?:عقد\s+)?(?P<dec>{alternation(lex.decades)})|العقد\s+(?P<do>{ordinals})){E}"
            rf"(?:\s+(?:من\s+)?القرن\s+(?:(?:ال\s?)?(?P<cn>\d{{1,2}}){ND}|(?P<co>{ordinals}){E}|{direction}))?",
            ["عقد", "العقد"], lex.decades)
        self._rule(
            "century",
            rf"{B}{alternation(words('century'))}\s+(?:(?:ال\s?)?(?P<cn>\d{{1,2}}){ND}|(?P<co>{ordinals}){E}|{direction})",
            words("century"))
        self._rule(
            "clock",
            rf"{B}(?:(?P<clk>{alternation(words('clock'))})\s+)?(?P<h>[0-2]?\d)(?:[:.,](?P<mi>[0-5]\d)(?::[0-5]\d)?)?{ND}"
            rf"(?:\s*(?:(?P<pm>{clock_pm})|(?P<am>{clock_am})){E})?",
            words("clock"), digits=True)
        self._rule("set", rf"{B}(?P<set>{alternation(lex.sets)}){E}",
            lex.sets)
        cues = alternation(words("future_cues"))
        stems = alternation(words("future_stems"))
        self.start_forms = self._start_forms()
        self.future_cue = re.compile(rf"(?<![^\W_])(?:{cues}{E}|[وف]?س[يتنا]{stems})")
        # A relative day just before a date: the date is narration, not a dateline.
        self.relday_before = re.compile(rf"(?:{reldays}){E}\s*[,(]?\s*(?:يوم\s+)?(?:{weekdays})?\)?\s*,?\s*$")
        self.not_today = re.compile(rf"\s+{alternation(words('not_today_after'))}{E}")
        self.after_month = re.compile(rf"{months}{ME}\s*,?\s*و$")  # "في يناير وأبريل"
        self.bare_month_before = re.compile(
            rf"(?:^|[^\w])[وف]?(?:{alternation(words('bare_month_before'))})\s+$")
        self.named_for_a_day = re.compile(
            rf"(?:^|[^\w])[وفبل]?(?:ال|لل)?(?:{alternation(words('named_for_a_day'))})\s+$")


    def candidates(self, text: str) -> Iterator[tuple[int, list[str]]]:
        """Positions where a pattern may start, with the patterns worth trying there.

        Trying every pattern at every position is slow. The words of the text are collected
        and intersected with the known first words (proclitics included) at C speed; only the
        few that meet are then located.
        """
        for word in self.start_forms.keys() & set(WORD.findall(text)):
            size = len(word)
            at = text.find(word)
            while at >= 0:
                end = at + size
                if (at == 0 or not text[at - 1].isalpha()) and (end == len(text) or not text[end].isalpha()):
                    for offset, names in self.start_forms[word]:
                        yield at + offset, names
                at = text.find(word, at + 1)
        for number in NUMBER.finditer(text):
            yield number.start(), self.digit_starts

    def _start_forms(self) -> dict[str, list[tuple[int, list[str]]]]:
        """Every first word with every proclitic it may carry -> (proclitic length, patterns)."""
        forms: dict[str, list[tuple[int, list[str]]]] = {}
        for word, names in self.starts.items():
            for clitic in PROCLITICS:
                forms.setdefault(clitic + word, []).append((len(clitic), names))
        return forms

    def _rule(self, name: str, source: str, *starts: Iterable[str], digits: bool = False) -> None:
        """Compile pattern ``name`` and index it by the words (or number) it can begin with."""
        self.patterns[name] = re.compile(source)
        for word in normalized_words(w for words in starts for w in words):
            names = self.starts.setdefault(word.split()[0], [])
            if name not in names:
                names.append(name)
        if digits:
            self.digit_starts.append(name)
