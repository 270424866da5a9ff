"""Bad input never kills a batch: each bad document becomes a specific error, good ones go on."""

from __future__ import annotations

import gzip
import json

import pytest

from marsad.errors import InputError
from marsad.ingest.decode import decode_bytes
from marsad.ingest.readers import iter_documents

ARABIC = "استقبل وزير الخارجية المغربي ناصر بوريطة اليوم الثلاثاء بالرباط نظيره الفرنسي."


def _errors(items):
    return [i for i in items if isinstance(i, InputError)]


def test_encodings_are_detected():
    assert decode_bytes(ARABIC.encode("cp1256"), "x") == ARABIC
    assert decode_bytes(ARABIC.encode("utf-16"), "x") == ARABIC
    assert decode_bytes(ARABIC.encode("utf-16-le"), "x") == ARABIC
    assert decode_bytes(b"\xef\xbb\xbf" + ARABIC.encode(), "x") == ARABIC


@pytest.mark.parametrize(("data", "reason"), [
    (b"", "empty file"),
    (b"  \n\t ", "empty file"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image"),
    (b"%PDF-1.7 ...", "PDF"),
    (b"abc\x00\x01\x02\x03" * 50, "NUL bytes"),
])
def test_non_text_is_refused_with_a_reason(data, reason):
    with pytest.raises(InputError, match=reason):
        decode_bytes(data, "file.txt")


def test_a_batch_reports_each_bad_file_and_keeps_the_good(tmp_path):
    (tmp_path / "good.txt").write_text(ARABIC, encoding="utf-8")
    (tmp_path / "legacy.txt").write_bytes(ARABIC.encode("cp1256"))
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (tmp_path / "broken.txt").write_bytes(ARABIC.encode() + b"\xff\xfe\xfa")  # invalid UTF-8 tail
    items = list(iter_documents([tmp_path]))
    documents = {i.id: i for i in items if not isinstance(i, InputError)}
    assert set(documents) == {"good", "legacy", "broken"}
    assert documents["legacy"].text == ARABIC
    assert ARABIC in documents["broken"].text
    reasons = sorted(str(e) for e in _errors(items))
    assert len(reasons) == 2
    assert "empty.txt: empty file" in reasons[0]
    assert "image.txt: binary file (a PNG image)" in reasons[1]


def test_malformed_json_lines_are_named_by_file_and_line(tmp_path):
    path = tmp_path / "docs.jsonl"
    lines = [
        json.dumps({"id": "a", "text": ARABIC, "published": "2023-04-09"}, ensure_ascii=False),
        '{"id": "b", "text": ',
        json.dumps({"id": "c"}),
        json.dumps({"id": "d", "text": ARABIC, "published": "yesterday"}, ensure_ascii=False),
        "[1, 2]",
        json.dumps({"id": "e", "text": ARABIC}, ensure_ascii=False),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(iter_documents([path]))
    assert [i.id for i in items if not isinstance(i, InputError)] == ["a", "e"]
    errors = [str(e) for e in _errors(items)]
    assert f"{path}:2: malformed JSON" in errors[0]
    assert f"{path}:3: missing required field(s): text" in errors[1]
    assert f"{path}:4: bad 'published' value 'yesterday'" in errors[2]
    assert f"{path}:5: expected a JSON object" in errors[3]


def test_a_line_separator_inside_a_json_string_ends_no_line(tmp_path):
    # json.dumps leaves U+2028, U+2029 and U+0085 unescaped; a JSON line ends at "\n" alone
    path = tmp_path / "docs.jsonl"
    text = ARABIC + "\u2028" + ARABIC + "\u0085" + ARABIC
    records = [{"id": "a", "text": text}, {"id": "b", "text": ARABIC}]
    path.write_text("\r\n".join(json.dumps(r, ensure_ascii=False) for r in records), encoding="utf-8")
    assert [(d.id, d.text) for d in iter_documents([path])] == [("a", text), ("b", ARABIC)]


def test_gzipped_json_lines_are_read_transparently(tmp_path):
    path = tmp_path / "docs.jsonl.gz"
    path.write_bytes(gzip.compress(json.dumps({"id": "z", "text": ARABIC}, ensure_ascii=False).encode()))
    [document] = iter_documents([path])
    assert document.id == "z"


def test_missing_path_is_fatal(tmp_path):
    with pytest.raises(FileNotFoundError):
        list(iter_documents([tmp_path / "nope"]))
