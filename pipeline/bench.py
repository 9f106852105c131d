"""`make bench`: throughput and memory of the pipeline against raw spaCy, on a synthetic corpus.

One invocation:
1. builds a corpus of `--n` distinct French articles (deterministic for a seed) by recombining the
   sentences of the sample corpus around invented companies, people, amounts and dates (the
   pipeline skips duplicate texts, so copies would measure nothing);
2. times raw spaCy (`nlp.pipe` with every model component, the model already loaded) over the same
   cleaned texts, at each process count: once as spaCy loads the model (the baseline) and once on
   the numpy matrix backend the pipeline uses (to show what the rule code costs on its own);
3. times the whole pipeline end to end (reading to Parquet), at each process count, each time into
   a fresh output folder; as for raw spaCy the model is loaded before the clock starts (workers
   are forked from the process that loaded it) and the load time is reported beside;
4. times a no-op re-run (the CLI, interpreter start included) on that corpus, and on a corpus of
   `--noop-n` short articles;
5. optionally (`--scale K`) runs the pipeline on a corpus K times larger, to show that the peak
   memory of a worker does not grow with the corpus.

Every measurement runs in its own fresh Python process so that peak RSS (getrusage) belongs to
that measurement alone. It prints a Markdown table and writes the numbers as JSON. It reports; it
never asserts times (the CI runs it on a tiny corpus).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_CORPUS = ROOT / "corpus"

# Invented building blocks for the synthetic articles (not names from any real article).
_SYLLABLES = ["ka", "ri", "vo", "tes", "mu", "ra", "lin", "do", "zé", "pha", "nor", "quil", "bé", "sa", "tor", "vi", "lu", "gan"]
_SUFFIXES = ["", "", " AI", " Labs", " Technologies", " Capital", " Robotics", " Santé", " Énergie", " Systems"]
_FIRST = ["Camille", "Julien", "Sophie", "Mathieu", "Claire", "Nicolas", "Léa", "Antoine", "Inès", "Hugo", "Chloé", "Karim", "Amina", "Thomas", "Élodie", "Yann"]
_LAST = ["Martin", "Bernard", "Dubois", "Lefèvre", "Moreau", "Garnier", "Rousseau", "Fontaine", "Chevalier", "Mercier", "Blanchard", "Perrin", "Morel", "Girard", "Benali", "Nguyen"]
_ROLES = ["directeur général", "présidente", "cofondateur", "directrice financière", "PDG", "directeur technique"]
_INVESTORS = ["le fonds {c} Partners", "{c} Ventures", "la banque {c}", "le groupe {c}", "plusieurs business angels"]
_ROUNDS = ["un tour de table de série A", "une levée d'amorçage", "une série B", "un financement"]
_MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"]
_VERBS = ["a déclaré", "a expliqué", "affirme", "a précisé", "souligne"]
_QUOTES = [
    "Nous voulons accélérer notre développement en Europe",
    "Cette opération nous donne les moyens de recruter",
    "Le marché est prêt pour une solution comme la nôtre",
    "Nous restons concentrés sur nos clients",
]
_SENTENCE_END = re.compile(r"(?<=[.!?»])\s+(?=[«A-ZÀÂÉÈÊÎÔÙÇ])")


def _company(rng: random.Random) -> str:
    name = "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3)))
    return name.capitalize() + rng.choice(_SUFFIXES)


def _person(rng: random.Random) -> str:
    return f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"


def sample_sentences(corpus: Path = SAMPLE_CORPUS) -> list[str]:
    """Sentences of at least six words from the sample corpus, as cleaned by the pipeline's reader."""
    from pipeline.ingest import read_corpus
    from pipeline.records import RawArticle

    sentences: list[str] = []
    for item in read_corpus(corpus):
        if not isinstance(item, RawArticle):
            continue
        for para in item.text.split("\n"):
            sentences += [s.strip() for s in _SENTENCE_END.split(para) if len(s.split()) >= 6]
    if not sentences:
        raise SystemExit(f"no usable sentence in {corpus}")
    return sentences


