"""Engines: the tables are the same whatever runs the per-article stages (1 process, 2 processes,
Ray); per-article processing keeps memory flat; a run with nothing new reads no file."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest

import pipeline.process as process
from pipeline.bench import synthetic_articles
from pipeline.engines import process_with_engine
from pipeline.process import PendingArticle, article_id_for, process_articles, process_batch
from pipeline.records import ArticleResult, IngestError, RawArticle
from pipeline.run import run
from pipeline.statcache import files_signature
from pipeline.tables import SCHEMAS

ROOT = Path(__file__).resolve().parent.parent


def _write_corpus(folder: Path) -> Path:
    """Eight distinct articles, one duplicate under another name and one empty file."""
    folder.mkdir()
    texts = synthetic_articles(8, seed=7, paragraphs=(1, 2))
    for i, text in enumerate(texts):
        (folder / f"a{i}.txt").write_text(text, encoding="utf-8")
    (folder / "copie.txt").write_text(texts[3], encoding="utf-8")
    (folder / "vide.txt").write_text("  \n", encoding="utf-8")
    return folder


def _tables(out: Path) -> dict[str, list[dict]]:
    return {name: pq.read_table(out / f"{name}.parquet").to_pylist() for name in SCHEMAS}


def _pending(texts: list[str]) -> list[PendingArticle]:
    return [PendingArticle(article_id_for(t), (f"t{i}.txt",), RawArticle(f"t{i}.txt", t)) for i, t in enumerate(texts)]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return _write_corpus(tmp_path_factory.mktemp("engines") / "corpus")


@pytest.fixture(scope="module")
def local_one(corpus, tmp_path_factory, nlp) -> Path:
    """Tables of the local engine in one process (the reference)."""
    out = tmp_path_factory.mktemp("out") / "local1"
    summary = run(corpus, out, n_process=1, progress=False)
    assert summary.new == 8
    return out


def test_two_processes_give_the_same_tables(corpus, local_one, tmp_path, monkeypatch):
    monkeypatch.setattr(process, "BATCH_SIZE", 2)  # several batches, so both workers get some
    out = tmp_path / "local2"
    run(corpus, out, n_process=2, progress=False)
    ref, got = _tables(local_one), _tables(out)
    assert ref["articles"], "the reference run produced no article"
    for name in SCHEMAS:
        assert got[name] == ref[name], name


@pytest.fixture(scope="module")
def local_ray():
    """A local Ray with 2 CPUs, as a cluster would be seen by the engine (which must not stop it)."""
    ray = pytest.importorskip("ray")
    ray.init(num_cpus=2, include_dashboard=False, object_store_memory=100 * 1024**2, log_to_driver=False)
    yield ray
    ray.shutdown()


@pytest.mark.parametrize("client", [False, True], ids=["driver", "ray-client-chunks"])
def test_ray_gives_the_same_tables(corpus, local_one, tmp_path, local_ray, monkeypatch, client):
    import pipeline.engines.ray_engine as ray_engine

    if client:  # the path taken through ray://: chunks of the corpus run as tasks on the cluster
        monkeypatch.setattr(ray_engine, "_is_client", lambda ray: True)
        monkeypatch.setattr(ray_engine, "CLIENT_CHUNK", 3)
    out = tmp_path / "ray"
    summary = run(corpus, out, n_process=2, progress=False, engine="ray")
    assert local_ray.is_initialized(), "the engine must not stop a Ray it did not start"
    assert summary.new == 8 and summary.failed == 0
    ref, got = _tables(local_one), _tables(out)
    for name in SCHEMAS:
        assert got[name] == ref[name], name


def test_duplicate_and_empty_files_in_reference(local_one):
    tables = _tables(local_one)
    assert len(tables["articles"]) == 8
    assert any(len(row["sources"]) == 2 for row in tables["articles"])
    assert [row["source"] for row in tables["errors"]] == ["vide.txt"]


def test_results_in_input_order_with_several_workers(monkeypatch, nlp):
    texts = synthetic_articles(5, seed=3, paragraphs=(1, 1))
    items = _pending(texts)
    got = list(process_articles(items, n_process=2, batch_size=2))
    assert [r.article_id for r in got] == [i.article_id for i in items]
    # workers leave the text out of what they send back; the parent puts it back
    assert [r.text for r in got] == texts


def test_one_failing_article_does_not_lose_the_batch(monkeypatch, nlp):
    import pipeline.extract as extract

    real = extract.extract_all

    def flaky(doc):  # type: ignore[no-untyped-def]
        if "Zébulon" in doc.text:
            raise RuntimeError("boom")
        return real(doc)

    monkeypatch.setattr(extract, "extract_all", flaky)
    items = _pending(["Le maire de Lyon a inauguré la gare.", "Zébulon Martin dirige la société Kiravo.", "La banque a prêté dix millions d'euros."])
    got = list(process_articles(items, n_process=1))
    assert [type(r).__name__ for r in got] == ["ArticleResult", "IngestError", "ArticleResult"]
    assert isinstance(got[1], IngestError) and got[1].stage == "extract" and "boom" in got[1].message


def test_vocabulary_does_not_grow_across_batches(nlp, monkeypatch):
    """`nlp.memory_zone()` frees the strings of each batch: a long run keeps a flat vocabulary."""
    monkeypatch.setitem(process._state, "zones", True)
    process_batch(_pending(["La société Amorçix a recruté Jean Dupont."]))  # warm-up: lazily created strings
    before = len(nlp.vocab.strings)
    texts = [f"La start-up Quorvalix{i} a levé {i + 3} millions d'euros auprès du fonds Zentaria{i}." for i in range(6)]
    results = process_batch(_pending(texts))
    assert len(nlp.vocab.strings) == before
    # the records outlive the zone: their strings are plain Python strings
    names = {e.name for r in results if isinstance(r, ArticleResult) for e in r.entities}
    assert any("Quorvalix" in n or "Zentaria" in n for n in names), names


def test_string_lost_between_memory_zones_disables_zones_not_articles(monkeypatch, nlp):
    """An extractor building a matcher lazily (lru_cache) inside a zone loses its rule id when the
    zone ends: the batch that trips on it (spaCy E018) is redone with the caches cleared and zones
    off, and no article is lost."""
    import types
    from functools import lru_cache

    import pipeline.extract as extract
    from spacy.matcher import Matcher

    lazy = types.ModuleType("pipeline._lazy_matcher_test")

    @lru_cache(maxsize=1)
    def matcher(vocab):  # type: ignore[no-untyped-def]
        m = Matcher(vocab)
        m.add("regle_tardive_societe", [[{"LOWER": "société"}]])
        return m

    lazy.matcher = matcher
    monkeypatch.setitem(sys.modules, lazy.__name__, lazy)
    real, calls = extract.extract_all, []

    def late_extractor(doc):  # type: ignore[no-untyped-def]
        calls.append(1)
        if len(calls) >= 4:  # warm-up, then batch 1 (no zone); first built in batch 2, in a zone
            [doc.vocab.strings[mid] for mid, _s, _e in lazy.matcher(doc.vocab)(doc)]
        return real(doc)

    monkeypatch.setattr(extract, "extract_all", late_extractor)
    for key, value in (("warm", False), ("zones", True), ("batches", 0)):
        monkeypatch.setitem(process._state, key, value)
    texts = [f"La société Brindal{i} a ouvert une usine à Nantes." for i in range(6)]
    results = [r for i in range(0, 6, 2) for r in process_batch(_pending(texts[i : i + 2]))]
    assert all(isinstance(r, ArticleResult) for r in results), results
    assert process._state["zones"] is False


def test_unknown_engine_is_refused():
    with pytest.raises(ValueError, match="unknown engine"):
        list(process_with_engine([], 1, engine="spark"))


@pytest.mark.parametrize(
    "change",
    ["touch", "rewrite", "add", "remove", "rename"],
)
def test_files_signature_sees_every_change(tmp_path, change):
    import os

    corpus = tmp_path / "c"
    corpus.mkdir()
    for i in range(3):
        (corpus / f"f{i}.txt").write_text(f"Texte numéro {i}.", encoding="utf-8")
    before = files_signature(corpus)
    assert files_signature(corpus) == before
    target = corpus / "f1.txt"
    if change == "touch":
        st = target.stat()
        os.utime(target, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))
    elif change == "rewrite":  # same size, same mtime restored: ctime still changes
        st = target.stat()
        target.write_text("Texte numéro 9.", encoding="utf-8")
        os.utime(target, ns=(st.st_atime_ns, st.st_mtime_ns))
    elif change == "add":
        (corpus / "f9.txt").write_text("Un autre texte.", encoding="utf-8")
    elif change == "remove":
        target.unlink()
    else:
        target.rename(corpus / "g1.txt")
    assert files_signature(corpus) != before


def test_noop_run_reads_no_file(corpus, local_one, tmp_path, monkeypatch):
    import shutil

    import pipeline.run as run_module

    out = tmp_path / "out"
    shutil.copytree(local_one, out)
    # the copied state knows nothing of this corpus's file times: first no-op reads and remembers them
    assert run(corpus, out, progress=False).nothing_to_do
    monkeypatch.setattr(run_module, "collect_articles", lambda c: pytest.fail("the corpus was read"))
    summary = run(corpus, out, progress=False)
    assert summary.nothing_to_do and summary.unchanged == 8


def test_plain_run_imports_neither_ray_nor_spacy_before_it_needs_them():
    code = "import sys, pipeline.cli, pipeline.run; print(sorted({'ray', 'spacy'} & set(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_cli_engine_options():
    from pipeline.cli import _parser

    args = _parser().parse_args(["run", "--engine", "ray", "--ray-address", "ray://head:10001"])
    assert (args.engine, args.ray_address) == ("ray", "ray://head:10001")
    assert _parser().parse_args(["run"]).engine == "local"
    with pytest.raises(SystemExit):
        _parser().parse_args(["run", "--engine", "spark"])


def test_doc_text_is_doc_text_computed_once(make_doc):
    from pipeline.nlp.doctext import doc_text

    doc = make_doc("La société Kiravo a recruté Léa Martin.\n\nElle dirigera l'équipe de Lyon.")
    assert doc_text(doc) == doc.text
    assert doc_text(doc) is doc_text(doc)  # the same str object: computed once, then cached


def test_hot_code_never_rebuilds_doc_text():
    """spaCy rebuilds `Doc.text` from every token at each access; rule code must use `doc_text(doc)`."""
    import re

    pattern = re.compile(r"\b(?:\w+\.)*doc\.text\b(?![_\w(])")
    offenders = [
        f"{path.relative_to(ROOT)}:{n}"
        for folder in ("pipeline/nlp", "pipeline/extract", "pipeline/resolve")
        for path in sorted((ROOT / folder).rglob("*.py"))
        if path.name != "doctext.py"
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if pattern.search(line.split("#", 1)[0])
    ]
    assert offenders == [], "use pipeline.nlp.doctext.doc_text(doc) instead of doc.text: " + ", ".join(offenders)
