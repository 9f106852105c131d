"""Decoding, the language check and the per-format readers, on small hand-made files."""

from __future__ import annotations

import codecs
import datetime as dt
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.ingest import iter_corpus_files, read_corpus
from pipeline.ingest.decode import NotText, decode_bytes, sniff_binary
from pipeline.ingest.language import guess_language
from pipeline.ingest.readers import drop_long_lines, guess_title, truncate
from pipeline.records import IngestError, RawArticle
from pipeline.rules import load_wordlist

FR = (
    "La jeune pousse nantaise Brise a annoncé jeudi avoir bouclé un tour de table de quatre millions "
    "d’euros auprès de plusieurs fonds régionaux. Cette somme doit lui permettre d’accélérer son "
    "développement commercial en Europe et de doubler ses effectifs d’ici la fin de l’année prochaine, "
    "selon son président qui se dit très confiant pour la suite."
)
EN = (
    "The young company Brise announced on Thursday that it had closed a funding round of four million "
    "euros with several regional funds. The money will allow it to speed up its commercial growth in "
    "Europe and to double its staff by the end of next year, according to its chairman, who said he "
    "was very confident about what comes next."
)


# --- decoding ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data, encoding",
    [
        ("Élève à l’école".encode(), "utf-8"),
        (codecs.BOM_UTF8 + "Élève à l’école".encode(), "utf-8-sig"),
        ("Élève à l’école".encode("utf-16"), "utf-16"),
        ("Élève à l’école".encode("utf-16-le"), "utf-16-le"),
    ],
)
def test_decode_unicode_encodings(data, encoding):
    decoded = decode_bytes(data)
    assert decoded.text.lstrip("\ufeff") == "Élève à l’école" and decoded.encoding == encoding
    assert decoded.warning is None


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_decode_legacy_french(encoding):
    text = "Le fonds a investi 3 millions d'euros dans une société créée à Besançon, déjà très rentable."
    decoded = decode_bytes(text.encode(encoding))
    assert decoded.text == text and decoded.warning is None


def test_decode_cp1252_typographic_quotes():
    text = "« Nous allons recruter », a déclaré l’économiste – sans préciser où… Coût : 5 €."
    assert decode_bytes(text.encode("cp1252")).text == text


def test_decode_declared_charset_wins_over_guessing():
    assert decode_bytes("Société".encode("iso8859_15"), declared="ISO-8859-15").text == "Société"


def test_decode_mostly_utf8_with_bad_bytes_is_kept_with_a_warning():
    data = "Une société créée à Besançon.".encode() + b" \xff\xfe " + "Fin de l’été.".encode()
    decoded = decode_bytes(data)
    assert decoded.encoding == "utf-8" and "société" in decoded.text and "\ufffd" in decoded.text
    assert decoded.warning and "2 undecodable" in decoded.warning


@pytest.mark.parametrize(
    "data, what",
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG"),
        (b"GIF89a\x01\x00", "GIF"),
        (b"%PDF-1.7\n%\xe2\xe3", "PDF"),
        (b"PK\x03\x04\x14\x00", "ZIP"),
        (b"\x00\x01\x02\x03binary\x00\x00", "NUL"),
        (b"\x01\x02\x03\x04\x05\x06\x07\x08" * 10, "control"),
    ],
)
def test_binary_is_not_text(data, what):
    assert what in (sniff_binary(data) or "")
    with pytest.raises(NotText):
        decode_bytes(data)


def test_random_high_bytes_are_undecodable():
    data = bytes(range(0x80, 0x100)) * 4  # no NUL, not UTF-8, not text in any Western encoding
    with pytest.raises(NotText, match="undecodable"):
        decode_bytes(data)


@given(st.binary(max_size=400))
def test_decode_never_crashes(data):
    try:
        decoded = decode_bytes(data)
    except NotText:
        return
    assert isinstance(decoded.text, str)


