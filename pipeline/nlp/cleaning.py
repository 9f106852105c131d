"""Entity span cleaning: trim articles/titles/punctuation, split at line breaks and joined names, drop debris.

Beside the debris, a span is no actor when it is a sector descriptor ('la Martech lyonnaise', trimmed
off the name after it), a role word opening a span ('Président de X' -> X), a government portfolio
('secrétaire d'État au Numérique'), an ordinal ('XIIIe'), a photo credit or an image bank, a name
alone on a header line, or a word cut off where an excerpt stops (all lexicons in rules/).

Every function takes spaCy spans and returns cleaned spans; anything dropped is recorded in
`doc.user_data["dropped"]` with the reason, so that a missing entity can be explained.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from spacy.tokens import Doc, Span

from pipeline.nlp.doctext import doc_text, token_texts
from pipeline.nlp.lexicons import Lexicons, fold
from pipeline.records import Dropped

# Lowercase function words that may open a NER span but are never part of a name.
_LEADING_FUNCTION = {"l'", "d'", "l’", "d’", "le", "la", "les", "du", "de", "des", "un", "une", "au", "aux", "à", "en", "et", "par", "pour", "chez", "via", "avec"}
# Tokens that end a name when they sit inside a span (coordination, line breaks, list separators).
_SPLIT_WORDS = {"et", "ou", "&&", "|", "/", "•", "-", "–", "—", ":", ";", ",", "(", ")", "«", "»", '"', "“", "”"}
_LINE_START_PREPOSITIONS = {"a", "à", "en", "au", "aux", "chez", "pour", "selon", "avec", "dans", "par", "sur", "pour", "d'apres", "apres", "depuis", "entre", "et", "mais", "ou", "donc", "car", "ni", "si"}
_MARKDOWN = set("*#_[]|<>{}=~^\\")
_OPENERS = {'"', "«", "“", "(", "[", "-", "–", "—", "•", "*", ":", "'", "’", ">", "»"}


_GLUED_PREFIX = ("ex-", "l'", "d'", "l’", "d’")


def surface(span: Span) -> tuple[str, int, int]:
    """Text and char offsets of a mention without a prefix glued to its first token ('ex-Tesla', 'd’OpenAI')."""
    start = span.start_char
    text = doc_text(span.doc)[start : span.end_char]
    low = text.lower()
    for p in _GLUED_PREFIX:
        if low.startswith(p) and len(text) > len(p) and text[len(p)].isupper():
            return text[len(p) :], start + len(p), span.end_char
    return text, start, span.end_char


def drop(doc: Doc, text: str, reason: str) -> None:
    """Record a dropped entity and why."""
    doc.user_data.setdefault("dropped", []).append(Dropped("entities", text, reason))


def is_line_start(doc: Doc, i: int) -> bool:
    """True when token i opens a sentence or a line (where capitalisation says nothing)."""
    j = i - 1
    while j >= 0 and (doc[j].text in _OPENERS or doc[j].is_quote):
        j -= 1
    if j < 0:
        return True
    prev = doc[j]
    return prev.is_space and "\n" in prev.text or prev.text in {".", "!", "?", "…", ":"} or "\n" in prev.whitespace_


def _line_of(doc: Doc, span: Span) -> str:
    text = doc_text(doc)
    start = text.rfind("\n", 0, span.start_char) + 1
    end = text.find("\n", span.end_char)
    return text[start : end if end >= 0 else len(text)]


def _given_names() -> dict[str, str]:
    from pipeline.nlp.lexicons import given_names

    return given_names()


def _folded_words(doc: Doc, line: str) -> list[str]:
    """The line's words, folded and stripped of punctuation (cached per doc: a paragraph holds many names)."""
    cache = doc.user_data.setdefault("_folded_lines", {})
    words = cache.get(line)
    if words is None:
        words = cache[line] = [fold(w.strip(".,:;|")) for w in line.split()]
    return words


def is_chrome_line(doc: Doc, span: Span) -> str | None:
    """Why the span's line is page chrome (share buttons, byline, photo credit), or None."""
    line = _line_of(doc, span)
    words = _folded_words(doc, line)
    lex = _lexicons()
    share = lex.word_set(lex.other["share_line_words"])
    if len(words) <= 10 and sum(w in share for w in words) >= 2:
        return "share/navigation line"
    if in_credit(doc, span, lex) or _credit_in_parentheses(doc, span, lex):  # both False without a marker on the line
        return "photo credit"
    if _wire_dateline(doc, span):
        return "news-agency dateline"
    if _agency_credit(span, lex):
        return "photo credit (press agency)"
    if _byline_after_teaser(doc, span):
        return "byline glued after a teaser"
    if _regex_of(lex.other["source_date_after"]["pattern"]).match(doc_text(doc)[span.end_char : span.end_char + 20]):
        return "byline (source and date)"
    if _job_ad(line, span, lex):
        return "job-board advert (page chrome)"
    if _reader_service_line(line, words, lex):
        return "newsletter, privacy or offer line for the reader (page chrome)"
    if _wire_credit(doc, span, lex):
        return "wire credit ('(Avec AFP)')"
    if _rubric_line(doc, line, lex):
        return "rubric tags line"
    if len(words) <= 15 and _imperative_opening(doc, span, lex):
        return "line addressed to the reader (page chrome)"
    if _stock_agency(span, lex) and (len(words) <= 6 or _in_parentheses(doc, span)):
        return "image bank credited, not an actor"
    if _header_only(doc, span):
        return "site header line (the name appears nowhere else)"
    if words and words[0] == "logo" and len(words) <= 4:
        return "site logo (page chrome: 'Logo Site.tv')"
    if words and words[0] in {"par", "by", "auteur", "auteur :", "redaction"} and len(words) <= 8:
        return "byline"
    if len(words) <= 12 and _byline_after_marker(line, span, lex):
        return "byline"
    if _glued_byline(doc, span) or _byline_closing_paragraph(doc, span):
        return "byline"
    if len(words) <= lex.person["publication_line"]["max_words"] and _publication_line(words, lex):
        return "publication line (date, author, rubric)"
    if line.strip() == span.text and 2 <= len(span) <= 3 and fold(span[0].text) in _given_names() and span[0].is_title:
        return "byline (a person's name alone on a line)"
    return None


def _reader_service_line(line: str, words: list[str], lex: Lexicons) -> bool:
    """'… utilise votre adresse e-mail afin de vous envoyer la newsletter', 'Google : -50% les 6 premiers mois'."""
    rule = lex.other["reader_service_lines"]
    if len(words) <= rule["promo_max_words"] and _regex_of(rule["promo_pattern"]).search(line):
        return True
    folded = " ".join(words)
    return any(w in words for w in rule["reader_words"]) and any(fold(k) in folded for k in rule["words"])


