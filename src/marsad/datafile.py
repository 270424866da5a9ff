"""Read YAML data files and check them against shipped JSON Schemas, naming file and line.

Lexicons, gazetteers, the ontology and the knowledge base are data users extend; a typo in one must
point at the line to fix, not surface later as a silent miss. Every data loader reads through here,
so every data file gets the same guarantees: UTF-8 text only, one YAML document, no duplicate keys,
dates kept as text, and each problem reported as ``file:line: what``.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Sequence
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path, PurePosixPath
from typing import Any

import yaml
from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

from marsad.errors import DataFileError

Where = tuple[str | int, ...]
# A user data directory (``--kb DIR``) mirrors the package's data layout: these folders.
USER_DATA_PARTS = ("kb", "time", "lexicons")
_COMPOSER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: ~10x faster, same nodes


class LinedDoc:
    """A parsed YAML document plus the 1-based line where each value (by path) starts."""

    def __init__(self, path: Path | Traversable, data: Any, lines: dict[Where, int]) -> None:
        self.path = path
        self.data = data
        self.lines = lines

    def line(self, where: Where) -> int:
        """Line of the deepest existing value on ``where`` (the document start if none)."""
        for cut in range(len(where), -1, -1):
            if where[:cut] in self.lines:
                return self.lines[where[:cut]]
        return 1

    def error(self, where: Where, message: str) -> DataFileError:
        return DataFileError(str(self.path), self.line(where), message)


def read_yaml(path: Path | Traversable) -> LinedDoc:
    """Parse ``path`` into plain data (mapping keys as strings) with the line of every value."""
    text = _text(path)
    try:
        node = yaml.compose(text, Loader=_COMPOSER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        raise DataFileError(str(path), line, f"invalid YAML: {exc.problem or exc}") from None
    except yaml.YAMLError as exc:  # a reader error: a control character in the text
        position = getattr(exc, "position", None)
        line = text.count("\n", 0, position) + 1 if position is not None else None
        raise DataFileError(str(path), line, f"invalid YAML: {exc}") from None
    if node is None:
        raise DataFileError(str(path), None, "empty: the file holds no YAML data")
    lines: dict[Where, int] = {}
    data = _build(node, (), lines, str(path), yaml.SafeLoader(""))
    return LinedDoc(path, data, lines)


def _text(path: Path | Traversable) -> str:
    """The file's text; binary or non-UTF-8 content is refused with the line where it starts."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DataFileError(str(path), None, f"cannot read: {exc.strerror or exc}") from None
    if b"\x00" in raw:
        line = raw.count(b"\n", 0, raw.index(b"\x00")) + 1
        raise DataFileError(str(path), line, "binary data (a NUL byte): a data file is UTF-8 YAML text")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise DataFileError(str(path), line, f"not UTF-8 text (byte {raw[exc.start]:#04x}); save it as UTF-8") from None


def _build(node: yaml.Node, where: Where, lines: dict[Where, int], path: str, loader: yaml.SafeLoader) -> Any:
    lines[where] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = str(loader.construct_object(key_node))  # ``4:`` is a key "4": JSON Schema keys are strings
            if key in out:
                raise DataFileError(path, key_node.start_mark.line + 1, f"duplicate key {key!r}")
            out[key] = _build(value_node, (*where, key), lines, path, loader)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, (*where, i), lines, path, loader) for i, item in enumerate(node.value)]
    value = loader.construct_object(node)
    if isinstance(value, datetime.date | datetime.datetime):
        return value.isoformat()  # dates stay text: ISO values compare as text, partial dates (2021-01) stay valid
    return value


@cache
def schema(name: str) -> dict[str, Any]:
    """A JSON Schema shipped as ``marsad/data/schema/<name>.schema.json`` (name may hold a folder: ``kb/people``)."""
    text = (resources.files("marsad") / "data/schema" / f"{name}.schema.json").read_text(encoding="utf-8")
    return json.loads(text)


@cache
def validator(name: str, *pointer: str) -> Draft202012Validator:
    """A validator for schema ``name`` (or its part at ``pointer``), every ``$ref`` inlined: ~3x faster."""
    part: Any = schema(name)
    for key in pointer:
        part = part[key]
    return Draft202012Validator(_inline(part, name))


