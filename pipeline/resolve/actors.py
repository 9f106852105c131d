"""Actor resolution across the corpus: one actor per real-world entity, with a stable id.

Every article's `LocalEntity` (already grouped within the article by `pipeline.nlp.entities`) is a
node keyed by its normalised name. Nodes are linked when they name the same entity:
  - same normalised name, or names of one gazetteer entry (AWS / Amazon Web Services);
  - a short form that one article already tied to a full name, a lone surname, 'X' vs 'X AI' or
    'X' vs 'X Something' (only when exactly one candidate exists in the corpus);
  - a near-identical spelling (rapidfuzz ratio >= 90, same word count, same digits, same first letter).
Links never join two different gazetteer entries (Meta / Meta AI, Google / Google Cloud) nor two
names whose typing evidence disagrees. The type of an actor is the vote of every mention in the
corpus (one strong cue fixes them all); its canonical name is the gazetteer name or the fullest
well-attested form; its id is a hash of the type and the normalised canonical name, computed after
grouping in a sorted order, so it depends neither on file order nor on processing order.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from pipeline.nlp.entities import normalize_name, strip_suffix
from pipeline.nlp.lexicons import Lexicons, lexicons
from pipeline.nlp.typing import LABELS, parse_evidence
from pipeline.records import ActorRef, ArticleResult, LocalEntity
from pipeline.tables import ActorRow, MentionRow

FUZZY_MIN_RATIO = 90
FUZZY_MIN_LEN = 6
WEAK_EVIDENCE = 1.6  # a node whose best score is below this has only NER's word for its type


def actor_id_for(label: str, key: str) -> str:
    """Stable id: a hash of the type and the normalised canonical key (independent of file order)."""
    return "A" + hashlib.sha1(f"{label}|{key}".encode()).hexdigest()[:12]


@dataclass
class _Node:
    """All local entities of the corpus sharing one normalised name."""

    key: str
    scores: dict[str, float] = field(default_factory=lambda: dict.fromkeys(LABELS, 0.0))
    names: dict[str, int] = field(default_factory=lambda: defaultdict(int))  # entity name -> n articles
    short_keys: set[str] = field(default_factory=set)  # other mention keys tied to this name in an article

    def label(self) -> str:
        return max(LABELS, key=lambda lab: (self.scores[lab], lab == "ORG"))

    def strong(self) -> bool:
        return max(self.scores.values()) >= WEAK_EVIDENCE


@dataclass
class _Actor:
    label: str
    key: str
    canonical: str
    names: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    articles: set[str] = field(default_factory=set)
    n_mentions: int = 0


class _UnionFind:
    def __init__(self, keys: list[str], gaz: dict[str, str]) -> None:
        self.parent = {k: k for k in keys}
        self.gaz = {k: gaz[k] for k in keys if k in gaz}  # root -> gazetteer id

    def find(self, k: str) -> str:
        while self.parent[k] != k:
            self.parent[k] = self.parent[self.parent[k]]
            k = self.parent[k]
        return k

    def union(self, a: str, b: str) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        ga, gb = self.gaz.get(ra), self.gaz.get(rb)
        if ga and gb and ga != gb:
            return False  # two different well-known entities never merge
        root, child = sorted((ra, rb))
        self.parent[child] = root
        if entity := ga or gb:
            self.gaz[root] = entity
        return True


@dataclass
class ActorIndex:
    """Maps every (article, ActorRef) to a corpus-wide actor; builds `actors` and `mentions` rows."""

    actors: dict[str, _Actor] = field(default_factory=dict)
    by_local: dict[tuple[str, str], str] = field(default_factory=dict)
    by_key: dict[str, str] = field(default_factory=dict)  # any normalised name -> actor id
    mention_rows: list[MentionRow] = field(default_factory=list)
    _pending: list[ArticleResult] = field(default_factory=list)

    def add_article(self, result: ArticleResult) -> None:
        """Queue an article; resolution runs over the whole corpus at the first query."""
        self._pending.append(result)

    # ------------------------------------------------------------------ corpus-wide grouping

    def _finalize(self) -> None:
        if not self._pending:
            return
        results = sorted(self._pending, key=lambda r: r.article_id)
        self._pending = []
        lex = lexicons()
        nodes = _nodes(results)
        uf = _UnionFind(sorted(nodes), {k: e.id for k in nodes if (e := lex.gazetteer.get(k)) is not None})
        for a, b in _links(nodes, lex):
            uf.union(a, b)
        members: dict[str, list[_Node]] = defaultdict(list)
        for key in sorted(nodes):
            members[uf.find(key)].append(nodes[key])
        root_actor: dict[str, str] = {}
        for root in sorted(members):
            root_actor[root] = self._make_actor(members[root], lex)
        for key in nodes:
            aid = root_actor[uf.find(key)]
            self.by_key.setdefault(key, aid)
            for short in nodes[key].short_keys:
                self.by_key.setdefault(short, aid)
        for result in results:
            for ent in result.entities:
                self._place(result.article_id, ent, root_actor[uf.find(_key(ent))])

    def _make_actor(self, group: list[_Node], lex: Lexicons) -> str:
        scores = dict.fromkeys(LABELS, 0.0)
        for node in group:
            for lab in LABELS:
                scores[lab] += node.scores[lab]
        label = max(LABELS, key=lambda lab: (scores[lab], lab == "ORG"))
        canonical = _canonical(group, lex)
        key = normalize_name(canonical) or canonical
        aid = actor_id_for(label, key)
        if aid not in self.actors:
            self.actors[aid] = _Actor(label, key, canonical)
        return aid

    def _place(self, article_id: str, ent: LocalEntity, aid: str) -> None:
        actor = self.actors[aid]
        self.by_local[(article_id, ent.key)] = aid
        actor.articles.add(article_id)
        for m in ent.mentions:
            actor.names[m.text] += 1
            actor.n_mentions += 1
            self.mention_rows.append(MentionRow(article_id, aid, m.text, m.start, m.end, m.sentence, m.rule_id))

    # ------------------------------------------------------------------ API used by the other stages

    def resolve(self, article_id: str, ref: ActorRef) -> str:
        """The actor id of a reference made in an article (creating an actor for an unseen name)."""
        self._finalize()
        if ref.key is not None and (article_id, ref.key) in self.by_local:
            return self.by_local[(article_id, ref.key)]
        key = normalize_name(ref.name) or ref.name
        if key in self.by_key:
            actor_id = self.by_key[key]
        else:
            entry = lexicons().gazetteer.get(key)
            label = entry.label if entry is not None else ref.label
            canonical = entry.name if entry is not None else ref.name
            actor_id = actor_id_for(label, normalize_name(canonical) or canonical)
            self.actors.setdefault(actor_id, _Actor(label, key, canonical))
            self.by_key[key] = actor_id
        actor = self.actors[actor_id]
        actor.articles.add(article_id)
        actor.names[ref.name] += 0
        return actor_id

    def name(self, actor_id: str) -> str:
        """Canonical name of an actor (gazetteer name or fullest well-attested form)."""
        self._finalize()
        return self.actors[actor_id].canonical

    def rows(self) -> list[ActorRow]:
        """One row per actor, sorted by id; aliases = every surface form seen plus the canonical name."""
        self._finalize()
        return [
            ActorRow(
                actor_id=aid,
                name=a.canonical,
                type=a.label,
                aliases=sorted(set(a.names) | {a.canonical}),
                n_mentions=a.n_mentions,
                n_articles=len(a.articles),
            )
            for aid, a in sorted(self.actors.items())
        ]


# ---------------------------------------------------------------------- helpers


def _key(ent: LocalEntity) -> str:
    return normalize_name(ent.name) or ent.name


def _nodes(results: list[ArticleResult]) -> dict[str, _Node]:
    nodes: dict[str, _Node] = {}
    for result in results:
        for ent in result.entities:
            key = _key(ent)
            node = nodes.setdefault(key, _Node(key))
            votes = parse_evidence(ent.type_evidence)
            if not any(votes.values()):
                votes[ent.label] = 1.0  # entity typed without evidence string: its label is one vote
            for lab in LABELS:
                node.scores[lab] += votes[lab]
            node.names[ent.name] += 1
            node.short_keys |= {k for m in ent.mentions if (k := normalize_name(m.text)) and k != key}
    return nodes


def _compatible(a: _Node, b: _Node) -> bool:
    """Two nodes may name one entity: same type, or one of them typed on NER's word alone."""
    return a.label() == b.label() or not a.strong() or not b.strong()


