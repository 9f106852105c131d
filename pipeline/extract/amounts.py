"""Money amounts in French news prose: "105 millions d'euros", "7 M€", "$40 million", "une vingtaine de
millions d'euros", "entre 250 et 300 millions", "des milliards de dollars"...

The vocabulary (scale words, currency names, codes and signs, approximation words, number words) lives
in `rules/amounts.json`; this module only assembles it into a handful of regular expressions, compiled
once per process on first use. It works on plain strings (no spaCy) so that it is cheap to call on every
sentence. Each pattern has an id that becomes `Amount.rule_id`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from pipeline.rules import load_json

RULES_FILE = "amounts.json"

_WS = "[ \\t\u00a0\u202f]"
_SP = _WS + "*"
_SP1 = _WS + "+"
_APOS = "['\u2019\u02bc]"
_DE = f"(?:[dD]e{_SP1}|[dD]{_APOS}{_SP})"
_DIGITS = (
    r"(?<![\w.,])(?:\d{1,3}(?:[ \u00a0\u202f.]\d{3})+(?:,\d+)?(?![\d])|\d+(?:[.,]\d+)?(?![\d]))"
)
# After a prefixed sign, English writing may group thousands with commas: "$1,200,000".
_DIGITS_EN = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)(?!,\d)|" + _DIGITS + ")"


@dataclass(frozen=True)
class Amount:
    """A money amount found in a text.

    `value` is in currency units (None when the text gives no figure, "des milliards de dollars");
    for a range it is the lower bound and `high` the upper one. `start`/`end` are char offsets into the
    text given to `find_amounts`, and `text == source[start:end]` (approximation words included).
    """

    value: float | None
    currency: str | None
    approximate: bool
    text: str
    start: int
    end: int
    rule_id: str
    high: float | None = None


def _norm(s: str) -> str:
    """Lookup key: lower case, one kind of apostrophe, single spaces."""
    s = re.sub(r"['\u2019\u02bc]", "'", s.lower())
    return re.sub(r"[\s\u00a0\u202f]+", " ", s).strip()


def _alt(words: list[str], *, ignore_case: bool, word_end: bool = True) -> str:
    """A regex alternation of words, longest first, with flexible spaces and apostrophes."""
    parts = []
    for w in sorted(set(words), key=len, reverse=True):
        esc = re.escape(w).replace("\\ ", _SP1).replace("'", _APOS)
        parts.append(esc)
    body = "|".join(parts)
    if ignore_case:
        body = f"(?i:{body})"
    else:
        body = f"(?:{body})"
    return body + ("(?!\\w)" if word_end else "")


def _entries(d: dict[str, Any]) -> dict[str, Any]:
    """A rules mapping without its documentation keys."""
    return {k: v for k, v in d.items() if not k.startswith("_")}


@dataclass(frozen=True)
class _Grammar:
    """The compiled patterns and lookup tables built from the rules file."""

    patterns: tuple[tuple[str, re.Pattern[str]], ...]
    approx_left: re.Pattern[str]
    approx_right: re.Pattern[str]
    de_word: re.Pattern[str]
    scales: dict[str, tuple[float, bool]]
    abbreviations: dict[str, float]
    english_scales: dict[str, float]
    names: dict[str, str]
    ambiguous: frozenset[str]
    signs: dict[str, str]
    approx_nouns: dict[str, int]
    not_currency_after_de: frozenset[str]


@lru_cache(maxsize=1)
def _grammar() -> _Grammar:
    """Build (once) the regexes from `rules/amounts.json`."""
    r = load_json(RULES_FILE)
    scales = {_norm(k): (float(v["value"]), bool(v["bare_ok"])) for k, v in _entries(r["scales"]).items()}
    abbrs = {k: float(v) for k, v in _entries(r["abbreviations"]).items()}
    eng = {k: float(v) for k, v in _entries(r["english_scales"]).items()}
    names = {_norm(k): v for k, v in _entries(r["currency_names"]).items()}
    signs = {**_entries(r["codes"]), **_entries(r["symbols"])}
    nouns = {_norm(k): int(v) for k, v in _entries(r["approximate_nouns"]).items()}
    vague = r["vague_quantifiers"]
    numw = r["number_words"]

    scale_re = _alt(list(scales), ignore_case=True)
    abbr_re = _alt(list(abbrs), ignore_case=False, word_end=False)
    eng_re = _alt(list(eng), ignore_case=False, word_end=False) + "(?![A-Za-z])"
    names_re = _alt(list(_entries(r["currency_names"])), ignore_case=True)
    # Signs and codes: codes must not run into letters ("EURO" is not "EUR").
    sign_re = "(?:" + "|".join(re.escape(s) for s in sorted(signs, key=len, reverse=True)) + ")(?![A-Za-z])"
    words_re = _alt(numw["words"], ignore_case=True)
    half_re = _alt(numw["half"], ignore_case=True)
    num_words = f"(?<!\\w){words_re}(?:(?:-|{_SP1}(?:(?i:et){_SP1})?|-(?i:et)-){words_re})*"
    num = f"(?:{_DIGITS}|{num_words})"

    # What may follow a number: an abbreviated scale glued to a currency, a scale word, a currency.
    cur_after_scale = f"{_SP1}(?:{_DE})?(?P<cname>{names_re})|{_SP}(?P<csign>{sign_re})"
    cur_after_num = f"{_SP1}(?P<cname2>{names_re})|{_SP}(?P<csign2>{sign_re})"
    tail = (
        f"(?:{_SP}(?P<abbr>{abbr_re}){_SP}(?:(?P<asign>{sign_re})|(?P<aname>{names_re}))"
        f"|{_SP1}(?P<scale>{scale_re})(?:{_SP1}(?P<half>{half_re}))?(?:{cur_after_scale})?"
        f"|{cur_after_num})"
    )
    number = f"(?P<num>{num}){tail}"
    joiners = "|".join(re.escape(j) for j in r["range_separators"]["joiners"])
    between = re.escape(r["range_separators"]["between"])
    bjoin = re.escape(r["range_separators"]["between_joiner"])
    rng = (
        f"(?:(?P<between>(?i:{between})){_SP1})?(?P<lo>{num})(?:{_SP1}(?P<loscale>{scale_re}))?"
        f"{_SP}(?P<sep>{joiners}|(?i:{bjoin})(?!\\w)){_SP}(?P<num>{num}){tail}"
    )
    prefix = f"(?<![A-Za-z])(?P<psign>{sign_re}){_SP}(?P<pnum>{_DIGITS_EN})(?:{_SP}(?P<escale>{eng_re}))?"
    noun_re = _alt(list(nouns), ignore_case=True)
    approx_noun = (
        f"(?<!\\w)(?i:une?){_SP1}(?P<noun>{noun_re}){_SP}{_DE}"
        f"(?:(?P<scale>{scale_re})(?:{cur_after_scale})?|(?P<cname2>{names_re}))"
    )
    dets = _alt(vague["determiners"], ignore_case=True)
    vnouns = _alt(vague["nouns"], ignore_case=True)
    vscales = _alt(vague["scales"], ignore_case=True)
    vague_re = (
        f"(?<!\\w)(?:(?P<det>{dets}){_SP1})?(?:(?P<vnoun>{vnouns}){_SP}{_DE})?(?P<vscale>{vscales})"
        f"{_SP1}(?:{_DE})?(?P<cname>{names_re})"
    )
    approx_phrases = []
    for p in sorted(r["approximators"]["phrases"], key=len, reverse=True):
        if p.endswith(" de"):
            approx_phrases.append(_alt([p[:-3]], ignore_case=True, word_end=False) + _SP1 + _DE)
        else:
            sep = _SP1 if p[-1].isalpha() or p[-1] in "'\u2019" else _SP
            if p.endswith("'"):
                sep = _SP
            approx_phrases.append(_alt([p], ignore_case=True, word_end=False) + sep)
    approx_left = re.compile("(?<!\\w)(?:" + "|".join(approx_phrases) + ")$")
    approx_right = re.compile(f"^(?:,)?{_SP1}" + _alt(r["approximators"]["suffixes"], ignore_case=True))
    de_word = re.compile(f"^{_SP1}{_DE}(\\w+)")
    patterns = (
        ("amount:range", re.compile(rng)),
        ("amount:prefix_currency", re.compile(prefix)),
        ("amount:approx_noun", re.compile(approx_noun)),
        ("amount:number", re.compile(number)),
        ("amount:vague", re.compile(vague_re)),
    )
    return _Grammar(
        patterns=patterns,
        approx_left=approx_left,
        approx_right=approx_right,
        de_word=de_word,
        scales=scales,
        abbreviations=abbrs,
        english_scales=eng,
        names=names,
        ambiguous=frozenset(_norm(n) for n in r["ambiguous_names"]["names"]),
        signs=signs,
        approx_nouns=nouns,
        not_currency_after_de=frozenset(_norm(w) for w in r["not_currency_after_de"]["words"]),
    )


def _digits_value(s: str, *, english: bool = False) -> float | None:
    """Value of a written figure: '1 628 275 000', '740.000', '9,3', '2.5', '$1,200,000'."""
    t = re.sub(r"[ \t\u00a0\u202f]", "", s)
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", t) and not (english and t.count(".") == 1):
        t = t.replace(".", "").replace(",", ".")
    elif english and re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", t):
        t = t.replace(",", "")
    else:
        t = t.replace(",", ".")
    try:
        return float(t)
    except ValueError:
        return None


def _number_value(s: str) -> float | None:
    """Value of a figure written in digits or in French words ('cent cinq' -> 105)."""
    if s[:1].isdigit():
        return _digits_value(s)
    from text_to_num import text2num  # imported lazily: only spelled-out numbers need it

    words = re.sub(r"[\s\u00a0\u202f]+", " ", s.lower()).strip()
    try:
        return float(text2num(words, "fr"))
    except (ValueError, IndexError, KeyError):
        return None


def _currency(g: _Grammar, m: re.Match[str], *groups: str) -> tuple[str | None, str | None]:
    """(ISO code, normalised name) of the first currency group that matched."""
    for name in groups:
        txt = m.groupdict().get(name)
        if txt:
            if name.startswith("cname") or name == "aname":
                key = _norm(txt)
                return g.names.get(key), key
            return g.signs.get(txt), None
    return None, None


def _tail_value(g: _Grammar, m: re.Match[str]) -> tuple[float | None, float, str | None, str]:
    """(figure, multiplier, currency, rule id) of a number followed by its tail, or rule id '' if not money."""
    base = _number_value(m.group("num"))
    gd = m.groupdict()
    currency, cname = _currency(g, m, "asign", "aname", "cname", "csign", "cname2", "csign2")
    if gd.get("abbr"):
        return base, g.abbreviations[gd["abbr"]], currency, "amount:abbrev_currency"
    if gd.get("scale"):
        mult, bare_ok = g.scales[_norm(gd["scale"])]
        if gd.get("half") and base is not None:
            base += 0.5
        if currency is None and not bare_ok:
            return base, mult, None, ""
        return base, mult, currency, "amount:scale_currency" if currency else "amount:scale"
    if cname is not None and cname in g.ambiguous:
        return base, 1.0, None, ""  # "300 livres" are books, not pounds
    if not m.group("num")[:1].isdigit() and _norm(m.group("num")) in {"un", "une"}:
        return base, 1.0, None, ""  # "un euro fort" is not an amount of one euro
    return base, 1.0, currency, "amount:currency"


def _bare_scale_is_count(g: _Grammar, text: str, m: re.Match[str]) -> bool:
    """'3 millions d'habitants': a bare scale followed by de + a non-currency noun counts things."""
    if m.groupdict().get("scale") is None or _currency(g, m, "cname", "csign")[0]:
        return False
    nxt = g.de_word.match(text[m.end() :])
    return bool(nxt) and _norm(nxt.group(1)) not in g.not_currency_after_de


