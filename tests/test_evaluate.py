"""The evaluation's matching rules, scoring, gold files and table reading (no pipeline run here)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.evaluation.floors import raise_floors, round_down
from pipeline.evaluation.gold import ACTOR_TYPES, find_article, gold_files, load_gold, parse_gold
from pipeline.evaluation.matching import (
    Score,
    align_best,
    align_in_passes,
    amount_match,
    name_match,
    normalize,
    token_f1,
)
from pipeline.evaluation.scoring import MEASURES, score_article, sentence_around
from pipeline.evaluation.system import SysActor, SysArticle, SysEvent, SysQuote, SysRole, load_views

ROOT = Path(__file__).resolve().parent.parent
ANNOTATED = ROOT / "tests" / "annotated"
CORPUS = ROOT / "corpus"


# ---------------------------------------------------------------- name matching
@pytest.mark.parametrize(
    ("gold", "system", "exact", "expected"),
    [
        ("Sam Altman", "sam altman", True, True),  # case
        ("Rodolphe Saadé", "Rodolphe Saade", True, True),  # accents
        ("Société Générale", "SOCIETE GENERALE", True, True),
        ("CMA CGM", "CMA-CGM", True, True),  # punctuation
        ("L’Oréal", "L'Oréal", True, True),  # apostrophes
        ("France Inter", "FranceInter", True, True),  # spacing
        ("Sam Altman", "Altman", True, False),  # exact pass: no partial names
        ("Sam Altman", "Altman", False, True),  # missing first name
        ("Altman", "Sam Altman", False, True),
        ("Mistral AI", "Mistral", False, True),
        ("Jean Dupont", "Jean Durand", False, False),
        ("Dupont", "Duponte", False, False),  # whole tokens only
        ("Meta", "Metaverse Inc", False, False),
        ("Banque de France", "France", False, True),  # loose pass accepts a sub-sequence
        ("", "Sam Altman", False, False),
        (None, "Sam Altman", False, False),
    ],
)
def test_name_match(gold, system, exact, expected):
    assert name_match(gold, system, exact) is expected


@given(st.text(max_size=40))
def test_normalize_is_idempotent(text):
    assert normalize(normalize(text)) == normalize(text)


@given(st.text(max_size=30), st.text(max_size=30))
def test_name_match_is_symmetric(a, b):
    assert name_match(a, b) == name_match(b, a)
    assert name_match(a, b, exact=True) == name_match(b, a, exact=True)


# ---------------------------------------------------------------- quote overlap
@pytest.mark.parametrize(
    ("gold", "system", "low", "high"),
    [
        ("Nous allons lever des fonds", "Nous allons lever des fonds", 1.0, 1.0),
        ("Nous allons lever des fonds", "« Nous allons lever des fonds. »", 1.0, 1.0),  # marks ignored
        ("Nous allons lever des fonds cette année", "Nous allons lever des fonds", 0.8, 0.9),
        ("Nous allons lever des fonds", "Il pleut sur la ville", 0.0, 0.0),
        ("", "Nous allons", 0.0, 0.0),
    ],
)
def test_token_f1(gold, system, low, high):
    assert low <= token_f1(gold, system) <= high


@given(st.text(max_size=60), st.text(max_size=60))
def test_token_f1_bounded_and_symmetric(a, b):
    value = token_f1(a, b)
    assert 0.0 <= value <= 1.0
    assert value == pytest.approx(token_f1(b, a))


@given(st.text(alphabet="abcdef ", min_size=1, max_size=40).filter(lambda s: s.split()))
def test_token_f1_of_itself_is_one(text):
    assert token_f1(text, text) == 1.0


# ---------------------------------------------------------------- amounts
@pytest.mark.parametrize(
    ("ga", "gc", "sa", "sc", "expected"),
    [
        (9_300_000, "EUR", 9_300_000.0, "EUR", True),
        (9_300_000, "EUR", 9_350_000.0, "EUR", True),  # within 1 %
        (9_300_000, "EUR", 9_500_000.0, "EUR", False),
        (9_300_000, "EUR", 9_300_000.0, "USD", False),  # currency must agree
        (None, None, None, None, True),  # "des milliards": no amount on both sides
        (None, None, 1_000_000.0, "EUR", False),
        (4_000_000_000, "USD", None, None, False),
    ],
)
def test_amount_match(ga, gc, sa, sc, expected):
    assert amount_match(ga, gc, sa, sc) is expected


# ---------------------------------------------------------------- alignment and P/R/F1
def test_exact_pass_before_loose_pass():
    # "Meta" must pair with "Meta", leaving "Meta AI" for "Meta AI", whatever the order.
    gold = ["Meta", "Meta AI"]
    system = ["Meta AI", "Meta"]
    passes = [lambda g, s: name_match(g, s, True), lambda g, s: name_match(g, s)]
    assert sorted(align_in_passes(gold, system, passes)) == [(0, 1), (1, 0)]


def test_alignment_is_one_to_one():
    pairs = align_in_passes(["Altman", "Altman"], ["Sam Altman"], [lambda g, s: name_match(g, s)])
    assert pairs == [(0, 0)]


def test_best_alignment_prefers_the_closest_quote():
    gold = ["nous allons lever des fonds", "nous allons lever des fonds cette année en Europe"]
    system = ["nous allons lever des fonds cette année en Europe", "nous allons lever des fonds"]
    pairs = align_best(gold, system, token_f1, 0.6)
    assert [(g, s) for g, s, _ in pairs] == [(0, 1), (1, 0)]


@pytest.mark.parametrize(
    ("score", "p", "r", "f1"),
    [
        (Score(2, 4, 2), 0.5, 1.0, 2 / 3),
        (Score(0, 0, 0), 1.0, 1.0, 1.0),  # nothing to find, nothing found
        (Score(0, 0, 3), 0.0, 0.0, 0.0),
        (Score(0, 3, 0), 0.0, 1.0, 0.0),
    ],
)
def test_precision_recall_f1(score, p, r, f1):
    assert (score.precision, score.recall, score.f1) == pytest.approx((p, r, f1))


def test_scores_add_up():
    assert Score(1, 2, 3) + Score(2, 2, 2) == Score(3, 4, 5)


# ---------------------------------------------------------------- whole-article scoring
GOLD = {
    "funding_events": [
        {"recipient": "Alpaga Robotique", "amount": 12000000, "currency": "EUR", "investors": ["Fonds Boréal", "Bpifrance"],
         "round": "series_a", "evidence": "Alpaga Robotique lève 12 millions d’euros."},
    ],
    "quotes": [
        {"speaker": "Claire Martin", "text": "Nous allons recruter cinquante ingénieurs à Lyon", "kind": "direct"},
        {"speaker": None, "text": "une étape décisive pour la filière", "kind": "direct"},
    ],
    "actors": [
        {"name": "Alpaga Robotique", "type": "ORG"},
        {"name": "Claire Martin", "type": "PER"},
        {"name": "Fonds Boréal", "type": "ORG"},
        {"name": "Bpifrance", "type": "ORG", "aliases": ["BPI"]},
        {"name": "Lyon", "type": "LOC"},  # not scored: only PER and ORG
    ],
    "roles": [
        {"person": "Claire Martin", "role": "PDG", "org": "Alpaga Robotique"},
        {"person": "Claire Martin", "role": "conseillère", "org": None},  # no organisation: not scored
    ],
}


def _system() -> SysArticle:
    return SysArticle(
        "x",
        text="Alpaga Robotique lève 12 millions d’euros. « Nous allons recruter cinquante ingénieurs », dit Martin.",
        actors=[
            SysActor(("Alpaga Robotique",), "ORG"),
            SysActor(("Martin",), "PER"),  # missing first name: still a match
            SysActor(("BPI",), "PER"),  # gold alias, wrong type
            SysActor(("Lyon",), "LOC"),  # not a PER/ORG actor: ignored
            SysActor(("Robotique Magazine",), "ORG"),  # false positive
        ],
        events=[
            SysEvent(("Alpaga",), 12_000_000.0, "EUR", (("Fonds Boréal",), ("Crédit Agricole",)), "series_a", "…"),
            SysEvent(("Alpaga Robotique",), 3_000_000.0, "EUR", (), None, "…"),  # wrong amount
        ],
        quotes=[
            SysQuote("Nous allons recruter cinquante ingénieurs", ("Martin",), "direct"),
            SysQuote("une étape décisive pour la filière", ("Claire Martin",), "direct"),  # gold has no speaker
        ],
        roles=[SysRole(("Martin",), ("Alpaga Robotique",), "PDG", "…"), SysRole(("Martin",), ("Lyon",), "PDG", "…")],
    )


def test_score_article_counts_every_measure():
    result = score_article(parse_gold("x", GOLD), _system())
    counts = {m: (s.tp, s.n_sys, s.n_gold) for m, s in result.scores.items()}
    assert counts["actors"] == (3, 4, 4)
    assert counts["actors_typed"] == (2, 4, 4)
    assert counts["funding"] == (1, 2, 1)
    assert counts["funding_investors"] == (1, 2, 2)
    assert counts["funding_round"] == (1, 1, 1)
    assert counts["quotes"] == (2, 2, 2)
    assert counts["quotes_speaker"] == (1, 2, 2)
    assert counts["roles"] == (1, 2, 1)


def test_investors_of_a_missed_event_count_as_missed():
    gold = parse_gold("x", {"funding_events": [GOLD["funding_events"][0], {**GOLD["funding_events"][0], "amount": 5}]})
    system = SysArticle("x", events=[SysEvent(("Alpaga Robotique",), 12e6, "EUR", (("Bpifrance",),), None, None)])
    investors = score_article(gold, system).scores["funding_investors"]
    assert (investors.tp, investors.n_sys, investors.n_gold) == (1, 1, 4)


def test_misses_name_the_error_and_its_sentence():
    misses = score_article(parse_gold("x", GOLD), _system()).misses
    kinds = {(m.measure, m.kind, m.item) for m in misses}
    assert ("actors", "fp", "Robotique Magazine (ORG)") in kinds
    assert ("actors", "fn", "Fonds Boréal (ORG)") in kinds
    assert ("funding_investors", "fp", "Crédit Agricole") in kinds
    assert ("funding_investors", "fn", "Bpifrance") in kinds
    assert any(m.measure == "quotes_speaker" and m.kind == "wrong_speaker" for m in misses)
    fn_quote = [m for m in misses if m.measure == "actors" and m.kind == "fn"]
    assert all(m.article == "x" for m in fn_quote)


def test_missing_output_scores_zero_recall():
    result = score_article(parse_gold("x", GOLD), None)
    assert result.scores["actors"].recall == 0.0
    assert result.scores["quotes"].n_gold == 2


def test_sentence_around_finds_the_sentence():
    text = "Première phrase. Claire Martin dirige Alpaga. Dernière phrase."
    assert sentence_around(text, "claire  martin") == "Claire Martin dirige Alpaga."
    assert sentence_around(text, "absent") is None


# ---------------------------------------------------------------- reading the tables (contract columns)
def _write_tables(out: Path) -> None:
    out.mkdir(parents=True)
    pd.DataFrame(
        [{"article_id": "a1", "source": "sub/s1.txt", "text": "Claire Martin dirige Alpaga."}]
    ).to_parquet(out / "articles.parquet")
    pd.DataFrame(
        [
            {"actor_id": "p1", "name": "Claire Martin", "type": "PER", "aliases": ["Martin"]},
            {"actor_id": "o1", "name": "Alpaga Robotique", "type": "ORG", "aliases": ["Alpaga"]},
        ]
    ).to_parquet(out / "actors.parquet")
    pd.DataFrame(
        [{"article_id": "a1", "actor_id": i, "text": "x", "start": 0, "end": 1, "sentence": 0} for i in ("p1", "o1", "p1")]
    ).to_parquet(out / "mentions.parquet")
    pd.DataFrame(
        [{"event_id": "e1", "article_ids": ["a1"], "recipient_id": "o1", "recipient": "Alpaga Robotique",
          "investor_ids": [], "investors": [], "amount": None, "currency": None, "round": None, "evidence": "…"}]
    ).to_parquet(out / "funding_events.parquet")
    pd.DataFrame(
        [{"quote_id": "q1", "article_id": "a1", "speaker_id": None, "speaker": None, "text": "Bonjour", "kind": "direct"}]
    ).to_parquet(out / "quotes.parquet")
    pd.DataFrame(
        [
            {"article_id": "a1", "subject_id": "p1", "subject": "Claire Martin", "predicate": "role",
             "object_id": "o1", "object": "Alpaga Robotique", "attribute": "PDG", "evidence": "…"},
            {"article_id": "a1", "subject_id": "o1", "subject": "Alpaga Robotique", "predicate": "partner",
             "object_id": "p1", "object": "Claire Martin", "attribute": None, "evidence": "…"},
        ]
    ).to_parquet(out / "relations.parquet")


def test_load_views_reads_the_contract_tables(tmp_path):
    _write_tables(tmp_path / "out")
    views = load_views(tmp_path / "out")
    view = views["s1"]
    assert [a.names for a in view.actors] == [("Claire Martin", "Martin"), ("Alpaga Robotique", "Alpaga")]
    assert view.events[0].recipient == ("Alpaga Robotique", "Alpaga")
    assert view.events[0].amount is None
    assert view.quotes[0].speaker == ()
    assert len(view.roles) == 1  # only `role` relations are roles


def test_load_views_without_tables(tmp_path):
    assert load_views(tmp_path) == {}


# ---------------------------------------------------------------- layouts
def test_devset_layout_and_flat_layout(tmp_path):
    nested = tmp_path / "nested"
    (nested / "gold").mkdir(parents=True)
    (nested / "articles").mkdir()
    (nested / "gold" / "a.json").write_text(json.dumps(GOLD), encoding="utf-8")
    (nested / "articles" / "a.txt").write_text("texte", encoding="utf-8")
    flat = tmp_path / "flat"
    flat.mkdir()
    (flat / "b.json").write_text(json.dumps(GOLD), encoding="utf-8")
    texts = tmp_path / "texts"
    texts.mkdir()
    (texts / "b.md").write_text("texte", encoding="utf-8")
    assert [g.article_path for g in load_gold(nested)] == [nested / "articles" / "a.txt"]
    assert [g.article_path for g in load_gold(flat, texts)] == [texts / "b.md"]
    assert [g.article_path for g in load_gold(flat)] == [None]


def test_annotated_samples_find_their_articles_through_source():
    golds = load_gold(ANNOTATED)
    assert len(golds) == 5
    assert all(g.article_path is not None and g.article_path.parent == CORPUS for g in golds)


# ---------------------------------------------------------------- the annotated samples themselves
ANNOTATED_FILES = sorted(ANNOTATED.glob("*.json"))


def _flat(text: str) -> str:
    return " ".join(text.replace("**", "").split())


@pytest.mark.parametrize("path", ANNOTATED_FILES, ids=lambda p: p.stem)
def test_annotated_file_is_well_formed(path):
    """Schema of GOLD_FORMAT.md; every quote and evidence verbatim in the article; names consistent."""
    data = json.loads(path.read_text(encoding="utf-8"))
    article = CORPUS / f"{path.stem}.txt"
    assert article.exists()
    text = _flat(article.read_text(encoding="utf-8"))
    assert set(data) >= {"id", "source", "published", "funding_events", "quotes", "actors", "roles"}
    assert data["published"] is None or re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", data["published"])
    names = set()
    for actor in data["actors"]:
        assert actor["type"] in (*ACTOR_TYPES, "LOC", "MISC")
        assert any(n.casefold() in text.casefold() for n in [actor["name"], *actor.get("aliases", [])])
        assert actor["name"] not in names, f"actor listed twice: {actor['name']}"
        names.add(actor["name"])
    for event in data["funding_events"]:
        assert _flat(event["evidence"]) in text
        assert event["recipient"] in names and set(event["investors"]) <= names
        assert (event["amount"] is None) == (event["currency"] is None)
    for quote in data["quotes"]:
        assert _flat(quote["text"]) in text, quote["text"]
        assert quote["kind"] in ("direct", "indirect")
        assert quote["speaker"] is None or quote["speaker"] in names
    for role in data["roles"]:
        assert role["person"] in names and (role["org"] is None or role["org"] in names)
        assert role["role"]


def test_every_corpus_article_is_annotated():
    assert {p.stem for p in CORPUS.glob("*.txt")} <= {p.stem for p in ANNOTATED_FILES}
    assert gold_files(ANNOTATED) == ANNOTATED_FILES


def test_measures_are_the_documented_ones():
    assert MEASURES == ("actors", "actors_typed", "funding", "funding_investors", "quotes", "quotes_speaker", "roles")
    assert find_article("nope", ANNOTATED, {}) is None


# ---------------------------------------------------------------- floors only go up
@pytest.mark.parametrize(("value", "expected"), [(0.7649, 0.76), (0.29, 0.29), (1.0, 1.0), (0.0, 0.0), (0.999, 0.99)])
def test_round_down(value, expected):
    assert round_down(value) == expected


def test_raise_floors_only_goes_up_and_skips_empty_measures():
    old = {"actors": {"p": 0.9, "r": 0.5, "f1": 0.6}, "roles": {"p": 0.7, "r": 0.7, "f1": 0.7}}
    scores = {"actors": Score(6, 10, 10), "roles": Score(0, 0, 0)}
    new = raise_floors(old, scores)
    assert new["actors"] == {"p": 0.9, "r": 0.6, "f1": 0.6}
    assert new["roles"] == old["roles"]  # nothing scored: floors kept
    assert new["quotes"] == {"p": 0.0, "r": 0.0, "f1": 0.0}  # measure absent: floor 0
    assert set(new) == set(MEASURES)


def test_command_line_refuses_a_folder_without_gold(tmp_path, capsys):
    from pipeline.evaluate import main

    assert main([str(tmp_path)]) == 1
    assert main([str(tmp_path / "absent")]) == 2
    assert "no gold file" in capsys.readouterr().err


def test_baseline_keeps_each_distinct_entity_as_it_comes():
    from types import SimpleNamespace

    from pipeline.evaluation.system import baseline_views

    ents = [("Claire Martin", "PER"), ("Martin", "PER"), ("Claire Martin", "PER"), ("Lyon", "LOC"), ("Martin", "ORG")]

    class FakeNlp:
        def pipe(self, texts):
            for _ in texts:
                yield SimpleNamespace(ents=[SimpleNamespace(text=t, label_=lab) for t, lab in ents])

    view = baseline_views({"a": "texte"}, FakeNlp())["a"]
    assert [(a.names, a.type) for a in view.actors] == [
        (("Claire Martin",), "PER"), (("Martin",), "PER"), (("Lyon",), "LOC"), (("Martin",), "ORG")
    ]
    assert view.events == [] and view.quotes == [] and view.roles == []
