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
_D = datetime.date
# Gaps that are real: the office was vacant or does not exist. They stay in the report, marked with the
# reason, and are never filled with a made-up holder. (start, end or None for "still", reason).
_ABADI = "no confirmed minister until parliament approved al-Abadi's security ministers"
_TMC = "no minister under the Transitional Military Council (undersecretaries ran ministries) until Hamdok's cabinet"
_ABDUL_MAHDI = "held ad interim until parliament approved one for Abdul-Mahdi's cabinet"
KNOWN_GAPS: dict[tuple[str, str], tuple[tuple[datetime.date, datetime.date | None, str], ...]] = {
    ("LBN", "head_of_state"): (
        (_D(2014, 5, 25), _D(2016, 10, 31), "presidency vacant between Michel Suleiman and Michel Aoun"),
        (_D(2022, 10, 31), _D(2025, 1, 9), "presidency vacant between Michel Aoun and Joseph Aoun")),
    ("IRQ", "interior_minister"): (
        (_D(2014, 9, 8), _D(2014, 10, 18), _ABADI),
        (_D(2016, 7, 5), _D(2017, 1, 30), "held ad interim from al-Ghabban's resignation to al-Araji"),
        (_D(2018, 10, 25), _D(2019, 6, 24), _ABDUL_MAHDI)),
    ("IRQ", "defence_minister"): (
        (_D(2014, 9, 8), _D(2014, 10, 18), _ABADI),
        (_D(2016, 8, 25), _D(2017, 1, 30), "held ad interim from al-Obaidi's dismissal to al-Hayali"),
        (_D(2018, 10, 25), _D(2019, 6, 24), _ABDUL_MAHDI)),
    ("TUN", "head_of_government"): (
        (_D(2021, 7, 25), _D(2021, 10, 11), "none between Mechichi's dismissal and Bouden's appointment"),),
    ("TUN", "military_chief"): (
        (FROM, _D(2011, 4, 30), "no chief of staff of the three armies before the post was created for Rachid Ammar"),
        (_D(2013, 6, 1), None, "the joint post was not filled after Rachid Ammar retired; each service has its own")),
    ("DZA", "defence_minister"): (
        (_D(2019, 4, 2), _D(2019, 12, 19), "the President's portfolio; under the interim head of state it was run "
                                           "by deputy minister Gaid Salah"),),
    ("SDN", "head_of_government"): (
        (_D(2019, 4, 11), _D(2019, 8, 21), "none under the Transitional Military Council until Hamdok"),
        (_D(2022, 1, 2), _D(2025, 5, 19), "no appointed prime minister from Hamdok's resignation to Kamil Idris "
                                          "(caretaker ministers)")),
    ("TUN", "intelligence_chief"): (
        (FROM, None, "no single national intelligence service: the interior ministry's specialised services and the "
                     "defence ministry's military intelligence each answer to their minister"),),
    ("SDN", "defence_minister"): (
        (_D(2019, 4, 11), _D(2019, 9, 8), _TMC),
        (_D(2020, 3, 25), _D(2020, 6, 30), "held ad interim from Jamal al-Din Omar's death to Yassin Ibrahim Yassin")),
    ("SDN", "foreign_minister"): (
        (_D(2018, 4, 19), _D(2018, 6, 30), "none between Ibrahim Ghandour's dismissal and al-Dirdiri Mohamed Ahmed"),
        (_D(2019, 4, 11), _D(2019, 9, 8), _TMC)),
    ("TUN", "defence_minister"): (
        (_D(2021, 7, 26), _D(2021, 10, 11), "no minister between Bartagi's dismissal and Bouden's government"),),
    ("LBN", "military_chief"): (
        (_D(2025, 1, 9), _D(2025, 3, 13), "commanded ad interim between Joseph Aoun's election and Haykal"),),
    ("YEM", "head_of_government"): (
        (_D(2014, 9, 21), _D(2014, 11, 9), "caretaker after Basindawa resigned, until Bahah's government"),),
    ("YEM", "foreign_minister"): (
        (_D(2015, 1, 22), _D(2015, 3, 31), "Bahah's government had resigned under the Houthi takeover"),),
    ("SOM", "head_of_government"): (
        (_D(2010, 9, 21), _D(2010, 11, 1), "acting prime minister between Sharmarke's resignation and Farmajo"),),
    ("CHN", "defence_minister"): (
        (_D(2023, 10, 24), _D(2023, 12, 29), "vacant between Li Shangfu's removal and Dong Jun"),),
    ("PSE", "defence_minister"): ((FROM, None, "the Palestinian Authority has no defence ministry"),),
    ("PSE", "military_chief"): ((FROM, None, "the Palestinian Authority has no army; its security services "
                                             "answer to the President and the interior minister"),),
}


@dataclass(frozen=True, slots=True)
class Coverage:
    """Days of [FROM, until] with a known holder, and the uncovered stretches longer than a month."""

    owner: str
    office: str
    covered: float
    gaps: tuple[tuple[datetime.date, datetime.date], ...]
    # why each gap is real (vacancy, no such office), or None where a holder is simply missing
    reasons: tuple[str | None, ...] = ()

    @property
    def explained(self) -> bool:
        """Every gap is a known vacancy or absent office (the KB lacks nobody here)."""
        return bool(self.gaps) and all(self.reasons)


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
    known = KNOWN_GAPS.get((owner, office), ())
    reasons = tuple(next((why for first, last, why in known
                          if first - _SLACK <= a and (last is None or b <= last + _SLACK)), None) for a, b in gaps)
    return Coverage(owner, office, covered / ((until - FROM).days + 1), tuple(gaps), reasons)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kb", dest="kb_dirs", action="append", type=Path, default=[], metavar="DIR")
    parser.add_argument("--until", type=datetime.date.fromisoformat, default=datetime.date.today())
    args = parser.parse_args(argv)
    rows = list(coverage(KnowledgeBase.load(args.kb_dirs), args.until))
    for row in sorted(rows, key=lambda r: (r.explained, r.covered)):
        if row.gaps:
            spans = ", ".join(f"{a:%Y-%m}..{b:%Y-%m}" + (f" ({why})" if why else "")
                              for (a, b), why in zip(row.gaps, row.reasons, strict=True))
            print(f"{row.owner:5} {row.office:19} {row.covered:5.0%}  gaps: {spans}")
    full = sum(not r.gaps for r in rows)
    explained = sum(r.explained for r in rows)
    print(f"{full}/{len(rows)} state x office and IGO heads fully covered {FROM:%Y-%m}..{args.until:%Y-%m}; "
          f"mean coverage {sum(r.covered for r in rows) / len(rows):.1%}; "
          f"{explained} more whose only gaps are known vacancies or absent offices")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
