"""``marsad explain``: why each event was (or was not) extracted, trigger by trigger."""

from __future__ import annotations

from marsad.events import Found
from marsad.model import Analysis
from marsad.summary import describe_event


def format_explanation(analysis: Analysis, found: list[Found], show_rejected: bool = True) -> str:
    """One block per trigger: the words, the rules that fired, the decision and the event it became; then the
    events no trigger names, with the words they were read from."""
    text = analysis.text
    lines = [f"{analysis.id}: published {analysis.published or 'unknown'} ({analysis.published_source or '-'})"]
    for item in found:
        if item.event is None and not show_rejected:
            continue
        start, end = item.span
        sentence = " ".join(text[item.sentence[0]:item.sentence[1]].split())
        lines.append(f"- trigger «{text[start:end]}» at {start}: {item.trigger.type}/{item.trigger.mode} "
                     f"({item.trigger.id}, {item.hit.form}, frame {item.trigger.frame})")
        lines.append(f"  rules: {', '.join(item.rules) or '-'}; cues: {', '.join(item.cues) or '-'}; "
                     f"decision: {item.decision}")
        if item.event is not None:
            lines.append(f"  event: {describe_event(item.event)}")
        lines.append(f"  sentence: {sentence[:300]}")
    implied = [event for event in analysis.events if event.trigger is None]
    if implied:
        lines.append("events no trigger names, read from the actors a sentence names (`marsad train implicit`):")
        for event in implied:
            lines.append(f"  event: {describe_event(event)} (confidence {event.confidence:.2f})")
            lines.append(f"  sentence: {' '.join(event.evidence.text.split())[:300]}")
    lines.append("events after merging:")
    lines += [f"  {describe_event(event)}" for event in analysis.events]
    return "\n".join(lines)
