"""Cross-article deduplication: the same event reported by several articles is one story with all its sources."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import networkx as nx
import pytest
from fastapi.testclient import TestClient

from marsad.model import Document
from marsad.store import open_store, query
from marsad.store.pipeline import Settings, ingest
from marsad.store.query import EventFilter, EventRow
from marsad.store.stories import group_stories
from marsad.web import create_app
from pg_fixture import db_url, pg_cluster, pg_url  # noqa: F401
from test_store_cli import parse, run
from test_store_fakes import FakeAnalyzer

VISIT = "زار وزير خارجية المغرب أمريكا يوم {} في الرباط."
VISIT_NOWHERE = "زار وزير خارجية المغرب أمريكا يوم {}."
RETURN_VISIT = "زار وزير خارجية أمريكا المغرب يوم {}."
UNDATED = "زار وزير خارجية المغرب أمريكا."


def stories(url: str, texts: list[str], **kwargs: object) -> list[EventRow]:
    """Store one document per text (all published the same day) and query them as stories."""
    documents = [Document(id=f"doc{i}", text=t, published="2023-04-10") for i, t in enumerate(texts)]
    with open_store(url) as store:
        ingest(store, documents, FakeAnalyzer(), Settings("1.0"))
        return query.events(store, EventFilter(dedup=True, **kwargs))  # type: ignore[arg-type]


def test_the_same_visit_a_day_apart_is_one_story_with_two_sources(db_url: str) -> None:  # noqa: F811
    found = stories(db_url, [VISIT.format("2023-04-08"), VISIT_NOWHERE.format("2023-04-07")])
    assert len(found) == 1
    story = found[0]
    assert story.sources == 2 and story.values["date"] == "2023-04-07"  # the earliest report represents it
    assert story.values["location"] is None  # the earliest report, as it is: a missing location is compatible
    assert [d["doc_id"] for d in story.documents or []] == ["doc1", "doc0"]
    assert story.documents and all(d["evidence"].startswith("زار") for d in story.documents)


def test_three_days_apart_are_two_stories(db_url: str) -> None:  # noqa: F811
    found = stories(db_url, [VISIT.format("2023-04-07"), VISIT.format("2023-04-10")])
    assert [s.sources for s in found] == [1, 1]
    assert [s.values["date"] for s in found] == ["2023-04-10", "2023-04-07"]  # latest first, as events are


def test_undated_events_never_merge_across_articles(db_url: str) -> None:  # noqa: F811
    assert [s.sources for s in stories(db_url, [UNDATED, UNDATED + " "])] == [1, 1]


def test_symmetric_types_merge_either_way_round(db_url: str) -> None:  # noqa: F811
    found = stories(db_url, [VISIT.format("2023-04-07"), RETURN_VISIT.format("2023-04-07")])
    assert len(found) == 1 and found[0].sources == 2


def test_directed_types_do_not_merge_reversed(db_url: str) -> None:  # noqa: F811
    texts = ["هاجم الجزائر المغرب في 2020-01-05.", "هاجم المغرب الجزائر في 2020-01-05.",
             "هاجم الجزائر المغرب يوم 2020-01-05 ليلا."]
    found = stories(db_url, texts)
    assert sorted(s.sources for s in found) == [1, 2]


def test_limit_offset_count_and_timeline_are_per_story(db_url: str) -> None:  # noqa: F811
    texts = [VISIT.format("2023-04-07"), VISIT.format("2023-04-08"), VISIT.format("2023-05-20")]
    page = stories(db_url, texts, limit=1, offset=1)
    assert len(page) == 1 and page[0].sources == 2  # the second story, whole although its events are 2 rows
    with open_store(db_url) as store:
        assert query.count_events(store, EventFilter(dedup=True)) == 2
        assert query.count_events(store, EventFilter()) == 3
        assert query.timeline(store, EventFilter(dedup=True), by="month") == [
            ("2023-04", "CONSULT", 1), ("2023-05", "CONSULT", 1)]


def row(event_id: int, doc: str, date: str | None, location: str | None) -> EventRow:
    values = {"id": event_id, "doc_id": doc, "type": "CONSULT", "date": date, "location": location,
              "evidence": f"evidence {event_id}"}
    return EventRow(values, [{"id": "MAR", "name": "Morocco", "country": "MAR"}],
                    [{"id": "Q1", "name": "Someone", "country": None}])


def test_grouping_locations_and_coarse_dates() -> None:
    rows = [row(1, "a", "2023-04", "الرباط"), row(2, "b", "2023-04", None), row(3, "c", "2023-04", "باريس"),
            row(4, "d", "2023", None), row(5, "e", "2023-04-01", None)]
    found = group_stories(rows)
    assert [[d["doc_id"] for d in s.documents or []] for s in found] == [["a", "b"], ["c"], ["d"], ["e"]]


@pytest.fixture
def cli_db(tmp_path: Path) -> str:
    source = tmp_path / "visits.jsonl"
    articles = [{"id": "one", "text": VISIT.format("2023-04-07"), "published": "2023-04-07"},
                {"id": "two", "text": RETURN_VISIT.format("2023-04-08"), "published": "2023-04-08"},
                {"id": "three", "text": VISIT.format("2023-06-01"), "published": "2023-06-01"}]
    source.write_text("\n".join(json.dumps(a, ensure_ascii=False) for a in articles) + "\n", encoding="utf-8")
    url = str(tmp_path / "marsad.db")
    assert run_ingest_quietly(source, url) == 0
    return url


def run_ingest_quietly(source: Path, url: str) -> int:
    from marsad.cli_store import run_ingest

    return run_ingest(parse("ingest", str(source), "--db", url, "--no-progress"), FakeAnalyzer())


def test_cli_events_timeline_and_exports_collapse_stories(
    cli_db: str, tmp_path: Path, capsys: pytest.CaptureFixture,
) -> None:
    capsys.readouterr()
    assert run("events", "--db", cli_db, "--dedup") == 0
    out, err = capsys.readouterr()
    assert "(2 sources)" in out and "(1 sources)" in out and "2 stories" in err
    assert run("events", "--db", cli_db, "--dedup", "--format", "csv") == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [int(r["sources"]) for r in rows] == [1, 2]
    assert [d["doc_id"] for d in json.loads(rows[1]["documents"])] == ["one", "two"]
    assert run("timeline", "--db", cli_db, "--dedup", "--by", "year") == 0
    assert capsys.readouterr().out.split()[:2] == ["2023", "2"]
    assert run("export", "--db", cli_db, "--dedup", "--format", "jsonl") == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [line["sources"] for line in lines] == [1, 2]
    assert run("export", "--db", cli_db, "--dedup", "--format", "plover") == 0
    assert [json.loads(line)["sources"] for line in capsys.readouterr().out.splitlines()] == [1, 2]
    graph_path = tmp_path / "g.graphml"
    assert run("export", "--db", cli_db, "--dedup", "--format", "graphml", "-o", str(graph_path)) == 0
    graph = nx.read_graphml(graph_path)
    assert sum(d["weight"] for _, _, d in graph.edges(data=True)) == 2  # stories, not 3 events


def test_web_api_passes_dedup(cli_db: str) -> None:
    client = TestClient(create_app(cli_db))
    found = client.get("/api/events", params={"dedup": 1}).json()
    assert found["total"] == 2 and [e["sources"] for e in found["events"]] == [1, 2]
    assert "sources" not in client.get("/api/events").json()["events"][0]
    months = client.get("/api/timeline", params={"dedup": 1, "by": "year"}).json()
    assert months == [{"period": "2023", "type": "CONSULT", "count": 2}]
