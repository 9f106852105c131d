"""Entity typing from evidence: each mention collects weighted votes for PER / ORG / LOC / MISC.

Signals (all kept as data in rules/): the NER label as a weak prior, words inside the name (legal
forms, organisation suffixes, event words, version numbers, geographic heads), the context before
and after the mention (org_cues.json, person_cues.json, type_cues.json), a given-name lexicon, a
place list and a gazetteer of well-known actors. Votes are summed over every mention of an entity in
the article (`decide`), and again over the corpus in `pipeline.resolve.actors`.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache

import numpy
from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Doc, Span

from pipeline.nlp.doctext import doc_text
from pipeline.nlp.lexicons import Lexicons, fold

LABELS = ("PER", "ORG", "LOC", "MISC")
Vote = tuple[str, float, str]  # label, weight, cue id

_AUX_SKIP = {"a", "ont", "avait", "avaient", "aura", "vient", "viennent", "de", "d'", "d’", "va", "vont", "est", "sont", "ne", "n'", "n’", "déjà", "encore", "également", "aussi", "elle", "il", "en", "y", "se", "s'", "s’", "qui"}
_VERSION = re.compile(r"(?:^|[\s-])v?\d+(?:[.,]\d+)?[a-z]?$|-\d", re.IGNORECASE)


_Group = tuple[str, float, str, frozenset[str]]
_GROUPS: dict[int, dict[str, list[_Group]]] = {}
_LONGEST: dict[int, dict[str, int]] = {}  # longest phrase per position, per Lexicons object


def _phrase_groups(lex_id: int, lex: Lexicons) -> dict[str, list[_Group]]:
    """Cue groups by position: (label, weight, id, folded phrases), built once per Lexicons object."""
    if lex_id in _GROUPS:
        return _GROUPS[lex_id]
    groups: dict[str, list[_Group]] = defaultdict(list)
    for label, cues in (("ORG", lex.org), ("PER", lex.person)):
        for where in ("before", "after"):
            for g in cues[where]:
                groups[where].append((label, g["weight"], g["id"], frozenset(_fold_cue(p) for p in g["phrases"])))
    for label, key, where in (
        ("MISC", "misc_before", "before"),
        ("MISC", "misc_named_before", "before"),
        ("LOC", "loc_examples", "before"),
        ("MISC", "misc_after", "after"),
        ("LOC", "loc_before", "loc"),
    ):
        g = lex.other[key]
        groups[where].append((label, g["weight"], g["id"], frozenset(fold(p) for p in g["phrases"])))
    _GROUPS[lex_id] = groups
    _LONGEST[lex_id] = {where: max((len(p) for g in gs for p in g[3]), default=0) for where, gs in groups.items()}
    return groups


def _fold_cue(phrase: str) -> str:
    """A cue phrase folded; a leading space is kept, since the text after a name keeps its own
    (' (un éditeur' matches 'Alma (un éditeur …', never 'Alma(un')."""
    return (" " if phrase.startswith(" ") else "") + fold(phrase)


def suffixes(context: str, longest: int | None = None) -> set[str]:
    """Every ending of `context` that starts on a word boundary (the candidates a cue phrase may be),
    at most `longest` characters long when given (no phrase is longer: shorter sets, same matches)."""
    n = len(context)
    first = 0 if longest is None else max(0, n - longest)
    return {context[k:] for k in range(first, n) if k == 0 or not context[k - 1].isalnum() or not context[k].isalnum()}


def prefixes(context: str, longest: int | None = None) -> set[str]:
    """Every beginning of `context` that ends on a word boundary (at most `longest` characters)."""
    n = len(context)
    last = n if longest is None else min(n, longest)
    return {context[:k] for k in range(1, last + 1) if k == n or not context[k].isalnum() or not context[k - 1].isalnum()}



def _skip_adjectives(doc: Doc, i: int, descriptors: frozenset[str] = frozenset()) -> int:
    """Start of up to 2 lowercase adjectives before token i (any lowercase word right after a
    sector descriptor: 'la Cleantech grenobloise X', where the tagger may call it a noun)."""
    skipped = 0
    while i > 0 and skipped < 2 and doc[i - 1].is_lower and (
        doc[i - 1].pos_ == "ADJ" or doc[i - 1].is_alpha and i > 1 and doc[i - 2].lower_ in descriptors
    ):
        i -= 1
        skipped += 1
    return i


def _text_before(doc: Doc, i: int) -> str:
    start = max(0, doc[i].idx - 60)
    return fold(doc_text(doc)[start : doc[i].idx].replace("\n", " ")).rstrip(" «\"“")


def contexts_before(doc: Doc, start: int) -> list[str]:
    """Folded texts before token `start`: lowercase adjectives skipped ('la start-up nantaise X'), and
    also a 'de (la) + common noun' complement skipped ('la société de cloud X', 'le spécialiste de la
    recharge électrique X')."""
    from pipeline.nlp.lexicons import lexicons

    i = _skip_adjectives(doc, start, lexicons().word_set({"words": lexicons().org["descriptors"]}))
    out = [_text_before(doc, i)] if i < len(doc) else []
    if i < start and start < len(doc):
        out.append(_text_before(doc, start))  # 'certifiés X': a participle the tagger calls an adjective
    j = i
    # a lowercase word the tagger calls PROPN is still a common noun ('le projet de cloud français X')
    while j > 0 and doc[j - 1].pos_ in {"NOUN", "ADJ", "PROPN"} and doc[j - 1].is_lower and i - j < 3:
        j -= 1
    if j < i and j > 1 and doc[j - 1].lower_ in {"la", "l'", "l’"} and doc[j - 2].lower_ == "de":
        j -= 1  # 'le spécialiste de la recharge électrique X'
    if j < i and j > 0 and doc[j - 1].lower_ in {"de", "d'", "d’", "du", "des", "en", "dans"}:
        out.append(_text_before(doc, j - 1))
    return out


def _raw_after(doc: Doc, span: Span) -> str:
    """Lowercased text after the span on the same line (a leading space kept: ' a déclaré' vs ', PDG')."""
    raw = doc_text(doc)[span.end_char : span.end_char + 60].split("\n", 1)[0].replace("’", "'")
    return " " + " ".join(raw.lower().split()) if raw[:1].isspace() else " ".join(raw.lower().split())


def context_votes(doc: Doc, span: Span, lex: Lexicons) -> list[Vote]:
    """Votes from the words around a mention (cue phrases, verbs, titles, age apposition)."""
    votes: list[Vote] = []
    groups = _phrase_groups(id(lex), lex)
    befores = contexts_before(doc, span.start)
    longest = _LONGEST[id(lex)]
    ends = set().union(*(suffixes(b, longest["before"]) for b in befores)) if befores else set()
    for label, weight, cid, phrases in groups["before"]:
        if phrases & ends:
            votes.append((label, weight, cid))
    if any(cid == "per.before.role" for _, _, cid in votes) and _before_person_name(doc, span, lex):
        # 'le député Renaissance Hugo Valadier', 'la sénatrice PS Anne X': the word between a role
        # and a person's name is the person's party or employer.
        votes = [v for v in votes if v[2] != "per.before.role"] + [("ORG", 4, "org.between.role_and_person")]
    after = _raw_after(doc, span)
    after_f = fold(after) if after.strip() else ""
    if after_f and after[:1].isspace():
        after_f = " " + after_f
    starts = prefixes(after_f, longest["after"])
    for label, weight, cid, phrases in groups["after"]:
        if phrases & starts:
            votes.append((label, weight, cid))
    titles = lex.folded(lex.person["titles"])
    if span.start > 0 and fold(doc[span.start - 1].text) in titles and doc[span.start - 1].text[:1].isupper():
        votes.append(("PER", 6, "per.title"))
    e = span.end
    if e + 2 < len(doc) and doc[e].text == "," and doc[e + 1].like_num and doc[e + 2].lower_ == "ans":
        votes.append(("PER", 4, "per.after.age"))  # 'X, 42 ans, ...'
    if _contracted_article_place(doc, span, lex):
        votes.append(("LOC", lex.other["place_weight"], "loc.place.article"))  # 'près du Mans' = Le Mans
    dept = lex.other["loc_after_department"]
    if _regex(dept["pattern"]).match(after):
        votes.append(("LOC", dept["weight"], dept["id"]))  # 'Bréhand (22)': a commune and its département
    votes.extend(_verb_votes(doc, span, lex))
    if _quoted_alone(doc, span, lex.other["misc_quoted"]):
        votes.append(("MISC", lex.other["misc_quoted"]["weight"], lex.other["misc_quoted"]["id"]))
    if befores:
        for loc in groups["loc"]:
            if loc[3] & suffixes(befores[0]):
                votes.append((loc[0], loc[1], loc[2]))
    if _device_after_determiner(doc, span, lex):
        device = lex.other["misc_name_suffixes"]
        votes.append(("MISC", device["weight"], device["id"]))  # 'la Freebox', 'des Livebox': a device
    if _thing_apposition(after_f, lex):
        app = lex.other["misc_apposition_heads"]
        votes.append(("MISC", app["weight"], app["id"]))
    if is_acronym_name(span.text):
        # a person is never written as an acronym ('SNME-CFDT'); a surname in capitals after 'Mme' is no acronym
        votes = [v for v in votes if v[0] != "PER" or v[2] == "per.title"]
    return votes


_ACRONYM_NAME = re.compile(r"[A-Z][A-Z0-9&]+(?:-[A-Z][A-Z0-9&]+)*")


def is_acronym_name(text: str) -> bool:
    """True for an all-capital acronym name ('CFDT', 'SNME-CFDT', 'RMC-BFM')."""
    return bool(_ACRONYM_NAME.fullmatch(text)) and sum(c.isalpha() for c in text) >= 2


@lru_cache(maxsize=16)
def _regex(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


_CONTRACTED = {"du": "le", "au": "le", "des": "les", "aux": "les"}


def _contracted_article_place(doc: Doc, span: Span, lex: Lexicons) -> bool:
    """'près du Mans', 'au Havre', 'aux Sables-d'Olonne': the article of a place name merged with 'de'/'à'."""
    if span.start == 0:
        return False
    article = _CONTRACTED.get(doc[span.start - 1].lower_)
    return article is not None and fold(f"{article} {span.text}") in lex.places


def _device_after_determiner(doc: Doc, span: Span, lex: Lexicons) -> bool:
    """'la Freebox', 'des Livebox', 'sa SFR Box': a '…box' name used with a determiner is a device."""
    device = lex.other["misc_name_suffixes"]
    endings = tuple(device["endings"])
    folded = [fold(w) for w in span.text.split()]
    named = len(folded) == 1 and len(folded[0]) > 3 and folded[0].endswith(endings) or len(folded) == 2 and folded[1] in endings
    return named and span.start > 0 and doc[span.start - 1].lower_ in lex.word_set({"words": device["determiners"]})


def _thing_apposition(after: str, lex: Lexicons) -> bool:
    """', premier supercalculateur exascale', ', un nouveau robot': determiners or ordinals, then a thing noun."""
    if not after.startswith(", "):
        return False
    app = lex.other["misc_apposition_heads"]
    dets, nouns = lex.word_set({"words": app["determiners"]}), lex.word_set({"words": app["nouns"]})
    words = after[2:].replace("'", "' ").split()
    k = 0
    while k < len(words) and words[k] in dets:
        k += 1
    return 0 < k < len(words) and words[k].strip(",.;") in nouns


def _before_person_name(doc: Doc, span: Span, lex: Lexicons) -> bool:
    """True when a capitalised given name follows the span (and the span does not open with one)."""
    e = span.end
    if e + 1 >= len(doc) or fold(span[0].text) in lex.given_names:
        return False
    nxt = doc[e]
    return nxt.is_title and fold(nxt.text.split("-")[0]) in lex.given_names and doc[e + 1].text[:1].isupper() and not span[-1].whitespace_.count("\n")


def _quoted_alone(doc: Doc, span: Span, cue: dict) -> bool:
    """True when the name alone (with at most a closing '!' or '?') fills a pair of quotation marks."""
    text = doc_text(doc)
    before = text[: span.start_char].rstrip(" \u00a0\u202f")
    after = text[span.end_char :].lstrip(" \u00a0\u202f!?").lstrip(" \u00a0\u202f")
    return before[-1:] in cue["open"] and after[:1] in cue["close"]


def _verb_votes(doc: Doc, span: Span, lex: Lexicons) -> list[Vote]:
    votes: list[Vote] = []
    # The name as subject of an organisation verb: "X lève", "X a levé", "X vient de racheter".
    j, hops = span.end, 0
    while j < len(doc) and hops < 4 and (doc[j].lower_ in _AUX_SKIP or doc[j].pos_ == "ADV"):
        j, hops = j + 1, hops + 1
    if j < len(doc) and doc[j].pos_ in {"VERB", "AUX", "NOUN"}:
        # 'X est licencié', 'X a été racheté': X undergoes the action, it is no organisation acting
        passive = any(t.lemma_ == "être" for t in doc[span.end : j]) and "Part" in doc[j].morph.get("VerbForm", [])
        for g in lex.org["after_lemmas"]:
            if doc[j].lemma_ in g["lemmas"] and not (doc[j].pos_ == "NOUN") and not passive:
                votes.append(("ORG", g["weight"], g["id"]))
        # An event takes place: "X se tiendra en juin", "X s'est déroulé à Lyon" (not 'l'assemblée de X s'est tenue').
        event = lex.other["misc_after_lemmas"]
        reflexive = any(t.lower_ in {"se", "s'", "s’"} for t in doc[span.end : j])
        if reflexive and doc[j].lemma_ in event["lemmas"] and not _noun_complement(doc, span):
            votes.append(("MISC", event["weight"], event["id"]))
    # An inverted speech verb right before the name: ", explique X".
    k = span.start - 1
    while k >= 0 and (doc[k].lower_ in {"-t-il", "-t-elle", "t", "-t-", "-", "aussi"} or doc[k].pos_ == "ADV"):
        k -= 1
    speech = lex.person["speech_lemmas"]
    if k >= 1 and doc[k].lemma_ in speech["lemmas"] and doc[k].pos_ == "VERB" and doc[k - 1].text in {",", "»", "”", '"', "("}:
        votes.append(("PER", speech["weight"], speech["id"]))
    return votes


def _noun_complement(doc: Doc, span: Span) -> bool:
    """'l'assemblée générale de la Korvalia': the name completes a lowercase noun before 'de' (it is not the subject)."""
    k = span.start - 1
    while k >= 0 and doc[k].lower_ in {"la", "le", "les", "l'", "l’"}:
        k -= 1
    return k >= 1 and doc[k].lower_ in {"de", "du", "des", "d'", "d’"} and doc[k - 1].pos_ in {"NOUN", "ADJ"} and doc[k - 1].is_lower


def name_votes(text: str, lex: Lexicons) -> list[Vote]:
    """Votes from the name itself: gazetteer, legal forms, suffixes, given names, places, event/version words."""
    # A pure function of the name: names recur in an article and across articles, so it is memoised.
    key = (id(lex), text)
    votes = _NAME_VOTES.get(key)
    if votes is None:
        if len(_NAME_VOTES) > 100_000:
            _NAME_VOTES.clear()
        votes = _NAME_VOTES[key] = tuple(_name_votes(text, lex))
    return list(votes)


_NAME_VOTES: dict[tuple[int, str], tuple[Vote, ...]] = {}


def _name_votes(text: str, lex: Lexicons) -> list[Vote]:
    from pipeline.nlp.entities import normalize_name

    votes: list[Vote] = []
    key = normalize_name(text)
    entry = lex.gazetteer.get(key)
    if entry is not None:
        votes.append((entry.label, 8, f"gazetteer:{entry.id}"))
    words = text.replace("’", "'").split()
    if not words:
        return votes
    folded = [fold(w) for w in words]
    org_words = lex.word_set(lex.org["name_suffixes"])
    legal = lex.word_set(lex.org["legal_forms"])
    prefixes = lex.word_set(lex.org["name_prefixes"])
    if len(words) > 1 and folded[-1] in legal:
        votes.append(("ORG", lex.org["legal_forms"]["weight"], lex.org["legal_forms"]["id"]))
    if len(words) > 1 and (folded[-1] in org_words or len(words) > 2 and folded[-2] in org_words):
        votes.append(("ORG", lex.org["name_suffixes"]["weight"], lex.org["name_suffixes"]["id"]))
    weak = lex.org["weak_name_suffixes"]
    if len(words) > 1 and folded[-1] in lex.word_set(weak) and not any(v[0] == "ORG" for v in votes):
        votes.append(("ORG", weak["weight"], weak["id"]))
    if len(words) > 1 and folded[0] in prefixes:
        votes.append(("ORG", lex.org["name_prefixes"]["weight"], lex.org["name_prefixes"]["id"]))
    first_parts = folded[0].split("-")
    all_caps = len(words) > 1 and all(w.isupper() for w in words)  # 'ANNE LE HÉNANFF'
    is_given = len(folded[0]) > 2 and words[0][:1].isupper() and (not words[0].isupper() or all_caps) and (
        folded[0] in lex.given_names or all(p in lex.given_names for p in first_parts if p)
    )
    if len(words) > 1 and is_acronym_name(words[0]) and folded[0] not in lex.places and folded[0] not in lex.given_names and not any(v[0] in {"ORG", "MISC"} for v in votes):
        acr = lex.org["acronym_head"]
        votes.append(("ORG", acr["weight"], acr["id"]))  # 'BFM Paris-Île-de-France', 'SNCF Réseau'
    orgish = any(v[0] == "ORG" and v[2] != weak["id"] for v in votes)
    loc_words = lex.word_set(lex.other["loc_name_words"])
    if (
        is_given
        and folded[0] not in loc_words  # 'Halle Freyssinet' is a venue, not Mr Freyssinet
        and 2 <= len(words) <= 4
        and words[1][:1].isupper()
        and not any(w in lex.places for w in folded)
        and not orgish
        and not any(c.isdigit() for c in text)
    ):
        votes.append(("PER", lex.person["given_name_weight"], "per.given_name"))
    if fold(text) in lex.places or key in lex.places:
        votes.append(("LOC", lex.other["place_weight"], "loc.place"))
    club = lex.org["club_name_prefixes"]
    if len(words) == 2 and folded[0] in lex.word_set(club) and folded[1] not in lex.places and re.search(club["suffix"], folded[1]) and words[1][:1].isupper():
        votes.append(("ORG", club["weight"], club["id"]))  # 'Stade Montois', not the 'stade Jean-Alric'
        orgish = True
    if any(w in loc_words for w in folded) and not orgish:
        votes.append(("LOC", lex.other["loc_name_words"]["weight"], lex.other["loc_name_words"]["id"]))
    compass = lex.other["loc_compass_words"]
    if (len(words) == 1 or any(w in lex.places and w not in lex.word_set(compass) for w in folded)) and any(w in lex.word_set(compass) for w in folded) and not orgish:
        votes.append(("LOC", compass["weight"], compass["id"]))  # 'Finistère Sud', not 'Ouest Croissance'
    topo = lex.other["loc_name_infixes"]
    low = text.lower().replace("’", "'")
    # '-sur-', '-lès-' inside a name, or a hyphenated saint's name opening it ('Saint-Fargeol'): a commune
    # (the prefix only stands in for communes missing from the place list: a listed one has its own vote)
    saint = low.startswith(tuple(topo.get("prefixes", ()))) and fold(text) not in lex.places
    if (any(i in low for i in topo["infixes"]) or saint) and not orgish:
        votes.append(("LOC", topo["weight"], topo["id"]))
    misc_words = lex.word_set(lex.other["misc_name_words"])
    if len(words) > 1 and any(w in misc_words for w in folded) and not orgish:
        votes.append(("MISC", lex.other["misc_name_words"]["weight"], lex.other["misc_name_words"]["id"]))
    competition = lex.other["misc_competition"]
    if _regex(competition["pattern"]).match(text):
        votes.append(("MISC", competition["weight"], competition["id"]))  # 'Ligue 1', 'Top 14', 'Pro D2'
    model = lex.other["misc_model_code"]
    if _regex(model["pattern"]).match(text) and not orgish:
        votes.append(("MISC", model["weight"], model["id"]))  # 'A110', 'TOP100'
    if _VERSION.search(text) and not orgish and not text[:1].isdigit():
        votes.append(("MISC", lex.other["misc_version"]["weight"], lex.other["misc_version"]["id"]))
    return votes


def prior_votes(span: Span, ner_label: str | None, lex: Lexicons) -> list[Vote]:
    """The NER label as a weak prior, corrected where fr_core_news_md is known to over-use it.

    On business news the model calls unknown companies PER (one word), LOC or MISC; without other
    evidence an unknown one-word PER/LOC and a MISC name are more likely organisations.
    """
    if ner_label is None:
        return []
    words = span.text.split()
    if ner_label == "ORG":
        return [("ORG", 1.5, "ner.org")]
    if ner_label == "PER":
        if len(words) == 1 and span[0].is_title and fold(span.text) in lex.given_names and fold(span.text) not in lex.places:
            return [("PER", 1.0, "ner.per1.given")]  # 'Paul prendra ses fonctions…': a person called by first name
        if len(words) == 1 and span[0].is_title and not is_acronym_name(span.text) and not _business_context(span.doc, lex):
            return [("PER", 1.0, "ner.per1")]  # a sports or culture story: 'Morvan et Lécuyer' are players
        if len(words) == 1:
            return [("ORG", 1.0, "ner.per1->org")]
        if _article_and_common_noun(span, lex):
            return [("ORG", 1.0, "ner.per->org.title")]  # 'Le Réveil de Beauvais', a title, not Mr Réveil
        return [("PER", 1.5, "ner.per")]
    if ner_label == "LOC":
        return [("LOC", 1.0, "ner.loc"), ("ORG", 1.2, "ner.loc->org")]
    return [("ORG", 1.0, "ner.misc->org"), ("MISC", 0.5, "ner.misc")]


def _business_context(doc: Doc, lex: Lexicons) -> bool:
    """The article talks business (enough words of org_cues business_context); computed once per doc."""
    cached = doc.user_data.get("_business_context")
    if cached is None:
        rule = lex.org["business_context"]
        words = lex.word_set({"words": rule["words"]})
        count = int(_word_hits(doc, words).sum())
        if count < rule["min_count"]:  # 'start-up' is three tokens
            count += doc_text(doc).lower().count("start-up")
        if len(doc) < rule["min_tokens"]:
            # a sentence or a caption says too little about its topic: business unless it talks sports or culture
            leisure = lex.word_set({"words": rule["leisure_words"]})
            count = rule["min_count"] if not _word_hits(doc, leisure).any() else count
        cached = doc.user_data["_business_context"] = count >= rule["min_count"]
    return bool(cached)


def _word_hits(doc: Doc, words: frozenset[str]) -> numpy.ndarray:
    """Per token, whether its lowercase form or its lowercased lemma is one of `words` (each
    distinct form looked up once, from the doc's LOWER and LEMMA columns)."""
    strings = doc.vocab.strings
    rows = doc.to_array([LOWER, LEMMA]).reshape(-1, 2)
    lowers, lower_at = numpy.unique(rows[:, 0], return_inverse=True)
    lemmas, lemma_at = numpy.unique(rows[:, 1], return_inverse=True)
    lower_hit = numpy.array([strings[h] in words for h in lowers.tolist()], dtype=bool)
    lemma_hit = numpy.array([strings[h].lower() in words for h in lemmas.tolist()], dtype=bool)
    return lower_hit[lower_at.reshape(-1)] | lemma_hit[lemma_at.reshape(-1)]


def _article_and_common_noun(span: Span, lex: Lexicons) -> bool:
    """'Le Réveil', 'La Gazette': a capitalised article, then an ordinary noun that is no given name."""
    if len(span) < 2 or span[0].text not in {"Le", "La", "Les", "L'", "L’"}:
        return False
    noun = span[1]
    return noun.is_title and fold(noun.text) not in lex.given_names and bool(span.doc.vocab[noun.lower_].has_vector)


def tally(votes: Iterable[Vote]) -> dict[str, float]:
    """Sum of the votes per label."""
    scores = dict.fromkeys(LABELS, 0.0)
    for label, weight, _ in votes:
        scores[label] += weight
    return scores


def decide(votes: list[Vote]) -> tuple[str, str]:
    """The winning label and an evidence string 'PER=..;ORG=..;LOC=..;MISC=..|cue ids' (parsed by the resolver)."""
    scores = tally(votes)
    # A place needs place evidence, not only NER's word: LOC wins ties against ORG only with it.
    label = max(LABELS, key=lambda lab: (scores[lab], lab == "ORG"))
    cues = sorted({cid for _, _, cid in votes})
    return label, format_evidence(scores, cues)


def format_evidence(scores: dict[str, float], cues: list[str]) -> str:
    """Serialise the votes of an entity into LocalEntity.type_evidence."""
    return ";".join(f"{lab}={scores[lab]:g}" for lab in LABELS) + "|" + ",".join(cues)


def parse_evidence(evidence: str | None) -> dict[str, float]:
    """Votes back from LocalEntity.type_evidence (missing or malformed -> no votes)."""
    scores = dict.fromkeys(LABELS, 0.0)
    if not evidence:
        return scores
    head = evidence.split("|", 1)[0]
    for part in head.split(";"):
        lab, _, val = part.partition("=")
        if lab in scores:
            try:
                scores[lab] = float(val)
            except ValueError:
                pass
    return scores
