"""Relations extractor: hand-built French sentences per pattern, negative cases, rules-file schemas."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.matcher import Matcher

from pipeline.extract.relations import extract_relations, invested_in_relations
from pipeline.extract.relations.frames import FRAMES
from pipeline.records import ActorRef, FundingRecord
from pipeline.rules import load_json, load_jsonl

PREDICATES = {"role", "founded", "partner", "acquired", "member_of", "invested_in"}


def _triples(make_doc, text: str, predicate: str | None = None) -> set[tuple]:
    """(subject, predicate, object, attribute) of every relation found in `text`."""
    rels = extract_relations(make_doc(text))
    return {
        (r.subject.name, r.predicate, r.object.name, r.attribute)
        for r in rels
        if predicate is None or r.predicate == predicate
    }


def _pairs(make_doc, text: str, predicate: str) -> set[tuple[str, str]]:
    return {(s, o) for s, _, o, _ in _triples(make_doc, text, predicate)}


# ---- role -------------------------------------------------------------------------------------
ROLE_CASES = [
    # apposition
    ("Julie Martin, PDG de Doctolib, a présenté les résultats trimestriels.",
     {("Julie Martin", "Doctolib", "PDG")}),
    ("Selon Marc Lefèvre, le patron d'Orange, le réseau a bien tenu.",
     {("Marc Lefèvre", "Orange", "patron")}),
    ("Thomas Petit, ancien patron de Google, investit dans une jeune entreprise.",
     {("Thomas Petit", "Google", "ancien patron")}),
    ("Hélène Roux, chargée d'investissement chez Partech, suit le dossier depuis un an.",
     {("Hélène Roux", "Partech", "chargé d'investissement")}),
    ("Le projet est piloté par Camille Girard (ex-PDG de Vivendi) depuis janvier.",
     {("Camille Girard", "Vivendi", "ex-PDG")}),
    ("Paul Lemoine, PDG emblématique de Carrefour, a quitté la réunion.",
     {("Paul Lemoine", "Carrefour", "PDG")}),
    # coordination: two titles, one or two organisations
    ("Paul Durand, vice-président principal de Capgemini et directeur de Sogeti, était présent.",
     {("Paul Durand", "Capgemini", "vice-président principal"), ("Paul Durand", "Sogeti", "directeur")}),
    ("Nadia Benali, fondatrice et CEO de Yuka, a reçu un prix.",
     {("Nadia Benali", "Yuka", "fondateur"), ("Nadia Benali", "Yuka", "CEO")}),
    # inversions
    ("Le directeur général de Renault, Luca Rossi, a annoncé un plan d'économies.",
     {("Luca Rossi", "Renault", "directeur général")}),
    ("« Nous accélérons », explique la présidente de Bpifrance Catherine Martin.",
     {("Catherine Martin", "Bpifrance", "président")}),
    ("Julie Roy, Marc Simon et Paul Henry, cofondateurs de Swile, ont pris la parole.",
     {("Julie Roy", "Swile", "cofondateur"), ("Marc Simon", "Swile", "cofondateur"),
      ("Paul Henry", "Swile", "cofondateur")}),
    ("Les deux cofondateurs de Qonto, Alexandre Prot et Steve Anavi, ont pris la parole.",
     {("Alexandre Prot", "Qonto", "cofondateur"), ("Steve Anavi", "Qonto", "cofondateur")}),
    # copula
    ("Isabelle Moreau a été nommée directrice générale d'Engie la semaine dernière.",
     {("Isabelle Moreau", "Engie", "directeur général")}),
    ("Sophie Lenoir est revenue à la tête de Danone en mars.", {("Sophie Lenoir", "Danone", "dirigeant")}),
    # verbs
    ("Tim Cook, qui dirige Apple depuis 2011, a présenté le téléphone.", {("Tim Cook", "Apple", "dirigeant")}),
    ("Michelin, dirigé par Florent Menegaux, a publié ses résultats.",
     {("Florent Menegaux", "Michelin", "dirigeant")}),
    # lists of organisations, age appositions, qualifiers, generic words that are no organisation
    ("Elon Musk, patron de Tesla, SpaceX et Neuralink, a publié un message.",
     {("Elon Musk", "Tesla", "patron"), ("Elon Musk", "SpaceX", "patron"), ("Elon Musk", "Neuralink", "patron")}),
    ("Arthur Dupuis, 31 ans, PDG de Criteo, a pris la parole.", {("Arthur Dupuis", "Criteo", "PDG")}),
    ("Anne Martin, directrice France de Salesforce, explique la stratégie.",
     {("Anne Martin", "Salesforce", "directeur France")}),
    ("Yann Lecomte, directeur scientifique de l'IA chez Meta, a critiqué le projet.",
     {("Yann Lecomte", "Meta", "directeur scientifique")}),
    ("Le nouveau PDG de Renault, Luca Rossi, a présenté son plan.", {("Luca Rossi", "Renault", "PDG")}),
    ("Jean Dupont a rejoint Mistral AI comme directeur technique.",
     {("Jean Dupont", "Mistral AI", "directeur technique")}),
    ("Selon son directeur général, Hugo Martin, la société Alan vise la rentabilité.",
     {("Hugo Martin", "Alan", "directeur général")}),
    ("Lucas Morel, head of AI chez Criteo, a répondu.", {("Lucas Morel", "Criteo", "head of")}),
    ("Le cofondateur et PDG de Doctolib, Stanislas Niox, a répondu.",
     {("Stanislas Niox", "Doctolib", "cofondateur"), ("Stanislas Niox", "Doctolib", "PDG")}),
    ("Doctolib et son PDG Stanislas Niox ont répondu.", {("Stanislas Niox", "Doctolib", "PDG")}),
    ("Olivier Martin, président de l'association France Active, a pris la parole.",
     {("Olivier Martin", "France Active", "président")}),
    # the organisation after a de-chain, an institution noun, a group noun
    ("Marie Lambert, doyenne de la faculté de médecine de l'université de Lyon, a signé.",
     {("Marie Lambert", "université de Lyon", "doyen")}),
    ("Rodrigue Blanc, patron du groupe industriel Safran, a visité l'usine.",
     {("Rodrigue Blanc", "Safran", "patron")}),
    ("Éric Vidal, vice-président de la division AI Research d'Atos, a présenté l'offre.",
     {("Éric Vidal", "Atos", "vice-président")}),
    # anaphoric organisation: the topic organisation of the article
    ("Renault a publié ses comptes annuels. Sophie Bernard, cheffe produit de la firme, a détaillé la gamme.",
     {("Sophie Bernard", "Renault", "chef produit")}),
    ("Areva grandit vite. Fondatrice de cette entreprise discrète, Anne Lebrun en reste la figure.",
     {("Anne Lebrun", "Areva", "fondateur")}),
]


# Round 2 (generalisation): shapes seen failing on held-out articles, in fresh sentences.
ROLE_GENERAL_CASES = [
    # coordinated persons sharing one plural title
    ("Outre Léo Faure et Inès Carpentier, les deux cofondateurs de Brivia, l'équipe compte trente ingénieurs.",
     {("Léo Faure", "Brivia", "cofondateur"), ("Inès Carpentier", "Brivia", "cofondateur")}),
    ("Léo Faure et Inès Carpentier, cofondateurs de Brivia, ont ouvert un bureau à Lille.",
     {("Léo Faure", "Brivia", "cofondateur"), ("Inès Carpentier", "Brivia", "cofondateur")}),
    ("Léo Faure et Inès Carpentier, respectivement CEO et CTO de Brivia, ont signé.",
     {("Léo Faure", "Brivia", "CEO"), ("Inès Carpentier", "Brivia", "CTO")}),
    ("Les fondateurs de Brivia Léo Faure et Inès Carpentier ont signé.",
     {("Léo Faure", "Brivia", "fondateur"), ("Inès Carpentier", "Brivia", "fondateur")}),
    ("Brivia lève 3 millions d'euros. Ses deux fondateurs, Léo Faure et Inès Carpentier, recrutent.",
     {("Léo Faure", "Brivia", "fondateur"), ("Inès Carpentier", "Brivia", "fondateur")}),
    # title phrases
    ("Romain Garnier, CEO et cofondateur de Talvia, a répondu à nos questions.",
     {("Romain Garnier", "Talvia", "CEO"), ("Romain Garnier", "Talvia", "cofondateur")}),
    ("Agathe Marchand, general partner chez Serena, mène l'opération.",
     {("Agathe Marchand", "Serena", "partner")}),
    ("Emma Roche, managing partner d'Eurazeo, a commenté le dossier.", {("Emma Roche", "Eurazeo", "partner")}),
    ("Bastien Roy, senior partner chez McKinsey, a relu le rapport.", {("Bastien Roy", "McKinsey", "partner")}),
    ("Étienne Lacroix, président de France Biotech, a salué la mesure.",
     {("Étienne Lacroix", "France Biotech", "président")}),
    ("Luc Fabre, directeur général délégué de Sanofi, a confirmé l'information.",
     {("Luc Fabre", "Sanofi", "directeur général délégué")}),
    ("Claire Vidal, fondatrice et présidente de Wenvi, a été récompensée.",
     {("Claire Vidal", "Wenvi", "fondateur"), ("Claire Vidal", "Wenvi", "président")}),
    ("Hugo Brun, ancien bras droit de Marc Simon chez Amazon, a lancé sa propre société.",
     {("Hugo Brun", "Amazon", "ancien bras droit")}),
    ("Lisa Moreau, chargée des partenariats de Google en Europe, a signé le contrat.",
     {("Lisa Moreau", "Google", "chargé des partenariats")}),
    ("Noé Perrin, responsable des ventes chez Ankorstore, prépare la rentrée.",
     {("Noé Perrin", "Ankorstore", "responsable des ventes")}),
    ("Sarah Klein, co-CEO de Lydia, a présenté la carte.", {("Sarah Klein", "Lydia", "co-CEO")}),
    # the title after an untitled first member of the apposition
    ("Yves Martin, investisseur et fondateur de Kelvio, cherche des associés.",
     {("Yves Martin", "Kelvio", "fondateur")}),
    ("Yves Martin, ancien de Google et fondateur de Kelvio, cherche des associés.",
     {("Yves Martin", "Kelvio", "fondateur")}),
    # the organisation of a bare title named by a fronted "Chez X,"
    ("Chez Ornikar, Julie Morin, la CTO, explique la méthode.", {("Julie Morin", "Ornikar", "CTO")}),
    # short, English and idiomatic titles
    ("Julien Roux, le boss de Malt, a détaillé ses projets.", {("Julien Roux", "Malt", "dirigeant")}),
    ("Julien Roux, aux commandes de Malt depuis 2019, a détaillé ses projets.",
     {("Julien Roux", "Malt", "dirigeant")}),
    ("Julien Roux, président-fondateur de Malt, a détaillé ses projets.",
     {("Julien Roux", "Malt", "président fondateur")}),
    ("Julien Roux, DG de Malt, a détaillé ses projets.", {("Julien Roux", "Malt", "directeur général")}),
    ("Julien Roux, DRH de Malt, a détaillé ses projets.", {("Julien Roux", "Malt", "DRH")}),
    ("Julien Roux, co-fondateur & CEO de Malt, a détaillé ses projets.",
     {("Julien Roux", "Malt", "cofondateur"), ("Julien Roux", "Malt", "CEO")}),
    ("Julien Roux, Chief Revenue Officer de Malt, a détaillé ses projets.", {("Julien Roux", "Malt", "CRO")}),
    ("Julien Roux, investment director chez Partech, suit le dossier.",
     {("Julien Roux", "Partech", "directeur d'investissement")}),
    ("Pennylane lève 40 millions. Julien Roux, cofondateur et CEO de la fintech, a détaillé ses projets.",
     {("Julien Roux", "Pennylane", "cofondateur"), ("Julien Roux", "Pennylane", "CEO")}),
    ("Julien Roux a pris la tête de Malt en 2020.", {("Julien Roux", "Malt", "dirigeant")}),
    ("Julien Roux, membre du conseil d'administration de Malt, a voté contre.",
     {("Julien Roux", "Malt", "administrateur")}),
    ("Julien Roux, directeur du programme d'accélération de Station F, a sélectionné dix projets.",
     {("Julien Roux", "Station F", "directeur")}),
    ("Julien Roux, l'un des cofondateurs de Malt, a détaillé ses projets.", {("Julien Roux", "Malt", "cofondateur")}),
    ("Julien Roux est l'un des cofondateurs de Malt.", {("Julien Roux", "Malt", "cofondateur")}),
    ("Julien Roux, désormais directeur de Malt, a détaillé ses projets.", {("Julien Roux", "Malt", "directeur")}),
    ("Julien Roux, directeur de la stratégie et des partenariats de Malt, a détaillé ses projets.",
     {("Julien Roux", "Malt", "directeur")}),
    # an anaphor with adjectives before the name
    ("Hugo Vidal, cofondateur de la jeune pousse lyonnaise Kelvio, veut recruter.",
     {("Hugo Vidal", "Kelvio", "cofondateur")}),
]


ROLE_ROUND3_CASES = [
    # a line wrapped inside the apposition (one line break, no blank line)
    ("« Nous changeons d'échelle », vante Paul Durand,\nCEO et fondateur de Lumio.",
     {("Paul Durand", "Lumio", "CEO"), ("Paul Durand", "Lumio", "fondateur")}),
    ("Sophie Marchal,\ndirectrice générale de Doctolib, a présenté le bilan.",
     {("Sophie Marchal", "Doctolib", "directeur général")}),
    ("Sophie Marchal, cofondatrice et\ndirectrice générale de Doctolib, a présenté le bilan.",
     {("Sophie Marchal", "Doctolib", "cofondateur"), ("Sophie Marchal", "Doctolib", "directeur général")}),
    # a capitalised title in an apposition
    ("« Le marché mûrit », commente Alain Martin, Président de France Digitale.",
     {("Alain Martin", "France Digitale", "président")}),
    ("Claire Dubois, Directrice générale de Capgemini, a pris la parole.",
     {("Claire Dubois", "Capgemini", "directeur général")}),
    ("« Un cap est franchi », se réjouit Hugo Lenoir, Fondateur et CEO de Kelvio.",
     {("Hugo Lenoir", "Kelvio", "fondateur"), ("Hugo Lenoir", "Kelvio", "CEO")}),
]


ODDLY_TYPED = "« Le marché mûrit », commente Alain Martin, Président de France Fintech."


@pytest.mark.parametrize("ents", [
    [("Alain Martin", "PER"), ("Président de France Fintech", "PER")],
    [("Alain Martin", "PER"), ("Président de France Fintech", "ORG")],
    [("Alain Martin", "PER"), ("Président de France", "LOC")],
    [("Alain Martin, Président", "PER"), ("France Fintech", "ORG")],
    [("Alain Martin", "PER"), ("Président", "MISC"), ("France Fintech", "ORG")],
])
def test_role_survives_odd_entity_typing(make_doc, ents):
    """The NER may swallow the title into the organisation or the person, or cut the name short."""
    from spacy.tokens import Span

    doc = make_doc(ODDLY_TYPED)
    spans = []
    for text, label in ents:
        start = ODDLY_TYPED.index(text)
        char_span = doc.char_span(start, start + len(text))
        spans.append(Span(doc, char_span.start, char_span.end, label=label))
    doc.ents = spans
    doc._.entities = []
    found = {(r.subject.name, r.object.name, r.attribute) for r in extract_relations(doc) if r.predicate == "role"}
    assert found == {("Alain Martin", "France Fintech", "président")}


ROLE_DESCRIBED_CASES = [
    # a common-noun description of the company in focus stands for it
    ("Doctolib a levé des fonds. Le jury a félicité les cofondateurs du logiciel de réservation, "
     "Éléonore Dupin et Marc Leroy, pour leur travail.",
     {("Éléonore Dupin", "Doctolib", "cofondateur"), ("Marc Leroy", "Doctolib", "cofondateur")}),
    ("Doctolib a levé des fonds. Marc Leroy, cofondateur de la plateforme, se réjouit.",
     {("Marc Leroy", "Doctolib", "cofondateur")}),
    ("Doctolib a levé des fonds. Les fondateurs de l'application, Julie Roy et Paul Henry, recrutent.",
     {("Julie Roy", "Doctolib", "fondateur"), ("Paul Henry", "Doctolib", "fondateur")}),
]


@pytest.mark.parametrize("text,expected", ROLE_CASES + ROLE_GENERAL_CASES + ROLE_ROUND3_CASES + ROLE_DESCRIBED_CASES)
def test_role_patterns(make_doc, text, expected):
    found = {(s, o, a) for s, _, o, a in _triples(make_doc, text, "role")}
    assert expected <= found


def test_role_rule_ids(make_doc):
    text = "Le directeur général de Renault, Luca Rossi, a annoncé un plan d'économies."
    rels = extract_relations(make_doc(text))
    assert [r.rule_id for r in rels if r.predicate == "role"] == ["role.inversion"]


def test_title_opening_a_sentence_describes_the_previous_subject(make_doc):
    text = "Hier, Marc Simon est venu présenter son projet. Le fondateur de Meetic défend une vision européenne."
    assert ("Marc Simon", "Meetic") in _pairs(make_doc, text, "role")


ROLE_NEGATIVES = [
    # a role of an unnamed person
    "Le PDG d'OpenAI a déclaré que la sécurité restait prioritaire.",
    # ... also when the sentence before names another person together with that organisation
    "Marc Simon a critiqué Google. Le patron de Google a répondu sèchement.",
    "Marc Simon et Julie Roy ont parlé. Le patron de Google a répondu sèchement.",
    # comparisons and generic mentions
    "Des entreprises comme Microsoft recrutent des directeurs techniques.",
    # government posts with no organisation
    "Le président de la République, Emmanuel Macron, a reçu les patrons du CAC 40.",
    # a place, not a person, before the apposition
    "Après son passage au Computex, le patron de Nvidia a choisi Paris.",
]


ROLE_NEGATIVES += [
    # parenthesised affiliations without a title: no role (no title string to report)
    "Bruno Leclerc (Fintecture), Sonia Vidal (Alma) et Jean Roux ont débattu.",
    # a movement is no organisation; a government portfolio is no organisation
    "La fondatrice du mouvement Tech for Good, Maud Perrin, désormais secrétaire d'État au Commerce, a parlé.",
    "Marc Bernard, secrétaire d'État au Numérique, a visité l'usine.",
    "Marie Blanc, ancienne ministre du Travail, a visité la start-up.",
    "Anne Roy, fondatrice du salon Vivatech, a pris la parole.",
    # "responsable de" / "chargé de" after a copula: blame or a task, not a post
    "Paul Durand est responsable de la faillite de Kelvio.",
    "Paul Durand a été chargé de la refonte du site de Kelvio.",
    # a fronted place is no person, whatever the NER says
    "A Paris, le fondateur de Kelvio a présenté son robot.",
]


ROLE_NEGATIVES += [
    # a blank line ends the paragraph: the title below belongs to nobody named
    "« Nous changeons d'échelle », vante Paul Durand,\n\nCEO et fondateur de Lumio.",
    # a generic or indefinite description is no company in focus
    "Doctolib a levé des fonds. Marc Leroy, chef d'entreprise, se réjouit.",
    "Doctolib a levé des fonds. Marc Leroy, fondateur d'une entreprise de transport, se réjouit.",
    # a capitalised title word with no comma before it is part of a name
    "Le magazine Président de France a publié un dossier.",
]


@pytest.mark.parametrize("text", ROLE_NEGATIVES)
def test_role_negatives(make_doc, text):
    assert _triples(make_doc, text, "role") == set()


def test_inversion_not_taken_by_a_person_with_own_title(make_doc):
    text = "Le dîner réunissait le patron de Renault, Julien Morel, le PDG de Valeo, et Lucie Blanc."
    found = {(s, o) for s, _, o, _ in _triples(make_doc, text, "role")}
    assert ("Julien Morel", "Valeo") in found
    assert ("Julien Morel", "Renault") not in found


WRONG_ORG_CASES = [
    # a clause after the apposition is no list of organisations
    ("Selon Jean Dupont, PDG d'Opendix, la French Tech est un atout.", {("Jean Dupont", "Opendix")}),
    # the title's own complement, not a person ("bras droit de X chez Y")
    ("Hugo Brun, ancien bras droit de Marc Simon chez Amazon, a lancé sa société.", {("Hugo Brun", "Amazon")}),
    # "son associé" relates two persons; a comma list running into the verb is a coordinated subject
    ("Marc Petit, son associé, a quitté Google en 2019 pour fonder Kelvio.", set()),
    ("Paul Durand, PDG de Kelvio, Google et Amazon ont signé l'accord.", {("Paul Durand", "Kelvio")}),
    # the successor takes the post; the predecessor held it (a former post, see test_role_predecessor)
    ("Julien Roux succède à Marc Petit à la tête de Malt.", {("Julien Roux", "Malt"), ("Marc Petit", "Malt")}),
    # an entity swallowing the title: the organisation is its tail
    ("Julien Roux, Chief Revenue Officer de Malt, a parlé.", {("Julien Roux", "Malt")}),
    # an anaphor ("la start-up") is not resolved to a movement typed MISC
    ("La French Tech aide les jeunes pousses. Jean Dupont, PDG de la start-up, a rencontré ses membres.", set()),
]


@pytest.mark.parametrize("text,expected", WRONG_ORG_CASES)
def test_role_organisation_is_the_title_complement(make_doc, text, expected):
    assert _pairs(make_doc, text, "role") == expected


def test_respectively_gives_one_title_each(make_doc):
    text = "Léo Faure et Inès Carpentier, respectivement CEO et CTO de Brivia, ont signé."
    found = {(s, a) for s, _, _, a in _triples(make_doc, text, "role")}
    assert found == {("Léo Faure", "CEO"), ("Inès Carpentier", "CTO")}


# ---- founded ----------------------------------------------------------------------------------
FOUNDED_CASES = [
    ("Doctolib, fondée en 2013 par Stanislas Niox, emploie 2 800 personnes.",
     {("Stanislas Niox", "Doctolib", "2013")}),
    ("Fondée en mars 2019 par Léa Garnier et Hugo Perrin, Alan compte 500 salariés.",
     {("Léa Garnier", "Alan", "2019-03"), ("Hugo Perrin", "Alan", "2019-03")}),
    ("Qonto a été cofondée par Alexandre Prot en 2016.", {("Alexandre Prot", "Qonto", "2016")}),
    ("Cofondée par Marie Leclerc, ancienne de McKinsey, la start-up Ynsect lève 100 millions.",
     {("Marie Leclerc", "Ynsect", None)}),
    ("Léa Garnier et Hugo Perrin ont créé la start-up Lydia en 2013.",
     {("Léa Garnier", "Lydia", "2013"), ("Hugo Perrin", "Lydia", "2013")}),
    ("Xavier Dupont et Marie Leroy ont fondé Alan en 2016.",
     {("Xavier Dupont", "Alan", "2016"), ("Marie Leroy", "Alan", "2016")}),
    # founders named after an unnamed description of them
    ("Lancée en 2020 par deux Françaises, Anne Morel et Julie Caron, la start-up Vizio recrute.",
     {("Anne Morel", "Vizio", "2020"), ("Julie Caron", "Vizio", "2020")}),
    ("Vizio a été fondée par une ingénieure, Anne Morel.", {("Anne Morel", "Vizio", None)}),
    ("Kelvio a été fondée par Paul Durand et Marc Petit.",
     {("Paul Durand", "Kelvio", None), ("Marc Petit", "Kelvio", None)}),
    ("Talvia, cofondée en 2019 par Inès Carpentier, recrute.", {("Inès Carpentier", "Talvia", "2019")}),
    ("Julien Roux, qui a lancé Malt en 2015, veut recruter.", {("Julien Roux", "Malt", "2015")}),
    # an anaphor before the participle stands for the topic organisation
    ("Kelvio grandit vite. La start-up, lancée par deux Français, Paul Durand et Marc Petit, vise l'Europe.",
     {("Paul Durand", "Kelvio", None), ("Marc Petit", "Kelvio", None)}),
]


@pytest.mark.parametrize("text,expected", FOUNDED_CASES)
def test_founded_patterns(make_doc, text, expected):
    rels = [r for r in extract_relations(make_doc(text)) if r.predicate == "founded"]
    assert expected <= {(r.subject.name, r.object.name, r.date) for r in rels}
    # person founders also hold a founder role
    roles = _pairs(make_doc, text, "role")
    assert {(s, o) for s, o, _ in expected} <= roles


FOUNDED_NEGATIVES = [
    "Paul Durand et Marc Petit lancent un Doctolib à la française.",  # a name used as a type
    "Google a lancé Gemini Labs en Europe.",  # a company launching something founds nothing
    "Le service, lancé par Google en 2020, a fermé ses portes.",  # a product launched by a company
    "OpenAI a créé un assistant conversationnel très populaire.",  # créer: not an organisation
    "Fondée en 2021 par d'anciens salariés de Google, Anthropic a levé des fonds.",  # unnamed founders
    "Lancée par deux Français, la start-up Vizio recrute.",  # unnamed founders, whatever the NER says
]


RELATIVE_FOUNDED_CASES = [
    # "l'entreprise qu'il avait cofondée": the company in focus, the one person of the sentence
    ("Doctolib a levé des fonds. « Tout était à refaire », raconte Paul Durand, qui reprend alors "
     "la direction de l'entreprise qu'il avait cofondée.",
     {("Paul Durand", "founded", "Doctolib", None), ("Paul Durand", "role", "Doctolib", "cofondateur")}),
    ("Doctolib a levé des fonds. Marie Roy et Paul Henry dirigent toujours la société qu'ils ont cofondée.",
     {("Marie Roy", "role", "Doctolib", "cofondateur"), ("Paul Henry", "role", "Doctolib", "cofondateur")}),
    ("Doctolib a levé des fonds. Marie Roy dirige la start-up qu'elle a fondée en 2019.",
     {("Marie Roy", "founded", "Doctolib", None), ("Marie Roy", "role", "Doctolib", "fondateur")}),
]


@pytest.mark.parametrize("text,expected", RELATIVE_FOUNDED_CASES)
def test_founded_relative_anaphor(make_doc, text, expected):
    assert expected <= _triples(make_doc, text)


FOUNDED_NEGATIVES += [
    # unclear antecedent: two persons, or an indefinite company
    "Doctolib a levé des fonds. Marie Roy et Paul Henry ont quitté la société qu'il avait créée.",
    "Doctolib a levé des fonds. Marie Roy a quitté une entreprise qu'elle avait créée.",
]


@pytest.mark.parametrize("text", FOUNDED_NEGATIVES)
def test_founded_negatives(make_doc, text):
    assert _triples(make_doc, text, "founded") == set()


# ---- acquired ---------------------------------------------------------------------------------
ACQUIRED_CASES = [
    ("Capgemini rachète Altran pour 3,6 milliards d'euros.", ("Capgemini", "Altran")),
    ("Altran a été racheté par Capgemini en 2019.", ("Capgemini", "Altran")),
    ("Le rachat de Shazam par Apple a été finalisé.", ("Apple", "Shazam")),
    ("Apple met la main sur Shazam.", ("Apple", "Shazam")),
    ("Ubisoft s’offre Kylotonn pour renforcer ses studios.", ("Ubisoft", "Kylotonn")),
    ("Le groupe Fnac Darty s'est offert Nature & Découvertes.", ("Fnac Darty", "Nature & Découvertes")),
    ("Le géant américain Salesforce a finalisé l'acquisition de Slack.", ("Salesforce", "Slack")),
    ("Vivendi vient d'acquérir Lagardère.", ("Vivendi", "Lagardère")),
    ("Schneider a racheté Aveva pour 170 millions d'euros.", ("Schneider", "Aveva")),
    ("Vizio a été revendue à Cegid en 2022.", ("Cegid", "Vizio")),
    ("Le fonds a cédé Vizio à Cegid pour 20 millions d'euros.", ("Cegid", "Vizio")),
    ("Kelvio grandit vite. En 2021, la société a été revendue à Doctolib.", ("Doctolib", "Kelvio")),
    ("Cegid a décidé de reprendre la société Vizio.", ("Cegid", "Vizio")),
    ("Le groupe Fnac a repris Darty en 2016.", ("Fnac", "Darty")),
    ("Vizio, rachetée l'an dernier par Cegid, recrute.", ("Cegid", "Vizio")),
    ("Anne Morel, fondatrice de Vizio, rachetée par Cegid en 2020, recrute.", ("Cegid", "Vizio")),
    ("Cegid a pris le contrôle de Vizio.", ("Cegid", "Vizio")),
    ("Vizio tombe dans l'escarcelle de Cegid.", ("Cegid", "Vizio")),
    ("Vizio est passée sous le contrôle du groupe Cegid en 2019.", ("Cegid", "Vizio")),
    ("Vizio rejoint le giron de Cegid.", ("Cegid", "Vizio")),
]


ACQUIRED_NEGATIVES = [
    "Orange reprend Google comme exemple de réussite.",
    "Paul Durand a repris la parole devant Google.",
    "Orange a vendu ses antennes à Cellnex.",  # assets, not a company
    "La start-up Vizio grandit sous le contrôle de ses fondateurs.",
]


@pytest.mark.parametrize("text", ACQUIRED_NEGATIVES)
def test_acquired_negatives(make_doc, text):
    assert _triples(make_doc, text, "acquired") == set()


@pytest.mark.parametrize("text,expected", ACQUIRED_CASES)
def test_acquired_patterns(make_doc, text, expected):
    assert expected in _pairs(make_doc, text, "acquired")


def test_acquired_comparison_is_not_a_party(make_doc):
    found = _pairs(make_doc, "Comme Microsoft avec Activision, Sony rachète des studios.", "acquired")
    assert not any("Microsoft" in pair for pair in found)


# ---- partner ----------------------------------------------------------------------------------
PARTNER_CASES = [
    ("Renault a noué un partenariat avec Google.", ("Google", "Renault")),
    ("Un partenariat entre Airbus et Thales a été signé hier.", ("Airbus", "Thales")),
    ("Orange s'allie avec Ericsson pour ses antennes.", ("Ericsson", "Orange")),
    ("Dassault et Safran ont présenté conjointement leur projet.", ("Dassault", "Safran")),
    ("Dassault et Safran (motoriste) travaillent main dans la main.", ("Dassault", "Safran")),
    ("Mistral AI et Nvidia ont annoncé un partenariat stratégique.", ("Mistral AI", "Nvidia")),
    ("Google collabore avec l'Inria sur la recherche.", ("Google", "Inria")),
    ("Doctolib, une pépite de la santé numérique, a décidé de s'allier avec Orange.", ("Doctolib", "Orange")),
    ("Thales et Airbus vont cofinancer un satellite.", ("Airbus", "Thales")),
    ("Thales a conclu l'opération en signant un accord avec Airbus.", ("Airbus", "Thales")),
    ("Un accord de partenariat entre Thales et Airbus a été signé.", ("Airbus", "Thales")),
]


@pytest.mark.parametrize("text,expected", PARTNER_CASES)
def test_partner_patterns_are_ordered_once(make_doc, text, expected):
    found = _pairs(make_doc, text, "partner")
    assert expected in found
    assert (expected[1], expected[0]) not in found


def test_partner_comparison_gives_nothing(make_doc):
    assert _triples(make_doc, "Comme Microsoft, Google multiplie les annonces.", "partner") == set()


# ---- member_of --------------------------------------------------------------------------------
MEMBER_CASES = [
    ("Le consortium Gaia-X, composé de SAP, Orange et Atos, a publié ses règles.",
     {("SAP", "Gaia-X"), ("Orange", "Gaia-X"), ("Atos", "Gaia-X")}),
    ("Google DeepMind, la division d'intelligence artificielle de Google, publie un modèle.",
     {("Google DeepMind", "Google")}),
    ("Instagram, filiale de Meta, change ses règles.", {("Instagram", "Meta")}),
    ("Les voitures de Waymo (filiale d’Alphabet) roulent sans chauffeur.", {("Waymo", "Alphabet")}),
    ("Le consortium Gaia-X compte parmi ses membres SAP et Atos.", {("SAP", "Gaia-X"), ("Atos", "Gaia-X")}),
    ("Total rejoint la coalition Hydrogen Council, qui réunit Air Liquide et Alstom.",
     {("Air Liquide", "Hydrogen Council"), ("Alstom", "Hydrogen Council")}),
    ("Le Frontier Model Forum, composé de Meta et Microsoft, publie un rapport.",
     {("Meta", "Frontier Model Forum"), ("Microsoft", "Frontier Model Forum")}),
]


@pytest.mark.parametrize("text,expected", MEMBER_CASES)
def test_member_of_patterns(make_doc, text, expected):
    assert expected <= _pairs(make_doc, text, "member_of")


def test_dont_after_an_amount_is_not_membership(make_doc):
    text = "La société a levé 10 millions d'euros dont 4 millions auprès de Bpifrance."
    assert _triples(make_doc, text, "member_of") == set()


# ---- invested_in ------------------------------------------------------------------------------
def test_invested_in_from_funding_records():
    rec = FundingRecord(
        recipient=ActorRef("Alan", "ORG", "e0"),
        evidence="Alan lève 50 millions auprès d'Index et de Temasek.",
        rule_id="funding.verb",
        start=0,
        end=52,
        investors=(ActorRef("Index", "ORG", "e1"), ActorRef("Temasek", "ORG", "e2")),
        round="series_b",
        date="2021",
    )
    rels = invested_in_relations([rec])
    assert [(r.subject.name, r.predicate, r.object.name, r.attribute, r.date) for r in rels] == [
        ("Index", "invested_in", "Alan", "series_b", "2021"),
        ("Temasek", "invested_in", "Alan", "series_b", "2021"),
    ]
    assert all(r.evidence == rec.evidence and r.rule_id == "invested_in.funding.verb" for r in rels)
    assert invested_in_relations([]) == []


# ---- rules files ------------------------------------------------------------------------------
def test_titles_lexicon_schema():
    data = load_json("titles.json")
    kinds = {"business", "academic", "government"}
    lemmas = set()
    for title in data["titles"]:
        assert set(title) == {"lemma", "kind", "forms"}
        assert title["kind"] in kinds and title["forms"] and title["lemma"] not in lemmas
        assert all(f == f.lower() and f.strip() == f for f in title["forms"])
        lemmas.add(title["lemma"])
    for key in ("pre_modifiers", "post_modifiers"):
        assert all(isinstance(v, str) for v in data[key].values())
    for key in ("org_prepositions", "determiners", "anaphors", "anaphor_determiners", "role_verbs",
                "blocked_orgs", "relative_heads", "possessives", "adjacent_person_forms", "unit_nouns",
                "institution_nouns", "not_orgs", "pre_adjectives", "join_verbs", "as_markers", "non_org_heads",
                "descriptive_heads", "government_portfolios", "person_relative_titles", "succession_verbs"):
        assert data[key] and all(isinstance(w, str) and w for w in data[key])
    assert data["domain_heads"] and all(isinstance(v, str) and v for v in data["domain_heads"].values())
    # the lemma forms asked for by analysts
    assert {"PDG", "fondateur", "cofondateur", "directeur", "patron", "ministre"} <= lemmas


def test_relation_patterns_schema(nlp):
    rows = load_jsonl("relation_patterns.jsonl")
    ids = [row["id"] for row in rows]
    assert len(ids) == len(set(ids))
    matcher = Matcher(nlp.vocab)
    for row in rows:
        assert set(row) <= {"id", "predicate", "frame", "pattern", "role", "agent_labels", "object_labels",
                            "subject_labels", "attribute", "patient"}
        assert row["id"].startswith(row["predicate"] + ".")
        assert row["predicate"] in PREDICATES - {"invested_in"}
        assert row["frame"] in FRAMES
        assert isinstance(row["pattern"], list) and all(isinstance(t, dict) for t in row["pattern"])
        matcher.add(row["id"], [row["pattern"]])  # raises on an invalid pattern
    assert {row["predicate"] for row in rows} == {"role", "founded", "acquired", "partner", "member_of"}


def test_relation_words_schema():
    data = load_json("relation_words.json")
    for key in ("comparison_markers", "list_connectors", "object_skip", "subject_skip", "group_words",
                "founded_date_words", "unnamed_group_openers", "institution_heads", "board_nouns", "stay_verbs",
                "modal_verbs", "public_bodies", "succession_cues", "post_taking_verbs", "succession_stems",
                "place_leaving_stems", "role_adverbs"):
        assert data[key] and all(isinstance(w, str) and w for w in data[key])


def test_funding_recipient_is_the_topic_of_an_anaphor(make_doc):
    text = ("La société Lydia lève 10 millions auprès d'Eurazeo et d'Accel. "
            "La startup a été lancée par Cyril Chiche.")
    doc = make_doc(text)
    lydia = next(e for e in doc._.entities if e.name.endswith("Lydia"))
    rec = FundingRecord(
        recipient=ActorRef(lydia.name, lydia.label, lydia.key),
        evidence=text.split(".")[0],
        rule_id="funding.test",
        start=0,
        end=60,
    )
    founded = [r for r in extract_relations(doc, [rec]) if r.predicate == "founded"]
    assert [(r.subject.name, r.object.name) for r in founded] == [("Cyril Chiche", lydia.name)]


# ---- robustness -------------------------------------------------------------------------------
_WORDS = ["Sam", "Altman", ",", "PDG", "de", "d'", "OpenAI", "le", "la", "patron", "et", "fondée", "par", "en",
          "2021", "rachète", "Google", "(", ")", "dont", "alliance", "partenariat", "avec", "entre", "filiale",
          "a", "été", "nommé", "qui", "est", "celle", "son", "ex-PDG", "«", "»", ".", "\n", "Marie", "Curie",
          "cofondateurs", "comme", "s'", "offre", "met", "main", "sur", "conjointement", "division", ":"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(_WORDS), min_size=0, max_size=30))
def test_never_fails_and_well_formed(make_doc, words):
    """Any word salad: no exception, and every relation is well formed."""
    text = " ".join(words)
    for rel in extract_relations(make_doc(text)):
        assert rel.predicate in PREDICATES
        assert rel.subject.name and rel.object.name and rel.subject.name != rel.object.name
        assert rel.evidence and rel.evidence in text
        assert rel.attribute is None or rel.attribute.strip() == rel.attribute != ""


# ---- journalistic prose (held-out lessons) ----------------------------------------------------
ROLE_PROSE_CASES = [
    # a possessive opening a sentence points back to the organisation of the sentence before
    ("Le cabinet Orvalis publie une étude sur le télétravail. Selon Orvalis, les salariés y gagnent. "
     "Le syndicat Solidaires Numérique conteste ses chiffres. Son secrétaire général, Yann Quéré, dénonce un biais.",
     {("Yann Quéré", "Solidaires Numérique", "secrétaire général")}),
    ("La mairie a signé une convention avec la Fondation Terres Vives, qui finance les haies. "
     "Sa déléguée régionale, Odette Pradel, salue l'accord.",
     {("Odette Pradel", "Fondation Terres Vives", "délégué")}),
    # 'X, dont la présidente, Y'
    ("Le texte inquiète France Logistique, dont la présidente, Hélène Vasseur, demande un report.",
     {("Hélène Vasseur", "France Logistique", "président")}),
    # titles of local, sports and press life
    ("Le trésorier de l'association Rives Propres, Gaël Morvan, présente les comptes.",
     {("Gaël Morvan", "Rives Propres", "trésorier")}),
    ("Nicolas Ferré, rédacteur en chef du Courrier de Gascogne, quitte le journal.",
     {("Nicolas Ferré", "Courrier de Gascogne", "rédacteur en chef")}),
    ("Le club a prolongé Théo Navarro, capitaine de l'AS Valmont depuis trois saisons.",
     {("Théo Navarro", "AS Valmont", "capitaine")}),
    ("Aline Roussel, ancienne ingénieure de Dassault Aviation, rejoint la start-up.",
     {("Aline Roussel", "Dassault Aviation", "ancien ingénieur")}),
    # an anaphor noun that opens a name is the name ('chercheuse à l'Institut ...')
    ("Le Centre Hélios publie son bilan. Léna Marchal, chercheuse à l'Institut des sciences de la mer (ISM), le conteste.",
     {("Léna Marchal", "Institut des sciences de la mer", "chercheur")}),
    # 'du club' = de + le club: the organisation in focus
    ("L'AS Valmont recrute. Elle sera entraînée par Marc Tessier, ancien attaquant du club, qui connaît la maison.",
     {("Marc Tessier", "AS Valmont", "ancien attaquant")}),
    # an organisation written right after the title
    ("La déléguée syndicale CFDT, Nadia Perrin, réclame des garanties.",
     {("Nadia Perrin", "CFDT", "délégué")}),
    # a bare business title in apposition: the organisation in focus
    ("La société Brivex a levé trois millions d'euros. Anne Morel, directrice financière, quittera l'entreprise en juin.",
     {("Anne Morel", "Brivex", "directeur financier")}),
    ("Vostra ouvre une usine. Paul Garnier, cofondateur et directeur technique, supervise le chantier.",
     {("Paul Garnier", "Vostra", "cofondateur"), ("Paul Garnier", "Vostra", "directeur technique")}),
    ("L'ancienne ministre Claire Vidal, aujourd'hui présidente du think tank Terra Nostra, critique le texte.",
     {("Claire Vidal", "Terra Nostra", "président")}),
    # an anaphor opening a sentence points back to the organisation of the sentence before
    ("Vostra lève 10 millions. Vostra recrute. Le podium se complète avec Pramo, basée à Lille. "
     "La société, dirigée par Julie Caron, vise l'Espagne.",
     {("Julie Caron", "Pramo", "dirigeant")}),
    # an anaphor noun held by an organisation's name points to that organisation
    ("Le cabinet Vexa publie une étude. L'université de Caen répond. Le président de l'université, Marc Dorin, conteste.",
     {("Marc Dorin", "université de Caen", "président")}),
    ("L'AS Brévanne a perdu samedi. Kevin Laporte, capitaine de l'équipe, reste confiant pour la suite.",
     {("Kevin Laporte", "AS Brévanne", "capitaine")}),
    # a sentence opening with a bare title and a name: the organisation in focus
    ("Le FC Brévan a battu Dax samedi. Le directeur sportif, Luc Arnal, salue le travail du groupe.",
     {("Luc Arnal", "FC Brévan", "directeur sportif")}),
    # a person descriptor between 'par' and the name
    ("Le groupe Hexalis, dirigé par l'homme d'affaires Paul Vernet, se retire du capital.",
     {("Paul Vernet", "Hexalis", "dirigeant")}),
]

ROLE_PROSE_NEGATIVES = [
    # a founder's own title is no organisation
    ("Cofondée en 2021 par Léa Brun, CEO, et Marc Viel, CTO, la jeune pousse compte 30 salariés.", "CTO"),
    # 'du groupe toscan' is another group than the one in focus
    ("Le fabricant Laverne est racheté. « C'est une chance », dit Piero Conti, le directeur du groupe toscan, à Prato.", "Laverne"),
]


@pytest.mark.parametrize("text,org", ROLE_PROSE_NEGATIVES)
def test_role_prose_negatives(make_doc, text, org):
    assert not any(o == org for _, o in _pairs(make_doc, text, "role"))


@pytest.mark.parametrize("text,expected", ROLE_PROSE_CASES)
def test_role_prose_cases(make_doc, text, expected):
    found = {(s, o, a) for s, _, o, a in _triples(make_doc, text, "role")}
    assert expected <= found, found


# ---- unseen prose (fresh held-out lessons: nominations, appointments, press releases) ----------
ROLE_UNSEEN_CASES = [
    # an anaphor noun with a lowercase description before the name: the name
    ("Lucie Garnier, la fondatrice de l'agence de design Motiva, ouvre un bureau à Nantes.",
     {("Lucie Garnier", "Motiva", "fondateur")}),
    # a contracted article before the title: an inversion
    ("Le jury réunissait des entrepreneurs, à l'instar du fondateur de Pixmo, Bastien Laurent.",
     {("Bastien Laurent", "Pixmo", "fondateur")}),
    # an adverbial phrase between the apposition's comma and the title
    ("Élodie Brun, jusqu'ici directrice générale de Terravia, quitte le groupe.",
     {("Élodie Brun", "Terravia", "directeur général")}),
    # a caption: title, organisation, colon, names; demonyms before the names of an inversion
    ("Les deux cofondateurs de Vélomix : Paul Arnaud et Chloé Martin.",
     {("Paul Arnaud", "Vélomix", "cofondateur"), ("Chloé Martin", "Vélomix", "cofondateur")}),
    ("Les cofondateurs de Vélomix, le Suisse Paul Arnaud et la Française Chloé Martin, ont signé.",
     {("Paul Arnaud", "Vélomix", "cofondateur"), ("Chloé Martin", "Vélomix", "cofondateur")}),
    # an English title in sentence case
    ("C'est Inès Morel, actuellement Chief operating officer de Brightly, qui prendra le poste.",
     {("Inès Morel", "Brightly", "COO")}),
    # a press-release signature: the organisation after the titles closes the sentence
    ("« Nous sommes ravis », a déclaré Marc Tremblay, président et chef de la direction, Norvik Inc.",
     {("Marc Tremblay", "Norvik Inc", "président"), ("Marc Tremblay", "Norvik Inc", "chef de la direction")}),
    # a copula after the subject's apposition; a copula with an adjunct before the title
    ("Sophie Lenoir, ancienne directrice de Valtek, devient présidente de Verdalis.",
     {("Sophie Lenoir", "Valtek", "ancien directeur"), ("Sophie Lenoir", "Verdalis", "président")}),
    ("Luc Besnard a été élu à l'unanimité des administrateurs, président de Sylvalis.",
     {("Luc Besnard", "Sylvalis", "président")}),
    # il/elle after one person was named: that person
    ("Nathalie Caron quitte Orbital après six ans. Elle a été nommée directrice générale de Ventura.",
     {("Nathalie Caron", "Ventura", "directeur général")}),
    # a copular relative clause opened by 'dont' belongs to the organisation before it
    ("Bernard Lenoir a débuté chez Kelvo. Il a ensuite rejoint Textilia, dont il a été le président du directoire.",
     {("Bernard Lenoir", "Textilia", "président du directoire")}),
    # an appointment: the post is at the appointing organisation; the apposition keeps its own
    ("Le groupe Arvalis vient de nommer Didier Masson, ex-directeur de Primeo, au poste de directeur financier.",
     {("Didier Masson", "Arvalis", "directeur financier"), ("Didier Masson", "Primeo", "ex-directeur")}),
    # a bare title after comme / en tant que: the post of the clause's subject
    ("Julie Andrieu a débuté chez Carrefour, notamment comme directrice du marketing de Promodis.",
     {("Julie Andrieu", "Promodis", "directeur")}),
    # a bare title with a lowercase domain after a short untitled member: the organisation in focus
    ("Le groupe Kelvia change de directeur général. Paul Martin, qui occupait le poste depuis 2014, "
     "est remplacé par Jean Dubois, son adjoint et directeur de production.",
     {("Jean Dubois", "Kelvia", "directeur")}),
    # joining: a time adjunct before the marker; a relative clause on the organisation joined
    ("Julie Roux a rejoint Kelvio en 2019 comme directrice commerciale.",
     {("Julie Roux", "Kelvio", "directeur commercial")}),
    ("Julie Roux siège au comité de direction de Kelvio, qu'elle a rejoint en 2019 en tant que directrice "
     "de la stratégie.",
     {("Julie Roux", "Kelvio", "directeur")}),
    # the holders of a definite plural title listed in parentheses: the organisation in focus
    ("La société Kelvio lève des fonds. Le capital est détenu à 45 % par les trois cofondateurs "
     "(Paul Roux, Marc Petit, Anne Vidal) et à 40 % par les fonds.",
     {("Paul Roux", "Kelvio", "cofondateur"), ("Marc Petit", "Kelvio", "cofondateur"),
      ("Anne Vidal", "Kelvio", "cofondateur")}),
    # 'à la présidence de X' next to its holder, like 'à la tête de X'
    ("L'arrivée de Marc Petit à la présidence de Kelvio a surpris les salariés.",
     {("Marc Petit", "Kelvio", "président")}),
    # an infinitive copula ('pour être'): the subject of the governing verb
    ("Après son départ de Lyon, Laure Vidal était retournée à Paris pour être directrice exécutive "
     "en charge des opérations de Kelvio.",
     {("Laure Vidal", "Kelvio", "directeur exécutif")}),
    # a numeral inside the subject's apposition does not stop the copula
    ("Jacques Morin, patron de la section Medef 84, devient président de Verdalis.",
     {("Jacques Morin", "Verdalis", "président")}),
    # a coordinated complement names the organisation after an unnamed one
    ("Sonia Perret, gérante d'un cabinet d'architectes mais aussi de Bâtir Ensemble, présente le projet.",
     {("Sonia Perret", "Bâtir Ensemble", "gérant")}),
]

ROLE_UNSEEN_NEGATIVES = [
    # a place after à is where the post is, not an organisation
    ("Marc Dujardin, ambassadeur de France au Chili, a reçu la délégation.", "Chili"),
    # an indefinite complement names no organisation: the name after it is a sector
    ("Karim Dali, directeur d'une société du CAC 40, s'inquiète de la réforme.", "CAC 40"),
    # 'la société' is not an organisation that merely contains the word ('Société Générale')
    ("Kelvio a ouvert un compte à la Société Générale. Kelvio recrute. Le PDG de la société, Paul Marin, "
     "s'en félicite.", "Société Générale"),
    # il/elle with two persons named before: unclear, no role
    ("Paul Roy et Marc Simon se sont rencontrés à Lyon. Il a été nommé directeur de Ventura.", "Ventura"),
    # a pronoun whose gender does not fit the only person named before
    ("Paul Roy a quitté Lyon. Elle a été nommée directrice de Ventura.", "Ventura"),
    # a bare title after comme whose clause subject is an organisation: no person, no role
    ("Kelvio intervient comme conseiller de Brivo depuis deux ans.", "Brivo"),
]


@pytest.mark.parametrize("text,expected", ROLE_UNSEEN_CASES)
def test_role_unseen_cases(make_doc, text, expected):
    found = {(s, o, a) for s, _, o, a in _triples(make_doc, text, "role")}
    assert expected <= found, found


@pytest.mark.parametrize("text,org", ROLE_UNSEEN_NEGATIVES)
def test_role_unseen_negatives(make_doc, text, org):
    assert not any(o == org for _, o in _pairs(make_doc, text, "role"))


# ---- founded / acquired / partner in unseen prose ---------------------------------------------
FOUNDED_UNSEEN_CASES = [
    # a founder's title states a founding (no date)
    ("Julie Roy, cofondatrice de Pixmo, présente sa levée.", {("Julie Roy", "Pixmo", None)}),
    ("Le créateur de Vélomix, Paul Arnaud, se réjouit.", {("Paul Arnaud", "Vélomix", None)}),
    # 'co-fonder' (hyphenated lemma), a year before the object, il after one person named
    ("Paul Arnaud connaît le secteur. Il a co-fondé en 2012 la start-up Kelvio, revendue depuis.",
     {("Paul Arnaud", "Kelvio", "2012")}),
]


@pytest.mark.parametrize("text,expected", FOUNDED_UNSEEN_CASES)
def test_founded_unseen_cases(make_doc, text, expected):
    rels = [r for r in extract_relations(make_doc(text)) if r.predicate == "founded"]
    assert expected <= {(r.subject.name, r.object.name, r.date) for r in rels}


def test_founded_title_keeps_the_stated_date(make_doc):
    """A founding stated with its date later in the article is the one kept for the pair."""
    text = ("Julie Roy, cofondatrice de Pixmo, présente sa levée. "
            "Pixmo, fondée en 2019 par Julie Roy, compte 40 salariés.")
    rels = [r for r in extract_relations(make_doc(text)) if r.predicate == "founded"]
    assert [(r.subject.name, r.object.name, r.date) for r in rels] == [("Julie Roy", "Pixmo", "2019")]


FOUNDED_NEGATIVES += [
    "Julie Roy, directrice de Pixmo, présente sa levée.",  # not a founder's title
    "Paul Roy et Marc Simon connaissent le secteur. Il a co-fondé en 2012 la start-up Kelvio.",  # unclear il
]


@pytest.mark.parametrize("text,expected", [
    # lowercase adjectives between the noun and the name
    ("Le rachat de la start-up belgo-suisse Kelvio par Cegid est confirmé.", ("Cegid", "Kelvio")),
    ("Cegid rachète le groupe pharmaceutique Vetalis.", ("Cegid", "Vetalis")),
])
def test_acquired_unseen_cases(make_doc, text, expected):
    assert expected in _pairs(make_doc, text, "acquired")


@pytest.mark.parametrize("text,expected", [
    # the partnership noun inside an object noun phrase ('un protocole d'accord')
    ("Renault et Stellantis ont signé un protocole d'accord non contraignant.", ("Renault", "Stellantis")),
    ("Airbus et Thales ont conclu un accord de coopération à long terme.", ("Airbus", "Thales")),
])
def test_partner_unseen_cases(make_doc, text, expected):
    assert expected in _pairs(make_doc, text, "partner")


ROLE_UNSEEN_CASES_2 = [
    # an institution noun closing the complement: the organisation named earlier that it heads
    ("L'Assemblée des entrepreneurs du Jura recrute. Nommée en juillet, Léa Moreau entrera en fonction "
     "en août au poste de directrice générale de l'assemblée.",
     {("Léa Moreau", "Assemblée des entrepreneurs du Jura", "directeur général")}),
    # a bare title right after an appointment participle: the organisation in focus
    ("Kelvia renouvelle sa direction. Ulrich Morin (40 ans) est nommé directeur général.",
     {("Ulrich Morin", "Kelvia", "directeur général")}),
    # a copula coordinated with the subject's first verb
    ("Là aussi, Stéphane Rivière, directeur général, regroupera les deux fonctions et deviendra PDG de Kelvia.",
     {("Stéphane Rivière", "Kelvia", "PDG")}),
    # 'à la direction de X' next to its holder
    ("La nomination met un terme à l'intérim assuré par Manuella Roux à la direction de la Fondation Kelvia.",
     {("Manuella Roux", "Fondation Kelvia", "dirigeant")}),
    # a chain of appositions: the person before the first member
    ("Paul Roy, fondateur de Kelvio, PDG de Brivo, était présent.",
     {("Paul Roy", "Kelvio", "fondateur"), ("Paul Roy", "Brivo", "PDG")}),
    ("Le jury a retenu Isabelle Morin, diplômée de Sciences Po, Maître de conférences en droit public à "
     "l'Université de Brest, pour le poste.",
     {("Isabelle Morin", "Université de Brest", "maître de conférences")}),
    # a sentence opening with an appointment participle: the person after its comma
    ("Élu président de Kelvia en août, l'avocat Raphaël Morin a annoncé la nomination.",
     {("Raphaël Morin", "Kelvia", "président")}),
    ("Nommé PDG de Kelvio en 2019, Paul Roy a doublé les ventes.", {("Paul Roy", "Kelvio", "PDG")}),
    # a post at a unit of an organisation is a post at the organisation
    ("Paul Arnaud doit prendre la direction de la division internationale de Kelvio.",
     {("Paul Arnaud", "Kelvio", "dirigeant")}),
]


@pytest.mark.parametrize("text,expected", ROLE_UNSEEN_CASES_2)
def test_role_unseen_cases_2(make_doc, text, expected):
    found = {(s, o, a) for s, _, o, a in _triples(make_doc, text, "role")}
    assert expected <= found, found


@pytest.mark.parametrize("text,org", [
    # a recognised place is no organisation, whatever the preposition
    ("C'est sur sa page que l'ancien président de l'ex-région Haute-Normandie, Nicolas Martin, a parlé.",
     "Haute-Normandie"),
])
def test_role_unseen_negatives_2(make_doc, text, org):
    assert not any(o == org for _, o in _pairs(make_doc, text, "role"))


@pytest.mark.parametrize("text,predicate,expected", [
    # the name after a description's 'de' is a place; the actor follows in apposition
    ("Kelvio a annoncé l'acquisition de la firme suédoise de Malmö, Brivo AB, pour deux milliards.",
     "acquired", ("Kelvio", "Brivo AB")),
    # a company name starting with a lowercase letter
    ("Le groupe Arvalis renforce son pôle avec l'acquisition de la jeune société iNovalys.",
     "acquired", ("Arvalis", "iNovalys")),
    # a rare demonym between the noun and the name (tagged X by the parser)
    ("Fondée en 2014 par Christophe Sarrel, la start-up villeurbannaise Navelia fabrique des robots.",
     "founded", ("Christophe Sarrel", "Navelia")),
    # a title between 'par' and the founder
    ("Vélomix, cofondée par son directeur général Paul Arnaud, s'étend en Europe.",
     "founded", ("Paul Arnaud", "Vélomix")),
])
def test_frames_unseen_cases(make_doc, text, predicate, expected):
    assert expected in _pairs(make_doc, text, predicate)


def test_place_after_a_description_is_not_acquired(make_doc):
    assert _pairs(make_doc, "Kelvio a décidé de racheter la startup de Lyon.", "acquired") == set()


ROLE_UNSEEN_CASES_3 = [
    # 'du club' followed by the holder's name: the club in focus, the name is the holder
    ("Le FC Valmont recrute encore. Le FC Valmont a confirmé après que le président du club Josep Marti "
     "a validé la signature.",
     {("Josep Marti", "FC Valmont", "président")}),
    # an area between the title and its organisation
    ("« Tout va bien », précise Joël Durand, délégué pour l'Ouest du capital-investisseur Siparex.",
     {("Joël Durand", "Siparex", "délégué")}),
    # a demonstrative anaphor: the organisation just named
    ("Le marché est soutenu par des banques dont Kelvia Banque. « Tout va bien », constate Paul Morel, "
     "PDG de cette banque à forte clientèle d'entreprises.",
     {("Paul Morel", "Kelvia Banque", "PDG")}),
    # a title opening a sentence with a reflexive verb: the one person of the sentence before
    ("On est chez Kelvio, une société d'investissement. C'est Miguel Fontaine qui nous reçoit. "
     "L'associé gérant de Kelvio se repère facilement.",
     {("Miguel Fontaine", "Kelvio", "associé")}),
    ("Christian Thiou, 61 ans, membre du Board de Brivo, témoigne.", {("Christian Thiou", "Brivo", "administrateur")}),
    # a bare title before a name: the clearly leading organisation of the article
    ("Le FC Valmont a signé Paul Roy. Le FC Valmont confirme qu'il succède à l'ancien entraîneur Marc Setin.",
     {("Marc Setin", "FC Valmont", "ancien entraîneur")}),
]


@pytest.mark.parametrize("text,expected", ROLE_UNSEEN_CASES_3)
def test_role_unseen_cases_3(make_doc, text, expected):
    found = {(s, o, a) for s, _, o, a in _triples(make_doc, text, "role")}
    assert expected <= found, found


@pytest.mark.parametrize("text", [
    # 'le président X' often names a head of state: never the organisation in focus
    "Le FC Valmont a signé Paul Roy. Le FC Valmont confirme que le président Emmanuel Macron a salué le club.",
    # no clearly leading organisation: a bare title before a name gives nothing
    "Kelvio et Brivo ont signé. Elles saluent l'ancien entraîneur Marc Setin.",
])
def test_bare_title_before_a_name_needs_a_clear_organisation(make_doc, text):
    assert _triples(make_doc, text, "role") == set()


def test_founded_relative_clause_before_its_subject(make_doc):
    """'Avec X, la start-up qu'il a créée en 2019, Paul Roy …': il is the subject after the clause."""
    rels = extract_relations(make_doc("Avec Kelvio, la start-up qu'il a créée au mois d'octobre 2019, Paul Roy vise l'Europe."))
    assert {(r.subject.name, r.object.name, r.date) for r in rels if r.predicate == "founded"} == {("Paul Roy", "Kelvio", "2019-10")}


