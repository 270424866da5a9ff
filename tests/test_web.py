"""The web interface over a real store (example articles, real analyzer): API, pages, escaping, bad input."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from marsad import __version__
from marsad.analyzer import Analyzer
from marsad.ingest.readers import iter_documents
from marsad.store import open_store
from marsad.store.pipeline import Settings, ingest
from marsad.web import create_app

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
HOSTILE = {
    "id": "hostile",
    "title": f"{SCRIPT}{IMG} window.__pwned",
    "url": "javascript:alert(1)",
    "published": "2023-05-03",
    "text": (f"{SCRIPT}\nزار وزير الخارجية المغربي ناصر بوريطة واشنطن يوم 2023-05-02 والتقى نظيره الأمريكي. {IMG}\n"
             '<a href="javascript:alert(1)">اضغط هنا</a> <script>window.__pwned = 1</script>'),
}
INJECTIONS = ("' OR 1=1 --", '"; DROP TABLE events; --', "MAR' --", "%", "1) UNION SELECT * FROM documents --",
              "\\x00", "المغرب' OR '1'='1", "-1", "99999999999999999999")
FILTERS = ("country", "with", "type", "mode", "actor", "actor_id", "from", "to", "location", "text", "limit", "offset")


def build_store(folder: Path, analyzer: Analyzer) -> str:
    """The example articles and the hostile one, analyzed for real and stored as ``marsad ingest`` does."""
    source = folder / "articles.jsonl"
    lines = (ROOT / "examples" / "seeds.jsonl").read_text(encoding="utf-8").splitlines()
    source.write_text("\n".join([*lines, json.dumps(HOSTILE, ensure_ascii=False)]) + "\n", encoding="utf-8")
    url = str(folder / "web.db")
    with open_store(url) as store:
        counts = ingest(store, iter_documents([source]), analyzer, Settings(__version__))
    assert counts.errors == 0 and counts.documents == len(lines) + 1
    return url


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory, analyzer: Analyzer) -> str:
    return build_store(tmp_path_factory.mktemp("web"), analyzer)


@pytest.fixture(scope="module")
def client(db: str) -> TestClient:
    return TestClient(create_app(db))


def test_events_api_filters_paginates_and_downloads(client: TestClient) -> None:
    first = client.get("/api/events", params={"country": "MAR", "with": "USA", "limit": 3}).json()
    assert first["total"] > 3 and len(first["events"]) == 3
    for event in first["events"]:
        countries = {a["country"] for a in event["source"]} | {a["country"] for a in event["target"]}
        assert {"MAR", "USA"} <= countries
    second = client.get("/api/events", params={"country": "MAR", "with": "USA", "limit": 3, "offset": 3}).json()
    assert {e["id"] for e in first["events"]}.isdisjoint(e["id"] for e in second["events"])
    typed = client.get("/api/events?type=consult&from=2023&to=2023-12").json()["events"]
    assert typed and all(e["type"] == "CONSULT" and (e["date"] or e["published"]).startswith("2023") for e in typed)
    download = client.get("/api/events", params={"country": "MAR", "format": "csv"})
    assert download.headers["content-type"].startswith("text/csv")
    assert "attachment" in download.headers["content-disposition"]
    assert all(row["evidence"] for row in csv.DictReader(io.StringIO(download.text)))


def test_timeline_actors_network_and_documents(client: TestClient) -> None:
    months = client.get("/api/timeline?country=MAR&with=USA").json()
    assert months and all(len(m["period"]) == 7 and m["count"] > 0 for m in months)
    assert [a["id"] for a in client.get("/api/actors?q=بوريطة").json()] == ["PER.NASSER_BOURITA"]
    assert client.get("/api/actors?q=bourita").json()[0]["id"] == "PER.NASSER_BOURITA"
    morocco = client.get("/api/actors/MAR").json()
    assert morocco["name"] == "Morocco" and morocco["roles"]
    assert "USA" in {c["id"] for c in morocco["counterparts"]}
    exact = client.get("/api/events?actor_id=MAR&limit=500").json()["events"]
    assert exact and all("MAR" in {a["id"] for a in e["source"] + e["target"]} for e in exact)
    network = client.get("/api/network?country=MAR&with=USA").json()
    assert {"MAR", "USA"} <= {n["id"] for n in network["nodes"]} and all(e["weight"] >= 1 for e in network["edges"])
    event = client.get("/api/events?country=MAR&with=USA&limit=1").json()["events"][0]
    document = client.get(f"/api/documents/{event['doc_id']}").json()
    text = document["text"]
    assert text[event["evidence"]["start"]:event["evidence"]["end"]] == event["evidence"]["text"]
    assert all(text[e["start"]:e["end"]] == e["text"] for e in document["entities"])
    assert client.get("/api/documents/nope").status_code == 404
    assert client.get("/api/actors/nope").status_code == 404
    assert "/api/events" in client.get("/openapi.json").json()["paths"]


def test_pages_render_filters_and_the_selected_evidence(client: TestClient) -> None:
    page = client.get("/events?country=MAR&with=USA")
    assert page.status_code == 200 and 'class="bar"' in page.text and "<circle" in page.text
    assert "from=2023-04&amp;to=2023-04" in page.text  # a timeline bar keeps the filters and picks its month
    event = client.get("/api/events?country=MAR&with=USA&limit=1").json()["events"][0]
    assert f'/documents/{event["doc_id"]}?event={event["id"]}' in page.text
    document = client.get(f"/documents/{event['doc_id']}?event={event['id']}")
    assert 'dir="rtl"' in document.text and 'id="selected-evidence"' in document.text
    assert client.get("/actors/MAR").status_code == 200 and client.get("/").status_code == 200
    assert "Content-Security-Policy" in page.headers


def test_hostile_article_is_escaped_everywhere(client: TestClient) -> None:
    pages = [client.get(url).text for url in ("/documents/hostile", "/events?limit=500", "/events?actor=bourita",
                                              "/actors/PER.NASSER_BOURITA", "/")]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in pages[0]
    for html in pages:
        assert SCRIPT not in html and "<img" not in html and "window.__pwned = 1</script>" not in html
        assert 'href="javascript:' not in html.lower()
    assert "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;" in pages[0]
    assert client.get("/api/documents/hostile").json()["title"].startswith(SCRIPT)  # JSON keeps the data as is


@pytest.mark.parametrize("name", FILTERS)
def test_injection_in_every_filter_is_harmless(client: TestClient, name: str) -> None:
    before = client.get("/api/events?limit=1").json()["total"]
    for value in INJECTIONS:
        for url in ("/api/events", "/api/timeline", "/api/network", "/events"):
            response = client.get(url, params={name: value})
            assert response.status_code in (200, 400), (url, name, value, response.text[:200])
            if response.status_code == 400 and url.startswith("/api"):
                assert name in response.json()["detail"] or "limit" in response.json()["detail"]
    assert client.get("/api/events?limit=1").json()["total"] == before


def test_injection_in_other_parameters(client: TestClient) -> None:
    for value in INJECTIONS:
        for url, params in (("/api/actors", {"q": value}), ("/api/actors", {"country": value}),
                            ("/api/actors", {"limit": value}), ("/api/timeline", {"by": value}),
                            ("/api/events", {"format": value}), ("/documents/hostile", {"event": value})):
            assert client.get(url, params=params).status_code in (200, 400), (url, params)
        for url in (f"/api/actors/{value}", f"/api/documents/{value}", f"/actors/{value}"):
            assert client.get(url).status_code in (200, 404), url


def test_bad_parameters_are_400_with_a_clear_message(client: TestClient) -> None:
    for query, words in (("limit=501", "limit: between 1 and 500"), ("limit=0", "limit"), ("offset=-1", "offset"),
                         ("from=yesterday", "from: not a date"), ("country=MOROCCO", "country: an ISO 3166"),
                         ("type=CONSULT;DROP", "type:"), ("limit=ten", "limit")):
        response = client.get(f"/api/events?{query}")
        assert response.status_code == 400 and words in response.json()["detail"], (query, response.text)
    page = client.get("/events?limit=9999")
    assert page.status_code == 400 and "limit: between 1 and 500" in page.text


def test_read_only_by_default_and_upload_only_when_allowed(db: str, tmp_path: Path) -> None:
    assert TestClient(create_app(db)).post("/ingest", files={"file": ("a.txt", b"x")}).status_code in (404, 405)
    copy = tmp_path / "copy.db"
    copy.write_bytes(Path(db).read_bytes())
    writer = TestClient(create_app(str(copy), allow_ingest=True, max_upload_bytes=1024))
    assert writer.post("/ingest", files={"file": ("big.txt", b"x" * 2048)}).status_code == 400
    assert writer.post("/ingest", files={"file": ("a.exe", b"x")}).status_code == 400
    text = "وقع المغرب وفرنسا اتفاقا يوم 2021-06-02.".encode()
    response = writer.post("/ingest", files={"file": ("deal.txt", text)})
    assert response.status_code == 200 and "Stored 1 documents" in response.text
    assert writer.post("/ingest", files={"file": ("x.txt", text)}, headers={"origin": "http://evil.example"}
                       ).status_code == 400


def test_serve_command_defaults_and_missing_store(tmp_path: Path) -> None:
    import argparse

    from marsad.cli_web import add_web_command
    from marsad.errors import MarsadError

    parser = argparse.ArgumentParser()
    add_web_command(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["serve", "--db", str(tmp_path / "none.db")])
    assert (args.host, args.port, args.allow_ingest) == ("127.0.0.1", 8000, False)
    with pytest.raises(MarsadError, match="no store at"):
        args.func(args)
    assert not (tmp_path / "none.db").exists()


def _ingest_one(url: str, doc_id: str, text: str) -> None:
    """Add one document to the store at ``url`` through the ingest pipeline, with the fake analyzer."""
    from marsad.model import Document
    from test_store_fakes import FakeAnalyzer

    with open_store(url) as store:
        ingest(store, [Document(id=doc_id, text=text)], FakeAnalyzer(delay=0), Settings("1.0"))


def test_filter_bar_choices_are_computed_once_per_store_change(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from marsad.store import query

    url = str(tmp_path / "cache.db")

    counted = []
    countries = query.countries
    monkeypatch.setattr(query, "countries", lambda store: counted.append(1) or countries(store))
    _ingest_one(url, "a", "زار المغرب أمريكا يوم 2023-04-07.")
    client = TestClient(create_app(url))
    pages = [client.get(url).text for url in ("/events", "/events", "/")]
    assert len(counted) == 1 and all('value="MAR"' in p and 'value="FRA"' not in p for p in pages)
    assert "Morocco" in pages[2] and "France" not in pages[2]
    _ingest_one(url, "b", "وقع المغرب وفرنسا اتفاقا يوم 2021-06-02.")  # the running app sees the new country at once
    assert 'value="FRA"' in client.get("/events").text and len(counted) == 2
    assert "France" in client.get("/").text  # the home page's most active actors too


def test_actor_ranking_is_computed_once_per_store_change(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from marsad.store import query

    url = str(tmp_path / "ranking.db")

    counted = []
    actors = query.actors
    monkeypatch.setattr(query, "actors", lambda store, **kw: counted.append(kw) or actors(store, **kw))
    _ingest_one(url, "a", "زار المغرب أمريكا يوم 2023-04-07. وقع المغرب وفرنسا اتفاقا.")
    client = TestClient(create_app(url))
    ranked = [client.get("/api/actors", params={"limit": n}).json() for n in (1, 50, 3)]
    assert [[a["id"] for a in r] for r in ranked] == [["MAR"], ["MAR", "FRA", "USA"], ["MAR", "FRA", "USA"]]
    assert ranked[1][0]["events"] == 2 and len(counted) == 1
    assert [a["id"] for a in client.get("/api/actors", params={"country": "fra"}).json()] == ["FRA"]
    assert "Morocco" in client.get("/").text and len(counted) == 2  # one more: the country's ranking
    _ingest_one(url, "b", "هاجم أمريكا فرنسا.")  # the running app ranks the new events at once
    assert client.get("/api/actors").json()[:2] == [
        {"id": "FRA", "name": "France", "country": "FRA", "kind": "state", "events": 2},
        {"id": "MAR", "name": "Morocco", "country": "MAR", "kind": "state", "events": 2}]
    assert len(counted) == 3


def test_the_store_cache_keeps_its_latest_entries() -> None:
    from marsad.web.cache import StoreCache

    with open_store(":memory:") as store:
        cache = StoreCache(max_entries=2)
        computed = []
        for name in ("a", "b", "a", "c", "a", "b"):
            cache.get(store, name, lambda _, name=name: computed.append(name) or name)
    assert computed == ["a", "b", "c", "b"]  # "a", used again, outlived "b"
