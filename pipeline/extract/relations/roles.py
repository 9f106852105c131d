"""`role` relations: a named person holds a title at an organisation.

Patterns (rule_id in the output):
- role.apposition   "Sam Altman, PDG d'OpenAI" / "Eric Schmidt (ancien PDG de Google)"
- role.coordination "Claire X, fondatrice et CEO d'Underdog" / "président de A et PDG de B" (same person)
- role.copula       "Sam Altman est le PDG d'OpenAI", "X a été nommé directeur de Y",
                    "celle qui est aussi CEO de Y" (-> the last person named)
- role.inversion    "le PDG d'OpenAI, Sam Altman", "le coprésident de X Olivier Y",
                    "les cofondateurs de X, A, B et C", "Fondateur de cette société ..., Jensen Huang"
                    (not when the name has its own apposition: "le patron de A, X, le PDG de B")
- role.adjacent     "la réintégration de Sam Altman à la tête d'OpenAI"
- role.respectively "A et B, respectivement CEO et CTO de X" (i-th title to the i-th person)
- role.joined_as    "X a rejoint Mistral AI comme / en tant que directeur technique"
- role.previous_subject  "X est venu ... . Le créateur de Free défend ..." (one person in the
                    sentence before, which does not name the organisation)
- role.adjacent also covers "A succède à B / remplace B à la tête de X" (the post goes to A)
Titles come from the lexicon or are domain titles ("chargée des partenariats", "responsable des
ventes": never after a copula). "A et B, cofondateurs de X" / "l'un des cofondateurs" / "X,
désormais PDG de Y" / "X, ancien de Google et fondateur de Y" are appositions too; "Chez X, A, le
CTO, ..." gives the bare title the fronted organisation.
The organisation follows the title after de/d'/du/à/chez (past adjectives, "en IA", a de-chain
through unit nouns: "la division AI Research d'IBM" -> IBM); "la firme", "cette société", ...
and possessives ("son patron") stand for the topic organisation, and so does a bare common-noun
description closed by a comma ("les cofondateurs du logiciel de planification, A et B"; heads in
`descriptive_heads`). Capitalised titles count in an apposition ("A, Président de X"), and a
single line break after a comma/"et"/"de" does not end the sentence ("vante A,\nCEO de X"). Never an organisation: a name
after a non-organisation head ("du mouvement French Tech"), a government portfolio ("ministre du
Travail"), a person ("bras droit de X chez Y" -> Y), a clause after the apposition (a comma list
must close with "et"), or a MISC topic for an anaphor. A title with no named person
or no organisation gives nothing (logged in doc.user_data["dropped"] when the org is known).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from spacy.tokens import Span

from pipeline.extract.relations.context import DocContext, norm_text, words
from pipeline.extract.relations.frames import _one_word_name, subject_of
from pipeline.extract.relations.titles import Lexicon, TitleMatch, find_titles, lexicon, succession_word
from pipeline.records import ActorRef, Dropped, RelationRecord

BOUNDARIES = {",", ";", ":", "(", ")", ".", "«", "»", "\"", "[", "]", "–", "—"}
ORG_SCAN_TOKENS = 14  # how far a "département ... de l'université de X" chain is followed
FRONTED_SCAN_TOKENS = 25  # "Fondateur de cette société valorisée ..., Jensen Huang"
AUX = {"avoir", "être"}
DOMAIN_PREPOSITIONS = ("de", "d'", "du", "des")
TIME_WORDS = {"en", "dès", "depuis", "début", "fin", "mi", "janvier", "février", "mars", "avril", "mai", "juin", "juillet",
              "août", "septembre", "octobre", "novembre", "décembre"}  # a time adjunct ("en mars 2019")
DEMONSTRATIVES = {"ce", "cet", "cette"}
PLACE_PREPOSITIONS = {"à", "au", "aux"}  # a LOC entity after these is where, not whom


def extract_roles(ctx: DocContext, sent: Span, prev: Span | None = None) -> Iterator[RelationRecord]:
    """Every role stated in one sentence (`prev`: the sentence before, for 'Le créateur de X a ...')."""
    lex = lexicon()
    yield from _named_next(ctx, sent, prev, lex)
    titles = find_titles(sent)
    ctx.previous = prev
    orgs: dict[int, tuple[int, ActorRef] | None] = {}
    # Right to left so that "fondatrice et CEO de X" can borrow the org of the next title.
    for n in range(len(titles) - 1, -1, -1):
        orgs[n] = _org_of(ctx, sent, titles, n, orgs, lex)
    for n in range(1, len(titles)):
        if orgs[n] is None and (before := orgs[n - 1]) is not None:
            orgs[n] = _elliptic_org(ctx, sent, titles[n], before, lex)
    persons: dict[int, tuple[list[ActorRef], str]] = {}
    for n, title in enumerate(titles):
        org = orgs[n]
        if org is None:
            joined = _joined_as(ctx, sent, title, lex)
            if joined:
                yield RelationRecord(joined[0], "role", joined[1], sent.text.strip(), "role.joined_as", title.attribute)
            appointed = None if joined else _appointed_by_org(ctx, sent, title, lex)
            if appointed is not None:
                appointer, employer = appointed
                for person in _appointees(ctx, sent, title, appointer):
                    yield RelationRecord(person, "role", employer, sent.text.strip(), "role.appointed", title.attribute)
            continue
        more = _more_orgs(ctx, sent, org[0], lex)  # "patron de Tesla, SpaceX et X"
        end = more[-1][0] if more else org[0]
        found = _persons_of(ctx, sent, titles, n, end, persons, lex)
        if not found and n == 0 and prev is not None:
            found = _previous_subject(ctx, sent, prev, title, end, [org, *more], lex)
        if not found:
            sent.doc.user_data.setdefault("dropped", []).append(
                Dropped("relations", sent.doc[title.start : title.end].text, f"role: no named person ({org[1].name})"))
            continue
        persons[n] = found
        for person in found[0]:
            for _, ref in [org, *more]:
                if person.name != ref.name:
                    yield RelationRecord(person, "role", ref, sent.text.strip(), found[1], title.attribute)
    if titles:
        yield from _elliptic_titles(ctx, sent, titles, lex)


ELLIPTIC_PRONOUNS = ("celui", "celle")


def _elliptic_titles(ctx, sent: Span, titles: list[TitleMatch], lex: Lexicon) -> Iterator[RelationRecord]:
    """'le patron de X, A, et celui de Y, (l'Italien) B': 'celui de Y' repeats the title before it for
    another organisation, whose holder is named after the comma."""
    doc = sent.doc
    text = sent.text.lower()
    if not any(word in text for word in ELLIPTIC_PRONOUNS):
        return  # performance: most sentences have none
    for c in range(titles[0].end, sent.end - 3):
        if doc[c].lower_ not in ELLIPTIC_PRONOUNS or norm_text(doc[c + 1].text) not in lex.org_prepositions:
            continue
        title = [t for t in titles if t.end <= c][-1]
        org = _org_after(ctx, sent, c + 1, c, lex)
        if org is None or org[0] >= sent.end or doc[org[0]].text != ",":
            continue
        hit = ctx.person_starting_at(org[0] + 1, sent) or _after_descriptor(ctx, sent, org[0] + 1)
        if hit and norm_text(org[1].name) not in lex.blocked_orgs:
            yield RelationRecord(hit[1], "role", org[1], sent.text.strip(), "role.elliptic", title.attribute)


def _named_next(ctx, sent: Span, prev: Span | None, lex: Lexicon) -> Iterator[RelationRecord]:
    """'Michelin a choisi son nouveau directeur général. Il s'agit de Paul Roy, …': a sentence opening
    by naming a person (named_next_openers) gives the title of the sentence before that had an
    organisation and no holder."""
    doc = sent.doc
    if prev is None:
        return
    k = next((sent.start + n for n in range(2, 6) if sent.start + n < sent.end
              and norm_text(doc[sent.start : sent.start + n].text) in lex.named_next_openers), None)
    hit = ctx.person_starting_at(k, sent) if k is not None and k < sent.end else None
    if hit is None:
        return
    titles = find_titles(prev)
    orgs: dict[int, tuple[int, ActorRef] | None] = {}
    for n in range(len(titles) - 1, -1, -1):
        orgs[n] = _org_of(ctx, prev, titles, n, orgs, lex)
    for n, title in enumerate(titles):
        org = orgs[n]
        if title.plural or org is None or _persons_of(ctx, prev, titles, n, org[0], {}, lex):
            continue
        yield RelationRecord(hit[1], "role", org[1], sent.text.strip(), "role.named_next", title.attribute)
        return  # one title announced, one name


def _joined_as(ctx, sent, title: TitleMatch, lex: Lexicon) -> tuple[ActorRef, ActorRef] | None:
    """'X a rejoint Mistral AI comme directeur technique': (person, organisation)."""
    doc = sent.doc
    k = title.start - 1
    while k >= sent.start and norm_text(doc[k].text) in lex.determiners:
        k -= 1
    marker = next((m for m in lex.as_markers if k - len(m.split()) + 1 >= sent.start
                   and norm_text(doc[k - len(m.split()) + 1 : k + 1].text) == m), None)
    if marker is None:
        return None
    k = _past_time_adjunct(sent, k - len(marker.split()))  # "a rejoint X en 2018 comme ..."
    if k >= sent.start and doc[k].lemma_ in lex.join_verbs:
        return _joined_relative(ctx, sent, k)
    org_hit = ctx.entity_at(k) if k >= sent.start else None
    if not org_hit or org_hit[1].label == "PER" or org_hit[0].end - 1 != k:
        return None
    v = org_hit[0].start - 1
    if v < sent.start or doc[v].lemma_ not in lex.join_verbs:
        return None
    v -= 1
    while v >= sent.start and (doc[v].pos_ in ("AUX", "ADV") or doc[v].lower_ in ("vient", "de", "d'", "d’")):
        v -= 1
    if v >= sent.start and doc[v].text == ",":  # "X, un ancien de Google, a rejoint ..."
        c = next((c for c in range(v - 1, max(sent.start, v - 10) - 1, -1) if doc[c].text == ","), None)
        v = c - 1 if c is not None and doc[c + 1].pos_ == "DET" else v
    person = ctx.person_ending_at(v, sent)
    return (person[1], org_hit[1]) if person else None


def _past_time_adjunct(sent, k: int) -> int:
    """From token k back past a time adjunct ending there ("en 2018", "en mars 2019", "dès 2020")."""
    doc = sent.doc
    j = k
    while j >= sent.start and (_day_number(doc[j]) or norm_text(doc[j].text) in TIME_WORDS
                               or doc[j].lower_ in ("le", "du") and j < k and _day_number(doc[j + 1])
                               or doc[j].lower_ in ("compter", "partir") and j < k and doc[j + 1].lower_ == "du"
                               or doc[j].lower_ == "à" and j < k and doc[j + 1].lower_ in ("compter", "partir")):
        j -= 1  # ("deviendra le 1er mars directeur général", "nommé à compter du 1er janvier directeur")
    # a number ("en 2018") or a month after its preposition ("en janvier", "dès mars")
    dated = any(_day_number(t) for t in doc[j + 1 : k + 1]) \
        or j + 2 <= k and norm_text(doc[j + 1].text) in ("en", "dès", "depuis")
    return j if j < k and dated else k


def _day_number(tok) -> bool:
    """A number or a day's ordinal ("2018", "15", "1er")."""
    return tok.like_num or tok.lower_ in ("1er", "1re")


def _joined_relative(ctx, sent, v: int) -> tuple[ActorRef, ActorRef] | None:
    """'… du comité exécutif de Sigfox, qu'il a rejoint en 2018 en tant que directeur': the join
    verb at token v in a relative clause; the organisation is its antecedent, the person its
    subject (a name, or il/elle resolved to one)."""
    doc = sent.doc
    k = v - 1
    while k >= sent.start and doc[k].pos_ == "AUX":
        k -= 1
    if k < sent.start:
        return None
    if doc[k].lower_ in ("il", "elle"):
        person, k = ctx.pronoun_person(k, sent), k - 1
    else:
        hit = ctx.person_ending_at(k, sent)
        person, k = (hit[1], hit[0] - 1) if hit else (None, k)
    if person is None or k - 2 < sent.start or norm_text(doc[k].text) not in ("qu'", "que") or doc[k - 1].text != ",":
        return None
    org = ctx.entity_at(k - 2)
    if not org or org[0].end - 1 != k - 2 or org[1].label != "ORG":
        return None
    return person, org[1]


APPOINT_MARKERS = ("au poste de", "au poste d'", "comme", "en tant que", "en qualité de")
CAPACITY_MARKERS = ("comme", "en tant que", "en qualité de", "au poste de", "au poste d'")
VERB_LEVELS = 4  # dependency steps from a title up to the verb of its clause


