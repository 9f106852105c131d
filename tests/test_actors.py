"""Actors: entity cleaning, typing by evidence, within-article grouping and corpus-wide resolution.

Hand-built French sentences (invented names) for each typing cue and each resolution rule,
must-NOT-merge cases, order independence of actor ids, the sample corpus' known distinct pairs,
and the schema of every rules file of the actors stage.
"""

from __future__ import annotations

import json
import random
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.nlp.entities import acronym_of, entities_in, entity_ref, normalize_name
from pipeline.nlp.lexicons import gender_of, lexicons
from pipeline.nlp.typing import LABELS, parse_evidence
from pipeline.records import ArticleResult, LocalEntity, Mention
from pipeline.resolve.actors import resolve_actors
from pipeline.rules import load_json, load_jsonl, rules_path

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _entity(doc, name):
    """The LocalEntity of the doc whose name or a mention is `name` (None if absent)."""
    for e in doc._.entities:
        if e.name == name or any(m.text == name for m in e.mentions):
            return e
    return None


def _result(doc, article_id: str) -> ArticleResult:
    return ArticleResult(article_id, [f"{article_id}.txt"], doc.text, None, None, len(doc), entities=list(doc._.entities))


# ---------------------------------------------------------------------------- typing cues

TYPING = [
    # organisation-kind noun before the name (NER often misses or mistypes unknown start-ups)
    ("La start-up Zorblax a levé deux millions d'euros cette semaine.", "Zorblax", "ORG"),
    ("La jeune pousse nantaise Quelvo recrute vingt ingénieurs.", "Quelvo", "ORG"),
    ("Le fonds d'investissement Tarmilo a mené le tour de table.", "Tarmilo", "ORG"),
    ("Sa société de cloud Vendrix a conçu le supercalculateur.", "Vendrix", "ORG"),
    # prepositions and roles that introduce an organisation
    ("Elle a levé trois millions d'euros auprès de Finorvel et de ses partenaires.", "Finorvel", "ORG"),
    ("Il a travaillé dix ans chez Brumalis avant de se lancer.", "Brumalis", "ORG"),
    ("Paul Renaud, PDG de Quantelis, a présenté les résultats.", "Quantelis", "ORG"),
    # apposition and verb after the name
    ("Ostravia, fondée en 2019 à Lille, emploie quarante salariés.", "Ostravia", "ORG"),
    ("Pelvina lève cinq millions d'euros pour se développer en Europe.", "Pelvina", "ORG"),
    # words inside the name: suffixes and legal forms
    ("Le tour de table est mené par Brivonne Capital et des business angels.", "Brivonne Capital", "ORG"),
    ("Le contrat a été signé avec Quintar SAS la semaine dernière.", "Quintar SAS", "ORG"),
    ("Les ingénieurs de Delmaro Robotics présentent leur prototype.", "Delmaro Robotics", "ORG"),
    # persons: given name, title, role apposition, inverted speech verb
    ("Hier, Camille Dufresne a présenté le projet aux investisseurs.", "Camille Dufresne", "PER"),
    ("Selon M. Garnier, le marché progresse encore.", "Garnier", "PER"),
    ("« Nous allons doubler nos effectifs », explique Sophie Lambert.", "Sophie Lambert", "PER"),
    ("Thomas Verdier, directeur général de l'entreprise, s'en félicite.", "Thomas Verdier", "PER"),
    ("Le fondateur, Zhao Kerun, 42 ans, a quitté Pékin en 2015.", "Zhao Kerun", "PER"),
    # places
    ("La société a ouvert un bureau à Lyon et un autre à Montréal.", "Lyon", "LOC"),
    ("Les investisseurs des Émirats arabes unis financent le projet.", "Émirats arabes unis", "LOC"),
    # products, models and events are MISC (not actors)
    ("Le modèle GPT-4 reste la référence du marché.", "GPT-4", "MISC"),
    ("Les utilisateurs de ChatGPT sont de plus en plus nombreux.", "ChatGPT", "MISC"),
    ("Le salon VivaTech ouvre ses portes mercredi à Paris.", "VivaTech", "MISC"),
    ("Le robot Torvik 2 sera livré en mars.", "Torvik 2", "MISC"),
    # enumerations share their neighbours' cues; a capitalised preposition opening a sentence is not a name
    ("Nvidia travaille avec des startups comme Exotan, Phorvel, K ou encore Drumlo.", "K", "ORG"),
    # gazetteer as one signal: well-known organisations NER calls MISC or LOC
    ("Le patron d'OpenAI a rencontré les dirigeants d'Anthropic.", "OpenAI", "ORG"),
    # sector descriptors ('la Martech lyonnaise X') are cues for the name after them, never part of it
    ("La Martech lyonnaise Vorantis se place deuxième du classement.", "Vorantis", "ORG"),
    ("La DeepTech Kolvane prépare une levée de fonds.", "Kolvane", "ORG"),
    ("Selon la Medtech Carvexa, le marché va doubler.", "Carvexa", "ORG"),
    ("La Fintech Plumeo a levé dix millions d'euros.", "Plumeo", "ORG"),
    # a kind noun with its 'de la + noun' complement before a CamelCase name NER missed
    ("Le spécialiste de la recharge électrique KiloBorne a levé 4 millions d'euros.", "KiloBorne", "ORG"),
    # a capitalised role word opening a span: the organisation after 'de' is taken whole
    ("Jean Moravec, Président de Lumeria Santé, a ouvert la soirée.", "Lumeria Santé", "ORG"),
    ("Directrice Jeanne Morel a signé l'accord.", "Jeanne Morel", "PER"),
    # a person after a government portfolio keeps her name, the portfolio goes
    ("Le ministre des Armées Claire Dubreuil a visité l'usine.", "Claire Dubreuil", "PER"),
    ("Selon la ministre d'Emmanuel Dupont, la réforme avance.", "Emmanuel Dupont", "PER"),
    # départements, venues and districts are places (a venue word beats NER's PER)
    ("L'usine sera installée dans la Somme, près d'Amiens.", "Somme", "LOC"),
    ("Le lancement a eu lieu à la Halle Brévannes devant 500 invités.", "Halle Brévannes", "LOC"),
    ("La start-up a ouvert un bureau à Silicon Alley, à New York.", "Silicon Alley", "LOC"),
    # events and products named by what happens to them or by an apposition
    ("Le Lundinnov s'est déroulé à Lille la semaine dernière.", "Lundinnov", "MISC"),
    ("La Brevix Conférence se tiendra à Lyon en juin.", "Brevix Conférence", "MISC"),
    ("Elle s'appuie sur Vekto, une librairie open source très utilisée.", "Vekto", "MISC"),
    # a name used as a common noun after an indefinite article is a kind of thing
    ("Les fondateurs sont arrivés à bord d'un Trelvo climatisé.", "Trelvo", "MISC"),
    # a possessive determiner right before a name: a thing owned, not an actor
    ("Le cinéma a ses Palmorix et la chanson ses victoires.", "Palmorix", "MISC"),
    # a name alone in quotation marks is a title, slogan or programme; an organisation cue outweighs it
    ("OpenAI prépare son initiative « Orbitra » pour 2026.", "Orbitra", "MISC"),
    ("La start-up « Zorblax » a levé deux millions d'euros.", "Zorblax", "ORG"),
    # a sector descriptor with a lowercase word after it still cues the name
    ("La Cleantech grenobloise Hydravo a levé dix millions d'euros.", "Hydravo", "ORG"),
]


@pytest.mark.parametrize("text,name,label", TYPING)
def test_typing_cue(make_doc, text, name, label):
    doc = make_doc(text)
    ent = _entity(doc, name)
    assert ent is not None, [(e.name, e.label) for e in doc._.entities]
    assert ent.label == label, ent.type_evidence
    # doc.ents carries the same, retyped label
    assert any(e.text == name and e.label_ == label for e in doc.ents)


def test_capitalised_preposition_is_not_part_of_the_name(make_doc):
    doc = make_doc("Le salon est ouvert.\nA Verlitech, les start-up se pressent. Chez Zorblax, on recrute.")
    names = {e.name for e in doc._.entities}
    assert {"Verlitech", "Zorblax"} <= names and not any(n.startswith(("A ", "Chez ")) for n in names)


def test_one_strong_cue_types_every_mention_of_the_article(make_doc):
    doc = make_doc("Kortavo annonce un partenariat. La start-up Kortavo a été créée en 2021. Kortavo recrute.")
    ent = _entity(doc, "Kortavo")
    assert ent.label == "ORG" and len(ent.mentions) == 3


# ---------------------------------------------------------------------------- dropped entities

DROPPED = [
    ("Adopter une stratégie claire reste essentiel pour les dirigeants.", "Adopter"),
    ("Interrogé par nos soins, le dirigeant a confirmé la levée.", "Interrogé"),
    ("Collaboration : les deux entreprises travailleront ensemble.", "Collaboration"),
    ("Temps de lecture : 5 minutes\nLa start-up Vorlane a levé des fonds.", "Temps de lecture"),
    ("Twitter Facebook Linkedin Email\nLa start-up Vorlane a levé des fonds.", "Twitter Facebook"),
    ("Le robot est vendu en B2B à des industriels de la région.", "B2B"),
    # sector descriptors and collective nouns are not actors
    ("La Martech lyonnaise Vorantis se place deuxième du classement.", "Martech"),
    ("La Fintech Plumeo a levé dix millions d'euros.", "Fintech"),
    ("Les VCs restent prudents face à la Tech française.", "VCs"),
    ("Les VCs restent prudents face à la Tech française.", "Tech"),
    ("Le Président de la République a visité la start-up Zelmia.", "République"),
    ("La Bourse a salué l'annonce de la start-up Trivelo.", "Bourse"),
    # government posts: the portfolio is not an organisation, the title is not a person's name
    ("La secrétaire d'Etat au Numérique a rencontré les fondateurs de Pontiva.", "Numérique"),
    ("Le secrétaire d'État au Commerce extérieur a reçu les fondateurs de Pontiva.", "Commerce"),
    ("Le ministre de l'Économie a salué la levée de Quorvel.", "Économie"),
    ("Le ministre des Armées Claire Dubreuil a visité l'usine.", "Armées"),
    ("Jean Moravec, Président de Lumeria Santé, a ouvert la soirée.", "Président"),
]


