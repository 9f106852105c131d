"""Text cleaning as small chained functions; the result is the text every offset points into.

Space policy: the French typographic spaces U+00A0 (no-break) and U+202F (narrow no-break) are
kept as written (amount and quote parsing rely on them); thin/figure/hair spaces, which play the
same role, become U+202F; every other odd space becomes an ASCII space; zero-width characters,
soft hyphens and control characters are removed.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from pipeline.rules import load_jsonl

BOILERPLATE_FILE = "boilerplate.jsonl"
SCOPES = {"line", "header", "trailing", "cut", "inline"}
HEADER_LINES = 8  # non-empty lines at the top where kickers, bylines and datelines live
TRAILING_LINES = 8

# --- characters ---------------------------------------------------------------------------

_NEWLINES = re.compile(r"\r\n?|[\u2028\u2029\x0b\x0c\x85]")
_TO_NARROW_NBSP = dict.fromkeys(map(ord, "\u2007\u2008\u2009\u200a"), "\u202f")
_TO_SPACE = dict.fromkeys(map(ord, "\t\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u205f\u3000"), " ")
_TO_NOTHING = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e"), None)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_SPACE_TABLE = {**_TO_NARROW_NBSP, **_TO_SPACE, **_TO_NOTHING}
_SPACE_CHARS = re.compile("[" + re.escape("".join(map(chr, _SPACE_TABLE))) + "]")


def normalize_newlines(text: str) -> str:
    """CRLF, CR and Unicode line/paragraph separators become `\\n`."""
    return _NEWLINES.sub("\n", text)


def normalize_unicode(text: str) -> str:
    """Unicode NFC: `e` + combining acute becomes `é`, so equal words compare equal."""
    return unicodedata.normalize("NFC", text)


def normalize_spaces(text: str) -> str:
    """Apply the space policy of this module and drop control characters."""
    if _SPACE_CHARS.search(text):  # str.translate walks every character: only when there is work
        text = text.translate(_SPACE_TABLE)
    return _CONTROL.sub("", text)


# --- Markdown -----------------------------------------------------------------------------

_MD_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)|!\[[^\]\n]*\]\[[^\]\n]*\]")
_MD_LINK = re.compile(r"\[([^\]\n]+)\]\((?:[^()\n]|\([^()\n]*\))*\)|\[([^\]\n]+)\]\[[^\]\n]*\]")
_MD_LINK_DEF = re.compile(r"^ {0,3}\[[^\]\n]+\]:\s*\S+.*$", re.M)
_MD_AUTOLINK = re.compile(r"<(?:https?://|mailto:)[^>\s]+>")
_MD_HEADING = re.compile(r"^ {0,3}(?:#{1,6}[ \t]+)+(.*?)(?:[ \t]+#+)?[ \t]*$", re.M)
_MD_SETEXT = re.compile(r"^(.+)\n {0,3}(?:=+|-{2,})[ \t]*$", re.M)
_MD_RULE = re.compile(r"^ {0,3}(?:(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}|(?:-[ \t]*){3,})$", re.M)
_MD_QUOTE = re.compile(r"^ {0,3}(?:>[ \t]?)+", re.M)  # nested levels at once
_MD_STRONG = re.compile(r"(\*\*|__)(?=\S)([^\n]+?)(?<=\S)\1")
_MD_EM_STAR = re.compile(r"(?<![\w*])\*(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*(?![\w*])")
_MD_EM_UNDERSCORE = re.compile(r"(?<![\w_])_(?=[^\s_])([^_\n]+?)(?<=[^\s_])_(?![\w_])")
_MD_STRIKE = re.compile(r"~~(?=\S)(.+?)(?<=\S)~~")
_MD_CODE = re.compile(r"`{1,3}([^`\n]+)`{1,3}")
_INLINE_TAG = re.compile(
    r"</?(?:br|p|div|span|em|strong|b|i|u|a|img|sup|sub|small|mark|figure|figcaption)\b[^<>]{0,300}>", re.I
)


def strip_markdown(text: str) -> str:
    """Remove Markdown syntax, keeping the words: `**M**eta` -> `Meta`, `# Titre` -> `Titre`,
    `[texte](url)` -> `texte`; images, link definitions and rules are removed."""
    text = _MD_IMAGE.sub("", text)
    text = _MD_LINK.sub(lambda m: m[1] or m[2], text)
    text = _MD_LINK_DEF.sub("", text)
    text = _MD_AUTOLINK.sub("", text)
    text = _MD_RULE.sub("", text)
    text = _MD_HEADING.sub(r"\1", text)
    text = _MD_SETEXT.sub(r"\1", text)
    text = _MD_QUOTE.sub("", text)
    text = _MD_STRONG.sub(r"\2", text)
    text = _MD_STRONG.sub(r"\2", text)  # nested ***x*** leaves one level after the first pass
    text = _MD_EM_STAR.sub(r"\1", text)
    text = _MD_EM_UNDERSCORE.sub(r"\1", text)
    text = _MD_STRIKE.sub(r"\1", text)
    return _MD_CODE.sub(r"\1", text)


_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,30});")


def unescape_entities(text: str) -> str:
    """HTML entities left in plain text (`&eacute;`, `&#8217;`, `&nbsp;`) become characters;
    a bare `&` as in `R&D` is left alone."""
    return _ENTITY.sub(lambda m: html.unescape(m[0]), text)


def strip_inline_tags(text: str) -> str:
    """Remove stray inline HTML tags (`<br>`, `<em>`, ...) left in plain-text or Markdown files."""
    return _INLINE_TAG.sub(lambda m: "\n" if m[0].lower().startswith(("<br", "<p", "</p", "<div", "</div")) else "", text)


# --- boilerplate ----------------------------------------------------------------------------


@dataclass(frozen=True)
class BoilerplateRule:
    """One rule of `rules/boilerplate.jsonl`, compiled."""

    id: str
    scope: str
    regex: re.Pattern[str]
    meta: str | None = None


@dataclass
class Removed:
    """A piece of text a boilerplate rule removed (kept so metadata can use datelines)."""

    rule_id: str
    text: str
    meta: str | None = None


@lru_cache(maxsize=1)
def boilerplate_rules() -> tuple[BoilerplateRule, ...]:
    """The compiled rules of `rules/boilerplate.jsonl`."""
    rules = []
    for row in load_jsonl(BOILERPLATE_FILE):
        flags = 0 if row.get("case_sensitive") else re.IGNORECASE
        rules.append(BoilerplateRule(row["id"], row["scope"], re.compile(row["pattern"], flags), row.get("meta")))
    return tuple(rules)


def _first_match(line: str, rules: Iterable[BoilerplateRule]) -> BoilerplateRule | None:
    stripped = line.strip()
    if not stripped:
        return None
    for rule in rules:
        if rule.regex.fullmatch(stripped):
            return rule
    return None


def remove_boilerplate(text: str, rules: tuple[BoilerplateRule, ...] | None = None) -> tuple[str, list[Removed]]:
    """Remove site chrome listed in `rules/boilerplate.jsonl`; return the text and what was removed."""
    rules = boilerplate_rules() if rules is None else rules
    by_scope = {s: [r for r in rules if r.scope == s] for s in SCOPES}
    removed: list[Removed] = []
    lines = text.split("\n")
    lines = _cut_related_block(lines, by_scope["cut"], removed)
    keep: list[str] = []
    seen_nonempty = 0
    for line in lines:
        if line.strip():
            seen_nonempty += 1
        scoped = by_scope["line"] + (by_scope["header"] if seen_nonempty <= HEADER_LINES else [])
        rule = _first_match(line, scoped)
        if rule is not None:
            removed.append(Removed(rule.id, line.strip(), rule.meta))
            continue
        keep.append(_remove_inline(line, by_scope["inline"], removed))
    keep = _drop_trailing(keep, by_scope["trailing"], removed)
    return "\n".join(keep), removed


def _cut_related_block(lines: list[str], rules: list[BoilerplateRule], removed: list[Removed]) -> list[str]:
    """Everything from a 'Sur le même sujet' style heading in the second half of the page on is chrome."""
    nonempty = [i for i, line in enumerate(lines) if line.strip()]
    for i in nonempty[(len(nonempty) + 1) // 2 :]:
        rule = _first_match(lines[i], rules)
        if rule is not None:
            removed.append(Removed(rule.id, "\n".join(lines[i:]).strip()))
            return lines[:i]
    return lines


def _remove_inline(line: str, rules: list[BoilerplateRule], removed: list[Removed]) -> str:
    for rule in rules:
        new = rule.regex.sub("", line)
        if new != line:
            removed.append(Removed(rule.id, line.strip(), rule.meta))
            line = new
    return line


def _drop_trailing(lines: list[str], rules: list[BoilerplateRule], removed: list[Removed]) -> list[str]:
    dropped = 0
    while lines and dropped <= TRAILING_LINES:
        if not lines[-1].strip():
            lines.pop()
            continue
        if sum(1 for line in lines if line.strip()) <= 1:
            break  # the first line of the text is never a trailer
        rule = _first_match(lines[-1], rules)
        if rule is None:
            break
        removed.append(Removed(rule.id, lines.pop().strip(), rule.meta))
        dropped += 1
    return lines


# --- layout ------------------------------------------------------------------------------

_MULTI_SPACE = re.compile(r"[ ]{2,}")
_MANY_NEWLINES = re.compile(r"\n{3,}")


def tidy_whitespace(text: str) -> str:
    """Strip every line, collapse runs of spaces, keep at most one blank line between paragraphs."""
    lines = [_MULTI_SPACE.sub(" ", line).strip() for line in text.split("\n")]
    return _MANY_NEWLINES.sub("\n\n", "\n".join(lines)).strip()


def drop_repeated_header_lines(text: str) -> str:
    """Page headers repeat things: the title or date twice, or a summary line ('Nova a levé …') that
    starts like a paragraph just below it. Near the top, keep the first copy of an exact repeat and
    drop a summary line whose start is repeated by one of the next lines."""
    lines = text.split("\n")
    seen: set[str] = set()
    out: list[str] = []
    nonempty = 0
    for i, line in enumerate(lines):
        key = line.strip()
        if key:
            nonempty += 1
            if nonempty <= 2 * HEADER_LINES:
                if key in seen or _starts_a_later_line(key, lines[i + 1 :]):
                    continue
                line = key = _without_repeated_title(key, seen)
            seen.add(key)
        out.append(line)
    return "\n".join(out)


def _without_repeated_title(line: str, seen: set[str]) -> str:
    """'Titre Chapô…' right under 'Titre': the page glued the title to the next paragraph. Only when
    what follows the title opens a new sentence (capital, digit, quote mark): a lead sentence that
    merely starts with the title's words ('Titre en annonçant ce matin …') keeps them."""
    for prev in seen:
        if len(prev) >= 30 and line.startswith(prev + " ") and len(line) > len(prev) + 20:
            rest = line[len(prev) + 1 :]
            if rest[:1].isupper() or rest[:1].isdigit() or rest[:1] in "«“\"":
                return rest
    return line


