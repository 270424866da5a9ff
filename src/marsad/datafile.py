"""Load YAML data files and validate them against shipped JSON Schemas, naming file and line.

Lexicons, triggers and the ontology are data users extend; a typo in one must point at the line
to fix, not surface later as a silent miss.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator

from marsad.errors import DataFileError


class _LineLoader(yaml.SafeLoader):
    """A SafeLoader that remembers the line of every mapping and sequence item."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    mapping = loader.construct_mapping(node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
# Keep dates as strings: ISO values are compared as text and partial dates (2021-01) stay valid.
_LineLoader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _strip_lines(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _strip_lines(v) for k, v in value.items() if k != "__line__"}
    if isinstance(value, list):
        return [_strip_lines(v) for v in value]
    return value


def _line_of(document: Any, path: list[Any]) -> int | None:
    """The line of the innermost mapping on the JSON path of a validation error."""
    line = document.get("__line__") if isinstance(document, dict) else None
    node = document
    for key in path:
        try:
            node = node[key]
        except (KeyError, IndexError, TypeError):
            break
        if isinstance(node, dict) and "__line__" in node:
            line = node["__line__"]
    return line


@cache
def schema(name: str) -> dict[str, Any]:
    """A JSON Schema shipped in ``marsad/data/schema/``."""
    text = (resources.files("marsad") / "data/schema" / f"{name}.schema.json").read_text(encoding="utf-8")
    return json.loads(text)


def load_yaml(path: Path | Any, schema_name: str) -> Any:
    """Parse ``path`` and validate it; returns plain data with each mapping's ``__line__`` kept."""
    where = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise DataFileError(where, None, f"cannot read: {error}") from error
    try:
        document = yaml.load(text, Loader=_LineLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise DataFileError(where, mark.line + 1 if mark else None, f"invalid YAML: {error}") from error
    validator = Draft202012Validator(schema(schema_name))
    errors = sorted(validator.iter_errors(_strip_lines(document)), key=lambda e: list(e.absolute_path))
    if errors:
        first = errors[0]
        field = "/".join(str(p) for p in first.absolute_path) or "(top level)"
        raise DataFileError(where, _line_of(document, list(first.absolute_path)), f"{field}: {first.message}")
    return document


def user_files(extra_dirs: tuple[Path, ...], pattern: str) -> list[Path]:
    """User-supplied data files matching ``pattern`` in ``--kb`` style directories, sorted."""
    return [p for d in extra_dirs for p in sorted(Path(d).glob(pattern))]
