"""Cleaning chain: every step on hand-built French cases, the boilerplate rules, and properties."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from pipeline.ingest.clean import (
    boilerplate_rules,
    clean_text,
    drop_repeated_header_lines,
    normalize_newlines,
    normalize_spaces,
    normalize_unicode,
    remove_boilerplate,
    strip_inline_tags,
    strip_markdown,
    tidy_whitespace,
    unescape_entities,
)

NBSP, NNBSP = "\u00a0", "\u202f"


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("Ligne un\r\nLigne deux", "Ligne un\nLigne deux"),
        ("Ligne un\rLigne deux", "Ligne un\nLigne deux"),
        ("Ligne un\u2028Ligne deux\u2029Fin", "Ligne un\nLigne deux\nFin"),
    ],
)
def test_normalize_newlines(raw, expected):
    assert normalize_newlines(raw) == expected


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("cre\u0301ation", "création"),  # e + combining acute
        ("e\u0301le\u0300ve a\u0300 l\u2019e\u0301cole", "élève à l’école"),
        ("déjà composé", "déjà composé"),
    ],
)
def test_normalize_unicode_is_nfc(raw, expected):
    assert normalize_unicode(raw) == expected


@pytest.mark.parametrize(
    "raw, expected",
    [
        (f"12{NBSP}millions{NBSP}€", f"12{NBSP}millions{NBSP}€"),  # kept as written
        (f"«{NNBSP}Bonjour{NNBSP}»", f"«{NNBSP}Bonjour{NNBSP}»"),
        ("10\u2009000 euros", f"10{NNBSP}000 euros"),  # thin space -> narrow no-break space
        ("deux\u2003mots\tici", "deux mots ici"),  # em space and tab -> space
        ("start\u00adup\u200b lyonnaise\ufeff", "startup lyonnaise"),  # soft hyphen, zero-width, BOM
        ("texte\x07 avec\x00 contrôle", "texte avec contrôle"),
    ],
)
def test_normalize_spaces_policy(raw, expected):
    assert normalize_spaces(raw) == expected


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("**M**eta lance une alliance", "Meta lance une alliance"),
        ("# Titre de l'article", "Titre de l'article"),
        ("### Un intertitre ###", "Un intertitre"),
        ("La société **Nova** a levé __3 millions__.", "La société Nova a levé 3 millions."),
        ("Une *annonce* très _attendue_.", "Une annonce très attendue."),
        ("Voir [le communiqué](https://exemple.fr/cp) de la société.", "Voir le communiqué de la société."),
        ("Jeanne Martin [@jmartin](#)", "Jeanne Martin @jmartin"),
        ("![Le siège à Lyon](img/siege.jpg)Le siège", "Le siège"),
        ("> Nous allons recruter", "Nous allons recruter"),
        ("Un ~~ancien~~ nouveau modèle", "Un ancien nouveau modèle"),
        ("le fichier mon_fichier_final reste", "le fichier mon_fichier_final reste"),
        ("* une puce\n* une autre", "* une puce\n* une autre"),
        ("Un paragraphe\n\n---\n\nLa suite", "Un paragraphe\n\n\n\nLa suite"),
        ("Voir [1] et [2][ref]\n[ref]: https://exemple.fr", "Voir [1] et 2\n"),
    ],
)
def test_strip_markdown(raw, expected):
    assert strip_markdown(raw) == expected


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("Première ligne<br>Deuxième", "Première ligne\nDeuxième"),
        ("Un mot <em>important</em> ici", "Un mot important ici"),
        ("Le ratio est < 5 % et > 2 %", "Le ratio est < 5 % et > 2 %"),
    ],
)
def test_strip_inline_tags(raw, expected):
    assert strip_inline_tags(raw) == expected


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("l&#8217;&eacute;cole", "l’école"),
        ("12&nbsp;millions", "12\u00a0millions"),
        ("R&D et AT&T", "R&D et AT&T"),
        ("&unknownentity; reste", "&unknownentity; reste"),
    ],
)
def test_unescape_entities(raw, expected):
    assert unescape_entities(raw) == expected


def test_tidy_whitespace():
    assert tidy_whitespace("  Un   deux \n\n\n\n  Trois  \n") == "Un deux\n\nTrois"


def test_drop_repeated_header_lines_drops_summary_line():
    full = "La start-up lyonnaise Nova a levé dix millions d'euros auprès de trois fonds européens cette semaine."
    assert drop_repeated_header_lines(f"{full[:85]} ...\n\n{full}\nSuite.") == f"\n{full}\nSuite."
    summary = f"{full} Son président détaille"
    assert drop_repeated_header_lines(f"{summary}\nJeanne\n{full}\nSuite.") == f"Jeanne\n{full}\nSuite."
    other = "Un autre début de phrase qui ne continue pas du tout ainsi, même s'il est assez long ..."
    assert drop_repeated_header_lines(f"{other}\n{full}").startswith("Un autre")


def test_title_glued_to_the_chapo_is_not_repeated():
    title = "Nova lève dix millions d'euros pour grandir en Europe"
    chapo = "La jeune pousse lyonnaise compte recruter cinquante personnes."
    assert drop_repeated_header_lines(f"{title}\n\n{title} {chapo}\nSuite.") == f"{title}\n\n{chapo}\nSuite."


def test_lead_sentence_starting_with_the_title_keeps_its_subject():
    title = "Orvane se rapproche d'un concurrent coréen du secteur naval"
    lead = f"{title} en annonçant ce matin un accord de coopération à long terme avec Kerlux."
    assert drop_repeated_header_lines(f"{title}\n\n{lead}\nSuite.") == f"{title}\n\n{lead}\nSuite."


def test_drop_repeated_header_lines_keeps_first_copy():
    text = "5 mars 2024\n5 mars 2024\nTitre répété\nChapô.\nTitre répété\nCorps de l'article."
    assert drop_repeated_header_lines(text) == "5 mars 2024\nTitre répété\nChapô.\nCorps de l'article."


BODY = "La société Nova a levé dix millions d'euros auprès de plusieurs fonds européens."


@pytest.mark.parametrize(
    "chrome, rule_id",
    [
        ("Retour en haut", "retour_en_haut"),
        ("↑ Retour en haut de page", "retour_en_haut"),
        ("Retour à La Une de Logo Korvablog", "retour_en_haut"),
        ("Lire aussi : Nova ouvre un bureau à Berlin", "lire_aussi_line"),
        ("À lire également", "lire_aussi_line"),
        ("Débloquez gratuitement la lettre de la rédaction", "debloquez"),
        ("Temps de lecture : 4 minutes", "temps_de_lecture"),
        ("Recevez chaque matin l'essentiel de l'actualité", "recevez"),
        ("Abonnez-vous à notre newsletter", "newsletter"),
        ("Partager sur LinkedIn", "share"),
        ("Facebook Twitter LinkedIn Email", "share_buttons"),
        ("x", "close_button"),
        ("Publicité", "advertising"),
        ("Accepter les cookies", "cookies"),
        ("12 commentaires", "comments"),
        ("Mots-clés : fintech, Lyon, levée de fonds", "tags"),
        ("Crédit photo : Jean Dupont", "photo_credit_line"),
        ("© AFP", "photo_credit_line"),
        ("Vidéo : comment la fintech séduit les banques | Économie XY", "video_teaser"),
        ("Jeanne Martin @jmartin", "byline_handle"),
        ("18342", "view_counter"),
        ("Lire aussiUne autre start-up lève 2 millions", "lire_aussi_line"),
        ("Il vous reste 72 % de cet article à lire.", "paywall"),
        ("Article réservé aux abonnés", "paywall"),
        ("Suivez-nous sur LinkedIn", "follow_us"),
        ("Écouter cet article", "listen"),
        ("Enquête Bretagne # Fonds d'investissement # Start-up", "hashtag_tags"),
        ("Ouvrir le menu principal", "site_controls"),
        ("Signaler le commentaire", "site_controls"),
        ("[ad_1]", "site_controls"),
        ("Vous n'êtes pas abonné ? Abonnez-vous", "paywall_purchase"),
        ("Déjà inscrit ou abonné ? Connectez-vous", "paywall_purchase"),
        ("Cet article vous est offert", "paywall_purchase"),
        ("Votre adresse e-mail ne sera pas publiée.", "comment_form"),
        ("Tous les champs sont obligatoires", "comment_form"),
        ("orvane-ceo-portrait_2.jpg", "image_file"),
        ("Par lesite.fr | | 512 mots", "word_count"),
        ("Publié le", "dateline_alone"),
    ],
)
def test_line_rules_remove_chrome_anywhere(chrome, rule_id):
    text, removed = remove_boilerplate(f"{BODY}\n{chrome}\n{BODY}")
    assert text == f"{BODY}\n{BODY}"
    assert [r.rule_id for r in removed] == [rule_id]


@pytest.mark.parametrize(
    "header, rule_id",
    [
        ("ÉCONOMIE", "section_kicker"),
        ("Par Jeanne Martin, à Lyon", "byline_par"),
        ("Publié le 12 mars 2024 à 10h05", "dateline"),
        ("3 avril 2021", "dateline"),
        ("5 min", "reading_minutes"),
        ("Actualités des start-up sur Le Site", "site_tagline"),
        ("Accueil > Économie > Start-up", "breadcrumb"),
        ("Jeanne Martin", "lone_name"),
    ],
)
def test_header_rules_only_near_the_top(header, rule_id):
    text, removed = remove_boilerplate(f"{header}\n{BODY}")
    assert text == BODY and [r.rule_id for r in removed] == [rule_id]
    deep = "\n".join([BODY] * 12 + [header, BODY])
    assert remove_boilerplate(deep)[0] == deep  # far from the top it is content


@pytest.mark.parametrize(
    "line, expected",
    [
        ("Le siège de Nova à Lyon. (Crédits : Jean Dupont)", "Le siège de Nova à Lyon."),
        ("Le siège de Nova à Lyon (Crédit photo : DR)", "Le siège de Nova à Lyon"),
        ("Le siège de Nova à Lyon © Studio Lumière", "Le siège de Nova à Lyon"),
        ("Jeanne Martin, présidente de Nova — Photo : Studio Lumière", "Jeanne Martin, présidente de Nova"),
        ("Ce premier volet est terminé. Lire la partie 2 de l’article", "Ce premier volet est terminé."),
        ("Il s'agit d'un pas décisif. ■", "Il s'agit d'un pas décisif."),
    ],
)
def test_inline_rules(line, expected):
    assert remove_boilerplate(f"{BODY}\n{line}")[0] == f"{BODY}\n{expected}"


@pytest.mark.parametrize("tail", ["ttn-fr-56", "afp-2024-0017", "■", "---", "(avec AFP)", "Vers"])
def test_trailing_rules(tail):
    assert remove_boilerplate(f"{BODY}\n\n{tail}\n")[0].rstrip() == BODY


@pytest.mark.parametrize("content", [
    "Le menu principal du restaurant Orvane change chaque semaine.",
    "Vous n'êtes pas abonné à la newsletter de Nova : elle raconte pourtant tout.",
    "Publié le 3 mars, le rapport de Kerlux compte 120 pages.",
    "Le fichier portrait.jpg a circulé sur les réseaux, selon Nova.",
    "Le texte compte 382 mots et trois annexes.",
])
def test_content_lines_like_the_chrome_rules_are_kept(content):
    assert remove_boilerplate(f"{BODY}\n{content}\n{BODY}")[0] == f"{BODY}\n{content}\n{BODY}"


def test_a_single_short_line_is_not_a_trailer():
    assert remove_boilerplate("Nova recrute")[0] == "Nova recrute"


def test_trailing_code_inside_the_text_is_kept():
    text = f"{BODY}\nttn-fr-56\n{BODY}"
    assert remove_boilerplate(text)[0] == text


def test_author_box_cut_only_in_second_half():
    box = "A propos de l’auteur\nKorvel 120 partages Voir son profil\nVoir son blog"
    text, removed = remove_boilerplate(f"{BODY}\n{BODY}\n{BODY}\n{box}")
    assert text == f"{BODY}\n{BODY}\n{BODY}" and removed[0].rule_id == "author_box"
    content = f"{BODY}\n{BODY}\n{BODY}\nÀ propos de l'auteur du rapport, Nova ne dit rien."
    assert remove_boilerplate(content)[0] == content  # a sentence about an author is content


def test_related_block_cut_only_in_second_half():
    related = "Sur le même sujet\nNova recrute\nUne autre start-up lève 2 millions"
    text, removed = remove_boilerplate(f"{BODY}\n{BODY}\n{BODY}\n{related}")
    assert text == f"{BODY}\n{BODY}\n{BODY}" and removed[0].rule_id == "related_block"
    early = f"Sur le même sujet\n{BODY}\n{BODY}\n{BODY}"
    assert remove_boilerplate(early)[0] == early


@pytest.mark.parametrize(
    "prose",
    [
        "Lire entre les lignes est devenu un sport national chez les investisseurs.",
        "Par ailleurs, la start-up a levé trois millions d'euros en 2023.",
        "Partenaire historique de la banque, le fonds a investi 5 millions.",
        "Twitter a perdu la moitié de ses annonceurs en un an, selon le cabinet.",
    ],
)
def test_prose_is_never_boilerplate(prose):
    text = f"{prose}\n{BODY}\n{prose}"
    assert remove_boilerplate(text)[0] == text


def test_dateline_is_offered_as_published_date():
    _, removed = remove_boilerplate(f"Mis à jour le 4 juin 2022\n{BODY}")
    assert [(r.rule_id, r.meta) for r in removed] == [("dateline", "published")]


def test_clean_text_chain_on_a_markdown_page():
    raw = (
        "\r\n\r\nTECHNOLOGIE\r\n\r\n# Nova lève 10 millions\r\n\r\nLe siège de Nova. (Crédits : Jean Dupont)\r\n"
        "\r\nJeanne Martin [@jmartin](#)\r\n\r\n**L**a start-up lyonnaise Nova a levé 10\u2009millions d'euros. ■\r\n"
        "\r\nRetour en haut\r\n"
    )
    cleaned = clean_text(raw)
    assert cleaned.text == (
        "Nova lève 10 millions\n\nLe siège de Nova.\n\nLa start-up lyonnaise Nova a levé 10\u202fmillions d'euros."
    )


def test_clean_text_without_markup_keeps_asterisks():
    assert clean_text("Un **vrai** texte HTML", markup=False).text == "Un **vrai** texte HTML"


def test_boilerplate_rules_file_schema():
    """rules/boilerplate.jsonl: unique ids, known scopes, compilable patterns, described."""
    from pipeline.ingest.clean import SCOPES
    from pipeline.rules import load_jsonl

    rows = load_jsonl("boilerplate.jsonl")
    assert len({r["id"] for r in rows}) == len(rows)
    for row in rows:
        assert set(row) <= {"id", "scope", "pattern", "case_sensitive", "meta", "description"}, row["id"]
        assert row["scope"] in SCOPES and row["description"] and row.get("meta") in (None, "published")
    assert len(boilerplate_rules()) == len(rows)


_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=300)


@given(_text)
def test_clean_text_output_is_nfc_and_tidy(raw):
    once = clean_text(raw).text
    assert unicodedata.is_normalized("NFC", once)
    assert once == once.strip()
    assert "\r" not in once and "\n\n\n" not in once


_prose = st.lists(
    st.sampled_from(["Nova", "lève", "3", "millions", "d'euros", "«", "»", ".", "\n", "\n\n", "**", "#", "_", ">", "*", "-"]),
    max_size=40,
)


@given(_prose)
@example(["#", "**", "**"])  # the heading mark goes, then '** **' reads as a horizontal rule
@example([">", ">", ">", ">", ">"])  # nested block-quote marks
def test_clean_text_is_idempotent_on_prose(words):
    once = clean_text(" ".join(words)).text
    assert clean_text(once).text == once


@given(_text)
def test_space_steps_keep_french_spaces(raw):
    out = normalize_spaces(raw)
    assert out.count(NBSP) == raw.count(NBSP)
    assert "\t" not in out and "\u200b" not in out
