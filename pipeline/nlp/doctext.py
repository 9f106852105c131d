"""`doc_text(doc)`: the text of a Doc, computed once.

spaCy rebuilds `Doc.text` from every token at each access (about 1 ms for a 1 000-token article);
code that looks at the text around each mention would spend more time there than in the model.
The text is kept in `doc.user_data` (a plain Python str, safe across memory zones).
"""

from __future__ import annotations

from typing import cast

from spacy.attrs import IDX, LENGTH
from spacy.tokens import Doc

_KEY = "pipeline.text"


def doc_text(doc: Doc) -> str:
    """`doc.text`, cached on the doc (spaCy never changes a doc's text once tokenised)."""
    text = doc.user_data.get(_KEY)
    if text is None:
        text = doc.user_data[_KEY] = doc.text
    return text


_TEXTS_KEY = "pipeline.token_texts"


def token_texts(doc: Doc) -> list[str]:
    """The text of every token, computed once per doc: scanning a `list[str]` costs a fraction of
    creating a spaCy `Token` object for each position, and most scans only look for rare words."""
    texts = doc.user_data.get(_TEXTS_KEY)
    if texts is None or len(texts) != len(doc):
        texts = doc.user_data[_TEXTS_KEY] = [t.text for t in doc]
    return texts


_BOUNDS_KEY = "pipeline.token_bounds"


def token_bounds(doc: Doc) -> tuple[list[int], list[int]]:
    """Start and end character offsets of every token, computed once per doc."""
    bounds = doc.user_data.get(_BOUNDS_KEY)
    if bounds is None or len(bounds[0]) != len(doc):
        arr = cast(list[list[int]], doc.to_array([IDX, LENGTH]).reshape(-1, 2).tolist())
        bounds = doc.user_data[_BOUNDS_KEY] = ([s for s, _ in arr], [s + n for s, n in arr])
    return cast(tuple[list[int], list[int]], bounds)


def slice_text(doc: Doc, start: int, end: int) -> str:
    """`doc[start:end].text` (tokens start..end-1, end > start) without making a Span."""
    starts, ends = token_bounds(doc)
    return doc_text(doc)[starts[start] : ends[end - 1]]
