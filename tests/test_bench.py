"""The benchmark: its synthetic corpus, its report, and one real (tiny) run. It never asserts times."""

from __future__ import annotations

import json

from pipeline.bench import main, report, synthetic_articles
from pipeline.process import article_id_for


def test_synthetic_articles_are_distinct_deterministic_and_nested():
    texts = synthetic_articles(60, seed=1)
    assert len({article_id_for(t) for t in texts}) == 60  # the pipeline would skip copies
    assert synthetic_articles(60, seed=1) == texts
    assert synthetic_articles(20, seed=1) == texts[:20]  # a bigger corpus extends a smaller one
    assert synthetic_articles(5, seed=2) != texts[:5]
    assert all(len(t.split()) > 100 for t in texts)  # article-sized, not snippets


def _measure(tokens: int, seconds: float, rss_self: float, rss_children: float) -> dict:
    return {"articles": 10, "tokens": tokens, "seconds": seconds, "rss_mb": {"self": rss_self, "children": rss_children}}


def test_report_computes_ratios_and_speedups():
    res = {
        "n": 10, "seed": 0, "engine": "local", "cpus": 2,
        "raw": {"1": {**_measure(1000, 1.0, 500, 0), "load_seconds": 2.0}, "2": _measure(1000, 0.5, 500, 480)},
        "pipeline": {"1": _measure(1000, 2.0, 600, 0), "2": _measure(1000, 0.8, 300, 650)},
        "noop": {"articles": 10, "seconds": 0.7},
    }
    lines = report(res).splitlines()
    raw2 = next(line for line in lines if line.startswith("| raw spaCy nlp.pipe | 2 |"))
    pipe1 = next(line for line in lines if line.startswith("| pipeline end to end | 1 |"))
    pipe2 = next(line for line in lines if line.startswith("| pipeline end to end | 2 |"))
    assert "| 2,000 |" in raw2 and "| 2.00 |" in raw2  # 1000 tokens in 0.5 s; twice one process
    assert "| 0.50 |" in pipe1  # 500 tokens/s against raw 1000
    assert "| 0.62 |" in pipe2 and "| 2.50 |" in pipe2 and pipe2.endswith("| 300 | 650 |")
    assert any("no-op" in line and "0.70" in line for line in lines)


def test_bench_runs_end_to_end_on_a_tiny_corpus(tmp_path, capsys):
    # one process only: the test must stay cheap (every measurement loads the model in a fresh process)
    assert main(["--n", "4", "--short", "--procs", "1", "--noop-n", "0", "--repeat", "1", "--workdir", str(tmp_path)]) == 0
    printed = capsys.readouterr().out
    assert "pipeline end to end" in printed and "raw spaCy" in printed and "no-op" in printed
    res = json.loads((tmp_path / "bench.json").read_text())
    for kind in ("raw", "raw_numpy", "pipeline"):
        for procs in ("1",):
            m = res[kind][procs]
            assert m["tokens"] > 0 and m["seconds"] > 0 and m["rss_mb"]["self"] > 0
    assert res["pipeline"]["1"]["articles"] == 4 and res["pipeline"]["1"]["failed"] == 0
    assert "nothing new" in res["noop"]["message"]


def test_report_sets_the_pipeline_against_both_raw_backends():
    res = {
        "n": 10, "seed": 0, "engine": "local", "cpus": 2,
        "raw": {"1": _measure(1000, 1.0, 500, 0)},
        "raw_numpy": {"1": _measure(1000, 0.5, 500, 0)},
        "pipeline": {"1": _measure(1000, 0.8, 600, 0)},
    }
    lines = report(res).splitlines()
    assert any(line.startswith("| raw spaCy nlp.pipe, numpy backend | 1 | 0.5 | 2,000 |") for line in lines)
    pipe1 = next(line for line in lines if line.startswith("| pipeline end to end | 1 |"))
    assert "| 1,250 | 1.25 | 0.62 |" in pipe1  # faster than stock spaCy, 0.62 of the same model on numpy


def test_repeated_runs_are_taken_in_turn_and_the_fastest_is_kept(tmp_path, monkeypatch):
    import pipeline.bench as bench

    calls: list[str] = []
    times = iter([5.0, 4.0, 9.0, 3.0, 6.0, 8.0])  # raw, raw numpy, pipeline; then again

    def fake_phase(args):
        calls.append(args[0] + ("/" + args[args.index("--backend") + 1] if "--backend" in args else ""))
        return {"articles": 4, "tokens": 100, "seconds": next(times), "rss_mb": {"self": 1, "children": 0}}

    monkeypatch.setattr(bench, "_run_phase", fake_phase)
    monkeypatch.setattr(bench, "_noop", lambda corpus, out: {"seconds": 0.1, "message": "nothing new"})
    res = bench.measure(4, [1], tmp_path, short=True, repeat=2, log=lambda m: None)
    assert calls == ["raw/blis", "raw/numpy", "pipeline"] * 2  # in turn, not one kind after the other
    assert (res["raw"][1]["seconds"], res["raw_numpy"][1]["seconds"], res["pipeline"][1]["seconds"]) == (3.0, 4.0, 8.0)
