"""Relations triggered by `rules/relation_patterns.jsonl`: founded, acquired, partner, member_of,
and the roles stated by a verb ("X dirige Y", "Y, présidée par X").

Each pattern (a spaCy Matcher token pattern with an id) finds a trigger; its `frame` says how the
two slots are filled around it:
- agent_par    "X, fondée en 2021 par A et B" / "la startup a été lancée par A" / "Fondée par A, X ..."
               / "lancée par deux Français, A et B" / "X, rachetée l'an dernier par Y" (acquired)
               object = the organisation the participle describes, subjects = the "par" agents
- svo          "X rachète Y", "X s'offre Y", "X met la main sur Y"; passive "Y a été racheté par X";
               "X et Y ont fondé Z" (coordinated subjects); "Tim Cook, qui dirige Apple"
- sold_to      "Y a été revendue à X", "Z a cédé Y à X" (X acquired Y)
- taken_over   "Y tombe dans l'escarcelle de X", "Y passe sous le contrôle de X"
- noun_de_par  "le rachat de Y par X", "X annonce l'acquisition de Y"
- noun_avec    "X noue un partenariat avec Y", "un partenariat entre X et Y"
- verb_avec    "X s'allie avec Y", "X collabore avec Y"
- partenaire   "X, partenaire de Y", "X est partenaire de Y"
- jointly      "X et Y ont dévoilé conjointement ...", "X et Y travaillent main dans la main"
- group_list   "l'alliance X, dont A, B et C" / "X, regroupant A et B" / "X compte parmi ses
               membres A et B" (members -> group; "dont" needs a group word: alliance, consortium...)
- division     "X, la division ... de Y" / "X, filiale de Y" / "X est une filiale de Y"
Slots take named actors only; actors introduced by a comparison marker ("comme Microsoft") are
never parties. A trigger whose slots cannot be filled is logged in doc.user_data["dropped"].
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from itertools import combinations
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from pipeline.extract.matching import PrefilteredMatcher
from pipeline.extract.relations.context import DocContext, norm_text, words
from pipeline.extract.relations.titles import find_titles, lexicon
from pipeline.nlp.lexicons import gender_of
from pipeline.records import ActorRef, Dropped, RelationRecord
from pipeline.rules import load_json, load_jsonl

PATTERNS_FILE = "relation_patterns.jsonl"
YEAR = re.compile(r"^(19|20)\d\d$")
MONTHS = {
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7,
    "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12, "decembre": 12,
}
ORGISH = ("ORG", "MISC", "LOC")
OBJECT_SCAN = 8  # tokens from a trigger to its named object ("le rachat de la start-up belgo-américaine X")
SCAN = 10  # tokens searched between a trigger and its "par"/"avec"/"de" complement
FRONTED_SCAN = 16  # tokens searched after "Fondée par X ..." for the organisation it describes
STOP_PUNCT = {".", ";", ":", "!", "?", "(", ")", "«", "»", "\"", "—", "–"}

# Matchers keyed by vocab (one per process in practice).
_matchers: dict[int, PrefilteredMatcher] = {}


@lru_cache(maxsize=1)
def patterns() -> dict[str, dict]:
    """Relation patterns by id."""
    return {row["id"]: row for row in load_jsonl(PATTERNS_FILE)}


def _matcher(doc: Doc) -> PrefilteredMatcher:
    """The relation patterns' matcher for this vocab: it runs only where a pattern can start and
    gives pattern ids as str (the StringStore of a batch run inside `nlp.memory_zone()` forgets
    strings added during the zone)."""
    key = id(doc.vocab)
    if key not in _matchers:
        _matchers[key] = PrefilteredMatcher(doc.vocab, {pid: [row["pattern"]] for pid, row in patterns().items()})
    return _matchers[key]


def extract_frames(ctx: DocContext, sent: Span) -> Iterator[RelationRecord]:
    """Every founded/acquired/partner/member_of relation triggered in one sentence."""
    doc = sent.doc
    seen_starts: set[int] = set()
    for pid, start, end in _matcher(doc)(sent):
        if start + sent.start in seen_starts:
            continue  # a token already used by a pattern that gave relations
        row = patterns()[pid]
        trigger = sent[start:end]
        found = list(FRAMES[row["frame"]](ctx, sent, trigger, row))
        if found:
            seen_starts.add(start + sent.start)
        else:
            doc.user_data.setdefault("dropped", []).append(
                Dropped("relations", trigger.text, f"{pid}: no named parties"))
        yield from found


# ---- slot helpers -----------------------------------------------------------------------------
def _ntext(tok: Token | Span) -> str:
    return norm_text(tok.text)


def _compared(sent: Span, i: int) -> bool:
    """The actor at token i is introduced by a comparison marker ("comme Microsoft")."""
    doc = sent.doc
    markers = words()["comparison_markers"]
    for n in (1, 2, 3, 4):
        if i - n >= sent.start and norm_text(doc[i - n : i].text) in markers:
            return True
    return False


def actor_at(ctx: DocContext, sent: Span, i: int, labels=None) -> tuple[int, ActorRef] | None:
    """A named actor starting at token i: (end, ref). Person names first, then organisations."""
    if i >= sent.end or _compared(sent, i):
        return None
    hit = ctx.entity_at(i)
    found: tuple[int, ActorRef] | None
    if hit and hit[0].start == i:
        found = (hit[0].end, hit[1])
    elif labels and "PER" not in labels:
        found = ctx.org_starting_at(i, sent)
    else:
        found = ctx.person_starting_at(i, sent) or ctx.org_starting_at(i, sent)
    if found and labels and found[1].label not in labels:
        return None
    return found


def actor_ending_at(ctx: DocContext, sent: Span, j: int, labels=None) -> tuple[int, ActorRef] | None:
    """A named actor ending at token j: (start, ref)."""
    if j < sent.start:
        return None
    hit = ctx.entity_at(j)
    found: tuple[int, ActorRef] | None
    if hit and hit[0].end - 1 == j:
        found = (hit[0].start, hit[1])
    else:
        found = ctx.person_ending_at(j, sent)
        if found and found[1].key is None and labels and "PER" not in labels:
            # a capitalised run in an organisation slot is an organisation the NER missed
            found = (found[0], ActorRef(found[1].name, "ORG", None))
        if not found and labels and "PER" not in labels:
            found = ctx.org_ending_at(j, sent)
    if not found or _compared(sent, found[0]) or labels and found[1].label not in labels:
        return None
    return found


def actor_list(ctx: DocContext, sent: Span, k: int, labels=None) -> tuple[int, list[ActorRef]]:
    """Actors listed from token k ("A, B et C"): (end of the last actor, refs)."""
    doc = sent.doc
    connectors = words()["list_connectors"]
    refs: list[ActorRef] = []
    closing = False
    end = k
    while k < sent.end:
        while k < sent.end and _ntext(doc[k]) in lexicon().determiners:
            k += 1
        found = actor_at(ctx, sent, k, labels)
        if not found:
            break
        k, ref = found
        end = k  # a trailing ", la start-up X" is not part of the list
        refs.append(ref)
        if closing:
            break  # "A, B et C, X ...": the list ends with the item after "et"
        step = _connector_len(sent, k, connectors)
        if not step:
            break
        closing = any(_ntext(t) not in (",", "notamment") for t in doc[k : k + step])
        k += step
    return (end if refs else k), refs


def _connector_len(sent: Span, k: int, connectors) -> int:
    doc = sent.doc
    for n in (3, 2, 1):
        if k + n <= sent.end and norm_text(doc[k : k + n].text) in connectors:
            # ", et" / ", ainsi que": eat the comma too
            nxt = _connector_len(sent, k + n, connectors) if doc[k].text == "," else 0
            return n + nxt
    return 0


def object_after(ctx: DocContext, sent: Span, k: int, labels=None) -> tuple[int, ActorRef] | None:
    """The named actor right after token k, past determiners and describing words."""
    doc = sent.doc
    skip = words()["object_skip"]
    limit = min(sent.end, k + OBJECT_SCAN)
    described = False  # a descriptive noun was passed ("la firme", "la start-up")
    while k < limit:
        if doc[k].text[:1].isupper() and _ntext(doc[k]) in skip and k + 1 < limit and doc[k + 1].text[:1].isupper():
            k += 1  # "l'Américain Hired": a capitalised demonym before the name
            continue
        found = actor_at(ctx, sent, k, labels)
        if found and k > sent.start and _ntext(doc[k - 1]) in ("un", "une"):
            return None  # "lancent un OpenAI à la française": a name used as a type, not the actor
        if found and described and k > sent.start and _ntext(doc[k - 1]) in ("de", "d'", "du"):
            # "la firme finlandaise d'Helsinki, Wolt Oy", "la startup de Vancouver": the name after
            # the description's de is its place or owner; the actor may follow in apposition
            end = found[0]
            if end + 1 < sent.end and doc[end].text == ",":
                return actor_at(ctx, sent, end + 1, labels)
            return None
        if found:
            return found
        dated = doc[k].like_num and k > sent.start and _ntext(doc[k - 1]) in ("depuis", "dès", "en")
        if _ntext(doc[k]) not in skip and not _describing(doc[k]) and not dated:
            return None  # (a year after its preposition is a time adjunct: "dirige depuis 2019 la société X")
        described = described or doc[k].pos_ in ("NOUN", "ADJ", "X")  # "ancienne de McKinsey": de X qualifies it
        k += 1
    return None


def _unit_owner(ctx: DocContext, sent: Span, k: int) -> tuple[int, ActorRef] | None:
    """The organisation owning a unit named right after token k ("la division internationale de X",
    "la filiale française de X"): a post at the unit is a post at X."""
    doc = sent.doc
    while k < sent.end and _ntext(doc[k]) in lexicon().determiners:
        k += 1
    if k >= sent.end or _ntext(doc[k]) not in lexicon().unit_nouns:
        return None
    k += 1
    while k < sent.end and doc[k].text.islower() and doc[k].pos_ == "ADJ":
        k += 1
    if k >= sent.end or _ntext(doc[k]) not in ("de", "d'", "du"):
        return None
    return object_after(ctx, sent, k + 1, ORGISH)


def _anaphor_object(ctx: DocContext, sent: Span, k: int) -> tuple[int, ActorRef] | None:
    """'assure la direction générale du groupe': a definite anaphor noun ending the clause stands for
    the organisation in focus."""
    doc = sent.doc
    if k >= sent.end:
        return None
    if _ntext(doc[k]) in lexicon().anaphors and k - 1 >= sent.start and _ntext(doc[k - 1]) in ("du", "au"):
        start, k = k, k - 1  # the trigger ended with its "du" ("assure la direction générale du groupe")
    elif _ntext(doc[k]) in ("du", "au") or _ntext(doc[k]) in lexicon().anaphor_determiners:
        start = k + 1
    else:
        return None
    if start >= sent.end or not _is_anaphor(doc[start]) and not (_ntext(doc[k]) in ("du", "au")
                                                                  and _ntext(doc[start]) in lexicon().anaphors):
        return None
    end = start + 1
    while end < sent.end and doc[end].pos_ == "ADJ" and doc[end].text.islower():
        end += 1
    if end < sent.end and doc[end].text[:1].isupper():
        return None  # a name follows ("du groupe Kestrel"): object_after's business
    topic = ctx.org_topic(k)
    return (end, topic) if topic else None


def _institution_object(ctx: DocContext, sent: Span, k: int) -> tuple[int, ActorRef] | None:
    """'a pris la direction de l'hôpital de Montceau': an institution noun and the name it is "of"
    are one organisation ("hôpital de Montceau"), even when the NER only tagged the name."""
    doc = sent.doc
    while k < sent.end and _ntext(doc[k]) in lexicon().determiners:
        k += 1
    head = _ntext(doc[k]) in lexicon().institution_nouns if k < sent.end else False
    acronym = k < sent.end and doc[k].text.isupper() and doc[k].is_alpha and len(doc[k].text) > 1 \
        and ((at := ctx.entity_at(k)) is None or at[0].end == k + 1)
    if k + 2 >= sent.end or not (head or acronym) or _ntext(doc[k + 1]) not in ("de", "d'", "du"):
        return None
    if acronym and ((hit := ctx.entity_at(k + 2)) is None or hit[1].label != "LOC"):
        return None  # "du CHU de Tours": an acronym named after its place only
    found = actor_at(ctx, sent, k + 2, ORGISH + ("LOC",))
    if found is None or not doc[k + 2].text[:1].isupper():
        return None
    return found[0], ActorRef(doc[k : found[0]].text, "ORG", None)


def _describing(tok: Token) -> bool:
    """A lowercase adjective ("la start-up belgo-américaine X", "le groupe pharmaceutique X") or a
    year ("a cofondé en 1999 la start-up X") between a trigger and its named object."""
    text = tok.text
    # (a rare demonym such as "villeurbannaise" is often tagged X, not ADJ)
    return bool(YEAR.match(text)) or text.islower() and tok.is_alpha and tok.pos_ in ("ADJ", "X") \
        or text.islower() and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].text == "-" and not tok.whitespace_


def subject_of(ctx: DocContext, sent: Span, tok: Token, labels=ORGISH) -> ActorRef | None:
    """The subject of the clause a trigger belongs to: nsubj in the parse, else the actor left of it."""
    node = tok
    for level in range(4):
        for child in node.children:
            # (a personal il/elle is sometimes parsed as an expletive: "..., il doit prendre ...")
            if (child.dep_ in ("nsubj", "nsubj:pass") or child.dep_ == "expl:subj" and child.lower_ in ("il", "elle")) \
                    and sent.start <= child.i < sent.end:
                ref = _actor_of_token(ctx, sent, child, labels)
                if ref:
                    return ref
        if level and node.pos_ == "VERB" and sent.start <= node.i < sent.end:
            ref = _left_actor(ctx, sent, node.i, labels)  # "X, un acteur clé, a choisi de s'allier"
            if ref:
                return ref
        if node.dep_ in ("xcomp", "advcl", "conj", "ccomp", "obj", "obl", "obl:arg", "obl:mod", "nmod", "acl") \
                and node.head is not node:
            node = node.head
        else:
            break
    return _left_actor(ctx, sent, tok.i, labels) or _sentence_subject(ctx, sent, tok.i, labels)


def _sentence_subject(ctx, sent, before: int, labels) -> ActorRef | None:
    """The actor opening the sentence when a verb follows it ("X poursuit ... en annonçant le rachat de Y")."""
    found = actor_at(ctx, sent, sent.start, labels)
    if not found or found[0] >= before or found[0] >= sent.end:
        return None
    nxt = sent.doc[found[0]]
    return found[1] if nxt.pos_ in ("VERB", "AUX") or _ntext(nxt) in ("s'", "se", "n'", "ne") else None


def _actor_of_token(ctx, sent, tok: Token, labels) -> ActorRef | None:
    """The actor a (subject) token belongs to; 'qui' stands for its antecedent."""
    if tok.lower_ == "qui":
        return _left_actor(ctx, sent, tok.i, labels)
    if tok.lower_ in ("il", "elle") and (labels is None or "PER" in labels):
        return ctx.pronoun_person(tok.i, sent)  # "il a cofondé X" after naming him
    hit = ctx.entity_at(tok.i)
    if hit:
        return hit[1] if not labels or hit[1].label in labels else None
    for child in tok.children:
        # "le géant américain Salesforce": the name attached to a descriptive head noun
        if child.dep_ in ("appos", "flat:name", "nmod") and child.i > tok.i \
                and not any(c.dep_ == "case" for c in child.children):
            named = ctx.entity_at(child.i)
            if named and (not labels or named[1].label in labels):
                return named[1]
    if tok.pos_ == "NOUN" and _ntext(tok) in lexicon().anaphors:
        det = tok.doc[tok.i - 1] if tok.i > 0 else None
        if det is not None and _ntext(det) in lexicon().anaphor_determiners:
            return ctx.org_topic(tok.i)
    return None


def _left_actor(ctx, sent, i: int, labels) -> ActorRef | None:
    """The actor ending just left of token i, past auxiliaries and adverbs ("X vient de racheter")."""
    doc = sent.doc
    skip = words()["subject_skip"]
    k = i - 1
    while k >= sent.start and (_ntext(doc[k]) in skip or doc[k].pos_ in ("ADV", "AUX")):
        k -= 1
    if k >= sent.start and doc[k].text == "," and k - 1 >= sent.start:
        k -= 1  # "X, qui a racheté Y"
        found = actor_ending_at(ctx, sent, k, labels)
        if found:
            return found[1]
        k = _skip_apposition(sent, k)  # "X, un autre acteur clé du secteur, a racheté Y"
    found = actor_ending_at(ctx, sent, k, labels)
    if found:
        return found[1]
    if k >= sent.start and doc[k].pos_ == "NOUN":
        return _actor_of_token(ctx, sent, doc[k], labels)
    return None


def _find(sent: Span, k: int, targets: set[str], limit: int = SCAN) -> int | None:
    """Index of the first token in `targets` from k, before punctuation stops the search."""
    doc = sent.doc
    for i in range(k, min(sent.end, k + limit)):
        if _ntext(doc[i]) in targets:
            return i
        if doc[i].text in STOP_PUNCT or doc[i].text == ",":
            return None
    return None


def _date_in(sent: Span, start: int, end: int) -> str | None:
    """A year (with its month when written just before) between tokens start and end."""
    doc = sent.doc
    for i in range(max(start, sent.start), min(end, sent.end)):
        if YEAR.match(doc[i].text):
            month = MONTHS.get(_ntext(doc[i - 1])) if i - 1 >= sent.start else None
            return f"{doc[i].text}-{month:02d}" if month else doc[i].text
    return None


def _rel(subject: ActorRef, predicate: str, obj: ActorRef, sent: Span, row: dict,
         attribute: str | None = None, date: str | None = None) -> RelationRecord | None:
    if subject.name == obj.name:
        return None
    return RelationRecord(subject, predicate, obj, sent.text.strip(), row["id"],
                          attribute if attribute is not None else row.get("attribute"), date)


def _partners(a: ActorRef, b: ActorRef, sent: Span, row: dict) -> RelationRecord | None:
    """A symmetric partner relation, subject/object in alphabetical order of their names."""
    if a.label == "PER" or b.label == "PER":
        return None  # partnerships are between organisations
    first, second = sorted((a, b), key=lambda r: norm_text(r.name))
    return _rel(first, "partner", second, sent, row)


def _partner_records(
    pairs: Iterable[tuple[ActorRef, ActorRef]], sent: Span, row: dict
) -> Iterator[RelationRecord]:
    """One partner relation per pair of organisations (pairs with a person give nothing)."""
    for a, b in pairs:
        rec = _partners(a, b, sent, row)
        if rec:
            yield rec


# ---- frames -----------------------------------------------------------------------------------
def _agent_par(ctx, sent, trigger: Span, row) -> Iterator[RelationRecord]:
    """'X, fondée en 2021 par A et B' / 'Y a été lancée par A' / 'Fondée par A, X ...'."""
    doc = sent.doc
    par = _find(sent, trigger.end, {"par"} | set(), limit=SCAN)
    if par is None or any(_ntext(t) not in words()["founded_date_words"] and not t.like_num
                          and _ntext(t) not in MONTHS for t in doc[trigger.end : par]):
        return
    labels = row.get("agent_labels")
    end, agents = actor_list(ctx, sent, par + 1, labels)
    if not agents and (past := _past_person_descriptor(sent, par + 1)) > par + 1:
        end, agents = actor_list(ctx, sent, past, labels)  # "dirigé par l'homme d'affaires X"
    if not agents and (past := _past_title(sent, par + 1)) > par + 1:
        end, agents = actor_list(ctx, sent, past, labels)  # "cofondée par son directeur général X"
    if not agents and row["predicate"] == "acquired" and (described := object_after(ctx, sent, par + 1, ORGISH)):
        end, agents = described[0], [described[1]]  # "racheté par son concurrent britannique Trainline"
    if not agents or _unnamed_group(sent, par + 1):
        end, agents = _named_after_description(ctx, sent, par + 1)
    if not agents:
        return
    date = _date_in(sent, trigger.end, par) or _date_in(sent, end, end + 3)
    org = _founded_object(ctx, sent, trigger, end, row)
    if org is None:
        return
    for agent in agents:
        if row["predicate"] == "acquired":  # "Kelvio, rachetée en 2020 par Google"
            rec = _rel(agent, "acquired", org, sent, row, date=date) if agent.label != "PER" else None
            if rec:
                yield rec
            continue
        if row["predicate"] == "role":  # "Apple, dirigée par Tim Cook"
            rec = _rel(agent, "role", org, sent, row) if agent.label == "PER" else None
            if rec:
                yield rec
            continue
        rec = _rel(agent, "founded", org, sent, row, date=date)
        if rec:
            yield rec
            if agent.label == "PER" and row.get("role"):
                yield RelationRecord(agent, "role", org, rec.evidence, row["id"], row["role"])


def _unnamed_group(sent: Span, k: int) -> bool:
    """'par deux Français', 'par trois anciens de Google': a number or an indefinite opens an
    unnamed description of the agents (whatever the NER made of "Français")."""
    return k < sent.end and (sent.doc[k].like_num or _ntext(sent.doc[k]) in words()["unnamed_group_openers"])


def _named_after_description(ctx, sent, k: int) -> tuple[int, list[ActorRef]]:
    """'par deux Français, Paul Durand et Marc Petit, ...': the persons named in apposition to an
    unnamed description of the agents."""
    if not _unnamed_group(sent, k):
        return k, []
    comma = None
    for j in range(k, min(sent.end, k + SCAN)):
        if sent.doc[j].text == ",":
            comma = j
            break
        if sent.doc[j].text in STOP_PUNCT or sent.doc[j].pos_ in ("VERB", "AUX"):
            break
    if comma is None:
        return k, []
    end, refs = actor_list(ctx, sent, comma + 1, None)
    # persons only; the NER sometimes types the second name of the pair as an organisation, but a
    # name opening with a given name stands in a list of persons
    return end, [r if r.label == "PER" else ActorRef(r.name, "PER", r.key) for r in refs
                 if r.label == "PER" or gender_of(r.name.split()[0]) is not None]


def _board_ending_at(sent: Span, j: int) -> bool:
    """A governing board's name ends at token j ("un directoire", "le conseil de surveillance")."""
    doc = sent.doc
    for board in words()["board_names"]:
        n = len(board.split())
        if j - n + 1 >= sent.start and _ntext(doc[j - n + 1 : j + 1]) == board:
            return True
    return False


