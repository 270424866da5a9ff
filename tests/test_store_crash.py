"""Crash safety for real: kill -9 an ingest mid-way (twice), rerun, and get exactly an uninterrupted run."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from marsad.ingest.readers import iter_documents
from marsad.store import open_store
from marsad.store.pipeline import Settings, ingest
from pg_fixture import db_url, pg_cluster, pg_url  # noqa: F401
from test_store_fakes import FakeAnalyzer

TESTS = Path(__file__).parent
DOCUMENTS = 240
# Runs the real CLI handler with the stand-in analyzer (the real one is not what is being tested).
SCRIPT = f"""
import argparse, sys
sys.path.insert(0, {str(TESTS)!r})
from test_store_fakes import FakeAnalyzer
from marsad.cli_store import add_store_commands, run_ingest
parser = argparse.ArgumentParser()
add_store_commands(parser.add_subparsers())
sys.exit(run_ingest(parser.parse_args(sys.argv[1:]), FakeAnalyzer()))
"""


def write_input(path: Path) -> None:
    lines = []
    for i in range(DOCUMENTS):
        text = f"زار رئيس المغرب أمريكا يوم 2023-04-{i % 28 + 1:02d}. وقع المغرب وفرنسا اتفاقا رقم {i}."
        if i % 50 == 7:
            text = f"FAIL {i}"
        lines.append(json.dumps({"id": f"doc-{i}", "text": text, "published": "2023-05-01"}, ensure_ascii=False))
        if i % 60 == 11:
            lines.append("{not json")
        if i % 80 == 3:  # the same id again later with new content: a second version
            lines.append(json.dumps({"id": f"doc-{i}", "text": text + " هاجم الجزائر فرنسا."}, ensure_ascii=False))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def snapshot(url: str) -> dict[str, object]:
    with open_store(url) as store:
        counts = {t: store.value(f"SELECT COUNT(*) FROM {t}") for t in
                  ("documents", "analyses", "entities", "events", "event_actors", "actors", "errors")}
        versions = store.rows("SELECT id, version, latest, content_hash FROM documents ORDER BY id, version")
        evidence = store.rows("SELECT d.id, e.type, e.evidence_start, e.evidence_text FROM events e "
                              "JOIN documents d ON d.pk = e.document_pk ORDER BY 1, 2, 3")
    return {"counts": counts, "versions": versions, "evidence": evidence}


def stored(url: str) -> int:
    with open_store(url) as store:
        return store.value("SELECT COUNT(*) FROM documents")


def start(url: str, source: Path) -> subprocess.Popen:
    env = {**os.environ, "MARSAD_FAKE_DELAY": "0.004"}
    command = [sys.executable, "-c", SCRIPT, "ingest", str(source), "--db", url, "--jobs", "2",
               "--batch-size", "8", "--no-progress"]
    # A session of its own, so the kill takes the worker processes too, as kill -9 of a job would.
    return subprocess.Popen(command, env=env, start_new_session=True, stderr=subprocess.PIPE, text=True)


def kill_after(url: str, source: Path, at_least: int) -> int:
    process = start(url, source)
    deadline = time.monotonic() + 30
    while stored(url) < at_least:
        assert process.poll() is None, process.stderr.read()
        assert time.monotonic() < deadline, "ingest made no progress"
        time.sleep(0.02)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    assert process.returncode == -signal.SIGKILL
    return stored(url)


def test_killed_ingest_reruns_to_exactly_the_uninterrupted_result(
    db_url: str, tmp_path: Path,  # noqa: F811
) -> None:
    source = tmp_path / "input.jsonl"
    write_input(source)
    reference = str(tmp_path / "reference.db")
    with open_store(reference) as store:
        ingest(store, iter_documents([source]), FakeAnalyzer(delay=0), Settings("1.0", batch_size=8))
    expected = snapshot(reference)
    total = expected["counts"]["documents"]

    with open_store(db_url):
        pass  # schema in place before the first poll
    first = kill_after(db_url, source, at_least=20)
    second = kill_after(db_url, source, at_least=first + 40)
    assert 0 < first < second < total, "the kills did not land mid-ingest"

    rerun = start(db_url, source)
    _, err = rerun.communicate(timeout=60)
    assert rerun.returncode == 1, err  # 1: some documents failed (the bad ones), as they should
    assert "already stored" in err
    assert snapshot(db_url) == expected
