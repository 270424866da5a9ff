"""Check an analysis against the CONTRACT: the shipped JSON Schema, and offsets that index the text."""

from __future__ import annotations

from typing import Any

from jsonschema import Draft202012Validator

from marsad.datafile import schema


def contract_errors(analysis: dict[str, Any], text: str) -> list[str]:
    """Every way ``analysis`` (JSON form) breaks the contract for document ``text``; empty when it holds."""
    validator = Draft202012Validator(schema("analysis"))
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(analysis)]
    spans: list[tuple[str, dict[str, Any]]] = []
    spans += [(f"entities/{i}", e) for i, e in enumerate(analysis.get("entities", []))]
    spans += [(f"timexes/{i}", t) for i, t in enumerate(analysis.get("timexes", []))]
    for i, event in enumerate(analysis.get("events", [])):
        spans.append((f"events/{i}/evidence", event["evidence"]))
        spans += [(f"events/{i}/mentions/{j}", m) for j, m in enumerate(event.get("mentions", []))]
        if event.get("trigger"):
            spans.append((f"events/{i}/trigger", event["trigger"]))
    for where, span in spans:
        if text[span["start"]:span["end"]] != span["text"]:
            errors.append(f"{where}: text[{span['start']}:{span['end']}] != {span['text']!r}")
    return errors
