"""The ``marsad`` command line: a thin layer over the Python API.

Exit status: 0 when every document was analyzed, 1 when some documents failed (each named on
stderr with its reason), 2 when the command itself could not run (bad options, missing paths,
a broken data file).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path

from marsad.cli_evaluate import add_evaluate_actors, add_evaluate_events, add_train_models
from marsad.cli_kb import add_kb_commands
from marsad.cli_ner import add_evaluate_ner, add_ner_command, add_train_ner
from marsad.cli_store import add_store_commands
from marsad.cli_time import add_evaluate_time
from marsad.cli_web import add_web_command
from marsad.errors import InputError, MarsadError

EXIT_OK, EXIT_SOME_FAILED, EXIT_FATAL = 0, 1, 2


def add_common_options(parser: argparse.ArgumentParser) -> None:
    """Options every analysis command shares."""
    parser.add_argument("--kb", dest="kb_dirs", action="append", type=Path, default=[], metavar="DIR",
                        help="extra knowledge-base / lexicon directory (repeatable)")
    parser.add_argument("--jobs", type=int, default=1, help="worker processes (default 1)")
    add_min_confidence_option(parser)


def add_min_confidence_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--min-confidence", type=float, metavar="P",
                        help="drop events whose learned confidence is below P (default: the model's threshold; "
                             "0 keeps every event)")


def _add_analyze(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("analyze", help="analyze documents and write one analysis per line")
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH",
                        help=".txt files, JSON-lines files or directories (recursive)")
    parser.add_argument("-o", "--output", type=Path, help="write JSON lines here (default: standard output)")
    parser.add_argument("--published", help="publication date for documents that have none (ISO)")
    parser.add_argument("--quiet", action="store_true", help="no summary")
    add_common_options(parser)
    parser.set_defaults(func=_run_analyze)


def _run_analyze(args: argparse.Namespace) -> int:
    from marsad.analyzer import Analyzer
    from marsad.ingest.readers import iter_documents
    from marsad.summary import summarize_analysis
    from marsad.timeutil import parse_published

    if args.published:
        try:
            parse_published(args.published)
        except ValueError as error:
            raise MarsadError(f"--published {args.published!r}: {error}") from None
    missing = [str(p) for p in args.paths if not p.exists()]
    if missing:
        raise MarsadError(f"no such file or directory: {', '.join(missing)}")
    analyzer = Analyzer.load(kb_dirs=args.kb_dirs, min_confidence=args.min_confidence)
    failed = 0

    def documents():
        nonlocal failed
        for item in iter_documents(args.paths):
            if isinstance(item, InputError):
                failed += 1
                report_error(item)
                continue
            if args.published and not item.published:
                item.published = args.published
            yield item

    out = args.output.open("w", encoding="utf-8") if args.output else sys.stdout
    summary_stream = sys.stdout if args.output else sys.stderr
    written = 0
    try:
        for result in analyzer.analyze_many(documents(), jobs=args.jobs):
            if isinstance(result, InputError):
                failed += 1
                report_error(result)
                continue
            out.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
            written += 1
            if not args.quiet:
                print(summarize_analysis(result), file=summary_stream)
    finally:
        if args.output:
            out.close()
    if not args.quiet:
        print(f"{written} document(s) analyzed, {failed} failed"
              + (f"; written to {args.output}" if args.output else ""), file=summary_stream)
    return EXIT_SOME_FAILED if failed else EXIT_OK


def _add_explain(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("explain", help="show, per trigger, the rules, dates and evidence behind each event")
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    parser.add_argument("--published", help="publication date for documents that have none (ISO)")
    parser.add_argument("--id", dest="only", action="append", default=[], help="only these document ids")
    parser.add_argument("--events-only", action="store_true", help="hide triggers that made no event")
    add_common_options(parser)
    parser.set_defaults(func=_run_explain)


def _run_explain(args: argparse.Namespace) -> int:
    from marsad.analyzer import Analyzer
    from marsad.explain import format_explanation
    from marsad.ingest.readers import iter_documents

    analyzer = Analyzer.load(kb_dirs=args.kb_dirs, min_confidence=args.min_confidence)
    failed = 0
    for item in iter_documents(args.paths):
        if isinstance(item, InputError):
            failed += 1
            report_error(item)
            continue
        if args.only and item.id not in args.only:
            continue
        item.published = item.published or args.published
        try:
            analysis, found = analyzer.analyze_explained(item)
        except InputError as error:
            failed += 1
            report_error(error)
            continue
        print(format_explanation(analysis, found, show_rejected=not args.events_only))
        print()
    return EXIT_SOME_FAILED if failed else EXIT_OK


def report_error(error: InputError) -> None:
    """One line per bad document on stderr: where and why."""
    print(f"marsad: skipped {error}", file=sys.stderr)


def build_parser() -> argparse.ArgumentParser:
    from marsad import __version__

    parser = argparse.ArgumentParser(prog="marsad", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"marsad {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks")
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _add_analyze(subparsers)
    _add_explain(subparsers)
    add_store_commands(subparsers)
    add_web_command(subparsers)
    add_kb_commands(subparsers)
    add_ner_command(subparsers)
    train = subparsers.add_parser("train", help="train the project's models from data")
    train_subparsers = train.add_subparsers(dest="model", required=True, metavar="MODEL")
    add_train_ner(train_subparsers)
    add_train_models(train_subparsers)
    evaluate = subparsers.add_parser("evaluate", help="score marsad against gold files")
    evaluate_subparsers = evaluate.add_subparsers(dest="target", required=True, metavar="WHAT")
    add_evaluate_events(evaluate_subparsers)
    add_evaluate_actors(evaluate_subparsers)
    add_evaluate_time(evaluate_subparsers)
    add_evaluate_ner(evaluate_subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.debug:
        os.environ["MARSAD_DEBUG"] = "1"
    try:
        return args.func(args)
    except MarsadError as error:
        if args.debug:
            traceback.print_exc()
        print(f"marsad: error: {error}", file=sys.stderr)
        return EXIT_FATAL
    except (FileNotFoundError, PermissionError) as error:
        if args.debug:
            traceback.print_exc()
        print(f"marsad: error: {error}", file=sys.stderr)
        return EXIT_FATAL
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
