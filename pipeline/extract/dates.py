"""Dates in French news prose, resolved against the article's date: "en 2023", "le 20 septembre dernier",
"vendredi dernier", "il y a un an", "début 2024", "mi-mars", "au premier trimestre", "20/09/2020"...

The vocabulary lives in `rules/dates.json`; the patterns built from it are compiled once per process.
ISO output is at the precision the text gives: `2020-09-20` (a day), `2019-12` (a month), `2023` (a
year). Quarters, semesters, seasons and "début/fin/mi-" keep the precision of the period they qualify
("fin 2025" -> `2025`, "mi-mars" -> `YYYY-03`, "au premier trimestre 2023" -> `2023`); weeks ("cette
semaine", "il y a deux semaines") give the month. A relative expression with no base date gives
`iso=None` rather than a guess. dateparser is only a fallback of `parse_date` for absolute dates (with a
year) that the rules do not cover (e.g. English "April 3, 2020"); it is never run by `find_dates`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from pipeline.extract.textpatterns import APOS, SP1, WS, alt, norm
from pipeline.rules import load_json

RULES_FILE = "dates.json"

_NEAR_FUTURE_DAYS = 92  # "le 6 décembre" in a November article is the coming one
_YEAR = r"(?:1[89]\d\d|20\d\d)(?!\d)(?![ \u00a0\u202f]\d{3}(?!\d))(?![.,]\d)"


@dataclass(frozen=True)
class DateMention:
    """A date expression found in a text; `iso` is None for a relative one with no base date.

    `precision` is "day", "month" or "year" (None with iso); `relative` tells whether the base date
    was needed. `text == source[start:end]`.
    """

    iso: str | None
    text: str
    start: int
    end: int
    rule_id: str
    precision: str | None = None
    relative: bool = False


def _prefix_items(words: list[str]) -> str:
    """Introducers/qualifiers each with the separator it needs ('mi-mars' glued, 'en 2023' spaced)."""
    parts = []
    for w in words:
        sep = f"{WS}*" if w[-1] in "-'\u2019" else SP1
        parts.append(alt([w], word_end=False) + sep)
    return "(?<!\\w)(?:" + "|".join(sorted(parts, key=len, reverse=True)) + ")"


@dataclass(frozen=True)
class _Rule:
    """One date pattern: the core regex, the words it may take on its left, and their role."""

    rule_id: str
    core: re.Pattern[str]
    left: re.Pattern[str] | None = None  # words before the core that belong to the mention


@dataclass(frozen=True)
class _Grammar:
    """Compiled patterns and lookup tables built from the rules file."""

    rules_list: tuple[_Rule, ...]
    rules: dict[str, Any]
    months: dict[str, int]
    weekdays: dict[str, int]
    past: frozenset[str]
    future: frozenset[str]
    this: frozenset[str]
    relative: dict[str, dict[str, Any]]
    habitual: re.Pattern[str]
    not_after_year: re.Pattern[str]


@lru_cache(maxsize=1)
def _grammar() -> _Grammar:
    """Build (once) the regexes from `rules/dates.json`.

    Each core pattern starts with a figure or a fixed word so that the regex engine skips quickly
    through text; the words on its left ("en", "dès", "début", "le", "ce"...) are matched afterwards
    by an anchored look-left pattern.
    """
    r = load_json(RULES_FILE)
    months = {norm(k): v for k, v in r["months"].items()}
    abbr = {norm(k): v for k, v in r["month_abbreviations"].items() if not k.startswith("_")}
    mon = alt(r["months"])
    mon_any = "(?:" + mon + "|" + alt(abbr, word_end=False) + "(?!\\w))"
    wd = alt(r["weekdays"])
    rel = alt(r["past_words"] + r["future_words"])
    this = alt(r["this_words"])
    pre = _prefix_items(r["introducers"]["words"] + r["qualifiers"]["words"])
    day = r"(?:1er|1\u1d49\u02b3|premier|[12]\d|3[01]|0?[1-9])(?!\d)"
    ago = r["ago"]
    de = f"(?:[dD]e{SP1}|[dD]{APOS}{WS}*)"
    ago_approx = "|".join(
        alt([a[:-3]], word_end=False) + SP1 + de if a.endswith(" de") else alt([a]) + SP1
        for a in ago["approximators"]
    )
    periods = r["periods"]
    pnouns = alt(periods["nouns"])
    short = "(?:" + "|".join(re.escape(k) for k in periods["short"]) + ")"
    de_year = alt(periods["year_links"], word_end=False)
    season_left = _prefix_items(r["seasons_determiners"]["words"] + r["this_words"])
    year2 = r"(?:1[89]\d\d|20\d\d|\d\d)"
    rules_list = (
        _Rule("date:numeric", re.compile(
            rf"(?<![\w/.\-])(?P<d>[0-3]?\d)(?P<s>[/.\-])(?P<m>[01]?\d)(?P=s)(?P<y>{year2})(?!\d)(?![/\-.]\d)")),
        _Rule("date:iso", re.compile(r"(?<![\w\-])(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?!\d)")),
        _Rule("date:numeric_month", re.compile(r"(?<![\w/.\-])(?P<m>0?[1-9]|1[0-2])/(?P<y>(?:19|20)\d\d)(?![\d/])")),
        _Rule("date:day_month", re.compile(
            rf"(?<![\w/.,])(?:(?P<day0>{day}){WS}*{alt(r['day_range_joiners']['words'], word_end=False)}{WS}*)?"
            rf"(?P<day>{day}){SP1}(?P<mon>{mon_any})(?:{SP1}(?P<year>{_YEAR}))?(?:{SP1}(?P<rel>{rel}))?"),
            re.compile(rf"(?<!\w)(?:{alt(r['day_introducers']['words'])}{SP1})?(?:{wd}{SP1})?$")),
        _Rule("date:month", re.compile(rf"(?<!\w)(?P<mon>{mon})(?:{SP1}(?P<year>{_YEAR})|{SP1}(?P<rel>{rel}))?"),
              re.compile(f"(?:{pre}){{1,3}}$")),
        _Rule("date:year", re.compile(rf"(?<![\w,.])(?P<year>{_YEAR})"), re.compile(f"(?:{pre}){{1,3}}$")),
        _Rule("date:period", re.compile(
            rf"(?<!\w)(?P<ord>{alt(periods['ordinals'])}){SP1}(?P<noun>{pnouns})"
            rf"(?:{SP1}(?:{de_year}{SP1})?(?P<year>{_YEAR})|{SP1}(?P<rel>{rel}))?"),
            re.compile(rf"(?<!\w){alt(periods['determiners'])}{SP1}$")),
        _Rule("date:period_short", re.compile(
            rf"(?<!\w)(?P<short>{short})(?P<n>[1-4]){WS}*(?:(?P<year>{_YEAR})|'?(?P<yy>\d\d)(?!\d))")),
        _Rule("date:this_period", re.compile(
            rf"(?<!\w)(?:{this}{SP1}(?P<noun>{pnouns})"
            rf"|{alt(periods['relative_determiners'])}{SP1}(?P<noun2>{pnouns}){SP1}(?P<rel>{rel}))")),
        _Rule("date:season", re.compile(
            rf"(?<!\w)(?P<season>{alt(r['seasons'])})"
            rf"(?:{SP1}(?:{_prefix_items(r['seasons_year_links'])})?(?P<year>{_YEAR})|{SP1}(?P<rel>{rel}))?"),
            re.compile(f"{season_left}$")),
        _Rule("date:weekday", re.compile(rf"(?<!\w)(?P<wd>{wd})(?:{SP1}(?P<rel>{rel}))?(?!{SP1}\d)"),
              re.compile(rf"(?<!\w){this}{SP1}$")),
        _Rule("date:relative", re.compile(rf"(?<!\w){alt([e['text'] for e in r['relative']['expressions']])}")),
        _Rule("date:ago", re.compile(
            rf"(?<!\w)(?P<pre>{alt(ago['prefixes'])}){SP1}(?:(?P<approx>{ago_approx}))?"
            rf"(?:(?P<n>\d{{1,3}}|{alt(ago['numbers'])}){SP1}|(?P<an>{alt(ago['approximate_counts'])}){SP1}{de})"
            rf"(?P<unit>{alt(ago['units'])})")),
    )
    return _Grammar(
        rules_list=rules_list,
        rules=r,
        months={**months, **abbr},
        weekdays={norm(k): v for k, v in r["weekdays"].items()},
        past=frozenset(norm(w) for w in r["past_words"]),
        future=frozenset(norm(w) for w in r["future_words"]),
        this=frozenset(norm(w) for w in r["this_words"]),
        relative={norm(e["text"]): e for e in r["relative"]["expressions"]},
        habitual=re.compile(f"(?<!\\w){alt(r['weekday_habitual_before']['words'])}{SP1}$"),
        not_after_year=_not_after_year(r["not_after_year"]["words"]),
    )


def _not_after_year(words: list[str]) -> re.Pattern[str]:
    """What may not follow a year: signs (glued or not) and unit nouns."""
    signs = [w for w in words if not w[0].isalpha()]
    nouns = [w for w in words if w[0].isalpha()]
    return re.compile(f"{WS}*" + alt(signs, fold_case=False, word_end=False) + f"|{SP1}" + alt(nouns))


# ---------------------------------------------------------------- calendar helpers


def _iso(d: dt.date, precision: str) -> str:
    """ISO string of a date cut at a precision."""
    return {"day": d.isoformat(), "month": f"{d.year:04d}-{d.month:02d}", "year": f"{d.year:04d}"}[precision]


def _shift_months(d: dt.date, n: int) -> dt.date:
    """The first day of the month n months away from d."""
    k = d.year * 12 + d.month - 1 + n
    return dt.date(k // 12, k % 12 + 1, 1)


def _direction(g: _Grammar, rel: str | None) -> int:
    """-1 for 'dernier/passé', +1 for 'prochain', 0 otherwise."""
    if not rel:
        return 0
    key = norm(rel)
    return -1 if key in g.past else 1 if key in g.future else 0


def _month_year(month: int, base: dt.date, direction: int) -> int:
    """Year of a month named without a year: the past one unless 'prochain' (news report the past)."""
    if direction < 0:
        return base.year if month < base.month else base.year - 1
    if direction > 0:
        return base.year if month > base.month else base.year + 1
    return base.year if month <= base.month else base.year - 1


def _day_month_date(day: int, month: int, base: dt.date, direction: int) -> dt.date | None:
    """Date of a day-month without a year: 'dernier' -> before base, 'prochain' -> after, else the
    last one unless the next one is within _NEAR_FUTURE_DAYS."""
    options = []
    for year in (base.year - 1, base.year, base.year + 1):
        try:
            options.append(dt.date(year, month, day))
        except ValueError:
            continue
    if direction < 0:
        options = [d for d in options if d < base]
        return max(options) if options else None
    if direction > 0:
        options = [d for d in options if d > base]
        return min(options) if options else None
    # No direction: the past occurrence (news report what happened) unless the coming one is near.
    coming = [d for d in options if d >= base]
    if coming and (coming[0] - base).days <= _NEAR_FUTURE_DAYS:
        return coming[0]
    past = [d for d in options if d < base]
    return max(past) if past else (coming[0] if coming else None)


def _make_date(year: int, month: int, day: int) -> dt.date | None:
    """A valid date or None."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _year2(y: str) -> int:
    """A 2- or 4-digit year."""
    n = int(y)
    return n if len(y) == 4 else 2000 + n if n < 70 else 1900 + n