@given(st.text(max_size=200))
def test_utf8_round_trip(text):
    if sniff_binary(text.encode()) is None:
        assert decode_bytes(text.encode()).text == text


# --- language ------------------------------------------------------------------------------


def test_french_is_french():
    guess = guess_language(FR)
    assert guess.is_french and guess.french_ratio > 0.3


def test_english_is_not_french():
    guess = guess_language(EN)
    assert not guess.is_french and guess.other == "en"


@pytest.mark.parametrize("text", [
    "Brise lève 4 millions",
    "Levée de fonds : Orvane boucle un tour de table de 12 M€ avec Kerlux Capital",
    "Qui sont les 20 start-up de la promotion Next 40 ?",
    "Orvane SAS, Kerlux Capital Partners, Datavia Labs Inc. et Numérix AI",
])
def test_short_french_or_undecidable_texts_are_kept(text):
    assert guess_language(text).is_french


@pytest.mark.parametrize("text", [
    "The company said it had raised five million dollars from investors led by a London fund.",
    "Die Firma hat mit ihren Investoren fünf Millionen Euro für das neue Werk gesammelt.",
])
def test_short_text_clearly_in_another_language_is_not_french(text):
    guess = guess_language(text)
    assert not guess.is_french and guess.other in {"en", "de"}


@pytest.mark.parametrize("name", ["fr", "en", "es", "de", "it"])
def test_stopword_lists_schema(name):
    """rules/stopwords/*.txt: enough entries, each one lower-case word."""
    words = load_wordlist(f"stopwords/{name}.txt")
    assert len(words) >= 20
    assert all(w == w.lower() and " " not in w for w in words)


# --- helpers -------------------------------------------------------------------------------


def test_drop_long_lines():
    text, msg = drop_long_lines("court\n" + "x" * 50 + "\nfin", limit=20)
    assert text == "court\nfin" and "line 2 (50 chars)" in msg
    assert drop_long_lines("court\nfin", limit=20) == ("court\nfin", None)


def test_truncate_at_a_paragraph_break():
    text, msg = truncate("a" * 60 + "\n\n" + "b" * 60, limit=100)
    assert text == "a" * 60 and "truncated" in msg
    assert truncate("court", limit=100) == ("court", None)


@pytest.mark.parametrize(
    "text, title",
    [
        ("Brise lève 4 millions d’euros\n\nLe corps.", "Brise lève 4 millions d’euros"),
        ("Pourquoi Brise séduit les fonds ?\nLe corps.", "Pourquoi Brise séduit les fonds ?"),
        ("Brise lève 4 millions d’euros auprès de fonds régionaux.\nLa suite.", None),  # a sentence
        ("Brise lève 4 millions d’euros", None),  # nothing after it
        ("ÉCONOMIE\nLe corps.", None),  # a single word
        ("x" * 250 + " y\nLe corps.", None),  # too long
        ("Brise lève 4 millions. Mais pour quoi faire ?\nLe corps.", None),  # two sentences: a chapô
        ("Brise est sur le point de lever quatre millions auprès de …\nLe corps.", None),  # a teaser
    ],
)
def test_guess_title(text, title):
    assert guess_title(text) == title


# --- readers on files ------------------------------------------------------------------------


def _read(tmp_path, name, content):
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    return list(read_corpus(tmp_path))


def test_txt_with_date_marker_and_title(tmp_path):
    (item,) = _read(tmp_path, "a.txt", f"Brise lève quatre millions\n\n{FR}\n\nRetour en haut\n")
    assert isinstance(item, RawArticle) and item.source == "a.txt"
    assert item.title == "Brise lève quatre millions" and item.text.endswith("confiant pour la suite.")
    (item,) = _read(tmp_path / "b", "b.txt", f" date 2021-09 {FR}")
    assert item.published == dt.date(2021, 9, 1) and item.published_precision == "month" and item.text == FR


