"""Output table schemas and the atomic Parquet writer."""

import datetime as dt

import pyarrow.parquet as pq
import pytest

from pipeline.tables import SCHEMAS, ArticleRow, ErrorRow, to_arrow, write_table


def test_parquet_round_trip_keeps_schema_and_values(tmp_path):
    rows = [ArticleRow("a1", "x.txt", ["x.txt", "y.txt"], None, dt.date(2023, 12, 1), "Texte.", 2)]
    assert write_table(tmp_path, "articles", rows) == 1
    table = pq.read_table(tmp_path / "articles.parquet")
    assert table.schema.equals(SCHEMAS["articles"], check_metadata=False)
    assert table.to_pylist()[0]["published"] == dt.date(2023, 12, 1)
    assert table.to_pylist()[0]["sources"] == ["x.txt", "y.txt"]
    assert not list(tmp_path.glob(".*tmp"))  # no temporary file left behind


def test_blank_strings_become_null():
    table = to_arrow("errors", [ErrorRow("f.txt", "read", "  ")])
    assert table.column("message").to_pylist() == [None]


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_empty_table_has_declared_schema(tmp_path, name):
    write_table(tmp_path, name, [])
    assert pq.read_table(tmp_path / f"{name}.parquet").schema.equals(SCHEMAS[name], check_metadata=False)
