"""A spaCy `Matcher` that only runs where one of its patterns can start: the same matches, faster.

The Matcher tests every pattern's first token at every token of the doc (a Python predicate call
per token and pattern for `IN` sets), while trigger words are rare: most of a news article cannot
start any funding pattern. `PrefilteredMatcher` reads the LOWER and LEMMA hashes of the doc as
arrays, finds the tokens whose value a pattern's first token accepts (hash-set look-ups), and runs the
Matcher only on windows from such a token to at most the longest length of the patterns that can
start there (a common first word such as "à" only opens short patterns).

The result is exactly `Matcher(doc)`'s — same matches, same order — provided every pattern
- constrains its first token by LOWER or LEMMA (a literal, an `IN` list or a `REGEX`), or by an
  exact TEXT/ORTH (literal or `IN`) — and, when
  that token is optional (`?`, `*`, `{0,m}`), every token up to the first required one too, since a
  match may begin at any of them — and
- has a bounded length (no `*`, `+` or `{n,}` operator; `?` and `{n,m}` are fine).
Any other pattern set is still matched correctly: the prefilter is then simply not used.
Ordering holds because the Matcher reports a match when it ends, windows are disjoint and in text
order, and no match can begin outside a window.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy
from spacy.attrs import LEMMA, LOWER
from spacy.matcher import Matcher
from spacy.strings import StringStore, get_string_id
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

Pattern = Sequence[Mapping[str, object]]
_UNBOUNDED_OPS = {"*", "+"}


@dataclass
class FirstTokens:
    """What a pattern set's first tokens accept — LOWER and LEMMA values, regexes — each with the
    longest match (in tokens) a pattern starting there can make."""

    lowers: dict[str, int] = field(default_factory=dict)
    lemmas: dict[str, int] = field(default_factory=dict)
    regexes: dict[str, list[str]] = field(default_factory=lambda: {"LOWER": [], "LEMMA": []})
    regex_lengths: dict[str, int] = field(default_factory=lambda: {"LOWER": 0, "LEMMA": 0})

    def add_pattern(self, pattern: Pattern) -> bool:
        """Record the tokens a match of `pattern` may begin with: its leading optional tokens and
        the first required one. False when one of them constrains neither LOWER nor LEMMA, or when
        the pattern's length has no bound."""
        length = _pattern_length(pattern)
        if length is None:
            return False
        for token in pattern:
            if token.get("OP") == "!" or not self.add(token, length):
                return False
            if not _may_be_empty(token.get("OP")):
                return True
        return False  # every token optional: no token is sure to start a match

    def add(self, token: Mapping[str, object], length: int) -> bool:
        """Record one token's LOWER/LEMMA constraint for a pattern of at most `length` tokens; False
        when it constrains neither. An exact TEXT/ORTH (literal or `IN`) counts as its lowercase: a
        token with that text has that LOWER."""
        for attr in ("TEXT", "ORTH"):
            value = token.get(attr)
            if isinstance(value, str) or (isinstance(value, Mapping) and set(value) == {"IN"}):
                _record(self.lowers, (str(v).lower() for v in ([value] if isinstance(value, str) else value["IN"])), length)
                return True
        found = False
        for attr, target in (("LOWER", self.lowers), ("LEMMA", self.lemmas)):
            value = token.get(attr)
            if isinstance(value, str):
                _record(target, [value], length)
                found = True
            elif isinstance(value, Mapping) and ("IN" in value or "REGEX" in value):
                _record(target, (str(v) for v in value.get("IN", ())), length)  # type: ignore[attr-defined]
                if "REGEX" in value:
                    self.regexes[attr].append(f"(?:{value['REGEX']})")
                    self.regex_lengths[attr] = max(self.regex_lengths[attr], length)
                found = True
        return found


def _record(target: dict[str, int], values: Iterable[str], length: int) -> None:
    for v in values:
        target[v] = max(target.get(v, 0), length)


_QUANTIFIER = re.compile(r"^\{(\d*)(,?)(\d*)\}$")  # spaCy's {n}, {n,m}, {,m} and {n,} operators


def _max_tokens(op: object) -> int | None:
    """How many tokens one pattern token can match at most under its `OP` (None: no bound)."""
    if op is None or op in {"!", "?", "1"}:
        return 1
    if op in _UNBOUNDED_OPS:
        return None
    m = _QUANTIFIER.match(str(op))
    if m is None:
        return None  # an operator we do not know: never assume a bound
    low, comma, high = m.groups()
    if not comma:
        return int(low or 0)
    return int(high) if high else None


def _may_be_empty(op: object) -> bool:
    """The operator lets its token match nothing (`?`, `*`, `{0,m}`, `{,m}`)."""
    if op in {"?", "*"}:
        return True
    m = _QUANTIFIER.match(str(op)) if op is not None else None
    return m is not None and not int(m.group(1) or 0)


