"""Relations extractor: roles, foundings, partnerships, acquisitions, memberships, investments.

Predicates and their direction (subject -> object):
- role        person -> organisation; attribute = the title, lemmatised ("ancien PDG", "cofondateur")
- founded     founder -> organisation; date = the founding date when stated ("fondée en 2021 par")
- partner     symmetric, emitted once with subject/object in alphabetical order of their names
- acquired    acquirer -> acquired organisation
- member_of   member -> alliance/consortium, and division/subsidiary -> parent
- invested_in investor -> recipient, one per investor of every funding record

Language knowledge lives in `rules/titles.json` and `rules/relation_patterns.jsonl`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Doc

from pipeline.extract.relations.context import DocContext, sentences
from pipeline.extract.relations.frames import extract_frames
from pipeline.extract.relations.roles import extract_roles
from pipeline.extract.relations.succession import predecessor_roles
from pipeline.extract.relations.titles import founder_titles, lexicon_leader_titles
from pipeline.records import FundingRecord, RelationRecord

__all__ = ["extract_relations", "invested_in_relations"]


def extract_relations(doc: Doc, funding: Iterable[FundingRecord] = ()) -> Iterator[RelationRecord]:
    """Every relation stated in the doc, each once (same subject, predicate, object, attribute).

    `funding`: the article's funding records, if known; their recipients count as the article's
    subject when an anaphor ("la startup a été fondée par ...") is resolved.
    """
    ctx = DocContext.build(doc, [(f.recipient, f.start) for f in funding])
    seen: set[tuple] = set()
    founders: list[RelationRecord] = []
    found: list[RelationRecord] = []
    prev = None
    for sent in sentences(doc):
        for rec in (*extract_roles(ctx, sent, prev), *extract_frames(ctx, sent)):
            _keep(rec, seen, found, founders)
        # after the sentence's own roles: "A remplace B à la tête de X" gives B X as a former post
        for rec in list(predecessor_roles(ctx, sent, prev, found)):
            _keep(rec, seen, found, founders)
        prev = sent
    yield from _without_generic_heads(found)
    # "X, fondateur de Y" states a founding too; a founding stated with its date comes first
    for rec in founders:
        founded = RelationRecord(rec.subject, "founded", rec.object, rec.evidence, f"founded.title+{rec.rule_id}")
        if _key(founded) not in seen:
            seen.add(_key(founded))
            yield founded


def _keep(rec: RelationRecord, seen: set[tuple], found: list[RelationRecord], founders: list[RelationRecord]) -> None:
    """Add `rec` to `found` unless already there or relating an actor to itself."""
    key = _key(rec)
    if key not in seen and rec.subject.name != rec.object.name:
        seen.add(key)
        if rec.predicate == "role" and _founder_title(rec.attribute):
            founders.append(rec)
        found.append(rec)


GENERIC_HEAD = "dirigeant"  # the attribute of "à la tête de", "dirige", "prend les rênes de"


def _without_generic_heads(records: list[RelationRecord]) -> list[RelationRecord]:
    """The records, less a generic "dirigeant" role when the same person holds a current leading title
    at the same organisation ("X nouveau directeur général du CHU … X à la tête du CHU": one post)."""
    leaders = lexicon_leader_titles()
    titled = {(r.subject.key or r.subject.name, r.object.key or r.object.name) for r in records
              if r.predicate == "role" and r.attribute in leaders}
    return [r for r in records if not (r.predicate == "role" and r.attribute == GENERIC_HEAD
                                       and (r.subject.key or r.subject.name, r.object.key or r.object.name) in titled)]


def _key(rec: RelationRecord) -> tuple:
    """Identity of a relation: the same parties, predicate and attribute are one relation."""
    return (rec.subject.key or rec.subject.name, rec.predicate, rec.object.key or rec.object.name, rec.attribute)


def _founder_title(attribute: str | None) -> bool:
    """A role title saying that its holder founded the organisation ("cofondateur", "président
    fondateur", "ancien fondateur")."""
    return attribute is not None and bool(set(attribute.split()) & founder_titles())


def invested_in_relations(funding_records: Iterable[FundingRecord]) -> list[RelationRecord]:
    """One `invested_in` relation (investor -> recipient) per investor of every funding record.

    attribute = the round when known; date = the event's date.
    """
    relations = []
    for rec in funding_records:
        for investor in rec.investors:
            if investor.name == rec.recipient.name:
                continue
            relations.append(
                RelationRecord(
                    subject=investor,
                    predicate="invested_in",
                    object=rec.recipient,
                    evidence=rec.evidence,
                    rule_id=f"invested_in.{rec.rule_id}",
                    attribute=rec.round,
                    date=rec.date,
                )
            )
    return relations
