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

from pipeline.extract.textpatterns import APOS, SP, SP1, alt, norm
from pipeline.rules import load_json

RULES_FILE = "amounts.json"

_DE = f"(?:[dD]e{SP1}|[dD]{APOS}{SP}|DE{SP1}|D{APOS}{SP})"
_DIGITS_BODY = r"(?:\d{1,3}(?:[ \u00a0\u202f.]\d{3})+(?:,\d+)?(?![\d])|\d+(?:[.,]\d+)?(?![\d]))"
_DIGITS = r"(?<![\w.,])" + _DIGITS_BODY
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


def _entries(d: dict[str, Any]) -> dict[str, Any]:
    """A rules mapping without its documentation keys."""
    return {k: v for k, v in d.items() if not k.startswith("_")}


@dataclass(frozen=True)
class _Grammar:
    """The compiled patterns and lookup tables built from the rules file."""

    patterns: tuple[tuple[str, re.Pattern[str]], ...]
    approx_left: re.Pattern[str]
    approx_right: re.Pattern[str]
    between_left: re.Pattern[str]
    det_left: re.Pattern[str]
    de_word: re.Pattern[str]
    scales: dict[str, tuple[float, bool]]
    abbreviations: dict[str, float]
    english_scales: dict[str, float]
    names: dict[str, str]
    ambiguous: frozenset[str]
    signs: dict[str, str]
    approx_nouns: dict[str, int]
    money_nouns_after_de: frozenset[str]
    source_determiners: frozenset[str]
    singular_determiners: frozenset[str]
    scale_words: dict[str, float]
    not_alone_before_currency: frozenset[str]
    between_joiner: str
    shared_left: re.Pattern[str]


def _approximators(phrases: list[str]) -> str:
    """Alternation of approximation phrases, each with what may follow it ('plus de' / 'plus d'')."""
    out = []
    for p in sorted(phrases, key=len, reverse=True):
        if p.endswith(" de"):
            out.append(alt([p[:-3]], word_end=False) + SP1 + _DE)
        else:
            out.append(alt([p], word_end=False) + (SP1 if p[-1].isalpha() else SP))
    return "(?:" + "|".join(out) + ")"