@pytest.mark.parametrize("text,predicate,expected", [
    # a founding participle coordinated with another member of the apposition
    ("Selon Kelvia, la société Brivo, forte d'un effectif de 50 personnes et fondée par Thierry Morel, croît vite.",
     "founded", ("Thierry Morel", "Brivo")),
    # a company name starting with a lowercase letter, before such an apposition
    ("Selon Kelvia, la société iNovalys, forte de 20 salariés et fondée par Paul Roy, recrute.",
     "founded", ("Paul Roy", "iNovalys")),
    # 'de ses fonctions de TITLE': the person whose functions they are
    ("Le conseil de Kelvio a décidé la révocation de Francis Leroy de ses fonctions de PDG de la société.",
     "role", ("Francis Leroy", "Kelvio")),
    ("Paul Roy a été démis de ses fonctions de directeur général de Kelvio.", "role", ("Paul Roy", "Kelvio")),
])
def test_unseen_cases_4(make_doc, text, predicate, expected):
    assert expected in _pairs(make_doc, text, predicate)


@pytest.mark.parametrize("text,expected", [
    # a qualifier after a bare title in apposition; a definite article before it
    ("Le CHU de Brest recrute. L'intérim assuré par Anne Ferrand, directrice générale adjointe auparavant, "
     "avait fait polémique.", ("Anne Ferrand", "CHU de Brest")),
    ("Le poste de directeur général du CHU de Brest devrait revenir à Paul Roy. Un choix opéré au détriment "
     "de Lionel Carel, l'actuel directeur général par intérim.", ("Lionel Carel", "CHU de Brest")),
])
def test_bare_apposition_with_qualifier(make_doc, text, expected):
    assert expected in _pairs(make_doc, text, "role")


