"""The array attribute ruler sets exactly the model attribute ruler's attributes (it only runs faster)."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from pipeline.nlp.attributes import ArrayAttributeRuler, use_array_attribute_ruler
from pipeline.nlp.build import MODEL

ROOT = Path(__file__).resolve().parent.parent

TEXTS = [
    "La jeune pousse lyonnaise a levé 12 millions d'euros auprès de ses investisseurs historiques.",
    "« Nous allons recruter », a-t-elle affirmé.\n\n  \tLe lendemain,   rien.",
    "  \n\n Bonjour\t\tà tous.  \n",
    "",
    " ",
    "Il a dit :\n\n« Oui. »\n \n",
]


@pytest.fixture(scope="module")
def stock():
    """The model exactly as shipped (spaCy's AttributeRuler)."""
    return spacy.load(MODEL, exclude=["ner"])


def _attributes(doc):
    return [(t.tag_, t.pos_, str(t.morph), t.dep_) for t in doc]


def _texts() -> list[str]:
    return TEXTS + [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus").glob("*.txt"))]


def test_pipeline_uses_the_array_path_of_the_array_ruler(nlp):
    ruler = nlp.get_pipe("attribute_ruler")
    assert isinstance(ruler, ArrayAttributeRuler)
    assert ruler._array_plan() is not None  # the model's rules have the shape the array path needs


def test_same_attributes_as_the_models_attribute_ruler(stock):
    fast = spacy.load(MODEL, exclude=["ner"])
    use_array_attribute_ruler(fast)
    texts = _texts()
    for a, b in zip(stock.pipe(texts), fast.pipe(texts)):
        assert _attributes(a) == _attributes(b)


@pytest.mark.parametrize(
    "extra",
    [
        # a rule testing TAG after the POS -> TAG rules would see their output: spaCy's path is kept
        {"patterns": [[{"TAG": "NOUN", "LOWER": "levée"}]], "attrs": {"POS": "VERB"}},
        # a second POS -> TAG rule for one POS: their order matters, spaCy's path is kept
        {"patterns": [[{"POS": "NOUN"}]], "attrs": {"TAG": "NN"}},
    ],
)
def test_rule_sets_of_another_shape_keep_spacys_order(stock, extra):
    fast = spacy.load(MODEL, exclude=["ner"])
    use_array_attribute_ruler(fast)
    ruler = fast.get_pipe("attribute_ruler")
    ruler.add(**extra)
    stock_ruler = stock.get_pipe("attribute_ruler")
    assert ruler._array_plan() is None
    text = "La levée de fonds est bouclée."
    expected = stock_ruler(stock.make_doc(text))  # same components up to the ruler
    got = fast(text)
    assert _attributes(got) != [] and got[1].tag_ in {"NN", "NOUN"} and expected is not None
