"""HTML to article text and metadata, with the standard library's `html.parser`.

Text inside scripts, styles, navigation, headers, footers, asides, forms and elements whose class,
id or role names page chrome (`rules/html.json`) is dropped. When the page has an `<article>` or
`<main>` element holding most of the page's text, only the largest such element is kept (related-article
cards are often `<article>`s too). Block elements end lines; inline whitespace is
collapsed as a browser would. Metadata: `<title>`, `og:title`, the first `<h1>`, published-time
meta tags, JSON-LD `datePublished`, `<time datetime>`, canonical URL and site name.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from html.parser import HTMLParser
from typing import Any

from pipeline.ingest.metadata import BadDate, Meta, meta_date
from pipeline.rules import load_json

MIN_MAIN_CHARS = 200  # an <article>/<main> with less text than this is a teaser, not the article
MIN_MAIN_SHARE = 0.3  # ... and so is one holding a small part of the page's text
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}
_HTML_WS = re.compile(r"[ \t\r\n\f]+")  # HTML whitespace only: U+00A0 is content, not layout
_TOKEN_SPLIT = re.compile(r"[\s_-]+")
_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_LOOKS_HTML = re.compile(r"\A\s*(?:<!--.*?-->\s*)*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])", re.I | re.S)


@lru_cache(maxsize=1)
def _config() -> dict[str, Any]:
    cfg = dict(load_json("html.json"))
    for key in ("skip_tags", "skip_roles", "chrome_tokens", "block_tags"):
        cfg[key] = frozenset(cfg[key])
    return cfg


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in a `<meta>` tag within its first bytes, if any."""
    m = _CHARSET.search(data[:4096])
    return m[1].decode("ascii") if m else None


def looks_like_html(text: str) -> bool:
    """True for a whole HTML page saved under a text extension."""
    return bool(_LOOKS_HTML.match(text[:2000]))


@dataclass
class _Page:
    body: list[str] = field(default_factory=list)
    mains: list[list[str]] = field(default_factory=list)  # text of each <article>/<main> container
    title: list[str] = field(default_factory=list)
    h1: list[str] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)
    ld_json: list[str] = field(default_factory=list)
    times: list[tuple[bool, str]] = field(default_factory=list)  # (marked as publication time, value)
    canonical: str | None = None


