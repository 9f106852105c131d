"""Matching rules shared by every measure: name matching, quote overlap, one-to-one alignment.

Names: equal once case, accents, apostrophes and punctuation are normalised ("Mistral-AI" =
"mistral ai"), or, in the loose pass, one name is a whole-token sub-sequence of the other
("Altman" ~ "Sam Altman", "Mistral" ~ "Mistral AI"). Exact pairs are aligned before loose ones so
that "Meta" and "Meta AI" each find their own partner when both exist.
Quotes: token F1 of the normalised texts, a pair counts from `QUOTE_THRESHOLD` on.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

QUOTE_THRESHOLD = 0.6
AMOUNT_TOLERANCE = 0.01  # relative: 9.3 M vs 9 300 000 is the same amount, rounding aside

_NON_WORD = re.compile(r"[^\w]+")

G = TypeVar("G")
S = TypeVar("S")


def normalize(text: str | None) -> str:
    """Lower-case, accent-free, punctuation-free form of `text` with single spaces ("" for None)."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFKD", str(text))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return " ".join(_NON_WORD.sub(" ", bare).split())


def tokens(text: str | None) -> list[str]:
    """Normalised word tokens of `text`."""
    return normalize(text).split()


def _contains(long: Sequence[str], short: Sequence[str]) -> bool:
    k = len(short)
    return any(list(long[i : i + k]) == list(short) for i in range(len(long) - k + 1))


def name_match(a: str | None, b: str | None, exact: bool = False) -> bool:
    """Whether two surface names denote the same actor under the matching rules.

    exact: only equal normalised forms (spaces ignored, so "FranceInter" = "France Inter");
    otherwise also a whole-token sub-sequence of the other ("Altman" ~ "Sam Altman").
    """
    na, nb = normalize(a), normalize(b)
    if not na or not nb:
        return False
    if na == nb or na.replace(" ", "") == nb.replace(" ", ""):
        return True
    if exact:
        return False
    ta, tb = na.split(), nb.split()
    short, long = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    return _contains(long, short)


def names_match(gold_names: Iterable[str], sys_names: Iterable[str], exact: bool = False) -> bool:
    """Whether any gold name (name or alias) matches any system name (canonical or alias)."""
    sys_list = [s for s in sys_names if s]
    return any(name_match(g, s, exact) for g in gold_names if g for s in sys_list)


def token_f1(gold: str | None, system: str | None) -> float:
    """Token-overlap F1 between two texts (bag of normalised tokens)."""
    tg, ts = tokens(gold), tokens(system)
    if not tg or not ts:
        return 0.0
    common = sum((Counter(tg) & Counter(ts)).values())
    if common == 0:
        return 0.0
    p, r = common / len(ts), common / len(tg)
    return 2 * p * r / (p + r)


def amount_match(gold_amount: float | None, gold_currency: str | None, sys_amount: float | None, sys_currency: str | None) -> bool:
    """Both amounts absent, or equal within `AMOUNT_TOLERANCE` in the same currency."""
    if gold_amount is None and sys_amount is None:
        return True
    if gold_amount is None or sys_amount is None:
        return False
    if (gold_currency or "").upper() != (sys_currency or "").upper():
        return False
    return abs(float(sys_amount) - float(gold_amount)) <= AMOUNT_TOLERANCE * abs(float(gold_amount))


def align_in_passes(
    gold: Sequence[G], system: Sequence[S], passes: Sequence[Callable[[G, S], bool]]
) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, system index): each pass pairs what the earlier ones left.

    Within a pass, gold items take the first free system item they match (text order).
    """
    pairs: list[tuple[int, int]] = []
    used_g: set[int] = set()
    used_s: set[int] = set()
    for matches in passes:
        for gi, g in enumerate(gold):
            if gi in used_g:
                continue
            for si, s in enumerate(system):
                if si not in used_s and matches(g, s):
                    pairs.append((gi, si))
                    used_g.add(gi)
                    used_s.add(si)
                    break
    return pairs


def align_best(
    gold: Sequence[G], system: Sequence[S], score: Callable[[G, S], float], threshold: float
) -> list[tuple[int, int, float]]:
    """One-to-one pairs by decreasing score (ties in text order); pairs below `threshold` are left out."""
    candidates = [
        (score(g, s), gi, si) for gi, g in enumerate(gold) for si, s in enumerate(system)
    ]
    candidates = [c for c in candidates if c[0] >= threshold]
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_g: set[int] = set()
    used_s: set[int] = set()
    pairs: list[tuple[int, int, float]] = []
    for value, gi, si in candidates:
        if gi not in used_g and si not in used_s:
            pairs.append((gi, si, value))
            used_g.add(gi)
            used_s.add(si)
    return sorted(pairs)


@dataclass(frozen=True)
class Score:
    """Counts of one measure and the precision / recall / F1 derived from them."""

    tp: int = 0
    n_sys: int = 0
    n_gold: int = 0

    def __add__(self, other: Score) -> Score:
        return Score(self.tp + other.tp, self.n_sys + other.n_sys, self.n_gold + other.n_gold)

    @property
    def precision(self) -> float:
        # Nothing predicted: perfect only if there was nothing to find.
        if self.n_sys == 0:
            return 1.0 if self.n_gold == 0 else 0.0
        return self.tp / self.n_sys

    @property
    def recall(self) -> float:
        return self.tp / self.n_gold if self.n_gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        """Rounded figures for JSON and the floors file."""
        return {
            "p": round(self.precision, 4),
            "r": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "sys": self.n_sys,
            "gold": self.n_gold,
        }
