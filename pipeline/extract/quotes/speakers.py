"""Who speaks: resolve a speaker phrase (name, pronoun, description) to an actor of the article.

Evidence order inside a phrase: an inverted or leading pronoun (ajoute-t-elle, celle qui …; the most
recent gender-compatible person, preferring a sentence subject over an object), a person named in it,
a known person's surname, a description's head noun (le patron de Nova -> the person with a role at
Nova; le président -> the person given that title in the article or the one subject of the sentence
before; l'entreprise -> the organisation the article is about; la fondation -> the organisation named
with that word), an organisation named in it. A definite generic description (poursuit l'entrepreneur)
that no title or role resolves continues the speaker of the previous quote (same discourse, a person of
compatible gender, within two paragraphs). Never a guess: a role description that nothing in the
article resolves gives no speaker. Antecedents are searched among entity mentions before the quote and
outside any quotation. A press release (précise le communiqué de X) speaks for its issuer, else the
article's company; a newspaper described by its kind (indique le quotidien) for the organisation last
cited as a source (d'après X, selon X, rapporte X). A title first introduced indefinitely (à un président
ravi) in a sentence naming nobody goes to the article's only person named before the quote. A plural
description (les experts) is never one person.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from pipeline.nlp.doctext import doc_text
from pipeline.extract.quotes.lexicon import (SPEAKER_NOUNS, gerund, pronoun_form, pronoun_gender, speaker_nouns,
                                             speech_lemma)
from pipeline.nlp.entities import normalize_name
from pipeline.records import ActorRef, Dropped
from pipeline.rules import load_json

# Tokens that end a speaker phrase after an inverted speech verb.
PHRASE_STOP = {",", ".", ";", ":", "!", "?", "«", "»", "“", "”", '"', "(", ")", "—", "–", "\n"}
# How far (chars) an apposition may separate a person from their organisation ("X, PDG de Y").
ROLE_WINDOW = 90
# How far (chars) before a name its title may start ("la ministre déléguée chargée du numérique, X").
TITLE_BEFORE = 60


@dataclass(frozen=True)
class EntityMention:
    start: int
    end: int
    key: str
    name: str
    label: str

    def ref(self) -> ActorRef:
        return ActorRef(name=self.name, label=self.label, key=self.key)


@dataclass
class Context:
    """Per-doc lookups shared by the quote rules."""

    doc: Doc
    mentions: list[EntityMention]
    quoted: list[tuple[int, int]] = field(default_factory=list)  # char ranges inside quotation marks
    gender: dict[str, str] = field(default_factory=dict)  # entity key -> 'm'/'f' learnt from pronouns
    cues: list = field(default_factory=list)  # lexicon.Cue matches of the doc
    said: list[tuple[int, ActorRef]] = field(default_factory=list)  # (quote start, speaker) of earlier quotes

    @classmethod
    def build(cls, doc: Doc) -> "Context":
        mentions = []
        for ent in doc._.entities or []:
            for m in ent.mentions:
                mentions.append(EntityMention(m.start, m.end, ent.key, ent.name, ent.label))
        mentions.sort(key=lambda m: m.start)
        return cls(doc, mentions, gender=_name_genders(doc))

    def in_quote(self, start: int, end: int) -> bool:
        return any(s <= start and end <= e for s, e in self.quoted)

    def mentions_in(self, start: int, end: int, label: str | None = None) -> list[EntityMention]:
        return [m for m in self.mentions if m.start >= start and m.end <= end and (label is None or m.label == label)]

    def most_recent(self, label: str, before: int, gender: str | None = None,
                    after: int = 0) -> EntityMention | None:
        """The last mention of this type before `before` (outside quotes), gender-compatible if known."""
        for m in reversed(self.mentions):
            if m.end > before or m.start < after or m.label != label or self.in_quote(m.start, m.end):
                continue
            if gender and self.gender.get(m.key, gender) != gender:
                continue
            return m
        return None


def _name_genders(doc: Doc) -> dict[str, str]:
    """Entity key -> 'm'/'f' from the given-name lexicon (first word of the person's fullest name)."""
    from pipeline.nlp.lexicons import gender_of

    out = {}
    for ent in doc._.entities or []:
        parts = ent.name.split()
        if ent.label == "PER" and len(parts) > 1:
            g = gender_of(parts[0].split("-")[0]) if gender_of(parts[0]) is None else gender_of(parts[0])
            if g in ("m", "f"):
                out[ent.key] = g
    return out


def _first_word_after_prep(tokens: list[Token]) -> list[Token]:
    """Drop prepositional phrases (dans un communiqué, auprès de X) from a speaker phrase."""
    kept, in_pp, just_opened = [], False, False
    for tok in tokens:
        if tok.pos_ == "ADP" or (tok.pos_ == "ADV" and tok.lower_ in ("auprès", "lors")):
            in_pp, just_opened = True, True
            continue
        if in_pp and tok.pos_ == "DET" and not just_opened:
            in_pp = False  # a new noun phrase starts: the real subject (… dans un communiqué les membres)
        just_opened = just_opened and tok.pos_ in ("DET", "ADP")
        if not in_pp:
            kept.append(tok)
    return kept


def resolve_pronoun(ctx: Context, tok: Token, before: int) -> ActorRef | None:
    """A third-person pronoun -> the most recent compatible person (singular) or None (plural)."""
    gender, plural = pronoun_gender().get(pronoun_form(tok), (None, False))
    if plural:
        if _coordinated_people_before(ctx, before):
            return None  # "X et Y ont fondé Nova. « … », racontent-ils": two people, no one speaker
        m = ctx.most_recent("ORG", before)
        return m.ref() if m else None
    m = ctx.most_recent("PER", before, gender)
    while m is not None and _role_complement(ctx.doc, m):
        m = ctx.most_recent("PER", m.start, gender)  # "la créatrice de X": X is her company, mis-typed
    m = _subject_preferred(ctx, m, gender)
    m = _gendered_over_complement(ctx, m, gender)
    spoke = _speaker_since(ctx, m.start if m is not None else 0, before, gender)
    if spoke is not None:
        return spoke
    if m is None:
        # no person before: "Nova a levé … « … », explique-t-elle" speaks for the organisation
        org = ctx.most_recent("ORG", before)
        return org.ref() if org else None
    if gender and m.key not in ctx.gender:
        ctx.gender[m.key] = gender  # later pronouns agree with this one
    return m.ref()


def _speaker_since(ctx: Context, after: int, before: int, gender: str | None) -> ActorRef | None:
    """« A, souligne X. B » Le ministre … « C », dit-il: the person who spoke in a quote after the last name
    outside quotes (an incise inside the marks names X) is the most recent person for the pronoun."""
    said = [ref for pos, ref in ctx.said if after < pos < before and ref.label == "PER"]
    if not said:
        return None
    ref = said[-1]
    if gender and ref.key is not None and ctx.gender.get(ref.key, gender) != gender:
        return None
    return ref


def _coordinated_people_before(ctx: Context, before: int) -> bool:
    """The sentence before `before` names two people joined by 'et' ("X et Y ont cofondé …")."""
    text = doc_text(ctx.doc)
    start = sentence_start(ctx, sentence_start(ctx, before) - 1) if before > 0 else 0
    people = [m for m in ctx.mentions_in(start, before, "PER") if not ctx.in_quote(m.start, m.end)]
    return any(a.key != b.key and text[a.end:b.start].strip() in ("et", ",") for a, b in zip(people, people[1:]))


def _org_of_kind(ctx: Context, noun: str, before: int, any_org: bool = True) -> EntityMention | None:
    """"réagit la fondation": the last organisation whose name holds the noun (Fondation X), else (with
    `any_org`) the last organisation named."""
    key = normalize_name(noun)
    for m in reversed(ctx.mentions):
        if m.label == "ORG" and m.end <= before and key in normalize_name(m.name).split() \
                and not ctx.in_quote(m.start, m.end):
            return m
    return ctx.most_recent("ORG", before) if any_org else None


def _proper_complement(tokens: list[Token], head: Token) -> bool:
    """"le ministère français des Affaires étrangères": a capitalised word after the head names the body
    itself, so any other organisation named before is not it."""
    return any(t.i > head.i and t.is_alpha and t.text[:1].isupper() for t in tokens)


POSSESSIVES = {"son", "sa", "ses", "leur", "leurs"}


def _possessor(ctx: Context, tokens: list[Token], head: Token, before: int) -> list[EntityMention]:
    """"son PDG": the organisation named last stands for the possessive (its role holder is then looked up)."""
    if not any(t.lower_ in POSSESSIVES and t.i < head.i for t in tokens):
        return []
    m = ctx.most_recent("ORG", before)
    return [m] if m is not None else []


SOURCE_MARKERS = {"selon", "après"}  # selon X / d'après X


def _cited_in_sentence(ctx: Context, org: EntityMention, before: int) -> bool:
    """The organisation is cited as a source (selon X, d'après X) earlier in the same sentence."""
    start = sentence_start(ctx, before)
    for m in ctx.mentions_in(start, before, "ORG"):
        if m.key != org.key:
            continue
        span = ctx.doc.char_span(m.start, m.end, alignment_mode="expand")
        k = span.start - 1 if span is not None else -1
        while k >= 0 and ctx.doc[k].pos_ == "DET":
            k -= 1
        if k >= 0 and ctx.doc[k].lower_ in SOURCE_MARKERS | {"d'après", "d’après"}:
            return True
    return False


def main_org(ctx: Context, before: int) -> EntityMention | None:
    """The organisation the article is about: named most often before `before` (ties: named first)."""
    counts: dict[str, int] = {}
    first: dict[str, EntityMention] = {}
    for m in ctx.mentions:
        if m.label == "ORG" and m.end <= before and not ctx.in_quote(m.start, m.end):
            counts[m.key] = counts.get(m.key, 0) + 1
            first.setdefault(m.key, m)
    if not counts:
        return None
    return first[max(counts, key=lambda k: (counts[k], -first[k].start))]


# Words right before an organisation that make it a cited source (d'après X, selon X, rapporte X).
SOURCE_CUES = {"selon", "après"}
SOURCE_VERBS = {"rapporter", "révéler", "écrire", "relater", "citer"}


def cited_source(ctx: Context, before: int) -> EntityMention | None:
    """The last organisation cited as a source before `before`, outside quotes (D'après X, selon X,
    rapporte X); None when no organisation was cited that way."""
    doc = ctx.doc
    for m in reversed(ctx.mentions):
        if m.label != "ORG" or m.end > before or ctx.in_quote(m.start, m.end):
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        prev = [t for t in doc[max(0, span.start - 3): span.start] if t.pos_ != "DET" and not t.is_space]
        if prev and (prev[-1].lower_ in SOURCE_CUES or prev[-1].lemma_.lower() in SOURCE_VERBS):
            return m
    return None


def _subject_preferred(ctx: Context, m: EntityMention | None, gender: str | None) -> EntityMention | None:
    """"X a rencontré Y. « … », a-t-il expliqué": a pronoun continues the subject of the sentence that
    named its candidates, not the object named last (when both fit the pronoun's gender)."""
    if m is None or is_subject_position(ctx.doc, m):
        return m
    span = ctx.doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or span.start == 0 or speech_lemma(ctx.doc[span.start - 1], "incise", lenient=True):
        return m  # "…, explique X.": X is the inverted subject of a speech verb, the one who speaks
    sent = span.sent
    for other in ctx.mentions_in(sent.start_char, m.start, "PER"):
        if other.key != m.key and not ctx.in_quote(other.start, other.end) and is_subject_position(ctx.doc, other) \
                and (not gender or ctx.gender.get(other.key, gender) == gender):
            return other
    return m


COMPLEMENT_PREPOSITIONS = {"de", "d'", "d’", "du"}


def _gendered_over_complement(ctx: Context, m: EntityMention | None, gender: str | None) -> EntityMention | None:
    """"Elle critique le réseau d'Elon Musk. … elle fustige …": a name of unknown gender that only
    completes a noun (le réseau de X) gives way to an earlier person whose known gender is the pronoun's,
    or who was a subject (not a complement) herself."""
    if m is None or not gender or not _noun_complement(ctx, m):
        return m
    # a name of known gender that completes a noun ("conseiller élyséen de X") still gives way to an
    # earlier subject of that gender: the pronoun continues the topic, not a complement
    known = m.key in ctx.gender
    earlier: EntityMention | None = m
    while earlier is not None and (earlier := ctx.most_recent("PER", earlier.start, gender)) is not None:
        if earlier.key != m.key and ((not known and ctx.gender.get(earlier.key) == gender) or (
                not _noun_complement(ctx, earlier) and is_subject_position(ctx.doc, earlier))):
            return earlier
    return m


def _noun_complement(ctx: Context, m: EntityMention) -> bool:
    """The name completes a noun: "le réseau social d'X", "la société de X"."""
    span = ctx.doc.char_span(m.start, m.end, alignment_mode="expand")
    return span is not None and span.start >= 2 and ctx.doc[span.start - 1].lower_ in COMPLEMENT_PREPOSITIONS \
        and ctx.doc[span.start - 2].pos_ in ("NOUN", "ADJ")


ADDRESSEE_WORDS = {"à", "au", "aux", "auprès"}


def _addressee(doc: Doc, m: EntityMention) -> bool:
    """"précise le groupe dans un communiqué à l'AFP": an organisation spoken to is not the speaker."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or span.start == 0:
        return False
    k = span.start - 1
    while k > 0 and doc[k].pos_ == "DET":
        k -= 1
    if doc[k].lower_ in ("de", "d'", "d’") and k > 0 and doc[k - 1].lower_ == "auprès":
        return True
    return doc[k].lower_ in ADDRESSEE_WORDS


def _role_complement(doc: Doc, m: EntityMention) -> bool:
    """'le président de Price Minister': a 'person' after a role noun + de is really an organisation."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or span.start < 2:
        return False
    prev = [t for t in doc[max(0, span.start - 3): span.start] if t.pos_ != "DET"]
    return len(prev) >= 2 and prev[-1].lower_ in ("de", "d'", "d’", "du") and \
        prev[-2].lower_ in speaker_nouns("person")


def _surname_match(ctx: Context, tokens: list[Token]) -> EntityMention | None:
    """A capitalised word of the phrase that is the surname of a person seen elsewhere."""
    surnames: dict[str, EntityMention] = {}
    for m in ctx.mentions:
        if m.label == "PER":
            parts = normalize_name(m.name).split()
            if len(parts) > 1:
                surnames.setdefault(parts[-1], m)
    for tok in tokens:
        if tok.is_title and normalize_name(tok.text) in surnames:
            return surnames[normalize_name(tok.text)]
    return None


def role_holder(ctx: Context, org: EntityMention, before: int) -> EntityMention | None:
    """A person stated next to this organisation (X, PDG de Y / le patron de Y, X / X (Y))."""
    org_key = normalize_name(org.name)
    best = None
    for m in ctx.mentions:
        if m.label != "PER" or m.start > before:
            continue
        for o in ctx.mentions:
            if o.label != "ORG" or (o.key != org.key and normalize_name(o.name) != org_key
                                    and org_key not in normalize_name(o.name).split()):
                continue
            gap = (m.end, o.start) if o.start >= m.end else (o.end, m.start)
            if 0 <= gap[1] - gap[0] <= ROLE_WINDOW and not _has_verb(ctx.doc, *gap):
                best = m
    return best


def title_holder(ctx: Context, noun: Token, before: int) -> EntityMention | None:
    """The last person given this title in an apposition before (X, ministre de … / le ministre X), of the
    noun's gender (la 1ère adjointe is not the man called adjoint); one given the title with the same
    modifier (la première adjointe X … la première adjointe) wins over a later one given it bare. A court's
    président is later its juge or magistrat (speaker_nouns title_synonyms)."""
    lemma = noun.lemma_.lower()
    lemmas = {lemma, *load_json(SPEAKER_NOUNS).get("title_synonyms", {}).get(lemma, [])}
    doc, best, best_modified = ctx.doc, None, None
    gender = _title_gender(noun)
    modifiers = {c.lower_ for c in noun.children if c.dep_ in ("amod", "nummod") and c.i < noun.i}
    for m in ctx.mentions:
        if m.label != "PER" or m.end > before or ctx.in_quote(m.start, m.end):
            continue
        if gender and ctx.gender.get(m.key, gender) != gender:
            continue
        if _civility_title_is(ctx, m, lemma):
            best = m  # "Me X" is a lawyer: l'avocate
            continue
        around = doc.char_span(max(0, m.start - TITLE_BEFORE), min(len(doc_text(doc)), m.end + ROLE_WINDOW),
                               alignment_mode="contract")
        if around is None:
            continue
        for tok in around:
            if tok.lemma_.lower() in lemmas and tok.pos_ == "NOUN":
                gap = (m.end, tok.idx) if tok.idx >= m.end else (tok.idx + len(tok), m.start)
                gap_words = set(doc_text(doc)[gap[0]:gap[1]].lower().replace("’", "'").split())
                if gender and _det_gender(tok) not in (None, gender):
                    continue  # "la Première ministre" is not who "le ministre" is
                # "X et l'adjoint Y": a title across a coordination is the other person's; so is one after
                # a preposition ("demande X au ministre Y": X speaks to the minister)
                if gap[1] >= gap[0] and not _has_verb(doc, *gap, participles=False) and "et" not in gap_words \
                        and not (tok.idx >= m.end and gap_words & speaker_nouns("title_gap_prepositions")):
                    best = m
                    if modifiers and tok.i > 0 and doc[tok.i - 1].lower_ in modifiers:
                        best_modified = m
                    break
    return best_modified or best


def _title_gender(noun: Token) -> str | None:
    """A title noun's gender from its form (adjointe/adjoint, avocate/avocat) or a masculine article; the
    tagger's gender of a title is unreliable ("l'avocate" tagged masculine)."""
    text, lemma = noun.lower_, noun.lemma_.lower()
    if text != lemma and text.rstrip("s").endswith("e") and not lemma.endswith("e"):
        return "f"
    doc = noun.doc
    det = doc[noun.i - 1].lower_ if noun.i > 0 else ""
    # an epicene title (ministre, maire, juge) takes its gender from a definite article: "le ministre" is
    # not the woman called "la ministre" (except in "Mme le maire")
    if det == "la":
        return "f"
    if det in ("le", "du", "au") and text == lemma and not (noun.i > 1 and doc[noun.i - 2].lower_ in speaker_nouns("feminine_civility")):
        return "m"
    return "m" if det == "un" and text == lemma and not text.endswith("e") else None


def _civility_title_is(ctx: Context, m: EntityMention, lemma: str) -> bool:
    """The person is introduced by a civility title stating this role ("Me X" for avocat)."""
    span = ctx.doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or span.start == 0:
        return False
    k = span.start - 1
    if ctx.doc[k].text == "." and k > 0:
        k -= 1
    roles = load_json(SPEAKER_NOUNS).get("civility_titles", {}).get(ctx.doc[k].lower_, [])
    return lemma in roles or lemma.rstrip("e") in roles


def _indefinite(head: Token) -> bool:
    return any(c.dep_ == "det" and "Ind" in c.morph.get("Definite", []) for c in head.children)


def _has_verb(doc: Doc, start: int, end: int, participles: bool = True) -> bool:
    """A verb or a sentence break between two offsets; `participles=False` lets a bare participle of a
    title through ("la ministre déléguée chargée du numérique, X")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    return any(t.text in ".;\n" or t.pos_ == "AUX" or t.pos_ == "VERB" and (
        participles or "Part" not in t.morph.get("VerbForm", [])) for t in span)


def _has_finite_verb(doc: Doc, start: int, end: int) -> bool:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is None or any(t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm", []) for t in span)


def noun_text(tok: Token) -> str:
    """The lowercased noun with the hyphenated parts the tokenizer split off (start - up -> start-up)."""
    doc, text, i = tok.doc, tok.lower_, tok.i
    while i + 2 < len(doc) and doc[i + 1].text == "-" and not doc[i].whitespace_ and not doc[i + 1].whitespace_:
        text, i = f"{text}-{doc[i + 2].lower_}", i + 2
    return text


def _head_noun(tokens: list[Token]) -> Token | None:
    for tok in _first_word_after_prep(tokens):
        if tok.pos_ in ("NOUN", "PROPN", "ADJ") and noun_text(tok) in (
            speaker_nouns("person") | speaker_nouns("org") | speaker_nouns("org_main") | speaker_nouns("collective")
            | speaker_nouns("anaphoric") | speaker_nouns("release") | speaker_nouns("media")
        ):
            return tok
        if tok.pos_ == "NOUN":
            return tok
    return None


def _gender_of_phrase(tokens: list[Token]) -> str | None:
    for tok in tokens:
        if tok.pos_ == "DET":
            g = tok.morph.get("Gender", [])
            if g:
                return "f" if g[0] == "Fem" else "m"
    return None


ON_PLACE_WORDS = {"chez", "côté", "sein"}
ON_WINDOW = 8


def _on_speaker(ctx: Context, on: Token) -> ActorRef | None:
    """"Chez X, on assure que …" / "Du côté de X, on explique …": 'on' speaks for the organisation named
    in the place phrase earlier in its sentence; a bare 'on' is nobody."""
    doc = ctx.doc
    start = sentence_start(ctx, on.idx)
    for tok in doc[max(0, on.i - 3 * ON_WINDOW): on.i]:
        if tok.idx < start or tok.lower_ not in ON_PLACE_WORDS:
            continue
        window = doc[tok.i + 1: min(on.i, tok.i + ON_WINDOW)]
        orgs = ctx.mentions_in(window.start_char, window.end_char, "ORG") if len(window) else []
        if orgs:
            return orgs[0].ref()
    return None


def resolve_phrase(ctx: Context, tokens: list[Token], before: int) -> ActorRef | None:
    """A speaker phrase (pronoun, name or description) -> an actor of the article, or None."""
    tokens = [t for t in tokens if not t.is_space]
    if not tokens:
        return None
    first = tokens[0]
    if first.lower_ == "on" and len(tokens) == 1:
        return _on_speaker(ctx, first)
    if first.pos_ == "PRON" or pronoun_form(first) in pronoun_gender():
        if pronoun_form(first) in pronoun_gender():
            # a pronoun's person is named before the pronoun, not between it and the quote ("Il estime,
            # comme X, que …")
            return resolve_pronoun(ctx, first, min(before, first.idx))
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    people = [p for p in ctx.mentions_in(start, end, "PER") if not _role_complement(ctx.doc, p)]
    if people:
        return people[0].ref()
    known = _surname_match(ctx, tokens)
    if known is not None:
        return known.ref()
    orgs = [o for o in ctx.mentions_in(start, end, "ORG") if not _addressee(ctx.doc, o)]
    lead = next((t for t in tokens if t.pos_ != "DET"), tokens[0])
    if orgs and orgs[0].start == lead.idx:
        return orgs[0].ref()  # "la CFDT, premier syndicat du groupe": the name heads its apposition
    head = _head_noun(tokens)
    if head is not None and _indefinite(head):
        # "un porte-parole de Nova / du groupe", "un investisseur": nobody in particular
        if orgs:
            return orgs[0].ref()
        company = noun_text(head) in speaker_nouns("spokesperson") and any(
            t.i > head.i and noun_text(t) in speaker_nouns("org_main") for t in tokens)
        m = main_org(ctx, before) if company else None
        return m.ref() if m else None
    if head is not None:
        noun = noun_text(head)
        if noun in speaker_nouns("anaphoric"):
            return _anaphor(ctx, tokens, before)  # "ce dernier", "l'intéressée"
        if noun in speaker_nouns("release"):
            # "précise le communiqué (de X)": the company that issued it
            m = orgs[0] if orgs else main_org(ctx, before)
            return m.ref() if m else None
        if noun in speaker_nouns("media"):
            # "indique le quotidien": the newspaper cited as source before (d'après X, selon X)
            m = orgs[0] if orgs else cited_source(ctx, before)
            return m.ref() if m else None
        if noun in speaker_nouns("person"):
            for org in orgs or _possessor(ctx, tokens, head, before):
                holder = role_holder(ctx, org, before)
                if holder is not None:
                    return holder.ref()
            return _described_person(ctx, tokens, head, before)
        if noun in speaker_nouns("collective") and orgs:
            return orgs[0].ref()
        if noun in speaker_nouns("org") or noun in speaker_nouns("org_main"):
            if orgs:
                return orgs[0].ref()
            m = main_org(ctx, before) if noun in speaker_nouns("org_main") else \
                _org_of_kind(ctx, noun, before, any_org=not _proper_complement(tokens, head))
            if m is not None and noun in speaker_nouns("org_main") and _cited_in_sentence(ctx, m, tokens[0].idx):
                return None  # "selon la CGT, alors que la direction assure …": the other side, unnamed
            return m.ref() if m else None
    if orgs:
        return orgs[0].ref()
    if head is not None and head.pos_ == "NOUN" and head.lower_ not in speaker_nouns("thing"):
        # an open-class description of a person ("cette ancienne contrôleuse de gestion")
        return _described_person(ctx, tokens, head, before)
    return None


# How far back (chars) a demonstrative description or an anaphoric noun may find its person.
ANAPHOR_WINDOW = 400


def _anaphor(ctx: Context, tokens: list[Token], before: int) -> ActorRef | None:
    """"ce dernier", "cette ancienne pharmacienne": the last gender-compatible person named just before."""
    m = ctx.most_recent("PER", before, _gender_of_phrase(tokens), after=max(0, before - ANAPHOR_WINDOW))
    return m.ref() if m else None


def _described_person(ctx: Context, tokens: list[Token], head: Token, before: int) -> ActorRef | None:
    """A person description (le président, la fondatrice, cette ancienne pharmacienne) -> the person the
    article gives that title, or the person just named for a demonstrative; never a guess: else None.
    A plural description (les experts, ces chercheurs) is never one person."""
    if "Plur" in head.morph.get("Number", []) or any(t.lower_ in ("les", "ces") for t in tokens[:2]):
        ctx.doc.user_data.setdefault("dropped", []).append(Dropped(
            "quotes", " ".join(t.text for t in tokens), "plural description is not one speaker"))
        return None
    titled = title_holder(ctx, head, before) or title_by_previous_sentence(ctx, head, before) \
        or _topic_person(ctx, head, _gender_of_phrase(tokens)) \
        or sole_person_for_title(ctx, head, before, _gender_of_phrase(tokens))
    if titled is not None:
        return titled.ref()
    if any(t.lower_ in speaker_nouns("demonstratives") for t in tokens[:2]):
        return _anaphor(ctx, tokens, before)
    previous = _previous_speaker(ctx, tokens, head, before)
    if previous is not None:
        return previous
    following = _named_next(ctx, tokens) or _title_given_next(ctx, tokens, head)
    if following is not None:
        return following.ref()
    ctx.doc.user_data.setdefault("dropped", []).append(Dropped(
        "quotes", " ".join(t.text for t in tokens), "speaker description not resolved (no title, role or apposition)"))
    return None


def _named_next(ctx: Context, tokens: list[Token]) -> EntityMention | None:
    """"« … », a déclaré mardi le ministre. X hausse le ton.": a role description nothing before resolves
    is the person whose name opens the next sentence (a lead that names its speaker right after),
    gender permitting."""
    text = doc_text(ctx.doc)
    end = tokens[-1].idx + len(tokens[-1])
    stops = [i for i in (text.find(c, end) for c in ".!?\n") if i >= 0]
    if not stops:
        return None
    nxt = min(stops) + 1
    while nxt < len(text) and text[nxt] in " \t\n\u00a0\u202f":
        nxt += 1
    people = [m for m in ctx.mentions if m.label == "PER" and m.start == nxt] or _incise_after_quote_at(ctx, nxt)
    if not people:
        return None
    gender = _gender_of_phrase(tokens)
    if gender and ctx.gender.get(people[0].key, gender) != gender:
        return None
    return people[0] if people[0].start > nxt or is_subject_position(ctx.doc, people[0]) else None


def _incise_after_quote_at(ctx: Context, pos: int) -> list[EntityMention]:
    """The one person named outside the marks in the sentence of a quote opening at `pos` ("« … », a
    déclaré X."): that sentence's speaker."""
    closing = next((e for s, e in ctx.quoted if s == pos), None)
    if closing is None:
        return []
    text = doc_text(ctx.doc)
    stops = [i for i in (text.find(c, closing) for c in ".!?\n") if i >= 0]
    stop = min(stops) if stops else len(text)
    people = [m for m in ctx.mentions_in(closing, stop, "PER") if not ctx.in_quote(m.start, m.end)]
    return people[:1] if len({m.key for m in people}) == 1 else []


def _title_given_next(ctx: Context, tokens: list[Token], head: Token) -> EntityMention | None:
    """"Le maire de X a annoncé qu'il … . « … », a déclaré le maire de X, Y.": a role description nothing
    before resolves is the person the next sentence gives that title (the name often comes one sentence
    after the first mention of the role); never further than that sentence."""
    text = doc_text(ctx.doc)
    end = tokens[-1].idx + len(tokens[-1])
    stop = end
    for _ in range(2):  # the end of this sentence, then of the next one
        found = [i for i in (text.find(c, stop) for c in ".!?\n") if i >= 0]
        if not found:
            stop = len(text)
            break
        stop = min(found) + 1
    lemma, gender = head.lemma_.lower(), _title_gender(head)
    for m in ctx.mentions:
        if m.label != "PER" or m.start < end or m.end > stop or ctx.in_quote(m.start, m.end):
            continue
        if gender and ctx.gender.get(m.key, gender) != gender:
            continue
        before = ctx.doc.char_span(max(end, m.start - TITLE_BEFORE), m.start, alignment_mode="contract")
        titles = [t for t in before or [] if t.pos_ == "NOUN" and t.lemma_.lower() == lemma]
        if titles and not _has_verb(ctx.doc, titles[-1].idx + len(titles[-1]), m.start, participles=False):
            return m  # "…, a déclaré le maire de X, Y": the title stated right before the name
    return None


# How far back (paragraphs) a generic description may find the speaker it continues.
SPEAKER_PARAGRAPHS = 2
DEFINITE = {"le", "la", "l'", "l’"}


def _speech_verb_before(tokens: list[Token]) -> str | None:
    """Lemma of the incise verb right before a speaker phrase (poursuit l'entrepreneur -> poursuivre)."""
    doc, i = tokens[0].doc, tokens[0].i - 1
    while i >= 0 and (doc[i].pos_ in ("AUX", "ADV") or doc[i].lower_ in ("se", "s'", "s’")):
        i -= 1
    return speech_lemma(doc[i], "incise", lenient=True) if i >= 0 else None


def _previous_speaker(ctx: Context, tokens: list[Token], head: Token, before: int) -> ActorRef | None:
    """"« A », précise son PDG, X. … « B », poursuit l'entrepreneur": a definite generic person description
    (no organisation, no possessive) continues the speaker of the previous quote, within a couple of
    paragraphs, when that speaker is a person of compatible gender. With a verb that is not a
    continuation verb (ajouter, poursuivre …), no other person may be named in between."""
    if not tokens or tokens[0].lower_ not in DEFINITE or any(t.lower_ in POSSESSIVES for t in tokens) \
            or ctx.mentions_in(tokens[0].idx, tokens[-1].idx + len(tokens[-1]), "ORG"):
        return None
    earlier = [(pos, ref) for pos, ref in ctx.said if pos < before]
    if not earlier:
        return None
    pos, ref = earlier[-1]
    text = doc_text(ctx.doc)
    if ref.label != "PER" or sum(1 for line in text[pos:before].split("\n")[1:] if line.strip()) > SPEAKER_PARAGRAPHS:
        return None
    gender = _gender_of_phrase(tokens) or _noun_gender(head)
    if gender and ref.key and ctx.gender.get(ref.key, gender) != gender:
        return None
    verb = _speech_verb_before(tokens)
    if verb in set(load_json("speech_verbs.json").get("reply_verbs", [])):
        return None  # "« … », lui répond le ministre": who answers is not who asked
    continuation = verb in set(load_json("speech_verbs.json").get("continuation_verbs", []))
    if not continuation and any(m.key != ref.key and not ctx.in_quote(m.start, m.end)
                                for m in ctx.mentions_in(pos, before, "PER")):
        return None
    return ref


def _noun_gender(tok: Token) -> str | None:
    g = tok.morph.get("Gender", [])
    return ("f" if g[0] == "Fem" else "m") if g else None


def is_subject_position(doc: Doc, m: EntityMention) -> bool:
    """The mention is a subject or stands before its sentence's main verb (French subject position)."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return False
    return any(t.dep_.startswith("nsubj") for t in span) or span.end <= span.sent.root.i


def sentence_start(ctx: Context, pos: int) -> int:
    """Start of the sentence holding `pos`: after the last . ! ? or newline before it outside quotation
    marks (the parser's sentences run over quotes and paragraphs too often to be used here)."""
    text = doc_text(ctx.doc)
    k = pos - 1
    while k >= 0:
        c = text[k]
        if (c == "\n" or c in ".!?…" and text[k + 1: k + 2] in (" ", "\n", "\u00a0")) and not ctx.in_quote(k, k + 1) \
                and not (c == "." and _civility_abbreviation(text, k)):
            return k + 1
        k -= 1
    return 0


CIVILITY_ABBREVIATIONS = {"m", "mm", "mme", "mmes", "mlle", "dr", "me", "pr"}


def _civility_abbreviation(text: str, dot: int) -> bool:
    """"M. Peter a déclaré": the dot of a civility title before a name ends no sentence."""
    k = dot
    while k > 0 and text[k - 1].isalpha():
        k -= 1
    word = text[k:dot]
    return word.lower() in CIVILITY_ABBREVIATIONS and word[:1].isupper() and (k == 0 or not text[k - 1].isalnum())


def _topic_person(ctx: Context, head: Token, gender: str | None) -> EntityMention | None:
    """"Xavier Dupont est venu présenter son projet. Le créateur de Nova défend …": a description in a
    sentence naming nobody before it refers to the one person who was the subject of the sentence before."""
    doc = ctx.doc
    cur = sentence_start(ctx, head.idx)
    if any(not ctx.in_quote(m.start, m.end) for m in ctx.mentions_in(cur, head.idx, "PER")):
        return None
    if cur == 0:
        return None
    k, text = cur - 1, doc_text(doc)
    while k > 0 and text[k].isspace():
        k -= 1  # blank lines between paragraphs
    prev = sentence_start(ctx, k)
    people = [m for m in ctx.mentions_in(prev, cur, "PER") if not ctx.in_quote(m.start, m.end)]
    if len({m.key for m in people}) != 1:
        return None
    # a verbless sentence ("Première réponse, celle de X.") is about the one person it names
    if not any(is_subject_position(doc, m) for m in people) and _has_finite_verb(doc, prev, cur):
        return None
    if gender and ctx.gender.get(people[0].key, gender) != gender:
        return None
    return people[0]


def title_by_previous_sentence(ctx: Context, noun: Token, before: int) -> EntityMention | None:
    """"François Hollande est arrivé. … à un président tout sourire": the title noun used earlier in a
    sentence naming nobody, right after a sentence naming exactly one person -> that person."""
    doc, lemma = ctx.doc, noun.lemma_.lower()
    best = None
    for tok in doc:
        if tok.idx >= before or tok.i == noun.i or tok.pos_ != "NOUN" or tok.lemma_.lower() != lemma:
            continue
        sent = tok.sent
        if ctx.in_quote(tok.idx, tok.idx + len(tok)) or sent.start == 0 \
                or ctx.mentions_in(sent.start_char, sent.end_char, "PER"):
            continue
        if _det_gender(tok) and (_det_gender(noun) or _title_gender(noun)) not in (None, _det_gender(tok)):
            continue  # "la Première ministre" earlier is not who "le ministre" is now
        prev = doc[sent.start - 1].sent
        people = [m for m in ctx.mentions_in(prev.start_char, prev.end_char, "PER") if not ctx.in_quote(m.start, m.end)]
        gender = _noun_gender(noun)  # la présidente is not the man named before
        if len({m.key for m in people}) == 1 and (not gender or ctx.gender.get(people[-1].key, gender) == gender):
            best = people[-1]
    return best


def _det_gender(noun: Token) -> str | None:
    """The gender of a noun's determiner (la ministre -> f, le ministre -> m), when the tagger gives one."""
    for child in noun.children:
        genders = child.morph.get("Gender", []) if child.dep_ == "det" else []
        if genders:
            return "f" if genders[0] == "Fem" else "m"
    return None


def sole_person_for_title(ctx: Context, noun: Token, before: int, gender: str | None) -> EntityMention | None:
    """"Paul Martin est venu à Nantes. … Les fondateurs ont expliqué à un président ravi … « … », a insisté le
    président": the title was introduced earlier with an indefinite article in a sentence naming nobody, and
    the article names exactly one person before the quote -> that person. Any second person: None."""
    doc, lemma = ctx.doc, noun.lemma_.lower()
    introduced = any(
        tok.pos_ == "NOUN" and tok.lemma_.lower() == lemma and tok.i != noun.i and _indefinite(tok)
        and not ctx.in_quote(tok.idx, tok.idx + len(tok))
        and not ctx.mentions_in(tok.sent.start_char, tok.sent.end_char, "PER")
        for tok in doc if tok.idx < before)
    if not introduced:
        return None
    people = {m.key: m for m in ctx.mentions if m.label == "PER" and m.end <= before and not ctx.in_quote(m.start, m.end)}
    if len(people) != 1:
        return None
    m = next(iter(people.values()))
    return m if not gender or ctx.gender.get(m.key, gender) == gender else None


def phrase_after(doc: Doc, i: int, limit: int = 14) -> list[Token]:
    """Tokens of the speaker phrase starting at token i, up to punctuation or a new clause."""
    out: list[Token] = []
    for tok in doc[i: min(len(doc), i + limit)]:
        if tok.text in PHRASE_STOP or "\n" in tok.text:
            break
        if out and tok.lower_ in ("qui", "que", "qu'", "qu’", "dont") and out[-1].lower_ not in ("celle", "celui"):
            break
        out.append(tok)
    return out


def active_subject(verb: Token, child: Token) -> bool:
    """An nsubj child, or an 'nsubj:pass' on a verb with no passive auxiliary ("Il a assuré que …" is
    active: the parser sometimes calls its subject passive)."""
    if child.dep_ == "nsubj:pass":
        return not any(c.dep_ == "aux:pass" for c in verb.children)
    return child.dep_.startswith("nsubj") or child.dep_ == "expl:subj"


def _participle_clause(verb: Token) -> bool:
    """", estimant que …": a present participle hanging on the main verb shares its subject."""
    forms = verb.morph.get("VerbForm", [])
    present = ("Part" in forms and "Pres" in verb.morph.get("Tense", [])) or gerund(verb)
    return verb.dep_ == "advcl" and present and verb.head.i < verb.i


def subject_of(verb: Token) -> list[Token] | None:
    """The subject phrase of a verb (its nsubj subtree), following aux/conj heads and the main verb of
    a participle clause."""
    inverted = _incise_pronoun(verb)
    if inverted is not None:
        return [inverted]
    # the parser may hang a heading's noun on the next line's verb as a second subject ("L'exécutif
    # « … »\nPar ailleurs, X a assuré que …"): a subject on another line than its verb is not its own
    subjects = [c for c in verb.children if active_subject(verb, c)]
    same_line = [c for c in subjects if "\n" not in doc_text(verb.doc)[min(c.idx, verb.idx):max(c.idx, verb.idx)]]
    for child in same_line if len(subjects) > 1 and same_line else subjects:
        if active_subject(verb, child):
            if child.lower_ == "qui" and verb.dep_ == "acl:relcl":
                # "X, qui a annoncé …": the relative pronoun stands for its antecedent
                inner = {t.i for t in verb.subtree}
                return [t for t in verb.head.subtree if t.i not in inner]
            if child.lower_ == "qui" and child.pos_ == "PRON":
                return _relative_antecedent(child) or [child]
            return _without_relatives(child) + _apposed_subject(verb, child)
    clitic = _clitic_subject(verb)
    if clitic is not None:
        return [clitic]
    if (verb.dep_ in ("conj", "xcomp") or _participle_clause(verb)) and verb.head is not verb:
        return subject_of(verb.head)
    return None


def described_subject(ctx: Context, span: Span) -> ActorRef | None:
    """The person a sentence's subject describes: "Le commissaire européen porte un projet …" -> the
    commissioner the article names. A definite description without a name: a role noun resolved like an
    incise's subject, or another noun given to a person as a title before; never a thing or an organisation."""
    root = next((t for t in span if t.head.i == t.i or not (span.start <= t.head.i < span.end)), None)
    if root is None:
        return None
    subj = next((c for c in root.children if active_subject(root, c)), None)
    if subj is None or subj.i < span.start or subj.pos_ != "NOUN":
        return None
    tokens = [t for t in subj.subtree if t.i < root.i]
    if not tokens or tokens[0].lower_ not in DEFINITE or ctx.mentions_in(tokens[0].idx, subj.idx + len(subj)):
        return None
    if noun_text(subj) not in speaker_nouns("person"):
        holder = title_holder(ctx, subj, subj.idx)  # "le commissaire européen" after "X, commissaire …"
        return holder.ref() if holder is not None else None
    speaker = resolve_phrase(ctx, tokens, tokens[0].idx)
    return speaker if speaker is not None and speaker.label == "PER" else None


APPOSITION_MAX_TOKENS = 16


def person_before_apposition(ctx: Context, verb: Token) -> EntityMention | None:
    """"X, chef du service Y chez Z, confirme": the person whose apposition ends right before the verb
    (the parser often makes the organisation at the end of the apposition the subject)."""
    doc = ctx.doc
    k = verb.i - 1
    while k > 0 and (doc[k].pos_ in ("AUX", "ADV") or doc[k].lower_ in ("se", "s'", "s’")):
        k -= 1
    if k > 1 and doc[k].lower_ == "qui" and doc[k - 1].text == ",":
        k -= 1  # "X, co-directeur de Y, qui répond :": the relative's antecedent is the person
    if k <= 0 or doc[k].text != ",":
        return None
    for c in range(k - 1, max(0, k - APPOSITION_MAX_TOKENS), -1):
        tok = doc[c]
        if tok.text in (".", ";", "!", "?", "«", "»", ":") or "\n" in tok.text or "Fin" in tok.morph.get("VerbForm", []):
            return None
        if tok.text == "," and c > 0:
            people = [m for m in ctx.mentions if m.label == "PER" and m.end == doc[c - 1].idx + len(doc[c - 1])]
            return people[0] if people else None
    return None


def _apposed_subject(verb: Token, first: Token) -> list[Token]:
    """"Le constructeur suédois Volvo Cars a annoncé": the parser gives the verb a second subject for the
    name right after the description; it is the same subject phrase, joined to the first."""
    nxt = next((c for c in verb.children if c.i > first.i and active_subject(verb, c)), None)
    if nxt is None or nxt.i > verb.i or nxt.left_edge.i != first.right_edge.i + 1:
        return []
    return list(nxt.subtree)


SUBJECT_CLITICS = {"il", "elle", "ils", "elles"}
CLOSING_MARKS = {"»", "”", '"'}


def _incise_pronoun(verb: Token) -> Token | None:
    """« … » a-t-il insisté: the inverted pronoun of an incise is its subject, not the noun the parser took
    from the sentence the quote sits in (a closing mark lies between that noun and the verb)."""
    inverted = next((c for c in verb.children if c.i < verb.i and c.pos_ == "PRON" and c.text.startswith("-")
                     and pronoun_form(c) in SUBJECT_CLITICS), None)
    if inverted is None:
        return None
    nominal = next((c for c in verb.children if c.i < verb.i and c.dep_.startswith("nsubj") and c is not inverted), None)
    if nominal is not None and not any(t.text in CLOSING_MARKS for t in verb.doc[nominal.i: verb.i]):
        return None
    return inverted


def _clitic_subject(verb: Token) -> Token | None:
    """"Elle juge que …" with 'Elle' mis-tagged (det, obj …): a subject clitic pronoun hanging on the
    verb right before it is its subject whatever its label; so is the inverted "-il" of "a-t-il insisté"
    (labelled expl:subj), which a participle hanging on that verb ("…, évoquant « … »") then shares."""
    for child in verb.children:
        if child.i < verb.i and child.pos_ == "PRON" and pronoun_form(child) in SUBJECT_CLITICS \
                and all(t.pos_ in ("ADV", "PRON") for t in verb.doc[child.i + 1: verb.i]):
            return child
    return None


def _without_relatives(head: Token) -> list[Token]:
    """A subject phrase without its relative clauses ("X, qui avait saisi la Commission, …" is X)."""
    inner = {t.i for c in head.subtree if c.dep_ == "acl:relcl" and c.i != head.i for t in c.subtree}
    return [t for t in head.subtree if t.i not in inner]


# Dependencies that chain a noun to the name it describes ("X, fondatrice de Y").
NOMINAL_CHAIN = ("nmod", "appos", "flat:name", "flat")


def _relative_antecedent(qui: Token) -> list[Token] | None:
    """"X, fondatrice de Y qui a expliqué …" when the parser did not attach the relative clause: the noun
    phrase right before 'qui', climbed through its appositions and complements to the name it describes."""
    doc, k = qui.doc, qui.i - 1
    while k >= 0 and doc[k].text == ",":
        k -= 1
    if k < 0 or doc[k].pos_ not in ("NOUN", "PROPN"):
        return None
    tok = doc[k]
    while tok.dep_ in NOMINAL_CHAIN and tok.head.i < tok.i and tok.head.pos_ in ("NOUN", "PROPN"):
        tok = tok.head
    return [t for t in tok.subtree if t.i < qui.i] or None


LEADING_ARTICLES = {"le", "la", "l'", "l’", "les"}


def sentence_initial_name(ctx: Context, verb: Token) -> EntityMention | None:
    """"X, chargé de … en Europe, indique pour sa part que …" / "La CGT estime que …": a name opening the
    verb's sentence (an article before it allowed), followed only by its apposition or an adverbial phrase,
    is the subject the parse missed (it often hangs the name on the line before)."""
    start = sentence_start(ctx, verb.idx)
    text = doc_text(ctx.doc)
    for m in ctx.mentions_in(start, verb.idx, "PER") + ctx.mentions_in(start, verb.idx, "ORG"):
        lead = text[start:m.start].strip()
        if (lead and lead.lower() not in LEADING_ARTICLES) or ctx.in_quote(m.start, m.end):
            continue
        between = ctx.doc.char_span(m.end, verb.idx, alignment_mode="expand")
        if between is None:
            continue
        # "X, qui emploie 300 personnes, a indiqué que …": a relative clause on the name may hold a verb
        relative = {t.i for r in between if r.dep_ == "acl:relcl" for t in r.subtree}
        # "X et Y viennent d'annoncer que …": the finite verb carrying the speech infinitive is no other clause
        carrier = verb.head.i if verb.dep_ == "xcomp" else -1
        if not any(t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm", []) and t.i not in relative
                   and t.i != carrier and not (t.head.i in (verb.i, carrier) and t.dep_.startswith("aux"))
                   for t in between):
            return m
    return None
