"""The store on both engines: idempotent ingest, versions, errors, reanalysis, queries, search."""

from __future__ import annotations

import json

import pytest

from marsad.errors import InputError
from marsad.model import Analysis, Document
from marsad.store import open_store, query
from marsad.store.dates import date_bounds
from marsad.store.migrate import migration_files
from marsad.store.pipeline import Settings, ingest, reanalyze
from pg_fixture import db_url, pg_cluster, pg_url  # noqa: F401
from test_store_fakes import FakeAnalyzer

VISIT = "زار وزير خارجية المغرب أمريكا يوم 2023-04-07 في الرباط."
SIGN = "وقع المغرب وفرنسا اتفاقا يوم 2021-06-02."
ATTACK = "هاجم الجزائر المغرب في 2020-01."


def corpus() -> list[Document | InputError]:
    return [
        Document(id="visit", text=VISIT, title="زيارة", published="2023-04-09", outlet="hespress"),
        Document(id="sign", text=SIGN + "\n" + VISIT.replace("2023-04-07", "2023-05-01"), published="2023-05-02"),
        Document(id="attack", text=ATTACK, published="2020-02-01"),
        InputError("feed.jsonl:4", "malformed JSON (Expecting value at column 1)"),
        Document(id="bad", text="FAIL: this one breaks the analyzer"),
    ]


def table_counts(url: str) -> dict[str, int]:
    with open_store(url) as store:
        return {table: store.value(f"SELECT COUNT(*) FROM {table}")
                for table in ("documents", "analyses", "events", "event_actors", "entities", "actors", "errors")}


def test_migrations_are_numbered_per_engine_and_applied_once(db_url: str) -> None:  # noqa: F811
    engine = "postgresql" if db_url.startswith("postgresql") else "sqlite"
    versions = [v for v, _, _ in migration_files(engine)]
    assert versions == sorted(set(versions)) and versions[0] == 1
    for _ in range(2):
        with open_store(db_url) as store:
            assert [r[0] for r in store.rows("SELECT version FROM schema_migrations ORDER BY version")] == versions


def test_ingest_stores_analyses_and_a_rerun_is_a_no_op(db_url: str) -> None:  # noqa: F811
    with open_store(db_url) as store:
        first = ingest(store, corpus(), FakeAnalyzer(), Settings("1.0", batch_size=2))
        again = ingest(store, corpus(), FakeAnalyzer(), Settings("1.0", batch_size=2))
    assert (first.documents, first.skipped, first.events, first.errors) == (3, 0, 4, 2)
    assert (again.documents, again.skipped, again.events, again.errors) == (0, 3, 0, 2)
    counts = table_counts(db_url)
    assert counts["documents"] == 3 and counts["analyses"] == 3 and counts["events"] == 4
    assert counts["event_actors"] == 8 and counts["errors"] == 2  # errors are not recorded twice


def test_a_changed_document_is_a_new_version_and_queries_see_only_the_latest(db_url: str) -> None:  # noqa: F811
    with open_store(db_url) as store:
        ingest(store, [Document(id="d", text=VISIT)], FakeAnalyzer(), Settings("1.0"))
        ingest(store, [Document(id="d", text=SIGN)], FakeAnalyzer(), Settings("1.0"))
        rows = store.rows("SELECT version, latest FROM documents WHERE id = 'd' ORDER BY version")
        assert rows == [(1, 0), (2, 1)]
        assert [e.values["type"] for e in query.events(store, query.EventFilter())] == ["AGREE"]
        stats = query.stats(store)
    assert (stats["documents"], stats["document_versions"], stats["events"]) == (1, 2, 1)


def test_bad_documents_are_listed_with_their_reason(db_url: str) -> None:  # noqa: F811
    with open_store(db_url) as store:
        ingest(store, corpus(), FakeAnalyzer(), Settings("1.0"))
        found = {(stage, origin, reason) for _, stage, origin, reason in query.errors(store)}
    assert found == {
        ("read", "feed.jsonl:4", "malformed JSON (Expecting value at column 1)"),
        ("analyze", "bad", "cannot analyze a document that says FAIL"),
    }