def _day_number(s: str) -> int:
    """'1er' / 'premier' / '20' -> the day number."""
    return int(s) if s.isdigit() else 1


# ---------------------------------------------------------------- handlers: match -> (iso, precision, relative)

Resolved = tuple[str | None, str | None, bool] | None  # None = not a date


def _numeric(g: _Grammar, m: re.Match[str], base: dt.date | None, text: str, left: str | None) -> Resolved:
    """'20/09/2020', '2020-09-20': a day."""
    d = _make_date(_year2(m.group("y")), int(m.group("m")), int(m.group("d")))
    return (_iso(d, "day"), "day", False) if d else None


def _numeric_month(g: _Grammar, m: re.Match[str], base: dt.date | None, text: str, left: str | None) -> Resolved:
    """'09/2020': a month."""
    return f"{int(m.group('y')):04d}-{int(m.group('m')):02d}", "month", False


def _day_month(g: _Grammar, m: re.Match[str], base: dt.date | None, text: str, left: str | None) -> Resolved:
    """'le 20 septembre dernier', '3 avril 2020', 'ce 6 décembre': a day."""
    day, month = _day_number(m.group("day")), g.months[norm(m.group("mon"))]
    if m.group("day0"):  # "du 3 au 5 juin": the range starts on the first day
        first = _day_number(m.group("day0"))
        if first >= day:
            return None
        day = first
    if m.group("year"):
        d = _make_date(int(m.group("year")), month, day)
        return (_iso(d, "day"), "day", False) if d else None
    if _make_date(2000, month, day) is None:
        return None  # "31 avril" is not a date
    if base is None:
        return None, None, True
    d = _day_month_date(day, month, base, _direction(g, m.group("rel")))
    return (_iso(d, "day"), "day", True) if d else None


