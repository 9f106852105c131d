"""Indirect speech: a speech verb with a named subject and a que-clause (X a déclaré que …).

The que-clause may follow an adverbial phrase (X indique pour sa part que …); when the parse gives the
verb no subject in its own sentence, a name opening the sentence (past its apposition) is the subject.
"""

from __future__ import annotations

from spacy.tokens import Token

from pipeline.nlp.doctext import doc_text
from pipeline.extract.quotes.direct import Candidate, name_apposed_before
from pipeline.records import Dropped
from pipeline.rules import load_json
from pipeline.extract.quotes.lexicon import (SPEECH_VERBS, pronoun_form, pronoun_gender, speaker_nouns, speech_lemma,
                                             speech_words)
from pipeline.extract.quotes.speakers import (Context, _subject_preferred, _surname_match, described_subject, noun_text,
                                              phrase_after, resolve_phrase, resolve_pronoun, sentence_initial_name,
                                              sentence_start, subject_of)

QUE = {"que", "qu'", "qu’"}
MIN_CLAUSE_TOKENS = 4
# Prepositions before a person who is spoken to, not speaking.
ADDRESSEE = {"à", "au", "aux", "auprès", "de", "avec", "pour", "par"}


CLAUSE_DEPS = ("ccomp", "obj", "advcl", "xcomp", "acl", "csubj")
# "indique pour sa part que …", "estime de son côté que …": the parser hangs the que-clause on the
# adverbial phrase between the verb and que; it is still the verb's complement.
ADVERBIAL_DEPS = ("obl", "obl:mod", "obl:arg", "advmod", "nmod")


def _marked_que(head: Token) -> Token | None:
    """The 'que' opening a clause; the parser sometimes tags an elided "qu'" as the clause's object (or
    indirect object: "a annoncé qu’il rappelait …")."""
    for g in head.children:
        if g.dep_ in ("mark", "obj", "iobj") and g.lower_ in QUE and g.i < head.i and g.i == head.left_edge.i:
            return g
    return None


def _que_clause(verb: Token) -> tuple[Token, Token] | None:
    """(the 'que' token, the clause head) of a complement clause of the verb."""
    for child in verb.children:
        if child.i < verb.i:
            continue
        if child.dep_ in CLAUSE_DEPS:
            que = _marked_que(child)
            if que is not None:
                return que, child
        elif child.dep_ in ADVERBIAL_DEPS:
            for g in child.children:
                # ("dep": the parser's fallback label for a clause it could not place after a long adjunct)
                que = _marked_que(g) if g.i > child.i and g.dep_ in CLAUSE_DEPS + ("acl:relcl", "dep") else None
                clause = {t.i for t in g.subtree}
                # the adverbial phrase ends right before que (a que-clause, not a relative inside it)
                if que is not None and all(t.i < que.i for t in child.subtree if t.i not in clause) \
                        and not _inverted_relative(que):
                    return que, g
    return None


def _negated(verb: Token) -> bool:
    """"S'il n'a pas confirmé que …", "il ne peut pas assurer que …": a negated speech verb (or its modal)
    reports what the person did not say."""
    heads = [verb] + ([verb.head] if verb.dep_ == "xcomp" and verb.head is not verb else [])
    return any(c.lower_ in speech_words("negations") and c.i < verb.i for h in heads for c in h.children)


def _inverted_relative(que: Token) -> bool:
    """"son intérêt pour l'opération que constitue à ses yeux la reprise": a finite verb right after 'que'
    (its subject inverted after it) makes 'que' a relative pronoun on the noun before, not a completive."""
    nxt = que.doc[que.i + 1] if que.i + 1 < len(que.doc) else None
    return nxt is not None and nxt.pos_ in ("VERB", "AUX") and "Fin" in nxt.morph.get("VerbForm", [])


def _clause_end(head: Token) -> Token:
    """Last token of the que-clause; a trailing ", soulevant ainsi …" participle belongs to the main clause."""
    last = head.right_edge
    for tok in head.doc[head.i + 1: last.i]:
        nxt = tok.nbor(1)
        if tok.text == "," and "Part" in nxt.morph.get("VerbForm", []) and "Pres" in nxt.morph.get("Tense", []):
            return head.doc[tok.i - 1]
        if tok.text == "," and _narrative_sequel(tok):
            return head.doc[tok.i - 1]  # "…, avant de débloquer un prêt": what the speaker did next
        if tok.text == ":" and nxt.text in OPENING_MARKS:
            return head.doc[tok.i - 1]  # "… que X : « … »": the colon introduces a direct quote
    return last


