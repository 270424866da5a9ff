"""CoNLL token files and conlleval-style entity scoring.

Files: one token per line, the first whitespace field is the token and the last further field (if any) the tag;
a blank line ends a sentence. Scoring follows conlleval: an entity counts as correct only when its type and both
boundaries match the gold exactly; an I- tag that does not continue an entity of the same type opens a new one.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

Sentence = list[tuple[str, str | None]]


def parse_conll(lines: Iterable[str]) -> list[Sentence]:
    """Sentences of (token, tag-or-None) pairs; the tag is the second column when present."""
    sentences: list[Sentence] = []
    current: Sentence = []
    for line in lines:
        fields = line.split()
        if not fields:
            if current:
                sentences.append(current)
                current = []
            continue
        current.append((fields[0], fields[1] if len(fields) > 1 else None))
    if current:
        sentences.append(current)
    return sentences


def read_conll(path: Path) -> list[Sentence]:
    """Read a CoNLL file (UTF-8, BOM tolerated)."""
    with path.open(encoding="utf-8-sig") as fh:
        return parse_conll(fh)


def write_conll(path: Path, sentences: Iterable[Sequence[tuple[str, str | None]]], sep: str = "\t") -> None:
    """Write sentences as ``token<sep>tag`` lines (just the token when the tag is None), blank line between."""
    with path.open("w", encoding="utf-8") as fh:
        fh.write(format_conll(sentences, sep))


def format_conll(sentences: Iterable[Sequence[tuple[str, str | None]]], sep: str = "\t") -> str:
    """The text :func:`write_conll` writes."""
    out: list[str] = []
    for sent in sentences:
        out.extend(tok if tag is None else f"{tok}{sep}{tag}" for tok, tag in sent)
        out.append("")
    return "\n".join(out) + ("\n" if out else "")


def spans(tags: Sequence[str]) -> set[tuple[int, int, str]]:
    """Entity spans (start, end exclusive, type) under conlleval's chunking of B-/I-/O tags."""
    found: set[tuple[int, int, str]] = set()
    start, typ = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, label = tag.partition("-")
        continues = prefix == "I" and label == typ and start >= 0
        if start >= 0 and not continues:
            found.add((start, i, typ))
            start, typ = -1, ""
        if prefix in ("B", "I") and not continues:
            start, typ = i, label
    return found


@dataclass(frozen=True)
class Score:
    """Precision, recall and F1 with the counts behind them."""

    precision: float
    recall: float
    f1: float
    gold: int
    predicted: int
    correct: int


def _score(gold: int, pred: int, correct: int) -> Score:
    p = correct / pred if pred else 0.0
    r = correct / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return Score(p, r, f, gold, pred, correct)


def evaluate(gold: Sequence[Sequence[str]], predicted: Sequence[Sequence[str]]) -> dict[str, Score]:
    """Entity-level micro scores: key ``"overall"`` plus one per entity type, conlleval rules."""
    if len(gold) != len(predicted):
        raise ValueError(f"{len(gold)} gold sentences but {len(predicted)} predicted")
    counts: dict[str, list[int]] = {}
    for g_tags, p_tags in zip(gold, predicted, strict=True):
        if len(g_tags) != len(p_tags):
            raise ValueError("gold and predicted sentence lengths differ")
        g, p = spans(g_tags), spans(p_tags)
        for kind, group in ((0, g), (1, p), (2, g & p)):
            for _, _, typ in group:
                counts.setdefault(typ, [0, 0, 0])[kind] += 1
    result = {typ: _score(*c) for typ, c in sorted(counts.items())}
    total = [sum(c[k] for c in counts.values()) for k in range(3)]
    return {"overall": _score(*total), **result}


def format_scores(scores: dict[str, Score]) -> str:
    """A conlleval-like table."""
    lines = [f"{'':8} {'prec':>7} {'rec':>7} {'F1':>7} {'gold':>6} {'pred':>6}"]
    for name, s in scores.items():
        lines.append(f"{name:8} {100 * s.precision:7.2f} {100 * s.recall:7.2f} {100 * s.f1:7.2f} "
                     f"{s.gold:6d} {s.predicted:6d}")
    return "\n".join(lines)
