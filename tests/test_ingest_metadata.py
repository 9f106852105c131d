"""Metadata: date parsing, the leading date marker, YAML front matter, HTML meta tags."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.ingest.html import html_to_text, looks_like_html
from pipeline.ingest.metadata import leading_metadata, parse_date, split_date_marker, split_front_matter

D = dt.date


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2023-12-05", (D(2023, 12, 5), "day")),
        ("2023-12", (D(2023, 12, 1), "month")),
        ("2023", (D(2023, 1, 1), "year")),
        ("2024-02-10T08:30:00+01:00", (D(2024, 2, 10), "day")),
        ("2024-02-10T08:30:00Z", (D(2024, 2, 10), "day")),
        ("2024-02-10 08:30", (D(2024, 2, 10), "day")),
        ("2020/07/15", (D(2020, 7, 15), "day")),
        ("15/07/2020", (D(2020, 7, 15), "day")),
        ("3 avril 2020", (D(2020, 4, 3), "day")),
        ("1er mars 2021", (D(2021, 3, 1), "day")),
        ("Publié le mardi 5 décembre 2023 à 10h05", (D(2023, 12, 5), "day")),
        ("juillet 2019", (D(2019, 7, 1), "month")),
        ("5 déc. 2023", (D(2023, 12, 5), "day")),
        ("April 3, 2020", (D(2020, 4, 3), "day")),
        ("Tue, 05 Dec 2023 10:00:00 GMT", (D(2023, 12, 5), "day")),
        (D(2022, 1, 2), (D(2022, 1, 2), "day")),
        (dt.datetime(2022, 1, 2, 13, 0), (D(2022, 1, 2), "day")),
        (2021, (D(2021, 1, 1), "year")),
    ],
)
def test_parse_date(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize("value", ["2023-13-45", "2023-02-30", "le 45 brumaire", "bientôt", "", None, "0042", True, 3.5])
def test_parse_date_rejects_non_dates(value):
    assert parse_date(value) is None


@given(st.dates(min_value=D(1900, 1, 1), max_value=D(2099, 12, 31)))
def test_parse_date_round_trips_iso(day):
    assert parse_date(day.isoformat()) == (day, "day")
    assert parse_date(day.strftime("%d/%m/%Y")) == (day, "day")


@given(st.text(max_size=60))
def test_parse_date_never_raises(value):
    result = parse_date(value)
    assert result is None or isinstance(result[0], D)


@pytest.mark.parametrize(
    "text, body, value",
    [
        (" date 2023-12 Nova et Orion ont dévoilé une alliance.", "Nova et Orion ont dévoilé une alliance.", "2023-12"),
        ("date 2020-07-14\nLa start-up a levé 2 millions.", "\nLa start-up a levé 2 millions.", "2020-07-14"),
        ("date: 2021-05 Texte", "Texte", "2021-05"),
        ("Date limite de dépôt des dossiers : mars.", "Date limite de dépôt des dossiers : mars.", None),
        ("La date 2023 est retenue.", "La date 2023 est retenue.", None),
    ],
)
def test_split_date_marker(text, body, value):
    assert split_date_marker(text) == (body, value)


def test_leading_metadata_from_date_marker():
    body, meta, problems = leading_metadata(" date 2023-12 Nova lève 3 millions d'euros.")
    assert body == "Nova lève 3 millions d'euros."
    assert (meta.published, meta.precision, problems) == (D(2023, 12, 1), "month", [])


def test_leading_metadata_bad_date_marker_keeps_text():
    body, meta, problems = leading_metadata(" date 2023-13-45 Nova lève 3 millions d'euros.")
    assert body == "Nova lève 3 millions d'euros." and meta.published is None
    assert len(problems) == 1 and "2023-13-45" in problems[0]


FRONT = """---
title: "Nova lève 3 millions"
date: 2024-03-05
url: https://exemple.fr/nova
source: Le Journal
---
Nova, jeune pousse lyonnaise, a levé 3 millions d'euros.
"""


def test_front_matter_fields():
    body, meta, problems = leading_metadata(FRONT)
    assert body == "Nova, jeune pousse lyonnaise, a levé 3 millions d'euros.\n"
    assert meta.title == "Nova lève 3 millions" and meta.published == D(2024, 3, 5) and meta.precision == "day"
    assert meta.url == "https://exemple.fr/nova" and meta.site == "Le Journal" and problems == []


@pytest.mark.parametrize(
    "front, problem",
    [
        ("---\ntitle: [oups\n---\nTexte.", "invalid YAML"),
        ("---\n- une\n- liste\n---\nTexte.", "not a key: value mapping"),
        ("---\npublished: le 45 brumaire\n---\nTexte.", "unreadable date"),
    ],
)
def test_front_matter_problems_keep_text(front, problem):
    body, meta, problems = leading_metadata(front)
    assert body == "Texte." and meta.published is None
    assert len(problems) == 1 and problem in problems[0]


def test_front_matter_then_date_marker():
    body, meta, _ = leading_metadata("---\ntitle: Un titre\n---\n date 2022-06 Le texte.")
    assert body == "Le texte." and meta.title == "Un titre" and meta.published == D(2022, 6, 1)


@pytest.mark.parametrize("text", ["Pas de front matter.\n---\nx: 1\n---", "--- un tiret", ""])
def test_no_front_matter(text):
    assert split_front_matter(text) == (text, None)


PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8">
<title>Nova lève 3 millions | Le Journal</title>
<meta property="og:site_name" content="Le Journal">
<meta property="article:published_time" content="2024-02-10T08:00:00+01:00">
<link rel="canonical" href="https://exemple.fr/nova">
<style>p { color: red; }</style>
<script>window.track("page");</script>
</head><body>
<nav><a href="/">Accueil</a><a href="/tech">Tech</a></nav>
<header><h1>Nova lève 3&nbsp;millions</h1><p class="byline">Par Jeanne Martin</p></header>
<article>
<p>La start-up <b>Nova</b> a levé 3&nbsp;millions d’euros auprès du fonds Orion.</p>
<p>Elle compte recruter   vingt ingénieurs
à Lyon d’ici la fin de l’année.</p>
<div class="share-buttons">Partager sur Facebook</div>
<aside>Lire aussi : une autre levée</aside>
</article>
<footer>Mentions légales</footer>
</body></html>"""