def _founded_object(ctx, sent, trigger: Span, agents_end: int, row) -> ActorRef | None:
    """The organisation a founding participle describes."""
    doc = sent.doc
    org_only = row.get("patient") == "org_only"
    t = trigger[0]
    k = trigger.start - 1
    while k >= sent.start and (doc[k].pos_ in ("AUX", "ADV") or _ntext(doc[k]) in ("été", "a", "est", "avait")
                               or _ntext(doc[k]) in ("elle-même", "lui-même", "elles-mêmes", "eux-mêmes")):
        k -= 1
    if k >= sent.start and doc[k].text == "," and k - 1 >= sent.start and doc[k - 1].text == ")":
        k = _skip_parenthesis(sent, k - 1) + 1  # "Le spécialiste de X (100 salariés), fondé en 2006 par"
        k = k if k < trigger.start and doc[k].text == "," else trigger.start - 1
    if k >= sent.start and doc[k].text == "," and _descriptor_subject(sent, k):
        return ctx.previous_sentence_org(k) or ctx.org_topic(k)  # "Le spécialiste de l'autopartage, fondé par …"
    if k < sent.start or t.i == sent.start or doc[k].text in STOP_PUNCT:
        # Fronted participle: the organisation is the subject after the comma (past appositions
        # of the founders: "Cofondée par X, ancienne de Y, la start-up Z ...").
        for j in range(agents_end, min(sent.end - 1, agents_end + FRONTED_SCAN)):
            if doc[j].text == ",":
                found = object_after(ctx, sent, j + 1, ORGISH)
                if found and norm_text(found[1].name) not in lexicon().not_orgs:
                    return found[1]  # not ", CTO," (a founder's own title)
        return None
    if doc[k].lower_ == "et":  # "X, forte de 50 salariés et fondée par A": back to the apposition's comma
        k = next((c for c in range(k - 1, max(sent.start, k - FRONTED_SCAN) - 1, -1) if doc[c].text == ","
                  and not any(tok.pos_ in ("VERB", "AUX") and "VerbForm=Part" not in tok.morph for tok in doc[c + 1 : k])), k)
    if doc[k].text == ",":
        found = actor_ending_at(ctx, sent, k - 1, ORGISH)
        if found and not (org_only and found[1].label != "ORG"):
            return found[1]
        if _anaphor_ending_at(sent, k - 1):  # "La start-up, lancée par A, ..."
            opens = _anaphor_ending_at(sent, k - 1, at_start=True)
            return (ctx.previous_sentence_org(k) if opens else None) or ctx.org_topic(k)
        if row["predicate"] == "role" and _board_ending_at(sent, k - 1):
            # "X sera dirigé par un directoire, présidé par A": the board's company, named earlier in
            # the sentence (else the one in focus)
            return ctx.last_org(k, sent.start) or ctx.org_topic(k)
    ref = _head_noun_actor(ctx, sent, t) if t.dep_ == "acl" and k == trigger.start - 1 else None
    if ref is None and _is_anaphor(doc[k]):
        return _actor_of_token(ctx, sent, doc[k], None)  # "la startup a été lancée par": the noun says org
    if ref is None:
        ref = _actor_of_token(ctx, sent, doc[k], None) if k >= sent.start else None
    if ref is None and k >= sent.start:
        found = actor_ending_at(ctx, sent, k)
        ref = found[1] if found else None
    if ref is not None and ref.label == "PER" and _one_word_name(ref):
        ref = ActorRef(ref.name, "ORG", ref.key)  # "Vizio a été fondée par …": what is founded is no person
    if ref is None or ref.label == "PER" or org_only and ref.key is None and ref.label != "ORG":
        return None
    return ref


