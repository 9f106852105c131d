"""Bad input never loses good input: every kind of broken file in one corpus, plus good articles.

Each bad input gives exactly one row in `errors` (source, stage) and one line on stderr naming
the file; the good articles are all in `articles`; the exit status is 0.
"""

from __future__ import annotations

import contextlib
import io
import json
import os

import pyarrow.parquet as pq
import pytest

from pipeline.cli import main

GOOD = (
    "La coopérative {name} a obtenu un prêt de 800 000 euros de la banque régionale pour moderniser "
    "son atelier de Vierzon. Selon sa directrice, Anne Leroy, les travaux commenceront au printemps "
    "et permettront d'embaucher une dizaine de salariés dans les deux prochaines années."
)
ENGLISH = (
    "The cooperative was granted a loan of 800,000 euros by the regional bank to modernise its "
    "workshop. According to its director, the work will start in the spring and will make it "
    "possible to hire about ten employees over the next two years, which is good news for the town."
)

# file name -> (content, expected error stage or None when the file must be read without error)
CASES: dict[str, tuple[bytes, str | None]] = {
    "bon.txt": (GOOD.format(name="Alpha").encode(), None),
    "ancien-encodage.txt": (GOOD.format(name="Bêta").encode("cp1252"), None),
    os.fsdecode(b"nom-latin1-\xe9t\xe9.txt"): (GOOD.format(name="Thêta").encode(), None),  # undecodable file name
    "vide.txt": (b"", "read"),
    "blanc.md": (b"  \n\n\t\n", "read"),
    "binaire.txt": (bytes(range(256)) * 8, "decode"),
    "photo.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + os.urandom(200), "decode"),
    "scan.html": (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01" + os.urandom(200), "decode"),
    "bruit.txt": (bytes(range(0x80, 0x100)) * 16, "decode"),
    "octets-casses.txt": (GOOD.format(name="Gamma").encode().replace(b"atelier", b"at\xff\xfeelier"), "decode"),
    "date-impossible.txt": ((" date 2023-14-40 " + GOOD.format(name="Delta")).encode(), "metadata"),
    "ligne-geante.txt": (b"A" * 150_000, "clean"),
    "ligne-geante-et-texte.md": (b"B" * 120_000 + b"\n" + GOOD.format(name="Epsilon").encode(), "clean"),
    "anglais.txt": (ENGLISH.encode(), "language"),
}
JSONL = [
    json.dumps({"text": GOOD.format(name="Zêta"), "title": "Zêta modernise son atelier"}),
    '{"text": "ligne tronquée',
    json.dumps({"title": "un titre mais pas de texte", "published": "2024-01-01"}),
    json.dumps({"text": GOOD.format(name="Êta"), "published": "le trente février"}),
]
JSONL_ERRORS = {("flux.jsonl:2", "parse"), ("flux.jsonl:3", "parse"), ("flux.jsonl:4", "metadata")}
KEPT = {"bon.txt", "ancien-encodage.txt", "nom-latin1-\ufffdt\ufffd.txt", "octets-casses.txt", "date-impossible.txt", "ligne-geante-et-texte.md",
        "flux.jsonl:1", "flux.jsonl:4"}


@pytest.fixture(scope="module")
def hostile_run(nlp, tmp_path_factory):
    """Run the CLI once on the hostile corpus; return the exit status, output folder and stderr."""
    corpus = tmp_path_factory.mktemp("hostile")
    for name, (content, _) in CASES.items():
        (corpus / name).write_bytes(content)
    (corpus / "flux.jsonl").write_text("\n".join(JSONL) + "\n", encoding="utf-8")
    out = tmp_path_factory.mktemp("hostile_out")
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        status = main(["run", "--corpus", str(corpus), "--out", str(out), "-j", "1", "--no-progress"])
    return status, out, err.getvalue()


def test_exit_status_is_zero(hostile_run):
    assert hostile_run[0] == 0


def test_good_articles_are_all_kept(hostile_run):
    _, out, _ = hostile_run
    articles = pq.read_table(out / "articles.parquet").to_pylist()
    assert {a["source"] for a in articles} == KEPT
    by_source = {a["source"]: a for a in articles}
    assert "Bêta" in by_source["ancien-encodage.txt"]["text"]
    assert by_source["date-impossible.txt"]["published"] is None
    assert by_source["ligne-geante-et-texte.md"]["text"].startswith("La coopérative Epsilon")


def test_one_error_row_per_bad_input(hostile_run):
    _, out, _ = hostile_run
    errors = pq.read_table(out / "errors.parquet").to_pylist()
    expected = {(name, stage) for name, (_, stage) in CASES.items() if stage} | JSONL_ERRORS
    assert sorted((e["source"], e["stage"]) for e in errors) == sorted(expected)
    assert all(e["message"] for e in errors)


def test_each_bad_input_is_named_on_stderr(hostile_run):
    _, _, stderr = hostile_run
    lines = stderr.splitlines()
    for name, (_, stage) in CASES.items():
        if stage:
            assert any(line.startswith(("error:", "warning:")) and f" {name}: {stage}:" in line for line in lines), name


def test_nothing_readable_exits_one(nlp, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "vide.txt").write_bytes(b"")
    (corpus / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    assert main(["run", "--corpus", str(corpus), "--out", str(tmp_path / "out"), "-j", "1", "--no-progress"]) == 1
    assert main(["run", "--corpus", str(corpus), "--out", str(tmp_path / "out"), "-j", "1", "--no-progress"]) == 1


def test_missing_corpus_folder(tmp_path):
    assert main(["run", "--corpus", str(tmp_path / "absent"), "--out", str(tmp_path / "out")]) == 2


def test_help_lists_the_run_options(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["run", "--help"])
    assert exc.value.code == 0
    assert "--corpus" in capsys.readouterr().out
