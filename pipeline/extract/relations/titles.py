"""The titles lexicon (`rules/titles.json`) and the matcher finding titles in a sentence."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from typing import cast

import numpy
from spacy.tokens import Doc, Span, Token

from pipeline.extract.relations.context import norm_text, stems
from pipeline.nlp.doctext import slice_text
from pipeline.rules import load_json

MAX_TITLE_TOKENS = 7


@dataclass(frozen=True)
class Lexicon:
    """The parsed titles lexicon: form -> (lemma, kind, plural) plus the word lists around titles."""

    forms: dict[str, tuple[str, str, bool]]
    pre_modifiers: dict[str, str]
    post_modifiers: dict[str, str]
    org_prepositions: frozenset[str]
    determiners: frozenset[str]
    anaphors: frozenset[str]
    anaphor_determiners: frozenset[str]
    role_verbs: frozenset[str]
    blocked_orgs: frozenset[str]
    relative_heads: frozenset[str]
    possessives: frozenset[str]
    unit_nouns: frozenset[str]
    institution_nouns: frozenset[str]
    not_orgs: frozenset[str]
    pre_adjectives: frozenset[str]
    join_verbs: frozenset[str]
    as_markers: tuple[str, ...]
    adjacent_person_forms: frozenset[str]
    non_org_heads: frozenset[str]
    descriptive_heads: frozenset[str]
    domain_heads: dict[str, str]
    person_relative_titles: frozenset[str]
    succession_verbs: frozenset[str]
    government_portfolios: frozenset[str]
    indefinite_determiners: frozenset[str]
    complement_coordinators: frozenset[str]
    contracted_articles: frozenset[str]
    apposition_adverbs: frozenset[str]
    appointment_verbs: frozenset[str]
    named_anaphors: frozenset[str]
    appointment_participles: frozenset[str]
    bare_title_exclusions: frozenset[str]
    title_qualifiers: frozenset[str]
    appointment_nouns: frozenset[str]
    post_verbs: frozenset[str]
    post_markers: tuple[str, ...]
    eponym_adjectives: frozenset[str]
    plural_quantifiers: frozenset[str]
    named_next_openers: tuple[str, ...]


PLURAL_COMPLEMENT_WORDS = ("de", "du", "des")


def _listed_plural(form: str, heads: set[str]) -> bool:
    """A form listed in the lexicon is a plural when its head is another form's head + s
    ("directeurs généraux" beside "directeur général")."""
    head = form.split(" ")[0]
    return head[-1:] == "s" and head[:-1] in heads


def _plural(form: str) -> str | None:
    """Regular plural of a one-word form (+s), or of the head of a form whose head is followed by
    its de-complement ("membres du conseil d'administration"); None when it cannot be built that simply."""
    head, _, rest = form.partition(" ")
    if head[-1] in "sxz" or rest and not (rest.split(" ")[0] in PLURAL_COMPLEMENT_WORDS or rest.startswith("d'")):
        return None
    return f"{head}s {rest}" if rest else head + "s"


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The titles lexicon, parsed once per process."""
    data = load_json("titles.json")
    forms: dict[str, tuple[str, str, bool]] = {}
    for title in data["titles"]:
        heads = {norm_text(f).split(" ")[0] for f in title["forms"]}
        for form in title["forms"]:
            forms[norm_text(form)] = (title["lemma"], title["kind"], _listed_plural(norm_text(form), heads))
            plural = _plural(norm_text(form))
            if plural and plural not in forms:
                forms[plural] = (title["lemma"], title["kind"], True)
    return Lexicon(
        forms=forms,
        pre_modifiers=data["pre_modifiers"],
        post_modifiers=data["post_modifiers"],
        org_prepositions=frozenset(data["org_prepositions"]),
        determiners=frozenset(data["determiners"]),
        anaphors=frozenset(norm_text(a) for a in data["anaphors"]),
        anaphor_determiners=frozenset(data["anaphor_determiners"]),
        role_verbs=frozenset(data["role_verbs"]),
        blocked_orgs=frozenset(norm_text(b) for b in data["blocked_orgs"]),
        relative_heads=frozenset(data["relative_heads"]),
        possessives=frozenset(data["possessives"]),
        unit_nouns=frozenset(norm_text(w) for w in data["unit_nouns"]),
        institution_nouns=frozenset(norm_text(w) for w in data["institution_nouns"]),
        not_orgs=frozenset(norm_text(w) for w in data["not_orgs"]),
        pre_adjectives=frozenset(norm_text(w) for w in data["pre_adjectives"]),
        join_verbs=frozenset(data["join_verbs"]),
        as_markers=tuple(norm_text(w) for w in data["as_markers"]),
        adjacent_person_forms=frozenset(norm_text(f) for f in data["adjacent_person_forms"]),
        non_org_heads=frozenset(norm_text(w) for w in data["non_org_heads"]),
        descriptive_heads=frozenset(norm_text(w) for w in data["descriptive_heads"]),
        domain_heads={norm_text(k): v for k, v in data["domain_heads"].items()},
        person_relative_titles=frozenset(data["person_relative_titles"]),
        succession_verbs=frozenset(data["succession_verbs"]),
        government_portfolios=frozenset(norm_text(w) for w in data["government_portfolios"]),
        indefinite_determiners=frozenset(data["indefinite_determiners"]),
        complement_coordinators=frozenset(norm_text(w) for w in data["complement_coordinators"]),
        contracted_articles=frozenset(data["contracted_articles"]),
        apposition_adverbs=frozenset(norm_text(w) for w in data["apposition_adverbs"]),
        appointment_verbs=frozenset(data["appointment_verbs"]),
        named_anaphors=frozenset(norm_text(w) for w in data["named_anaphors"]),
        appointment_participles=frozenset(norm_text(w) for w in data["appointment_participles"]),
        bare_title_exclusions=frozenset(data["bare_title_exclusions"]),
        title_qualifiers=frozenset(norm_text(w) for w in data["title_qualifiers"]),
        appointment_nouns=frozenset(data["appointment_nouns"]),
        post_verbs=frozenset(data["post_verbs"]),
        post_markers=tuple(norm_text(w) for w in data["post_markers"]),
        eponym_adjectives=frozenset(data["eponym_adjectives"]),
        plural_quantifiers=frozenset(norm_text(w) for w in data["plural_quantifiers"]),
        named_next_openers=tuple(norm_text(w) for w in data["named_next_openers"]),
    )


