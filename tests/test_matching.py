"""PrefilteredMatcher returns exactly what spaCy's Matcher returns (same matches, same order)."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.matcher import Matcher
from spacy.strings import get_string_id

from pipeline.extract.matching import PrefilteredMatcher
from pipeline.rules import load_jsonl

ROOT = Path(__file__).resolve().parent.parent

SENTENCES = [
    "La start-up nantaise lève 4 millions d'euros ; elle avait déjà levé 1 million en amorçage.",
    "Le tour de table, mené par Partech, a été bouclé en mars. Une levée de fonds record !",
    "Selon son fondateur, « la série B servira à recruter », a-t-il expliqué.",
    "Rien à signaler ici.",
]
SYNTHETIC = {  # literal, IN and REGEX first tokens, on LOWER and LEMMA, optional later tokens
    "lit": [[{"LOWER": "levée"}, {"LOWER": "de"}, {"LOWER": "fonds", "OP": "?"}]],
    "in": [[{"LEMMA": {"IN": ["lever", "boucler"]}}, {"POS": "DET", "OP": "?"}, {"LIKE_NUM": True}]],
    "rx": [[{"LOWER": {"REGEX": "^s[ée]ries?$"}}, {"IS_UPPER": True}]],
    "lemma_rx": [[{"LEMMA": {"REGEX": "^expliqu"}}]],
    "text": [[{"TEXT": {"IN": ["Selon", "Pour"]}}, {"IS_ALPHA": True}], [{"ORTH": "»"}, {"IS_PUNCT": True, "OP": "?"}]],
    "quantified": [[{"LOWER": {"IN": ["selon", "d'"]}}, {"IS_ALPHA": True, "OP": "{1,3}"}, {"IS_PUNCT": True}]],
}


def _rule_patterns(name: str) -> dict[str, list[list[dict]]]:
    return {row["id"]: [row["pattern"]] for row in load_jsonl(name)}


PATTERN_SETS = {
    "funding_triggers": _rule_patterns("funding_triggers.jsonl"),
    "relation_patterns": _rule_patterns("relation_patterns.jsonl"),
    "quote_patterns": _rule_patterns("quote_patterns.jsonl"),
    "synthetic": SYNTHETIC,
}


def _plain(vocab, patterns):
    matcher = Matcher(vocab)
    for rid, alternatives in patterns.items():
        matcher.add(rid, alternatives)
    names = {get_string_id(rid): rid for rid in patterns}
    return lambda doclike: [(names[m], s, e) for m, s, e in matcher(doclike)]


@pytest.fixture(scope="module")
def docs(nlp):
    texts = SENTENCES + [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus").glob("*.txt"))]
    return list(nlp.pipe(texts))


@pytest.mark.parametrize("name", sorted(PATTERN_SETS))
def test_same_matches_in_the_same_order_as_the_matcher(nlp, docs, name):
    patterns = PATTERN_SETS[name]
    fast, plain = PrefilteredMatcher(nlp.vocab, patterns), _plain(nlp.vocab, patterns)
    found = 0
    for doc in docs:
        assert fast(doc) == plain(doc)
        for sent in doc.sents:
            assert fast(sent) == plain(sent)
        found += len(plain(doc))
    assert found  # the comparison is not vacuous


def test_prefilter_is_used_only_where_it_is_exact(nlp):
    assert PrefilteredMatcher(nlp.vocab, SYNTHETIC).prefilter
    unbounded = {"u": [[{"LOWER": "selon"}, {"IS_ALPHA": True, "OP": "+"}]]}
    optional_first = {"o": [[{"LOWER": "très", "OP": "?"}, {"POS": "ADV"}]]}
    by_pos = {"p": [[{"POS": "VERB"}]]}
    open_range = {"r": [[{"LOWER": "selon"}, {"IS_ALPHA": True, "OP": "{2,}"}]]}
    negated_first = {"n": [[{"LOWER": "pas", "OP": "!"}, {"LOWER": "bien"}]]}
    all_optional = {"a": [[{"LOWER": "très", "OP": "?"}, {"LOWER": "bien", "OP": "?"}]]}
    for patterns in (unbounded, optional_first, by_pos, open_range, negated_first, all_optional):
        assert not PrefilteredMatcher(nlp.vocab, patterns).prefilter


def test_leading_optional_tokens_are_candidates_too(nlp):
    """'peut-on lire dans' and 'lire dans' both match: a match may begin at an optional token."""
    patterns = {"lire": [[{"LOWER": {"IN": ["peut", "on"]}, "OP": "?"}, {"LOWER": {"IN": ["-on", "-t-on"]}, "OP": "{0,2}"},
                          {"LEMMA": "lire"}, {"LOWER": "dans"}]]}
    fast, plain = PrefilteredMatcher(nlp.vocab, patterns), _plain(nlp.vocab, patterns)
    assert fast.prefilter
    doc = nlp("Peut-on lire dans la presse que tout va bien ? On peut lire dans Le Monde un avis contraire.")
    assert fast(doc) == plain(doc) and plain(doc)


def test_rule_pattern_sets_are_prefiltered(nlp):
    for name in ("funding_triggers", "relation_patterns", "quote_patterns"):
        assert PrefilteredMatcher(nlp.vocab, PATTERN_SETS[name]).prefilter, name


def test_candidates_are_the_possible_starts(nlp):
    doc = nlp("Elle a levé des fonds, puis une levée de fonds a suivi.")
    fast = PrefilteredMatcher(nlp.vocab, SYNTHETIC)
    assert [doc[i].text for i in fast.candidates(doc)] == ["levé", "levée"]
    assert fast(nlp("Aucun mot utile.")) == []


def test_windows_end_at_the_longest_pattern_of_their_first_word(nlp):
    """A common first word that opens only a short pattern ('à ses yeux') gets a short window; a long
    pattern's first word ('selon') a long one — same matches as the plain Matcher."""
    patterns = {"yeux": [[{"LOWER": "à"}, {"LOWER": {"IN": ["ses", "leurs"]}}, {"LOWER": "yeux"}]],
                "selon": [[{"LOWER": "selon"}, {"IS_ALPHA": True, "OP": "{1,8}"}, {"TEXT": ","}]]}
    fast, plain = PrefilteredMatcher(nlp.vocab, patterns, gate_from=100), _plain(nlp.vocab, patterns)
    doc = nlp("À ses yeux, il faut partir à Lyon. Selon la directrice de la banque, tout va bien.")
    assert fast(doc) == plain(doc) and len(plain(doc)) == 2
    windows = fast._windows(doc)
    assert [b - a for a, b in windows] == [3, 3, 10]  # 'À', 'à' (Lyon), then 'Selon': 1 + 8 + 1