def _marker_before(sent, title: TitleMatch, markers: tuple[str, ...]) -> int | None:
    """Start token of a marker ("au poste de", "comme") written right before the title, else None."""
    doc = sent.doc
    k = title.start - 1
    for marker in markers:
        n = len(marker.replace("'", "' ").split())
        if k - n + 1 >= sent.start and norm_text(doc[k - n + 1 : k + 1].text) == marker:
            return k - n + 1
    return None


def _appointment(ctx, sent, title: TitleMatch, lex: Lexicon) -> tuple[ActorRef, int | None] | None:
    """'Y vient de nommer X, ex-PDG de Z, au poste de directeur général' / 'X a été nommé au poste
    de directeur': (the appointee, the active appointment verb's token or None when passive)."""
    doc = sent.doc
    marker = _marker_before(sent, title, APPOINT_MARKERS)
    k = (title.start if marker is None else marker) - 1
    if k < sent.start:
        return None
    if marker is not None and doc[k].lemma_ in lex.appointment_verbs and doc[k].pos_ == "VERB":
        person = _copula_subject(ctx, sent, k, lex)  # passive: "X a été nommé au poste de ..."
        return (person, None) if person else None
    if doc[k].text in ("-", "–", ")") and marker is not None:
        opener = "(" if doc[k].text == ")" else doc[k].text  # "X, 40 ans -fille de Y- au poste de"
        k = next((c for c in range(k - 1, max(sent.start, k - APPOSITION_TOKENS) - 1, -1) if doc[c].text == opener), k)
        k = k - 1 if doc[k].text == opener else k
        if k - 3 >= sent.start and doc[k].lower_ == "ans" and doc[k - 1].like_num and doc[k - 2].text == ",":
            k -= 3
    if doc[k].text == ",":
        start = _apposition_start(sent, k)
        if start is None:
            return None
        k = start
    hit = ctx.person_ending_at(k, sent)
    if not hit or hit[0] - 1 < sent.start:
        return None
    if title.plural:
        first = _first_coordinated(ctx, sent, hit[0])  # "Y nomme A et B directeurs généraux délégués"
        hit = (first, hit[1]) if first > sent.start else hit
    if doc[hit[0] - 1].lower_ == "et" and marker is None:
        # "Y a nommé A directeur général et B directrice financière": B shares A's appointment verb
        before = next((t for t in find_titles(sent) if t.end == hit[0] - 1), None)
        shared = _appointment(ctx, sent, before, lex) if before is not None else None
        if shared is not None and shared[1] is not None:
            return hit[1], shared[1]
    noun = _appointment_noun(sent, hit[0] - 1, lex) if marker is not None else None
    if noun is not None:
        return hit[1], noun  # "Y annonce la nomination (avec effet immédiat) de X au poste de directeur général"
    verb = doc[_before_incise(sent, hit[0] - 1)]  # "nommer, à l'unanimité, X au poste de PDG"
    if verb.lemma_ not in lex.appointment_verbs or verb.pos_ != "VERB" or "VerbForm=Part" in verb.morph \
            and doc[verb.i - 1].lemma_ == "être":
        return None
    return hit[1], verb.i


INCISE_TOKENS = 5  # "à l'unanimité", "avec effet immédiat", "ce jeudi"


def _before_incise(sent, k: int) -> int:
    """The token before a short comma-delimited adjunct that closes at token k (a comma), else k."""
    doc = sent.doc
    if k < sent.start or doc[k].text != ",":
        return k
    for j in range(k - 1, max(sent.start, k - INCISE_TOKENS - 1) - 1, -1):
        if doc[j].text == ",":
            between = doc[j + 1 : k]
            return j - 1 if not any(t.pos_ in ("VERB", "AUX", "PROPN") for t in between) else k
    return k


NOUN_ADJUNCT_TOKENS = 4  # "la nomination avec effet immédiat de X"


def _appointment_noun(sent, k: int, lex: Lexicon) -> int | None:
    """Token of an appointment noun ("nomination") whose "de" complement is the token k, a short
    adjunct allowed between them; else None."""
    doc = sent.doc
    if k - 1 < sent.start or norm_text(doc[k].text) not in ("de", "d'"):
        return None
    for j in range(k - 1, max(sent.start, k - 1 - NOUN_ADJUNCT_TOKENS) - 1, -1):
        if doc[j].lemma_ in lex.appointment_nouns and doc[j].pos_ == "NOUN":
            return j
        if doc[j].text in BOUNDARIES or doc[j].pos_ in ("VERB", "AUX", "PROPN"):
            return None
    return None


def _apposition_start(sent, k: int) -> int | None:
    """The token before the comma opening the verbless apposition closed by the comma at k."""
    doc = sent.doc
    for c in range(k - 1, max(sent.start, k - APPOSITION_TOKENS) - 1, -1):
        if doc[c].text == ",":
            return c - 1
        if _clause_word(doc[c]):
            return None
    return None


def _first_coordinated(ctx, sent, start: int) -> int:
    """First token of the first person listed before the one starting at token `start` ("A, B et C")."""
    doc = sent.doc
    k = start - 1
    while k - 1 >= sent.start and doc[k].lower_ in (",", "et"):
        hit = ctx.person_ending_at(k - 1, sent)
        if not hit:
            break
        start, k = hit[0], hit[0] - 1
    return start


def _appointees(ctx, sent, title: TitleMatch, person: ActorRef) -> list[ActorRef]:
    """The appointee and, for a plural title, the persons coordinated before it."""
    start = _start_of(ctx, sent, person, title.start) if title.plural else None
    return [*(_coordinated_persons(ctx, sent, start) if start is not None else []), person]


def _appointed_by_org(ctx, sent, title: TitleMatch, lex: Lexicon) -> tuple[ActorRef, ActorRef] | None:
    """'Le groupe Doux vient de nommer X au poste de directeur général délégué': a title with no
    organisation of its own is a post at the organisation that appoints."""
    found = _appointment(ctx, sent, title, lex)
    if not found or found[1] is None:
        return None
    org = subject_of(ctx, sent, sent.doc[found[1]], ("ORG",)) or _board_owner(ctx, sent, found[1]) \
        or _anaphor_subject_org(ctx, sent, found[1], lex)
    if org is None and sent.doc[found[1]].pos_ == "NOUN":
        # "après la nomination de X comme directrice générale par intérim": the organisation named
        # earlier in the sentence, else the one in focus
        org = ctx.last_org(found[1], sent.start) or ctx.previous_sentence_org(found[1]) or ctx.org_topic(found[1])
    return (found[0], org) if org else None




