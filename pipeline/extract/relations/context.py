"""Per-doc view used by the relation rules: which actor each token belongs to, and the topic org.

Entity typing upstream is imperfect (organisations often come out as LOC/MISC/PER, some persons
as MISC), so the slots are filled by syntax first: an org slot takes any entity, a person slot
takes a PER entity or a run of capitalised words. Proper nouns the NER missed
become `ActorRef(name, label, key=None)`; the resolver creates an actor for them.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from pipeline.nlp.doctext import doc_text, token_bounds
from pipeline.rules import load_json
from pipeline.records import ActorRef

ORG_LABELS = ("ORG", "MISC", "LOC")
CAMEL_NAME = re.compile(r"^[a-z]{1,3}[A-Z][A-Za-z]{2,}$")  # company names such as eSoftThings, iXblue
LEAD_CHARS = 300  # an organisation named this early is the article's subject
FUNDED_BONUS = 4  # a funding recipient is the article's subject
ARTICLES = {"le", "la", "les", "l'", "l’", "au", "aux", "du", "des", "un", "une"}  # never before a person's name
MAX_NAME_WORDS = 2  # capitalised words in a name found without NER (particles not counted)
# Particles allowed inside a person's name run (Ludovic Le Moan, Thibault de Bouville).
NAME_PARTICLES = {"le", "la", "de", "du", "des", "van", "von", "der", "di", "da", "ben", "el", "al"}


# A "name" opening with a preposition is a fronted place or adverbial the NER took for a person
# ("A Paris, le fondateur de X ...").
NOT_NAME_STARTS = {"a", "à", "en", "chez", "selon", "pour", "depuis", "dans", "sur", "avec", "par", "vers", "outre",
                   "après", "avant", "hier", "aujourd'hui", "demain", "lundi", "mardi", "mercredi", "jeudi",
                   "vendredi", "samedi", "dimanche"}


@lru_cache(maxsize=1 << 16)  # pure, and called on the same words again and again
def norm_text(text: str) -> str:
    """Lowercase, typographic apostrophe to ', single spaces: the key used for lexicon look-ups."""
    return " ".join(text.replace("’", "'").lower().split())