def _pattern_length(pattern: Pattern) -> int | None:
    """The most tokens `pattern` can match, or None when it has no bound."""
    bounds = [_max_tokens(tok.get("OP")) for tok in pattern]
    return None if None in bounds else sum(b for b in bounds if b is not None)


def _window_length(patterns: Mapping[str, Sequence[Pattern]]) -> int | None:
    """The most tokens any pattern can match, or None when some pattern has no bounded length."""
    lengths = [_pattern_length(p) for alternatives in patterns.values() for p in alternatives]
    return None if None in lengths else max((n for n in lengths if n is not None), default=0)


class _LengthTable:
    """Hash -> longest match, as sorted arrays for a vectorised look-up of a whole doc's column."""

    def __init__(self, lengths: Mapping[int, int]) -> None:
        self.keys = numpy.array(sorted(lengths), dtype=numpy.uint64)
        self.values = numpy.array([lengths[k] for k in sorted(lengths)], dtype=numpy.int64)


def _lookup(table: _LengthTable, column: numpy.ndarray) -> numpy.ndarray:
    """The table's length for each hash of `column` (0 where the hash is not in the table)."""
    if not len(table.keys):
        return numpy.zeros(len(column), dtype=numpy.int64)
    pos = numpy.minimum(numpy.searchsorted(table.keys, column), len(table.keys) - 1)
    return numpy.where(table.keys[pos] == column, table.values[pos], 0)


GATED_MIN_LENGTH = 3  # patterns at least this long are gated by the words they require (fastest on the bench corpus)


def required_words(pattern: Pattern) -> list[list[str]]:
    """For each token after the first required one that every match holds and that names its words
    (an exact TEXT/ORTH/LOWER, or an `IN` list of them), those words in lowercase."""
    out: list[list[str]] = []
    seen_first = False
    for token in pattern:
        op = token.get("OP")
        if op == "!" or _may_be_empty(op):
            continue
        if not seen_first:
            seen_first = True
            continue
        for attr in ("TEXT", "ORTH", "LOWER"):
            value = token.get(attr)
            if isinstance(value, str):
                out.append([value.lower()])
                break
            if isinstance(value, Mapping) and set(value) == {"IN"}:
                out.append(sorted({str(v).lower() for v in value["IN"]}))  # type: ignore[attr-defined]
                break
    return out


def _followed_by_one_of(lowers: numpy.ndarray, words: list[int], starts: numpy.ndarray, length: int,
                        counts: dict[int, numpy.ndarray]) -> numpy.ndarray:
    """For each start, whether one of `words` (LOWER hashes) sits among the `length - 1` tokens after it."""
    total = numpy.zeros(len(starts), dtype=numpy.int64)
    last = numpy.minimum(starts + length - 1, len(lowers) - 1)
    for word in words:
        running = counts.get(word)
        if running is None:
            running = counts[word] = numpy.cumsum(lowers == numpy.uint64(word))
        total += running[last] - running[starts]
    return total > 0


class _StartTable:
    """What the first tokens of a set of patterns accept, ready for a vectorised look-up."""

    def __init__(self, first: FirstTokens) -> None:
        self.lowers = _LengthTable({get_string_id(v): n for v, n in first.lowers.items()})
        self.lemmas = _LengthTable({get_string_id(v): n for v, n in first.lemmas.items()})
        self.regexes = [(column, re.compile("|".join(found)), first.regex_lengths[attr])
                        for column, (attr, found) in enumerate(first.regexes.items()) if found]