def _inline(node: Any, name: str) -> Any:
    """``node`` with each ``$ref`` (``#/...`` or ``other.schema.json#/...`` beside ``name``) replaced by its target."""
    if isinstance(node, list):
        return [_inline(item, name) for item in node]
    if not isinstance(node, dict):
        return node
    if "$ref" in node:
        file, _, pointer = node["$ref"].partition("#")
        target_name = str(PurePosixPath(name).parent / file.removesuffix(".schema.json")) if file else name
        target: Any = schema(target_name)
        for key in filter(None, pointer.split("/")):
            target = target[key]
        rest = {k: v for k, v in node.items() if k != "$ref"}
        return {**_inline(target, target_name), **_inline(rest, name)}
    return {k: _inline(v, name) for k, v in node.items() if k != "$id"}


def check(doc: LinedDoc, checker: Draft202012Validator, at: Where = ()) -> list[DataFileError]:
    """Every schema error of the value at ``at`` in ``doc``, each at the line of the offending value or key."""
    value = doc.data
    for key in at:
        value = value[key]
    errors = sorted(checker.iter_errors(value), key=lambda e: [str(p) for p in e.absolute_path])
    return [_located(doc, (*at, *err.absolute_path), err) for err in errors]


def _located(doc: LinedDoc, where: Where, err: ValidationError) -> DataFileError:
    line_at = where
    if isinstance(err.instance, dict):  # an unexpected key: point at the key itself, not its mapping
        line_at += tuple(k for k in err.instance if repr(k) in err.message)[:1]
    field = "/".join(map(str, where)) or "(top level)"
    return doc.error(line_at, f"{field}: {_message(err)}")


def _message(err: ValidationError) -> str:
    """jsonschema's message, made readable where it would quote a long regex or every oneOf branch."""
    if err.validator == "oneOf" and err.context:
        err = min(err.context, key=lambda e: len(e.message))
    if err.validator == "pattern" and "description" in err.schema:
        return f"{err.instance!r} is not valid: {err.schema['description']}"
    return err.message


def load_doc(path: Path | Traversable, schema_name: str, *pointer: str) -> LinedDoc:
    """Read ``path`` and validate it against ``schema_name`` (its part at ``pointer``); raises the first problem."""
    doc = read_yaml(path)
    problems = check(doc, validator(schema_name, *pointer))
    if problems:
        raise problems[0]
    return doc


def load_yaml(path: Path | Traversable, schema_name: str) -> Any:
    """Parse ``path`` and validate it; returns plain data with each mapping's ``__line__`` kept."""
    doc = load_doc(path, schema_name)
    return _with_lines(doc.data, (), doc.lines)


def _with_lines(value: Any, where: Where, lines: dict[Where, int]) -> Any:
    if isinstance(value, dict):
        return {**{k: _with_lines(v, (*where, k), lines) for k, v in value.items()}, "__line__": lines[where]}
    if isinstance(value, list):
        return [_with_lines(v, (*where, i), lines) for i, v in enumerate(value)]
    return value


def check_user_roots(roots: Sequence[Path]) -> None:
    """Refuse a ``--kb`` directory that is missing or holds none of the data folders."""
    for folder in map(Path, roots):
        if not folder.is_dir():
            raise DataFileError(str(folder), None, "not a directory")
        if not any((folder / part).is_dir() for part in USER_DATA_PARTS):
            raise DataFileError(str(folder), None, f"no data here: expected one of {', '.join(USER_DATA_PARTS)}/")


def user_dirs(roots: Sequence[Path], part: str) -> tuple[Path, ...]:
    """The ``part`` folder (kb, time or lexicons) of each ``--kb`` directory that has one, in order."""
    return tuple(Path(d) / part for d in roots if (Path(d) / part).is_dir())


def user_files(extra_dirs: tuple[Path, ...], pattern: str) -> list[Path]:
    """User-supplied data files matching ``pattern`` in ``--kb`` style directories, sorted."""
    return [p for d in extra_dirs for p in sorted(Path(d).glob(pattern))]
