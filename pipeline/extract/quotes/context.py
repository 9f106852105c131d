"""Context attribution for a quote that forms its own sentence but names no speaker.

Journalistic convention: such a quote continues the previous quote of the paragraph or the unmarked
speech just before it ("…, explique X. « … »"), or belongs to the person the paragraph is about when
it names only one person (« Quelle fierté… » after "X a reçu le prix."), or — when it opens
the paragraph — to the subject of the next sentence (« Allez ! » X est monté sur scène…).
A sentence without a subject of its own before the quote ("Et de citer l'exemple … .") continues the
last speaker; a role description subject before it ("Le commissaire européen porte … .") speaks for the
person holding that title. Quoted fragments inside a sentence are left unattributed when no cue names
the speaker, except in the sentence right after a fragment sourced to an organisation (Selon X, … « … ».
Le groupe « … »). A headline quote goes to the article's dominant speaker (`attribute_headline_quotes`).
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from pipeline.nlp.doctext import doc_text
from pipeline.extract.quotes.direct import (NARRATIVE_OPENERS, SENTENCE_INCISE_RULES, UNNAMED_BODY, UNRESOLVED_PERSON,
                                             Attribution, Candidate, incise_after, incise_closes_clause, last_speaker)
from pipeline.extract.quotes.lexicon import SPEECH_VERBS, speech_lemma
from pipeline.extract.quotes.speakers import (Context, described_subject, is_subject_position, resolve_phrase,
                                              sentence_start, subject_of)
from pipeline.records import ActorRef
from pipeline.rules import load_json


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-empty line of the text (one line = one paragraph in our inputs).

    A line ending with a comma goes on over a single line break ('…, vante X,\nCEO de Y.'): a
    paragraph never ends with a comma, so the next line is the same paragraph."""
    out: list[tuple[int, int]] = []
    pos, joined = 0, False
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            start = pos + line.index(stripped[0])
            if joined and out:
                out[-1] = (out[-1][0], start + len(stripped))
            else:
                out.append((start, start + len(stripped)))
        joined = stripped.endswith(",")
        pos += len(line) + 1
    return out


def paragraph_of(paras: list[tuple[int, int]], char: int) -> int:
    """Index of the paragraph holding char (the last one starting before it)."""
    k = 0
    for i, (s, _) in enumerate(paras):
        if s <= char:
            k = i
    return k


def _credited_runs(ctx: Context, cands: list[Candidate]) -> None:
    """'SNCF : "A" "B". « C » (X/CNEWS).': quotes that follow each other with only punctuation between
    them are one run of the same person's words; a credit or incise on the run's last quote covers the
    unattributed ones before it (in place)."""
    text = doc_text(ctx.doc)
    for n in range(len(cands) - 2, -1, -1):
        cand, nxt = cands[n], cands[n + 1]
        # a quote inside a narrative sentence ("un manifestant écrit « … ». « … », résume X") is no part
        # of the next speaker's run: only a quote that makes up its sentence is
        if cand.kind != "direct" or nxt.kind != "direct" or cand.speaker is not None or cand.attributed \
                or nxt.speaker is None or nxt.rule_id not in RUN_RULES or _narrated(ctx, cand):
            continue
        if text[cand.end:nxt.start].strip(" \u00a0\u202f\"«»“”.,;!?…") == "" and "\n" not in text[cand.end:nxt.start]:
            cand.speaker, cand.verb, cand.rule_id = nxt.speaker, nxt.verb, "context_run"


RUN_RULES = {"signature", "incise_verb", "incise_inverted", "context_run"}
_WORD = re.compile(r"\w+")


def _narrated(ctx: Context, cand: Candidate) -> bool:
    """Words of narration (outside quotes) open the quote's sentence: "un manifestant écrit « … »"."""
    text = doc_text(ctx.doc)
    start = max(text.rfind(c, 0, cand.start) for c in ".!?\n…:") + 1
    outside = "".join(" " if ctx.in_quote(i, i + 1) else ch for i, ch in enumerate(text[start:cand.start], start))
    return len(_WORD.findall(outside)) > 1


