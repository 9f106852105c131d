"""Per-article records: what ingest and the extractors produce before corpus-wide resolution.

Extractors never know corpus-wide actor ids. They point at actors with an `ActorRef`: the key of
the within-article entity (see `pipeline.nlp.entities`) when the actor is a recognised entity,
plus its surface name and type so that the resolver can still place an actor the NER missed.
All records are plain frozen dataclasses so they pickle across processes and serialise to JSON.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class RawArticle:
    """An article as read from disk, before NLP. `text` is the cleaned text all offsets refer to."""

    source: str
    text: str
    title: str | None = None
    published: dt.date | None = None
    published_precision: str | None = None  # "day", "month" or "year" as given by the metadata
    url: str | None = None
    site: str | None = None


@dataclass(frozen=True)
class IngestError:
    """An input that could not be (fully) read. One row of `errors`."""

    source: str
    stage: str
    message: str


@dataclass(frozen=True)
class Mention:
    """One occurrence of an entity in the article text (char offsets into the cleaned text)."""

    text: str
    start: int
    end: int
    sentence: int
    rule_id: str | None = None


@dataclass(frozen=True)
class LocalEntity:
    """All mentions of one real-world entity inside one article."""

    key: str  # unique inside the article, e.g. "e3"
    name: str  # fullest form seen in the article
    label: str  # PER, ORG, LOC, MISC
    mentions: tuple[Mention, ...]
    type_evidence: str | None = None  # which cue decided the type (debug)


@dataclass(frozen=True)
class ActorRef:
    """A pointer from an extracted fact to an actor of the article."""

    name: str
    label: str = "ORG"
    key: str | None = None  # LocalEntity.key when the actor is a recognised entity


@dataclass(frozen=True)
class FundingRecord:
    """One funding event as stated in one article."""

    recipient: ActorRef
    evidence: str
    rule_id: str
    start: int  # char offsets of the evidence sentence
    end: int
    investors: tuple[ActorRef, ...] = ()
    lead_investors: tuple[ActorRef, ...] = ()
    amount: float | None = None
    currency: str | None = None
    amount_text: str | None = None
    approximate: bool = False
    round: str | None = None
    valuation: float | None = None
    date: str | None = None


@dataclass(frozen=True)
class QuoteRecord:
    """One quotation (direct or indirect) in one article."""

    text: str
    kind: str  # "direct" or "indirect"
    start: int
    end: int
    rule_id: str
    speaker: ActorRef | None = None
    verb: str | None = None


@dataclass(frozen=True)
class RelationRecord:
    """One stated relation between two actors in one article."""

    subject: ActorRef
    predicate: str  # role, founded, partner, acquired, member_of, invested_in
    object: ActorRef
    evidence: str
    rule_id: str
    attribute: str | None = None
    date: str | None = None


@dataclass(frozen=True)
class Dropped:
    """Something an extractor or the entity cleaner chose not to keep, and why (debug log)."""

    stage: str
    text: str
    reason: str


@dataclass
class ArticleResult:
    """Everything extracted from one article; the unit stored in the incremental state."""

    article_id: str
    sources: list[str]
    text: str
    title: str | None
    published: dt.date | None
    n_tokens: int
    entities: list[LocalEntity] = field(default_factory=list)
    funding: list[FundingRecord] = field(default_factory=list)
    quotes: list[QuoteRecord] = field(default_factory=list)
    relations: list[RelationRecord] = field(default_factory=list)
    dropped: list[Dropped] = field(default_factory=list)