# ---- fifth held-out batch (hospitals, sport federations, school boards, M&A) ----------------------
ROLE_UNSEEN_CASES_5 = [
    # a possessive title in an incise after the main clause: the main clause's organisation subject
    ("La start-up Belcam a levé 3 millions d'euros auprès du fonds Capitalix, a annoncé son fondateur Paul Martin.",
     ("Paul Martin", "Belcam")),
    ("La société Datavia rachète la start-up Numérix, a indiqué son PDG Marie Durand.", ("Marie Durand", "Datavia")),
    # the noun of an appointment verb: the post is at the governing verb's subject
    ("La banque Orvalis annonce la nomination de Sophie Marchand au poste de directrice générale.",
     ("Sophie Marchand", "Orvalis")),
    # adverbial phrases before an apposed or copular title
    ("Luc Ferrand, jusqu'alors directeur général de Tramelec, rejoint le groupe.", ("Luc Ferrand", "Tramelec")),
    ("Claire Noblet, ancienne directrice générale adjointe de Vortalis, prend la tête de la filiale.",
     ("Claire Noblet", "Vortalis")),
    ("Il s'agit de Nadia Ferrand, qui était jusqu'à tout récemment directrice de la clinique Belvédère.",
     ("Nadia Ferrand", "clinique Belvédère")),
    # a participle apposition
    ("Marc Vidal, nommé directeur général de Kestrel en 2019, a quitté le groupe.", ("Marc Vidal", "Kestrel")),
    # an unrecognised institution named after its place
    ("Ou encore Jean-Pierre Dubreuil, DG du CHU de Limoges.", ("Jean-Pierre Dubreuil", "CHU de Limoges")),
    # a parenthesised acronym between the organisation and the inverted name
    ("Il succède à Marc Voisin, a annoncé le président de la Ligue nationale de rugby (LNR), Frédéric Gaudin.",
     ("Frédéric Gaudin", "Ligue nationale de rugby")),
    # a bare title coordinated after a titled apposition shares its organisation
    ("Elle rejoint l'équipe formée de Caroline Duval, directrice générale de la Commission des Patriotes, "
     "et de Daniel Gagnon, directeur général adjoint.", ("Daniel Gagnon", "Commission des Patriotes")),
    # post verbs and markers
    ("Christophe Moret a occupé le poste de secrétaire général du CHU de Bordeaux.",
     ("Christophe Moret", "CHU de Bordeaux")),
    ("Le FC Lorient change de tête. Le club précise que Patrick Lenoir conservera son poste de PDG par intérim.",
     ("Patrick Lenoir", "FC Lorient")),
    # 'prendre la direction de l'hôpital de X', 'prendre ses fonctions à la tête du CHU de X'
    ("Jean Valmont a pris la direction de l'hôpital de Vierzon cette semaine.", ("Jean Valmont", "hôpital de Vierzon")),
    ("Paul Marin doit prendre ses fonctions à la tête du CHU de Tours en septembre.", ("Paul Marin", "CHU de Tours")),
    # 'assurer la direction (par intérim) de X' in a relative after an apposition
    ("Il succèdera à Jean-Patrick Lemaire, directeur de l'hôpital Saint-Louis, qui assurait depuis 2011 la "
     "direction par intérim du CHRA.", ("Jean-Patrick Lemaire", "CHRA")),
    # 'le groupe éponyme': the organisation named like the person
    ("Le rachat de Nivol par Ardent est bouclé. Président du groupe éponyme, Jean-Louis Nivol conserve ses "
     "responsabilités.", ("Jean-Louis Nivol", "Nivol")),
    # a lowercase word qualifying the title before the organisation
    ("Omar Talbi est actuellement directeur des opérations football du City Football Group.",
     ("Omar Talbi", "City Football Group")),
    # a fronted title before il/elle; pronouns carried over sentences without a name
    ("La candidature de Christophe Marin a été validée. Directeur du centre hospitalier de Vierzon depuis "
     "septembre 2022, il prendra ses fonctions en septembre.", ("Christophe Marin", "centre hospitalier de Vierzon")),
    ("Christophe Marin a été choisi. Diplômé de Sciences Po, il débute à l'hôpital Bichat à Paris. "
     "Il est alors directeur de l'hôpital Laennec.", ("Christophe Marin", "hôpital Laennec")),
    # a capacity title placed by the clause ('débute à l'hôpital X comme ...'); named institutions
    ("Christophe Marin a été choisi. Diplômé de Sciences Po, il débute à l'hôpital de la Pitié Salpêtrière à "
     "Paris comme directeur adjoint des finances.", ("Christophe Marin", "Pitié Salpêtrière")),
    ("Paul Martin, directeur du centre hospitalier parisien Saint-Joseph, a démissionné.",
     ("Paul Martin", "centre hospitalier parisien Saint-Joseph")),
]