def _news_paragraph(rng: random.Random, index: int) -> str:
    """Two invented sentences that make article `index` unique: a funding round and a quote."""
    company, boss, spokesperson = _company(rng), _person(rng), _person(rng)
    amount = f"{rng.randint(1, 300)},{index % 10}"
    investor = rng.choice(_INVESTORS).format(c=_company(rng).split()[0])
    date = f"{rng.randint(1, 28)} {rng.choice(_MONTHS)} {rng.randint(2015, 2025)}"
    return (
        f"La start-up {company} a annoncé le {date} {rng.choice(_ROUNDS)} de {amount} millions d'euros "
        f"auprès de {investor}, a indiqué {boss}, {rng.choice(_ROLES)} de l'entreprise. "
        f"« {rng.choice(_QUOTES)} », {rng.choice(_VERBS)} {spokesperson}, {rng.choice(_ROLES)} de {company}."
    )


def synthetic_articles(n: int, seed: int = 0, paragraphs: tuple[int, int] = (5, 10), corpus: Path = SAMPLE_CORPUS) -> list[str]:
    """`n` distinct article texts; the first `n` of a larger corpus with the same seed are the same."""
    pool = sample_sentences(corpus)
    rng = random.Random(seed)
    articles = []
    for i in range(n):
        paras = [_news_paragraph(rng, i)]
        for _ in range(rng.randint(*paragraphs) - 1):
            paras.append(" ".join(rng.sample(pool, min(len(pool), rng.randint(3, 6)))))
        rng.shuffle(paras)
        header = f"date {rng.randint(2018, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}\n" if i % 2 else ""
        articles.append(header + "\n\n".join(paras) + "\n")
    return articles


def build_corpus(dest: Path, n: int, seed: int = 0, paragraphs: tuple[int, int] = (5, 10)) -> Path:
    """Write `n` synthetic articles as `dest/bench_NNNNN.txt` (replacing what was there)."""
    dest.mkdir(parents=True, exist_ok=True)
    for old in dest.glob("bench_*.txt"):
        old.unlink()
    for i, text in enumerate(synthetic_articles(n, seed, paragraphs)):
        (dest / f"bench_{i:05d}.txt").write_text(text, encoding="utf-8")
    return dest


# --- measurements, each run in a fresh process (`python -m pipeline.bench --phase ...`) ----------


def _cpu_seconds() -> float:
    """CPU time (user + system) of this process and of its finished children: immune to the load
    other programs put on the machine, unlike wall time."""
    import resource

    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def _phase_raw(corpus: Path, procs: int, backend: str = "blis") -> dict[str, Any]:
    """Raw spaCy over the cleaned texts: the model with every component, loaded before timing.

    `blis` is spaCy as installed (the baseline); `numpy` is the matrix backend the pipeline loads the
    model with, which tells how much of the pipeline's time the rule code takes."""
    from pipeline.ingest import read_corpus
    from pipeline.nlp.build import load_model
    from pipeline.process import BATCH_SIZE, peak_rss_mb
    from pipeline.records import RawArticle

    texts = [a.text for a in read_corpus(corpus) if isinstance(a, RawArticle)]
    t0 = time.perf_counter()
    nlp = load_model("numpy" if backend == "numpy" else "blis")
    load = time.perf_counter() - t0
    t0, c0 = time.perf_counter(), _cpu_seconds()
    tokens = sum(len(doc) for doc in nlp.pipe(texts, n_process=procs, batch_size=BATCH_SIZE))
    seconds = time.perf_counter() - t0
    return {"articles": len(texts), "tokens": tokens, "seconds": seconds, "cpu_seconds": _cpu_seconds() - c0,
            "load_seconds": load, "rss_mb": peak_rss_mb()}


