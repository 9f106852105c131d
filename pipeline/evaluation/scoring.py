"""Scores per measure and the misses behind them, article by article.

Measures (see `MEASURES`): actors (PER/ORG names), actors_typed (same with the right type),
funding (recipient + amount + currency), funding_investors (investor names found in matched
events, against the investors of every system / gold event),
quotes (token F1 >= 0.6), quotes_speaker (matched quote with the right speaker, counted against
all system and gold quotes), roles (person + organisation of a `role` relation).
funding_round (round of matched events whose gold states one) is reported for information.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from pipeline.evaluation.gold import ACTOR_TYPES, GoldArticle
from pipeline.evaluation.matching import (
    QUOTE_THRESHOLD,
    Score,
    align_best,
    align_in_passes,
    amount_match,
    names_match,
    normalize,
    token_f1,
)
from pipeline.evaluation.system import SysArticle

MEASURES = ("actors", "actors_typed", "funding", "funding_investors", "quotes", "quotes_speaker", "roles")
INFO_MEASURES = ("funding_round",)

_SENTENCE_END = re.compile(r"(?<=[.!?»])\s+|\n+")


@dataclass(frozen=True)
class Miss:
    """One error for the analysis file: a false positive (fp), false negative (fn) or wrong attribute."""

    measure: str
    kind: str  # "fp", "fn", "wrong_speaker", "wrong_round"
    article: str
    item: str
    detail: str | None = None
    sentence: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class ArticleScore:
    """Counts per measure and misses for one article."""

    scores: dict[str, Score]
    misses: list[Miss]


def sentence_around(text: str, needle: str | None) -> str | None:
    """The sentence of `text` holding the first occurrence of `needle` (case and spacing tolerant)."""
    if not text or not needle:
        return None
    words = needle.split()
    if not words:
        return None
    pattern = re.compile(r"\s+".join(re.escape(w) for w in words[:12]), re.IGNORECASE)
    found = pattern.search(text)
    if not found:
        return None
    start = end = found.start()
    for m in _SENTENCE_END.finditer(text):
        if m.end() <= found.start():
            start = m.end()
        elif m.start() >= found.end():
            end = m.start()
            break
    else:
        end = len(text)
    return " ".join(text[start:end].split())[:400]


def _first_found(text: str, names: Iterable[str]) -> str | None:
    for name in names:
        sentence = sentence_around(text, name)
        if sentence:
            return sentence
    return None


def score_actors(gold: GoldArticle, system: SysArticle) -> tuple[dict[str, Score], list[Miss]]:
    """actors and actors_typed: one-to-one, exact names first, then loose names."""
    sys_actors = [a for a in system.actors if a.type in ACTOR_TYPES]
    scores: dict[str, Score] = {}
    misses: list[Miss] = []
    for measure, typed in (("actors", False), ("actors_typed", True)):

        def passes(exact: bool, typed: bool = typed):  # type: ignore[no-untyped-def]
            return lambda g, s: (not typed or g.type == s.type) and names_match(g.names, s.names, exact)

        pairs = align_in_passes(gold.actors, sys_actors, [passes(True), passes(False)])
        scores[measure] = Score(len(pairs), len(sys_actors), len(gold.actors))
        hit_g = {g for g, _ in pairs}
        hit_s = {s for _, s in pairs}
        for gi, g in enumerate(gold.actors):
            if gi not in hit_g:
                misses.append(Miss(measure, "fn", gold.stem, f"{g.name} ({g.type})", None, _first_found(system.text, g.names)))
        for si, s in enumerate(sys_actors):
            if si not in hit_s:
                misses.append(Miss(measure, "fp", gold.stem, f"{s.names[0]} ({s.type})", None, _first_found(system.text, s.names)))
    return scores, misses


def _event_label(recipient: str, amount: float | None, currency: str | None) -> str:
    money = "no amount" if amount is None else f"{amount:,.0f} {currency}"
    return f"{recipient}: {money}"


def score_funding(gold: GoldArticle, system: SysArticle) -> tuple[dict[str, Score], list[Miss]]:
    """funding (recipient + amount + currency), funding_investors and funding_round of matched events."""

    def matcher(exact: bool):  # type: ignore[no-untyped-def]
        return lambda g, s: names_match(gold.names_of(g.recipient), s.recipient, exact) and amount_match(
            g.amount, g.currency, s.amount, s.currency
        )

    def investor_matcher(exact: bool) -> Callable[[str, Sequence[str]], bool]:
        return lambda x, y: names_match(gold.names_of(x), y, exact)

    pairs = align_in_passes(gold.events, system.events, [matcher(True), matcher(False)])
    misses: list[Miss] = []
    investors = Score()
    rounds = Score()
    for gi, si in pairs:
        g, s = gold.events[gi], system.events[si]
        inv_pairs = align_in_passes(
            list(g.investors),
            list(s.investors),
            [investor_matcher(True), investor_matcher(False)],
        )
        investors += Score(len(inv_pairs), 0, 0)
        found_g = {a for a, _ in inv_pairs}
        found_s = {b for _, b in inv_pairs}
        label = _event_label(g.recipient, g.amount, g.currency)
        for k, name in enumerate(g.investors):
            if k not in found_g:
                misses.append(Miss("funding_investors", "fn", gold.stem, name, label, g.evidence))
        for k, names in enumerate(s.investors):
            if k not in found_s:
                misses.append(Miss("funding_investors", "fp", gold.stem, names[0] if names else "?", label, s.evidence))
        if g.round:
            ok = normalize(g.round) == normalize(s.round)
            rounds += Score(int(ok), 1, 1)
            if not ok:
                misses.append(Miss("funding_round", "wrong_round", gold.stem, label, f"gold {g.round}, system {s.round}", g.evidence))
    hit_g = {g for g, _ in pairs}
    hit_s = {s for _, s in pairs}
    for gi, g in enumerate(gold.events):
        if gi not in hit_g:
            misses.append(Miss("funding", "fn", gold.stem, _event_label(g.recipient, g.amount, g.currency), None, g.evidence))
    for si, s in enumerate(system.events):
        if si not in hit_s:
            name = s.recipient[0] if s.recipient else "?"
            misses.append(Miss("funding", "fp", gold.stem, _event_label(name, s.amount, s.currency), None, s.evidence))
    # Investors are counted over all events, so a missed event's investors are missed too and a
    # better event matcher can only raise investor recall (the floors need that monotony).
    investors += Score(0, sum(len(s.investors) for s in system.events), sum(len(g.investors) for g in gold.events))
    scores = {
        "funding": Score(len(pairs), len(system.events), len(gold.events)),
        "funding_investors": investors,
        "funding_round": rounds,
    }
    return scores, misses


def speaker_ok(gold: GoldArticle, gold_speaker: str | None, sys_speaker: tuple[str, ...]) -> bool:
    """A matched quote has the right speaker: both unknown, or the names match (loosely)."""
    if gold_speaker is None:
        return not sys_speaker
    return names_match(gold.names_of(gold_speaker), sys_speaker)


def score_quotes(gold: GoldArticle, system: SysArticle) -> tuple[dict[str, Score], list[Miss]]:
    """quotes (token F1 >= threshold, best pairs first) and quotes_speaker."""
    pairs = align_best(gold.quotes, system.quotes, lambda g, s: token_f1(g.text, s.text), QUOTE_THRESHOLD)
    misses: list[Miss] = []
    right = 0
    for gi, si, _ in pairs:
        g, s = gold.quotes[gi], system.quotes[si]
        if speaker_ok(gold, g.speaker, s.speaker):
            right += 1
        else:
            detail = f"gold {g.speaker}, system {s.speaker[0] if s.speaker else None}"
            misses.append(Miss("quotes_speaker", "wrong_speaker", gold.stem, g.text[:200], detail, sentence_around(system.text, s.text)))
    hit_g = {g for g, _, _ in pairs}
    hit_s = {s for _, s, _ in pairs}
    for gi, g in enumerate(gold.quotes):
        if gi not in hit_g:
            misses.append(Miss("quotes", "fn", gold.stem, g.text[:200], f"speaker {g.speaker}, {g.kind}", sentence_around(system.text, g.text)))
    for si, s in enumerate(system.quotes):
        if si not in hit_s:
            speaker = s.speaker[0] if s.speaker else None
            misses.append(Miss("quotes", "fp", gold.stem, s.text[:200], f"speaker {speaker}, {s.kind}", sentence_around(system.text, s.text)))
    n_sys, n_gold = len(system.quotes), len(gold.quotes)
    return {"quotes": Score(len(pairs), n_sys, n_gold), "quotes_speaker": Score(right, n_sys, n_gold)}, misses


def score_roles(gold: GoldArticle, system: SysArticle) -> tuple[dict[str, Score], list[Miss]]:
    """roles: a `role` relation whose person and organisation both match a gold role."""

    def matcher(exact: bool):  # type: ignore[no-untyped-def]
        return lambda g, s: names_match(gold.names_of(g.person), s.person, exact) and names_match(
            gold.names_of(g.org), s.org, exact
        )

    pairs = align_in_passes(gold.roles, system.roles, [matcher(True), matcher(False)])
    hit_g = {g for g, _ in pairs}
    hit_s = {s for _, s in pairs}
    misses = [
        Miss("roles", "fn", gold.stem, f"{g.person} — {g.role} — {g.org}", None, _first_found(system.text, [g.person, g.person.split()[-1]]))
        for gi, g in enumerate(gold.roles)
        if gi not in hit_g
    ]
    for si, s in enumerate(system.roles):
        if si not in hit_s:
            person = s.person[0] if s.person else "?"
            org = s.org[0] if s.org else "?"
            misses.append(Miss("roles", "fp", gold.stem, f"{person} — {s.attribute} — {org}", None, s.evidence))
    return {"roles": Score(len(pairs), len(system.roles), len(gold.roles))}, misses


SCORERS = (score_actors, score_funding, score_quotes, score_roles)


def score_article(gold: GoldArticle, system: SysArticle | None) -> ArticleScore:
    """All measures for one article; a missing system view counts as an empty output."""
    system = system or SysArticle(gold.stem)
    scores: dict[str, Score] = {}
    misses: list[Miss] = []
    for scorer in SCORERS:
        part, found = scorer(gold, system)
        scores.update(part)
        misses.extend(found)
    return ArticleScore(scores, misses)


@dataclass
class CorpusScore(ArticleScore):
    """Micro-averaged counts, all misses, and each article's own counts."""

    per_article: dict[str, dict[str, Score]] = field(default_factory=dict)


def score_corpus(golds: Iterable[GoldArticle], views: dict[str, SysArticle]) -> CorpusScore:
    """Micro-averaged counts over every annotated article, and all misses."""
    total: dict[str, Score] = {m: Score() for m in (*MEASURES, *INFO_MEASURES)}
    result = CorpusScore(total, [])
    for gold in golds:
        article = score_article(gold, views.get(gold.stem))
        for measure, score in article.scores.items():
            total[measure] = total[measure] + score
        result.misses.extend(article.misses)
        result.per_article[gold.stem] = article.scores
    return result
