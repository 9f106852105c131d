"""Quotes without marks: block quotes after "X a précisé :" and answers of Q&A interviews."""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.nlp.doctext import doc_text
from pipeline.extract.quotes.context import paragraphs
from pipeline.rules import load_json
from pipeline.extract.quotes.direct import Candidate, clause_speaker
from pipeline.extract.quotes.lexicon import speech_lemma
from pipeline.extract.quotes.speakers import Context, EntityMention

MIN_BLOCK_WORDS = 6
MIN_ANSWER_WORDS = 8
MIN_INTERVIEW_PAIRS = 2
# A paragraph that starts like a list item or with a quote mark is not a block quote.
_NOT_BLOCK_START = tuple("-•*–—«“\"0123456789")
_WORD = re.compile(r"\w+")



def _words_regex(forms: list[str]) -> re.Pattern[str]:
    """A regex for whole words (or elided forms like j') of a pronoun list, apostrophes ' or ’."""
    alts = sorted((re.escape(f).replace("'", "['’]") for f in forms), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(alts) + r")(?!\w)" if alts else r"(?!)", re.IGNORECASE)


@lru_cache(maxsize=None)
def _person_regex(kind: str) -> re.Pattern[str]:
    forms = load_json("pronouns.json")[kind]
    elided = [f for f in forms if f.endswith("'")]
    full = _words_regex([f for f in forms if not f.endswith("'")])
    if not elided:
        return full
    alts = "|".join(re.escape(f[:-1]) + "['’]" for f in elided)
    return re.compile(f"(?:{full.pattern}|(?<!\\w)(?:{alts}))", re.IGNORECASE)


def _complete(text: str) -> bool:
    """Ends like a finished sentence (a truncated excerpt does not)."""
    return text.rstrip()[-1:] in (".", "!", "?", "…", "»", "”", '"', ")")


def block_quotes(ctx: Context) -> list[Candidate]:
    """A paragraph ending with a colon after a speech verb, and the unmarked paragraph it introduces."""
    doc, text = ctx.doc, doc_text(ctx.doc)
    paras = paragraphs(text)
    out = []
    for (s, e), (ns, ne) in zip(paras, paras[1:]):
        if not text[s:e].endswith(":"):
            continue
        body = text[ns:ne]
        if body.startswith(_NOT_BLOCK_START) or len(_WORD.findall(body)) < MIN_BLOCK_WORDS or not _complete(body):
            continue
        colon = doc.char_span(e - 1, e, alignment_mode="expand")
        if colon is None:
            continue
        att = clause_speaker(ctx, colon[0].i, "block_colon")
        if att is None or att.verb is None:
            continue  # "plusieurs enjeux :" introduces a list, not speech
        out.append(Candidate(ns, ne, body, rule_id=att.rule_id, speaker=att.speaker, verb=att.verb, attributed=True))
    return out


def _is_question(text: str) -> bool:
    return text.rstrip().endswith("?")


def interview_answers(ctx: Context) -> list[Candidate]:
    """Q&A interviews: each answer paragraph after a question paragraph is a quote of the interviewee."""
    text = doc_text(ctx.doc)
    paras = paragraphs(text)
    labelled = labelled_answers(ctx, paras)
    if labelled:
        return labelled
    pairs = []
    for k in range(len(paras) - 1):
        q, a = text[slice(*paras[k])], text[slice(*paras[k + 1])]
        if _is_question(q) and not _is_question(a) and len(_WORD.findall(a)) >= MIN_ANSWER_WORDS \
                and not a.startswith(_NOT_BLOCK_START):
            pairs.append((paras[k], paras[k + 1]))
            pairs.extend(_more_labelled_answers(text, paras, k + 1))
    asks_you = any(_person_regex("second_person").search(text[slice(*q)]) for q, _ in pairs) \
        or _answers_speak_for_themselves(text, pairs)
    announced = bool(pairs) and _interview_announced(text[:pairs[0][0][0]])
    if not pairs or not announced and (len(pairs) < MIN_INTERVIEW_PAIRS or not asks_you):
        return []
    if sum(bool(_person_regex("first_person").search(text[slice(*a)])) for _, a in pairs) * 2 < len(pairs):
        return []  # answers of an interview speak in the first person; an FAQ's do not
    who = interviewee(ctx, pairs[0][1][0])
    out = []
    for _, (s, e) in pairs:
        body = text[s:e]
        if not _complete(body) and e >= len(text.rstrip()):
            continue  # the excerpt stops inside this answer
        speaker = who.ref() if who else None
        label = _label(body)
        if label is not None:  # "Flavia Roland : réponse" / "F. R. : réponse"
            speaker = _label_speaker(ctx, label[0], s, s + label[1], who)
            s, body = s + label[1], body[label[1]:]
        out.append(Candidate(s, e, body, rule_id="interview_answer", speaker=speaker, attributed=True))
    return out


