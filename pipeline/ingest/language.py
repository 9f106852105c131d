"""Is this text French? A stopword-ratio check with the word lists of `rules/stopwords/`.

French prose is 35-50 % function words from `fr.txt`; English, German or Spanish prose is well under
15 %. Short texts (under 25 words) give noisy ratios: they are refused only when another language's
function words clearly dominate (a one-line English blurb), never for a French headline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pipeline.rules import RULES_DIR, load_wordlist

FRENCH = "fr"
MIN_WORDS = 25  # below this, ratios are noise: accept the text unless clearly another language
MIN_SHORT_WORDS = 8  # under this, nothing can be judged
SHORT_OTHER_RATIO = 0.3  # a short text is refused when another language has this share...
SHORT_MAX_FRENCH_RATIO = 0.1  # ...and French function words stay under this one
MIN_FRENCH_RATIO = 0.15
SAMPLE_WORDS = 5000  # judging the first words is enough and keeps long texts cheap
_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class LanguageGuess:
    """Share of French function words, and the likeliest other language when it is not French."""

    is_french: bool
    french_ratio: float
    n_words: int
    other: str | None = None


@lru_cache(maxsize=1)
def _stopword_lists() -> dict[str, frozenset[str]]:
    names = sorted(p.stem for p in (RULES_DIR / "stopwords").glob("*.txt"))
    return {name: load_wordlist(f"stopwords/{name}.txt") for name in names}


def guess_language(text: str) -> LanguageGuess:
    """Judge whether `text` is French from the share of French function words among its words."""
    words = [w.lower() for w in _WORD.findall(text[: SAMPLE_WORDS * 12])][:SAMPLE_WORDS]
    lists = _stopword_lists()
    if len(words) < MIN_SHORT_WORDS:
        return LanguageGuess(True, 1.0, len(words))
    ratios = {lang: sum(w in stop for w in words) / len(words) for lang, stop in lists.items()}
    french = ratios.get(FRENCH, 0.0)
    others = {lang: r for lang, r in ratios.items() if lang != FRENCH and r > french}
    other = max(others, key=others.__getitem__) if others else None
    if len(words) < MIN_WORDS:
        clearly_other = other is not None and others[other] >= SHORT_OTHER_RATIO and french < SHORT_MAX_FRENCH_RATIO
        return LanguageGuess(not clearly_other, french, len(words), other if clearly_other else None)
    if french >= MIN_FRENCH_RATIO:
        return LanguageGuess(True, french, len(words))
    return LanguageGuess(False, french, len(words), other)


def describe(guess: LanguageGuess) -> str:
    """One line for the errors table."""
    looks = f"; looks like {guess.other}" if guess.other else ""
    return (
        f"text is not French: {guess.french_ratio:.0%} French function words in {guess.n_words} words"
        f" (need {MIN_FRENCH_RATIO:.0%}){looks}; article skipped"
    )
