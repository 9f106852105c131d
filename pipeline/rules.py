"""Access to the language knowledge kept as data in `rules/` (JSON, JSONL and plain word lists)."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

RULES_DIR = Path(__file__).resolve().parent.parent / "rules"


def rules_path(name: str) -> Path:
    """Path of a rules file by its name inside `rules/`."""
    return RULES_DIR / name


@lru_cache(maxsize=None)
def load_json(name: str) -> Any:
    """A JSON rules file, parsed once per process."""
    with rules_path(name).open(encoding="utf-8") as fh:
        return json.load(fh)


@lru_cache(maxsize=None)
def load_jsonl(name: str) -> tuple[dict[str, Any], ...]:
    """A JSONL rules file (one object per line; blank lines and `//` comments skipped)."""
    rows = []
    with rules_path(name).open(encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if line and not line.startswith("//"):
                rows.append(json.loads(line))
    return tuple(rows)


@lru_cache(maxsize=None)
def load_wordlist(name: str) -> frozenset[str]:
    """A plain word list: one entry per line, `#` starts a comment."""
    words = set()
    with rules_path(name).open(encoding="utf-8") as fh:
        for line in fh:
            line = line.split("#", 1)[0].strip()
            if line:
                words.add(line)
    return frozenset(words)


def rules_fingerprint() -> str:
    """A hash of every rules file: the incremental state is invalidated when the rules change."""
    import hashlib

    h = hashlib.sha256()
    for path in sorted(RULES_DIR.rglob("*")):
        if path.is_file():
            h.update(path.relative_to(RULES_DIR).as_posix().encode())
            h.update(path.read_bytes())
    return h.hexdigest()[:16]
