"""The temporal lexicon: month, weekday, number and relative words, loaded from YAML data files.

The shipped files live in ``marsad/data/time``; users add words by pointing at more directories
holding files of the same names. Every file is read and checked against ``data/schema/time.schema.json``
by :mod:`marsad.datafile`, so a problem is reported with the file and line it comes from. CLDR
(babel) supplies the standard month and weekday names; the files add what CLDR lacks.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import Any

from babel.dates import get_day_names, get_month_names

from marsad.datafile import LinedDoc, load_doc
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

    @cached_property
    def time_words(self) -> frozenset[str]:
        """Words that go on a time expression, not an act (بعد ظهر الأحد، بعد يومين): the units, counts and
        the first words of the parts of the day (منتصف of منتصف ليلة)."""
        parts = {words.split()[0] for words in normalized_words(self.word_list("day_parts"))}
        return frozenset({*self.units, *self.duals, *self.singulars, *self.cardinals, *parts})


def load_lexicon(extra_dirs: Sequence[Path] = ()) -> Lexicon:
    """Shipped lexicon files, then each extra directory's files of the same names, merged."""
    lexicon = Lexicon()
    locales: dict[str, list[str]] = {"months": [], "weekdays": []}
    for folder in (shipped_dir(), *map(Path, extra_dirs)):
        unknown = sorted(p.name for p in folder.glob("*.yaml") if p.stem not in FILES)
        if unknown:
            raise DataFileError(str(folder / unknown[0]), None, f"unknown time lexicon file (known: {FILES})")
        for stem in FILES:
            path = folder / f"{stem}.yaml"
            if path.exists():
                _merge(lexicon, stem, load_doc(path, "time", "files", stem), locales)
    for locale in dict.fromkeys(locales["months"]):
        for context in ("format", "stand-alone"):
            for number, name in get_month_names("wide", context, locale).items():
                lexicon.months.setdefault(normalize_key(name), number)
    for locale in dict.fromkeys(locales["weekdays"]):
        for index, name in get_day_names("wide", "format", locale).items():
            lexicon.weekdays.setdefault(normalize_key(name), index + 1)  # babel: 0 = Monday
    return lexicon


def _merge(lexicon: Lexicon, stem: str, doc: LinedDoc, locales: dict[str, list[str]]) -> None:
    """Add one validated file's words to ``lexicon``; a word with two meanings is an error."""
    data: dict[str, Any] = doc.data

    def table(target: dict[str, Any], section: str, cast: Any) -> None:
        for key, names in data.get(section, {}).items():
            for i, name in enumerate(names):
                word, value = normalize_key(name), cast(key)
                if target.get(word, value) != value:
                    raise doc.error((section, key, i), f"{section}: {name!r} means both {target[word]} and {value}")
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


def normalized_words(words: Iterable[str]) -> list[str]:
    """Normalized, de-duplicated, longest first: the order a regex alternation needs."""
    return sorted({normalize_key(w) for w in words if normalize_key(w)}, key=lambda w: (-len(w), w))
