"""Funding extractor: hand-built French sentences per rule, non-events, and the rules files' schema."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.extract.funding import extract_funding
from pipeline.nlp.entities import normalize_name
from pipeline.rules import load_json, load_jsonl

ROUNDS = {"pre_seed", "seed", "series_a", "series_b", "series_c", "series_d", "series_e", "grant", "debt", "ipo", "investment"}


def _events(make_doc, text: str, published: dt.date | None = dt.date(2024, 3, 1)):
    doc = make_doc(text, published)
    return list(extract_funding(doc)), doc


def _names(refs) -> set[str]:
    return {normalize_name(r.name) for r in refs}


# ---------------------------------------------------------------- rules files schema


def test_trigger_rules_schema():
    rows = load_jsonl("funding_triggers.jsonl")
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids)), "duplicate trigger ids"
    for r in rows:
        assert set(r) <= {"id", "kind", "role", "de_x", "round", "pattern"}, r["id"]
        assert r["kind"] in {"verb", "noun", "round"}, r["id"]
        assert isinstance(r["pattern"], list) and r["pattern"] and all(isinstance(t, dict) for t in r["pattern"])
        if r["kind"] == "verb":
            assert r.get("role") in {"raise", "raise_noun", "invest", "fund", "give"}, r["id"]
        if r["kind"] == "noun":
            assert r.get("de_x") in {"recipient", "investor"}, r["id"]
        if r["kind"] == "round":
            assert r.get("round") in ROUNDS, r["id"]
        if "round" in r:
            assert r["round"] in ROUNDS, r["id"]


def test_cue_rules_schema():
    cues = load_json("funding_cues.json")
    required = {
        "investor_cues", "lead_cues", "direct_investor_cues", "recipient_anaphors", "deal_anaphors",
        "ordinal_anaphors", "non_event_cues", "seek_cues", "valuation_cues", "valuation_stems",
        "tranche_cues", "participation_lemmas", "participation_phrases", "list_connectors", "list_stops",
        "generic_agent_heads", "place_prepositions", "city_prepositions", "trigger_blockers_before",
        "follow_up_nouns", "generic_plural_subjects", "recipient_agent_lemmas", "investor_anaphors",
        "valuation_after_cues", "lead_verb_lemmas", "round_blockers", "ranking_extremes", "own_asset_nouns",
        "share_approximators", "comparison_after_cues", "sector_nouns", "seek_after_cues",
    }
    assert required <= set(cues)
    for key in required:
        assert isinstance(cues[key], list) and cues[key], key
        assert all(isinstance(w, str) and w == w.strip() and w for w in cues[key]), key
    assert set(cues["lead_cues"]) <= set(cues["investor_cues"])
    assert cues["currency_default"] in {"EUR", "USD"}


# ---------------------------------------------------------------- one event per sentence

SINGLE = [
    # (sentence, recipient, amount, currency, investors, leads, round)
    ("La start-up lyonnaise Vertalis a levé 12 millions d'euros auprès de Partech, Elaia et Bpifrance.",
     "Vertalis", 12e6, "EUR", {"partech", "elaia", "bpifrance"}, set(), None),
    ("Quantifly annonce une levée de fonds de 4,5 millions d'euros menée par Kima Ventures, aux côtés de "
     "Side Capital et d'Axa Venture Partners.",
     "Quantifly", 4.5e6, "EUR", {"kima ventures", "side capital", "axa venture partners"}, {"kima ventures"}, None),
    ("La fintech nantaise Payboost boucle un tour de table de 30 millions de dollars en série B.",
     "Payboost", 30e6, "USD", set(), set(), "series_b"),
    ("Le spécialiste de la cybersécurité Cryptalis vient de boucler une série A de 15 millions d'euros "
     "pilotée par Eurazeo.",
     "Cryptalis", 15e6, "EUR", {"eurazeo"}, {"eurazeo"}, "series_a"),
    ("Amazon a investi 4 milliards de dollars dans Anthropic.",
     "Anthropic", 4e9, "USD", {"amazon"}, set(), "investment"),
    ("La société Robotiq a obtenu une subvention de 2 millions d'euros de la Région Occitanie.",
     "Robotiq", 2e6, "EUR", {"region occitanie"}, set(), "grant"),
    ("Avec un tour de table de 9 millions de dollars (8 millions d'euros), Lumeo conclut la plus grosse "
     "levée de la semaine.",
     "Lumeo", 9e6, "USD", set(), set(), None),
    ("Enfin, la levée de 5 millions d'euros de Cybelis réalisée auprès d'Omnes Capital lui permet de "
     "monter sur le podium.",
     "Cybelis", 5e6, "EUR", {"omnes capital"}, set(), None),
    ("Un chiffre porté par la levée de 11 millions d'euros bouclée par Phytolab, qui pèse la moitié du total.",
     "Phytolab", 11e6, "EUR", set(), set(), None),
    ("Le podium est occupé par Agrinov qui a levé six millions d'euros pour accélérer.",
     "Agrinov", 6e6, "EUR", set(), set(), None),
    ("La jeune pousse Mobilink a réalisé une levée de 3 millions d'euros avec le soutien de Breizh Up.",
     "Mobilink", 3e6, "EUR", {"breizh up"}, set(), None),
    ("La biotech Genoskin obtient un prêt de 1,2 million d'euros de Bpifrance.",
     "Genoskin", 1.2e6, "EUR", {"bpifrance"}, set(), "debt"),
    ("Le fabricant Drovia prépare son introduction en bourse et a levé 50 millions d'euros lors de son IPO.",
     "Drovia", 50e6, "EUR", set(), set(), "ipo"),
    ("Hexadrone lève 2 millions d'euros en pré-seed auprès de business angels.",
     "Hexadrone", 2e6, "EUR", set(), set(), "pre_seed"),
    ("Le fonds Serena a mené le tour de table de 12 millions d'euros de Datakeep.",
     "Datakeep", 12e6, "EUR", {"serena"}, {"serena"}, None),
    ("Bpifrance investit 5 millions d'euros dans la start-up grenobloise Isorg.",
     "Isorg", 5e6, "EUR", {"bpifrance"}, set(), "investment"),
    ("Le Conseil européen de l'innovation a accordé une subvention de 2,5 millions d'euros à Aledia.",
     "Aledia", 2.5e6, "EUR", {"conseil europeen de l innovation"}, set(), "grant"),
    ("La medtech toulousaine Cardiawave a finalisé un financement de 10 millions d'euros, dont 4 millions "
     "sous forme de prêt.",
     "Cardiawave", 10e6, "EUR", set(), set(), None),
    ("En mars 2021, Alvena a levé 185 millions d'euros auprès de Coatue, Ribbit Capital et Index Ventures.",
     "Alvena", 185e6, "EUR", {"coatue", "ribbit capital", "index ventures"}, set(), None),
    ("Enfin, Finabox complète le podium, avec l'investissement de 10 millions d'euros réalisé par son "
     "partenaire Assurix.",
     "Finabox", 10e6, "EUR", {"assurix"}, set(), None),
    ("En deuxième position, l'éditeur de jeux vidéo Pixelnord récolte 46 millions d'euros, dont 35 millions "
     "auprès de Tencent.",
     "Pixelnord", 46e6, "EUR", {"tencent"}, set(), None),
]


@pytest.mark.parametrize("text,recipient,amount,currency,investors,leads,round_", SINGLE)
def test_single_event(make_doc, text, recipient, amount, currency, investors, leads, round_):
    events, _ = _events(make_doc, text)
    assert len(events) == 1, [(e.recipient.name, e.amount) for e in events]
    ev = events[0]
    assert normalize_name(ev.recipient.name) == normalize_name(recipient)
    assert ev.amount == pytest.approx(amount)
    assert ev.currency == currency
    assert _names(ev.investors) == investors
    assert _names(ev.lead_investors) == leads
    assert ev.round == round_
    assert ev.rule_id.startswith(("trig.", "round."))
    assert ev.evidence and ev.evidence in text


# ---------------------------------------------------------------- round-ups: one event per deal

ROUNDUPS = [
    ("Derrière, les opérations de Grainly (2 millions), Solvea (1,5 million) et Tribu (800.000 euros).",
     [("grainly", 2e6, "EUR"), ("solvea", 1.5e6, "EUR"), ("tribu", 8e5, "EUR")]),
    ("Le secteur de la santé a compté trois opérations (Medisoft, Cardiolab et Neurya) cette semaine.",
     [("medisoft", None, None), ("cardiolab", None, None), ("neurya", None, None)]),
    ("Adiona et Vitalis ont chacun levé 3 millions d'euros.",
     [("adiona", 3e6, "EUR"), ("vitalis", 3e6, "EUR")]),
    ("Navalto occupe la première marche avec une levée de 7 millions d'euros, juste devant Ocealia et son "
     "outil de suivi des navires (quatre millions d'euros).",
     [("navalto", 7e6, "EUR"), ("ocealia", 4e6, "EUR")]),
    ("Les Hauts-de-France se distinguent avec deux levées (Lumeo à Lille et Kapta à Amiens).",
     [("lumeo", None, None), ("kapta", None, None)]),
]


@pytest.mark.parametrize("text,expected", ROUNDUPS)
def test_roundup(make_doc, text, expected):
    events, _ = _events(make_doc, text)
    got = sorted((normalize_name(e.recipient.name), e.amount, e.currency) for e in events)
    assert got == sorted(expected)


# ---------------------------------------------------------------- pronouns and anaphors


ANAPHORS = [
    ("Fondée en 2018 à Bordeaux, Ecotrak développe un logiciel de maintenance. "
     "La start-up a levé 8 millions d'euros auprès de Seventure.", "Ecotrak", 8e6),
    ("Deux ans après le lancement de son application, Nutriflow annonce une levée de fonds. "
     "Ce mardi, l'entreprise dévoile un tour de table de 5 millions d'euros mené par Racine Capital.",
     "Nutriflow", 5e6),
    ("Kelvio a déjà réalisé deux levées de fonds depuis 2015. "
     "La première, de 2 millions d'euros, avait été bouclée avec des business angels en 2016.", "Kelvio", 2e6),
    ("Orbitec a confirmé avoir bouclé un nouveau tour de table. "
     "L'opération a atteint 25 millions de dollars.", "Orbitec", 25e6),
    ("Alpheon recrute des ingénieurs. Elle a obtenu 4 millions d'euros de financement.", "Alpheon", 4e6),
    ("Tarvio a levé 3 millions d'euros la semaine dernière. La palme revient au fabricant de capteurs Omnisens, "
     "basé à Nancy. La start-up, fondée en 2015, a annoncé avoir levé 40 millions d'euros.", "Omnisens", 40e6),
    ("Kelvio a levé 9 millions d'euros. Brevia a, quant à elle, levé 7 millions d'euros.", "Brevia", 7e6),
    ("C'est ce que vient de faire Orvane. La société a réalisé une extension de sa levée de fonds, en faisant "
     "entrer le fonds Polaris à son capital. L'opération, d'un montant de six millions de dollars, a été menée "
     "par Jean Martin.", "Orvane", 6e6),
    ("La société spatiale Exorion est la start-up qui lève le plus de fonds en février. Un tour de table de "
     "54 millions d'euros qui lui permettra d'industrialiser ses moteurs.", "Exorion", 54e6),
    ("Kelvio a levé 9 millions d'euros. En récoltant 5 millions d'euros pour son usine, Brevia signe quant à "
     "elle la deuxième opération.", "Brevia", 5e6),
]


@pytest.mark.parametrize("text,recipient,amount", ANAPHORS)
def test_anaphoric_recipient(make_doc, text, recipient, amount):
    events, _ = _events(make_doc, text)
    last = [e for e in events if e.amount is not None][-1]  # the event of the anaphoric sentence
    assert normalize_name(last.recipient.name) == normalize_name(recipient)
    assert last.amount == pytest.approx(amount)


# ---------------------------------------------------------------- investors in follow-up sentences


FOLLOW_UPS = [
    ("Avec un tour de table de 6 millions d'euros, Datalyse conclut la semaine. "
     "Serena, Elaia et Kreaxi ont tous participé à l'opération.", {"serena", "elaia", "kreaxi"}),
    ("La start-up Biomimic lève 10 millions d'euros. Trois fonds complètent cette opération : "
     "Ventech, Idinvest Partners et 360 Capital Partners.", {"ventech", "idinvest partners", "360 capital partners"}),
    ("Fluxio a levé 20 millions d'euros menés par Lee Fixel, ainsi que ses investisseurs historiques, "
     "Lux Capital, le fonds de Jean Dupont, et Betaworks.", {"lee fixel", "lux capital", "betaworks"}),
    ("La startup Calyps lève 4 millions de dollars, entre autres auprès des tout premiers investisseurs d'Instagram.", set()),
    ("Greenly a réalisé une levée de fonds de 2 millions d'euros. Parmi les investisseurs figurent Alven et Frst.",
     {"alven", "frst"}),
    ("La start-up Skyloom a levé 15 millions d'euros lors d'un tour de table mené par Eurazeo, avec la "
     "participation de Kima Ventures et d'Elaia.", {"eurazeo", "kima ventures", "elaia"}),
    ("Nuvia a levé 6 millions d'euros. Grâce à cette collaboration, Orange renforce son offre.", set()),
    ("La Martech Dataflo se place deuxième avec une levée de 5 millions d'euros auprès d'un pool "
     "d'investisseurs : Amadeus, Itochu Corporation et la Banque des Territoires.",
     {"amadeus", "itochu corporation", "banque des territoires"}),
    ("Vitalia a levé 7 millions d'euros. La foodtech a pu compter sur Capagro et Caravelle pour boucler ce "
     "tour de table.", {"capagro", "caravelle"}),
    ("Le site Mediplan réalisait un tour de table de 25 millions d'euros. En se penchant sur cette levée de fonds, "
     "on retrouve Bpifrance et plusieurs personnalités, comme Paul Durand et Marie Lefort.",
     {"bpifrance", "paul durand", "marie lefort"}),
]


@pytest.mark.parametrize("text,investors", FOLLOW_UPS)
def test_investors(make_doc, text, investors):
    events, _ = _events(make_doc, text)
    assert len(events) == 1
    assert _names(events[0].investors) == investors


# ---------------------------------------------------------------- valuation, currency, tranches


def test_two_deals_in_one_sentence_keep_their_own_investors(make_doc):
    text = ("Le site Covoitia a accueilli le fonds Index Partners à l'occasion de son augmentation de capital de "
            "100 millions de dollars, le réseau Viaprof a fait entrer le fonds Acapital à son tour de table pour "
            "environ 5 millions d'euros.")
    events, _ = _events(make_doc, text)
    got = {normalize_name(e.recipient.name): _names(e.investors) for e in events}
    assert got == {"covoitia": {"index partners"}, "viaprof": {"acapital"}}


def test_hyphenated_name_and_relative_antecedent(make_doc):
    events, _ = _events(make_doc, "Club-Salariés, une jeune pousse créée en 2016, vient de lever 7 M€. En tête, avec "
                                  "Kometa, qui produit des jeux, créée à Lyon en 2020, lève 10 millions d'euros.")
    assert sorted((normalize_name(e.recipient.name), e.amount) for e in events) == [
        ("club salaries", 7e6), ("kometa", 10e6)]
    assert all(e.date is None for e in events)  # founding years are not deal dates


def test_round_named_in_the_next_sentence(make_doc):
    text = ("Enfin, la levée de 5 millions d'euros de Cybelis réalisée auprès d'Omnes Capital lui permet de monter "
            "sur le podium. C'est la seule startup du podium qui a bouclé une levée de série A.")
    events, _ = _events(make_doc, text)
    assert [(e.amount, e.round) for e in events] == [(pytest.approx(5e6), "series_a")]


def test_valuation_attached(make_doc):
    events, _ = _events(make_doc, "La jeune pousse Hydrolia lève 8 millions d'euros en seed, ce qui la valorise à 40 millions d'euros.")
    assert len(events) == 1
    assert events[0].amount == pytest.approx(8e6) and events[0].valuation == pytest.approx(40e6)
    assert events[0].round == "seed"


def test_valuation_in_next_sentence(make_doc):
    text = ("Tesselia est sur le point d'obtenir 200 millions d'euros dans le cadre de sa levée de fonds. "
            "En bouclant ce tour de table, la start-up devrait atteindre une valorisation de 1 milliard d'euros.")
    events, _ = _events(make_doc, text)
    assert [e.amount for e in events] == [pytest.approx(2e8)]
    assert events[0].valuation == pytest.approx(1e9)


def test_conversion_kept_in_amount_text(make_doc):
    events, _ = _events(make_doc, "Orelis lève 9 millions de dollars (8 millions d'euros) auprès de Partech.")
    assert len(events) == 1 and events[0].currency == "USD"
    assert "8 millions d'euros" in events[0].amount_text


def test_tranche_investors(make_doc):
    text = ("Doté de 300 millions d'euros, dont 100 millions d'euros de Nexum, 100 millions d'euros de "
            "Clarion et le reste de la fondation de Paul Verne, le laboratoire Kyrio ouvre à Paris.")
    events, _ = _events(make_doc, text)
    assert [e.amount for e in events] == [pytest.approx(3e8)]
    assert {"nexum", "clarion", "paul verne"} <= _names(events[0].investors)


def test_missing_currency_takes_sentence_currency(make_doc):
    events, _ = _events(make_doc, "Les opérations de Kiwa (3 millions) et Lomo (500.000 dollars) complètent le classement.")
    assert {e.currency for e in events} == {"USD"}


# ---------------------------------------------------------------- non-events

NON_EVENTS = [
    ("Les start-up françaises ont levé 210 millions d'euros cette semaine.", "market total"),
    ("Oxalis réalise un chiffre d'affaires de 25 millions d'euros.", None),
    ("La start-up Oxalis, qui vient d'obtenir un prêt, affiche un chiffre d'affaires de 25 millions d'euros.",
     "excluded"),
    ("Les cinq levées de plus de 100 millions d'euros réalisées par la French Tech cette année.", "excluded"),
    ("Le fonds Orion Partners annonce un nouveau fonds de 450 millions de dollars pour les start-up.", None),
    ("Fondée en 2019, Greenwave a été valorisée à 300 millions d'euros.", None),
    ("Une opération qui porte à 40 millions d'euros le montant total levé par Greenwave depuis sa création.", "excluded"),
    ("Finovia cherche 20 millions d'euros pour financer son expansion.", "sought"),
    ("Au total, 62 millions d'euros ont été levés par les jeunes pousses cette semaine.", None),
    ("Le fonds d'investissement Axeleo dispose de 80 millions d'euros.", None),
    ("Le groupe a annoncé le rachat de Qualis pour 120 millions d'euros lors de cette opération.", "excluded"),
    ("L'Etat, via la Banque publique d'investissement, a apporté 11 millions d'euros.", "without recipient"),
    ("Le lauréat obtiendra 1,5 million d'euros à l'issue du concours.", None),
    ("Rentrée chargée pour les start-up de l'Hexagone, qui lèvent 1,2 milliard d'euros en septembre.", "market total"),
    ("Les startups françaises ont levé 62 millions d'euros, un montant proche de la semaine dernière (56 millions).",
     "market total"),
    ("Avec une vingtaine de millions d'euros engrangés en trois ans, la startup Dronix accélère.", "excluded"),
    ("Parmi les 68 opérations recensées par le journal Lemag, une seule est supérieure à 50 millions d'euros.",
     "excluded"),
    ("Les start-up de la RH suivent de près, en récoltant 51 millions d'euros en quatre tours de table.",
     "market total"),
]


@pytest.mark.parametrize("text,reason", NON_EVENTS)
def test_non_events(make_doc, text, reason):
    events, doc = _events(make_doc, text)
    assert events == []
    if reason:
        reasons = [d.reason for d in doc.user_data.get("dropped", []) if d.stage == "funding"]
        assert any(reason in r for r in reasons), reasons


def test_truncated_last_sentence_dropped(make_doc):
    text = "Korvan recrute. En janvier dernier, la startup Korvan annonçait avoir récolté 1,1 million d'euro"
    events, doc = _events(make_doc, text)
    assert events == []
    assert any("cut off" in d.reason for d in doc.user_data["dropped"])


def test_founding_year_is_not_the_deal_date(make_doc):
    events, _ = _events(make_doc, "Kaptiv, fondée en 2016, a levé 8 millions d'euros le 20 septembre dernier.",
                        dt.date(2023, 10, 2))
    assert len(events) == 1 and events[0].date == "2023-09-20"


def test_date_from_sentence(make_doc):
    events, _ = _events(make_doc, "En 2021, Vialto a levé 3 millions d'euros auprès de Bpifrance.")
    assert len(events) == 1 and events[0].date == "2021"


# ---------------------------------------------------------------- robustness

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_WORDS = [
    "Kelvio", "La", "start-up", "a", "levé", "lève", "5", "millions", "d'euros", "(", ")", ",", ".", ":", "et",
    "auprès", "de", "mené", "par", "dont", "elle", "levée", "tour", "table", "série", "A", "valorisée", "à",
    "Bpifrance", "Serena", "investi", "dans", "l'opération", "la", "première", "les", "startups", "total", "\n",
    "Club-Salariés", "-", "qui", "en", "2021", "M€", "le", "fonds", "chacun", "ainsi", "que",
]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(_WORDS), max_size=40))
def test_never_raises_on_word_salad(make_doc, words):
    text = " ".join(words)
    events, _ = _events(make_doc, text)
    for ev in events:
        assert ev.recipient.name and ev.evidence
        assert ev.amount is None or ev.amount >= 0
        assert ev.round is None or ev.round in ROUNDS