def test_long_patterns_open_a_window_only_where_their_required_words_follow(nlp):
    """'à' opens 'à ses yeux' only where 'yeux' follows within the pattern's length; 'selon … ,' only
    where a comma follows within 10 tokens — same matches as the plain Matcher, fewer tokens scanned."""
    patterns = {"yeux": [[{"LOWER": "à"}, {"LOWER": {"IN": ["ses", "leurs"]}}, {"LOWER": "yeux"}]],
                "selon": [[{"LOWER": "selon"}, {"IS_ALPHA": True, "OP": "{1,8}"}, {"TEXT": ","}]]}
    fast, plain = PrefilteredMatcher(nlp.vocab, patterns, gate_from=3), _plain(nlp.vocab, patterns)
    doc = nlp("À ses yeux, il faut partir à Lyon. Selon la directrice de la banque tout va bien et rien ne change. "
              "Selon elle, tout va bien.")
    assert fast(doc) == plain(doc) and [m[0] for m in plain(doc)] == ["yeux", "selon"]
    assert [doc[a].text for a, _ in fast._windows(doc)] == ["À", "Selon"]  # the second 'Selon' only


@pytest.mark.parametrize(("pattern", "words"), [
    ([{"LOWER": "pour"}, {"POS": "DET"}, {"TEXT": "("}, {"TEXT": {"NOT_IN": [")"]}, "OP": "{1,3}"}, {"TEXT": ")"}], [["("], [")"]]),
    ([{"LOWER": "à", "OP": "?"}, {"LOWER": "ses"}, {"LOWER": {"IN": ["Yeux", "avis"]}}, {"TEXT": ",", "OP": "?"}], [["avis", "yeux"]]),
    ([{"LEMMA": "dire"}, {"OP": "!", "LOWER": "pas"}, {"ORTH": "Que", "OP": "+"}], [["que"]]),
])
def test_required_words_are_the_words_every_match_holds_after_its_start(pattern, words):
    from pipeline.extract.matching import required_words

    assert required_words(pattern) == words


@pytest.mark.parametrize(("op", "most"), [(None, 1), ("?", 1), ("!", 1), ("{3}", 3), ("{1,4}", 4), ("{,2}", 2),
                                          ("*", None), ("+", None), ("{2,}", None), ("bizarre", None)])
def test_operator_bounds(op, most):
    from pipeline.extract.matching import _max_tokens

    assert _max_tokens(op) == most


def test_each_first_token_regex_keeps_its_own_verdicts(nlp):
    """A word the shared table's regex rejects ('compte' for '^vend') may open a gated pattern with
    its own regex ('^compt'): the cached regex verdicts must not be shared between them."""
    patterns = {"short": [[{"LOWER": {"REGEX": "^vend"}}]],
                "long": [[{"LOWER": {"REGEX": "^compt"}}, {"LOWER": "parmi"}, {"LOWER": {"IN": ["ses", "leurs"]}}]]}
    fast, plain = PrefilteredMatcher(nlp.vocab, patterns, gate_from=3), _plain(nlp.vocab, patterns)
    doc = nlp("Elle vend des robots et compte parmi ses clients la SNCF.")
    assert fast(doc) == plain(doc) and [m[0] for m in plain(doc)] == ["short", "long"]
