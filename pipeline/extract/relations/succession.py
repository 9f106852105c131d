"""Predecessors: 'A succède à B' / 'A remplace B' / 'A prend la succession de B' gives B the post A takes.

The post is the role A holds in the same sentence ("A remplace B à la tête de X"), else the one
stated for A in the sentence before ("A est installé à la présidence de X. Il succède à B."). B gets
it as a former post ("ancien …"). Only sentences whose text holds a succession cue are read token by
token (a substring test first), so the pass costs nothing elsewhere.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span

from pipeline.extract.relations.context import DocContext, norm_text, stems, words
from pipeline.extract.relations.titles import lexicon, succession_word
from pipeline.nlp.doctext import doc_text
from pipeline.records import ActorRef, RelationRecord

RULE_ID = "role.predecessor"
# a title in apposition or before the name describes the post the successor holds now, not the one
# taken ("A, directeur de X, succède à B" says nothing of B at X)
DESCRIBING_RULES = frozenset({"role.apposition", "role.inversion", "role.coordination", "role.respectively"})
SKIP_BEFORE_VERB = 4  # auxiliaries, adverbs or modals between the successor and the verb ("va", "devrait")


def predecessor_roles(ctx: DocContext, sent: Span, prev: Span | None,
                      found: list[RelationRecord]) -> Iterator[RelationRecord]:
    """Former posts of the persons a successor replaces in `sent` (`found`: the roles stated so far)."""
    cues = words()["succession_cues"]
    text = doc_text(sent.doc)[sent.start_char : sent.end_char].lower()  # Span.text rebuilds it from the tokens
    if not any(cue in text for cue in cues):
        return
    for k in range(sent.start, sent.end):
        tok = sent.doc[k]
        if norm_text(tok.text) == "place":
            pair = _place_left(ctx, sent, k)
        elif succession_word(tok) or norm_text(tok.text) == "succession":
            pair = _parties(ctx, sent, k, _taker(prev, found))
        else:
            continue
        if pair is None:
            continue
        successor, predecessor = pair
        for post in _posts(successor, sent, prev, found):
            yield RelationRecord(predecessor, "role", post.object, sent.text.strip(), RULE_ID,
                                 _former(post.attribute))


def _place_left(ctx: DocContext, sent: Span, k: int) -> tuple[ActorRef, ActorRef] | None:
    """'A laisse (cède) la place à B': (successor B, predecessor A) around 'place' at token k."""
    doc = sent.doc
    if k - 2 < sent.start or k + 2 >= sent.end or norm_text(doc[k - 1].text) not in ("la", "sa") \
            or norm_text(doc[k + 1].text) != "à":
        return None
    v = k - 2
    while v > sent.start and k - v <= SKIP_BEFORE_VERB and (doc[v].pos_ == "ADV" or norm_text(doc[v].text) in ("en", "effet")):
        v -= 1  # "A laisse en effet la place à B"
    if not norm_text(doc[v].text).startswith(stems("place_leaving_stems")):  # the lemmatiser leaves 'laisse' as is
        return None
    hit = ctx.person_starting_at(k + 2, sent)
    left = _successor_before(ctx, sent, v, None)
    if hit is None or left is None or left.name == hit[1].name:
        return None
    return hit[1], left


def _taker(prev: Span | None, found: list[RelationRecord]) -> ActorRef | None:
    """The only person given a post (not described by one) in the sentence `prev`, if any."""
    if prev is None:
        return None
    evidence = prev.text.strip()
    takers = {rec.subject.name: rec.subject for rec in found if rec.predicate == "role"
              and rec.evidence == evidence and rec.rule_id not in DESCRIBING_RULES}
    return next(iter(takers.values())) if len(takers) == 1 else None


def _parties(ctx: DocContext, sent: Span, k: int, taker: ActorRef | None) -> tuple[ActorRef, ActorRef] | None:
    """(successor, predecessor) around the succession word at token k, or None."""
    doc = sent.doc
    after = k + 1
    if norm_text(doc[k].text) == "succession":  # "prendre la succession de B"
        if after >= sent.end or norm_text(doc[after].text) not in ("de", "d'", "du"):
            return None
        verb = k - 2 if k - 2 >= sent.start and norm_text(doc[k - 1].text) == "la" else None
        if verb is None or doc[verb].lemma_ not in ("prendre", "assurer"):
            return None
        k = verb
        after += 1
    else:
        while after < sent.end and doc[after].pos_ == "ADV":
            after += 1  # "succédera également à B"
        if after < sent.end and norm_text(doc[after].text) in ("à", "a"):
            after += 1  # "succède à B"
    hit = ctx.person_starting_at(after, sent) if after < sent.end else None
    successor = _successor_before(ctx, sent, k, taker)
    if hit is None or successor is None or successor.name == hit[1].name:
        return None
    return successor, hit[1]


def _successor_before(ctx: DocContext, sent: Span, k: int, taker: ActorRef | None) -> ActorRef | None:
    """The person before the verb at token k: a name, 'il'/'elle', or 'ce dernier'/'cette dernière'
    (a pronoun the parse cannot resolve opening the sentence is the `taker` of the sentence before)."""
    doc = sent.doc
    j = k - 1
    while j >= sent.start and k - j <= SKIP_BEFORE_VERB and (
            doc[j].pos_ in ("AUX", "ADV") or doc[j].lemma_ in words()["modal_verbs"]
            or norm_text(doc[j].text) in ("de", "d'", "va", "vient", "devrait", "doit")):
        j -= 1
    if j < sent.start:
        return None
    if doc[j].lower_ in ("il", "elle"):
        return ctx.pronoun_person(j, sent) or (taker if j == sent.start else None)
    if doc[j].lower_ in ("dernier", "dernière") and j - 1 >= sent.start and doc[j - 1].lower_ in ("ce", "cette"):
        return ctx.last_person(j - 1, max(0, j - 1 - LAST_PERSON_SCAN))
    hit = ctx.person_ending_at(j, sent)
    return hit[1] if hit else None


LAST_PERSON_SCAN = 80  # tokens searched back for the person 'ce dernier' stands for


def _posts(person: ActorRef, sent: Span, prev: Span | None, found: list[RelationRecord]) -> list[RelationRecord]:
    """The current roles of `person` stated in `sent`, else in `prev` (one per organisation)."""
    for span in (sent, prev):
        if span is None or span is prev and not _takes_post(prev):
            continue
        evidence = span.text.strip()
        posts: dict[str, RelationRecord] = {}
        for rec in found:
            if rec.predicate == "role" and rec.evidence == evidence and rec.subject.name == person.name \
                    and not _is_former(rec.attribute) and rec.rule_id not in DESCRIBING_RULES:
                posts.setdefault(rec.object.name, rec)
        if posts:
            return list(posts.values())
    return []


def _takes_post(span: Span) -> bool:
    """The sentence gives someone a post ('a été nommé', 'est installé à la présidence', 'prend la
    tête', 'devient'), not just describes one ('est directrice de X')."""
    taking = words()["post_taking_verbs"] | lexicon().appointment_verbs
    return any(tok.lemma_ in taking for tok in span)


def _is_former(attribute: str | None) -> bool:
    return attribute is not None and attribute.split()[0] in ("ancien", "ex", "ex-")


def _former(attribute: str | None) -> str:
    """'président' -> 'ancien président'."""
    return f"ancien {attribute}" if attribute else "ancien dirigeant"