MIN_UNADDRESSED_PAIRS = 3


def _answers_speak_for_themselves(text: str, pairs: list) -> bool:
    """Questions that never say 'vous' ("Président, quelles sont les ambitions?") still make an interview
    when there are several and at least two answers in three speak in their own first person (je, nous,
    mon — not the indefinite 'on' of an explainer's answers)."""
    if len(pairs) < MIN_UNADDRESSED_PAIRS:
        return False
    own = sum(bool(_person_regex("first_person_speaker").search(text[slice(*a)])) for _, a in pairs)
    return own * 3 >= len(pairs) * 2


def _more_labelled_answers(text: str, paras: list[tuple[int, int]], k: int) -> list:
    """A cross interview ("Léa Moreau: …" then "Paul Martin: …" after one question): labelled paragraphs
    right after a labelled answer answer the same question (paired with it)."""
    out: list = []
    if _label(text[slice(*paras[k])]) is None:
        return out
    for j in range(k + 1, len(paras)):
        body = text[slice(*paras[j])]
        if _is_question(body) or _label(body) is None or len(_WORD.findall(body)) < MIN_ANSWER_WORDS:
            break
        out.append((paras[k - 1], paras[j]))
    return out


@lru_cache(maxsize=None)
def _interview_regex() -> re.Pattern[str]:
    return _words_regex(load_json("speaker_nouns.json").get("interview", []))


def _interview_announced(before: str) -> bool:
    """"Entretien avec X" / "… Interview." before the first question: the text says it is an interview,
    so a single question-answer pair is one (an FAQ or explainer does not announce itself so)."""
    return bool(_interview_regex().search(before))


def _speaks_next(ctx: Context, m: EntityMention, window: int = 20) -> bool:
    """The first verb after the person's name (appositions skipped) is a speech verb: X, PDG de Y, confie …"""
    span = ctx.doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return False
    for tok in ctx.doc[span.end: span.end + window]:
        if tok.text in (".", "!", "?", "\n") or tok.is_space and "\n" in tok.text:
            return False
        if tok.pos_ == "VERB" or speech_lemma(tok, "intro", lenient=True):
            return speech_lemma(tok, "intro", lenient=True) is not None
    return False


def interviewee(ctx: Context, before: int) -> EntityMention | None:
    """The person the interview is with: the subject of speech verbs and most named before the answers."""
    score: dict[str, float] = {}
    first: dict[str, EntityMention] = {}
    for m in ctx.mentions:
        if m.label != "PER" or m.start >= before:
            continue
        first.setdefault(m.key, m)
        score[m.key] = score.get(m.key, 0) + 1
        if _speaks_next(ctx, m):
            score[m.key] += 3
    if not score:
        return None
    best = max(score, key=lambda k: (score[k], -first[k].start))
    return first[best]


MAX_FIRST_PERSON_PARAGRAPHS = 2  # more than that: the author writes in the first person (column)
MIN_FIRST_PERSON_WORDS = 12