def _month(g: _Grammar, m: re.Match[str], base: dt.date | None, text: str, left: str | None) -> Resolved:
    """'en décembre 2019', 'mi-mars', 'en janvier': a month; a bare month name is not a date."""
    month = g.months[norm(m.group("mon"))]
    if m.group("year"):
        return f"{int(m.group('year')):04d}-{month:02d}", "month", False
    if not left and not m.group("rel"):
        return None  # a bare month name ("Mars", "mai") is too ambiguous
    if base is None:
        return None, None, True
    return f"{_month_year(month, base, _direction(g, m.group('rel'))):04d}-{month:02d}", "month", True


def _year(g: _Grammar, m: re.Match[str], base: dt.date | None, text: str, left: str | None) -> Resolved:
    """'en 2023', 'dès 2017', 'fin 2025': a year, only with an introducer or qualifier."""
    if not left or g.not_after_year.match(text, m.end()):
        return None  # a bare figure; "pour 2000 euros", "en 2000 exemplaires"
    return m.group("year"), "year", False


def _period(g: _Grammar, m: re.Match[str], base: dt.date | None, text: str, left: str | None) -> Resolved:
    """Quarters and semesters ('au premier trimestre', 'T3 2023', 'le trimestre dernier'): the year."""
    gd = m.groupdict()
    if gd.get("year"):
        return gd["year"], "year", False
    if gd.get("yy"):
        return str(_year2(gd["yy"])), "year", False
    if base is None:
        return None, None, True
    noun = gd.get("noun") or gd.get("noun2")
    length = g.rules["periods"]["nouns"].get(norm(noun), 3) if noun else 3
    direction = _direction(g, gd.get("rel"))
    return str(_shift_months(base, direction * length).year), "year", True