def test_html_to_text_and_metadata():
    text, meta, problems = html_to_text(PAGE)
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    assert lines == [
        "Nova lève 3\u00a0millions",
        "La start-up Nova a levé 3\u00a0millions d’euros auprès du fonds Orion.",
        "Elle compte recruter vingt ingénieurs à Lyon d’ici la fin de l’année.",
    ]
    assert meta.title == "Nova lève 3\u00a0millions"
    assert meta.published == D(2024, 2, 10) and meta.site == "Le Journal" and meta.url == "https://exemple.fr/nova"
    assert problems == []


@pytest.mark.parametrize(
    "head, expected",
    [
        ('<meta name="date" content="2021-06-01">', D(2021, 6, 1)),
        ('<meta itemprop="datePublished" content="2021-06-02">', D(2021, 6, 2)),
        ('<script type="application/ld+json">{"@graph": [{"datePublished": "2021-06-03"}]}</script>', D(2021, 6, 3)),
        ("", D(2021, 6, 4)),  # falls back to the first <time datetime>
    ],
)
def test_html_date_sources(head, expected):
    page = f"<html><head>{head}</head><body><p>Texte <time datetime='2021-06-04'>4 juin</time>.</p></body></html>"
    assert html_to_text(page)[1].published == expected


def test_html_related_cards_are_not_taken_for_the_article():
    body = "<p>" + "La coopérative Brume a investi deux millions d'euros dans son usine de Vierzon. " * 8 + "</p>"
    cards = "".join(f"<article><h3>Autre titre {i}</h3><p>{'Un résumé assez long. ' * 12}</p></article>" for i in range(2))
    page = f"<html><body><div class='contenu'><div>{body}</div></div><section>{cards}</section></body></html>"
    text = html_to_text(page)[0]
    assert text.strip().startswith("La coopérative Brume")
    main_page = f"<html><body><p>Menu du site</p><main><div><div>{body}</div></div><p>Fin.</p></main></body></html>"
    assert html_to_text(main_page)[0].strip().startswith("La coopérative Brume")
    assert html_to_text(main_page)[0].strip().endswith("Fin.")


def test_html_title_tag_without_og_or_h1_loses_site_suffix():
    page = "<html><head><title>Nova lève 3 millions - Le Journal</title></head><body><p>Texte.</p></body></html>"
    assert html_to_text(page)[1].title == "Nova lève 3 millions"


def test_html_bad_date_is_a_problem_not_a_crash():
    page = '<html><head><meta property="article:published_time" content="hier soir"></head><body><p>Texte.</p></body></html>'
    _, meta, problems = html_to_text(page)
    assert meta.published is None and len(problems) == 1 and "hier soir" in problems[0]


def test_html_unclosed_tags_do_not_lose_text():
    text, _, _ = html_to_text("<p>Un paragraphe <b>gras<p>Un second <i>paragraphe")
    assert "Un paragraphe gras" in text and "Un second paragraphe" in text


@pytest.mark.parametrize(
    "text, expected",
    [("<!DOCTYPE html><html>", True), ("  <html lang='fr'><body>", True), ("<!-- x --><html>", True),
     ("Le texte <b>gras</b>", False), ("Une phrase sur <html>.", False)],
)
def test_looks_like_html(text, expected):
    assert looks_like_html(text) is expected


def test_months_rules_file_schema():
    """rules/months_fr.json: every name lower-case and mapped to 1..12, every month covered."""
    from pipeline.rules import load_json

    months = load_json("months_fr.json")["months"]
    assert all(name == name.lower() and 1 <= n <= 12 for name, n in months.items())
    assert set(months.values()) == set(range(1, 13))


def test_html_rules_file_schema():
    """rules/html.json: the keys the HTML reader uses, each a non-empty list of lower-case strings."""
    from pipeline.rules import load_json

    cfg = load_json("html.json")
    keys = {"skip_tags", "skip_roles", "chrome_tokens", "block_tags", "title_meta", "date_meta", "url_meta", "site_meta"}
    assert keys <= set(cfg)
    for key in keys:
        assert cfg[key] and all(isinstance(v, str) and v == v.lower() for v in cfg[key]), key
    assert not set(cfg["skip_tags"]) & {"p", "article", "main", "body"}  # never skip the article itself
