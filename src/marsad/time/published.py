"""Publication date from the text itself, for documents that come without one.

Evidence, strongest first:
1. a dateline near the top ("آخر تحديث : الجمعة 25 ديسمبر 2020") -> source ``dateline``;
2. the date of an embedded post ("(@USEmbMorocco) February 20, 2024"): publication is not
   before the newest one -> ``dateline``;
3. a relative day pinned to a full date ("أول من أمس الجمعة 7 إبريل 2023" -> 2023-04-09)
   -> ``inferred``;
4. a weekday, day and month said to be in the current month ("الثلاثاء 21 فبراير الجاري"):
   the most recent year, not after today, in which that day has that weekday -> ``inferred``
   at month granularity.
No evidence -> ``(None, None)``: nothing is guessed.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from marsad.time import resolve, values
from marsad.time.grammar import alternation
from marsad.time.rules import Context, key

if TYPE_CHECKING:
    from marsad.time.finder import TimeFinder

HEAD_LINES = 6
HEAD_CHARS = 600
LOOKBACK_YEARS = 40
_EMBED = re.compile(r"\(@\w+\)\s*$")


def infer(finder: TimeFinder, text: str, today: dt.date | None = None) -> tuple[str | None, str | None]:
    """``(ISO value, source)`` with source ``dateline`` or ``inferred``, or ``(None, None)``."""
    today = today or dt.date.today()
    context = Context(text, None, finder.lexicon, finder.grammar)
    cues = re.compile(alternation(finder.lexicon.word_list("dateline_cues")) + r"\s*:?\s*$")
    head = _head_end(text)
    datelines: list[dt.date] = []
    embeds: list[dt.date] = []
    relative: list[dt.date] = []
    months: list[str] = []
    for name, match in finder.matches(context):
        if name not in ("date", "numeric", "date_en"):
            continue
        date = _absolute(name, match, context)
        if date is not None and date <= today:
            before = text[max(0, match.start() - 60):match.start()]
            if _EMBED.search(before):
                embeds.append(date)
            elif (match.start() < head and not match["rd"] and not finder.grammar.relday_before.search(before)
                  and (_short_line(text, match) or cues.search(before))):
                datelines.append(date)
            if name == "date" and match["rd"] and _weekday_fits(match, context, date):
                relative.append(date - dt.timedelta(days=finder.lexicon.days[key(match["rd"])]))
        elif date is None and name == "date" and match["w"] and match["current"] and not match["y"]:
            month = _current_month(match, context, today)
            if month:
                months.append(month)
    if datelines:
        return values.day(datelines[0]), "dateline"
    if embeds:
        return values.day(max(embeds)), "dateline"
    if relative:
        return values.day(relative[0]), "inferred"
    if months:
        return months[0], "inferred"
    return None, None


def _head_end(text: str) -> int:
    """End of the first few non-empty lines: where a dateline can be."""
    seen, position = 0, 0
    for line in text.splitlines(keepends=True):
        position += len(line)
        seen += bool(line.strip())
        if seen >= HEAD_LINES:
            break
    return min(position, HEAD_CHARS)


def _short_line(text: str, match: re.Match[str]) -> bool:
    """A line that is little more than the date (a dateline, not a sentence that cites a date)."""
    start = text.rfind("\n", 0, match.start()) + 1
    end = text.find("\n", match.end())
    end = len(text) if end < 0 else end
    return (end - start) - (match.end() - match.start()) <= 60


def _absolute(name: str, match: re.Match[str], context: Context) -> dt.date | None:
    """The date a match states in full (day, month and Gregorian year all written), else None."""
    lex = context.lex
    if name == "numeric":
        if match["y"]:
            return resolve.safe_date(int(match["y"]), int(match["m"]), int(match["d"]))
        return resolve.safe_date(int(match["y2"]), int(match["m2"]), int(match["d2"]))
    if name == "date_en":
        return resolve.safe_date(int(match["y"]), lex.months[key(match["m"])], int(match["d"]))
    if not match["y"] or match["hm"]:
        return None
    day = int(match["d"]) if match["d"] else lex.ordinals.get(key(match["o"]))
    return resolve.safe_date(int(match["y"]), lex.months[key(match["m"])], day) if day else None


def _weekday_fits(match: re.Match[str], context: Context, date: dt.date) -> bool:
    return not match["w"] or context.lex.weekdays[key(match["w"])] == date.isoweekday()


def _current_month(match: re.Match[str], context: Context, today: dt.date) -> str | None:
    """"الثلاثاء 21 فبراير الجاري": the latest year not after today where the weekday fits."""
    lex = context.lex
    day = int(match["d"]) if match["d"] else lex.ordinals.get(key(match["o"]))
    month, weekday = lex.months[key(match["m"])], lex.weekdays[key(match["w"])]
    for year in range(today.year, today.year - LOOKBACK_YEARS, -1):
        date = resolve.safe_date(year, month, day) if day else None
        if date and date <= today and date.isoweekday() == weekday:
            return values.month(year, month)
    return None
