"""Dates: parse_date / find_dates on hand-built French phrasing, relative to the article's date."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.extract.dates import DateMention, find_dates, parse_date
from pipeline.rules import load_json

BASE = dt.date(2020, 9, 25)  # a Friday

# (expression, iso with BASE, iso without base)
EXPRESSIONS = [
    ("en 2023", "2023", "2023"),
    ("dès 2017", "2017", "2017"),
    ("depuis 2015", "2015", "2015"),
    ("d'ici 2030", "2030", "2030"),
    ("début 2024", "2024", "2024"),
    ("fin 2025", "2025", "2025"),
    ("mi-2024", "2024", "2024"),
    ("courant 2022", "2022", "2022"),
    ("au cours de l'année 2021", "2021", "2021"),
    ("en décembre 2019", "2019-12", "2019-12"),
    ("fin mars 2021", "2021-03", "2021-03"),
    ("3 avril 2020", "2020-04-03", "2020-04-03"),
    ("le 1er juin 2019", "2019-06-01", "2019-06-01"),
    ("le lundi 6 juillet 2020", "2020-07-06", "2020-07-06"),
    ("20/09/2020", "2020-09-20", "2020-09-20"),
    ("20.09.2020", "2020-09-20", "2020-09-20"),
    ("2020-09-20", "2020-09-20", "2020-09-20"),
    ("au troisième trimestre 2019", "2019", "2019"),
    ("au premier semestre 2023", "2023", "2023"),
    ("T2 2022", "2022", "2022"),
    ("au printemps 2021", "2021", "2021"),
    ("le 20 septembre dernier", "2020-09-20", None),
    ("le 2 octobre prochain", "2020-10-02", None),
    ("ce 6 décembre", "2020-12-06", None),
    ("le 14 mars", "2020-03-14", None),
    ("vendredi dernier", "2020-09-18", None),
    ("mardi", "2020-09-22", None),
    ("lundi prochain", "2020-09-28", None),
    ("cette semaine", "2020-09", None),
    ("la semaine dernière", "2020-09", None),
    ("il y a un an", "2019", None),
    ("il y a deux mois", "2020-07", None),
    ("il y a trois jours", "2020-09-22", None),
    ("il y a près de deux ans", "2018", None),
    ("il y a tout juste un an", "2019", None),
    ("il y a à peine deux mois", "2020-07", None),
    ("mi-mars", "2020-03", None),
    ("début juillet", "2020-07", None),
    ("au premier trimestre", "2020", None),
    ("le trimestre dernier", "2020", None),
    ("en janvier", "2020-01", None),
    ("en novembre", "2019-11", None),
    ("en septembre dernier", "2019-09", None),
    ("en mars prochain", "2021-03", None),
    ("l’an dernier", "2019", None),
    ("l'année dernière", "2019", None),
    ("l'an prochain", "2021", None),
    ("cette année", "2020", None),
    ("hier", "2020-09-24", None),
    ("avant-hier", "2020-09-23", None),
    ("aujourd'hui", "2020-09-25", None),
    ("aujourd’hui", "2020-09-25", None),
    ("le mois dernier", "2020-08", None),
    ("cet été", "2020", None),
    ("au mois de mars", "2020-03", None),
    ("au mois d'avril 2019", "2019-04", "2019-04"),
    ("vers la mi-juin", "2020-06", None),
    ("au début de l'année", "2020", None),
    ("à la fin de l'année 2022", "2022", "2022"),
    ("à l'horizon 2030", "2030", "2030"),
    ("il y a 15 jours", "2020-09-10", None),
    ("cela fait deux ans", "2018", None),
    ("à partir du 1er octobre", "2020-10-01", None),
    ("Vendredi", "2020-09-25", None),
    ("il y a une quinzaine de jours", "2020-09", None),
    ("il y a une dizaine d'années", "2010", None),
    ("il y a plus d'un an", "2019", None),
    ("au printemps dernier", "2020", None),
    ("le semestre prochain", "2021", None),
    ("du 3 au 5 juin 2022", "2022-06-03", "2022-06-03"),
    ("les 12 et 13 octobre", "2020-10-12", None),
    ("le 12-13 octobre 2021", "2021-10-12", "2021-10-12"),
]


@pytest.mark.parametrize(("expr", "with_base", "without_base"), EXPRESSIONS)
def test_parse_date(expr: str, with_base: str | None, without_base: str | None) -> None:
    assert parse_date(expr, BASE) == with_base
    assert parse_date(expr) == without_base
    mentions = find_dates(expr, BASE)
    assert len(mentions) == 1 and mentions[0].text == expr, "the whole expression is one mention"


NOT_DATES = [
    "il y a des années",
    "avec 10 à 12 mois d’avance",
    "42",
    "une levée de 2 millions",
    "la société emploie 2000 salariés",
    "un chèque de 2019 euros",
    "tous les lundis",
    "la planète Mars",
    "le 31 avril",
    "au 3/4 du parcours",
    "en 2 ans",
    "depuis 3 ans",
    "les années 1990",
    "",
]


@pytest.mark.parametrize("text", NOT_DATES)
def test_not_dates(text: str) -> None:
    assert find_dates(text, BASE) == []


SENTENCES = [
    (
        "La start-up, fondée en 2017, a bouclé vendredi dernier un tour de table de 5 millions d’euros.",
        [("en 2017", "2017"), ("vendredi dernier", "2020-09-18")],
    ),
    (
        "Annoncée le 20 septembre dernier, l'opération sera finalisée début 2021, a précisé hier sa dirigeante.",
        [("le 20 septembre dernier", "2020-09-20"), ("début 2021", "2021"), ("hier", "2020-09-24")],
    ),
    (
        "Il y a un an, la jeune pousse levait 2 M€ ; elle a doublé son chiffre d'affaires au premier trimestre.",
        [("Il y a un an", "2019"), ("au premier trimestre", "2020")],
    ),
    (
        "Depuis mi-mars et jusqu'au 3 juillet 2020, les 300 salariés ont télétravaillé.",
        [("Depuis mi-mars", "2020-03"), ("jusqu'au 3 juillet 2020", "2020-07-03")],
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), SENTENCES)
def test_find_dates_in_sentences(sentence: str, expected: list[tuple[str, str | None]]) -> None:
    found = find_dates(sentence, BASE)
    assert [(d.text, d.iso) for d in found] == expected
    assert all(sentence[d.start : d.end] == d.text for d in found)


def test_relative_without_base_is_null_but_found() -> None:
    found = find_dates("Elle a signé hier un contrat, après un premier tour en 2019.")
    assert [(d.text, d.iso, d.relative) for d in found] == [("hier", None, True), ("en 2019", "2019", False)]


def test_precision_field() -> None:
    found = find_dates("le 3 avril 2020, en mai 2021, fin 2022", BASE)
    assert [d.precision for d in found] == ["day", "month", "year"]


def test_base_known_to_the_month_only() -> None:
    base = dt.date(2020, 7, 1)  # the article says "2020-07"
    assert parse_date("hier", base, base_precision="month") == "2020-07"
    assert parse_date("en 2019", base, base_precision="year") == "2019"
    assert parse_date("le 3 avril 2020", base, base_precision="month") == "2020-04-03", "absolute: kept"
    assert parse_date("le mois dernier", base, base_precision="year") == "2020"


def test_day_month_near_year_boundary() -> None:
    # "le 28 décembre" in an early January article is the past December
    assert parse_date("le 28 décembre", dt.date(2021, 1, 5)) == "2020-12-28"
    assert parse_date("en décembre", dt.date(2021, 1, 5)) == "2020-12"


def test_dateparser_fallback_for_absolute_dates() -> None:
    assert parse_date("April 3, 2020") == "2020-04-03"


@pytest.mark.parametrize("base", [dt.date.min, dt.date.max])
def test_calendar_edges_do_not_raise(base: dt.date) -> None:
    for expr in ("hier", "demain", "il y a 5 ans", "l'an prochain", "lundi prochain", "le trimestre dernier"):
        find_dates(expr, base)


def test_rules_schema() -> None:
    """rules/dates.json: sections present, month/weekday numbers in range, relative entries complete."""
    r = load_json("dates.json")
    assert sorted(set(r["months"].values())) == list(range(1, 13))
    assert all(1 <= v <= 12 for k, v in r["month_abbreviations"].items() if not k.startswith("_"))
    assert sorted(r["weekdays"].values()) == list(range(7))
    for section in ("introducers", "qualifiers", "day_introducers", "weekday_habitual_before", "not_after_year",
                    "seasons_determiners"):
        assert all(isinstance(w, str) and w for w in r[section]["words"]), section
    for e in r["relative"]["expressions"]:
        assert set(e) == {"text", "unit", "offset", "precision"}, e
        assert e["unit"] in {"day", "week", "month", "year"} and e["precision"] in {"day", "month", "year"}
        assert isinstance(e["offset"], int)
    ago = r["ago"]
    assert set(ago["units"].values()) <= set(ago["precision"])
    assert all(isinstance(n, int) and n > 0 for n in ago["numbers"].values())
    assert all(isinstance(n, int) and n > 0 for n in ago["approximate_counts"].values())
    assert all(1 <= v <= 4 for v in r["periods"]["ordinals"].values())
    assert set(r["periods"]["nouns"].values()) <= {3, 6} and set(r["periods"]["short"].values()) <= {3, 6}
    for key in ("determiners", "relative_determiners", "year_links"):
        assert all(isinstance(w, str) and w for w in r["periods"][key]), key
    assert all(isinstance(w, str) and w for w in r["seasons_year_links"])
    assert all(1 <= v <= 12 for k, v in r["seasons"].items() if not k.startswith("_"))
    for w in r["past_words"] + r["future_words"] + r["this_words"]:
        assert isinstance(w, str) and w


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=80), st.none() | st.dates())
def test_never_raises_on_any_text(text: str, base: dt.date | None) -> None:
    found = find_dates(text, base)
    assert all(isinstance(d, DateMention) and text[d.start : d.end] == d.text for d in found)
    parse_date(text, base)


_PIECES = ["le", "1er", "31", "29", "février", "mars", "2020", "dernier", "prochain", "il y a", "deux", "ans",
           "lundi", "ce", "mi-", "fin", "en", "trimestre", "premier", "/", "12", "été", "T4", "hier"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=10).map(" ".join),
       st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31)))
def test_never_raises_on_date_like_text(text: str, base: dt.date) -> None:
    for d in find_dates(text, base):
        assert text[d.start : d.end] == d.text
        assert d.iso is None or d.iso[:4].isdigit()
