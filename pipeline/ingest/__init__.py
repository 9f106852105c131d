"""Ingest: find the article files of a corpus, read and clean them into `RawArticle`s.

`read_corpus` yields a `RawArticle` for every readable article and an `IngestError` for every
input that could not be read; it never raises on a bad file.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

from pipeline.records import IngestError, RawArticle

SUFFIXES = {".txt", ".md", ".html", ".htm", ".jsonl"}
_DATE_LINE = re.compile(r"^\s*date\s+(\d{4})-(\d{2})(?:-(\d{2}))?\s*")


def iter_corpus_files(corpus: Path) -> list[Path]:
    """Every article file under `corpus`, recursively, in a stable order."""
    return sorted(p for p in corpus.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)


def read_corpus(corpus: Path) -> Iterator[RawArticle | IngestError]:
    """Read every article file of the corpus."""
    for path in iter_corpus_files(corpus):
        source = path.relative_to(corpus).as_posix()
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            yield IngestError(source, "read", str(exc))
            continue
        published = None
        m = _DATE_LINE.match(text)
        if m:
            published = dt.date(int(m[1]), int(m[2]), int(m[3] or 1))
            text = text[m.end():]
        text = text.strip()
        if not text:
            yield IngestError(source, "read", "empty file")
            continue
        yield RawArticle(source=source, text=text, published=published)