@pytest.mark.parametrize("text,spurious", DROPPED)
def test_spurious_entities_are_dropped(make_doc, text, spurious):
    doc = make_doc(text)
    assert all(spurious not in e.name for e in doc._.entities), [e.name for e in doc._.entities]
    assert all(spurious not in e.text for e in doc.ents)


def _kept(doc, name):
    """Names kept by the cleaning rules from one hand-made candidate span (the first occurrence of `name`)."""
    from pipeline.nlp.cleaning import clean_spans

    start = doc.text.index(name)
    span = doc.char_span(start, start + len(name), label="ORG")
    assert span is not None, name
    return [s.text for s in clean_spans(doc, [span], lexicons())]


# text, candidate name, kept?
CLEANED_SPANS = [
    # photo credits and image banks: names after a credit marker, an image bank in parentheses
    ("Le robot de Zorblax sera livré en mars.\n© Shutterstock / Pixabay", "Pixabay", False),
    ("La fondatrice de Bellavo (Crédit : Morvan Studio) a présenté son projet.", "Morvan Studio", False),
    ("Photo : Getty Images\nLa start-up Zorblax recrute.", "Getty Images", False),
    ("La fondatrice a posé devant les locaux de la start-up (iStock).", "iStock", False),
    # ...but 'crédit' as a common noun is no credit marker, and a credit closed before the name ends
    ("La startup Zorvia a décroché un crédit d'impôt de Bpifrance.", "Bpifrance", True),
    ("La fondatrice (Crédit : Morvan Studio) a rejoint Bellavo en mars.", "Bellavo", True),
    # a name alone on a header line that the text never mentions again
    ("Radio Kanalis\nLa start-up Orvalis a levé deux millions d'euros.", "Radio Kanalis", False),
    ("Radio Kanalis\nLa start-up Orvalis a parlé à Radio Kanalis.", "Radio Kanalis", True),
    # ordinal numbers (arrondissements, centuries)
    ("Le XVIe arrondissement accueille le siège de Zorblax.", "XVIe", False),
    ("Les bureaux de Zorblax sont dans le 13e, près de la gare.", "13e", False),
    # a word cut off where an excerpt stops mid-sentence; a short last line (heading, sign-off) is no cut
    ("Le fondateur de Zorblax est Jean Dubreuil, ancien secrétaire d'État devenu ensuite conseiller spécial de Morv", "Morv", False),
    ("Un partenariat avec Zorblax", "Zorblax", True),
    # sector descriptor trimmed off, the name kept
    ("La Cleantech grenobloise Hydravo a levé dix millions d'euros.", "Cleantech grenobloise Hydravo", True),
]


@pytest.mark.parametrize("text,name,kept", CLEANED_SPANS)
def test_cleaning_drops_credits_headers_and_ordinals(make_doc, text, name, kept):
    doc = make_doc(text)
    got = _kept(doc, name)
    assert bool(got) == kept, (name, got, doc.user_data.get("dropped"))
    assert all(not g.lower().startswith("cleantech") for g in got)


def test_drop_is_recorded_with_a_reason(make_doc):
    doc = make_doc("Adopter une stratégie claire reste essentiel pour les dirigeants de Plavex.")
    dropped = doc.user_data.get("dropped", [])
    assert all(d.stage == "entities" and d.reason for d in dropped)


def test_known_organisation_after_de_is_split_off(make_doc):
    doc = make_doc("Le tour est complété par le fonds Patient Autonome de Bpifrance et par Zorblax.")
    assert _entity(doc, "Bpifrance") is not None and _entity(doc, "Bpifrance").label == "ORG"
    assert all("de Bpifrance" not in e.name for e in doc._.entities)


def test_multiline_span_is_split(make_doc):
    doc = make_doc("Le fonds Zeltavia\nNous sommes ravis de cette opération.")
    assert all("\n" not in e.text for e in doc.ents)
    assert all("Nous" not in e.name for e in doc._.entities)


def test_markdown_debris_is_not_a_name(make_doc):
    doc = make_doc("**M**eta a présenté son nouveau modèle à la presse.")
    assert all("*" not in m.text for e in doc._.entities for m in e.mentions)


# ---------------------------------------------------------------------------- within-article resolution

SAME_ENTITY = [
    ("Julie Martinet a fondé Orvane en 2020. Martinet explique que la croissance est forte.", "Julie Martinet", "Martinet"),
    ("Le groupe Zenthys Technologies grandit vite. Zenthys emploie désormais 300 personnes.", "Zenthys Technologies", "Zenthys"),
    ("La Banque Nordique d'Innovation (BNI) investit. La BNI a déjà financé dix projets.", None, "BNI"),
    ("Les start-up investissent l’Europe. L'Europe reste un marché attractif pour l'Europe du Nord.", "Europe", "l’Europe"),
    ("Le patron d’OpenAI était présent. OpenAI a confirmé l'information.", "OpenAI", "OpenAI"),
    ("Deepmind a publié un article. DeepMind est une filiale d'Alphabet.", None, "Deepmind"),
    ("Amazon Web Services domine le cloud. AWS a encore accéléré cette année.", "Amazon Web Services", "AWS"),
    ("La ministre Agnès Le Gall a salué l'accord. Le Gall a ajouté qu'il fallait aller vite.", "Agnès Le Gall", "Le Gall"),
    ("Il enseigne à l'université de Berkeley. Berkeley a ouvert un laboratoire.", "université de Berkeley", "Berkeley"),
    # a nickname cut from a one-word name (>= 6 letters), even when NER missed the full form
    ("Kapstrat’ a ouvert un campus. Kapstratégies accompagne trente start-up.", "Kapstratégies", "Kapstrat"),
    # an organisation and its former name
    ("Le fonds QV (ex-Quorvel Ventures) a participé au tour de table.", "Quorvel Ventures", "QV"),
    ("La plateforme Velmio (anciennement Dravik) a levé cinq millions d'euros.", None, "Dravik"),
]


@pytest.mark.parametrize("text,full,short", SAME_ENTITY)
def test_mentions_of_one_entity_are_grouped(make_doc, text, full, short):
    doc = make_doc(text)
    key = normalize_name(short)
    owners = [e for e in doc._.entities if any(normalize_name(m.text) == key for m in e.mentions)]
    assert len(owners) == 1, [(e.name, [m.text for m in e.mentions]) for e in doc._.entities]
    assert len(owners[0].mentions) >= 2
    if full is not None:
        assert normalize_name(owners[0].name) == normalize_name(full)


NOT_SAME = [
    ("Meta a présenté ses résultats, tandis que Meta AI publie un nouveau modèle.", "Meta", "Meta AI"),
    ("Google investit dans le cloud : Google Cloud ouvre une région à Paris.", "Google", "Google Cloud"),
    ("IBM a annoncé que IBM Research ouvrira un laboratoire à Zurich.", "IBM", "IBM Research"),
    ("Jean Dupuis et Marie Dupuis ont cofondé Talvane. Dupuis a refusé de commenter.", "Jean Dupuis", "Marie Dupuis"),
    ("Il enseigne à l'université de Grenoble. La mairie de Grenoble finance aussi à Grenoble un incubateur.", "université de Grenoble", "Grenoble"),
    # a person's former employer is not a former name; a place never swallows a name it starts
    ("Rémi Valdor (ex-Tesla) a rejoint la start-up Molvane.", "Rémi Valdor", "Tesla"),
    ("Le fonds investit en France et chez FranceNova, une start-up nantaise.", "France", "FranceNova"),
    # a short name of fewer than 6 letters is no nickname of a longer one
    ("Kaps a signé avec Kapstratégies, une société lilloise.", "Kaps", "Kapstratégies"),
]


@pytest.mark.parametrize("text,a,b", NOT_SAME)
def test_distinct_entities_are_not_grouped(make_doc, text, a, b):
    doc = make_doc(text)
    ea, eb = _entity(doc, a), _entity(doc, b)
    assert ea is not None and eb is not None
    assert ea.key != eb.key


def test_entity_ref_and_entities_in(make_doc):
    text = "Sam Altman, PDG d'OpenAI, a rencontré des investisseurs à Paris."
    doc = make_doc(text)
    ref = entity_ref(doc, 0, 10)
    assert ref is not None and ref.name == "Sam Altman" and ref.label == "PER" and ref.key
    names = [r.name for r in entities_in(doc, 0, len(text))]
    assert names[:2] == ["Sam Altman", "OpenAI"] and "Paris" in names


@pytest.mark.parametrize(
    "name,acr", [("Amazon Web Services", "AWS"), ("Banque publique d'investissement", "BPI"), ("Émirats arabes unis", "EAU")]
)
def test_acronym_of(name, acr):
    assert acronym_of(name) == acr


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40))
def test_normalize_name_is_idempotent(s):
    n = normalize_name(s)
    assert normalize_name(n) == n
    assert n == n.strip() and "  " not in n


@pytest.mark.parametrize("a,b", [("Deepmind", "DeepMind"), ("l’Europe", "Europe"), ("Émirats", "emirats"), ("d'OpenAI", "OpenAI")])
def test_normalize_name_variants(a, b):
    assert normalize_name(a) == normalize_name(b)


# ---------------------------------------------------------------------------- corpus-wide resolution


def _local(key, name, label, evidence, *texts):
    mentions = tuple(Mention(t, i * 10, i * 10 + len(t), 0, "test") for i, t in enumerate(texts or (name,)))
    return LocalEntity(key, name, label, mentions, evidence)


def _art(aid, *entities):
    return ArticleResult(aid, [f"{aid}.txt"], "", None, None, 0, entities=list(entities))


def _by_alias(index):
    return {normalize_name(al): row for row in index.rows() for al in row.aliases}


def test_corpus_vote_fixes_the_type_of_every_mention():
    weak_per = "PER=1.5;ORG=0;LOC=0;MISC=0|ner.per"
    strong_org = "PER=0;ORG=8;LOC=0;MISC=0|org.before.kind"
    index = resolve_actors([_art("a1", _local("e0", "Plovix Durel", "PER", weak_per)), _art("a2", _local("e0", "Plovix Durel", "ORG", strong_org))])
    rows = index.rows()
    assert len(rows) == 1 and rows[0].type == "ORG" and rows[0].n_articles == 2 and rows[0].n_mentions == 2


