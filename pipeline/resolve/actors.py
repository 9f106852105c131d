"""Actor resolution across the corpus: one actor per real-world entity, with a stable id."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass, field

from pipeline.nlp.entities import normalize_name
from pipeline.records import ActorRef, ArticleResult
from pipeline.tables import ActorRow, MentionRow


def actor_id_for(label: str, key: str) -> str:
    """Stable id: a hash of the type and the normalised canonical key (independent of file order)."""
    return "A" + hashlib.sha1(f"{label}|{key}".encode()).hexdigest()[:12]


@dataclass
class _Actor:
    label: str
    key: str
    names: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    articles: set[str] = field(default_factory=set)
    n_mentions: int = 0


@dataclass
class ActorIndex:
    """Maps every (article, ActorRef) to a corpus-wide actor; builds `actors` and `mentions` rows."""

    actors: dict[str, _Actor] = field(default_factory=dict)
    by_local: dict[tuple[str, str], str] = field(default_factory=dict)
    mention_rows: list[MentionRow] = field(default_factory=list)

    def _actor(self, label: str, name: str) -> str:
        key = normalize_name(name) or name
        actor_id = actor_id_for(label, key)
        if actor_id not in self.actors:
            self.actors[actor_id] = _Actor(label, key)
        return actor_id

    def add_article(self, result: ArticleResult) -> None:
        for ent in result.entities:
            actor_id = self._actor(ent.label, ent.name)
            actor = self.actors[actor_id]
            self.by_local[(result.article_id, ent.key)] = actor_id
            actor.articles.add(result.article_id)
            for m in ent.mentions:
                actor.names[m.text] += 1
                actor.n_mentions += 1
                self.mention_rows.append(
                    MentionRow(result.article_id, actor_id, m.text, m.start, m.end, m.sentence, m.rule_id)
                )

    def resolve(self, article_id: str, ref: ActorRef) -> str:
        """The actor id of a reference made in an article (creating an actor for an unseen name)."""
        if ref.key is not None and (article_id, ref.key) in self.by_local:
            return self.by_local[(article_id, ref.key)]
        actor_id = self._actor(ref.label, ref.name)
        actor = self.actors[actor_id]
        actor.articles.add(article_id)
        actor.names[ref.name] += 0
        return actor_id

    def name(self, actor_id: str) -> str:
        """Canonical name: the longest surface form, ties broken by frequency then alphabetically."""
        names = self.actors[actor_id].names
        return sorted(names, key=lambda n: (-len(n), -names[n], n))[0]

    def rows(self) -> list[ActorRow]:
        return [
            ActorRow(
                actor_id=aid,
                name=self.name(aid),
                type=a.label,
                aliases=sorted(a.names),
                n_mentions=a.n_mentions,
                n_articles=len(a.articles),
            )
            for aid, a in sorted(self.actors.items())
        ]


def resolve_actors(results: list[ArticleResult]) -> ActorIndex:
    """Resolve the entities of every article into corpus-wide actors."""
    index = ActorIndex()
    for result in sorted(results, key=lambda r: r.article_id):
        index.add_article(result)
    return index
