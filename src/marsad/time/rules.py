"""What each temporal pattern means: a match of ``grammar.py`` -> (type, value).

A rule returns None when the match is not a temporal expression after all (a bare "مارس" that
is the verb, "اليوم الوطني"), and a value of None when it is one but cannot be resolved (a
relative expression with no publication date). Values are never guessed.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from marsad.time import resolve, values
from marsad.time.grammar import Grammar
from marsad.time.lexicon import Lexicon

Found = tuple[str, str | None]
# a span that reads as a date but names a place or a movement (مدينة 6 أكتوبر): it keeps shorter readings
# inside it (أكتوبر) from being taken for dates, and is not reported
NAME = "NAME"
SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}
HIJRI_YEARS = (1300, 1500)  # a year in this range with no era marker is Hijri (Gulf usage)
CLAUSE_BREAKS = ("، و", ", و", "،و")
# أن، إن، بأن، أنها ... (normalized): what follows is someone's reported words, whose tense is not the clause's
# ("حذرت روسيا الأربعاء أنها تعتزم": the Wednesday is past)
_COMPLEMENTIZER = re.compile(r"(?<!\S)و?ب?ان(?:ه|ها|هم|هما)?(?!\S)")
SHIFT = {"before": -1, "after": 1, "current": 0, "past": -1, "future": 1}


def key(text: str | None) -> str:
    return " ".join(text.split()) if text else ""


@dataclass
class Context:
    """One document being read: normalized text, publication date and the resources."""

    text: str
    published: dt.date | None
    lex: Lexicon
    grammar: Grammar

    def explicit(self, m: re.Match[str], prefix: str = "") -> str | None:
        """Direction written in the match: "الماضي" -> before, "المقبل" -> after, "الجاري" -> current."""
        groups = m.groupdict()
        for name, direction in (("past", "before"), ("future", "after"), ("current", "current")):
            if groups.get(prefix + name):
                return direction
        return None

    def tense(self, start: int, end: int) -> str:
        """``future`` when the clause around [start, end) speaks of the future, else ``past``.

        A clause ends at a full stop, where a comma opens a new coordinated one ("التقى الاثنين ماتيس،
        ومن المقرر أن يلتقي ترامب الثلاثاء": the Monday is past, the Tuesday to come), and, after the
        expression, where reported words begin (أن، إن).
        """
        left = max(self.text.rfind(ch, max(0, start - 150), start) for ch in (*".!?\n", *CLAUSE_BREAKS))
        rights = [i for i in (self.text.find(ch, end, end + 150) for ch in (*".!?\n", *CLAUSE_BREAKS)) if i >= 0]
        reported = _COMPLEMENTIZER.search(self.text, end, end + 150)
        rights += [reported.start()] if reported else []
        window = self.text[max(left + 1, start - 150): min([*rights, end + 150])]
        return "future" if self.grammar.future_cue.search(window) else "past"

    def direction(self, m: re.Match[str]) -> str:
        return self.explicit(m) or self.tense(m.start(), m.end())

    def year_shift(self, m: re.Match[str]) -> int | None:
        """Year written as "من العام الماضي/المقبل/الجاري" or "هذا العام" after a month."""
        groups = m.groupdict()
        for name, shift in (("ypast", -1), ("yfuture", 1), ("ycur", 0), ("ythis", 0)):
            if groups.get(name):
                return shift
        return None

    def names_a_day(self, start: int) -> bool:
        """Whether the words before a day and month make them a name (مدينة 6 أكتوبر، ثورة 25 يناير)."""
        return self._preceded_by(self.grammar.named_for_a_day, start)

    def bare_allowed(self, start: int) -> bool:
        """Whether a bare month name or year follows a preposition such as "في" or "منذ"."""
        return self._preceded_by(self.grammar.bare_month_before, start)

    def _preceded_by(self, words: re.Pattern[str], start: int) -> bool:
        return words.search(self.text[max(0, start - 25):start]) is not None


def _year(m: re.Match[str], p: str = "") -> int | None:
    return int(m[p + "y"]) if m.groupdict().get(p + "y") else None


def _day(m: re.Match[str], ctx: Context) -> int | None:
    if m["d"]:
        return int(m["d"])
    return ctx.lex.ordinals.get(key(m["o"])) if m.groupdict().get("o") else None


def _numbered_day(m: re.Match[str], ctx: Context, which: str) -> int:
    """Day ``which`` of a range, in digits (7 و8) or as an ordinal (السابع والثامن)."""
    return int(m["d" + which]) if m["d" + which] else ctx.lex.ordinals[key(m["o" + which])]


def resolve_day_month(m: re.Match[str], ctx: Context, day: int, month: int) -> dt.date | None:
    """Date of a day and month whose year is written, relative, or implied by tense and weekday."""
    year = _year(m)
    shift = ctx.year_shift(m)
    pub = ctx.published
    if year is None and pub is None:
        return None
    if year is None and shift is not None:
        year = pub.year + shift
    elif year is None:
        direction = ctx.explicit(m) or {"past": "near"}.get(t := ctx.tense(m.start(), m.end()), t)
        weekday = ctx.lex.weekdays.get(key(m.groupdict().get("w")))
        offset = ctx.lex.days.get(key(m.groupdict().get("rd")))
        if offset is not None and (anchor := pub + dt.timedelta(days=offset)).month == month:
            year = anchor.year
        elif weekday:
            year = resolve.year_matching_weekday(pub, month, day, weekday, direction)
        year = year or resolve.day_month_year(pub, month, day, direction)
    return resolve.safe_date(year, month, day)


def _with_clock(m: re.Match[str], date: dt.date | None) -> Found:
    if m.groupdict().get("h"):
        hour = int(m["h"]) + (12 if m["pm"] and int(m["h"]) < 12 else 0)
        if hour < 24:
            return "TIME", values.clock(hour, int(m["mi"]), date) if date else None
    return "DATE", values.day(date) if date else None


def date(m: re.Match[str], ctx: Context) -> Found | None:
    day, month = _day(m, ctx), ctx.lex.months[key(m["m"])]
    if not day or not 1 <= day <= 31 or resolve.safe_date(2000, month, day) is None:
        return None
    if _year(m) is None and ctx.names_a_day(m.start()):
        return NAME, None
    if ctx.published is None and _year(m) is None:
        return "DATE", None
    resolved = resolve_day_month(m, ctx, day, month)
    return _with_clock(m, resolved) if resolved else None


def date_en(m: re.Match[str], ctx: Context) -> Found | None:
    resolved = resolve.safe_date(int(m["y"]), ctx.lex.months[key(m["m"])], int(m["d"]))
    return ("DATE", values.day(resolved)) if resolved else None


def numeric(m: re.Match[str], ctx: Context) -> Found | None:
    """d/m/yyyy (m/d/yyyy when the middle number cannot be a month), yyyy-mm-dd; Hijri years too."""
    year, month, day = (int(m["y"]), int(m["m"]), int(m["d"])) if m["y"] else (
        int(m["y2"]), int(m["m2"]), int(m["d2"]))
    if month > 12 >= day:
        month, day = day, month
    if m["hm"] or (HIJRI_YEARS[0] <= year <= HIJRI_YEARS[1] and not m["gm"]):
        resolved = resolve.hijri_to_gregorian(year, month, day) if 1 <= month <= 12 else None
    else:
        resolved = resolve.safe_date(year, month, day)
    return _with_clock(m, resolved) if resolved else None


def hijri_date(m: re.Match[str], ctx: Context) -> Found | None:
    month = ctx.lex.hijri[key(m["m"])]
    day = _day(m, ctx)
    year = _year(m)
    direction = ctx.explicit(m)
    context = day or year or m["sh"] or m["blessed"] or direction
    if not context and (key(m["m"]) in ctx.lex.hijri_ambiguous or not ctx.bare_allowed(m.start())):
        return None
    if day is not None and not 1 <= day <= 30:
        return None
    if year is not None and year > 1500 and not m["hm"]:
        return "DATE", None  # a Hijri month with a Gregorian year: no single reading
    if year is None:
        if ctx.published is None:
            return "DATE", None
        tense = {"past": "near"}.get(t := ctx.tense(m.start(), m.end()), t)
        year = resolve.hijri_year_for(ctx.published, month, day, direction or tense)
        if year is None:
            return "DATE", None
    if day:
        converted = resolve.hijri_to_gregorian(year, month, day)
        return "DATE", values.day(converted) if converted else None
    span = resolve.hijri_month_span(year, month)
    return "DATE", values.interval(values.day(span[0]), values.day(span[1])) if span else None


def day_of_month(m: re.Match[str], ctx: Context) -> Found | None:
    """"31 من الشهر الجاري", "الخامس من الشهر الماضي": a day of a month named relatively."""
    day = _day(m, ctx)
    if not day or not 1 <= day <= 31:
        return None
    if ctx.published is None:
        return "DATE", None
    year, number = resolve.add_months(ctx.published, SHIFT[ctx.explicit(m) or "current"])
    resolved = resolve.safe_date(year, number, day)
    return ("DATE", values.day(resolved)) if resolved else None


def month(m: re.Match[str], ctx: Context) -> Found | None:
    number = ctx.lex.months[key(m["m"])]
    year, shift, direction = _year(m), ctx.year_shift(m), ctx.explicit(m)
    if year is None and shift is None and direction is None and key(m["m"]) in ctx.lex.months_ambiguous:
        listed = ctx.grammar.after_month.search(ctx.text, max(0, m.start() - 25), m.start())
        if not (m["sh"] or m["pos"] or listed or ctx.bare_allowed(m.start())):
            return None
    if year is not None:
        return "DATE", values.month(year, number)
    if ctx.published is None:
        return "DATE", None
    if shift is not None:
        return "DATE", values.month(ctx.published.year + shift, number)
    direction = direction or ctx.tense(m.start(), m.end())
    return "DATE", values.month(resolve.month_year(ctx.published, number, direction), number)


def month_range(m: re.Match[str], ctx: Context) -> Found | None:
    first, last, year = ctx.lex.months[key(m["am"])], ctx.lex.months[key(m["m"])], int(m["y"])
    start_year = year - 1 if first > last else year
    return "DATE", values.interval(values.month(start_year, first), values.month(year, last))


def day_range(m: re.Match[str], ctx: Context) -> Found | None:
    first_day, last_day = _numbered_day(m, ctx, "1"), _numbered_day(m, ctx, "2")
    last_month = ctx.lex.months[key(m["m"])]
    if ctx.published is None and _year(m) is None:
        return "DATE", None
    end = resolve_day_month(m, ctx, last_day, last_month)
    if end is None:
        return None
    first_month = ctx.lex.months[key(m["am"])] if m["am"] else last_month
    start_year = int(m["ay"]) if m["ay"] else end.year - (1 if first_month > last_month else 0)
    start = resolve.safe_date(start_year, first_month, first_day)
    if start is None or start >= end or ((end - start).days > 366 and not m["ay"]):
        return None
    return "DATE", values.interval(values.day(start), values.day(end))


def _year_value(year: int, hijri: bool) -> str | None:
    if not hijri:
        return values.year(year)
    span = resolve.hijri_year_span(year)
    return values.interval(values.day(span[0]), values.day(span[1])) if span else None


def year(m: re.Match[str], ctx: Context) -> Found | None:
    if not (m["yw"] or m["prep"] or m["pos"] or m["hm"] or m["gm"]):
        return None
    number = int(m["y"])
    hijri = bool(m["hm"]) or (HIJRI_YEARS[0] <= number <= HIJRI_YEARS[1] and bool(m["yw"]) and not m["gm"])
    if not hijri and not 1000 <= number <= 2100:
        return None
    return "DATE", _year_value(number, hijri)


def year_range(m: re.Match[str], ctx: Context) -> Found | None:
    first, last = int(m["ay"]), int(m["y"])
    if not first < last <= 2100 or (key(m["to"]) == "و" and not m["from"]):
        return None
    if m["ahm"] or m["hm"]:  # Hijri years: from the first day of one to the last day of the other
        spans = resolve.hijri_year_span(first), resolve.hijri_year_span(last)
        if not (spans[0] and spans[1]):
            return "DATE", None
        return "DATE", values.interval(values.day(spans[0][0]), values.day(spans[1][1]))
    return "DATE", values.interval(values.year(first), values.year(last))


def relday(m: re.Match[str], ctx: Context) -> Found | None:
    word = key(m["rd"])
    if word == "اليوم" and not m["w"] and ctx.grammar.not_today.match(ctx.text, m.end()):
        return None
    if ctx.published is None:
        return "DATE", None
    resolved = ctx.published + dt.timedelta(days=ctx.lex.days[word])
    if m["w"]:
        weekday = ctx.lex.weekdays[key(m["w"])]
        if resolved.isoweekday() != weekday:
            resolved = resolve.nearest_weekday(resolved, weekday)
    return "DATE", values.day(resolved)


def weekday(m: re.Match[str], ctx: Context) -> Found | None:
    if ctx.published is None:
        return "DATE", None
    resolved = resolve.weekday_date(ctx.published, ctx.lex.weekdays[key(m["w"])], ctx.direction(m))
    return "DATE", values.day(resolved)


def _shifted(published: dt.date, unit: str, count: int) -> str:
    """The week, month or year ``count`` units away from publication, at that unit's granularity."""
    if unit == "week":
        return values.week(published + dt.timedelta(weeks=count))
    if unit == "month":
        return values.month(*resolve.add_months(published, count))
    if unit == "year":
        return values.year(published.year + count)
    if unit == "decade":
        return values.decade((published.year // 10 + count) * 10)
    return values.day(published + dt.timedelta(days=count if unit == "day" else 0))


def relunit(m: re.Match[str], ctx: Context) -> Found | None:
    if m["u3"] and not m["pos"]:
        return None
    if ctx.published is None:
        return "DATE", None
    unit = ctx.lex.definite[key(m["u"] or m["u2"] or m["u3"])]
    return "DATE", _shifted(ctx.published, unit, SHIFT[ctx.explicit(m) or "current"])


def _count(m: re.Match[str], ctx: Context) -> tuple[int, str] | None:
    if m["dual"]:
        return 2, ctx.lex.duals[key(m["dual"])]
    if m.groupdict().get("one"):
        return 1, ctx.lex.singulars[key(m["one"])]
    number = int(m["n"]) if m["n"].isdigit() else ctx.lex.cardinals[key(m["n"])]
    return (number, ctx.lex.units[key(m["u"])]) if 0 < number < 1000 else None


def ago(m: re.Match[str], ctx: Context) -> Found | None:
    counted = _count(m, ctx)
    if counted is None:
        return None
    if ctx.published is None:
        return "DATE", None
    number, unit = counted
    return "DATE", _shifted(ctx.published, unit, number if m["later"] else -number)


def duration(m: re.Match[str], ctx: Context) -> Found | None:
    if m["one"] and not m["pre"]:
        return None  # a bare "يوم" or "عام" is no duration; "لمدة عام" is
    counted = _count(m, ctx)
    return ("DURATION", values.duration(*counted)) if counted else None


def _season_year(published: dt.date, code: str, direction: str) -> int:
    first, last = SEASON_MONTHS[code]
    now = published.month + (12 if code == "WI" and published.month <= 2 else 0)
    base = published.year - (1 if code == "WI" and published.month <= 2 else 0)
    if direction == "current":
        return base
    if direction in ("after", "future"):
        return base if (now < first or (direction == "future" and now <= last)) else base + 1
    return base if (now > last or (direction == "past" and now >= first)) else base - 1


def season(m: re.Match[str], ctx: Context) -> Found | None:
    code = ctx.lex.seasons[key(m["s"] or m["s2"])]
    if m["y"]:
        return "DATE", values.season(int(m["y"]), code)
    if ctx.published is None:
        return "DATE", None
    shift = ctx.year_shift(m)
    if shift is not None:
        return "DATE", values.season(ctx.published.year + shift, code)
    direction = "current" if m["this"] else ctx.explicit(m) or ctx.tense(m.start(), m.end())
    return "DATE", values.season(_season_year(ctx.published, code, direction), code)


def _century_ordinal(m: re.Match[str], ctx: Context) -> int | bool | None:
    """Ordinal of the century written in the match; False when none is written."""
    if m["cn"]:
        return int(m["cn"])
    if m["co"]:
        return ctx.lex.ordinals[key(m["co"])]
    direction = ctx.explicit(m)
    if direction is None:
        return False
    if ctx.published is None:
        return None
    return ctx.published.year // 100 + (0 if direction == "before" else 1)


def decade(m: re.Match[str], ctx: Context) -> Found | None:
    ordinal = _century_ordinal(m, ctx)
    if ordinal is None:
        return "DATE", None
    base = 19 if ordinal is False else ordinal - 1
    tens = ctx.lex.decades[key(m["dec"])] if m["dec"] else ctx.lex.ordinals[key(m["do"])] - 1
    if not 0 <= tens <= 9 or (m["do"] and ordinal is False):
        return None
    return "DATE", values.decade((base * 10 + tens) * 10)


def century(m: re.Match[str], ctx: Context) -> Found | None:
    ordinal = _century_ordinal(m, ctx)
    if ordinal is False or (ordinal is not None and not 1 <= ordinal <= 30):
        return None
    return "DATE", values.century(ordinal) if ordinal else None


def clock(m: re.Match[str], ctx: Context) -> Found | None:
    if not (m["clk"] or m["am"] or m["pm"]) or (not m["mi"] and not m["clk"]):
        return None
    hour = int(m["h"]) + (12 if m["pm"] and int(m["h"]) < 12 else 0)
    return ("TIME", values.clock(hour, int(m["mi"] or 0))) if hour < 24 else None


def every(m: re.Match[str], ctx: Context) -> Found | None:
    return "SET", values.duration(1, ctx.lex.sets[key(m["set"])])


Rule = Callable[[re.Match[str], Context], Found | None]
# Pattern name in ``Grammar`` and its rule, in priority order for matches of equal length.
RULES: tuple[tuple[str, Rule], ...] = (
    ("date", date), ("hijri_date", hijri_date), ("numeric", numeric), ("date_en", date_en),
    ("day_range", day_range), ("day_of_month", day_of_month), ("month_range", month_range), ("year_range", year_range),
    ("month", month), ("season", season), ("decade", decade), ("century", century),
    ("relday", relday), ("weekday", weekday), ("relunit", relunit), ("ago", ago),
    ("duration", duration), ("year", year), ("clock", clock), ("set", every),
)
