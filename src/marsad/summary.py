"""A readable, terminal-sized account of one analysis: what a person checks first."""

from __future__ import annotations

from marsad.model import Analysis, Event

_EVIDENCE_CHARS = 90


def _codes(actors: list) -> str:
    return ",".join(sorted({a.code for a in actors})) or "?"


def describe_event(event: Event) -> str:
    """``CONSULT/visit USA -> MAR 2020-10 @Rabat  «evidence…»`` in one line."""
    kind = event.type + (f"/{event.mode}" if event.mode else "")
    arrow = "<->" if event.type in {"CONSULT", "AGREE", "COOPERATE"} else "->"
    where = f" @{event.location.name}" if event.location else ""
    modality = "" if event.modality == "asserted" else f" [{event.modality}]"
    evidence = " ".join(event.evidence.text.split())
    if len(evidence) > _EVIDENCE_CHARS:
        evidence = evidence[: _EVIDENCE_CHARS - 1] + "…"
    return (f"{kind:<20} {_codes(event.source)} {arrow} {_codes(event.target)}"
            f"  {event.date or '-'}{where}{modality}  «{evidence}»")


def summarize_analysis(analysis: Analysis) -> str:
    """Header line with counts, then one line per event."""
    linked = sum(1 for e in analysis.entities if e.actor)
    published = analysis.published or "unknown"
    if analysis.published_source and analysis.published_source != "given":
        published += f" ({analysis.published_source})"
    lines = [
        f"{analysis.id}: published {published}; {len(analysis.entities)} entities ({linked} linked), "
        f"{len(analysis.timexes)} dates, {len(analysis.events)} events"
    ]
    lines += [f"  {describe_event(event)}" for event in analysis.events]
    return "\n".join(lines)
