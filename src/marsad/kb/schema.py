"""JSON Schema validation of KB data-file sections, reporting the file and line of each error."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from jsonschema import Draft202012Validator
from referencing import Registry, Resource

from marsad.errors import DataFileError
from marsad.kb.yamlio import LinedDoc

# Top-level keys a KB file may hold; each is validated by the schema file of the same name.
SECTIONS = (
    "states", "places", "organizations", "org_templates", "people",
    "offices", "titles", "honorifics", "wikidata_positions", "wikidata_classes",
)


_BASE = "https://marsad.example/schema/kb/"  # the $id prefix the schema files share


def _schema_dir() -> Any:
    return resources.files("marsad") / "data" / "schema" / "kb"


@cache
def _validators() -> dict[str, Draft202012Validator]:
    folder = _schema_dir()
    docs = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in folder.iterdir()
            if p.name.endswith(".json")}
    resources_ = [(_BASE + name, Resource.from_contents(doc)) for name, doc in docs.items()]
    registry = Registry().with_resources(resources_)
    return {s: Draft202012Validator(docs[f"{s}.json"], registry=registry) for s in SECTIONS}


def sectioned(doc: LinedDoc) -> LinedDoc:
    """A bare list in ``states/``, ``places/``, ``organizations/`` or ``people/`` is that section."""
    section = doc.path.parent.name
    if not isinstance(doc.data, list) or section not in SECTIONS:
        return doc
    lines = {(section, *where): line for where, line in doc.lines.items()}
    return LinedDoc(doc.path, {section: doc.data}, lines)


def validate_doc(doc: LinedDoc) -> list[DataFileError]:
    """Every schema error in ``doc``, each naming the line of the offending value."""
    if doc.data is None:
        return []
    if not isinstance(doc.data, dict):
        expected = ", ".join(SECTIONS)
        return [doc.error((), f"a KB file is a mapping of sections ({expected}), or a bare list in a folder so named")]
    problems: list[DataFileError] = []
    validators = _validators()
    for section, value in doc.data.items():
        if section not in validators:
            expected = ", ".join(SECTIONS)
            problems.append(doc.error((section,), f"unknown section {section!r}; expected one of {expected}"))
            continue
        errors = sorted(validators[section].iter_errors(value), key=lambda e: list(map(str, e.absolute_path)))
        for err in errors:
            where = (section, *err.absolute_path)
            problems.append(doc.error(where, f"{_dotted(where)}: {_message(err)}"))
    return problems


def _dotted(where: tuple) -> str:
    return "".join(f"[{p}]" if isinstance(p, int) else (f".{p}" if i else p) for i, p in enumerate(where))


def _message(err: Any) -> str:
    """jsonschema's message, made readable where it would quote a long regex."""
    if err.validator == "oneOf" and err.context:
        err = min(err.context, key=lambda e: len(e.message))
    if err.validator == "pattern" and "description" in err.schema:
        return f"{err.instance!r} is not valid: {err.schema['description']}"
    return err.message