def test_event_filters(db_url: str) -> None:  # noqa: F811
    with open_store(db_url) as store:
        ingest(store, corpus(), FakeAnalyzer(), Settings("1.0"))

        def types(**kwargs: object) -> list[str]:
            return sorted(e.values["type"] for e in query.events(store, query.EventFilter(**kwargs)))

        assert types() == ["AGREE", "ASSAULT", "CONSULT", "CONSULT"]
        assert types(country="MAR", with_country="USA") == ["CONSULT", "CONSULT"]
        assert types(country="USA", with_country="MAR") == ["CONSULT", "CONSULT"]
        assert types(country="FRA") == ["AGREE"]
        assert types(country="DZA", with_country="USA") == []
        assert types(types=["agree", "ASSAULT"]) == ["AGREE", "ASSAULT"]
        assert types(mode="visit") == ["CONSULT", "CONSULT"]
        assert types(date_from="2021", date_to="2023-04") == ["AGREE", "CONSULT"]
        assert types(date_from="2023-05-01") == ["CONSULT"]
        assert types(location="الرباط") == ["CONSULT", "CONSULT"]
        assert types(actor="algeria") == ["ASSAULT"]
        assert types(actor="FRA") == ["AGREE"]
        assert types(text="اتفاق") == ["AGREE"]
        assert len(query.events(store, query.EventFilter(limit=1))) == 1
        with pytest.raises(ValueError, match="--from"):
            query.events(store, query.EventFilter(date_from="last week"))
        event = query.events(store, query.EventFilter(country="FRA"))[0]
        text = store.value("SELECT text FROM documents WHERE id = ?", (event.values["doc_id"],))
        assert text[event.values["evidence_start"]:event.values["evidence_end"]] == event.values["evidence"]
        assert [a["id"] for a in event.source + event.target] == ["MAR", "FRA"]


def test_timeline_counts_per_period_and_type(db_url: str) -> None:  # noqa: F811
    with open_store(db_url) as store:
        ingest(store, corpus(), FakeAnalyzer(), Settings("1.0"))
        assert query.timeline(store, query.EventFilter(country="MAR", with_country="USA")) == [
            ("2023-04", "CONSULT", 1), ("2023-05", "CONSULT", 1)]
        assert query.timeline(store, query.EventFilter(), by="year") == [
            ("2020", "ASSAULT", 1), ("2021", "AGREE", 1), ("2023", "CONSULT", 2)]


def test_full_text_search_matches_normalized_arabic(db_url: str) -> None:  # noqa: F811
    with open_store(db_url) as store:
        ingest(store, corpus(), FakeAnalyzer(), Settings("1.0"))
        assert [r[0] for r in query.documents(store, "امريكا")] == ["sign", "visit"]  # hamza dropped
        assert [r[0] for r in query.documents(store, "أَمْرِيكَا الرباط")] == ["sign", "visit"]  # diacritics
        assert [r[0] for r in query.documents(store, "فرنسا")] == ["sign"]
        assert query.documents(store, "الصين") == []


def test_reanalyze_replaces_analyses_of_older_versions_only(db_url: str) -> None:  # noqa: F811
    with open_store(db_url) as store:
        ingest(store, corpus(), FakeAnalyzer(), Settings("1.0"))
        done = reanalyze(store, FakeAnalyzer(), Settings("2.0"))
        assert (done.documents, done.events) == (3, 4)
        assert reanalyze(store, FakeAnalyzer(), Settings("2.0")).documents == 0
        assert query.stats(store)["analyzer_versions"] == {"2.0": 3}
    counts = table_counts(db_url)
    assert counts["analyses"] == 3 and counts["events"] == 4 and counts["event_actors"] == 8


def test_worker_processes_give_the_same_store(tmp_path) -> None:
    serial, parallel = str(tmp_path / "serial.db"), str(tmp_path / "parallel.db")
    docs = [Document(id=f"d{i}", text=f"{VISIT} {i}") for i in range(30)]
    with open_store(serial) as store:
        ingest(store, docs, FakeAnalyzer(), Settings("1.0", jobs=1, batch_size=4))
    with open_store(parallel) as store:
        ingest(store, docs, FakeAnalyzer(), Settings("1.0", jobs=3, batch_size=4))
        ids = [r[0] for r in store.rows("SELECT id FROM documents ORDER BY pk")]
    assert table_counts(serial) == table_counts(parallel)
    assert ids == [d.id for d in docs]