def _one_word_name(ref: ActorRef) -> bool:
    """A one-word name that is no given name (the recogniser's weak PER tag on a company name)."""
    from pipeline.nlp.lexicons import gender_of

    return len(ref.name.split()) == 1 and gender_of(ref.name) is None


def _descriptor_subject(sent: Span, k: int) -> bool:
    """The sentence opens with a definite description of a company closed by the comma at token k
    ("Le spécialiste des technologies d'autopartage (100 salariés),"): a descriptor noun, then
    lowercase words only (a name inside makes it someone else)."""
    doc = sent.doc
    if k - 2 < sent.start or _ntext(doc[sent.start]) not in ("le", "la", "l'"):
        return False
    if _ntext(doc[sent.start + 1]) not in words()["descriptor_anaphors"] | lexicon().anaphors:
        return False
    inside = [t for t in doc[sent.start + 2 : k] if t.text not in ("(", ")")]
    return len(inside) <= 10 and all(t.text.islower() or t.like_num or t.is_punct and t.text != "," for t in inside)


def _anaphor_ending_at(sent: Span, j: int, at_start: bool = False) -> bool:
    """An anaphoric noun of one to three tokens ("start - up") with its determiner ends at token j
    (`at_start`: and the determiner opens the sentence)."""
    doc = sent.doc
    for n in (1, 2, 3):
        i = j - n + 1
        if i - 1 >= sent.start and norm_text(doc[i : j + 1].text) in lexicon().anaphors \
                and _ntext(doc[i - 1]) in lexicon().anaphor_determiners and (not at_start or i - 1 == sent.start):
            return True
    return False


