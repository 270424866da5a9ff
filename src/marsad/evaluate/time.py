"""Accuracy of the time stage against gold sentences (``marsad evaluate time GOLD.jsonl``).

Each gold line is ``{id, text, expr, published, value}``: ``expr`` is the expression expected
inside ``text``. A case is right when some found timex overlaps ``expr`` and has exactly
``value`` (``null`` included: relative expressions with no publication date).
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from marsad.errors import InputError
from marsad.ingest.readers import numbered_json_lines
from marsad.model import Timex
from marsad.time import TimeFinder


@dataclass
class Miss:
    id: str
    expr: str
    expected: str | None
    found: list[Timex]


@dataclass
class TimeReport:
    total: int = 0
    correct: int = 0
    misses: list[Miss] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0


def parse_published(value: str | None) -> dt.date | None:
    """Gold and input dates are ISO dates or datetimes; only the day matters here."""
    return dt.date.fromisoformat(value[:10]) if value else None


def _cases(path: Path) -> list[dict[str, Any]]:
    cases = []
    for number, line in numbered_json_lines(path.read_text(encoding="utf-8")):
        try:
            case = json.loads(line)
            start = case["text"].index(case["expr"])
            published = parse_published(case.get("published"))
        except (ValueError, KeyError, TypeError) as error:
            raise InputError(f"{path}:{number}", f"bad gold case ({error})") from None
        cases.append({**case, "start": start, "date": published})
    return cases


def evaluate_time(
    gold_path: str | Path, finder: TimeFinder | None = None, out: TextIO | None = sys.stdout,
) -> TimeReport:
    """Score ``finder`` (the shipped one by default) on a gold file; print accuracy and misses."""
    finder = finder or TimeFinder.load()
    report = TimeReport()
    for case in _cases(Path(gold_path)):
        start, end = case["start"], case["start"] + len(case["expr"])
        found = [t for t in finder.find(case["text"], case["date"]) if t.start < end and t.end > start]
        report.total += 1
        if any(t.value == case["value"] for t in found):
            report.correct += 1
        else:
            report.misses.append(Miss(case["id"], case["expr"], case["value"], found))
    if out is not None:
        for miss in report.misses:
            got = ", ".join(f"{t.text!r}={t.value}" for t in miss.found) or "nothing"
            print(f"MISS {miss.id}: {miss.expr!r} expected {miss.expected}, found {got}", file=out)
        print(f"time accuracy: {report.accuracy:.3f} ({report.correct}/{report.total})", file=out)
    return report
