"""Timelines: event counts per period and type, as a terminal bar chart or a matplotlib figure."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from marsad.errors import MarsadError

_BAR_WIDTH = 50


def _by_period(counts: list[tuple[str, str, int]]) -> tuple[dict[str, dict[str, int]], list[str]]:
    periods: dict[str, dict[str, int]] = defaultdict(dict)
    for period, kind, n in counts:
        periods[period][kind] = n
    return dict(periods), sorted({kind for _, kind, _ in counts})


def text_chart(counts: list[tuple[str, str, int]]) -> str:
    """One line per period: total, a bar scaled to the busiest period, and the counts per type."""
    periods, _ = _by_period(counts)
    if not periods:
        return "no dated events match"
    peak = max(sum(kinds.values()) for kinds in periods.values())
    width = max(len(p) for p in periods)
    lines = []
    for period in sorted(periods):
        kinds = periods[period]
        total = sum(kinds.values())
        bar = "█" * max(1, round(_BAR_WIDTH * total / peak))
        detail = " ".join(f"{k}:{n}" for k, n in sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0])))
        lines.append(f"{period:<{width}} {total:>6} {bar}  {detail}")
    return "\n".join(lines)


def plot(counts: list[tuple[str, str, int]], path: Path, title: str) -> None:
    """A stacked bar chart per period and type, saved to ``path`` (format from its suffix)."""
    try:
        import matplotlib
    except ImportError:
        raise MarsadError("--plot needs matplotlib: pip install 'marsad[plot]'") from None

    matplotlib.use("Agg")  # files only: no display needed
    import matplotlib.pyplot as plt

    periods, kinds = _by_period(counts)
    labels = sorted(periods)
    figure, axes = plt.subplots(figsize=(max(6.0, 0.35 * len(labels) + 2), 4.5))
    bottom = [0] * len(labels)
    for kind in kinds:
        values = [periods[p].get(kind, 0) for p in labels]
        axes.bar(labels, values, bottom=bottom, label=kind)
        bottom = [b + v for b, v in zip(bottom, values, strict=True)]
    axes.set_title(title)
    axes.set_ylabel("events")
    axes.tick_params(axis="x", labelrotation=90)
    if kinds:
        axes.legend(fontsize="small", ncols=2)
    figure.tight_layout()
    figure.savefig(path)
    plt.close(figure)
