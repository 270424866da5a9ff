"""The first and last day a CONTRACT date value covers, so periods of any granularity can be filtered.

``2023`` covers 2023-01-01..2023-12-31, ``2023-W14`` its Monday..Sunday, ``2024-SU`` June..August,
``17`` (a century) 1700..1799, ``a/b`` from the start of ``a`` to the end of ``b``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|AU|WI)$")
_CENTURY = re.compile(r"^(\d{2})$")
_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "AU": (9, 11), "WI": (12, 14)}


def _month_end(year: int, month: int) -> dt.date:
    year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _single(value: str) -> tuple[dt.date, dt.date] | None:
    text = value.strip()
    try:
        if match := _DAY.match(text):
            day = dt.date(*map(int, match.groups()))
            return day, day
        if match := _MONTH.match(text):
            year, month = map(int, match.groups())
            return dt.date(year, month, 1), _month_end(year, month)
        if match := _YEAR.match(text):
            year = int(match.group(1))
            return dt.date(year, 1, 1), dt.date(year, 12, 31)
        if match := _WEEK.match(text):
            year, week = map(int, match.groups())
            return dt.date.fromisocalendar(year, week, 1), dt.date.fromisocalendar(year, week, 7)
        if match := _SEASON.match(text):
            year = int(match.group(1))
            first, last = _SEASON_MONTHS[match.group(2)]
            return dt.date(year, first, 1), _month_end(year, last)
        if match := _CENTURY.match(text):
            start = int(match.group(1)) * 100
            return dt.date(max(start, 1), 1, 1), dt.date(start + 99, 12, 31)
    except ValueError:
        return None
    return None


def date_bounds(value: str | None) -> tuple[str, str] | None:
    """``(first, last)`` ISO days covered by ``value``, or None when it is not a date we know."""
    if not value:
        return None
    first, _, last = value.partition("/")
    low, high = _single(first), _single(last or first)
    if low is None or high is None:
        return None
    return low[0].isoformat(), high[1].isoformat()