def _past_person_descriptor(sent: Span, k: int) -> int:
    """Token after a person descriptor opening at k ("l'homme d'affaires", "le milliardaire"), else k."""
    from pipeline.nlp.lexicons import fold, lexicons

    phrases = {fold(p) for g in lexicons().person["before"] if g["id"] == "per.before.role" for p in g["phrases"]}
    doc = sent.doc
    for n in (4, 3, 2):
        if k + n < sent.end and fold(doc[k : k + n].text) in phrases:
            return k + n
    return k


def _past_title(sent: Span, k: int) -> int:
    """Token after a determiner/possessive and a bare title opening at k ("son directeur général"),
    else k."""
    doc = sent.doc
    j = k
    while j < sent.end and _ntext(doc[j]) in lexicon().determiners:
        j += 1
    title = next((t for t in find_titles(sent) if t.start == j), None)
    return title.end if title and j > k else k


def _is_anaphor(tok: Token) -> bool:
    """A common noun standing for an organisation, with a definite/demonstrative determiner."""
    if tok.pos_ != "NOUN" or _ntext(tok) not in lexicon().anaphors or tok.i == 0:
        return False
    return _ntext(tok.doc[tok.i - 1]) in lexicon().anaphor_determiners


def _head_noun_actor(ctx, sent, t: Token) -> ActorRef | None:
    """'Station F, le vaisseau amiral ... fondé par X': the participle's head noun, or the actor
    it is in apposition to."""
    head = t.head
    if head is t or not (sent.start <= head.i < sent.end):
        return None
    ref = _actor_of_token(ctx, sent, head, None)
    if ref:
        return ref
    # walk left from the head noun's determiner to a comma and the actor before it
    k = head.i - 1
    while k >= sent.start and sent.doc[k].pos_ in ("DET", "ADJ"):
        k -= 1
    if k >= sent.start and sent.doc[k].text == ",":
        found = actor_ending_at(ctx, sent, k - 1)
        return found[1] if found else None
    return None