def _wire_credit(doc: Doc, span: Span, lex: Lexicons) -> bool:
    """'(Avec AFP)', '(source : Reuters)': a press agency credited in parentheses after a credit word."""
    inner = _parenthesised(doc, span)
    if inner is None or span.text not in lex.other["press_agencies"]:
        return False
    return _regex_of(lex.other["wire_credit"]["pattern"]).match(fold(inner)) is not None


def _rubric_line(doc: Doc, line: str, lex: Lexicons) -> bool:
    """'- Agglomération, Economie, Jeunesse, Numérique': comma-separated capitalised ordinary words, nothing else."""
    rule = lex.other["rubric_line"]
    items = [i.strip(" -–—•|") for i in line.split(",")]
    if len(items) < rule["min_items"] or not all(items):
        return False
    for item in items:
        ws = item.split()
        if len(ws) > rule["max_item_words"] or not ws[0][:1].isupper() or not all(doc.vocab[w.lower()].has_vector for w in ws):
            return False
    return True


def _regex_of(pattern: str) -> re.Pattern[str]:
    return _ordinal_re(pattern)


def _parenthesised(doc: Doc, span: Span) -> str | None:
    """The text of the parentheses around the span on its line, or None."""
    text = doc_text(doc)
    open_at, close_at = text.rfind("(", 0, span.start_char), text.find(")", span.end_char)
    if open_at < 0 or close_at < 0 or text.rfind(")", 0, span.start_char) > open_at or "\n" in text[open_at:close_at]:
        return None
    return text[open_at + 1 : close_at]


def _credit_in_parentheses(doc: Doc, span: Span, lex: Lexicons) -> bool:
    """'(Rama X; version française Camille Y)': a credit marker anywhere in the parentheses around the name."""
    text = doc_text(doc)
    if not _line_has_credit_marker(doc, text.rfind("\n", 0, span.start_char) + 1, lex):
        return False  # the parentheses sit on the span's line: no marker there, none inside them
    inner = _parenthesised(doc, span)
    return inner is not None and any(m in fold(inner) for m in lex.other["credit_markers"])


def _wire_dateline(doc: Doc, span: Span) -> bool:
    """'20 septembre (Reuters) - L'Union…': an agency in parentheses opening a dispatch, before a dash."""
    text = doc_text(doc)
    line_start = text.rfind("\n", 0, span.start_char) + 1
    before, after = text[line_start : span.start_char], text[span.end_char : span.end_char + 4]
    return before.endswith("(") and len(before) <= 40 and re.match(r"\) ?[-–—]", after) is not None


def _agency_credit(span: Span, lex: Lexicons) -> bool:
    """'Georges Gobet-AFP', 'Jean X/REA': a name glued to a press agency is a photo credit (the agency too)."""
    agencies = lex.other["press_agencies"]
    doc = span.doc
    span_text = doc_text(doc)[span.start_char : span.end_char]
    if span_text.endswith(_glued_agency_endings(tuple(agencies))):
        return True
    glued = span.start > 1 and doc[span.start - 1].text in {"-", "/"} and not doc[span.start - 1].whitespace_ and not doc[span.start - 2].whitespace_
    if span_text in agencies and glued and doc[span.start - 2].text[:1].isupper():
        return True
    # '… à Saint-Etienne. - Philippe Desmazes - AFP': a caption's credit, dashes spaced, ending its line
    text = doc_text(doc)
    end = text.find("\n", span.end_char)
    rest = text[span.end_char : end if end >= 0 else len(text)].strip()
    if re.fullmatch(r"[-–—/|] ?(\S+)", rest) and re.fullmatch(r"[-–—/|] ?(\S+)", rest).group(1) in agencies:  # type: ignore[union-attr]
        return True
    before = text[text.rfind("\n", 0, span.start_char) + 1 : span.start_char]
    return span_text in agencies and not rest and re.search(r"[A-ZÀ-Ý][\w'’.-]+ [-–—/|] $", before) is not None


