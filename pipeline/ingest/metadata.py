"""Article metadata: the leading `date YYYY-MM[-DD]` marker, YAML front matter, and date parsing.

Dates come in many shapes (ISO with or without time, `12/03/2024`, `3 avril 2020`, RFC 2822 from
HTML meta tags); `parse_date` returns the date and its precision (`day`, `month`, `year`), or None
when the value is not a date, so the caller can keep the article and report the bad value.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

import yaml

from pipeline.rules import load_json

MIN_YEAR, MAX_YEAR = 1800, 2100


@dataclass(frozen=True)
class Meta:
    """Metadata found for one article; any field may be missing."""

    title: str | None = None
    published: dt.date | None = None
    precision: str | None = None
    url: str | None = None
    site: str | None = None

    def merged(self, other: Meta) -> Meta:
        """Fill this metadata's missing fields from `other`."""
        return replace(
            self,
            title=self.title or other.title,
            published=self.published or other.published,
            precision=self.precision if self.published else other.precision,
            url=self.url or other.url,
            site=self.site or other.site,
        )


class BadDate(ValueError):
    """A metadata date that could not be read; the article is kept with no date."""


# --- dates -------------------------------------------------------------------------------

_ISO = re.compile(r"(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?(?=$|[T\s_]|[+-]\d\d:?\d\d$|Z$)")
_DMY = re.compile(r"(?<!\d)(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?!\d)")
_WORD_DATE = re.compile(r"(?:(\d{1,2})(?:er|re|st|nd|rd|th)?\.?\s+)?([^\W\d_]{3,10})\.?\s+(?:(\d{1,2})(?:st|nd|rd|th)?,?\s+)?(\d{4})(?!\d)")


@lru_cache(maxsize=1)
def _months() -> dict[str, int]:
    return dict(load_json("months_fr.json")["months"])


def _make(year: int, month: int | None, day: int | None) -> tuple[dt.date, str] | None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        if month is None:
            return dt.date(year, 1, 1), "year"
        if day is None:
            return dt.date(year, month, 1), "month"
        return dt.date(year, month, day), "day"
    except ValueError:
        return None


def parse_date(value: Any) -> tuple[dt.date, str] | None:
    """A date and its precision from a metadata value, or None when it is not a valid date."""
    if isinstance(value, dt.datetime):
        return value.date(), "day"
    if isinstance(value, dt.date):
        return value, "day"
    if isinstance(value, int) and not isinstance(value, bool):
        return _make(value, None, None)
    if not isinstance(value, str) or not value.strip():
        return None
    s = value.strip()
    m = _ISO.match(s)
    if m:
        return _make(int(m[1]), int(m[2]) if m[2] else None, int(m[3]) if m[3] else None)
    m = _DMY.search(s)
    if m:
        return _make(int(m[3]), int(m[2]), int(m[1]))
    for m in _WORD_DATE.finditer(s):
        month = _months().get(m[2].lower())
        if month:
            day = m[1] or m[3]
            return _make(int(m[4]), month, int(day) if day else None)
    try:
        return email.utils.parsedate_to_datetime(s).date(), "day"
    except (TypeError, ValueError, IndexError):
        return None


def meta_date(value: Any, what: str) -> tuple[dt.date | None, str | None]:
    """Parse a metadata date; raise `BadDate` naming `what` when it is present but unreadable."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, None
    parsed = parse_date(value)
    if parsed is None:
        raise BadDate(f"unreadable date in {what}: {str(value)[:80]!r} (article kept, date left empty)")
    return parsed


# --- markers in text files ----------------------------------------------------------------

# ` date 2023-12 Texte…`: the page store puts the date before the first words, on the same line.
_DATE_MARKER = re.compile(r"\A[ \t]*date[ \t]*:?[ \t]+(\d[\w/.:-]*)[ \t]*")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_EMPTY_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)")

TITLE_KEYS = ("title", "titre", "headline")
DATE_KEYS = ("date", "published", "published_at", "pubdate", "datepublished", "date_published", "publication_date")
URL_KEYS = ("url", "link", "canonical", "permalink")
SITE_KEYS = ("source", "site", "site_name", "publisher", "media")


def split_date_marker(text: str) -> tuple[str, str | None]:
    """Remove a leading `date YYYY-MM[-DD]` marker; return the rest of the text and the raw value."""
    m = _DATE_MARKER.match(text)
    if not m:
        return text, None
    return text[m.end() :], m[1]


def split_front_matter(text: str) -> tuple[str, str | None]:
    """Remove a leading YAML front matter block (`---` ... `---`); return the body and the block."""
    m = _EMPTY_FRONT_MATTER.match(text) or _FRONT_MATTER.match(text)
    if not m:
        return text, None
    block = m[1] if m.re is _FRONT_MATTER else ""
    return text[m.end() :], block


def _first(fields: dict[str, Any], keys: tuple[str, ...]) -> Any:
    for key in keys:
        if fields.get(key) not in (None, ""):
            return fields[key]
    return None


def _text_or_none(value: Any) -> str | None:
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None


def meta_from_fields(fields: dict[str, Any], where: str) -> tuple[Meta, list[str]]:
    """Metadata from a mapping (front matter, JSONL record); problems are returned as messages."""
    lowered = {str(k).lower(): v for k, v in fields.items()}
    problems: list[str] = []
    published, precision = None, None
    try:
        published, precision = meta_date(_first(lowered, DATE_KEYS), where)
    except BadDate as exc:
        problems.append(str(exc))
    meta = Meta(
        title=_text_or_none(_first(lowered, TITLE_KEYS)),
        published=published,
        precision=precision,
        url=_text_or_none(_first(lowered, URL_KEYS)),
        site=_text_or_none(_first(lowered, SITE_KEYS)),
    )
    return meta, problems


def parse_front_matter(block: str) -> tuple[Meta, list[str]]:
    """Metadata from a YAML front matter block; invalid YAML is reported, not raised."""
    if not block.strip():
        return Meta(), []
    try:
        fields = yaml.safe_load(block)
    except yaml.YAMLError as exc:
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        return Meta(), [f"invalid YAML front matter ({first}); metadata ignored, text kept"]
    if not isinstance(fields, dict):
        return Meta(), ["front matter is not a key: value mapping; metadata ignored, text kept"]
    return meta_from_fields(fields, "front matter")


def leading_metadata(text: str) -> tuple[str, Meta, list[str]]:
    """Strip front matter and the date marker from the start of a text file; return the body,
    the metadata and any problems (each becomes one `metadata` error row)."""
    meta, problems = Meta(), list[str]()
    body, block = split_front_matter(text)
    if block is not None:
        meta, problems = parse_front_matter(block)
    body, raw_date = split_date_marker(body.lstrip("\n") if block is not None else body)
    if raw_date is not None:
        parsed = parse_date(raw_date)
        if parsed is None:
            problems.append(f"unreadable date marker {raw_date!r} (article kept, date left empty)")
        elif meta.published is None:
            meta = replace(meta, published=parsed[0], precision=parsed[1])
    return body, meta, problems


def date_from_lines(lines: list[str]) -> tuple[dt.date, str] | None:
    """The first readable date among dateline strings (removed page-header lines)."""
    for line in lines:
        parsed = parse_date(line)
        if parsed is None:
            # "Publié le 3 avril 2020": parse_date's ISO/DMY/word patterns search, but the
            # leading words can hide an ISO date; look for one explicitly.
            m = re.search(r"\d{4}-\d{2}-\d{2}", line)
            parsed = parse_date(m[0]) if m else None
        if parsed is not None:
            return parsed
    return None
