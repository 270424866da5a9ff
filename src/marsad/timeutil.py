"""Parsing the ISO values marsad accepts and emits (publication dates, partial dates)."""

from __future__ import annotations

import datetime as dt
import re

_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


def parse_published(value: str) -> dt.date:
    """A publication date from an ISO date or datetime; partial dates anchor on their first day.

    ``2023-02`` (published some day in February 2023) anchors relative expressions on the 1st,
    which is only right for month-level references; the time stage uses granularity accordingly.
    """
    text = value.strip()
    match = _PARTIAL.match(text)
    if match:
        year, month, day = match.groups()
        return dt.date(int(year), int(month or 1), int(day or 1))
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        raise ValueError("not an ISO 8601 date or datetime") from None


def published_granularity(value: str) -> str:
    """``day``, ``month`` or ``year``: how much of a publication date is actually known."""
    match = _PARTIAL.match(value.strip())
    if match and match.group(3) is None:
        return "month" if match.group(2) else "year"
    return "day"


_WEEK = re.compile(r"^(\d{4})-W(\d{2})")
_SEASON_MONTH = {"SP": 3, "SU": 6, "FA": 9, "AU": 9, "WI": 12}


def calendar_unit(value: str) -> str | None:
    """``week`` or ``season`` when a date value names one (2023-W14, 2024-SU): a span that no prefix of the
    month or year it falls in spells."""
    if _WEEK.fullmatch(value):
        return "week"
    return "season" if len(value) == 7 and value[5:] in _SEASON_MONTH else None


def date_start(value: str) -> dt.date | None:
    """The first day a CONTRACT date value covers (2023-W14 -> its Monday, 2024-SU -> June 1); None if coarser."""
    first = value.split("/")[0]
    week = _WEEK.match(first)
    if week:
        return dt.date.fromisocalendar(int(week.group(1)), int(week.group(2)), 1)
    if len(first) == 7 and first[5:] in _SEASON_MONTH:
        return dt.date(int(first[:4]), _SEASON_MONTH[first[5:]], 1)
    match = _PARTIAL.match(first[:10])
    if not match:
        return None
    year, month, day = match.groups()
    return dt.date(int(year), int(month or 1), int(day or 1))