def first_person_paragraphs(ctx: Context) -> list[Candidate]:
    """A paragraph in the first person singular without marks, in a third-person article: someone's words.

    The speaker is not stated where it stands, so it stays None unless context rules find one.
    """
    text = doc_text(ctx.doc)
    paras = paragraphs(text)
    found = []
    for k, (s, e) in enumerate(paras):
        body = text[s:e]
        if not _person_regex("first_person_subject").match(body) or len(_WORD.findall(body)) < MIN_FIRST_PERSON_WORDS:
            continue
        if any(c in body for c in "«»“”\"") or not _complete(body):
            continue
        if k > 0 and _is_question(text[slice(*paras[k - 1])]):
            continue  # an interview answer (handled with the interview)
        found.append(Candidate(s, e, body, rule_id="first_person_paragraph"))
    return found if len(found) <= MAX_FIRST_PERSON_PARAGRAPHS else []


# "NOM – réponse", "C.L. : réponse", "Clément Lafargue : réponse": a speaker label opening a paragraph.
_LABEL = re.compile(r"^(?P<label>[^\W\d_][\w.’'\- ]{0,40}?)\s*(?::|–|—|\s-)\s+(?=\S)")
MIN_LABELLED_PARAGRAPHS = 4
MAX_LABEL_WORDS = 5


def _label(body: str) -> tuple[str, int] | None:
    """(label, offset of the answer text) when the paragraph opens with a speaker label."""
    m = _LABEL.match(body)
    if not m:
        return None
    label = m.group("label").strip()
    words_ = label.replace(".", ". ").split()
    if not words_ or len(words_) > MAX_LABEL_WORDS or not all(w[0].isupper() for w in words_ if w[0].isalpha()):
        return None
    return label, m.end()


def _initials(name: str) -> str:
    return "".join(p[0] for p in re.split(r"[\s\-]+", name) if p and p[0].isupper())


def _label_speaker(ctx: Context, label: str, start: int, end: int, fallback: EntityMention | None):
    """The person a speaker label names: a mention, the name in capitals, or the initials."""
    from pipeline.nlp.entities import normalize_name

    people = [m for m in ctx.mentions_in(start, end, "PER") if len(normalize_name(m.name).replace(" ", "")) > 3]
    if people:  # a full name, not initials that the NER took for a name
        return people[0].ref()
    key = normalize_name(label)
    letters = "".join(c for c in label if c.isupper())
    for m in ctx.mentions:
        if m.label != "PER":
            continue
        if normalize_name(m.name) == key or (len(letters) >= 2 and _initials(m.name) == letters):
            return m.ref()
    return fallback.ref() if fallback else None


def labelled_answers(ctx: Context, paras: list[tuple[int, int]]) -> list[Candidate]:
    """Interviews written "JOURNAL – question ?" / "NOM – réponse": answers are quotes of the named person
    (one labelled answer is enough when the text announces an interview before it)."""
    text = doc_text(ctx.doc)
    rows = []
    for s, e in paras:
        found = _label(text[s:e])
        if found:
            rows.append((found[0], s, e, s + found[1]))
    announced = bool(rows) and _interview_announced(text[:rows[0][1]])
    if len(rows) < (MIN_INTERVIEW_PAIRS if announced else MIN_LABELLED_PARAGRAPHS):
        return []
    asks: dict[str, list[bool]] = {}
    for label, s, e, body in rows:
        asks.setdefault(label, []).append(_is_question(text[body:e]))
    questioners = {lab for lab, qs in asks.items() if sum(qs) * 2 >= len(qs)}
    answers = [r for r in rows if r[0] not in questioners]
    if not questioners or len(answers) < (1 if announced else MIN_INTERVIEW_PAIRS):
        return []
    who = interviewee(ctx, answers[0][1])
    out = []
    for label, s, e, body in answers:
        words_text = text[body:e]
        if len(_WORD.findall(words_text)) < MIN_ANSWER_WORDS or (not _complete(words_text) and e >= len(text.rstrip())):
            continue
        speaker = _label_speaker(ctx, label, s, body, who)
        out.append(Candidate(body, e, words_text, rule_id="interview_labelled_answer", speaker=speaker,
                             attributed=True))
    return out