@lru_cache(maxsize=1)
def _grammar() -> _Grammar:
    """Build (once) the regexes from `rules/amounts.json`.

    Every pattern starts with a figure, a sign or a fixed word so that the regex engine can skip
    quickly through text; words written before an amount ("plus de", "entre", "des") are attached
    afterwards by anchored look-left patterns.
    """
    r = load_json(RULES_FILE)
    scales = {norm(k): (float(v["value"]), bool(v["bare_ok"])) for k, v in _entries(r["scales"]).items()}
    abbrs = {k: float(v) for k, v in _entries(r["abbreviations"]).items()}
    eng = {k: float(v) for k, v in _entries(r["english_scales"]).items()}
    names = {norm(k): v for k, v in _entries(r["currency_names"]).items()}
    signs = {**_entries(r["codes"]), **_entries(r["symbols"])}
    nouns = {norm(k): int(v) for k, v in _entries(r["approximate_nouns"]).items()}
    vague = r["vague_quantifiers"]
    numw = r["number_words"]
    ranges = r["range_separators"]

    scale_re = alt(scales)
    abbr_re = alt(abbrs, fold_case=False, word_end=False)
    eng_re = alt(eng, fold_case=False, word_end=False) + "(?![A-Za-z])"
    names_re = alt(_entries(r["currency_names"]))
    # Signs and codes: codes must not run into letters ("EURO" is not "EUR").
    sign_re = alt(signs, fold_case=False, word_end=False) + "(?![A-Za-z])"
    words_re = alt(numw["words"])
    et = alt([numw["joiner"]], word_end=False)
    num_words = f"{words_re}(?:(?:-|{SP1}(?:{et}{SP1})?|-{et}-){words_re})*"
    # One look-behind for both kinds of figure: a branch-level one would defeat the fast search.
    num = f"(?<![\\w.,])(?:{_DIGITS_BODY}|{num_words})"

    # What may follow a number: an abbreviated scale glued to a currency, a scale word, a currency.
    cur_after_scale = f"{SP1}(?:{_DE})?(?P<cname>{names_re})|{SP}(?P<csign>{sign_re})"
    cur_after_num = f"{SP1}(?P<cname2>{names_re})|{SP}(?P<csign2>{sign_re})"
    tail = (
        f"(?:{SP}(?P<abbr>{abbr_re})(?:{SP}(?P<asign>{sign_re})|{SP1}(?:{_DE})?(?P<aname>{names_re}))"
        # "45millions d'euros": a scale word glued to the figure (a typo frequent in wire copy).
        f"|{SP}(?P<scale>{scale_re})(?:{SP1}(?P<half>{alt(numw['half'])}))?(?:{cur_after_scale})?"
        f"|{cur_after_num})"
    )
    joiners = alt(ranges["joiners"], fold_case=False, word_end=False)
    rng = (
        f"(?P<lo>{num})(?:{SP1}(?P<loscale>{scale_re}))?"
        f"{SP}(?P<sep>{joiners}|{alt([ranges['between_joiner']])}){SP}(?P<num>{num}){tail}"
    )
    prefix = f"(?<![A-Za-z])(?P<psign>{sign_re}){SP}(?P<pnum>{_DIGITS_EN})(?:{SP}(?P<escale>{eng_re}))?"
    approx_noun = (
        f"(?<!\\w){alt(r['approximate_nouns_determiners']['words'])}{SP1}(?P<noun>{alt(nouns)}){SP}{_DE}"
        f"(?:(?P<scale>{scale_re})(?:{cur_after_scale})?|(?P<cname2>{names_re}))"
    )
    vscales = alt(vague["scales"])
    vague_re = (
        f"(?<!\\w)(?:(?P<vnoun>{alt(vague['nouns'])}){SP}{_DE}(?P<vscale>{vscales})|(?P<vscale2>{vscales}))"
        f"{SP1}(?:{_DE})?(?P<cname>{names_re})"
    )
    patterns = (
        ("amount:range", re.compile(rng)),
        ("amount:prefix_currency", re.compile(prefix)),
        ("amount:approx_noun", re.compile(approx_noun)),
        ("amount:number", re.compile(f"(?P<num>{num}){tail}")),
        ("amount:vague", re.compile(vague_re)),
    )
    return _Grammar(
        patterns=patterns,
        approx_left=re.compile(f"(?<!\\w){_approximators(r['approximators']['phrases'])}$"),
        approx_right=re.compile(f",?{SP1}{alt(r['approximators']['suffixes'])}"),
        between_left=re.compile(f"(?<!\\w){alt([ranges['between']])}{SP1}$"),
        det_left=re.compile(f"(?<!\\w){alt(vague['determiners'])}{SP1}$"),
        de_word=re.compile(f"{SP1}{_DE}(\\w+)"),
        scales=scales,
        abbreviations=abbrs,
        english_scales=eng,
        names=names,
        ambiguous=frozenset(norm(n) for n in r["ambiguous_names"]["names"]),
        signs=signs,
        approx_nouns=nouns,
        money_nouns_after_de=frozenset(norm(w) for w in r["money_nouns_after_de"]["words"]),
        source_determiners=frozenset(norm(w) for w in r["money_nouns_after_de"]["source_determiners"]),
        singular_determiners=frozenset(norm(w) for w in vague["singular_determiners"]),
        scale_words={k: v[0] for k, v in scales.items()},
        not_alone_before_currency=frozenset(norm(w) for w in numw["not_alone_before_currency"]),
        between_joiner=norm(ranges["between_joiner"]),
        shared_left=re.compile(
            r"(?:" + "|".join(re.escape(w) for w in ranges["distributive_words"]) + r")\s+"
            r"(?P<figs>(?:\d+(?:[.,]\d+)?\s*(?:,|et)\s*)+)$",
            re.IGNORECASE,
        ),
    )


