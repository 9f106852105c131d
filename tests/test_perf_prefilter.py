"""The relation frames' pre-filtered matcher gives exactly the plain Matcher's matches per sentence
(a speed-up, same output), and the pre-filter is really on for the relation patterns."""

from __future__ import annotations

import pytest
from spacy.matcher import Matcher

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


def _plain(doc) -> tuple[Matcher, dict[int, str]]:
    matcher = Matcher(doc.vocab)
    for pid, row in frames.patterns().items():
        matcher.add(pid, [row["pattern"]])
    return matcher, {doc.vocab.strings.add(pid): pid for pid in frames.patterns()}


@pytest.mark.parametrize("text", SENTENCES)
def test_sentence_matches_equal_plain_matcher(make_doc, text):
    doc = make_doc(text)
    plain, ids = _plain(doc)
    for sent in sentences(doc):
        assert frames._matcher(doc)(sent) == [(ids[m], s, e) for m, s, e in plain(sent)]


def test_prefilter_is_on_for_relation_patterns(make_doc):
    doc = make_doc("Il fait beau à Lyon ce matin.")
    assert frames._matcher(doc).prefilter
    assert frames._matcher(doc).candidates(doc) == []


def test_prefilter_keeps_trigger_tokens(make_doc):
    doc = make_doc("Le groupe Orvane rachète la société Belcam.")
    assert [doc[i].lower_ for i in frames._matcher(doc).candidates(doc)] == ["rachète"]