def attribute_from_context(ctx: Context, cands: list[Candidate]) -> None:
    """Fill the speaker of standalone, unattributed direct quotes from their paragraph (in place)."""
    _credited_runs(ctx, cands)
    paras = paragraphs(doc_text(ctx.doc))
    for n, cand in enumerate(cands):
        if cand.kind != "direct" or cand.speaker is not None or not cand.standalone \
                or cand.rule_id.endswith((UNNAMED_BODY, UNRESOLVED_PERSON)):
            continue
        k = paragraph_of(paras, cand.start)
        p_start, p_end = paras[k]
        prev = _previous_quote(cands, n, paras, k)
        if prev is not None:
            cand.speaker, cand.verb, cand.rule_id = prev.speaker, cand.verb or prev.verb, "context_previous_quote"
            continue
        said = _previous_sentence_speaker(ctx, p_start, cand.start)
        if said is not None:
            cand.speaker, cand.verb, cand.rule_id = said.speaker, cand.verb or said.verb, "context_previous_sentence"
            continue
        previous = _narrative_sentence_before(ctx, p_start, cand.start)
        if previous is not None:
            cand.speaker, cand.rule_id = previous, "context_narrative_infinitive"
            continue
        m = _only_person(ctx, p_start, cand.start)
        if m is not None:
            cand.speaker, cand.rule_id = m.ref(), "context_paragraph"
            continue
        described = _described_subject_before(ctx, p_start, cand.start)
        if described is not None:
            cand.speaker, cand.rule_id = described, "context_described_subject"
            continue
        opens = doc_text(ctx.doc)[p_start:cand.start].strip(" «“\"\u00a0\u202f") == ""
        said_before = _speaker_ending_previous_paragraph(ctx, paras, k) if opens else None
        if said_before is not None:
            cand.speaker, cand.rule_id = said_before, "context_previous_paragraph"
            continue
        if opens or not any(not ctx.in_quote(m.start, m.end) for m in ctx.mentions_in(p_start, cand.start, "PER")):
            # the quote opens its paragraph, or nobody is named before it there: "Les hostilités reprennent.
            # « … » Me X n'a pas fini sa plaidoirie."
            nxt = _first_person_after(ctx, cand.end, p_end)
            if nxt is not None:
                cand.speaker, cand.rule_id = nxt.ref(), "context_next_sentence"
                continue
            introduced = _person_introduced_next(ctx, cands[:n], paras, k, cand.end) if opens else None
            if introduced is not None:
                cand.speaker, cand.rule_id = introduced.ref(), "context_next_paragraph"


def _previous_quote(cands: list[Candidate], n: int, paras: list[tuple[int, int]], k: int) -> Candidate | None:
    """The closest earlier attributed quote in the same paragraph (or the previous one if this
    quote opens its paragraph and that paragraph ended with a quote)."""
    for prev in reversed(cands[:n]):
        if prev.speaker is None or prev.kind != "direct":
            continue
        pk = paragraph_of(paras, prev.start)
        if pk == k:
            return prev
        if pk == k - 1 and paras[k][0] >= cands[n].start - 2 and _sentence_like(cands[n].text):
            return prev  # a new paragraph of speech (not a quoted heading)
        return None
    return None


def _sentence_like(text: str) -> bool:
    return text.rstrip()[-1:] in ".!?…"


def _previous_sentence_speaker(ctx: Context, p_start: int, quote_start: int) -> Attribution | None:
    """"…, explique X. « … »": the sentence just before the quote, in its paragraph, ends with a speech
    incise naming its speaker; the quote goes on with the same speaker's words."""
    doc, text = ctx.doc, doc_text(ctx.doc)
    k = quote_start - 1
    while k > p_start and (text[k].isspace() or text[k] in "«“\""):
        k -= 1
    if k <= p_start or text[k] not in ".!?…":
        return None
    span = doc.char_span(max(p_start, sentence_start(ctx, k)), k, alignment_mode="expand")
    if span is None:
        return None
    inverted = [c for c in ctx.cues if c.cue == "inverted"]
    for comma in reversed([t for t in span if t.text == "," and not ctx.in_quote(t.idx, t.idx + 1)]):
        if comma.i == 0 or doc[comma.i - 1].text in ("»", "”", '"'):
            continue
        att = incise_after(ctx, inverted, comma.i - 1)
        if att is not None and att.speaker is not None and att.rule_id in SENTENCE_INCISE_RULES \
                and incise_closes_clause(doc, ctx.cues, comma):
            return att
    return None


def _sentence_before(ctx: Context, p_start: int, quote_start: int, ends: str) -> Span | None:
    """The sentence right before a quote in its paragraph, when it ends with one of `ends`."""
    text = doc_text(ctx.doc)
    k = quote_start - 1
    while k > p_start and (text[k].isspace() or text[k] in "«“\""):
        k -= 1
    if k <= p_start or text[k] not in ends:
        return None
    return ctx.doc.char_span(max(p_start, sentence_start(ctx, k)), k, alignment_mode="expand")


