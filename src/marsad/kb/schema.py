"""JSON Schema validation of KB data-file sections, reporting the file and line of each error."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from jsonschema import Draft202012Validator

from marsad.errors import DataFileError
from marsad.kb.yamlio import LinedDoc

# Top-level keys a KB file may hold; each is validated by the schema file of the same name.
SECTIONS = (
    "states", "places", "organizations", "org_templates", "people",
    "offices", "titles", "honorifics", "wikidata_positions", "wikidata_classes",
)


def _schema_dir() -> Any:
    return resources.files("marsad") / "data" / "schema" / "kb"


@cache
def _validators() -> dict[str, Draft202012Validator]:
    docs = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in _schema_dir().iterdir()
            if p.name.endswith(".json")}
    return {s: Draft202012Validator(_inline(docs[f"{s}.json"], docs[f"{s}.json"], docs)) for s in SECTIONS}


def _inline(node: Any, home: dict[str, Any], docs: dict[str, Any]) -> Any:
    """The schema with every $ref replaced by its target: validation without reference look-ups is ~3x faster."""
    if isinstance(node, list):
        return [_inline(item, home, docs) for item in node]
    if not isinstance(node, dict):
        return node
    if "$ref" in node:
        name, _, pointer = node["$ref"].partition("#")
        target_doc = docs[name] if name else home
        target: Any = target_doc
        for part in pointer.strip("/").split("/"):
            target = target[part] if part else target
        rest = {k: v for k, v in node.items() if k != "$ref"}
        return {**_inline(target, target_doc, docs), **rest}
    return {k: _inline(v, home, docs) for k, v in node.items() if k != "$id"}


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