def _from_match(g: _Grammar, rule: str, m: re.Match[str], text: str) -> Amount | None:
    """An Amount for one regex match, or None when the match is not money."""
    gd = m.groupdict()
    value: float | None
    high = None
    approximate = False
    if rule == "amount:prefix_currency":
        currency = g.signs.get(gd["psign"])
        esc = gd.get("escale")
        value = _digits_value(gd["pnum"], english=True)
        if esc and value is not None:
            value *= g.english_scales[esc]
    elif rule == "amount:approx_noun":
        currency, cname = _currency(g, m, "cname", "csign", "cname2")
        mult = g.scales[_norm(gd["scale"])][0] if gd.get("scale") else 1.0
        value = g.approx_nouns[_norm(gd["noun"])] * mult
        approximate = True
    elif rule == "amount:vague":
        currency, _ = _currency(g, m, "cname")
        value, approximate = None, True
    else:
        figure, mult, currency, sub_rule = _tail_value(g, m)
        if not sub_rule or figure is None or _bare_scale_is_count(g, text, m):
            return None
        value = figure * mult
        if rule == "amount:range":
            if gd["sep"].lower() == "et" and not gd.get("between"):
                return None
            lo = _number_value(gd["lo"])
            if lo is None or (gd["sep"] in "-–—" and not gd["lo"][-1:].isdigit()):
                return None  # "vingt-cinq" is one number, not a range
            lo_mult = g.scales[_norm(gd["loscale"])][0] if gd.get("loscale") else mult
            if lo * lo_mult >= value:
                return None  # not a range: "de 5 à 3 millions" reads as a fall, keep the figures apart
            high, value, approximate = value, lo * lo_mult, True
        else:
            rule = sub_rule
    return Amount(value, currency, approximate, m.group(0), m.start(), m.end(), rule, high)