@dataclass
class DocContext:
    """Token -> entity map and salience counts for one doc."""

    doc: Doc
    tok_ent: dict[int, tuple[Span, ActorRef]] = field(default_factory=dict)
    org_counts: dict[str, int] = field(default_factory=dict)
    persons_seen: list[tuple[int, ActorRef]] = field(default_factory=list)
    salient: list[tuple[ActorRef, int]] = field(default_factory=list)  # (funding recipient, char offset)
    previous: Span | None = None  # the sentence before the one being read (set by the role rules)
    sources: frozenset[str] = frozenset()  # organisations named only as a cited source ("selon Le Figaro")
    _sents: list[Span] | None = None

    @classmethod
    def build(cls, doc: Doc, salient: list[tuple[ActorRef, int]] | None = None) -> DocContext:
        """Index `doc.ents` by token and count organisation mentions (topic salience).

        `salient`: organisations known to be the article's subject (funding recipients) with the
        char offset where that is stated.
        """
        ctx = cls(doc, salient=list(salient or []))
        by_key = {e.key: e for e in doc._.entities or []}
        keys = doc._.entity_keys or {}
        for ent in doc.ents:
            key = keys.get((ent.start_char, ent.end_char))
            local = by_key.get(key) if key else None
            ref = ActorRef(local.name, local.label, key) if local else ActorRef(ent.text, ent.label_, None)
            for i in range(ent.start, ent.end):
                ctx.tok_ent[i] = (ent, ref)
            if ref.label in ORG_LABELS and ref.label != "LOC":
                ctx.org_counts[ref.name] = ctx.org_counts.get(ref.name, 0) + 1
        ctx._resolve_nicknames()
        ctx.sources = _source_only(ctx)
        return ctx

    def nickname_org(self, sent: Span) -> ActorRef | None:
        """The organisation a press nickname written in `sent` stands for ('la banque verte', even
        lowercase and unrecognised), when the article names that organisation; else None."""
        text = norm_text(sent.text)
        for nickname, canonical in org_nicknames().items():
            if nickname in text:
                named = {norm_text(ref.name): ref for _, ref in self.tok_ent.values() if ref.label == "ORG"}
                targets = sorted((n for n in named if n == canonical or n.startswith(canonical + " ")), key=len)
                if targets:
                    return named[targets[0]]
        return None

    def _resolve_nicknames(self) -> None:
        """A press nickname recognised as an organisation ('la Banque verte') stands for the
        organisation it names when the article names that one too ('Crédit Agricole')."""
        nicknames = org_nicknames()
        named = {norm_text(ref.name): ref for _, ref in self.tok_ent.values() if ref.label in ("ORG", "MISC")}
        aliased: dict[str, ActorRef] = {}
        for name in named:
            canonical = nicknames.get(name)
            if canonical is None:
                continue
            # the shortest name opening with the canonical one ('Crédit Agricole' before 'Crédit Agricole SA')
            targets = sorted((n for n in named if n == canonical or n.startswith(canonical + " ")), key=len)
            if targets:
                aliased[name] = named[targets[0]]
        if not aliased:
            return
        for i, (ent, ref) in list(self.tok_ent.items()):
            target = aliased.get(norm_text(ref.name))
            if target is not None:
                self.tok_ent[i] = (ent, target)

    def entity_at(self, i: int) -> tuple[Span, ActorRef] | None:
        """The entity covering token i, if any."""
        return self.tok_ent.get(i)

    # ---- person slot -------------------------------------------------------------------------
    def person_ending_at(self, j: int, sent: Span) -> tuple[int, ActorRef] | None:
        """A person whose name ends at token j: (start token, ref), or None.

        A PER entity ending there wins; otherwise a run of capitalised words (at most
        MAX_NAME_WORDS, particles and hyphenated parts free) is taken as the name.
        """
        if j < sent.start:
            return None
        hit = self.entity_at(j)
        if hit and hit[1].label != "PER" and hit[0].end - 1 == j and _given_name_pair(hit[0]) \
                and not self._article_before(hit[0].start):
            return self._noted(hit[0].start, ActorRef(hit[1].name, "PER", hit[1].key))  # "Nancy Roy" typed ORG
        if hit and hit[1].label == "PER" and hit[0].end - 1 == j:
            if self._article_before(hit[0].start) or self.doc[hit[0].start].lower_ in NOT_NAME_STARTS:
                return None
            return self._noted(hit[0].start, hit[1])
        if not self._is_name_token(self.doc[j]):
            return None
        start, name_words = j, 1
        while start - 1 >= sent.start:
            prev = self.doc[start - 1]
            if self._is_hyphen_joint(prev):
                if start - 2 < sent.start or not self._is_name_token(self.doc[start - 2]):
                    break
                start -= 2  # the two parts of a hyphenated name are one word
                continue
            if prev.lower_ in NAME_PARTICLES and start - 2 >= sent.start and self._is_name_token(self.doc[start - 2]) \
                    and name_words < MAX_NAME_WORDS:
                start -= 1
                continue
            if prev.lower_ in ("d'", "d’") and name_words == 1 and start - 2 >= sent.start \
                    and _given_name(self.doc[start - 2].text):
                start -= 2  # "Claude d'Harcourt": a given name before an elided particle
                break
            if self._is_name_token(prev) and name_words < MAX_NAME_WORDS and prev.lower_ not in NAME_PARTICLES:
                start -= 1
                name_words += 1
                continue
            break
        # "Claude d'Harcourt", "Paul de Lafon": a given name and a particle surname are a full name too
        particle_name = name_words == 1 and start < j and _given_name(self.doc[start].text)
        if name_words < 2 and not particle_name or self.doc[start].lower_ in NAME_PARTICLES | NOT_NAME_STARTS \
                or self._article_before(start):
            return None
        if start > 0 and self.doc[start - 1].lower_ in words()["institution_heads"]:
            return None  # "l'université Reims Champagne-Ardenne": the institution's name, no person
        return self._noted(start, self._person_ref(start, j + 1))

    def person_starting_at(self, i: int, sent: Span) -> tuple[int, ActorRef] | None:
        """A person whose name starts at token i: (end token exclusive, ref), or None."""
        if i >= sent.end:
            return None
        hit = self.entity_at(i)
        if hit and hit[1].label == "PER" and hit[0].start == i:
            self._noted(i, hit[1])
            return hit[0].end, hit[1]
        if hit and hit[1].label != "PER" and hit[0].start == i and _given_name_pair(hit[0]) \
                and not self._article_before(i):
            return hit[0].end, self._noted(i, ActorRef(hit[1].name, "PER", hit[1].key))[1]  # "Émeric d'X" typed ORG
        if not self._is_name_token(self.doc[i]) or self.doc[i].lower_ in NAME_PARTICLES:
            return None
        end, words = i + 1, 1
        while end < sent.end:
            tok = self.doc[end]
            if self._is_hyphen_joint(tok) and end + 1 < sent.end and self._is_name_token(self.doc[end + 1]):
                end += 2
            elif tok.lower_ in NAME_PARTICLES and end + 1 < sent.end and self._is_name_token(self.doc[end + 1]) \
                    and words < MAX_NAME_WORDS:
                end += 1
            elif self._is_name_token(tok) and words < MAX_NAME_WORDS:
                end += 1
                words += 1
            else:
                break
        if words < 2:
            return None
        self._noted(i, self._person_ref(i, end))
        return end, self._person_ref(i, end)

    def _article_before(self, start: int) -> bool:
        """A person's name never follows an article ("au Computex", "le Moniteur")."""
        return start > 0 and self.doc[start - 1].lower_ in ARTICLES

    def _noted(self, start: int, ref: ActorRef) -> tuple[int, ActorRef]:
        """Remember a person found by a rule (for "celle qui est ..." later on)."""
        self.persons_seen.append((start, ref))
        return start, ref

    def _person_ref(self, start: int, end: int) -> ActorRef:
        """A PER entity exactly on the span, else a PER ref by surface name."""
        hit = self.entity_at(start)
        if hit and hit[1].label == "PER" and hit[0].start == start and hit[0].end == end:
            return hit[1]
        return ActorRef(self.doc[start:end].text, "PER", None)

    def _is_name_token(self, tok: Token) -> bool:
        hit = self.entity_at(tok.i)
        if hit and hit[1].label == "ORG" or not tok.text[:1].isupper():
            return False
        return tok.is_alpha or "-" in tok.text or "." in tok.text and len(tok.text) <= 3

    def _is_hyphen_joint(self, tok: Token) -> bool:
        """A '-' glued to both neighbours (Jullien-Rouquié tokenised in three)."""
        return tok.text == "-" and not tok.whitespace_ and tok.i > 0 and not self.doc[tok.i - 1].whitespace_

    # ---- organisation slot -------------------------------------------------------------------
    def org_starting_at(self, i: int, sent: Span) -> tuple[int, ActorRef] | None:
        """An organisation named from token i: (end token exclusive, ref), or None."""
        if i >= sent.end:
            return None
        hit = self.entity_at(i)
        if hit and hit[0].start < i:
            # An entity swallowing the words before ("Chief Revenue Officer de Kelvio"): its tail.
            end = hit[0].end
            while end < sent.end and self.doc[end].text[:1].isupper() and not self.entity_at(end):
                end += 1  # "Président de France" tagged LOC, "Fintech" left out: the name runs on
            tail = self.doc[i:end]
            return (end, ActorRef(tail.text, "ORG", None)) if tail[0].text[:1].isupper() else None
        if hit:
            # Any label: the syntax says organisation (NER often types "Hugging Face" as PER).
            return hit[0].end, hit[1]
        tok = self.doc[i]
        if not (tok.text[:1].isupper() or tok.text[:1].isdigit() and tok.pos_ == "PROPN" or CAMEL_NAME.match(tok.text)):
            return None
        if tok.pos_ not in ("PROPN", "NOUN", "X", "ADJ") or i == sent.start:
            return None
        end = i + 1
        while end < sent.end and not self.entity_at(end) and (self.doc[end].text[:1].isupper() or self._is_hyphen_joint(
                self.doc[end]) and end + 1 < sent.end and self.doc[end + 1].text[:1].isupper()):
            end += 1  # ("Aix-Marseille Université" split at its hyphen)
        nxt = self.entity_at(end) if end < sent.end else None
        if end == i + 1 and tok.text.isupper() and nxt and nxt[0].start == end and nxt[1].label == "ORG":
            return nxt[0].end, nxt[1]  # "l'EPCC Mémorial ACTe", "la SAS Kelvio": the acronym is a kind
        return end, ActorRef(self.doc[i:end].text, "ORG", None)

    def org_ending_at(self, j: int, sent: Span) -> tuple[int, ActorRef] | None:
        """An organisation name the NER missed, ending at token j: capitalised proper nouns."""
        if j < sent.start or self.entity_at(j):
            return None
        start = j
        if CAMEL_NAME.match(self.doc[j].text):
            return j, ActorRef(self.doc[j].text, "ORG", None)  # "la société eSoftThings,"
        while start >= sent.start and self.doc[start].pos_ in ("PROPN", "X") and self.doc[start].text[:1].isupper() \
                and not self.entity_at(start):
            start -= 1
        start += 1
        if start > j:
            return None
        return start, ActorRef(self.doc[start : j + 1].text, "ORG", None)

    def topic_org(self, before: int, labels: tuple[str, ...] = ("ORG", "MISC")) -> ActorRef | None:
        """The organisation an anaphor ("la firme", "cette société") stands for.

        The most mentioned ORG/MISC entity of the article that was named before token `before`,
        with a bonus when it is named in the lead (headline and first sentence: the article's
        subject) and a larger one when it received money in a funding record stated before;
        ties go to the most recent one.
        """
        marked = self._paragraph_topic(before, labels)
        if marked is not None:
            return marked  # "Quant à Withings, …": the paragraph says what it is about
        before_char = self.doc[before].idx if before < len(self.doc) else len(doc_text(self.doc))
        funded: dict[str, tuple[ActorRef, int, int]] = {}  # name -> (ref, n records, first token)
        for ref, start_char in self.salient:
            if start_char < before_char:
                old = funded.get(ref.name)
                tok = self.doc.char_span(start_char, start_char + 1, alignment_mode="expand")
                first = tok.start if tok is not None else 0
                funded[ref.name] = (ref, (old[1] if old else 0) + 1, old[2] if old else first)
        best, best_score = None, (0, -1)
        for i in range(before):
            hit = self.tok_ent.get(i)
            if not hit or hit[1].label not in labels or hit[0].start != i or hit[1].name in self.sources:
                continue
            lead = 1 if hit[0].start_char < LEAD_CHARS else 0
            bonus = FUNDED_BONUS * funded.pop(hit[1].name)[1] if hit[1].name in funded else 0
            score = (2 * self.org_counts.get(hit[1].name, 0) + lead + bonus, i)
            if score > best_score:
                best, best_score = hit[1], score
        for ref, n, first in funded.values():  # recipients that are no (ORG) entity
            score = (FUNDED_BONUS * n, first)
            if score > best_score:
                best, best_score = ref, score
        return best

    def _paragraph_topic(self, before: int, labels: tuple[str, ...]) -> ActorRef | None:
        """The organisation a topic marker opening the paragraph of token `before` names ("Quant à X,",
        "Chez X,", "Côté X,"), else None."""
        doc = self.doc
        start = before - 1
        while start > 0 and "\n" not in doc[start - 1].text and "\n" not in doc[start - 1].whitespace_:
            start -= 1
        start = max(start, 0)
        while start < before and doc[start].is_space:
            start += 1
        for marker in _topic_markers():
            n = len(marker.replace("'", "' ").split())
            if start + n < before and norm_text(doc[start : start + n].text) == marker:
                hit = self.entity_at(start + n)
                if hit and hit[0].start == start + n and hit[1].label in labels and hit[0].end < before \
                        and doc[hit[0].end].text == ",":
                    return hit[1]
        return None

    def clear_topic(self, before: int) -> ActorRef | None:
        """`org_topic` only when it leads: its salience (mentions, lead, funding) is strictly above
        every other organisation named before token `before` (a short or noisy text has none)."""
        best = self.org_topic(before)
        if best is None:
            return None
        before_char = self.doc[before].idx if before < len(self.doc) else len(doc_text(self.doc))
        funded = {ref.name for ref, start in self.salient if start < before_char}
        scores: dict[str, int] = {}
        for i in range(before):
            hit = self.tok_ent.get(i)
            if not hit or hit[1].label != "ORG" or hit[0].start != i:
                continue
            lead = 1 if hit[0].start_char < LEAD_CHARS else 0
            score = 2 * self.org_counts.get(hit[1].name, 0) + lead + (FUNDED_BONUS if hit[1].name in funded else 0)
            scores[hit[1].name] = max(scores.get(hit[1].name, 0), score)
        top = scores.get(best.name, 0)
        return best if all(v < top for name, v in scores.items() if name != best.name) else None

    def org_topic(self, before: int) -> ActorRef | None:
        """`topic_org` among ORG entities and funding recipients only: an anaphor ("la start-up",
        "son PDG") never stands for a MISC topic such as a movement or a label."""
        return self.topic_org(before, ("ORG",))

    def previous_sentence_org(self, before: int) -> ActorRef | None:
        """'… la Fondation X, qui finance … . Son délégué, Y, …': a possessive or an anaphor opening a
        sentence points back to the sentence before: to the article's topic if that sentence names
        it, else to the first organisation it names (its subject, as a rule); None when it names none."""
        prev = self.previous
        if prev is None:
            return None
        named = [hit[1] for i in range(prev.start, prev.end)
                 if (hit := self.entity_at(i)) and hit[1].label == "ORG" and hit[0].start == i
                 and hit[1].name not in self.sources and not _agent_of_participle(self.doc, i)]
        if not named:
            return self._described_before(prev)
        topic = self.org_topic(before)
        return topic if topic is not None and any(r.name == topic.name for r in named) else named[0]

    def _described_before(self, prev: Span) -> ActorRef | None:
        """'… l'acquisition du pionnier français des objets connectés, Withings. … Racheté par Nokia, le
        pionnier français des objets connectés passe …': the organisation an earlier apposition named
        with the same description as the subject of the sentence `prev`; else None."""
        subj = next((t for t in prev if t.dep_ in ("nsubj", "nsubj:pass") and t.pos_ == "NOUN" and t.head.dep_ == "ROOT"), None)
        if subj is None or subj.i == prev.start or self.doc[subj.i - 1].lower_ not in ("le", "la", "l'", "l’"):
            return None
        words = [t.lower_ for t in self.doc[subj.i : subj.right_edge.i + 1]]
        if len(words) < 2 or not all(t.text.islower() or not t.is_alpha for t in self.doc[subj.i : subj.right_edge.i + 1]):
            return None
        n = len(words)
        for i in range(max(0, prev.start - DESCRIBED_SCAN), prev.start - n - 1):  # (bounded look-back)
            if [t.lower_ for t in self.doc[i : i + n]] == words and self.doc[i + n].text == ",":
                hit = self.entity_at(i + n + 1)
                if hit and hit[0].start == i + n + 1 and hit[1].label == "ORG":
                    return hit[1]
        return None

    def pronoun_person(self, i: int, sent: Span) -> ActorRef | None:
        """The person a subject pronoun ("il", "elle") at token i stands for: the last
        gender-compatible person named earlier in the sentence, else the only one named in the
        sentence before (`previous`); None when that is not clear."""
        gender = PRONOUN_GENDER.get(self.doc[i].lower_)
        if gender is None:
            return None
        for j in range(i - 1, sent.start - 1, -1):
            hit = self.entity_at(j)
            if hit and hit[0].end - 1 == j and hit[1].label == "PER" and _gender_fits(hit[1], gender):
                return hit[1]
        prev = self.previous
        for _ in range(PRONOUN_CHAIN):
            if prev is None:
                return None
            people = {hit[1].name: hit[1] for j in range(prev.start, prev.end)
                      if (hit := self.entity_at(j)) and hit[1].label == "PER"}
            if people or not any(t.lower_ == self.doc[i].lower_ and t.dep_.startswith("nsubj") for t in prev):
                break
            prev = self._sentence_before(prev)  # "X … . Diplômé de Y, il débute … . Il est alors …"
        fitting = [ref for ref in people.values() if _gender_fits(ref, gender)]
        if len(people) > 1 and prev is not None:
            # several people: the one opening the sentence before (its subject) carries over
            first = self.entity_at(prev.start)
            alone = first is not None and first[0].end < prev.end and self.doc[first[0].end].lower_ not in ("et", "ou", "&")
            # ("A et B connaissent …. Il …": two subjects, no guess)
            return first[1] if first and alone and first[1].label == "PER" and _gender_fits(first[1], gender) else None
        return fitting[0] if len(people) == 1 and fitting else None

    def _sentence_before(self, sent: Span) -> Span | None:
        """The sentence before `sent` (the doc's sentences are split once, on demand)."""
        if self._sents is None:
            self._sents = sentences(self.doc)
        before = [s for s in self._sents if s.end <= sent.start]
        return before[-1] if before else None

    def last_org(self, before: int, min_token: int) -> ActorRef | None:
        """The last ORG/MISC entity named in [min_token, before)."""
        for i in range(before - 1, min_token - 1, -1):
            hit = self.tok_ent.get(i)
            if hit and hit[1].label in ("ORG", "MISC"):
                return hit[1]
        return None

    def next_org(self, after: int, max_token: int) -> ActorRef | None:
        """The first ORG/MISC entity named in [after, max_token)."""
        for i in range(after, max_token):
            hit = self.tok_ent.get(i)
            if hit and hit[1].label in ("ORG", "MISC"):
                return hit[1]
        return None

    def last_person(self, before: int, min_token: int) -> ActorRef | None:
        """The last person named in [min_token, before): a PER entity or a name found by a rule."""
        noted = [(i, ref) for i, ref in self.persons_seen if min_token <= i < before]
        for i in range(before - 1, min_token - 1, -1):
            hit = self.tok_ent.get(i)
            if hit and hit[1].label == "PER" or noted and noted[-1][0] == i:
                return hit[1] if hit and hit[1].label == "PER" else noted[-1][1]
        return None


