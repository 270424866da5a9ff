"""The command line as a user runs it: outputs, one-line errors, exit status."""

from __future__ import annotations

import json
import subprocess
import sys

ARABIC = "استقبل الرئيس التونسي في قصر قرطاج أمس وزير الخارجية الجزائري."


def _marsad(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "marsad.cli", *args], capture_output=True, text=True, cwd=cwd)


def test_analyze_writes_good_documents_and_names_bad_ones(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "good.txt").write_text(ARABIC, encoding="utf-8")
    (tmp_path / "in" / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "in" / "docs.jsonl").write_text(
        json.dumps({"id": "j1", "text": ARABIC, "published": "2019-05-02"}, ensure_ascii=False) + "\n{oops\n",
        encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = _marsad("analyze", str(tmp_path / "in"), "-o", str(out))
    assert result.returncode == 1  # some documents failed
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert sorted(a["id"] for a in lines) == ["good", "j1"]
    errors = [line for line in result.stderr.splitlines() if line.startswith("marsad: skipped")]
    assert len(errors) == 2
    assert any("empty.txt: empty file" in e for e in errors)
    assert any("docs.jsonl:2: malformed JSON" in e for e in errors)
    assert "Traceback" not in result.stderr
    assert "2 document(s) analyzed, 2 failed" in result.stdout


def test_analyze_all_good_exits_zero_and_reports_events(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARABIC, encoding="utf-8")
    result = _marsad("analyze", str(path), "--published", "2019-05-02", "-o", str(tmp_path / "o.jsonl"))
    assert result.returncode == 0, result.stderr
    assert "CONSULT" in result.stdout


def test_bad_options_and_missing_paths_exit_two(tmp_path):
    assert _marsad("analyze", str(tmp_path / "missing.txt")).returncode == 2
    result = _marsad("analyze", str(tmp_path), "--published", "not-a-date")
    assert result.returncode == 2
    assert result.stderr.startswith("marsad: error: --published")
