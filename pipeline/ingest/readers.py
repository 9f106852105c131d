"""Readers: one function per file format, each turning a file into `RawArticle`s and `IngestError`s.

Every reader goes through `build_article`, which applies the size limits, the cleaning chain, the
language check and the title guess, so all formats give the same kind of text. A problem with one
input yields exactly one `IngestError` for it (plus one per metadata problem of a kept article).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from pipeline.ingest.clean import Cleaned, clean_text
from pipeline.ingest.decode import NotText, decode_bytes, sniff_binary
from pipeline.ingest.html import declared_charset, html_to_text, looks_like_html
from pipeline.ingest.language import describe, guess_language
from pipeline.ingest.metadata import Meta, date_from_lines, leading_metadata, meta_from_fields
from pipeline.records import IngestError, RawArticle

Item = RawArticle | IngestError

MAX_FILE_BYTES = 50_000_000  # a single article file larger than this is not an article
MAX_LINE_CHARS = 100_000  # no paragraph of prose is this long: it is a data blob or a broken export
MAX_TEXT_CHARS = 1_000_000  # spaCy's default max_length
MAX_TITLE_CHARS = 160
_SENTENCE_BREAK = re.compile(r"[.!?…]\s+[A-ZÀ-Ý«\"“]")
TEXT_KEYS = ("text", "content", "body")


# --- shared steps -------------------------------------------------------------------------


def drop_long_lines(text: str, limit: int = MAX_LINE_CHARS) -> tuple[str, str | None]:
    """Remove lines longer than `limit` characters; return the text and a message if any went."""
    lines = text.split("\n")
    long = [(i + 1, len(line)) for i, line in enumerate(lines) if len(line) > limit]
    if not long:
        return text, None
    kept = [line for line in lines if len(line) <= limit]
    where = ", ".join(f"line {n} ({size:,} chars)" for n, size in long[:3]) + (" …" if len(long) > 3 else "")
    return "\n".join(kept), f"{len(long)} line(s) over {limit:,} characters without a line break dropped: {where}"


def truncate(text: str, limit: int = MAX_TEXT_CHARS) -> tuple[str, str | None]:
    """Cut a text longer than `limit` at the last paragraph (or line) break before the limit."""
    if len(text) <= limit:
        return text, None
    cut = text.rfind("\n", 0, limit)
    cut = cut if cut > limit // 2 else limit
    return text[:cut].rstrip(), f"text of {len(text):,} characters truncated to {cut:,} (spaCy limit)"


def guess_title(text: str) -> str | None:
    """The first line when it reads like a headline: short, several words, one clause, no full stop."""
    first, _, rest = text.partition("\n")
    first = first.strip()
    if not rest.strip() or not first or len(first) > MAX_TITLE_CHARS or len(first.split()) < 2:
        return None
    if first.endswith((".", ":", ";", ",", "…")) or _SENTENCE_BREAK.search(first):
        return None  # a sentence, a teaser or a chapô, not a headline
    return first


def build_article(source: str, text: str, meta: Meta, problems: list[str], markup: bool = True) -> list[Item]:
    """Clean `text` into a `RawArticle` (or an error saying why there is none)."""
    out: list[Item] = [IngestError(source, "metadata", p) for p in problems]
    text, long_msg = drop_long_lines(text)
    cleaned: Cleaned = clean_text(text, markup=markup)
    text = cleaned.text
    if not text:
        reason = f"{long_msg}; no other text" if long_msg else "no text left after cleaning"
        return out + [IngestError(source, "clean", reason)]
    if long_msg:
        out.append(IngestError(source, "clean", f"{long_msg}; rest of the article kept"))
    text, cut_msg = truncate(text)
    if cut_msg:
        out.append(IngestError(source, "clean", cut_msg))
    guess = guess_language(text)
    if not guess.is_french:
        return out + [IngestError(source, "language", describe(guess))]
    if meta.published is None:
        found = date_from_lines([r.text for r in cleaned.removed if r.meta == "published"])
        if found:
            meta = replace(meta, published=found[0], precision=found[1])
    return out + [
        RawArticle(
            source=source,
            text=text,
            title=meta.title or guess_title(text),
            published=meta.published,
            published_precision=meta.precision,
            url=meta.url,
            site=meta.site,
        )
    ]


def _read_bytes(path: Path, source: str) -> bytes | IngestError:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return IngestError(source, "read", f"file of {size:,} bytes is too large for an article (limit {MAX_FILE_BYTES:,})")
        data = path.read_bytes()
    except OSError as exc:
        return IngestError(source, "read", f"cannot read file: {exc.strerror or exc}")
    if not data:
        return IngestError(source, "read", "empty file (0 bytes)")
    return data


def _decode(data: bytes, source: str, declared: str | None = None) -> tuple[str, list[Item]] | IngestError:
    try:
        decoded = decode_bytes(data, declared)
    except NotText as exc:
        return IngestError(source, "decode", str(exc))
    if not decoded.text.strip():
        return IngestError(source, "read", "blank file (only whitespace)")
    notes: list[Item] = [IngestError(source, "decode", f"{decoded.warning}; article kept")] if decoded.warning else []
    return decoded.text, notes


def _read_decoded(path: Path, source: str) -> tuple[str, list[Item]] | IngestError:
    """A file's bytes decoded to text (with any decoding notes), or the error that stopped it."""
    data = _read_bytes(path, source)
    if isinstance(data, IngestError):
        return data
    return _decode(data, source, declared_charset(data))


