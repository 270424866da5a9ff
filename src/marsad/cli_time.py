"""The ``marsad evaluate time GOLD.jsonl`` subcommand (wired into the main CLI by cli.py)."""

from __future__ import annotations

import argparse
from pathlib import Path

from marsad.evaluate.time import evaluate_time
from marsad.time import TimeFinder


def add_evaluate_time(evaluate_subparsers: argparse._SubParsersAction) -> None:
    """Add ``time GOLD.jsonl [--kb DIR] [--min-accuracy X]`` under ``marsad evaluate``."""
    parser = evaluate_subparsers.add_parser("time", help="accuracy of date finding and resolution")
    parser.add_argument("gold", type=Path, help="gold JSON lines: id, text, expr, published, value")
    parser.add_argument("--kb", type=Path, action="append", default=[],
                        help="extra lexicon directory with time/*.yaml files (repeatable)")
    parser.add_argument("--min-accuracy", type=float, default=0.0,
                        help="exit with status 1 when accuracy is below this")
    parser.set_defaults(func=run_evaluate_time)


def run_evaluate_time(args: argparse.Namespace) -> int:
    finder = TimeFinder.load([kb / "time" if (kb / "time").is_dir() else kb for kb in args.kb])
    report = evaluate_time(args.gold, finder)
    return 0 if report.accuracy >= args.min_accuracy else 1
