"""The cached lemmatizer gives exactly the model lemmatizer's lemmas (it only runs faster)."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from pipeline.nlp.build import MODEL
from pipeline.nlp.lemmas import CachedFrenchLemmatizer

ROOT = Path(__file__).resolve().parent.parent

SENTENCES = [
    "La jeune pousse lyonnaise a levé 12 millions d'euros auprès de ses investisseurs historiques.",
    "« Nous allons recruter », a-t-elle affirmé, avant d'ajouter qu'ils étaient prêts.",
    "Les fondatrices, toutes deux anciennes élèves de l'X, avaient été reçues à l'Élysée.",
    "Elle lève des fonds ; ils lèvent le camp ; nous levions la main.",
    "",
    "   ",
    "N'importe quoi ! Aujourd'hui, c'est-à-dire hier, les États-Unis s'étaient tus.",
]


@pytest.fixture(scope="module")
def stock():
    """The model exactly as shipped (its own FrenchLemmatizer)."""
    return spacy.load(MODEL)


def _corpus_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus").glob("*.txt"))]


def test_pipeline_uses_the_cached_lemmatizer(nlp):
    assert isinstance(nlp.get_pipe("lemmatizer"), CachedFrenchLemmatizer)
    assert nlp.pipe_names.index("lemmatizer") < nlp.pipe_names.index("actor_entities")


@pytest.mark.parametrize("text", SENTENCES)
def test_same_lemmas_as_the_model_on_sentences(nlp, stock, text):
    # twice: the second pass takes every lemma from the cache
    for _ in range(2):
        assert [t.lemma_ for t in nlp(text)] == [t.lemma_ for t in stock(text)]


def test_same_lemmas_as_the_model_on_the_corpus_inside_memory_zones(nlp, stock):
    texts = _corpus_texts()
    assert texts
    expected = [[t.lemma_ for t in doc] for doc in stock.pipe(texts)]
    for _ in range(2):  # lemmas cached as str survive the zone that first saw them
        with nlp.memory_zone():
            got = [[t.lemma_ for t in doc] for doc in nlp.pipe(texts)]
        assert got == expected