def _narrative_sentence_before(ctx: Context, p_start: int, quote_start: int) -> ActorRef | None:
    """"Et de donner l'exemple de … . « … »": a sentence opened by a narrative infinitive (Et/Puis de + verb)
    has no subject of its own; it and the quote after it continue the last speaker."""
    span = _sentence_before(ctx, p_start, quote_start, ".!?…:")
    toks = [t for t in span if not t.is_space] if span is not None else []
    if len(toks) < 3 or toks[0].lower_ not in NARRATIVE_OPENERS or toks[1].lower_ not in ("de", "d'", "d’") \
            or "Inf" not in toks[2].morph.get("VerbForm", []):
        return None
    return last_speaker(ctx, toks[0].idx)


def _described_subject_before(ctx: Context, p_start: int, quote_start: int) -> ActorRef | None:
    """"Le commissaire européen porte un projet … . « … »": the sentence just before the quote, in its
    paragraph, has a role description as subject that resolves to a person (a name would have been found
    by the paragraph rule)."""
    span = _sentence_before(ctx, p_start, quote_start, ".!?…")
    if span is None or ctx.mentions_in(span.start_char, span.end_char, "PER"):
        return None
    return described_subject(ctx, span)


def _only_person(ctx: Context, start: int, end: int):
    """The one person the paragraph names before the quote; None when it names several (a guest list
    gives no speaker: guessing the last name would be worse than no answer)."""
    people = [m for m in ctx.mentions_in(start, end, "PER") if not ctx.in_quote(m.start, m.end)]
    if len({m.key for m in people}) != 1:
        return None
    return people[-1]


def _first_person_after(ctx: Context, start: int, para_end: int):
    """The person the sentence after `start` (same paragraph) has as its subject."""
    doc = ctx.doc
    if start >= para_end:
        return None  # the quote runs past its first paragraph
    span = doc.char_span(start, para_end, alignment_mode="expand")
    if span is None:
        return None
    sents = list(span.sents)  # type: ignore[attr-defined]  # Span.sents exists; spaCy's stub omits it
    for sent in sents[:2]:
        people = ctx.mentions_in(max(sent.start_char, start), min(sent.end_char, para_end), "PER")
        if people:
            return people[0] if is_subject_position(ctx.doc, people[0]) else None
    return None


def _speaker_ending_previous_paragraph(ctx: Context, paras: list[tuple[int, int]], k: int) -> ActorRef | None:
    """"… le président de X croit que le partage serait une bonne idée.⏎« … »": the paragraph before ends
    with a sentence whose main verb is a speech or opinion verb with a person subject; the quote opening
    the next paragraph goes on with that person's words."""
    if k == 0:
        return None
    start, end = paras[k - 1]
    text = doc_text(ctx.doc)
    if text[end - 1:end] not in ".!?…" or ctx.in_quote(end - 1, end):
        return None
    span = ctx.doc.char_span(max(start, sentence_start(ctx, end - 1)), end, alignment_mode="contract")
    root = next((t for t in span if t.head.i == t.i or not (span.start <= t.head.i < span.end)), None) \
        if span is not None and len(span) else None
    if root is None or speech_lemma(root, "incise", lenient=True) is None:
        return None
    subj = subject_of(root)
    speaker = resolve_phrase(ctx, subj, subj[0].idx) if subj and subj[0].i < root.i else None
    return speaker if speaker is not None and speaker.label == "PER" else None


def _person_introduced_next(ctx: Context, earlier: list[Candidate], paras: list[tuple[int, int]], k: int,
                            quote_end: int):
    """« … » alone in its paragraph, then "Le manager de Nova, X, est apparu abattu …": a quote set as a
    lead before the paragraph that introduces its speaker is that person's. Only when the paragraph before
    the quote names no one who has not spoken yet (else the quote more likely goes on with that person)."""
    text = doc_text(ctx.doc)
    if k + 1 >= len(paras) or text[quote_end:paras[k][1]].strip(" »”\"\u00a0\u202f.") != "":
        return None
    if k > 0:
        spoken = {c.speaker.key for c in earlier if c.speaker is not None}
        before = ctx.mentions_in(paras[k - 1][0], paras[k - 1][1], "PER")
        if any(m.key not in spoken for m in before if not ctx.in_quote(m.start, m.end)):
            return None
    nxt_start, nxt_end = paras[k + 1]
    if text[nxt_start] in "«“\"":
        return None
    people = [m for m in ctx.mentions_in(nxt_start, nxt_end, "PER") if not ctx.in_quote(m.start, m.end)]
    if not people:
        return None
    first = people[0]
    lead = max(nxt_start, sentence_start(ctx, first.start))
    if text[lead:first.start].strip() == "":
        return first
    span = ctx.doc.char_span(lead, first.start, alignment_mode="contract")
    if span is None or span[0].lower_ == "par" or span[-1].pos_ == "ADP":
        return None  # a byline ("par X -") or a complement ("face à X") is no subject
    # the name comes before its sentence's first finite verb: it is (or is apposed to) the subject
    if not any("Fin" in t.morph.get("VerbForm", []) for t in span):
        return first
    # "C'est la question que se pose X, le PDG de Nova": the inverted subject of the verb right before it
    name = ctx.doc.char_span(first.start, first.end, alignment_mode="expand")
    # (the parser often labels such a name 'appos' of that verb)
    inverted = name is not None and any((t.dep_.startswith("nsubj") or t.dep_ == "appos") and t.head.i < t.i
                                        and t.head.pos_ == "VERB" for t in name)
    return first if inverted else None


