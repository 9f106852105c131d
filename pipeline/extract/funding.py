"""Funding events: who put how much money into whom, when, in which round.

All language knowledge is data: `rules/funding_triggers.jsonl` (trigger lexicon, one spaCy Matcher
pattern per id; the id reaches `FundingRecord.rule_id` as "<trigger id>+<pattern>") and
`rules/funding_cues.json` (cue phrases and word lists). How an event is found:

1. Sentences are cut on terminal punctuation and line breaks (spaCy's parser splits French sentences
   at "start-up"). Actors are the doc's entities of any label (split at "et"/",", trimmed of a
   swallowed verb) plus capitalised proper-noun runs the NER missed ("eLichens", "Club-Employés").
2. A funding sentence has a trigger: a raise/invest/give/fund verb (lemma + POS, or the word form
   before a number: the tagger reads "récolte" as a noun), a deal noun (levée, tour de table,
   opération, financement, subvention, prêt...), or a round word with "annoncer/réaliser".
3. Each amount (`find_amounts`) gets a kind: valuation ("valorisée à"), excluded (revenue, totals,
   thresholds, cumulated periods, running totals "depuis sa création, ... a levé", fund sizes,
   classes of deals "les levées de plus de 100 M€"),
   sought ("cherche"), tranche ("dont 11 M€", "(100 M€ de X, ...)"), conversion ("9 M$ (8 M€)") or
   main. Each main amount is one event.
4. Recipient of a main amount, in order: round-up pair "X (3 millions)"; agent of a raise participle
   ("bouclée par X"); "la levée de 5 M€ de X"; the target of a giving verb ("investi N dans X",
   "accordé N à X", "financer l'initiative"); the nearest actor on the left in the clause (skipping
   investor lists, parentheses, place complements and "le fonds X"); the actor after a fronted
   adjunct ("Avec 9 M$, X conclut"); else, for an anaphor ("la start-up", "elle", "L'opération",
   "La seconde", "Un tour de table de N qui lui..."), the focus: the recipient of the latest funding
   sentence, or a company just introduced by a descriptor ("le producteur d'insectes X"); only an
   organisation-like actor (never a place, a MISC label or one-letter debris), else the article's main
   company for "l'entreprise"/"la société", else the event is dropped with a reason. A capitalised
   word opening a sentence before a finite verb is a name ("Korrigan a, quant à elle, levé"), so an
   explicit subject always beats the anaphor. Generic subjects ("les start-up françaises", "le
   secteur", "la French Tech", "14 startups") make a market total, never an event; a cited source
   ("selon les estimations de X") is never a party. "« Nous avons levé »" goes to the speaker's
   company; "Vient ensuite X, avec N" continues a round-up just after a reported deal. Programme and
   label names after "la startup du" ("Next 40", "French Tech 120") describe the anaphor; the name in
   a contrast adjunct ("Une semaine avant X, la fintech ...") is never the antecedent (its one
   coordination partner of the previous sentence, else dropped); events, diseases and MISC subjects
   ("le Covid-19", "la crise") never receive money; the article-company fallback skips cited
   sources ("D'après Les Échos"); "Marelle, basée à Lyon, a levé": an unknown opening name before
   an apposition and a finite verb is the subject.
5. Investors: enumerations after investor cues (lead cues give lead investors), tranche zones, the
   subject of an active lead verb ("le fonds X a mené"), and follow-up sentences ("X, Y et Z ont
   participé à l'opération", "Parmi les investisseurs figurent ..."). Appositions ("X, le fonds
   de Y"), parenthesised affiliations and "les investisseurs de X" are skipped.
6. Round, valuation and date from the amount's own stretch of the sentence (a round word or date
   between two amounts goes to the nearest / preceding one; founding years skipped); a
   valuation or round named in a follow-up sentence joins the deal just reported (also in a relative
   clause about the anaphor: "La biotech, qui prolongeait une série B initiée en 2019, ..." -> round,
   not date); a round named as a time reference ("Avant cette série C, elle avait obtenu") is not the
   round of the amounts it introduces.
7. Round-up lists without amounts ("trois opérations (A, B et C)") and "la levée de fonds de X"
   give events without amount (merged with the same company's amount in the article).

A last sentence cut off by the excerpt keeps the events whose amount is followed by more words;
only an amount at the very cut is dropped.

Anything seen but not kept is recorded in `doc.user_data["dropped"]` with a reason.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from spacy.tokens import Doc, Span, Token

from pipeline.extract.matching import PrefilteredMatcher
from pipeline.nlp.doctext import doc_text, token_bounds, token_texts
from pipeline.nlp.entities import entity_ref, normalize_name
from pipeline.records import ActorRef, Dropped, FundingRecord
from pipeline.rules import load_json, load_jsonl

TRIGGERS_FILE = "funding_triggers.jsonl"
CUES_FILE = "funding_cues.json"
_TERMINAL = {".", "!", "?", "…"}
_DE_WORDS = frozenset({"de", "d'", "du", "des"})  # "de" and its contracted forms
_QUE_WORDS = frozenset({"que", "qu'", "qu’"})
_DE_FORMS = ("de", "d'", "du", "des", "de la", "de l'")
_A_FORMS = ("à", "au", "aux")


# ---------------------------------------------------------------- rules data


@lru_cache(maxsize=1)
def _cues() -> dict[str, Any]:
    return load_json(CUES_FILE)


@lru_cache(maxsize=1)
def _triggers() -> dict[str, dict[str, Any]]:
    return {row["id"]: row for row in load_jsonl(TRIGGERS_FILE)}


def _variants(phrase: str) -> list[str]:
    """Spelling variants of a cue: 'de' also stands for d'/du/des/de la/de l', 'à' for au/aux."""
    out = [""]
    for word in phrase.replace("’", "'").split(" "):
        forms = _DE_FORMS if word == "de" else _A_FORMS if word == "à" else (word,)
        out = [f"{o} {f}".strip() for o in out for f in forms]
    return [o.replace("' ", "'") for o in out]


@lru_cache(maxsize=None)
def _cue_regex(name: str) -> re.Pattern[str]:
    """One alternation for a cue list of the rules file, longest variant first, on word boundaries."""
    forms = {v for phrase in _cues()[name] for v in _variants(phrase)}
    body = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?<![\w'])(?:{body})(?:(?<=')|(?!\w))")


def _norm_text(text: str) -> str:
    """Same length as the text: lower case, one kind of apostrophe (offsets stay valid)."""
    if "\u0130" not in text and "\u03a3" not in text:
        # str.lower() maps each character alone except 'İ' (two characters) and the final sigma
        # (context): without them it is the per-character form below, at C speed
        return text.lower().replace("’", "'")
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text).replace("’", "'")


# ---------------------------------------------------------------- per-doc context


@dataclass(frozen=True)
class Cand:
    """A possible actor in the text: a recognised entity (or a part of one) or a proper-noun chunk."""

    start: int  # token indices
    end: int
    ref: ActorRef


@dataclass
class AmountAt:
    """A money amount placed on tokens, with its role in the sentence."""

    amount: Any
    start: int
    end: int
    kind: str = "main"  # main, valuation, excluded, tranche, conversion


@dataclass
class Draft:
    """A funding event under construction (FundingRecord is frozen)."""

    recipient: ActorRef
    sent: int
    rule_id: str
    amount: AmountAt | None = None
    investors: list[ActorRef] = field(default_factory=list)
    leads: list[ActorRef] = field(default_factory=list)
    round: str | None = None
    valuation: float | None = None
    date: str | None = None
    extra_text: list[str] = field(default_factory=list)


@dataclass
class Ctx:
    """Everything computed once per doc: sentences, candidates, amounts, trigger and cue matches."""

    doc: Doc
    norm: str
    sents: list[tuple[int, int]]
    cands: list[Cand]
    amounts: list[AmountAt]
    triggers: list[tuple[str, int, int]]  # (rule id, token start, token end)
    drafts: list[Draft] = field(default_factory=list)
    focus: ActorRef | None = None
    focus_sent: int = -1
    # Facts of a deal stated without its amount ("une extension de sa levée d'amorçage, en faisant
    # entrer X"), waiting for the next sentence's "L'opération, d'un montant de N": (sentence, investors, leads, round).
    pending: tuple[int, list[ActorRef], list[ActorRef], str | None] | None = None
    # cue_spans answers, asked again and again for the same sentence parts
    cue_memo: dict[tuple[str, int, int], tuple[tuple[int, int], ...]] = field(default_factory=dict)

    def cue_spans(self, name: str, start: int, end: int) -> list[tuple[int, int]]:
        """Token spans of a cue list's matches between two token indices."""
        if start >= end:
            return []
        found = self.cue_memo.get((name, start, end))
        if found is None:
            starts, ends = token_bounds(self.doc)
            spans = []
            for m in _cue_regex(name).finditer(self.norm, starts[start], ends[end - 1]):
                span = self.doc.char_span(m.start(), m.end(), alignment_mode="expand")
                if span is not None:
                    spans.append((span.start, span.end))
            found = self.cue_memo[(name, start, end)] = tuple(spans)
        return list(found)

    def has_cue(self, name: str, start: int, end: int) -> bool:
        return bool(start < end and self.cue_spans(name, start, end))


def _soft_wrap(doc: Doc, tok: Token) -> bool:
    """A single line break inside hard-wrapped text (PDF or e-mail copy: every line 50-110 characters,
    the previous one not ending a sentence) continues the sentence; a heading or a web paragraph
    (one long line) is never wrapped like that."""
    if tok.text.count("\n") != 1 or tok.i == 0:
        return False
    text = doc_text(doc)
    a = tok.idx
    prev_start = text.rfind("\n", 0, a) + 1
    nxt_end = text.find("\n", a + len(tok.text))
    nxt_end = len(text) if nxt_end < 0 else nxt_end
    prev_line, next_line = text[prev_start:a].strip(), text[a + len(tok.text) : nxt_end].strip()
    if not prev_line or prev_line[-1] in ".!?:;»\"”)":
        return False
    return 50 <= len(prev_line) <= 110 and 20 <= len(next_line) <= 110


_CURRENCY_SIGNS = frozenset("€$£")


def _initial_after_preposition(doc: Doc, tok: Token) -> bool:
    """ "conseillés par T. Rowe Price", "selon M. Dupont": an initial after a preposition or a
    determiner opens a name; "en série A. La société" still ends a sentence."""
    return tok.i > 0 and doc[tok.i - 1].pos_ in {"ADP", "DET"} and tok.i + 1 < len(doc) and doc[tok.i + 1].text[:1].isupper()


def _sentences(doc: Doc) -> list[tuple[int, int]]:
    """Sentence token ranges: cut after terminal punctuation before a capital, and at line breaks."""
    sents, start = [], 0
    texts = token_texts(doc)
    for tok in (doc[i] for i, text in enumerate(texts) if _may_end_sentence(text)):
        if tok.is_space and "\n" in tok.text and not _soft_wrap(doc, tok):
            if start < tok.i:
                sents.append((start, tok.i))
            start = tok.i + 1
        elif tok.text in _TERMINAL or (tok.text.endswith(".") and len(tok.text) == 2 and tok.text[0].isupper()
                                       and not _initial_after_preposition(doc, tok)) or (
                len(tok.text) > 1 and tok.text[-1] == "." and tok.text[-2] in _CURRENCY_SIGNS):
            # "... à 172 M€. Baillie Gifford ...": the tokenizer keeps the full stop on the currency sign.
            nxt = tok.nbor(1) if tok.i + 1 < len(doc) else None
            if nxt is None or nxt.is_space or nxt.text[:1].isupper() or nxt.text[:1] in "«\"“(":
                sents.append((start, tok.i + 1))
                start = tok.i + 1
    if start < len(doc):
        sents.append((start, len(doc)))
    return [(s, e) for s, e in sents if any(not texts[i].isspace() for i in range(s, e))]  # spaCy's is_space


def _may_end_sentence(text: str) -> bool:
    """What `_sentences` tests a token for, on its text alone: a line break, a terminal mark, an
    initial ('J.'), a full stop glued to a currency sign."""
    return "\n" in text or text in _TERMINAL or text.endswith(".")


def _ref_for_part(doc: Doc, span: Span, whole: bool) -> ActorRef:
    """ActorRef for an entity (or a coordinated part of a merged entity)."""
    if whole:
        ref = entity_ref(doc, span.start_char, span.end_char)
        if ref is not None:
            return ref
    key = normalize_name(span.text)
    for ent in doc._.entities or []:
        if normalize_name(ent.name) == key:
            return ActorRef(ent.name, ent.label, ent.key)
    return ActorRef(span.text, "ORG", None)


_LEADING = {"le", "la", "les", "l'", "d'", "de", "du", "des"}