def _links(nodes: dict[str, _Node], lex: Lexicons) -> list[tuple[str, str]]:
    """Every pair of node keys that name the same entity (computed before any union: order-free)."""
    links: set[tuple[str, str]] = set()
    by_gaz: dict[str, list[str]] = defaultdict(list)
    for key in nodes:
        entry = lex.gazetteer.get(key)
        if entry is not None:
            by_gaz[entry.id].append(key)
    for keys in by_gaz.values():
        keys.sort()
        links |= {(keys[0], k) for k in keys[1:]}
    # Short forms: a key that articles tied to a fuller name, a lone surname, X ~ X AI, X ~ X Something.
    # Indexes keep this linear in the number of names (no pairwise scan).
    tied: dict[str, set[str]] = defaultdict(set)
    tails: dict[str, set[str]] = defaultdict(set)  # last words of a person's name -> names
    heads: dict[str, set[str]] = defaultdict(set)  # first word / name without suffix -> organisation names
    for k, n in nodes.items():
        for short in n.short_keys:
            tied[short].add(k)
        kw = k.split()
        if len(kw) < 2:
            continue
        if n.label() == "PER":
            for i in range(1, len(kw)):
                tails[" ".join(kw[i:])].add(k)
        else:
            if _named_rest(n):
                heads[kw[0]].add(k)
            if (stripped := strip_suffix(k, lex)) is not None:
                heads[stripped].add(k)
    for key in sorted(nodes):
        if lex.gazetteer.get(key) is not None:
            continue
        node = nodes[key]
        cands = tied.get(key, set()) - {key}
        if not cands:
            cands = set(tails.get(key, ()))
            if key not in lex.places:
                cands |= {k for k in heads.get(key, ()) if len(key.split()) == 1 or strip_suffix(k, lex) == key}
            cands.discard(key)
        cands = {c for c in cands if _compatible(node, nodes[c])}
        if len(cands) == 1:
            links.add(tuple(sorted((key, cands.pop()))))  # type: ignore[arg-type]
    links |= _fuzzy_links(nodes, lex)
    return sorted(links)