def _anaphor_subject_org(ctx, sent, v: int, lex: Lexicon) -> ActorRef | None:
    """'le groupe a décidé de nommer X au poste de PDG': an appointment verb (or the verb it depends
    on) whose subject is a definite anaphor noun ('le groupe', 'la société') appoints for the
    organisation in focus."""
    node = sent.doc[v]
    for _ in range(3):
        subj = next((c for c in node.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
        if subj is not None:
            det = next((c for c in subj.children if c.dep_ == "det"), None)
            if norm_text(subj.text) in lex.anaphors and det is not None \
                    and norm_text(det.text) in lex.anaphor_determiners:
                return ctx.org_topic(v)
            return None
        if node.dep_ not in ("xcomp", "ccomp") or node.head is node:
            return None
        node = node.head
    return None


def _time_after(sent, k: int) -> bool:
    """A time adjunct starts at token k ("à partir du 17 février", "dès janvier", "en 2020", "le 1er mars")."""
    doc = sent.doc
    if k >= sent.end:
        return False
    word = norm_text(doc[k].text)
    nxt = doc[k + 1] if k + 1 < sent.end else None
    return word in ("dès", "depuis") or word == "à" and nxt is not None and nxt.lower_ == "partir" \
        or word in ("en", "le", "au") and nxt is not None and (nxt.like_num or norm_text(nxt.text) in TIME_WORDS)


def _board_owner(ctx, sent, v: int) -> ActorRef | None:
    """'Le conseil d'administration de Plastic Omnium a nommé X …': the organisation whose board is
    the subject of the appointment verb at token v."""
    doc = sent.doc
    subj = next((c for c in doc[v].children if c.dep_ in ("nsubj", "nsubj:pass")), None)
    if subj is None or norm_text(subj.lemma_) not in words()["board_nouns"]:
        return None
    for i in range(subj.i + 1, min(v, subj.i + 6)):
        hit = ctx.entity_at(i)
        if hit and hit[1].label == "ORG" and i > sent.start and norm_text(doc[i - 1].text) in ("de", "d'", "du"):
            return hit[1]
    return None


def _capacity_subject(ctx, sent, title: TitleMatch, lex: Lexicon) -> ActorRef | None:
    """'X a débuté chez Danone, notamment comme directeur du marketing d'Evian', '..., qu'il a rejoint
    en tant que directeur': a bare title introduced by comme / en tant que is the post of its
    clause's subject (a person, or il/elle resolved to one)."""
    if _marker_before(sent, title, CAPACITY_MARKERS) is None:
        return None
    return _clause_subject(ctx, sent, sent.doc[title.core_start])


CAPACITY_SCAN = 12  # "débute à l'hôpital de la Pitié Salpêtrière à Paris comme ..."


def _capacity_org(ctx, sent, title: TitleMatch, lex: Lexicon) -> tuple[int, ActorRef] | None:
    """'X débute à l'hôpital Y (à Paris) comme directeur adjoint des finances': a title introduced by
    comme / en tant que without an organisation of its own is a post at the organisation the clause
    places its subject in (à / au / chez / au sein de a name, a place after it allowed)."""
    doc = sent.doc
    marker = _marker_before(sent, title, CAPACITY_MARKERS)
    if marker is None or title.plural:
        return None
    k = marker - 1
    for _ in range(2):  # past one place adjunct ("à Paris")
        hit = ctx.entity_at(k) if k >= sent.start else None
        if hit and hit[1].label == "LOC" and hit[0].end - 1 == k and hit[0].start - 1 >= sent.start \
                and doc[hit[0].start - 1].lower_ in ("à", "au", "en"):
            k = hit[0].start - 2
    hit = ctx.entity_at(k) if k >= sent.start else None
    if not hit or hit[0].end - 1 != k or hit[1].label in ("PER", "LOC"):
        return None
    j = hit[0].start - 1
    while j >= sent.start and norm_text(doc[j].text) in lex.determiners:
        j -= 1
    if j - 1 >= sent.start and norm_text(doc[j].text) in ("de", "d'", "du") \
            and norm_text(doc[j - 1].text) in lex.institution_nouns:
        j -= 2  # "à l'hôpital de la Pitié Salpêtrière"
        while j >= sent.start and norm_text(doc[j].text) in lex.determiners:
            j -= 1
    if j < sent.start or norm_text(doc[j].text) not in ("à", "au", "chez", "de", "d'"):
        return None
    if norm_text(doc[j].text) in ("de", "d'") and not (j - 2 >= sent.start and norm_text(doc[j - 2 : j].text) == "au sein"):
        return None
    return title.end, hit[1]


FUNCTION_MARKERS = ("ses fonctions de", "ses fonctions d'", "sa fonction de", "sa fonction d'", "son poste de",
                    "son poste d'")


def _functions_holder(ctx, sent, title: TitleMatch) -> ActorRef | None:
    """'la révocation de X de ses fonctions de PDG de Y', 'X a été démis de ses fonctions de
    directeur de Y': the person whose functions they are (named right before, else the subject)."""
    doc = sent.doc
    start = _marker_before(sent, title, FUNCTION_MARKERS)
    if start is None or start - 1 < sent.start or norm_text(doc[start - 1].text) not in ("de", "d'"):
        return None
    hit = ctx.entity_at(start - 2) if start - 2 >= sent.start else None
    if hit and hit[0].end == start - 1 and hit[1].label == "PER":
        return hit[1]
    return _clause_subject(ctx, sent, doc[title.core_start])


def _post_verb(sent, title: TitleMatch, lex: Lexicon) -> int | None:
    """Token of the verb of 'X a occupé le poste de TITLE' / 'X conserve son poste de TITLE'
    (a post_verbs lemma right before a post_markers phrase), else None."""
    k = title.start - 1
    if k - 2 < sent.start or norm_text(sent.doc[k].text) not in ("de", "d'"):
        return None  # (every marker ends with de: a cheap test first, this runs for every title)
    start = _marker_before(sent, title, lex.post_markers)
    if start is None or start - 1 < sent.start:
        return None
    v = start - 1
    doc = sent.doc
    if v - 2 > sent.start and doc[v].lower_ == "et" and doc[v - 1].text == "," and doc[v - 2].ent_type_ == "ORG":
        e = v - 2  # "X quitte Tereos, et son poste de président du directoire": the verb before the org
        while e > sent.start and doc[e].ent_iob_ == "I":
            e -= 1
        v = e - 1 if e - 1 >= sent.start else start - 1
    while v > sent.start and _is_adverb(sent.doc[v]):
        v -= 1
    verb = sent.doc[v]
    return v if verb.lemma_ in lex.post_verbs and verb.pos_ in ("VERB", "AUX") else None


def _post_holder(ctx, sent, title: TitleMatch, lex: Lexicon) -> ActorRef | None:
    """'X a occupé le poste de secrétaire général du CHU de Y', 'X conservera son poste de PDG par
    intérim': the subject of the post verb holds the title (a name, or il/elle resolved to one)."""
    v = _post_verb(sent, title, lex)
    if v is None:
        return None
    doc = sent.doc
    k = v - 1
    while k >= sent.start and (doc[k].pos_ == "AUX" or _is_adverb(doc[k]) or doc[k].lemma_ in words()["modal_verbs"]):
        k -= 1  # "Patrick Kron devant poursuivre ses fonctions de président du conseil"
    if k < sent.start:
        return None
    if doc[k].lower_ in ("il", "elle"):
        return ctx.pronoun_person(k, sent)
    if doc[k].lower_ == "qui" and k - 2 >= sent.start and doc[k - 1].text == ",":
        k -= 2  # "…, présidé par X, qui assurera également la fonction de directeur de la publication"
    hit = ctx.person_ending_at(k, sent)
    return hit[1] if hit else _verb_subject(ctx, sent, doc[v])


def _post_bare_org(ctx, sent, title: TitleMatch, lex: Lexicon) -> tuple[int, ActorRef] | None:
    """'Le club précise que X conservera son poste de PDG par intérim.': a business title without
    complement after a post verb is a post at the organisation in focus (one named earlier in the
    sentence, the topic when the sentence speaks of it by an anaphor, else the sentence before)."""
    doc = sent.doc
    if title.kind != "business" or title.plural or title.lemma in lex.person_relative_titles:
        return None
    end = _domain_end(sent, title.end)  # "la fonction de directeur de la publication"
    end += _qualifier_len(sent, end, lex)
    and_verb = end + 1 < sent.end and doc[end].lower_ == "et" and doc[end + 1].pos_ in ("VERB", "AUX")
    if end < sent.end and doc[end].text not in (",", ".", ";") and not and_verb or _post_verb(sent, title, lex) is None:
        return None  # ("X prend le poste de directrice générale et remplace Y": a second verb may follow)
    anaphor = any(norm_text(doc[i].text) in lex.anaphors and norm_text(doc[i - 1].text) in lex.anaphor_determiners
                  for i in range(sent.start + 1, title.start))
    org = ctx.last_org(title.start, sent.start) or (ctx.org_topic(title.start) if anaphor else None) \
        or ctx.previous_sentence_org(title.start) or ctx.org_topic(title.start)
    return (title.end, org) if org else None


def _clause_subject(ctx, sent, node) -> ActorRef | None:
    """The person subject of the clause a token depends on: the nsubj of the first verb above it
    in the parse (a PER entity, or il/elle resolved to one)."""
    for _ in range(VERB_LEVELS):
        if node.head is node or not (sent.start <= node.head.i < sent.end):
            return None
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            break
    else:
        return None
    if node.pos_ not in ("VERB", "AUX"):
        return None
    for child in node.children:
        if child.dep_ in ("nsubj", "nsubj:pass") and sent.start <= child.i < sent.end:
            if child.lower_ in ("il", "elle"):
                return ctx.pronoun_person(child.i, sent)
            hit = ctx.entity_at(child.i)
            return hit[1] if hit and hit[1].label == "PER" else None
    # no subject in the parse: the recognised person written right before the verb group
    k = node.i - 1
    while k >= sent.start and sent.doc[k].pos_ in ("AUX", "ADV"):
        k -= 1
    hit = ctx.entity_at(k) if k >= sent.start else None
    return hit[1] if hit and hit[1].label == "PER" and hit[0].end - 1 == k else None


def _previous_subject(
    ctx, sent, prev: Span, title: TitleMatch, end: int, orgs, lex
) -> tuple[list[ActorRef], str] | None:
    """'X est venu présenter son projet. Le créateur de Free défend ...': the title opening a
    sentence as its subject describes the one person of the sentence before, provided that
    sentence does not name the title's organisation (then the title may be someone else)."""
    doc = sent.doc
    if title.plural or title.start != sent.start + 1 or norm_text(doc[sent.start].text) not in ("le", "la", "l'"):
        return None
    if end < sent.end and norm_text(doc[end].text) in ("se", "s'") :
        end += 1  # "L'associé gérant de X se repère …"
    if end >= sent.end or doc[end].pos_ not in ("VERB", "AUX", "ADV"):
        return None
    people = {ctx.entity_at(i)[1] for i in range(prev.start, prev.end)
              if ctx.entity_at(i) and ctx.entity_at(i)[1].label == "PER"}
    named = {ctx.entity_at(i)[1].name for i in range(prev.start, prev.end) if ctx.entity_at(i)}
    if len(people) != 1 or any(ref.name in named for _, ref in orgs):
        return None
    return [people.pop()], "role.previous_subject"


def _more_orgs(ctx, sent, k: int, lex: Lexicon) -> list[tuple[int, ActorRef]]:
    """Organisations listed after the first one of a title (", B et C", "et de B"): named entities only.

    A comma list counts only when it closes with "et" ("patron de Tesla, SpaceX et X"): after
    "PDG d'Opendix, la French Tech ..." the comma ends the apposition and a new clause begins.
    """
    doc = sent.doc
    out: list[tuple[int, ActorRef]] = []
    while k < sent.end and doc[k].lower_ in (",", "et"):
        j = k + 1 if doc[k].lower_ == "et" or k + 1 < sent.end and doc[k + 1].lower_ != "et" else k + 2
        if j > sent.end:
            break  # a comma ending the text ('…, présidente d'Inserm Transfert,'): nothing listed after it
        after_comma = doc[j - 1].text == ","
        while j < sent.end and norm_text(doc[j].text) in lex.org_prepositions | lex.determiners:
            if after_comma and norm_text(doc[j].text) in lex.determiners and norm_text(doc[j - 1].text) not in lex.org_prepositions:
                return []  # ", la French Tech est ...": a new clause (not ", de l'association X")
            j += 1
        if j < sent.end and doc[j].text.islower() and norm_text(doc[j].text) in lex.anaphors | lex.unit_nouns:
            j = _skip_adjectives(sent, j + 1)  # "…, de l'association Lyon Entrepreneurs"
        hit = ctx.entity_at(j) if j < sent.end else None
        if not hit or hit[0].start != j or hit[1].label == "PER" or _title_at(sent, hit[0].end, lex) \
                or _person_like(sent, hit[0]):
            break
        # a list item followed by its own apposition is a person's name, not an organisation
        out.append((hit[0].end, hit[1]))
        nxt = hit[0].end
        if nxt + 1 < sent.end and doc[nxt].lower_ == "et" and any(t.start == nxt + 1 for t in find_titles(sent)):
            return out  # "PDG de A, de l'association B et cofondateur de C": the next title closes the list
        if doc[k].lower_ == "et" or doc[k + 1].lower_ == "et":
            # "X, PDG de A, B et C ont signé": a comma list running into the verb is the subject
            ends_subject = len(out) > 1 and hit[0].end < sent.end and doc[hit[0].end].pos_ in ("VERB", "AUX")
            return [] if ends_subject else out
        k = hit[0].end
    return []  # a comma list never closed by "et"


def _person_like(sent, span: Span) -> bool:
    """'…, et Nancy Roy, nommée …': a two-word item opening with a given name and set off by a comma
    is a person the NER mistyped, not one more organisation of a list."""
    from pipeline.nlp.lexicons import gender_of

    words = span.text.split()
    return len(words) == 2 and span.end < sent.end and sent.doc[span.end].text == "," \
        and gender_of(words[0]) is not None and words[1][:1].isupper()


def _title_at(sent, k: int, lex: Lexicon) -> bool:
    """', PDG de ...' / ', le patron de ...' follows token k."""
    doc = sent.doc
    if k >= sent.end or doc[k].text != ",":
        return False
    k += 1
    while k < sent.end and norm_text(doc[k].text) in lex.determiners | set(lex.pre_modifiers):
        k += 1
    return any(t.core_start == k for t in find_titles(sent))


# ---- organisation -----------------------------------------------------------------------------
def _org_of(ctx, sent, titles, n, orgs, lex: Lexicon) -> tuple[int, ActorRef] | None:
    """(end token, org) of title n, or None."""
    title = titles[n]
    doc = sent.doc
    k = title.end
    if k < sent.end and doc[k].lower_ in ("et", "&") and n + 1 < len(titles):
        nxt = titles[n + 1]
        between = [t for t in doc[k + 1 : nxt.start] if t.lower_ not in lex.determiners and not t.is_space]
        if not between and orgs.get(n + 1):
            return orgs[n + 1]
    while k < sent.end and k < title.end + 2 and doc[k].pos_ == "ADJ" and doc[k].text.islower() \
            and norm_text(doc[k].text) not in lex.org_prepositions:
        k += 1  # "PDG emblématique d'OpenAI"
    if k + 1 < sent.end and doc[k].lower_ == "en" and doc[k + 1].pos_ in ("NOUN", "PROPN"):
        k += 2  # "directeur de la recherche en IA de Meta", "maître de conférences en droit public à X"
        while k < sent.end and doc[k].pos_ == "ADJ" and doc[k].text.islower():
            k += 1
    k = _past_area(sent, k)  # "délégué pour l'Ouest du capital-investisseur Siparex"
    found = _org_after(ctx, sent, k, title.start, lex)
    if found is None and k + 1 < sent.end and doc[k].is_alpha and doc[k].text.islower() \
            and doc[k].pos_ in ("NOUN", "ADJ") and norm_text(doc[k + 1].text) in lex.org_prepositions:
        # "directeur des opérations football du City Football Group": a lowercase word qualifying
        # the title, then a recognised organisation
        found = _org_after(ctx, sent, k + 1, title.start, lex)
        found = found if found and found[1].key is not None else None
    if found is None:
        found = _named_right_after(ctx, sent, k, lex)
    if found is None:
        found = _chez_after(ctx, sent, k, title.start, lex)
    if found is None:
        found = _dont_clause_org(ctx, sent, title, lex)
    if found is None:
        found = _possessive_org(ctx, sent, title, lex)
    if found is None:
        found = _capacity_org(ctx, sent, title, lex)
    if found is None:
        found = _fronted_chez(ctx, sent, title, lex)
    if found is None:
        found = _trailing_org(ctx, sent, title) or _listed_holders_org(ctx, sent, title, lex) \
            or _appointed_bare_org(ctx, sent, title, lex) or _post_bare_org(ctx, sent, title, lex)
    if found is None and not any(t.start >= title.end and t.start <= title.end + 1 for t in titles):
        found = _bare_apposition_org(ctx, sent, title, lex) or _bare_opening_title_org(ctx, sent, title, lex) \
            or _bare_title_name_org(ctx, sent, title, lex)
    if found is None:
        return None
    end, ref = found
    if norm_text(ref.name) in lex.blocked_orgs or ref.label == "LOC" and ref.key is not None:
        return None  # a recognised place ("président de l'ex-région Haute-Normandie") is no organisation
    if norm_text(ref.name) in lex.not_orgs:
        return None  # a board named earlier ("Le Conseil d'administration doit …") is no employer
    if title.kind == "government" and not _government_org(ctx, title, end, ref, lex):
        return None
    return end, ref


ELLIPSIS_TOKENS = 4  # words allowed between the second name's comma and its bare title


def _elliptic_org(ctx, sent, title: TitleMatch, prev_org: tuple[int, ActorRef], lex: Lexicon) -> tuple[int, ActorRef] | None:
    """'A, directrice générale de X, et B, (nouvellement nommée) directrice générale adjointe.': a
    bare business title of a person coordinated right after a titled apposition shares its
    organisation (French leaves the repeated complement out)."""
    doc = sent.doc
    if title.kind != "business" or title.plural or title.lemma in lex.person_relative_titles:
        return None
    end = title.end + _qualifier_len(sent, title.end, lex)
    if end < sent.end and doc[end].text not in (",", ".", ";", ")"):
        return None
    k = prev_org[0]
    k += _qualifier_len(sent, k, lex)  # "A, directeur général par intérim, et B, président du conseil"
    if k + 2 >= sent.end or doc[k].text != "," or doc[k + 1].lower_ != "et":
        return None
    k += 2
    if norm_text(doc[k].text) in ("de", "d'"):
        k += 1  # "l'équipe formée de A, ..., et de B, directeur adjoint"
    hit = ctx.person_starting_at(k, sent)
    if not hit or hit[0] >= sent.end or doc[hit[0]].text != ",":
        return None
    j = hit[0] + 1
    while j < title.start and j <= hit[0] + ELLIPSIS_TOKENS and (
            _is_adverb(doc[j]) or norm_text(doc[j].text) in lex.appointment_participles | lex.determiners):
        j += 1
    return (title.end, prev_org[1]) if j == title.start else None


def _named_by_noun(ctx, noun: str, before: int) -> ActorRef | None:
    """'le président de l'université' after 'l'université de Poitiers': the last organisation named
    before whose name holds the anaphor's noun ('la mutuelle' -> 'Harmonie Mutuelle')."""
    word = norm_text(noun)
    for i in range(before - 1, -1, -1):
        hit = ctx.entity_at(i)
        if hit and hit[0].start == i and hit[1].label == "ORG" and _noun_heads_name(word, hit[1].name):
            return hit[1]
    return None


def _named_anaphor(ctx, sent, k: int, det: str | None, title_start: int, lex: Lexicon) -> tuple[int, ActorRef] | None:
    """'de l'assemblée', 'de la chambre': a definite institution noun closing the complement stands
    for the organisation named earlier whose name it heads (never for the article's topic)."""
    doc = sent.doc
    if det not in lex.anaphor_determiners or norm_text(doc[k].text) not in lex.named_anaphors \
            or not doc[k].text.islower():
        return None
    if k + 1 < sent.end and doc[k + 1].text not in BOUNDARIES and doc[k + 1].pos_ not in ("VERB", "AUX", "CCONJ"):
        return None  # "de l'agence de l'AFD": the noun has its own complement
    named = _named_by_noun(ctx, doc[k].text, title_start)
    return (k + 1, named) if named else None


def _noun_heads_name(word: str, name: str) -> bool:
    """The noun closes the name ('Harmonie Mutuelle') or heads a 'noun (adj) de ...' name ('université
    de Caen', 'Agence française de développement'); not a name where it is only qualified ('Société
    Générale' is no 'la société')."""
    words = norm_text(name).split()
    if word not in words:
        return False
    at = words.index(word)
    return at == len(words) - 1 or any(w in ("de", "du", "des") or w.startswith("d'") for w in words[at + 1 :])


def _named_right_after(ctx, sent, k: int, lex: Lexicon) -> tuple[int, ActorRef] | None:
    """'le délégué syndical CGT, Patrice X': an organisation entity written right after the title,
    then a comma and the person."""
    hit = ctx.entity_at(k) if k < sent.end else None
    if not hit or hit[0].start != k or hit[1].label != "ORG" or hit[1].key is None or norm_text(hit[1].name) in lex.not_orgs:
        return None
    end = hit[0].end
    if end + 1 >= sent.end or sent.doc[end].text != "," or not ctx.person_starting_at(end + 1, sent):
        return None
    return end, hit[1]


def _government_org(ctx, title: TitleMatch, end: int, ref: ActorRef, lex: Lexicon) -> bool:
    """A government post names an organisation only through a recognised ORG entity that is no
    portfolio ("ministre du Travail", "secrétaire d'État au Numérique") and does not swallow part
    of the title ("secrétaire d'Etat au Commerce" tagged "Etat au Commerce")."""
    if ref.key is None or ref.label != "ORG":
        return False
    hit = ctx.entity_at(end - 1)
    if hit and hit[0].start < title.end:
        return False
    return not set(norm_text(ref.name).replace("-", " ").split()) & lex.government_portfolios


def _org_after(ctx, sent, k: int, title_start: int, lex: Lexicon) -> tuple[int, ActorRef] | None:
    """The organisation introduced by a preposition at token k (following a de-chain if needed)."""
    doc = sent.doc
    described = _described_org(ctx, sent, k, title_start, lex)
    if described:
        return described
    limit = min(sent.end, k + ORG_SCAN_TOKENS)
    first = True
    while k < limit:
        prep = norm_text(doc[k].text)
        if prep not in lex.org_prepositions:
            return None
        k += 1
        det = None
        while k < sent.end and norm_text(doc[k].text) in lex.determiners | lex.anaphor_determiners:
            det = norm_text(doc[k].text)
            k += 1
        if k >= sent.end:
            return None
        if det in lex.indefinite_determiners and doc[k].text[:1].islower() and (hit := ctx.entity_at(k)) \
                and hit[0].start == k:
            # "directeur d'un centre hospitalier de Seine-Saint-Denis": the NER took an unnamed
            # description for a name; an indefinite complement names no organisation (a unit's
            # own "de X" complement after it still may)
            if norm_text(doc[k].text) in lex.unit_nouns:
                k, first = hit[0].end, False
                continue
            return _coordinated_complement(ctx, sent, k, title_start, lex)
        own_name = (hit := ctx.entity_at(k)) is not None and hit[0].start == k and hit[1].key is not None \
            and norm_text(hit[1].name) not in lex.not_orgs  # ("patron de la PME bretonne X": PME is no name)
        named_only = None if own_name else _named_anaphor(ctx, sent, k, det, title_start, lex)
        if named_only:
            return named_only  # "directrice générale de l'assemblée" -> Assemblée de la francophonie
        anaphor_end = None if own_name else _anaphor_at(sent, k, lex)  # 'l'Institut X', 'l'université de Y': the name
        holder_next = anaphor_end is not None and anaphor_end < sent.end and (hit := ctx.entity_at(anaphor_end)) is not None \
            and hit[0].start == anaphor_end and hit[1].label == "PER"  # "le président du club Paul Roy"
        closed = anaphor_end is not None and (anaphor_end >= sent.end or doc[anaphor_end].text in BOUNDARIES or (
            (adj_end := _skip_adjectives(sent, anaphor_end)) > anaphor_end
            and (adj_end >= sent.end or doc[adj_end].text in BOUNDARIES)))  # "du constructeur automobile,"
        if anaphor_end and det is None and doc[k - 1].lower_ == "du" and (closed or holder_next):
            det = "le"  # "ex-défenseur du club": du = de + le (not "du groupe toscan", another one)
        named_institution = _institution_name(ctx, sent, k, anaphor_end, lex) if anaphor_end else None
        if named_institution:
            return named_institution  # "de l'hôpital nord de Laennec": a named institution, not an anaphor
        name_at = _skip_description(sent, _skip_adjectives(sent, anaphor_end)) if anaphor_end else None
        named = ctx.org_starting_at(name_at, sent) if name_at and name_at < sent.end else None
        if named and sent.doc[name_at].text[:1].isupper() and named[1].label != "PER":
            return named  # "président de l'association France Digitale": the name, not the anaphor
        # ("le président du club Paul Roy": a person after the anaphor is the title's holder)
        if anaphor_end and anaphor_end < sent.end and norm_text(doc[anaphor_end].text) in lex.eponym_adjectives:
            eponym = _eponym_org(ctx, sent)  # "président du groupe éponyme, Jean X": the group named X
            return (anaphor_end + 1, eponym) if eponym else None
        if anaphor_end and (det in lex.anaphor_determiners or det is None and first is False):
            if det in DEMONSTRATIVES:  # "P-dg de cette banque": the organisation just named
                topic = ctx.last_org(title_start, ctx.previous.start if ctx.previous is not None else sent.start)
            else:
                topic = _named_by_noun(ctx, doc[k:anaphor_end].text, title_start)
            if topic is None:
                topic = ctx.clear_topic(title_start) if holder_next else ctx.org_topic(title_start)
            return (anaphor_end, topic) if topic else None
        org = ctx.org_starting_at(k, sent)
        if org and prep in PLACE_PREPOSITIONS and org[1].label == "LOC":
            return None  # "ambassadeur de France à Maurice", "directeur à Paris": a place
        if org and norm_text(org[1].name) in lex.not_orgs:
            better = _org_after(ctx, sent, org[0], title_start, lex) if org[0] < sent.end else None
            return better  # "directeur scientifique de l'IA chez Meta"
        if org and org[1].key is None:
            better = _org_after(ctx, sent, org[0], title_start, lex) if org[0] < sent.end else None
            if better and better[1].label == "LOC" and norm_text(doc[org[0]].text) in ("de", "d'"):
                # "DG du CHU de Limoges": an unrecognised institution named after its place
                return better[0], ActorRef(doc[k : better[0]].text, "ORG", None)
            if better and better[1].key is not None:
                return better  # "directeur scientifique de l'IA chez Meta"
        if org and org[1].label == "PER" and org[1].key is not None and not _one_word_name(org[1]):
            # "bras droit de Mark Zuckerberg chez Meta": a person is no organisation (a one-word
            # name that is no given name is a company the recogniser tagged PER: "PDG de Kelvio")
            return _chez_after(ctx, sent, org[0], title_start, lex)
        if org and org[1].label == "PER":
            org = org[0], ActorRef(org[1].name, "ORG", org[1].key)
        if org:
            return org
        institution = _institution_at(ctx, sent, k, lex)
        if institution:
            return institution
        # A common-noun head: follow its own "de ..." complement ("doyenne du département ... de X"),
        # or take the name it introduces ("patron du groupe maritime CMA CGM") unless it names a
        # unit of a larger organisation ("vice-président de la division AI Research d'IBM").
        # "fondatrice du mouvement French Tech", "du salon VivaTech": the name a non-organisation
        # head introduces is no organisation (a de-complement after it still may be one)
        not_org = norm_text(doc[k].text) in lex.non_org_heads
        unit = norm_text(doc[k].text) in lex.unit_nouns
        if det in lex.indefinite_determiners and not unit:
            # "patron d'une entreprise du BTP": an unnamed company, the name after it is a sector;
            # only a coordinated complement may still name one ("... mais aussi de l'UP-Medef 84")
            return _coordinated_complement(ctx, sent, k, title_start, lex)
        first = False
        head = k
        while k < limit and norm_text(doc[k].text) not in lex.org_prepositions:
            if _coordinated_domain(sent, k, lex):
                k += 1  # "directeur de la stratégie et des partenariats de X"
                continue
            if doc[k].text in BOUNDARIES or doc[k].pos_ in ("VERB", "AUX", "PRON", "CCONJ", "SCONJ"):
                return None
            named = ctx.org_starting_at(k, sent) if doc[k].text[:1].isupper() else None
            if named and named[1].label == "LOC" and norm_text(doc[head].text) in lex.institution_nouns - words()["public_bodies"]:
                # "du centre hospitalier parisien Saint-Joseph": the institution's name, not a place
                return named[0], ActorRef(doc[head : named[0]].text, "ORG", None)
            if named and not not_org and not (unit and _followed_by_org(ctx, sent, named[0], lex)):
                return named
            k = named[0] if named else k + 1
    return None




def _institution_name(ctx, sent, k: int, end: int, lex: Lexicon) -> tuple[int, ActorRef] | None:
    """'l'hôpital nord de Laennec', 'l'université de Caen': an institution noun (tokens k..end) with
    its lowercase adjectives, then de + a capitalised name, is a named institution (the entity
    when the NER typed it an organisation, else the whole phrase)."""
    doc = sent.doc
    if norm_text(doc[k:end].text) not in lex.institution_nouns - words()["public_bodies"]:
        return None
    j = _skip_adjectives(sent, end)
    if j + 1 >= sent.end or norm_text(doc[j].text) not in ("de", "d'", "du") or not doc[j + 1].text[:1].isupper():
        return None
    named = ctx.org_starting_at(j + 1, sent)
    if named is None or named[1].label == "PER":
        return None
    if named[1].label == "ORG" and named[1].key is not None:
        return named
    return named[0], ActorRef(doc[k : named[0]].text, "ORG", None)


def _eponym_org(ctx, sent) -> ActorRef | None:
    """The organisation of the doc named after a person of the sentence (its surname is a word of
    the organisation's name: 'Jean-Louis Alloin' -> 'Alloin', 'Groupe Alloin')."""
    people = [hit[0] for i in range(sent.start, sent.end)
              if (hit := ctx.entity_at(i)) and hit[0].start == i and hit[1].label == "PER" and len(hit[0]) > 1]
    surnames = {norm_text(span[-1].text) for span in people}
    for _, ref in ctx.tok_ent.values():
        if ref.label == "ORG" and surnames & set(norm_text(ref.name).split()):
            return ref
    # the organisation is no entity of its own (merged with its founder's name): the surname names it
    return ActorRef(people[0][-1].text, "ORG", None) if len(people) == 1 else None


DESCRIPTION_TOKENS = 6  # "du logiciel de planification des équipes"
# preposition -> article after it ("du" holds its own); never none ("chef d'entreprise" is generic)
DESCRIPTION_ARTICLES = {"du": None, "de": ("la", "l'")}


def _described_org(ctx, sent, k: int, title_start: int, lex: Lexicon) -> tuple[int, ActorRef] | None:
    """'les cofondateurs du logiciel de planification, A et B', 'fondatrice de la jeune pousse,
    A': a title whose complement is a common-noun description of a company (no name in it, closed
    by a comma or the sentence end) belongs to the organisation in focus (the topic)."""
    doc = sent.doc
    prep = norm_text(doc[k].text) if k < sent.end else None
    if prep not in DESCRIPTION_ARTICLES:
        return None
    j = k + 1
    articles = DESCRIPTION_ARTICLES[prep]
    if articles:
        if j >= sent.end or norm_text(doc[j].text) not in articles:
            return None
        j += 1
    head_end = next((j + n for n in (2, 1) if j + n <= sent.end
                     and norm_text(doc[j : j + n].text) in lex.descriptive_heads), None)
    if head_end is None:
        return None
    end = head_end
    while end < min(sent.end, head_end + DESCRIPTION_TOKENS) and doc[end].text not in BOUNDARIES:
        tok = doc[end]
        if not tok.text.islower() or tok.pos_ in ("VERB", "AUX", "PRON", "SCONJ", "CCONJ"):
            return None  # a name ("du groupe de luxe LVMH") or a clause: not a bare description
        end += 1
    if end < sent.end and doc[end].text != ",":
        return None
    topic = ctx.org_topic(title_start)
    return (end, topic) if topic else None


def _coordinated_complement(ctx, sent, k: int, title_start: int, lex: Lexicon) -> tuple[int, ActorRef] | None:
    """The organisation of a complement coordinated after an unnamed one ('patron d'une entreprise
    du BTP mais aussi de l'UP-Medef 84'): a coordinator then a preposition, before any clause."""
    doc = sent.doc
    for j in range(k, min(sent.end, k + ORG_SCAN_TOKENS)):
        if doc[j].text in BOUNDARIES or doc[j].pos_ in ("VERB", "AUX", "PRON", "SCONJ"):
            return None
        for n in (2, 1):
            if j + n < sent.end and norm_text(doc[j : j + n].text) in lex.complement_coordinators \
                    and norm_text(doc[j + n].text) in lex.org_prepositions:
                found = _org_after(ctx, sent, j + n, title_start, lex)
                return found if found and found[1].key is not None else None
    return None


def _skip_description(sent, k: int) -> int:
    """Past a lowercase de/en-complement describing an anaphor noun when a capitalised name follows
    ("l'entreprise de travail temporaire Proman" -> Proman, "l'équipementier en télécoms X" -> X); else k."""
    doc = sent.doc
    if k >= sent.end or norm_text(doc[k].text) not in ("de", "d'", "en"):
        return k
    j = k + 1
    while j < min(sent.end, k + 1 + DESCRIPTION_TOKENS) and doc[j].text.islower() and doc[j].is_alpha \
            and doc[j].pos_ in ("NOUN", "ADJ"):
        j += 1
    return j if j > k + 1 and j < sent.end and doc[j].text[:1].isupper() else k


def _coordinated_domain(sent, k: int, lex: Lexicon) -> bool:
    """'et' joining two lowercase domains of one title ("de la stratégie et des partenariats")."""
    doc = sent.doc
    return doc[k].lower_ == "et" and k + 2 < sent.end and norm_text(doc[k + 1].text) in lex.org_prepositions \
        and doc[k + 2].text[:1].islower() and k > sent.start and doc[k - 1].text[:1].islower()


def _skip_adjectives(sent, k: int, most: int = 2) -> int:
    """Past the lowercase adjectives after an anaphor ("la jeune pousse lyonnaise Kelvio")."""
    doc = sent.doc
    stop = min(sent.end, k + most)
    while k < stop and doc[k].pos_ == "ADJ" and doc[k].text.islower():
        k += 1
    return k


def _followed_by_org(ctx, sent, k: int, lex: Lexicon) -> bool:
    """A "de X" organisation complement starts at token k."""
    if k >= sent.end or norm_text(sent.doc[k].text) not in lex.org_prepositions:
        return False
    found = _org_after(ctx, sent, k, k, lex)
    return found is not None and found[1].label != "LOC"  # "le site Michelin de Cholet": a place, no owner


def _institution_at(ctx, sent, k: int, lex: Lexicon) -> tuple[int, ActorRef] | None:
    """'université de Berkeley', 'ministère de l'Économie' missed by the NER: noun + de + name."""
    doc = sent.doc
    if norm_text(doc[k].text) not in lex.institution_nouns or k + 2 >= sent.end:
        return None
    j = k + 1
    if norm_text(doc[j].text) not in ("de", "d'", "du", "des"):
        return None
    j += 1
    while j < sent.end and norm_text(doc[j].text) in ("la", "l'", "le", "les"):
        j += 1
    named = ctx.org_starting_at(j, sent) if j < sent.end and doc[j].text[:1].isupper() else None
    if named is None:
        return None
    return named[0], ActorRef(doc[k : named[0]].text, "ORG", None)


def _chez_after(ctx, sent, k: int, title_start: int, lex: Lexicon) -> tuple[int, ActorRef] | None:
    """'head of AI chez Criteo', 'directeur des ventes Europe chez SAP': a few words, then chez."""
    doc = sent.doc
    for j in range(k, min(sent.end, k + 4)):
        if doc[j].lower_ == "chez":
            return _org_after(ctx, sent, j, title_start, lex)
        if doc[j].text in BOUNDARIES or doc[j].pos_ in ("VERB", "AUX", "CCONJ", "SCONJ", "PRON"):
            return None
    return None


def _fronted_chez(ctx, sent, title: TitleMatch, lex: Lexicon) -> tuple[int, ActorRef] | None:
    """'Chez Kelvio, Paul Durand, le CTO, explique ...': a bare title set off by commas in a sentence
    opened by "Chez X," belongs to X."""
    doc = sent.doc
    if doc[sent.start].lower_ != "chez" or title.start - 1 <= sent.start:
        return None
    if norm_text(doc[title.start - 1].text) not in ("le", "la", "l'", "les"):
        return None
    if title.end < sent.end and doc[title.end].text not in (",", ")"):
        return None
    org = ctx.org_starting_at(sent.start + 1, sent)
    if org is None or org[0] >= sent.end or doc[org[0]].text != "," or org[1].label == "PER":
        return None
    return title.end, org[1]


def _possessive_org(ctx, sent, title: TitleMatch, lex: Lexicon) -> tuple[int, ActorRef] | None:
    """'son patron, Sam Altman': a possessive title with no complement belongs to the topic org."""
    k = title.start - 1
    while k > sent.start and (sent.doc[k].like_num or sent.doc[k].pos_ == "NUM"):
        k -= 1  # "ses deux cofondateurs"
    if _dont_determiner(sent, k, lex):
        last = ctx.last_org(k - 1, sent.start)  # "Régions de France, dont la présidente, X"
        return (title.end, last) if last else None
    if k < sent.start or norm_text(sent.doc[k].text) not in lex.possessives:
        return None
    if title.lemma in lex.person_relative_titles:
        return None  # "son associé", "son bras droit": a partner of a person, not a post
    if title.end < sent.end and norm_text(sent.doc[title.end].text) in lex.org_prepositions:
        return None
    # in an incise ("X a levé 3 M€ auprès de Y, a annoncé son fondateur Z") the possessor is the
    # subject of the main clause; else the last organisation named in the sentence, else the
    # article's topic, else the organisation named later in the sentence ("Selon son PDG, X, la société Y ...")
    topic = _incise_subject_org(ctx, sent, k) or ctx.last_org(title.start, sent.start) \
        or ctx.previous_sentence_org(title.start) or ctx.org_topic(title.start) or ctx.next_org(title.end, sent.end)
    return (title.end, topic) if topic else None


def _incise_subject_org(ctx, sent, k: int) -> ActorRef | None:
    """The organisation subject of the main clause when the possessive at token k follows an
    inverted reporting verb set off by a comma (", a indiqué son PDG X"); else None."""
    doc = sent.doc
    j = k - 1
    if j <= sent.start or doc[j].pos_ != "VERB":
        return None
    verb = doc[j]
    j -= 1
    while j > sent.start and doc[j].pos_ == "AUX":
        j -= 1
    if doc[j].text != ",":
        return None
    main = next((t for t in doc[sent.start : j] if t.pos_ == "VERB"), None)
    if main is None:
        return None
    found = subject_of(ctx, sent, main, ("ORG",))
    return found if found is not None and found.label == "ORG" else None


DONT_TOKENS = 8  # "Bongrain, dont il a longtemps été le président"


def _dont_clause_org(ctx, sent, title: TitleMatch, lex: Lexicon) -> tuple[int, ActorRef] | None:
    """'... rejoindre Bongrain, dont il a été le président du directoire': a title in a copular
    relative clause opened by "dont" belongs to the organisation the clause is attached to."""
    doc = sent.doc
    for j in range(title.start - 1, max(sent.start, title.start - DONT_TOKENS) - 1, -1):
        tok = doc[j]
        if tok.lower_ == "dont":
            if j - 2 < sent.start or doc[j - 1].text != ",":
                return None
            e = j - 2
            if doc[e].text == ")":  # "Benteler (pièces de structure), dont il a été …"
                e = next((c - 1 for c in range(e - 1, max(sent.start, e - 10) - 1, -1) if doc[c].text == "("), e)
            hit = ctx.entity_at(e) if e >= sent.start else None
            if hit is not None and hit[0].end - 1 == e and hit[1].label == "ORG":
                return title.end, hit[1]
            return None
        if not (tok.pos_ in ("DET", "AUX", "ADV", "PRON") or tok.lemma_ in lex.role_verbs
                or (hit := ctx.entity_at(j)) and hit[1].label == "PER"):
            return None
    return None


def _appointed_bare_org(ctx, sent, title: TitleMatch, lex: Lexicon) -> tuple[int, ActorRef] | None:
    """'Paul Roy (40 ans) est nommé directeur général.': a business title without complement right
    after an appointment participle is a post at the organisation in focus (the sentence before,
    else the article's topic)."""
    doc = sent.doc
    if title.kind != "business" or title.plural or title.lemma in lex.person_relative_titles:
        return None
    end = _domain_end(sent, title.end) + _qualifier_len(sent, _domain_end(sent, title.end), lex)
    next_person = end + 1 < sent.end and doc[end].lower_ == "et" and ctx.person_starting_at(end + 1, sent)
    if end < sent.end and doc[end].text not in (".", ",", ";") and not _time_after(sent, end) and not next_person:
        return None  # ("X devient rédacteur en chef et Y, directeur des rédactions": another appointee follows)
    k = title.start - 1
    while k >= sent.start and norm_text(doc[k].text) in lex.determiners | lex.pre_adjectives:
        k -= 1
    k = _past_time_adjunct(sent, k)  # "a été nommé en janvier directeur"
    k -= _adverb_len(sent, k, lex)  # "qui restera quant à lui administrateur"
    becomes = k >= sent.start and doc[k].lemma_ in words()["stay_verbs"] and doc[k].pos_ in ("VERB", "AUX")
    if k < sent.start or not becomes and (doc[k].lemma_ not in lex.appointment_verbs or doc[k].pos_ != "VERB"
                                          or "VerbForm=Part" not in doc[k].morph):
        return None
    # "Imerys annonce qu'X deviendra directeur général": the organisation announcing it
    governing = doc[k].head if doc[k].dep_ in ("ccomp", "advcl") and doc[k].head.i < k else None
    org = subject_of(ctx, sent, governing, ("ORG",)) if governing is not None else None
    org = org or ctx.previous_sentence_org(title.start) or ctx.org_topic(title.start)
    return (title.end, org) if org else None


def _listed_holders_org(ctx, sent, title: TitleMatch, lex: Lexicon) -> tuple[int, ActorRef] | None:
    """'détenus par les trois cofondateurs (A, B, C)': a definite plural title without complement
    whose holders are listed in parentheses speaks of the organisation in focus."""
    doc = sent.doc
    if not title.plural or title.kind != "business" or title.lemma in lex.person_relative_titles:
        return None
    if title.end + 1 >= sent.end or doc[title.end].text != "(" or not ctx.person_starting_at(title.end + 1, sent):
        return None
    k = title.start - 1
    while k > sent.start and (doc[k].like_num or doc[k].pos_ == "NUM"):
        k -= 1
    if k < sent.start or norm_text(doc[k].text) != "les":
        return None
    org = ctx.org_topic(title.start)
    return (title.end, org) if org else None


def _past_area(sent, k: int) -> int:
    """Past an area qualifying a title ("pour l'Ouest", "pour la France") when an organisation's
    preposition follows; else k."""
    doc = sent.doc
    if k + 2 >= sent.end or doc[k].lower_ != "pour":
        return k
    j = k + 1
    while j < sent.end and norm_text(doc[j].text) in ("la", "le", "l'", "les"):
        j += 1
    start = j
    while j < sent.end and doc[j].text[:1].isupper():
        j += 1
    return j if j > start and j < sent.end and norm_text(doc[j].text) in ("de", "d'", "du", "des", "chez") else k


def _trailing_org(ctx, sent, title: TitleMatch) -> tuple[int, ActorRef] | None:
    """'…, a souligné Paul Roy, président et chef de la direction, Kelvix Inc.': a press-release
    signature, the organisation set off by a comma after the title closes the sentence."""
    doc = sent.doc
    k = title.end
    if k + 1 >= sent.end or doc[k].text != ",":
        return None
    hit = ctx.entity_at(k + 1)
    if not hit or hit[0].start != k + 1 or hit[1].label != "ORG" or hit[1].key is None:
        return None
    end = hit[0].end
    while end < sent.end and (doc[end].text == "." or doc[end].is_space):
        end += 1
    return (hit[0].end, hit[1]) if end >= sent.end else None


def _bare_apposition_org(ctx, sent, title: TitleMatch, lex: Lexicon) -> tuple[int, ActorRef] | None:
    """'Anne X, directrice financière, quittera l'entreprise': a bare business title set off by
    commas right after a person's name is a post at the organisation in focus (named earlier in
    the sentence, else as for a possessive: the sentence before, else the article's topic)."""
    doc = sent.doc
    if title.kind != "business" or title.plural or title.lemma in lex.person_relative_titles:
        return None
    end = _domain_end(sent, title.end)  # "X, son adjoint et directeur de production."
    end += _qualifier_len(sent, end, lex)  # "X, directrice générale adjointe auparavant,", "… par intérim."
    closed = end < sent.end and doc[end].text == "," or end > title.end and (
        end >= sent.end or doc[end].text == "." and end == sent.end - 1)
    if not closed or title.start - 2 < sent.start:
        return None
    k = title.start - 1
    n_adv = _adverb_len(sent, k, lex)
    if n_adv and k - n_adv > sent.start and doc[k - n_adv].text == ",":
        k -= n_adv  # "X, jusque là rédacteur en chef, est nommé …"
    definite = norm_text(doc[k].text) in ("le", "la", "l'") and k - 1 > sent.start and doc[k - 1].text == ","
    if definite:
        k -= 1  # "Lionel X, l'actuel directeur général par intérim."
    if doc[k].lower_ == "et" and k - 1 > sent.start:
        before = _title_start_before(sent, k - 1)  # 'X, cofondateur et CTO,'
        # 'X, son adjoint et directeur de production': a short untitled first member
        k = before if before != k - 1 else next(
            (c for c in range(k - 1, max(sent.start, k - 4) - 1, -1) if doc[c].text == ","
             and all(t.pos_ in ("DET", "NOUN", "ADJ") for t in doc[c + 1 : k])), k)
    if k <= sent.start or doc[k].text != "," or not ctx.person_ending_at(k - 1, sent):
        return None
    if definite:  # "l'actuel directeur": the article's leading organisation, not one named in passing
        org = ctx.clear_topic(title.start)
    else:
        org = ctx.last_org(k, sent.start) or ctx.previous_sentence_org(title.start) or ctx.org_topic(title.start)
    return (title.end, org) if org else None


def _qualifier_len(sent, k: int, lex: Lexicon) -> int:
    """Length of a qualifier written after a title ("par intérim", "auparavant") at token k (0 if none)."""
    doc = sent.doc
    for n in (2, 1):
        if k + n <= sent.end and norm_text(doc[k : k + n].text) in lex.title_qualifiers:
            return n
    return 0


def _domain_end(sent, k: int) -> int:
    """Past a lowercase domain complement after a title ("de production", "des ventes"): the
    token after it, else k."""
    doc = sent.doc
    if k >= sent.end or norm_text(doc[k].text) not in DOMAIN_PREPOSITIONS + ("à", "au", "aux"):
        return k
    j = k + 1
    while j < sent.end and norm_text(doc[j].text) in ("la", "l'", "les"):
        j += 1
    start = j
    lex = lexicon()
    if start < sent.end and norm_text(doc[start].text) in lex.institution_nouns | lex.anaphors:
        return k  # "présidente du conseil de surveillance du centre hospitalier": an institution, no domain
    while j < min(sent.end, start + 3) and doc[j].is_alpha and doc[j].text.islower() and doc[j].pos_ in ("NOUN", "ADJ"):
        j += 1
    if j == start or doc[start].pos_ != "NOUN":
        return k
    return _coordinated_domain_end(sent, j)


def _coordinated_domain_end(sent, j: int) -> int:
    """Past a domain coordinated at token j ("des rédactions et de l'information", "des rédactions
    départementales et locales"): lowercase words after "et", with their own de-article."""
    doc = sent.doc
    if j + 1 >= sent.end or doc[j].lower_ != "et":
        return j
    i = j + 1
    if norm_text(doc[i].text) in DOMAIN_PREPOSITIONS:
        i += 1
        while i < sent.end and norm_text(doc[i].text) in ("la", "l'", "les"):
            i += 1
    first = i
    while i < min(sent.end, first + 3) and doc[i].is_alpha and doc[i].text.islower() and doc[i].pos_ in ("NOUN", "ADJ"):
        i += 1
    return i if i > first else j


def _bare_opening_title_org(ctx, sent, title: TitleMatch, lex: Lexicon) -> tuple[int, ActorRef] | None:
    """'Le directeur sportif, Éric X, assure …': a sentence opening with a bare business title set
    off by a comma before a name speaks of the organisation in focus (as for a possessive)."""
    doc = sent.doc
    if title.kind != "business" or title.plural or title.lemma in lex.person_relative_titles:
        return None
    if title.start != sent.start + 1 or norm_text(doc[sent.start].text) not in {"le", "la", "l'"}:
        return None
    if title.end + 1 >= sent.end or not ctx.person_starting_at(title.end + 1, sent) \
            or doc[title.end].text != "," and _inverted_copula(ctx, sent, title, title.end) is None:
        return None  # ("Le troisième directeur général délégué est Jean Y.": the same, with a copula)
    org = ctx.previous_sentence_org(title.start) or ctx.org_topic(title.start)
    return (title.end, org) if org else None


def _bare_title_name_org(ctx, sent, title: TitleMatch, lex: Lexicon) -> tuple[int, ActorRef] | None:
    """'succédant à l'ancien entraîneur Quique X', 'le manager général Hichem Y est toujours en
    poste': a definite business title written right before a recognised person's name, without
    complement, is a post at the organisation in focus (not for titles that often name a head of
    state or a politician: 'le président Emmanuel Macron')."""
    doc = sent.doc
    if title.kind not in ("business", "academic") or title.lemma in lex.person_relative_titles \
            or title.lemma in lex.bare_title_exclusions:
        return None
    k = title.start - 1
    articles = ("les", "des", "aux") if title.plural else ("le", "la", "l'", "du", "au")
    if k < sent.start or norm_text(doc[k].text) not in articles:
        return None  # ("sous l'autorité du PDG Carlos X", "la recette des fondateurs A, B et C")
    j = title.end + _qualifier_len(sent, title.end, lex)  # "la présidente sortante Sophie X"
    if j + 1 < sent.end and doc[j].text == "," and (norm_text(doc[k].text) in ("le", "la", "l'") \
            and title.start - 2 >= sent.start and doc[title.start - 2].lower_ in ("à", "de", "par", "avec")
            or norm_text(doc[k].text) in ("du", "au")):
        j += 1  # "succédera à l'actuel recteur, Dominique X", "le départ du directeur financier, Jean X"
    hit = ctx.entity_at(j) if j < sent.end else None
    if not hit or hit[0].start != j or hit[1].label != "PER" or hit[1].key is None:
        return None
    # no name at all in the text: an organisation the sentence names by its nickname ("le conseil de la
    # banque verte … le départ du directeur général, X"), else only a clearly leading organisation
    org = ctx.nickname_org(sent) or ctx.clear_topic(title.start)
    return (title.end, org) if org else None


def _title_start_before(sent: Span, k: int) -> int:
    """The token before the title ending at k ('X, cofondateur et CTO,'), else k itself."""
    starts = [t.start for t in find_titles(sent) if t.end - 1 == k]
    return starts[0] - 1 if starts else k


def _dont_determiner(sent: Span, k: int, lex: Lexicon) -> bool:
    """True for the article of 'X, dont la présidente, Y' (token k), which makes the title X's."""
    return k > sent.start and norm_text(sent.doc[k].text) in lex.determiners and sent.doc[k - 1].lower_ == "dont"


def _anaphor_at(sent: Span, k: int, lex: Lexicon) -> int | None:
    """End token of an anaphoric noun ("firme", "jeune pousse") starting at k."""
    doc = sent.doc
    for n in (3, 2, 1):
        if k + n <= sent.end and norm_text(doc[k : k + n].text) in lex.anaphors:
            return k + n
    return None


# ---- person -----------------------------------------------------------------------------------
def _persons_of(ctx, sent, titles, n, org_end, persons, lex) -> tuple[list[ActorRef], str] | None:
    """The named person(s) holding title n, and the rule that found them."""
    title = titles[n]
    doc = sent.doc
    respective = _respectively(ctx, sent, titles, n)
    if respective:
        return [respective], "role.respectively"
    appointment = _appointment(ctx, sent, title, lex)
    if appointment:
        return _appointees(ctx, sent, title, appointment[0]), "role.appointed"
    capacity = _capacity_subject(ctx, sent, title, lex) or _functions_holder(ctx, sent, title)
    if capacity:
        return [capacity], "role.as_subject"
    post = _post_holder(ctx, sent, title, lex)
    if post:
        return [post], "role.post"
    k = title.start - 1
    while k >= sent.start and (doc[k].like_num or doc[k].pos_ == "NUM" or doc[k].is_space):
        k -= 1  # "les trois cofondateurs", "Paul Durand,\nCEO de X" (a wrapped line)
    one_of = _one_of_before(sent, k)  # "l'un des cofondateurs de X"
    k -= one_of
    acronym = _acronym_after_name(ctx, sent, title, k) or _headline_name(ctx, sent, k, lex)
    if acronym:
        return [acronym], "role.apposition"
    has_det = one_of > 0 or k >= sent.start and norm_text(doc[k].text) in lex.determiners | lex.contracted_articles
    if has_det and not one_of:
        k -= 1
    while k > sent.start and _is_adverb(doc[k]) and doc[k - 1].text in (",", "("):
        k -= 1  # "X, désormais directeur de Y"
    n_adv = _adverb_len(sent, k, lex)
    if n_adv and k - n_adv >= sent.start and doc[k - n_adv].text in (",", "("):
        k -= n_adv  # "X, jusqu'ici président de Y"
    if k < sent.start:
        return _inversion(ctx, sent, title, org_end, lex)
    if k - 3 >= sent.start and doc[k].text == "," and doc[k - 1].lower_ == "ans" and doc[k - 2].like_num \
            and doc[k - 3].text == ",":
        k -= 3  # "Arthur Dupuis, 31 ans, PDG de ..."
    if title.plural:
        k -= _quantifier_len(sent, k, lex)  # "A, B et C, tous membres du conseil de X"
    left = doc[k]
    if left.text in (",", "("):
        hit = ctx.person_ending_at(k - 1, sent) or (
            ctx.person_ending_at(_before_parenthesis(sent, k - 1), sent) if title.plural else None)
        if hit:
            people = _coordinated_persons(ctx, sent, hit[0]) if title.plural else []
            return [*people, hit[1]], "role.apposition"
        chained = _previous_member_person(ctx, sent, k)  # "X, diplômée de Y, maître de conférences à Z"
        if chained:
            return [chained], "role.apposition"
    if norm_text(doc[title.core_start : title.core_end].text) in lex.adjacent_person_forms:
        hit = ctx.person_ending_at(k, sent)  # "la réintégration de Sam Altman à la tête d'OpenAI"
        if hit:
            successor = _successor(ctx, sent, hit[0], lex)
            if successor is False:
                return [hit[1]], "role.adjacent"
            return ([successor], "role.adjacent") if successor else None
    if left.lower_ in ("et", ",", "&") and n > 0 and n - 1 in persons:
        prev = titles[n - 1]
        if _ends_right_before(ctx, sent, prev, k, lex):
            return persons[n - 1][0], "role.coordination"
    if left.lower_ == "et":
        chained = _apposition_chain(ctx, sent, k)
        if chained:
            return [chained], "role.coordination"
    if k == sent.start:
        fronted = _fronted_subject(ctx, sent, doc[k])  # "Élu président de X en août, l'avocat Y …"
        if fronted:
            return [fronted], "role.copula"
    if _fronted_chain(sent, title.start):  # "Professeur, doyen de X, ancien directeur de Y, Éric Z …"
        inverted = _inversion(ctx, sent, title, org_end, lex)
        if inverted:
            return inverted
    # "X est responsable de la faillite de Y", "X a été chargé de la refonte de Y": not a post
    copula = None if title.domain else _copula_subject(ctx, sent, k, lex)
    if copula:
        # "A et B ont été nommés directeurs généraux délégués de X": every coordinated subject
        start = _start_of(ctx, sent, copula, title.start) if title.plural else None
        people = _coordinated_persons(ctx, sent, start) if start is not None else []
        return [*people, copula], "role.copula"
    if has_det or left.text in (":",):
        return _inversion(ctx, sent, title, org_end, lex)
    return None


def _acronym_after_name(ctx, sent, title: TitleMatch, k: int) -> ActorRef | None:
    """'les conseillers Jean Dupont CEO d'Alan': an acronym title (CEO, PDG) written right after a
    recognised person's name, without a comma."""
    doc = sent.doc
    if k < sent.start or title.start != title.core_start or not doc[title.core_start].text.isupper():
        return None
    hit = ctx.entity_at(k)
    if not hit or hit[1].label != "PER" or hit[1].key is None or hit[0].end - 1 != k:
        return None
    return hit[1]


def _start_of(ctx, sent, ref: ActorRef, before: int) -> int | None:
    """First token of the last mention of `ref` in the sentence before token `before`."""
    start = None
    for i in range(sent.start, before):
        hit = ctx.entity_at(i)
        if hit and hit[0].start == i and hit[1] == ref:
            start = i
    return start


def _headline_name(ctx, sent, k: int, lex: Lexicon) -> ActorRef | None:
    """'Philippe Dupont président d'Écureuil-Banque Populaire', 'Paul Roy élu président de la CCI': a
    headline without a finite verb opening with a person's name right before the title (or before an
    appointment participle): the name holds the title (k: the token before the title)."""
    doc = sent.doc
    if k >= sent.start and norm_text(doc[k].text) in lex.appointment_participles:
        k -= 1
    hit = ctx.entity_at(k) if k >= sent.start else None
    if not hit or hit[1].label != "PER" or hit[1].key is None or hit[0].end - 1 != k or hit[0].start != sent.start:
        return None
    if any("VerbForm=Fin" in t.morph for t in sent if t.pos_ in ("VERB", "AUX")):
        return None  # a sentence ("Paul Roy président de X a dit …" is too rare to read as a headline)
    return hit[1]


def _adverb_len(sent, k: int, lex: Lexicon) -> int:
    """Length of an adverbial phrase of `apposition_adverbs` ending at token k (0 if none)."""
    doc = sent.doc
    for n in (4, 3, 2, 1):
        if k - n + 1 >= sent.start and norm_text(doc[k - n + 1 : k + 1].text) in lex.apposition_adverbs:
            return n
    return 0


def _is_adverb(tok) -> bool:
    """An adverb allowed between a subject or a copula and a title ("actuellement", "nouvellement")."""
    return norm_text(tok.text) in words()["role_adverbs"] or tok.pos_ == "ADV" and tok.lower_.endswith("ment") and tok.is_alpha


ONE_OF = (("l'", "un", "des"), ("l'", "une", "des"), ("un", "des"), ("une", "des"), ("l'", "un", "de", "ses"),
          ("l'", "une", "de", "ses"), ("un", "de", "ses"), ("une", "de", "ses"))


def _one_of_before(sent, k: int) -> int:
    """Length of "l'un des" / "une de ses" ending at token k (0 if none)."""
    doc = sent.doc
    for words in ONE_OF:
        n = len(words)
        if k - n + 1 >= sent.start and tuple(norm_text(t.text) for t in doc[k - n + 1 : k + 1]) == words:
            return n
    return 0


RESPECTIVELY_SCAN = 15


def _respectively(ctx, sent, titles, n) -> ActorRef | None:
    """'A et B, respectivement CEO et CTO de X': the i-th title after "respectivement" goes to the
    i-th person of the list before it."""
    doc = sent.doc
    title = titles[n]
    r = None
    for i in range(title.start - 1, max(sent.start, title.start - RESPECTIVELY_SCAN) - 1, -1):
        if doc[i].lower_ == "respectivement":
            r = i
            break
        if doc[i].text in BOUNDARIES and doc[i].text != ",":
            return None
    if r is None or r - 2 < sent.start or doc[r - 1].text != ",":
        return None
    hit = ctx.person_ending_at(r - 2, sent)
    if not hit:
        return None
    people = [*_coordinated_persons(ctx, sent, hit[0]), hit[1]]
    idx = [m for m, t in enumerate(titles) if t.start > r].index(n)
    return people[idx] if idx < len(people) else None


def _successor(ctx, sent, start: int, lex: Lexicon) -> ActorRef | None | Literal[False]:
    """'A succède à B à la tête de X' / 'A remplace B à la tête de X': B, the person before the
    title, is the predecessor; the post goes to A (None when A is not named). False: no such verb."""
    doc = sent.doc
    j = start - 1
    if j >= sent.start and doc[j].lower_ in ("à", "au"):
        j -= 1
    while j > sent.start and doc[j].pos_ == "ADV":
        j -= 1  # "Il succédera également à B"
    if j < sent.start or not succession_word(doc[j]):
        return False
    j -= 1
    while j >= sent.start and (doc[j].pos_ in ("AUX", "ADV") or doc[j].lower_ in ("vient", "de", "d'", "d’", "va")):
        j -= 1
    if j >= sent.start and doc[j].lower_ in ("il", "elle"):
        return ctx.pronoun_person(j, sent)  # "Il succédera à B à la tête de X" after naming him
    hit = ctx.person_ending_at(j, sent)
    return hit[1] if hit else None


CHAIN_TOKENS = 8  # words of an untitled apposition before "et TITLE"


def _apposition_chain(ctx, sent, k: int) -> ActorRef | None:
    """'Paul Durand, ancien de Google et fondateur de Kelvio': the person before an apposition
    whose second member (after "et" at token k) is the title."""
    doc = sent.doc
    for c in range(k - 1, max(sent.start, k - CHAIN_TOKENS) - 1, -1):
        tok = doc[c]
        if tok.text == ",":
            hit = ctx.person_ending_at(c - 1, sent) if c - 1 > sent.start else None
            return hit[1] if hit and c + 1 < k else None
        hit = ctx.entity_at(c)
        if tok.text in BOUNDARIES or tok.pos_ in ("VERB", "AUX", "PRON", "SCONJ") or hit and hit[1].label == "PER":
            return None
    return None


def _coordinated_persons(ctx, sent, start: int) -> list[ActorRef]:
    """The persons listed before the one starting at token `start` ("A, B et C, cofondateurs de X")."""
    doc = sent.doc
    people: list[ActorRef] = []
    k = start - 1
    while k - 1 >= sent.start and doc[k].lower_ in (",", "et"):
        # "A (Alsace), B (Casden) et C": each name may carry its own parenthesis
        hit = ctx.person_ending_at(k - 1, sent) or ctx.person_ending_at(_before_parenthesis(sent, k - 1), sent)
        if not hit:
            break
        people.insert(0, hit[1])
        k = hit[0] - 1
    return people


PARENTHESIS_TOKENS = 8  # the longest parenthesis skipped after a listed name ("(Val de France)")


def _before_parenthesis(sent, j: int) -> int:
    """The token before the parenthesis that closes at token j ("Paul Roy (Casden)" -> "Roy"), else j."""
    doc = sent.doc
    if j < sent.start or doc[j].text != ")":
        return j
    for i in range(j - 1, max(sent.start, j - PARENTHESIS_TOKENS) - 1, -1):
        if doc[i].text == "(":
            return i - 1
        if doc[i].text in (")", ",", ";"):
            break
    return j


def _quantifier_len(sent, k: int, lex: Lexicon) -> int:
    """Length of a quantifier ending at token k before a plural title ("tous", "toutes deux", "tous les
    trois"): the persons are listed before it."""
    doc = sent.doc
    for n in (3, 2, 1):
        if k - n + 1 >= sent.start and norm_text(doc[k - n + 1 : k + 1].text) in lex.plural_quantifiers:
            return n
    return 0


def _ends_right_before(ctx, sent, prev: TitleMatch, k: int, lex) -> bool:
    """Title `prev` (with its org, if any) ends at token k."""
    if prev.end == k:
        return True
    found = _org_after(ctx, sent, prev.end, prev.start, lex)
    if found is None:
        return False
    more = _more_orgs(ctx, sent, found[0], lex)
    return (more[-1][0] if more else found[0]) == k


def _copula_subject(ctx, sent, k: int, lex) -> ActorRef | None:
    """Subject of "X est / devient / a été nommé TITLE": k is the token left of the title."""
    doc = sent.doc
    while k >= sent.start and (_is_adverb(doc[k]) or _adverb_len(sent, k, lex)):
        k -= max(1, _adverb_len(sent, k, lex))  # "qui était jusqu'à tout récemment directrice de X"
    k = _past_time_adjunct(sent, k)  # "il avait été nommé en janvier directeur général de X"
    k = _past_verb_adjunct(sent, k, lex)
    if k < sent.start or doc[k].lemma_ not in lex.role_verbs or doc[k].pos_ not in ("AUX", "VERB"):
        return None
    infinitive = "VerbForm=Inf" in doc[k].morph or doc[k].lower_ == doc[k].lemma_
    if infinitive and k - 1 >= sent.start and doc[k - 1].lower_ in ("pour", "de", "d'", "d’"):
        return _clause_subject(ctx, sent, doc[k])  # "X est retournée à Paris pour être directrice de Y"
    verb = doc[k]
    k -= 1
    while k >= sent.start and (doc[k].lemma_ in AUX and doc[k].pos_ == "AUX" or _is_adverb(doc[k])):
        k -= 1
    if k < sent.start:
        return None
    if doc[k].text == "," and "VerbForm=Part" in verb.morph \
            and not any(t.pos_ == "AUX" for t in doc[k + 1 : verb.i]):
        hit = ctx.person_ending_at(k - 1, sent)  # "X, nommé directeur de Y en 2019, a quitté ..."
        if hit:
            return hit[1]
    if doc[k].text == ")":  # "Paul Roy (40 ans) est nommé directeur"
        k = next((j - 1 for j in range(k - 1, max(sent.start, k - 8) - 1, -1) if doc[j].text == "("), k)
    if doc[k].lower_ in ("il", "elle"):
        if k - 1 >= sent.start and norm_text(doc[k - 1].text) in ("si", "s'"):
            return None  # "S'il est nommé à la tête de X, …": a condition, not a post
        return ctx.pronoun_person(k, sent)  # "Il a été nommé directeur de X" after naming him
    if doc[k].lower_ == "et" and verb.dep_ == "conj":
        return _verb_subject(ctx, sent, verb.head)  # "X, directeur, regroupera ... et deviendra PDG"
    if doc[k].text == ",":
        return _person_before_apposition(ctx, sent, k)
    if doc[k].lower_ == "qui":
        head = doc[k - 1] if k - 1 >= sent.start else None
        if head is not None and head.lower_ in lex.relative_heads:
            prev_sents = max(0, sent.start - 80)
            return ctx.last_person(head.i, prev_sents)
        if head is not None and head.text == ",":
            hit = ctx.person_ending_at(k - 2, sent)
            return hit[1] if hit else None
        return None
    hit = ctx.person_ending_at(k, sent)
    return hit[1] if hit else _described_person(ctx, sent, k)


DESCRIBED_PERSON_TOKENS = 120  # tokens searched back for the person a definite description stands for


def _described_person(ctx, sent, k: int) -> ActorRef | None:
    """'Le haut fonctionnaire avait été nommé directeur de X', 'le quinquagénaire est devenu …': a
    definite description of a person (person_descriptors) as subject stands for the last person named."""
    doc = sent.doc
    if norm_text(doc[k].text) not in words()["person_descriptors"]:
        return None
    d = k - 1
    while d >= sent.start and doc[d].pos_ == "ADJ":
        d -= 1  # "le haut fonctionnaire"
    if d < sent.start or norm_text(doc[d].text) not in ("le", "la", "l'", "ce", "cette"):
        return None
    return ctx.last_person(d, max(0, d - DESCRIBED_PERSON_TOKENS))


def _fronted_subject(ctx, sent, verb) -> ActorRef | None:
    """The person named right after the comma closing a sentence-opening participle clause
    ("Nommé PDG de X en 2019, Paul Roy …", "Élu président de X, l'avocat Paul Roy …")."""
    doc = sent.doc
    if verb.i != sent.start or norm_text(verb.text) not in lexicon().appointment_participles:
        return None  # (a capitalised participle opening a sentence is often tagged NOUN: its form decides)
    for c in range(verb.i + 1, min(sent.end - 1, verb.i + FRONTED_SCAN_TOKENS)):
        if doc[c].text == ",":
            hit = ctx.person_starting_at(c + 1, sent) or _after_descriptor(ctx, sent, c + 1)
            return hit[1] if hit else None
        if doc[c].text in BOUNDARIES:
            return None
    return None


def _verb_subject(ctx, sent, verb) -> ActorRef | None:
    """The person subject of a verb in the parse (a PER entity, or il/elle resolved to one)."""
    if not (sent.start <= verb.i < sent.end) or verb.pos_ not in ("VERB", "AUX"):
        return None
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubj:pass") and sent.start <= child.i < sent.end:
            if child.lower_ in ("il", "elle"):
                return ctx.pronoun_person(child.i, sent)
            hit = ctx.entity_at(child.i)
            return hit[1] if hit and hit[1].label == "PER" else None
    return None


PAREN_TOKENS = 12  # a parenthesis after an inverted title's organisation
INVERSION_MARKS = (",", ":", "(")  # "le PDG de X, A" / "les cofondateurs de X : A et B" / "(A, B, C)"
ADJUNCT_TOKENS = 12  # "a été élu à la quasi-unanimité des 52 membres, président de X"
APPOSITION_TOKENS = 25  # "X, patron d'une entreprise du BTP mais aussi de Y, devient président de Z"


def _past_verb_adjunct(sent, k: int, lex) -> int:
    """'X a été élu à l'unanimité des membres, président de Y': from the comma at token k back to
    the appointment verb an adjunct (opening with a preposition) follows; else k."""
    doc = sent.doc
    if k < sent.start or doc[k].text != ",":
        return k
    for j in range(k - 1, max(sent.start, k - ADJUNCT_TOKENS) - 1, -1):
        tok = doc[j]
        if tok.lemma_ in lex.appointment_verbs and tok.pos_ == "VERB":
            return j if doc[j + 1].pos_ == "ADP" else k
        if tok.text in BOUNDARIES or tok.pos_ in ("VERB", "AUX", "PRON", "SCONJ"):
            return k
    return k


INVERTED_TOKENS = 12  # tokens from an inverted title to the name after its comma


def _person_before_apposition(ctx, sent, k: int) -> ActorRef | None:
    """'X, patron de Y, devient président de Z': the person before the apposition closed by the
    comma at token k (an apposition without a verb of its own)."""
    doc = sent.doc
    named = ctx.person_ending_at(k - 1, sent)
    if named and named[0] - 1 >= sent.start and doc[named[0] - 1].text == "," and any(
            named[0] - INVERTED_TOKENS <= t.start and t.end < named[0] and t.start - 1 >= sent.start
            and norm_text(doc[t.start - 1].text) in ("le", "la", "l'") for t in find_titles(sent)):
        return named[1]  # "Le directeur de Y, X, devient président de Z": the name after an inverted title
    for c in range(k - 1, max(sent.start, k - APPOSITION_TOKENS) - 1, -1):
        tok = doc[c]
        if tok.text == ",":
            if c - 3 >= sent.start and doc[c - 1].lower_ == "ans" and doc[c - 2].like_num and doc[c - 3].text == ",":
                c -= 3  # "X, 52 ans, ex-directeur financier de Y, devient …": past the age
            hit = ctx.person_ending_at(c - 1, sent) if c - 1 >= sent.start else None
            return hit[1] if hit else None
        participle = tok.pos_ == "VERB" and "VerbForm=Part" in tok.morph and sent.doc[c - 1].pos_ != "AUX"
        if _clause_word(tok) and not participle:  # ("X, enseignant en théologie, a été élu …")
            return None
    return None


def _clause_word(tok) -> bool:
    """A token that starts or carries a clause (verb, relative pronoun) or closes a phrase: an
    apposition holds none ("84" of "UP-Medef 84" may be tagged PRON, so pronouns are listed)."""
    return tok.text in BOUNDARIES or tok.pos_ in ("VERB", "AUX", "SCONJ") \
        or norm_text(tok.text) in ("qui", "que", "qu'", "dont", "où", "lequel", "laquelle")


def _inversion(ctx, sent, title: TitleMatch, org_end: int, lex) -> tuple[list[ActorRef], str] | None:
    """'le PDG d'OpenAI, Sam Altman' / 'les cofondateurs de X, A, B et C' / 'Fondateur de ..., X'."""
    doc = sent.doc
    k = org_end
    if k < sent.end and doc[k].text == "(" and not ctx.person_starting_at(k + 1, sent):  # (not "(A, B, C)")
        # "le président de la Ligue de football professionnel (LFP), X", "le directeur de l'IAE
        # (l'école de management de l'Upec), X": past a short parenthesis
        close = next((c for c in range(k + 1, min(sent.end, k + PAREN_TOKENS)) if doc[c].text == ")"), None)
        k = close + 1 if close is not None and close + 1 < sent.end and doc[close + 1].text == "," else k
    while k < sent.end and doc[k].text.strip("*_") == "" and not doc[k].is_space:
        k += 1  # markdown emphasis left in the text ("son patron**, Sam Altman")
    copula = _inverted_copula(ctx, sent, title, k)
    if copula:
        return [copula], "role.inversion"
    if k < sent.end and doc[k].text not in INVERSION_MARKS:
        hit = ctx.person_starting_at(k, sent)  # "le coprésident de X Olivier Mathiot"
        if hit and not _has_own_title(sent, hit[0], lex):
            found = [hit[1]]
            k = hit[0]
            while title.plural and k + 1 < sent.end and doc[k].lower_ in (",", "et"):
                more = ctx.person_starting_at(k + 1, sent)  # "les fondateurs de X A et B"
                if not more or _has_own_title(sent, more[0], lex):
                    break
                found.append(more[1])
                k = more[0]
            return found, "role.inversion"
        if title.start != sent.start and not _fronted_chain(sent, title.start):
            return None
        # Fronted apposition: skip to the first comma.
        limit = min(sent.end, k + FRONTED_SCAN_TOKENS)
        while k < limit and doc[k].text != ",":
            k += 1
    if k >= sent.end or doc[k].text not in INVERSION_MARKS:
        return None
    found = []
    k += 1
    if _fronted_chain(sent, title.start) or title.start == sent.start:
        k = _past_fronted_members(ctx, sent, k)  # "Doyen de X, ancien directeur de Y, Éric Z était …"
    if title.start == sent.start and not title.plural and k < sent.end and doc[k].lower_ in ("il", "elle"):
        # "Directeur de X depuis 2022, il doit prendre ...": the person the pronoun stands for
        person = ctx.pronoun_person(k, sent)
        return ([person], "role.inversion") if person else None
    while k < sent.end:
        hit = ctx.person_starting_at(k, sent) or _after_descriptor(ctx, sent, k)
        listed = title.plural and hit is not None and doc[k - 1].text == ":" or bool(found)
        if not hit or _has_own_title(sent, hit[0], lex) and not (listed and doc[hit[0]].text == "("):
            break
        found.append(hit[1])
        k = hit[0]
        if not title.plural:
            break
        if listed and k < sent.end and doc[k].text == "(":
            # "ses deux vice-présidents : A (présidente de X) et B (président de Y)": a member's own
            # post in parentheses does not end the list
            k = next((c + 1 for c in range(k + 1, min(sent.end, k + PAREN_TOKENS)) if doc[c].text == ")"), sent.end)
        while k < sent.end and doc[k].lower_ in (",", "et"):
            k += 1
    return (found, "role.inversion") if found else None


def _inverted_copula(ctx, sent, title: TitleMatch, k: int) -> ActorRef | None:
    """'Le nouveau PDG de X est Paul Roy.', 'Le troisième directeur général délégué est Jean Y, …': a
    definite singular title, subject of être, whose attribute is a person's name (token k: the verb)."""
    doc = sent.doc
    lex = lexicon()
    d = title.start - 1
    while d > sent.start and norm_text(doc[d].text) in lex.pre_adjectives:
        d -= 1  # "Son premier vice-président est Paul Roy"
    if title.plural or k + 1 >= sent.end or doc[k].lemma_ != "être" or doc[k].pos_ not in ("AUX", "VERB") \
            or d < sent.start or norm_text(doc[d].text) not in {"le", "la", "l'"} | lex.possessives:
        return None
    hit = ctx.person_starting_at(k + 1, sent)
    if hit is None or hit[0] < sent.end and doc[hit[0]].text not in (",", ".", ";", "(", "\n"):
        return None  # "Le PDG est Paul Roy qui …" is fine, "est Paul Roy lui-même" too rare to matter
    return hit[1]


def _fronted_chain(sent, start: int) -> bool:
    """The title at token `start` is a later member of a sentence-opening list of verbless appositions
    ("Professeur des universités, doyen de X, ancien directeur de Y, Éric Z …"): only commas,
    nouns, adjectives, determiners and prepositions before it."""
    doc = sent.doc
    if start - 1 <= sent.start or doc[start - 1].text != "," or start - sent.start > FRONTED_SCAN_TOKENS:
        return False
    return all((t.pos_ in ("NOUN", "ADJ", "DET", "ADP", "PROPN", "PUNCT", "CCONJ", "NUM")
                or t.pos_ == "VERB" and "VerbForm=Part" in t.morph) and t.text not in BOUNDARIES - {","}
               and not _named_person(t) for t in doc[sent.start : start - 1])


def _named_person(tok) -> bool:
    """A token of a PER entity that is no complement (a fronted chain names nobody before its last
    member; "doyen de la Faculté des Sciences" mistyped PER is a complement)."""
    if tok.ent_type_ != "PER":
        return False
    j = tok.i
    while j > 0 and tok.doc[j].ent_iob_ == "I":
        j -= 1
    return j == 0 or norm_text(tok.doc[j - 1].text) not in ("de", "d'", "du", "des", "la", "l'", "le")


def _past_fronted_members(ctx, sent, k: int) -> int:
    """From token k (after a fronted member's comma), past further verbless members closed by commas
    until a person's name; k itself when a name or nothing suitable follows."""
    doc = sent.doc
    j, limit = k, min(sent.end, k + FRONTED_SCAN_TOKENS)
    while j < limit:
        if ctx.person_starting_at(j, sent) or doc[j].lower_ in ("il", "elle"):
            return j
        c = next((c for c in range(j, limit) if doc[c].text == "," or _clause_word(doc[c])), None)
        if c is None or doc[c].text != ",":
            return k
        j = c + 1
    return k


MEMBER_TOKENS = 12  # one apposition member before a title ("diplômée de Sciences Po")


def _previous_member_person(ctx, sent, k: int) -> ActorRef | None:
    """'Isabelle X, diplômée de Sciences Po, maître de conférences à l'université Y': the person
    before one verbless apposition member that precedes the comma at token k (participles allowed,
    no finite verb, no relative pronoun)."""
    doc = sent.doc
    for c in range(k - 1, max(sent.start, k - MEMBER_TOKENS) - 1, -1):
        tok = doc[c]
        if tok.text == ",":
            hit = ctx.person_ending_at(c - 1, sent) if c - 1 >= sent.start else None
            # "A, B et C, cofondateurs de X, PDG de Y": whose post Y is, the text does not say
            return hit[1] if hit and not _coordinated_persons(ctx, sent, hit[0]) else None
        finite = tok.pos_ in ("VERB", "AUX") and "VerbForm=Part" not in tok.morph
        if tok.text in BOUNDARIES or finite or tok.pos_ == "SCONJ" \
                or norm_text(tok.text) in ("qui", "que", "qu'", "dont", "où") or tok.lower_ == "et":
            return None
        hit = ctx.entity_at(c)
        if hit and hit[1].label == "PER":
            return None  # another person inside: a list of people, not one person's appositions
    return None


def _after_descriptor(ctx, sent, k: int) -> tuple[int, ActorRef] | None:
    """'les cofondateurs de X, le Belge Jeremy Le Van et le Français Pierre Valade', '…, l'avocat
    Raphaël Lapin': an article and one descriptive word (a demonym, a profession) before a
    person's name of two words or more."""
    doc = sent.doc
    if k + 2 >= sent.end or norm_text(doc[k].text) not in ("le", "la", "l'"):
        return None
    word = doc[k + 1]
    hit = ctx.entity_at(word.i)
    if not word.is_alpha or hit and hit[1].label == "PER" \
            or not (word.text[:1].isupper() or word.text.islower() and word.pos_ == "NOUN"):
        return None
    return ctx.person_starting_at(k + 2, sent)


def _has_own_title(sent: Span, k: int, lex) -> bool:
    """The person ending before token k is followed by its own apposition (', le PDG de ...')."""
    doc = sent.doc
    if k >= sent.end or doc[k].text not in (",", "("):
        return False
    k += 1
    if any(norm_text(doc[k : k + len(m.split())].text) == m for m in lex.as_markers):
        return False  # "a promu le PDG de X, Paul Roy, en tant que directeur …": the post given, no apposition
    while k < sent.end and norm_text(doc[k].text) in lex.determiners | set(lex.pre_modifiers):
        k += 1
    return any(t.start <= k < t.end or t.core_start == k for t in find_titles(sent))
