"""Partial ISO dates (2021, 2021-01, 2021-01-26) as the earliest and latest day they may mean."""

from __future__ import annotations

import calendar
import datetime


def earliest(value: str | None) -> datetime.date:
    """First day a partial date may denote; the far past when unknown."""
    if not value:
        return datetime.date.min
    parts = [int(p) for p in str(value).split("-")]
    return datetime.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def latest(value: str | None) -> datetime.date:
    """Last day a partial date may denote; the far future when open (still in office)."""
    if not value:
        return datetime.date.max
    parts = [int(p) for p in str(value).split("-")]
    if len(parts) == 3:
        return datetime.date(*parts)
    month = parts[1] if len(parts) > 1 else 12
    return datetime.date(parts[0], month, calendar.monthrange(parts[0], month)[1])


def valid(value: str | None) -> bool:
    """True for null or a real calendar date at any granularity (rejects 2021-02-30, 2021-13)."""
    try:
        earliest(value)
        latest(value)
    except ValueError:
        return False
    return True


def covers(start: str | None, end: str | None, on: datetime.date) -> bool:
    """Whether ``on`` may fall within [start, end], reading partial dates generously."""
    return earliest(start) <= on <= latest(end)