@lru_cache(maxsize=1)
def founder_titles() -> frozenset[str]:
    """Title lemmas whose holder founded the organisation (a role with one states `founded` too)."""
    return frozenset(load_json("titles.json")["founder_titles"])


@lru_cache(maxsize=1)
def lexicon_leader_titles() -> frozenset[str]:
    """Attributes of a current head of an organisation (PDG, directeur général, président …): with one
    of them, a generic "dirigeant" role of the same pair says nothing more."""
    return frozenset(load_json("titles.json")["leader_titles"])


@dataclass(frozen=True)
class TitleMatch:
    """A title in a sentence: tokens [start, end) include its modifiers; core = the lexicon form."""

    start: int
    end: int
    core_start: int
    core_end: int
    lemma: str
    kind: str
    plural: bool
    attribute: str  # modifiers + lemma, e.g. "ancien président exécutif"
    domain: bool = False  # a domain title ("chargé des partenariats"): never after a copula


_PREFIXES: dict[int, frozenset[str]] = {}


def _form_prefixes(lex: Lexicon) -> frozenset[str]:
    """Every prefix of every lexicon form (to skip at once the tokens no form can start with)."""
    if id(lex) not in _PREFIXES:
        _PREFIXES[id(lex)] = frozenset(form[:k] for form in lex.forms for k in range(1, len(form) + 1))
    return _PREFIXES[id(lex)]