def _season(g: _Grammar, m: re.Match[str], base: dt.date | None, text: str, left: str | None) -> Resolved:
    """'au printemps 2021', 'cet été', 'l'hiver dernier': the year of the season's first month."""
    if m.group("year"):
        return m.group("year"), "year", False
    this = left is not None and norm(left) in g.this
    if not this and not m.group("rel"):
        return None  # "en été" with no year or deixis: too vague
    if base is None:
        return None, None, True
    start = g.rules["seasons"][norm(m.group("season"))]
    direction = _direction(g, m.group("rel"))
    year = base.year
    if direction < 0 and base.month < start + 3:
        year -= 1
    elif direction > 0 and base.month >= start:
        year += 1
    return str(year), "year", True


def _weekday(g: _Grammar, m: re.Match[str], base: dt.date | None, text: str, left: str | None) -> Resolved:
    """'vendredi dernier', 'ce mardi', 'lundi' (the last one on or before the article's date)."""
    if not left and not m.group("rel") and g.habitual.search(text, max(0, m.start() - 12), m.start()):
        return None  # "tous les lundis", "le lundi": a habit
    if base is None:
        return None, None, True
    wd = g.weekdays[norm(m.group("wd"))]
    direction = _direction(g, m.group("rel"))
    if direction > 0:
        delta = (wd - base.weekday()) % 7 or 7
    else:
        delta = -((base.weekday() - wd) % 7 or (7 if direction < 0 else 0))
    return _iso(base + dt.timedelta(days=delta), "day"), "day", True


def _relative(g: _Grammar, m: re.Match[str], base: dt.date | None, text: str, left: str | None) -> Resolved:
    """Fixed expressions of rules/dates.json: 'hier', 'cette semaine', 'l'an dernier'..."""
    e = g.relative[norm(m.group(0))]
    if base is None:
        return None, None, True
    return _offset(base, e["unit"], int(e["offset"]), e["precision"]), e["precision"], True


def _ago(g: _Grammar, m: re.Match[str], base: dt.date | None, text: str, left: str | None) -> Resolved:
    """'il y a deux ans', 'il y a 3 mois', 'cela fait quinze jours'."""
    ago = g.rules["ago"]
    unit = ago["units"][norm(m.group("unit"))]
    precision = ago["precision"][unit]
    if m.group("an"):  # "une quinzaine de jours": approximate, one step less precise
        n = ago["approximate_counts"][norm(m.group("an"))]
        precision = _PRECISIONS[min(_PRECISIONS.index(precision) + 1, 2)]
    else:
        n_txt = norm(m.group("n"))
        n = int(n_txt) if n_txt.isdigit() else ago["numbers"][n_txt]
    if base is None:
        return None, None, True
    return _offset(base, unit, -n, precision), precision, True


def _offset(base: dt.date, unit: str, n: int, precision: str) -> str:
    """ISO of base moved by n units (day, week, month, year), cut at a precision."""
    if unit == "day":
        d = base + dt.timedelta(days=n)
    elif unit == "week":
        d = base + dt.timedelta(days=7 * n)
    elif unit == "month":
        d = _shift_months(base, n)
    else:
        d = dt.date(base.year + n, base.month, 1 if precision != "day" else min(base.day, 28))
        if precision == "day":
            d = _make_date(base.year + n, base.month, base.day) or d
    return _iso(d, precision)


