"""Language knowledge of the quotes extractor, read from `rules/` (speech verbs, pronouns, nouns, cues)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from pipeline.extract.matching import PrefilteredMatcher
from pipeline.rules import load_json, load_jsonl

SPEECH_VERBS = "speech_verbs.json"
PRONOUNS = "pronouns.json"
SPEAKER_NOUNS = "speaker_nouns.json"
PATTERNS = "quote_patterns.jsonl"


@lru_cache(maxsize=None)
def verbs_for(use: str) -> frozenset[str]:
    """Lemmas of speech verbs allowed in one use: 'incise', 'intro' or 'que'."""
    return frozenset(lemma for lemma, uses in load_json(SPEECH_VERBS)["verbs"].items() if use in uses)


def _lemma_guesses(tok: Token) -> list[str]:
    """The parser's lemma plus infinitive guesses from the word's ending (incises are often mis-tagged)."""
    guesses = [tok.lemma_.lower()]
    low = tok.lower_
    for suffix, infinitive in load_json(SPEECH_VERBS).get("incise_lemma_suffixes", []):
        if low.endswith(suffix) and len(low) > len(suffix) + 2:
            guess = low[: -len(suffix)] + infinitive
            # stem vowel alternation: tempère -> tempérer, martèle -> marteler
            guesses.extend([guess, guess.replace("è", "é"), guess.replace("è", "e")] if "è" in guess else [guess])
    return guesses


def gerund(tok: Token) -> bool:
    """"en martelant que …": a word in -ant after 'en' is a gerund, whatever the tagger calls it (ADJ)."""
    return tok.lower_.endswith("ant") and tok.i > 0 and tok.doc[tok.i - 1].lower_ == "en"


def speech_lemma(tok: Token, use: str, lenient: bool = False) -> str | None:
    """The speech-verb lemma of `tok` for this use, or None.

    `lenient` accepts a token the tagger did not call a verb (« … », analyse X: 'analyse' as NOUN)
    and guesses its infinitive from its ending; used only in incise position next to a quote.
    """
    verbs = verbs_for(use)
    if not lenient and tok.pos_ not in ("VERB", "AUX") and not gerund(tok):
        return None
    if not tok.is_alpha or tok.ent_type_ in ("PER", "ORG"):
        return None
    for lemma in _lemma_guesses(tok):
        if lemma in verbs:
            return lemma
    return None


@lru_cache(maxsize=None)
def pronoun_gender() -> dict[str, tuple[str | None, bool]]:
    """Pronoun form -> (gender 'm'/'f', plural)."""
    data = load_json(PRONOUNS)
    out: dict[str, tuple[str | None, bool]] = {}
    for key, (gender, plural) in {
        "masc": ("m", False), "fem": ("f", False), "plural_masc": ("m", True), "plural_fem": ("f", True)
    }.items():
        for form in data.get(key, []):
            out[form] = (gender, plural)
    return out


def pronoun_form(tok: Token) -> str:
    """Lowercased pronoun text without inversion hyphens ('-t-elle' -> 'elle')."""
    low = tok.lower_
    for prefix in ("-t-", "-"):
        if low.startswith(prefix):
            low = low[len(prefix):]
    return low


@lru_cache(maxsize=None)
def speech_words(key: str) -> frozenset[str]:
    """A word list of `rules/speech_verbs.json` ('negations', 'faire_locutions')."""
    return frozenset(load_json(SPEECH_VERBS)[key])


@lru_cache(maxsize=1)
def civility_titles() -> frozenset[str]:
    """Civil titles written before a name ('Me', 'Mᵉ', 'Mme', 'Dr'), lowercase without their dot,
    from `rules/person_cues.json`."""
    return frozenset(t.lower().rstrip(".") for t in load_json("person_cues.json")["titles"])


@lru_cache(maxsize=None)
def speaker_nouns(kind: str) -> frozenset[str]:
    """Head nouns of speaker descriptions: kind 'org', 'collective' or 'person'."""
    return frozenset(load_json(SPEAKER_NOUNS)[kind])


@dataclass(frozen=True)
class Cue:
    """A matched attribution cue: rule id, kind of cue, verb to store, token range."""

    id: str
    cue: str
    verb: str | None
    start: int
    end: int


_MATCHERS: dict[int, tuple[Vocab, PrefilteredMatcher, dict[str, dict]]] = {}


def _matcher(vocab: Vocab) -> tuple[PrefilteredMatcher, dict[str, dict]]:
    cached = _MATCHERS.get(id(vocab))
    if cached is None or cached[0] is not vocab:
        rows = {row["id"]: row for row in load_jsonl(PATTERNS)}
        # Pattern ids come back as str: strings added inside a memory zone are freed when it ends.
        cached = (vocab, PrefilteredMatcher(vocab, {rid: [row["pattern"]] for rid, row in rows.items()}), rows)
        _MATCHERS[id(vocab)] = cached
    return cached[1], cached[2]


def find_cues(doc: Doc) -> list[Cue]:
    """Every attribution cue of `rules/quote_patterns.jsonl` in the doc, in text order."""
    matcher, rows = _matcher(doc.vocab)
    cues = []
    for rid, start, end in matcher(doc):
        row = rows[rid]
        cues.append(Cue(row["id"], row["cue"], row.get("verb"), start, end))
    return sorted(cues, key=lambda c: (c.start, -c.end))
