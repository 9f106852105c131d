"""Quotes extractor: every quotation of an article (direct and indirect) with who said it.

Steps: find quote marks on the plain text (`marks`), turn each marked passage into quotes with
their explicit attribution (`direct`), add quotes without marks (block quotes after a colon, Q&A
answers: `blocks`), attribute standalone quotes from their paragraph (`context`), add reported
speech with a que-clause (`indirect`), then drop repeats (pull-quotes). Pure: Doc -> QuoteRecords.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc

from pipeline.nlp.doctext import doc_text
from pipeline.extract.quotes.blocks import block_quotes, first_person_paragraphs, interview_answers
from pipeline.extract.quotes.context import (attribute_from_context, attribute_headline_quotes,
                                              attribute_source_fragments)
from pipeline.extract.quotes.direct import Candidate, direct_candidates, unclosed_quote, unopened_quote
from pipeline.extract.quotes.indirect import incise_candidates, indirect_candidates
from pipeline.extract.quotes.lexicon import find_cues
from pipeline.extract.quotes.marks import scan_quotes, unclosed_openings, unopened_closings
from pipeline.extract.quotes.speakers import Context
from pipeline.nlp.entities import normalize_name
from pipeline.records import Dropped, QuoteRecord

__all__ = ["extract_quotes"]


def extract_quotes(doc: Doc) -> Iterator[QuoteRecord]:
    """Yield the article's quotations in text order (nothing for a doc without a parse)."""
    if not doc.has_annotation("DEP"):
        doc.user_data.setdefault("dropped", []).append(Dropped("quotes", "", "doc has no dependency parse"))
        return
    ctx = Context.build(doc)
    marked = scan_quotes(doc_text(doc))
    ctx.quoted = [(m.open, m.close + 1) for m in marked]
    cues = ctx.cues = find_cues(doc)
    # a paragraph opened by « whose closing mark was lost, cut at its incise (« …, a déclaré X.)
    lost = [q for i, end in unclosed_openings(doc_text(doc), marked) if (q := unclosed_quote(ctx, cues, i, end))]
    ctx.quoted += [(m.open, m.close) for m in lost]
    # a paragraph whose opening mark was lost, closed before its incise (Ce n'est pas fini ”, a dit X.)
    unopened = [q for s, i in unopened_closings(doc_text(doc), marked) if (q := unopened_quote(ctx, cues, s, i))]
    ctx.quoted += [(m.open, m.close + 1) for m in unopened]
    marked = sorted(marked + lost + unopened, key=lambda m: m.open)
    cands: list[Candidate] = []
    for m in marked:
        found = direct_candidates(ctx, cues, m)
        # later descriptions ("poursuit l'entrepreneur") may continue these speakers
        ctx.said.extend((c.start, c.speaker) for c in found if c.speaker is not None)
        cands.extend(found)
    answers = interview_answers(ctx)
    cands = _outside_answers(doc, cands, answers)
    cands.extend(_not_overlapping(block_quotes(ctx) + answers, cands))
    cands.extend(_not_overlapping(first_person_paragraphs(ctx), cands))
    cands.sort(key=lambda c: c.start)
    attribute_from_context(ctx, cands)
    attribute_source_fragments(ctx, cands)
    cands.extend(_not_overlapping(indirect_candidates(ctx), cands, fragments_inside=True))
    _fragments_take_clause_speaker(cands)
    cands.extend(_not_overlapping(incise_candidates(ctx), cands))
    cands.sort(key=lambda c: c.start)
    attribute_headline_quotes(ctx, cands)
    cands = [c for c in cands if not _subheading_label(doc, c)]
    for cand in _without_repeats(doc, cands):
        yield QuoteRecord(text=cand.text, kind=cand.kind, start=cand.start, end=cand.end,
                          rule_id=cand.rule_id, speaker=cand.speaker, verb=cand.verb)


SUBHEADING_MAX_WORDS = 12
_LINE_END_PUNCTUATION = ".!?…:;,"
_MARKED = re.compile(r"«[^»]*»|“[^”]*”|\"[^\"]*\"")


def _subheading_label(doc: Doc, cand: Candidate) -> bool:
    """A quote nobody is said to speak, in a sub-heading of the article (a short line after the first, no
    final punctuation, no finite verb outside the marks: « Que chacun y trouve sa place », Un président
    « plus à l'écoute »): the heading labels the section or repeats a quote of it; recorded as dropped."""
    if cand.kind != "direct" or cand.speaker is not None:
        return False
    text = doc_text(doc)
    start = text.rfind("\n", 0, cand.start) + 1
    end = text.find("\n", cand.end)
    end = len(text) if end < 0 else end
    line = text[start:end]
    if not text[:start].strip() or not line.strip():
        return False  # the article's title: attribute_headline_quotes' business
    if line.rstrip(" \u00a0\u202f»”\"")[-1:] in _LINE_END_PUNCTUATION or len(line.split()) > SUBHEADING_MAX_WORDS:
        return False
    marked = [(start + m.start(), start + m.end()) for m in _MARKED.finditer(line)]
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or any("Fin" in t.morph.get("VerbForm", []) and not any(a <= t.idx < b for a, b in marked)
                           for t in span):
        return False  # "Quand X réfléchissait « à voix haute »": a sentence of the story, not a label
    doc.user_data.setdefault("dropped", []).append(Dropped("quotes", cand.text, "quoted sub-heading"))
    return True