_HANDLERS: dict[str, Callable[[_Grammar, re.Match[str], dt.date | None, str, str | None], Resolved]] = {
    "date:numeric": _numeric,
    "date:iso": _numeric,
    "date:numeric_month": _numeric_month,
    "date:day_month": _day_month,
    "date:month": _month,
    "date:year": _year,
    "date:period": _period,
    "date:period_short": _period,
    "date:this_period": _period,
    "date:season": _season,
    "date:weekday": _weekday,
    "date:relative": _relative,
    "date:ago": _ago,
}


def _find(g: _Grammar, text: str, base: dt.date | None) -> list[DateMention]:
    """Date mentions of a text: every rule's matches, then the leftmost-longest non-overlapping ones."""
    found: list[DateMention] = []
    for rule in g.rules_list:
        for m in rule.core.finditer(text):
            start = m.start()
            lm = rule.left.search(text, max(0, start - 60), start) if rule.left else None
            left = lm.group(0) if lm and lm.group(0) else None
            try:
                res = _HANDLERS[rule.rule_id](g, m, base, text, left)
            except (OverflowError, ValueError):
                res = None  # a base date at the edge of the calendar (year 1 or 9999)
            if res is not None:
                if left and lm:
                    start = lm.start()
                iso, precision, relative = res
                found.append(DateMention(iso, text[start : m.end()], start, m.end(), rule.rule_id, precision, relative))
    found.sort(key=lambda d: (d.start, -(d.end - d.start)))
    out: list[DateMention] = []
    for d in found:
        if not out or d.start >= out[-1].end:
            out.append(d)
    return out


_PRECISIONS = ("day", "month", "year")


def _cut(d: DateMention, base_precision: str) -> DateMention:
    """A relative mention no more precise than its base date ('hier' from a month-only date -> the month)."""
    if not d.relative or d.iso is None or d.precision is None:
        return d
    if _PRECISIONS.index(d.precision) >= _PRECISIONS.index(base_precision):
        return d
    iso = d.iso[: {"month": 7, "year": 4}[base_precision]]
    return DateMention(iso, d.text, d.start, d.end, d.rule_id, base_precision, d.relative)


def find_dates(text: str, base: dt.date | None = None, *, base_precision: str = "day") -> list[DateMention]:
    """Every date expression in `text`, in order, non-overlapping (the longest wins).

    `base` is the article's date: relative expressions are resolved against it, and have `iso=None`
    without it. When the article's date is only known to the month or year (`base_precision`
    "month"/"year"), relative results are cut to that precision. A bare number or a bare year with
    no introducer ("2023 salariés") is not a date. Works on a sentence or a whole article.
    """
    if not text:
        return []
    if base is not None and base_precision in ("month", "year"):
        # Resolve against the middle of the known period: "hier" from "2020-07" is in July.
        base = base.replace(day=15) if base_precision == "month" else base.replace(month=7, day=1)
    found = _find(_grammar(), text, base)
    if base_precision in ("month", "year"):
        found = [_cut(d, base_precision) for d in found]
    return found


def parse_date(text: str, base: dt.date | None = None, *, base_precision: str = "day") -> str | None:
    """ISO date of the first date expression in `text` (see `find_dates`), or None.

    Falls back on dateparser only for an absolute date (one with a 4-digit year) the rules missed.
    """
    found = find_dates(text, base, base_precision=base_precision)
    if found:
        return found[0].iso
    if len(text) <= 80 and re.search(r"(?<!\d)(?:1[89]|20)\d\d(?!\d)", text):
        return _dateparser_absolute(text)
    return None


def _dateparser_absolute(text: str) -> str | None:
    """dateparser on a short text with a year, at the precision it reports; None on any failure."""
    try:
        from dateparser.date import DateDataParser

        data = _date_data_parser(DateDataParser).get_date_data(text)
    except Exception:  # noqa: BLE001 - dateparser raises many kinds of errors on odd input
        return None
    if data is None or data.date_obj is None:
        return None
    precision = data.period if data.period in ("day", "month", "year") else "day"
    return _iso(data.date_obj.date(), precision)


@lru_cache(maxsize=1)
def _date_data_parser(cls: Any) -> Any:
    """One dateparser parser per process (building it is slow)."""
    return cls(languages=["fr", "en"], settings={"REQUIRE_PARTS": ["year"], "PREFER_DAY_OF_MONTH": "first"})