def attribute_source_fragments(ctx: Context, cands: list[Candidate]) -> None:
    """'Selon Le Journal, l'entreprise « … ». Le groupe « … »': a quoted fragment with no cue of its own, in
    the sentence right after a fragment sourced to an organisation (selon X, peut-on lire dans X), keeps
    that source when nobody else is named or speaks in between (in place)."""
    text = doc_text(ctx.doc)
    sources = set(load_json(SPEECH_VERBS).get("source_verbs", []))
    for n, cand in enumerate(cands):
        if cand.kind != "direct" or cand.speaker is not None or cand.attributed or n == 0:
            continue
        prev = cands[n - 1]
        if prev.kind != "direct" or prev.speaker is None or prev.speaker.label != "ORG" or prev.verb not in sources:
            continue
        gap = text[prev.end:cand.start]
        if "\n" in gap or sum(gap.count(c) for c in ".!?") > 1 or _someone_speaks(ctx, prev.end, cand.start):
            continue
        cand.speaker, cand.verb, cand.rule_id = prev.speaker, prev.verb, "context_source"


def _someone_speaks(ctx: Context, start: int, end: int) -> bool:
    """A person named or a speech verb between two quotes (outside quotation marks)."""
    if any(not ctx.in_quote(m.start, m.end) for m in ctx.mentions_in(start, end, "PER")):
        return True
    span = ctx.doc.char_span(start, end, alignment_mode="contract")
    return span is not None and any(speech_lemma(t, "incise") for t in span if not ctx.in_quote(t.idx, t.idx + 1))


HEADLINE_MAX_WORDS = 25
HEADLINE_PARAGRAPHS = 3


def attribute_headline_quotes(ctx: Context, cands: list[Candidate]) -> None:
    """A quote making up a headline ('Espionnage : « Faites confiance à Renault »') with no speaker of its
    own: a headline quotes the article's main speaker, so it goes to the speaker of most of the article's
    other quotes (a strict majority of them; in place)."""
    text = doc_text(ctx.doc)
    heads = [p for p in paragraphs(text)[:HEADLINE_PARAGRAPHS] if _headline_shape(ctx, text, *p)]
    votes: dict[str, list] = {}
    for c in cands:
        if c.speaker is not None and not any(s <= c.start < e for s, e in heads):
            votes.setdefault(c.speaker.key or c.speaker.name, []).append(c.speaker)
    if not votes:
        return
    ranked = sorted(votes.values(), key=len, reverse=True)
    if len(ranked) > 1 and len(ranked[0]) * 2 <= sum(len(v) for v in ranked):
        return  # no speaker dominates: a headline may quote any of them
    first_said = min(c.start for c in cands if c.speaker is not None)
    for c in cands:
        # a title comes before the body: a quoted subheading after someone's quote is no headline
        if c.speaker is None and c.kind == "direct" and not c.rule_id.endswith(UNNAMED_BODY) \
                and c.start < first_said and any(s <= c.start and c.end <= e for s, e in heads):
            c.speaker, c.rule_id = ranked[0][0], "context_headline"


def _headline_shape(ctx: Context, text: str, start: int, end: int) -> bool:
    """A title line: short, with a quote, and no sentence end outside its quotes (a lead sentence is no
    headline)."""
    if len(text[start:end].split()) > HEADLINE_MAX_WORDS:
        return False
    inside = [(s, e) for s, e in ctx.quoted if start <= s and e <= end + 1]
    outside = "".join(ch for i, ch in enumerate(text[start:end], start) if not any(s <= i < e for s, e in inside))
    return bool(inside) and not any(c in outside for c in ".!?…")