def _svo(ctx, sent, trigger: Span, row) -> Iterator[RelationRecord]:
    """'X rachète Y' / passive 'Y a été racheté par X'."""
    doc = sent.doc
    passive = trigger.start - 1 >= sent.start and _ntext(doc[trigger.start - 1]) in ("été", "être") \
        or "Voice=Pass" in trigger[0].morph or any(c.dep_ == "aux:pass" for c in trigger[0].children)
    if passive:
        par = _find(sent, trigger.end, {"par"}, limit=4)
        # "par son concurrent britannique Trainline", "par l'Américain Hired": past the description
        agent = actor_at(ctx, sent, par + 1) or object_after(ctx, sent, par + 1, ORGISH) if par is not None else None
        patient = _left_actor(ctx, sent, trigger.start, ORGISH)
        if agent and patient:
            rec = _rel(agent[1], row["predicate"], patient, sent, row)
            if rec:
                yield rec
        return
    # a post's holder is a person: a place or company closing an apposition before the verb is no
    # holder ("X, le nouveau maire d'Alzone, prend la présidence de Y")
    labels = ("PER",) if row["predicate"] == "role" else None if row["predicate"] == "founded" else ORGISH
    if row["predicate"] == "role" and _hypothetical(sent, trigger.start):
        return  # "X pourrait prendre la tête de Y": a possibility, not a post
    subject = subject_of(ctx, sent, trigger[0], labels)
    if row["predicate"] == "role" and (subject is None or subject.label != "PER"):
        subject = _relative_person(ctx, sent, trigger.start) or _before_relative_clause(ctx, sent, trigger.start) \
            or subject
    obj = object_after(ctx, sent, trigger.end, row.get("object_labels") or ORGISH)
    if row["predicate"] == "role":  # "l'hôpital de Montceau", "du CHU de Tours": one organisation
        obj = _institution_object(ctx, sent, trigger.end) or obj or _unit_owner(ctx, sent, trigger.end) \
            or _anaphor_object(ctx, sent, trigger.end)
    if not subject or not obj or row.get("patient") == "group_only" and not _is_group(ctx, obj[1], sent, obj[0]):
        return
    if row.get("subject_labels") and subject.label not in row["subject_labels"]:
        return  # "Google a lancé Bard": a company launching a product founds nothing
    if row["predicate"] == "acquired" and any(r.label == "PER" and not _one_word_name(r) for r in (subject, obj[1])):
        return  # (a one-word non-given name tagged PER is a company: "Kelvio rachète Brivo")
    if obj[0] < sent.end and _ntext(doc[obj[0]]) in words()["comparison_markers"]:
        return  # "X reprend Google comme exemple": the object is an example, not a deal
    if row["predicate"] == "role" and (subject.label != "PER" or obj[1].label == "PER"):
        return  # "Tim Cook dirige Apple": a person runs an organisation
    for subj in _with_coordinated(ctx, sent, subject, trigger.start, labels):
        rec = _rel(subj, row["predicate"], obj[1], sent, row, date=_date_in(sent, trigger.end, obj[0]) or _date_in(sent, obj[0], obj[0] + 3))
        if rec:
            yield rec
            if row["predicate"] == "founded" and subj.label == "PER" and row.get("role"):
                yield RelationRecord(subj, "role", obj[1], rec.evidence, row["id"], row["role"])