CORPUS_SAME = [
    (("Mistral AI", "ORG"), ("Mistral", "ORG")),
    (("Xavier Niel", "PER"), ("Niel", "PER")),
    (("Timothée Lacroix", "PER"), ("Thimothée Lacroix", "PER")),
    (("Amazon Web Services", "ORG"), ("AWS", "ORG")),
    (("Qarnot Computing", "ORG"), ("Qarnot", "ORG")),
]

CORPUS_DISTINCT = [
    (("Meta", "ORG"), ("Meta AI", "ORG")),
    (("Google", "ORG"), ("Google Cloud", "ORG")),
    (("IBM", "ORG"), ("IBM Research", "ORG")),
    (("Jean Dupuis", "PER"), ("Marie Dupuis", "PER")),
    (("Zentra 2", "MISC"), ("Zentra 3", "MISC")),
    # a common-noun head is not the short form of a name that goes on with an adjective or a 'de' complement
    (("Parlement européen", "ORG"), ("Parlement", "ORG")),
    (("La Lettre de l’Expansion", "ORG"), ("Lettre", "ORG")),
]


def _ev(label):
    return ";".join(f"{lab}={4 if lab == label else 0}" for lab in LABELS) + "|test"


@pytest.mark.parametrize("a,b", CORPUS_SAME)
def test_corpus_links_names_of_one_entity(a, b):
    index = resolve_actors([_art("a1", _local("e0", a[0], a[1], _ev(a[1]))), _art("a2", _local("e0", b[0], b[1], _ev(b[1])))])
    assert index.resolve("a1", _ref(a)) == index.resolve("a2", _ref(b))
    assert len(index.rows()) == 1
    assert len(index.rows()[0].name) >= min(len(a[0]), len(b[0]))  # the fullest form (or the gazetteer name)
    assert {a[0], b[0]} <= set(index.rows()[0].aliases) | {"AWS"}


@pytest.mark.parametrize("a,b", CORPUS_DISTINCT)
def test_corpus_never_merges_distinct_entities(a, b):
    index = resolve_actors([_art("a1", _local("e0", a[0], a[1], _ev(a[1]))), _art("a2", _local("e0", b[0], b[1], _ev(b[1])))])
    assert index.resolve("a1", _ref(a)) != index.resolve("a2", _ref(b))


def test_two_people_with_one_surname_keep_apart_and_the_lone_surname_stays_alone():
    arts = [
        _art("a1", _local("e0", "Jean Dupuis", "PER", _ev("PER"))),
        _art("a2", _local("e0", "Marie Dupuis", "PER", _ev("PER"))),
        _art("a3", _local("e0", "Dupuis", "PER", _ev("PER"))),
    ]
    index = resolve_actors(arts)
    assert len({r.actor_id for r in index.rows()}) == 3


def _ref(pair):
    from pipeline.records import ActorRef

    return ActorRef(pair[0], pair[1], "e0")


def test_resolve_unknown_reference_creates_a_stable_actor():
    from pipeline.records import ActorRef

    index = resolve_actors([_art("a1", _local("e0", "Zorblax", "ORG", _ev("ORG")))])
    aid = index.resolve("a1", ActorRef("Kelvora", "ORG", None))
    assert aid == index.resolve("a2", ActorRef("Kelvora", "ORG", None))
    assert index.name(aid) == "Kelvora"
    assert index.resolve("a1", ActorRef("zorblax", "ORG", None)) == index.resolve("a1", ActorRef("Zorblax", "ORG", "e0"))


SMALL_CORPUS = [
    "La start-up Zorblax a levé deux millions d'euros auprès de Finorvel. Julie Martinet, PDG de Zorblax, s'en félicite.",
    "Martinet explique que Zorblax recrute. Le fonds Finorvel accompagne aussi Quelvo Technologies.",
    "Quelvo a signé avec Meta et Meta AI. Google Cloud et Google sont partenaires de Quelvo.",
    "Selon Julie Martinet, l'Europe est un marché clé. Les Émirats arabes unis (EAU) investissent.",
]


def test_actor_ids_do_not_depend_on_file_order(make_doc):
    results = [_result(make_doc(t), f"art{i}") for i, t in enumerate(SMALL_CORPUS)]
    reference = resolve_actors(results).rows()
    rng = random.Random(7)
    for _ in range(3):
        shuffled = results[:]
        rng.shuffle(shuffled)
        assert resolve_actors(shuffled).rows() == reference
    names = {r.name: r for r in reference}
    assert names["Zorblax"].n_articles == 2 and names["Zorblax"].type == "ORG"
    assert names["Julie Martinet"].type == "PER" and "Martinet" in names["Julie Martinet"].aliases
    assert names["Julie Martinet"].n_articles == 3


# ---------------------------------------------------------------------------- the sample corpus

KNOWN_DISTINCT = [
    ("Meta", "Meta AI"),
    ("Google", "Google Cloud"),
    ("Google", "Google DeepMind"),
    ("IBM", "IBM Research"),
    ("OpenAI", "Microsoft"),
    ("Amazon", "Amazon Web Services"),
    ("Microsoft", "Microsoft Azure"),
    ("Mistral AI", "Meta AI"),
    ("Sam Altman", "Elon Musk"),
    ("Xavier Niel", "Rodolphe Saadé"),
]


@pytest.fixture(scope="module")
def corpus_index(make_doc):
    from pipeline.ingest import read_corpus
    from pipeline.process import article_id_for
    from pipeline.records import RawArticle

    results = []
    for raw in read_corpus(ROOT / "corpus"):
        if isinstance(raw, RawArticle):
            results.append(_result(make_doc(raw.text), article_id_for(raw.text)))
    assert results
    return resolve_actors(results)


@pytest.mark.parametrize("a,b", KNOWN_DISTINCT)
def test_sample_corpus_keeps_known_entities_apart(corpus_index, a, b):
    for row in corpus_index.rows():
        aliases = {normalize_name(x) for x in row.aliases}
        assert not (normalize_name(a) in aliases and normalize_name(b) in aliases), row


def test_sample_corpus_types(corpus_index):
    by_alias = _by_alias(corpus_index)
    expected = {"OpenAI": "ORG", "Anthropic": "ORG", "Sam Altman": "PER", "Xavier Niel": "PER", "ChatGPT": "MISC", "Kyutai": "ORG"}
    for name, label in expected.items():
        row = by_alias.get(normalize_name(name))
        assert row is not None and row.type == label, (name, row)
    assert "Altman" in by_alias["sam altman"].aliases


# ---------------------------------------------------------------------------- rules files schema


def test_gazetteer_schema():
    ids = set()
    for row in load_jsonl("gazetteer.jsonl"):
        assert set(row) == {"id", "label", "pattern", "aliases"}, row
        assert re.fullmatch(r"(org|per|loc|misc)\.[a-z0-9-]+", row["id"]) and row["id"] not in ids
        ids.add(row["id"])
        assert row["label"] in LABELS and row["id"].startswith(row["label"].lower() + ".")
        assert isinstance(row["pattern"], str) and row["pattern"].strip() == row["pattern"] != ""
        assert isinstance(row["aliases"], list) and all(isinstance(a, str) and a for a in row["aliases"])
    # an alias names one entity only
    seen: dict[str, str] = {}
    for row in load_jsonl("gazetteer.jsonl"):
        for n in [row["pattern"], *row["aliases"]]:
            assert seen.setdefault(normalize_name(n), row["id"]) == row["id"], n


def _check_phrase_group(group, label_prefix):
    assert set(group) >= {"id", "weight", "phrases"} and group["id"].startswith(label_prefix)
    assert group["weight"] > 0 and group["phrases"]
    for p in group["phrases"]:
        assert p == p.lower() and "’" not in p and p.strip(), p


def test_org_cues_schema():
    cues = load_json("org_cues.json")
    assert {"before", "after", "after_lemmas", "name_suffixes", "legal_forms", "name_prefixes", "strippable_suffixes", "institution_heads"} <= set(cues)
    for g in cues["before"] + cues["after"]:
        _check_phrase_group(g, "org.")
    for g in cues["after_lemmas"]:
        assert g["id"].startswith("org.") and g["lemmas"] and all(lem == lem.lower() for lem in g["lemmas"])
    for k in ("name_suffixes", "legal_forms", "name_prefixes"):
        assert cues[k]["id"].startswith("org.") and cues[k]["weight"] > 0 and all(w and " " not in w for w in cues[k]["words"])
    assert set(cues["strippable_suffixes"]) <= set(cues["name_suffixes"]["words"]) | set(cues["legal_forms"]["words"])
    for k in ("descriptors", "generic_sector_nouns"):
        assert cues[k] and all(isinstance(w, str) and w == w.lower() and w.strip() == w for w in cues[k]), k
    # a descriptor is also an organisation cue for the name after it
    kind = next(g for g in cues["before"] if g["id"] == "org.before.kind")
    assert set(cues["descriptors"]) <= set(kind["phrases"])


