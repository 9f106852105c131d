"""Shared fixtures: the spaCy pipeline is loaded once per test session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

# Property tests check behaviour, never speed (speed is the benchmark's business): no deadline, so a
# loaded CI machine cannot fail them. HYPOTHESIS_PROFILE=stress explores far more examples.
settings.register_profile("default", deadline=None)
settings.register_profile("stress", deadline=None, max_examples=2000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

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
