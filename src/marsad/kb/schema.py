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
    "offices", "titles", "honorifics", "wikidata_positions",
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


def validate_doc(doc: LinedDoc) -> list[DataFileError]:
    """Every schema error in ``doc``, each naming the line of the offending value."""
    if doc.data is None:
        return []
    if not isinstance(doc.data, dict):
        return [doc.error((), f"a KB file is a mapping of sections ({', '.join(SECTIONS)})")]
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
    if err.validator == "oneOf" and err.context:
        return min(err.context, key=lambda e: len(e.message)).message
    return err.message
