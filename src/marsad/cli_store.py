"""The store's commands: ingest, errors, reanalyze, events, timeline, actors, docs, stats, export, migrate.

``marsad.cli`` calls :func:`add_store_commands`; every handler takes the parsed arguments and
returns the exit status (0 ok, 1 some documents failed). Errors users can act on are raised as
:class:`MarsadError`, which the main CLI prints as one line.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, BinaryIO

from marsad.errors import InputError, MarsadError
from marsad.store import open_store, query, upgrade_store
from marsad.store.pipeline import AnalyzerLike, Settings, ingest, reanalyze

EXIT_OK, EXIT_SOME_FAILED = 0, 1
_CSV_FIELDS = ("id", "text", "title", "date", "url", "outlet")
_ONE_PER_FILE = (".txt", ".text", ".html", ".htm")


def add_store_commands(subparsers: argparse._SubParsersAction) -> None:
    """Add the store's subcommands to the main ``marsad`` parser."""
    parser = subparsers.add_parser("ingest", help="analyze documents and store them with their events")
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH",
                        help="files or directories: .txt .jsonl .json .csv .html .warc(.gz) .rss .atom (.gz)")
    _database(parser)
    _analysis(parser)
    for field in _CSV_FIELDS:
        parser.add_argument(f"--csv-{field}", metavar="COLUMN", help=f"CSV column holding the {field}")
    parser.add_argument("--no-progress", action="store_true", help="no progress bar")
    parser.set_defaults(func=run_ingest)

    parser = subparsers.add_parser("reanalyze", help="re-run analysis of documents analyzed by an older version")
    _database(parser)
    _analysis(parser)
    parser.add_argument("--no-progress", action="store_true", help="no progress bar")
    parser.set_defaults(func=run_reanalyze)

    parser = subparsers.add_parser("errors", help="list documents that could not be read or analyzed")
    _database(parser)
    parser.add_argument("--limit", type=int, default=100)
    parser.set_defaults(func=_run_errors)

    parser = subparsers.add_parser("events", help="find events, with their evidence")
    _database(parser)
    _filters(parser)
    parser.add_argument("--format", choices=["table", "csv", "jsonl", "parquet"], default="table")
    parser.add_argument("-o", "--output", type=Path, help="write here (default: standard output)")
    parser.set_defaults(func=_run_events)

    parser = subparsers.add_parser("timeline", help="event counts per period and type")
    _database(parser)
    _filters(parser)
    parser.add_argument("--by", choices=["year", "month", "day"], default="month")
    parser.add_argument("--plot", type=Path, metavar="FILE", help="save a chart (PNG, SVG, PDF) instead")
    parser.set_defaults(func=_run_timeline)

    parser = subparsers.add_parser("actors", help="actors by number of events")
    _database(parser)
    parser.add_argument("--search", metavar="NAME", help="id, or part of the name")
    parser.add_argument("--country", metavar="ISO3")
    parser.add_argument("--limit", type=int, default=50)
    parser.set_defaults(func=_run_actors)

    parser = subparsers.add_parser("docs", help="stored documents, optionally full-text searched")
    _database(parser)
    parser.add_argument("--search", metavar="WORDS", help="all of these words (Arabic spelling variants match)")
    parser.add_argument("--limit", type=int, default=20)
    parser.set_defaults(func=_run_docs)

    parser = subparsers.add_parser("stats", help="what the store holds")
    _database(parser)
    parser.set_defaults(func=_run_stats)

    from marsad.export import EXPORT_FORMATS

    parser = subparsers.add_parser("export", help="export events (csv, jsonl, parquet, plover, gexf, graphml)")
    _database(parser)
    _filters(parser)
    parser.add_argument("--format", choices=sorted(EXPORT_FORMATS), required=True,
                        help="jsonl: CONTRACT analyses of documents with matching events (with --dedup: "
                             "one story per line); csv, parquet: one event per row; plover: POLECAT-style "
                             "records; gexf, graphml: actor network")
    parser.add_argument("-o", "--output", type=Path, help="write here (default: standard output)")
    parser.set_defaults(func=_run_export)

    parser = subparsers.add_parser("migrate", help="upgrade a store's schema to this marsad's (keeps every row)")
    _database(parser)
    parser.set_defaults(func=_run_migrate)


