"""`python -m pipeline.evaluate GOLD_DIR [--out OUT] [--baseline | --compare]`: score the pipeline on annotated articles.

Runs the pipeline (`pipeline.run.run`) on the annotated articles of GOLD_DIR (dev-set layout
`articles/` + `gold/`, or flat `<stem>.json` files, see `pipeline.evaluation.gold`) into OUT,
prints precision / recall / F1 per measure, and writes OUT/eval_scores.json and the misses
(false positives / negatives with their sentence) to OUT/eval_misses.jsonl.
`--baseline` scores plain spaCy NER instead; `--compare` prints both as a Markdown table.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

from pipeline.evaluation.floors import update_floors_file
from pipeline.evaluation.gold import GoldArticle, gold_files, load_gold
from pipeline.evaluation.matching import Score
from pipeline.evaluation.report import format_markdown, format_table, miss_summary, write_misses, write_scores
from pipeline.evaluation.scoring import Miss, score_corpus
from pipeline.evaluation.system import SysArticle, baseline_views, load_views

DEFAULT_OUT = Path("outputs") / "eval"


@dataclass
class Evaluation:
    """Scores and misses of one system on one annotated folder."""

    scores: dict[str, Score]
    misses: list[Miss]
    n_articles: int
    unreadable: list[str]  # gold stems whose article file was not found or gave no output


def stage_corpus(golds: list[GoldArticle], corpus: Path) -> list[str]:
    """Copy the annotated articles into a fresh `corpus` folder; returns the stems with no article file."""
    if corpus.exists():
        shutil.rmtree(corpus)
    corpus.mkdir(parents=True)
    missing = []
    for gold in golds:
        if gold.article_path is None:
            missing.append(gold.stem)
            continue
        shutil.copyfile(gold.article_path, corpus / f"{gold.stem}{gold.article_path.suffix}")
    return missing


def pipeline_views(corpus: Path, out: Path, n_process: int) -> dict[str, SysArticle]:
    """Run the pipeline on `corpus` into `out/tables` (incremental) and read its tables."""
    from pipeline.run import run

    tables = out / "tables"
    run(corpus, tables, n_process=n_process, progress=False)
    return load_views(tables)


def spacy_baseline_views(corpus: Path) -> dict[str, SysArticle]:
    """Plain `fr_core_news_md` NER on the same cleaned texts the pipeline reads."""
    import spacy

    from pipeline.ingest import read_corpus
    from pipeline.nlp.build import MODEL
    from pipeline.records import RawArticle

    texts = {
        Path(item.source).stem: item.text for item in read_corpus(corpus) if isinstance(item, RawArticle)
    }
    return baseline_views(texts, spacy.load(MODEL))


def evaluate(
    gold_dir: Path,
    out: Path,
    baseline: bool = False,
    n_process: int = 1,
    articles_dir: Path | None = None,
    write: bool = True,
) -> Evaluation:
    """Score the pipeline (or the spaCy baseline) on the annotated articles of `gold_dir`."""
    golds = load_gold(gold_dir, articles_dir)
    corpus = out / "corpus"
    unreadable = stage_corpus(golds, corpus)
    views = spacy_baseline_views(corpus) if baseline else pipeline_views(corpus, out, n_process)
    unreadable += [g.stem for g in golds if g.article_path is not None and g.stem not in views]
    result = score_corpus(golds, views)
    if write:
        write_scores(out / "eval_scores.json", result.scores, result.per_article)
        write_misses(out / "eval_misses.jsonl", result.misses)
    return Evaluation(result.scores, result.misses, len(golds), unreadable)


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m pipeline.evaluate", description=__doc__.splitlines()[0])
    p.add_argument("gold", type=Path, help="annotated folder (articles/ + gold/, or flat <stem>.json files)")
    p.add_argument("--out", type=Path, default=None, help="work folder (default: outputs/eval/<gold name>)")
    p.add_argument("--articles", type=Path, default=None, help="where the article files are, if not beside the gold")
    p.add_argument("-j", "--jobs", type=int, default=1, help="worker processes for the pipeline run (default 1)")
    mode = p.add_mutually_exclusive_group()
    mode.add_argument("--baseline", action="store_true", help="score plain spaCy NER instead of the pipeline")
    mode.add_argument("--compare", action="store_true", help="score both and print a Markdown table")
    p.add_argument(
        "--raise-floors",
        type=Path,
        default=None,
        metavar="FILE",
        help="raise the floors of this gold folder in FILE (e.g. tests/floors.json) to the pipeline's scores",
    )
    return p


def _default_out(gold_dir: Path) -> Path:
    return DEFAULT_OUT / (gold_dir.resolve().name or "gold")


def _show(name: str, ev: Evaluation, out: Path) -> None:
    print(format_table(ev.scores, f"{name}: {ev.n_articles} annotated articles"))
    if ev.unreadable:
        print("articles with no output:", " ".join(ev.unreadable), file=sys.stderr)
    print(f"misses ({miss_summary(ev.misses)}) -> {out / 'eval_misses.jsonl'}")


def main(argv: list[str] | None = None) -> int:
    """Entry point; exit status 1 when the folder holds no gold file, 2 when it is not a folder."""
    args = _parser().parse_args(argv)
    if not args.gold.is_dir():
        print(f"error: not a folder: {args.gold}", file=sys.stderr)
        return 2
    if not gold_files(args.gold):
        print(f"error: no gold file in {args.gold} (expected gold/*.json or *.json)", file=sys.stderr)
        return 1
    out = args.out or _default_out(args.gold)
    runs = {"pipeline": False, "spaCy baseline": True}
    if args.baseline:
        runs = {"spaCy baseline": True}
    elif not args.compare:
        runs = {"pipeline": False}
    results = {}
    for name, is_baseline in runs.items():
        folder = out / "baseline" if is_baseline else out
        ev = evaluate(args.gold, folder, baseline=is_baseline, n_process=args.jobs, articles_dir=args.articles)
        _show(name, ev, folder)
        results[name] = ev.scores
        if args.raise_floors and not is_baseline:
            section = args.gold.resolve().name
            update_floors_file(args.raise_floors, section, ev.scores)
            print(f"floors of {section!r} raised where measured higher -> {args.raise_floors}")
    if args.compare:
        print()
        print(format_markdown(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