PRONOUN_GENDER = {"il": "m", "elle": "f"}
DESCRIBED_SCAN = 400  # tokens searched back for an apposition naming a description
PRONOUN_CHAIN = 3  # sentences a subject pronoun may be carried over ("Il … . Il …") back to a name


def _given_name(word: str) -> bool:
    """A known given name ('Claude', 'Véronique')."""
    from pipeline.nlp.lexicons import gender_of

    return gender_of(word) in ("m", "f")


def _given_name_pair(span: Span) -> bool:
    """Two words, a known given name then a capitalised word: a person's name the NER mistyped."""
    from pipeline.nlp.lexicons import gender_of

    words = span.text.split()
    if len(words) == 3 and words[1] in ("de", "du", "le", "la"):
        words = [words[0], words[2]]  # "Paul de Lafon"
    elif len(words) == 2 and words[1][:2] in ("d'", "d’") and len(words[1]) > 2:
        words = [words[0], words[1][2:]]  # "Émeric d'Arcimoles"
    return len(words) == 2 and gender_of(words[0]) in ("m", "f") and words[1][:1].isupper() \
        and words[1].replace("-", "").isalpha() and not words[1].isupper()
SOURCE_LOOKBACK = 6  # tokens between a source cue and the name ("rapporte le site du quotidien X")


