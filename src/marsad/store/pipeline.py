"""Ingest and reanalysis: documents flow through a pool of analyzers into the one writer.

Analysis runs in worker processes (each holds its own copy of the analyzer); the main process
reads, skips what is already stored, and writes each batch in one transaction. A few batches are
in flight at once so workers never wait for the writer.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from dataclasses import dataclass
from itertools import islice
from typing import Any, Protocol

from marsad.errors import InputError
from marsad.model import Analysis, Document
from marsad.store.engine import Store
from marsad.store.search import index_text
from marsad.store.writer import Counts, Failure, Writer, content_hash

# What a worker sends back for one document: the CONTRACT dict, or (where, reason) of a failure.
Outcome = dict[str, Any] | tuple[str, str]
Result = tuple[Outcome, str | None]  # and the document's search-index text, when asked for
Progress = Callable[[int], None]


class AnalyzerLike(Protocol):
    def analyze(self, document: Document) -> Analysis: ...


@dataclass(frozen=True, slots=True)
class Settings:
    analyzer_version: str
    jobs: int = 1
    batch_size: int = 100


_WORKER_ANALYZER: AnalyzerLike | None = None


def _init_worker(analyzer: AnalyzerLike) -> None:
    global _WORKER_ANALYZER
    _WORKER_ANALYZER = analyzer


def _analyze_one(analyzer: AnalyzerLike, document: Document) -> Outcome:
    """Never raises: an analyzer failure is one bad document, not a failed batch."""
    try:
        return analyzer.analyze(document).to_dict()
    except InputError as error:
        return (error.where, error.reason)
    except Exception as error:
        return (document.id, f"analyzer failed: {type(error).__name__}: {error}")


def _analyze_batch(documents: Sequence[Document], index: bool) -> list[Result]:
    """Outcomes, with the search-index text when ``index`` (worth computing here, off the writer)."""
    assert _WORKER_ANALYZER is not None, "worker not initialized"
    return [(_analyze_one(_WORKER_ANALYZER, d), index_text(d.title, d.text) if index else None)
            for d in documents]


class _Inline(Executor):
    """``--jobs 1``: analyze in this process, with the same interface as the pool."""

    def __init__(self, analyzer: AnalyzerLike) -> None:
        _init_worker(analyzer)

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future:
        future: Future = Future()
        future.set_result(fn(*args, **kwargs))
        return future


def _executor(analyzer: AnalyzerLike, jobs: int) -> Executor:
    if jobs <= 1:
        return _Inline(analyzer)
    return ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(analyzer,))


def _batches(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def _failure(error: InputError, stage: str, doc_id: str | None = None) -> Failure:
    return Failure(origin=error.where, reason=error.reason, stage=stage, doc_id=doc_id)


def _pipelined(
    pool: Executor, batches: Iterable[tuple[Any, list[Document]]], depth: int, index: bool,
) -> Iterator[tuple[Any, list[Result]]]:
    """Analyze batches with up to ``depth`` in flight; yield ``(tag, outcomes)`` in input order."""
    pending: deque[tuple[Any, Future]] = deque()
    for tag, documents in batches:
        pending.append((tag, pool.submit(_analyze_batch, documents, index)))
        if len(pending) > depth:
            tag, future = pending.popleft()
            yield tag, future.result()
    while pending:
        tag, future = pending.popleft()
        yield tag, future.result()


def _split(
    documents: Sequence[Any], outcomes: Sequence[Result],
) -> tuple[list, list[Failure]]:
    """Pair ``(document, ...)`` items with outcomes: ``(item, analysis dict, index text)``, and failures."""
    analyzed, failed = [], []
    for item, (outcome, searchable) in zip(documents, outcomes, strict=True):
        if isinstance(outcome, dict):
            analyzed.append((item, outcome, searchable))
        else:
            failed.append(Failure(origin=outcome[0], reason=outcome[1], stage="analyze", doc_id=item[0].id))
    return analyzed, failed


def ingest(
    store: Store,
    items: Iterable[Document | InputError],
    analyzer: AnalyzerLike,
    settings: Settings,
    progress: Progress = lambda n: None,
) -> Counts:
    """Store every new or changed document with its analysis; record the bad ones; return the counts."""
    writer = Writer(store)
    run_id = writer.start_run("ingest", settings.analyzer_version)

    def prepared() -> Iterator[tuple[Any, list[Document]]]:
        for batch in _batches(items, settings.batch_size):
            failures = [_failure(i, "read") for i in batch if isinstance(i, InputError)]
            keyed = [(d, content_hash(d)) for d in batch if isinstance(d, Document)]
            known = writer.stored((d.id, h) for d, h in keyed)
            fresh = [(d, h) for d, h in keyed if (d.id, h) not in known]
            yield (fresh, failures, len(keyed) - len(fresh)), [d for d, _ in fresh]

    return _run(writer, run_id, analyzer, settings, prepared(), progress, _write_ingested, index=True)


def _write_ingested(
    writer: Writer, run_id: int, tag: Any, outcomes: list[Result], version: str,
) -> tuple[Counts, int]:
    fresh, failures, skipped = tag
    analyzed, failed = _split(fresh, outcomes)
    rows = [(document, digest, data, searchable) for (document, digest), data, searchable in analyzed]
    counts = writer.write_batch(run_id, rows, failures + failed, skipped, version)
    return counts, len(fresh) + len(failures) + skipped


def _run(
    writer: Writer, run_id: int, analyzer: AnalyzerLike, settings: Settings,
    batches: Iterable[tuple[Any, list[Document]]], progress: Progress,
    write: Callable[[Writer, int, Any, list[Result], str], tuple[Counts, int]], index: bool,
) -> Counts:
    """Drive batches through the pool into ``write``; the run is marked done only if all went in."""
    total = Counts()
    status = "failed"
    try:
        with _executor(analyzer, settings.jobs) as pool:
            for tag, outcomes in _pipelined(pool, batches, 2 * settings.jobs, index):
                counts, seen = write(writer, run_id, tag, outcomes, settings.analyzer_version)
                total.add(counts)
                progress(seen)
        status = "done"
    finally:
        writer.finish_run(run_id, status)
    return total


def stale_documents(store: Store, analyzer_version: str) -> list[int]:
    """Latest document versions never analyzed, or analyzed by another analyzer version."""
    rows = store.rows(
        "SELECT d.pk FROM documents d LEFT JOIN analyses a ON a.document_pk = d.pk "
        "WHERE d.latest = 1 AND (a.id IS NULL OR a.analyzer_version <> ?) ORDER BY d.pk",
        (analyzer_version,),
    )
    return [r[0] for r in rows]


def _load_documents(store: Store, pks: Sequence[int]) -> list[tuple[Document, int]]:
    marks = ", ".join("?" * len(pks))
    rows = store.rows(
        f"SELECT pk, id, text, title, url, outlet, published_given, lang FROM documents WHERE pk IN ({marks}) "
        "ORDER BY pk",
        list(pks),
    )
    return [(Document(id=r[1], text=r[2], title=r[3], url=r[4], outlet=r[5], published=r[6], lang=r[7]), r[0])
            for r in rows]


def reanalyze(
    store: Store, analyzer: AnalyzerLike, settings: Settings, progress: Progress = lambda n: None,
) -> Counts:
    """Re-run analysis of documents last analyzed by an older analyzer version."""
    writer = Writer(store)
    run_id = writer.start_run("reanalyze", settings.analyzer_version)

    def prepared() -> Iterator[tuple[Any, list[Document]]]:
        for pks in _batches(stale_documents(store, settings.analyzer_version), settings.batch_size):
            loaded = _load_documents(store, pks)
            yield loaded, [d for d, _ in loaded]

    return _run(writer, run_id, analyzer, settings, prepared(), progress, _write_reanalyzed, index=False)


def _write_reanalyzed(
    writer: Writer, run_id: int, tag: Any, outcomes: list[Result], version: str,
) -> tuple[Counts, int]:
    analyzed, failed = _split(tag, outcomes)
    rows = [(pk, data) for (_, pk), data, _ in analyzed]
    return writer.replace_analyses(run_id, rows, failed, version), len(tag)