def _named_rest(node: _Node) -> bool:
    """True when the words after a name's first word are a name too ('Mistral AI', 'Vestiaire Collective').

    A lowercase word or a 'de' complement after the head makes another entity: 'Parlement européen' is
    not the 'Parlement' of another article, nor 'La Lettre de l'Expansion' the 'Lettre' of another.
    """
    name = max(node.names, key=lambda t: (node.names[t], t))
    words = name.replace("’", "'").split()
    while words and normalize_name(words[0]) != node.key.split()[0]:
        words = words[1:]  # leading article or elision ('La Lettre …')
    rest = words[1:]
    return bool(rest) and (rest[0][:1].isupper() or rest[0][:1].isdigit())


def _fuzzy_links(nodes: dict[str, _Node], lex: Lexicons) -> set[tuple[str, str]]:
    """Near-identical spellings (typos, transliterations) of names with the same word count and type."""
    blocks: dict[tuple[str, int, str], list[str]] = defaultdict(list)
    for key in sorted(nodes):
        if len(key) >= FUZZY_MIN_LEN:
            blocks[(key[0], len(key.split()), nodes[key].label())].append(key)
    links = set()
    for keys in blocks.values():
        if len(keys) < 2:
            continue
        scores = process.cdist(keys, keys, scorer=fuzz.ratio, score_cutoff=FUZZY_MIN_RATIO, workers=1)
        for i, j in zip(*scores.nonzero()):
            if i >= j:
                continue
            a, b = keys[i], keys[j]
            if _digits(a) != _digits(b):
                continue
            ga, gb = lex.gazetteer.get(a), lex.gazetteer.get(b)
            if ga is not None and gb is not None and ga.id != gb.id:
                continue
            if _same_words_but_one(a, b):
                links.add((a, b))
    return links


def _digits(s: str) -> str:
    return "".join(c for c in s if c.isdigit())


def _same_words_but_one(a: str, b: str) -> bool:
    """At most one word differs, and that word is close (a typo, not another name)."""
    diff = [(x, y) for x, y in zip(a.split(), b.split()) if x != y]
    return len(diff) <= 1 and all(fuzz.ratio(x, y) >= 80 and len(x) >= 4 for x, y in diff)


def _canonical(group: list[_Node], lex: Lexicons) -> str:
    """Gazetteer name if any member is a gazetteer entity, else the fullest well-attested name."""
    for node in sorted(group, key=lambda n: n.key):
        entry = lex.gazetteer.get(node.key)
        if entry is not None:
            return entry.name
    counts: dict[str, int] = defaultdict(int)
    for node in group:
        for name, n in node.names.items():
            counts[name] += n
    return sorted(counts, key=lambda t: (-len(normalize_name(t).split()), -counts[t], len(t.split()), t.isupper(), -len(t), t))[0]


def resolve_actors(results: list[ArticleResult]) -> ActorIndex:
    """Resolve the entities of every article into corpus-wide actors."""
    index = ActorIndex()
    for result in sorted(results, key=lambda r: r.article_id):
        index.add_article(result)
    index._finalize()
    return index