@pytest.mark.parametrize("text,expected", ROLE_UNSEEN_CASES_5)
def test_role_unseen_cases_5(make_doc, text, expected):
    assert expected in _pairs(make_doc, text, "role")


@pytest.mark.parametrize("text,org", [
    # an organisation cited only as a source is never the one an anaphor or a possessive stands for
    ("Selon Le Figaro, la firme a recruté cent personnes. Les cofondateurs du logiciel de paie, Jean Roux et "
     "Paul Vidal, sont satisfaits.", "Le Figaro"),
    ("Kestrel recrute. D'après Les Echos, l'entreprise vise la Bourse. Son PDG, Paul Marin, confirme.", "Les Echos"),
    ("Kestrel recrute, rapporte TechCrunch. Son PDG, Paul Marin, confirme.", "TechCrunch"),
    # an indefinite description the NER took for a name; a possibility is no post
    ("Marc Dufour, directeur d'un centre hospitalier de Seine-Saint-Denis, a parlé.",
     "centre hospitalier de Seine-Saint-Denis"),
    ("Marc Dufour pourrait prendre la tête du Centre hospitalier de Corbeil.", "Centre hospitalier de Corbeil"),
    # the incise rule needs the main clause's organisation subject: the investor is never the possessor
    ("La start-up Belcam a levé 3 millions d'euros auprès du fonds Capitalix, a annoncé son fondateur Paul Martin.",
     "Capitalix"),
    # an unnamed institution after a title is no domain of a bare title
    ("Le groupe Kestrel recrute. Marie Jarrot, présidente du conseil de surveillance du centre hospitalier, a parlé.",
     "Kestrel"),
])
def test_role_unseen_negatives_5(make_doc, text, org):
    assert org not in {o for _, o in _pairs(make_doc, text, "role")}


