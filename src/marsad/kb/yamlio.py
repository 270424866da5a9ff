"""YAML reading that remembers the line of every value, so data-file errors can name file:line."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import yaml

from marsad.errors import DataFileError

Path_ = tuple[str | int, ...]
_COMPOSER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: ~10x faster, same nodes


class LinedDoc:
    """A parsed YAML document plus the 1-based line where each value (by path) starts."""

    def __init__(self, path: Path, data: Any, lines: dict[Path_, int]) -> None:
        self.path = path
        self.data = data
        self.lines = lines

    def line(self, where: Path_) -> int:
        """Line of the deepest existing value on ``where`` (the document start if none)."""
        for cut in range(len(where), -1, -1):
            if where[:cut] in self.lines:
                return self.lines[where[:cut]]
        return 1

    def error(self, where: Path_, message: str) -> DataFileError:
        return DataFileError(str(self.path), self.line(where), message)


def read_yaml(path: Path) -> LinedDoc:
    """Parse ``path``; YAML syntax errors and duplicate keys become DataFileError with the line."""
    try:
        text = path.read_text(encoding="utf-8")
        node = yaml.compose(text, Loader=_COMPOSER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        raise DataFileError(str(path), line, f"YAML syntax: {exc.problem or exc}") from exc
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise DataFileError(str(path), None, f"cannot read: {exc}") from exc
    lines: dict[Path_, int] = {}
    data = None if node is None else _build(node, (), lines, path, yaml.SafeLoader(""))
    return LinedDoc(path, data, lines)


def _build(
    node: yaml.Node, where: Path_, lines: dict[Path_, int], path: Path, loader: yaml.SafeLoader
) -> Any:
    lines[where] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = str(loader.construct_object(key_node))
            if key in out:
                raise DataFileError(str(path), key_node.start_mark.line + 1, f"duplicate key {key!r}")
            out[key] = _build(value_node, (*where, key), lines, path, loader)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, (*where, i), lines, path, loader) for i, item in enumerate(node.value)]
    value = loader.construct_object(node)
    if isinstance(value, datetime.date | datetime.datetime):
        return value.isoformat()  # dates stay strings: the KB keeps partial ISO dates as text
    return value
