"""Entity component: cleans and types spaCy's entities and groups them into within-article entities.

After this component, `doc.ents` holds the kept mentions and `doc._.entities` the `LocalEntity`
clusters; `entity_ref` and `entities_in` let extractors point at them with an `ActorRef`.
"""

from __future__ import annotations

import re
import unicodedata

from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline.records import ActorRef, LocalEntity, Mention

if not Doc.has_extension("entities"):
    Doc.set_extension("entities", default=None)
if not Doc.has_extension("entity_keys"):
    # (start_char, end_char) of each kept mention -> LocalEntity.key
    Doc.set_extension("entity_keys", default=None)

_ELISION = re.compile(r"^(?:l|d|de la|de l|du|des|le|la|les)['’ ]\s*", re.IGNORECASE)


def normalize_name(name: str) -> str:
    """Comparison key for names: no accents, casefolded, no leading article, single spaces."""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold()
    s = s.replace("’", "'")
    s = _ELISION.sub("", s)
    s = re.sub(r"[^\w]+", " ", s)
    return " ".join(s.split())


def _sentence_index(doc: Doc) -> dict[int, int]:
    return {sent.start: i for i, sent in enumerate(doc.sents)}


def group_mentions(doc: Doc) -> list[LocalEntity]:
    """Group the doc's entity mentions by normalised name; a lone surname joins the full name."""
    sent_of = {}
    for i, sent in enumerate(doc.sents):
        for tok in sent:
            sent_of[tok.i] = i
    groups: dict[tuple[str, str], list[Span]] = {}
    for ent in doc.ents:
        key = normalize_name(ent.text)
        if key:
            groups.setdefault((key, ent.label_), []).append(ent)
    # A one-token PER name joins the longest PER name ending with it (Altman -> Sam Altman).
    full_names = [k for k in groups if k[1] == "PER" and " " in k[0]]
    for k in list(groups):
        if k[1] == "PER" and " " not in k[0]:
            owners = [f for f in full_names if f[0].split()[-1] == k[0]]
            if len(owners) == 1:
                groups[owners[0]].extend(groups.pop(k))
    entities = []
    for n, ((_, label), spans) in enumerate(sorted(groups.items(), key=lambda kv: min(s.start for s in kv[1]))):
        spans.sort(key=lambda s: s.start)
        name = max((s.text for s in spans), key=len)
        mentions = tuple(
            Mention(s.text, s.start_char, s.end_char, sent_of.get(s.start, 0), s.label_.lower() + ":ner")
            for s in spans
        )
        entities.append(LocalEntity(f"e{n}", name, label, mentions))
    return entities


@Language.factory("actor_entities", default_config={})
def make_actor_entities(nlp: Language, name: str) -> "ActorEntities":
    return ActorEntities()


class ActorEntities:
    """Sets `doc._.entities` and `doc._.entity_keys` from `doc.ents`."""

    def __call__(self, doc: Doc) -> Doc:
        entities = group_mentions(doc)
        doc._.entities = entities
        doc._.entity_keys = {(m.start, m.end): e.key for e in entities for m in e.mentions}
        return doc


def _entity_by_key(doc: Doc) -> dict[str, LocalEntity]:
    return {e.key: e for e in doc._.entities or []}


def entity_ref(doc: Doc, start_char: int, end_char: int) -> ActorRef | None:
    """The entity whose mention overlaps the char range best (longest overlap), as an ActorRef."""
    keys = doc._.entity_keys or {}
    best, best_len = None, 0
    for (s, e), key in keys.items():
        overlap = min(e, end_char) - max(s, start_char)
        if overlap > best_len:
            best, best_len = key, overlap
    if best is None:
        return None
    ent = _entity_by_key(doc)[best]
    return ActorRef(name=ent.name, label=ent.label, key=ent.key)


def entities_in(doc: Doc, start_char: int, end_char: int) -> list[ActorRef]:
    """Every entity mention inside the char range, in text order, as ActorRefs."""
    keys = doc._.entity_keys or {}
    by_key = _entity_by_key(doc)
    refs = []
    for (s, e), key in sorted(keys.items()):
        if s >= start_char and e <= end_char:
            ent = by_key[key]
            refs.append(ActorRef(name=ent.name, label=ent.label, key=key))
    return refs
