"""Ingest: find the article files of a corpus, read and clean them into `RawArticle`s.

`read_corpus` yields a `RawArticle` for every readable article and an `IngestError` for every
input that could not be (fully) read; it never raises on a bad file. Modules: `decode` (bytes to
text), `metadata` (date marker, front matter, dates), `html` (HTML to text), `clean` (the cleaning
chain and the boilerplate rules of `rules/boilerplate.jsonl`), `language` (is it French?),
`readers` (one reader per format).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from pathlib import Path

from pipeline.ingest.readers import READERS
from pipeline.records import IngestError, RawArticle

SUFFIXES = frozenset(READERS)
log = logging.getLogger("pipeline.ingest")


def iter_corpus_files(corpus: Path) -> list[Path]:
    """Every article file under `corpus`, recursively, in a stable order; hidden files and folders
    (`.git`, `.state`, editor backups) are skipped and symbolic links to folders are not followed."""
    found = []
    for root, dirs, files in os.walk(corpus, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in files:
            path = Path(root) / name
            if not name.startswith(".") and path.suffix.lower() in SUFFIXES and path.is_file():
                found.append(path)
    return sorted(found, key=lambda p: p.relative_to(corpus).as_posix())


def source_name(path: Path, corpus: Path) -> str:
    """The path relative to the corpus, as valid Unicode: a file name in a legacy encoding (bytes
    Python could not decode) gets U+FFFD for its bad bytes, so it can be printed and stored."""
    rel = path.relative_to(corpus).as_posix()
    return rel.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def read_file(path: Path, corpus: Path) -> Iterator[RawArticle | IngestError]:
    """Read one file of the corpus; an unexpected failure becomes an error, never an exception."""
    source = source_name(path, corpus)
    reader = READERS[path.suffix.lower()]
    try:
        items = list(reader(path, source))
    except Exception as exc:  # noqa: BLE001 - a bug on one odd file must not lose the corpus
        log.debug("reader crashed on %s", source, exc_info=True)
        items = [IngestError(source, "read", f"unexpected {type(exc).__name__}: {exc}")]
    for item in items:
        if isinstance(item, RawArticle):
            log.debug("read %s: %d chars, title=%r, published=%s", item.source, len(item.text), item.title, item.published)
    yield from items


def read_corpus(corpus: Path) -> Iterator[RawArticle | IngestError]:
    """Read every article file of the corpus, in a stable order."""
    files = iter_corpus_files(corpus)
    log.info("corpus %s: %d article files", corpus, len(files))
    for path in files:
        yield from read_file(path, corpus)