@lru_cache(maxsize=4)
def _glued_agency_endings(agencies: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(end for a in agencies for end in (f"-{a}", f"/{a}", f" / {a}"))


def _byline_after_teaser(doc: Doc, span: Span) -> bool:
    """'… une bonne nouvelle...Philippe Berry': a name glued after a teaser's ellipsis, ending the line."""
    text = doc_text(doc)
    end = text.find("\n", span.end_char)
    rest = text[span.end_char : end if end >= 0 else len(text)]
    return text[: span.start_char].endswith(("...", "…")) and not rest.strip() and len(span) >= 2


def _job_ad(line: str, span: Span, lex: Lexicons) -> bool:
    """'- CLAROTY — Sales Development Representative': a list line naming a firm and a job title."""
    m = re.match(r"^\s*[-•·*]\s*(.+?)\s+[-–—]\s+(.+)$", line)
    if m is None:
        return False
    title = {fold(w) for w in m.group(2).split()} | {fold(w) for w in re.findall(r"\([^)]*\)", m.group(2))}
    return bool(title & lex.word_set({"words": lex.other["job_ad"]["words"]}))


def _imperative_opening(doc: Doc, span: Span, lex: Lexicons) -> bool:
    """'Retrouvez toutes nos offres sur le Jobboard X', 'GOOD MORNING X, abonnez vous': a line with a
    reader-addressed imperative of a subscription / navigation verb."""
    text = doc_text(doc)
    start, end = text.rfind("\n", 0, span.start_char) + 1, text.find("\n", span.end_char)
    line = doc.char_span(start, end if end >= 0 else len(text), alignment_mode="expand")
    lemmas = lex.other["chrome_imperatives"]["lemmas"]
    return line is not None and any(t.lower_.endswith("ez") and t.lemma_ in lemmas for t in line if t.is_alpha)


def _byline_after_marker(line: str, span: Span, lex: Lexicons) -> bool:
    """'De notre correspondante, Anne X', 'Le Journal – Par Paul Y': the name follows a byline marker on its line."""
    low = fold(line)
    name = fold(span.text)
    at = low.find(name)
    head = low[:at] if at >= 0 else ""
    tail = low[at + len(name) :] if at >= 0 else ""
    if re.match(r"(?: \S+){0,3} ?[–—|] ?par ", tail):
        return True  # the title or rubric before the author on that line
    return any(m in head for m in lex.person["byline_markers"]) or bool(re.search(r"(?:^|[–—|•·\-:,] ?)par $", head))


def _glued_byline(doc: Doc, span: Span) -> bool:
    """'Rédigé parNicolas X': 'par' glued to the author's name by a lost space (page chrome)."""
    return re.match(r"par[A-ZÀ-Ý][a-zà-ÿ]", span.text) is not None and len(span) >= 2


def _byline_closing_paragraph(doc: Doc, span: Span) -> bool:
    """'… adaptée aux besoins. Par Anne X': 'Par' opening a sentence, then the name ending the line."""
    if span.start == 0 or doc[span.start - 1].text != "Par" or not is_line_start(doc, span.start - 1) or not 2 <= len(span) <= 3:
        return False
    text = doc_text(doc)
    end = text.find("\n", span.end_char)
    return not text[span.end_char : end if end >= 0 else len(text)].strip()


def _publication_line(words: list[str], lex: Lexicons) -> bool:
    """'Publié le 23/08/2022 • Par Anne X • dans : Régions': a short line opening with a publication
    marker holds the date, the author and the rubric, never an actor."""
    folded = " ".join(words)
    return any(folded.startswith(m) for m in lex.person["publication_line"]["markers"])


def _lexicons() -> Lexicons:
    from pipeline.nlp.lexicons import lexicons

    return lexicons()


def in_credit(doc: Doc, span: Span, lex: Lexicons) -> bool:
    """True when the span sits in a photo credit on its line ('© A / B', '(Crédit : X)', 'Photo : X')."""
    text = doc_text(doc)
    line_start = text.rfind("\n", 0, span.start_char) + 1
    if not _line_has_credit_marker(doc, line_start, lex):
        return False
    seg = text[line_start : span.start_char]
    seg = fold(seg[seg.rfind(")") + 1 :])  # a credit closed before the span does not cover it
    ends = [seg.rfind(m) + len(m) for m in lex.other["credit_markers"] if m in seg]
    if not ends:
        return False
    rest = seg[max(ends) :]
    return len(rest) <= 60 and not any(p in rest for p in (". ", "! ", "? ", "; "))


def _line_has_credit_marker(doc: Doc, line_start: int, lex: Lexicons) -> bool:
    """Whether the folded line holds a credit marker: folding works character by character, so a
    marker found in the folded text before a name is found in the folded line (cached per line)."""
    cache = doc.user_data.setdefault("_credit_lines", {})
    found = cache.get(line_start)
    if found is None:
        text = doc_text(doc)
        end = text.find("\n", line_start)
        line = fold(text[line_start : end if end >= 0 else len(text)])
        found = cache[line_start] = any(m in line for m in lex.other["credit_markers"])
    return found


def _stock_agency(span: Span, lex: Lexicons) -> bool:
    from pipeline.nlp.entities import normalize_name

    return normalize_name(surface(span)[0]) in _normalised(tuple(lex.other["stock_image_agencies"]))


@lru_cache(maxsize=4)
def _normalised(names: tuple[str, ...]) -> frozenset[str]:
    from pipeline.nlp.entities import normalize_name

    return frozenset(normalize_name(n) for n in names)


def _in_parentheses(doc: Doc, span: Span) -> bool:
    text = doc_text(doc)
    return text.rfind("(", 0, span.start_char) > text.rfind(")", 0, span.start_char)


def _header_only(doc: Doc, span: Span) -> bool:
    """A name alone on one of the first two lines (site or rubric header) and nowhere else in the text."""
    text = doc_text(doc)
    lines = [ln for ln in text[: span.start_char].split("\n") if ln.strip()]
    line = _line_of(doc, span).strip(" |-–—:·•\t")
    if len(lines) > 2 or fold(line) != fold(span.text):
        return False
    low, name = text.lower(), span.text.lower()
    return low.count(name) == 1


def _trim(doc: Doc, span: Span, lex: Lexicons) -> Span | None:
    """Strip leading function words, titles and elisions, and trailing punctuation/spaces."""
    titles = lex.folded(lex.person["titles"])
    heads = lex.folded(lex.org["institution_heads"])
    start, end = span.start, span.end
    while start < end:
        tok = doc[start]
        low = fold(tok.text)
        if tok.is_space or tok.is_punct or low in _LEADING_FUNCTION and tok.text[:1].islower() or low in titles:
            start += 1
        elif low.endswith(("l'", "d'")) and len(low) == 2:
            start += 1
        elif low in _LINE_START_PREPOSITIONS and start + 1 < end and is_line_start(doc, start) and doc[start + 1].text[:1].isupper():
            start += 1  # 'A Euratechnologies, ...': a capitalised preposition opening the sentence
        elif low in {"ex", "ex-"} and start + 1 < end:
            start += 1
        elif low in {"le", "la", "les"} and start + 1 < end and is_line_start(doc, start) and _ACRONYM.fullmatch(doc[start + 1].text):
            start += 1  # 'La CSDEM et …' opening a sentence: the article of an acronym is no part of it
        elif start + 1 < end and _opening_participle(doc, tok) and doc[start + 1].text[:1].isupper():
            start += 1  # 'Baptisée Juwels, la machine…': the participle opening the sentence is not the name
        elif low in _descriptors(lex) and (k := _after_adjectives(doc, start + 1, end)) < end and doc[k].text[:1].isupper():
            start = k  # 'Martech lyonnaise Vorantis', 'Fintech Plumeo': a sector descriptor, not the name
        elif tok.is_lower and tok.is_alpha and start + 1 < end and low not in heads and doc[start + 1].text[:1].isupper():
            start += 1  # 'cloud Scaleway': a common word glued before the name
        elif tok.is_lower and tok.is_alpha and low not in heads and (k := _after_lowercase(doc, start, end)) < end and k - start <= 2 and doc[k].text[:1].isupper():
            start = k  # 'think tank Horizons': a lowercase kind noun of two words glued before the name
        else:
            break
    while end > start and (doc[end - 1].is_space or doc[end - 1].is_punct and doc[end - 1].text not in {".", "!", "+"}):
        end -= 1
    while end > start and doc[end - 1].text in {".", "!"} and len(doc[end - 1 : end].text) == 1 and end - start > 1 and not doc[end - 2].text[-1:].isupper():
        end -= 1
    if end <= start:
        return None
    return Span(doc, start, end, label=span.label)


def _after_lowercase(doc: Doc, k: int, end: int) -> int:
    """First token at or after k (before end) that is not a lowercase word."""
    while k < end and doc[k].is_lower and doc[k].is_alpha:
        k += 1
    return k


def _descriptors(lex: Lexicons) -> frozenset[str]:
    return lex.word_set({"words": lex.org["descriptors"]})


def _after_adjectives(doc: Doc, k: int, end: int) -> int:
    """First token at or after k that is not a lowercase word (the adjectives after a descriptor)."""
    while k < end and doc[k].is_lower and doc[k].is_alpha:
        k += 1
    return k


def strip_role(doc: Doc, span: Span, lex: Lexicons) -> Span:
    """A capitalised role word opening a span is not part of the name.

    'Président de France Fintech' -> the organisation after 'de' (taking in the capitalised words that
    follow on the line, which NER cut off); 'Directrice Jeanne Morel' -> the person.
    """
    roles = lex.word_set({"words": lex.person["role_words"]})
    start = span.start
    if len(span) < 2:
        return span
    if not doc[start].text[:1].isupper():
        # 'président de l'Aspaj' taken whole by NER: the capitalised name after 'de' is the organisation
        lowercase_role = fold(doc[start].text) in roles and start + 2 < span.end and doc[start + 1].lower_ in {"de", "du", "des", "d'", "d’"}
        k = start + 2
        while k < span.end and doc[k].lower_ in {"la", "l'", "l’", "le", "les"}:
            k += 1
        return _after_role(doc, span, start + 1) if lowercase_role and k < span.end and doc[k].text[:1].isupper() else span
    # 'Directeur Général de Scalair': NER took the title's adjective, not the role word before it
    after_role = start > 0 and fold(doc[start - 1].text) in roles and "\n" not in doc[start - 1].whitespace_
    if fold(doc[start].text) not in roles and not (after_role and fold(doc[start].text) in lex.word_set({"words": lex.person["role_adjectives"]})):
        return span
    k = start + 1 if fold(doc[start].text) in roles else start
    adjectives = lex.word_set({"words": lex.person["role_adjectives"]})
    while k + 1 < span.end and (doc[k].is_lower and (doc[k].pos_ == "ADJ" or _is_participle_form(doc[k].text)) or fold(doc[k].text) in adjectives):
        k += 1  # 'Secrétaire générale de …', 'Directeur adjoint de …', 'Directeur Général délégué de …'
    return _after_role(doc, span, k)


def _after_role(doc: Doc, span: Span, k: int) -> Span:
    """The name after a role word ending at token k: an organisation after 'de', else a person."""
    if doc[k].lower_ in {"de", "du", "des", "d'", "d’"}:
        k += 1
        while k < span.end and doc[k].lower_ in {"la", "l'", "l’", "le", "les"}:
            k += 1
        end = max(span.end, k)
        while end < len(doc) and doc[end].text[:1].isupper() and doc[end].is_alpha and "\n" not in doc[end - 1].whitespace_:
            end += 1
        return Span(doc, k, end, label="ORG") if k < end else span
    return Span(doc, k, span.end, label="PER") if doc[k].text[:1].isupper() else span


def _extend(doc: Doc, span: Span, lex: Lexicons) -> Span:
    """Extend a span over a hyphen-joined name part ('CM' -> 'CM-CIC') and a trailing organisation suffix."""
    suffixes = lex.folded(lex.org["name_suffixes"]["words"]) | lex.folded(lex.org["legal_forms"]["words"])
    end = span.end
    if (
        len(span) == 1
        and end + 1 < len(doc)
        and len(span.text) > 2
        and fold(span.text) in lex.given_names
        and doc[end].is_title
        and doc[end].is_alpha
        and not span[0].whitespace_.count("\n")
        and fold(doc[end].text) not in lex.given_names
        and fold(doc[end].text) not in lex.places
    ):
        end += 1
    while end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ and not doc[end].whitespace_:
        if doc[end + 1].text[:1].isupper():
            end += 2
        elif _hyphenated_particle(doc, end + 1):
            end += 4  # 'BFM Paris-Île' + '-de-France', 'Saint-Martin' + '-en-Haut'
        elif end + 2 < len(doc) and doc[end + 1].lower_ in _ELIDED_PARTICLES and not doc[end + 1].whitespace_ and doc[end + 2].text[:1].isupper():
            end += 3  # 'Jeanne' + '-d'Arc', 'Villeneuve' + '-d'Ascq'
        else:
            break
    while end < len(doc) and doc[end].text[:1].isupper() and fold(doc[end].text) in suffixes and "\n" not in doc[end - 1].whitespace_:
        end += 1
    if (
        end + 1 < len(doc)
        and doc[end].is_title
        and doc[end].is_alpha
        and doc[end + 1].text[:1].isupper()
        and fold(doc[end + 1].text) in suffixes
        and "\n" not in doc[end - 1].whitespace_ + doc[end].whitespace_
    ):
        end += 2  # 'Société Générale' + 'Asset Management': a capitalised word and a suffix finish the name
    start = _institution_head(doc, span.start, lex)
    from pipeline.nlp.entities import normalize_name

    keep = span.label_ == "LOC" or fold(span.text) in lex.places or normalize_name(span.text) in lex.gazetteer
    while not keep and end > start + 2 and doc[end - 1].is_lower and (doc[end - 1].pos_ == "ADJ" or "Part" in doc[end - 1].morph.get("VerbForm", [])):
        end -= 1  # 'AI Alliance ouverte': a trailing lowercase adjective is not part of the name
    if (start, end) == (span.start, span.end):
        return span
    return Span(doc, start, end, label="ORG" if start != span.start else span.label)


_ELIDED_PARTICLES = {"d'", "d’", "l'", "l’"}
_TOPONYM_PARTICLES = {"de", "du", "des", "la", "le", "les", "lès", "sur", "sous", "en", "aux", "d'"}


def _hyphenated_particle(doc: Doc, k: int) -> bool:
    """True for '-de-France' at token k: a lowercase toponym particle, a hyphen, a capitalised word, all glued."""
    return (
        k + 2 < len(doc)
        and doc[k].lower_ in _TOPONYM_PARTICLES
        and doc[k].text.islower()
        and doc[k + 1].text == "-"
        and doc[k + 2].text[:1].isupper()
        and not doc[k].whitespace_
        and not doc[k + 1].whitespace_
    )


def _institution_head(doc: Doc, start: int, lex: Lexicons) -> int:
    """Start of 'Institut Max Planck', 'fondation Linux', 'université de Tokyo' (head noun taken into the name)."""
    heads = lex.folded(lex.org["institution_heads"])
    i = start
    if i > 0 and fold(doc[i - 1].text) in heads and "\n" not in doc[i - 1].whitespace_:
        return i - 1
    if i > 1 and doc[i - 1].lower_ in {"de", "d'", "d’"} and fold(doc[i - 2].text) in heads and fold(doc[start].text) in lex.places:
        return i - 2
    return start


def _coordinated_complement(doc: Doc, span: Span, i: int, lex: Lexicons | None) -> bool:
    """'ministère de l'Économie et des Finances', 'Chambre de métiers et de l'artisanat': an 'et'
    joining two complements of an institution's head noun is inside the name."""
    if lex is None or doc[i].lower_ != "et" or i + 1 >= span.end or doc[i + 1].lower_ not in {"de", "des", "du", "d'", "d’"}:
        return False
    heads = lex.folded(lex.org["institution_heads"]) | lex.folded(lex.org["name_prefixes"]["words"])
    k = i + 1
    while k < span.end and doc[k].lower_ in {"de", "des", "du", "d'", "d’", "la", "l'", "l’", "le", "les"}:
        k += 1
    second_head = k < span.end and fold(doc[k].text) in heads  # 'l'Autorité de la concurrence et du ministère de …': two names
    return fold(doc[span.start].text) in heads and not second_head and any(t.lower_ in {"de", "des", "du", "d'", "d’"} for t in doc[span.start + 1 : i])


def _pieces(doc: Doc, span: Span, lex: Lexicons | None = None) -> list[Span]:
    """Split a span at line breaks and at coordinating / separating tokens inside it."""
    pieces, start = [], span.start
    if lex is not None and "\n" not in span.text and _gazetteer_name(span.text, lex):
        return [span]  # 'Caisse des Dépôts et Consignations': a known name with 'et' inside is one name
    for i in range(span.start, span.end):
        tok = doc[i]
        glued = not tok.whitespace_ and i > span.start and not doc[i - 1].whitespace_  # 'Jean-Paul', 'A/O Proptech'
        cut = tok.is_space or "\n" in tok.text or tok.text in _SPLIT_WORDS and not (tok.text in {"-", "/"} and glued)
        cut = cut and not _coordinated_complement(doc, span, i, lex)
        if cut or "\n" in tok.whitespace_:
            end = i if cut else i + 1
            if end > start:
                pieces.append(Span(doc, start, end, label=span.label))
            start = i + 1
    if span.end > start:
        pieces.append(Span(doc, start, span.end, label=span.label))
    return pieces


def _gazetteer_name(text: str, lex: Lexicons) -> bool:
    from pipeline.nlp.entities import normalize_name

    return normalize_name(text) in lex.gazetteer


def _split_names(doc: Doc, span: Span, lex: Lexicons) -> list[Span]:
    """Split two names NER joined: 'Tribune Sandrine Dupont' (given name after a non-given name), 'X de Y' after a person."""
    toks = list(span)
    heads = lex.folded(lex.org["institution_heads"]) | lex.folded(lex.org["name_prefixes"]["words"])
    org_end = fold(toks[-1].text) in lex.word_set(lex.org["name_suffixes"]) | lex.word_set(lex.org["legal_forms"])
    for k in range(1, len(toks) - 1):
        if org_end:
            break  # 'Société Générale Asset Management': a name ending with an organisation suffix is one name
        cur, prev = fold(toks[k].text), fold(toks[k - 1].text)
        if k == 1 and prev in heads:
            continue  # 'Institut Max Planck', 'Fondation Jean Dupont': one name
        if (
            cur in lex.given_names
            and cur not in _SURNAME_PARTICLES  # 'Jean-Guy Le Floch': 'Le' opens the surname
            and toks[k].is_title
            and not _is_given_name(prev, lex)
            and toks[k - 1].text[:1].isupper()
            and toks[k + 1].text[:1].isupper()
            and fold(toks[k + 1].text) not in lex.given_names
        ):
            return [Span(doc, span.start, span.start + k, label=span.label), *_split_names(doc, Span(doc, span.start + k, span.end, label="PER"), lex)]
    first = fold(toks[0].text)
    for k in range(2, len(toks) - 1):
        if toks[k].lower_ in {"de", "d'", "d’", "du", "chez"} and toks[k - 1].text != "-" and first in lex.given_names and toks[k + 1].text[:1].isupper():
            return [Span(doc, span.start, span.start + k, label="PER"), Span(doc, span.start + k + 1, span.end, label="ORG")]
    # 'Fonds Patient Autonome de Bpifrance': a well-known organisation after 'de' is its own entity.
    from pipeline.nlp.entities import normalize_name

    if normalize_name(span.text) not in lex.gazetteer:
        for k in range(1, len(toks) - 1):
            tail = Span(doc, span.start + k + 1, span.end, label="ORG")
            entry = lex.gazetteer.get(normalize_name(tail.text))
            if toks[k].lower_ in {"de", "d'", "d’", "du", "chez"} and entry is not None and entry.label == "ORG":
                return [Span(doc, span.start, span.start + k, label=span.label), tail]
    return [span]


_SURNAME_PARTICLES = {"le", "la", "de", "du", "des", "van", "von", "da", "di", "del", "della", "ben", "el", "al", "ter", "ten"}


def _is_given_name(word: str, lex: Lexicons) -> bool:
    """A folded word that is a given name, also a compound one ('jean-guy')."""
    return word in lex.given_names or "-" in word and all(p in lex.given_names for p in word.split("-") if p)


def _past_portfolio(doc: Doc, span: Span, lex: Lexicons) -> Span | None:
    """'ministre des Finances Jeanne Morel': the portfolio words go, the person after them stays."""
    if not after_portfolio(doc, span.start, lex):
        return span
    for k in range(span.start, span.end):  # 'la ministre d'Emmanuel Dupont' names the person only
        person_start = fold(doc[k].text) in lex.given_names or k > span.start and not is_known_word(doc, doc[k])  # 'Commerce Jamieson Greer'
        if person_start and doc[k].is_title and k + 1 < span.end and doc[k + 1].text[:1].isupper():
            return Span(doc, k, span.end, label="PER") if k > span.start else span
    drop(doc, span.text, "government portfolio ('secrétaire d'État au Numérique')")
    return None


def _reject(doc: Doc, span: Span, lex: Lexicons) -> str | None:
    """Why a trimmed span is not a name, or None to keep it."""
    from pipeline.nlp.entities import normalize_name

    text = surface(span)[0]
    key = normalize_name(text)
    if not key or not any(c.isalpha() for c in text):
        return "no letters"
    if any(c in _MARKDOWN for c in text):
        return "markdown debris"
    if key in lex.gazetteer or fold(text) in lex.places:
        return None
    if key in lex.stoplist or fold(text) in lex.stoplist:
        return "stoplist"
    first_f = fold(span[0].text)
    if (first_f in _descriptors(lex) or first_f in lex.word_set({"words": lex.org["generic_sector_nouns"]})) and all(
        t.is_lower or not t.is_alpha for t in span[1:]
    ):
        return "sector descriptor, not a name"
    if _cut_off(doc, span):
        return "word cut off at the end of an excerpt"
    if _ordinal(lex).match(text):
        return "ordinal number (arrondissement, century)"
    if _demonym_before_person(doc, span, lex):
        return "nationality or demonym before a person's name"
    if after_portfolio(doc, span.start, lex) and not (first_f in lex.given_names and len(span) > 1):
        return "government portfolio ('secrétaire d'État au Numérique')"
    if any(key.startswith(w) and key != w for w in lex.stoplist if " " in w):
        return "page chrome glued to a name"
    first = span[0]
    heads = lex.folded(lex.org["institution_heads"])
    if first.text[:1].islower() and not any(c.isupper() for c in first.text[1:]) and fold(first.text) not in heads and not _place_institution(text, lex) and not _lowercase_brand(doc, span, lex) and not _DIGIT_BRAND.fullmatch(text):
        return "lowercase start (common words)"
    if len(text) > 60 or sum(t.text != "-" for t in span) > 7:  # 'Paris-Île-de-France' is one word
        return "too long for a name"
    if reason := _chrome_in_name(span, text, lex):
        return reason
    if _in_brackets(doc, span):
        return "rubric tag in brackets"
    if reason := _not_a_name_in_context(doc, span, lex):
        return reason
    has_propn = any(t.pos_ in {"PROPN", "X"} for t in span)  # X: foreign word, often a name
    line_start = is_line_start(doc, span.start)
    if not is_known_word(doc, first):
        return None  # an unknown word is a name whatever its tag ('Zenthys' tagged AUX)
    if not has_propn and first.pos_ in {"VERB", "AUX", "ADV", "ADJ", "PRON", "DET", "SCONJ", "CCONJ", "ADP", "NUM"} and line_start:
        return f"sentence-initial {first.pos_.lower()}"
    if not has_propn and line_start and all(t.is_title or not t.is_alpha or t.is_lower for t in span):
        return "capitalised common words at sentence start"
    prefixes = lex.folded(lex.org["name_prefixes"]["words"])
    if not has_propn and len(span) >= 2 and all(t.is_lower or not t.is_alpha for t in span[1:]) and fold(first.text) not in prefixes:
        return "capitalised common noun phrase"
    if len(span) == 1 and first.pos_ in {"NOUN", "VERB", "ADJ"} and first.text.istitle() and _seen_lowercase(doc, first.lower_):
        return "capitalised common word (also used in lowercase)"
    return None


def _in_brackets(doc: Doc, span: Span) -> bool:
    """'[INSIDERS] …', '[MàJ] …': a name filling a pair of square brackets is a rubric tag."""
    text = doc_text(doc)
    return text[: span.start_char].rstrip()[-1:] == "[" and text[span.end_char :].lstrip()[:1] == "]"


_DIGIT_BRAND = re.compile(r"[a-z]+[0-9]+[a-z]+")
_ACRONYM = re.compile(r"[A-Z][A-Z0-9&]{1,9}")


def _chrome_in_name(span: Span, text: str, lex: Lexicons) -> str | None:
    """Why a candidate is page chrome from its own words: a credit symbol ('J'en profite ©') or a
    call to action addressed to the reader ('Connectez-vous', 'POUR LIRE LA SUITE Et accédez')."""
    if any(m in text for m in _credit_symbols(tuple(lex.other["credit_markers"]))):
        return "credit symbol inside the name (page chrome)"
    if _glued_rubric_label(span, lex):
        return "rubric label glued to the title (page chrome: 'DossierReprendre une entreprise')"
    if text[:1] == "@" or unicodedata.category(text[:1]) == "So":
        return "social-media handle or pictogram (page chrome: '@ClubRugby', '📃Communiqué')"
    for tok in span:
        second_person = "2" in tok.morph.get("Person", []) and tok.pos_ in {"VERB", "AUX", "PRON"}
        if second_person or fold(tok.text).lstrip("-") == "vous" or tok.is_lower and tok.pos_ == "VERB" and tok.lower_.endswith("ez"):
            return "call to action addressed to the reader (page chrome)"
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    if nxt is not None and span[-1].lower_.endswith("ez") and nxt.lower_ in {"-vous", "-nous"} and not span[-1].whitespace_:
        return "call to action addressed to the reader (page chrome)"  # 'Abonnez-vous à …' cut before '-vous'
    return None


def _glued_rubric_label(span: Span, lex: Lexicons) -> bool:
    """'DossierReprendre une entreprise…' opening a line: a rubric label glued to the title's first word
    (an ordinary word of 5+ letters; 'FocusLab' in running text stays a name)."""
    glued = re.fullmatch(r"([A-Za-zÀ-ÿ]+?)([A-ZÀ-Ý][a-zà-ÿ]{4,})", span[0].text)
    if glued is None or len(span) != 1 or not _opens_line(span.doc, span.start):
        return False
    second = glued.group(2).lower()
    return fold(glued.group(1)) in lex.word_set(lex.other["glued_rubric_labels"]) and bool(span.doc.vocab[second].has_vector)


@lru_cache(maxsize=4)
def _credit_symbols(markers: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(m for m in markers if not any(c.isalpha() for c in m))


_PLURAL_DETS = {"les", "des", "aux", "ces", "nos", "vos", "leurs"}


def _not_a_name_in_context(doc: Doc, span: Span, lex: Lexicons) -> str | None:
    """Why a one-word capitalised candidate is an ordinary word in its context, or None.

    A role word alone ('P-DG'), a unit after a number ('200 Mbits'), a rubric label opening a line
    before a colon ('Informatique : …'), a participle opening a sentence before a preposition
    ('Cité dans un communiqué'), a plural demonym after a plural determiner ('les Français').
    """
    roles = lex.word_set({"words": lex.person["role_words"]})
    if fold(span.text) in roles:
        return "role word alone, not a name"
    if span.start > 0 and fold(doc[span.start - 1].text) in roles and fold(span.text) in lex.word_set({"words": lex.person["role_adjectives"]}):
        return "adjective of a title, not a name ('Directrice Technique')"
    if _hyphenated_common_words(doc, span):
        return "common words joined by hyphens"
    if len(span) > 1 and doc_text(doc).count(span.text) == 1 and _capitals_line(doc, span):
        return "heading in capitals alone on its line"
    if _inside_capitals_headline(doc, span, lex):
        return "word of a long headline in capitals (NER cuts names there at random)"
    if len(span) != 1:
        return None
    if (why := _demonym_in_context(doc, span, lex)) is not None:
        return why
    tok = span[0]
    low = fold(tok.text)
    if span.start > 0 and doc[span.start - 1].text[:1].isdigit() and doc[span.start - 1].like_num:
        return "unit or counted noun after a number"
    once = doc_text(doc).lower().count(tok.lower_) == 1
    if once and (tok.text.isupper() and len(tok.text) > 5 or is_known_word(doc, tok) and low not in lex.given_names) and _alone_on_line(doc, span):
        return "heading word alone on its line"
    if low in lex.given_names or not is_known_word(doc, tok):
        return None
    nxt = doc[span.end] if span.end < len(doc) else None
    if nxt is not None and nxt.text == ":" and _opens_line(doc, span.start):
        return "rubric label before a colon"
    if nxt is not None and is_line_start(doc, span.start) and _is_participle_like(tok.text) and nxt.is_lower and nxt.pos_ == "ADP":
        return "sentence-initial participle"
    if nxt is not None and nxt.text == "," and is_line_start(doc, span.start) and low.endswith("ment") and len(low) > 6:
        return "sentence-initial adverb ('Normalement, …')"
    if _participle_series(doc, span):
        return "participles in a series opening a line ('Critiqué, sifflé, moqué…')"
    prev = doc[span.start - 1] if span.start > 0 else None
    if prev is not None and prev.lower_ in {"le", "la", "l'", "l’"} and nxt is not None and nxt.text[:1].isupper() and nxt.is_alpha and _regex_of(lex.other["demonym_before_name"]["pattern"]).search(low):
        return "nationality before a name ('l'Américain X')"
    if prev is not None and prev.lower_ in _PLURAL_DETS | {"le", "la", "un", "une"} and tok.text[-1:] in {"s", "x"} and _demonym_plural(lex).search(low):
        return "plural demonym (the people of a place)"
    return None


def _demonym_in_context(doc: Doc, span: Span, lex: Lexicons) -> str | None:
    """Why a one-word name is a demonym in its context ('des supporters Lensois', 'le jeune Rennais'), or None."""
    if len(span) != 1 or span.start == 0 or not span[0].is_title or fold(span.text) in lex.places or lex.gazetteer.get(fold(span.text)):
        return None
    tok, prev, low = span[0], doc[span.start - 1], fold(span.text)
    if prev.is_lower and prev.pos_ == "NOUN" and prev.text[-1:] in {"s", "x"} and prev.lower_ not in _descriptors(lex) | _kind_nouns(lex) and tok.text[-1:] in {"s", "x"} and _demonym_plural(lex).search(low):
        return "plural demonym after a plural noun ('des supporters Lensois')"
    if _adjective_and_demonym(doc, span, lex):
        return "demonym after an article and an adjective ('le jeune Rennais')"
    return None


def _kind_nouns(lex: Lexicons) -> frozenset[str]:
    """One-word organisation-kind nouns of org_cues 'before' ('fonds', 'société'): 'les fonds X' names funds."""
    return frozenset(p for g in lex.org["before"] for p in lex.word_set({"words": g["phrases"]}) if " " not in p)


def _adjective_and_demonym(doc: Doc, span: Span, lex: Lexicons) -> bool:
    """'le jeune Rennais', 'l'ancien Nantais': article, adjective, then a word with a demonym ending."""
    if span.start < 2:
        return False
    art, adj = doc[span.start - 2], doc[span.start - 1]
    return (
        art.lower_ in {"le", "la", "l'", "l’", "un", "une", "du", "au"}
        and adj.is_lower
        and adj.pos_ == "ADJ"
        and bool(_regex_of(lex.other["demonym_before_name"]["pattern"]).search(fold(span.text)))
    )


def _participle_series(doc: Doc, span: Span) -> bool:
    """A capitalised participle opening a line, then a comma and a lowercase participle."""
    e = span.end
    return (
        _opens_line(doc, span.start)
        and _is_participle_form(span.text)
        and e + 1 < len(doc)
        and doc[e].text == ","
        and doc[e + 1].is_lower
        and _is_participle_form(doc[e + 1].text)
    )


def _opening_participle(doc: Doc, tok) -> bool:
    """A capitalised past participle of a known verb opening a sentence ('Baptisée', 'Interrogé')."""
    return is_line_start(doc, tok.i) and _is_participle_form(tok.text) and tok.pos_ in {"VERB", "ADJ"} and is_known_word(doc, tok) and fold(tok.text) not in _given_names()


def _hyphenated_common_words(doc: Doc, span: Span) -> bool:
    """'Internet-téléphone-Télévision': words glued by hyphens, one of them a lowercase content word
    (in a name, a lowercase part between hyphens is a particle: 'Île-de-France', 'Boulogne-sur-Mer')."""
    if not any(t.text == "-" for t in span):
        return False
    words = [t for t in span if t.text != "-"]
    # only the words glued to a hyphen count: 'conseil régional de Nouvelle-Aquitaine' has lowercase words, none hyphenated
    hyphened = [t for t in words if t.i + 1 < len(doc) and doc[t.i + 1].text == "-" and not t.whitespace_ or t.i > 0 and doc[t.i - 1].text == "-" and not doc[t.i - 1].whitespace_]
    lower_content = any(t.is_lower and t.is_alpha and len(t.text) > 3 and t.lower_ not in _TOPONYM_PARTICLES for t in hyphened)
    return lower_content and all(is_known_word(doc, t) for t in words)


def _capitals_line(doc: Doc, span: Span) -> bool:
    """True when the span's line holds only words in capitals ('+ IN THE LOOP', 'BREAKING NEWS :')."""
    words = [w for w in re.findall(r"\w+", _line_of(doc, span)) if not w.isdigit()]
    return bool(words) and all(w.isupper() for w in words) and all(t.is_upper or not t.is_alpha for t in span)


def _inside_capitals_headline(doc: Doc, span: Span, lex: Lexicons) -> bool:
    """'DANS LA VIE DES ÉTABLISSEMENTS: HÔPITAL PRIVÉ DES …, CH DE …': a line of 6+ words all in capitals;
    a span there that is no short acronym and does not open with a given name is a piece of the headline."""
    if not span.text.isupper() or (len(span) == 1 and len(span.text) <= 5) or fold(span[0].text) in lex.given_names:
        return False
    line = _line_of(doc, span)
    words = [w for w in re.findall(r"\w+", line) if not w.isdigit()]
    return len(words) >= 6 and all(w.isupper() for w in words)


def _alone_on_line(doc: Doc, span: Span) -> bool:
    """True when the span fills its line, or one item of a line of rubric items ('Relocalisations / Made in France')."""
    items = re.split(r"\s[/|·•]\s", _line_of(doc, span))
    return any(re.sub(r"^[^\w(«“\"]+", "", item).strip(" \t-–—:") == span.text for item in items)  # '🚨 X', '• X'


def _is_participle_form(word: str) -> bool:
    """True for a word with a past-participle ending of the first conjugation ('Cité', 'Interrogées')."""
    return word.lower().endswith(("é", "ée", "és", "ées"))


def _is_participle_like(word: str) -> bool:
    """A past-participle ending of any conjugation ('Cité', 'Convaincus', 'Surprise', 'Conduits')."""
    return _is_participle_form(word) or word.lower().endswith(("is", "ise", "ises", "us", "ue", "ues", "its", "ite", "ites"))


def _opens_line(doc: Doc, i: int) -> bool:
    """True when token i is the first word of its line (not merely of a sentence)."""
    j = i - 1
    while j >= 0 and (doc[j].text in _OPENERS or doc[j].is_quote):
        j -= 1
    return j < 0 or doc[j].is_space and "\n" in doc[j].text or "\n" in doc[j].whitespace_


def _demonym_plural(lex: Lexicons) -> re.Pattern[str]:
    return _ordinal_re(lex.other["demonym_plural"]["pattern"])


def _lowercase_brand(doc: Doc, span: Span, lex: Lexicons) -> bool:
    """'cofondateur de mimbi': an unknown lowercase word right after an organisation role cue is a brand."""
    if len(span) != 1 or is_known_word(doc, span[0]) or not span[0].is_alpha:
        return False
    from pipeline.nlp import typing as ty

    role = next(g for g in lex.org["before"] if g["id"] == "org.before.role")
    phrases = lex.word_set({"words": role["phrases"]})
    return any(phrases & ty.suffixes(b) for b in ty.contexts_before(doc, span.start))


@lru_cache(maxsize=4)
def _ordinal_re(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _ordinal(lex: Lexicons) -> re.Pattern[str]:
    return _ordinal_re(lex.other["ordinal"]["pattern"])


def _place_institution(text: str, lex: Lexicons) -> bool:
    """True for 'communauté d'agglomération Cergy-Pontoise': a public body's head phrase, then a capitalised place."""
    low = fold(text)
    return any(low.startswith(fold(h) + " ") and any(c.isupper() for c in text[len(h) :]) for h in lex.org["place_institution_heads"])


def _demonym_before_person(doc: Doc, span: Span, lex: Lexicons) -> bool:
    """'le Sénégalais Ousmane Diagne': one ordinary word with a demonym ending, after an article and before a given name."""
    if len(span) != 1 or span.start == 0 or span.end + 1 >= len(doc) or not span[0].is_title:
        return False
    before, word, nxt = doc[span.start - 1], span[0], doc[span.end]
    if fold(before.text) not in {"le", "la", "les", "l'", "un", "une"} or not (before.text[:1].islower() or is_line_start(doc, before.i)):
        return False
    if fold(word.text) in lex.given_names or not is_known_word(doc, word) or not _ordinal_re(lex.other["demonym"]["pattern"]).search(fold(word.text)):
        return False
    ner_person = any(e.start == span.end and e.label_ == "PER" for e in doc.ents)  # NER's own spans, still in doc.ents here
    first_name = fold(nxt.text.split("-")[0]) in lex.given_names or not is_known_word(doc, nxt) or ner_person
    return nxt.is_title and first_name and doc[span.end + 1].is_title


def _cut_off(doc: Doc, span: Span) -> bool:
    """A name ending a text that stops mid-sentence (a long last line, no final punctuation): cut off."""
    full = doc_text(doc).rstrip()
    last_line = full[full.rfind("\n") + 1 :]
    # 'Morv', 'Ursula von de', 'Union Centr': the excerpt stops inside the name
    if not (span.end_char >= len(full) and full[-1:].isalnum()):
        return False
    # a short last line cut in prose after a comma ('Cette année, Emmanuel Mac'), not a signature
    # ('Paul Martin') or a heading ('Un partenariat avec X')
    before = full[full.rfind("\n") + 1 : span.start_char].rstrip()
    prose = len(last_line.split()) >= 3 and before.endswith(",")
    return len(last_line.split()) >= 12 or prose



def after_portfolio(doc: Doc, i: int, lex: Lexicons) -> bool:
    """True when token i follows a government post that takes a portfolio ('ministre de l'', 'secrétaire d'')."""
    if i == 0:
        return False
    start = max(0, doc[i].idx - 80)
    if not _post_heads(lex).search(doc_text(doc), start, doc[i].idx):
        return False  # every phrase and pattern below holds one of the post nouns
    raw = doc_text(doc)[start : doc[i].idx]
    before = fold(raw.replace("\n", " ")) + (" " if raw[-1:].isspace() else "")
    phrases = lex.word_set({"words": lex.person["portfolio_before"]["phrases"]})
    if any(before.endswith(p if p.endswith("'") else p + " ") for p in phrases):
        return True
    # 'ministre américain des Finances', 'commissaire européen au Commerce': one adjective after the post
    m = _POST_ADJECTIVE.search(before)
    if m is not None and any((m.group(1) + " " + m.group(3)).endswith(p if p.endswith("'") else p + " ") for p in phrases):
        return True
    # 'ministre de l'Économie et des Finances': the second complement of a portfolio is a portfolio too.
    m = _SECOND_COMPLEMENT.search(before)
    if m is None:
        return False
    words = before[: m.start()].split(" ")  # drop the first complement (one to three words) and look again
    return any(len(words) > n and (" ".join(words[:-n]) + " ").endswith(tuple(p + " " for p in phrases)) for n in (1, 2, 3))


def _post_heads(lex: Lexicons) -> re.Pattern[str]:
    """The first words of the `portfolio_before` phrases, matched in raw text in any case and with
    or without accents: a cheap test that spares folding the 80 characters before every name that
    follows none of them (each phrase of `after_portfolio`, and each head of `_POST_ADJECTIVE`, starts with one)."""
    return _heads_pattern(tuple(lex.person["portfolio_before"]["phrases"]))


@lru_cache(maxsize=4)
def _heads_pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    return _accent_insensitive(tuple(sorted({fold(p).split()[0] for p in phrases})))


@lru_cache(maxsize=8)
def _accent_insensitive(words: tuple[str, ...]) -> re.Pattern[str]:
    """A pattern finding any of the folded `words` in NFC text whatever its case and accents."""
    variants: dict[str, set[str]] = {}
    for code in range(0xC0, 0x250):  # Latin-1 Supplement and Latin Extended-A/B letters
        c = chr(code)
        base = fold(c)
        if len(base) == 1 and base.isascii() and base.isalpha() and len(c.lower()) == 1:
            variants.setdefault(base, set()).add(c.lower())
    def letter(c: str) -> str:
        return "[" + re.escape(c + "".join(sorted(variants[c]))) + "]" if c in variants else re.escape(c)
    return re.compile("|".join("".join(letter(c) for c in w) for w in words), re.IGNORECASE)


_POST_ADJECTIVE = re.compile(r"\b(ministre|secretaire|commissaire|representante?) ([a-z]+(?:-[a-z]+)?) ((?:de la |de l'|des |du |de |d'|a la |au |aux |a l'))$")
_SECOND_COMPLEMENT = re.compile(r"(?: et|,) (?:de la |de l'|des |du |de |d')$")


def is_known_word(doc: Doc, tok) -> bool:
    """True when the lowercase form is an ordinary word of the language (it has a word vector)."""
    return bool(doc.vocab[tok.lower_].has_vector)


def _seen_lowercase(doc: Doc, lower: str) -> bool:
    """The word occurs written in lowercase somewhere in the doc (token texts cached per doc)."""
    texts = doc.user_data.get("_token_text_set")
    if texts is None:
        texts = doc.user_data["_token_text_set"] = frozenset(token_texts(doc))
    return lower in texts


def clean_spans(doc: Doc, spans: list[Span], lex: Lexicons) -> list[Span]:
    """Cleaned, non-overlapping spans (first come first kept); every rejected span is recorded."""
    out: list[Span] = []
    taken: set[int] = set()
    heads = lex.folded(lex.org["institution_heads"])
    starts = {s.start for s in spans}
    # A lone head noun right before another name ('l’Institut' + 'Max Planck') is taken in by that name.
    spans = [s for s in spans if not (fold(s[-1].text) in heads and s.end in starts)]
    for span in spans:
        for raw_piece in _pieces(doc, strip_role(doc, span, lex), lex):
            piece = _past_portfolio(doc, raw_piece, lex)
            if piece is None:
                continue
            trimmed = _trim(doc, piece, lex)
            if trimmed is None:
                continue
            trimmed = _extend(doc, trimmed, lex)
            for raw_part in _split_names(doc, trimmed, lex):
                part = _trim(doc, raw_part, lex)
                if part is None:
                    continue
                reason = _reject(doc, part, lex) or is_chrome_line(doc, part)
                if reason:
                    drop(doc, part.text, reason)
                    continue
                if any(i in taken for i in range(part.start, part.end)):
                    continue
                taken.update(range(part.start, part.end))
                out.append(part)
    return sorted(out, key=lambda s: s.start)