def test_coordinated_person_is_no_listed_organisation(make_doc):
    """'A, directrice de X, et Nancy Roy, …': a mistyped person after 'et' is no second organisation."""
    pairs = _pairs(make_doc, "Caroline Duval, directrice générale de la Commission des Patriotes, et Nancy Ferland, "
                             "nouvellement nommée directrice générale adjointe.", "role")
    assert ("Caroline Duval", "Nancy Ferland") not in pairs and ("Caroline Duval", "Commission des Patriotes") in pairs


@pytest.mark.parametrize("text,predicate,expected", [
    # a passive agent after a description ('par son concurrent britannique X', 'par l'Américain X')
    ("Récemment, Trajo a été racheté par son concurrent britannique Railix, Movo s'est offert Clipsa et Brevo, "
     "une start-up parisienne, a été absorbé par l'Américain Hirely.", "acquired", ("Railix", "Trajo")),
    ("Récemment, Trajo a été racheté par son concurrent britannique Railix, Movo s'est offert Clipsa et Brevo, "
     "une start-up parisienne, a été absorbé par l'Américain Hirely.", "acquired", ("Hirely", "Brevo")),
    # 'elle-même absorbée plus tard par X'
    ("Même enchaînement chez Kagnot. Intégré à Benefo, elle-même absorbée plus tard par Swilo, le service a changé.",
     "acquired", ("Swilo", "Benefo")),
    # a definite description of the company in focus opening the sentence
    ("Vulka recrute. Le spécialiste des technologies d'autopartage (100 salariés), fondé en 2006 par Georges Morel "
     "et David Leroy à Nice, vient de boucler un tour de table.", "founded", ("Georges Morel", "Vulka")),
    # a paragraph opened by 'Quant à X,' speaks of X
    ("Fruitel a été vendue à Bumblo.\nQuant à Withor, le cas est emblématique. Le groupe Nokor s'essouffle. "
     "« Il fallait aller vite », raconte Eric Carrel, qui reprend l'entreprise qu'il avait cofondée.",
     "founded", ("Eric Carrel", "Withor")),
])
def test_frames_unseen_cases_5(make_doc, text, predicate, expected):
    assert expected in _pairs(make_doc, text, predicate)