OPENING_MARKS = {"«", "“", '"'}
SEQUEL_WORDS = {"avant", "après"}


def _narrative_sequel(comma: Token) -> bool:
    """", avant de + infinitive" / ", après avoir + participle" after a que-clause narrates the speaker's
    next or previous act; it is the journalist's sentence, not the reported words."""
    doc = comma.doc
    if comma.i + 3 >= len(doc) or doc[comma.i + 1].lower_ not in SEQUEL_WORDS:
        return False
    return doc[comma.i + 2].lower_ in ("de", "d'", "d’") and "Inf" in doc[comma.i + 3].morph.get("VerbForm", [])


def _recent_antecedent(ctx: Context, pron: Token):
    """il/elle whose person was named in the same or the previous sentence (else not 'named')."""
    sent = pron.sent
    prev_start = sent.start_char
    if sent.start > 0:
        prev_start = pron.doc[sent.start - 1].sent.start_char
    gender = "m" if pronoun_form(pron) == "il" else "f"
    m = _subject_preferred(ctx, ctx.most_recent("PER", pron.idx, gender, after=prev_start), gender)
    if m is not None:
        return m.ref()
    # "Le ministre s'est attardé … . Après …, il a assuré que …": a role description as the subject of
    # the previous sentence (of this paragraph) that resolves to a person
    if sent.start == 0 or "\n" in doc_text(ctx.doc)[prev_start:pron.idx]:
        return _last_quoted_speaker(ctx, pron, gender)
    described = described_subject(ctx, pron.doc[sent.start - 1].sent)
    if described is None:
        return _last_quoted_speaker(ctx, pron, gender)
    if described is None or (described.key and ctx.gender.get(described.key, gender) != gender):
        return None
    return described


def _last_quoted_speaker(ctx: Context, pron: Token, gender: str):
    """« … », estime X. [next paragraph] Il assure qu'…: the person quoted last, in this paragraph or the one
    before, when nobody else is named (outside quotes) since that quote and the gender fits."""
    earlier = [(pos, ref) for pos, ref in ctx.said if pos < pron.idx]
    if not earlier:
        return None
    pos, ref = earlier[-1]
    text = doc_text(ctx.doc)
    if ref.label != "PER" or sum(1 for line in text[pos:pron.idx].split("\n")[1:] if line.strip()) > 1:
        return None
    if ref.key is not None and ctx.gender.get(ref.key, gender) != gender:
        return None
    others = [m for m in ctx.mentions_in(pos, pron.idx, "PER") if m.key != ref.key and not ctx.in_quote(m.start, m.end)]
    return None if others else ref


def _named_speaker(ctx: Context, subj: list[Token]):
    start, end = subj[0].idx, subj[-1].idx + len(subj[-1])
    if len(subj) == 1 and pronoun_form(subj[0]) in ("il", "elle"):
        return _recent_antecedent(ctx, subj[0])
    if len(subj) == 1 and subj[0].lower_ == "on":
        return resolve_phrase(ctx, subj, start)  # "Chez X, on assure que …": X
    people = ctx.mentions_in(start, end, "PER")
    if people:
        return people[0].ref()
    if _role_description(subj):
        # "Le maire de Pau et président du MoDem a annoncé que …": the organisation completes the role;
        # the speaker is the role's holder (or nobody), never the organisation
        return resolve_phrase(ctx, subj, start)
    named = ctx.mentions_in(start, end, "ORG")
    if named:
        return named[0].ref()
    known = _surname_match(ctx, subj)
    if known:
        return known.ref()
    return resolve_phrase(ctx, subj, start) if _role_description(subj) else None