class PrefilteredMatcher:
    """`Matcher` over `patterns` ({id: [pattern, ...]}) returning `(id, start, end)` with the id
    as a Python `str` (a string-store lookup would fail for ids added inside a memory zone)."""

    def __init__(self, vocab: Vocab, patterns: Mapping[str, Sequence[Pattern]], gate_from: int | None = None) -> None:
        self.matcher = Matcher(vocab)
        for rid, alternatives in patterns.items():
            self.matcher.add(rid, [[dict(t) for t in p] for p in alternatives])
        self.names = {get_string_id(rid): rid for rid in patterns}
        self.window = _window_length(patterns)
        every = [p for alts in patterns.values() for p in alts if p]
        # Long patterns that need some word further on ('pour X (…) ,') make long windows: each gets
        # its own start table and counts only where its required words follow within its length.
        gate_from = GATED_MIN_LENGTH if gate_from is None else gate_from
        gated = [(p, req) for p in every if (_pattern_length(p) or 0) >= gate_from and (req := required_words(p))]
        first = FirstTokens()
        usable = all(first.add_pattern(p) for p in every if not any(p is g for g, _ in gated))
        self._starts_table = _StartTable(first)
        self._gated: list[tuple[_StartTable, list[list[int]], int]] = []
        for p, req in gated:
            own = FirstTokens()
            usable = own.add_pattern(p) and usable
            self._gated.append((_StartTable(own), [[get_string_id(w) for w in words] for words in req], _pattern_length(p) or 0))
        self.prefilter = usable and self.window is not None
        self._regex_hits: dict[tuple[str, int, int], bool] = {}

    def __call__(self, doclike: Doc | Span) -> list[tuple[str, int, int]]:
        """Every match in `doclike`, offsets relative to it, in the Matcher's order."""
        if not self.prefilter or not len(doclike):
            return self._named(self.matcher(doclike), 0)
        out: list[tuple[str, int, int]] = []
        for lo, hi in self._windows(doclike):
            out.extend(self._named(self.matcher(doclike[lo:hi]), lo))
        return out

    def _named(self, matches: list[tuple[int, int, int]], offset: int) -> list[tuple[str, int, int]]:
        return [(self.names[m], s + offset, e + offset) for m, s, e in matches if m in self.names]

    def candidates(self, doclike: Doc | Span) -> list[int]:
        """Positions (relative to `doclike`) of the tokens some pattern could start with."""
        return [i for i, _ in self._starts(doclike)]

    def _starts(self, doclike: Doc | Span) -> list[tuple[int, int]]:
        """(position, longest match a pattern can make from it) for every possible start."""
        if isinstance(doclike, Span):  # a sentence: a slice of the whole doc's lengths, computed once
            lengths = self._doc_lengths(doclike.doc)[doclike.start : doclike.end]
        else:
            lengths = self._lengths(doclike)
        found = numpy.flatnonzero(lengths)
        return list(zip(found.tolist(), lengths[found].tolist()))

    def _doc_lengths(self, doc: Doc) -> numpy.ndarray:
        key = f"_prefilter_lengths.{id(self)}"
        cached = doc.user_data.get(key)
        if cached is None or len(cached) != len(doc):
            cached = doc.user_data[key] = self._lengths(doc)
        return cached

    def _lengths(self, doc: Doc) -> numpy.ndarray:
        """Per token, the longest match a pattern starting there can make (0: none starts there)."""
        rows = doc.to_array([LOWER, LEMMA]).reshape(-1, 2)
        lengths = self._table_lengths(self._starts_table, doc, rows)
        counts: dict[int, numpy.ndarray] = {}
        for table, required, most in self._gated:
            starts = numpy.flatnonzero(self._table_lengths(table, doc, rows))
            for alternatives in required:
                if not len(starts):
                    break
                starts = starts[_followed_by_one_of(rows[:, 0], alternatives, starts, most, counts)]
            lengths[starts] = numpy.maximum(lengths[starts], most)
        return lengths

    def _table_lengths(self, table: _StartTable, doc: Doc, rows: numpy.ndarray) -> numpy.ndarray:
        lengths = numpy.maximum(_lookup(table.lowers, rows[:, 0]), _lookup(table.lemmas, rows[:, 1]))
        for column, regex, most in table.regexes:
            todo = numpy.flatnonzero(lengths < most)
            if not len(todo):
                continue
            # one regex test per distinct word (cached across docs), not one per token
            keys, where = numpy.unique(rows[todo, column], return_inverse=True)
            hits = numpy.array([self._regex_hit(doc.vocab.strings, column, regex, key) for key in keys.tolist()], dtype=bool)
            lengths[todo[hits[where.reshape(-1)]]] = most
        return lengths

    def _regex_hit(self, strings: StringStore, column: int, regex: re.Pattern, key: int) -> bool:
        """The LOWER (column 0) or LEMMA (column 1) string of hash `key` is found by the regex (cached)."""
        # keyed by the regex too: the shared table and each gated pattern have their own regexes
        cache_key = (regex.pattern, column, key)
        hit = self._regex_hits.get(cache_key)
        if hit is None:
            hit = regex.search(strings[key]) is not None
            if len(self._regex_hits) > 200_000:
                self._regex_hits.clear()
            self._regex_hits[cache_key] = hit
        return hit

    def _windows(self, doclike: Doc | Span) -> list[tuple[int, int]]:
        """Disjoint windows [lo, hi) covering every candidate start and the longest match from it."""
        size = len(doclike)
        windows: list[tuple[int, int]] = []
        for start, length in self._starts(doclike):
            end = min(size, start + length)
            if windows and start < windows[-1][1]:
                windows[-1] = (windows[-1][0], max(windows[-1][1], end))
            else:
                windows.append((start, end))
        return windows