SAME_START_CHARS = 80  # two paragraphs opening with the same 80 characters say the same thing
_ELLIPSIS = re.compile(r"\s*(?:\.{3}|…|\[…\]|\[\.\.\.\])$")


def _starts_a_later_line(line: str, rest: list[str], window: int = 3) -> bool:
    """`line` (minus a final ellipsis) opens like one of the next `window` non-empty lines."""
    m = _ELLIPSIS.search(line)
    stem = line[: m.start()] if m else line
    if len(stem) < SAME_START_CHARS:
        return False
    following = [r.strip() for r in rest if r.strip()][:window]
    return any(f != line and f[:SAME_START_CHARS] == stem[:SAME_START_CHARS] for f in following)


# --- the chain ------------------------------------------------------------------------------


@dataclass
class Cleaned:
    """The cleaned text and the boilerplate it lost."""

    text: str
    removed: list[Removed] = field(default_factory=list)


Step = Callable[[str], str]
PRE_STEPS: tuple[Step, ...] = (normalize_newlines, normalize_unicode, normalize_spaces)
MARKUP_STEPS: tuple[Step, ...] = (strip_inline_tags, unescape_entities, normalize_spaces, strip_markdown)


def clean_text(text: str, markup: bool = True) -> Cleaned:
    """The whole chain: characters, Markdown (when `markup`), boilerplate, layout.

    NFC runs again at the end because removing markup can join a base letter and a combining mark.
    One pass can uncover markup ('# ** **' loses its heading mark and then reads as a rule), so the
    chain runs again until the text no longer changes: cleaning is idempotent.
    """
    removed: list[Removed] = []
    for _ in range(MAX_CLEAN_PASSES):
        cleaned = _clean_once(text, markup)
        removed.extend(cleaned.removed)
        if cleaned.text == text:
            break
        text = cleaned.text
    return Cleaned(text, removed)


MAX_CLEAN_PASSES = 4


def _clean_once(text: str, markup: bool) -> Cleaned:
    for step in PRE_STEPS + (MARKUP_STEPS if markup else ()):
        text = step(text)
    text, removed = remove_boilerplate(text)
    text = tidy_whitespace(drop_repeated_header_lines(tidy_whitespace(text)))
    return Cleaned(normalize_unicode(text), removed)