def _digits_value(s: str, *, english: bool = False, dot_decimal: bool = False) -> float | None:
    """Value of a written figure: '1 628 275 000', '740.000', '9,3', '2.5', '$1,200,000'.

    `english` accepts comma thousands ('$1,200,000'); `dot_decimal` reads '$1.250m' as 1.25.
    """
    t = re.sub(r"[ \t\u00a0\u202f]", "", s)
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", t) and not (dot_decimal and t.count(".") == 1):
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
                key = norm(txt)
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
        mult, bare_ok = g.scales[norm(gd["scale"])]
        if gd.get("half") and base is not None:
            base += 0.5
        if currency is None and not bare_ok:
            return base, mult, None, ""
        return base, mult, currency, "amount:scale_currency" if currency else "amount:scale"
    if cname is not None and cname in g.ambiguous:
        return base, 1.0, None, ""  # "300 livres" are books, not pounds
    if not m.group("num")[:1].isdigit() and norm(m.group("num")) in g.not_alone_before_currency:
        return base, 1.0, None, ""  # "un euro fort" is not an amount of one euro
    return base, 1.0, currency, "amount:currency"


def _bare_scale_is_count(g: _Grammar, text: str, m: re.Match[str]) -> bool:
    """'3 millions d'habitants': a bare scale followed by de + a noun other than money counts things."""
    if m.groupdict().get("scale") is None or _currency(g, m, "cname", "csign")[0]:
        return False
    nxt = g.de_word.match(text, m.end())
    if not nxt:
        return False
    word = nxt.group(1)
    # "100 millions de Xavier Niel", "11 millions de la Bpifrance": who gives, not what is counted.
    if word[:1].isupper() or norm(word) in g.source_determiners:
        return False
    return norm(word) not in g.money_nouns_after_de


def _counted_like_before(g: _Grammar, text: str, m: re.Match[str], window: int = 200) -> bool:
    """ "X (3,22 millions de visiteurs), Y (1,33 million)": a bare scale alone in parentheses counts
    what the same scale word counted earlier in its sentence."""
    gd = m.groupdict()
    if gd.get("scale") is None or _currency(g, m, "cname", "csign")[0]:
        return False
    if text[max(0, m.start() - 1) : m.start()] != "(" or text[m.end() : m.end() + 1] != ")":
        return False
    lo = max(text.rfind(". ", 0, m.start()) + 1, text.rfind("\n", 0, m.start()) + 1, m.start() - window, 0)
    stem = norm(gd["scale"]).rstrip("s")
    return any(
        (scale := prior.groupdict().get("scale")) is not None and norm(scale).rstrip("s") == stem
        and _bare_scale_is_count(g, text, prior)
        for _, pattern in g.patterns for prior in pattern.finditer(text, lo, m.start() - 1)
    )


def _range(g: _Grammar, m: re.Match[str], text: str, high: float, mult: float) -> tuple[float, int] | None:
    """(lower bound, start) of a range match, or None when the two figures are not a range."""
    gd = m.groupdict()
    start = m.start()
    if norm(gd["sep"]) == g.between_joiner:
        between = g.between_left.search(text, max(0, start - 12), start)
        if not between:
            return None  # "5 millions et 3 millions" are two amounts
        start = between.start()
    lo = _number_value(gd["lo"])
    if lo is None or (gd["sep"] in "-–—" and not gd["lo"][-1:].isdigit()):
        return None  # "vingt-cinq" is one number, not a range
    lo_value = lo * (g.scales[norm(gd["loscale"])][0] if gd.get("loscale") else mult)
    if lo_value >= high:
        return None  # "de 5 à 3 millions" reads as a fall: keep the figures apart
    return lo_value, start


