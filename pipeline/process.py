"""Per-article stages: spaCy plus every extractor, turning `RawArticle`s into `ArticleResult`s.

Runs in one process or in a pool of worker processes, each loading the model once. A failure on
one article becomes an `IngestError` and never stops the others.

Memory policy (flat RSS whatever the corpus size):
- articles go to the workers in small batches, with a bounded number of batches in flight, and
  come back as small picklable records (no `Doc` ever crosses a process boundary);
- each batch runs inside `nlp.memory_zone()`, so the strings a batch adds to the vocabulary are
  freed when it ends; the records hold plain Python `str`, which outlive the zone;
- the article text is not sent back by the workers: the parent already holds it.

spaCy is imported lazily so that a run with nothing new (which loads no model) stays fast.
"""

from __future__ import annotations

import hashlib
import logging
import os
import sys
import unicodedata
from collections import deque
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pipeline.records import ArticleResult, IngestError, RawArticle

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

log = logging.getLogger("pipeline.process")

BATCH_SIZE = 16  # articles per task: small enough to balance workers, big enough for nlp.pipe
IN_FLIGHT_PER_WORKER = 2  # batches queued per worker: keeps workers busy, bounds parent memory


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
    from pipeline.extract import extract_all

    doc._.published = item.raw.published
    doc._.published_precision = item.raw.published_precision or "day"
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


def _extract_error(item: PendingArticle, exc: Exception) -> IngestError:
    return IngestError(item.sources[0], "extract", f"{type(exc).__name__}: {exc}")


# Warm-up text, processed once per process OUTSIDE any memory zone: extractors that build their
# matchers lazily on first use must intern their pattern strings permanently (a string interned
# inside a zone is freed when the zone ends, and a later lookup would fail with spaCy's E018).
WARM_UP_TEXT = (
    "La start-up Exemplia, fondée en 2015 à Lyon, a levé 12 millions d'euros lors d'une série A "
    "menée par le fonds Capitalix Partners, avec la participation de Bpifrance, a annoncé le 3 mars "
    "2021 son président, Jean Dupont. « Nous allons recruter quarante ingénieurs », a déclaré Marie "
    "Durand, directrice générale d'Exemplia. Selon elle, l'entreprise a racheté la société Datavia. "
    "Paul Martin, cofondateur de Datavia et ancien PDG de Numérix, estime que le marché progresse."
)
_state = {"warm": False, "zones": True, "batches": 0}


def _warm_up(nlp: Language) -> None:
    if _state["warm"]:
        return
    _state["warm"] = True
    doc = nlp(WARM_UP_TEXT)
    try:
        result_from_doc(PendingArticle("warm-up", ("warm-up",), RawArticle("warm-up", WARM_UP_TEXT)), doc)
    except Exception:  # noqa: BLE001 - an extractor bug shows up (and is reported) on real articles
        log.debug("warm-up extraction failed", exc_info=True)


def _zone(nlp: Language) -> AbstractContextManager:
    # The first real batch also runs outside a zone: lazy initialisations that depend on the
    # content (a matcher built at the first funding sentence, ...) mostly happen there.
    use = _state["zones"] and _state["batches"] > 0
    _state["batches"] += 1
    return nlp.memory_zone() if use else nullcontext()


def _clear_lazy_caches() -> int:
    """Empty the `lru_cache`s of the pipeline's modules (not the model's) so that what they built
    inside a zone (matchers holding freed strings) is rebuilt, now outside any zone."""
    from pipeline.nlp import get_nlp

    cleared = 0
    for name, module in list(sys.modules.items()):
        if module is None or not (name == "pipeline" or name.startswith("pipeline.")):
            continue
        for obj in list(vars(module).values()):
            if obj is not get_nlp and callable(getattr(obj, "cache_clear", None)):
                obj.cache_clear()
                cleared += 1
    return cleared


def _lost_string(results: list[ArticleResult | IngestError]) -> bool:
    return any(isinstance(r, IngestError) and "[E018]" in r.message for r in results)


def process_batch(items: Sequence[PendingArticle]) -> list[ArticleResult | IngestError]:
    """Process a batch of articles in this process; one bad article gives an error, not a crash.

    The batch runs inside `nlp.memory_zone()`: strings interned for it are freed at the end (the
    records only hold Python str copies). Should some code still keep a string from an earlier
    zone (spaCy error E018), the batch is redone and zones are switched off for this process.
    """
    from pipeline.nlp import get_nlp

    nlp = get_nlp()
    _warm_up(nlp)
    results = _process_batch(nlp, items)
    if _state["zones"] and _lost_string(results):
        log.warning("a string interned in a memory zone was used after it: memory zones disabled, caches rebuilt")
        _state["zones"] = False
        _clear_lazy_caches()
        results = _process_batch(nlp, items)
    return results


