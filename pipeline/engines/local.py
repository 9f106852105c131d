"""The local engine: this machine, in one process or a pool of `n_process` worker processes."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from pipeline.process import PendingArticle, process_articles
from pipeline.records import ArticleResult, IngestError


def process_local(items: Sequence[PendingArticle], n_process: int) -> Iterator[ArticleResult | IngestError]:
    """Per-article stages on this machine (see `pipeline.process` for batching and memory)."""
    return process_articles(items, n_process)