# --- formats ------------------------------------------------------------------------------


def read_text(path: Path, source: str) -> list[Item]:
    """A `.txt` or `.md` file: optional front matter and date marker, then (Markdown-ish) text."""
    decoded = _read_decoded(path, source)
    if isinstance(decoded, IngestError):
        return [decoded]
    text, notes = decoded
    if looks_like_html(text):
        return notes + _from_html(text, source)
    body, meta, problems = leading_metadata(text.replace("\r\n", "\n"))
    return notes + build_article(source, body, meta, problems, markup=True)


def read_html(path: Path, source: str) -> list[Item]:
    """An `.html`/`.htm` page."""
    decoded = _read_decoded(path, source)
    if isinstance(decoded, IngestError):
        return [decoded]
    text, notes = decoded
    return notes + _from_html(text, source)


def _from_html(html: str, source: str) -> list[Item]:
    try:
        text, meta, problems = html_to_text(html)
    except Exception as exc:  # noqa: BLE001 - html.parser is lenient, but a page must never stop the run
        return [IngestError(source, "parse", f"cannot parse HTML: {type(exc).__name__}: {exc}")]
    if not text.strip():
        return [IngestError(source, "parse", "HTML page has no text outside scripts and navigation")]
    return build_article(source, text, meta, problems, markup=False)


def read_jsonl(path: Path, source: str) -> Iterator[Item]:
    """A `.jsonl` file: one article per line, `text` plus optional `title`, `published`, `url`, `source`.

    Each article's source is `file.jsonl:LINE`; a bad line gives an error and the others are kept.
    """
    try:
        with path.open("rb") as fh:
            head = fh.read(8192)
            what = sniff_binary(head)
            if what:
                yield IngestError(source, "decode", f"not a text file: {what}")
                return
            if not head:
                yield IngestError(source, "read", "empty file (0 bytes)")
                return
            fh.seek(0)
            n_records = 0
            for lineno, raw in enumerate(fh, start=1):
                if raw.strip():
                    n_records += 1
                    yield from _jsonl_line(raw, f"{source}:{lineno}")
            if n_records == 0:
                yield IngestError(source, "read", "blank file (only whitespace)")
    except OSError as exc:
        yield IngestError(source, "read", f"cannot read file: {exc.strerror or exc}")


def _jsonl_line(raw: bytes, source: str) -> list[Item]:
    decoded = _decode(raw, source)
    if isinstance(decoded, IngestError):
        return [decoded]
    line, notes = decoded
    try:
        record: Any = json.loads(line)
    except ValueError as exc:
        return notes + [IngestError(source, "parse", f"malformed JSON line ({exc}); line skipped")]
    if not isinstance(record, dict):
        return notes + [IngestError(source, "parse", f"JSON line is a {type(record).__name__}, not an object; line skipped")]
    text = next((record[k] for k in TEXT_KEYS if isinstance(record.get(k), str) and record[k].strip()), None)
    if text is None:
        return notes + [IngestError(source, "parse", "JSON record has no non-empty `text` field; line skipped")]
    meta, problems = meta_from_fields(record, "the `published` field")
    if looks_like_html(text) or text.lstrip().startswith("<p"):
        html_text, html_meta, html_problems = html_to_text(text)
        return notes + build_article(source, html_text, meta.merged(html_meta), problems + html_problems, markup=False)
    body, text_meta, text_problems = leading_metadata(text)
    return notes + build_article(source, body, meta.merged(text_meta), problems + text_problems, markup=True)


READERS = {".txt": read_text, ".md": read_text, ".markdown": read_text, ".html": read_html, ".htm": read_html, ".jsonl": read_jsonl}
