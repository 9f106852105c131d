"""The `run` command: read the corpus, process new or changed articles, rewrite the tables."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import sys
import time
from dataclasses import dataclass, field, replace
from pathlib import Path

from pipeline.ingest import read_corpus
from pipeline.process import PendingArticle, article_id_for
from pipeline.records import ArticleResult, IngestError, RawArticle
from pipeline.state import State
from pipeline.statcache import files_signature
from pipeline.tables import write_table

log = logging.getLogger("pipeline")


@dataclass
class RunSummary:
    """What a run did, for the closing summary."""

    new: int = 0
    unchanged: int = 0
    failed: int = 0
    input_errors: int = 0  # inputs that could not be (fully) read: rows of `errors` from ingest
    rows: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    nothing_to_do: bool = False


def collect_articles(corpus: Path) -> tuple[list[PendingArticle], list[IngestError]]:
    """Read the corpus; the same text under two file names is one article with both sources."""
    by_id: dict[str, tuple[list[str], RawArticle]] = {}
    errors: list[IngestError] = []
    for item in read_corpus(corpus):
        if isinstance(item, IngestError):
            errors.append(item)
            print(f"error: {item.source}: {item.stage}: {item.message}", file=sys.stderr)
            continue
        aid = article_id_for(item.text)
        if aid in by_id:
            sources, first = by_id[aid]
            sources.append(item.source)
            by_id[aid] = (sources, _fill_metadata(first, item))
        else:
            by_id[aid] = ([item.source], item)
    pending = [PendingArticle(aid, tuple(srcs), raw) for aid, (srcs, raw) in sorted(by_id.items())]
    log.info("read %d distinct articles from %d sources; %d input errors",
             len(pending), sum(len(p.sources) for p in pending), len(errors))
    return pending, errors


def _fill_metadata(first: RawArticle, other: RawArticle) -> RawArticle:
    """The same text read twice: metadata missing from the first source is taken from the other."""
    if first.published is None and other.published is not None:
        first = replace(first, published=other.published, published_precision=other.published_precision)
    return replace(first, title=first.title or other.title, url=first.url or other.url, site=first.site or other.site)


def _bare_result(p: PendingArticle) -> ArticleResult:
    """An article whose processing failed keeps its row in `articles` (its error is in `errors`)."""
    raw = p.raw
    return ArticleResult(p.article_id, list(p.sources), raw.text, raw.title, raw.published, n_tokens=0)


def _signature(pending: list[PendingArticle], errors: list[IngestError]) -> str:
    payload = [[p.article_id, list(p.sources)] for p in pending] + [[e.source, e.stage, e.message] for e in errors]
    return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()[:16]


def default_workers() -> int:
    """All cores by default."""
    return max(1, os.cpu_count() or 1)


def run(
    corpus: Path,
    out: Path,
    n_process: int | None = None,
    progress: bool = True,
    engine: str = "local",
    ray_address: str | None = None,
) -> RunSummary:
    """Process `corpus` into the tables of `out`, incrementally. Never raises on a bad article."""
    t0 = time.perf_counter()
    summary = RunSummary()
    state = State(out)
    tables_exist = all((out / f"{t}.parquet").exists() for t in ("articles", "actors", "errors"))
    files = files_signature(corpus)
    if _files_unchanged(state, files) and tables_exist:  # nothing touched: do not even read the files
        summary.unchanged = len(state.articles)
        summary.nothing_to_do = True
        summary.seconds = time.perf_counter() - t0
        return summary
    pending, errors = collect_articles(corpus)
    summary.input_errors = len(errors)
    signature = _signature(pending, errors)
    if state.unchanged(signature) and tables_exist:
        if state.manifest.get("files") != files:  # touched but same content: remember the new times
            state.manifest["files"] = files
            state.save(signature)
        summary.unchanged = len(pending)
        summary.nothing_to_do = True
        summary.seconds = time.perf_counter() - t0
        return summary
    from pipeline.resolve import build_tables  # corpus-wide stages; imported after the no-op exit (it loads spaCy)

    todo = [p for p in pending if not state.has(p.article_id)]
    summary.unchanged = len(pending) - len(todo)
    summary.new = len(todo)
    results: dict[str, ArticleResult] = {}
    if todo:
        for item in _with_progress(_process(todo, n_process, engine, ray_address), len(todo), progress):
            if isinstance(item, IngestError):
                errors.append(item)
                summary.failed += 1
                print(f"error: {item.source}: {item.stage}: {item.message}", file=sys.stderr)
            else:
                _log_dropped(item)
                state.store(item)
                results[item.article_id] = item
    keep = set()
    for p in pending:
        if p.article_id in results or state.has(p.article_id):
            keep.add(p.article_id)
            state.articles[p.article_id] = list(p.sources)
    state.forget_except(keep)
    all_results = []
    for p in pending:
        if p.article_id not in keep:
            all_results.append(_bare_result(p))  # not stored: retried when the pipeline changes
            continue
        res = results.get(p.article_id) or state.load(p.article_id)
        res.sources = list(p.sources)  # a known text may have gained or lost a file name
        all_results.append(res)
    tables = build_tables(all_results, errors)
    for name, rows in tables.items():
        summary.rows[name] = write_table(out, name, rows)
    state.manifest["files"] = files
    state.save(signature)
    summary.seconds = time.perf_counter() - t0
    return summary


def _files_unchanged(state: State, files: str) -> bool:
    """True when the corpus files have the same paths, sizes and times as at the last complete run."""
    return bool(files) and state.manifest.get("files") == files and state.manifest.get("inputs") is not None


def _log_dropped(result: ArticleResult) -> None:
    """What the extractors chose not to keep, and why, at debug level (`-vv`); also kept in the state."""
    if log.isEnabledFor(logging.DEBUG):
        for d in result.dropped:
            log.debug("%s: dropped (%s) %r: %s", result.sources[0], d.stage, d.text, d.reason)


def _process(todo: list[PendingArticle], n_process: int | None, engine: str, ray_address: str | None):  # type: ignore[no-untyped-def]
    """Per-article stages with the chosen engine (local: all cores by default; ray: all the cluster's)."""
    from pipeline.engines import process_with_engine

    if engine == "local":
        n_process = n_process or default_workers()
    return process_with_engine(todo, n_process, engine, ray_address)  # type: ignore[arg-type]


def _with_progress(items, total: int, enabled: bool):  # type: ignore[no-untyped-def]
    if not enabled or total < 2:
        yield from items
        return
    from tqdm import tqdm

    yield from tqdm(items, total=total, unit="article", desc="articles", file=sys.stderr, disable=None)