def _phase_pipeline(corpus: Path, out: Path, procs: int, engine: str) -> dict[str, Any]:
    """The whole pipeline from reading to Parquet (model loading included), into a fresh folder."""
    import shutil

    import pyarrow.parquet as pq

    from pipeline.process import peak_rss_mb
    from pipeline.run import run

    shutil.rmtree(out, ignore_errors=True)
    kwargs: dict[str, Any] = {"engine": engine} if engine != "local" else {}
    load = 0.0
    if engine == "local":
        # Like raw spaCy: the model is loaded before the clock starts (worker processes are forked
        # from this one and inherit it). The load time is reported beside.
        from pipeline.nlp import get_nlp

        t0 = time.perf_counter()
        get_nlp()
        load = time.perf_counter() - t0
    t0, c0 = time.perf_counter(), _cpu_seconds()
    summary = run(corpus, out, n_process=procs, progress=False, **kwargs)
    seconds, cpu = time.perf_counter() - t0, _cpu_seconds() - c0
    tokens = sum(pq.read_table(out / "articles.parquet", columns=["n_tokens"]).column(0).to_pylist())
    return {"articles": summary.new, "failed": summary.failed, "tokens": tokens, "seconds": seconds,
            "cpu_seconds": cpu, "load_seconds": load, "rss_mb": peak_rss_mb()}


def _run_phase(args: list[str]) -> dict[str, Any]:
    cmd = [sys.executable, "-m", "pipeline.bench", "--phase", *args]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        raise RuntimeError(f"bench phase {args} failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _noop(corpus: Path, out: Path) -> dict[str, Any]:
    """A no-op re-run through the CLI, timed from the outside (interpreter start included)."""
    cmd = [sys.executable, "-m", "pipeline", "run", "--corpus", str(corpus), "--out", str(out), "--no-progress"]
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True)
    seconds = time.perf_counter() - t0
    if proc.returncode != 0:
        raise RuntimeError(f"no-op run failed:\n{proc.stderr[-3000:]}")
    return {"seconds": seconds, "message": proc.stdout.strip().splitlines()[-1] if proc.stdout.strip() else ""}


def _count_files(corpus: Path) -> int:
    return sum(1 for _ in corpus.glob("bench_*.txt"))


def measure(n: int, procs: list[int], workdir: Path, seed: int = 0, noop_n: int = 0, scale: int = 0,
            engine: str = "local", short: bool = False, log=print, repeat: int = 1) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    """Run every measurement; return the numbers (see `report`). With `repeat` > 1 the raw and
    pipeline runs are repeated in turn and each keeps its fastest run (timeit's convention: a
    shared machine only ever slows a run down, and interleaving spreads its drift over both)."""
    paragraphs = (1, 2) if short else (5, 10)
    corpus = build_corpus(workdir / "corpus", n, seed, paragraphs)
    res: dict[str, Any] = {"n": n, "seed": seed, "engine": engine, "cpus": os.cpu_count(), "repeat": repeat,
                           "raw": {}, "raw_numpy": {}, "pipeline": {}}
    phases = [(key, p, ["raw", "--corpus", str(corpus), "--procs", str(p), "--backend", backend], f"raw spaCy ({backend} backend)")
              for key, backend in (("raw", "blis"), ("raw_numpy", "numpy")) for p in procs]
    phases += [("pipeline", p, ["pipeline", "--corpus", str(corpus), "--out", str(workdir / f"out_{p}"), "--procs", str(p),
                                "--engine", engine], f"pipeline ({engine})") for p in procs]
    for round_ in range(1, max(1, repeat) + 1):
        for key, p, args, label in phases:
            log(f"{label}, {p} process(es), run {round_}/{max(1, repeat)} ...")
            m = _run_phase(args)
            if p not in res[key] or m["seconds"] < res[key][p]["seconds"]:
                res[key][p] = m
    log("no-op re-run ...")
    res["noop"] = {"articles": n, **_noop(corpus, workdir / f"out_{procs[0]}")}
    if noop_n:
        log(f"no-op re-run over {noop_n} short articles (first run untimed) ...")
        big = build_corpus(workdir / "corpus_noop", noop_n, seed + 1, (1, 1))
        _run_phase(["pipeline", "--corpus", str(big), "--out", str(workdir / "out_noop"), "--procs", str(max(procs)), "--engine", "local"])
        res["noop_big"] = {"articles": noop_n, **_noop(big, workdir / "out_noop")}
    if scale > 1:
        log(f"pipeline on {scale}x the corpus ({scale * n} articles), {max(procs)} process(es) ...")
        big = build_corpus(workdir / "corpus_scale", n * scale, seed, paragraphs)
        res["scale"] = {"factor": scale, **_run_phase(["pipeline", "--corpus", str(big), "--out", str(workdir / "out_scale"), "--procs", str(max(procs)), "--engine", engine])}
    return res


