"""Helpers shared by the plain-string parsers (amounts, dates): fast word alternations.

Why not `re.IGNORECASE`: a case-insensitive alternation defeats the regex engine's first-character
search and made the parsers ~5x slower; spelling out the lower, Capitalised and UPPER forms of each
word keeps the fast path and still matches sentence starts and all-caps titles.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

WS = "[ \\t\u00a0\u202f]"
SP = WS + "*"
SP1 = WS + "+"
APOS = "['\u2019\u02bc]"

def norm(s: str) -> str:
    """Lookup key: lower case, one kind of apostrophe, single spaces."""
    s = re.sub(r"['\u2019\u02bc]", "'", s.lower())
    return re.sub(r"[\s\u00a0\u202f]+", " ", s).strip()


def _tokens(word: str) -> list[str]:
    """Regex pieces of a literal word: any space may be a run of spaces, any apostrophe any kind."""
    out = []
    for ch in word:
        if ch == " ":
            out.append(SP1)
        elif ch in "'\u2019\u02bc":
            out.append(APOS)
        else:
            out.append(re.escape(ch))
    return out


def _trie_regex(words: Iterable[str]) -> str:
    """An alternation factored on common prefixes ('mill(?:ions?|iards?)'): much faster to search."""
    trie: dict[str, Any] = {}
    for w in words:
        node = trie
        for tok in _tokens(w):
            node = node.setdefault(tok, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        branches = [tok + emit(child) for tok, child in sorted(node.items()) if tok]
        if not branches:
            return ""
        if "" not in node:
            return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return "(?:" + "|".join(branches) + ")?"

    return emit(trie)


def case_variants(word: str) -> list[str]:
    """The forms a word takes in prose: as written, Capitalised (sentence start), UPPER (titles)."""
    forms = [word, word[:1].upper() + word[1:], word.upper()]
    return list(dict.fromkeys(forms))


def alt(words: Iterable[str], *, fold_case: bool = True, word_end: bool = True) -> str:
    """A regex alternation of words, longest first, with flexible spaces and apostrophes.

    `fold_case` adds the Capitalised and UPPER forms (see the module docstring); `word_end` forbids a
    letter or digit right after the word.
    """
    forms: set[str] = set()
    for w in words:
        if w.startswith("_"):
            continue
        forms.update(case_variants(w) if fold_case else [w])
    return "(?:" + _trie_regex(forms) + ")" + ("(?!\\w)" if word_end else "")