def test_comma_joined_clauses_are_no_coordinated_subjects(make_doc):
    """'A a été racheté par B, C s'est offert D': B is no second buyer of D (commas join clauses)."""
    pairs = _pairs(make_doc, "Récemment, Trajo a été racheté par son concurrent Railix, Movo s'est offert Clipsa.",
                   "acquired")
    assert ("Movo", "Clipsa") in pairs and ("Railix", "Clipsa") not in pairs


ROLE_UNSEEN_CASES_6 = [
    # the appointment noun with a short adjunct; a nominated person's post in a sentence naming the organisation
    ("Le groupe industriel Varenne a annoncé jeudi la nomination avec effet immédiat de Salvador Lima au poste "
     "de directeur général adjoint.", ("Salvador Lima", "Varenne")),
    ("Le président de Kestrel, Jean Sorel, attend, après la révocation de Thierry Balland et la nomination de "
     "Clotilde Demas comme directrice générale par intérim.", ("Clotilde Demas", "Kestrel")),
    # 'X deviendra directeur général (à partir du …)' in a que-clause: the announcing organisation
    ("Imeris annonce ce mercredi qu'Alessandro Danza deviendra directeur général à partir du 17 février.",
     ("Alessandro Danza", "Imeris")),
    # a bare title with a lowercase 'à la X' domain after 'est nommé' / 'devient'
    ("Vortalis a annoncé deux nominations. Thierry Bollard est nommé directeur délégué à la compétitivité, tandis "
     "que Jérôme Stahl devient directeur délégué à la performance, précise le groupe.", ("Jérôme Stahl", "Vortalis")),
    ("Vortalis a annoncé deux nominations. Thierry Bollard est nommé directeur délégué à la compétitivité, tandis "
     "que Jérôme Stahl devient directeur délégué à la performance, précise le groupe.", ("Thierry Bollard", "Vortalis")),
    # a time adjunct between the appointment verb and the title; the subject of the sentence before
    ("Thierry Balland, 56 ans, était l'un des proches de Carlos Gomez. Jusqu'ici directeur général délégué, il "
     "avait été nommé en janvier directeur général de Kestrel.", ("Thierry Balland", "Kestrel")),
    # 'assurer la direction générale du groupe': the group in focus
    ("Le groupe Imeris change de tête. Patrick Kroll, qui assure la direction générale du groupe pour une période "
     "intérimaire, restera.", ("Patrick Kroll", "Imeris")),
    # a bare coordinated title after a qualifier ('par intérim, et de B, président du conseil d'administration')
    ("Faurex est dirigé par un tandem composé de Frank Imhof, directeur général par intérim, et de Jean-Claude "
     "Hamon, président du conseil d'administration.", ("Jean-Claude Hamon", "Faurex")),
    # 'dont il a été TITLE' after a parenthesis; a bare title before a name after 'du'
    ("Laurent Favier a travaillé chez Bentor (pièces de structure), dont il a été directeur général de la "
     "division automobile.", ("Laurent Favier", "Bentor")),
    ("Renaldo recrute. Les deux hommes seront placés sous l'autorité du PDG Carlos Gomez.", ("Carlos Gomez", "Renaldo")),
    ("Le codirecteur général de Plastika, Jean-Michel Szabo, quitte ses fonctions.", ("Jean-Michel Szabo", "Plastika")),
]


@pytest.mark.parametrize("text,expected", ROLE_UNSEEN_CASES_6)
def test_role_unseen_cases_6(make_doc, text, expected):
    assert expected in _pairs(make_doc, text, "role")


@pytest.mark.parametrize("text,org", [
    # a condition is no post
    ("Paul Roy dirige Kestrel. S'il est nommé à la tête du CHSF, il succèdera à Marc Blanc.", "CHSF"),
    # a public body named after its place is no institution name ('conseil' is not 'hôpital')
    ("Paul Roy, président du conseil départemental de la Manche, a parlé.", "conseil départemental de la Manche"),
])
def test_role_unseen_negatives_6(make_doc, text, org):
    assert org not in {o for _, o in _pairs(make_doc, text, "role")}


ROLE_UNSEEN_CASES_7 = [
    # a present participle inside the apposition before a passive appointment
    ("Le congrès de l'Université de Valmont a élu ses vice-présidents. Ainsi, Michel Denier, enseignant en "
     "théologie, a été élu premier vice-président.", ("Michel Denier", "Université de Valmont")),
    # 'réélu'; a hyphenated name the NER missed
    ("Eric Bertin a été réélu président d'Aix-Valmont Université en janvier 2024.", ("Eric Bertin", "Aix-Valmont Université")),
    # a definite bare title and a comma before the name, after 'à' ('succédera à l'actuel recteur, X')
    ("Le conseil de l'Université de Valmont a voté. Nouria Hernand succédera à l'actuel recteur, Dominique "
     "Arlaud, en août.", ("Dominique Arlaud", "Université de Valmont")),
    # a parenthesis between the organisation and the inverted name
    ("Caroline Noël a passé le témoin au directeur de l'IAE (l'école de management de l'Upec), Arnaud Thaurin.",
     ("Arnaud Thaurin", "IAE")),
    # a later member of a fronted apposition list
    ("Professeur des universités, ancien directeur de l'Institut des Sciences du Mouvement, Éric Bertin était "
     "présent.", ("Éric Bertin", "Institut des Sciences du Mouvement")),
    # a plural bare title before a list of names: the clearly leading organisation
    ("Lancé en 2016, l'accélérateur The Refiners a accueilli deux promotions. Quelle est la recette des "
     "fondateurs Géraldine Le Moal, Carlos Dias et Pierre Gaudin ?", ("Carlos Dias", "The Refiners")),
]


@pytest.mark.parametrize("text,expected", ROLE_UNSEEN_CASES_7)
def test_role_unseen_cases_7(make_doc, text, expected):
    assert expected in _pairs(make_doc, text, "role")


def test_institution_name_is_no_person(make_doc):
    """'président de l'université Reims Champagne-Ardenne, le président de France Universités': the
    capitalised words after 'université' name it; they are no person holding the second title."""
    pairs = _pairs(make_doc, "Guillaume Gellier, président de l'université Reims Champagne-Ardenne, le président "
                             "de France Universités, est entouré de ses vice-présidents.", "role")
    assert ("Guillaume Gellier", "France Universités") in pairs
    assert not any(p.startswith("Reims") for p, _ in pairs)


def test_possessive_after_a_description_named_earlier(make_doc):
    """'… l'acquisition du pionnier X, Withor. Racheté par Norvia, le pionnier X passe … . Ses fondateurs,
    A et B, …': the founders are Withor's (the description named earlier), not the buyer's."""
    text = ("Ce mardi, Norvia a annoncé l'acquisition du pionnier français des objets connectés, Withor. Racheté par "
            "Norvia pour 170 millions d'euros, le pionnier français des objets connectés passe sous pavillon "
            "finlandais. Ses fondateurs, Eric Carrel et Cédric Hutin, vont toucher le gros lot.")
    pairs = _pairs(make_doc, text, "role")
    assert ("Eric Carrel", "Withor") in pairs and ("Eric Carrel", "Norvia") not in pairs


def test_listed_members_keep_their_own_posts_in_parentheses(make_doc):
    """'ses deux vice-présidents : A (présidente de X) et B (président de Y)': both hold the plural title."""
    pairs = _pairs(make_doc, "Gaël Morvan, le président de France Universités, est entouré de ses deux "
                             "vice-présidents : Sylvie Dupraz (présidente de l'Université Bretagne Sud) et Erwan "
                             "Kerlo (président de l'Université de Bordeaux).", "role")
    assert {("Sylvie Dupraz", "France Universités"), ("Erwan Kerlo", "France Universités"),
            ("Sylvie Dupraz", "Université Bretagne Sud")} <= pairs


