"""Output tables: each schema declared once (row dataclass + explicit Arrow schema) and the writer.

Only this module and the CLI touch output files. Tables are written atomically: a temporary file
in the same folder, then `os.replace`, so a reader never sees half a table.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

_str = pa.string()
_list_str = pa.list_(pa.string())


@dataclass(frozen=True)
class ArticleRow:
    article_id: str
    source: str
    sources: list[str]
    title: str | None
    published: dt.date | None
    text: str
    n_tokens: int


@dataclass(frozen=True)
class ActorRow:
    actor_id: str
    name: str
    type: str
    aliases: list[str]
    n_mentions: int
    n_articles: int


@dataclass(frozen=True)
class MentionRow:
    article_id: str
    actor_id: str
    text: str
    start: int
    end: int
    sentence: int
    rule_id: str | None


@dataclass(frozen=True)
class FundingEventRow:
    event_id: str
    article_ids: list[str]
    recipient_id: str
    recipient: str
    investor_ids: list[str]
    investors: list[str]
    lead_investors: list[str]
    amount: float | None
    currency: str | None
    amount_text: str | None
    approximate: bool
    round: str | None
    valuation: float | None
    date: str | None
    evidence: str
    rule_id: str


@dataclass(frozen=True)
class QuoteRow:
    quote_id: str
    article_id: str
    speaker_id: str | None
    speaker: str | None
    text: str
    kind: str
    verb: str | None
    start: int
    end: int
    rule_id: str


@dataclass(frozen=True)
class RelationRow:
    article_id: str
    subject_id: str
    subject: str
    predicate: str
    object_id: str
    object: str
    attribute: str | None
    date: str | None
    evidence: str
    rule_id: str


@dataclass(frozen=True)
class ErrorRow:
    source: str
    stage: str
    message: str


SCHEMAS: dict[str, pa.Schema] = {
    "articles": pa.schema(
        [
            ("article_id", _str),
            ("source", _str),
            ("sources", _list_str),
            ("title", _str),
            ("published", pa.date32()),
            ("text", _str),
            ("n_tokens", pa.int32()),
        ]
    ),
    "actors": pa.schema(
        [
            ("actor_id", _str),
            ("name", _str),
            ("type", _str),
            ("aliases", _list_str),
            ("n_mentions", pa.int32()),
            ("n_articles", pa.int32()),
        ]
    ),
    "mentions": pa.schema(
        [
            ("article_id", _str),
            ("actor_id", _str),
            ("text", _str),
            ("start", pa.int32()),
            ("end", pa.int32()),
            ("sentence", pa.int32()),
            ("rule_id", _str),
        ]
    ),
    "funding_events": pa.schema(
        [
            ("event_id", _str),
            ("article_ids", _list_str),
            ("recipient_id", _str),
            ("recipient", _str),
            ("investor_ids", _list_str),
            ("investors", _list_str),
            ("lead_investors", _list_str),
            ("amount", pa.float64()),
            ("currency", _str),
            ("amount_text", _str),
            ("approximate", pa.bool_()),
            ("round", _str),
            ("valuation", pa.float64()),
            ("date", _str),
            ("evidence", _str),
            ("rule_id", _str),
        ]
    ),
    "quotes": pa.schema(
        [
            ("quote_id", _str),
            ("article_id", _str),
            ("speaker_id", _str),
            ("speaker", _str),
            ("text", _str),
            ("kind", _str),
            ("verb", _str),
            ("start", pa.int32()),
            ("end", pa.int32()),
            ("rule_id", _str),
        ]
    ),
    "relations": pa.schema(
        [
            ("article_id", _str),
            ("subject_id", _str),
            ("subject", _str),
            ("predicate", _str),
            ("object_id", _str),
            ("object", _str),
            ("attribute", _str),
            ("date", _str),
            ("evidence", _str),
            ("rule_id", _str),
        ]
    ),
    "errors": pa.schema([("source", _str), ("stage", _str), ("message", _str)]),
}

ROW_TYPES: dict[str, type] = {
    "articles": ArticleRow,
    "actors": ActorRow,
    "mentions": MentionRow,
    "funding_events": FundingEventRow,
    "quotes": QuoteRow,
    "relations": RelationRow,
    "errors": ErrorRow,
}


def _check_row_types() -> None:
    """The dataclass and the Arrow schema of a table must name the same columns in the same order."""
    for name, row_type in ROW_TYPES.items():
        fields = [f.name for f in dataclasses.fields(row_type)]
        if fields != SCHEMAS[name].names:
            raise AssertionError(f"{name}: dataclass fields {fields} != schema {SCHEMAS[name].names}")


_check_row_types()


def _blank_to_none(value: Any) -> Any:
    # Missing values are null, never "".
    if isinstance(value, str) and not value.strip():
        return None
    return value


def to_arrow(name: str, rows: Sequence[Any]) -> pa.Table:
    """Build the Arrow table `name` from row dataclasses, with the declared schema."""
    schema = SCHEMAS[name]
    columns: dict[str, list[Any]] = {col: [] for col in schema.names}
    for row in rows:
        for col in schema.names:
            columns[col].append(_blank_to_none(getattr(row, col)))
    return pa.Table.from_pydict(columns, schema=schema)


def write_table(out_dir: Path, name: str, rows: Iterable[Any]) -> int:
    """Write one table atomically as `out_dir/name.parquet`; return its row count."""
    table = to_arrow(name, list(rows))
    out_dir.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".parquet.tmp", dir=out_dir)
    os.close(fd)
    try:
        pq.write_table(table, tmp, row_group_size=50_000)
        os.replace(tmp, out_dir / f"{name}.parquet")
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return table.num_rows
