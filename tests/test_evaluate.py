"""The event scorer: CONTRACT.md's matching rule, one-to-one precision, and confidence bands."""

from __future__ import annotations

from marsad.evaluate.events import EventScore, dates_agree, events_match, score_document
from marsad.model import Actor, Analysis, Event, Span


def _ref(code: str, org: str | None = None) -> dict:
    return {"id": f"PER.X_{code}" if org else code, "name": code, "country": None if org else code,
            **({"org": org} if org else {})}


def _extracted(kind: str, source: str, target: str, date: str | None = None, **ref) -> dict:
    return {"type": kind, "source": [_ref(source, **ref)], "target": [_ref(target)], "date": date}


def test_symmetric_types_match_either_way_round_directed_types_do_not():
    gold = {"type": "CONSULT", "source": ["USA"], "target": ["MAR"], "date": "2023-04-07"}
    assert events_match(_extracted("CONSULT", "MAR", "USA"), gold, False, None)
    accuse = dict(gold, type="ACCUSE")
    assert events_match(_extracted("ACCUSE", "USA", "MAR"), accuse, False, None)
    assert not events_match(_extracted("ACCUSE", "MAR", "USA"), accuse, False, None)


def test_dates_agree_at_the_gold_granularity():
    assert dates_agree("2023-04-07", "2023-04")
    assert dates_agree("2022-06-13/2022-06-14", "2022-06-13")
    assert not dates_agree("2023-05-01", "2023-04")
    assert not dates_agree(None, "2023")
    assert dates_agree(None, None)


def test_a_week_or_season_agrees_with_the_month_or_year_it_starts_in_and_a_day_with_its_week():
    assert dates_agree("2018-W24", "2018-06") and dates_agree("2018-W24", "2018")
    assert dates_agree("2024-SU", "2024-06")
    assert not dates_agree("2018-W24", "2018-07") and not dates_agree("2018-W24", "2018-06-12")
    assert dates_agree("2018-06-13", "2018-W24") and not dates_agree("2018-06-18", "2018-W24")


def test_an_official_acting_for_an_organization_matches_its_code():
    gold = {"type": "REQUEST", "source": ["UN"], "target": ["SYR"], "date": None}
    assert events_match(_extracted("REQUEST", "BAN", "SYR", org="UN"), gold, False, None)


def test_duplicates_count_against_one_to_one_precision_and_bands_tally():
    def event(confidence: float) -> Event:
        return Event("CONSULT", "visit", [Actor("USA", "USA", "USA", "state")], [Actor("MAR", "MAR", "MAR", "state")],
                     Span(0, 1, "x"), date="2023-04-07", confidence=confidence)

    analysis = Analysis("d", "x", published="2023-04-09", events=[event(0.7), event(0.3)])
    gold = {"events": [{"type": "CONSULT", "source": ["USA"], "target": ["MAR"], "date": "2023-04-07"}]}
    score = EventScore()
    score_document(score, analysis, gold, with_dates=True)
    assert (score.precision, score.precision_one_to_one, score.recall) == (1.0, 0.5, 1.0)
    assert score.by_confidence[0.6, True] == 1 and score.by_confidence[0.2, True] == 1