@pytest.mark.parametrize(("value", "bounds"), [
    ("2023", ("2023-01-01", "2023-12-31")),
    ("2024-02", ("2024-02-01", "2024-02-29")),
    ("2023-04-07", ("2023-04-07", "2023-04-07")),
    ("2023-W14", ("2023-04-03", "2023-04-09")),
    ("2024-WI", ("2024-12-01", "2025-02-28")),
    ("17", ("1700-01-01", "1799-12-31")),
    ("2022-06-13/2022-06-14", ("2022-06-13", "2022-06-14")),
    ("2023-04-07T10:00:00", ("2023-04-07", "2023-04-07")),
    ("soon", None),
    (None, None),
])
def test_date_bounds(value: str | None, bounds: tuple[str, str] | None) -> None:
    assert date_bounds(value) == bounds


def test_missing_postgresql_fails_under_ci_and_skips_elsewhere(monkeypatch: pytest.MonkeyPatch) -> None:
    import pg_fixture

    monkeypatch.setattr(pg_fixture, "_CLUSTER", [])
    monkeypatch.setattr(pg_fixture, "find_bindir", lambda: None)
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match=r"scripts/test-setup\.sh"):
        pg_fixture._shared_cluster()
    monkeypatch.delenv("CI")
    with pytest.raises(pytest.skip.Exception):
        pg_fixture._shared_cluster()


def test_a_document_the_database_refuses_is_an_error_not_a_failed_batch(db_url: str) -> None:  # noqa: F811
    docs = [Document(id="ok-1", text=VISIT), Document(id="nul", text="زار\x00 المغرب"),
            Document(id="ok-2", text=SIGN)]
    engine_refuses = db_url.startswith("postgresql")  # SQLite stores NUL characters; PostgreSQL cannot
    with open_store(db_url) as store:
        counts = ingest(store, docs, FakeAnalyzer(), Settings("1.0"))
        stored = [r[0] for r in store.rows("SELECT id FROM documents ORDER BY pk")]
        errors = query.errors(store)
    assert stored == (["ok-1", "ok-2"] if engine_refuses else ["ok-1", "nul", "ok-2"])
    assert counts.errors == len(errors) == int(engine_refuses)
    if engine_refuses:
        assert errors[0][1:3] == ("store", "nul") and "NUL" in errors[0][3]


def test_stored_analyses_come_back_as_analyzed_key_order_included(db_url: str) -> None:  # noqa: F811
    docs = [d for d in corpus() if isinstance(d, Document) and d.id != "bad"]
    expected = [json.dumps(FakeAnalyzer().analyze(d).to_dict(), ensure_ascii=False) for d in docs]
    with open_store(db_url) as store:
        ingest(store, docs, FakeAnalyzer(), Settings("1.0"))
        found = [json.dumps(a, ensure_ascii=False) for a in query.analyses(store, query.EventFilter())]
    assert found == expected


class _Recording(FakeAnalyzer):
    """Remembers the publication date each document was given to the analyzer with."""

    def __init__(self) -> None:
        super().__init__(delay=0)
        self.given: dict[str, str | None] = {}

    def analyze(self, document: Document) -> Analysis:
        self.given[document.id] = document.published
        return super().analyze(document)


def test_reanalysis_sees_the_given_date_not_the_inferred_one(db_url: str) -> None:  # noqa: F811
    docs = [Document(id="undated", text=SIGN), Document(id="dated", text=SIGN, published="2021-06-05")]
    recording = _Recording()
    with open_store(db_url) as store:
        ingest(store, docs, FakeAnalyzer(delay=0), Settings("1.0"))
        assert store.rows("SELECT id, published, published_source FROM documents ORDER BY id") == [
            ("dated", "2021-06-05", "given"), ("undated", "2021-06-02", "inferred")]
        reanalyze(store, recording, Settings("2.0"))
        assert store.value("SELECT published FROM documents WHERE id = 'undated'") == "2021-06-02"
    assert recording.given == {"undated": None, "dated": "2021-06-05"}