def _hypothetical(sent: Span, i: int) -> bool:
    """The verb at token i depends on a conditional modal ("pourrait prendre la tête de X")."""
    k = i - 1
    while k >= sent.start and sent.doc[k].pos_ == "ADV":
        k -= 1
    return k >= sent.start and sent.doc[k].lemma_ == "pouvoir" and "Mood=Cnd" in sent.doc[k].morph


def _relative_person(ctx, sent: Span, i: int) -> ActorRef | None:
    """'X, directeur de Y, qui assurait la direction de Z': the person a 'qui' right before the verb
    at token i stands for, past the verbless apposition between them."""
    doc = sent.doc
    k = i - 1
    while k >= sent.start and doc[k].pos_ in ("AUX", "ADV"):
        k -= 1
    if k - 1 < sent.start or doc[k].lower_ != "qui" or doc[k - 1].text != ",":
        return None
    for c in range(k - 1, max(sent.start, k - 25) - 1, -1):
        if c < k - 1 and doc[c].text == ",":
            found = ctx.person_ending_at(c - 1, sent)
            return found[1] if found else None
        if c < k - 1 and (doc[c].text in STOP_PUNCT or doc[c].pos_ in ("VERB", "AUX", "SCONJ", "PRON")):
            return None
        if c == k - 1:
            found = ctx.person_ending_at(c - 1, sent)  # "X, qui assurait ..."
            if found:
                return found[1]
    return None


RELATIVE_SCAN = 30  # tokens of a relative clause between a subject and its verb


def _before_relative_clause(ctx, sent: Span, i: int) -> ActorRef | None:
    """'X, qui avait pourtant annoncé ne pas en vouloir, prend la tête de Y': the person before a
    relative clause closed by the comma right before the verb at token i."""
    doc = sent.doc
    k = i - 1
    while k >= sent.start and doc[k].pos_ in ("AUX", "ADV"):
        k -= 1
    if k < sent.start or doc[k].text != ",":
        return None
    for c in range(k - 1, max(sent.start + 1, k - RELATIVE_SCAN) - 1, -1):
        if doc[c].text in STOP_PUNCT or doc[c].text == ",":
            return None  # only a relative clause with no comma of its own
        if doc[c].lower_ == "qui" and doc[c - 1].text == ",":
            found = ctx.person_ending_at(c - 2, sent)
            return found[1] if found else None
    return None


def _sold_to(ctx, sent, trigger: Span, row) -> Iterator[RelationRecord]:
    """'Y a été (re)vendue / cédée à X' and 'Z a cédé Y à X': X acquired Y."""
    doc = sent.doc
    to = _find(sent, trigger.end, {"à", "au"}, limit=SCAN)
    if to is None:
        return
    buyer = object_after(ctx, sent, to + 1, ORGISH)
    if buyer is None or buyer[1].label == "PER":
        return
    passive = trigger.start - 1 >= sent.start and _ntext(doc[trigger.start - 1]) in ("été", "être", "est") \
        or "Voice=Pass" in trigger[0].morph or any(c.dep_ == "aux:pass" for c in trigger[0].children)
    if passive:
        sold = _left_actor(ctx, sent, trigger.start, ORGISH)
    else:
        found = object_after(ctx, sent, trigger.end, ORGISH)
        sold = found[1] if found and found[0] <= to else None
    if sold is not None and sold.label != "PER":
        rec = _rel(buyer[1], "acquired", sold, sent, row)
        if rec:
            yield rec


def _taken_over(ctx, sent, trigger: Span, row) -> Iterator[RelationRecord]:
    """'Y tombe dans l'escarcelle de X' / 'Y passe sous le contrôle de X': the subject is the
    acquired organisation, the complement the acquirer."""
    acquired = subject_of(ctx, sent, trigger[0], ORGISH)
    buyer = object_after(ctx, sent, trigger.end, ORGISH)
    if acquired is None or buyer is None or acquired.label == "PER" or buyer[1].label == "PER":
        return
    rec = _rel(buyer[1], "acquired", acquired, sent, row)
    if rec:
        yield rec


def _with_coordinated(ctx, sent, subject: ActorRef, verb_start: int, labels) -> list[ActorRef]:
    """The subject plus the actors coordinated with it right before the verb ("X et Y ont fondé Z")."""
    doc = sent.doc
    k = verb_start - 1
    while k >= sent.start and (doc[k].pos_ in ("AUX", "ADV", "PRON") or _ntext(doc[k]) in words()["subject_skip"]):
        k -= 1
    if k > sent.start and doc[k].text == "," and doc[k + 1].lower_ == "qui":
        k -= 1  # "A et B, qui assureront la co-présidence de X": the relative's coordinated antecedents
    refs = coordinated_left(ctx, sent, k, labels, need_conjunction=True)
    return refs if subject in refs else [subject]