def test_person_and_type_cues_schema():
    per = load_json("person_cues.json")
    assert per["titles"] and all(isinstance(t, str) and t for t in per["titles"])
    for g in per["before"] + per["after"]:
        _check_phrase_group(g, "per.")
    assert per["speech_lemmas"]["lemmas"] and per["given_name_weight"] > 0
    assert per["role_words"] and all(w == w.lower() and " " not in w for w in per["role_words"])
    assert per["portfolio_before"]["id"].startswith("per.") and per["portfolio_before"]["phrases"]
    assert all(p == p.lower() and "’" not in p and p.strip() == p for p in per["portfolio_before"]["phrases"])
    other = load_json("type_cues.json")
    _check_phrase_group(other["loc_before"], "loc.")
    _check_phrase_group(other["misc_before"], "misc.")
    for k in ("loc_name_words", "misc_name_words"):
        assert other[k]["weight"] > 0 and other[k]["words"]
    assert {"facebook", "partager"} <= set(other["share_line_words"]["words"])
    assert other["place_weight"] > 0 and other["misc_version"]["id"].startswith("misc.")
    _check_phrase_group(other["misc_after"], "misc.")
    quoted = other["misc_quoted"]
    assert quoted["id"].startswith("misc.") and quoted["weight"] > 0 and quoted["open"] and quoted["close"]
    assert all(p.startswith(", ") for p in other["misc_after"]["phrases"])
    event = other["misc_after_lemmas"]
    assert event["id"].startswith("misc.") and event["weight"] > 0 and all(lem == lem.lower() for lem in event["lemmas"])
    assert other["credit_markers"] and all(m == m.lower() and m.strip() == m for m in other["credit_markers"])
    assert other["stock_image_agencies"] and all(isinstance(n, str) and n.strip() == n != "" for n in other["stock_image_agencies"])
    ordinal = re.compile(other["ordinal"]["pattern"])
    assert all(ordinal.match(x) for x in ("XIIIe", "13e", "1er", "3ème")) and not any(ordinal.match(x) for x in ("Xavier", "Lyon", "CES"))


