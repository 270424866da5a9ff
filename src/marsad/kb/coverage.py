"""Which state x office of the KB's scope (issue 6) has no known holder for part of 2010-2026.

A title resolves to a person only when the KB knows who held the office that day; a gap here is a
"وزير الداخلية المصري" the linker can code to a country but not to a person. Run
``python -m marsad.kb.coverage [--kb DIR]`` for the report.
"""

from __future__ import annotations

import argparse
import datetime
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from marsad.kb import dates
from marsad.kb.load import KnowledgeBase

ARAB_LEAGUE = ("DZA", "BHR", "COM", "DJI", "EGY", "IRQ", "JOR", "KWT", "LBN", "LBY", "MRT",
               "MAR", "OMN", "PSE", "QAT", "SAU", "SOM", "SDN", "SYR", "TUN", "ARE", "YEM")
STATES = (*ARAB_LEAGUE, "IRN", "TUR", "ISR", "USA", "GBR", "FRA", "RUS", "CHN", "DEU", "ITA", "ESP")
OFFICES = ("head_of_state", "head_of_government", "foreign_minister", "defence_minister",
           "interior_minister", "intelligence_chief", "military_chief")
# The IGOs of issue 6, each by the body whose head speaks for it.
IGOS = {"UN": "UN", "NATO": "NATO", "EU": "EU.COMMISSION", "AU": "AU", "ARL": "ARL", "GCC": "GCC",
        "AMU": "AMU", "OIC": "OIC"}
FROM = datetime.date(2010, 1, 1)
# Where the head of state also heads the government, there is no separate holder to find.
HEAD_OF_STATE_GOVERNS = {"USA": FROM, "IRN": FROM, "COM": FROM, "TUR": datetime.date(2018, 7, 9)}
_SLACK = datetime.timedelta(days=31)  # a caretaker week between two holders is not a gap worth listing


@dataclass(frozen=True, slots=True)
class Coverage:
    """Days of [FROM, until] with a known holder, and the uncovered stretches longer than a month."""

    owner: str
    office: str
    covered: float
    gaps: tuple[tuple[datetime.date, datetime.date], ...]


def coverage(kb: KnowledgeBase, until: datetime.date) -> Iterator[Coverage]:
    """Every state x office of the scope, then the head of every IGO."""
    for state in STATES:
        for office in OFFICES:
            yield _measure(state, office, list(_intervals(kb, state, office)), until)
    for name, org in IGOS.items():
        spans = [(r.start, r.end) for e in kb.entries.values() for r in e.roles if r.office == "head" and r.org == org]
        yield _measure(name, "head", spans, until)


def _intervals(kb: KnowledgeBase, state: str, office: str) -> Iterator[tuple[str | None, str | None]]:
    """Role spans that fill ``office`` of ``state``: the office itself, or heading its intelligence body."""
    spy_bodies = {k for k, e in kb.entries.items() if e.country == state and (e.sector or "").startswith("SPY")}
    for entry in kb.entries.values():
        for role in entry.roles:
            heads_spies = office == "intelligence_chief" and role.office == "head" and role.org in spy_bodies
            if (role.office == office and role.country == state) or heads_spies:
                yield role.start, role.end
            elif (office == "head_of_government" and role.office == "head_of_state" and role.country == state
                  and state in HEAD_OF_STATE_GOVERNS):
                since = HEAD_OF_STATE_GOVERNS[state].isoformat()
                yield max(role.start or since, since), role.end


def _measure(owner: str, office: str, spans: Sequence[tuple[str | None, str | None]],
             until: datetime.date) -> Coverage:
    days = sorted((max(dates.earliest(s), FROM), min(dates.latest(e), until)) for s, e in spans)
    gaps, covered, cursor = [], 0, FROM
    for start, end in days:
        if end < cursor:
            continue
        if start - cursor > _SLACK:
            gaps.append((cursor, start))
        covered += (end - max(start, cursor)).days + 1
        cursor = end + datetime.timedelta(days=1)
    if until - cursor > _SLACK:
        gaps.append((cursor, until))
    return Coverage(owner, office, covered / ((until - FROM).days + 1), tuple(gaps))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kb", dest="kb_dirs", action="append", type=Path, default=[], metavar="DIR")
    parser.add_argument("--until", type=datetime.date.fromisoformat, default=datetime.date.today())
    args = parser.parse_args(argv)
    rows = list(coverage(KnowledgeBase.load(args.kb_dirs), args.until))
    for row in sorted(rows, key=lambda r: r.covered):
        if row.gaps:
            spans = ", ".join(f"{a:%Y-%m}..{b:%Y-%m}" for a, b in row.gaps)
            print(f"{row.owner:5} {row.office:19} {row.covered:5.0%}  gaps: {spans}")
    full = sum(not r.gaps for r in rows)
    print(f"{full}/{len(rows)} state x office and IGO heads fully covered {FROM:%Y-%m}..{args.until:%Y-%m}; "
          f"mean coverage {sum(r.covered for r in rows) / len(rows):.1%}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
