"""The one writer: documents, their analyses and errors go in batch by batch, each batch one transaction.

A batch is all or nothing, so a process killed at any moment leaves only whole batches behind; a
rerun skips what is stored (same id and content hash) and redoes the rest. Errors are keyed by
where and why they happened, so a rerun meeting the same bad document does not record it twice.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from marsad.model import Document
from marsad.store.dates import date_bounds
from marsad.store.engine import Store
from marsad.text.normalize import normalize_key

_IN_CHUNK = 500


@dataclass(frozen=True, slots=True)
class Failure:
    """A document that could not be read or analyzed, as the errors table records it."""

    origin: str
    reason: str
    stage: str  # read | analyze
    doc_id: str | None = None


@dataclass(slots=True)
class Counts:
    documents: int = 0
    skipped: int = 0
    events: int = 0
    errors: int = 0

    def add(self, other: Counts) -> None:
        self.documents += other.documents
        self.skipped += other.skipped
        self.events += other.events
        self.errors += other.errors


def now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def content_hash(document: Document) -> str:
    """What makes two versions of a document the same: every field the user gave."""
    fields = [document.id, document.text, document.title, document.url, document.outlet,
              document.published, document.lang]
    return hashlib.sha256(json.dumps(fields, ensure_ascii=False).encode("utf-8")).hexdigest()


def key(text: str | None) -> str:
    """Normalized, case-folded form used for indexed text and for what users type."""
    return normalize_key(text or "").casefold()


class Writer:
    """Writes to one store; a single writer per run keeps versions and counts consistent."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def start_run(self, command: str, analyzer_version: str) -> int:
        with self.store.transaction():
            return self.store.value(
                "INSERT INTO runs (command, analyzer_version, started_at, status) "
                "VALUES (?, ?, ?, 'running') RETURNING id",
                (command, analyzer_version, now()),
            )

    def finish_run(self, run_id: int, status: str) -> None:
        with self.store.transaction():
            self.store.execute(
                "UPDATE runs SET status = ?, finished_at = ? WHERE id = ?", (status, now(), run_id)
            )

    def stored(self, keys: Iterable[tuple[str, str]]) -> set[tuple[str, str]]:
        """Which ``(id, content hash)`` pairs are already in the store."""
        wanted = set(keys)
        ids = sorted({doc_id for doc_id, _ in wanted})
        found: set[tuple[str, str]] = set()
        for i in range(0, len(ids), _IN_CHUNK):
            chunk = ids[i:i + _IN_CHUNK]
            marks = ", ".join("?" * len(chunk))
            rows = self.store.rows(f"SELECT id, content_hash FROM documents WHERE id IN ({marks})", chunk)
            found.update((r[0], r[1]) for r in rows)
        return wanted & found

    def write_batch(
        self,
        run_id: int,
        analyzed: Sequence[tuple[Document, str, dict[str, Any], str]],
        failures: Sequence[Failure],
        skipped: int,
        analyzer_version: str,
    ) -> Counts:
        """Store new documents (with their analyses and search text) and failures, in one transaction.

        If the database refuses a document (say, a NUL character PostgreSQL cannot store), the batch
        is retried one document at a time and the refused ones are recorded as errors.
        """
        try:
            return self._write_batch(run_id, analyzed, failures, skipped, analyzer_version)
        except self.store.dialect.data_errors():
            pass
        counts = self._write_batch(run_id, [], failures, skipped, analyzer_version)
        for item in analyzed:
            try:
                counts.add(self._write_batch(run_id, [item], [], 0, analyzer_version))
            except self.store.dialect.data_errors() as error:
                refused = Failure(item[0].id, f"database refused it: {str(error).strip()}", "store", item[0].id)
                counts.add(self._write_batch(run_id, [], [refused], 0, analyzer_version))
        return counts

    def _write_batch(
        self,
        run_id: int,
        analyzed: Sequence[tuple[Document, str, dict[str, Any], str]],
        failures: Sequence[Failure],
        skipped: int,
        analyzer_version: str,
    ) -> Counts:
        counts = Counts(skipped=skipped, errors=len(failures))
        with self.store.transaction():
            for document, digest, data, searchable in analyzed:
                pk = self._insert_document(run_id, document, digest, data, searchable)
                if pk is None:
                    counts.skipped += 1
                    continue
                counts.documents += 1
                counts.events += self._insert_analysis(pk, data, analyzer_version)
            self._record(run_id, failures)
            self._count(run_id, counts)
        return counts

    def replace_analyses(
        self, run_id: int, analyzed: Sequence[tuple[int, dict[str, Any]]], failures: Sequence[Failure],
        analyzer_version: str,
    ) -> Counts:
        """Swap in new analyses of stored documents (``reanalyze``), one transaction per batch."""
        counts = Counts(errors=len(failures))
        with self.store.transaction():
            for pk, data in analyzed:
                self.store.execute("DELETE FROM analyses WHERE document_pk = ?", (pk,))
                self.store.execute(
                    "UPDATE documents SET published = COALESCE(?, published_given), published_source = ? "
                    "WHERE pk = ?",
                    (data.get("published"), data.get("published_source"), pk),
                )
                counts.documents += 1
                counts.events += self._insert_analysis(pk, data, analyzer_version)
            self._record(run_id, failures)
            self._count(run_id, counts)
        return counts

    def _insert_document(
        self, run_id: int, document: Document, digest: str, data: dict[str, Any], searchable: str,
    ) -> int | None:
        store = self.store
        if store.value("SELECT pk FROM documents WHERE id = ? AND content_hash = ?", (document.id, digest)):
            return None  # the same document twice in one input
        version = store.value("SELECT MAX(version) FROM documents WHERE id = ?", (document.id,)) or 0
        store.execute("UPDATE documents SET latest = 0 WHERE id = ? AND latest = 1", (document.id,))
        pk = store.value(
            "INSERT INTO documents (id, version, latest, content_hash, title, url, outlet, published, "
            "published_source, published_given, lang, text, run_id, stored_at) "
            "VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING pk",
            (document.id, version + 1, digest, document.title, document.url, document.outlet,
             data.get("published") or document.published, data.get("published_source"), document.published,
             document.lang, document.text, run_id, now()),
        )
        store.execute(store.dialect.index_document_sql(), (searchable, pk))
        return pk

    def _insert_analysis(self, pk: int, data: dict[str, Any], analyzer_version: str) -> int:
        store = self.store
        analysis_id = store.value(
            "INSERT INTO analyses (document_pk, analyzer_version, data, analyzed_at) VALUES (?, ?, ?, ?) "
            "RETURNING id",
            (pk, analyzer_version, json.dumps(data, ensure_ascii=False), now()),
        )
        self._upsert_actors(data)
        store.executemany(
            "INSERT INTO entities (analysis_id, start_offset, end_offset, text, type, actor_id) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [(analysis_id, e["start"], e["end"], e["text"], e["type"], (e.get("actor") or {}).get("id"))
             for e in data.get("entities", [])],
        )
        store.executemany(
            "INSERT INTO timexes (analysis_id, start_offset, end_offset, text, type, value) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [(analysis_id, t["start"], t["end"], t["text"], t["type"], t.get("value"))
             for t in data.get("timexes", [])],
        )
        events = data.get("events", [])
        for event in events:
            self._insert_event(analysis_id, pk, event, data.get("published"))
        return len(events)

    def _insert_event(self, analysis_id: int, pk: int, event: dict[str, Any], published: str | None) -> None:
        evidence = event["evidence"]
        location = event.get("location") or {}
        bounds = date_bounds(event.get("date")) or date_bounds(published) or (None, None)
        event_id = self.store.value(
            "INSERT INTO events (analysis_id, document_pk, type, mode, date, date_lo, date_hi, modality, "
            "location_name, location_key, location_country, confidence, evidence_start, evidence_end, "
            "evidence_text, evidence_key, context) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
            (analysis_id, pk, event["type"], event.get("mode"), event.get("date"), bounds[0], bounds[1],
             event.get("modality") or "asserted", location.get("name"), key(location.get("name")) or None,
             location.get("country"), event.get("confidence"), evidence["start"], evidence["end"],
             evidence["text"], key(evidence["text"]), json.dumps(event.get("context") or [])),
        )
        self.store.executemany(
            "INSERT INTO event_actors (event_id, role, position, actor_id) VALUES (?, ?, ?, ?)",
            [(event_id, role, position, ref["id"])
             for role in ("source", "target")
             for position, ref in enumerate(r for r in event.get(role) or [] if r.get("id"))],
        )

    def _upsert_actors(self, data: dict[str, Any]) -> None:
        actors: dict[str, dict[str, Any]] = {}
        for entity in data.get("entities", []):
            if entity.get("actor") and entity["actor"].get("id"):
                actors[entity["actor"]["id"]] = entity["actor"]
        for event in data.get("events", []):
            for ref in [*(event.get("source") or []), *(event.get("target") or [])]:
                if ref.get("id"):
                    actors.setdefault(ref["id"], ref)
        self.store.executemany(
            "INSERT INTO actors (id, name, name_key, country, kind) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT (id) DO UPDATE SET kind = COALESCE(actors.kind, excluded.kind)",
            [(a["id"], a.get("name") or a["id"], key(a.get("name") or a["id"]), a.get("country"),
              a.get("kind")) for a in actors.values()],
        )

    def _record(self, run_id: int, failures: Sequence[Failure]) -> None:
        self.store.executemany(
            "INSERT INTO errors (run_id, origin, doc_id, stage, reason, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (origin, stage, reason) DO NOTHING",
            [(run_id, f.origin, f.doc_id, f.stage, f.reason, now()) for f in failures],
        )

    def _count(self, run_id: int, counts: Counts) -> None:
        self.store.execute(
            "UPDATE runs SET documents = documents + ?, skipped = skipped + ?, events = events + ?, "
            "errors = errors + ? WHERE id = ?",
            (counts.documents, counts.skipped, counts.events, counts.errors, run_id),
        )