@lru_cache(maxsize=1)
def words() -> dict[str, frozenset[str]]:
    """The word lists of `rules/relation_words.json`, normalised."""
    data = load_json("relation_words.json")
    return {k: frozenset(norm_text(w) for w in v) for k, v in data.items()
            if not k.startswith("_") and isinstance(v, list)}


@lru_cache(maxsize=8)
def stems(key: str) -> tuple[str, ...]:
    """A list of word beginnings of `rules/relation_words.json`, normalised, for `str.startswith`."""
    return tuple(sorted(words()[key]))


@lru_cache(maxsize=1)
def org_nicknames() -> dict[str, str]:
    """Press nickname -> the organisation name it stands for (`org_nicknames`), normalised."""
    data = load_json("relation_words.json")["org_nicknames"]
    return {norm_text(k): norm_text(v) for k, v in data.items()}


def _source_only(ctx: DocContext) -> frozenset[str]:
    """Organisations every mention of which is a cited source: after a reporting verb ("rapporte
    TechCrunch"), or after selon/d'après when the name opens with an article or a media noun
    describes it ("selon Le Figaro", "d'après le quotidien X"); "selon Doctolib" stays a candidate."""
    preps, verbs, media = words()["source_prepositions"], words()["reporting_verbs"], words()["media_nouns"]
    doc = ctx.doc
    cited: dict[str, bool] = {}
    for ent, ref in {id(v[0]): v for v in ctx.tok_ent.values()}.values():
        if ref.label == "PER":
            continue
        k, described = ent.start - 1, False
        while k >= 0 and ent.start - k <= SOURCE_LOOKBACK and (norm_text(doc[k].text) in media or doc[k].lower_ in ARTICLES):
            described = described or norm_text(doc[k].text) in media and doc[k].pos_ == "NOUN"
            k -= 1
        cue = norm_text(doc[k - 1 : k + 1].text) if k >= 1 and norm_text(doc[k].text) == "après" else \
            norm_text(doc[k].text) if k >= 0 else ""
        source = cue in verbs or cue in preps and (described or doc[ent.start].lower_ in ARTICLES)
        cited[ref.name] = cited.get(ref.name, True) and source
    return frozenset(name for name, only in cited.items() if only)


