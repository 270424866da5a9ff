"""Migration 002's indexes (issue 9) give the same answers as the scans they replace, on both engines.

The reference queries below are the store's queries before migration 002 (country filters as EXISTS
over the actors, text and actor search as LIKE scans): every filter must select the same events in the
same order, after new versions and reanalysis too, and an old store must be upgraded without loss.
"""

from __future__ import annotations

import argparse
import itertools
import random
import sqlite3
from pathlib import Path
from typing import Any

import psycopg
import pytest

from marsad.errors import MarsadError
from marsad.model import Document
from marsad.store import migrate, open_store, query
from marsad.store.dialect import dialect_for
from marsad.store.overview import overview
from marsad.store.pipeline import Settings, ingest, reanalyze
from marsad.store.writer import key
from marsad.web import create_app
from pg_fixture import db_url, pg_cluster, pg_url  # noqa: F401
from test_store_fakes import FakeAnalyzer

COUNTRIES = ("المغرب", "أمريكا", "فرنسا", "الجزائر")
VERBS = ("زار", "وقع", "هاجم")
EXTRAS = ("في الرياض", "c_d", "100%", "بالرياض امس", "", "", "اتفاق", "ab")
TEXTS = ("الرياض", "في", "ر", "c_d", "100%", "%", "_", "اتفاق الرياض", "ab", "الرياضة", "RIYADH")


def corpus(seed: int, n: int = 60) -> list[Document]:
    """Articles of one to three sentences, each with a verb, two or three countries, maybe a date and words."""
    rng = random.Random(seed)
    docs = []
    for i in range(n):
        sentences = []
        for _ in range(rng.randint(1, 3)):
            names = rng.sample(COUNTRIES, rng.randint(2, 3))
            date = rng.choice(["", f" يوم 20{rng.randint(19, 23)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}"])
            place = rng.choice(["", " في الرباط"])
            sentences.append(f"{rng.choice(VERBS)} {' و'.join(names)}{date}{place} {rng.choice(EXTRAS)}.")
        docs.append(Document(id=f"d{i % (n - 10)}", text="\n".join(sentences),  # the last 10 are new versions
                             published=rng.choice([None, "2022-03-04"])))
    return docs


def old_where(flt: query.EventFilter) -> tuple[str, list[Any]]:
    """The filter as it was written before migration 002 (the oracle)."""
    def has_actor(role: str | None, condition: str) -> str:
        role_test = f"ea.role = '{role}' AND " if role else ""
        return (f"EXISTS (SELECT 1 FROM event_actors ea JOIN actors a ON a.id = ea.actor_id "
                f"WHERE ea.event_id = e.id AND {role_test}{condition})")

    clauses, params = ["d.latest = 1"], []
    if flt.actor:
        clauses.append(has_actor(None, "(a.id = ? OR a.name_key LIKE ?)"))
        params += [flt.actor, f"%{key(flt.actor)}%"]
    if flt.country and flt.with_country:
        one_way = f"({has_actor('source', 'a.country = ?')} AND {has_actor('target', 'a.country = ?')})"
        clauses.append(f"({one_way} OR {one_way})")
        params += [flt.country, flt.with_country, flt.with_country, flt.country]
    elif flt.country or flt.with_country:
        clauses.append(has_actor(None, "a.country = ?"))
        params.append(flt.country or flt.with_country)
    if flt.types:
        clauses.append(f"e.type IN ({', '.join('?' * len(flt.types))})")
        params += list(flt.types)
    for word in key(flt.text).split():
        clauses.append("e.evidence_key LIKE ?")
        params.append(f"%{word}%")
    return " AND ".join(clauses), params


def old_ids(store: Any, flt: query.EventFilter) -> list[int]:
    condition, params = old_where(flt)
    return [r[0] for r in store.rows(
        f"SELECT e.id FROM events e JOIN documents d ON d.pk = e.document_pk WHERE {condition} "
        "ORDER BY e.date_lo IS NULL, e.date_lo DESC, e.id", params)]


def old_timeline(store: Any, flt: query.EventFilter) -> list[tuple[str, str, int]]:
    condition, params = old_where(flt)
    return [(p, t, int(n)) for p, t, n in store.rows(
        f"SELECT substr(e.date_lo, 1, 7) AS period, e.type, COUNT(*) FROM events e JOIN documents d "
        f"ON d.pk = e.document_pk WHERE {condition} AND e.date_lo IS NOT NULL GROUP BY period, e.type "
        "ORDER BY period, e.type", params)]


