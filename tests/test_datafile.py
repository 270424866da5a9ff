"""The one data-file loader: every kind of bad file is refused with its file and, where known, line."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.datafile import check_user_roots, load_doc, load_yaml, read_yaml, user_dirs, validator
from marsad.errors import DataFileError

TRIGGER = "triggers:\n- id: hug\n  type: {type}\n  mode: null\n  frame: directed\n  strength: 0.6\n  past: [عانق]\n"


def _file(tmp_path: Path, content: str | bytes) -> Path:
    path = tmp_path / "data.yaml"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


@pytest.mark.parametrize(("content", "line", "says"), [
    ("", None, "empty"),
    ("# only a comment\n", None, "empty"),
    ("a: 1\nb: [2\n", 3, "invalid YAML"),
    ("a: 1\nb: 2\na: 3\n", 3, "duplicate key 'a'"),
    (b"a: 1\nb: \x00\x01\n", 2, "binary"),
    ("a: 1\nb: كلمة\n".encode("cp1256"), 2, "not UTF-8"),
    ("a: 1\nb: \x07\n", 2, "invalid YAML"),
])
def test_bad_files_name_the_line(tmp_path: Path, content: str | bytes, line: int | None, says: str) -> None:
    path = _file(tmp_path, content)
    with pytest.raises(DataFileError, match=says) as error:
        read_yaml(path)
    assert (error.value.path, error.value.line) == (str(path), line)


def test_a_directory_is_not_readable(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="cannot read"):
        read_yaml(tmp_path)


def test_values_keep_their_lines_keys_are_text_and_dates_stay_text(tmp_path: Path) -> None:
    doc = read_yaml(_file(tmp_path, "\ufeffnames:\n  4: [ابريل]\nwhen: 2021-01-20\nmonth: 2021-01\n"))
    assert doc.data == {"names": {"4": ["ابريل"]}, "when": "2021-01-20", "month": "2021-01"}
    assert doc.line(("names", "4", 0)) == 2 and doc.line(("when",)) == 3 and doc.line(("nowhere", 1)) == 1


def test_schema_error_points_at_the_value(tmp_path: Path) -> None:
    path = _file(tmp_path, TRIGGER.format(type="EMBRACE"))
    with pytest.raises(DataFileError, match=r"data.yaml:3: triggers/0/type: 'EMBRACE' is not one of"):
        load_yaml(path, "triggers")


def test_unexpected_key_points_at_the_key(tmp_path: Path) -> None:
    path = _file(tmp_path, "names:\n  4: [ابريل]\n  13: [شهر_جديد]\n")
    with pytest.raises(DataFileError, match="'13' does not match") as error:
        load_doc(path, "time", "files", "months")
    assert error.value.line == 3


def test_load_yaml_keeps_each_mappings_line(tmp_path: Path) -> None:
    data = load_yaml(_file(tmp_path, TRIGGER.format(type="AGREE")), "triggers")
    assert data["__line__"] == 1 and data["triggers"][0]["__line__"] == 2 and data["triggers"][0]["type"] == "AGREE"


def test_refs_across_schema_files_are_inlined() -> None:
    schema = str(validator("kb/people").schema)
    assert "$ref" not in schema and "common.schema.json" not in schema


def test_user_directories_mirror_the_data_layout(tmp_path: Path) -> None:
    (tmp_path / "mine" / "time").mkdir(parents=True)
    (tmp_path / "empty").mkdir()
    check_user_roots([tmp_path / "mine"])
    assert user_dirs([tmp_path / "mine"], "time") == (tmp_path / "mine" / "time",)
    assert user_dirs([tmp_path / "mine"], "kb") == ()
    with pytest.raises(DataFileError, match="no data here"):
        check_user_roots([tmp_path / "empty"])
    with pytest.raises(DataFileError, match="not a directory"):
        check_user_roots([tmp_path / "missing"])
