"""Execution engines for the per-article stages (spaCy + extractors).

- `local`: this machine, one process or a pool of worker processes (`pipeline.process`);
- `ray`: Ray Data, on a local Ray started on demand or on an existing cluster (`RAY_ADDRESS`).

Every engine yields the same `ArticleResult` / `IngestError` records, so the corpus-level stages
and the tables do not depend on the engine. Ray is an optional extra: it is imported only when
the `ray` engine is chosen.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from pipeline.process import PendingArticle
from pipeline.records import ArticleResult, IngestError

ENGINES = ("local", "ray")


def process_with_engine(
    items: Sequence[PendingArticle],
    n_process: int,
    engine: str = "local",
    ray_address: str | None = None,
) -> Iterator[ArticleResult | IngestError]:
    """Run the per-article stages of `items` with `engine`; results come back in input order."""
    if engine == "local":
        from pipeline.engines.local import process_local

        return process_local(items, n_process)
    if engine == "ray":
        from pipeline.engines.ray_engine import process_ray

        return process_ray(items, n_process, ray_address)
    raise ValueError(f"unknown engine {engine!r} (choose from {', '.join(ENGINES)})")


__all__ = ["ENGINES", "process_with_engine"]
