"""Funding events merged across articles: the same round reported twice is one row."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from pipeline.records import FundingRecord
from pipeline.resolve.actors import ActorIndex
from pipeline.tables import FundingEventRow


@dataclass(frozen=True)
class LocatedFunding:
    """A funding record with the article it came from."""

    article_id: str
    record: FundingRecord


def _compatible(a: FundingRecord, b: FundingRecord) -> bool:
    if a.amount is not None and b.amount is not None:
        if a.currency != b.currency or abs(a.amount - b.amount) > 0.05 * max(a.amount, b.amount):
            return False
    elif (a.amount is None) != (b.amount is None):
        return False
    if a.round and b.round and a.round != b.round:
        return False
    if a.date and b.date and not (a.date.startswith(b.date) or b.date.startswith(a.date)):
        return False
    return True


def merge_funding(items: list[LocatedFunding], actors: ActorIndex) -> list[FundingEventRow]:
    """Group compatible records of the same recipient into one event row each."""
    by_recipient: dict[str, list[list[LocatedFunding]]] = {}
    for item in sorted(items, key=lambda i: (i.article_id, i.record.start)):
        rid = actors.resolve(item.article_id, item.record.recipient)
        groups = by_recipient.setdefault(rid, [])
        for group in groups:
            if _compatible(group[0].record, item.record):
                group.append(item)
                break
        else:
            groups.append([item])
    rows = []
    for rid, groups in by_recipient.items():
        for group in groups:
            rows.append(_event_row(rid, group, actors))
    return sorted(rows, key=lambda r: r.event_id)


def _first(values: list) -> object:
    return next((v for v in values if v is not None), None)


def _event_row(recipient_id: str, group: list[LocatedFunding], actors: ActorIndex) -> FundingEventRow:
    recs = [g.record for g in group]
    investor_ids: list[str] = []
    lead: list[str] = []
    for g in group:
        for ref in g.record.investors:
            aid = actors.resolve(g.article_id, ref)
            if aid not in investor_ids and aid != recipient_id:
                investor_ids.append(aid)
        for ref in g.record.lead_investors:
            name = actors.name(actors.resolve(g.article_id, ref))
            if name not in lead:
                lead.append(name)
    head = recs[0]
    amount = _first([r.amount for r in recs])
    key = f"{recipient_id}|{head.currency}|{round(amount) if amount else ''}|{_first([r.round for r in recs]) or ''}"
    return FundingEventRow(
        event_id="F" + hashlib.sha1(key.encode()).hexdigest()[:12],
        article_ids=sorted({g.article_id for g in group}),
        recipient_id=recipient_id,
        recipient=actors.name(recipient_id),
        investor_ids=investor_ids,
        investors=[actors.name(i) for i in investor_ids],
        lead_investors=lead,
        amount=amount,  # type: ignore[arg-type]
        currency=_first([r.currency for r in recs]),  # type: ignore[arg-type]
        amount_text=_first([r.amount_text for r in recs]),  # type: ignore[arg-type]
        approximate=any(r.approximate for r in recs),
        round=_first([r.round for r in recs]),  # type: ignore[arg-type]
        valuation=_first([r.valuation for r in recs]),  # type: ignore[arg-type]
        date=_first([r.date for r in recs]),  # type: ignore[arg-type]
        evidence=head.evidence,
        rule_id=head.rule_id,
    )
