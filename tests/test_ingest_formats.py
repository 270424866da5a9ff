"""Readers for CSV, HTML, WARC and RSS/Atom: documents out, bad items reported in their place."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from marsad.errors import InputError
from marsad.ingest.csv_reader import CsvColumns, make_csv_reader
from marsad.ingest.readers import READERS, format_of, iter_documents

DATA = Path(__file__).parent / "data" / "ingest"


def read(name: str) -> list[object]:
    return list(iter_documents([DATA / name]))


def test_new_formats_are_registered() -> None:
    for suffix in (".csv", ".tsv", ".html", ".htm", ".warc", ".rss", ".atom", ".xml"):
        assert suffix in READERS
    assert format_of(Path("crawl.warc.gz")) == ".warc"


def test_csv_columns_found_by_header_name() -> None:
    first, second, empty = read("articles.csv")
    assert (first.id, first.title, first.published, first.outlet) == ("csv-1", "بوريطة يستقبل نظيره",
                                                                       "2023-04-07", "هسبريس")
    assert first.text.startswith("استقبل وزير الخارجية المغربي")
    assert second.text.count("\n") == 1  # a quoted cell keeps its line break
    assert isinstance(empty, InputError) and empty.where.endswith("articles.csv:4")


def test_csv_columns_named_by_the_user_in_a_windows_1256_file() -> None:
    path = DATA / "custom.csv"
    [error] = read("custom.csv")
    assert "--csv-text" in error.reason and "contenu" in error.reason
    reader = make_csv_reader(CsvColumns(id="ref", text="contenu", title="ENTETE", date="jour"))
    docs = list(reader(path, path.read_bytes()))
    assert [d.id for d in docs] == ["c-1", "c-2"]
    assert docs[0].title == "عنوان" and docs[0].published == "2023-04-07"
    assert "ناصر بوريطة" in docs[0].text
    [missing] = make_csv_reader(CsvColumns(text="nope"))(path, path.read_bytes())
    assert "no column 'nope'" in missing.reason


def test_csv_without_id_column_numbers_rows(tmp_path: Path) -> None:
    path = tmp_path / "plain.csv"
    path.write_text("content\tdate\nنص أول\t2023/01/02\nنص ثان\t\n", encoding="utf-8")
    docs = list(iter_documents([path]))
    assert [(d.id, d.published) for d in docs] == [("plain:2", "2023-01-02"), ("plain:3", None)]


@pytest.mark.parametrize("name", ["article.html", "legacy.htm"])
def test_html_main_text_title_and_date(name: str) -> None:
    [doc] = read(name)
    assert doc.id == name.split(".")[0]
    assert doc.outlet == "هسبريس"
    assert "ناصر بوريطة" in doc.text and "ثلاث اتفاقيات" in doc.text
    assert "جميع الحقوق محفوظة" not in doc.text and "الأكثر قراءة" not in doc.text  # boilerplate left out
    assert doc.published in ("2023-04-07", "2012-03-15")


def test_html_without_article_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text("<html><head><title>x</title></head><body><img src='a.png'></body></html>", encoding="utf-8")
    [error] = list(iter_documents([path]))
    assert isinstance(error, InputError) and "no article text" in error.reason


def test_warc_html_responses_are_documents() -> None:
    docs = read("crawl.warc.gz")
    assert [d.id for d in docs] == ["https://www.hespress.com/politics/1.html",
                                    "https://www.hespress.com/politics/2.html"]
    assert all(d.url == d.id and "ناصر بوريطة" in d.text for d in docs)  # second page is Windows-1256
    assert docs[1].title == "اتفاقيات بين المغرب وفرنسا"


def test_a_broken_warc_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.warc.gz"
    path.write_bytes(gzip.compress(b"this is not a WARC file\r\n\r\n"))
    [error] = list(iter_documents([path]))
    assert isinstance(error, InputError) and "WARC" in error.reason, error


def test_rss_items_are_documents_with_html_stripped() -> None:
    doc, empty = read("feed.rss")
    assert doc.id == doc.url == "https://www.hespress.com/politics/1.html"
    assert (doc.title, doc.outlet, doc.published) == ("بوريطة يستقبل نظيره الفرنسي", "هسبريس - سياسة",
                                                      "2023-04-07T09:30:00+00:00")
    assert "<" not in doc.text and "track()" not in doc.text and "\xa0" not in doc.text
    assert doc.text.split("\n")[0].startswith("استقبل وزير") and len(doc.text.split("\n")) == 2
    assert isinstance(empty, InputError) and empty.where.endswith("feed.rss[1]")


def test_atom_entry_content_wins_over_summary() -> None:
    [doc] = read("feed.atom")
    assert doc.id == "urn:map:2023:42" and doc.url == "https://www.mapexpress.ma/42"
    assert doc.text.startswith("ووقع الجانبان") and "ملخص قصير" not in doc.text


def test_xml_that_is_not_a_feed_is_an_error() -> None:
    [error] = read("notes.xml")
    assert isinstance(error, InputError) and error.reason == "not an RSS or Atom feed"
