"""Calendar arithmetic that anchors incomplete dates on the publication date.

``direction`` says which way an incomplete date points from publication:
``past`` (on or before), ``before`` (strictly before: "الماضي"), ``future`` (on or after),
``after`` (strictly after: "المقبل"), ``current`` (the same period as publication) and ``near``
(a day and month in plain narration: the closest one, but a future one only when it is soon).
"""

from __future__ import annotations

import datetime as dt

from hijridate import Gregorian, Hijri

SOON = 62  # days ahead within which a plain "26 رمضان" or "25 تموز" is the coming one


def _pick(candidate: tuple[int, ...], anchor: tuple[int, ...], direction: str) -> int:
    """Year shift (-1, 0, +1) that puts ``candidate`` (month, day...) on the right side of ``anchor``."""
    if direction == "past":
        return 0 if candidate <= anchor else -1
    if direction == "before":
        return 0 if candidate < anchor else -1
    if direction == "future":
        return 0 if candidate >= anchor else 1
    if direction == "after":
        return 0 if candidate > anchor else 1
    return 0


def month_year(published: dt.date, number: int, direction: str) -> int:
    """Year of the month ``number`` that the direction picks ("أكتوبر الماضي")."""
    return published.year + _pick((number,), (published.month,), direction)


def choose(candidates: list[tuple[int, dt.date]], published: dt.date, direction: str) -> int | None:
    """The year (Gregorian or Hijri) whose date, among ``(year, date)`` candidates, the direction picks."""
    past = [c for c in candidates if c[1] < published or (c[1] == published and direction != "before")]
    future = [c for c in candidates if c[1] > published or (c[1] == published and direction != "after")]
    if direction in ("future", "after"):
        return min(future, key=lambda c: c[1])[0] if future else None
    if direction == "near" and future and (min(future, key=lambda c: c[1])[1] - published).days <= SOON:
        return min(future, key=lambda c: c[1])[0]
    return max(past, key=lambda c: c[1])[0] if past else None


def day_month_year(published: dt.date, month: int, day: int, direction: str) -> int:
    """Year of ``day month`` with no year written ("7 مارس" in past narration)."""
    if direction == "current":
        return published.year
    years = (published.year - 1, published.year, published.year + 1)
    candidates = [(y, d) for y in years if (d := safe_date(y, month, day if month != 2 else min(day, 28)))]
    return choose(candidates, published, direction) or published.year


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def year_matching_weekday(
    published: dt.date, month: int, day: int, weekday: int, direction: str,
) -> int | None:
    """The year near publication in which ``day month`` falls on ISO ``weekday``, if any.

    The default year of the direction is tried first, then its neighbours; a weekday that fits
    no nearby year means the text and the publication date disagree, and we do not guess.
    """
    default = day_month_year(published, month, day, direction)
    for year in (default, default - 1, default + 1):
        date = safe_date(year, month, day)
        if date and date.isoweekday() == weekday:
            return year
    return None


def weekday_date(published: dt.date, weekday: int, direction: str) -> dt.date:
    """The ISO ``weekday`` nearest publication on the side the direction picks."""
    delta = weekday - published.isoweekday()
    if direction in ("past", "before", "current"):
        back = (-delta) % 7
        if back == 0 and direction == "before":
            back = 7
        return published - dt.timedelta(days=back)
    ahead = delta % 7
    if ahead == 0 and direction == "after":
        ahead = 7
    return published + dt.timedelta(days=ahead)


def nearest_weekday(date: dt.date, weekday: int) -> dt.date:
    """The ISO ``weekday`` closest to ``date`` (within three days)."""
    delta = (weekday - date.isoweekday()) % 7
    return date + dt.timedelta(days=delta if delta <= 3 else delta - 7)


def add_months(date: dt.date, months: int) -> tuple[int, int]:
    index = date.year * 12 + date.month - 1 + months
    return index // 12, index % 12 + 1


def hijri_to_gregorian(year: int, month: int, day: int) -> dt.date | None:
    """Umm al-Qura conversion; None outside the supported range or for a day that does not exist."""
    try:
        return Hijri(year, month, day, validate=True).to_gregorian()
    except (ValueError, OverflowError):
        return None


def hijri_month_span(year: int, month: int) -> tuple[dt.date, dt.date] | None:
    """First and last Gregorian day of a Hijri month."""
    try:
        first = Hijri(year, month, 1, validate=True)
        return first.to_gregorian(), Hijri(year, month, first.month_length()).to_gregorian()
    except (ValueError, OverflowError):
        return None


def hijri_year_span(year: int) -> tuple[dt.date, dt.date] | None:
    first = hijri_month_span(year, 1)
    last = hijri_month_span(year, 12)
    return (first[0], last[1]) if first and last else None


def hijri_today(published: dt.date) -> tuple[int, int, int] | None:
    try:
        hijri = Gregorian(published.year, published.month, published.day).to_hijri()
    except (ValueError, OverflowError):
        return None
    return hijri.year, hijri.month, hijri.day


def hijri_year_for(published: dt.date, month: int, day: int | None, direction: str) -> int | None:
    """Hijri year of a Hijri month (and day) written without a year."""
    today = hijri_today(published)
    if today is None:
        return None
    if day is None or direction == "current":
        return today[0] + _pick((month,), today[1:2], "past" if direction == "near" else direction)
    years = (today[0] - 1, today[0], today[0] + 1)
    candidates = [(y, d) for y in years if (d := hijri_to_gregorian(y, month, min(day, 29)))]
    return choose(candidates, published, direction)
