"""End to end on a small temporary corpus: tables and schemas, idempotence, incremental runs."""

from __future__ import annotations

import json
import shutil

import pyarrow.parquet as pq
import pytest

from pipeline.run import run
from pipeline.tables import SCHEMAS

A = (
    "La start-up bordelaise Hélio a levé 6 millions d'euros auprès du fonds Sud Capital. "
    "Son directeur général, Paul Girard, veut ouvrir une usine près de Toulouse en 2025."
)
B = (
    "Le groupe Arpège et la société Nimbus ont annoncé un partenariat pour développer des batteries. "
    "« Nous voulons aller vite », a déclaré Léa Morel, présidente de Nimbus."
)
C = "L'assureur Cobalt rachète la jeune pousse lilloise Ruban pour un montant non communiqué."


def _corpus(root):
    (root / "sous-dossier").mkdir(parents=True)
    (root / "helio.txt").write_text(f" date 2024-05 {A}\n", encoding="utf-8")
    (root / "sous-dossier" / "copie.md").write_text(f"{A}\n", encoding="utf-8")  # same text, other name
    (root / "flux.jsonl").write_text(json.dumps({"text": B, "title": "Arpège et Nimbus", "published": "2023-02-01"}) + "\n")
    (root / "cobalt.html").write_text(f"<html><head><title>Cobalt</title></head><body><p>{C}</p></body></html>")
    return root


def _tables(out):
    return {name: pq.read_table(out / f"{name}.parquet") for name in SCHEMAS}


@pytest.fixture(scope="module")
def first_run(nlp, tmp_path_factory):
    """One run on the small corpus (the model is the session's, loaded once)."""
    corpus = _corpus(tmp_path_factory.mktemp("corpus"))
    out = tmp_path_factory.mktemp("out")
    summary = run(corpus, out, n_process=1, progress=False)
    return corpus, out, summary


def test_every_table_exists_with_its_declared_schema(first_run):
    _, out, summary = first_run
    for name, schema in SCHEMAS.items():
        assert pq.read_schema(out / f"{name}.parquet").equals(schema, check_metadata=False), name
    assert summary.new == 3 and summary.failed == 0 and summary.rows["articles"] == 3


def test_articles_table_content(first_run):
    _, out, _ = first_run
    rows = {r["source"]: r for r in pq.read_table(out / "articles.parquet").to_pylist()}
    assert set(rows) == {"cobalt.html", "flux.jsonl:1", "helio.txt"}
    helio = rows["helio.txt"]
    assert helio["sources"] == ["helio.txt", "sous-dossier/copie.md"]  # one article, both sources
    assert helio["text"] == A and str(helio["published"]) == "2024-05-01" and helio["n_tokens"] > 10
    assert rows["flux.jsonl:1"]["title"] == "Arpège et Nimbus" and rows["cobalt.html"]["title"] == "Cobalt"
    mentions = pq.read_table(out / "mentions.parquet").to_pylist()
    texts = {r["article_id"]: r["text"] for r in rows.values()}
    for m in mentions:  # offsets point into articles.text
        assert texts[m["article_id"]][m["start"] : m["end"]] == m["text"]


def test_same_corpus_gives_identical_tables(first_run, tmp_path):
    corpus, out, _ = first_run
    again = tmp_path / "out2"
    run(corpus, again, n_process=1, progress=False)
    first, second = _tables(out), _tables(again)
    for name in SCHEMAS:
        assert first[name].equals(second[name]), name


def test_nothing_new_loads_no_model(first_run, monkeypatch):
    corpus, out, _ = first_run
    import pipeline.nlp

    def no_model():
        raise AssertionError("the model was loaded on a run with nothing new")

    monkeypatch.setattr(pipeline.nlp, "get_nlp", no_model)
    monkeypatch.setattr(pipeline.nlp.build, "get_nlp", no_model)
    before = {p.name: p.stat().st_mtime_ns for p in out.glob("*.parquet")}
    summary = run(corpus, out, n_process=1, progress=False)
    assert summary.nothing_to_do and summary.unchanged == 3
    assert {p.name: p.stat().st_mtime_ns for p in out.glob("*.parquet")} == before
    (corpus / "helio.txt").touch()  # touched but not changed: still nothing to do
    assert run(corpus, out, n_process=1, progress=False).nothing_to_do


def test_changed_file_is_reprocessed_and_ids_are_stable(first_run, tmp_path):
    corpus, out, _ = first_run
    corpus2, out2 = tmp_path / "corpus", tmp_path / "out"
    shutil.copytree(corpus, corpus2)
    shutil.copytree(out, out2)
    old = {r["source"]: r["article_id"] for r in pq.read_table(out2 / "articles.parquet").to_pylist()}
    (corpus2 / "cobalt.html").write_text(f"<html><body><p>{C} L'opération sera finalisée en juin.</p></body></html>")
    summary = run(corpus2, out2, n_process=1, progress=False)
    assert (summary.new, summary.unchanged) == (1, 2)
    new = {r["source"]: r["article_id"] for r in pq.read_table(out2 / "articles.parquet").to_pylist()}
    assert new["helio.txt"] == old["helio.txt"] and new["flux.jsonl:1"] == old["flux.jsonl:1"]
    assert new["cobalt.html"] != old["cobalt.html"] and len(new) == 3


def test_removing_a_duplicate_keeps_the_article(first_run, tmp_path):
    corpus, out, _ = first_run
    corpus2, out2 = tmp_path / "corpus", tmp_path / "out"
    shutil.copytree(corpus, corpus2)
    shutil.copytree(out, out2)
    (corpus2 / "sous-dossier" / "copie.md").unlink()
    summary = run(corpus2, out2, n_process=1, progress=False)
    assert summary.new == 0 and summary.unchanged == 3
    rows = {r["source"]: r for r in pq.read_table(out2 / "articles.parquet").to_pylist()}
    assert rows["helio.txt"]["sources"] == ["helio.txt"]


def test_results_of_another_pipeline_version_are_dropped(tmp_path, monkeypatch):
    from pipeline import state as state_module

    stale = tmp_path / ".state" / "results" / "0123456789abcdef.pkl"
    stale.parent.mkdir(parents=True)
    stale.write_bytes(b"old")
    (tmp_path / ".state" / "manifest.json").write_text('{"fingerprint": "older", "articles": {"0123456789abcdef": ["a.txt"]}}')
    st = state_module.State(tmp_path)
    assert st.articles == {} and not stale.exists()
