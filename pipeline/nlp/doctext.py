"""`doc_text(doc)`: the text of a Doc, computed once.

spaCy rebuilds `Doc.text` from every token at each access (about 1 ms for a 1 000-token article);
code that looks at the text around each mention would spend more time there than in the model.
The text is kept in `doc.user_data` (a plain Python str, safe across memory zones).
"""

from __future__ import annotations

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