def _database(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", metavar="URL",
                        help="a SQLite file or postgresql://... (default: $MARSAD_DB, else ./marsad.db)")


def _analysis(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--kb", dest="kb_dirs", action="append", type=Path, default=[], metavar="DIR",
                        help="extra knowledge-base / lexicon directory (repeatable)")
    parser.add_argument("--jobs", type=int, default=1, help="analysis worker processes (default 1)")
    parser.add_argument("--batch-size", type=int, default=100, help="documents per transaction (default 100)")
    from marsad.cli import add_min_confidence_option

    add_min_confidence_option(parser)


def _filters(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("filters")
    group.add_argument("--actor", metavar="NAME|ID", help="an actor on either side")
    group.add_argument("--country", metavar="ISO3", help="an actor of this country on either side")
    group.add_argument("--with", dest="with_country", metavar="ISO3", help="...and one of this country opposite")
    group.add_argument("--type", metavar="TYPES", help="PLOVER types, comma-separated (CONSULT,AGREE)")
    group.add_argument("--mode", help="event mode (visit, sign, ...)")
    group.add_argument("--from", dest="date_from", metavar="DATE", help="from this date (2020, 2020-01, 2020-01-31)")
    group.add_argument("--to", dest="date_to", metavar="DATE", help="up to the end of this date")
    group.add_argument("--location", metavar="NAME", help="place name (or ISO3 of the place's country)")
    group.add_argument("--text", metavar="WORDS", help="words in the evidence")
    group.add_argument("--limit", type=int, help="at most this many events")
    group.add_argument("--dedup", action="store_true",
                       help="one row per story: the same event reported by several articles, with all its sources")


def event_filter(args: argparse.Namespace) -> query.EventFilter:
    types = [t.strip().upper() for t in (args.type or "").split(",") if t.strip()]
    return query.EventFilter(
        actor=args.actor, country=(args.country or "").upper() or None,
        with_country=(args.with_country or "").upper() or None, types=types, mode=args.mode,
        date_from=args.date_from, date_to=args.date_to, location=args.location, text=args.text,
        limit=args.limit, dedup=args.dedup,
    )


def _events(store: Any, args: argparse.Namespace) -> list[query.EventRow]:
    try:
        return query.events(store, event_filter(args))
    except ValueError as error:
        raise MarsadError(str(error)) from None


def _analyzer_version() -> str:
    from marsad import __version__

    return __version__


def _load_analyzer(args: argparse.Namespace) -> AnalyzerLike:
    from marsad.analyzer import Analyzer

    return Analyzer.load(kb_dirs=args.kb_dirs, min_confidence=args.min_confidence)


@contextmanager
def _progress(total: int | None, enabled: bool) -> Iterator[Any]:
    """A bar with documents/s and an ETA on standard error (only on a terminal unless forced)."""
    from tqdm import tqdm

    with tqdm(total=total, unit="doc", dynamic_ncols=True, disable=None if enabled else True,
              file=sys.stderr) as bar:
        yield bar


def _summary(verb: str, counts: Any, seconds: float) -> int:
    rate = (counts.documents + counts.skipped) / seconds if seconds > 0 else 0.0
    print(f"{verb} {counts.documents} documents ({counts.skipped} already stored), {counts.events} events, "
          f"{counts.errors} errors in {seconds:.1f} s ({rate:.1f} documents/s)", file=sys.stderr)
    if counts.errors:
        print("see `marsad errors` for the documents that failed and why", file=sys.stderr)
    return EXIT_SOME_FAILED if counts.errors else EXIT_OK


@contextmanager
def _csv_columns(args: argparse.Namespace) -> Iterator[None]:
    """``--csv-*`` options replace the default CSV reader for the duration of the command."""
    from marsad.ingest.csv_reader import CsvColumns, make_csv_reader
    from marsad.ingest.readers import READERS

    chosen = {field: getattr(args, f"csv_{field}") for field in _CSV_FIELDS}
    saved = {suffix: READERS[suffix] for suffix in (".csv", ".tsv")}
    if any(chosen.values()):
        READERS.update(dict.fromkeys(saved, make_csv_reader(CsvColumns(**chosen))))
    try:
        yield
    finally:
        READERS.update(saved)


def count_documents(paths: list[Path]) -> int:
    """How many documents the paths hold, for the ETA (without parsing JSON lines or pages)."""
    from marsad.ingest.readers import format_of, iter_documents, iter_files, read_bytes

    total = 0
    for path in iter_files(paths):
        if format_of(path) in _ONE_PER_FILE:
            total += 1
        elif format_of(path) in (".jsonl", ".ndjson"):
            try:
                total += sum(1 for line in read_bytes(path).splitlines() if line.strip())
            except (InputError, OSError):
                total += 1
        else:
            total += sum(1 for _ in iter_documents([path]))
    return total


def run_ingest(args: argparse.Namespace, analyzer: AnalyzerLike | None = None) -> int:
    from marsad.ingest.readers import iter_documents

    missing = [str(p) for p in args.paths if not p.exists()]
    if missing:
        raise MarsadError(f"no such file or directory: {', '.join(missing)}")
    analyzer = analyzer or _load_analyzer(args)
    settings = Settings(_analyzer_version(), jobs=args.jobs, batch_size=args.batch_size)
    show = not args.no_progress
    started = time.perf_counter()
    with _csv_columns(args):
        total = count_documents(args.paths) if show and sys.stderr.isatty() else None
        with open_store(args.db) as store, _progress(total, show) as bar:
            counts = ingest(store, iter_documents(args.paths), analyzer, settings, bar.update)
    return _summary("ingested", counts, time.perf_counter() - started)


def run_reanalyze(args: argparse.Namespace, analyzer: AnalyzerLike | None = None) -> int:
    from marsad.store.pipeline import stale_documents

    analyzer = analyzer or _load_analyzer(args)
    settings = Settings(_analyzer_version(), jobs=args.jobs, batch_size=args.batch_size)
    started = time.perf_counter()
    with open_store(args.db) as store:
        total = len(stale_documents(store, settings.analyzer_version))
        with _progress(total, not args.no_progress) as bar:
            counts = reanalyze(store, analyzer, settings, bar.update)
    return _summary("reanalyzed", counts, time.perf_counter() - started)


def _print_rows(header: tuple[str, ...], rows: list[tuple]) -> None:
    cells = [tuple("" if v is None else str(v) for v in row) for row in rows]
    widths = [min(40, max(len(h), *(len(r[i]) for r in cells))) if cells else len(h)
              for i, h in enumerate(header)]
    for row in [header, *cells]:
        print("  ".join(v[:40].ljust(w) for v, w in zip(row, widths, strict=True)).rstrip())


def _run_errors(args: argparse.Namespace) -> int:
    with open_store(args.db) as store:
        rows = query.errors(store, limit=args.limit)
    if not rows:
        print("no errors recorded")
    for created, stage, origin, reason in rows:
        print(f"{created}  {stage:<8} {origin}: {reason}")
    return EXIT_OK


def _side(actors: list[dict[str, Any]]) -> str:
    return ", ".join(f"{a['name']} ({a['country'] or a['id']})" for a in actors) or "?"


def _print_events(rows: list[query.EventRow], stories: bool) -> None:
    for row in rows:
        v = row.values
        kind = f"{v['type']}/{v['mode']}" if v["mode"] else v["type"]
        where = f" @ {v['location']}" if v["location"] else ""
        flag = "" if v["modality"] == "asserted" else f" [{v['modality']}]"
        sources = f"  ({row.sources} sources)" if row.documents is not None else ""
        print(f"{v['date'] or '?':<10}  {kind:<16} {_side(row.source)} -> {_side(row.target)}{where}{flag}"
              f"  [{v['doc_id']}]{sources}")
        print(f"    «{' '.join(v['evidence'].split())}»")
    print(f"{len(rows)} {'stories' if stories else 'events'}", file=sys.stderr)


@contextmanager
def _output(path: Path | None) -> Iterator[BinaryIO]:
    if path is None:
        yield sys.stdout.buffer
        sys.stdout.buffer.flush()
        return
    with path.open("wb") as out:
        yield out


def _run_events(args: argparse.Namespace) -> int:
    from marsad.export import write_events

    with open_store(args.db) as store:
        rows = _events(store, args)
    if args.format == "table":
        _print_events(rows, args.dedup)
        return EXIT_OK
    if args.format == "parquet" and args.output is None:
        raise MarsadError("--format parquet needs -o FILE")
    with _output(args.output) as out:
        write_events(rows, args.format, out, stories=args.dedup)
    return EXIT_OK


def _run_timeline(args: argparse.Namespace) -> int:
    from marsad.export.chart import plot, text_chart

    with open_store(args.db) as store:
        try:
            counts = query.timeline(store, event_filter(args), by=args.by)
        except ValueError as error:
            raise MarsadError(str(error)) from None
    if args.plot:
        sides = " with ".join(c for c in (args.country, args.with_country) if c) or "all actors"
        plot(counts, args.plot, f"marsad {'stories' if args.dedup else 'events'} per {args.by}: {sides}")
        print(f"wrote {args.plot}", file=sys.stderr)
    else:
        print(text_chart(counts))
    return EXIT_OK


def _run_actors(args: argparse.Namespace) -> int:
    with open_store(args.db) as store:
        rows = query.actors(store, search=args.search, country=args.country, limit=args.limit)
    _print_rows(("id", "name", "country", "kind", "events"), rows)
    return EXIT_OK


def _run_docs(args: argparse.Namespace) -> int:
    with open_store(args.db) as store:
        rows = query.documents(store, search=args.search, limit=args.limit)
    _print_rows(("id", "version", "published", "outlet", "title", "events"), rows)
    return EXIT_OK


def _run_stats(args: argparse.Namespace) -> int:
    with open_store(args.db) as store:
        stats = query.stats(store)
    for name, value in stats.items():
        if isinstance(value, dict):
            value = ", ".join(f"{k}: {n}" for k, n in value.items()) or "-"
        elif isinstance(value, tuple):
            value = " .. ".join(str(v) for v in value)
        print(f"{name:<18} {value}")
    return EXIT_OK


def _run_export(args: argparse.Namespace) -> int:
    from marsad.export import write_analyses, write_events

    if args.format == "parquet" and args.output is None:
        raise MarsadError("--format parquet needs -o FILE")
    with open_store(args.db) as store, _output(args.output) as out:
        if args.format == "jsonl" and not args.dedup:
            try:
                write_analyses(query.analyses(store, event_filter(args)), out)
            except ValueError as error:
                raise MarsadError(str(error)) from None
        else:
            write_events(_events(store, args), args.format, out, stories=args.dedup)
    return EXIT_OK


def _run_migrate(args: argparse.Namespace) -> int:
    """Upgrade explicitly, so a read-only reader (``marsad serve``) can open the store afterwards."""
    done, version = upgrade_store(args.db)
    if done:
        print(f"applied migration(s) {', '.join(map(str, done))}: the store is at schema {version}")
    else:
        print(f"nothing to do: the store is at schema {version}")
    return EXIT_OK
