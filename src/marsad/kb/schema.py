"""Validation of KB files: a mapping of sections, each checked by the schema of the same name."""

from __future__ import annotations

from pathlib import Path

from marsad.datafile import LinedDoc, check, validator
from marsad.errors import DataFileError

# Top-level keys a KB file may hold; each is validated by ``data/schema/kb/<section>.schema.json``.
SECTIONS = (
    "states", "places", "organizations", "org_templates", "people",
    "offices", "titles", "honorifics", "wikidata_positions", "wikidata_classes",
)


def sectioned(doc: LinedDoc) -> LinedDoc:
    """A bare list in ``states/``, ``places/``, ``organizations/`` or ``people/`` is that section."""
    section = Path(str(doc.path)).parent.name
    if not isinstance(doc.data, list) or section not in SECTIONS:
        return doc
    lines = {(section, *where): line for where, line in doc.lines.items()}
    return LinedDoc(doc.path, {section: doc.data}, lines)


def validate_doc(doc: LinedDoc) -> list[DataFileError]:
    """Every schema error in ``doc``, each naming the line of the offending value."""
    expected = ", ".join(SECTIONS)
    if not isinstance(doc.data, dict):
        return [doc.error((), f"a KB file is a mapping of sections ({expected}), or a bare list in a folder so named")]
    problems: list[DataFileError] = []
    for section in doc.data:
        if section in SECTIONS:
            problems += check(doc, validator(f"kb/{section}"), at=(section,))
        else:
            problems.append(doc.error((section,), f"unknown section {section!r}; expected one of {expected}"))
    return problems
