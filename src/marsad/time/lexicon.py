"""The temporal lexicon: month, weekday, number and relative words, loaded from YAML data files.

The shipped files live in ``marsad/data/time``; users add words by pointing at more directories
holding files of the same names. Every file is checked against ``schema.json`` on load, and a
problem is reported with the file and line it comes from. CLDR (babel) supplies the standard
month and weekday names; the files add what CLDR lacks.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import yaml
from babel.dates import get_day_names, get_month_names

from marsad.errors import DataFileError
from marsad.text.normalize import normalize_key

FILES = ("months", "hijri", "weekdays", "numbers", "periods", "relative")


def shipped_dir() -> Path:
    """Folder of the lexicon files that ship with the package."""
    return Path(str(resources.files("marsad") / "data" / "time"))


@dataclass
class Lexicon:
    """Normalized word -> value tables, merged from every lexicon directory."""

    months: dict[str, int] = field(default_factory=dict)
    months_ambiguous: set[str] = field(default_factory=set)
    hijri: dict[str, int] = field(default_factory=dict)
    hijri_ambiguous: set[str] = field(default_factory=set)
    weekdays: dict[str, int] = field(default_factory=dict)
    cardinals: dict[str, int] = field(default_factory=dict)
    ordinals: dict[str, int] = field(default_factory=dict)
    units: dict[str, str] = field(default_factory=dict)
    duals: dict[str, str] = field(default_factory=dict)
    definite: dict[str, str] = field(default_factory=dict)
    singulars: dict[str, str] = field(default_factory=dict)
    seasons: dict[str, str] = field(default_factory=dict)
    decades: dict[str, int] = field(default_factory=dict)
    sets: dict[str, str] = field(default_factory=dict)
    days: dict[str, int] = field(default_factory=dict)
    words: dict[str, list[str]] = field(default_factory=dict)  # plain word lists of relative.yaml etc.

    def word_list(self, name: str) -> list[str]:
        return self.words.get(name, [])


def load_lexicon(extra_dirs: Sequence[Path] = ()) -> Lexicon:
    """Shipped lexicon files, then each extra directory's files of the same names, merged."""
    schema = json.loads((shipped_dir() / "schema.json").read_text(encoding="utf-8"))
    lexicon = Lexicon()
    locales: dict[str, list[str]] = {"months": [], "weekdays": []}
    for folder in (shipped_dir(), *map(Path, extra_dirs)):
        for stem in FILES:
            path = folder / f"{stem}.yaml"
            if path.exists():
                data = _read_checked(path, schema["files"][stem], schema["definitions"])
                _merge(lexicon, stem, data, path, locales)
        unknown = sorted(p.name for p in folder.glob("*.yaml") if p.stem not in FILES)
        if unknown:
            raise DataFileError(str(folder / unknown[0]), None, f"unknown time lexicon file (known: {FILES})")
    for locale in dict.fromkeys(locales["months"]):
        for context in ("format", "stand-alone"):
            for number, name in get_month_names("wide", context, locale).items():
                lexicon.months.setdefault(normalize_key(name), number)
    for locale in dict.fromkeys(locales["weekdays"]):
        for index, name in get_day_names("wide", "format", locale).items():
            lexicon.weekdays.setdefault(normalize_key(name), index + 1)  # babel: 0 = Monday
    return lexicon


def _read_checked(path: Path, schema: dict[str, Any], definitions: dict[str, Any]) -> dict[str, Any]:
    """Parse one YAML file and validate it, naming the line of the first problem."""
    text = path.read_text(encoding="utf-8")
    try:
        node = yaml.compose(text)
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise DataFileError(str(path), mark.line + 1 if mark else None, f"not valid YAML: {error}") from None
    data = _string_keys(data if data is not None else {})
    validator = jsonschema.Draft7Validator({**schema, "definitions": definitions})
    for error in sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.absolute_path))):
        keys = list(error.absolute_path)
        if isinstance(error.instance, dict):  # an unexpected key: point at the key itself
            keys += [k for k in error.instance if repr(k) in error.message][:1]
        line = _line_of(node, keys)
        where = "/".join(map(str, error.absolute_path)) or "top level"
        raise DataFileError(str(path), line, f"{where}: {error.message}")
    return data


def _string_keys(value: Any) -> Any:
    """YAML reads ``1:`` as an int key; JSON Schema needs strings."""
    if isinstance(value, dict):
        return {str(k): _string_keys(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_string_keys(v) for v in value]
    return value


def _line_of(node: yaml.Node | None, path: list[Any]) -> int | None:
    """1-based line of the YAML node at ``path`` (or of its closest existing parent)."""
    if node is None:
        return None
    for step in path:
        child = None
        if isinstance(node, yaml.MappingNode):
            child = next((v for k, v in node.value if str(k.value) == str(step)), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
            child = node.value[step]
        if child is None:
            break
        node = child
    return node.start_mark.line + 1


def _merge(
    lexicon: Lexicon, stem: str, data: dict[str, Any], path: Path, locales: dict[str, list[str]],
) -> None:
    """Add one validated file's words to ``lexicon``; a word with two meanings is an error."""

    def table(target: dict[str, Any], section: str, cast: Any) -> None:
        for key, names in data.get(section, {}).items():
            for name in names:
                word, value = normalize_key(name), cast(key)
                if target.get(word, value) != value:
                    raise DataFileError(str(path), _find_line(path, name),
                                        f"{section}: {name!r} means both {target[word]} and {value}")
                target[word] = value

    def word_set(section: str) -> set[str]:
        return {normalize_key(w) for w in data.get(section, [])}

    if stem == "months":
        locales["months"].extend(data.get("cldr_locales", []))
        table(lexicon.months, "names", int)
        lexicon.months_ambiguous |= word_set("ambiguous")
    elif stem == "hijri":
        table(lexicon.hijri, "names", int)
        lexicon.hijri_ambiguous |= word_set("ambiguous")
        lexicon.words.setdefault("hijri_markers", []).extend(data.get("year_markers", []))
        lexicon.words.setdefault("hijri_epithets", []).extend(data.get("epithets", []))
    elif stem == "weekdays":
        locales["weekdays"].extend(data.get("cldr_locales", []))
        table(lexicon.weekdays, "names", int)
    elif stem == "numbers":
        table(lexicon.cardinals, "cardinals", int)
        table(lexicon.ordinals, "ordinals", int)
    elif stem == "periods":
        for section in ("units", "duals", "definite", "seasons", "sets"):
            table(getattr(lexicon, section), section, str)
        table(lexicon.singulars, "singular", str)
        table(lexicon.decades, "decades", int)
    else:
        table(lexicon.days, "days", int)
        for section, words in data.items():
            if section != "days":
                lexicon.words.setdefault(section, []).extend(words)


def _find_line(path: Path, word: str) -> int | None:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if word in line:
            return number
    return None


def normalized_words(words: Iterable[str]) -> list[str]:
    """Normalized, de-duplicated, longest first: the order a regex alternation needs."""
    return sorted({normalize_key(w) for w in words if normalize_key(w)}, key=lambda w: (-len(w), w))