class _Extractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.cfg = _config()
        self.page = _Page()
        self.skip: list[str] = []  # open elements whose text is chrome
        self.open_mains: list[list[Any]] = []  # [tag, nesting depth of that tag, index in page.mains]
        self.pre_depth = 0
        self.in_title = False
        self.h1_depth = 0
        self.h1_done = False
        self.ld_depth = 0

    def _is_chrome(self, tag: str, attrs: dict[str, str]) -> bool:
        if tag in self.cfg["skip_tags"] or "hidden" in attrs or attrs.get("aria-hidden") == "true":
            return True
        if attrs.get("role", "").lower() in self.cfg["skip_roles"]:
            return True
        tokens = _TOKEN_SPLIT.split(f"{attrs.get('class', '')} {attrs.get('id', '')}".lower())
        return any(t in self.cfg["chrome_tokens"] for t in tokens if t)

    def handle_starttag(self, tag: str, attrs_list: list[tuple[str, str | None]]) -> None:
        attrs = {k.lower(): (v or "") for k, v in attrs_list}
        self._metadata_tag(tag, attrs)
        if tag in _VOID:
            if tag in ("br", "hr"):
                self._emit("\n")
            return
        if tag == "script" and "ld+json" in attrs.get("type", "").lower():
            self.ld_depth += 1
        if tag == "title" and not self.page.title:  # the page's <title>, not an <svg>'s
            self.in_title = True
        if tag == "h1" and not self.h1_done:
            self.h1_depth += 1
        if self.skip:
            if tag == self.skip[-1] or tag in self.cfg["skip_tags"] or self._is_chrome(tag, attrs):
                self.skip.append(tag)
            return
        if self._is_chrome(tag, attrs):
            self.skip.append(tag)
            return
        for container in self.open_mains:
            if container[0] == tag:
                container[1] += 1
        if tag in ("article", "main") or attrs.get("role") == "main" or attrs.get("itemprop") == "articleBody":
            self.page.mains.append([])
            self.open_mains.append([tag, 1, len(self.page.mains) - 1])
        if tag == "pre":
            self.pre_depth += 1
        if tag in self.cfg["block_tags"]:
            self._emit("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if tag == "h1" and self.h1_depth:
            self.h1_depth -= 1
            self.h1_done = not self.h1_depth
        if tag == "script" and self.ld_depth:
            self.ld_depth -= 1
        if self.skip:
            if tag in self.skip:
                # Close up to the matching element: tolerates unclosed children.
                while self.skip and self.skip.pop() != tag:
                    pass
            return
        for container in self.open_mains:
            if container[0] == tag:
                container[1] -= 1
        self.open_mains = [c for c in self.open_mains if c[1] > 0]
        if tag == "pre" and self.pre_depth:
            self.pre_depth -= 1
        if tag in self.cfg["block_tags"]:
            self._emit("\n")

    def handle_data(self, data: str) -> None:
        if self.ld_depth:
            self.page.ld_json.append(data)
            return
        if self.in_title:
            self.page.title.append(data)
            return
        if self.h1_depth:
            self.page.h1.append(data)
        if not self.skip:
            self._emit(data if self.pre_depth else _HTML_WS.sub(" ", data))

    def _emit(self, text: str) -> None:
        self.page.body.append(text)
        for _tag, _depth, index in self.open_mains:
            self.page.mains[index].append(text)

    def _metadata_tag(self, tag: str, attrs: dict[str, str]) -> None:
        if tag == "meta":
            key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
            if key and attrs.get("content") and key not in self.page.meta:
                self.page.meta[key] = attrs["content"]
        elif tag == "link" and "canonical" in attrs.get("rel", "").lower() and attrs.get("href"):
            self.page.canonical = self.page.canonical or attrs["href"]
        elif tag == "time" and attrs.get("datetime"):
            marked = attrs.get("itemprop", "").lower() == "datepublished" or "pubdate" in attrs
            self.page.times.append((marked, attrs["datetime"]))


def _squash(parts: list[str]) -> str | None:
    text = _HTML_WS.sub(" ", "".join(parts)).strip()
    return text or None


def _ld_fields(blobs: list[str]) -> dict[str, Any]:
    """`datePublished` and `headline` from JSON-LD blocks (objects, lists or @graph)."""
    found: dict[str, Any] = {}

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for key in ("datePublished", "headline", "dateCreated"):
                if key in node and key not in found and isinstance(node[key], str):
                    found[key] = node[key]
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for blob in blobs:
        try:
            walk(json.loads(blob))
        except ValueError:
            continue
    return found


def _strip_site_suffix(title: str | None, site: str | None) -> str | None:
    """`Titre | Site` -> `Titre`: page titles often end with the site's name."""
    if not title:
        return title
    parts = re.split(r"\s+[|–—-]\s+", title)
    if len(parts) > 1 and (site and parts[-1].strip().lower() == site.lower() or len(parts[-1].split()) <= 3):
        return " - ".join(parts[:-1]).strip() or title
    return title


def html_to_text(html: str) -> tuple[str, Meta, list[str]]:
    """The article text of an HTML page, its metadata, and metadata problems (messages)."""
    parser = _Extractor()
    parser.feed(html)
    parser.close()
    page = parser.page
    cfg = _config()
    body = "".join(page.body)
    main = max(("".join(parts) for parts in page.mains), key=lambda t: len(t.strip()), default="")
    size = len(main.strip())
    text = main if size >= MIN_MAIN_CHARS and size >= MIN_MAIN_SHARE * len(body.strip()) else body
    ld = _ld_fields(page.ld_json)
    site = next((page.meta[k] for k in cfg["site_meta"] if page.meta.get(k)), None)
    h1 = _squash(page.h1)
    title = (
        next((page.meta[k] for k in cfg["title_meta"] if page.meta.get(k)), None)
        or h1
        or ld.get("headline")
        or _strip_site_suffix(_squash(page.title), site)
    )
    if h1 and h1 not in text[: len(h1) + 2000]:
        text = f"{h1}\n\n{text}"  # the title lives in a skipped <header>: keep it with the text
    problems: list[str] = []
    published = precision = None
    raw_date = next((page.meta[k] for k in cfg["date_meta"] if page.meta.get(k)), None)
    raw_date = raw_date or ld.get("datePublished") or next((v for marked, v in page.times if marked), None)
    raw_date = raw_date or (page.times[0][1] if page.times else None)
    try:
        published, precision = meta_date(raw_date, "HTML meta tags")
    except BadDate as exc:
        problems.append(str(exc))
    url = page.canonical or next((page.meta[k] for k in cfg["url_meta"] if page.meta.get(k)), None)
    return text, Meta(_squash([title]) if title else None, published, precision, url, site), problems
