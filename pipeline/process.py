"""Per-article stages: spaCy plus every extractor, turning `RawArticle`s into `ArticleResult`s.

Runs in one process or in a pool of worker processes, each loading the model once. A failure on
one article becomes an `IngestError` and never stops the others.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

from spacy.tokens import Doc

from pipeline.extract import extract_all
from pipeline.nlp import get_nlp
from pipeline.records import ArticleResult, IngestError, RawArticle

BATCH_SIZE = 16


@dataclass(frozen=True)
class PendingArticle:
    """A distinct article to process: its id, every source it was read from, and its content."""

    article_id: str
    sources: tuple[str, ...]
    raw: RawArticle


def article_id_for(text: str) -> str:
    """Stable article id: hash of the normalised text (NFC, whitespace collapsed)."""
    norm = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:16]


def result_from_doc(item: PendingArticle, doc: Doc) -> ArticleResult:
    """Run the extractors on a processed doc and gather the article's records."""
    doc._.published = item.raw.published
    funding, quotes, relations = extract_all(doc)
    return ArticleResult(
        article_id=item.article_id,
        sources=list(item.sources),
        text=item.raw.text,
        title=item.raw.title,
        published=item.raw.published,
        n_tokens=len(doc),
        entities=list(doc._.entities or []),
        funding=funding,
        quotes=quotes,
        relations=relations,
        dropped=list(doc.user_data.get("dropped", [])),
    )


def _contexts(items: Sequence[PendingArticle]) -> Iterator[tuple[str, dict]]:
    for item in items:
        yield item.raw.text, {"published": item.raw.published}


def process_batch(items: Sequence[PendingArticle]) -> list[ArticleResult | IngestError]:
    """Process a batch of articles in this process; one bad article gives an error, not a crash."""
    nlp = get_nlp()
    out: list[ArticleResult | IngestError] = []
    try:
        docs = list(nlp.pipe(_contexts(items), as_tuples=True, batch_size=BATCH_SIZE))
    except Exception:  # noqa: BLE001 - fall back to one article at a time to isolate the culprit
        return [r for item in items for r in process_batch_one(item)]
    for item, (doc, ctx) in zip(items, docs):
        try:
            out.append(result_from_doc(item, doc))
        except Exception as exc:  # noqa: BLE001 - an extractor bug must not lose the corpus
            out.append(IngestError(item.sources[0], "extract", f"{type(exc).__name__}: {exc}"))
    return out


def process_batch_one(item: PendingArticle) -> list[ArticleResult | IngestError]:
    nlp = get_nlp()
    try:
        doc = nlp(item.raw.text)
    except Exception as exc:  # noqa: BLE001
        return [IngestError(item.sources[0], "nlp", f"{type(exc).__name__}: {exc}")]
    try:
        return [result_from_doc(item, doc)]
    except Exception as exc:  # noqa: BLE001
        return [IngestError(item.sources[0], "extract", f"{type(exc).__name__}: {exc}")]


def process_articles(items: Sequence[PendingArticle], n_process: int = 1) -> Iterator[ArticleResult | IngestError]:
    """Process articles in batches, in this process or in `n_process` worker processes."""
    batches = [items[i : i + BATCH_SIZE] for i in range(0, len(items), BATCH_SIZE)]
    if n_process <= 1 or len(batches) <= 1:
        for batch in batches:
            yield from process_batch(batch)
        return
    with ProcessPoolExecutor(max_workers=n_process) as pool:
        for results in pool.map(process_batch, batches):
            yield from results