def old_suggestions(store: Any, text: str) -> list[tuple]:
    return store.rows(
        "SELECT a.id, a.name, a.country, a.kind, MIN(en.text) FROM actors a "
        "LEFT JOIN entities en ON en.actor_id = a.id "
        "WHERE upper(a.id) = upper(?) OR a.name_key LIKE ? OR a.id IN "
        "(SELECT x.actor_id FROM entities x WHERE x.actor_id IS NOT NULL AND x.text LIKE ?) "
        "GROUP BY a.id, a.name, a.country, a.kind ORDER BY a.id",
        [text, f"%{key(text)}%", f"%{text}%"])


def filters() -> list[query.EventFilter]:
    codes = (None, "MAR", "USA", "FRA", "DZA")
    found = [query.EventFilter(country=c, with_country=w) for c, w in itertools.product(codes, codes)]
    found += [query.EventFilter(text=t) for t in TEXTS]
    found += [query.EventFilter(country="MAR", with_country="USA", text="الرياض", types=["CONSULT"]),
              query.EventFilter(actor="franc", text="في"), query.EventFilter(actor="DZA", country="USA")]
    return found


def assert_same_as_before(store: Any) -> None:
    for flt in filters():
        expected = old_ids(store, flt)
        assert [r.values["id"] for r in query.events(store, flt)] == expected, flt
        assert query.count_events(store, flt) == len(expected), flt
        assert query.timeline(store, flt) == old_timeline(store, flt), flt
    for text in ("ال", "المغرب", "أمريكا", "usa", "fra", "رب", "%", "nothing"):
        assert sorted(query.actor_suggestions(store, text, limit=50)) == old_suggestions(store, text), text


def test_indexed_filters_select_the_same_events_as_the_scans(db_url: str) -> None:  # noqa: F811
    with open_store(db_url) as store:
        ingest(store, corpus(1), FakeAnalyzer(delay=0), Settings("1.0"))
        assert query.count_events(store, query.EventFilter(text="الرياض")) > 0  # the corpus exercises the filters
        assert query.count_events(store, query.EventFilter(country="MAR", with_country="USA")) > 0
        assert_same_as_before(store)
        reanalyze(store, FakeAnalyzer(delay=0), Settings("2.0"))  # deletes and rewrites every event
        ingest(store, corpus(2, 30), FakeAnalyzer(delay=0), Settings("2.0"))  # new versions, new documents
        assert_same_as_before(store)
        assert store.value("SELECT COUNT(*) FROM events e JOIN documents d ON d.pk = e.document_pk "
                           "WHERE e.latest <> d.latest") == 0
        assert store.value("SELECT COUNT(*) FROM events WHERE latest = 0") > 0  # the corpus has old versions
        derived = store.rows("SELECT country, role, event_id FROM event_countries ORDER BY 1, 2, 3")
        assert derived == store.rows(
            "SELECT DISTINCT a.country, ea.role, ea.event_id FROM event_actors ea JOIN actors a ON a.id = ea.actor_id "
            "WHERE a.country IS NOT NULL ORDER BY 1, 2, 3")
        assert store.rows("SELECT actor_id, text, entities FROM actor_mentions ORDER BY 1, 2") == [
            (a, t, int(n)) for a, t, n in store.rows(
                "SELECT actor_id, text, COUNT(*) FROM entities WHERE actor_id IS NOT NULL GROUP BY actor_id, text "
                "ORDER BY 1, 2")]


@pytest.mark.parametrize("dedup", [False, True])
def test_the_page_overview_equals_its_separate_queries(db_url: str, dedup: bool) -> None:  # noqa: F811
    with open_store(db_url) as store:
        ingest(store, corpus(3), FakeAnalyzer(delay=0), Settings("1.0"))
        for flt, network in itertools.product(
                [query.EventFilter(limit=7, offset=3, dedup=dedup),
                 query.EventFilter(country="MAR", limit=5, dedup=dedup),
                 query.EventFilter(text="في", limit=50, offset=2, dedup=dedup)], (4, 1000)):
            view = overview(store, flt, network)
            full = query.events(store, query.EventFilter(**{**_fields(flt), "limit": network, "offset": 0}))
            assert [r.values for r in view.rows] == [r.values for r in query.events(store, flt)]
            assert [(r.source, r.target) for r in view.rows] == [(r.source, r.target) for r in query.events(store, flt)]
            assert view.total == query.count_events(store, flt)
            assert view.timeline == query.timeline(store, flt)
            assert [(r.values["id"], r.values["type"], r.source, r.target) for r in view.links] == [
                (r.values["id"], r.values["type"], r.source, r.target) for r in full]