def _strip_span(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Drop leading articles/prepositions ("l'IRD" -> "IRD") and trailing punctuation."""
    while start < end and (doc[start].lower_.replace("’", "'") in _LEADING or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return start, end


def _entity_cands(doc: Doc) -> list[Cand]:
    """Entities of any label, split at coordinations ("X et Y" merged by the NER)."""
    out = []
    for ent in doc.ents:
        if sum(c.isalnum() for c in ent.text) < 2:
            continue  # "C" of "série C": NER debris, never an actor
        parts, cur = [], ent.start
        for tok in ent:
            if tok.lower_ in {"et", ","}:
                parts.append((cur, tok.i))
                cur = tok.i + 1
        parts.append((cur, ent.end))
        for s, e in parts:
            s, e = _strip_span(doc, s, e)
            # "Payboost boucle": the NER sometimes swallows the verb that follows the name.
            cut = next((t.i for t in doc[s + 1 : e] if t.pos_ in {"VERB", "AUX"} and t.is_lower), e)
            whole = len(parts) == 1 and cut == e
            e = cut
            if s < e:
                out.append(Cand(s, e, _ref_for_part(doc, doc[s:e], whole)))
    return out


def _propn_like(tok: Token) -> bool:
    """A capitalised proper-noun-like token (also "eLichens": internal capital)."""
    text = tok.text
    if not text[:1].isalpha() or sum(c.isalpha() for c in text) < 2 or not any(c.isupper() for c in text):
        return False
    if tok.pos_ == "PROPN":
        return True
    return tok.pos_ in {"NOUN", "X", "ADJ"} and any(c.isupper() for c in text[1:]) and not text.isupper()


def _hyphen_name_start(doc: Doc, i: int) -> bool:
    """ "Club-Employés": two capitalised words joined by a hyphen make a name whatever the tagger says."""
    return (
        i + 2 < len(doc) and doc[i].text[:1].isupper() and doc[i].is_alpha and doc[i + 1].text == "-"
        and not doc[i].whitespace_ and not doc[i + 1].whitespace_ and doc[i + 2].text[:1].isupper()
    )


def _chunk_cands(doc: Doc, covered: set[int], blocked: set[int]) -> list[Cand]:
    """Runs of proper-noun tokens the NER missed, as new ORG actors."""
    out, i = [], 0
    while i < len(doc):
        if i in covered or i in blocked or not (_propn_like(doc[i]) or _hyphen_name_start(doc, i)):
            i += 1
            continue
        j = i + 1
        while j < len(doc) and j not in covered and j not in blocked:
            if _propn_like(doc[j]):
                j += 1
            elif (  # "Club-Employés": a hyphen joins two capitalised words written without spaces
                doc[j].text == "-" and j + 1 < len(doc) and not doc[j - 1].whitespace_ and not doc[j].whitespace_
                and doc[j + 1].text[:1].isupper() and j + 1 not in covered
            ):
                j += 2
            else:
                break
        span = doc[i:j]
        out.append(Cand(i, j, _ref_for_part(doc, span, False)))
        i = j
    return out


@lru_cache(maxsize=4)
def _matcher(vocab_id: int, vocab: Any) -> PrefilteredMatcher:
    return PrefilteredMatcher(vocab, {rid: [row["pattern"]] for rid, row in _triggers().items()})


def _trigger_matches(doc: Doc) -> list[tuple[str, int, int]]:
    # Ids come back as str (the matcher's own table: strings added in a memory zone are transient).
    found = _matcher(id(doc.vocab), doc.vocab)(doc)
    # A longer match wins over the one it contains (levée de fonds over levée).
    # Same span read as verb and noun ("deux levées"): a determiner or a number before it makes a noun.
    def noun_first(m: tuple[str, int, int]) -> int:
        nominal = m[1] > 0 and doc[m[1] - 1].pos_ in {"DET", "NUM", "ADJ"}
        return 0 if (_triggers()[m[0]]["kind"] == "noun") == nominal else 1

    found.sort(key=lambda m: (m[1], -(m[2] - m[1]), noun_first(m)))
    out, last_end = [], -1
    for rid, s, e in found:
        if s >= last_end or _triggers()[rid]["kind"] == "round":
            out.append((rid, s, e))
            last_end = max(last_end, e)
    return out


def _blocked_trigger(doc: Doc, trig: tuple[str, int, int]) -> bool:
    """ "fonds d'investissement", "directeur d'investissement": the noun names an agent, not a deal."""
    rid, s, _ = trig
    if _triggers()[rid]["kind"] != "noun" or s == 0:
        return False
    lo = max(0, s - 4)
    if _inside_lender_name(doc, lo, s):
        return True
    before = _norm_text(doc[lo:s].text).replace("' ", "'")
    return bool(_cue_regex("trigger_blockers_before").search(before[-25:] + " ")) and bool(
        re.search(r"(?:\bde |d'|\bfonds |\bcapital )\s*$", before + " ")
    )


def _inside_lender_name(doc: Doc, lo: int, s: int) -> bool:
    """ "le Fonds européen pour les investissements stratégiques (EFSI)": the deal noun is a word of a
    capitalised fund or bank name (a lender head, then only lowercase words)."""
    heads = set(_cues()["lender_name_heads"])
    for i in range(s - 1, lo - 1, -1):
        tok = doc[i]
        if tok.text[:1].isupper():
            return tok.lower_ in heads and i > 0 and doc[i - 1].pos_ in {"DET", "ADP"}
        if not tok.is_lower or tok.is_punct:
            return False
    return False


def _find_amounts(doc: Doc) -> list[AmountAt]:
    from pipeline.extract.amounts import find_amounts

    out = []
    for a in find_amounts(doc_text(doc)):
        span = doc.char_span(a.start, a.end, alignment_mode="expand")
        if span is not None:
            out.append(AmountAt(a, span.start, span.end))
    return out


def _inside_entity(ents: list[Cand], start: int, end: int) -> bool:
    """A trigger inside a longer name ("Banque publique d'investissement"), not one that merely
    overlaps a shorter one ("série C" where the NER tagged "C")."""
    return any(c.start <= start and end <= c.end and c.end - c.start > end - start for c in ents)


def _bare_subject_cands(doc: Doc, covered: set[int], blocked: set[int]) -> list[Cand]:
    """ "Korrigan a, quant à elle, levé": a capitalised word opening a sentence right before a
    finite verb is a name even when the tagger reads it as a common noun (French common-noun
    subjects take a determiner)."""
    out = []
    for tok in doc:
        i = tok.i
        if i in covered or i in blocked or i + 1 >= len(doc) or not tok.is_alpha or not tok.text[:1].isupper():
            continue
        # The tagger may even read an unknown name as a pronoun ("Tencent"); real pronouns are stop words.
        if tok.pos_ not in {"NOUN", "PROPN", "X", "ADJ", "PRON"} or tok.is_stop or tok.text.isupper():
            continue
        if tok.lower_ in set(_cues()["not_bare_subjects"]):
            continue
        prev = doc[i - 1] if i > 0 else None
        opens = prev is None or prev.text in _TERMINAL or ("\n" in prev.text) or prev.text in {"«", '"', "“"}
        nxt = doc[i + 1]
        form = nxt.morph.get("VerbForm", [])
        if opens and nxt.pos_ in {"VERB", "AUX"} and form and form[0] == "Fin" and nxt.is_lower:
            out.append(Cand(i, i + 1, _ref_for_part(doc, doc[i : i + 1], False)))
        elif opens and _apposition_then_verb(doc, i + 1):
            out.append(Cand(i, i + 1, _ref_for_part(doc, doc[i : i + 1], False)))
    return out


def _apposition_then_verb(doc: Doc, j: int) -> bool:
    """ "Marelle, basée à Lyon, a levé": a comma, a lower-case apposition (participle, determiner,
    adjective or noun) closed by a comma, then a finite verb."""
    if j + 1 >= len(doc) or doc[j].text != "," or not doc[j + 1].is_lower:
        return False
    if doc[j + 1].pos_ not in {"VERB", "DET", "ADJ", "NOUN"}:
        return False
    for k in range(j + 2, min(len(doc) - 1, j + 14)):
        if doc[k].text in _TERMINAL or doc[k].text in {";", ":", "("}:
            return False
        if doc[k].text == ",":
            nxt = doc[k + 1]
            form = nxt.morph.get("VerbForm", [])
            return nxt.pos_ in {"VERB", "AUX"} and bool(form) and form[0] == "Fin" and nxt.is_lower
    return False


def build_context(doc: Doc) -> Ctx:
    """Sentences, candidates, amounts and trigger matches of a processed doc."""
    amounts = _find_amounts(doc)
    ents = _entity_cands(doc)
    in_ents = {i for c in ents for i in range(c.start, c.end)}
    # "Banque publique d'investissement": a deal noun inside a name is not a trigger.
    triggers = [t for t in _trigger_matches(doc) if not _inside_entity(ents, t[1], t[2])]
    triggers = [t for t in triggers if not _blocked_trigger(doc, t)]
    covered = {i for c in ents for i in range(c.start, c.end)}
    blocked = {i for a in amounts for i in range(a.start, a.end)}
    blocked |= {i for _, s, e in triggers for i in range(s, e)}
    chunks = [c for c in _chunk_cands(doc, covered, blocked) if not any(c.start <= i < c.end for i in blocked)]
    covered |= {i for c in chunks for i in range(c.start, c.end)}
    chunks += _bare_subject_cands(doc, covered, blocked)
    ents = [c for c in ents if not any(a.start <= c.start < a.end for a in amounts)]
    cands = _join_given_names(doc, sorted(ents + chunks, key=lambda c: c.start))
    return Ctx(doc, _norm_text(doc_text(doc)), _sentences(doc), cands, amounts, triggers)


def _given_name(text: str) -> bool:
    """ "Jean-Marc", "Anne": every hyphen part is a known given name."""
    from pipeline.nlp.lexicons import given_names

    parts = text.lower().split("-")
    return all(p in given_names() for p in parts)


def _join_given_names(doc: Doc, cands: list[Cand]) -> list[Cand]:
    """ "Jean-Marc" + "Le Goff": a given name the NER split from the person's surname is one person."""
    out: list[Cand] = []
    for c in cands:
        prev = out[-1] if out else None
        gap = doc[prev.end : c.start] if prev is not None else doc[c.start : c.start]
        # "Jean-Marc" + "Le Goff" (the candidate lost its capitalised particle "Le").
        joined = len(gap) == 0 or (len(gap) == 1 and gap[0].text[:1].isupper() and gap[0].lower_ in _LEADING)
        if prev is not None and joined and c.ref.label == "PER" and _given_name(doc[prev.start : prev.end].text):
            span = doc[prev.start : c.end]
            key = normalize_name(span.text)
            ref = next((ActorRef(e.name, e.label, e.key) for e in doc._.entities or [] if normalize_name(e.name) == key),
                       ActorRef(span.text, "PER", None))
            out[-1] = Cand(prev.start, c.end, ref)
            continue
        out.append(c)
    return out


# ---------------------------------------------------------------- helpers on token ranges


def _low(tok: Token) -> str:
    return tok.lower_.replace("’", "'")


def _paren_depth(doc: Doc, start: int, end: int) -> list[int]:
    """Parenthesis depth of every token of a sentence (index i - start)."""
    depth, out = 0, []
    for tok in doc[start:end]:
        if tok.text == "(":
            depth += 1
        out.append(depth)
        if tok.text == ")":
            depth = max(0, depth - 1)
    return out


def _cands_in(ctx: Ctx, start: int, end: int) -> list[Cand]:
    return [c for c in ctx.cands if c.start >= start and c.end <= end]


def _in_spans(i: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= i < e for s, e in spans)


def _prev_word(doc: Doc, i: int, lo: int) -> str:
    j = i - 1
    while j >= lo and doc[j].is_space:
        j -= 1
    return _low(doc[j]) if j >= lo else ""


def _governed_by_place(ctx: Ctx, cand: Cand, lo: int, cues: str = "place_prepositions") -> bool:
    """An actor after "à", "en", "chez", "par"... is not a subject (unless followed by "qui")."""
    doc = ctx.doc
    k = cand.end + 1 if cand.end < len(doc) and doc[cand.end].text == "," else cand.end
    if k < len(doc) and _low(doc[k]) == "qui":
        return False  # "avec Cometh, qui ... lève": the antecedent of a subject relative
    # "basé à San Francisco, Londres et Genève": later items of a place list are places too.
    j0 = cand.start - 1
    while j0 > lo and doc[j0].is_space:
        j0 -= 1
    if j0 > lo and _low(doc[j0]) in {",", "et", "ou"}:
        prev_c = next((c for c in ctx.cands if c.end == j0), None)
        # ... unless the item has its own place ("Lumeo à Lille et Kapta à Amiens").
        own_place = cand.end < len(doc) and _low(doc[cand.end]) in set(_cues()["city_prepositions"])
        # After a comma only a place-typed actor continues the list ("à Bordeaux, Ecotrak développe").
        comma_ok = _low(doc[j0]) != "," or cand.ref.label == "LOC"
        if not own_place and comma_ok and prev_c is not None and prev_c.start > lo and _governed_by_place(ctx, prev_c, lo, cues):
            return True
    j = cand.start - 1
    while j > lo and (doc[j].pos_ == "DET" or doc[j].is_space):
        j -= 1  # "par le JDN": look through the determiner
    prev = _low(doc[j]) if j >= lo else ""
    # Two-word prepositions too: "près de Redon", "non loin de X" (the tokens are "près" "de").
    pair = f"{_low(doc[j - 1])} {prev}" if j - 1 >= lo else ""
    trio = f"{_low(doc[j - 2])} {pair}" if j - 2 >= lo else ""
    return prev in set(_cues()[cues]) or pair in set(_cues()[cues]) or trio in set(_cues()[cues])


# ---------------------------------------------------------------- amount classification


def _window_has(ctx: Ctx, name: str, start: int, end: int) -> bool:
    lo, hi = max(start, 0), min(end, len(ctx.doc))
    return ctx.has_cue(name, lo, hi)


def _classify_amounts(ctx: Ctx, s: int, e: int, amounts: list[AmountAt]) -> None:
    """Give every amount of a sentence its kind (main, valuation, excluded, tranche, conversion)."""
    doc = ctx.doc
    # "dont 11 millions": a tranche cue counts only right before an amount (not "dont X est partenaire").
    tranche_from = min(
        (a for a, b in ctx.cue_spans("tranche_cues", s, e) if any(0 <= x.start - b <= 3 for x in amounts)),
        default=None,
    )
    prev_end, zone = None, None  # zone: parentheses opened right after an amount
    for am in amounts:
        before = doc[max(s, am.start - 2) : am.start]
        if prev_end is not None and any(t.text == "(" for t in before) and am.start - prev_end <= 3:
            close = next((t.i for t in doc[am.start : e] if t.text == ")"), e)
            # "9 M$ (8 M€)" is a conversion; "250 M€ (100 millions de X, ...)" lists tranches.
            zone = (am.start, close)
            am.kind = "tranche" if _de_x_after(ctx, am.end, e) is not None else "conversion"
        elif zone is not None and zone[0] < am.start < zone[1]:
            am.kind = "tranche"
        elif prev_end is not None and _restated(ctx, prev_end, am):
            am.kind = "conversion"
        elif prev_end is not None and _window_has(ctx, "alternative_size_cues", am.end, min(e, am.end + 6)):
            # "environ 35 M€, 40,3 millions avec la clause d'extension": the same offer at another size
            am.kind = "conversion"
        elif tranche_from is not None and am.start > tranche_from:
            am.kind = "tranche"
        elif _instalment_subject(ctx, s, am):
            am.kind = "tranche"
            _drop(ctx, doc[s:e].text.strip(), f"instalment of a deal: {am.amount.text}")
        elif _fund_size(ctx, s, e, am):
            am.kind = "fund"
        elif _not_a_deal(ctx, s, am) or _cumulative(ctx, s, am) or _counterfactual(ctx, s, am):
            am.kind = "excluded"
        elif _counted_total(ctx, s, e, am):
            am.kind = "excluded"  # a market total over counted deals or companies
        elif _compared(ctx, s, am) or _raised_in_a_place(ctx, e, am) or _track_record(ctx, s, e, am):
            am.kind = "excluded"
        elif _is_valuation(ctx, s, e, am):
            am.kind = "valuation"
        elif _window_has(ctx, "non_event_cues", max(s, am.start - 5), am.start) or _window_has(
            ctx, "non_event_cues", am.end, min(e, am.end + 4)
        ):
            am.kind = "excluded"
        elif _window_has(ctx, "seek_cues", max(s, am.start - 6), am.start) or _window_has(
            ctx, "seek_after_cues", am.end, min(e, am.end + 5)
        ):
            am.kind = "sought"
        prev_end = am.end


def _instalment_subject(ctx: Ctx, s: int, am: AmountAt) -> bool:
    """ "La première tranche de 11,5 M€ sera versée", "les tranches suivantes de 6 et 5 M€ le seront":
    an instalment noun as subject paces a deal already stated; "X a levé une première tranche de
    10 M€" (an object) still reports a deal."""
    nouns = set(_cues()["instalment_nouns"])
    for tok in ctx.doc[max(s, am.start - 6) : am.start]:
        if tok.lower_ in nouns and tok.dep_.startswith("nsubj"):
            return not any(_triggers()[rid]["kind"] == "verb" for rid, a, _ in ctx.triggers if s <= a < tok.i)
    return False


def _restated(ctx: Ctx, prev_end: int, am: AmountAt) -> bool:
    """ "450 M$, soit environ 410 M€": the amount restates the previous one in another unit
    (only a conversion cue and punctuation stand between them)."""
    words = [t for t in ctx.doc[prev_end : am.start] if not (t.is_punct or t.is_space)]
    if not words or len(words) > 4:
        return False
    phrase = _norm_text(ctx.doc[words[0].i : words[-1].i + 1].text)
    return any(phrase == v for cue in _cues()["conversion_cues"] for v in _variants(cue))


def _cumulative(ctx: Ctx, s: int, am: AmountAt) -> bool:
    """ "Depuis sa création, la société a levé 60 M€": a running total stated before the amount in
    the same clause chain (not separated from it by another amount: "avait obtenu 8 M€ puis 25 M€"
    lists rounds)."""
    prev_end = max((x.end for x in ctx.amounts if s <= x.end <= am.start), default=s)
    if ctx.has_cue("cumulative_cues", prev_end, am.start):
        return True
    doc = ctx.doc
    if s + 1 < am.start and _low(doc[s]) == "depuis" and "Yes" in doc[s + 1].morph.get("Poss", []):
        # "Depuis son introduction en bourse, qui lui a permis de lever 38 M€ en octobre, la medtech a
        # levé 41 M€": the main clause after the fronted "depuis" phrase states a running total.
        # ... but an amount inside a relative clause of that phrase ("qui lui a permis de lever") is its own deal.
        comma = max((t.i for t in doc[s:am.start] if t.text == ","), default=None)
        if comma is not None and not any(_low(t) in {"qui", "que", "qu'", "dont"} for t in doc[comma:am.start]):
            return True
    # "90 M€ de prêts octroyés depuis son lancement": the running total is stated after the amount.
    nxt = min((x.start for x in ctx.amounts if x.start > am.start), default=len(ctx.doc))
    hi = min(nxt, am.end + 6, len(ctx.doc))
    return ctx.has_cue("cumulative_after_cues", am.end, hi) and not any(t.text in {",", ";"} for t in ctx.doc[am.end : hi])


def _first_person_raiser(ctx: Ctx, s: int, am: AmountAt) -> bool:
    """ "Nous avons levé 12 M€": a first-person subject in the amount's clause (not "On estime que
    40 milliards seront investis …", where 'on' only holds the opinion)."""
    subjects = set(_cues()["first_person_subjects"])
    return any(_low(p) in subjects and not any(_low(t) in _QUE_WORDS for t in ctx.doc[p.i + 1 : am.start])
               and not _relative_subject(ctx, s, p.i) for p in ctx.doc[s : am.start])


def _relative_subject(ctx: Ctx, s: int, i: int) -> bool:
    """ "l'investissement (que l'on peut chiffrer à N)": 'on' opens an object relative about another
    noun; it raises nothing."""
    j = i - 1
    if j >= s and _low(ctx.doc[j]) in {"l'", "l’"}:
        j -= 1
    # "On estime qu'on a levé N" is a completive after a verb, where 'on' still raises.
    return j >= s and _low(ctx.doc[j]) in _QUE_WORDS and (j == s or ctx.doc[j - 1].pos_ not in {"VERB", "AUX"})


def _compared(ctx: Ctx, s: int, am: AmountAt) -> bool:
    """ "un ticket moyen de 4,7 M€, contre 15 millions il y a un an": a figure given for comparison;
    "soit 4 millions de moins que X": a difference between two figures."""
    lo = max(s, am.start - 3)
    if am.start > lo and any(am.start - b <= 1 for _, b in ctx.cue_spans("comparison_before_cues", lo, am.start)):
        return True
    return any(a == am.end for a, _ in ctx.cue_spans("comparison_after_cues", am.end, min(len(ctx.doc), am.end + 4)))


def _track_record(ctx: Ctx, s: int, e: int, am: AmountAt) -> bool:
    """ "Avec 12.000 membres, 190 projets réalisés et plus de 400.000 euros levés, X …": money raised
    listed among other counts is a track record, not a deal."""
    doc = ctx.doc
    parts = set(_cues()["market_participles"])
    if not any(t.lower_ in parts for t in doc[am.end : min(e, am.end + 2)]):
        return False
    others = [a for a in ctx.amounts if s <= a.start < am.start]
    counts = [t for t in doc[s : am.start] if t.like_num and not any(a.start <= t.i < a.end for a in others)
              and t.i + 1 < am.start and doc[t.i + 1].pos_ == "NOUN" and doc[t.i + 1].is_lower]
    return len(counts) >= 2


def _raised_in_a_place(ctx: Ctx, e: int, am: AmountAt) -> bool:
    """ "172 M€ ont ainsi été levés dans la région": money raised in a place is a market total."""
    doc = ctx.doc
    parts = set(_cues()["market_participles"])
    for t in doc[am.end : min(e, am.end + 5)]:
        if t.lower_ in parts:
            return ctx.has_cue("market_place_cues", t.i + 1, min(e, t.i + 5))
    return False


def _counterfactual(ctx: Ctx, s: int, am: AmountAt) -> bool:
    """ "on n'aurait jamais imaginé une levée de 50 M€", "elle n'aurait pas pu lever 5 M€": a negated
    conditional governing the amount speaks of a deal that did not happen."""
    doc = ctx.doc
    lo = max(s, am.start - 10)
    verbs = [t for t in doc[lo : am.start] if t.pos_ in {"VERB", "AUX"} and "Fin" in t.morph.get("VerbForm", [])]
    if not verbs or "Cnd" not in verbs[-1].morph.get("Mood", []):
        return False
    v = verbs[-1]
    negation = set(_cues()["negation_words"])
    return any(_low(t) in negation for t in doc[max(s, v.i - 2) : min(am.start, v.i + 3)])


def _not_a_deal(ctx: Ctx, s: int, am: AmountAt) -> bool:
    """ "les cinq levées de plus de 100 M€" (a class of deals), "un nouveau fonds de 450 M$" (a fund's size)."""
    doc = ctx.doc
    noun = _deal_noun_before(ctx, am, s)
    between = doc[noun[2] : am.start] if noun is not None else doc[am.start : am.start]
    direct = noun is not None and not any(t.text == "(" or t.text[:1].isupper() for t in between)
    if noun is not None and direct and doc[noun[1]].lower_.endswith("s") and noun[1] > s:
        det = doc[noun[1] - 1]
        if det.lower_ in {"les", "des", "ces"} or det.like_num or "Plur" in det.morph.get("Number", []):
            return True
    j = am.start - 1
    if j - 1 >= s and _low(doc[j]) in {"de", "d'"} and doc[j - 1].lower_ == "fonds":
        return j - 2 < s or _low(doc[j - 2]) not in {"de", "d'"}  # but "levée de fonds de 5 M€" is a deal
    return False


def _counted(tok: Token) -> bool:
    """A count ("33", "dix-sept", "vingt-cinq") before a plural head."""
    return tok.pos_ == "NUM" or tok.like_num


def _counted_total(ctx: Ctx, s: int, e: int, am: AmountAt) -> bool:
    """ "vingt-cinq levées pour 41 M€", "206,6 M€ levés par dix-sept entreprises": a sum over counted
    deals or companies is a market total, never one company's deal."""
    doc = ctx.doc
    heads = set(_cues()["generic_plural_heads"])
    if am.start - 1 >= s and _low(doc[am.start - 1]) == "pour":
        # the count and its head stand a few words before ("trente-trois levées avaient été réalisées pour N")
        if any(_counted(t) and t.i + 1 < am.start and doc[t.i + 1].lower_ in heads
               for t in doc[max(s, am.start - 8) : am.start - 1]):
            return True
    k = am.end
    while k < min(e, am.end + 3) and doc[k].pos_ in {"VERB", "ADV"}:
        k += 1  # "N levés par", "N collectés au total par"
    return k + 2 < e and _low(doc[k]) == "par" and _counted(doc[k + 1]) and doc[k + 2].lower_ in heads


def _fund_size(ctx: Ctx, s: int, e: int, am: AmountAt) -> bool:
    """A fund's closing, not a deal: "le premier closing de son véhicule, à 120 M€", "doté de 250 M€",
    "a levé 300 M€ pour investir dans les start-up" (the money goes on to other companies)."""
    if ctx.has_cue("fund_cues", s, am.start):
        return True
    if am.end < e and ctx.has_cue("fund_after_cues", am.end, min(e, am.end + 4)):
        return True  # "une première levée de 200 M€ pour son fonds X": the fund is being raised
    heads = set(_cues()["fund_target_heads"])
    for _, b in ctx.cue_spans("fund_purpose_cues", am.end, min(e, am.end + 4)) if am.end < e else []:
        # Words of the text, not tokens: the tokenizer may split "start-up".
        if heads & set(re.findall(r"[\w-]+", _norm_text(ctx.doc[b : min(e, b + 6)].text))):
            return True
    return False


def _is_valuation(ctx: Ctx, s: int, e: int, am: AmountAt) -> bool:
    """ "valorisée à 2 Md€", "ce qui la valorise à", "1 milliard de valorisation"."""
    stems = tuple(_cues()["valuation_stems"])
    lo = max(s, am.start - 8)
    # The cue must be closer than any deal noun ("une levée de 5 M€ ... valorisation" is not one).
    nouns = [b for rid, a, b in ctx.triggers if lo <= a < am.start and _triggers()[rid]["kind"] == "noun"]
    # ... nor than a funding verb: "à 1 Md€ de valorisation, la place de marché releva 450 M€".
    nouns += [a for rid, a, b in ctx.triggers if lo <= a < am.start and _triggers()[rid]["kind"] == "verb"]
    # Stems, not lemmas: the tagger reads "valorise" as a noun as often as a verb.
    cue_at = [t.i for t in ctx.doc[lo : am.start] if t.lower_.startswith(stems)]
    cue_at += [a for a, _ in ctx.cue_spans("valuation_cues", lo, am.start)] if am.start > lo else []
    if cue_at and max(cue_at) >= max(nouns, default=-1):
        return True
    return _window_has(ctx, "valuation_after_cues", am.end, min(e, am.end + 2))


# ---------------------------------------------------------------- investor lists


def _item_cands(ctx: Ctx, start: int, end: int, depth: list[int], s: int) -> list[Cand]:
    """The actors of one list item: its leading actor, or the last one of "le fonds de X"."""
    doc = ctx.doc
    toks = [t for t in doc[start:end] if not t.is_space and depth[t.i - s] == depth[start - s]]
    if not toks:
        return []
    cands = [c for c in _cands_in(ctx, start, end) if depth[c.start - s] == depth[start - s]]
    first = toks[0]
    words = [t for t in toks if not (t.is_punct and t.text in {"-", "&", "/", "."})]
    if not cands and 0 < len(words) <= 3 and all(t.text[:1].isupper() or t.text[:1].isdigit() for t in words) and any(
            any(ch.isdigit() for ch in t.text) and any(ch.isupper() for ch in t.text) for t in words):
        # "tels que 83North, A et B": a name the NER skipped because it mixes digits and capitals.
        return [Cand(toks[0].i, toks[-1].i + 1, _ref_for_part(doc, doc[toks[0].i : toks[-1].i + 1], False))]
    if not cands:
        return []
    if words and all((t.text[:1].isupper() or t.like_num) and t.pos_ != "DET" for t in words):
        # "360 Capital Partners", "Financière Fonds Privés", "Breed Reply": an item made only of
        # capitalised words is one name, even where the NER cut it.
        a, b = toks[0].i, toks[-1].i + 1
        if (a, b) != (cands[0].start, cands[0].end) or len(cands) > 1:
            return [Cand(a, b, _ref_for_part(doc, doc[a:b], False))]
        return cands
    if cands[0].start <= first.i or (_low(first) in _LEADING and cands[0].start == first.i + 1):
        return cands
    if first.pos_ in {"DET", "ADP", "NUM", "PRON"} or first.is_lower:
        heads = set(_cues()["generic_agent_heads"])
        # The item's head noun ("les premiers investisseurs d'Instagram"): people of X, not X.
        head = next((t for t in toks if t.pos_ == "NOUN" and t.i < cands[-1].start), None)
        if head is not None and (head.lemma_ in heads or head.lower_.rstrip("s") in heads):
            # "les investisseurs Xange et Y" names them; "les investisseurs d'Instagram" does not.
            named = [c for c in cands if 0 < c.start - head.i <= 2 and not any(_low(t) in _LEADING for t in doc[head.i + 1 : c.start])]
            return named[:1]
        return [cands[-1]]
    return cands


def _active_verb_or_aux(tok: Token) -> bool:
    form = tok.morph.get("VerbForm", [])
    return tok.pos_ in {"VERB", "AUX"} and bool(form) and form[0] in {"Inf", "Fin"}


def _walk_list(ctx: Ctx, start: int, end: int, s: int, e: int, stop: bool = True) -> list[Cand]:
    """Actors of an enumeration starting at `start`: items split at commas, "et", "ainsi que"...

    An item opened by a determiner right after a comma that follows an actor is an apposition
    ("X, le fonds de Y") and is skipped up to the next comma. Parenthesised text is skipped.
    """
    doc = ctx.doc
    depth = _paren_depth(doc, s, e)
    base = depth[start - s] if start < e else 0
    connectors = set(_cues()["list_connectors"]) - {"-", "/"}
    stops = set(_cues()["list_stops"])
    out: list[Cand] = []
    items: list[tuple[int, int, str]] = []  # (start, end, connector before)
    cur, conn = start, ""
    i = start
    while i < end:
        tok = doc[i]
        d = depth[i - s]
        if d < base:
            break
        low = _low(tok)
        if d == base and (low in connectors or (low == "ainsi" and i + 1 < end and _low(doc[i + 1]) in {"que", "qu'"})):
            items.append((cur, i, conn))
            conn = "," if low == "," else "et"
            i += 2 if low == "ainsi" else 1
            cur = i
            continue
        if d == base and tok.text in {"-", "–", "—"} and i > cur and doc[i - 1].is_lower and i + 1 < end and (
                doc[i + 1].pos_ == "DET" or any(c.start == i + 1 for c in ctx.cands)):
            # "auprès d'investisseurs déjà actionnaires - les Américains A et B -": the names apposed
            # between dashes are the backers the noun announced.
            items.append((cur, i, conn))
            conn, cur, i = ",", i + 1, i + 1
            continue
        heads = set(_cues()["investor_intro_heads"])
        # "des investisseurs dont", "d'investisseurs historiques dont" (one describing word may follow the head)
        intro = i > start and (doc[i - 1].lower_ in heads or (
            i - 1 > start and doc[i - 2].lower_ in heads and doc[i - 1].is_lower and doc[i - 1].pos_ == "ADJ"))
        if stop and d == base and (low == ":" or (low == "dont" and (_prev_word(doc, i, start) == "," or intro))) and not any(
                c.start < i for c in _cands_in(ctx, start, i)):
            items.append((cur, i, conn))  # "auprès d'un pool d'investisseurs : A, B et C"
            conn, cur, i = "", i + 1, i + 1
            continue
        if d == base and low in {"selon", "d'après"} and i > start and doc[i - 1].text == ",":
            close = next((k for k in range(i + 1, end) if doc[k].text == ","), None)
            if close is not None and any(c.start > close for c in _cands_in(ctx, close, end)):
                i = cur = close + 1  # "A et, selon les informations de Z, B": the source incise is no item
                continue
        reset = i > start and f"{_low(doc[i - 1])} {low}" in set(_cues()["list_resets"])  # "tels que X"
        # "A, ainsi qu'avec B", "A et avec B": the repeated preposition continues the enumeration.
        reset = reset or (low in {"avec", "auprès"} and i == cur and i > start and _low(doc[i - 1]) in {"qu'", "que", "et"})
        if stop and d == base and low in stops and not reset and not any(c.start <= i < c.end for c in ctx.cands):
            break
        if stop and d == base and _active_verb_or_aux(tok) and i > start and not any(c.start <= i < c.end for c in ctx.cands):
            break  # a finite verb ends the enumeration ("... et Saadé – pourrait faire de Paris")
        i += 1
    items.append((cur, i, conn))
    resets = set(_cues()["list_resets"])
    prev_kind, saw_comma = "", False
    for a, b, conn in items:
        saw_comma = saw_comma or conn == ","
        if a >= b:
            continue
        conn, saw_comma = ("," if saw_comma else conn), False
        if conn == "et" and prev_kind == "apposition":
            continue  # "X, le fonds ... opéré par Y et Z": Z is still inside the apposition
        first = next((t for t in doc[a:b] if not t.is_space), None)
        if first is None:
            continue
        opens_np = first.pos_ in {"DET", "PRON", "NUM"} and not any(c.start == first.i + 1 for c in ctx.cands)
        # "X, ancienne dirigeante de Saur, et Y": a role noun after a person is an apposition too.
        opens_np = opens_np or (first.is_lower and first.pos_ in {"NOUN", "ADJ", "PROPN"} and prev_kind == "actor")
        if conn == "," and opens_np and _described_item(ctx, first.i, b):
            opens_np = False  # "l'éditeur A, la banque B, ou encore le transporteur C": each item names a backer
        if conn == "," and opens_np and prev_kind in {"actor", "apposition"} and not any(
            c.start <= first.i < c.end for c in ctx.cands
        ):
            prev_kind = "apposition"
            continue
        if conn == "," and first.pos_ in {"VERB", "AUX"} and first.is_lower and stop:
            break  # ", basé à San Francisco": a participial clause ends the enumeration
        if prev_kind == "actor" and _low(first) in set(_cues()["direct_investor_cues"]) and first.i + 1 < b and doc[
                first.i + 1].lower_ in {"ses", "son", "sa", "leur", "leurs"}:
            prev_kind = "apposition"  # "A, via ses fonds X et Y": A's own vehicles, not more investors
            continue
        if first.lower_ in resets or (first.i + 1 < b and f"{first.lower_} {doc[first.i + 1].lower_}" in resets):
            prev_kind = ""  # ", comme X et Y": examples continue the enumeration
            a = first.i + (2 if f"{first.lower_} {doc[first.i + 1].lower_}" in resets else 1) if first.i + 1 < b else first.i + 1
            if a >= b:
                continue
        elif conn == "," and prev_kind == "other":
            break  # "Grâce à cette collaboration, AWS renforce": the enumeration ended
        got = _item_cands(ctx, a, b, depth, s)
        prev_kind = "actor" if got else "" if _introduces_investors(doc[a:b]) else "other"
        out.extend(got)
    # "le fonds souverain de l'émirat du Qatar, QIA": a place apposed to the backer's name describes it.
    out = [c for c in out if not (_described_complement(ctx, c, start) and any(
        o.start == c.end + 1 and doc[c.end].text == "," for o in out))]
    return [_without_demonym(ctx, c) for c in out]


def _described_item(ctx: Ctx, a: int, b: int) -> bool:
    """A list item "la banque X" / "le transporteur américain X": a determiner, descriptive words only
    (no preposition, as in the apposition "le fonds de Y") and a name that closes the item."""
    doc = ctx.doc
    toks = [t for t in doc[a:b] if not t.is_space]
    name = next((c for c in ctx.cands if c.end == toks[-1].i + 1 and c.start > a), None) if toks else None
    if name is None or toks[0].pos_ != "DET" or name.start - a < 2 or _person(name.ref):
        return False
    if b < len(doc) and doc[b].pos_ in {"VERB", "AUX"}:
        return False  # ", le réseau Y a fait entrer Z": the subject of a new clause, not one more backer
    words = doc[a + 1 : name.start]
    return all(t.is_lower and t.pos_ in {"NOUN", "ADJ"} for t in words)


def _without_demonym(ctx: Ctx, c: Cand) -> Cand:
    """ "les Américains Redmile Group et Invus": a nationality the recogniser glued to a backer's
    name describes it; the name starts after it."""
    doc = ctx.doc
    first = doc[c.start]
    nations = set(_cues()["nationality_words"])
    if c.end - c.start < 2 or not first.text[:1].isupper() or first.lower_.removesuffix("s") not in nations | {
            n.removesuffix("s") for n in nations}:
        return c
    rest = doc[c.start + 1 : c.end]
    if len(rest.text) < 4 or not all(x.text[:1].isupper() or x.is_punct for x in rest):
        return c  # "Française des Jeux", "Suisse Re": the word belongs to the name
    return Cand(c.start + 1, c.end, _ref_for_part(doc, doc[c.start + 1 : c.end], False))


def _described_complement(ctx: Ctx, c: Cand, lo: int) -> bool:
    """ "le fonds souverain de Singapour, Temasek", "le family office de la famille Mulliez, Creadev":
    a name completing a describing noun, when the backer's own name is apposed after it."""
    doc = ctx.doc
    j = c.start - 1
    while j >= lo and (doc[j].pos_ in {"DET", "ADP"} or _low(doc[j]) in {"de", "d'", "du", "des", "l'"}):
        j -= 1
    if j < lo or j == c.start - 1:
        # "de la famille Mulliez": the describing noun may stand right before the name
        return j >= lo and doc[j].is_lower and doc[j].pos_ == "NOUN" and j - 1 >= lo and doc[j - 1].pos_ == "DET" and any(
            _low(x) in _DE_WORDS for x in doc[max(lo, j - 3) : j])
    return doc[j].is_lower and doc[j].pos_ in {"NOUN", "ADJ"} and any(_low(x) in _DE_WORDS for x in doc[j + 1 : c.start])


def _introduces_investors(span: Span) -> bool:
    """ "ses investisseurs historiques, A et B": a plural investor noun phrase announces the list."""
    heads = set(_cues()["investor_intro_heads"])
    return any(t.lower_ in heads for t in span)


def _paren_backers(ctx: Ctx, b: int, e: int) -> list[Cand]:
    """ "aux côtés des actionnaires historiques (A, B et C)": the investor noun right after the cue
    announces the names in the parentheses that follow it."""
    doc = ctx.doc
    opening = next((t.i for t in doc[b : min(e, b + 5)] if t.text == "("), None)
    if opening is None or not _introduces_investors(doc[b:opening]) or _cands_in(ctx, b, opening):
        return []
    close = next((t.i for t in doc[opening + 1 : e] if t.text == ")"), None)
    if close is None:
        return []
    return _walk_list(ctx, opening + 1, close, opening + 1, close)


def _cue_investors(ctx: Ctx, s: int, e: int, after: int = -1) -> tuple[list[Cand], list[Cand], list[tuple[int, int]]]:
    """Investors and lead investors named after investor cues in a sentence, and the cue spans."""
    investors: list[Cand] = []
    leads: list[Cand] = []
    spans: list[tuple[int, int]] = []
    lead_spans = ctx.cue_spans("lead_cues", s, e)
    for a, b in ctx.cue_spans("direct_investor_cues", s, e):
        # "via X": only an actor right after the cue ("via l'écosystème X" is not an investor).
        nxt = next((c for c in ctx.cands if c.start == b or (c.start == b + 1 and ctx.doc[b].pos_ == "DET")), None)
        if nxt is not None and a >= after:
            investors.append(nxt)
            spans.append((a, nxt.end))
    for a, b in ctx.cue_spans("investor_cues", s, e):
        if a < after or _said_to(ctx, s, a):
            continue
        got = _walk_list(ctx, b, e, s, e)
        got = got + [c for c in _paren_backers(ctx, b, e) if c not in got]
        if _low(ctx.doc[a]).startswith("dirig"):
            # "la start-up X, dirigée par Marie Dupont": a person after "dirigé par" runs the company.
            got = [c for c in got if c.ref.label != "PER"]
        if got:
            spans.append((a, max(c.end for c in got)))
        investors.extend(got)
        if any(la <= a < lb or a <= la < b for la, lb in lead_spans):
            # Lead investors: the items before a following "ainsi que" / "aux côtés de".
            stop_at = min((x for x, _ in ctx.cue_spans("investor_cues", b, e)), default=e)
            ainsi = [t.i for t in ctx.doc[b:e] if _low(t) == "ainsi"]
            stop_at = min([stop_at] + ainsi)
            leads.extend(c for c in got if c.start < stop_at)
    return investors, leads, spans


@lru_cache(maxsize=1)
def _speech_lemmas() -> frozenset[str]:
    """Speech verbs of the quotes lexicon that are no funding participation ("abonder" is both)."""
    verbs = load_json("speech_verbs.json")["verbs"]
    return frozenset(v for v, roles in verbs.items() if "incise" in roles) - set(_cues()["participation_lemmas"])


def _said_to(ctx: Ctx, s: int, a: int) -> bool:
    """ ", a convenu X auprès de Tech Crunch": "auprès de" after a speech verb names who was told."""
    doc = ctx.doc
    if _low(doc[a]) != "auprès":
        return False
    for t in doc[max(s, a - 5) : a]:
        if t.lemma_ in _speech_lemmas():
            # an incise with its speaker ("a convenu X auprès de", "précise-t-il auprès de"), not
            # "releva 450 M€ auprès de X" (relever is also a speech verb)
            speaker = any(c.ref.label == "PER" and t.i < c.start < a for c in ctx.cands)
            if speaker or any(x.pos_ == "PRON" for x in doc[t.i + 1 : a]) or (t.i > s and doc[t.i - 1].text == ","):
                return True  # ", indiquant seulement auprès de X": a participle clause after a comma too
    return False


def _lead_subjects(ctx: Ctx, s: int, e: int) -> list[Cand]:
    """ "Le fonds Serena a mené le tour de table de ...": the subject of an active lead verb."""
    lemmas = set(_cues()["lead_verb_lemmas"])
    out = []
    for tok in ctx.doc[s:e]:
        if tok.lemma_ in lemmas and _active_verb(tok):
            kind, cand = _left_scan(ctx, s, tok.i, [])
            if kind == "cand" and cand is not None:
                out.append(cand)
        elif _lead_form(ctx, tok, e):
            cand = _lead_form_subject(ctx, s, tok.i)
            if cand is not None:
                out.append(cand)
    spans = ctx.cue_spans("lead_phrases", s, e) + [
        # "X prend la tête du tour": only with the deal as object ("prend la tête du marché" leads nothing).
        (a, b) for a, b in ctx.cue_spans("lead_object_phrases", s, e)
        if any(x <= b + 2 for x, _ in ctx.cue_spans("lead_objects", b, min(e, b + 5)))]
    for a, _ in spans:
        # "C'est X qui est à la manœuvre", "X est aux commandes": the one who leads the deal.
        cand = _lead_form_subject(ctx, s, a)
        if cand is not None and cand not in out:
            out.append(cand)
    return out


def _lead_form(ctx: Ctx, tok: Token, e: int) -> bool:
    """ "X pilote ce tour de table": a present-tense lead verb the tagger reads as a noun or gives a
    noun's lemma ("pilote"), recognised by its form and the deal object right after it."""
    if tok.lower_ not in set(_cues()["lead_verb_forms"]) or tok.lemma_ in set(_cues()["lead_verb_lemmas"]) and _active_verb(tok):
        return False
    return any(a <= tok.i + 2 for a, _ in ctx.cue_spans("lead_objects", tok.i + 1, min(e, tok.i + 5)))


def _lead_form_subject(ctx: Ctx, s: int, pos: int) -> Cand | None:
    """The organisation leading: the nearest subject unless it is a person or a complement (the
    founder named in "X, fondé par un ancien cadre de Nokia, Y, pilote"); then the clause's first name."""
    kind, cand = _left_scan(ctx, s, pos, [])
    if kind == "cand" and cand is not None and not _person(cand.ref) and not _after_agent(ctx, s, cand):
        return cand
    for c in _cands_in(ctx, s, pos):
        if _person(c.ref) or c.ref.label == "LOC" or (c.start > s and ctx.doc[c.start - 1].pos_ == "ADP"):
            continue
        return c
    return None


def _after_agent(ctx: Ctx, s: int, cand: Cand) -> bool:
    """A name inside a passive participle's agent phrase ("fondé par un ancien cadre de Nokia, Y")."""
    window = ctx.doc[max(s, cand.start - 10) : cand.start]
    return any(_low(t) == "par" for t in window) and not any(t.text == "." for t in window)


def _tranche_investors(ctx: Ctx, s: int, e: int, main: list[AmountAt]) -> list[Cand]:
    """Actors in tranche zones: after "dont", or in parentheses right after the main amount."""
    doc = ctx.doc
    out = []
    for a, b in ctx.cue_spans("tranche_cues", s, e):
        if any(m.end <= a for m in main):
            out.extend(_tranche_zone(ctx, b, e, s, e))
    for m in main:
        if m.end < e and doc[m.end].text == "(":
            close = next((t.i for t in doc[m.end : e] if t.text == ")"), e)
            inner = [x for x in ctx.amounts if m.end < x.start < close]
            if not inner or any(_low(doc[x.end]) in _DE_WORDS for x in inner if x.end < e):
                out.extend(_tranche_zone(ctx, m.end + 1, close, s, e))
    return out


def _in_person_apposition(ctx: Ctx, cand: Cand, lo: int) -> bool:
    """ "Marc Dubreuil, ancien dirigeant de Fromex, ...": an actor inside the role apposition of a person."""
    doc = ctx.doc
    comma = next((i for i in range(cand.start - 1, lo - 1, -1) if doc[i].text == ","), None)
    if comma is None or comma + 1 >= cand.start:
        return False
    first = doc[comma + 1]
    person = next((c for c in ctx.cands if c.end == comma and c.ref.label == "PER"), None)
    return person is not None and first.is_lower and first.pos_ in {"NOUN", "ADJ", "PROPN", "VERB"}


def _tranche_zone(ctx: Ctx, start: int, end: int, s: int, e: int) -> list[Cand]:
    """In "dont 100 M€ de X, 100 M€ de Y et le reste par la fondation de Z": X, Y, Z."""
    doc = ctx.doc
    depth = _paren_depth(doc, s, e)
    sources = _source_zones(ctx, s, e)
    out = []
    for c in _cands_in(ctx, start, end):
        if depth[c.start - s] > depth[start - s] or _in_spans(c.start, sources):
            continue  # "selon les informations des Echos": a cited source gives no money
        prev = _prev_word(doc, c.start, start)
        if (prev in {"de", "d'", "du", "des", "par", "via", "auprès"} or prev in _LEADING) and not _in_person_apposition(ctx, c, start):
            out.append(c)
    # "la fondation de Z": keep the last actor of a determiner-led item only.
    return out


# ---------------------------------------------------------------- recipients


def _anaphor_before(ctx: Ctx, s: int, pos: int) -> bool:
    for name in ("recipient_anaphors", "deal_anaphors"):
        if ctx.cue_spans(name, s, pos) if pos > s else []:
            return True
    return False


def _person(ref: ActorRef) -> bool:
    """A person for sure: a PER name of several words ("Marie Dupont"). A one-word PER name is often
    an unknown start-up the recogniser took for a surname, so it may still be a company."""
    return ref.label == "PER" and len(ref.name.split()) >= 2


def _org_like(ref: ActorRef | None) -> bool:
    """A plausible antecedent of "la start-up": not a place ("l'Hexagone"), a label ("French Tech",
    "Next 40") or one-letter debris ("C" of "série C"). A PER label is kept: the French NER often
    reads a company name as a person, and a focus reached that far was already a deal's subject."""
    return (
        ref is not None and ref.label not in {"LOC", "MISC"} and sum(c.isalnum() for c in ref.name) >= 2
        and normalize_name(ref.name) not in {normalize_name(n) for n in _cues()["non_recipient_names"]}
    )


def _topic(ctx: Ctx, si: int) -> ActorRef | None:
    """What "la start-up" / "elle" / "l'opération" refers to: the focus, else a recent subject;
    only an organisation (None when there is no plausible antecedent)."""
    ref = _topic_any(ctx, si)
    if ref is not None and _contrasted(ctx, si, ref):
        ref = _coordination_partner(ctx, si, ref)
        if ref is None:  # "Une semaine avant X, la fintech a levé": never the contrasted name
            _drop(ctx, _sent_text(ctx, si), "anaphor antecedent is the contrasted name")
            return None
    if ref is not None and _role_described_person(ctx, ref):
        # "Elle a convaincu le chanteur X …. Elle a levé N": never the singer; the company named before him
        ref = _previous_org_subject(ctx, si) if si > 0 else None
        ref = None if ref is not None and _role_described_person(ctx, ref) else ref
    if _org_like(ref) or _was_recipient(ctx, ref) or _opens_a_sentence(ctx, ref):
        return ref
    s, e = ctx.sents[si]
    if ctx.cue_spans("company_anaphors", s, e):
        return _main_company(ctx, si)  # "celui-ci a permis à l'entreprise de lever": the article's company
    return None


def _role_described_person(ctx: Ctx, ref: ActorRef) -> bool:
    """A name introduced by a person's trade noun ("le chanteur Soprano") is a person, whatever its label."""
    key = normalize_name(ref.name)
    roles = set(_cues()["person_role_nouns"])
    return any(normalize_name(c.ref.name) == key and c.start > 0 and ctx.doc[c.start - 1].lower_ in roles for c in ctx.cands)


def _was_recipient(ctx: Ctx, ref: ActorRef | None) -> bool:
    """A name that already received a deal is an organisation, even when the NER labels it a place."""
    return ref is not None and any(normalize_name(d.recipient.name) == normalize_name(ref.name) for d in ctx.drafts)


def _contrasted(ctx: Ctx, si: int, ref: ActorRef) -> bool:
    """ "Une semaine avant X, la fintech ...": X, named in a contrast adjunct of sentence si, is not
    what the anaphor of that sentence refers to."""
    s, e = ctx.sents[si]
    key = normalize_name(ref.name)
    preps = {v for p in _cues()["contrast_prepositions"] for v in _variants(p)}
    for c in _cands_in(ctx, s, e):
        if normalize_name(c.ref.name) != key:
            continue
        j = c.start - 1
        while j > s and ctx.doc[j].pos_ == "DET":
            j -= 1
        words = " ".join(_low(t) for t in ctx.doc[max(s, j - 3) : j + 1]).replace("' ", "'")
        if any(words == p or words.endswith(" " + p) for p in preps):
            return True
    return False


def _coordination_partner(ctx: Ctx, si: int, ref: ActorRef) -> ActorRef | None:
    """ "Les fintechs X et Y ... Une semaine avant Y, la fintech ...": the one other organisation
    coordinated with the contrasted name in the previous sentence (None when there is not exactly one)."""
    if si == 0:
        return None
    s, e = ctx.sents[si - 1]
    key = normalize_name(ref.name)
    cands = _cands_in(ctx, s, e)
    for i, c in enumerate(cands):
        if normalize_name(c.ref.name) != key:
            continue
        lo, hi = i, i  # the coordination chain around the contrasted name
        while lo > 0 and _coordinated(ctx, cands[lo - 1], cands[lo]):
            lo -= 1
        while hi + 1 < len(cands) and _coordinated(ctx, cands[hi], cands[hi + 1]):
            hi += 1
        if hi - lo == 1:
            other = cands[hi] if lo == i else cands[lo]
            return other.ref if _org_like(other.ref) else None
    return None


def _coordinated(ctx: Ctx, a: Cand, b: Cand) -> bool:
    between = {_low(t) for t in ctx.doc[a.end : b.start]}
    return bool(between) and between <= {"et", ",", "ou"}


def _main_company(ctx: Ctx, si: int) -> ActorRef | None:
    """The organisation the article is about so far: most mentions before sentence si (earliest on
    ties), never one already seen as an investor."""
    lo = ctx.doc[ctx.sents[si][0]].idx
    investors = {normalize_name(r.name) for d in ctx.drafts for r in d.investors}
    # "D'après Les Échos, ...": a cited source is never the article's company.
    sources = [(ctx.doc[a].idx, ctx.doc[b - 1].idx + len(ctx.doc[b - 1])) for a, b in _source_zones(ctx, 0, len(ctx.doc)) if b > a]
    best, best_key = None, None
    for ent in ctx.doc._.entities or []:
        starts = [m.start for m in ent.mentions if m.start < lo and not any(a <= m.start < b for a, b in sources)]
        if ent.label != "ORG" or not starts or normalize_name(ent.name) in investors:
            continue
        key = (-len(starts), min(starts))
        if best_key is None or key < best_key:
            best, best_key = ActorRef(ent.name, ent.label, ent.key), key
    return best


def _topic_any(ctx: Ctx, si: int) -> ActorRef | None:
    fresh = _introduced(ctx, si - 1) if si > 0 else None
    if fresh is not None and (ctx.focus is None or (
            normalize_name(fresh.name) != normalize_name(ctx.focus.name) and ctx.focus_sent < si - 1)):
        return fresh
    if ctx.focus is not None:
        return ctx.focus
    for sj in range(si - 1, max(-1, si - 6), -1):
        s, e = ctx.sents[sj]
        depth = _paren_depth(ctx.doc, s, e)
        _, _, inv_spans = _cue_investors(ctx, s, e)
        # "certaines pépites enchaînent les tours, à l'image de X": an example is no investor.
        examples = {a for a, _ in ctx.cue_spans("list_resets", s, e)}
        inv_spans = [sp for sp in inv_spans if sp[0] not in examples]
        sources = _source_zones(ctx, s, e)
        for c in _cands_in(ctx, s, e):
            if _person(c.ref) or not (_org_like(c.ref) or _misc_subject(ctx, c, s)) or _governed_by_place(ctx, c, s) or depth[c.start - s]:
                continue
            if _in_spans(c.start, sources):
                continue  # "selon le décompte de CFNEWS": a cited source is not the company in focus
            if not _investor_introduced(ctx, c, s) and not _in_spans(c.start, inv_spans):
                return c.ref
    return None


def _misc_subject(ctx: Ctx, cand: Cand, s: int) -> bool:
    """ "Kinévia, l'application de ...": a name the NER calls MISC that opens its sentence (or the text
    after a heading colon) is the company the paragraph is about, unless it is a known label."""
    if cand.ref.label != "MISC" or sum(ch.isalnum() for ch in cand.ref.name) < 2:
        return False
    if normalize_name(cand.ref.name) in {normalize_name(n) for n in _cues()["label_names"]}:
        return False
    return cand.start == s or ctx.doc[cand.start - 1].text == ":"


def _opens_a_sentence(ctx: Ctx, ref: ActorRef | None) -> bool:
    """A MISC-labelled name that opens one of the text's sentences (see _misc_subject)."""
    if ref is None or ref.label != "MISC":
        return False
    key = normalize_name(ref.name)
    starts = {a for a, _ in ctx.sents}
    for c in ctx.cands:
        if normalize_name(c.ref.name) == key:
            s = max((a for a in starts if a <= c.start), default=0)
            if _misc_subject(ctx, c, s):
                return True
    return False


def _investor_introduced(ctx: Ctx, cand: Cand, lo: int) -> bool:
    """ "le fonds sino-belge A Capital": an actor introduced by an investor noun (adjectives allowed)."""
    descriptors = set(_cues()["investor_descriptors"])
    j = cand.start - 1
    while j >= lo and cand.start - j <= 4 and (ctx.doc[j].pos_ == "ADJ" or ctx.doc[j].text == "-" or ctx.doc[j].is_lower):
        if ctx.doc[j].lower_ in descriptors or ctx.doc[j].lemma_ in descriptors:
            return True  # "le fonds sino-belge A Capital"
        j -= 1
    return j >= lo and (ctx.doc[j].lower_ in descriptors or ctx.doc[j].lemma_ in descriptors)


def _introduced(ctx: Ctx, sj: int) -> ActorRef | None:
    """A company introduced by a descriptor in sentence sj ("le producteur d'insectes Innovafeed")."""
    s, e = ctx.sents[sj]
    depth = _paren_depth(ctx.doc, s, e)
    found = None
    investors = {normalize_name(r.name) for d in ctx.drafts for r in d.investors}
    for c in _cands_in(ctx, s, e):
        if normalize_name(c.ref.name) in investors:
            continue  # "... et le family office de la famille X" named a backer of the deal, not a new company
        prev = ctx.doc[c.start - 1] if c.start > s else None
        if prev is None or prev.pos_ not in {"NOUN", "ADJ"} or not prev.is_lower or depth[c.start - s]:
            continue
        if _investor_introduced(ctx, c, s) or _in_person_apposition(ctx, c, s):
            continue  # "le fonds (régional) X" is an investor; "Y, cofondateur de la plateforme X" describes a person
        # The descriptor is a noun phrase opened by a determiner: "le producteur d'insectes X".
        window = ctx.doc[max(s, c.start - 5) : c.start]
        dets = [tok.i for tok in window if tok.pos_ == "DET" or tok.lower_ in {"au", "aux", "du", "des"}]
        if dets and not any(tok.is_punct for tok in ctx.doc[dets[-1] : c.start]) and _org_like(c.ref) and not _person(c.ref):
            found = c.ref
    return found


def _left_scan(ctx: Ctx, s: int, pos: int, blocked: list[tuple[int, int]]) -> tuple[str, Cand | None]:
    """Nearest subject-like actor left of `pos` in the clause: ("cand", c), ("anaphor", None) or ("none", None)."""
    doc = ctx.doc
    depth = _paren_depth(doc, s, min(len(doc), pos + 1))
    d0 = depth[min(pos - s, len(depth) - 1)]
    lo = s
    for i in range(pos - 1, s - 1, -1):
        if doc[i].text in {":", ";"} and depth[i - s] <= d0:
            lo = i + 1
            break
        if doc[i].text == "(" and depth[i - s] == d0:
            lo = i + 1
            break
    # A deal anaphor is a subject only at the start of the clause ("L'opération a ..."), not in
    # "X signe la levée la plus importante".
    pronouns = {v for p in _cues()["pronoun_anaphors"] for v in _variants(p)}
    anaphors = [
        sp
        for sp in ctx.cue_spans("recipient_anaphors", lo, pos)
        # "Yooji a, quant à elle, levé": a pronoun after a preposition is not the subject.
        if not (_norm_text(doc[sp[0] : sp[1]].text) in pronouns and doc[sp[0]].i > lo and doc[sp[0] - 1].pos_ == "ADP")
    ] + [
        sp
        for sp in ctx.cue_spans("deal_anaphors", lo, pos)
        if sp[0] == _clause_start(doc, lo, sp[0]) and (sp[1] >= len(doc) or doc[sp[1]].pos_ not in {"NOUN", "PROPN"})
    ]
    plural = _plural_spans(ctx, lo, pos)
    blocked = blocked + _source_zones(ctx, s, pos)
    cands = [
        c
        for c in _cands_in(ctx, lo, pos)
        if depth[c.start - s] == d0 and not _in_spans(c.start, blocked) and not _governed_by_place(ctx, c, lo)
        and not _label_complement(ctx, c, lo) and not _amount_source(ctx, c)
    ]
    cands = [c for c in cands if not _in_anaphor_incise(ctx, anaphors, c, pos)]
    # "L'entreprise à but d'emploi de Pipriac, près de Redon, a récolté": a place named with "de"
    # after the company anaphor says where the company is; the anaphor is the subject.
    cands = [c for c in cands if not (c.ref.label == "LOC" and c.start > lo and _low(doc[c.start - 1]) in {"de", "d'"}
                                      and any(b <= c.start for _, b in anaphors))]
    incises = [(c.end, _incise_close(ctx, c.end, pos)) for c in cands if c.end + 1 < pos and doc[c.end].text == ","]
    # "X, la solution ..., lancée par le groupe Y, devait": an anaphor inside the incise is no subject either.
    anaphors = [sp for sp in anaphors if not any(b is not None and a < sp[0] < b for a, b in incises)]
    cands = [c for c in cands if not _in_relative_incise(ctx, cands, c, pos)]
    companies = [c for c in cands if not _investor_introduced(ctx, c, lo)]
    # "des investisseurs, le fonds de Softbank et d'autres fonds, ont accepté de mettre N": a name
    # introduced as a fund is a giver, never the fallback subject.
    best = companies[-1] if companies else (cands[-1] if cands else None)
    last_ana = max((a for a, _ in anaphors), default=-1)
    pron = next((t for t in doc[lo : best.start] if t.lower_ in {"elle", "il"} and t.pos_ == "PRON" and (
        t.i == lo or doc[t.i - 1].pos_ != "ADP")), None) if best is not None and best.start > lo else None
    if best is not None and pron is not None and doc[best.start - 1].pos_ == "ADP":
        # "X a annoncé qu'elle se désengageait de Z avec 7,5 M$": the pronoun is the subject, the name
        # after a preposition its complement; after "que" the pronoun is the main clause's subject.
        main = [c for c in cands if c.end <= pron.i and not _person(c.ref) and _org_like(c.ref)]
        if pron.i > lo and _low(doc[pron.i - 1]) in {"qu'", "que"} and main:
            return "cand", main[-1]
        return "anaphor", None
    if plural and max(a for a, _ in plural) > (best.start if best else -1):
        return "plural", None
    if plural and best is not None and any(a <= best.start < b for a, b in plural):
        return "plural", None  # "La French Tech a levé": the name is the generic subject itself
    places = set(_cues()["market_place_heads"])
    if plural and best is not None and any(0 <= best.start - b <= 4 and all(
            _low(t) in _LEADING or t.lower_ in places for t in doc[b : best.start]) for _, b in plural):
        return "plural", None  # "les start-up de l'Hexagone / de la région X, qui lèvent": a market, not a company
    if last_ana >= 0 and (best is None or last_ana > best.start):
        # "la start-up Withings": the anaphor right before an actor is an apposition, not a subject.
        ana_end = max(b for a, b in anaphors if a == last_ana)
        nxt = next((c for c in ctx.cands if c.start >= ana_end), None)
        # Only adjectives may sit between ("la start-up lyonnaise X"), not "la start-up fondée par X".
        if nxt is not None and nxt.start - ana_end <= 2 and nxt.start < pos and all(
                t.pos_ == "ADJ" and not t.lower_.endswith(("é", "ée", "és", "ées")) for t in doc[ana_end : nxt.start]):
            return "cand", nxt
        # "X, la start-up fondée par Y, a levé": the anaphor is an apposition of the actor before the comma.
        if last_ana > lo and doc[last_ana - 1].text == ",":
            prev = next((c for c in cands if c.end == last_ana - 1), None)
            if prev is not None and _org_like(prev.ref) and not _person(prev.ref):
                return "cand", prev
        return "anaphor", None
    return ("cand", best) if best else ("none", None)


def _fund_named(ctx: Ctx, cand: Cand, lo: int) -> bool:
    """ "le fonds de X", "le fonds X": a name introduced by the word fonds."""
    doc = ctx.doc
    j = cand.start - 1
    while j >= lo and cand.start - j <= 3 and _low(doc[j]) in {"de", "d'", "du", "des", "le", "la", "l'"}:
        j -= 1
    return j >= lo and cand.start - j <= 4 and doc[j].lower_ == "fonds"


def _in_anaphor_incise(ctx: Ctx, anaphors: list[tuple[int, int]], cand: Cand, pos: int) -> bool:
    """ "La jeune entreprise, née dans un laboratoire du CEA, a levé": a name inside the incise
    between commas right after a subject anaphor is not the subject."""
    doc = ctx.doc
    for _, b in anaphors:
        if b < cand.start < pos and doc[b].pos_ in {"VERB", "AUX"} and "Part" in doc[b].morph.get("VerbForm", []):
            return True  # "La start-up devenue l'un des espoirs de l'IA annonce": a participle's complement
        j = b
        while j < pos and doc[j].pos_ == "ADJ":
            j += 1  # "la start-up lyonnaise, ..."
        if j >= pos or doc[j].text != ",":
            continue
        close = next((i for i in range(j + 1, pos) if doc[i].text == ","), None)
        if close is not None and j < cand.start < close:
            return True
    return False


def _in_relative_incise(ctx: Ctx, cands: list[Cand], cand: Cand, pos: int) -> bool:
    """ "Orbitale, qui conçoit des satellites d'observation de la Terre, annonce", "X, une jeune
    pousse qui a développé un concept de vignettes Y, a annoncé", "X, la solution ..., lancée par le
    groupe Y, devait officialiser": a name inside the incise after the subject name is not the subject."""
    doc = ctx.doc
    for subj in cands:
        j = subj.end
        if subj is cand or j + 1 >= pos or doc[j].text != "," or not subj.end <= cand.start:
            continue
        close = _incise_close(ctx, j, pos)
        if close is not None and j < cand.start < close:
            return True
    return False


def _incise_close(ctx: Ctx, comma: int, pos: int) -> int | None:
    """The comma closing an incise opened at `comma` after a name: a relative clause closes at its
    first comma; an apposition or a participle ("une jeune pousse qui ...", "lancée par ...") at the
    comma followed by the resumed finite verb, never across a coordinated name ("... et Y,")."""
    doc = ctx.doc
    opener = doc[comma + 1]
    if _low(opener) in {"qui", "dont", "que", "qu'"}:
        return next((i for i in range(comma + 2, pos) if doc[i].text == ","), None)
    participle = opener.pos_ in {"VERB", "AUX"} and "Part" in opener.morph.get("VerbForm", [])
    if not (opener.pos_ == "DET" or participle or (opener.is_lower and opener.pos_ == "NOUN")):
        return None
    for i in range(comma + 2, pos):
        if _low(doc[i]) == "et" and any(c.start == i + 1 for c in ctx.cands):
            return None  # "X, société qui ... et Y, une jeune pousse": a second subject, no incise
        if doc[i].text == "," and i + 1 < pos:
            nxt = doc[i + 1]
            if nxt.pos_ in {"VERB", "AUX"} and "Fin" in nxt.morph.get("VerbForm", []):
                return i
    return None


def _amount_source(ctx: Ctx, cand: Cand) -> bool:
    """ "un prêt de 50 000 euros d'Initiative Rennes, ainsi qu'une aide de 200 000 euros": the actor
    after "<amount> de" gives that amount; it is never the subject of a later one."""
    return any(_de_x_after(ctx, am.end, cand.end) is cand for am in ctx.amounts if 1 <= cand.start - am.end <= 3)


def _label_complement(ctx: Ctx, cand: Cand, lo: int) -> bool:
    """ "La startup du Next 40", "la pépite de la French Tech": a programme, index or label after
    "de" describes the anaphor before it; it is never the subject."""
    labels = {normalize_name(n) for n in _cues()["label_names"]}
    nxt = ctx.doc[cand.end].text if cand.end < len(ctx.doc) else ""
    # The NER may leave the number out of the name ("SBF" + "120").
    if normalize_name(cand.ref.name) not in labels and normalize_name(f"{cand.ref.name} {nxt}") not in labels:
        return False
    doc, j = ctx.doc, cand.start
    if j - 1 >= lo and doc[j - 1].is_lower and doc[j - 1].pos_ == "NOUN":
        return True  # "une bourse French Tech", "le programme Next 40": the label names the noun before it
    if _prev_word(doc, j, lo) in {"la", "l'"}:
        j -= 1  # "de la French Tech"
    return _prev_word(doc, j, lo) in {"du", "de", "d'", "des"}


def _plural_spans(ctx: Ctx, lo: int, hi: int) -> list[tuple[int, int]]:
    """Generic subjects of a market total: "les start-up françaises", "le secteur", "14 startups",
    "23 jeunes pousses". A phrase governed by a preposition ("dans le secteur de") is no subject."""
    if hi <= lo:
        return []
    doc = ctx.doc
    spans = [(a, b) for a, b in ctx.cue_spans("generic_plural_subjects", lo, hi)
             if a == lo or doc[a - 1].pos_ != "ADP" and _low(doc[a - 1]) not in _DE_WORDS
             # "pour les start-up de l'Hexagone, qui lèvent": the antecedent of a subject relative
             or any(_low(t) == "qui" for t in doc[b : min(len(doc), b + 6)])
             # "les fonds levés par les fonds de capital-risque": the agent of a funding participle
             or (a >= 2 and _low(doc[a - 1]) == "par" and any(t[1] == a - 2 for t in ctx.triggers))]
    heads = set(_cues()["generic_plural_heads"])
    for tok in doc[lo:hi]:
        # "14 startups ont levé": a count of companies (the first word of "jeunes pousses" may sit between).
        nxt = [t for t in doc[tok.i + 1 : min(hi, tok.i + 3)]]
        if tok.like_num and _low(tok) not in {"un", "une", "1"} and nxt and (_low(nxt[0]) in heads or (len(nxt) > 1 and _low(nxt[1]) in heads and nxt[0].pos_ == "ADJ")):
            if tok.i == lo or doc[tok.i - 1].pos_ != "ADP":
                spans.append((tok.i, tok.i + 2))
    return spans


def _source_zones(ctx: Ctx, s: int, e: int) -> list[tuple[int, int]]:
    """ "selon les estimations de Finscope": the cited source up to the clause end is never a party."""
    out = []
    for a, b in ctx.cue_spans("source_cues", s, e):
        end = next((t.i for t in ctx.doc[b:e] if t.text in {",", ";", ":", "(", ")", "."}), e)
        out.append((a, end))
    return out


def _clause_start(doc: Doc, lo: int, i: int) -> int:
    """Index of the first word of the clause containing token i (after the last comma)."""
    j = i
    while j > lo and doc[j - 1].text not in {",", ":", ";", "("}:
        j -= 1
    while j < i and (doc[j].is_space or doc[j].pos_ in {"CCONJ", "ADV"}):
        j += 1
    return j


def _right_subject(ctx: Ctx, pos: int, e: int, blocked: list[tuple[int, int]]) -> Cand | None:
    """After a fronted adjunct ("Avec 9 M$ levés, X conclut"): an actor followed by its verb."""
    depth = _paren_depth(ctx.doc, pos, e)
    for c in _cands_in(ctx, pos, e):
        if depth[c.start - pos] or _in_spans(c.start, blocked) or _governed_by_place(ctx, c, pos):
            continue
        nxt = [t for t in ctx.doc[c.end : min(e, c.end + 3)] if not t.is_punct]
        if nxt and nxt[0].pos_ in {"VERB", "AUX"}:
            return c
        # ", SiPearl signe ...": right after the comma closing a fronted adjunct (the tagger may miss the verb).
        after_comma = c.start > pos and ctx.doc[c.start - 1].text == ","
        if after_comma and nxt and nxt[0].is_lower and nxt[0].pos_ not in {"ADP", "CCONJ", "DET", "PUNCT"}:
            return c
    return None


def _agent_after(ctx: Ctx, am: AmountAt, e: int) -> Cand | None:
    """ "... de 15 M€ bouclée/réalisée par X": the agent of a participle right after the amount."""
    doc = ctx.doc
    lemmas = set(_cues()["recipient_agent_lemmas"])
    stems = tuple(lem[:-2] for lem in lemmas if lem.endswith(("er", "ir")))
    for i in range(am.end, min(e - 1, am.end + 4)):
        # The tagger often reads a participle as a noun ("bouclée"): accept the verb's stem too.
        participle = doc[i].lemma_ in lemmas or (doc[i].lower_.startswith(stems) and doc[i].lower_[-1:] in "éeés")
        if participle and _low(doc[i + 1]) == "par":
            for j in range(i + 2, min(e, i + 7)):
                if doc[j].text in {",", ".", ";", ":", "("}:
                    return None
                # "2,8 Md€ levés par les start-ups IT": a market, not one company (words of the text:
                # the tokenizer may split "start-ups").
                if set(re.findall(r"[\w-]+", _norm_text(doc[j : j + 3].text))) & set(_cues()["generic_plural_heads"]):
                    return None
                cand = next((c for c in ctx.cands if c.start == j), None)
                if cand is not None:
                    return cand
    return None


def _agent_recipient(ctx: Ctx, am: AmountAt, e: int) -> Cand | None:
    """ "la levée de 15 M€ bouclée par X": the agent receives the money (not for "un investissement
    de 10 M€ réalisé par X", where the agent gives it)."""
    s = next(a for a, b in ctx.sents if a <= am.start < b)
    noun = _deal_noun_before(ctx, am, s)
    if noun is not None and _triggers()[noun[0]].get("de_x") == "investor":
        return None
    return _agent_after(ctx, am, e)


def _de_x_after(ctx: Ctx, pos: int, e: int) -> Cand | None:
    """The actor introduced by "de" right at `pos` ("... de 5 M€ de Quarkslab")."""
    doc = ctx.doc
    if pos >= e or _low(doc[pos]) not in _DE_WORDS:
        return None
    found = next((c for c in ctx.cands if c.start in {pos + 1, pos + 2} and c.end <= e), None)
    if found is None and pos + 3 < e and doc[pos + 1].pos_ == "DET" and doc[pos + 2].lower_ in set(_cues()["giver_nouns"]):
        # "une subvention de 2 M€ de la région Occitanie", "de l'agence publique Innovate UK": a giver named after its kind.
        j = pos + 3
        while j < min(e, pos + 6) and doc[j].pos_ == "ADJ" and doc[j].is_lower:
            j += 1
        if j + 1 < e and _low(doc[j]) in {"de", "d'"}:
            j += 1  # "de la ville de Nantes", "de la métropole de Lyon"
        found = next((c for c in ctx.cands if c.start == j and c.end <= e), None)
    if found is not None:
        found = _past_descriptor(ctx, found, e)
    return found or _named_giver(ctx, pos + 1, e)


def _past_descriptor(ctx: Ctx, cand: Cand, e: int) -> Cand:
    """ "de l'Allemande BioNtech", "de la Health Tech toulousaine Sêmeia": a nationality or a
    capitalised sector word before the company's name describes it; the name follows."""
    doc = ctx.doc
    nations = set(_cues()["nationality_words"])
    if _low(doc[cand.start]) in nations and cand.end - cand.start >= 2:
        span = doc[cand.start + 1 : cand.end]
        return Cand(span.start, span.end, _ref_for_part(doc, span, False))
    j = cand.end
    # Lowercase describing words only; the tagger reads some place adjectives ("toulousaine") as PROPN.
    while j < min(e, cand.end + 2) and doc[j].is_lower and doc[j].is_alpha and doc[j].pos_ in {"ADJ", "PROPN"}:
        j += 1
    if j > cand.end or _low(doc[cand.start]) in nations:
        nxt = next((c for c in ctx.cands if c.start == j and c.end <= e), None)
        if nxt is not None and _org_like(nxt.ref) and not _person(nxt.ref):
            return nxt
    return cand


def _named_giver(ctx: Ctx, i: int, e: int) -> Cand | None:
    """ "de la Région": a capitalised public-giver noun names the article's actor of that kind
    ("Région Occitanie"), or stands alone as the giver's name."""
    doc = ctx.doc
    if i < e and doc[i].pos_ == "DET":
        i += 1
    if i >= e or not doc[i].text[:1].isupper() or doc[i].lower_ not in set(_cues()["giver_nouns"]):
        return None
    word = normalize_name(doc[i].text)
    named = [ent for ent in doc._.entities or [] if normalize_name(ent.name).split(" ")[:1] == [word] and " " in ent.name]
    ref = ActorRef(named[0].name, named[0].label, named[0].key) if len(named) == 1 else ActorRef(doc[i].text, "ORG", None)
    return Cand(i, i + 1, ref)


def _de_x_givers(ctx: Ctx, pos: int, e: int) -> list[Cand]:
    """ "... de 2,2 M€ de la Région et de l'Ademe": every giver of a "de X (et de Y)" chain."""
    out: list[Cand] = []
    cand = _de_x_after(ctx, pos, e)
    while cand is not None:
        out.append(cand)
        nxt = cand.end + 1 if cand.end < e and _low(ctx.doc[cand.end]) in {"et", ","} else None
        cand = _de_x_after(ctx, nxt, e) if nxt is not None else None
    return out


def _givers_between(ctx: Ctx, am: AmountAt, s: int) -> list[Cand]:
    """ "une subvention de la Région de 2 M€", "une aide de Bpifrance de 1,7 M€": an actor after "de"
    between a giving deal noun (de_x investor) and its amount."""
    noun = _deal_noun_before(ctx, am, s)
    if noun is None or _triggers()[noun[0]].get("de_x") != "investor" or noun[2] >= am.start:
        return []
    doc = ctx.doc
    return [c for c in _cands_in(ctx, noun[2], am.start)
            if c.end <= am.start and not _person(c.ref) and _after_de(doc, c.start)]


def _after_de(doc: Doc, start: int) -> bool:
    """The name at `start` is introduced by "de" ("de Bpifrance", "de la Région X")."""
    return _low(doc[start - 1]) in _DE_WORDS or doc[start - 1].pos_ == "DET" and _low(doc[start - 2]) in _DE_WORDS


def _received_from_before(ctx: Ctx, am: AmountAt, s: int) -> list[Cand]:
    """ "X reçoit une Aide à l'innovation de Bpifrance de 1,7 M€": after a receiving verb, the actors
    before the amount name what is received or who gives it; the receiver is the verb's subject."""
    doc = ctx.doc
    lemmas = set(_cues()["receive_lemmas"])
    verb = next((t.i for t in doc[max(s, am.start - 10) : am.start] if t.lemma_ in lemmas and t.pos_ == "VERB"), None)
    if verb is None or not any(c.end <= verb for c in _cands_in(ctx, s, verb)):
        return []
    return [c for c in _cands_in(ctx, verb + 1, am.start) if c.end <= am.start and not _person(c.ref)]


def _avec_partner(ctx: Ctx, am: AmountAt, e: int) -> list[Cand]:
    """ "boucle un financement d'amorçage de 5 M$ avec Sofinnova Partners": an organisation right
    after "avec" that follows the amount funds the deal (not "créée avec X" elsewhere in the sentence)."""
    doc = ctx.doc
    if am.end + 1 >= e or _low(doc[am.end]) != "avec":
        return []
    c = next((c for c in ctx.cands if c.start == am.end + 1 and c.end <= e), None)
    return [c] if c is not None and _org_like(c.ref) and not _person(c.ref) else []


def _received_givers_before(ctx: Ctx, am: AmountAt, s: int) -> list[Cand]:
    """The givers among `_received_from_before`: the actors introduced by "de" ("de la Région X")."""
    doc = ctx.doc
    return [c for c in _received_from_before(ctx, am, s) if _org_like(c.ref) and _after_de(doc, c.start)]


def _deal_noun_before(ctx: Ctx, am: AmountAt, s: int) -> tuple[str, int, int] | None:
    """The deal noun the amount complements ("une levée de 8 M€", "un tour de table à 5 M€")."""
    best = None
    for rid, a, b in ctx.triggers:
        # b may reach the amount's first token: "tour de 20 M€" is matched with its number.
        if _triggers()[rid]["kind"] == "noun" and s <= a < am.start and b <= am.start + 1 and am.start - b <= 4:
            best = (rid, a, b)
    return best


_TARGET_PREPS = {"invest": {"dans", "en", "au", "aux"}, "give": {"à", "au", "aux"}}


def _invest_parts(ctx: Ctx, s: int, e: int, am: AmountAt) -> tuple[Cand | str | None, Cand | str | None, str] | None:
    """ "X a investi N dans Y", "X accorde N à Y": (giver, receiver, trigger id); "anaphor" for pronouns.

    Only a giving verb right before the amount governs it; without a stated receiver the amount is
    dropped (the subject gave the money, it did not receive it).
    """
    doc = ctx.doc
    for rid, a, b in ctx.triggers:
        role = _triggers()[rid].get("role")
        if not s <= a < e or role not in {"fund", "invest", "give"}:
            continue
        listed = role != "fund" and am.start - b > 6 and _listed_after_governed(ctx, b, e, am)
        dative = _dative_between(ctx, role, b, am.start)
        if not (0 <= am.start - _past_incise(ctx, dative.end if dative is not None else b, am.start) <= 6 or listed):
            continue
        if role == "fund":
            if _active_verb(doc[a]):
                return _fund_active(ctx, s, e, rid, a, b)
            continue
        if listed:
            # "alloué 315 M€ à X, 800 millions à Y ou encore 49 M€ pour Z": each later amount of the
            # list names its own receiver right after it.
            prep = next((t.i for t in doc[am.end : min(e, am.end + 2)] if _low(t) in _TARGET_PREPS[role] | {"pour"}), None)
        else:
            prep = next((t.i for t in doc[am.end : e] if _low(t) in _TARGET_PREPS[role]), None)
        rec: Cand | str | None = None
        if prep is not None:
            rec = _target_after(ctx, prep + 1, e)
        if rec is None and dative is not None:
            rec = dative  # "La BEI a accordé à X un prêt de N": the receiver before the amount
        if isinstance(rec, Cand) and prep is not None and _low(doc[prep]) == "en" and rec.ref.label == "LOC":
            rec = "place"  # "a investi 12 Md€ en France": money spent in a country, no company receives it
        if rec is None and role == "give" and _dative_before(ctx, s, a):
            rec = "anaphor"  # "la Commission, qui lui versera une subvention de 6 M€": the company in focus
        kind, inv = _left_scan(ctx, s, a, [])
        investor: Cand | str | None = inv if kind == "cand" else None
        if investor is None:
            investor = _named_head_anaphor(ctx, s, a)
        if investor is None and kind != "cand":
            # "La Région lui a accordé …": a capitalised public-giver noun as subject, even when the
            # recogniser keeps no actor for it.
            investor = _named_giver(ctx, s, a)
        if kind == "plural":
            investor = "plural"  # "les investisseurs ont injecté 100 Md$ dans l'IA": a market total
        elif kind != "cand" and ctx.cue_spans("investor_anaphors", s, a):
            investor = "previous"
        elif kind == "anaphor" and ctx.cue_spans("pronoun_anaphors", s, a):
            investor = "previous_subject"  # "Il a investi 1 M€ dans X": the last organisation subject
        return investor, rec, rid
    return None


def _dative_between(ctx: Ctx, role: str | None, b: int, limit: int) -> Cand | None:
    """ "a accordé à X un prêt de N": the receiver named right after a giving verb, before the amount."""
    doc = ctx.doc
    if role != "give" or b >= limit or _low(doc[b]) not in _TARGET_PREPS["give"]:
        return None
    j = b + 1 + (1 if b + 1 < limit and doc[b + 1].pos_ == "DET" else 0)
    cand = next((c for c in ctx.cands if c.start == j and c.end <= limit), None)
    # the recogniser often takes a one-word company for a place here; only a person never receives
    return cand if cand is not None and not _person(cand.ref) else None


def _past_incise(ctx: Ctx, b: int, limit: int) -> int:
    """ "qui lui a accordé, en avril, un crédit de 25 M€": the position after a short incise between
    commas right after the verb (else `b`), so that the incise does not part the verb from its amount."""
    doc = ctx.doc
    if b >= limit or doc[b].text != ",":
        return b
    close = next((t.i for t in doc[b + 1 : min(limit, b + 6)] if t.text == ","), None)
    return close + 1 if close is not None else b


def _listed_after_governed(ctx: Ctx, b: int, e: int, am: AmountAt) -> bool:
    """ "alloué 315 M€ à X pour …, 800 millions à Y, ou encore 49 M€ pour Z": `am` continues a list
    of amounts whose first item the giving verb ending at `b` governs (a list link right before it,
    no other finite verb in between, a receiver preposition right after it)."""
    doc = ctx.doc
    links = {",", "et", "ou", "encore", "puis", "que", "qu'"}
    if am.start < 1 or _low(doc[am.start - 1]) not in links:
        return False
    first = next((x for x in ctx.amounts if 0 <= x.start - b <= 6), None)
    if first is None or first.start >= am.start:
        return False
    if any(_active_verb_or_aux(t) and t.morph.get("VerbForm", []) == ["Fin"] for t in doc[first.end : am.start]):
        return False
    return any(_low(t) in {"à", "au", "aux", "pour"} for t in doc[am.end : min(e, am.end + 2)])


def _named_head_anaphor(ctx: Ctx, s: int, a: int) -> Cand | None:
    """ "La banque a prêté …" after "la Banque européenne d'investissement": a definite subject noun
    that heads an organisation named earlier in the article is that organisation."""
    doc = ctx.doc
    if a - s < 2 or doc[s].pos_ != "DET" or _low(doc[s]) not in {"la", "le", "l'"}:
        return None
    head = doc[s + 1]
    j = a - 1
    while j > s + 1 and doc[j].pos_ in {"AUX", "ADV"}:
        j -= 1
    # "La banque a prêté N à X et a accordé M à Y": a coordinated verb shares the sentence's subject.
    shared = j > s + 1 and _low(doc[j]) == "et"
    if head.pos_ != "NOUN" or (j > s + 1 and not shared):
        return None
    earlier = [c for c in ctx.cands if c.end <= s and not _person(c.ref)
               and normalize_name(c.ref.name).split()[:1] == [head.lower_]]
    return earlier[-1] if earlier else None


def _dative_before(ctx: Ctx, s: int, verb: int) -> bool:
    """ "qui lui versera", "lui a accordé", "leur a octroyé": a dative clitic before the giving verb
    (auxiliaries and negation may sit between)."""
    j = verb - 1
    while j >= s and (ctx.doc[j].pos_ == "AUX" or _low(ctx.doc[j]) in {"ne", "n'", "pas", "en", "y"}):
        j -= 1
    return j >= s and _low(ctx.doc[j]) in set(_cues()["dative_pronouns"])


def _target_after(ctx: Ctx, start: int, e: int) -> Cand | str | None:
    """The receiver after "dans"/"à": "Anthropic", "la start-up grenobloise Isorg", or an anaphor."""
    doc = ctx.doc
    for i in range(start, min(e, start + 6)):
        # "dans sa nouvelle usine de Rouen": money spent on the subject's own asset, not a company.
        if "Yes" in doc[i].morph.get("Poss", []) or (doc[i].is_lower and doc[i].lower_ in set(_cues()["own_asset_nouns"])):
            return None
        cand = next((c for c in ctx.cands if c.start == i), None)
        if cand is not None:
            return cand  # any label: the NER often reads a young company as a place
        if doc[i].text in {",", ".", ";", ":", "(", ")"} or _active_verb_or_aux(doc[i]):
            break
    if _anaphor_before(ctx, max(0, start - 1), min(e, start + 5)):
        return "anaphor"
    return None


def _active_verb(tok: Token) -> bool:
    """An infinitive or finite verb ("contribuera à financer", "finance"), not a participle."""
    form = tok.morph.get("VerbForm", [])
    if tok.pos_ == "VERB" and form and form[0] == "Part" and tok.i > 0:
        # "a mené", "ont financé": a past participle after "avoir" is an active past tense.
        return tok.nbor(-1).lemma_ == "avoir"
    return tok.pos_ == "VERB" and bool(form) and form[0] in {"Inf", "Fin"}


def _fund_active(ctx: Ctx, s: int, e: int, rid: str, a: int, b: int) -> tuple:
    """ "X finance Y / l'initiative": X gives; Y, or the topic for a common noun object, receives."""
    doc = ctx.doc
    rec: Cand | str | None = next((c for c in ctx.cands if c.start in {b, b + 1} and c.end <= e), None)
    if rec is None and b + 1 < e and doc[b].pos_ == "DET" and doc[b + 1].pos_ == "NOUN":
        rec = "anaphor"
    kind, inv = _left_scan(ctx, s, a, [])
    return (inv if kind == "cand" else None), rec, rid


# ---------------------------------------------------------------- per sentence


def _sentence_triggers(ctx: Ctx, s: int, e: int) -> list[tuple[str, int, int]]:
    return [t for t in ctx.triggers if s <= t[1] < e]


def _heading_subject(ctx: Ctx, s: int, pos: int) -> Cand | None:
    """ "- Brumea (Nantes) : ...", "Calcéo : ...": the one name heading a list item before its colon."""
    doc = ctx.doc
    colon = next((i for i in range(pos - 1, s - 1, -1) if doc[i].text == ":"), None)
    if colon is None:
        return None
    first = next((t.i for t in doc[s:colon] if not (t.is_punct or t.is_space)), None)
    depth = _paren_depth(doc, s, colon + 1)
    names = [c for c in _cands_in(ctx, s, colon) if depth[c.start - s] == 0]
    if len(names) != 1 or names[0].start != first or not (_org_like(names[0].ref) or names[0].ref.label == "MISC"):
        return None
    rest = [t for t in doc[names[0].end : colon] if depth[t.i - s] == 0 and not (t.is_punct or t.is_space)]
    return names[0] if not rest else None


def _heading_amount(ctx: Ctx, si: int) -> bool:
    """ "- Brumea (Nantes) : 1,8 million d'euros ..., auprès de X": a round-up item whose amount follows
    the heading colon, with an investor cue, is a deal without a funding word."""
    s, e = ctx.sents[si]
    for am in ctx.amounts:
        if s < am.start < e and ctx.doc[am.start - 1].text == ":" and _heading_subject(ctx, s, am.start) is not None:
            return bool(ctx.cue_spans("investor_cues", am.end, e)) if am.end < e else False
    return False


def _is_triggered(ctx: Ctx, si: int, trig: list[tuple[str, int, int]]) -> bool:
    """A funding sentence: a trigger, a round-up heading amount, or an ordinal anaphor ("La seconde ...") after one."""
    kinds = {_triggers()[rid]["kind"] for rid, _, _ in trig}
    roles = {_triggers()[rid].get("role") for rid, _, _ in trig if _triggers()[rid]["kind"] == "verb"}
    # "annoncer", "réaliser" are funding verbs only with a deal noun or a round word ("annonce une levée").
    if "noun" in kinds or roles - {"raise_noun"} or ("raise_noun" in roles and "round" in kinds):
        return True
    if _heading_amount(ctx, si):
        return True
    s, e = ctx.sents[si]
    if si > 0 and _ordinal_start(ctx, s, e):
        ps, pe = ctx.sents[si - 1]
        return bool([t for t in _sentence_triggers(ctx, ps, pe) if _triggers()[t[0]]["kind"] != "round"])
    return False


def _ordinal_start(ctx: Ctx, s: int, e: int) -> bool:
    """ "La seconde est intervenue...": an ordinal used as a pronoun at the start of the sentence."""
    for a, b in ctx.cue_spans("ordinal_anaphors", s, min(e, s + 3)):
        if a == s and (b >= e or ctx.doc[b].pos_ not in {"NOUN", "PROPN"}):
            return True
    return False


def _drop(ctx: Ctx, text: str, reason: str) -> None:
    ctx.doc.user_data.setdefault("dropped", []).append(Dropped("funding", text, reason))


def _main_trigger_id(ctx: Ctx, trig: list[tuple[str, int, int]], am: AmountAt | None) -> str:
    non_round = [t for t in trig if _triggers()[t[0]]["kind"] != "round"]
    if not non_round:
        return "trig.anaphor"
    if am is None:
        return non_round[0][0]
    return min(non_round, key=lambda t: abs(t[1] - am.start))[0]


_SERIES_LINKS = {"puis", "et", ","}


def _roundup_tail(ctx: Ctx, si: int, e: int, pairs: list[tuple[AmountAt, Cand]], trig: list) -> list[Draft]:
    """ "celles d'A (95 M€), B (60 millions), C (30 millions) ou D": the last item of a round-up list
    without its amount is a deal too (amount unknown)."""
    doc = ctx.doc
    if len(pairs) < 2:
        return []
    am, _ = max(pairs, key=lambda p: p[0].start)
    close = am.end if am.end < e and doc[am.end].text == ")" else None
    if close is None or close + 2 >= e or _low(doc[close + 1]) not in {"ou", "et", ","}:
        return []
    j = close + 2 if _low(doc[close + 2]) != "encore" else close + 3
    tail = next((c for c in ctx.cands if c.start == j and c.end <= e), None)
    if tail is None or not _org_like(tail.ref) or _person(tail.ref) or (tail.end < e and doc[tail.end].text == "("):
        return []
    return [Draft(tail.ref, si, f"{_main_trigger_id(ctx, trig, None)}+roundup_tail")]


def _paren_open_before(ctx: Ctx, s: int, am: AmountAt) -> int | None:
    """The "(" of the innermost parentheses holding the amount, or None."""
    doc = ctx.doc
    depth = 0
    for i in range(am.start - 1, s - 1, -1):
        if doc[i].text == ")":
            depth += 1
        elif doc[i].text == "(":
            if depth == 0:
                return i if i > s else None
            depth -= 1
    return None


def _investor_share(ctx: Ctx, s: int, am: AmountAt, investors: list[Cand]) -> bool:
    """An amount alone in parentheses right after the first investor named after a cue ("mené par
    ASML (≈ 1,3 Md€)") is that investor's part; in a list ("mené par A, B (90 M€ puis …)") the
    parentheses rather give the round-up item's own deal."""
    doc = ctx.doc
    j = am.start - 1
    approx = set(_cues()["share_approximators"])
    while j > s and (doc[j].text in {"≈", "~"} or _low(doc[j]) in approx):
        j -= 1
    if not (j > s and doc[j].text == "(" and am.end < len(doc) and doc[am.end].text == ")"):
        return False
    return any(c.end == j and c.start > s and _low(doc[c.start - 1]) in {"par", "de", "d'", "du", "des"} for c in investors)


def _roundup_giver(ctx: Ctx, s: int, pairs: list[tuple[AmountAt, Cand]]) -> Cand | None:
    """ "Team for the Planet a validé des apports pour trois startups : A (1,5 M€), B (800 000 €)":
    the subject of a clause about money given, before the list's colon, backs every listed deal."""
    if not pairs:
        return None
    doc = ctx.doc
    first = min(c.start for _, c in pairs)
    colon = next((t.i for t in doc[s:first] if t.text == ":"), None)
    if colon is None:
        return None
    nouns = set(_cues()["giving_nouns"])
    noun = next((t.i for t in doc[s:colon] if t.lower_ in nouns), None)
    if noun is None:
        return None
    subj = [c for c in _cands_in(ctx, s, noun) if _org_like(c.ref) and not _person(c.ref)]
    return subj[0] if subj and subj[0].start <= s + 2 else None


def _roundup_pairs(ctx: Ctx, s: int, e: int, mains: list[AmountAt]) -> list[tuple[AmountAt, Cand]]:
    """ "Reev (3 millions), MerciYanis (2,7 millions)": an amount alone in parentheses after an actor."""
    doc = ctx.doc
    out: list[tuple[AmountAt, Cand]] = []
    if _plural_spans(ctx, s, e):
        return out  # "Les startups ont levé 62 M€, autant que la semaine dernière (56 millions)"
    for am in mains:
        open_at = _paren_open_before(ctx, s, am)
        if open_at is None:
            continue
        if open_at != am.start - 1:
            # "PayFit (90 M€ puis 254 M€ auprès de X)": a later amount of the same parentheses.
            first = next((c for c in _cands_in(ctx, s, open_at) if c.end == open_at), None)
            if first is not None and any(x.start == open_at + 1 for x in mains):
                out.append((am, first))
            continue
        if not (am.end < e and (doc[am.end].text == ")" or _low(doc[am.end]) in _SERIES_LINKS or _backers_follow(ctx, am, e))):
            continue
        prev_amount_end = max((x.end for x in ctx.amounts if s <= x.end <= am.start - 1), default=s)
        cands = [
            c
            for c in _cands_in(ctx, prev_amount_end, am.start - 1)
            if not _governed_by_place(ctx, c, s, "city_prepositions")
        ]
        if cands:
            out.append((am, cands[-1]))
    return out


def _backers_follow(ctx: Ctx, am: AmountAt, e: int) -> bool:
    """ "Fotolia (117 M€ auprès de KKR)", "Planetveo (15 M€ levés auprès d'Iris Capital)": inside the
    parentheses the amount is followed only by its backers (a participle may come first)."""
    doc = ctx.doc
    close = next((t.i for t in doc[am.end : e] if t.text in {")", "("}), None)
    if close is None or doc[close].text != ")":
        return False
    return any(a <= am.end + 1 for a, _ in ctx.cue_spans("investor_cues", am.end, close))


def _distributive_pairs(ctx: Ctx, s: int, e: int, mains: list[AmountAt], blocked: list[tuple[int, int]]) -> list[tuple[AmountAt, Cand]]:
    """ "A et B ont levé respectivement 5 et 3 M€", "... 486 M€ pour la première jeune pousse et 250 M€
    pour la seconde": amounts handed out in order to the coordinated subjects before them."""
    doc, cues = ctx.doc, _cues()
    if not mains:
        return []
    depth = _paren_depth(doc, s, e)
    subjects = [c for c in _cands_in(ctx, s, mains[0].start) if _org_like(c.ref) and not _person(c.ref)
                and not depth[c.start - s] and not _in_spans(c.start, blocked) and not _governed_by_place(ctx, c, s)]
    positions = cues["ordinal_positions"]
    ordinals = []
    for am in mains:
        words = [_low(t) for t in doc[am.end : min(e, am.end + 4)]]
        pos = next((positions[w] for w in words[2:] if w in positions), None) if words[:1] == ["pour"] else None
        ordinals.append(pos)
    ranks = [p for p in ordinals if p is not None]
    if len(ranks) == len(ordinals) and len(subjects) >= max(ranks):
        group = subjects[-max(ranks):]
        return [(am, group[p - 1]) for am, p in zip(mains, ranks)]
    if ctx.has_cue("distributive_cues", s, mains[0].start) and len(mains) >= 2 and len(subjects) >= len(mains):
        return list(zip(mains, subjects[-len(mains):]))
    return []


def _possessor_after(ctx: Ctx, pos: int, e: int) -> Cand | None:
    """The company owning an amount: "de l'assurtech X", "du champion du e-commerce X" at `pos` (a
    preposition, then at most six lowercase descriptor words); never a giver ("de la région X")."""
    doc, cues = ctx.doc, _cues()
    if pos >= e or _low(doc[pos]) not in set(cues["possessor_prepositions"]) | {"pour"}:
        return None
    stop = set(cues["investor_descriptors"]) | set(cues["giver_nouns"])
    if _low(doc[pos]) == "pour":
        stop -= {"groupe"}  # "un prêt de 450 M€ pour la méga-usine du groupe X": X's project
    j, words = pos + 1, 0
    # Up to ten describing words ("pour le fondeur américain de puces électroniques X"); a hyphen
    # glued inside a word ("méga-usine") is no punctuation.
    while j < e and words < 10:
        cand = next((c for c in ctx.cands if c.start == j and c.end <= e), None)
        if cand is not None:
            return cand if _org_like(cand.ref) else None
        tok = doc[j]
        if tok.text == "-" and not doc[j - 1].whitespace_ and not tok.whitespace_:
            j += 1
            continue
        words += 1
        # A noun phrase only: no number, relative pronoun, auxiliary or other preposition ("menée par Y");
        # the tagger reads some place adjectives ("rennaise") as verbs, so verbs are not a stop by themselves.
        bad_adp = tok.pos_ == "ADP" and _low(tok) not in set(cues["possessor_prepositions"]) | {"au", "aux"}
        # "10 M€ pour lancer son réseau IoT": an infinitive or the company's own asset is a purpose, no owner.
        purpose = "Inf" in tok.morph.get("VerbForm", []) or "Yes" in tok.morph.get("Poss", [])
        if not tok.is_lower or tok.is_punct or tok.like_num or tok.pos_ in {"AUX", "PRON", "SCONJ"} or bad_adp or purpose or tok.lower_ in stop:
            return None
        j += 1
    return None


def _possessor_pairs(ctx: Ctx, s: int, e: int, mains: list[AmountAt]) -> list[tuple[AmountAt, Cand]]:
    """ "les 59 M€ du champion du e-commerce X, les 50 millions de l'assurtech Y et de la medtech Z":
    a definite amount followed by its owner is that company's deal, whatever the clause's subject;
    coordinated owners ("et de Z") share the amount."""
    doc = ctx.doc
    out: list[tuple[AmountAt, Cand]] = []
    for am in mains:
        j = am.end + 2 if am.end + 2 < e and _low(doc[am.end]) == "rien" and _low(doc[am.end + 1]) == "que" else am.end
        if j < e and _low(doc[j]) == "pour" and (owner := _possessor_after(ctx, j, e)) is not None:
            out.append((am, owner))  # "dont 500 M€ rien que pour X", "12 M€ pour la fintech X"
            continue
        if am.start - 1 < s or _low(doc[am.start - 1]) not in set(_cues()["possessor_determiners"]):
            continue
        if am.start - 2 >= s and doc[am.start - 2].like_num:
            continue  # "20 des 34 M€ de X ont été injectés": a part of X's money, not X's deal
        start = am.end
        if start + 2 < e and _low(doc[start]) == "en" and doc[start + 1].pos_ == "NOUN" and _low(doc[start + 2]) == "pour":
            start += 2  # "les 80 M€ en finalisation pour la biotech X": a state adjunct, then the owner
        owner = _possessor_after(ctx, start, e)
        while owner is not None:
            out.append((am, owner))
            nxt = owner.end + 1 if owner.end < e and _low(doc[owner.end]) == "et" else None
            owner = _possessor_after(ctx, nxt, e) if nxt is not None else None
    return out


def _paren_list_events(ctx: Ctx, si: int, s: int, e: int) -> list[Draft]:
    """ "trois opérations (Syntony, Carlili et Padam)": one event without amount per actor."""
    doc = ctx.doc
    plural = [
        t for t in _sentence_triggers(ctx, s, e)
        if _triggers()[t[0]]["kind"] == "noun" and doc[t[1]].text.lower().endswith("s")
    ]
    if not plural:
        return []
    out = []
    i = s
    while i < e:
        if doc[i].text != "(":
            i += 1
            continue
        close = next((t.i for t in doc[i:e] if t.text == ")"), e)
        prev = next((c for c in ctx.cands if c.end == i), None)
        inner_amounts = [a for a in ctx.amounts if i < a.start < close]
        if not inner_amounts and i > plural[0][1] and (prev is None or not _person(prev.ref)):
            for c in _walk_list(ctx, i + 1, close, s, e, stop=False):
                if not _governed_by_place(ctx, c, i + 1, "city_prepositions"):
                    out.append(Draft(c.ref, si, f"{plural[0][0]}+paren_list"))
        i = close + 1
    return out


def _recipient_for(ctx: Ctx, si: int, am: AmountAt, blocked: list[tuple[int, int]]) -> tuple[ActorRef | None, str, str]:
    """(recipient, pattern name, why-not) for a main amount of sentence si."""
    s, e = ctx.sents[si]
    agent = _agent_recipient(ctx, am, e)
    if agent is not None:
        return agent.ref, "agent", ""
    owner = _paren_owner(ctx, s, am)
    if owner is not None:
        return owner.ref, "paren_owner", ""
    noun = _deal_noun_before(ctx, am, s)
    if noun is not None and _triggers()[noun[0]].get("de_x") == "recipient":
        dex = _de_x_after(ctx, am.end, e)
        if dex is None and am.end < e and _low(ctx.doc[am.end]) != "pour":
            dex = _possessor_after(ctx, am.end, e)  # "de l'entreprise Pili", "de la jeune pousse X"
        if dex is not None:
            return dex.ref, "noun_de_x", ""
    if noun is None and am.end < e and ctx.doc[am.end].text == ":":
        # "270 M€ : la levée de l'Allemande BioNtech": a figure headed before its deal noun.
        # "N : le montant astronomique du dernier tour de table de l'entreprise X": a few words with
        # no verb and no name may head the deal noun.
        after = next(((rid, a, b) for rid, a, b in ctx.triggers if am.end < a <= am.end + 8 and
                      _triggers()[rid]["kind"] == "noun" and _triggers()[rid].get("de_x") == "recipient"
                      and not any(t.pos_ == "AUX" or "Fin" in t.morph.get("VerbForm", []) for t in ctx.doc[am.end + 1 : a])
                      and not _cands_in(ctx, am.end + 1, a)), None)
        dex = _de_x_after(ctx, after[2], e) if after is not None else None
        if dex is None and after is not None:
            dex = _possessor_after(ctx, after[2], e)  # "… de l'entreprise X"
        if dex is not None:
            return dex.ref, "headed_noun_de_x", ""
    if noun is not None and any(a <= c.start < b for c in _cands_in(ctx, s, noun[1]) for a, b in blocked):
        # "Partech a mené un tour de 20 M€ dans X": the subject leads; the company follows "dans".
        prep = next((t.i for t in ctx.doc[am.end : min(e, am.end + 3)] if _low(t) == "dans"), None)
        target = _target_after(ctx, prep + 1, e) if prep is not None else None
        if isinstance(target, Cand):
            return target.ref, "noun_target", ""
    # "X reçoit une aide de Bpifrance de 1,7 M€": the giver between a giving noun and its amount gives.
    blocked = blocked + [(c.start, c.end) for c in _givers_between(ctx, am, s) + _received_from_before(ctx, am, s)]
    kind, cand = _left_scan(ctx, s, am.start, blocked)
    if kind == "cand" and cand is not None and _fund_named(ctx, cand, s):
        # "des investisseurs, le fonds de Softbank et d'autres fonds, ont accepté de mettre N": a name
        # introduced as a fund is a giver, never the subject that receives.
        kind, cand = "none", None
    if kind == "cand" and cand is not None:
        return cand.ref, "left_subject", ""
    if kind == "plural":
        return None, "", "market total (generic plural subject)"
    head = _heading_subject(ctx, s, am.start) if kind in {"anaphor", "none"} else None
    if head is not None:  # "- Calcéo (Toulouse) : la start-up lève 4 M€": the bullet's name
        return head.ref, "heading", ""
    right = _right_subject(ctx, am.end, e, blocked)
    if right is not None:
        return right.ref, "right_subject", ""
    # "… levé N auprès d'investisseurs … et de deux importantes sociétés de gestion": a plural among
    # the backers is no generic subject.
    backers_from = min((a for a, _ in ctx.cue_spans("investor_cues", am.end, e)), default=e)
    if [sp for sp in _plural_spans(ctx, s, e) if sp[0] < backers_from]:
        return None, "", "market total (generic plural subject)"
    if kind == "none" and _first_person_raiser(ctx, s, am):
        own = _speaker_company(ctx, si, am)
        if own is not None:
            return own, "first_person", ""
        return None, "", "first-person raise without a known company"
    p = s  # "Pourtant, pour X, …": a linking adverb may open the sentence
    while p < am.start and p < s + 3 and (ctx.doc[p].pos_ == "ADV" or ctx.doc[p].text == ","):
        p += 1
    if kind in {"anaphor", "none"} and _low(ctx.doc[p]) == "pour":
        # "Pour Sabella (8 salariés), la start-up quimpéroise …, le bouclage de leur levée de 4,3 M€":
        # the company the sentence is about, named first.
        # "Pour la biotech montpelliéraine X (…), … : l'entreprise … a levé": a describing noun phrase
        # may stand before the name.
        head = next((c for c in ctx.cands if p + 1 <= c.start <= p + 6 and c.end <= am.start and all(
            t.is_lower and t.pos_ in {"DET", "NOUN", "ADJ", "PROPN"} for t in ctx.doc[p + 1 : c.start])), None)
        if head is not None and _org_like(head.ref) and not _person(head.ref):
            return head.ref, "topic_pour", ""
    if kind == "none" and _passive_raise(ctx, am, e) and any(a >= am.end for a, _ in blocked):
        # "En 2009, 1,4 M€ sont levés auprès de XAnge": a subjectless passive raise with its investors
        # is the deal of the company the article is about.
        topic = _topic(ctx, si)
        if topic is not None:
            return topic, "passive_topic", ""
    if kind == "none" and _unknown_relative_antecedent(ctx, s, am):
        return None, "", "relative clause about a name not recognised"
    if kind == "anaphor" or _anaphor_before(ctx, s, e) or _ordinal_start(ctx, s, e) or _deal_noun_start(ctx, s, e, am):
        holder = _ranking_holder(ctx, s, am)
        if holder is not None:
            return holder.ref, "ranking", ""
        topic = _topic(ctx, si)
        if topic is not None:
            return topic, "anaphor", ""
        return None, "", "anaphor without antecedent"
    return None, "", "no recipient"


def _passive_raise(ctx: Ctx, am: AmountAt, e: int) -> bool:
    """ "1,4 M€ sont levés", "2 M€ ont été récoltés": the amount is the subject of a passive raise."""
    doc = ctx.doc
    toks = [t for t in doc[am.end : min(e, am.end + 4)] if t.pos_ != "ADV"]
    parts = set(_cues()["market_participles"])
    return len(toks) >= 2 and toks[0].pos_ == "AUX" and any(t.lower_ in parts for t in toks[1:3])


def _unknown_relative_antecedent(ctx: Ctx, s: int, am: AmountAt) -> bool:
    """ "du retail avec i-Run, qui lève 100 M€": the subject is the word before ", qui", a name the
    recogniser missed; the company of an earlier sentence is not the antecedent."""
    doc = ctx.doc
    for t in doc[max(s + 2, am.start - 4) : am.start]:
        if _low(t) == "qui" and doc[t.i - 1].text == "," and not any(c.end == t.i - 1 for c in ctx.cands):
            prev = doc[t.i - 2]
            return prev.text[:1].isalpha() and prev.text[:1].isupper()
    return False


_ORDINAL_RE = re.compile(r"^\d+(?:e|è|ème|eme|er|re|ère)$")


def _ranking_holder(ctx: Ctx, s: int, am: AmountAt) -> Cand | None:
    """ "La troisième place revient à X, avec un tour de N", "X s'offre la 12e position : la société
    a levé N": in ranking prose the company named with the rank owns the amount."""
    doc, cues = ctx.doc, _cues()
    ranks = set(cues["ranking_nouns"])
    ordinals = set(cues["ordinal_positions"]) | set(cues["ranking_extremes"])
    ranked = any(
        _low(t) in ranks and any(_low(o) in ordinals or _ORDINAL_RE.match(_low(o)) for o in doc[max(s, t.i - 2) : t.i])
        for t in doc[s : am.start]
    )
    if not ranked:
        return None
    depth = _paren_depth(doc, s, am.start + 1)
    owners = [c for c in _cands_in(ctx, s, am.start) if c.end <= am.start and not depth[c.start - s]
              and _org_like(c.ref) and not _person(c.ref)]
    return owners[-1] if owners else None


def _paren_owner(ctx: Ctx, s: int, am: AmountAt) -> Cand | None:
    """ "Back Market (start-up la mieux valorisée …, après une nouvelle levée de fonds de 450 M€ en
    janvier, NDLR)": a deal noun inside parentheses opened right after a company is that company's."""
    doc = ctx.doc
    opener, level = None, 0
    for i in range(am.start - 1, s - 1, -1):  # the innermost "(" still open at the amount
        if doc[i].text == ")":
            level += 1
        elif doc[i].text == "(":
            if level == 0:
                opener = i
                break
            level -= 1
    noun = _deal_noun_before(ctx, am, s)
    if opener is None or opener <= s or noun is None or noun[1] <= opener:
        return None
    owner = next((c for c in ctx.cands if c.end == opener), None)
    return owner if owner is not None and _org_like(owner.ref) and not _person(owner.ref) else None


def _speaker_company(ctx: Ctx, si: int, am: AmountAt) -> ActorRef | None:
    """ "« Nous avons levé 12 M€ », explique X, cofondatrice de Y": the company after "de" in the
    speech tag of the sentence, else the article's main company."""
    s, e = ctx.sents[si]
    doc = ctx.doc
    close = next((t.i for t in doc[am.end : e] if t.text in {"»", "”", '"'}), None)
    if close is not None:
        for c in _cands_in(ctx, close, e):
            if _org_like(c.ref) and not _person(c.ref) and _prev_word(doc, c.start, close) in {"de", "d'", "chez"}:
                return c.ref
    return _main_company(ctx, si)


def _deal_noun_start(ctx: Ctx, s: int, e: int, am: AmountAt) -> bool:
    """ "Un tour de table de 54 M€ qui lui permettra...": a sentence opened by a deal noun phrase
    whose complement is the amount."""
    first = next((t.i for t in ctx.doc[s:e] if not (t.is_space or t.is_punct)), s)
    if ctx.doc[first].pos_ == "DET":
        first += 1
    return any(
        a == first and _triggers()[rid]["kind"] == "noun" and 0 <= am.start - b <= 3
        for rid, a, b in ctx.triggers
    )


def _round_for(ctx: Ctx, s: int, e: int, am: AmountAt | None) -> str | None:
    # Round words after "dont" describe a tranche ("dont 4 millions sous forme de prêt"), not the round.
    block = min((t.i for t in ctx.doc[s:e] if _low(t) in set(_cues()["round_blockers"])), default=e)
    # "Avant cette série C, elle avait obtenu 12 M€": a round named as a time reference is another deal.
    refs = [b for _, b in ctx.cue_spans("round_reference_cues", s, e)]
    rounds = [(rid, a) for rid, a, _ in ctx.triggers
              if s <= a < block and _triggers()[rid].get("round") and not any(0 <= a - b <= 1 for b in refs)]
    if not rounds:
        return None
    ref = am.start if am is not None else s
    noun = _deal_noun_before(ctx, am, s) if am is not None else None
    if noun is not None and _triggers()[noun[0]].get("round") and noun[1] < block:
        return _triggers()[noun[0]]["round"]  # "un prêt d'amorçage de 300 k€": the loan, not the seed word
    if am is not None:
        # A round word belongs to the amount of its own stretch, between the neighbouring amounts.
        others = [x for x in ctx.amounts if s <= x.start < e and x is not am and x.kind == "main"]
        lo = max((x.end for x in others if x.end <= am.start), default=s)
        hi = min((x.start for x in others if x.start >= am.end), default=e)
        rounds = [r for r in rounds if lo <= r[1] < hi]

        depth = _paren_depth(ctx.doc, s, e)

        def dist(x: AmountAt, i: int) -> tuple[int, int]:
            # Commas first: "… de 100 M$, le réseau X a profité de son introduction en bourse pour … 5 M€"
            # gives the IPO word to the amount of its own clause.
            lo_, hi_ = (i, x.start) if i < x.start else (x.end, i)
            commas = sum(1 for t in ctx.doc[lo_:hi_] if t.text == "," and depth[t.i - s] == depth[i - s])
            return commas, x.start - i if i < x.start else max(0, i - x.end)

        # "qui a levé 4 M€ en 2021, boucle une série A de 15 M€": the round word is the next amount's.
        rounds = [r for r in rounds if all(dist(am, r[1]) <= dist(x, r[1]) for x in others)]
        if not rounds:
            return None
    rounds.sort(key=lambda r: abs(r[1] - ref))
    return _triggers()[rounds[0][0]]["round"]


def _date_for(ctx: Ctx, s: int, e: int, anchor: int) -> str | None:
    """The deal date: the sentence's date nearest to the amount (char offset `anchor`), skipping
    founding dates ("fondée en 2016") and "depuis" periods."""
    try:
        from pipeline.extract.dates import find_dates
    except ImportError:  # the dates module lands separately
        return None
    doc = ctx.doc
    lo, hi = doc[s].idx, doc[e - 1].idx + len(doc[e - 1])
    text = doc_text(doc)
    try:
        dates = find_dates(text[lo:hi], doc._.published, base_precision=doc._.published_precision)
    except Exception:  # noqa: BLE001 - a date bug must not lose the event
        return None
    blockers = set(_cues()["date_blockers"])
    # The date belongs to its amount's stretch: "8 M€ en 2019 puis 25 M€ en 2021" (two deals).
    here = next((a for a in ctx.amounts if doc[a.start].idx == anchor), None)
    others = [a for a in ctx.amounts if s <= a.start < e and a is not here and a.kind == "main"]
    if here is not None:
        prev_end = max([a.end for a in others if a.end <= here.start], default=None)
        win_lo = lo
        if prev_end is not None:
            # "... 8 M€ en 2019 puis 25 M€": what follows the previous amount up to the connector is its own.
            conn = [t.i for t in doc[prev_end : here.start] if _low(t) in {"puis", "et", ",", ";", "ensuite", "avant", "après"}]
            cut = doc[conn[-1]] if conn else doc[prev_end - 1]
            win_lo = cut.idx + len(cut)
        win_hi = min([hi] + [doc[a.start].idx for a in others if a.start >= here.end])
    else:
        win_lo, win_hi = lo, hi
    kept = []
    for d in dates:
        if not getattr(d, "iso", None) or not win_lo <= lo + d.start < win_hi:
            continue
        before = _norm_text(text[max(lo, lo + d.start - 40) : lo + d.start]).split()
        if _in_other_parens(text, lo + d.start, anchor, [doc[a.start].idx for a in ctx.amounts]):
            continue  # "Pour X (8 salariés, 1,8 M€ de CA en 2013), … levée de 4,3 M€": that year is the CA's
        own = _norm_text(text[lo + d.start : lo + d.end]).split()
        if any(w in blockers for w in before[-4:]) or own[:1] and own[0] in blockers:
            continue  # "créée à Neuilly en 2020", "depuis 2015", "d'ici 2025" (a target, not the deal)
        kept.append((abs(lo + d.start - anchor), d.iso))
    return min(kept)[1] if kept else None


def _in_other_parens(text: str, pos: int, anchor: int, amount_starts: list[int]) -> bool:
    """The character at `pos` is inside parentheses that hold another amount and not `anchor`."""
    open_at = text.rfind("(", 0, pos)
    if open_at < 0 or text.rfind(")", 0, pos) > open_at:
        return False
    close_at = text.find(")", pos)
    close_at = len(text) if close_at < 0 else close_at
    return not open_at < anchor < close_at and any(open_at < a < close_at for a in amount_starts)


def _add_unique(target: list[ActorRef], refs: list[ActorRef], exclude: ActorRef | None) -> None:
    seen = {normalize_name(r.name) for r in target}
    ex = normalize_name(exclude.name) if exclude else None
    for r in refs:
        k = normalize_name(r.name)
        if k and k not in seen and k != ex:
            seen.add(k)
            target.append(r)


def _sentence(ctx: Ctx, si: int) -> list[Draft]:
    """Events stated in one sentence (and follow-up facts attached to earlier ones)."""
    s, e = ctx.sents[si]
    trig = _sentence_triggers(ctx, s, e)
    amounts = [a for a in ctx.amounts if s <= a.start < e]
    _classify_amounts(ctx, s, e, amounts)
    continuation = not _is_triggered(ctx, si, trig) and _ranking_continuation(ctx, si, amounts)
    if not _is_triggered(ctx, si, trig) and not continuation:
        _follow_up(ctx, si, amounts)
        return []
    investors, leads, inv_spans = _cue_investors(ctx, s, e)
    lead_subj = _lead_subjects(ctx, s, e)
    investors, leads = lead_subj + investors, lead_subj + leads
    inv_spans = inv_spans + [(c.start, c.end) for c in lead_subj]
    for a in amounts:
        if a.kind == "main" and _investor_share(ctx, s, a, investors):
            a.kind = "tranche"  # "un tour mené par ASML (≈ 1,3 Md€)": the lead's own share
    mains = [a for a in amounts if a.kind == "main"]
    for a in amounts:
        if a.kind in {"excluded", "sought", "fund"}:
            _drop(ctx, _sent_text(ctx, si), f"{a.kind} amount: {a.amount.text}")
    drafts: list[Draft] = []
    pairs = _roundup_pairs(ctx, s, e, mains)
    if pairs:
        # "mené par A, B (90 M€ puis 254 M€ ...) et C, ...": the list of investors ends where the
        # round-up of companies with their own amounts begins.
        depth = _paren_depth(ctx.doc, s, e)
        first = min(c.start for _, c in pairs)
        keep = [c for c in investors if c.start < first or depth[c.start - s] > 0]
        investors, leads = keep, [c for c in leads if c in keep]
        inv_spans = [(a, min(b, first)) if a < first else (a, b) for a, b in inv_spans]
    dist = [] if pairs else _distributive_pairs(ctx, s, e, mains, inv_spans)
    owned = [(a, c) for a, c in _possessor_pairs(ctx, s, e, mains) if id(a) not in {id(x) for x, _ in pairs + dist}]
    paired = {id(a) for a, _ in pairs + dist + owned}
    giver = _roundup_giver(ctx, s, pairs)
    for am, cand in pairs:
        drafts.append(Draft(cand.ref, si, f"{_main_trigger_id(ctx, trig, am)}+roundup_paren", am))
        if giver is not None and giver.ref != cand.ref:
            drafts[-1].investors.append(giver.ref)
    drafts.extend(_roundup_tail(ctx, si, e, pairs, trig))
    for am, cand in dist:
        drafts.append(Draft(cand.ref, si, f"{_main_trigger_id(ctx, trig, am)}+distributive", am))
    for am, cand in owned:
        drafts.append(Draft(cand.ref, si, f"{_main_trigger_id(ctx, trig, am)}+possessor", am))
    drafts.extend(_paren_list_events(ctx, si, s, e))
    for am in mains:
        if id(am) in paired:
            continue
        drafts.extend(_amount_events(ctx, si, am, trig, inv_spans))
    if not mains:
        drafts.extend(_no_amount_events(ctx, si, trig, inv_spans))
    have = {normalize_name(d.recipient.name) for d in drafts}
    drafts.extend(d for d in _named_deal_lists(ctx, si, s, e, trig) if normalize_name(d.recipient.name) not in have)
    if continuation:
        for d in drafts:
            d.rule_id = d.rule_id.replace("trig.anaphor", "trig.ranking_avec", 1)
    if _truncated(ctx, si) and drafts:
        # A web excerpt cut mid-sentence: keep the events whose amount is followed by more words
        # (the amount and its recipient were read whole); drop those the cut may have shortened.
        kept = [d for d in drafts if d.amount is not None and e - d.amount.end >= 2]
        if len(kept) < len(drafts):
            _drop(ctx, _sent_text(ctx, si), "sentence cut off at the end of the text")
        drafts = kept
    if not drafts and mains:
        givers = [g for m in mains for g in _noun_givers(ctx, m, s, e) + _par_giver(ctx, m, e)]
        _tranche_follow_up(ctx, si, mains, investors + givers)
    if _breakdown_of_previous(ctx, si, drafts, investors):
        return []
    _attach(ctx, si, drafts, amounts, investors, leads, trig)
    _join_pending(ctx, si, drafts)
    if not mains:
        if not drafts and investors:
            ctx.pending = (si, [c.ref for c in investors], [c.ref for c in leads], _round_for(ctx, s, e, None))
        _follow_up(ctx, si, amounts)
    return drafts


def _join_pending(ctx: Ctx, si: int, drafts: list[Draft]) -> None:
    """ "X a réalisé une extension de sa levée d'amorçage, en faisant entrer le fonds Y. L'opération,
    d'un montant de 6 M$, ...": the deal anaphor opening the sentence takes the facts stated just before."""
    pending, ctx.pending = ctx.pending, None
    s, e = ctx.sents[si]
    if pending is None or pending[0] != si - 1 or len(drafts) != 1 or drafts[0].amount is None:
        return
    if not any(a == s or a == _clause_start(ctx.doc, s, a) == s for a, _ in ctx.cue_spans("deal_anaphors", s, min(e, s + 4))):
        return
    d = drafts[0]
    _add_unique(d.investors, pending[1], d.recipient)
    _add_unique(d.leads, pending[2], d.recipient)
    d.round = d.round or pending[3]


def _breakdown_of_previous(ctx: Ctx, si: int, drafts: list[Draft], investors: list[Cand]) -> bool:
    """ "X a bouclé 2 M€. Le montage associe un prêt de 1,2 M€ de A, une subvention de 300 000 € de B et
    500 000 € de particuliers": amounts that add up to the deal just reported are its parts, not new
    deals; their givers join it."""
    amounts = [d.amount for d in drafts if d.amount is not None and d.amount.amount.value]
    target = _last_focus_event(ctx, si)
    if len(amounts) < 2 or target is None or target.amount is None or not target.amount.amount.value:
        return False
    total = target.amount.amount.value
    if not 0 < si - target.sent <= 2 or abs(sum(a.amount.value for a in amounts) - total) > 0.02 * total:
        return False
    refs = [c.ref for c in investors] + [r for d in drafts for r in d.investors]
    _add_unique(target.investors, refs, target.recipient)
    _drop(ctx, _sent_text(ctx, si), "parts of the deal reported just before")
    return True


def _tranche_follow_up(ctx: Ctx, si: int, mains: list[AmountAt], investors: list[Cand]) -> None:
    """ "X a sécurisé 5 M€. Une enveloppe de 3 M€ a été apportée par A et B": an amount without its own
    recipient, no larger than the deal just reported, is a part of it; its givers join that deal."""
    target = _last_focus_event(ctx, si)
    if target is None or target.amount is None or si - target.sent > 1 or not target.amount.amount.value:
        return
    if investors and all(m.amount.value and m.amount.value <= target.amount.amount.value for m in mains):
        _add_unique(target.investors, [c.ref for c in investors], target.recipient)


def _noun_givers(ctx: Ctx, am: AmountAt, s: int, e: int) -> list[Cand]:
    """ "un prêt de 1 M€ du Crédit Mutuel": the givers named after a giver-type deal noun's amount."""
    noun = _deal_noun_before(ctx, am, s)
    if noun is None or _triggers()[noun[0]].get("de_x") != "investor":
        return []
    return _de_x_givers(ctx, am.end, e)


def _par_giver(ctx: Ctx, am: AmountAt, e: int) -> list[Cand]:
    """ "un investissement en fonds propres à hauteur de 2,7 M€ par le fonds X": the actor right
    after "par" that follows a part of the deal gave that part."""
    doc = ctx.doc
    if am.end >= e or _low(doc[am.end]) != "par":
        return []
    j = am.end + 1 + (1 if am.end + 1 < e and doc[am.end + 1].pos_ == "DET" else 0)
    return [c for c in ctx.cands if c.start == j and not _person(c.ref)]


def _ranking_continuation(ctx: Ctx, si: int, amounts: list[AmountAt]) -> bool:
    """ "Vient ensuite X, avec 12 M€": in a round-up (a deal reported in the two sentences before),
    an actor followed by "avec <amount>" continues the ranking without a funding word."""
    if not any(d.amount is not None and 0 < si - d.sent <= 2 for d in ctx.drafts):
        return False
    doc = ctx.doc
    s, _ = ctx.sents[si]
    for am in amounts:
        if am.kind == "main" and am.start - 1 >= s and _low(doc[am.start - 1]) == "avec":
            if any(c.end <= am.start - 1 for c in _cands_in(ctx, s, am.start)):
                return True
    return False


def _truncated(ctx: Ctx, si: int) -> bool:
    """The last sentence of an excerpt cut mid-sentence ("... 1,1 million d'euro"): unreliable."""
    s, e = ctx.sents[si]
    last = ctx.doc[e - 1]
    return si == len(ctx.sents) - 1 and last.text not in _TERMINAL | {")", "»", '"', "”"} and not last.text.endswith(".")


def _amount_events(ctx: Ctx, si: int, am: AmountAt, trig: list, inv_spans: list) -> list[Draft]:
    s, e = ctx.sents[si]
    tid = _main_trigger_id(ctx, trig, am)
    inv = _invest_parts(ctx, s, e, am)
    if inv is not None:
        investor, rec, rid = inv
        if investor == "plural":
            _drop(ctx, _sent_text(ctx, si), "market total (generic plural subject)")
            return []
        if rec == "place":
            _drop(ctx, _sent_text(ctx, si), "market total (money spent in a place)")
            return []
        ref = _topic(ctx, si) if rec == "anaphor" else rec.ref if isinstance(rec, Cand) else None
        if ref is None:
            # "X est entrée au capital de Y en 2021, en investissant N": the capital names the receiver.
            entry = _capital_entry(ctx, si, am)
            if entry is not None:
                d = Draft(entry[0], si, f"{tid}+capital_entry", am)
                _add_unique(d.investors, [c.ref for c in entry[1]], entry[0])
                return [d]
            _drop(ctx, _sent_text(ctx, si), "investment without recipient")
            return []
        role = _triggers()[rid].get("role")
        d = Draft(ref, si, f"{rid}+{role}_target", am)
        if isinstance(investor, Cand) and _person(investor.ref) and _after_agent(ctx, s, investor):
            # "Le fonds fondé par Y vient d'investir N dans Z": Y founded the investor; the fund
            # is the organisation subject just before.
            investor = "previous_subject"
        if isinstance(investor, Cand):
            d.investors.append(investor.ref)
            # "investment" only for a direct investment stated with its investor ("X a investi N dans Y").
            d.round = "investment" if role == "invest" else None
        elif investor == "previous_subject" and si > 0:
            subj = _previous_org_subject(ctx, si)
            if subj is not None and normalize_name(subj.name) != normalize_name(ref.name):
                d.investors.append(subj)
                d.round = "investment" if role == "invest" else None
        elif investor == "previous" and si > 0:
            ps, pe = ctx.sents[si - 1]
            prev = _cands_in(ctx, ps, pe)
            if prev:
                d.investors.append(prev[-1].ref)
                d.round = "investment" if role == "invest" else None
        return [d]
    entry = _capital_entry(ctx, si, am)
    if entry is not None:
        d = Draft(entry[0], si, f"{tid}+capital_entry", am)
        _add_unique(d.investors, [c.ref for c in entry[1]], entry[0])
        return [d]
    ref, pattern, why = _recipient_for(ctx, si, am, inv_spans)
    if ref is not None and am.amount.value is None and pattern in {"right_subject", "anaphor"}:
        ref, why = None, "vague amount without a stated recipient"
    if ref is not None and not _recipient_like(ref, pattern) and not _quoted_backed_name(ctx, si, ref):
        why = f"recipient is not an organisation ({ref.label} {ref.name})"
        ref = None
    if ref is None:
        _drop(ctx, _sent_text(ctx, si), f"{why}: {am.amount.text}")
        return []
    lender = None
    if pattern == "left_subject":
        ref, lender = _coordinated_lender(ctx, si, am, ref)
    out = [Draft(ref, si, f"{tid}+{pattern}", am)]
    if lender is not None:
        out[0].investors.append(lender)  # "La BEI et X ont signé un accord de prêt de N"
        out[0].round = "debt" if any("pret" in rid or "debt" in rid for rid, a, _ in ctx.triggers if s <= a < e) else None
    # "X vient de recevoir 4,5 M€ de Team for the Planet", "… de la Région et de Bpifrance"
    _add_unique(out[0].investors, [g.ref for g in _receive_givers(ctx, s, e, am)], ref)
    noun = _deal_noun_before(ctx, am, s)
    if noun is not None and _triggers()[noun[0]].get("de_x") == "investor":
        # "une subvention de 2 M€ de la Région X", "l'investissement de 10 M€ réalisé par X"
        givers = _de_x_givers(ctx, am.end, e) or [g for g in [_agent_after(ctx, am, e)] if g is not None]
        givers = _givers_between(ctx, am, s) + givers
        _add_unique(out[0].investors, [g.ref for g in givers], ref)
    _add_unique(out[0].investors, [g.ref for g in _received_givers_before(ctx, am, s)], ref)
    _add_unique(out[0].investors, [g.ref for g in _avec_partner(ctx, am, e)], ref)
    if pattern == "left_subject" and ctx.doc[s:e].text.lower().find("chacun") >= 0:
        # "X et Y ont chacun levé 4 M€": one event each.
        for c in _cands_in(ctx, s, am.start):
            if c.ref != ref and c.end < am.start and ctx.doc[c.end].lower_ == "et":
                out.append(Draft(c.ref, si, f"{tid}+coordinated_each", am))
    return out


def _lender(ref: ActorRef) -> bool:
    """A bank, a fund or a public lender by its name ("Banque européenne d'investissement", "BEI")."""
    words = normalize_name(ref.name).split()
    return bool(words) and words[0] in set(_cues()["lender_name_heads"])


def _coordinated_lender(ctx: Ctx, si: int, am: AmountAt, ref: ActorRef) -> tuple[ActorRef, ActorRef | None]:
    """ "La BEI et X ont signé un contrat de financement de N", "X et la BEI annoncent un accord de prêt":
    of two coordinated subjects, the lender by name gives and the other organisation receives."""
    s, _ = ctx.sents[si]
    cands = _cands_in(ctx, s, am.start)
    where = [i for i, c in enumerate(cands) if c.ref == ref]
    if not where or not any(_triggers()[rid]["kind"] in {"noun", "round"} for rid, a, _ in ctx.triggers if s <= a < am.start):
        return ref, None

    def joined(x: Cand, y: Cand) -> bool:  # "A et la B": a determiner may open the second name
        between = [_low(t) for t in ctx.doc[x.end : y.start]]
        return "et" in between and set(between) <= {"et", "la", "le", "l'", "les"}

    for a, b in [p for idx in where for p in ((idx - 1, idx), (idx, idx + 1))]:
        if a < 0 or b >= len(cands) or not joined(cands[a], cands[b]):
            continue
        # Exactly two coordinated names ("A, B et C" may be co-borrowers or a list of backers).
        if (a > 0 and _coordinated(ctx, cands[a - 1], cands[a])) or (b + 1 < len(cands) and joined(cands[b], cands[b + 1])):
            return ref, None
        x, y = cands[a].ref, cands[b].ref
        if _lender(x) == _lender(y):
            return ref, None
        giver, taker = (x, y) if _lender(x) else (y, x)
        if _person(taker) or not _org_like(taker):
            return ref, None
        return taker, giver
    return ref, None


def _capital_entry(ctx: Ctx, si: int, am: AmountAt) -> tuple[ActorRef, list[Cand]] | None:
    """ "A et B sont entrés au capital de X à hauteur de N", "… : A et B sont entrés dans son capital
    pour N", "A prend une participation de N dans X": the subjects invest, the company of the capital
    (named after "de"/"dans", else the possessive's organisation) receives."""
    doc = ctx.doc
    s, e = ctx.sents[si]
    objects = set(_cues()["capital_entry_objects"])
    verb = next((t for t in doc[s : am.start] if t.lemma_ in set(_cues()["capital_entry_lemmas"]) and t.pos_ in {"VERB", "AUX"}
                 and any(x.lower_ in objects for x in doc[t.i + 1 : min(am.start + 1, t.i + 5)])), None)
    if verb is None:
        return None
    obj = next(x for x in doc[verb.i + 1 : min(e, verb.i + 5)] if x.lower_ in objects)
    lo = max([t.i + 1 for t in doc[s : verb.i] if t.text in {":", ";"}] + [s])
    backers = [c for c in _walk_list(ctx, lo, verb.i, s, e, stop=False) if _org_like(c.ref) or _person(c.ref)]
    depth = _paren_depth(doc, s, e)
    comma = max((t.i for t in doc[lo : verb.i] if t.text == "," and not depth[t.i - s]), default=None)
    if not backers and comma is not None:
        # "Pour rappel, la société X est entrée au capital de Y": an opening adverbial is no backer list.
        backers = [c for c in _walk_list(ctx, comma + 1, verb.i, s, e, stop=False) if _org_like(c.ref) or _person(c.ref)]
    if not backers:
        return None
    target = None
    for at in (obj.i + 1, am.end):  # "au capital de X", "une participation de N dans X"
        if at < e and _low(doc[at]) in {"de", "d'", "du", "dans"}:
            target = next((c for c in ctx.cands if at < c.start <= at + 3 and c.end <= e), None)
            if target is not None and not any(x.start <= target.start < x.end for x in ctx.amounts):
                break
            target = None
    if target is not None:
        return (target.ref, backers) if _org_like(target.ref) and not _person(target.ref) else None
    if any(_low(x) in {"son", "sa", "leur"} for x in doc[verb.i + 1 : obj.i]):
        # "Withings décroche le ticket : A et B sont entrés dans son capital": the company named before.
        owner = next((c for c in _cands_in(ctx, s, lo) if _org_like(c.ref) and not _person(c.ref)), None)
        ref = owner.ref if owner is not None else _topic(ctx, si)
        return (ref, backers) if ref is not None else None
    return None


def _receive_givers(ctx: Ctx, s: int, e: int, am: AmountAt) -> list[Cand]:
    """The givers after a receiving verb's amount: "recevoir 2 M€ de la Région et de Bpifrance"."""
    first = _receive_giver(ctx, s, e, am)
    if first is None:
        return []
    out = [first]
    while out[-1].end + 1 < e and _low(ctx.doc[out[-1].end]) in {"et", ","}:
        nxt = _de_x_after(ctx, out[-1].end + 1, e)
        if nxt is None or not _org_like(nxt.ref) or _person(nxt.ref):
            break
        out.append(nxt)
    return out


def _receive_giver(ctx: Ctx, s: int, e: int, am: AmountAt) -> Cand | None:
    """The giver after a receiving verb's amount: "recevoir 4,5 M€ de X", "obtenir 2 M€ de la part de X"."""
    doc = ctx.doc
    lemmas = set(_cues()["receive_lemmas"])
    if not any(doc[a].lemma_ in lemmas and 0 <= am.start - b <= 3 for rid, a, b in ctx.triggers if s <= a < am.start):
        return None
    pos = am.end
    if ctx.has_cue("giver_intro_cues", pos, min(e, pos + 3)):
        pos = max(b for _, b in ctx.cue_spans("giver_intro_cues", pos, min(e, pos + 3))) - 1
    giver = _de_x_after(ctx, pos, e)
    return giver if giver is not None and _org_like(giver.ref) and not _person(giver.ref) else None


def _quoted_backed_name(ctx: Ctx, si: int, ref: ActorRef) -> bool:
    """ "« Providis » a récolté N auprès de X": a name set in quotation marks is tagged MISC (a title,
    a product), but one whose raise names its backers in the same sentence is a company."""
    s, e = ctx.sents[si]
    doc = ctx.doc
    if ref.label != "MISC" or not ctx.cue_spans("investor_cues", s, e):
        return False
    key = normalize_name(ref.name)
    return any(normalize_name(c.ref.name) == key and c.start > s and doc[c.start - 1].text in {"«", "“", '"'}
               and c.end < e and doc[c.end].text in {"»", "”", '"'} for c in _cands_in(ctx, s, e))


def _sector_noun(ref: ActorRef) -> bool:
    """ "35,1 millions d'euros pour les Biotechs": a sector (a plural -s allowed) names a market's
    total, never a company's deal."""
    key = normalize_name(ref.name)
    sectors = {normalize_name(n) for n in _cues()["sector_nouns"]}
    return key in sectors or (key.endswith("s") and key[:-1] in sectors)


def _recipient_like(ref: ActorRef, pattern: str) -> bool:
    """An event, a disease or a crisis ("le Covid-19", "la crise") never receives money; a subject
    tagged MISC (a product, an event) is no company either. Names after a funding noun
    ("la levée de X") keep any label: the NER often mistypes young companies there."""
    key = normalize_name(ref.name)
    if key in {normalize_name(n) for n in _cues()["non_recipient_names"]}:
        return False
    if _sector_noun(ref):
        return False
    return not (ref.label == "MISC" and pattern in {"left_subject", "right_subject"})


def _previous_org_subject(ctx: Ctx, si: int) -> ActorRef | None:
    """The first organisation of the previous sentence outside places and parentheses (its subject)."""
    s, e = ctx.sents[si - 1]
    depth = _paren_depth(ctx.doc, s, e)
    for c in _cands_in(ctx, s, e):
        if _org_like(c.ref) and not _person(c.ref) and not depth[c.start - s] and not _governed_by_place(ctx, c, s):
            return c.ref
    return None


def _named_deal_lists(ctx: Ctx, si: int, s: int, e: int, trig: list) -> list[Draft]:
    """ "grâce aux opérations de Limflow et Infimed", "la belle levée de Karos, mais aussi celle de
    My Sam": companies named after a deal noun without an amount of their own get an event without
    amount (it joins the same company's event with an amount of the article, if any)."""
    doc = ctx.doc
    out: list[Draft] = []
    for rid, a, b in trig:
        row = _triggers()[rid]
        if row["kind"] != "noun" or row.get("de_x") != "recipient" or any(x.start == b + 1 for x in ctx.amounts):
            continue
        plural = doc[a].text.lower().endswith("s")
        names: list[Cand] = []
        cand = _de_x_after(ctx, b, e) if plural else None
        while cand is not None:  # "des opérations de A, B et C" / "de A et de B"
            names.append(cand)
            j = cand.end + 1 if cand.end < e and _low(doc[cand.end]) in {"et", ","} else None
            cand = None if j is None else _de_x_after(ctx, j, e) or next((c for c in ctx.cands if c.start == j and c.end <= e), None)
        pronoun = "celle" if "Fem" in doc[a].morph.get("Gender", []) else "celui"
        if not plural and _de_x_after(ctx, b, e) is not None:
            # "la levée de X, mais aussi celle de Y": the pronoun repeats the deal noun.
            for t in doc[b:e]:
                if t.lower_ == pronoun and t.i + 1 < e:
                    nxt = _de_x_after(ctx, t.i + 1, e)
                    if nxt is not None:
                        names.append(nxt)
        backers = {normalize_name(r.name) for d in ctx.drafts for r in d.investors}
        out.extend(Draft(c.ref, si, f"{rid}+noun_de_x_list") for c in names if _org_like(c.ref) and not _person(c.ref)
                   and normalize_name(c.ref.name) not in backers and not _investor_introduced(ctx, c, s))
    return out


def _no_amount_events(ctx: Ctx, si: int, trig: list, inv_spans: list) -> list[Draft]:
    """ "la dernière levée de fonds de X": an event without amount; else only move the focus."""
    s, e = ctx.sents[si]
    out = []
    for rid, a, b in trig:
        row = _triggers()[rid]
        if row["kind"] == "noun" and row.get("de_x") == "recipient":
            dex = _de_x_after(ctx, b, e)
            if dex is not None and not ctx.doc[a].text.lower().endswith("s"):
                out.append(Draft(dex.ref, si, f"{rid}+noun_de_x"))
    follow_up_like = bool(ctx.cue_spans("participation_phrases", s, e) or ctx.cue_spans("investor_cues", s, e)) or any(
        t.lemma_ in set(_cues()["participation_lemmas"]) or _participation_verb(t) for t in ctx.doc[s:e]
    )
    # "X pilote ce tour de table", "Le tour de table comprend A et B": about the deal just reported.
    follow_up_like = follow_up_like or bool(_lead_subjects(ctx, s, e) or _composition_list(ctx, s, e))
    if not out:
        for rid, a, _ in sorted(trig, key=lambda t: _triggers()[t[0]]["kind"] != "verb"):
            if _triggers()[rid]["kind"] == "round":
                continue
            kind, cand = _left_scan(ctx, s, a, inv_spans)
            if kind == "cand" and cand is not None:
                if not follow_up_like:  # "X, Y et Z ont participé à l'opération": X is an investor
                    ctx.focus, ctx.focus_sent = cand.ref, si
                break
            if kind == "anaphor":
                # "La société a réalisé une extension de sa levée": the antecedent is now the focus.
                topic = _topic(ctx, si)
                if topic is not None:
                    ctx.focus, ctx.focus_sent = topic, si
                break
    return out


def _attach(ctx: Ctx, si: int, drafts: list[Draft], amounts: list[AmountAt], investors: list[Cand],
            leads: list[Cand], trig: list) -> None:
    """Investors, leads, round, valuation and date of the sentence's events."""
    s, e = ctx.sents[si]
    mains = [d.amount for d in drafts if d.amount is not None]
    tranche = _tranche_investors(ctx, s, e, mains)
    valuations = [a for a in amounts if a.kind == "valuation" and a.amount.value]
    conversions = [a for a in amounts if a.kind == "conversion"]
    with_amount = [(d, d.amount) for d in drafts if d.amount is not None]
    for d in drafts:
        if d.amount is None:
            continue
        if len(with_amount) == 1:
            _add_unique(d.investors, [c.ref for c in investors + tranche], d.recipient)
            _add_unique(d.leads, [c.ref for c in leads], d.recipient)
        else:
            # Several deals in one sentence: each investor goes to the deal whose amount is nearest.
            def mine(c: Cand, d: Draft = d) -> bool:
                return min(with_amount, key=lambda x: _investor_distance(ctx, s, e, x[1], c))[0] is d

            _add_unique(d.investors, [c.ref for c in investors + tranche if mine(c)], d.recipient)
            _add_unique(d.leads, [c.ref for c in leads if mine(c)], d.recipient)
        d.round = d.round or _round_for(ctx, s, e, d.amount)
        d.date = _date_for(ctx, s, e, ctx.doc[d.amount.start].idx)
        if valuations and len(with_amount) == 1:
            d.valuation = valuations[0].amount.value
        d.extra_text = [c.amount.text for c in conversions if c.start > d.amount.end]
    for d in drafts:
        ctx.focus, ctx.focus_sent = d.recipient, si
    if not drafts and valuations:
        _attach_valuation(ctx, si, valuations[0])


def _investor_distance(ctx: Ctx, s: int, e: int, am: AmountAt, c: Cand) -> tuple[int, int, int]:
    """How far an investor is from a deal's amount: parentheses apart first ("A (90 M€ auprès de X)"
    keeps X inside), then the commas between them ("580 M€ mené par X, B (90 M€ …)": X is the
    580 M€'s), then the distance in words."""
    depth = _paren_depth(ctx.doc, s, e)
    lo, hi = (am.end, c.start) if c.start >= am.end else (c.end, am.start)
    # "A (15 M€ auprès de X et Y), puis B (12 M€ auprès de Z)": two parentheses at the same depth
    # still keep their backers apart.
    apart = int(depth[am.start - s] != depth[c.start - s] or any(t.text in {"(", ")"} for t in ctx.doc[lo:hi]))
    commas = sum(1 for t in ctx.doc[lo:hi] if t.text == "," and depth[t.i - s] == depth[c.start - s])
    return apart, commas, abs(am.start - c.start)


def _attach_valuation(ctx: Ctx, si: int, val: AmountAt) -> None:
    """A valuation in a follow-up sentence ("En bouclant ce tour de table, elle sera valorisée à")."""
    last = _last_focus_event(ctx, si)
    if last is not None and last.valuation is None and _own_valuation(ctx, si, val, last):
        last.valuation = val.amount.value


def _own_valuation(ctx: Ctx, si: int, val: AmountAt, target: Draft) -> bool:
    """A valuation in a later sentence belongs to the deal just reported only when a valuation word
    states it ("valorisée", not "un plan estimé à") and its subject is that company or an anaphor
    ("Son concurrent X est valorisé 6 Md€" is another company's)."""
    s, _ = ctx.sents[si]
    stems = tuple(_cues()["own_valuation_stems"])
    if not any(t.lower_.startswith(stems) for t in ctx.doc[max(s, val.start - 8) : val.start]):
        return False
    kind, cand = _left_scan(ctx, s, val.start, [])
    if kind == "cand" and cand is not None:
        return normalize_name(cand.ref.name) == normalize_name(target.recipient.name)
    return kind == "anaphor"


def _last_focus_event(ctx: Ctx, si: int, max_gap: int = 10) -> Draft | None:
    for d in reversed(ctx.drafts):
        if d.amount is not None and si - d.sent <= max_gap:
            if ctx.focus is None or normalize_name(d.recipient.name) == normalize_name(ctx.focus.name):
                return _current_round(ctx, d)
            return None
    return None


def _pluperfect(ctx: Ctx, si: int) -> bool:
    """ "qui avait permis de récolter 56 M$": the sentence tells an earlier round (pluperfect)."""
    s, e = ctx.sents[si]
    return any(t.pos_ == "AUX" and t.lemma_ in {"avoir", "être"} and "Imp" in t.morph.get("Tense", [])
               and any(_participle(x) for x in ctx.doc[t.i + 1 : min(e, t.i + 4)])
               for t in ctx.doc[s:e])


def _participle(tok: Token) -> bool:
    """A past participle, also one the tagger read as an infinitive ("avait déjà collecté")."""
    return "Part" in tok.morph.get("VerbForm", []) or (tok.pos_ == "VERB" and tok.lower_.endswith(("é", "ée", "és", "ées")))


def _current_round(ctx: Ctx, d: Draft, max_gap: int = 3) -> Draft:
    """Investors named after an earlier round told in passing ("le tour entamé en 2019, qui avait
    permis de récolter 56 M$") join the company's current deal reported before it; after another
    company's past round cited for comparison ("le précédent record, qui avait permis à Y de lever
    N") they join the deal the article reports, told at most `max_gap` sentences before."""
    if not _pluperfect(ctx, d.sent):
        return d
    key = normalize_name(d.recipient.name)
    current = [x for x in ctx.drafts if x is not d and x.amount is not None and x.sent < d.sent
               and not _pluperfect(ctx, x.sent)]
    same = [x for x in current if normalize_name(x.recipient.name) == key]
    other = [x for x in current if d.sent - x.sent <= max_gap]
    return same[-1] if same else other[-1] if other else d


def _follow_up_round(ctx: Ctx, si: int, target: Draft) -> None:
    """ "C'est la seule startup du podium qui a bouclé une levée de série A": the round of the deal
    just reported, when the next sentence names a round and no other company."""
    s, e = ctx.sents[si]
    key = normalize_name(target.recipient.name)
    told = max([d.sent for d in ctx.drafts if d.sent < si and normalize_name(d.recipient.name) == key] + [target.sent])
    if target.round is not None or si - told > 2:
        return
    round_at = [(_triggers()[rid]["round"], a) for rid, a, _ in ctx.triggers if s <= a < e and _triggers()[rid]["kind"] == "round"]
    rounds = [r for r, _ in round_at]
    if not rounds:
        return
    # Only a company named before the round word competes ("X a aussi bouclé une série A");
    # backers named after it ("..., a reçu l'appui de Y") do not.
    others = [c for c in _cands_in(ctx, s, round_at[0][1]) if normalize_name(c.ref.name) != normalize_name(target.recipient.name)]
    deal = any(_triggers()[rid]["kind"] == "noun" for rid, a, _ in ctx.triggers if s <= a < e)
    # "La biotech, qui prolongeait une série B initiée en 2019, a reçu ...": the anaphor subject is the company just funded.
    about_it = deal or any(a == s for a, _ in ctx.cue_spans("recipient_anaphors", s, min(e, s + 6)))
    # "Cette série B a été emmenée par ...", "C'est la plus grosse série C de l'année": the deal just reported.
    about_it = about_it or any(a == s for a, _ in ctx.cue_spans("round_statement_starts", s, min(e, s + 3)))
    if about_it and not others and len(set(rounds)) == 1:
        target.round = rounds[0]


def _participation_verb(tok: Token) -> bool:
    """ "participer", "rejoindre"...; also the surface forms the tagger misreads ("complète" as an adjective)."""
    if tok.lemma_ in set(_cues()["participation_lemmas"]) and tok.pos_ in {"VERB", "AUX"}:
        return True
    return tok.lower_ in set(_cues()["participation_forms"])


def _follow_up(ctx: Ctx, si: int, amounts: list[AmountAt]) -> None:
    """Investors named after the event: "X, Y et Z ont également participé au tour de table"."""
    s, e = ctx.sents[si]
    doc = ctx.doc
    if any(a.kind == "fund" for a in amounts):
        return  # "le fonds X a bouclé son véhicule de 120 M€": about a fund, not the deal just reported
    target = _last_focus_event(ctx, si)
    vals = [a for a in amounts if a.kind == "valuation" and a.amount.value]
    if vals and target is not None and (_anaphor_before(ctx, s, e)) and target.valuation is None and _own_valuation(ctx, si, vals[0], target):
        target.valuation = vals[0].amount.value
    if target is None:
        return
    _follow_up_round(ctx, si, target)
    lemmas = set(_cues()["participation_lemmas"])
    # "autant d'argent à investir": an infinitive states no participation.
    verb = next((t for t in doc[s:e] if _participation_verb(t) and "Inf" not in t.morph.get("VerbForm", [])), None)
    phrase = ctx.cue_spans("participation_phrases", s, e)
    also = any(t.lower_ in {"également", "aussi"} for t in doc[s:e])
    deal = any(_triggers()[rid]["kind"] == "noun" for rid, a, _ in ctx.triggers if s <= a < e)
    investors, leads, _ = _cue_investors(ctx, s, e)
    nouns = set(_cues()["follow_up_nouns"])
    # "Elle a reçu l'appui de X": a support cue about the company just funded names its investors.
    # ... but "elle était déjà soutenue par X" names earlier backers, not this round's.
    earlier = any(t.lower_ in {"déjà", "auparavant", "précédemment"} for t in doc[s:e])
    supported = bool(ctx.cue_spans("support_cues", s, e)) and _anaphor_before(ctx, s, min(e, s + 4)) and not earlier
    # "Le tour a été mené par X": the deal anaphor opening the sentence is the deal just reported.
    opened = any(a == s for a, _ in ctx.cue_spans("deal_anaphors", s, min(e, s + 4)))
    if not (deal or supported or opened or any(t.lower_ in nouns for t in doc[s:e])):
        investors, leads = [], []  # "aux côtés de X" with no word about money is not about the deal
    if not ctx.cue_spans("lead_objects", s, e) and not _anaphor_before(ctx, s, min(e, s + 4)):
        # "... se mue en fonds de dotation, piloté par X": a participle led by a non-deal noun leads nothing.
        stray = [b for a, b in ctx.cue_spans("lead_cues", s, e) if _low(doc[b - 1]) == "par" and _after_plain_noun(ctx, s, a)]
        off = [c for c in leads if any(0 <= c.start - b <= 4 for b in stray)]
        investors = [c for c in investors if c not in off]
        leads = [c for c in leads if c not in off]
    just_told = si - target.sent <= 1
    if ctx.cue_spans("lead_objects", s, e) or (just_told and ctx.cue_spans("lead_phrases", s, e)):
        # "Tencent mène le tour", "C'est X qui est à la manœuvre": the subject of an active lead verb
        # leads the deal just reported.
        subj = [c for c in _lead_subjects(ctx, s, e) if c not in investors]
        investors, leads = subj + list(investors), subj + list(leads)
    investors = investors + [c for c in _composition_list(ctx, s, e) if c not in investors]
    found = list(investors)
    # "remettre au pot", "prendre part": money idioms need no deal noun to be about the deal.
    post_verb = verb is not None and verb.lemma_ in set(_cues()["post_verb_participation_lemmas"])
    # "Parmi les autres contributeurs, on retrouve A et B": backers named right after the deal (not two
    # sentences later, where "on retrouve aussi les fonds A et B" lists the company's shareholders).
    told_before = target.sent == si - 1 or any(
        d.sent == si - 1 and normalize_name(d.recipient.name) == normalize_name(target.recipient.name) for d in ctx.drafts)
    backers = told_before and any(t.lower_ in nouns for t in doc[s:e])
    # "B complète le tour", "C rejoint l'opération": the deal named as the verb's object.
    deal_object = verb is not None and any(a <= verb.i + 2 for a, _ in ctx.cue_spans("lead_objects", verb.i + 1, min(e, verb.i + 4)))
    if (verb is not None or phrase) and (also or deal or deal_object or phrase or _anaphor_before(ctx, s, e) or (post_verb and backers)):
        vpos = verb.i if verb is not None else phrase[0][0]
        passive = verb is not None and "Part" in verb.morph.get("VerbForm", []) and verb.i + 1 < e and _low(doc[verb.i + 1]) == "par"
        # "la start-up X – également soutenue par A et B –": before a passive participle stands the
        # company supported, not a backer (the agents after "par" come from the cue lists).
        subjects = [] if passive else _walk_list(ctx, s, vpos, s, e, stop=False)
        if not subjects and ctx.cue_spans("recipient_anaphors", s, vpos):
            return  # "Elle rejoint ainsi deux consœurs : A et B": the company itself joins, nobody invests
        found.extend(c for c in subjects if not _governed_by_place(ctx, c, s))
        colon = next((t.i for t in doc[vpos:e] if t.text == ":" or (_low(t) == "dont" and _prev_word(doc, t.i, s) == ",")), None)
        if colon is not None:  # "... ont mis la main au portefeuille, dont X": the list follows
            found.extend(_walk_list(ctx, colon + 1, e, s, e))
        elif (deal or backers) and post_verb and verb is not None:
            # "on retrouve Bpifrance et ...", "figurent X et Y": the list follows the verb.
            nxt = verb.i + 1
            while nxt < e and (doc[nxt].pos_ in {"ADV", "PUNCT", "ADP"} or doc[nxt].is_space):
                nxt += 1
            found.extend(_walk_list(ctx, nxt, e, s, e))
    # "Back Market sort du troupeau ..., suivi par deux autres": a company funded in the article is a
    # subject of the round-up, not a backer named after the last deal.
    funded = {normalize_name(d.recipient.name) for d in ctx.drafts}
    found = [c for c in found if normalize_name(c.ref.name) not in funded]
    if found:
        _add_unique(target.investors, [c.ref for c in found], target.recipient)
        _add_unique(target.leads, [c.ref for c in leads], target.recipient)


def _composition_list(ctx: Ctx, s: int, e: int) -> list[Cand]:
    """ "Le tour de table comprend l'investisseur existant, A, et de nouveaux, B et C", "L'opération
    associe également A et B": a deal noun as subject of a composition verb lists the deal's backers."""
    doc = ctx.doc
    lemmas = set(_cues()["composition_lemmas"])
    forms = set(_cues()["composition_forms"])
    # the tagger may give "compte" a noun's lemma: the form counts unless a determiner makes it a noun
    verb = next((t for t in doc[s:e] if (t.lemma_ in lemmas and t.pos_ in {"VERB", "AUX"}) or (
        t.lower_ in forms and t.i > s and doc[t.i - 1].pos_ != "DET")), None)
    if verb is None:
        return []
    deal_before = any(
        s <= a < verb.i and _triggers()[rid]["kind"] in {"noun", "round"} for rid, a, _ in ctx.triggers
    ) or any(a == s for a, _ in ctx.cue_spans("deal_anaphors", s, verb.i))
    # "Parmi les nouveaux investisseurs, on compte A et B"
    deal_before = deal_before or (verb.i > s and _introduces_investors(doc[s : verb.i]))
    # Only the deal itself as subject: "La société compte 40 salariés" lists nobody.
    if not deal_before or any(c.end <= verb.i for c in _cands_in(ctx, s, verb.i)):
        return []
    nxt = verb.i + 1
    while nxt < e and (doc[nxt].pos_ in {"ADV", "PUNCT", "ADP"} or doc[nxt].is_space):
        nxt += 1
    return [c for c in _walk_list(ctx, nxt, e, s, e, stop=False) if not _person(c.ref) or len(c.ref.name.split()) > 1]


def _after_plain_noun(ctx: Ctx, s: int, a: int) -> bool:
    """The cue at `a` follows a common noun (a comma may stand between) that names no deal."""
    doc = ctx.doc
    j = a - 1
    if j >= s and doc[j].text == ",":
        j -= 1
    objects = {w for o in _cues()["lead_objects"] for w in o.split()}
    return j >= s and doc[j].pos_ == "NOUN" and doc[j].is_lower and doc[j].lower_ not in objects and not any(
        x.start <= j < x.end for x in ctx.amounts)


def _sent_text(ctx: Ctx, si: int) -> str:
    s, e = ctx.sents[si]
    return ctx.doc[s:e].text.strip()


# ---------------------------------------------------------------- public API


def _currency_for(ctx: Ctx, d: Draft) -> str | None:
    """Stated currency, else the nearest stated one in the sentence, the article before, or EUR."""
    if d.amount is None:
        return None
    if d.amount.amount.currency:
        return d.amount.amount.currency
    s, e = ctx.sents[d.sent]
    same = [a for a in ctx.amounts if s <= a.start < e and a.amount.currency]
    if same:
        start = d.amount.start
        return min(same, key=lambda a: abs(a.start - start)).amount.currency
    before = [a for a in ctx.amounts if a.start < s and a.amount.currency]
    return before[-1].amount.currency if before else _cues()["currency_default"]


def _record(ctx: Ctx, d: Draft) -> FundingRecord:
    s, e = ctx.sents[d.sent]
    doc = ctx.doc
    am = d.amount.amount if d.amount is not None else None
    amount_text = am.text if am is not None else None
    if amount_text and d.extra_text:
        amount_text = f"{amount_text} ({'; '.join(d.extra_text)})"
    return FundingRecord(
        recipient=d.recipient,
        evidence=doc[s:e].text.strip(),
        rule_id=d.rule_id,
        start=doc[s].idx,
        end=doc[e - 1].idx + len(doc[e - 1]),
        investors=tuple(d.investors),
        lead_investors=tuple(d.leads),
        amount=am.value if am is not None else None,
        currency=_currency_for(ctx, d) if am is not None and am.value is not None else None,
        amount_text=amount_text,
        approximate=bool(am.approximate) if am is not None else False,
        round=d.round,
        valuation=d.valuation,
        date=d.date,
    )


def extract_funding(doc: Doc) -> Iterator[FundingRecord]:
    """Yield one FundingRecord per funding event stated in the doc (see the module docstring)."""
    ctx = build_context(doc)
    for si in range(len(ctx.sents)):
        ctx.drafts.extend(_sentence(ctx, si))
    for d in ctx.drafts:
        if _sector_noun(d.recipient):  # every recipient pattern (round-up pairs too) ends here
            _drop(ctx, _sent_text(ctx, d.sent), f"recipient is a sector, not a company ({d.recipient.name})")
            continue
        yield _record(ctx, d)
