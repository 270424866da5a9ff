"""Find the parts of a page that are not the article: share and comment blocks, menus, repeats.

The text is never cut: offsets must keep pointing into what the user gave. Boilerplate is
returned as regions that the extractors skip.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from marsad.datafile import load_yaml
from marsad.text.normalize import Normalized, normalize_key, normalized

_LINE_RE = re.compile(r"[^\n]+")
# Cut markers only count in the second part of a page: an early "التعليقات" is a heading, not the footer.
_FOOTER_FROM = 0.3


@dataclass(frozen=True, slots=True)
class BoilerplateRules:
    line_patterns: tuple[re.Pattern[str], ...]
    span_patterns: tuple[re.Pattern[str], ...]
    cut_markers: tuple[str, ...]
    max_words: int

    @classmethod
    def load(cls, extra_files: tuple[Path, ...] = ()) -> BoilerplateRules:
        shipped = resources.files("marsad") / "data/lexicons/boilerplate.yaml"
        patterns: list[re.Pattern[str]] = []
        spans: list[re.Pattern[str]] = []
        markers: list[str] = []
        max_words = 14
        for source in (shipped, *extra_files):
            data = load_yaml(source, "boilerplate")
            max_words = data.get("max_words", max_words)
            patterns += [re.compile(normalize_key(item["pattern"])) for item in data["line_patterns"]]
            spans += [re.compile(item["pattern"]) for item in data.get("span_patterns", [])]
            markers += [normalize_key(marker) for marker in data.get("cut_markers", [])]
        return cls(tuple(patterns), tuple(spans), tuple(markers), max_words)

    def regions(self, text: str | Normalized) -> list[tuple[int, int]]:
        """Boilerplate regions of ``text`` (or of the original of its normalization) as sorted, non-overlapping
        ``(start, end)`` pairs."""
        regions: list[tuple[int, int]] = []
        seen: set[str] = set()
        norm = normalized(text)
        text = norm.original
        for match in _LINE_RE.finditer(norm.text):
            line = " ".join(match.group().split())
            if not line:
                continue
            start, end = norm.span(match.start(), match.end())
            short = len(line.split()) <= self.max_words
            if short and match.start() >= _FOOTER_FROM * len(norm.text) and any(
                line.startswith(marker) for marker in self.cut_markers
            ):
                regions.append((start, len(text)))
                break
            if (short and any(p.search(line) for p in self.line_patterns)) or line in seen:
                regions.append((start, end))
            seen.add(line)
        for pattern in self.span_patterns:
            regions += [(m.start(), m.end()) for m in pattern.finditer(text)]
        return merge_regions(regions)


def merge_regions(regions: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted union of possibly overlapping regions."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(regions):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
