"""Merging funding events across articles (pipeline.resolve.events): same round -> one row."""

from __future__ import annotations

import pytest

from pipeline.records import ActorRef, ArticleResult, FundingRecord, LocalEntity, Mention
from pipeline.resolve.actors import resolve_actors
from pipeline.resolve.events import LocatedFunding, merge_funding


def _article(aid: str, names: list[str], funding: list[FundingRecord]) -> ArticleResult:
    ents = [LocalEntity(f"e{i}", n, "ORG", (Mention(n, 0, len(n), 0),)) for i, n in enumerate(names)]
    return ArticleResult(aid, [f"{aid}.txt"], "texte", None, None, 1, entities=ents, funding=funding)


def _rec(recipient: str, amount: float | None, currency: str | None = "EUR", *, investors=(), round_=None,
         date=None, start=0, key: str | None = "e0") -> FundingRecord:
    return FundingRecord(
        recipient=ActorRef(recipient, "ORG", key),
        evidence=f"{recipient} lève des fonds.",
        rule_id="trig.verb.lever+left_subject",
        start=start,
        end=start + 10,
        investors=tuple(ActorRef(i, "ORG", None) for i in investors),
        amount=amount,
        currency=currency if amount is not None else None,
        round=round_,
        date=date,
    )


def _merge(articles: list[ArticleResult]):
    actors = resolve_actors(articles)
    items = [LocatedFunding(a.article_id, f) for a in articles for f in a.funding]
    return merge_funding(items, actors)


def test_same_round_in_two_articles_is_one_row():
    a = _article("a1", ["Vertalis"], [_rec("Vertalis", 12e6, investors=["Partech"])])
    b = _article("a2", ["Vertalis"], [_rec("Vertalis", 12.2e6, investors=["Elaia"], round_="series_a")])
    rows = _merge([a, b])
    assert len(rows) == 1
    row = rows[0]
    assert row.article_ids == ["a1", "a2"]
    assert set(row.investors) == {"Partech", "Elaia"}
    assert row.round == "series_a"


@pytest.mark.parametrize(
    "second",
    [
        _rec("Vertalis", 30e6),  # another amount
        _rec("Vertalis", 12e6, "USD"),  # another currency
        _rec("Vertalis", 12e6, round_="series_b"),  # contradicting rounds
        _rec("Vertalis", 12e6, date="2019"),  # contradicting dates
    ],
)
def test_different_rounds_stay_apart(second):
    a = _article("a1", ["Vertalis"], [_rec("Vertalis", 12e6, round_="series_a", date="2021")])
    b = _article("a2", ["Vertalis"], [second])
    rows = _merge([a, b])
    assert len(rows) == 2
    assert len({r.event_id for r in rows}) == 2


def test_same_round_twice_in_one_article():
    art = _article("a1", ["Withline"], [_rec("Withline", 23.5e6, start=0), _rec("Withline", 23.5e6, start=200,
                                                                                  investors=["Ventech"])])
    rows = _merge([art])
    assert len(rows) == 1 and rows[0].investors == ["Ventech"] and rows[0].article_ids == ["a1"]


def test_bare_mention_joins_the_amount_of_its_own_article():
    art = _article("a1", ["Syntelia"], [_rec("Syntelia", 15e6, start=0), _rec("Syntelia", None, start=300)])
    rows = _merge([art])
    assert len(rows) == 1 and rows[0].amount == pytest.approx(15e6)


def test_bare_mention_never_merges_across_articles():
    a = _article("a1", ["Syntelia"], [_rec("Syntelia", 15e6)])
    b = _article("a2", ["Syntelia"], [_rec("Syntelia", None)])
    rows = _merge([a, b])
    assert sorted((r.amount is None, tuple(r.article_ids)) for r in rows) == [(False, ("a1",)), (True, ("a2",))]


def test_recipient_is_never_its_own_investor_and_ids_are_stable():
    a = _article("a1", ["Kelvio"], [_rec("Kelvio", 2e6, investors=["Kelvio", "Seventure"])])
    first = _merge([a])
    second = _merge([a])
    assert first[0].investors == ["Seventure"]
    assert [r.event_id for r in first] == [r.event_id for r in second]


def test_two_companies_same_amount_stay_apart():
    art = _article("a1", ["Adiona", "Vitalis"], [_rec("Adiona", 3e6, key="e0"), _rec("Vitalis", 3e6, key="e1")])
    rows = _merge([art])
    assert sorted(r.recipient for r in rows) == ["Adiona", "Vitalis"]


def test_same_article_same_amount_merges_despite_dates():
    art = _article("a1", ["Ynova"], [_rec("Ynova", 160e6, date="2023-05", start=0),
                                     _rec("Ynova", 160e6, date="2023-04", start=400)])
    assert len(_merge([art])) == 1


def test_same_article_same_amount_in_different_years_stays_apart():
    art = _article("a1", ["Ynova"], [_rec("Ynova", 5e6, date="2019", start=0),
                                     _rec("Ynova", 5e6, date="2021-06", start=400)])
    rows = _merge([art])
    assert sorted(r.date for r in rows) == ["2019", "2021-06"]


def test_same_article_same_amount_one_undated_still_merges():
    art = _article("a1", ["Ynova"], [_rec("Ynova", 5e6, date="2021", start=0), _rec("Ynova", 5e6, start=400)])
    assert len(_merge([art])) == 1