@lru_cache(maxsize=1)
def _topic_markers() -> tuple[str, ...]:
    """Paragraph-opening topic markers ("quant à", "chez", "côté"), longest first."""
    return tuple(sorted(words()["paragraph_topic_markers"], key=lambda m: (-len(m.split()), m)))


def _agent_of_participle(doc: Doc, i: int) -> bool:
    """The name at token i is the agent of a passive participle ("Racheté par Nokia, le pionnier ..."):
    not the subject a possessive in the next sentence points back to."""
    k = i - 1
    while k >= 0 and doc[k].lower_ in ARTICLES:
        k -= 1
    return k >= 1 and doc[k].lower_ == "par" and ("VerbForm=Part" in doc[k - 1].morph
                                                  or doc[k - 1].lower_.endswith(("é", "ée", "és", "ées")))


def _gender_fits(ref: ActorRef, gender: str) -> bool:
    """A person's given name does not contradict the pronoun's gender (unknown names fit)."""
    from pipeline.nlp.lexicons import gender_of

    found = gender_of(ref.name.split()[0]) if ref.name.split() else None
    return found is None or found not in ("m", "f") or found == gender


TERMINALS = {".", "!", "?", "…", ":", ";"}


def sentences(doc: Doc) -> list[Span]:
    """The parser's sentences, re-joined where it split inside a line without final punctuation,
    and cut at line breaks.

    The parser sometimes cuts a name off its sentence ("Ludovic | Le Moan, président de ...")
    and glues a headline to the paragraph after it.
    """
    out: list[Span] = []
    start = None
    for sent in doc.sents:
        if start is None:
            start = sent.start
        last = doc[sent.end - 1]
        wrapped = _soft_break(doc, sent.end - 1) or last.is_space and sent.end - 2 >= start \
            and _soft_break(doc, sent.end - 2)
        if wrapped and sent.end < len(doc):
            continue  # "vante Paul Durand,\nCEO de X": a line wrapped inside an apposition
        ends = last.text in TERMINALS or last.text.endswith("\n") or "\n" in last.whitespace_ \
            or last.is_space or sent.end == len(doc) or doc[sent.end].is_space or "\n" in doc[sent.end].text
        if ends or sent.end - start > 120:
            out.append(_trim(doc[start : sent.end]))
            start = None
    if start is not None:
        out.append(_trim(doc[start : len(doc)]))
    return [piece for span in out for piece in _split_lines(span) if len(piece)]


