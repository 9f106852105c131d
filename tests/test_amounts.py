"""Money amounts: parse_amount / find_amounts on hand-built French phrasing, non-money, rules schema."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.extract.amounts import Amount, find_amounts, parse_amount
from pipeline.rules import load_json

NBSP, NNBSP = "\u00a0", "\u202f"

# (expression, value, currency, approximate)
EXPRESSIONS = [
    ("4 milliards de dollars", 4e9, "USD", False),
    ("105 millions d’euros", 105e6, "EUR", False),
    ("105 millions d'euros", 105e6, "EUR", False),
    ("9,3 millions", 9.3e6, None, False),
    ("1,6 milliard d’euros", 1.6e9, "EUR", False),
    ("1 628 275 000 euros", 1628275000, "EUR", False),
    (f"1{NBSP}628{NNBSP}275{NBSP}000 euros", 1628275000, "EUR", False),
    ("740.000 euros", 740000, "EUR", False),
    ("1.250.000 €", 1250000, "EUR", False),
    ("7 M€", 7e6, "EUR", False),
    ("7M€", 7e6, "EUR", False),
    # A scale word glued to the figure (a frequent typo in wire copy).
    ("45millions d'euros", 45e6, "EUR", False),
    ("3milliards de dollars", 3e9, "USD", False),
    ("2,5 Md$", 2.5e9, "USD", False),
    ("1,2 Md€", 1.2e9, "EUR", False),
    ("3 Mds€", 3e9, "EUR", False),
    ("300 M$", 300e6, "USD", False),
    ("500 k€", 500e3, "EUR", False),
    ("800 K€", 800e3, "EUR", False),
    ("12 MEUR", 12e6, "EUR", False),
    ("5 MUSD", 5e6, "USD", False),
    ("40 millions de francs suisses", 40e6, "CHF", False),
    ("CHF 40 millions", 40e6, "CHF", False),
    ("cent cinq millions d’euros", 105e6, "EUR", False),
    ("neuf millions d'euros", 9e6, "EUR", False),
    ("quatre millions", 4e6, None, False),
    ("vingt-cinq millions de dollars", 25e6, "USD", False),
    ("cinq cent mille euros", 500e3, "EUR", False),
    ("un million d'euros", 1e6, "EUR", False),
    ("une vingtaine de millions d’euros", 20e6, "EUR", True),
    ("une dizaine de millions", 10e6, None, True),
    ("une centaine de milliers d'euros", 100e3, "EUR", True),
    ("plus de 5 milliards", 5e9, None, True),
    ("près de 2 millions", 2e6, None, True),
    ("environ 3 millions d'euros", 3e6, "EUR", True),
    ("quelque 300 millions de dollars", 300e6, "USD", True),
    ("un peu plus de 4 millions d'euros", 4e6, "EUR", True),
    ("plus d'un milliard d'euros", 1e9, "EUR", True),
    ("près d’un million d’euros", 1e6, "EUR", True),
    ("pas moins de 12 millions d'euros", 12e6, "EUR", True),
    ("6 millions d'euros environ", 6e6, "EUR", True),
    ("des milliards de dollars", None, "USD", True),
    ("plusieurs millions d'euros", None, "EUR", True),
    ("des dizaines de millions d'euros", None, "EUR", True),
    ("250-300 millions d’euros", 250e6, "EUR", True),
    ("entre 250 et 300 millions", 250e6, None, True),
    ("2 à 3 millions d'euros", 2e6, "EUR", True),
    ("500 millions à 1 milliard d'euros", 500e6, "EUR", True),
    ("€5m", 5e6, "EUR", False),
    ("$40 million", 40e6, "USD", False),
    ("$1.2bn", 1.2e9, "USD", False),
    ("£3.5m", 3.5e6, "GBP", False),
    ("$1,200,000", 1.2e6, "USD", False),
    ("US$ 15 millions", 15e6, "USD", False),
    ("5 millions de livres sterling", 5e6, "GBP", False),
    ("2 millions de livres", 2e6, "GBP", False),
    ("10 millions de dollars canadiens", 10e6, "CAD", False),
    ("3 milliards de yens", 3e9, "JPY", False),
    ("2 milliards de yuans", 2e9, "CNY", False),
    ("50 millions de dollars américains", 50e6, "USD", False),
    ("2 millions et demi d'euros", 2.5e6, "EUR", False),
    ("1,5 million d'euros", 1.5e6, "EUR", False),
    ("500 000 €", 500e3, "EUR", False),
    ("15 000 euros", 15e3, "EUR", False),
    ("20 millions USD", 20e6, "USD", False),
    ("3 millions", 3e6, None, False),
    ("1,5 Mds d'euros", 1.5e9, "EUR", False),
    ("2 M euros", 2e6, "EUR", False),
    ("€ 4,5 millions", 4.5e6, "EUR", False),
    ("deux à trois millions d'euros", 2e6, "EUR", True),
    ("le milliard de dollars", 1e9, "USD", False),
    ("trois millions et demi d'euros", 3.5e6, "EUR", False),
    ("quelques centaines de milliers d'euros", None, "EUR", True),
    ("Plus de 2 MILLIONS D'EUROS", 2e6, "EUR", True),
]


@pytest.mark.parametrize(("expr", "value", "currency", "approximate"), EXPRESSIONS)
def test_parse_amount(expr: str, value: float | None, currency: str | None, approximate: bool) -> None:
    a = parse_amount(expr)
    assert a is not None, expr
    assert a.text == expr, "the whole expression is the amount's text"
    if value is None:
        assert a.value is None
    else:
        assert a.value == pytest.approx(value)
    assert a.currency == currency
    assert a.approximate is approximate


NOT_MONEY = [
    "au 3ème trimestre",
    "50 entreprises ont répondu",
    "fondée en 2019",
    "une hausse de 20 %",
    "avec 10 à 12 mois d’avance",
    "la ville compte 3 millions d'habitants",
    "elle a vendu 300 livres",
    "un euro fort pèse sur les exportations",
    "il y a 40 ans",
    "10 000 salariés",
    "1,5 point de croissance",
    "le 20/09/2020",
    "la version 2.5",
    "des millions de personnes",
    # a bare scale alone in parentheses counts what the same scale word counted before it
    "Korvia.com (3,22 millions de visiteurs uniques en mars), Brivo.fr (1,33 million), Talva.fr (1 million)",
    "",
]


@pytest.mark.parametrize("text", NOT_MONEY)
def test_not_money(text: str) -> None:
    assert find_amounts(text) == []
    assert parse_amount(text) is None


SENTENCES = [
    (
        "La start-up a levé 9 millions de dollars (8 millions d’euros) auprès de ses investisseurs.",
        [("9 millions de dollars", 9e6, "USD"), ("8 millions d’euros", 8e6, "EUR")],
    ),
    (
        "Après un premier tour de 2 M€ en 2021, la société boucle une série A de 15 millions d'euros.",
        [("2 M€", 2e6, "EUR"), ("15 millions d'euros", 15e6, "EUR")],
    ),
    (
        "Le fonds, doté de plus de 500 millions d'euros, investira entre 1 et 5 millions par dossier.",
        [("plus de 500 millions d'euros", 500e6, "EUR"), ("entre 1 et 5 millions", 1e6, None)],
    ),
    (
        "La jeune pousse vise une valorisation de $1.2bn, contre €300m l'an dernier.",
        [("$1.2bn", 1.2e9, "USD"), ("€300m", 300e6, "EUR")],
    ),
    (
        "Le groupe, qui emploie 1 200 personnes, réalise 45 M€ de chiffre d’affaires et a reçu 750 000 euros.",
        [("45 M€", 45e6, "EUR"), ("750 000 euros", 750e3, "EUR")],
    ),
    (
        "Le budget de 300 millions d'euros vient de Paul Durand (100 millions de Paul Durand, 200 millions de l'État).",
        [("300 millions d'euros", 300e6, "EUR"), ("100 millions", 100e6, None), ("200 millions", 200e6, None)],
    ),
    (
        "Elle a obtenu 4 millions de financement et vise la barre du milliard de dollars de valorisation.",
        [("4 millions", 4e6, None), ("du milliard de dollars", 1e9, "USD")],
    ),
    (
        "Ce tour de table d'environ vingt millions d'euros réunit des fonds qui ont investi des milliards de dollars.",
        [("environ vingt millions d'euros", 20e6, "EUR"), ("des milliards de dollars", None, "USD")],
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), SENTENCES)
def test_find_amounts_in_sentences(sentence: str, expected: list[tuple[str, float | None, str | None]]) -> None:
    found = find_amounts(sentence)
    assert [(a.text, a.value, a.currency) for a in found] == expected
    for a in found:
        assert sentence[a.start : a.end] == a.text


def test_range_keeps_upper_bound() -> None:
    a = parse_amount("250-300 millions d’euros")
    assert a is not None and a.rule_id == "amount:range"
    assert (a.value, a.high) == (250e6, 300e6)


def test_rule_ids() -> None:
    assert parse_amount("7 M€").rule_id == "amount:abbrev_currency"  # type: ignore[union-attr]
    assert parse_amount("105 millions d'euros").rule_id == "amount:scale_currency"  # type: ignore[union-attr]
    assert parse_amount("9,3 millions").rule_id == "amount:scale"  # type: ignore[union-attr]
    assert parse_amount("des milliards de dollars").rule_id == "amount:vague"  # type: ignore[union-attr]


def test_offsets_in_long_text() -> None:
    text = "Premier paragraphe.\n\nLa société a obtenu 3,5 millions d'euros.\nPuis 2 M$ l'an dernier."
    found = find_amounts(text)
    assert [a.value for a in found] == [3.5e6, 2e6]
    assert all(text[a.start : a.end] == a.text for a in found)


def test_rules_schema() -> None:
    """rules/amounts.json: every section present and well typed; currencies are 3-letter codes."""
    r = load_json("amounts.json")
    for section in ("scales", "abbreviations", "english_scales", "currency_names", "codes", "symbols",
                    "approximators", "approximate_nouns", "vague_quantifiers", "number_words",
                    "range_separators", "ambiguous_names", "money_nouns_after_de"):
        assert section in r, section
    for k, v in r["scales"].items():
        if not k.startswith("_"):
            assert isinstance(v["value"], float | int) and isinstance(v["bare_ok"], bool), k
    for section in ("abbreviations", "english_scales", "approximate_nouns"):
        assert all(isinstance(v, int | float) and v > 0 for k, v in r[section].items() if not k.startswith("_"))
    for section in ("currency_names", "codes", "symbols"):
        for k, v in r[section].items():
            if not k.startswith("_"):
                assert isinstance(v, str) and len(v) == 3 and v.isupper(), (section, k)
    names = {k.lower() for k in r["currency_names"]}
    assert all(n.lower() in names for n in r["ambiguous_names"]["names"])
    assert all(isinstance(p, str) and p for p in r["approximators"]["phrases"] + r["approximators"]["suffixes"])
    assert {"EUR", "USD", "GBP", "CHF", "CAD", "JPY", "CNY"} <= set(r["currency_names"].values())
    assert isinstance(r["number_words"]["joiner"], str) and r["number_words"]["not_alone_before_currency"]
    assert all(isinstance(w, str) and w for w in r["approximate_nouns_determiners"]["words"])
    assert all(isinstance(w, str) and w for w in r["money_nouns_after_de"]["words"]
               + r["money_nouns_after_de"]["source_determiners"])
    assert set(r["vague_quantifiers"]["singular_determiners"]) <= set(r["vague_quantifiers"]["determiners"])


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=80))
def test_never_raises_on_any_text(text: str) -> None:
    found = find_amounts(text)
    assert all(isinstance(a, Amount) and text[a.start : a.end] == a.text for a in found)
    assert all(b.start >= a.end for a, b in zip(found, found[1:], strict=False))
    parse_amount(text)


_PIECES = ["1", "2,5", "300", " ", "millions", "milliard", "de", "d'", "euros", "€", "$", "M", "Md", "k",
           "entre", "et", "à", "-", "plus de", "environ", "une vingtaine", "des", "cent", "cinq", "(", ")", "."]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=12).map(" ".join))
def test_never_raises_on_amount_like_text(text: str) -> None:
    for a in find_amounts(text):
        assert text[a.start : a.end] == a.text
        assert a.value is None or a.value >= 0


def _canonical(s: str) -> str:
    """A word with one space per run and one kind of apostrophe."""
    import re

    return re.sub(" +", " ", s.replace("\u2019", "'"))


_WORDS = st.lists(st.text(alphabet="abcé'\u2019 -", min_size=1, max_size=6).map(str.strip).map(_canonical)
                  .filter(bool), min_size=1, max_size=8)


@settings(max_examples=100, deadline=None)
@given(_WORDS, st.text(alphabet="abcé'\u2019 -", max_size=8))
def test_prefix_factored_alternation_matches_like_a_plain_one(words: list[str], probe: str) -> None:
    """textpatterns.alt (a trie) accepts exactly the listed words, up to space runs and apostrophe kinds."""
    import re

    from pipeline.extract.textpatterns import alt

    pattern = re.compile(alt(words, fold_case=False, word_end=False))
    assert all(pattern.fullmatch(w) for w in words)
    canon = {_canonical(w) for w in words}
    assert bool(pattern.fullmatch(probe)) == (_canonical(probe) in canon)


@pytest.mark.parametrize(
    "text, values",
    [
        ("ont levé respectivement 40 et 104 millions d'euros", [40e6, 104e6]),
        ("ont levé respectivement 5, 12 et 40 M€", [5e6, 12e6, 40e6]),
        ("fondée en 2019 et 5 millions d'euros levés", [5e6]),
        ("entre 40 et 104 millions d'euros", [40e6]),
    ],
)
def test_figures_sharing_the_unit_after_respectivement(text, values):
    assert [a.value for a in find_amounts(text)] == values


@pytest.mark.parametrize(
    "text, values",
    [
        # round-up parentheses with no counted unit before them stay money
        ("Reev (3 millions), MerciYanis (2,7 millions) et Talva (1 million) ont levé des fonds.", [3e6, 2.7e6, 1e6]),
        # a bare amount outside parentheses keeps its money reading after a count
        ("Sa filiale Korvia (3,2 millions de visiteurs) et Brivo, qui a levé 5 millions, progressent.", [5e6]),
        ("Korvia (3,22 millions d'euros), Brivo (1,33 million).", [3.22e6, 1.33e6]),
    ],
)
def test_bare_scales_after_a_count_in_parentheses(text: str, values: list[float]) -> None:
    assert [a.value for a in find_amounts(text)] == pytest.approx(values)