def _with_approximators(g: _Grammar, text: str, a: Amount, floor: int) -> Amount:
    """Extend an amount over 'plus de', 'près de', 'environ'... written around it."""
    start, end, approx = a.start, a.end, a.approximate
    left = g.approx_left.search(text[max(floor, start - 40) : start])
    if left:
        start, approx = start - (len(left.group(0))), True
    right = g.approx_right.match(text[end : end + 30])
    if right:
        end, approx = end + right.end(), True
    if (start, end, approx) == (a.start, a.end, a.approximate):
        return a
    return Amount(a.value, a.currency, approx, text[start:end], start, end, a.rule_id, a.high)


def find_amounts(text: str) -> list[Amount]:
    """Every money amount in `text`, in order, non-overlapping (the longest wins where two overlap).

    Bare figures ("50 entreprises", "2023", "20 %") are not money; a scale word without currency
    ("9,3 millions") is, with `currency=None`, unless it counts things ("3 millions d'habitants").
    """
    if not text or not any(c.isdigit() or c.isalpha() for c in text):
        return []
    g = _grammar()
    candidates: list[Amount] = []
    for rule, pattern in g.patterns:
        for m in pattern.finditer(text):
            a = _from_match(g, rule, m, text)
            if a is not None:
                candidates.append(a)
    candidates.sort(key=lambda a: (a.start, -(a.end - a.start)))
    out: list[Amount] = []
    for a in candidates:
        if out and a.start < out[-1].end:
            continue
        out.append(_with_approximators(g, text, a, out[-1].end if out else 0))
    return out


def parse_amount(text: str) -> Amount | None:
    """The first money amount in `text` (normally one expression such as "1,6 milliard d'euros"), or None."""
    found = find_amounts(text)
    return found[0] if found else None