def _core_at(sent: Span, i: int, lex: Lexicon) -> tuple[int, str, str, bool, bool] | None:
    """Longest lexicon form starting at token i: (end, lemma, kind, plural, ex_prefixed)."""
    doc = sent.doc
    first = norm_text(doc[i].text)
    if first not in _form_prefixes(lex) and not first.startswith("ex"):
        return None  # performance: no form starts with this token (most tokens)
    for n in range(min(MAX_TITLE_TOKENS, sent.end - i), 0, -1):
        text = norm_text(slice_text(doc, i, i + n))
        if text in lex.forms:
            lemma, kind, plural = lex.forms[text]
            return i + n, lemma, kind, plural, False
        # "ex-PDG" is one token: the prefix is a modifier.
        if text.startswith("ex-") and text[3:] in lex.forms:
            lemma, kind, plural = lex.forms[text[3:]]
            return i + n, lemma, kind, plural, True
    return None


DOMAIN_PREPOSITIONS = ("de", "d'", "du", "des")
DOMAIN_DETERMINERS = ("la", "l'", "le", "les")
MAX_DOMAIN_WORDS = 4


def _domain_title_at(sent: Span, i: int, lex: Lexicon) -> tuple[int, str, str, bool, bool] | None:
    """'chargée des partenariats', 'responsable de l'expansion internationale': a domain head and
    its lowercase de-complement (nouns and adjectives) make one title, lemma = head lemma + domain."""
    doc = sent.doc
    head = norm_text(doc[i].text)
    if head not in lex.domain_heads or i + 2 >= sent.end or norm_text(doc[i + 1].text) not in DOMAIN_PREPOSITIONS:
        return None
    k = i + 2
    while k < sent.end and norm_text(doc[k].text) in DOMAIN_DETERMINERS:
        k += 1
    start = k
    if norm_text(doc[start].text) in lex.unit_nouns and start + 1 < sent.end and doc[start + 1].text[:1].isupper():
        # "responsable du site Michelin de Cholet": a named unit, no domain; its company is the complement
        return i + 1, lex.domain_heads[head], "business", False, False
    while k < sent.end and k - start < MAX_DOMAIN_WORDS and doc[k].text.islower() and doc[k].is_alpha \
            and doc[k].pos_ in ("NOUN", "ADJ"):
        k += 1
    if k == start or doc[start].pos_ != "NOUN":
        return None  # "chargé de mener l'enquête": a verb, no title
    domain = " ".join(norm_text(t.text) for t in doc[i + 1 : k]).replace("' ", "'")
    return k, f"{lex.domain_heads[head]} {domain}", "business", False, False




def _title_candidates(doc: Doc, lex: Lexicon) -> list[int]:
    """Sorted indices of the doc's tokens a title form or a domain head may start at (as `_core_at` and
    `_domain_title_at` test them), found per distinct word from the LOWER array: no Token object
    is made for the other tokens."""
    cached = doc.user_data.get("_title_candidates")  # per doc, like the other per-doc caches
    if cached is not None:
        return cast(list[int], cached)
    prefixes = _form_prefixes(lex)
    lowers = doc.to_array("LOWER")
    good = [h for h in set(lowers.tolist())
            if (w := norm_text(doc.vocab.strings[h])) in prefixes or w.startswith("ex") or w in lex.domain_heads]
    found = numpy.nonzero(numpy.isin(lowers, numpy.array(good, dtype=lowers.dtype)))[0].tolist() if good else []
    doc.user_data["_title_candidates"] = found
    return found