def _role_description(subj: list[Token]) -> bool:
    """"Le cofondateur", "sa présidente", "ce dernier", "le groupe": a definite singular role, anaphoric or
    company noun (speaker_nouns 'person' / 'anaphoric' / 'org_main'), which the article's titles, roles,
    last person or main organisation resolve."""
    # "le ministre de l'Économie, des Finances et de l'Industrie": the length is the head's, before its complement
    head_part = next((subj[:k] for k, t in enumerate(subj) if k > 1 and t.pos_ == "ADP"), subj)
    if len(head_part) > 4 or subj[0].lower_ not in ROLE_DETERMINERS:
        return False
    head = next((t for t in subj[1:] if t.pos_ in ("NOUN", "ADJ")), None)
    if head is None or "Plur" in head.morph.get("Number", []):
        return False
    # also "ce dernier", and the article's company ("le groupe", "la direction", "l'entreprise")
    return noun_text(head) in speaker_nouns("person") | speaker_nouns("anaphoric") | speaker_nouns("org_main")


ROLE_DETERMINERS = {"le", "la", "l'", "l’", "son", "sa", "ce", "cette"}


def _sentence_initial_name(ctx: Context, verb: Token):
    """"X, chargé de … en Europe, indique pour sa part que …": a name opening the verb's sentence (see
    `sentence_initial_name`) is the subject the parse missed."""
    m = sentence_initial_name(ctx, verb)
    return m.ref() if m is not None else None


def _participle_of_incise(ctx: Context, verb: Token):
    """"« … », a confié X, estimant que …": a present participle hanging on an incise verb reports the
    speech of the incise's inverted subject (the parser often makes that name an object)."""
    head = verb.head
    if "Part" not in verb.morph.get("VerbForm", []) or "Pres" not in verb.morph.get("Tense", []) or head is verb \
            or head.i > verb.i or speech_lemma(head, "incise", lenient=True) is None:
        return None
    people = [m for m in ctx.mentions_in(head.idx + len(head), verb.idx, "PER") if not ctx.in_quote(m.start, m.end)]
    if len({m.key for m in people}) == 1:
        return people[0].ref()
    # "« … », a-t-il confié, estimant que …": the inverted pronoun of the incise
    pron = next((t for t in ctx.doc[max(0, head.i - 2): verb.i] if pronoun_form(t) in pronoun_gender()
                 and not pronoun_gender()[pronoun_form(t)][1]), None)
    return resolve_pronoun(ctx, pron, pron.idx) if pron is not None and not people else None


def _inverted_named(ctx: Context, verb: Token, que: Token):
    """"indique dans un communiqué X, chargé de …, que …": the subject named between the verb and que."""
    start, end = verb.idx + len(verb), que.idx
    if "\n" in doc_text(ctx.doc)[start:end] or "Inf" in verb.morph.get("VerbForm", []):
        return None  # "pour expliquer à X que …" has no inverted subject
    for m in ctx.mentions_in(start, end, "PER") or ctx.mentions_in(start, end, "ORG"):
        span = ctx.doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None and span.start > 0 and ctx.doc[span.start - 1].lower_ in ADDRESSEE:
            continue  # "a expliqué à X que …": X is told, not telling
        return m.ref()
    return None


def indirect_candidates(ctx: Context) -> list[Candidate]:
    """Reported speech with a named speaker; the text is the que-clause without its final punctuation."""
    doc = ctx.doc
    out = []
    for verb in doc:
        lemma = speech_lemma(verb, "que")
        if lemma is None:
            continue
        found = _que_clause(verb)
        if found is None:
            continue
        que, head = found
        if _negated(verb):
            doc.user_data.setdefault("dropped", []).append(
                Dropped("quotes", doc[que.i + 1: head.right_edge.i + 1].text, "negated speech verb (n'a pas confirmé que)"))
            continue
        subj = subject_of(verb)
        if subj and subj[0].i < verb.i and subj[0].idx < sentence_start(ctx, verb.idx):
            subj = None  # the parse ran over a sentence or paragraph end: not this clause's subject
        if subj and subj[0].i < verb.i:
            # "La présidente de X, Y, a dit que": the name apposed to the description
            speaker = _named_speaker(ctx, subj) or name_apposed_before(ctx, verb) or _participle_of_incise(ctx, verb)
        else:
            speaker = _inverted_named(ctx, verb, que) or _sentence_initial_name(ctx, verb) \
                or name_apposed_before(ctx, verb) or _participle_of_incise(ctx, verb)
        if speaker is None:
            continue
        last = _coordinated_que_end(ctx, _clause_end(head))
        while last.i > que.i and (last.is_punct or last.is_space):
            last = doc[last.i - 1]
        if last.i - que.i < MIN_CLAUSE_TOKENS:
            continue
        first = doc[que.i + 1]
        start, end = first.idx, _close_marks(doc_text(doc), first.idx, last.idx + len(last))
        # a quotation opened in the clause runs on to its closing mark (even over a paragraph break)
        end = max([end] + [qe for qs, qe in ctx.quoted if start <= qs < end < qe])
        if ctx.in_quote(start, end):
            continue
        if _cut_off(doc_text(doc), end):
            doc.user_data.setdefault("dropped", []).append(
                Dropped("quotes", doc_text(doc)[start:end], "reported speech cut off by the end of the text"))
            continue
        out.append(Candidate(start, end, doc_text(doc)[start:end], kind="indirect", rule_id="indirect_que",
                             speaker=speaker, verb=lemma, attributed=True))
    return out


