"""Indirect speech: a speech verb with a named subject and a que-clause (X a déclaré que …)."""

from __future__ import annotations

from spacy.tokens import Token

from pipeline.extract.quotes.direct import Candidate
from pipeline.extract.quotes.lexicon import speech_lemma
from pipeline.extract.quotes.speakers import Context, _surname_match, subject_of

QUE = {"que", "qu'", "qu’"}
MIN_CLAUSE_TOKENS = 4


def _que_clause(verb: Token) -> tuple[Token, Token] | None:
    """(the 'que' token, the clause head) of a complement clause of the verb."""
    for child in verb.children:
        if child.i < verb.i or child.dep_ not in ("ccomp", "obj", "advcl", "xcomp", "acl", "csubj"):
            continue
        for g in child.children:
            if g.dep_ == "mark" and g.lower_ in QUE and g.i < child.i and g.i == child.left_edge.i:
                return g, child
    return None


def _named_speaker(ctx: Context, subj: list[Token]):
    start, end = subj[0].idx, subj[-1].idx + len(subj[-1])
    named = ctx.mentions_in(start, end, "PER") or ctx.mentions_in(start, end, "ORG")
    if named:
        return named[0].ref()
    known = _surname_match(ctx, subj)
    return known.ref() if known else None


def indirect_candidates(ctx: Context) -> list[Candidate]:
    """Reported speech with a named speaker; the text is the que-clause without its final punctuation."""
    doc = ctx.doc
    out = []
    for verb in doc:
        lemma = speech_lemma(verb, "que")
        if lemma is None:
            continue
        found = _que_clause(verb)
        subj = subject_of(verb)
        if found is None or not subj:
            continue
        speaker = _named_speaker(ctx, subj)
        if speaker is None:
            continue
        que, head = found
        last = head.right_edge
        while last.i > que.i and (last.is_punct or last.is_space):
            last = doc[last.i - 1]
        if last.i - que.i < MIN_CLAUSE_TOKENS:
            continue
        first = doc[que.i + 1]
        start, end = first.idx, last.idx + len(last)
        if ctx.in_quote(start, end):
            continue
        out.append(Candidate(start, end, doc.text[start:end], kind="indirect", rule_id="indirect_que",
                             speaker=speaker, verb=lemma, attributed=True))
    return out