def _fragments_take_clause_speaker(cands: list[Candidate]) -> None:
    """"X considère que ce statut « va nous permettre … »": a quoted fragment inside a reported que-clause
    with no speaker of its own is the words of that clause's speaker (in place)."""
    for clause in (c for c in cands if c.kind == "indirect" and c.speaker is not None):
        for c in cands:
            if c.kind == "direct" and c.speaker is None and clause.start <= c.start and c.end <= clause.end:
                c.speaker, c.verb, c.rule_id, c.attributed = clause.speaker, clause.verb, "in_reported_clause", True


def _outside_answers(doc: Doc, cands: list[Candidate], answers: list[Candidate]) -> list[Candidate]:
    """An interview answer is the interviewee's words as a whole: a quote marked inside it (« je me suis
    dit « … » ») stays in the answer's text, not a quote of its own."""
    kept = []
    for c in cands:
        if any(a.start <= c.start and c.end <= a.end for a in answers):
            doc.user_data.setdefault("dropped", []).append(Dropped("quotes", c.text, "quote inside an interview answer"))
        else:
            kept.append(c)
    return kept


MIN_WORDS_AROUND_FRAGMENTS = 2


def _not_overlapping(new: list[Candidate], kept: list[Candidate], fragments_inside: bool = False) -> list[Candidate]:
    """The new candidates that overlap nothing kept. With `fragments_inside`, a que-clause may hold quoted
    fragments (X a estimé que le projet était « une erreur historique »): both are kept when the clause has
    words of its own outside them (the clause is reported speech, the fragments are the speaker's words)."""
    out: list[Candidate] = []
    for c in new:
        overlaps = [k for k in kept + out if c.start < k.end and k.start < c.end]
        if fragments_inside and overlaps and all(c.start <= k.start and k.end <= c.end for k in overlaps) \
                and _words_outside(c, overlaps) >= MIN_WORDS_AROUND_FRAGMENTS:
            overlaps = []
        if not overlaps:
            out.append(c)
    return out


_QUOTED = re.compile(r'«[^»]*»|“[^”]*”|"[^"]*"')


def _words_outside(c: Candidate, inner: list[Candidate]) -> int:
    """Words of a candidate's text outside the inner candidates and outside any quotation marks."""
    text = "".join(ch if not any(k.start <= i < k.end for k in inner) else " "
                   for i, ch in enumerate(c.text, c.start))
    return len(re.findall(r"\w+", _QUOTED.sub(" ", text)))


MIN_PULL_QUOTE_WORDS = 5


def _contained(key: str, others: list[str]) -> bool:
    """A pull-quote is often a cut of a longer quote: its words appear inside another quote."""
    return len(key.split()) >= MIN_PULL_QUOTE_WORDS and any(key != o and f" {key} " in f" {o} " for o in others)


def _without_repeats(doc: Doc, cands: list[Candidate]) -> Iterator[Candidate]:
    """Keep the first of quotes with the same words (a pull-quote repeats a quote verbatim or cut)."""
    seen: dict[str, Candidate] = {}
    keys = [normalize_name(c.text) for c in cands]
    # an unattributed quote that repeats an attributed one with words around it (an embedded post: « "…"
    # #tag — Author (@handle) ») is the repeat; the attributed original stays
    reposts = {id(c) for c, k in zip(cands, keys) if c.speaker is None and c.kind == "direct" and any(
        o.speaker is not None and o.kind == "direct" and o.start < c.start and len(ok.split()) >= MIN_PULL_QUOTE_WORDS
        and ok != k and f" {ok} " in f" {k} " for o, ok in zip(cands, keys))}
    for cand, key in zip(cands, keys):
        if id(cand) in reposts:
            doc.user_data.setdefault("dropped", []).append(Dropped("quotes", cand.text, "repost of an attributed quote"))
            continue
        # a fragment inside a reported que-clause is no pull-quote of it: compare quotes of the same kind
        if _contained(key, [k for c, k in zip(cands, keys) if c.kind == cand.kind and id(c) not in reposts]):
            doc.user_data.setdefault("dropped", []).append(Dropped("quotes", cand.text, "pull-quote cut from a quote"))
            continue
        if key in seen:
            first = seen[key]
            if first.speaker is None and cand.speaker is not None:
                first.speaker, first.verb, first.rule_id = cand.speaker, cand.verb, cand.rule_id
            doc.user_data.setdefault("dropped", []).append(Dropped("quotes", cand.text, "repeated quote"))
            continue
        seen[key] = cand
    yield from seen.values()