ROLE_UNSEEN_CASES_8 = [
    # a plural multi-word title ('membres du conseil d'administration'), a quantifier and a parenthesis per name
    ("Jeanne Roussel (Lorraine), Paul Batisse (Norvalis) et Louis Ferrand (Val de Seine), tous membres du conseil "
     "d'administration du groupe Michelin, ont voté contre.", ("Paul Batisse", "Michelin")),
    ("Jeanne Roussel et Paul Batisse, tous deux cofondateurs de Doctolib, ont pris la parole.",
     ("Paul Batisse", "Doctolib")),
    # a committee membership
    ("Par ailleurs, Célia Morand, membre du comité stratégique de Carrefour, quitte le groupe.",
     ("Célia Morand", "Carrefour")),
    # an acronym title written capitalised, coordinated with a second title
    ("Marc Dubreuil, ancien Pdg et actuel président du conseil de surveillance de Danone, a pris la parole.",
     ("Marc Dubreuil", "Danone")),
    # a dated day between the copula and the title
    ("Pendant ce temps, Julien Marchal deviendra le 1er avril directeur général de Natixis.", ("Julien Marchal", "Natixis")),
    # an inverted copula: the title is the subject, the name the attribute
    ("Le nouveau PDG de Renault est Luc Bernardin.", ("Luc Bernardin", "Renault")),
    ("Danone a présenté ses comptes. Le troisième directeur général délégué est Claire Vautrin, seule rescapée de "
     "l'ancienne équipe.", ("Claire Vautrin", "Danone")),
    # a short incise between the appointment verb and the appointee; an anaphor subject appoints for the topic
    ("Airbus a nommé, à l'unanimité, Marc Olivier au poste de PDG.", ("Marc Olivier", "Airbus")),
    ("Le conseil d'Airbus s'est réuni. Le groupe a décidé de nommer, à l'unanimité, Marc Olivier au poste de PDG.",
     ("Marc Olivier", "Airbus")),
    # 'prendre / quitter le poste de', the organisation left named before 'et son poste de'
    ("Chez Danone, Anne Lemoine prend le poste de directrice générale et remplace Paul Simon.", ("Anne Lemoine", "Danone")),
    ("Anne Lemoine quitte Danone, et son poste de présidente du directoire.", ("Anne Lemoine", "Danone")),
    ("Début janvier, Jean Morel doit quitter la barre de Naval Group et partir à la retraite.", ("Jean Morel", "Naval Group")),
    # a coordinated domain, an adverb inside the apposition, another appointee after 'et'
    ("Le quotidien Sud Ouest change de statut. Luc Perrin, jusque là rédacteur en chef, est nommé directeur des "
     "rédactions et de l'information.", ("Luc Perrin", "Sud Ouest")),
    ("Le quotidien Sud Ouest change de statut. Marie Dufour devient rédactrice en chef et Paul Garnier, directeur "
     "des rédactions départementales et locales.", ("Marie Dufour", "Sud Ouest")),
    # 'qui restera quant à lui TITLE'
    ("Le conseil de Carrefour a changé. « Je reste impliqué », souligne Gilles Colin, qui restera quant à lui "
     "administrateur.", ("Gilles Colin", "Carrefour")),
]


@pytest.mark.parametrize("text,expected", ROLE_UNSEEN_CASES_8)
def test_role_unseen_cases_8(make_doc, text, expected):
    assert expected in _pairs(make_doc, text, "role")


@pytest.mark.parametrize("text,org", [
    # a board named as a capitalised subject is no employer of the title's holder
    ("Le Conseil d'administration de Total doit se réunir. Thierry Dumas, actuel président du conseil "
     "d'administration, proposera un vote.", "Conseil d'administration"),
    # an inverted copula still needs an organisation ('de la République' is none)
    ("Le président de la République est Luc Bernardin.", "République"),
])
def test_role_unseen_negatives_8(make_doc, text, org):
    assert org not in {o for _, o in _pairs(make_doc, text, "role")}


def test_dated_copula_without_title_gives_no_role():
    """'X sera le 12 mars à Paris': a dated copula is a post only when a title follows."""
    from pipeline.nlp import get_nlp

    nlp = get_nlp()
    rels = extract_relations(nlp("Julien Marchal sera le 12 mars à Paris pour le salon."))
    assert not [r for r in rels if r.predicate == "role"]


ROLE_UNSEEN_CASES_9 = [
    # a time adjunct between the participle or the verb and its complement
    ("Le groupe Danone, dirigé depuis 2021 par Antoine Lefort, a publié ses comptes.", ("Antoine Lefort", "Danone")),
    ("Paul Girard, qui dirige depuis 2019 la société lyonnaise Doctolib, a signé.", ("Paul Girard", "Doctolib")),
    # a generic noun the recogniser took for a name ('PME') describes the company named after it
    ("Paul Girard, patron de la PME lyonnaise Boiron Industries, a signé.", ("Paul Girard", "Boiron Industries")),
    # a sector noun with its adjective, closed by a comma, stands for the company in focus
    ("Renault a annoncé un plan. Carlos Tavera, le patron du constructeur automobile, a démissionné.",
     ("Carlos Tavera", "Renault")),
    ("Valeo a publié ses comptes. Paul Girard, patron de l'équipementier, a signé.", ("Paul Girard", "Valeo")),
    ("Kelvio s'est adjoint les conseils de Marc Dorval, directeur général de l'équipementier en télécommunications "
     "Brivonet.", ("Marc Dorval", "Brivonet")),
]


@pytest.mark.parametrize("text,expected", ROLE_UNSEEN_CASES_9)
def test_role_unseen_cases_9(make_doc, text, expected):
    assert expected in _pairs(make_doc, text, "role")


@pytest.mark.parametrize("text,org", [
    ("Paul Girard, patron de la PME lyonnaise Boiron Industries, a signé.", "PME"),
    # another company named after the sector noun keeps its own name
    ("Renault a annoncé un plan. Carlos Tavera, le patron du groupe toscan Piaggio, a démissionné.", "Renault"),
    # a sector noun described by an en-complement, then the name: that company, not the one in focus
    ("Kelvio s'est adjoint les conseils de Marc Dorval, directeur général de l'équipementier en télécommunications "
     "Brivonet.", "Kelvio"),
])
def test_role_unseen_negatives_9(make_doc, text, org):
    assert org not in {o for _, o in _pairs(make_doc, text, "role")}


ROLE_UNSEEN_CASES_10 = [
    # a board presided by a person: the post is at the company the board governs
    ("Le quotidien Sud Ouest sera désormais dirigé par un directoire, présidé par Jean Rivière, et un conseil de "
     "surveillance.", ("Jean Rivière", "Sud Ouest")),
    # 'qui assurera la fonction de TITLE (domain)' after the name
    ("Le quotidien Sud Ouest change de statut. Il sera dirigé par un directoire, présidé par Jean Rivière, qui "
     "assurera également la fonction de directeur de la publication.", ("Jean Rivière", "Sud Ouest")),
    ("Paul Roy assure la fonction de directeur financier de Michelin depuis 2019.", ("Paul Roy", "Michelin")),
    # 'prendre / céder les rênes de'
    ("Guillaume Fabre a pris les rênes d'Airbus en 2019.", ("Guillaume Fabre", "Airbus")),
]


@pytest.mark.parametrize("text,expected", ROLE_UNSEEN_CASES_10)
def test_role_unseen_cases_10(make_doc, text, expected):
    assert expected in _pairs(make_doc, text, "role")


def test_board_presided_without_company_gives_no_role(make_doc):
    """'Le conseil de surveillance, présidé par X, …' with no company named anywhere: no guess."""
    assert not _pairs(make_doc, "Le conseil de surveillance, présidé par Jean Rivière, a validé les comptes.", "role")


@pytest.mark.parametrize("text,expected", [
    # a headline without a verb: the name right before the title (or an appointment participle)
    ("Paul Royer nouveau directeur général de Michelin", ("Paul Royer", "Michelin")),
    ("Paul Royer élu président du conseil de surveillance de Michelin", ("Paul Royer", "Michelin")),
])
def test_role_headline_name(make_doc, text, expected):
    assert expected in _pairs(make_doc, text, "role")


@pytest.mark.parametrize("text", [
    "Paul Royer rencontre le président de Michelin.",  # a sentence: the title is someone else's
    "Selon Paul Royer président de Michelin",  # the name does not open the line
])
def test_role_headline_name_negatives(make_doc, text):
    assert ("Paul Royer", "Michelin") not in _pairs(make_doc, text, "role")


def test_generic_head_left_out_beside_a_leading_title(make_doc):
    """'X nouveau directeur général du CHU … X va succéder à Y à la tête du CHU': one post, one row."""
    text = ("Marc Perrin a été nommé directeur général du CHU de Toulouse. Marc Perrin va succéder à Paul Mignon "
            "à la tête du CHU de Toulouse.")
    roles = {(s, o, a) for s, _, o, a in _triples(make_doc, text, "role")}
    assert ("Marc Perrin", "CHU de Toulouse", "directeur général") in roles
    assert ("Marc Perrin", "CHU de Toulouse", "dirigeant") not in roles
    # alone, the generic head stays
    assert ("Marc Perrin", "CHU de Toulouse", "dirigeant") in {
        (s, o, a) for s, _, o, a in _triples(make_doc, "Marc Perrin va succéder à Paul Mignon à la tête du CHU de "
                                                       "Toulouse.", "role")}


@pytest.mark.parametrize("text,expected", [
    # a named unit after a domain head or a title: its company, a place after it is no owner
    ("Jean-Marc Lefèvre, responsable du site Michelin de Cholet, a signé.", ("Jean-Marc Lefèvre", "Michelin")),
    ("Jean-Marc Lefèvre, directeur de l'usine Michelin de Cholet, a signé.", ("Jean-Marc Lefèvre", "Michelin")),
    ("Jean-Marc Lefèvre, responsable des achats de Michelin, a signé.", ("Jean-Marc Lefèvre", "Michelin")),
])
def test_role_named_unit(make_doc, text, expected):
    assert expected in _pairs(make_doc, text, "role")


@pytest.mark.parametrize("text,expected", [
    # the subject of a copula past an apposition that holds an age and its own title
    ("Paul Roy, 52 ans, ex-directeur financier de Valeo, devient directeur général de Michelin.", ("Paul Roy", "Michelin")),
    # a plural copula title goes to every coordinated subject; listed plural forms are plurals
    ("Paul Roy et Sophie Martin ont été nommés directeurs généraux délégués de Michelin.", ("Paul Roy", "Michelin")),
    ("Paul Roy et Sophie Martin ont été nommés directeurs généraux délégués de Michelin.", ("Sophie Martin", "Michelin")),
])
def test_role_copula_subjects(make_doc, text, expected):
    assert expected in _pairs(make_doc, text, "role")


def test_singular_copula_title_keeps_one_holder(make_doc):
    """'A a rencontré B, qui est directrice générale de X': only B."""
    pairs = _pairs(make_doc, "Paul Roy a rencontré Sophie Martin, qui est directrice générale de Michelin.", "role")
    assert ("Sophie Martin", "Michelin") in pairs and ("Paul Roy", "Michelin") not in pairs


@pytest.mark.parametrize("text,expected", [
    ("Michelin a choisi son nouveau directeur général. Il s'agit de Paul Roy, ancien de Valeo.", ("Paul Roy", "Michelin")),
    ("Le fondateur de Doctolib a été reçu à l'Élysée. Il s'agit de Stanislas Niox.", ("Stanislas Niox", "Doctolib")),
])
def test_role_named_in_the_next_sentence(make_doc, text, expected):
    assert expected in _pairs(make_doc, text, "role")


@pytest.mark.parametrize("text,person", [
    # the title already has its holder
    ("Paul Martin, PDG de Michelin, a parlé. Il s'agit de Paul Roy, ancien de Valeo.", "Paul Roy"),
    # no person named after the opener
    ("Le PDG de Michelin a parlé. Il s'agit de la première prise de parole de Paul Roy.", "Paul Roy"),
])
def test_role_named_in_the_next_sentence_negatives(make_doc, text, person):
    assert person not in {p for p, _ in _pairs(make_doc, text, "role")}


@pytest.mark.parametrize("text,expected", [
    # an appointment verb with coordinated appointees sharing a plural title
    ("Michelin nomme Paul Roy et Sophie Martin directeurs généraux délégués.", ("Paul Roy", "Michelin")),
    ("Michelin nomme Paul Roy et Sophie Martin directeurs généraux délégués.", ("Sophie Martin", "Michelin")),
    # a second appointee after 'et' shares the verb ('A directeur général et B directrice financière')
    ("Michelin a nommé Paul Roy directeur général et Sophie Martin directrice financière.", ("Sophie Martin", "Michelin")),
])
def test_role_coordinated_appointees(make_doc, text, expected):
    assert expected in _pairs(make_doc, text, "role")


def test_singular_appointment_keeps_one_appointee(make_doc):
    pairs = _pairs(make_doc, "Paul Roy et Michelin ont signé. Valeo nomme Sophie Martin directrice générale.", "role")
    assert ("Sophie Martin", "Valeo") in pairs and not any(p == "Paul Roy" for p, _ in pairs)


def test_given_name_with_particle_is_a_person_name(make_doc):
    """'Émeric d'Arcelles', 'Paul de Lafon': a given name and a particle surname read as a person's name
    (the recogniser often types such names as organisations); a company name does not."""
    from pipeline.extract.relations.context import _given_name_pair

    doc = make_doc("Émeric d'Arcelles et Paul de Lafon ont rejoint Crédit Agricole.")
    assert _given_name_pair(doc[0:3]) and _given_name_pair(doc[4:7])
    assert not _given_name_pair(doc[9:11])


def test_inverted_name_typed_as_organisation(make_doc):
    """'le PDG de X, Émeric d'Arcelles, …' (the name typed ORG by the recogniser): still the holder."""
    text = "Safran a promu le PDG de Turbomeca, Émeric d'Arcelles, en tant que directeur général adjoint."
    assert ("Émeric d'Arcelles", "Turbomeca") in _pairs(make_doc, text, "role")


