"""Indirect speech: a speech verb with a named subject and a que-clause (X a déclaré que …)."""

from __future__ import annotations

from spacy.tokens import Token

from pipeline.nlp.doctext import doc_text
from pipeline.extract.quotes.direct import Candidate
from pipeline.extract.quotes.lexicon import pronoun_form, speech_lemma
from pipeline.extract.quotes.speakers import Context, _surname_match, phrase_after, subject_of

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


def _clause_end(head: Token) -> Token:
    """Last token of the que-clause; a trailing ", soulevant ainsi …" participle belongs to the main clause."""
    last = head.right_edge
    for tok in head.doc[head.i + 1: last.i]:
        nxt = tok.nbor(1)
        if tok.text == "," and "Part" in nxt.morph.get("VerbForm") and "Pres" in nxt.morph.get("Tense"):
            return head.doc[tok.i - 1]
    return last


def _recent_antecedent(ctx: Context, pron: Token):
    """il/elle whose person was named in the same or the previous sentence (else not 'named')."""
    sent = pron.sent
    prev_start = sent.start_char
    if sent.start > 0:
        prev_start = pron.doc[sent.start - 1].sent.start_char
    gender = "m" if pronoun_form(pron) == "il" else "f"
    m = ctx.most_recent("PER", pron.idx, gender, after=prev_start)
    return m.ref() if m else None


def _named_speaker(ctx: Context, subj: list[Token]):
    start, end = subj[0].idx, subj[-1].idx + len(subj[-1])
    if len(subj) == 1 and pronoun_form(subj[0]) in ("il", "elle"):
        return _recent_antecedent(ctx, subj[0])
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
        last = _clause_end(head)
        while last.i > que.i and (last.is_punct or last.is_space):
            last = doc[last.i - 1]
        if last.i - que.i < MIN_CLAUSE_TOKENS:
            continue
        first = doc[que.i + 1]
        start, end = first.idx, last.idx + len(last)
        if ctx.in_quote(start, end):
            continue
        out.append(Candidate(start, end, doc_text(doc)[start:end], kind="indirect", rule_id="indirect_que",
                             speaker=speaker, verb=lemma, attributed=True))
    return out


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Char bounds of the sentence around [start, end): up to the nearest . ! ? or newline."""
    s = max(text.rfind(c, 0, start) for c in ".!?\n") + 1
    ends = [i for i in (text.find(c, end) for c in ".!?\n") if i >= 0]
    return s, (min(ends) if ends else len(text))


def _names_someone(ctx: Context, phrase: list[Token]) -> bool:
    if not phrase:
        return False
    return bool(ctx.mentions_in(phrase[0].idx, phrase[-1].idx + len(phrase[-1]))) or _surname_match(ctx, phrase) is not None


def _inverted_subject_follows(verb: Token, rule_id: str) -> bool:
    """A finite speech verb directly followed by its subject (explique X / a précisé le directeur)."""
    if "Part" in verb.morph.get("VerbForm") and "Pres" in verb.morph.get("Tense"):
        return False  # "…, améliorant ainsi ses marges": a participle clause, not an incise
    if rule_id == "incise_inverted":
        return True
    nxt = verb.nbor(1) if verb.i + 1 < len(verb.doc) else None
    return nxt is not None and (nxt.pos_ in ("DET", "PROPN", "NOUN") or nxt.ent_type_ in ("PER", "ORG"))


def incise_candidates(ctx: Context) -> list[Candidate]:
    """Reported speech set off by an incise without quote marks: "…, explique X." / "Le défi, estime X, est …".

    The speaker must be named (a person or organisation of the article) or an inverted pronoun; the
    text is the longer side of the sentence around the incise.
    """
    from pipeline.extract.quotes.direct import Attribution, incise_after

    doc, text = ctx.doc, doc_text(ctx.doc)
    out = []
    for comma in doc:
        if comma.text != "," or ctx.in_quote(comma.idx, comma.idx + 1) or comma.i == 0:
            continue
        if doc[comma.i - 1].text in ("»", "”", '"'):
            continue  # a direct quote's own incise
        att: Attribution | None = incise_after(ctx, [c for c in ctx.cues if c.cue == "inverted"], comma.i - 1)
        if att is None or att.speaker is None or att.rule_id not in ("incise_verb", "incise_inverted"):
            continue
        verb = next((t for t in doc[comma.i + 1: comma.i + 5] if speech_lemma(t, "incise", lenient=True)), None)
        if verb is None or not _inverted_subject_follows(verb, att.rule_id):
            continue
        if att.rule_id == "incise_verb" and not _names_someone(ctx, phrase_after(doc, verb.i + 1)):
            continue  # "…, partage les notes …": the words after the verb must name the speaker
        end_tok = next((t for t in doc[verb.i + 1: verb.i + 16] if t.text in (",", ".", ";", "!", "?", "\n")), None)
        s, e = _sentence_bounds(text, comma.idx, verb.idx)
        left = (s, comma.idx)
        right = (end_tok.idx + 1, e) if end_tok is not None and end_tok.text == "," else (e, e)
        start, end = max(left, right, key=lambda r: r[1] - r[0])
        body = text[start:end].strip()
        if len(body.split()) < 6 or ctx.in_quote(start, end):
            continue
        start = text.index(body, start)
        out.append(Candidate(start, start + len(body), body, kind="indirect", rule_id="incise_unmarked",
                             speaker=att.speaker, verb=att.verb, attributed=True))
    return out