def _from_match(g: _Grammar, rule: str, m: re.Match[str], text: str) -> Amount | None:
    """An Amount for one regex match, or None when the match is not money."""
    gd = m.groupdict()
    value: float | None
    high = None
    approximate = False
    start = m.start()
    if rule == "amount:prefix_currency":
        currency = g.signs.get(gd["psign"])
        esc = gd.get("escale")
        value = _digits_value(gd["pnum"], english=True, dot_decimal=bool(esc))
        if esc and value is not None:
            value *= g.english_scales[esc]
    elif rule == "amount:approx_noun":
        currency, _ = _currency(g, m, "cname", "csign", "cname2")
        mult = g.scales[norm(gd["scale"])][0] if gd.get("scale") else 1.0
        value = g.approx_nouns[norm(gd["noun"])] * mult
        approximate = True
    elif rule == "amount:vague":
        currency, _ = _currency(g, m, "cname")
        value, approximate = None, True
        det = g.det_left.search(text, max(0, start - 20), start)
        if det:
            start = det.start()  # "des milliards de dollars": the determiner belongs to the words
            scale = gd.get("vscale2")
            if scale and not gd.get("vnoun") and norm(det.group(0)) in g.singular_determiners:
                # "la barre du milliard de dollars": one unit of the scale
                value, approximate, rule = g.scale_words.get(norm(scale)), False, "amount:article_scale"
                if value is None:
                    return None
    else:
        figure, mult, currency, sub_rule = _tail_value(g, m)
        if not sub_rule or figure is None or _bare_scale_is_count(g, text, m) or _counted_like_before(g, text, m):
            return None
        value = figure * mult
        if rule == "amount:range":
            found = _range(g, m, text, value, mult)
            if found is None:
                return None
            high, (value, start), approximate = value, found, True
        else:
            rule = sub_rule
    return Amount(value, currency, approximate, text[start : m.end()], start, m.end(), rule, high)


def _with_approximators(g: _Grammar, text: str, a: Amount, floor: int) -> Amount:
    """Extend an amount over 'plus de', 'près de', 'environ'... written around it."""
    start, end, approx = a.start, a.end, a.approximate
    left = g.approx_left.search(text, max(floor, start - 40), start)
    if left:
        start, approx = left.start(), True
    right = g.approx_right.match(text, end, end + 30)
    if right:
        end, approx = right.end(), True
    if (start, end, approx) == (a.start, a.end, a.approximate):
        return a
    return Amount(a.value, a.currency, approx, text[start:end], start, end, a.rule_id, a.high)


def _find(g: _Grammar, text: str) -> list[Amount]:
    """Amounts of a text: every pattern's matches, then the leftmost-longest non-overlapping ones."""
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
    shared = [x for a in out for x in _shared_unit(g, text, a)]
    return sorted(out + shared, key=lambda a: a.start) if shared else out


_LEADING_FIGURE = re.compile(r"\d[\d \u00a0\u202f.]*(?:,\d+)?")
_FIGURE = re.compile(r"\d+(?:[.,]\d+)?")


def _shared_unit(g: _Grammar, text: str, a: Amount) -> list[Amount]:
    """ "respectivement 40 et 104 millions d'euros": the bare figures before the amount share its
    scale and currency (only after a distributive word, so "en 2019 et 5 M€" stays one amount)."""
    if a.value is None or a.high is not None:
        return []
    lead = _LEADING_FIGURE.match(a.text)
    figure = _digits_value(lead.group(0).strip()) if lead else None
    m = g.shared_left.search(text, max(0, a.start - 80), a.start)
    if not figure or m is None:
        return []
    mult = a.value / figure
    base = m.start("figs")
    return [
        Amount(value * mult, a.currency, a.approximate, f.group(0), base + f.start(), base + f.end(), "amount:shared_unit")
        for f in _FIGURE.finditer(m.group("figs"))
        if (value := _number_value(f.group(0))) is not None
    ]


def find_amounts(text: str) -> list[Amount]:
    """Every money amount in `text`, in order, non-overlapping (the longest wins where two overlap).

    Bare figures ("50 entreprises", "2023", "20 %") are not money; a scale word without currency
    ("9,3 millions") is, with `currency=None`, unless it counts things ("3 millions d'habitants").
    Works on a sentence or a whole article (amounts never span a line break).
    """
    if not text:
        return []
    g = _grammar()
    return _find(g, text)


def parse_amount(text: str) -> Amount | None:
    """The first money amount in `text` (normally one expression such as "1,6 milliard d'euros"), or None."""
    found = find_amounts(text)
    return found[0] if found else None