@pytest.mark.parametrize("text,expected", [
    # a list of complements with a described item, closed by another title
    ("Hugo Lambert, président de Danone, de l'association Lyon Entrepreneurs et de Michelin, a signé.",
     ("Hugo Lambert", "Lyon Entrepreneurs")),
    ("Hugo Lambert, PDG de Danone, de l'association Lyon Entrepreneurs et cofondateur de Michelin, a signé.",
     ("Hugo Lambert", "Lyon Entrepreneurs")),
    ("Hugo Lambert, PDG de Danone, de l'association Lyon Entrepreneurs et cofondateur de Michelin, a signé.",
     ("Hugo Lambert", "Michelin")),
])
def test_role_complement_list(make_doc, text, expected):
    assert expected in _pairs(make_doc, text, "role")


def test_role_complement_list_stops_at_a_new_clause(make_doc):
    assert _pairs(make_doc, "Hugo Lambert, PDG de Danone, la société de Lyon, a signé.", "role") == {("Hugo Lambert", "Danone")}


def test_role_presider_aux_destinees(make_doc):
    pairs = _pairs(make_doc, "Paul Roy a présidé aux destinées de Valeo de 2003 à 2015.", "role")
    assert ("Paul Roy", "Valeo") in pairs


@pytest.mark.parametrize("text,expected", [
    # a post taken with its holder before an apposition or a relative clause, or kept
    ("À Vernon, Luc Berthier, le nouveau maire de Vernon, prend la présidence de Seine Agglo.",
     ("Luc Berthier", "Seine Agglo")),
    ("Sans surprise, Marc Olivier, qui avait pourtant juré de ne pas se présenter, prend la tête de Ternova.",
     ("Marc Olivier", "Ternova")),
    ("Comme prévu, Paul Morin est installé à la présidence de Valmor Métropole, avec 50 voix.",
     ("Paul Morin", "Valmor Métropole")),
    ("Jacques Bastien conserve la présidence de Seine Agglo.", ("Jacques Bastien", "Seine Agglo")),
])
def test_role_post_taken(make_doc, text, expected):
    assert expected in _pairs(make_doc, text, "role")


def test_role_post_taken_by_a_person_not_a_place(make_doc):
    """The place closing an apposition before the verb is no holder."""
    text = "À Vernon, Luc Berthier, le nouveau maire de Vernon, prend la présidence de Seine Agglo."
    assert all(person != "Vernon" for person, _ in _pairs(make_doc, text, "role"))


@pytest.mark.parametrize("text,expected", [
    ("Paul Morin a été nommé directeur général de Valmor. Il succède à Jean Dupuis.",
     ("Jean Dupuis", "Valmor", "ancien directeur général")),
    ("Comme prévu, Paul Morin est installé à la présidence de Valmor Métropole, avec 50 voix contre 6 pour "
     "Luc Henry. Il succède à Jean Dupuis.", ("Jean Dupuis", "Valmor Métropole", "ancien président")),
    ("Le Suisse Hans Keller remplace Pierre Vidal à la tête de Novalis Services.",
     ("Pierre Vidal", "Novalis Services", "ancien dirigeant")),
    ("Julien Roux succède à Marc Petit à la tête de Malt.", ("Marc Petit", "Malt", "ancien dirigeant")),
])
def test_role_predecessor(make_doc, text, expected):
    """'A succède à B' / 'A remplace B à la tête de X': B held the post A takes."""
    assert expected in {(s, o, a) for s, _, o, a in _triples(make_doc, text, "role")}


@pytest.mark.parametrize("text,person", [
    # the successor's title is described, not taken: nothing said of the predecessor's post
    ("Claire Fabre, directrice de Lumex, remplace Marc Vidal au conseil.", "Marc Vidal"),
    ("Claire Fabre est directrice de Lumex. Elle remplace Marc Vidal au conseil de Ternova.", "Marc Vidal"),
    ("Claire Fabre, directrice de Lumex, devrait prendre la succession de Marc Vidal.", "Marc Vidal"),
])
def test_role_no_predecessor_post(make_doc, text, person):
    assert all(s != person for s, _ in _pairs(make_doc, text, "role"))


def test_org_nickname_resolves_to_the_named_organisation(make_doc):
    """'la Banque verte' stands for the Crédit Agricole when the article names it too."""
    text = "Le Crédit Agricole change de tête. Anne Roux, directrice générale déléguée de la Banque verte, quitte le groupe."
    assert ("Anne Roux", "Crédit Agricole") in _pairs(make_doc, text, "role")


def test_org_nickname_alone_stays(make_doc):
    text = "Anne Roux, directrice générale déléguée de la Banque verte, quitte le groupe."
    assert _pairs(make_doc, text, "role") == {("Anne Roux", "Banque verte")}


def test_role_holder_with_elided_particle(make_doc):
    """'Claude d'Aubigny': a given name and an elided-particle surname make a holder's name."""
    text = "Claude d'Aubigny, directeur de l'ARS Picardie depuis 2013, dirigera la nouvelle agence."
    assert ("Claude d'Aubigny", "ARS Picardie") in _pairs(make_doc, text, "role")


def test_role_bare_title_after_contracted_article_and_comma(make_doc):
    """'le départ du directeur financier, Jean X': a bare title before a name, at the company in focus."""
    text = ("Valmor a annoncé jeudi un changement au sein de sa direction. Mercredi, le journal rapportait "
            "le départ du chef de la direction financière, Jean Dupuis, avec des primes.")
    assert ("Jean Dupuis", "Valmor") in _pairs(make_doc, text, "role")


def test_role_copula_after_inverted_title(make_doc):
    """'Le directeur de Y, X, devient directeur adjoint du groupe': X is the copula's subject."""
    text = ("Le groupe Valmor renouvelle son comité exécutif. Le directeur général de Valmor Espagne, Paul Henry, "
            "devient pour sa part directeur général adjoint du groupe.")
    triples = {(s, a) for s, _, _, a in _triples(make_doc, text, "role")}
    assert ("Paul Henry", "directeur général adjoint") in triples


def test_role_stock_index_is_no_employer(make_doc):
    text = "Le président-directeur général du groupe coté au CAC 40, Paul Henry, a proposé un directeur général."
    assert ("Paul Henry", "CAC 40") not in _pairs(make_doc, text, "role")


def test_role_relative_with_coordinated_antecedents(make_doc):
    """'A et B, qui assureront la co-présidence du club': both take the post."""
    text = ("Le club de rugby du Stade Vernonnais change de président. Luc Morel laisse la place à "
            "Jean Allard et Paul Maurin, qui assureront désormais la co-présidence du club.")
    pairs = _pairs(make_doc, text, "role")
    assert {("Jean Allard", "Stade Vernonnais"), ("Paul Maurin", "Stade Vernonnais")} <= pairs


@pytest.mark.parametrize("text,expected", [
    ("Le club de rugby du Stade Vernonnais change de président. Après cinq ans, Luc Morel laisse en effet la "
     "place à Jean Allard, qui assurera désormais la présidence du club.", ("Luc Morel", "Stade Vernonnais")),
])
def test_role_predecessor_leaving_the_place(make_doc, text, expected):
    """'A laisse la place à B' + B's post: A held it."""
    assert expected in _pairs(make_doc, text, "role")


def test_role_leaving_a_place_without_post(make_doc):
    assert _pairs(make_doc, "Luc Morel laisse la place à Jean Allard dans la voiture.", "role") == set()


@pytest.mark.parametrize("text,expected", [
    ("Benoît Morel siège en outre au conseil d'administration de Vinci.", ("Benoît Morel", "Vinci")),
    ("Paul Henry siège au conseil de surveillance de Valmor depuis 2019.", ("Paul Henry", "Valmor")),
])
def test_role_board_seat(make_doc, text, expected):
    assert expected in _pairs(make_doc, text, "role")


def test_role_board_seat_needs_a_person(make_doc):
    assert _pairs(make_doc, "La ville siège au conseil de Valmor.", "role") == set()


@pytest.mark.parametrize("text,expected", [
    ("À Vernon, Luc Morel prend la présidence de Seine Agglo. Son premier vice-président est Gérard Larrat, "
     "nouveau maire de Vernon.", ("Gérard Larrat", "Seine Agglo")),
])
def test_role_possessive_title_with_inverted_copula(make_doc, text, expected):
    """'Son premier vice-président est X': the possessor's post, held by the name after the copula."""
    assert expected in _pairs(make_doc, text, "role")


def test_role_possessive_kinship_is_no_post(make_doc):
    assert _pairs(make_doc, "Valmor recrute. Son père est Gérard Larrat.", "role") == set()


@pytest.mark.parametrize("text,expected", [
    ("Natif du Nord, Paul Morin était en poste dans la Somme. Énarque, le haut fonctionnaire avait auparavant "
     "été nommé directeur de Valmor en 2009.", ("Paul Morin", "Valmor")),
    ("Paul Morin a quitté Valmor. Ce dernier est devenu PDG de Lumex.", ("Paul Morin", "Lumex")),
    ("Paul Morin avait auparavant été nommé directeur de Valmor en 2009.", ("Paul Morin", "Valmor")),
])
def test_role_described_person_subject(make_doc, text, expected):
    """A definite description of a person ('le haut fonctionnaire', 'ce dernier') as a copula's subject."""
    assert expected in _pairs(make_doc, text, "role")


def test_role_described_person_needs_a_named_person(make_doc):
    assert _pairs(make_doc, "Le haut fonctionnaire a été nommé directeur de Valmor.", "role") == set()


@pytest.mark.parametrize("text,expected", [
    ("Il pourrait faire consensus face aux deux autres candidats que sont le patron de Valmor, Patrick Koller, "
     "et celui de Lumex, l'Italien Luca Verdi.", ("Luca Verdi", "Lumex", "patron")),
    ("Le directeur de Valmor, Paul Henry, et celle de Lumex, Anne Roux, ont signé.", ("Anne Roux", "Lumex", "directeur")),
])
def test_role_elliptic_title(make_doc, text, expected):
    """'celui de Y, B' repeats the title before it for another organisation."""
    assert expected in {(s, o, a) for s, _, o, a in _triples(make_doc, text, "role")}


def test_role_elliptic_pronoun_without_complement(make_doc):
    text = "Le directeur de Valmor, Paul Henry, a rencontré celui qui dirige Lumex."
    assert _pairs(make_doc, text, "role") == {("Paul Henry", "Valmor")}


@pytest.mark.parametrize("text,expected", [
    ("Paul Morin est nommé à compter du 1er janvier directeur général délégué de Valmor.",
     ("Paul Morin", "Valmor", "directeur général délégué")),
    ("Paul Morin est nommé directeur de Valmor. Il succédera également à Jean Dupuis à la tête de Lumex.",
     ("Paul Morin", "Lumex", "dirigeant")),
    ("Paul Morin est nommé directeur de Valmor. Il succédera également à Jean Dupuis à la tête de Lumex.",
     ("Jean Dupuis", "Lumex", "ancien dirigeant")),
])
def test_role_appointment_adjuncts_and_pronoun_successor(make_doc, text, expected):
    """'nommé à compter du 1er janvier TITLE', 'Il succédera également à B à la tête de X'."""
    assert expected in {(s, o, a) for s, _, o, a in _triples(make_doc, text, "role")}


def test_role_successor_pronoun_does_not_give_the_post_to_the_predecessor(make_doc):
    text = "Paul Morin est nommé directeur de Valmor. Il succédera également à Jean Dupuis à la tête de Lumex."
    assert ("Jean Dupuis", "Lumex", "dirigeant") not in {(s, o, a) for s, _, o, a in _triples(make_doc, text, "role")}


def test_role_bare_title_at_the_nicknamed_organisation(make_doc):
    """'le conseil de la banque verte … le départ du directeur général, X': the nickname names the
    organisation (here not the leading one of the article)."""
    text = ("Après la Société générale et la Société générale Bank, le Crédit Agricole change de tête. "
            "Se tient un conseil de la banque verte qui devrait officialiser le départ du directeur général, Paul Maurin.")
    pairs = _pairs(make_doc, text, "role")
    assert ("Paul Maurin", "Crédit Agricole") in pairs and ("Paul Maurin", "Société générale") not in pairs


@pytest.mark.parametrize("text,expected", [
    ("Paul Morin, directeur du Centre de Formation du Stade Vernonnais, a parlé.", {("Paul Morin", "Stade Vernonnais")}),
    ("L'émotion est forte après la disparition de Jérôme Flous, directeur du Centre de Formation.", set()),
])
def test_role_club_unit_is_no_organisation(make_doc, text, expected):
    """A club's training centre is a unit: the post is at the club named after it, else nowhere."""
    assert _pairs(make_doc, text, "role") == expected


@pytest.mark.parametrize(
    "text",
    [
        "Titre de la page\nLe PDG de Quorvel, Jeanne Korval,\nCEO et fondatrice, a parlé.\n\nFin.",
        "Une ligne.\n \nUne autre ligne, sans coupure au milieu.",
        "Pas de saut de ligne ici.",
    ],
)
def test_line_break_tokens_are_the_tokens_a_line_break_touches(make_doc, text):
    # _split_lines only looks at them; a scan of every token is the reference
    from pipeline.extract.relations.context import _line_break_tokens

    doc = make_doc(text)
    for sent in [doc[:], *doc.sents]:
        expected = [t.i for t in sent if "\n" in t.whitespace_ or t.is_space and "\n" in t.text]
        assert [t.i for t in _line_break_tokens(sent)] == expected
