"""quotes extractor (placeholder until its issue lands)."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc


def extract_quotes(doc: Doc) -> Iterator:
    """Yield nothing yet."""
    return iter(())