def _split_lines(span: Span) -> list[Span]:
    """A headline glued to the next paragraph by the parser is cut at the line break."""
    doc = span.doc
    if "\n" not in span.text_with_ws:
        return [_trim(span)]  # performance: no line break, nothing to cut (no Token made per word)
    pieces, start = [], span.start
    for tok in _line_break_tokens(span):  # only they can cut the span
        if _soft_break(doc, tok.i) or tok.is_space and tok.i > span.start and _soft_break(doc, tok.i - 1):
            continue
        if "\n" in tok.whitespace_ or tok.is_space and "\n" in tok.text:
            pieces.append(_trim(doc[start : tok.i + 1]))
            start = tok.i + 1
    pieces.append(_trim(doc[start : span.end]))
    return pieces


def _line_break_tokens(span: Span) -> list[Token]:
    """The span's tokens holding a line break in their text or in the whitespace after them, in order."""
    doc = span.doc
    starts, _ = token_bounds(doc)
    text = doc_text(doc)
    end = starts[span.end] if span.end < len(doc) else len(text)
    found: list[int] = []
    at = text.find("\n", span.start_char, end)
    while at >= 0:
        k = bisect_right(starts, at) - 1  # the token the break is in or after
        if span.start <= k < span.end and (not found or found[-1] != k):
            found.append(k)
        at = text.find("\n", at + 1, end)
    return [doc[k] for k in found]


def _soft_break(doc: Doc, i: int) -> bool:
    """Token i is a comma (or "et", "de", "le"...) followed by a single line break (no blank line):
    the line was wrapped inside an apposition ("vante Paul Durand,\nCEO et fondateur de X"), the
    sentence goes on."""
    # a comma, a conjunction, a preposition or an article never ends a paragraph or a headline
    if i + 1 >= len(doc) or doc[i].text != "," and doc[i].pos_ not in ("CCONJ", "ADP", "DET"):
        return False
    gap = doc[i].whitespace_ + (doc[i + 1].text if doc[i + 1].is_space else "")
    nxt = doc[i + 2] if doc[i + 1].is_space and i + 2 < len(doc) else doc[i + 1]
    return gap.count("\n") == 1 and not nxt.is_space


def _trim(span: Span) -> Span:
    """The span without leading/trailing whitespace tokens (so a sentence starts at its first word)."""
    start, end = span.start, span.end
    while start < end and span.doc[start].is_space:
        start += 1
    while end > start and span.doc[end - 1].is_space:
        end -= 1
    return span.doc[start:end]