def _is_group(ctx, ref: ActorRef, sent: Span, end: int) -> bool:
    """An organisation being set up: its name or the noun just before it says so
    ("l'AI Alliance", "la start-up X", "le consortium X")."""
    group_words = words()["group_words"] | lexicon().anaphors
    if set(norm_text(ref.name).split()) & group_words:
        return True
    hit = ctx.entity_at(end - 1)
    start = hit[0].start if hit else end - 1
    before = {norm_text(sent.doc[i:start].text) for i in range(max(sent.start, start - 3), start)}
    before |= {_ntext(t) for t in sent.doc[max(sent.start, start - 3) : start]}
    return bool(before & group_words)


def _noun_de_par(ctx, sent, trigger: Span, row) -> Iterator[RelationRecord]:
    """'le rachat de Y par X' / 'X annonce l'acquisition de Y'."""
    de = _find(sent, trigger.end, {"de", "d'", "du"}, limit=2)
    if de is None:
        return
    obj = object_after(ctx, sent, de + 1, ORGISH)
    if not obj or obj[1].label == "PER":
        return
    par = _find(sent, obj[0], {"par"}, limit=4)
    agent = actor_at(ctx, sent, par + 1) if par is not None else None
    subject = agent[1] if agent else subject_of(ctx, sent, trigger[0], ORGISH)
    if subject and subject.label != "PER":
        rec = _rel(subject, "acquired", obj[1], sent, row)
        if rec:
            yield rec


def _noun_avec(ctx, sent, trigger: Span, row) -> Iterator[RelationRecord]:
    """'X noue un partenariat avec Y' / 'un partenariat entre X et Y'."""
    link = _find(sent, trigger.end, {"avec", "entre"}, limit=5)
    if link is None:
        yield from _coordinated_subjects_partner(ctx, sent, trigger, row)
        return
    _, others = actor_list(ctx, sent, link + 1, ORGISH)
    if _ntext(sent.doc[link]) == "entre":
        pairs = [(a, b) for n, a in enumerate(others) for b in others[n + 1 :]]
    else:
        subject = subject_of(ctx, sent, trigger[0], ORGISH)
        pairs = [(subject, b) for b in others] if subject else []
    yield from _partner_records(pairs, sent, row)


def _coordinated_subjects_partner(ctx, sent, trigger: Span, row) -> Iterator[RelationRecord]:
    """'X et Y ont annoncé un partenariat': the coordinated subjects of the governing verb."""
    verb = trigger[0].head
    for _ in range(2):  # "X et Y ont signé un protocole d'accord": up through the noun
        if verb.pos_ == "NOUN" and verb.head is not verb:
            verb = verb.head
    if verb.pos_ not in ("VERB", "AUX") or not (sent.start <= verb.i < trigger.start):
        return
    subject = subject_of(ctx, sent, verb, ORGISH)
    refs = _with_coordinated(ctx, sent, subject, verb.i, ORGISH) if subject else []
    yield from _partner_records(combinations(refs, 2), sent, row)


def _verb_avec(ctx, sent, trigger: Span, row) -> Iterator[RelationRecord]:
    """'X s'allie avec Y' / 'X collabore avec Y' / 'X s'associe à Y'."""
    link = _find(sent, trigger.end, {"avec", "à", "au", "aux"}, limit=3)
    if link is None:
        return
    _, others = actor_list(ctx, sent, link + 1, ORGISH)
    subject = subject_of(ctx, sent, trigger[0], ORGISH)
    if subject:
        yield from _partner_records(((subject, b) for b in others), sent, row)


def _partenaire(ctx, sent, trigger: Span, row) -> Iterator[RelationRecord]:
    """'X, partenaire de Y' / 'X est (déjà) partenaire de Y'."""
    doc = sent.doc
    _, others = actor_list(ctx, sent, trigger.end, ORGISH)
    k = trigger.start - 1
    while k >= sent.start and (doc[k].pos_ in ("DET", "ADV", "AUX") or _ntext(doc[k]) in ("est", "sont", "déjà")):
        k -= 1
    subject = None
    if k >= sent.start and doc[k].text == ",":
        found = actor_ending_at(ctx, sent, k - 1, ORGISH)
        subject = found[1] if found else None
    elif k < trigger.start - 1:
        subject = subject_of(ctx, sent, trigger[0], ORGISH)
    if subject:
        yield from _partner_records(((subject, b) for b in others), sent, row)


def _jointly(ctx, sent, trigger: Span, row) -> Iterator[RelationRecord]:
    """'X et Y ont dévoilé conjointement ...': the coordinated subjects before the verb."""
    doc = sent.doc
    k = trigger.start - 1
    while k >= sent.start and (doc[k].pos_ in ("VERB", "AUX", "ADV", "PRON") and doc[k].text != ","):
        k -= 1
    refs = coordinated_left(ctx, sent, k, ORGISH)
    yield from _partner_records(combinations(refs, 2), sent, row)


def coordinated_left(ctx, sent, k: int, labels, need_conjunction: bool = False) -> list[ActorRef]:
    """The actors of a list "A, B (b) et C" ending at token k, collected right to left.

    `need_conjunction`: a list needs a word connector ("et", "ainsi que"); commas alone join clauses
    ("Captain Train a été racheté par Trainline, GoPro s'est offert Stupeflix")."""
    doc = sent.doc
    refs: list[ActorRef] = []
    connectors = words()["list_connectors"]
    conjunction = False
    while k >= sent.start:
        k = _skip_parenthesis(sent, k)
        found = actor_ending_at(ctx, sent, k, labels)
        if not found:
            break
        refs.insert(0, found[1])
        k = found[0] - 1
        if k >= sent.start and _ntext(doc[k]) in connectors:
            conjunction = conjunction or doc[k].text != ","
            k -= 1
            if k >= sent.start and doc[k].text == ",":
                k -= 1
            k = _skip_apposition(sent, k)
        else:
            break
    return refs if conjunction or not need_conjunction else refs[-1:]


def _skip_parenthesis(sent: Span, k: int) -> int:
    """From a closing parenthesis at k back to the token before its opening one ("IBM (Big Blue)")."""
    doc = sent.doc
    if k < sent.start or doc[k].text != ")":
        return k
    for j in range(k - 1, max(sent.start, k - 12) - 1, -1):
        if doc[j].text == "(":
            return j - 1
    return k