def _cut_off(text: str, end: int) -> bool:
    """The clause runs to the end of an excerpt that stops mid-sentence ("… au service d'un dé"): the
    reported words are truncated, so they are no quote."""
    rest = text[end:].strip()
    return not rest and not text[:end].rstrip()[-1:] in ".!?…»”\")"


PAIRS = {"«": "»", "“": "”"}
COORDINATORS = {"et", "mais", "ou"}


def _coordinated_que_end(ctx: Context, last: Token) -> Token:
    """"X a estimé que A, notamment …, mais que B": a second que-clause coordinated in the same sentence
    is the same reported speech; the clause then runs to the sentence end."""
    doc, text = ctx.doc, doc_text(ctx.doc)
    k = last.i + 1
    while k < len(doc) - 1 and doc[k].text not in (".", "!", "?", ";") and "\n" not in doc[k].text:
        tok = doc[k]
        if tok.lower_ in QUE and doc[k - 1].lower_ in COORDINATORS and not ctx.in_quote(tok.idx, tok.idx + 1):
            end = sentence_end(text, tok.idx)
            span = doc.char_span(tok.idx, end, alignment_mode="contract")
            return span[-1] if span is not None and len(span) else last
        k += 1
    return last


def sentence_end(text: str, pos: int) -> int:
    """Offset of the first sentence end (. ! ? ; or a line break) at or after pos."""
    ends = [i for i in (text.find(c, pos) for c in ".!?;\n") if i >= 0]
    return min(ends, default=len(text))


def _close_marks(text: str, start: int, end: int) -> int:
    """End of the clause text past the closing mark of a quotation opened inside it (… un « tournant »):
    stripping the final punctuation must not cut the pair in half."""
    for open_, close in list(PAIRS.items()) + [('"', '"')]:
        body = text[start:end]
        unclosed = body.count(open_) % 2 == 1 if open_ == close else body.count(open_) > body.count(close)
        if unclosed:
            k = text.find(close, end)
            if k != -1 and not text[end:k].strip(" \u00a0\u202f"):
                end = k + 1
    return end


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
    if "Part" in verb.morph.get("VerbForm", []) and "Pres" in verb.morph.get("Tense", []):
        return False  # "…, améliorant ainsi ses marges": a participle clause, not an incise
    if rule_id == "incise_inverted":
        return True
    nxt = verb.nbor(1) if verb.i + 1 < len(verb.doc) else None
    return nxt is not None and (nxt.pos_ in ("DET", "PROPN", "NOUN") or nxt.ent_type_ in ("PER", "ORG"))


def _speech_verb_form(tok: Token, modals: set[str]) -> bool:
    """A verb in the future or conditional, or a modal (devoir, falloir …)."""
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    return "Fut" in tok.morph.get("Tense", []) or "Cnd" in tok.morph.get("Mood", []) or tok.lemma_.lower() in modals


