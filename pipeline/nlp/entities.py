"""Entity component: finds, cleans, types and groups the article's actor candidates.

Steps (component `actor_entities`): NER spans + names the NER missed after an organisation or
person cue (`rules/org_cues.json`, `rules/person_cues.json`) + gazetteer names (`rules/gazetteer.jsonl`)
-> cleaning (`pipeline.nlp.cleaning`: trim, split, drop debris with a `Dropped` record) -> grouping of
the mentions of one entity (same normalised name, surname -> full name, acronym <-> expansion,
gazetteer aliases, 'X' <-> 'X Technologies', a nickname cut from a one-word name 'EuraTech' <->
'EuraTechnologies', a former name 'GV (ex-Google Ventures)') -> typing by votes over every mention of the group
(`pipeline.nlp.typing`). After it, `doc.ents` holds the kept, retyped mentions and `doc._.entities`
the `LocalEntity` clusters; `entity_ref` and `entities_in` let extractors point at them with an
`ActorRef`.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections import defaultdict
from functools import lru_cache

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from pipeline.nlp.doctext import doc_text, token_texts
from pipeline.nlp import typing as ty
from pipeline.nlp.cleaning import clean_spans, drop, is_known_word, is_line_start, surface
from pipeline.nlp.lexicons import Lexicons, fold, lexicons
from pipeline.records import ActorRef, LocalEntity, Mention

if not Doc.has_extension("entities"):
    Doc.set_extension("entities", default=None)
if not Doc.has_extension("entity_keys"):
    # (start_char, end_char) of each kept mention -> LocalEntity.key
    Doc.set_extension("entity_keys", default=None)

_ELISION_WORDS = re.compile(r"^(?:l|d|de la|de l|du|des|le|la|les) ")
_LOCATIVE = {"à", "a", "en", "au", "aux", "dans", "vers", "près", "depuis"}
_PARTICLES = {"le", "la", "de", "du", "des", "van", "von", "da", "di", "del", "della", "ben", "el", "al", "d'"}
_CONNECTORS = {"de", "des", "du", "la", "le", "les", "l", "d", "et", "&", "of", "the", "and", "for", "pour", "en", "a", "au", "aux"}


@lru_cache(maxsize=65536)
def normalize_name(name: str) -> str:
    """Comparison key for names: no accents, casefolded, no leading article, single spaces."""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold()
    s = s.replace("’", "'")
    s = " ".join(re.sub(r"[^\w]+", " ", s).split())
    # Leading articles and elisions go ('l’Europe', 'd’OpenAI', 'La Tribune'), until none is left
    # (so that the function is idempotent), but never down to nothing.
    while (m := _ELISION_WORDS.match(s)) and m.end() < len(s):
        s = s[m.end() :]
    return s


def acronym_of(name: str) -> str | None:
    """Initials of a multi-word name, connectors skipped ('Amazon Web Services' -> 'AWS'), or None."""
    words = [w for w in re.split(r"[\s\-’']+", name) if w]
    content = [w for w in words if fold(w) not in _CONNECTORS]
    if len(content) < 2:
        return None
    return fold("".join(w[0] for w in content)).upper()


def acronym_forms(name: str) -> set[str]:
    """Initials of a name, also with the letters of its all-capital words ('US Roncey-Vallée' -> URV, USRV)."""
    plain = acronym_of(name)
    if plain is None:
        return set()
    words = [w for w in re.split(r"[\s\-’']+", name) if w and fold(w) not in _CONNECTORS]
    caps = fold("".join(w if w.isupper() and w.isalpha() else w[0] for w in words)).upper()
    return {plain, caps}


def _is_acronym(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return 2 <= len(letters) <= 6 and all(c.isupper() for c in letters) and " " not in text


# --------------------------------------------------------------------------- candidate spans


def _cue_spans(doc: Doc, lex: Lexicons, taken: set[int]) -> list[Span]:
    """Capitalised names right after an organisation-kind cue or a title, that NER missed."""
    org_phrases = {fold(p) for g in lex.org["before"] if g["id"] in {"org.before.kind", "org.before.prep"} for p in g["phrases"]}
    titles = lex.folded(lex.person["titles"])
    out = []
    texts = token_texts(doc)
    i = 0
    while i < len(doc):
        if not texts[i][:1].isupper():
            i += 1
            continue
        tok = doc[i]
        if i in taken or not tok.text[:1].isupper() or not tok.is_alpha and not tok.text[:1].isalpha() or is_line_start(doc, i):
            i += 1
            continue
        label = None
        if i > 0 and fold(doc[i - 1].text) in titles and doc[i - 1].text[:1].isupper():
            label = "PER"
        else:
            if any(org_phrases & ty.suffixes(b) for b in ty.contexts_before(doc, i)):
                label = "ORG"
        if label is None:
            i += 1
            continue
        j = i + 1
        while j < len(doc) and j not in taken and (doc[j].text[:1].isupper() or doc[j].text in {"-", "&"} and not doc[j - 1].whitespace_) and "\n" not in doc[j - 1].whitespace_:
            j += 1
        while j > i + 1 and doc[j - 1].text in {"-", "&"}:
            j -= 1
        out.append(Span(doc, i, j, label=label))
        i = j
    return out


_ACRONYM_TOKEN = re.compile(r"[A-Z][A-Za-z0-9]{1,7}")
_EXPANSION_INNER = {",", "'", "’", "-"}
EXPANSION_MAX_TOKENS = 14


def _acronym_letters(token: str) -> str | None:
    """Letters of a token that may be an acronym ('OFB', 'Inrae', 'M2iSH'), upper-cased; else None."""
    if not _ACRONYM_TOKEN.fullmatch(token):
        return None
    return fold("".join(c for c in token if c.isalpha())).upper()


def _spells(initials: str, acr: str) -> bool:
    """True when the initials spell the acronym: exactly, or with at most two initials skipped inside
    ('INRAE' from Institut national de recherche pour l'agriculture, l'alimentation et l'environnement)."""
    if len(acr) < 2 or not initials or initials[0] != acr[0] or initials[-1] != acr[-1] or not 0 <= len(initials) - len(acr) <= 2:
        return False
    rest = iter(initials)
    return all(c in rest for c in acr)


def _expansion_start(doc: Doc, paren: int, acr: str) -> int | None:
    """First token of the words right before '(' whose initials spell `acr` (same line), or None."""
    initials = ""
    k = paren - 1
    while k >= 0 and paren - k <= EXPANSION_MAX_TOKENS:
        tok = doc[k]
        if "\n" in tok.whitespace_ or tok.is_space or not tok.is_alpha and tok.text not in _EXPANSION_INNER and not fold(tok.text) in {"l'", "d'"}:
            return None
        if tok.is_alpha and fold(tok.text) not in _CONNECTORS and fold(tok.text) not in {"l'", "d'", "sur", "dans"}:
            initials = fold(tok.text)[0].upper() + initials
            if tok.text[:1].isupper() and _spells(initials, acr):
                return k
        k -= 1
    return None


def _expansions(doc: Doc, spans: list[Span], lex: Lexicons) -> list[Span]:
    """'Office français de la biodiversité (OFB)': the whole expansion before a parenthesised acronym
    is one organisation name (NER often stops at a lowercase word); the spans inside it give way.
    Not a stoplisted one ('Comité social et économique (CSE)': a generic staff council)."""
    out = list(spans)
    texts = token_texts(doc)
    for i in (k for k in range(1, len(doc) - 2) if texts[k] == "("):
        if doc[i].text != "(" or doc[i + 2].text != ")" or (acr := _acronym_letters(doc[i + 1].text)) is None:
            continue
        start = _expansion_start(doc, i, acr)
        if start is None or any(s.start < start < s.end for s in out):
            continue
        if normalize_name(doc[start:i].text) in lex.stoplist or normalize_name(acr) in lex.stoplist:
            drop(doc, doc[start:i].text, "stoplist")
            out = [s for s in out if not (start <= s.start and s.end <= i)]  # its pieces go too ('Comité social')
            continue
        out = [s for s in out if not (start <= s.start and s.end <= i)]
        out.append(Span(doc, start, i, label="ORG"))
        if not any(s.start <= i + 1 < s.end for s in out):
            out.append(Span(doc, i + 1, i + 2, label="ORG"))
    return sorted(out, key=lambda x: x.start)


_PLACE_PREPS = ("de la ", "de l'", "des ", "du ", "de ", "d'", "")


def _ends_with_place_head(before: str, heads: tuple[str, ...]) -> bool:
    """Whether some 'head prep' phrase ends `before` (one C-level test instead of a loop over phrases)."""
    endings, whole = _place_head_endings(heads)
    return before.endswith(endings) or before in whole


@lru_cache(maxsize=8)
def _place_head_endings(heads: tuple[str, ...]) -> tuple[tuple[str, ...], frozenset[str]]:
    phrases = [h + " " + p for h in heads for p in _PLACE_PREPS]
    return tuple(c + ph for ph in phrases for c in (" ", "'")), frozenset(phrases)


def _place_institutions(doc: Doc, spans: list[Span], lex: Lexicons) -> list[Span]:
    """'le conseil départemental du Finistère', 'la communauté d'agglomération Cergy-Pontoise': a public
    body's lowercase head phrase before a place name makes one organisation of both."""
    capitalised = lex.folded(lex.org["place_institution_heads_capitalised"])  # 'l'hôpital de Rennes' is no name
    heads = sorted(lex.folded(lex.org["place_institution_heads"]) | capitalised, key=len, reverse=True)
    # A phrase ' head prep' can end `before` only if `before`'s last word is the phrase's last word.
    last_words = {(h + " " + p).split()[-1] for h in heads for p in _PLACE_PREPS}
    text = doc_text(doc)
    out: list[Span] = []
    for s in spans:
        raw = text[max(0, s.start_char - 60) : s.start_char]
        if "\n" in raw:
            raw = raw[raw.rfind("\n") + 1 :]
        before = fold(raw) + (" " if raw[-1:].isspace() else "")
        found = None
        if before.split()[-1:] and before.split()[-1] in last_words and _ends_with_place_head(before, tuple(heads)):
            found = next((h + " " + p for h in heads for p in _PLACE_PREPS
                          if before.endswith((" " + h + " " + p, "'" + h + " " + p)) or before == h + " " + p), None)
        if found and found.split()[0] in capitalised and not text[s.start_char - len(found) : s.start_char][:1].isupper():
            found = None
        span = doc.char_span(s.start_char - len(found), s.end_char, label="ORG", alignment_mode="expand") if found else None
        head = found.split()[0] if found else ""
        if span is not None and out and span.start <= out[-1].start and out[-1].end <= s.start and fold(span.text).startswith(head):
            out.pop()  # 'Hôpital' tagged alone by NER before 'privé des Monts-Korvan': the whole name wins
        if span is not None and (not out or out[-1].end <= span.start) and fold(span.text).startswith(head):
            out.append(span)
        else:
            out.append(s)
    return out


_COMPLEMENT_DETS = {"de", "des", "du", "d'", "d’", "la", "l'", "l’", "le", "les"}


def _join_coordinated(doc: Doc, spans: list[Span], lex: Lexicons) -> list[Span]:
    """'ministère de l'Économie' + 'et des' + 'Finances': an institution whose head noun takes two
    coordinated complements is one name (NER cuts it at 'et')."""
    heads = _heads(lex) | lex.folded(lex.org["name_prefixes"]["words"])
    out: list[Span] = []
    for s in spans:
        prev = out[-1] if out else None
        if prev is not None and fold(prev[0].text) in heads and any(t.lower_ in _COMPLEMENT_DETS for t in prev[1:]):
            gap = doc[prev.end : s.start]
            if 2 <= len(gap) <= 5 and fold(s[0].text) not in heads and gap[0].lower_ == "et" and gap[1].lower_ in {"de", "des", "du", "d'", "d’"} and all(t.is_lower or t.lower_ in _COMPLEMENT_DETS for t in gap) and "\n" not in gap.text:
                out[-1] = Span(doc, prev.start, s.end, label=prev.label_ or "ORG")
                continue
        out.append(s)
    return out


def _capital_persons(doc: Doc, ner: list[Span], lex: Lexicons) -> list[Span]:
    """'ANNE LE HÉNANFF et FRÉDÉRIC MATHIEU': a name written in capitals that opens with a given name is
    one person (NER cuts such names into pieces); the NER spans inside it give way."""
    out = list(ner)
    texts = token_texts(doc)
    i = 0
    while i < len(doc):
        if not (texts[i].isupper() and texts[i].isalpha()):  # spaCy's is_upper / is_alpha, without a Token
            i += 1
            continue
        tok = doc[i]
        if not (tok.is_upper and tok.is_alpha and len(tok) > 2 and fold(tok.text) in lex.given_names and fold(tok.text) not in lex.places):
            i += 1
            continue
        j = i + 1
        while j < len(doc) and j - i < 5 and doc[j].is_upper and (doc[j].is_alpha or doc[j].text == "-") and "\n" not in doc[j - 1].whitespace_:
            j += 1
        if j - i >= 2 and not any(s.start < i < s.end or s.start < j < s.end for s in out if not (i <= s.start and s.end <= j)):
            out = [s for s in out if not (i <= s.start and s.end <= j)] + [Span(doc, i, j, label="PER")]
        i = j
    return sorted(out, key=lambda s: s.start)


class _Gazetteer:
    """PhraseMatcher over the gazetteer's names and aliases (exact case), built once per pipeline."""

    def __init__(self, nlp: Language, lex: Lexicons) -> None:
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        names = sorted({n for e in lex.gazetteer.values() for n in (e.name, *e.aliases) if len(n) > 1})
        self.matcher.add("GAZ", [nlp.make_doc(n) for n in names])

    def widen(self, doc: Doc, ner: list[Span]) -> list[Span]:
        """NER spans replaced by a longer gazetteer name covering them ('Hugging' -> 'Hugging Face', 'CMA' + 'CGM')."""
        out = list(ner)
        for _, s, e in sorted(self.matcher(doc), key=lambda m: (m[1], -(m[2] - m[1]))):
            inside = [x for x in out if s <= x.start and x.end <= e]
            crossing = [x for x in out if x.start < e and x.end > s and x not in inside]
            if inside and not crossing and any(x.end - x.start < e - s for x in inside):
                out = [x for x in out if x not in inside] + [Span(doc, s, e, label=inside[0].label_)]
        return sorted(out, key=lambda x: x.start)

    def spans(self, doc: Doc, taken: set[int]) -> list[Span]:
        found = []
        for _, s, e in sorted(self.matcher(doc), key=lambda m: (m[1], -(m[2] - m[1]))):
            if any(i in taken for i in range(s, e)) or is_line_start(doc, s) and e - s == 1 and doc[s].is_title:
                continue
            if s > 0 and doc[s - 1].text[:1].isupper() and not doc[s - 1].is_sent_start or e < len(doc) and doc[e].text[:1].isupper() and doc[e].pos_ == "PROPN":
                continue  # part of a longer name ("Google" in "Google Cloud Platform")
            found.append(Span(doc, s, e))
            taken.update(range(s, e))
        return found


def _heads(lex: Lexicons) -> frozenset[str]:
    return frozenset(fold(w) for w in lex.org["institution_heads"])


def _echoes(doc: Doc, spans: list[Span], taken: set[int], lex: Lexicons, tokenizer) -> list[Span]:
    """Other occurrences of names already found in the text that NER missed (case-insensitive).

    Also looks for the short forms that grouping would link: a person's surname, an organisation
    name without its strippable suffix ('Zenthys' for 'Zenthys Technologies').
    """
    forms: set[str] = set()
    for s in spans:
        text = surface(s)[0]
        if len(text) > 2 and any(c.isupper() for c in text):
            forms.add(text)
        words = text.split()
        if len(words) >= 2 and s.label_ == "PER" and len(words[-1]) > 2:
            forms.add(words[-1])
            if len(words) >= 3 and fold(words[-2]) in _PARTICLES:
                forms.add(" ".join(words[-2:]))  # 'Le Maire' for 'Bruno Le Maire'

        if len(words) >= 3 and fold(words[0]) in _heads(lex) and fold(words[-2]) in {"de", "d'"}:
            forms.add(words[-1])  # 'Berkeley' for 'université de Berkeley'
        short = strip_suffix(normalize_name(text), lex)
        if short and len(short) > 2 and len(words) >= 2:
            forms.add(" ".join(words[:-1]))
    if not forms:
        return []
    shorts = {t for s in spans if s.label_ != "PER" and " " not in (t := surface(s)[0])}  # no surname ('Martin' / 'Martinez')
    out = _prefix_echoes(doc, {f for f in shorts if fold(f) not in lex.places and normalize_name(f) not in lex.gazetteer}, taken)
    matcher = PhraseMatcher(doc.vocab, attr="LOWER")
    matcher.add("ECHO", list(tokenizer.pipe(sorted(forms))))
    for _, a, b in sorted(matcher(doc), key=lambda m: (m[1], -(m[2] - m[1]))):
        if any(i in taken for i in range(a, b)) or not doc[a].text[:1].isupper():
            continue
        if is_line_start(doc, a) and b - a == 1 and doc[a].pos_ != "PROPN" and is_known_word(doc, doc[a]):
            continue  # 'Petit à petit' is not Mr Petit
        if b < len(doc) and doc[b].text[:1].isupper() and doc[b].pos_ == "PROPN" or a > 0 and doc[a - 1].pos_ == "PROPN" and doc[a - 1].text[:1].isupper() and not is_line_start(doc, a - 1):
            continue  # part of a longer name
        out.append(Span(doc, a, b))
        taken.update(range(a, b))
    return out


_EX_TOKEN = re.compile(r"ex-[A-Z]")


def _former_employer_spans(doc: Doc, taken: set[int]) -> list[Span]:
    """'(ex-OpenAI)', '(ex-Alan)' after a name: the tokenizer glues 'ex-' to the name, so NER and the
    gazetteer miss it; the capitalised words after 'ex-' inside the parentheses are an organisation."""
    out = []
    texts = token_texts(doc)
    for tok in (doc[i] for i, text in enumerate(texts) if _EX_TOKEN.match(text)):
        if not _EX_TOKEN.match(tok.text) or tok.i in taken or tok.i == 0 or doc[tok.i - 1].text != "(":
            continue
        j = tok.i + 1
        while j < len(doc) and j not in taken and doc[j].text[:1].isupper() and "\n" not in doc[j - 1].whitespace_:
            j += 1
        if j < len(doc) and doc[j].text == ")":
            out.append(Span(doc, tok.i, j, label="ORG"))
            taken.update(range(tok.i, j))
    return out


def _prefix_echoes(doc: Doc, forms: set[str], taken: set[int]) -> list[Span]:
    """Capitalised one-word names that NER missed and that extend a short name found ('EuraTechnologies' for 'EuraTech')."""
    shorts = {f.lower() for f in forms if " " not in f and len(f) >= PREFIX_MIN_LEN}
    out = []
    texts = token_texts(doc)
    for tok in (doc[i] for i, text in enumerate(texts) if text[:1].isupper() and text.isalpha()):
        low = tok.lower_
        if tok.i in taken or not tok.text[:1].isupper() or not tok.is_alpha or low in shorts:
            continue
        if any(low.startswith(s) for s in shorts) and not is_known_word(doc, tok):
            out.append(Span(doc, tok.i, tok.i + 1))
            taken.add(tok.i)
    return out


# --------------------------------------------------------------------------- grouping


def _merge_into(groups: dict[str, list[Span]], src: str, dst: str) -> None:
    if src != dst and src in groups and dst in groups:
        groups[dst].extend(groups.pop(src))


def _group(doc: Doc, spans: list[Span], lex: Lexicons, per_like: set[str], org_like: frozenset[str] = frozenset()) -> dict[str, list[Span]]:
    """Mentions grouped by entity key: same normalised name first, then the within-article links."""
    groups: dict[str, list[Span]] = defaultdict(list)
    for s in spans:
        groups[normalize_name(surface(s)[0])].append(s)
    groups = dict(groups)
    # Gazetteer aliases (AWS ~ Amazon Web Services) become one group.
    by_gaz: dict[str, str] = {}
    for key in sorted(groups, key=lambda k: (-len(k), k)):
        entry = lex.gazetteer.get(key)
        if entry is not None:
            if entry.id in by_gaz:
                _merge_into(groups, key, by_gaz[entry.id])
            else:
                by_gaz[entry.id] = key
    _link_acronyms(doc, groups, lex)
    _link_parenthesised_acronyms(doc, groups, lex, per_like)
    _link_surnames(groups, lex, per_like, org_like)
    _link_given_names(groups, lex, per_like, org_like)
    _link_short_forms(groups, lex, per_like)
    _link_former_names(doc, groups, lex, per_like)
    _link_spacing_variants(groups)
    return groups


def _link_spacing_variants(groups: dict[str, list[Span]]) -> None:
    """'PierreEmmanuel Andrieux' and 'Pierre-Emmanuel Andrieux', 'HuggingFace' and 'Hugging Face':
    names that differ only by spaces or hyphens are one entity (the form with more words is kept)."""
    by_glued: dict[str, str] = {}
    for key in sorted(groups, key=lambda k: (-len(k.split()), k)):
        glued = key.replace(" ", "")
        if glued in by_glued:
            _merge_into(groups, key, by_glued[glued])
        else:
            by_glued[glued] = key


def _link_acronyms(doc: Doc, groups: dict[str, list[Span]], lex: Lexicons) -> None:
    """'International Business Machines (IBM)' and 'IBM' alone: an acronym joins its unique expansion."""
    acr_keys = [k for k in groups if any(_is_acronym(s.text) for s in groups[k])]
    for k in acr_keys:
        acr = next(s.text for s in groups[k] if _is_acronym(s.text)).replace(".", "")
        owners = [o for o in groups if o != k and acr.upper() in acronym_forms(groups[o][0].text)]
        if len(owners) == 1:
            g1, g2 = lex.gazetteer.get(k), lex.gazetteer.get(owners[0])
            if g1 is not None and g2 is not None and g1.id != g2.id:
                continue
            _merge_into(groups, k, owners[0])


def _link_surnames(groups: dict[str, list[Span]], lex: Lexicons, per_like: set[str], org_like: frozenset[str] = frozenset()) -> None:
    """A lone surname ('Altman', 'Le Maire') joins the unique person name ending with it.

    Not a name that the text calls an organisation on its own ('le fabricant Velland' beside its
    PDG 'Jean-Charles Velland'): a family firm keeps its own entity.
    """
    full = [k for k in groups if k in per_like and len(k.split()) >= 2]
    for k in list(groups):
        if k in per_like and len(k.split()) >= 2 or k not in groups or k in org_like:
            continue
        n = len(k.split())
        owners = [f for f in full if f != k and f.split()[-n:] == k.split() and len(f.split()) > n]
        if len(owners) == 1 and lex.gazetteer.get(k) is None:
            _merge_into(groups, k, owners[0])


def _link_given_names(groups: dict[str, list[Span]], lex: Lexicons, per_like: set[str], org_like: frozenset[str]) -> None:
    """A lone given name ('Karim a le profil…', 'la venue de Kendro') joins the unique person of the
    article with that first name; 'Scott B.' (given name and initial) joins 'Scott Dravenel'.

    A first word outside the given-name lexicon links only to a name of exactly two words whose
    second word is no place or organisation word, so that 'Bouygues' never joins 'Bouygues Telecom'.
    """
    full = [k for k in groups if k in per_like and len(k.split()) >= 2]
    for k in list(groups):
        if k not in groups or k in org_like or lex.gazetteer.get(k) is not None or k in lex.places:
            continue
        words = k.split()
        if len(words) == 2 and _INITIAL.fullmatch(words[1]):
            owners = [f for f in full if f != k and f.split()[0] == words[0] and f.split()[-1][:1] == words[1][:1]]
        elif len(words) == 1 and k in lex.given_names:
            # a person the votes left undecided ('Philippe Maso y Guell Rivet': too long for the given-name vote)
            owners = [f for f in full if f.split()[0] == k] or [
                f for f in groups if f.split()[0] == k and len(f.split()) >= 2 and lex.gazetteer.get(f) is None and not _has_org_word(f, lex)
            ]
        elif len(words) == 1:
            owners = [f for f in full if f.split()[0] == k and len(f.split()) == 2]
        else:
            continue
        if len(owners) == 1:
            _merge_into(groups, k, owners[0])


def _has_org_word(key: str, lex: Lexicons) -> bool:
    """A name with an organisation suffix or legal form among its words ('Marcel Dassault Aviation')."""
    return any(w in lex.word_set(lex.org["name_suffixes"]) or w in lex.word_set(lex.org["legal_forms"]) for w in key.split()[1:])


_INITIAL = re.compile(r"\w\.?")



def _link_parenthesised_acronyms(doc: Doc, groups: dict[str, list[Span]], lex: Lexicons, per_like: set[str]) -> None:
    """'Conseil européen de l'innovation (EIC)': an acronym in parentheses right after an organisation
    name is that organisation, whatever its letters (English acronyms of French names)."""
    group_of = {(s.start, s.end): k for k, members in groups.items() for s in members}
    for (s1, e1), (s2, e2) in zip(sorted(group_of), sorted(group_of)[1:]):
        if not (s2 == e1 + 1 and doc[e1].text == "(" and e2 < len(doc) and doc[e2].text == ")"):
            continue
        inner = doc[s2:e2].text
        if not _is_acronym(inner) and not ((letters := _acronym_letters(inner)) and _expansion_start(doc, e1, letters) == s1):
            continue
        a, b = group_of[(s1, e1)], group_of[(s2, e2)]
        ga, gb = lex.gazetteer.get(a), lex.gazetteer.get(b)
        if a in per_like or a == b or a not in groups or b not in groups or ga is not None and gb is not None and ga.id != gb.id or len(a.split()) < 2:
            continue
        _merge_into(groups, b, a)
        group_of = {(s.start, s.end): k for k, members in groups.items() for s in members}


@lru_cache(maxsize=4)
def _strippable(words: tuple[str, ...]) -> frozenset[str]:
    return frozenset(normalize_name(w) for w in words)


def strip_suffix(key: str, lex: Lexicons) -> str | None:
    """The key without a strippable organisation suffix ('qarnot computing' -> 'qarnot'), or None."""
    words = key.split()
    if len(words) >= 2 and words[-1] in _strippable(tuple(lex.org["strippable_suffixes"])):
        return " ".join(words[:-1])
    return None


def _prefix_keys(lex: Lexicons) -> frozenset[str]:
    """Organisation name prefixes ('Groupe', 'Grupo', 'Fondation'), normalised."""
    return _strippable(tuple(lex.org["name_prefixes"]["words"]))


def _link_short_forms(groups: dict[str, list[Span]], lex: Lexicons, per_like: set[str]) -> None:
    """'Qarnot' joins 'Qarnot Computing', 'Hugging' joins 'Hugging Face' in the same text.

    Never when the short form is itself a gazetteer entity (Google / Google Cloud, Meta / Meta AI).
    """
    for key in sorted(groups, key=lambda k: (-len(k), k)):
        short = strip_suffix(key, lex)
        if short and short in groups and key in groups and lex.gazetteer.get(short) is None:
            _merge_into(groups, short, key)
    # 'Stade Français Paris' (a signature line) is the 'Stade Français' of the gazetteer, written with its town.
    for key in sorted(groups):
        base, _, town = key.rpartition(" ")
        entry = lex.gazetteer.get(base)
        # never a country ('Meta France', 'Uber France' are subsidiaries of their own)
        country = lex.gazetteer.get(town) is not None or town in {normalize_name(c) for c in lex.org["subsidiary_places"]}
        if base in groups and key in groups and town in lex.places and not country and entry is not None and entry.label == "ORG" and lex.gazetteer.get(key) is None:
            _merge_into(groups, key, base)
    for key in sorted(groups):
        if key in lex.places and " " not in key and key in groups:
            _link_place_named_firm(groups, key, lex)  # 'le groupe industriel Cahors' is 'Groupe Cahors'
        if " " in key or key in per_like or lex.gazetteer.get(key) is not None or key not in groups or key in lex.places:
            continue  # a place keeps its own entity ('France' vs 'France Digitale')
        owners = [k for k in groups if k.split()[0] == key and " " in k and k not in per_like]
        if not owners:  # 'Ferraresi' for 'Grupo Ferraresi', 'Velland' for 'Groupe Velland'
            owners = [k for k in groups if k.split()[-1] == key and len(k.split()) == 2 and k.split()[0] in _prefix_keys(lex) and k not in per_like]
        if len(owners) == 1:
            _merge_into(groups, key, owners[0])
    _link_prefixes(groups, lex, per_like)
    # 'Berkeley' after 'université de Berkeley': the institution, named by its place.
    heads = {normalize_name(w) for w in lex.org["institution_heads"]}
    for key in sorted(groups):
        if " " in key or key not in groups:
            continue
        owners = [k for k in groups if " " in k and k.split()[0] in heads and k.split()[-1] == key]
        as_place = any(s.start > 0 and s.doc[s.start - 1].lower_ in _LOCATIVE for s in groups[key])
        if len(owners) == 1 and not as_place:
            _merge_into(groups, key, owners[0])


def _link_place_named_firm(groups: dict[str, list[Span]], key: str, lex: Lexicons) -> None:
    """A place name written after the lowercase prefix word of an article's 'Prefix Place' name is that
    organisation ('Groupe Cahors' … 'le groupe industriel Cahors'); the place alone ('à Cahors') stays a place."""
    for owner in [k for k in groups if len(k.split()) == 2 and k.split()[1] == key and k.split()[0] in _prefix_keys(lex)]:
        prefix = owner.split()[0]
        named = [s for s in groups[key] if any(normalize_name(t.text) == prefix and t.is_lower for t in s.doc[max(0, s.start - 3) : s.start])]
        if named and len(named) == len(groups[key]):
            _merge_into(groups, key, owner)
            return


_FORMER_NAME = {"(ex-", "(ex", ", ex-", "(anciennement", ", anciennement", "(formerly"}
PREFIX_MIN_LEN = 6  # a nickname cut from a one-word name ('EuraTech' for 'EuraTechnologies')


def _link_prefixes(groups: dict[str, list[Span]], lex: Lexicons, per_like: set[str]) -> None:
    """A one-word name that starts another one-word name of the article is its short form.

    'EuraTech’' joins 'EuraTechnologies' (>= 6 letters, one candidate only, neither a person, a place
    nor a gazetteer entity of its own: 'France' never swallows 'FranceInter', 'Orange' never 'Orangina').
    """
    for key in sorted(groups, key=lambda k: (len(k), k)):
        if " " in key or len(key) < PREFIX_MIN_LEN or key in per_like or key not in groups or lex.gazetteer.get(key) is not None or key in lex.places:
            continue
        owners = [k for k in groups if " " not in k and len(k) > len(key) and k.startswith(key) and k not in per_like]
        if len(owners) == 1:
            _merge_into(groups, key, owners[0])


def _link_former_names(doc: Doc, groups: dict[str, list[Span]], lex: Lexicons, per_like: set[str]) -> None:
    """'GV (ex-Google Ventures)', 'Veltis (anciennement Korvo)': an organisation and its former name are one entity."""
    group_of = {(s.start, s.end): k for k, members in groups.items() for s in members}
    spans = sorted(group_of)
    for (s1, e1), (s2, e2) in zip(spans, spans[1:]):
        between = fold(doc_text(doc)[surface(Span(doc, s1, e1))[2] : surface(Span(doc, s2, e2))[1]])
        words = between.split(" ")
        if len(words) > 1 and words[-1] in _prefix_keys(lex):
            between = " ".join(words[:-1])  # '(anciennement groupe Chèque Déjeuner)'
        if between not in _FORMER_NAME:
            continue
        a, b = group_of[(s1, e1)], group_of[(s2, e2)]
        ga, gb = lex.gazetteer.get(a), lex.gazetteer.get(b)
        if a in per_like or b in per_like or a == b or ga is not None and gb is not None and ga.id != gb.id:
            continue
        _merge_into(groups, b, a)
        group_of = {(s.start, s.end): k for k, members in groups.items() for s in members}


# --------------------------------------------------------------------------- the component


def _sentence_of(doc: Doc) -> dict[int, int]:
    out = {}
    for n, sent in enumerate(doc.sents):
        for i in range(sent.start, sent.end):
            out[i] = n
    return out


class ActorEntities:
    """Sets `doc.ents` (cleaned, retyped), `doc._.entities` and `doc._.entity_keys`."""

    def __init__(self, nlp: Language) -> None:
        self.lex = lexicons()
        self.gazetteer = _Gazetteer(nlp, self.lex)
        self.tokenizer = nlp.tokenizer

    def __call__(self, doc: Doc) -> Doc:
        lex = self.lex
        ner = _capital_persons(doc, self.gazetteer.widen(doc, list(doc.ents)), lex)
        ner_label = {}
        spans = _place_institutions(doc, _join_coordinated(doc, _expansions(doc, clean_spans(doc, ner, lex), lex), lex), lex)
        for s in spans:
            src = next((e for e in ner if e.start <= s.start and s.end <= e.end), None)
            ner_label[(s.start, s.end)] = s.label_ if s.label_ else (src.label_ if src else None)
        taken = {i for s in spans for i in range(s.start, s.end)}
        spans, extra = _without_overlaps(spans, clean_spans(doc, _cue_spans(doc, lex, taken), lex))
        taken = {i for s in spans + extra for i in range(s.start, s.end)}
        spans, more = _without_overlaps(spans + extra, clean_spans(doc, self.gazetteer.spans(doc, taken) + _former_employer_spans(doc, taken), lex))
        extra = [s for s in spans if (s.start, s.end) not in ner_label] + more
        spans = [s for s in spans if (s.start, s.end) in ner_label]
        taken = {i for s in spans + extra for i in range(s.start, s.end)}
        echoes = _echoes(doc, spans + extra, taken, lex, self.tokenizer)
        rule_of = {(s.start, s.end): ("ner:" + (ner_label[(s.start, s.end)] or "").lower()) for s in spans}
        rule_of.update({(s.start, s.end): "cue" if s.label_ else "gazetteer" for s in extra})
        rule_of.update({(s.start, s.end): "echo" for s in echoes})
        spans = _split_pairs(doc, sorted(spans + extra + echoes, key=lambda s: s.start), ner_label, rule_of)
        entities, ents = self._entities(doc, spans, ner_label, rule_of)
        doc.ents = ents
        doc._.entities = entities
        doc._.entity_keys = {(m.start, m.end): e.key for e in entities for m in e.mentions}
        return doc

    def _mention_votes(self, doc: Doc, span: Span, ner_label: str | None) -> list[ty.Vote]:
        lex = self.lex
        votes = ty.context_votes(doc, span, lex) + ty.prior_votes(span, ner_label, lex)
        if span.label_ in {"PER", "ORG"} and ner_label is None:
            votes.append((span.label_, 3, f"cue.{span.label_.lower()}"))
        return votes

    def _entities(self, doc: Doc, spans: list[Span], ner_label: dict, rule_of: dict) -> tuple[list[LocalEntity], list[Span]]:
        lex = self.lex
        votes_of = {(s.start, s.end): self._mention_votes(doc, s, ner_label.get((s.start, s.end))) for s in spans}
        _share_list_votes(doc, spans, votes_of, lex)
        per_like = set()
        for s in spans:
            # a lone word's weak PER tag ('ner.per1') makes no person: 'Pompidou' may still join 'Centre Pompidou'
            scores = ty.tally([v for v in votes_of[(s.start, s.end)] if v[2] != "ner.per1"] + ty.name_votes(surface(s)[0], lex))
            if scores["PER"] > 0 and scores["PER"] >= max(scores.values()):
                per_like.add(normalize_name(surface(s)[0]))
        groups = _group(doc, spans, lex, per_like, _org_like(spans, votes_of, per_like))
        sent_of = _sentence_of(doc)
        entities: list[LocalEntity] = []
        ents: list[Span] = []
        ordered = sorted(groups.items(), key=lambda kv: min(s.start for s in kv[1]))
        for key, members in ordered:
            members.sort(key=lambda s: s.start)
            # Words inside a name vote once per distinct form; context and NER vote once per mention.
            forms = sorted({surface(s)[0] for s in members})
            # A person's lone first name or surname ('Kendro', 'Altman') adds no NER prior of its own:
            # NER's guess on one word is what the one-word ORG correction is for, not a person's.
            short = {(s.start, s.end) for s in members if key in per_like and " " in key and " " not in normalize_name(surface(s)[0])}
            votes = [v for s in members for v in votes_of[(s.start, s.end)] if not ((s.start, s.end) in short and v[2].startswith("ner."))]
            votes += [v for f in forms for v in ty.name_votes(f, lex)]
            # Outside business news a lone word tagged PER is a weak person vote, counted once for the
            # entity: any organisation cue of one mention outweighs it ('PDG de Kyutai', then 'Kyutai' x8).
            per1 = [v for v in votes if v[2] == "ner.per1"]
            votes = [v for v in votes if v[2] != "ner.per1"] + per1[:1]
            if not any(v[2] in {"loc.place", "loc.place.article", "ner.loc", "loc.name.word", "loc.name.compass"} or v[0] == "LOC" and v[2].startswith("gazetteer:") for v in votes):
                votes = [v for v in votes if v[2] != "loc.before.prep"]
            label, evidence = ty.decide(votes)
            name = _fullest(members, lex)
            if len(normalize_name(name)) == 1 and not any(v[2].startswith(("org.", "gazetteer", "cue.", "per.title", "list.")) for v in votes):
                drop(doc, name, "one-letter name without a cue")
                continue
            n = len(entities)
            mentions = tuple(
                Mention(*surface(s), sent_of.get(s.start, 0), f"{label.lower()}:{rule_of.get((s.start, s.end), 'ner')}")
                for s in members
            )
            entities.append(LocalEntity(f"e{n}", name, label, mentions, evidence))
            ents.extend(Span(doc, s.start, s.end, label=label) for s in members)
        return entities, sorted(ents, key=lambda s: s.start)


def _split_pairs(doc: Doc, spans: list[Span], ner_label: dict, rule_of: dict) -> list[Span]:
    """'Orange-Bouygues', 'l'affaire Altice-Free': two names the article mentions on their own, glued by
    a hyphen, are two mentions (a real hyphenated name, 'RMC-BFM', has parts the article never uses alone)."""
    alone = {normalize_name(surface(s)[0]) for s in spans}
    out: list[Span] = []
    for s in spans:
        dash = [t.i for t in s if t.text == "-" and not t.whitespace_ and not doc[t.i - 1].whitespace_]
        if len(dash) == 1 and dash[0] > s.start and dash[0] + 1 < s.end:
            a, b = Span(doc, s.start, dash[0]), Span(doc, dash[0] + 1, s.end)
            if normalize_name(a.text) in alone and normalize_name(b.text) in alone:
                for part in (a, b):
                    ner_label[(part.start, part.end)] = ner_label.get((s.start, s.end))
                    rule_of[(part.start, part.end)] = rule_of.get((s.start, s.end), "ner")
                out.extend((a, b))
                continue
        out.append(s)
    return out


ORG_CONTEXT_CUES = ("org.before.kind", "org.after.", "org.name.")


def _org_like(spans: list[Span], votes_of: dict, per_like: set[str]) -> frozenset[str]:
    """One-word names that a mention's own context calls an organisation ('le fabricant X', 'X, fondée en')."""
    out = set()
    for s in spans:
        key = normalize_name(surface(s)[0])
        votes = votes_of[(s.start, s.end)]
        org = sum(w for lab, w, cid in votes if lab == "ORG" and cid.startswith(ORG_CONTEXT_CUES))
        per = sum(w for lab, w, cid in votes if lab == "PER" and not cid.startswith("ner."))
        if " " not in key and org >= 3 and org > per:
            out.add(key)
    return frozenset(out)


def _without_overlaps(kept: list[Span], new: list[Span]) -> tuple[list[Span], list[Span]]:
    """New spans that cleaning widened over kept ones ('Bien' -> 'Bien Vivre' over NER's 'Vivre').

    A new span that covers whole kept spans replaces them (its cue is the stronger evidence); one
    that crosses a kept span only in part is left out. Returns (kept, new), disjoint.
    """
    out_new: list[Span] = []
    for n in new:
        inside = [k for k in kept if n.start <= k.start and k.end <= n.end]
        crossing = [k for k in kept if k.start < n.end and n.start < k.end and k not in inside]
        if crossing or any(o.start < n.end and n.start < o.end for o in out_new):
            continue
        kept = [k for k in kept if k not in inside]
        out_new.append(n)
    return kept, out_new


def _share_list_votes(doc: Doc, spans: list[Span], votes_of: dict, lex: Lexicons) -> None:
    """Names of one enumeration ('A, B, C ou encore D') share the context cues of their neighbours."""
    seps = lex.folded(lex.org["list_separators"])
    chains: list[list[Span]] = []
    for s in spans:
        if chains and fold(doc_text(doc)[chains[-1][-1].end_char : s.start_char].strip()) in seps | {","}:
            between = doc_text(doc)[chains[-1][-1].end_char : s.start_char]
            if "\n" not in between:
                chains[-1].append(s)
                continue
        chains.append([s])
    for chain in chains:
        if len(chain) < 2:
            continue
        shared = ("org.before", "org.after", "per.before.role", "per.after.role", "per.title", "ner.org", "loc.before.examples")
        cues = {v[0] for s in chain for v in votes_of[(s.start, s.end)] if v[2].startswith(shared)}
        for label in sorted(cues & {"ORG", "PER", "LOC"}):
            for s in chain:
                votes_of[(s.start, s.end)].append((label, lex.org["list_weight"], f"list.{label.lower()}"))


def _fullest(members: list[Span], lex: Lexicons) -> str:
    """The fullest form of an entity in the article: gazetteer name, else most words, then most frequent."""
    for s in members:
        entry = lex.gazetteer.get(normalize_name(surface(s)[0]))
        if entry is not None:
            return entry.name
    counts: dict[str, int] = defaultdict(int)
    first: dict[str, int] = {}
    for s in members:
        counts[surface(s)[0]] += 1
        first.setdefault(surface(s)[0], s.start)
    # Ties go to the form written first (the current name before a former one in parentheses).
    return sorted(counts, key=lambda t: (-len(normalize_name(t).split()), _is_acronym(t), -counts[t], len(t.split()), -len(t), first[t], t))[0]


@Language.factory("actor_entities", default_config={})
def make_actor_entities(nlp: Language, name: str) -> ActorEntities:
    """Factory of the entity component (the lexicons come from rules/, loaded once per process)."""
    return ActorEntities(nlp)


def _entity_by_key(doc: Doc) -> dict[str, LocalEntity]:
    entities = doc._.entities or []
    cached = doc.user_data.get("_entity_by_key")
    if cached is None or cached[0] is not entities:
        cached = doc.user_data["_entity_by_key"] = (entities, {e.key: e for e in entities})
    return cached[1]


def _mention_index(doc: Doc) -> tuple[list[tuple[int, int, int, str]], list[int], int]:
    """The mentions (start, end, rank in `entity_keys`, key) sorted by start, their starts and the
    longest mention's length: extractors ask for the entity at a place many times per doc."""
    keys = doc._.entity_keys or {}
    cached = doc.user_data.get("_mention_index")
    if cached is None or cached[0] is not keys:
        items = sorted((s, e, n, key) for n, ((s, e), key) in enumerate(keys.items()))
        index = (items, [s for s, _, _, _ in items], max((e - s for s, e, _, _ in items), default=0))
        cached = doc.user_data["_mention_index"] = (keys, index)
    return cached[1]


def entity_ref(doc: Doc, start_char: int, end_char: int) -> ActorRef | None:
    """The entity whose mention overlaps the char range best (longest overlap; the first mention
    of `entity_keys` among equals), as an ActorRef."""
    items, starts, longest = _mention_index(doc)
    best, best_len, best_rank = None, 0, len(items)
    # only mentions starting less than `longest` before the range and before its end can overlap it
    for s, e, rank, key in items[bisect_left(starts, start_char - longest) : bisect_left(starts, end_char)]:
        overlap = min(e, end_char) - max(s, start_char)
        if overlap > best_len or overlap == best_len and overlap > 0 and rank < best_rank:
            best, best_len, best_rank = key, overlap, rank
    if best is None:
        return None
    ent = _entity_by_key(doc)[best]
    return ActorRef(name=ent.name, label=ent.label, key=ent.key)


def entities_in(doc: Doc, start_char: int, end_char: int) -> list[ActorRef]:
    """Every entity mention inside the char range, in text order, as ActorRefs."""
    items, starts, _ = _mention_index(doc)
    by_key = _entity_by_key(doc)
    refs = []
    for s, e, _, key in items[bisect_left(starts, start_char) :]:
        if s > end_char:
            break
        if e <= end_char:
            ent = by_key[key]
            refs.append(ActorRef(name=ent.name, label=ent.label, key=key))
    return refs