def _process_batch(nlp: Language, items: Sequence[PendingArticle]) -> list[ArticleResult | IngestError]:
    out: list[ArticleResult | IngestError] = []
    with _zone(nlp):
        try:
            docs = list(nlp.pipe(_contexts(items), as_tuples=True, batch_size=BATCH_SIZE))
        except Exception:  # noqa: BLE001 - fall back to one article at a time to isolate the culprit
            docs = None
        if docs is not None:
            for item, (doc, _ctx) in zip(items, docs):
                try:
                    out.append(result_from_doc(item, doc))
                except Exception as exc:  # noqa: BLE001 - an extractor bug must not lose the corpus
                    out.append(_extract_error(item, exc))
            docs.clear()  # no Doc may outlive the zone
    if docs is None:
        return [r for item in items for r in process_batch_one(item)]
    return out


def process_batch_one(item: PendingArticle) -> list[ArticleResult | IngestError]:
    """Process one article alone (used to isolate the article that broke a batch)."""
    from pipeline.nlp import get_nlp

    nlp = get_nlp()
    _warm_up(nlp)
    with _zone(nlp):
        try:
            doc = nlp(item.raw.text)
        except Exception as exc:  # noqa: BLE001
            return [IngestError(item.sources[0], "nlp", f"{type(exc).__name__}: {exc}")]
        try:
            return [result_from_doc(item, doc)]
        except Exception as exc:  # noqa: BLE001
            return [_extract_error(item, exc)]


def worker_batch(items: Sequence[PendingArticle]) -> list[ArticleResult | IngestError]:
    """`process_batch` as run in a worker: the text is dropped from the results (the parent has it)."""
    results = process_batch(items)
    for r in results:
        if isinstance(r, ArticleResult):
            r.text = ""
    return results


def restore_texts(items: Sequence[PendingArticle], results: list[ArticleResult | IngestError]) -> None:
    """Put back the article texts that `worker_batch` left out."""
    texts = {item.article_id: item.raw.text for item in items}
    for r in results:
        if isinstance(r, ArticleResult) and not r.text:
            r.text = texts[r.article_id]


def prepare_worker() -> None:
    """Load the model as soon as the worker starts, so every worker loads it in parallel."""
    from pipeline.nlp import get_nlp

    _warm_up(get_nlp())


def batches_of(items: Sequence[PendingArticle], size: int) -> Iterator[Sequence[PendingArticle]]:
    """Consecutive slices of `size` articles."""
    for i in range(0, len(items), size):
        yield items[i : i + size]


def process_articles(
    items: Sequence[PendingArticle], n_process: int = 1, batch_size: int | None = None
) -> Iterator[ArticleResult | IngestError]:
    """Process articles in batches, in this process or in `n_process` worker processes.

    Results come back in the order of `items`, as soon as each batch is done.
    """
    size = batch_size or BATCH_SIZE
    n_batches = -(-len(items) // size)
    if n_process <= 1 or n_batches <= 1:
        for batch in batches_of(items, size):
            yield from process_batch(batch)
        return
    workers = min(n_process, n_batches)
    with ProcessPoolExecutor(max_workers=workers, initializer=prepare_worker) as pool:
        pending: deque[tuple[Sequence[PendingArticle], Future]] = deque()
        for batch in batches_of(items, size):
            pending.append((batch, pool.submit(worker_batch, batch)))
            if len(pending) >= workers * IN_FLIGHT_PER_WORKER:
                yield from _take(pending.popleft())
        while pending:
            yield from _take(pending.popleft())


def _take(entry: tuple[Sequence[PendingArticle], Future]) -> list[ArticleResult | IngestError]:
    batch, future = entry
    results: list[ArticleResult | IngestError] = future.result()
    restore_texts(batch, results)
    return results


def peak_rss_mb() -> dict[str, float]:
    """Peak resident memory (MB) of this process and of its largest finished child process."""
    import resource

    scale = 1024 if os.uname().sysname != "Darwin" else 1024 * 1024  # ru_maxrss: KiB on Linux
    me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / scale
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / scale
    return {"self": round(me, 1), "children": round(kids, 1)}
