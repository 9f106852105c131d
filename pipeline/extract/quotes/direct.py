"""Direct quotations inside quote marks: scare-quote filter, incise splitting, attribution cues.

Attribution evidence, strongest first: an incise inside the quote (« A, confie X. B »), an incise
right after it (« … », a déclaré X / ajoute-t-elle / selon X / dixit X), a colon introduction
(X a précisé : « … » / X : « … »), "Pour X, « … »", "Selon X, « … »", "Comme le souligne X, « … »"
before it, a speech verb governing the quoted fragment (X défend une vision « … »), and last an incise
elsewhere in the sentence (… « … », d'innover et de réussir, explique X.). Among the cues before the
quote, the first whose speaker resolves wins. Context rules (previous quote, unmarked speech just
before, paragraph speaker) run afterwards on what is still unattributed; see `context.py`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from pipeline.nlp.doctext import doc_text
from pipeline.extract.quotes.lexicon import (Cue, civility_titles, pronoun_form, pronoun_gender, speaker_nouns,
                                             speech_lemma, speech_words)
from pipeline.extract.quotes.marks import MarkedQuote, strip_continuations
from pipeline.extract.quotes.speakers import (DEFINITE, Context, _gender_of_phrase, _role_complement, active_subject,
                                              noun_text, person_before_apposition,
                                              phrase_after, resolve_phrase, resolve_pronoun, sentence_initial_name,
                                              sentence_start, subject_of)
from pipeline.records import ActorRef
from pipeline.rules import load_json

# Source markers after a short quote that make it the speaker's word (un « tournant », selon son PDG)
# when the speaker they introduce resolves; unresolved, the word stays a scare quote.
SHORT_MARKERS = ("incise_selon", "incise_d_apres", "incise_d_apres_joined", "incise_dixit")
MIN_WORDS = 4  # shorter quoted phrases are labels/scare quotes unless they read as an utterance
INCISE_MAX_TOKENS = 20  # longest "raconte cette ancienne pharmacienne qui …" inside a quote
SKIP_BEFORE_VERB = {",", "—", "–", "-"}
SENTENCE_END = {".", "!", "?", "…"}
_WORDS = re.compile(r"\w+")
_TRIM = ",;*_ \t\n\u00a0\u202f"


@dataclass
class Candidate:
    """A quote being built; becomes a QuoteRecord."""

    start: int
    end: int
    text: str
    kind: str = "direct"
    rule_id: str = "unattributed"
    speaker: ActorRef | None = None
    verb: str | None = None
    standalone: bool = False  # the quote is a sentence of its own (context attribution allowed)
    attributed: bool = False  # an explicit cue was found (even if its speaker did not resolve)


@dataclass(frozen=True)
class Attribution:
    speaker: ActorRef | None
    verb: str | None
    rule_id: str


def _span(doc: Doc, start: int, end: int) -> Span | None:
    return doc.char_span(start, end, alignment_mode="expand")


def words(span: Span) -> list[Token]:
    """Word tokens of a span (no punctuation, no spaces)."""
    return [t for t in span if not (t.is_punct or t.is_space)]


def title_like(toks: list[Token]) -> bool:
    """A name or title (Grand Prix de l'Innovation): every long word capitalised."""
    long_words = [t for t in toks if t.is_alpha and len(t) > 2]
    return len(long_words) >= 1 and all(t.text[0].isupper() for t in long_words) and len(toks) <= 6


def utterance_like(span: Span) -> bool:
    """A short quote that still reads as something said (« Allez Nova ! », « Jamais. »)."""
    text = span.text.strip()
    return bool(text) and text[0].isupper() and text[-1] in "!?.…"


# ---------------------------------------------------------------- incises after the quote

def cue_verb(doc: Doc, cue: Cue) -> str | None:
    """The verb a cue stores: its own, else the lemma of its last word (comme le souligne -> souligner)."""
    return cue.verb or doc[cue.end - 1].lemma_.lower()


def _cue_at(cues: list[Cue], i: int, kind: str) -> Cue | None:
    return next((c for c in cues if c.start == i and c.cue == kind), None)


def _inverted_pronoun(doc: Doc, cues: list[Cue], lo: int, hi: int) -> Token | None:
    for c in cues:
        if c.cue == "inverted" and lo <= c.start < hi:
            return doc[c.end - 1]
    return None


def _apposed_person(ctx: Context, phrase: list[Token]) -> ActorRef | None:
    """"explique le PDG de Nova, Paul Martin": a description followed by the person's name in apposition."""
    # a "person" completing the role noun ("l'avocat de Nova", Nova mis-tagged) is the organisation
    if not phrase or any(not _role_complement(ctx.doc, m)
                         for m in ctx.mentions_in(phrase[0].idx, phrase[-1].idx + len(phrase[-1]), "PER")):
        return None
    doc = ctx.doc
    after = _past_parenthesis(doc, phrase[-1].i + 1)
    if after + 1 >= len(doc) or doc[after].text != "," or phrase[0].pos_ == "PRON":
        return None
    nxt = doc[after + 1]
    if nxt.lower_.rstrip(".") in civility_titles() and after + 2 < len(doc):  # "…, Me X" / "…, Mᵉ X"
        nxt = doc[after + 2] if doc[after + 2].text != "." else doc[min(after + 3, len(doc) - 1)]
    people = [m for m in ctx.mentions if m.label == "PER" and m.start == nxt.idx]
    return people[0].ref() if people else None


PARENTHESIS_MAX_TOKENS = 8


def _past_parenthesis(doc: Doc, i: int) -> int:
    """Token index past a parenthesis after a description and the rest of the description: "la présidente
    (PS) de la métropole, X" -> the comma before X (i itself when no parenthesis opens at i)."""
    while i < len(doc) and doc[i].text == "(":
        close = next((k for k in range(i + 1, min(len(doc), i + PARENTHESIS_MAX_TOKENS)) if doc[k].text == ")"), None)
        if close is None:
            return i
        rest = phrase_after(doc, close + 1)
        i = rest[-1].i + 1 if rest else close + 1
    return i


def _unlisted_incise_verb(ctx: Context, cues: list[Cue], tok: Token) -> str | None:
    """« … », s'insurge X: a finite verb outside the lexicon, right after a quote, with an inverted
    subject (a named person or -t-il/-elle) is an incise all the same; its lemma is kept as the verb."""
    if tok.is_alpha and tok.is_lower and _inverted_pronoun(ctx.doc, cues, max(0, tok.i - 2), tok.i) is not None:
        return tok.lemma_.lower()  # « … », a-t-elle <any participle>
    if tok.pos_ != "VERB" or tok.i + 1 >= len(ctx.doc) or "Fin" not in tok.morph.get("VerbForm", []):
        return None
    nxt = ctx.doc[tok.i + 1]
    if _inverted_pronoun(ctx.doc, cues, nxt.i, nxt.i + 1) is not None:
        return tok.lemma_.lower()
    if any(m.start == nxt.idx and m.label == "PER" for m in ctx.mentions):
        return tok.lemma_.lower()
    return None


# Clitics between the comma and an incise verb: reflexive, inverted -t (also "a t-il" without its first
# hyphen), and the person spoken to
# ("…, nous confie X", "…, m'explique X", "…, lui répond X").
INCISE_CLITICS = {"se", "s'", "s’", "-t", "t", "nous", "vous", "me", "m'", "m’", "lui", "leur"}
INCISE_LOOKAHEAD = 5  # tokens from the comma to the incise verb ("a d'abord évoqué")


def incise_after(ctx: Context, cues: list[Cue], close_tok: int) -> Attribution | None:
    """« … », a déclaré X / ajoute-t-elle / selon X / dixit X right after the closing mark."""
    doc = ctx.doc
    i = close_tok + 1
    while i < len(doc) and doc[i].text in SKIP_BEFORE_VERB:
        i += 1
    marker = _cue_at(cues, i, "marker")
    if marker is not None:
        phrase = phrase_after(doc, marker.end)
        # "selon son PDG, Paul Martin": the name in apposition after the description
        speaker = resolve_phrase(ctx, phrase, doc[close_tok].idx) or _apposed_person(ctx, phrase)
        return Attribution(speaker, cue_verb(doc, marker), f"incise_{marker.id}")
    for j in range(i, min(len(doc), i + INCISE_LOOKAHEAD)):
        tok = doc[j]
        if tok.text in SENTENCE_END or tok.is_space or tok.text in ("«", "“", '"'):
            return None
        if tok.lower_ in ("de", "d'", "d’") and j == i and j + 1 < len(doc) \
                and "Inf" in doc[j + 1].morph.get("VerbForm", []):
            continue  # "« … », de dire X": a narrative infinitive incise
        if tok.lemma_.lower() == "faire" and j + 1 < len(doc) and doc[j + 1].lower_ in speech_words("faire_locutions"):
            continue  # "« … », a fait savoir / fait valoir X": the speech verb is the locution, read after 'faire'
        lemma = speech_lemma(tok, "incise", lenient=True) or _unlisted_incise_verb(ctx, cues, tok)
        if lemma is None and tok.lower_ in speech_words("faire_locutions") and doc[j - 1].lemma_.lower() == "faire":
            lemma = f"faire {tok.lower_}"
        if lemma is None:
            # "a d'abord évoqué X": an adverbial locution between the auxiliary and the participle
            if tok.pos_ in ("AUX", "ADV") or tok.dep_ == "advmod" or tok.lower_ in INCISE_CLITICS \
                    or tok.lower_.startswith("-"):
                continue
            return None
        pron = _inverted_pronoun(doc, cues, i, j + 3)
        if pron is not None:
            return Attribution(resolve_pronoun(ctx, pron, doc[close_tok].idx), lemma, "incise_inverted")
        on = next((c for c in cues if c.cue == "inverted_on" and j < c.start <= j + 2), None)
        if on is not None:  # "explique-t-on chez X": unnamed people of an organisation
            return Attribution(_organisation_in(ctx, phrase_after(doc, on.end), doc[close_tok].idx), lemma,
                               "incise_inverted_on")
        phrase = phrase_after(doc, _past_aside(doc, j + 1))
        speaker = _apposed_person(ctx, phrase) or resolve_phrase(ctx, phrase, doc[close_tok].idx)
        return Attribution(speaker, lemma, "incise_verb")
    return None


def colon_after(ctx: Context, close_tok: int) -> Attribution | None:
    """« C'est historique » : le président de Nova, X, ne cachait pas sa joie — a quote opening its sentence,
    then a colon and a clause whose subject is a person (a name, il/elle or a role noun): that person."""
    doc, text = ctx.doc, doc_text(ctx.doc)
    i = close_tok + 1
    if i >= len(doc) or doc[i].text != ":" or text[sentence_start(ctx, doc[close_tok].idx):].lstrip()[:1] not in "«“\"":
        return None
    end = next((k for k in range(i + 1, len(doc)) if doc[k].text in SENTENCE_END or "\n" in doc[k].text), len(doc))
    if end <= i + 1:
        return None
    speaker = person_subject(ctx, doc[i + 1: end])
    return Attribution(speaker, None, "colon_after") if speaker is not None and speaker.label == "PER" else None


SIGNATURE_END = " \t\u00a0\u202f.,;)–—-"


SIGNATURE_DASHES = "-–—"
SIGNATURE_MAX_CHARS = 160


def signature_after(ctx: Context, close_char: int) -> Attribution | None:
    """« … » Sonia / « … » - La directrice de X, Y. / « … »⏎-Y, directrice de X: a person's name alone
    after the closing mark, or a dash line naming one person without a verb (a credit: "- extrait du
    communiqué de Y"), ending the paragraph, signs the quote (a post, letter or release quoted whole)."""
    text = doc_text(ctx.doc)
    i = close_char + 1
    while i < len(text) and text[i] in " \t\u00a0\u202f.":
        i += 1
    if i < len(text) and text[i] == "\n":  # a credit on the next line must open with a dash
        while i < len(text) and text[i] in " \t\n\u00a0\u202f":
            i += 1
        if i >= len(text) or text[i] not in SIGNATURE_DASHES:
            return None
    dashed = i < len(text) and text[i] in SIGNATURE_DASHES
    while i < len(text) and text[i] in " \t\u00a0\u202f(" + SIGNATURE_DASHES:
        i += 1
    end = text.find("\n", i)
    end = len(text) if end < 0 else end
    if not dashed:
        person = next((m for m in ctx.mentions if m.label == "PER" and m.start == i), None)
        if person is None:
            return None
        j = person.end
        if text[j:j + 1] == "/" and text[close_char + 1:i].strip() == "(":
            j = text.find(")", j, end) if text.find(")", j, end) > 0 else j  # "(X/CNEWS)": a media credit
        while j < len(text) and text[j] in SIGNATURE_END:
            j += 1
        return Attribution(person.ref(), None, "signature") if j >= end else None
    line = ctx.doc.char_span(i, end, alignment_mode="contract")
    if end - i > SIGNATURE_MAX_CHARS or line is None or any(
            t.pos_ == "AUX" or "Fin" in t.morph.get("VerbForm", []) and t.i > line.start for t in line):
        return None  # a clause, not a credit (a first word like "extrait" may be tagged a verb)
    people = {m.key: m.ref() for m in ctx.mentions_in(i, end, "PER")} or _given_name_people(text[i:end])
    return Attribution(next(iter(people.values())), None, "signature") if len(people) == 1 else None


_CAPITALISED_NAME = re.compile(r"(?<![\w'’])([A-ZÀ-Ý][\w'’-]+(?:[ \u00a0-][A-ZÀ-Ý][\w'’-]+){1,3})")


def _given_name_people(line: str) -> dict[str, ActorRef]:
    """People in a credit line the NER missed ("- extrait du communiqué de Josée Néron"): capitalised
    words opened by a given name of the lexicon."""
    from pipeline.nlp.lexicons import gender_of

    out = {}
    for m in _CAPITALISED_NAME.finditer(line):
        name = m.group(1)
        if gender_of(name.split()[0]) is not None:
            out[name] = ActorRef(name=name, label="PER")
    return out


@lru_cache(maxsize=None)
def _weekdays() -> frozenset[str]:
    return frozenset(load_json("dates.json")["weekdays"])


CE_QUE_OPENERS = {"voilà", "voici", "c'est", "c’est", "c'", "c’", "est", "tel", "telle", "ainsi"}
CE_QUE_WINDOW = 6


def ce_que_after(ctx: Context, close_tok: int) -> Attribution | None:
    """« … » : voilà ce qu'a promis X / « … », c'est ce que X a déclaré: the speech verb of a "ce que"
    clause right after the quote, with its subject after it (inverted) or before it."""
    doc = ctx.doc
    i = close_tok + 1
    while i < len(doc) and doc[i].text in (":", ",", "—", "–"):
        i += 1
    if i >= len(doc) or doc[i].lower_ not in CE_QUE_OPENERS:
        return None
    ce = next((k for k in range(i, min(len(doc) - 1, i + CE_QUE_WINDOW)) if doc[k].lower_ == "ce"
               and doc[k + 1].lower_ in ("que", "qu'", "qu’")), None)
    if ce is None or any(t.text in SENTENCE_END for t in doc[i:ce]):
        return None
    for j in range(ce + 2, min(len(doc), ce + 2 + CE_QUE_WINDOW)):
        tok = doc[j]
        if tok.text in SENTENCE_END or tok.text == ",":
            return None
        lemma = speech_lemma(tok, "incise", lenient=True)
        if lemma is None:
            continue
        before = [t for t in doc[ce + 2: j] if t.pos_ not in ("AUX", "ADV")]
        k = j + 1
        while k < len(doc) and (doc[k].pos_ == "ADV" or doc[k].lower_ in _weekdays()):
            k += 1  # "c'est ce qu'a affirmé mardi X"
        phrase = before if before else phrase_after(doc, k)
        speaker = (None if before else _apposed_person(ctx, phrase)) or resolve_phrase(ctx, phrase, doc[close_tok].idx)
        return Attribution(speaker, lemma, "incise_ce_que")
    return None


def _organisation_in(ctx: Context, phrase: list[Token], before: int) -> ActorRef | None:
    """The organisation of "-t-on chez X / au siège de l'organisation patronale": one named in the place
    phrase, else an organisation noun resolved like a description; a person or a plain place is nobody."""
    orgs = ctx.mentions_in(phrase[0].idx, phrase[-1].idx + len(phrase[-1]), "ORG") if phrase else []
    if orgs:
        return orgs[0].ref()
    nouns = speaker_nouns("org") | speaker_nouns("org_main")
    k = next((k for k, t in enumerate(phrase) if t.pos_ == "NOUN" and noun_text(t) in nouns), None)
    if k is None:
        return None
    return resolve_phrase(ctx, phrase[max(0, k - 1):], before)


ASIDE_MAX_TOKENS = 5


def _past_aside(doc: Doc, i: int) -> int:
    """Token index of the speaker after an aside set off by commas between the incise verb and its
    subject (« … », a lancé, visiblement ému, X): a few words with no finite verb."""
    if i >= len(doc) or doc[i].text != ",":
        return i
    for k in range(i + 1, min(len(doc), i + ASIDE_MAX_TOKENS + 2)):
        tok = doc[k]
        if tok.text == ",":
            return k + 1 if k > i + 1 else i
        if tok.text in SENTENCE_END or tok.is_space or "Fin" in tok.morph.get("VerbForm", []) \
                or tok.ent_type_ in ("PER", "ORG"):
            return i
    return i


# ---------------------------------------------------------------- cues before the quote

def colon_intro(ctx: Context, open_char: int) -> Attribution | None:
    """X a précisé : « … » / premier constat de X : « … » (the clause before a colon)."""
    doc, text = ctx.doc, doc_text(ctx.doc)
    j = open_char - 1
    while j >= 0 and text[j] in " \u00a0\u202f\t\n":
        j -= 1
    if j < 0 or text[j] != ":":
        return None
    colon = _span(doc, j, j + 1)
    if colon is None:
        return None
    return clause_speaker(ctx, colon[0].i, "colon_intro")


def clause_speaker(ctx: Context, colon_i: int, rule_id: str) -> Attribution | None:
    """The speaker of the clause ending at token colon_i: a speech verb's subject, else a named person."""
    doc = ctx.doc
    sent_start = doc[colon_i].sent.start
    if colon_i > 0 and doc[colon_i - 1].sent.start < sent_start:
        sent_start = doc[colon_i - 1].sent.start
    clause = doc[max(sent_start, _text_sentence_start(ctx, colon_i)):colon_i]
    if not len(clause):
        return None
    seen_verb, seen_tok, person_unresolved = None, None, False
    for tok in reversed(clause):
        lemma = speech_lemma(tok, "intro")
        if lemma is None:
            continue
        seen_verb, seen_tok = seen_verb or lemma, seen_tok or tok
        subj = subject_of(tok)
        person_unresolved = person_unresolved or bool(subj and _person_head(subj))
        speaker = resolve_phrase(ctx, subj, tok.idx) if subj else None
        if speaker is not None and speaker.label != "PER":
            person = person_before_apposition(ctx, tok)  # "X, directeur chez Nova, confirme :"
            speaker = person.ref() if person is not None else speaker
        if speaker is not None:
            return Attribution(speaker, lemma, rule_id)
        if subj and _unnamed_body(ctx, subj):
            # "Au cabinet de X, …, la communauté d'agglomération assure :": the speaker is that body
            return Attribution(None, lemma, rule_id + UNNAMED_BODY)
    for c in reversed(ctx.cues):  # "… selon elle :"
        if c.cue == "marker" and clause.start <= c.start and c.end <= colon_i:
            speaker = resolve_phrase(ctx, phrase_after(doc, c.end), doc[c.start].idx)
            if speaker is not None:
                return Attribution(speaker, cue_verb(doc, c), f"{rule_id}_{c.id}")
    people = [m for m in ctx.mentions_in(clause.start_char, clause.end_char, "PER")]
    if person_unresolved:
        # "Il estime, à l'instar de X, qu'il faut … :": the verb's own subject (il, le coach) speaks, even
        # unresolved; another person named in the clause is not it
        return Attribution(None, seen_verb, rule_id + UNRESOLVED_PERSON)
    if len({m.key for m in people}) == 1:  # "premier constat de X :" / "Et X d'ajouter :" (not "Entre X et Y :")
        return Attribution(people[-1].ref(), seen_verb, rule_id + "_named")
    if seen_tok is not None and not people and _narrative_infinitive(clause, seen_tok):
        previous = last_speaker(ctx, clause.start_char)
        if previous is not None:
            return Attribution(previous, seen_verb, rule_id + "_continued")
    if seen_verb is None and rule_id == "colon_intro":
        speaker = person_subject(ctx, clause)  # "la ministre s'est voulue rassurante : « … »"
        if speaker is not None:
            return Attribution(speaker, None, rule_id + "_subject")
    return Attribution(None, seen_verb, rule_id) if seen_verb else None


UNNAMED_BODY = "_unnamed_body"  # rule_id suffix: the speaker is a body the text does not name
UNRESOLVED_PERSON = "_unresolved_person"  # rule_id suffix: the speaker is a person the text does not name


def _unnamed_body(ctx: Context, subj: list[Token]) -> bool:
    """A subject that names nobody and is no person: an unnamed organisation or body ("la communauté
    d'agglomération", "le ministère"), which no other name of the clause may replace."""
    if subj[0].pos_ == "PRON" or pronoun_form(subj[0]) in pronoun_gender():
        return False
    if ctx.mentions_in(subj[0].idx, subj[-1].idx + len(subj[-1])):
        return False
    heads = [t for t in subj if t.pos_ == "NOUN"]
    return bool(heads) and noun_text(heads[0]) not in speaker_nouns("person") | speaker_nouns("anaphoric")


NARRATIVE_OPENERS = {"et", "puis"}
SPEAKER_PARAGRAPHS = 2


def _narrative_infinitive(clause: Span, verb: Token) -> bool:
    """"Et d'ajouter :" / "Puis de conclure, en souriant :": a narrative infinitive with no subject of
    its own continues whoever was speaking."""
    return clause[0].lower_ in NARRATIVE_OPENERS and "Inf" in verb.morph.get("VerbForm", []) and verb.i > 0 \
        and verb.doc[verb.i - 1].lower_ in ("de", "d'", "d’")


def last_speaker(ctx: Context, before: int) -> ActorRef | None:
    """The speaker of the last quote before `before`, if it is at most two paragraphs back."""
    earlier = [(pos, ref) for pos, ref in ctx.said if pos < before]
    if not earlier:
        return None
    pos, ref = earlier[-1]
    paragraphs = sum(1 for line in doc_text(ctx.doc)[pos:before].split("\n")[1:] if line.strip())
    return ref if paragraphs <= SPEAKER_PARAGRAPHS else None


def person_subject(ctx: Context, clause: Span) -> ActorRef | None:
    """The speaker of a quote opened after "<subject> <any verb> :" when the subject of the clause's main
    verb is a person: a third-person pronoun, a person named in it or a role noun (speaker_nouns
    'person': "le dirigeant a tenu un discours plus nuancé : « … »"). Never a thing or an organisation."""
    for tok in reversed(clause):
        head = tok.head
        if not active_subject(head, tok) or not (clause.start <= head.i < clause.end) or head.dep_ == "acl:relcl":
            continue
        subj = [t for t in tok.subtree if t.i < clause.end]
        if not subj or subj[0].i < clause.start:
            continue
        if ctx.mentions_in(subj[0].idx, subj[-1].idx + len(subj[-1]), "PER") or _person_head(subj):
            return resolve_phrase(ctx, subj, subj[0].idx)
        return None
    return None


def _person_head(subj: list[Token]) -> bool:
    """A singular third-person pronoun (il, elle) or a definite role noun (la ministre, le cofondateur)."""
    first = subj[0]
    if pronoun_form(first) in pronoun_gender():
        return not pronoun_gender()[pronoun_form(first)][1]
    heads = [t for t in subj if t.pos_ in ("NOUN", "PROPN")]
    return bool(heads) and noun_text(heads[0]) in speaker_nouns("person")


def _text_sentence_start(ctx: Context, i: int) -> int:
    """Token index where the sentence of token i starts by the text (. ! ? or a paragraph break): the
    parser's sentences often run over a paragraph break onto a quote mark opening the next paragraph."""
    span = _span(ctx.doc, sentence_start(ctx, ctx.doc[i].idx), ctx.doc[i].idx + len(ctx.doc[i]))
    return span.start if span is not None else 0


def cue_before(ctx: Context, cues: list[Cue], open_tok: int) -> Attribution | None:
    """Selon X, « … » / D'après X, « … » / Pour X, « … » earlier in the sentence (never in the paragraph
    before)."""
    doc = ctx.doc
    first = max(doc[open_tok].sent.start, _text_sentence_start(ctx, open_tok))
    for c in reversed(cues):
        if c.start < first or c.end > open_tok:
            continue
        if _speech_verb_between(doc, c.end, open_tok):
            return None  # "selon la CGT, alors que la direction assure qu'« … »": another clause's speaker
        if c.cue == "pour":
            phrase = list(doc[c.start + 1: c.end - 1])
            # "Pour la présidente de Nova, Léa Moreau, il faut « … »": the name apposed to the description
            speaker = resolve_phrase(ctx, phrase, doc[c.start].idx) or _apposed_person(ctx, phrase)
            return Attribution(speaker, c.verb, c.id)
        if c.cue == "marker":
            phrase = phrase_after(doc, c.end)
            if phrase and phrase[0].lower_ in RELATIVE_MARKER_PRONOUNS:
                # "…, a renchéri Paul Martin, selon lequel « … »": the name the relative pronoun stands for
                return Attribution(_named_before_comma(ctx, c.start), cue_verb(doc, c), c.id)
            # "Selon le PDG de Nova, Paul Martin, « … »": the name in apposition after the description
            speaker = resolve_phrase(ctx, phrase, doc[c.start].idx) or _apposed_person(ctx, phrase)
            return Attribution(speaker, cue_verb(doc, c), c.id)
    return _pour_named_before(ctx, first, open_tok)


def _pour_named_before(ctx: Context, first: int, open_tok: int) -> Attribution | None:
    """"Pour la ministre chargée du Commerce X interrogée sur Y, « … »": a sentence opened by "Pour" and a
    verbless description (participles allowed, too long or varied for the cue patterns) naming one person
    before the first comma; that person's view follows."""
    doc = ctx.doc
    if first >= open_tok or doc[first].lower_ != "pour":
        return None
    comma = next((k for k in range(first + 1, open_tok) if doc[k].text == ","), None)
    if comma is None or comma - first < 3 or _speech_verb_between(doc, comma, open_tok):
        return None
    phrase = doc[first + 1: comma]
    if any("Fin" in t.morph.get("VerbForm", []) for t in phrase):
        return None
    people = {m.key: m for m in ctx.mentions_in(phrase.start_char, phrase.end_char, "PER")}
    return Attribution(next(iter(people.values())).ref(), "selon", "pour_description") if len(people) == 1 else None


RELATIVE_MARKER_PRONOUNS = {"lequel", "laquelle"}  # singular: one speaker


def _named_before_comma(ctx: Context, cue_start: int) -> ActorRef | None:
    """The person (or else organisation) named right before the comma that precedes a relative source
    cue ("Paul Martin, selon lequel …"); None when the comma follows anything else."""
    doc = ctx.doc
    if cue_start < 2 or doc[cue_start - 1].text != ",":
        return None
    end = doc[cue_start - 2].idx + len(doc[cue_start - 2])
    named = [m for m in ctx.mentions if m.end == end and not ctx.in_quote(m.start, m.end)]
    people = [m for m in named if m.label == "PER"]
    return (people or named)[0].ref() if named else None


def _finite_governor(span: Span) -> bool:
    """A finite speech verb (X assure qu'« … ») among the quote's heads outside it, within its sentence."""
    root = next((t for t in span if not (span.start <= t.head.i < span.end)), None)
    head, steps = (root.head if root is not None else None), 0
    while head is not None and steps < 5 and head.sent.start == span.sent.start:
        if not (span.start <= head.i < span.end) and "Fin" in head.morph.get("VerbForm", []) \
                and speech_lemma(head, "intro") is not None:
            return head.i == 0 or head.doc[head.i - 1].text != ","  # ", estime X," is an incise
        if head.head is head:
            return False
        head, steps = head.head, steps + 1
    return False


def _speech_verb_between(doc: Doc, start: int, end: int) -> bool:
    """A finite speech verb between a source cue and the quote: the quote belongs to that verb's clause."""
    return any("Fin" in t.morph.get("VerbForm", []) and speech_lemma(t, "intro") is not None for t in doc[start:end])


def governing_verb(ctx: Context, span: Span) -> Attribution | None:
    """A speech verb outside the quote that governs it in the parse (X défend une vision « … »)."""
    roots = [t for t in span if not (span.start <= t.head.i < span.end)]
    seen = set()
    first = _text_sentence_start(ctx, span.start)  # never a verb of the paragraph before
    unresolved = None
    for tok in roots[:2]:
        head, steps = tok.head, 0
        while steps < 5 and head.i not in seen and head.sent.start == span.sent.start and head.i >= first:
            seen.add(head.i)
            if not (span.start <= head.i < span.end):
                lemma = speech_lemma(head, "intro")
                if lemma is not None:
                    subj = subject_of(head)
                    if subj and not any(span.start <= t.i < span.end for t in subj):
                        att = Attribution(resolve_phrase(ctx, subj, span.start_char), lemma, "governing_verb")
                        if att.speaker is not None or not _thing_subject(subj):
                            return att
                        # "rappelant que le plan prévoyait « … »": a thing's verb; the speaker is higher up
                        unresolved = unresolved or att
                    initial = sentence_initial_name(ctx, head) if not subj else None
                    named = name_apposed_before(ctx, head) or (initial.ref() if initial else None) \
                        if not subj else None
                    if named is not None:
                        return Attribution(named, lemma, "governing_verb")
            if head.head is head:
                break
            head, steps = head.head, steps + 1
    return unresolved


# Words that may come between a quoted predicate's opening mark and its finite verb (« n'a jamais …).
PREDICATE_CLITICS = {"ne", "n'", "n’", "se", "s'", "s’", "y", "en", "lui", "leur", "le", "la", "l'", "l’"}


def pronoun_before_predicate(ctx: Context, span: Span, open_tok: int) -> Attribution | None:
    """"Sur ce point, il « veut être un exemple de transparence »": the quote is the predicate of a
    subject pronoun (il, elle) right before its opening mark; that person says the quoted words."""
    doc = ctx.doc
    if open_tok == 0:
        return None
    pron = doc[open_tok - 1]
    form = pronoun_form(pron)
    if pron.pos_ != "PRON" or form not in ("il", "elle") or pronoun_gender()[form][1]:
        return None
    lead = [t for t in span if not (t.is_punct or t.is_space)][:3]
    verb = next((t for t in lead if t.lower_ not in PREDICATE_CLITICS), None)
    if verb is None or not verb.is_lower or verb.pos_ not in ("VERB", "AUX") \
            or "Fin" not in verb.morph.get("VerbForm", []):
        return None
    speaker = resolve_pronoun(ctx, pron, pron.idx)
    return Attribution(speaker, None, "pronoun_predicate") if speaker is not None else None


def _thing_subject(subj: list[Token]) -> bool:
    """A subject headed by a non-human noun of the lexicon (le plan, le rapport, l'étude)."""
    heads = [t for t in subj if t.pos_ == "NOUN"]
    return bool(heads) and noun_text(heads[0]) in speaker_nouns("thing")


def name_apposed_before(ctx: Context, verb: Token) -> ActorRef | None:
    """"Le bâtonnier de l'Ordre, X, évoque « … »": the parser lost the verb's subject; a person named in
    apposition (between commas) right before the verb is it."""
    doc = ctx.doc
    k = verb.i - 1
    while k > 0 and (doc[k].pos_ in ("AUX", "ADV") or doc[k].lower_ in ("se", "s'", "s’")):
        k -= 1
    if k <= 0 or doc[k].text != ",":
        return None
    end = doc[k - 1].idx + len(doc[k - 1])
    people = [m for m in ctx.mentions if m.label == "PER" and m.end == end]
    if not people:
        return None
    name = doc.char_span(people[0].start, people[0].end, alignment_mode="expand")
    return people[0].ref() if name is not None and name.start > 0 and doc[name.start - 1].text == "," else None


# ---------------------------------------------------------------- an incise elsewhere in the sentence

SENTENCE_INCISE_RULES = ("incise_verb", "incise_inverted")


def _sentence_commas(ctx: Context, open_tok: int, close_tok: int, ends_inside: bool) -> list[Token]:
    """Commas outside quotation marks in the sentence around a quote (before it, and after it unless
    the sentence ended inside the quote)."""
    doc, out = ctx.doc, []
    k = open_tok - 1
    while k >= 0 and doc[k].text not in SENTENCE_END and "\n" not in doc[k].text:
        if doc[k].text == "," and not ctx.in_quote(doc[k].idx, doc[k].idx + 1):
            out.append(doc[k])
        k -= 1
    k = close_tok + 1
    while not ends_inside and k < len(doc) and doc[k].text not in SENTENCE_END and "\n" not in doc[k].text:
        if doc[k].text == "," and not ctx.in_quote(doc[k].idx, doc[k].idx + 1):
            out.append(doc[k])
        k += 1
    return out


def incise_closes_clause(doc: Doc, cues: list[Cue], comma: Token) -> bool:
    """After ", explique X" (and X's apposition) the sentence ends, or a comma resumes it."""
    i = comma.i + 1
    while i < len(doc) and (doc[i].pos_ in ("AUX", "ADV") or doc[i].lower_ in ("se", "s'", "s’")):
        i += 1
    phrase = phrase_after(doc, i + 1)
    end = (phrase[-1].i + 1) if phrase else i + 1
    return end >= len(doc) or doc[end].text in SENTENCE_END | {",", ";"} or "\n" in doc[end].text


def sentence_incise(ctx: Context, cues: list[Cue], span: Span, open_tok: int, close_tok: int,
                    ends_inside: bool) -> Attribution | None:
    """'Le mot d'ordre : fédérer sous le blason « … », d'innover et de réussir, explique X.': an incise
    with a named subject set off by commas in the quote's sentence covers every quoted fragment in it."""
    doc = ctx.doc
    for comma in _sentence_commas(ctx, open_tok, close_tok, ends_inside):
        if comma.i == 0 or comma.i - 1 == close_tok or (doc[comma.i - 1].text in ("»", "”", '"')
                                                        and comma.i - 1 < open_tok):
            continue  # the incise right after a quote is the quote's own (incise_after)
        # an incise right after a later fragment of the sentence covers this one too ("suivra « A »,
        # les Français ayant « B », a expliqué X.")
        att = incise_after(ctx, [c for c in cues if c.cue in ("inverted", "marker")], comma.i - 1)
        if att is None or att.speaker is None or not att.rule_id.startswith("incise_"):
            continue  # "…, explique X." / "…, selon X."
        if incise_closes_clause(doc, cues, comma):
            return Attribution(att.speaker, att.verb, "sentence_incise")
    return None


# ---------------------------------------------------------------- a quote whose closing mark was lost

def unclosed_quote(ctx: Context, cues: list[Cue], open_char: int, para_end: int) -> MarkedQuote | None:
    """« A, B et C, a déclaré X, PDG de Y. (no closing mark): the quote ends at the comma of the first
    incise in the paragraph that names its speaker and closes the sentence; no such incise, no quote."""
    doc, text = ctx.doc, doc_text(ctx.doc)
    span = _span(doc, open_char, para_end)
    if span is None:
        return None
    for comma in (t for t in span if t.text == "," and t.i > span.start + 1):
        att = incise_after(ctx, cues, comma.i - 1)
        if att is None or att.speaker is None or att.rule_id not in SENTENCE_INCISE_RULES:
            continue
        if incise_closes_clause(doc, cues, comma):
            start, end = _clean_bounds(text, open_char + 1, comma.idx)
            return MarkedQuote(open_char, comma.idx, start, end, text[open_char]) if end > start else None
    return None


UNOPENED_MIN_WORDS = 4


def unopened_quote(ctx: Context, cues: list[Cue], para_start: int, close_char: int) -> MarkedQuote | None:
    """Ce n'est pas le dernier conseil ”, a indiqué X (no opening mark): a paragraph whose closing mark is
    followed by an incise naming its speaker is quoted from its start; no such incise, no quote."""
    doc, text = ctx.doc, doc_text(ctx.doc)
    close = _span(doc, close_char, close_char + 1)
    if close is None:
        return None
    att = incise_after(ctx, cues, close[-1].i)
    if att is None or att.speaker is None or att.rule_id not in SENTENCE_INCISE_RULES:
        return None
    start, end = _clean_bounds(text, para_start, close_char)
    if len(re.findall(r"\w+", text[start:end])) < UNOPENED_MIN_WORDS:
        return None
    return MarkedQuote(start, close_char, start, end, text[close_char])


# ---------------------------------------------------------------- incises inside the quote

def _incise_shape(doc: Doc, cues: list[Cue], verb: Token) -> bool:
    """An incise verb is not an infinitive or a participle clause and is followed by its subject."""
    forms = verb.morph.get("VerbForm", [])
    if "Inf" in forms or ("Part" in forms and "Pres" in verb.morph.get("Tense", [])):
        return False
    if verb.i + 1 >= len(doc):
        return False
    k = verb.i + 1
    while k + 1 < len(doc) and doc[k].pos_ == "ADV" and doc[k].is_alpha:
        k += 1  # "nuance toutefois X", "explique encore X"
    k = _past_adjunct(doc, k)
    nxt = doc[k]
    return _inverted_pronoun(doc, cues, verb.i + 1, verb.i + 3) is not None \
        or _inverted_pronoun(doc, cues, verb.i - 2, verb.i) is not None \
        or nxt.pos_ in ("DET", "PROPN", "NOUN") or nxt.ent_type_ in ("PER", "ORG") or nxt.lower_ in ("celle", "celui")


INCISE_AUX = {"se", "s'", "s’"}
INCISE_ADJUNCT_PREPS = {"auprès", "à", "au", "dans", "sur", "devant", "lors"}
INCISE_ADJUNCT_MAX = 6


def _past_adjunct(doc: Doc, k: int) -> int:
    """'…, a réagi auprès de l'hebdomadaire l'avocat X': the token after a short prepositional phrase
    (auprès de X, à l'AFP, sur LinkedIn) between an incise verb and its subject; k when there is none."""
    if doc[k].lower_ not in INCISE_ADJUNCT_PREPS and doc[k - 1].lower_ != "auprès":
        return k
    seen_noun = False
    for j in range(k + 1, min(len(doc), k + INCISE_ADJUNCT_MAX)):
        tok = doc[j]
        if tok.is_punct or tok.is_space or tok.pos_ in ("VERB", "AUX"):
            return k
        if seen_noun and tok.pos_ in ("DET", "PROPN") and doc[j - 1].pos_ in ("NOUN", "PROPN"):
            return j  # a new noun phrase after the adjunct's noun: the subject
        seen_noun = seen_noun or tok.pos_ in ("NOUN", "PROPN")
    return k


def _opens_incise(doc: Doc, i: int) -> bool:
    """Token i starts an incise after a comma, past a tense auxiliary, reflexive or inverted pronoun
    (", a expliqué X", ", s'est exclamée X", ", a-t-il assuré")."""
    k = i - 1
    while k > 0 and (doc[k].pos_ == "AUX" or doc[k].lower_ in INCISE_AUX or doc[k].text.startswith("-")) \
            and doc[k].text != ",":
        k -= 1  # also the inverted pronoun of ", a-t-il assuré"
    return doc[k].text == ","


def inner_incises(ctx: Context, cues: list[Cue], span: Span) -> list[tuple[int, int, Attribution | None]]:
    """Split « A, confie X. B » into parts (char ranges) with the incise's attribution."""
    doc = ctx.doc
    parts: list[tuple[int, int, Attribution | None]] = []
    part_start, att = span.start_char, None
    i = span.start + 3
    while i < span.end - 2:
        tok = doc[i]
        lemma = speech_lemma(tok, "incise", lenient=True) if _opens_incise(doc, i) else None
        if lemma is not None and not _incise_shape(doc, cues, tok):
            lemma = None
        if lemma is None:
            i += 1
            continue
        stop = next((k for k in range(i + 1, min(span.end, i + INCISE_MAX_TOKENS))
                     if doc[k].text in (",", ".", ";", "!", "?")), None)
        if stop is None or stop >= span.end - 1:
            i += 1
            continue
        pron = _inverted_pronoun(doc, cues, i, i + 3) or _inverted_pronoun(doc, cues, i - 2, i)  # "…, a-t-il assuré."
        if pron is not None:
            a = Attribution(resolve_pronoun(ctx, pron, span.start_char), lemma, "inner_incise_inverted")
        else:
            phrase = list(doc[i + 1: stop])
            if not phrase or _disagrees_in_number(tok, phrase):
                i += 1
                continue
            a = Attribution(resolve_phrase(ctx, phrase, span.start_char) or _apposed_person(ctx, phrase), lemma,
                            "inner_incise")
        stop = _apposition_end(doc, stop, span.end)
        if stop >= span.end - 1:
            i += 1
            continue
        comma = i - 1
        while doc[comma].text != ",":
            comma -= 1
        parts.append((part_start, doc[comma].idx, a))
        part_start, att = doc[stop + 1].idx if stop + 1 < len(doc) else span.end_char, a
        i = stop + 1
    parts.append((part_start, span.end_char, att))
    return parts


def _disagrees_in_number(verb: Token, phrase: list[Token]) -> bool:
    """"Il tend un miroir, rappelle des souvenirs à plein de gens": a singular verb before a plural noun
    phrase has no inverted subject there — the verb goes on the sentence, it is no incise."""
    head = next((t for t in phrase if t.pos_ in ("NOUN", "PROPN")), None)
    return head is not None and head.pos_ == "NOUN" and "Sing" in verb.morph.get("Number", []) \
        and "Plur" in head.morph.get("Number", [])


def _apposition_end(doc: Doc, stop: int, limit: int) -> int:
    """Extend an incise over the speaker's apposition: "…, estime X, cofondateur de Y et de Z. Suite",
    including a relative clause on it ("…, fondateur de Y, qui vend des logiciels. Suite")."""
    if doc[stop].text != "," or stop + 1 >= limit or doc[stop + 1].pos_ not in ("NOUN", "PROPN", "DET", "ADJ"):
        return stop
    relative = False
    for k in range(stop + 1, limit):
        tok = doc[k]
        if tok.text in (".", ";", "!", "?"):
            return k
        relative = relative or (tok.lower_ in RELATIVES and doc[k - 1].text == ",")
        if ("Fin" in tok.morph.get("VerbForm", []) and not relative) or tok.text in ("«", "“", '"'):
            return stop  # a finite verb: the quote goes on after the first comma
    return stop


RELATIVES = {"qui", "dont", "où"}


# ---------------------------------------------------------------- one marked quote

def _clean_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim spaces and a trailing comma (« …, » a déclaré) from a quote part."""
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return start, end


def is_standalone(text: str, open_char: int, close_char: int) -> bool:
    """The quote makes up its sentence: no words between it and the sentence ends around it."""
    before = max(text.rfind(c, 0, open_char) for c in ".!?\n…:")
    after = [i for i in (text.find(c, close_char + 1) for c in ".!?\n…") if i >= 0]
    after_end = min(after) if after else len(text)
    rest = text[close_char + 1:].lstrip(" \u00a0\u202f")
    if text[:close_char].rstrip(" \u00a0\u202f")[-1:] in ".!?…" and (not rest or rest[0].isupper() or rest[0] in "\n«“"):
        after_end = close_char + 1  # the sentence ended inside the quote («Allez !» Puis …)
    outside = _WORDS.findall(text[before + 1: open_char]) + _WORDS.findall(text[close_char + 1: after_end])
    return len(outside) <= 1


def direct_candidates(ctx: Context, cues: list[Cue], m: MarkedQuote) -> list[Candidate]:
    """The quote(s) of one marked passage, or [] for a scare-quoted label (recorded as dropped)."""
    doc = ctx.doc
    span = _span(doc, m.start, m.end)
    close = _span(doc, m.close, m.close + 1)
    open_ = _span(doc, m.open, m.open + 1)
    if span is None or close is None or open_ is None or not len(span):
        return []
    if any(c.cue == "label" and c.end == open_[0].i for c in cues) and not _relative_clause(span):
        _drop(doc, doc_text(doc)[m.start:m.end], "a name or title (baptisé « … », sous le nom de « … »)")
        return []
    after = incise_after(ctx, cues, close[-1].i) or ce_que_after(ctx, close[-1].i) or colon_after(ctx, close[-1].i) \
        or signature_after(ctx, m.close)
    n_words = words(span)
    standalone = is_standalone(doc_text(doc), m.open, m.close)
    if len(n_words) < MIN_WORDS or title_like(n_words):
        # a short quote is kept only when it reads as an utterance said by someone (« Allez Nova ! »)
        said = after is not None and (after.rule_id in ("incise_verb", "incise_inverted", "colon_after")
                                      or after.rule_id in SHORT_MARKERS and after.speaker is not None
                                      and not _wording_after(doc, close[-1].i))
        if not (said and not title_like(n_words)) and not (utterance_like(span) and (after or standalone)) \
                and not _cited_predicate(ctx, cues, span, n_words, open_[0].i) \
                and not _spoken_fragment(ctx, span, n_words, m.open):
            _drop(doc, doc_text(doc)[m.start:m.end], "scare quote / label (short or title-like)")
            return []
    governed: list[Attribution | None] = []

    def governing() -> Attribution | None:
        governed.append(governing_verb(ctx, span))  # kept: the last alternative asks whether a verb governs
        return governed[0]

    before = _first_named([
        lambda: colon_intro(ctx, m.open),
        lambda: cue_before(ctx, cues, open_[0].i),
        governing,
        lambda: pronoun_before_predicate(ctx, span, open_[0].i),
        # a speech verb governing the quote outranks an incise elsewhere in its sentence, even unresolved
        # ("selon la CGT, alors que la direction assure qu'« … »")
        lambda: None if governed and governed[0] is not None and _finite_governor(span) else
        sentence_incise(ctx, cues, span, open_[0].i, close[-1].i, doc_text(doc)[m.start:m.end][-1:] in ".!?…"),
    ])
    described = _described_subject_incise(ctx, after, open_[0].i, close[-1].i) \
        if after is not None and after.rule_id == "incise_inverted" else None
    # an incise whose speaker did not resolve gives way to a cue before the quote that names one (not when
    # its pronoun stands for the sentence's own subject, a description that resolves to nobody)
    main = described or (after if after is not None and (after.speaker is not None or before is None) else before)
    out = []
    parts = inner_incises(ctx, cues, span) if len(n_words) >= 2 * MIN_WORDS else [(m.start, m.end, None)]
    for k, (s, e, att) in enumerate(parts):
        # the token span may reach past the marks when the tokenizer glued a mark to a word (."La)
        s, e = _clean_bounds(doc_text(doc), max(s, m.start), min(e, m.end))
        if e <= s:
            continue
        # a part before an inner incise takes that incise; the last part keeps the last incise seen
        chosen = att or main
        text = strip_continuations(doc_text(doc), MarkedQuote(m.open, m.close, s, e, m.mark,
                                                         tuple(c for c in m.continuations if s <= c < e)))
        cand = Candidate(s, e, text, standalone=standalone)
        if chosen is not None:
            cand.speaker, cand.verb, cand.rule_id, cand.attributed = chosen.speaker, chosen.verb, chosen.rule_id, True
        out.append(cand)
    return out


SUBORDINATE = {"acl:relcl", "acl", "advcl", "ccomp", "csubj", "xcomp"}


def _described_subject_incise(ctx: Context, after: Attribution, open_tok: int, close_tok: int) -> Attribution | None:
    """"Le technicien du club relève : « … », a-t-il ajouté": an inverted pronoun after a quote stands for
    the person description that is the subject of the quote's own sentence (before its opening mark), as
    that description resolves — possibly to nobody — rather than for a person named sentences before."""
    doc = ctx.doc
    clause = doc[_text_sentence_start(ctx, open_tok):open_tok]
    pron = next((t for t in doc[close_tok + 1: close_tok + 6] if pronoun_form(t) in pronoun_gender()), None)
    for tok in clause:
        head = tok.head
        if not active_subject(head, tok) or not (clause.start <= head.i < clause.end) or head.dep_ in SUBORDINATE:
            continue  # "Pour que les clients reviennent, le président … a un argument :": the main clause's
        subj = [t for t in tok.subtree if t.i < open_tok]
        if not subj or subj[0].i < clause.start or subj[0].pos_ == "PRON" or subj[0].lower_ not in DEFINITE \
                or ctx.mentions_in(subj[0].idx, subj[-1].idx + len(subj[-1]), "PER") or not _person_head(subj):
            return None
        gender = pronoun_gender()[pronoun_form(pron)][0] if pron is not None else None
        described = _gender_of_phrase(subj)
        if gender and described and gender != described:
            return None
        return Attribution(resolve_phrase(ctx, subj, subj[0].idx), after.verb, after.rule_id)
    return None


def _relative_clause(span: Span) -> bool:
    """« qui changera … » after a noun is a relative clause on it, never a title (un plan « qui … »)."""
    first = next((t for t in span if not (t.is_punct or t.is_space)), None)
    return first is not None and first.text in RELATIVES


def _cited_predicate(ctx: Context, cues: list[Cue], span: Span, n_words: list[Token], open_tok: int) -> bool:
    """« joue la montre » after "Pour X," / "Selon X,": a short quoted predicate (a finite verb in
    lowercase words) is the cited speaker's own words when that speaker resolves; a noun phrase
    (« médecine au rabais ») stays a scare quote."""
    if len(n_words) < 2 or title_like(n_words) or not n_words[0].is_lower:
        return False
    if not any(t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm", []) for t in n_words):
        return False
    att = cue_before(ctx, cues, open_tok)
    return att is not None and att.speaker is not None


SPOKEN_MIN_WORDS = {"colon_intro": 2, "governing_verb": 3}


def _spoken_fragment(ctx: Context, span: Span, n_words: list[Token], open_char: int) -> bool:
    """A short quote introduced by a speech verb whose speaker resolves is that speaker's words: after a
    colon ("X a déclaré : « nous sommes ravis »", two words or more) or as what the verb says ("X évoque
    « une décision injuste »", "X a estimé que c'était « un échec cuisant »", three words or more; two
    quoted words there are as often the journalist's label, and so is a quote after an article outside the
    marks: "a annoncé une « opération coup de poing »")."""
    if title_like(n_words):
        return False
    opener = ctx.doc.char_span(open_char, open_char + 1, alignment_mode="expand")
    labelled = opener is not None and opener.start > 0 and ctx.doc[opener.start - 1].pos_ == "DET"
    for rule in (lambda: colon_intro(ctx, open_char), lambda: None if labelled else governing_verb(ctx, span)):
        att = rule()
        if att is not None and att.speaker is not None and att.verb is not None \
                and len(n_words) >= SPOKEN_MIN_WORDS.get(att.rule_id, MIN_WORDS):
            return True
    return False


def _wording_after(doc: Doc, close_i: int) -> bool:
    """« licorne », selon les termes de X: the marker cites someone's vocabulary, so the word is a label."""
    toks = [t for t in doc[close_i + 1: close_i + 6] if not t.is_punct and t.pos_ not in ("DET", "ADP")
            and t.lower_ not in ("selon", "d'", "d’", "après", "d'après", "d’après")]
    return bool(toks) and toks[0].lower_ in speaker_nouns("wording")


def _first_named(rules: list) -> Attribution | None:
    """The first cue whose speaker resolved; else the first cue found (its verb, no speaker)."""
    first = None
    for rule in rules:
        att = rule()
        if att is not None and att.speaker is not None:
            return att
        first = first or att
    return first


def _drop(doc: Doc, text: str, reason: str) -> None:
    from pipeline.records import Dropped

    doc.user_data.setdefault("dropped", []).append(Dropped("quotes", text, reason))
