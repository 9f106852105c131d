"""Find quotation marks in plain text: « … », “ … ”, " … ", nested and multi-paragraph quotes.

Works on a plain string (no spaCy), never raises on unbalanced or stray marks: an opening mark
that is never closed is ignored, a closing mark with nothing open is ignored. Only outermost
quotations are returned; nested quotes stay inside their outer quote's text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Paired marks: opening -> closing. The straight double quote is handled apart (same char both ways).
PAIRS = {"«": "»", "“": "”", "‹": "›"}
CLOSERS = {v: k for k, v in PAIRS.items()}
STRAIGHT = '"'
# Whitespace that can sit inside French quotes (normal, no-break and narrow no-break spaces).
SPACES = " \t\u00a0\u202f\u2009\u2007"
# What follows a closing straight quote typed with a space before it ('… dommage ", a déploré X').
CLOSING_FOLLOWERS = ",.;:!?)…"
# Sentence punctuation right before a straight quote glued to the next word (ASCII text without spaces).
GLUED_BEFORE = ".!?…;,)"
# How far ahead an unclosed quote may still find its closing mark (French multi-paragraph style).
MAX_PARAGRAPHS_AHEAD = 4


@dataclass(frozen=True)
class MarkedQuote:
    """One outermost quotation: mark positions and the content range without marks or padding."""

    open: int  # index of the opening mark
    close: int  # index of the closing mark
    start: int  # first char of the quoted words
    end: int  # end (exclusive) of the quoted words
    mark: str  # the opening mark
    continuations: tuple[int, ...] = ()  # indices of « that re-open each new paragraph


@dataclass
class _Open:
    mark: str
    index: int
    continuations: list[int]


def _is_paragraph_start(text: str, i: int) -> bool:
    j = i - 1
    while j >= 0 and text[j] in SPACES:
        j -= 1
    return j < 0 or text[j] == "\n"


def _hard_wrap(text: str, i: int) -> bool:
    """A single line break inside a sentence ("Nous produirons\\nau moins …"): the words before it end
    without punctuation and the next line goes on in lowercase; it is no paragraph end."""
    before = text[:i].rstrip(SPACES)
    after = text[i + 1:].lstrip(SPACES)
    return bool(before) and before[-1].isalnum() and bool(after) and after[0].isalpha() and after[0].islower()


def _next_paragraph_start(text: str, i: int) -> int:
    """Index of the first non-space char after the newline at i (len(text) if none)."""
    j = i
    while j < len(text) and (text[j] in SPACES or text[j] in "\r\n"):
        j += 1
    return j


def _straight_closes_next(text: str, i: int) -> bool:
    """The paragraph starting at i holds an odd number of straight quotes and the first one closes a
    sentence (glued to its final punctuation: '… le faire." Il a …'): a straight quote left open at the end
    of the paragraph before ends there."""
    end = text.find("\n", i)
    para = text[i:] if end < 0 else text[i:end]
    k = para.find(STRAIGHT)
    return para.count(STRAIGHT) % 2 == 1 and k > 0 and para[k - 1] in ".!?…" and _straight_role(text, i + k) == "close"


def _closes_later(text: str, i: int, mark: str) -> bool:
    """Whether a closing mark for `mark` comes after i before any new opening one (few paragraphs)."""
    closer = PAIRS[mark]
    paragraphs = 0
    for j in range(i, len(text)):
        c = text[j]
        if c == "\n":
            paragraphs += 1
            if paragraphs > MAX_PARAGRAPHS_AHEAD:
                return False
        elif c == closer:
            return True
        elif c == mark and not _is_paragraph_start(text, j):
            return False
    return False


# Punctuation a closing mark is followed by; an opening mark glued to a word before it and followed by
# one of these (or a space) can only be a mistyped closing mark.
AFTER_CLOSER = ".,;:!?)…"


def _mirrored_closer(text: str, i: int) -> bool:
    """An opening mark typed where the closing one belongs (« … freiner« . / “Sur le pont“ qui): glued to
    the word before it and followed by a space, punctuation or the end of the text."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    glued = not (before in SPACES or before in "\n([{'’-—–«“‹")
    return glued and (after in SPACES or after in "\r\n" or after in AFTER_CLOSER)


def _straight_role(text: str, i: int) -> str | None:
    """Whether a straight double quote at i looks like an opening or a closing mark ('glued': between
    punctuation and a word, an opening mark when no straight quote is open)."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    space_before = before in SPACES or before in "\n([{—–-'’:"
    space_after = after in SPACES or after in "\n"
    if space_before and not space_after:
        # '… dommage ", a déploré X': a mark padded inside and followed by punctuation closes
        return "close" if after in CLOSING_FOLLOWERS else "open"
    if before in GLUED_BEFORE and after.isalnum():
        return "glued"  # à l'étranger."La France …": opens if nothing is open, else closes
    if not space_before:
        return "close"
    if space_after and _opens_paragraph_or_colon(text, i) and _closes_spaced(text, i):
        return "open"  # '" C'est fini "' : a straight quote padded with spaces, French style
    return None


def _opens_paragraph_or_colon(text: str, i: int) -> bool:
    """A mark at a paragraph start or right after a colon (spaces skipped)."""
    j = i - 1
    while j >= 0 and text[j] in SPACES:
        j -= 1
    return j < 0 or text[j] in "\n:"


def _closes_spaced(text: str, i: int) -> bool:
    """A padded straight quote opening at i has a closing mark later in the same paragraph."""
    end = text.find("\n", i)
    end = len(text) if end < 0 else end
    k = text.find(STRAIGHT, i + 1, end)
    return k > i + 2


def _content(text: str, open_i: int, close_i: int) -> tuple[int, int]:
    start, end = open_i + 1, close_i
    while start < end and (text[start] in SPACES or text[start] in "\r\n"):
        start += 1
    while end > start and (text[end - 1] in SPACES or text[end - 1] in "\r\n"):
        end -= 1
    return start, end


def scan_quotes(text: str) -> list[MarkedQuote]:
    """All outermost quotations of `text`, in order. Never raises, whatever the marks."""
    found: list[MarkedQuote] = []
    stack: list[_Open] = []
    for i, c in enumerate(text):
        if c == "\n":
            if not _hard_wrap(text, i):
                stack = _at_paragraph_end(text, i, stack)
        elif c in PAIRS:
            if stack and stack[-1].mark == c and _mirrored_closer(text, i):
                stack = _close(text, i, c, stack, found)  # « … freiner« . / “Titre“ : the opener typed twice
            elif stack and stack[0].mark == c and len(stack) == 1 and _is_paragraph_start(text, i) \
                    and "\n" in text[stack[0].index:i]:
                stack[0].continuations.append(i)  # « re-opening a new paragraph of the same quote
            else:
                stack.append(_Open(c, i, []))
        elif c in CLOSERS:
            stack = _close(text, i, CLOSERS[c], stack, found)
        elif c == STRAIGHT:
            role = _straight_role(text, i)
            if stack and stack[-1].mark == STRAIGHT and role != "open":
                stack = _close(text, i, STRAIGHT, stack, found)
            elif role in ("open", "glued"):
                stack.append(_Open(STRAIGHT, i, []))
    return found


def _close(text: str, i: int, mark: str, stack: list[_Open], found: list[MarkedQuote]) -> list[_Open]:
    """Pop to the innermost open quote of this kind; record it if it was the outermost."""
    for depth in range(len(stack) - 1, -1, -1):
        if stack[depth].mark == mark:
            opened = stack[depth]
            if depth == 0:
                start, end = _content(text, opened.index, i)
                if end > start:
                    found.append(MarkedQuote(opened.index, i, start, end, mark, tuple(opened.continuations)))
            return stack[:depth]
    return stack  # a stray closing mark


def _at_paragraph_end(text: str, i: int, stack: list[_Open]) -> list[_Open]:
    """Keep only the open quotes that go on in the next paragraph (re-opened or closed later)."""
    kept: list[_Open] = []
    nxt = _next_paragraph_start(text, i)
    for opened in stack:
        if opened.mark == STRAIGHT:
            if not kept and len(stack) == 1 and _straight_closes_next(text, nxt):
                kept.append(opened)  # '"… a-t-il ajouté. … mai.⏎Les règlements … le faire." Il a …'
            break  # otherwise straight quotes do not run over paragraphs; nor does anything inside them
        reopened = nxt < len(text) and text[nxt] == opened.mark
        if reopened or _closes_later(text, nxt, opened.mark):
            kept.append(opened)
        else:
            break
    return kept


def strip_continuations(text: str, quote: MarkedQuote) -> str:
    """The quoted words of a marked quote, without the « that re-open its later paragraphs."""
    parts, pos = [], quote.start
    for c in quote.continuations:
        parts.append(text[pos:c])
        pos = c + 1
        while pos < quote.end and text[pos] in SPACES:
            pos += 1
    parts.append(text[pos:quote.end])
    return "".join(parts)


def unclosed_openings(text: str, found: list[MarkedQuote]) -> list[tuple[int, int]]:
    """(mark index, paragraph end) of each « or “ opening a paragraph that nothing closes in it: the
    closing mark was lost ("« A, B et C, a déclaré X, PDG de Y."). The caller keeps one only when an
    incise inside it shows where the quote ends."""
    out = []
    for i, c in enumerate(text):
        if c not in ("«", "“") or not _is_paragraph_start(text, i):
            continue
        if any(q.open <= i <= q.close for q in found):
            continue
        end = text.find("\n", i)
        end = len(text) if end < 0 else end
        if PAIRS[c] not in text[i:end] and c not in text[i + 1:end]:
            out.append((i, end))
    return out


_CLOSING = re.compile("[»”]")


def unopened_closings(text: str, found: list[MarkedQuote]) -> list[tuple[int, int]]:
    """(paragraph start, mark index) of each » or ” that closes nothing and has no opening mark before it
    in its paragraph: the opening mark was lost ("Ce n'est pas fini", a indiqué X). The caller keeps one
    only when an incise right after the mark names the speaker."""
    out = []
    for match in _CLOSING.finditer(text):
        i = match.start()
        if any(q.open <= i <= q.close for q in found):
            continue
        start = text.rfind("\n", 0, i) + 1
        if not any(m in text[start:i] for m in PAIRS):
            out.append((start, i))
    return out