def _fields(flt: query.EventFilter) -> dict[str, Any]:
    return {name: getattr(flt, name) for name in flt.__slots__}


def version_one_store(url: str, monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """A store as marsad wrote it before migration 002 (schema 001 only, with data); its table sizes."""
    shipped = migrate.migration_files
    with monkeypatch.context() as patch:
        patch.setattr(migrate, "migration_files", lambda engine: shipped(engine)[:1])
        with open_store(url) as store:
            ingest(store, corpus(4), FakeAnalyzer(delay=0), Settings("1.0"))
            return table_sizes(store)


def table_sizes(store: Any) -> dict[str, int]:
    return {t: int(store.value(f"SELECT COUNT(*) FROM {t}")) for t in
            ("documents", "analyses", "events", "event_actors", "entities", "timexes", "actors", "errors", "runs")}


def test_an_old_store_is_refused_read_only_and_upgraded_by_a_writing_open(
        db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    sizes = version_one_store(db_url, monkeypatch)
    for _ in range(2):  # refusing writes nothing: the second attempt meets the same old schema
        with pytest.raises(MarsadError, match=r"lacks migration\(s\) 2, 3, 4, 5 .*marsad migrate --db"):
            open_store(db_url, read_only=True)
    with pytest.raises(MarsadError, match="lacks migration"):
        create_app(db_url)
    with open_store(db_url) as store:
        assert [r[0] for r in store.rows("SELECT version FROM schema_migrations ORDER BY version")] == [
            v for v, _, _ in migrate.migration_files(store.dialect.name)]
        assert table_sizes(store) == sizes  # nothing lost
        assert_same_as_before(store)
    with open_store(db_url, read_only=True) as store:
        assert query.count_events(store, query.EventFilter(text="الرياض")) > 0
        with pytest.raises((sqlite3.OperationalError, psycopg.errors.ReadOnlySqlTransaction)):
            store.execute("DELETE FROM errors")


def test_a_read_only_open_never_creates_a_store(tmp_path: Path) -> None:
    with pytest.raises(MarsadError, match="no store at"):
        open_store(str(tmp_path / "none.db"), read_only=True)
    assert not (tmp_path / "none.db").exists()


def test_the_data_version_moves_with_every_write_and_only_then(db_url: str) -> None:  # noqa: F811
    with open_store(db_url) as store:
        seen = [query.data_version(store)]
        ingest(store, corpus(5, 20), FakeAnalyzer(delay=0), Settings("1.0"))
        seen.append(query.data_version(store))
        query.events(store, query.EventFilter(country="MAR"))
        query.stats(store)
        seen.append(query.data_version(store))
        reanalyze(store, FakeAnalyzer(delay=0), Settings("2.0"))
        seen.append(query.data_version(store))
        ingest(store, [Document(id="bad", text="FAIL")], FakeAnalyzer(delay=0), Settings("2.0"))  # an error only
        seen.append(query.data_version(store))
    assert seen[0] < seen[1] == seen[2] < seen[3] < seen[4]


def test_marsad_migrate_upgrades_an_old_store_for_readers(
        db_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture) -> None:  # noqa: F811
    from marsad.cli_store import add_store_commands

    parser = argparse.ArgumentParser(prog="marsad")
    add_store_commands(parser.add_subparsers(dest="command", required=True))
    sizes = version_one_store(db_url, monkeypatch)
    args = parser.parse_args(["migrate", "--db", db_url])
    assert args.func(args) == 0
    shipped = [v for v, _, _ in migrate.migration_files(dialect_for(db_url).name)]
    assert capsys.readouterr().out == (f"applied migration(s) {', '.join(map(str, shipped[1:]))}: "
                                       f"the store is at schema {shipped[-1]}\n")
    with open_store(db_url, read_only=True) as store:
        assert table_sizes(store) == sizes and query.count_events(store, query.EventFilter(text="الرياض")) > 0
    assert args.func(args) == 0 and capsys.readouterr().out == f"nothing to do: the store is at schema {shipped[-1]}\n"
    if dialect_for(db_url).name == "sqlite":
        missing = parser.parse_args(["migrate", "--db", db_url + ".missing"])
        with pytest.raises(MarsadError, match="no store at"):
            missing.func(missing)
        assert not Path(db_url + ".missing").exists()