def test_md_front_matter_and_markdown(tmp_path):
    content = f"---\ntitle: Brise lève 4 M€\ndate: 2022-01-15\n---\n# Brise lève 4 M€\n\n**B**rise, {FR[9:]}"
    (item,) = _read(tmp_path, "dossier/a.md", content)
    assert item.source == "dossier/a.md" and item.title == "Brise lève 4 M€"
    assert item.published == dt.date(2022, 1, 15) and item.text.startswith("Brise lève 4 M€\n\nBrise, ")


def test_html_file(tmp_path):
    page = f"<html><head><title>Brise lève 4 M€</title></head><body><nav>Menu</nav><p>{FR}</p></body></html>"
    (item,) = _read(tmp_path, "a.html", page.encode("cp1252"))
    assert item.title == "Brise lève 4 M€" and item.text == FR


def test_txt_holding_a_whole_html_page_is_read_as_html(tmp_path):
    (item,) = _read(tmp_path, "a.txt", f"<!DOCTYPE html><html><body><script>x()</script><p>{FR}</p></body></html>")
    assert item.text == FR


def test_latin1_file(tmp_path):
    (item,) = _read(tmp_path, "a.txt", FR.replace("’", "'").encode("latin-1"))
    assert item.text == FR.replace("’", "'")


def test_dateline_in_page_header_gives_the_date(tmp_path):
    (item,) = _read(tmp_path, "a.txt", f"Publié le 7 octobre 2019\n\nBrise lève quatre millions\n\n{FR}")
    assert item.published == dt.date(2019, 10, 7) and item.text.startswith("Brise lève quatre millions")


def test_jsonl_records(tmp_path):
    lines = [
        json.dumps({"text": FR, "title": "Brise", "published": "2023-05-02", "url": "https://exemple.fr/a", "source": "Le Journal"}),
        "",
        "{oups",
        json.dumps({"title": "sans texte"}),
        json.dumps(["pas", "un", "objet"]),
        json.dumps({"text": FR.replace("Brise", "Vent"), "published": "un jour"}),
    ]
    items = _read(tmp_path, "flux.jsonl", "\n".join(lines) + "\n")
    arts = [i for i in items if isinstance(i, RawArticle)]
    errs = [i for i in items if isinstance(i, IngestError)]
    assert [a.source for a in arts] == ["flux.jsonl:1", "flux.jsonl:6"]
    assert arts[0].title == "Brise" and arts[0].published == dt.date(2023, 5, 2)
    assert arts[0].url == "https://exemple.fr/a" and arts[0].site == "Le Journal"
    assert arts[1].published is None
    assert [(e.source, e.stage) for e in errs] == [
        ("flux.jsonl:3", "parse"), ("flux.jsonl:4", "parse"), ("flux.jsonl:5", "parse"), ("flux.jsonl:6", "metadata"),
    ]


def test_jsonl_html_text(tmp_path):
    items = _read(tmp_path, "flux.jsonl", json.dumps({"text": f"<p>{FR}</p><script>x()</script>"}) + "\n")
    assert [i.text for i in items] == [FR]


def test_corpus_walk_is_recursive_sorted_and_skips_hidden(tmp_path):
    for name in ["b.txt", "a/z.md", "a/y.HTML", "c.jsonl", "notes.docx", ".cache/x.txt", "a/.x.txt"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    found = [p.relative_to(tmp_path).as_posix() for p in iter_corpus_files(tmp_path)]
    assert found == ["a/y.HTML", "a/z.md", "b.txt", "c.jsonl"]


def test_file_name_in_a_legacy_encoding_gets_a_printable_source(tmp_path):
    import os

    (tmp_path / os.fsdecode(b"caf\xe9.txt")).write_text(FR, encoding="utf-8")
    (item,) = read_corpus(tmp_path)
    assert item.source == "caf\ufffd.txt"
    item.source.encode("utf-8")  # storable in Parquet
