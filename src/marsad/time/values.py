"""Timex values as CONTRACT.md spells them, and the grammar that checks them.

One place formats every granularity (year, month, day, week, season, decade, century,
interval, time, duration) so that the finder, the evaluation and the tests agree.
"""

from __future__ import annotations

import datetime as dt
import re

_DATE = r"\d{4}(?:-\d{2}(?:-\d{2}(?:T\d{2}:\d{2})?)?|-W\d{2}|-(?:SP|SU|FA|WI))?|\d{2,3}"
VALUE_RE = re.compile(
    rf"(?:{_DATE})(?:/(?:{_DATE}))?"  # dates, centuries, decades and intervals
    r"|T\d{2}:\d{2}"  # a clock time with no known day
    r"|P\d+[DWMY]|PT\d+[HM]"  # durations and SET periods
)


def is_valid(value: str) -> bool:
    """Whether ``value`` follows the CONTRACT value grammar."""
    return VALUE_RE.fullmatch(value) is not None


def day(date: dt.date) -> str:
    return date.isoformat()


def month(year: int, number: int) -> str:
    return f"{year:04d}-{number:02d}"


def year(number: int) -> str:
    return f"{number:04d}"


def week(date: dt.date) -> str:
    iso = date.isocalendar()
    return f"{iso.year:04d}-W{iso.week:02d}"


def season(number: int, code: str) -> str:
    return f"{number:04d}-{code}"


def decade(first_year: int) -> str:
    """``1990`` -> ``199``: the first three digits, as TIMEX3 writes a decade."""
    return f"{first_year // 10:03d}"


def century(ordinal: int) -> str:
    """The 18th century (the 1700s) -> ``17``."""
    return f"{ordinal - 1:02d}"


def interval(start: str, end: str) -> str:
    return f"{start}/{end}"


def clock(hour: int, minute: int, date: dt.date | None = None) -> str:
    time = f"T{hour:02d}:{minute:02d}"
    return f"{date.isoformat()}{time}" if date else time


def duration(count: int, unit: str) -> str:
    if unit in ("hour", "minute"):
        return f"PT{count}{unit[0].upper()}"
    return f"P{count}{unit[0].upper()}"
