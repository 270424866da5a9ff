"""The store's commands end to end: ingest from files, then every query and export format."""

from __future__ import annotations

import argparse
import csv
import json
from pathlib import Path

import networkx as nx
import pyarrow.parquet as pq
import pytest

from marsad.cli_store import add_store_commands, run_ingest, run_reanalyze
from marsad.errors import MarsadError
from test_store_fakes import FakeAnalyzer

DATA = Path(__file__).parent / "data" / "ingest"
ARTICLES = [
    {"id": "visit", "text": "زار وزير خارجية المغرب أمريكا يوم 2023-04-07 في الرباط.", "published": "2023-04-09",
     "title": "زيارة", "url": "https://example.ma/1", "outlet": "hespress"},
    {"id": "deal", "text": "وقع المغرب وفرنسا اتفاقا يوم 2021-06-02.", "published": "2021-06-03"},
    {"id": "attack", "text": "هاجم الجزائر المغرب في 2020-01.", "published": "2020-02-01"},
]


def parse(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="marsad")
    add_store_commands(parser.add_subparsers(dest="command", required=True))
    return parser.parse_args(argv)


@pytest.fixture
def db(tmp_path: Path) -> str:
    source = tmp_path / "articles.jsonl"
    source.write_text("\n".join(json.dumps(a, ensure_ascii=False) for a in ARTICLES) + "\n{broken\n",
                      encoding="utf-8")
    url = str(tmp_path / "marsad.db")
    assert run_ingest(parse("ingest", str(source), "--db", url, "--no-progress"), FakeAnalyzer()) == 1
    return url


def run(*argv: str) -> int:
    args = parse(*argv)
    return args.func(args)


def test_ingest_summary_and_rerun(db: str, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    source = tmp_path / "articles.jsonl"
    assert run_ingest(parse("ingest", str(source), "--db", db, "--no-progress"), FakeAnalyzer()) == 1
    assert "ingested 0 documents (3 already stored), 0 events, 1 errors" in capsys.readouterr().err
    assert run("errors", "--db", db) == 0
    assert "articles.jsonl:4: malformed JSON" in capsys.readouterr().out


def test_ingest_mixed_formats_with_csv_options(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    url = str(tmp_path / "m.db")
    args = parse("ingest", str(DATA / "custom.csv"), str(DATA / "feed.atom"), str(DATA / "crawl.warc.gz"),
                 "--db", url, "--csv-text", "contenu", "--csv-id", "ref", "--no-progress")
    assert run_ingest(args, FakeAnalyzer()) == 0
    assert "ingested 5 documents" in capsys.readouterr().err
    assert run("docs", "--db", url, "--search", "بوريطة", "--limit", "10") == 0
    listed = capsys.readouterr().out
    assert "c-1" in listed and "https://www.hespress.com/politics/1.html" in listed and "c-2" not in listed


def test_events_table_shows_evidence(db: str, capsys: pytest.CaptureFixture) -> None:
    assert run("events", "--db", db, "--country", "mar", "--with", "usa") == 0
    out = capsys.readouterr().out
    assert "CONSULT/visit" in out and "Morocco (MAR) -> United States (USA)" in out
    assert "«زار وزير خارجية المغرب أمريكا يوم 2023-04-07 في الرباط»" in out


def test_bad_filter_is_a_clear_error(db: str) -> None:
    with pytest.raises(MarsadError, match="--from"):
        run("events", "--db", db, "--from", "yesterday")


def test_events_csv_jsonl_and_parquet(db: str, tmp_path: Path) -> None:
    for fmt in ("csv", "jsonl", "parquet"):
        assert run("events", "--db", db, "--type", "CONSULT,AGREE", "--format", fmt,
                   "-o", str(tmp_path / f"e.{fmt}")) == 0
    rows = list(csv.DictReader((tmp_path / "e.csv").open(encoding="utf-8")))
    assert sorted(r["type"] for r in rows) == ["AGREE", "CONSULT"]
    agree = next(r for r in rows if r["type"] == "AGREE")
    assert (agree["source_ids"], agree["target_countries"], agree["date"]) == ("MAR", "FRA", "2021-06-02")
    events = [json.loads(line) for line in (tmp_path / "e.jsonl").read_text(encoding="utf-8").splitlines()]
    visit = next(e for e in events if e["type"] == "CONSULT")
    assert visit["evidence"]["text"].startswith("زار") and visit["url"] == "https://example.ma/1"
    table = pq.read_table(tmp_path / "e.parquet")
    assert table.num_rows == 2 and table.schema.field("confidence").type == "double"


def test_export_formats(db: str, tmp_path: Path) -> None:
    for fmt in ("jsonl", "plover", "gexf", "graphml", "parquet"):
        assert run("export", "--db", db, "--format", fmt, "-o", str(tmp_path / f"x.{fmt}")) == 0
    analyses = [json.loads(line) for line in (tmp_path / "x.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {a["id"] for a in analyses} == {"visit", "deal", "attack"}
    assert all(a["schema"] == "marsad.analysis/1" for a in analyses)
    plover = [json.loads(line) for line in (tmp_path / "x.plover").read_text(encoding="utf-8").splitlines()]
    attack = next(r for r in plover if r["event_type"] == "ASSAULT")
    assert (attack["actor_country"], attack["recipient_country"], attack["quad_code"]) == (
        "DZA", "MAR", "material conflict")
    graph = nx.read_gexf(tmp_path / "x.gexf")
    assert graph.has_edge("MAR", "USA") and graph.nodes["USA"]["label"] == "United States"
    assert nx.read_graphml(tmp_path / "x.graphml").has_edge("DZA", "MAR")
    assert pq.read_table(tmp_path / "x.parquet").num_rows == 3
    assert run("export", "--db", db, "--format", "jsonl", "--type", "ASSAULT", "-o", str(tmp_path / "a.jsonl")) == 0
    assert [json.loads(x)["id"] for x in (tmp_path / "a.jsonl").read_text().splitlines()] == ["attack"]


def test_timeline_chart_and_plot(db: str, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    assert run("timeline", "--db", db, "--by", "year") == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in lines] == ["2020", "2021", "2023"]
    assert "CONSULT:1" in lines[2]
    assert run("timeline", "--db", db, "--country", "MAR", "--plot", str(tmp_path / "t.png")) == 0
    assert (tmp_path / "t.png").read_bytes().startswith(b"\x89PNG")


def test_actors_stats_and_reanalyze(db: str, capsys: pytest.CaptureFixture) -> None:
    assert run("actors", "--db", db) == 0
    first = capsys.readouterr().out.splitlines()[1].split()
    assert first[0] == "MAR" and first[-1] == "3"
    assert run("stats", "--db", db) == 0
    stats = capsys.readouterr().out
    assert "events             3" in stats and "errors             1" in stats
    assert run_reanalyze(parse("reanalyze", "--db", db, "--no-progress"), FakeAnalyzer()) == 0
    assert "reanalyzed 0 documents" in capsys.readouterr().err  # already analyzed by this version
