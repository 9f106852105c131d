"""The entity lexicons of `rules/`, loaded once per process: given names, places, gazetteer, cues, stoplist."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from pipeline.rules import load_json, load_jsonl, load_wordlist, rules_path


@lru_cache(maxsize=1 << 16)  # pure, called for every cue word at every mention: memoised
def fold(text: str) -> str:
    """Accent-free casefolded form, ’ as ' and single spaces (for cue phrases and lexicon look-ups)."""
    s = unicodedata.normalize("NFKD", text.replace("’", "'"))
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold()
    return " ".join(s.split())


@dataclass(frozen=True)
class GazetteerEntry:
    """A well-known actor: stable id, type, canonical name and the other names of the same entity."""

    id: str
    label: str
    name: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class Lexicons:
    """Everything the typing and cleaning rules look up (immutable, shared by the whole process)."""

    given_names: dict[str, str]  # folded given name -> gender m/f/u
    places: frozenset[str]  # folded place names
    gazetteer: dict[str, GazetteerEntry]  # normalised name or alias -> entry
    org: dict[str, Any]
    person: dict[str, Any]
    other: dict[str, Any]
    stoplist: frozenset[str]

    def word_set(self, group: dict[str, Any]) -> frozenset[str]:
        """A cue group's `words` as a set of folded words (computed once per group)."""
        return self.folded(group["words"])

    def folded(self, words: list[str]) -> frozenset[str]:
        """A word list of the rules as a set of folded words (computed once per list)."""
        # Keyed by the list object: the rules' lists live as long as the process, and hashing a
        # tuple of a long list at every mention cost more than the look-up it served.
        hit = _FOLDED_BY_LIST.get(id(words))
        if hit is not None and hit[0] is words:
            return hit[1]
        found = _folded_words(tuple(words))
        if len(_FOLDED_BY_LIST) > 1024:  # lists made on the fly must not grow the cache without bound
            _FOLDED_BY_LIST.clear()
        _FOLDED_BY_LIST[id(words)] = (words, found)
        return found


_FOLDED_BY_LIST: dict[int, tuple[list[str], frozenset[str]]] = {}


@lru_cache(maxsize=64)
def _folded_words(words: tuple[str, ...]) -> frozenset[str]:
    return frozenset(fold(w) for w in words)


@lru_cache(maxsize=1)
def given_names() -> dict[str, str]:
    """Folded given name -> gender (m, f or u) from rules/given_names.txt."""
    out: dict[str, str] = {}
    with rules_path("given_names.txt").open(encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            name, _, gender = line.rstrip("\n").partition("\t")
            key = fold(name)
            out[key] = gender if out.get(key, gender) == gender else "u"
    return out


def gender_of(first_name: str) -> str | None:
    """Gender (m/f/u) of a given name, None when the name is not in the lexicon (for pronoun resolution)."""
    return given_names().get(fold(first_name))


@lru_cache(maxsize=1)
def lexicons() -> Lexicons:
    """All entity lexicons, parsed once per process."""
    from pipeline.nlp.entities import normalize_name

    gaz: dict[str, GazetteerEntry] = {}
    for row in load_jsonl("gazetteer.jsonl"):
        entry = GazetteerEntry(row["id"], row["label"], row["pattern"], tuple(row.get("aliases", ())))
        for n in (entry.name, *entry.aliases):
            gaz.setdefault(normalize_name(n), entry)
    return Lexicons(
        given_names=given_names(),
        places=frozenset(fold(p) for p in load_wordlist("places.txt")),
        gazetteer=gaz,
        org=load_json("org_cues.json"),
        person=load_json("person_cues.json"),
        other=load_json("type_cues.json"),
        stoplist=frozenset(normalize_name(w) for w in load_wordlist("entity_stoplist.txt")),
    )