def _skip_apposition(sent: Span, k: int) -> int:
    """'X, la division de Meta, et IBM': from the end of an apposition back to the actor it describes."""
    doc = sent.doc
    for c in range(k, max(sent.start, k - 10) - 1, -1):
        if doc[c].text == ",":
            if c + 1 <= k and doc[c + 1].pos_ == "DET":
                return c - 1
            return k
    return k


def _group_list(ctx, sent, trigger: Span, row) -> Iterator[RelationRecord]:
    """'l'alliance X, dont A, B et C' / 'X, regroupant A et B': members -> group."""
    group = _group_before(ctx, sent, trigger.start)
    if group is None and row["id"] != "member_of.dont" and trigger.start - 1 >= sent.start \
            and sent.doc[trigger.start - 1].text == ",":
        # "X, composé de A et B": the organisation the participle describes
        found = actor_ending_at(ctx, sent, trigger.start - 2, ORGISH)
        group = found[1] if found else None
    if group is None:
        return
    doc = sent.doc
    k = trigger.end
    while k < sent.end and (_ntext(doc[k]) in words()["object_skip"] | {"notamment", "entre", "autres", ":"}
                            or doc[k].like_num or doc[k].pos_ in ("ADJ", "DET") or _ntext(doc[k]) in
                            ("membres", "acteurs", "entreprises", "sociétés", "groupes", "parmi", "ses", "leurs")):
        k += 1
    _, members = actor_list(ctx, sent, k, None)
    for member in members:
        if member.label != "PER" or row["id"] != "member_of.dont":
            rec = _rel(member, "member_of", group, sent, row)
            if rec:
                yield rec


def _group_before(ctx, sent, i: int) -> ActorRef | None:
    """The nearest group actor before token i: its name or the noun before it is a group word."""
    doc = sent.doc
    group_words = words()["group_words"]
    for k in range(i - 1, max(sent.start, i - 12) - 1, -1):
        hit = ctx.entity_at(k)
        if not hit or hit[0].end - 1 != k:
            continue
        span, ref = hit
        before = {_ntext(t) for t in doc[max(sent.start, span.start - 3) : span.start]}
        if set(norm_text(ref.name).split()) & group_words:
            return ref
        if before & group_words:
            return ref if ref.label != "PER" else None
    return None


def _division(ctx, sent, trigger: Span, row) -> Iterator[RelationRecord]:
    """'X, la division ... de Y' / 'X, filiale de Y' / 'X est une filiale de Y': X member_of Y."""
    doc = sent.doc
    k = trigger.start - 1
    while k >= sent.start and (doc[k].pos_ in ("DET", "ADJ") or _ntext(doc[k]) in ("est", "sont", "devenu", "devenue")):
        k -= 1
    if k < sent.start:
        return
    if doc[k].text in (",", "("):
        found = actor_ending_at(ctx, sent, k - 1, ORGISH)
    elif k < trigger.start - 1:
        found = actor_ending_at(ctx, sent, k, ORGISH)
    else:
        return
    if not found:
        return
    j = trigger.end
    while j < min(sent.end, trigger.end + 8):
        if doc[j].text in STOP_PUNCT or doc[j].text == "," or doc[j].pos_ in ("VERB", "AUX"):
            return
        if _ntext(doc[j]) in lexicon().org_prepositions:
            parent = object_after(ctx, sent, j + 1, ORGISH)
            if parent:
                rec = _rel(found[1], "member_of", parent[1], sent, row)
                if rec:
                    yield rec
                return
        j += 1


def _relative_anaphor(ctx, sent, trigger: Span, row) -> Iterator[RelationRecord]:
    """'X, qui reprend les clés de l'entreprise qu'il avait cofondée': the anaphor before "qu'il"
    is the organisation in focus, "il" the one person named earlier in the sentence, "ils" the
    persons named there (nothing when the antecedent is unclear: no anaphor, no topic, several
    persons for "il", one for "ils")."""
    if not _anaphor_ending_at(sent, trigger.start - 1):
        return
    people = {ctx.entity_at(i)[1].name: ctx.entity_at(i)[1] for i in range(sent.start, trigger.start)
              if ctx.entity_at(i) and ctx.entity_at(i)[1].label == "PER"}
    org = _apposed_org(ctx, sent, trigger.start - 1) or ctx.org_topic(trigger.start)
    plural = _ntext(trigger[1]) in ("ils", "elles")
    if not people and not plural:
        after = _subject_after_clause(ctx, sent, trigger.end)  # "Présentant X, la start-up qu'il a créée, Paul Roy …"
        people = {after.name: after} if after else {}
    if org is None or (len(people) < 2 if plural else len(people) != 1):
        return
    date = _date_in(sent, trigger.end, trigger.end + 7)  # "créée au mois d'octobre 2001"
    for person in people.values():
        rec = _rel(person, "founded", org, sent, row, date=date)
        if rec:
            yield rec
            yield RelationRecord(person, "role", org, rec.evidence, row["id"], row["role"])


def _apposed_org(ctx, sent, j: int) -> ActorRef | None:
    """'X, la start-up qu'il a créée': the organisation named right before the comma that opens the
    anaphor ending at token j."""
    doc = sent.doc
    for i in range(j, max(sent.start, j - 5) - 1, -1):
        if doc[i].text == ",":
            hit = ctx.entity_at(i - 1) if i - 1 >= sent.start else None
            return hit[1] if hit and hit[0].end == i and hit[1].label == "ORG" else None
    return None


def _subject_after_clause(ctx, sent, k: int) -> ActorRef | None:
    """The person named right after the comma closing the relative clause that starts before token k."""
    doc = sent.doc
    for i in range(k, min(sent.end - 1, k + SCAN)):
        if doc[i].text == ",":
            hit = ctx.entity_at(i + 1)
            return hit[1] if hit and hit[0].start == i + 1 and hit[1].label == "PER" else None
        if doc[i].text in STOP_PUNCT:
            return None
    return None


FRAMES = {
    "relative_anaphor": _relative_anaphor,
    "agent_par": _agent_par,
    "svo": _svo,
    "sold_to": _sold_to,
    "taken_over": _taken_over,
    "noun_de_par": _noun_de_par,
    "noun_avec": _noun_avec,
    "verb_avec": _verb_avec,
    "partenaire": _partenaire,
    "jointly": _jointly,
    "group_list": _group_list,
    "division": _division,
}