def _rate(m: dict[str, Any]) -> float:
    return m["tokens"] / m["seconds"] if m["seconds"] > 0 else 0.0


def _cpu_rate(m: dict[str, Any]) -> float:
    cpu = m.get("cpu_seconds") or 0.0
    return m["tokens"] / cpu if cpu > 0 else 0.0


def _rate_loaded(m: dict[str, Any]) -> float:
    total = m["seconds"] + m.get("load_seconds", 0.0)
    return m["tokens"] / total if total > 0 else 0.0


def _ratio(rate, pipe: dict[str, Any], raw: dict[str, Any] | None) -> str:  # type: ignore[no-untyped-def]
    return f"{rate(pipe) / rate(raw):.2f}" if raw and rate(raw) else ""


def _worker_rss(m: dict[str, Any], procs: int) -> float:
    # One process: the work happens in the main process. More: in the (largest) child.
    return m["rss_mb"]["self"] if procs <= 1 else m["rss_mb"]["children"]


def report(res: dict[str, Any]) -> str:
    """The Markdown results table and the headline ratios."""
    procs = sorted(int(p) for p in res["raw"])
    raw = {int(k): v for k, v in res["raw"].items()}
    raw_np = {int(k): v for k, v in res.get("raw_numpy", {}).items()}
    pipe = {int(k): v for k, v in res["pipeline"].items()}
    lines = [
        f"corpus: {res['n']} synthetic articles (seed {res['seed']}), {raw[procs[0]]['tokens']} tokens; "
        f"{res['cpus']} CPUs; engine {res['engine']}; fastest of {res.get('repeat', 1)} run(s) each",
        "",
        "| run | processes | seconds | tokens/s | pipeline / raw | pipeline / raw, same backend | speed-up vs 1 process "
        "| tokens/s incl. model load | tokens per CPU-second | pipeline / raw (CPU) | peak RSS main (MB) "
        "| peak RSS per worker (MB) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    runs = [("raw spaCy nlp.pipe", raw), ("raw spaCy nlp.pipe, numpy backend", raw_np), ("pipeline end to end", pipe)]
    for name, table in runs:
        for p in sorted(table):
            m = table[p]
            is_pipe = name.startswith("pipeline")
            ratio = _ratio(_rate, pipe[p], raw.get(p)) if is_pipe else ""
            same = _ratio(_rate, pipe[p], raw_np.get(p)) if is_pipe else ""
            speedup = f"{_rate(m) / _rate(table[procs[0]]):.2f}" if p != procs[0] and _rate(table[procs[0]]) else ""
            cpu_ratio = _ratio(_cpu_rate, pipe[p], raw.get(p)) if is_pipe else ""
            lines.append(
                f"| {name} | {p} | {m['seconds']:.1f} | {_rate(m):,.0f} | {ratio} | {same} | {speedup} | {_rate_loaded(m):,.0f} | "
                f"{_cpu_rate(m):,.0f} | {cpu_ratio} | {m['rss_mb']['self']:.0f} | {_worker_rss(m, p):.0f} |".replace("| 0 |", "|  |")
            )
    for key in ("noop", "noop_big"):
        if key in res:
            lines.append(f"| no-op re-run (CLI), {res[key]['articles']} articles | | {res[key]['seconds']:.2f} | | | | | | | | | |")
    if "scale" in res:
        s = res["scale"]
        p = procs[-1]
        lines.append(
            f"| pipeline, {s['factor']}x corpus ({s['articles']} articles) | {p} | {s['seconds']:.1f} | {_rate(s):,.0f} | | | | "
            f"{_rate_loaded(s):,.0f} | {_cpu_rate(s):,.0f} | | {s['rss_mb']['self']:.0f} | {_worker_rss(s, p):.0f} |"
        )
    lines += ["", "raw spaCy: the model as spaCy loads it (blis matrix kernels); 'numpy backend': the same model on "
              "numpy's BLAS, as the pipeline loads it, so 'pipeline / raw, same backend' is the share of the "
              "time left to spaCy's model once the rule code and the I/O are added.",
              "seconds and tokens/s: model already loaded (workers forked from a process that loaded it), "
              "for raw spaCy and the pipeline alike; 'incl. model load' adds the load time. "
              "CPU columns: tokens per CPU-second of the process and its workers, which other programs "
              "running on the machine do not distort (wall-time ratios do depend on them)."]
    return "\n".join(lines)


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m pipeline.bench", description=__doc__.split("\n")[0])
    p.add_argument("--n", type=int, default=int(os.environ.get("BENCH_N", 200)), help="articles in the corpus (default 200, env BENCH_N)")
    p.add_argument("--procs", type=int, nargs="+", default=[1, 2], help="process counts to measure (default: 1 2)")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--noop-n", type=int, default=int(os.environ.get("BENCH_NOOP_N", 1000)), help="short articles for the big no-op re-run (0: skip)")
    p.add_argument("--scale", type=int, default=int(os.environ.get("BENCH_SCALE", 0)), help="also run on a corpus this many times larger (memory check)")
    p.add_argument("--engine", default=os.environ.get("ENGINE", "local"), help="engine of the pipeline runs (local or ray)")
    p.add_argument("--short", action="store_true", help="short articles (for a quick check)")
    p.add_argument("--repeat", type=int, default=int(os.environ.get("BENCH_REPEAT", 2)),
                   help="runs of each raw/pipeline measurement, taken in turn; the fastest is kept (default 2, env BENCH_REPEAT)")
    p.add_argument("--workdir", type=Path, default=ROOT / "bench_out")
    p.add_argument("--json", type=Path, default=None, help="where to write the numbers (default: WORKDIR/bench.json)")
    # internal: one measurement in this process
    p.add_argument("--phase", choices=["raw", "pipeline"], help=argparse.SUPPRESS)
    p.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    p.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    p.add_argument("--backend", choices=["blis", "numpy"], default="blis", help=argparse.SUPPRESS)
    return p


def main(argv: list[str] | None = None) -> int:
    """Entry point of `make bench`."""
    args = _parser().parse_args(argv)
    if args.phase == "raw":
        print(json.dumps(_phase_raw(args.corpus, args.procs[0], args.backend)))
        return 0
    if args.phase == "pipeline":
        print(json.dumps(_phase_pipeline(args.corpus, args.out, args.procs[0], args.engine)))
        return 0
    procs = sorted(set(args.procs))
    res = measure(args.n, procs, args.workdir, args.seed, args.noop_n, args.scale, args.engine, args.short,
                  log=lambda m: print(m, file=sys.stderr, flush=True), repeat=args.repeat)
    text = report(res)
    print(text)
    json_path = args.json or args.workdir / "bench.json"
    json_path.parent.mkdir(parents=True, exist_ok=True)
    json_path.write_text(json.dumps(res, indent=1), encoding="utf-8")
    print(f"\nnumbers written to {json_path}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