def _speech_like(ctx: Context, body: str, start: int, end: int) -> bool:
    """Unmarked words read as someone's speech, not the journalist's narration ("Cette levée porte à 136
    millions les sommes levées, affirme X"): they say je/nous/vous, ask or exclaim, or sit next to a
    marked quote in the same paragraph (the speaker goes on without marks)."""
    from pipeline.extract.quotes.blocks import _person_regex

    if _person_regex("first_person").search(body) or _person_regex("second_person").search(body):
        return True
    if body.rstrip()[-1:] in "?!":
        return True
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    modals = set(load_json(SPEECH_VERBS).get("speech_like_modals", []))
    if span is not None and any(_speech_verb_form(t, modals) for t in span):
        return True  # an announcement or a judgement ("… s'étendra au code source", "il faut …")
    text = doc_text(ctx.doc)
    for qs, qe in ctx.quoted:
        gap = text[qe:start] if qe <= start else text[end:qs] if qs >= end else ""
        if (qe <= start or qs >= end) and "\n" not in gap and sum(gap.count(c) for c in ".!?") <= 1:
            return True
    return False


def _document_subject(phrase: list[Token]) -> bool:
    """The incise's subject is a document or a source, not someone (speaker_nouns 'thing')."""
    # the noun after the first determiner: "pointe mardi un baromètre de X" (a day name may come first)
    head = next((t for t in phrase if t.i > 0 and t.doc[t.i - 1].pos_ == "DET" and t.pos_ in ("NOUN", "PROPN")), None)
    return head is not None and head.pos_ == "NOUN" and noun_text(head) in speaker_nouns("thing")


def incise_candidates(ctx: Context) -> list[Candidate]:
    """Reported speech set off by an incise without quote marks: "…, explique X." / "Le défi, estime X, est …".

    The speaker must be named (a person or organisation of the article) or an inverted pronoun, and the
    words must read as speech (`_speech_like`); the text is the longer side of the sentence around the incise.
    """
    from pipeline.extract.quotes.direct import Attribution, incise_after

    doc, text = ctx.doc, doc_text(ctx.doc)
    out = []
    for comma in doc:
        if comma.text != "," or ctx.in_quote(comma.idx, comma.idx + 1) or comma.i == 0:
            continue
        if doc[comma.i - 1].text in ("»", "”", '"'):
            continue  # a direct quote's own incise
        if comma.i + 1 < len(doc) and doc[comma.i + 1].lower_ in ("de", "d'", "d’"):
            continue  # ", de confier les clés à X": a narrative infinitive follows only a quote, never plain words
        att: Attribution | None = incise_after(ctx, [c for c in ctx.cues if c.cue == "inverted"], comma.i - 1)
        if att is None or att.speaker is None or att.rule_id not in ("incise_verb", "incise_inverted"):
            continue
        verb = next((t for t in doc[comma.i + 1: comma.i + 5] if speech_lemma(t, "incise", lenient=True)), None)
        if verb is None or not _inverted_subject_follows(verb, att.rule_id):
            continue
        if att.rule_id == "incise_verb" and not _names_someone(ctx, phrase_after(doc, verb.i + 1)):
            continue  # "…, partage les notes …": the words after the verb must name the speaker
        if att.rule_id == "incise_verb" and _document_subject(phrase_after(doc, verb.i + 1)):
            ctx.doc.user_data.setdefault("dropped", []).append(
                Dropped("quotes", text[comma.idx:verb.idx + 40], "unmarked incise by a document (un rapport de X)"))
            continue  # "…, pointe un baromètre de X": a report's findings told by the journalist
        end_tok = next((t for t in doc[verb.i + 1: verb.i + 16] if t.text in (",", ".", ";", "!", "?", "\n")), None)
        s, e = _sentence_bounds(text, comma.idx, verb.idx)
        left = (s, comma.idx)
        right = (end_tok.idx + 1, e) if end_tok is not None and end_tok.text == "," else (e, e)
        start, end = max(left, right, key=lambda r: r[1] - r[0])
        body = text[start:end].strip()
        if len(body.split()) < 6 or ctx.in_quote(start, end):
            continue
        start = text.index(body, start)
        if not _speech_like(ctx, body, start, start + len(body)):
            ctx.doc.user_data.setdefault("dropped", []).append(
                Dropped("quotes", body, "unmarked incise over narration (no first/second person, no quote nearby)"))
            continue
        out.append(Candidate(start, start + len(body), body, kind="indirect", rule_id="incise_unmarked",
                             speaker=att.speaker, verb=att.verb, attributed=True))
    return out
