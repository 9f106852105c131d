"""The relation-frame pre-filter only skips sentences the Matcher could not match (a speed-up, same output)."""

from __future__ import annotations

import pytest

from pipeline.extract.relations import frames
from pipeline.extract.relations.context import sentences

# Hand-built sentences: every pattern family once, plus sentences without any trigger word.
SENTENCES = [
    "Nova, fondée en 2019 par Claire Dubois, recrute.",
    "La start-up a été rachetée par le groupe Orvane.",
    "Le groupe Orvane rachète la société Belcam.",
    "Belcam tombe dans l'escarcelle du groupe Orvane.",
    "Orvane noue un partenariat avec Belcam.",
    "Le consortium, dont Belcam et Orvane, publie un rapport.",
    "Pierre Martin dirige Orvane depuis 2020.",
    "Il fait beau à Lyon ce matin.",
    "Le marché du vin reste stable cette année.",
]


@pytest.mark.parametrize("text", SENTENCES)
def test_skipped_sentences_have_no_match(make_doc, text):
    doc = make_doc(text)
    matcher, _ = frames._matcher(doc)
    for sent in sentences(doc):
        if not any(frames._may_start(tok) for tok in sent):
            assert matcher(sent) == []


def test_prefilter_keeps_trigger_sentences(make_doc):
    doc = make_doc("Le groupe Orvane rachète la société Belcam.")
    assert any(frames._may_start(tok) for tok in doc)


def test_prefilter_skips_plain_sentence(make_doc):
    doc = make_doc("Il fait beau à Lyon ce matin.")
    assert not any(frames._may_start(tok) for tok in doc)


def test_every_first_token_is_prefilterable():
    """Each pattern's first token constrains LOWER or LEMMA, otherwise the filter is disabled."""
    lows, lemmas, regex = frames._first_tokens()
    assert lows or lemmas
    assert regex is None or regex.pattern != ""


@pytest.mark.parametrize("text", SENTENCES)
def test_sentence_matches_equal_plain_matcher(make_doc, text):
    """Running from the first possible start token gives the same matches, in the same order."""
    doc = make_doc(text)
    matcher, _ = frames._matcher(doc)
    for sent in sentences(doc):
        assert [tuple(m) for m in frames._sentence_matches(matcher, sent)] == [tuple(m) for m in matcher(sent)]
