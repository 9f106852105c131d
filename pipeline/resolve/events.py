"""Funding events merged across articles: the same round reported twice is one row.

Merge policy (records are first grouped by resolved recipient actor):
- two records with amounts are the same event when the currencies are equal, the amounts differ by at
  most `AMOUNT_TOLERANCE` (relative), the rounds do not contradict (one may be null) and the dates
  do not contradict (one is a prefix of the other, or one is null); inside one article only the
  years are compared (a recap sentence "ce mois-ci" and "en avril" name the same deal, but "5 M€ en
  2019" and "5 M€ en 2021" are two rounds);
- a record without amount ("trois opérations (A, B et C)") joins an event of the same recipient
  *from the same article* that has an amount (it is the same deal named again in a round-up),
  otherwise the records without amount of one article and recipient make one event;
- records without amount are never merged across articles, and never into another article's
  amount: nothing tells that two bare mentions are the same round.
The merged row takes the first non-null value of each field (records ordered by completeness),
the union of investors and lead investors, and every article id.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace

from pipeline.records import FundingRecord
from pipeline.resolve.actors import ActorIndex
from pipeline.tables import FundingEventRow

AMOUNT_TOLERANCE = 0.05


@dataclass(frozen=True)
class LocatedFunding:
    """A funding record with the article it came from."""

    article_id: str
    record: FundingRecord


def amounts_compatible(a: FundingRecord, b: FundingRecord) -> bool:
    """Both amounts stated, same currency, values within AMOUNT_TOLERANCE of each other."""
    if a.amount is None or b.amount is None:
        return False
    if a.currency != b.currency:
        return False
    return abs(a.amount - b.amount) <= AMOUNT_TOLERANCE * max(a.amount, b.amount)


def _dates_compatible(a: str | None, b: str | None) -> bool:
    return not a or not b or a.startswith(b) or b.startswith(a)


def compatible(a: FundingRecord, b: FundingRecord) -> bool:
    """Two records with amounts that can describe the same round."""
    if not amounts_compatible(a, b):
        return False
    if a.round and b.round and a.round != b.round:
        return False
    return _dates_compatible(a.date, b.date)


def _years_compatible(a: str | None, b: str | None) -> bool:
    return not a or not b or a[:4] == b[:4]


def _same_event(a: LocatedFunding, b: LocatedFunding) -> bool:
    """Compatible records; inside one article the same amount is the same deal unless the rounds or
    the years of the dates differ."""
    if a.article_id == b.article_id and amounts_compatible(a.record, b.record):
        if a.record.round and b.record.round and a.record.round != b.record.round:
            return False
        return _years_compatible(a.record.date, b.record.date)
    return compatible(a.record, b.record)


def _group_recipient(items: list[LocatedFunding]) -> list[list[LocatedFunding]]:
    """Groups of one recipient's records, following the merge policy of the module docstring."""
    groups: list[list[LocatedFunding]] = []
    with_amount = [i for i in items if i.record.amount is not None]
    without = [i for i in items if i.record.amount is None]
    for item in with_amount:
        for group in groups:
            if all(_same_event(g, item) for g in group if g.record.amount is not None):
                group.append(item)
                break
        else:
            groups.append([item])
    bare: dict[str, list[LocatedFunding]] = {}
    for item in without:
        home = next((g for g in groups if any(x.article_id == item.article_id for x in g)), None)
        if home is not None:
            home.append(item)
        else:
            bare.setdefault(item.article_id, []).append(item)
    return groups + list(bare.values())


def merge_funding(items: list[LocatedFunding], actors: ActorIndex) -> list[FundingEventRow]:
    """Group compatible records of the same recipient into one event row each."""
    by_recipient: dict[str, list[LocatedFunding]] = {}
    for item in sorted(items, key=lambda i: (i.article_id, i.record.start, i.record.amount or 0)):
        rid = actors.resolve(item.article_id, item.record.recipient)
        by_recipient.setdefault(rid, []).append(item)
    rows: list[FundingEventRow] = []
    seen_ids: set[str] = set()
    for rid in sorted(by_recipient):
        for group in _group_recipient(by_recipient[rid]):
            row = _event_row(rid, group, actors)
            n = 1
            base = row.event_id
            while row.event_id in seen_ids:  # same key, different event (e.g. dates disagree)
                n += 1
                row = replace(row, event_id=f"{base}-{n}")
            seen_ids.add(row.event_id)
            rows.append(row)
    return sorted(rows, key=lambda r: r.event_id)


def _first(values: list) -> object:
    return next((v for v in values if v is not None), None)


def _completeness(item: LocatedFunding) -> tuple:
    r = item.record
    return (r.amount is None, -len(r.investors), r.round is None, item.article_id, r.start)


def _event_key(recipient_id: str, group: list[LocatedFunding], head: FundingRecord) -> str:
    """Stable identity: recipient, currency, amount and round; bare mentions add their article."""
    rounds = _first([g.record.round for g in group]) or ""
    if head.amount is None:
        arts = ",".join(sorted({g.article_id for g in group}))
        return f"{recipient_id}|bare|{arts}"
    return f"{recipient_id}|{head.currency}|{round(head.amount)}|{rounds}|{_first([g.record.date for g in group]) or ''}"


def _event_row(recipient_id: str, group: list[LocatedFunding], actors: ActorIndex) -> FundingEventRow:
    ordered = sorted(group, key=_completeness)
    recs = [g.record for g in ordered]
    investor_ids: list[str] = []
    lead: list[str] = []
    for g in ordered:
        for ref in g.record.investors:
            aid = actors.resolve(g.article_id, ref)
            if aid not in investor_ids and aid != recipient_id:
                investor_ids.append(aid)
        for ref in g.record.lead_investors:
            aid = actors.resolve(g.article_id, ref)
            if aid not in investor_ids and aid != recipient_id:
                investor_ids.append(aid)
            name = actors.name(aid)
            if name not in lead and aid != recipient_id:
                lead.append(name)
    head = recs[0]
    return FundingEventRow(
        event_id="F" + hashlib.sha1(_event_key(recipient_id, ordered, head).encode()).hexdigest()[:12],
        article_ids=sorted({g.article_id for g in group}),
        recipient_id=recipient_id,
        recipient=actors.name(recipient_id),
        investor_ids=investor_ids,
        investors=[actors.name(i) for i in investor_ids],
        lead_investors=lead,
        amount=head.amount,
        currency=head.currency,
        amount_text=head.amount_text,
        approximate=head.approximate,
        round=_first([r.round for r in recs]),  # type: ignore[arg-type]
        valuation=_first([r.valuation for r in recs]),  # type: ignore[arg-type]
        date=_first([r.date for r in recs]),  # type: ignore[arg-type]
        evidence=head.evidence,
        rule_id=head.rule_id,
    )
