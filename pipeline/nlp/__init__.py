"""spaCy side of the pipeline: the `Language` (built once per process) and the project's components."""

from pipeline.nlp.build import get_nlp

__all__ = ["get_nlp"]
