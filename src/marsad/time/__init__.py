"""The time stage: find temporal expressions in Arabic news and resolve them (see docs/time.md)."""

from marsad.time.finder import TimeFinder
from marsad.time.values import VALUE_RE, is_valid

__all__ = ["VALUE_RE", "TimeFinder", "is_valid"]
