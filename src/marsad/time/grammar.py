"""Regular expressions for temporal expressions, built from the lexicon.

Patterns run on normalized text (see ``marsad.text.normalize``): alef and ya folded, ta marbuta
as ha, digits ASCII, diacritics and tatweel gone. A word may carry the proclitics و ف ب ل ك;
numbers may touch letters ("2020آخر"), so digits are bounded by non-digits, not by ``\\b``.
Each pattern has named groups the rules in ``rules.py`` read.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from marsad.time.lexicon import Lexicon, normalized_words

# Start of a word, allowing one or two proclitics before it (و، ف، ب، ل، ك).
B = r"(?:(?<![^\W_])|(?<=[^\w][وفبلك])|(?<=^[وفبلك])|(?<=[^\w][وف][بلك]))"
E = r"(?![^\W_])"  # end of a word
ND = r"(?!\d)"
NB = r"(?<!\d)"


def alternation(words: Iterable[str]) -> str:
    """Longest-first alternation of normalized words, spaces matching any whitespace."""
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in normalized_words(words)) + ")"


class Grammar:
    """Every pattern the finder runs, compiled once from one lexicon."""

    def __init__(self, lex: Lexicon) -> None:
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
            second = rf"(?:\s*[/(-]\s*{months}{E}\s*\)?|\s+\({months}\))?"
            return rf"(?:(?P<{p}sh>شهر)\s+)?(?P<{p}m>{months}){E}{second}"

        day = rf"(?:(?:ال\s?)?(?P<d>[0-3]?\d){ND}|(?P<o>{ordinals}){E})(?:\s+من)?"
        # After a month: a year, "of last year", "of this year", or a direction word.
        suffix = (rf"(?:\s*,?\s*(?:من\s+)?(?:(?:{year_words})\s*)?{year()}"
                  rf"|\s+(?:من\s+)?(?:العام|السنه)\s+(?:(?P<ypast>{past})|(?P<yfuture>{future})|(?P<ycur>{current})){E}"
                  rf"|\s+(?:من\s+)?(?P<ythis>{this}\s+(?:العام|السنه)){E}"
                  rf"|\s+{direction})?")
        clock = (rf"(?:\s*[-,]?\s*(?:الساعه\s+)?(?P<h>[0-2]?\d):(?P<mi>[0-5]\d){ND}"
                 rf"(?:\s*(?:(?P<pm>{clock_pm})|{clock_am}){E})?)?")
        weekday_head = (rf"(?:(?P<rd>{reldays}){E}\s*[,(]?\s*)?(?:يوم\s+)?(?P<w>{weekdays}){E}\)?\s*,?\s*")
        self.weekday_head = weekday_head

        self.date = re.compile(rf"{B}(?:{weekday_head})?{day}\s*{month()}{suffix}{clock}")
        self.hijri_date = re.compile(
            rf"{B}(?:{weekday_head})?(?:(?:ال\s?)?(?P<d>[0-3]?\d){ND}\s*(?:من\s+)?)?"
            rf"(?P<sh>شهر\s+)?(?P<m>{hijri}){E}(?:\s+(?P<blessed>{alternation(words('hijri_epithets'))}){E})?"
            rf"(?:\s*,?\s*(?:من\s+)?(?:(?:{year_words})\s*)?{year()}|\s+{direction})?")
        self.date_en = re.compile(
            rf"{B}(?P<m>{months}){E}\s+(?P<d>[0-3]?\d){ND}\s*,?\s*(?P<y>[12]\d{{3}}){ND}")
        self.numeric = re.compile(
            rf"{B}(?:{weekday_head})?{NB}(?:(?P<d>[0-3]?\d)(?P<s>[/.-])(?P<m>[01]?\d)(?P=s)(?P<y>[12]\d{{3}})"
            rf"|(?P<y2>[12]\d{{3}})(?P<s2>[/-])(?P<m2>[01]?\d)(?P=s2)(?P<d2>[0-3]?\d)){ND}{clock}")
        self.month = re.compile(rf"{B}(?:(?P<pos>{position})\s+)?{month()}{suffix}")
        self.month_range = re.compile(
            rf"{B}(?:{range_from}\s+)?{month('a')}\s*{range_to}\s*{month()}\s*,?\s*{year()}")
        self.day_range = re.compile(
            rf"{B}(?:(?P<from>{range_from})\s+)?(?:ال\s?)?(?P<d1>[0-3]?\d){ND}"
            rf"(?:\s+(?:من\s+)?{month('a')}(?:\s*,?\s*{year('a')})?)?"
            rf"\s*{range_to}\s*(?:ال\s?)?(?P<d2>[0-3]?\d){ND}\s*(?:من\s+)?{month()}{suffix}")
        self.year = re.compile(
            rf"{B}(?:(?P<pos>{position})\s+)?(?:(?P<yw>{year_words})\s*|(?P<prep>{alternation(words('bare_year_before'))})\s+)?"
            rf"{year()}")
        self.year_range = re.compile(
            rf"{B}(?:(?P<from>{range_from})\s+)?(?:(?:{year_words})\s*)?{year('a')}"
            rf"\s*(?P<to>{range_to})\s*(?:(?:{year_words})\s*)?{year()}")
        self.relday = re.compile(
            rf"{B}(?:(?P<part>{alternation(words('day_parts'))})\s+)?(?P<rd>{reldays}){E}"
            rf"(?:\s*[,(]?\s*(?:يوم\s+)?(?P<w>{weekdays}){E}\)?)?")
        self.weekday = re.compile(
            rf"{B}(?:(?P<part>{alternation(words('day_parts'))})\s+)?(?:يوم\s+)?\(?(?P<w>{weekdays}){E}\)?"
            rf"(?:\s+(?:من\s+)?(?:الاسبوع\s+)?{direction})?")
        self.relunit = re.compile(
            rf"{B}(?:(?P<pos>{position})\s+)?(?:(?P<u>{definite_year}){E}\s+{direction}"
            rf"|(?P<this>{this})\s+(?P<u2>{definite_year}){E})")
        units, duals = alternation(lex.units), alternation(lex.duals)
        count = rf"(?:(?P<n>\d+|{cardinals}){E}\s+(?P<u>{units})|(?P<dual>{duals})){E}"
        about = rf"(?:{alternation(words('approximately'))}\s+)?"
        self.ago = re.compile(
            rf"{B}(?P<ago>{alternation(words('ago'))})\s+{about}"
            rf"(?:{count}|(?P<one>{alternation(lex.singulars)}){E}(?!\s*\d))")
        self.duration = re.compile(rf"{B}(?:(?P<pre>{alternation(words('duration'))})\s+{about})?{count}")
        seasons = alternation(lex.seasons)
        self.season = re.compile(
            rf"{B}(?:(?P<s>{seasons}){E}\s*(?:(?:{year_words})\s*)?(?:{year()}"
            rf"|(?:العام|السنه)\s+(?:(?P<ypast>{past})|(?P<yfuture>{future})|(?P<ycur>{current})){E}|{direction})"
            rf"|(?P<this>{this})\s+(?P<s2>{seasons}){E})")
        self.decade = re.compile(
            rf"{B}(?:عقد\s+)?(?P<dec>{alternation(lex.decades)}){E}"
            rf"(?:\s+(?:من\s+)?القرن\s+(?:(?:ال\s?)?(?P<cn>\d{{1,2}}){ND}|(?P<co>{ordinals}){E}|{direction}))?")
        self.century = re.compile(
            rf"{B}{alternation(words('century'))}\s+(?:(?:ال\s?)?(?P<cn>\d{{1,2}}){ND}|(?P<co>{ordinals}){E}|{direction})")
        self.clock = re.compile(
            rf"{B}(?:(?P<clk>{alternation(words('clock'))})\s+)?(?P<h>[0-2]?\d)(?::(?P<mi>[0-5]\d))?{ND}"
            rf"(?:\s*(?:(?P<pm>{clock_pm})|(?P<am>{clock_am})){E})?")
        self.set = re.compile(rf"{B}(?P<set>{alternation(lex.sets)}){E}")
        cues = alternation(words("future_cues"))
        stems = alternation(words("future_stems"))
        self.future_cue = re.compile(rf"(?<![^\W_])(?:{cues}{E}|[وف]?س[يتنا]{stems})")
        self.not_today = re.compile(rf"\s+{alternation(words('not_today_after'))}{E}")
        self.bare_month_before = re.compile(
            rf"(?:^|[^\w])[وف]?(?:{alternation(words('bare_month_before'))})\s+$")