def test_wordlists_schema():
    for line in rules_path("entity_stoplist.txt").read_text(encoding="utf-8").splitlines():
        entry = line.split("#", 1)[0].strip()
        assert not entry or entry == normalize_name(entry), entry  # stored normalised
    n = 0
    for line in rules_path("given_names.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        name, gender = line.split("\t")
        assert name and name[0].isupper() and gender in {"m", "f", "u"}
        n += 1
    assert n > 10_000
    places = [p for p in rules_path("places.txt").read_text(encoding="utf-8").splitlines() if p and not p.startswith("#")]
    assert "France" in places and "Toulouse" in places and len(places) == len(set(places))
    # French départements (ISO 3166-2:FR via pycountry)
    assert {"Somme", "Seine-Saint-Denis", "Finistère", "Côtes-d'Armor"} <= set(places)


@pytest.mark.parametrize("name,gender", [("Sophie", "f"), ("Xavier", "m"), ("Zzyzx", None)])
def test_given_name_gender(name, gender):
    assert gender_of(name) == gender


def test_type_evidence_round_trip(make_doc):
    doc = make_doc("La start-up Zorblax a levé deux millions d'euros.")
    ent = _entity(doc, "Zorblax")
    scores = parse_evidence(ent.type_evidence)
    assert max(scores, key=scores.get) == ent.label == "ORG"
    assert parse_evidence(None) == dict.fromkeys(LABELS, 0.0)
    assert lexicons().gazetteer[normalize_name("AWS")].name == "Amazon Web Services"
    assert json.dumps(scores)


# ---------------------------------------------------------------------------- journalistic prose (held-out lessons)


def test_cue_span_widened_over_a_ner_fragment_does_not_crash(make_doc):
    doc = make_doc("Selon l'association de quartier Bien Vivre à Trélivan, la route reste dangereuse.")
    assert _entity(doc, "Bien Vivre").label == "ORG"


@pytest.mark.parametrize(
    "text,full,acronym",
    [
        ("Le rapport de l'Observatoire national de la qualité de l'air (ONQA) est sévère.", "Observatoire national de la qualité de l'air", "ONQA"),
        ("La Caisse mutuelle d'épargne du Morvan (CMEM) a financé le projet.", "Caisse mutuelle d'épargne du Morvan", "CMEM"),
        ("Selon l'Institut de recherche pour la mer et les littoraux (Irml), la hausse continue.", "Institut de recherche pour la mer et les littoraux", "Irml"),
    ],
)
def test_expansion_before_a_parenthesised_acronym_is_one_name(make_doc, text, full, acronym):
    ent = _entity(doc := make_doc(text), full)
    assert ent is not None and ent.label == "ORG", [(e.name, e.label) for e in doc._.entities]
    assert acronym in {m.text for m in ent.mentions}


@pytest.mark.parametrize(
    "text,name",
    [
        ("Le ministère de la Santé et des Solidarités a publié un décret.", "ministère de la Santé et des Solidarités"),
        ("Le conseil régional de Normandie a voté une aide exceptionnelle.", "conseil régional de Normandie"),
        ("Le tribunal judiciaire de Rennes a condamné la société à une amende.", "tribunal judiciaire de Rennes"),
        ("La communauté d'agglomération Val-de-Brenne finance l'étude.", "communauté d'agglomération Val-de-Brenne"),
        ("La Région Occitanie accorde une subvention à la coopérative.", "Région Occitanie"),
    ],
)
def test_public_bodies_named_by_head_and_place_are_organisations(make_doc, text, name):
    doc = make_doc(text)
    assert _entity(doc, name) is not None and _entity(doc, name).label == "ORG", [(e.name, e.label) for e in doc._.entities]


def test_two_institutions_joined_by_et_stay_apart(make_doc):
    doc = make_doc("Le projet attend l'avis de l'Autorité de sûreté nucléaire et du ministère de l'Industrie.")
    assert not any(" et du " in e.name for e in doc._.entities)


@pytest.mark.parametrize(
    "text,demonym,person",
    [
        ("Le Danois Henrik Sørensen a signé jusqu'en 2027 avec le club.", "Danois", "Henrik Sørensen"),
        ("Au troisième tour, la Lyonnaise Camille Vernet a été éliminée.", "Lyonnaise", "Camille Vernet"),
    ],
)
def test_demonym_before_a_person_is_not_an_actor(make_doc, text, demonym, person):
    doc = make_doc(text)
    assert _entity(doc, demonym) is None and _entity(doc, person).label == "PER"


def test_word_between_a_political_title_and_a_name_is_the_party(make_doc):
    doc = make_doc("La sénatrice Horizons Anne Dufresne votera contre le texte.")
    assert _entity(doc, "Horizons").label == "ORG" and _entity(doc, "Anne Dufresne").label == "PER"


def test_lone_given_name_joins_the_person(make_doc):
    doc = make_doc("Hervé Castagnol a repris la ferme en 2019. Pour Hervé, le bio est une évidence.")
    ent = _entity(doc, "Hervé Castagnol")
    assert ent.label == "PER" and "Hervé" in {m.text for m in ent.mentions}


def test_family_firm_keeps_its_own_entity(make_doc):
    doc = make_doc("L'entreprise Berthaud emploie quarante personnes. Son PDG, Pierre Berthaud, veut exporter. Berthaud a été fondée en 1950.")
    assert _entity(doc, "Pierre Berthaud").label == "PER"
    firm = next(e for e in doc._.entities if e.name == "Berthaud")
    assert firm.label == "ORG"


def test_short_name_joins_its_prefixed_group_name(make_doc):
    doc = make_doc("Le groupe Castelli rachète l'usine. Grupo Castelli réalise 300 millions d'euros de chiffre d'affaires.")
    ent = _entity(doc, "Grupo Castelli")
    assert ent.label == "ORG" and "Castelli" in {m.text for m in ent.mentions}


@pytest.mark.parametrize("name,acronym", [("AS Montclar-Rivière", "ASMR"), ("Union sportive de Brévan", "USB")])
def test_acronym_forms_spell_capital_words(name, acronym):
    from pipeline.nlp.entities import acronym_forms

    assert acronym in acronym_forms(name)


@pytest.mark.parametrize(
    "text,author",
    [
        ("De notre envoyée spéciale, Lucie Marchal\n\nLa ville de Gap accueille le sommet des maires ruraux.", "Lucie Marchal"),
        ("La Voix du Causse – Par Hugo Ferrand\n\nLa coopérative Lactalpes ferme son site de Millau.", "Hugo Ferrand"),
    ],
)
def test_bylines_after_a_marker_are_dropped(make_doc, text, author):
    doc = make_doc(text)
    assert _entity(doc, author) is None


@pytest.mark.parametrize(
    "text,name,label",
    [
        ("Le maire de Plouzané a inauguré la médiathèque.", "Plouzané", "LOC"),
        ("Rendez-vous mardi à 20 heures, salle Kerlouan, pour la réunion publique.", "Kerlouan", "LOC"),
        ("Le fonds a été rejoint par Ouest Amorçage et par des business angels.", "Ouest Amorçage", "ORG"),
        ("Elle a reçu le prix des Libraires de la Presqu'île en mai.", "Libraires de la Presqu'île", "MISC"),
    ],
)
def test_place_and_title_cues(make_doc, text, name, label):
    doc = make_doc(text)
    ent = _entity(doc, name)
    assert ent is None and label != "ORG" or ent is not None and ent.label == label, [(e.name, e.label) for e in doc._.entities]


def test_legal_status_acronym_alone_is_not_an_actor(make_doc):
    doc = make_doc("Les salariés ont créé une société coopérative et participative (SCOP) pour reprendre l'atelier.")
    assert _entity(doc, "SCOP") is None


def test_article_and_common_noun_is_no_person(make_doc):
    doc = make_doc("Le groupe doit céder deux titres, L'Écho du Val et Le Réveil de Dreux, avant l'été.")
    assert not any(e.label == "PER" and e.name.startswith("Le Réveil") for e in doc._.entities), [(e.name, e.label) for e in doc._.entities]


@pytest.mark.parametrize(
    "text,name,label",
    [
        ("Il a porté le maillot du Stade Vernois pendant dix ans.", "Stade Vernois", "ORG"),
        ("La mutuelle compte 200 000 adhérents dans l'Ouest.", "Ouest", "LOC"),
        ("Les résultats seront présentés lors du colloque Mieux Vieillir ensemble, en octobre.", "Mieux Vieillir", "MISC"),
    ],
)
def test_clubs_compass_and_events(make_doc, text, name, label):
    doc = make_doc(text)
    ent = _entity(doc, name)
    assert ent is None and label != "ORG" or ent is not None and ent.label == label, [(e.name, e.label) for e in doc._.entities]


def test_section_heading_word_is_no_actor(make_doc):
    doc = make_doc("Rugby – Top 14 : le Castres Olympique recrute un pilier.")
    assert _entity(doc, "Rugby") is None


# ---------------------------------------------------------------------------- generalisation to unseen news (fresh held-out set)

# text, candidate name, kept? — page chrome and ordinary words in context, with cases that must NOT fire
CHROME_AND_CONTEXT = [
    # a credit symbol or a call to action inside a candidate is page chrome
    ("Offre découverte J'en profite © Marc Dubois\nLa start-up Vorlane recrute.", "J'en profite ©", False),
    ("Déjà abonné ? Connectez-vous Maintenant pour lire la suite.", "Connectez-vous Maintenant", False),
    ("Vous pouvez lire l'étude de Quintavo Labs en ligne.", "Quintavo Labs", True),
    # a role word alone, a unit after a number
    ("Le rapport a été remis à Denis Morvan, P-DG de Quintavo, lundi.", "P-DG", False),
    ("La fibre offre jusqu'à 500 Mbits dans les bureaux de Quintavo.", "Mbits", False),
    ("La fibre offre un débit record aux clients de Quintavo.", "Quintavo", True),
    # a rubric label opening a line before a colon, a heading word alone on its line
    ("Transports : la société Quintavo ouvre une usine à Rennes.", "Transports", False),
    ("Mobilités / Énergie\nLa start-up Quintavo électrifie les bus.", "Mobilités", False),
    ("Quintavo : la société ouvre une usine à Rennes.", "Quintavo", True),
    # a participle opening a sentence before a preposition; a plural demonym after a plural determiner
    ("Cité dans une note interne, le syndicat de Quintavo conteste le plan.", "Cité", False),
    ("Le sondage montre que les Français font confiance à Quintavo.", "Français", False),
    ("Le débat a réuni des Européens et la start-up Quintavo.", "Européens", False),
    ("Le sondage montre que Quintavo séduit les Français.", "Quintavo", True),
    # the second complement of a government portfolio is a portfolio too
    ("Le ministre de l'Économie et des Finances a salué la levée de Quorvel.", "Finances", False),
    ("Le préfet et des salariés de Quorvel ont visité l'usine.", "Quorvel", True),
    ("L'ancien ministre de l'Économie, des Finances et de l'Industrie a salué Quorvel.", "Finances", False),
    ("Le Français, connu pour ses prises de position, a quitté Quorvel.", "Français", False),
    # common words glued by hyphens; a name cut off by the end of the excerpt
    ("Cette offre (Internet-téléphone-Télévision) séduit les clients de Quorvel.", "Internet-téléphone-Télévision", False),
    ("Le président de Quorvel a rencontré plusieurs dirigeants européens lors du sommet, y compris Ursula von de", "Ursula von de", False),
    # update markers, log-in chrome, laws named by an acronym
    ("[MàJ à 13h09] : la société Quorvel dément.", "MàJ", False),
    ("Connexion membre Connexion client\nLa start-up Quorvel recrute.", "Connexion", False),
    ("Les députés ont voté le DSA pour encadrer Quorvel.", "DSA", False),
    # wire credits, datelines, a source line with its date; an agency in an ordinary parenthesis stays
    ("Quorvel lève des fonds. (Paul Verdan; version française Julie Morel)", "Julie Morel", False),
    ("Quorvel lève des fonds. (Paul Verdan; version française Julie Morel)", "Paul Verdan", False),
    ("12 mars (Reuters) - La société Quorvel a annoncé un plan social.", "Reuters", False),
    ("Selon l'agence (Reuters), la société Quorvel a démenti.", "Reuters", True),
    ("Bruxelles veut réguler les plateformes - Quorvel Presse • 20/09/2020 à 07:50", "Quorvel Presse", False),
    # job-board adverts and lines addressed to the reader under an article
    ("La start-up recrute.\n- ZORVEX — Data Engineer (H/F)\n- KELMA — Stage marketing", "ZORVEX", False),
    ("Le classement :\n- Quorvel — la start-up qui monte\n- Kelma — la suivante", "Quorvel", True),
    ("Le marché se tend.\n👉 Retrouvez toutes nos offres sur le site Quorvel Jobs", "Quorvel Jobs", False),
    ("Vous avez rejoint Quorvel en 2019 ?", "Quorvel", True),
    ("Le marché se tend.\n🚨 PLANETJOBS\nLa start-up Quorvel recrute.", "PLANETJOBS", False),
    # holidays, staff bodies and heritage labels named by capitalised common nouns
    ("Les chocolats de Pâques et de Noël font vivre l'usine Quorvel.", "Noël", False),
    ("Le bâtiment de Quorvel est inscrit aux Monuments Historiques depuis 1990.", "Monuments Historiques", False),
    # a newsletter line asking the reader to subscribe, a rubric tag in brackets, a heading in capitals
    ("GOOD MORNING KORVANE, abonnez vous à notre newsletter\nLa start-up Quorvel recrute.", "KORVANE", False),
    ("[INSIDERS] Quorvel lance un programme d'accélération.", "INSIDERS", False),
    ("Le fonds (Quorvel) investit dans la robotique.", "Quorvel", True),
    ("+ IN THE KORVA\nLa start-up Quorvel recrute vingt ingénieurs.", "THE KORVA", False),
    # a lowercase brand mixing letters and digits is kept
    ("Des scale-ups comme k9x, Quorvel ou Belmora se financent seules.", "k9x", True),
    # a source line with its publication date; an organisation-name prefix alone
    ("Quorvel Bourse, publié le mercredi 3 mars 2021 à 08h30\nLe marché recule.", "Quorvel Bourse", False),
    ("La rentabilité du Groupe progresse, selon la direction de Quorvel.", "Groupe", False),
    # any name touching the end of an excerpt cut mid-sentence is cut off
    ("Le bureau réunit plusieurs élus de la majorité et de l'opposition, dont Paul Denet (Union Centr", "Union Centr", False),
    # a caption credited to a press agency, a byline glued after a teaser's ellipsis, a nationality before a name
    ("Les salariés rejettent le plan. - Jeanne Morvan-AFP", "Jeanne Morvan-AFP", False),
    ("Nokia rachète Korvane, pas forcément une bonne nouvelle...Paul Verdan\nLe marché réagit.", "Paul Verdan", False),
    ("Récemment, Quorvel a été absorbée par l'Américain Hirelo.", "Américain", False),
    ("Selon l'AFP, les salariés rejettent le plan de Quorvel.", "AFP", True),
    # employment jargon
    ("La direction annonce un plan de sauvegarde de l'emploi (PSE) chez Quorvel.", "PSE", False),
    # an unknown lowercase brand after an organisation role cue is kept; a lowercase common word is not
    ("Le cofondateur de zelvoria a présenté sa feuille de route.", "zelvoria", True),
    ("Le directeur de recherche a présenté ses travaux.", "recherche", False),
]


@pytest.mark.parametrize("text,name,kept", CHROME_AND_CONTEXT)
def test_chrome_and_ordinary_words_in_context(make_doc, text, name, kept):
    doc = make_doc(text)
    got = _kept(doc, name)
    assert bool(got) == kept, (name, got, doc.user_data.get("dropped"))


FRESH_TYPING = [
    # a model code, a ranking, a programme in apposition, a thing named by a participle are MISC
    ("Le constructeur prépare la production en série de la A320 à Toulouse.", "A320", "MISC"),
    ("Le fondateur de Quorvel vise le classement TOP500 des supercalculateurs.", "TOP500", "MISC"),
    ("Elle a suivi le MSX, le master de l'université de Rennes.", "MSX", "MISC"),
    ("Baptisé Orvanix, le supercalculateur a battu un record.", "Orvanix", "MISC"),
    # a commune with its département number
    ("Le groupe Vermaux, installé à Plouvenec (22), recrute vingt salariés.", "Plouvenec", "LOC"),
    # a change of owner names an organisation, even after 'à'
    ("Intégrée à Quarvix en 2021, la cagnotte en ligne a changé de nom.", "Quarvix", "ORG"),
    ("Il a fondé Tralvo, une jeune pousse qui conçoit des drones.", "Tralvo", "ORG"),
    # an acronym is never a person; an acronym opening a name with a toponym is an organisation
    ("Dans un communiqué du SNPX-CFDT, le directeur des ressources humaines a réagi.", "SNPX-CFDT", "ORG"),
    ("La chaîne TVL Val-de-Marne cessera d'émettre en juin.", "TVL Val-de-Marne", "ORG"),
    # places listed after 'des villes comme'; devices named '…box'; a firm named after a person
    ("Le festival se tiendra dans des villes comme Plouzévet, Kermaroc et Lanvézec.", "Kermaroc", "LOC"),
    ("Les abonnés de la Quorbox et de la Zenbox sont nombreux, selon Quorvel.", "Zenbox", "MISC"),
    ("Troisième du classement, Dravobox a bouclé un tour de table auprès de Quorvel.", "Dravobox", "ORG"),
    ("La filiale du groupe Edouard Marvel a ouvert une usine à Brest.", "Edouard Marvel", "ORG"),
    # a government named after its head names a person
    ("Les sanctions de l'administration Brenton visent les dirigeants de Quorvel.", "Brenton", "PER"),
    # a thing certified or in a thing apposition; former regions are places
    ("Les clouds souverains certifiés ZentraCloud sont encore rares.", "ZentraCloud", "MISC"),
    ("L'Allemagne a lancé Orvion, premier supercalculateur exascale européen.", "Orvion", "MISC"),
    ("La cagnotte a été absorbée par Quarvix, le service de paiement en ligne.", "Quarvix", "ORG"),
    ("Les acteurs d'Auvergne et de Rhône-Alpes ont créé un fonds.", "Auvergne", "LOC"),
    # a place name whose article merged with 'de'/'à' ('près du Mans' = Le Mans)
    ("Le site est situé près du Mans, à côté de l'usine Quorvel.", "Mans", "LOC"),
    # a capitalised word and an organisation suffix finish an organisation's name
    ("La levée a été menée par Société Générale Asset Management et Galileo Partners.", "Société Générale Asset Management", "ORG"),
    # stock indices are no actors (gazetteer MISC)
    ("Le CAC40 a clôturé en hausse, porté par les valeurs du luxe et par Quorvel.", "CAC40", "MISC"),
    # a name written in capitals that opens with a given name is a person
    ("ZOÉ MARTINEAU et PAUL DESVIGNES, députés, ont présenté un rapport.", "ZOÉ MARTINEAU", "PER"),
    # a surname particle opens the surname, not a second name
    ("Pour son patron, Jean-Luc Le Gall, pas question de partir.", "Jean-Luc Le Gall", "PER"),
]


def test_two_names_glued_by_a_hyphen_are_split_only_when_each_stands_alone(make_doc):
    doc = make_doc("Orange a démenti. Bouygues aussi. L'accord Orange-Bouygues est enterré.")
    assert len(_entity(doc, "Orange").mentions) == 2 and len(_entity(doc, "Bouygues").mentions) == 2
    assert _entity(doc, "Orange-Bouygues") is None
    doc = make_doc("Le groupe Zelva-Kortis a recruté cent personnes. Zelva-Kortis grandit.")
    assert len(_entity(doc, "Zelva-Kortis").mentions) == 2


@pytest.mark.parametrize("text,name,label", FRESH_TYPING)
def test_typing_on_unseen_news(make_doc, text, name, label):
    doc = make_doc(text)
    ent = _entity(doc, name)
    assert ent is not None, [(e.name, e.label) for e in doc._.entities]
    assert ent.label == label, ent.type_evidence


def test_names_differing_by_a_hyphen_or_space_are_one_entity(make_doc):
    doc = make_doc("PierreAntoine Morvel dirige Quarvix. Pierre-Antoine Morvel a fondé l'entreprise en 2019.")
    ent = _entity(doc, "Pierre-Antoine Morvel")
    assert ent is not None and ent.label == "PER" and len(ent.mentions) == 2
    assert _entity(doc, "Quarvix") is not ent


def test_former_employer_in_parentheses_is_its_own_organisation(make_doc):
    doc = make_doc("Dravo a été fondée par Julie Marnier (ex-Quorvalis) et Paul Denet (ex-Belmora).")
    for org in ("Quorvalis", "Belmora"):
        ent = _entity(doc, org)
        assert ent is not None and ent.label == "ORG", [(e.name, e.label) for e in doc._.entities]
    assert _entity(doc, "Julie Marnier").label == "PER" and _entity(doc, "Julie Marnier") is not _entity(doc, "Quorvalis")
    # the former name of an organisation still joins it
    doc = make_doc("Le fonds QV (ex-Quorvel Ventures) a participé au tour de table.")
    assert len(_entity(doc, "Quorvel Ventures").mentions) == 2


def test_role_with_an_adjective_before_an_organisation_is_trimmed(make_doc):
    doc = make_doc("Elle fut Secrétaire générale de la Fondation Korvane avant 2020.")
    assert _entity(doc, "Fondation Korvane") is not None
    assert not any(e.name.startswith("Secrétaire") for e in doc._.entities)


def test_former_name_after_a_kind_noun_joins_the_current_name(make_doc):
    doc = make_doc("Le groupe Korvane (anciennement groupe Belmora) recrute cent personnes.")
    ent = _entity(doc, "Korvane")
    assert ent is not None and ent.name == "Korvane" and len(ent.mentions) == 2


def test_staff_council_is_not_an_actor(make_doc):
    doc = make_doc("Le Comité social et économique (CSE) de Quorvel a validé le plan de départs.")
    names = {e.name for e in doc._.entities}
    assert "Quorvel" in names and not names & {"Comité social et économique", "CSE"}, names


def test_a_text_ending_on_a_comma_after_a_role_keeps_its_actors(make_doc):
    """The role extractor read past the end of a text cut right after an apposition's comma (the
    article's actors were lost with the crash)."""
    from pipeline.extract import extract_all

    doc = make_doc("Le fonds a levé 3 millions d'euros, explique Claire Dubreuil, présidente du directoire de Korvane Transfert,")
    extract_all(doc)
    assert _entity(doc, "Claire Dubreuil").label == "PER" and _entity(doc, "Korvane Transfert").label == "ORG"


def test_a_place_in_capitals_is_no_person(make_doc):
    doc = make_doc("PARIS LA DÉFENSE - Le groupe Quorvel publie ses résultats annuels.")
    assert not any(e.label == "PER" for e in doc._.entities), [(e.name, e.label) for e in doc._.entities]


# ---------------------------------------------------------------------------- second held-out round (regional, sport, culture)

ROUND2_TYPING = [
    # small French communes (GeoNames, >= 2,000 inhabitants) are places, not organisations
    ("Le tiers-lieu a ouvert à Carentoir après celui de Malestroit.", "Carentoir", "LOC"),
    # a first name alone that spaCy calls a person is a person ('Mathieu aura la charge…')
    ("Dans un communiqué, le club précise que Mathieu aura la charge du recrutement.", "Mathieu", "PER"),
    # an organisation-kind apposition in parentheses
    ("Trois coopératives sont associées : Brovane (un éditeur de logiciels de Grenoble), Kelmor et Tavric.", "Brovane", "ORG"),
    ("Le fonds a soutenu Quelvarn (une société de conseil) dès 2015.", "Quelvarn", "ORG"),
]


@pytest.mark.parametrize("text,name,label", ROUND2_TYPING)
def test_typing_on_a_second_held_out_round(make_doc, text, name, label):
    doc = make_doc(text)
    ent = _entity(doc, name)
    assert ent is not None, [(e.name, e.label) for e in doc._.entities]
    assert ent.label == label, ent.type_evidence


def test_lone_first_name_outside_the_lexicon_joins_the_person(make_doc):
    doc = make_doc("Le public attendait surtout Kendro Maravelli. La présence de Kendro a fait chavirer les mamans.")
    ent = _entity(doc, "Kendro Maravelli")
    assert ent.label == "PER" and "Kendro" in {m.text for m in ent.mentions}


def test_given_name_and_initial_join_the_person(make_doc):
    doc = make_doc("Le ministre Scott Dravenel mènera les discussions. « Tout dépend de Scott D. », a écrit le président.")
    ent = _entity(doc, "Scott Dravenel")
    assert ent.label == "PER" and "Scott D." in {m.text for m in ent.mentions}


def test_first_word_of_an_organisation_stays_apart(make_doc):
    doc = make_doc("Bouygues Telecom a recruté. Le groupe Bouygues a publié ses comptes.")
    assert _entity(doc, "Bouygues Telecom") is not _entity(doc, "Bouygues")


def test_a_speech_verb_after_a_name_is_no_person_cue(make_doc):
    doc = make_doc("La coopérative Torvalis précise que les prix baisseront.")
    assert _entity(doc, "Torvalis").label == "ORG"


ROUND2_NOT_ACTORS = [
    # demonyms: a plural one after a plural noun, a singular one after an article and an adjective
    ("Plus de 20 000 électeurs Bretons voteront en janvier pour la coopérative Quorvel.", "Bretons", False),
    ("Le jeune Rennais avait jeté des œufs sur la voiture du maire.", "Rennais", False),
    ("Les fonds Quorvans investissent dans la robotique.", "Quorvans", True),
    # a portfolio after a post and an adjective, or after 'représentant au'; the person after it stays
    ("Le ministre américain des Finances sera présent à la réunion de Quorvel.", "Finances", False),
    ("Le représentant au Commerce Jamieson Karlow rencontrera les dirigeants de Quorvel.", "Jamieson Karlow", True),
    # page chrome: newsletter notice, discount offer, wire credit, rubric tags
    ("Quorvel TV utilise votre adresse e-mail afin de vous envoyer la newsletter.\nLa coopérative Brovane recrute.", "Quorvel TV", False),
    ("Le maire a signé le contrat avec Brovane.\nQuorvel : -50% les 3 premiers mois", "Quorvel", False),
    ("Le club a limogé son entraîneur. (Avec AFP)", "AFP", False),
    ("- Agglomération, Economie, Jeunesse, Numérique\nLa coopérative Brovane recrute.", "Jeunesse", False),
    # a rank is no actor; participles in a series opening a line are no names
    ("Le club, 8e de Ligue 2 la saison passée, a recruté chez Brovane.", "8e de Ligue", False),
    (">> Critiqué, sifflé, moqué... la tournée difficile de Paul Verlaine", "Critiqué", False),
    # names cut at random inside a long headline in capitals
    ("DANS LA VIE DES CLINIQUES: CH DE KORVAN, CLINIQUE DU ROUVEL\nLe directeur de Brovane a démissionné.", "ROUVEL", False),
    # the cheap line tests (a post noun before a name, a credit marker on the line) keep the rules' verdicts
    ("La SECRÉTAIRE D'ÉTAT AU Numérique Jeanne Korval a visité Quorvel.", "Jeanne Korval", True),
    ("La Secrétaire d'État au Numérique a visité Quorvel.", "Numérique", False),
    ("Le site de Brovane à Nantes. Crédit photo : Marc Dellion", "Marc Dellion", False),
    ("Marc Dellion dirige Brovane. Crédit photo : Quorvel", "Marc Dellion", True),
]


@pytest.mark.parametrize("text,name,kept", ROUND2_NOT_ACTORS)
def test_round2_chrome_and_ordinary_words(make_doc, text, name, kept):
    doc = make_doc(text)
    got = _kept(doc, name)
    assert bool(got) == kept, (name, got, doc.user_data.get("dropped"))


@pytest.mark.parametrize(
    "text,name,label",
    [
        ("Les jeunes pousses sont logées dans le quartier du Petit Korvan, face au port.", "Petit Korvan", "LOC"),
        ("Le programme se déroule dans l'ancienne caserne Mellivan à Nantes.", "Mellivan", "LOC"),
        ("Pierre Dunal dirige l'Hôpital privé des Monts-Korvan depuis 2016.", "Hôpital privé des Monts-Korvan", "ORG"),
    ],
)
def test_round2_places_and_named_hospitals(make_doc, text, name, label):
    doc = make_doc(text)
    ent = _entity(doc, name)
    assert ent is not None, [(e.name, e.label) for e in doc._.entities]
    assert ent.label == label, ent.type_evidence



@pytest.mark.parametrize(
    "text,name,label",
    [
        # a title of several words before 'de' opens no name: the organisation after it is the name
        ("Marc Lévon est nommé Directeur général délégué de l’Institut Korvanais\nIl prendra ses fonctions en mai.", "Institut Korvanais", "ORG"),
        # an event after 'édition de'; a network or a site owned by someone ('son réseau X') is a thing
        ("Du 3 avril au 6 mai se tiendra la 4e édition de Korvan Impressions, à Rouen.", "Korvan Impressions", "MISC"),
        ("Le président américain a écrit sur son réseau Korva Social que la Chine cédera.", "Korva Social", "MISC"),
    ],
)
def test_round2_titles_events_and_owned_things(make_doc, text, name, label):
    doc = make_doc(text)
    ent = _entity(doc, name)
    assert ent is not None, [(e.name, e.label) for e in doc._.entities]
    assert ent.label == label, ent.type_evidence


def test_a_name_with_a_hyphen_and_an_elided_particle_is_one_name(make_doc):
    doc = make_doc("La clinique résulte de la fusion des établissements Sainte-Korvane et Jeanne-d’Arc en 2016.")
    assert _entity(doc, "Jeanne-d’Arc") is not None
    assert _entity(doc, "Jeanne") is None and _entity(doc, "Arc") is None


def test_a_person_undergoing_an_organisation_verb_is_no_organisation(make_doc):
    # 'X est licencié': X is laid off, not laying off; the active form still cues an organisation
    doc = make_doc("Début juin, Karim Belvaux est licencié pour faute grave par le club.")
    assert _entity(doc, "Karim Belvaux").label == "PER"
    doc = make_doc("Pelvina a licencié quarante salariés en 2020.")
    assert _entity(doc, "Pelvina").label == "ORG" and "org.after.verb" in _entity(doc, "Pelvina").type_evidence


def test_an_event_verb_after_a_noun_complement_is_not_the_names(make_doc):
    doc = make_doc("L'assemblée générale de la Korvalia s'est tenue le 25 juin au siège de la coopérative.")
    ent = _entity(doc, "Korvalia")
    assert ent is not None and ent.label != "MISC", ent and ent.type_evidence


def test_a_gazetteer_organisation_signed_with_its_town_is_the_same_entity(make_doc):
    doc = make_doc("Le Stade Français a battu Brive. Communiqué officiel\n— Stade Français Paris (@SFKorvan) 28 juin 2019")
    ent = _entity(doc, "Stade Français")
    assert ent.label == "ORG" and "Stade Français Paris" in {m.text for m in ent.mentions}


@pytest.mark.parametrize(
    "text,name",
    [
        ("Le festival est l'une des rares animations de la Ville, rappelle Anne Korvel.", "Ville"),
        ("— Quorvel Rugby (@QuorvelRugby) 28 juin 2019", "@QuorvelRugby"),
    ],
)
def test_round2_local_authority_nouns_and_handles_are_no_actors(make_doc, text, name):
    doc = make_doc(text)
    assert not _kept(doc, name), doc.user_data.get("dropped")


def test_a_gazetteer_organisation_and_its_country_subsidiary_stay_apart(make_doc):
    doc = make_doc("Uber France a recruté cent chauffeurs. Uber a publié ses comptes à New York.")
    assert _entity(doc, "Uber France") is not _entity(doc, "Uber")


def test_a_lone_surname_in_a_sports_story_is_a_person(make_doc):
    # spaCy tags the lone surname PER; outside business news that is kept as a (weak) person vote
    doc = make_doc("Sous l'ère Castagnède, le club a tout gagné. Depuis, Lécuyer est parti.")
    assert _entity(doc, "Lécuyer").label == "PER", _entity(doc, "Lécuyer").type_evidence


def test_a_lone_unknown_name_in_business_news_is_an_organisation(make_doc):
    doc = make_doc("Les levées de la semaine : la start-up Quorvel lève deux millions d'euros auprès de ses investisseurs. "
                   "Carlivo boucle aussi un tour de table, tout comme Padomi, dont les clients sont des entreprises.")
    ents = {e.name: e.label for e in doc._.entities}
    assert all(ents.get(n) in {None, "ORG"} for n in ("Carlivo", "Padomi")), ents


def test_one_organisation_cue_outweighs_repeated_person_tags(make_doc):
    doc = make_doc("Xavier Niel présente Korvai. Le PDG de Korvai répond. Korvai recrute. Korvai publie. Korvai innove. Korvai grandit.")
    ent = _entity(doc, "Korvai")
    assert ent is None or ent.label != "PER", ent.type_evidence


def test_business_context_words_are_data():
    rule = load_json("org_cues.json")["business_context"]
    assert rule["min_count"] >= 2 and {"start-up", "fonds", "application"} <= set(rule["words"])
    assert rule["min_tokens"] > 0 and {"club", "match", "film"} <= set(rule["leisure_words"])


@pytest.mark.parametrize(
    "text,name",
    [
        ("Le club rêve de remonter en Ligue 1 la saison prochaine, loin de la Nationale 2.", "Ligue 1"),
        ("Le club rêve de remonter en Ligue 1 la saison prochaine, loin de la Nationale 2.", "Nationale 2"),
    ],
)
def test_a_league_tier_is_a_competition(make_doc, text, name):
    ent = _entity(make_doc(text), name)
    assert ent is not None and ent.label == "MISC", ent and ent.type_evidence


# ---------------------------------------------------------------------------- third held-out round (precision)

ROUND3_NOT_ACTORS = [
    # bylines: on a publication line with separators, closing a paragraph, glued to 'par'
    ("Publié le 12/03/2021 • Par Camille Korvan • dans : Régions\nLa coopérative Brovane recrute.", "Camille Korvan"),
    ("Publié le 12/03/2021 • Par Camille Korvan • dans : Régions\nLa coopérative Brovane recrute.", "Régions"),
    ("Les élus veulent attirer des industriels près de Brovane. Par Camille Korvan\nLa zone compte 40 hectares.", "Camille Korvan"),
    ("Rédigé parPaul Korvan, le mardi 3 mai 2011 à 10h12\nLa coopérative Brovane recrute.", "parPaul Korvan"),
    # an author box line with counters; a call to action cut before '-vous'
    ("La coopérative Brovane recrute.\nKorvel 392 partages Voir son profil", "Korvel"),
    ("La coopérative Brovane recrute vingt personnes cette année dans ses ateliers.\nAbonnez-vous à korvan.info pour continuer à lire ce post et obtenir sept jours d'accès gratuit.", "Abonnez"),
    # ordinary words opening a sentence: an adverb before a comma, a participle of any conjugation before a preposition
    ("Normalement, on devrait voir la coopérative Brovane recruter.", "Normalement"),
    ("Convaincus de la pertinence du projet, les élus ont voté avec Brovane.", "Convaincus"),
    # a local authority, a sport and a political label named by their common noun
    ("L'Agglo a voté le budget de la zone avec Brovane.", "Agglo"),
    ("Presque tous les clubs de Foot sont à vendre, dit Paul Korvan.", "Foot"),
    ("Paul Korvan, président (SE) de la communauté, a signé avec Brovane.", "SE"),
    # a caption's credit with spaced dashes: the photographer and the agency
    ("Le Coq Korvan fait son retour à Brest. - Paul Korvel - AFP\nLe club a signé avec Brovane.", "Paul Korvel"),
    ("Le Coq Korvan fait son retour à Brest. - Paul Korvel - AFP\nLe club a signé avec Brovane.", "AFP"),
    # 'Publié par X le' opens a publication line
    ("Publié par Camille Korvan le\nLe tribunal a validé l'offre de Brovane.", "Camille Korvan"),
    # a rubric label glued to the title's first word opening a line
    ("DossierReprendre une entreprise à la barre du tribunal\nLe tribunal a validé l'offre de Brovane.", "DossierReprendre"),
    # a site logo line, a video report's credits, a generic council, an English adjective of an expression
    ("Logo Korvan.tv\n\nLe maire de Brovane a présenté le budget.", "Korvan.tv"),
    ("Le budget de Brovane est adopté.\nJRI : Paul Korvel\nMonteurs : Claudia", "Claudia"),
    ("Le Conseil Municipal de mardi a adopté le budget présenté par Paul Korvel.", "Conseil Municipal"),
    ("Notre but était de lutter contre le « French bashing » avec Brovane.", "French"),
    # a name cut off by the end of an excerpt in a short last line of prose
    ("La coopérative Brovane recrute.\nCette année, Emmanuel Korv", "Emmanuel Korv"),
]


@pytest.mark.parametrize("text,name", ROUND3_NOT_ACTORS)
def test_round3_chrome_bylines_and_ordinary_words(make_doc, text, name):
    doc = make_doc(text)
    assert not _kept(doc, name), doc.user_data.get("dropped")


@pytest.mark.parametrize(
    "text,name",
    [
        # a name after 'Par' that does not end its line is an actor ('Par Brovane, la coopérative…')
        ("Le projet a été validé. Par Brovane Industries, la coopérative locale, il sera financé.", "Brovane Industries"),
        # a body of the region whose name holds a hyphenated region is kept
        ("Le dispositif est porté par le conseil régional de Nouvelle-Aquitaine depuis 2020.", "conseil régional de Nouvelle-Aquitaine"),
        # an acronym after a capitalised article opening a sentence keeps the acronym
        ("La KORVEM et la fédération Brovane ont publié un baromètre.", "KORVEM"),
        # an adverb-like word that is a company, not opening a sentence with a comma
        ("Le fonds Normalis a investi dans la coopérative.", "Normalis"),
        # names that look like rubric labels or credits
        ("Le fonds DossierKorp a investi dans la coopérative.", "DossierKorp"),
        ("La start-up FocusLab recrute vingt personnes.", "FocusLab"),
        ("Le PDG de Brovane, Paul Korvel - ancien de Korvan - a parlé.", "Paul Korvel"),
    ],
)
def test_round3_names_that_look_like_chrome_are_kept(make_doc, text, name):
    doc = make_doc(text)
    assert _kept(doc, name), doc.user_data.get("dropped")


def test_a_known_name_with_et_inside_is_one_name(make_doc):
    doc = make_doc("L'État a versé 75 millions d'euros au consortium avec la Caisse des Dépôts et Consignations, Orange et Thales.")
    ent = _entity(doc, "Caisse des Dépôts et Consignations")
    assert ent is not None and ent.label == "ORG", [(e.name, e.label) for e in doc._.entities]
    assert _entity(doc, "Consignations") is None  # no second actor cut at "et"


def test_a_project_named_after_a_noun_complement_is_no_organisation(make_doc):
    doc = make_doc("Un consortium a été créé dans le cadre du projet de cloud souverain Korvamède, annoncé en 2011.")
    ent = _entity(doc, "Korvamède")
    assert ent is None or ent.label not in {"ORG", "PER"}, ent.type_evidence


def test_a_country_of_the_united_kingdom_is_a_place(make_doc):
    doc = make_doc("Il possède 40 % du capital du club de Korvanham (Angleterre) depuis 2021.")
    ent = _entity(doc, "Angleterre")
    assert ent is None or ent.label == "LOC", ent.type_evidence


@pytest.mark.parametrize(
    "text,name,label",
    [
        # the adjective of a capitalised title opens no name: the organisation after 'de' is the name
        ("Georges Korvan, Président et CEO de Brovane Technology et Directeur Général de Scalix, le dit.", "Scalix", "ORG"),
        ("Paul Korvan, Directeur Général de Brovane, a signé l'accord.", "Brovane", "ORG"),
        # a programme or a project named with its head word is no organisation
        ("La région finance le Projet Korvalis Horizon depuis 2010.", "Projet Korvalis Horizon", "MISC"),
    ],
)
def test_round3_title_adjectives_and_programmes(make_doc, text, name, label):
    doc = make_doc(text)
    ent = _entity(doc, name)
    assert ent is not None and ent.label == label, [(e.name, e.label, e.type_evidence) for e in doc._.entities]
    assert not any(e.name.startswith(("Général", "Directeur")) for e in doc._.entities)


def test_a_title_adjective_alone_after_a_role_is_no_name(make_doc):
    doc = make_doc("Marie Korvan, Directrice Technique Jeanne Morel et lui ont signé.")
    assert _entity(doc, "Technique") is None, [(e.name, e.label) for e in doc._.entities]


def test_a_firm_named_after_its_town_joins_its_prefixed_name(make_doc):
    doc = make_doc("Les salariés du Groupe Korvanville s'inquiètent. L'inquiétude croît chez le groupe industriel Korvanville depuis sa reprise.")
    # 'Korvanville' is no place of the lexicon: the plain short-form link applies; a real town is checked below
    assert _entity(doc, "Korvanville") is _entity(doc, "Groupe Korvanville")
    doc = make_doc("Les salariés du Groupe Cahors s'inquiètent. L'inquiétude croît chez le groupe industriel Cahors depuis sa reprise.")
    assert _entity(doc, "Cahors") is _entity(doc, "Groupe Cahors"), [(e.name, e.label) for e in doc._.entities]
    # a town also named alone ('à Cahors') is not swallowed by the firm
    doc = make_doc("Le Groupe Cahors emploie 300 salariés. Le groupe industriel Cahors a été repris. Il vit à Cahors.")
    assert _entity(doc, "Groupe Cahors") is not _entity(doc, "Cahors")


def test_a_lowercase_role_before_an_organisation_is_trimmed(make_doc):
    # NER may take the role with the name ('président de l’Anvaj'): the organisation after 'de' is kept
    doc = make_doc("« Il faut des fonds », explique Paul Korvel, administrateur judiciaire et président de l’Anvaj, une association.")
    assert _kept(doc, "président de l’Anvaj") == ["Anvaj"], doc.user_data.get("dropped")
    doc = make_doc("Paul Korvel, directeur de la communication, a parlé.")
    assert _kept(doc, "directeur de la communication") == []


def test_a_signature_ending_the_text_is_not_a_cut_name(make_doc):
    doc = make_doc("La coopérative Brovane recrute vingt personnes.\nPaul Korvel")
    assert not any("cut off" in d.reason for d in doc.user_data.get("dropped", []))


def test_a_surname_in_capitals_after_a_civil_title_is_a_person(make_doc):
    doc = make_doc("Pour compléter l'information, Mme KORVELLE, qui avait donné procuration, a démissionné.")
    ent = _entity(doc, "KORVELLE")
    assert ent is not None and ent.label == "PER", ent and ent.type_evidence


def test_a_venue_named_center_is_a_place(make_doc):
    doc = make_doc("Gaël Korvel emmènera des start-up françaises à l'Axo Center de New York en juin.")
    ent = _entity(doc, "Axo Center")
    assert ent is None or ent.label not in {"ORG", "PER"}, ent.type_evidence


@pytest.mark.parametrize(
    "text,name,label",
    [
        # a hyphenated saint's name with no organisation cue is a commune; a firm so named keeps its cues
        ("La session s'est tenue exceptionnellement à Saint-Korvel, lundi soir.", "Saint-Korvel", "LOC"),
        ("L'enseigne Saint-Korvel a ouvert vingt magasins et recrute.", "Saint-Korvel", "ORG"),
        ("Saint-Gobain a publié ses résultats annuels jeudi.", "Saint-Gobain", "ORG"),
    ],
)
def test_a_saints_name_is_a_commune_unless_cued(make_doc, text, name, label):
    ent = _entity(make_doc(text), name)
    assert ent is not None and ent.label == label, ent and ent.type_evidence


def test_a_saints_name_votes_for_a_place_by_its_form():
    from pipeline.nlp.typing import name_votes

    assert any(v[2] == "loc.name.toponym" for v in name_votes("Saint-Korvel", lexicons()))
    assert not any(v[2] == "loc.name.toponym" for v in name_votes("Korvel Saint", lexicons()))


@pytest.mark.parametrize(
    "text,name",
    [
        ("L'application Korvago est disponible sur l'AppStore et le Playstore depuis mardi.", "AppStore"),
        ("Le boîtier se connecte en Bluetooth au téléphone de l'utilisateur.", "Bluetooth"),
        ("Les joueurs de Fortnite pourront gagner des objets offerts par Brovane.", "Fortnite"),
    ],
)
def test_well_known_products_and_stores_are_not_actors(make_doc, text, name):
    ent = _entity(make_doc(text), name)
    assert ent is None or ent.label == "MISC", ent.type_evidence


def test_a_listed_town_named_after_a_saint_keeps_its_usual_votes(make_doc):
    # the saint's-name vote stands in for small communes missing from the place list only
    doc = make_doc("Le troisième candidat, Paul Korvel, co-président de Saint-Etienne, s'est retiré de la course.")
    ent = _entity(doc, "Saint-Etienne")
    assert ent is not None and "loc.name.toponym" not in ent.type_evidence, ent and ent.type_evidence


@pytest.mark.parametrize(
    "text,found",
    [
        ("LA SECRÉTAIRE D'ÉTAT AU NUMÉRIQUE", True),
        ("la Haute-Commissaire à l'Enfance", True),
        ("le Représentant au Commerce", True),
        ("la Ministre de la Culture", True),
        ("le secretariat d'Etat", True),
        ("le commissaire européen au Commerce", True),  # every head of the post-adjective pattern too
        ("le président de la région", False),
    ],
)
def test_portfolio_prefilter_finds_every_post_noun_whatever_its_case_and_accents(text, found):
    # after_portfolio folds the text before a name only where this cheap test finds a post noun
    from pipeline.nlp.cleaning import _post_heads

    assert bool(_post_heads(lexicons()).search(text)) == found




@pytest.mark.parametrize(
    "text",
    [
        "Les Start-up Lèvent des fonds auprès d'investisseurs.",
        "Le club a battu Rennes (2-1) grâce à un but de Karim Benali.",
        "",
    ],
)
def test_array_scans_see_what_the_token_scans_saw(make_doc, text):
    # the array-based scans replace loops over Token objects: same words, same lemmas
    from pipeline.nlp.doctext import token_texts
    from pipeline.nlp.typing import _word_hits

    doc = make_doc(text)
    words = frozenset({"lever", "fonds", "start", "club", "but", "rennes"})
    assert token_texts(doc) == [t.text for t in doc]
    from pipeline.nlp.doctext import slice_text

    assert all(slice_text(doc, i, j) == doc[i:j].text for i in range(len(doc)) for j in range(i + 1, min(len(doc), i + 6) + 1))
    assert _word_hits(doc, words).tolist() == [t.lower_ in words or t.lemma_.lower() in words for t in doc]


def test_folded_word_lists_are_cached_per_list_and_never_confused():
    lex = lexicons()
    titles = lex.person["titles"]
    assert lex.folded(titles) is lex.folded(titles)  # computed once for a list of the rules
    # lists made on the fly (and freed at once) must each get their own words back
    for k in range(50):
        assert lex.folded([f"Élan{k}", "Île"]) == {f"elan{k}", "ile"}
    assert lex.word_set({"words": ["Crédit"]}) == {"credit"}


def test_entity_lookups_by_place_agree_with_a_scan_of_every_mention(make_doc):
    # entity_ref / entities_in search a sorted index; a plain scan of entity_keys is the reference
    doc = make_doc("Quorvel SA et Brovane ont signé. Jeanne Korval, PDG de Quorvel, a salué Brovane et Quorvel.")
    keys = doc._.entity_keys
    assert len(keys) >= 5
    text_len = len(doc.text)
    for start in range(0, text_len, 3):
        for end in (start + 1, start + 7, start + 25):
            best, best_len = None, 0
            for (s, e), key in keys.items():
                if min(e, end) - max(s, start) > best_len:
                    best, best_len = key, min(e, end) - max(s, start)
            got = entity_ref(doc, start, end)
            assert (got.key if got else None) == best, (start, end)
            inside = [key for (s, e), key in sorted(keys.items()) if s >= start and e <= end]
            assert [r.key for r in entities_in(doc, start, end)] == inside


@pytest.mark.parametrize("name", ["Quorvel SA", "Jeanne Korval", "Saint-Brovan-sur-Mer", "Ligue 1", "Quorvel SA"])
def test_name_votes_are_memoised_without_sharing_the_list(name):
    from pipeline.nlp import typing as ty

    lex = lexicons()
    first = ty.name_votes(name, lex)
    assert first == ty._name_votes(name, lex)
    first.append(("PER", 99.0, "test"))  # a caller may extend its list: the memo stays intact
    assert ty.name_votes(name, lex) == ty._name_votes(name, lex)
