"""Turn every article's records into the rows of the output tables."""

from __future__ import annotations

import hashlib
from typing import Any

from pipeline.records import ArticleResult, IngestError
from pipeline.resolve.actors import ActorIndex, resolve_actors
from pipeline.resolve.events import LocatedFunding, merge_funding
from pipeline.tables import ArticleRow, ErrorRow, QuoteRow, RelationRow


def _quote_rows(result: ArticleResult, actors: ActorIndex) -> list[QuoteRow]:
    rows = []
    for q in result.quotes:
        speaker_id = actors.resolve(result.article_id, q.speaker) if q.speaker else None
        qid = "Q" + hashlib.sha1(f"{result.article_id}|{q.start}|{q.end}".encode()).hexdigest()[:12]
        rows.append(
            QuoteRow(
                quote_id=qid,
                article_id=result.article_id,
                speaker_id=speaker_id,
                speaker=actors.name(speaker_id) if speaker_id else None,
                text=q.text,
                kind=q.kind,
                verb=q.verb,
                start=q.start,
                end=q.end,
                rule_id=q.rule_id,
            )
        )
    return rows


def _relation_rows(result: ArticleResult, actors: ActorIndex) -> list[RelationRow]:
    rows = []
    seen = set()
    for r in result.relations:
        sid = actors.resolve(result.article_id, r.subject)
        oid = actors.resolve(result.article_id, r.object)
        key = (sid, r.predicate, oid, r.attribute)
        if key in seen or sid == oid:
            continue
        seen.add(key)
        rows.append(
            RelationRow(
                article_id=result.article_id,
                subject_id=sid,
                subject=actors.name(sid),
                predicate=r.predicate,
                object_id=oid,
                object=actors.name(oid),
                attribute=r.attribute,
                date=r.date,
                evidence=r.evidence,
                rule_id=r.rule_id,
            )
        )
    return rows


def build_tables(results: list[ArticleResult], errors: list[IngestError]) -> dict[str, list[Any]]:
    """Rows for every output table, from all articles' results (corpus-wide stages run here)."""
    results = sorted(results, key=lambda r: r.article_id)
    actors = resolve_actors(results)
    articles = [
        ArticleRow(r.article_id, r.sources[0], list(r.sources), r.title, r.published, r.text, r.n_tokens)
        for r in results
    ]
    funding = merge_funding([LocatedFunding(r.article_id, f) for r in results for f in r.funding], actors)
    quotes = [row for r in results for row in _quote_rows(r, actors)]
    relations = [row for r in results for row in _relation_rows(r, actors)]
    # Actor rows last: resolving references above may have created actors.
    return {
        "articles": articles,
        "actors": actors.rows(),
        "mentions": actors.mention_rows,
        "funding_events": funding,
        "quotes": quotes,
        "relations": relations,
        "errors": [ErrorRow(e.source, e.stage, e.message) for e in errors],
    }
