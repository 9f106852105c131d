"""Extractors: pure functions `Doc -> Iterable[Record]` with no I/O (as textacy's `extract/`)."""

from __future__ import annotations

from spacy.tokens import Doc

from pipeline.extract.funding import extract_funding
from pipeline.extract.quotes import extract_quotes
from pipeline.extract.relations import extract_relations, invested_in_relations
from pipeline.records import FundingRecord, QuoteRecord, RelationRecord


def extract_all(doc: Doc) -> tuple[list[FundingRecord], list[QuoteRecord], list[RelationRecord]]:
    """Run every extractor on a processed doc."""
    funding = list(extract_funding(doc))
    # invested_in relations are derived from the funding records (investor -> recipient).
    relations = list(extract_relations(doc, funding)) + invested_in_relations(funding)
    return funding, list(extract_quotes(doc)), relations