def find_titles(sent: Span) -> list[TitleMatch]:
    """Every title of the sentence, left to right, with its pre- and post-modifiers."""
    lex = lexicon()
    doc = sent.doc
    matches: list[TitleMatch] = []
    candidates = _title_candidates(doc, lex)
    i = sent.start
    while i < sent.end:
        at = bisect_left(candidates, i)  # performance: skip the tokens no title can start at
        if at == len(candidates) or candidates[at] >= sent.end:
            break
        i = candidates[at]
        core = _core_at(sent, i, lex)
        domain = core is None
        core = core or _domain_title_at(sent, i, lex)
        # A capitalised form inside a sentence is usually a name ("Président" in a product name is rare),
        # but sentence-initial titles are capitalised: accept uppercase acronyms and sentence starts.
        if core is None or not (_plausible_case(doc[i], sent) or _title_case_phrase(doc[i : core[0]])
                                or _sentence_case_phrase(doc[i : core[0]])
                                or _capitalised_apposition(sent, i, core[0], lex)
                                or _capitalised_acronym(doc[i : core[0]], core[1])):
            i += 1
            continue
        end, lemma, kind, plural, ex = core
        pre: list[str] = ["ex"] if ex else []
        start = i
        while start - 1 >= sent.start:
            word = norm_text(doc[start - 1].text)
            if word in lex.pre_modifiers:
                pre.insert(0, lex.pre_modifiers[word])
            elif word not in lex.pre_adjectives:  # "le nouveau PDG", "l'emblématique patron"
                break
            start -= 1
        post: list[str] = []
        stop = end
        while stop < sent.end and norm_text(doc[stop].text) in lex.post_modifiers:
            post.append(lex.post_modifiers[norm_text(doc[stop].text)])
            stop += 1
        attribute = " ".join(pre + [lemma] + [p for p in post if p not in lemma.split()]).replace("ex ", "ex-")
        matches.append(TitleMatch(start, stop, i, end, lemma, kind, plural, attribute, domain))
        i = stop
    return matches


def _plausible_case(tok, sent: Span) -> bool:
    """Titles are written in lowercase, as acronyms (PDG, CEO) or capitalised at a sentence start."""
    text = tok.text
    if text.islower() or text.isupper() or tok.i == sent.start or "-" in text and text[:1].islower():
        return True
    return text.lower().startswith("ex-") or text[:1].isupper() and tok.i > 0 and tok.nbor(-1).text in ("«", "\"", "(")


def _capitalised_acronym(span: Span, lemma: str) -> bool:
    """'ancien Pdg de Total': an acronym title (PDG, CEO) written as a capitalised word is still the
    title (no name is one such word)."""
    return len(span) == 1 and lemma.isupper() and span[0].text[1:].islower()


def _capitalised_apposition(sent: Span, i: int, end: int, lex: Lexicon) -> bool:
    """'Alain Martin, Président de France Fintech': a capitalised title set off by a comma (or a
    parenthesis) and followed by its organisation's preposition is a title, not a name."""
    doc = sent.doc
    j = i - 1
    while j >= sent.start and doc[j].is_space:
        j -= 1
    if j < sent.start or doc[j].text not in (",", "("):
        return False
    return end < sent.end and (norm_text(doc[end].text) in lex.org_prepositions | {"et", "chez", "en"}
                               or doc[end].pos_ == "ADJ" and doc[end].text.islower())


def _sentence_case_phrase(span: Span) -> bool:
    """A title of several words with only the first capitalised ("Chief business officer"): no
    name is written that way."""
    words = [t for t in span if t.is_alpha]
    return len(words) >= 2 and words[0].text[:1].isupper() and all(t.text.islower() for t in words[1:])


def _title_case_phrase(span: Span) -> bool:
    """A title of several words all capitalised ("Chief Revenue Officer", "Managing Partner")."""
    words = [t for t in span if t.is_alpha]
    return len(words) >= 2 and all(t.text[:1].isupper() for t in words)


def succession_word(tok: Token) -> bool:
    """A form of a succession verb (succession_verbs: 'succède'; succession_stems: 'succédera', 'remplaçait')."""
    return tok.lemma_ in lexicon().succession_verbs or norm_text(tok.text).startswith(stems("succession_stems"))
