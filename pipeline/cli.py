"""Command line: `python -m pipeline run --corpus DIR --out DIR` (also the `actualites` script)."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path


EXAMPLES = """examples:
  actualites run                                   # corpus/ -> outputs/
  actualites run --corpus articles --out tables -j 2
  python -m pipeline -v run --corpus articles      # with progress logging
"""


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="actualites",
        description="Turn French news articles into Parquet tables of actors, funding events, quotes and relations.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("-v", "--verbose", action="count", default=0, help="more logging (-v info, -vv debug)")
    sub = p.add_subparsers(dest="command", required=True)
    r = sub.add_parser(
        "run",
        help="process new or changed articles of a corpus folder into tables",
        description="Read every .txt, .md, .html/.htm and .jsonl file under CORPUS (recursively), process the "
        "articles that are new or changed since the last run into OUT, and rewrite the tables. Unreadable "
        "inputs are listed on stderr and in OUT/errors.parquet; the exit status is 0 unless no article at "
        "all could be read (1), or the corpus folder does not exist (2).",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    r.add_argument("-v", "--verbose", action="count", default=argparse.SUPPRESS, help="more logging (-v info, -vv debug)")
    r.add_argument("--corpus", type=Path, default=Path("corpus"), help="folder of articles (default: corpus)")
    r.add_argument("--out", type=Path, default=Path("outputs"), help="folder of the tables (default: outputs)")
    r.add_argument("-j", "--jobs", type=int, default=None, help="worker processes (default: all cores)")
    r.add_argument("--no-progress", action="store_true", help="no progress bar")
    _engine_arguments(r)
    return p


def _engine_arguments(r: argparse.ArgumentParser) -> None:
    r.add_argument(
        "--engine", choices=["local", "ray"], default="local",
        help="where the per-article stages run: local processes (default) or Ray (optional extra)",
    )
    r.add_argument(
        "--ray-address", default=None,
        help="Ray cluster to use with --engine ray, e.g. ray://head:10001 (default: $RAY_ADDRESS, else a local Ray)",
    )


def _print_summary(summary) -> None:  # type: ignore[no-untyped-def]
    if summary.nothing_to_do:
        print(f"nothing new: {summary.unchanged} articles unchanged, tables left as they are ({summary.seconds:.2f} s)")
        return
    inputs = getattr(summary, "input_errors", 0)
    problems = f"; {inputs} input problem{'s' * (inputs != 1)} (see the errors table)" if inputs else ""
    print(f"articles: {summary.new} new, {summary.unchanged} unchanged, {summary.failed} failed{problems}")
    for name, n in summary.rows.items():
        print(f"  {name:15s} {n:7d} rows")
    print(f"done in {summary.seconds:.1f} s")


def main(argv: list[str] | None = None) -> int:
    """Entry point; returns the exit status (0 unless no article at all could be read)."""
    args = _parser().parse_args(argv)
    level = [logging.WARNING, logging.INFO, logging.DEBUG][min(args.verbose, 2)]
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
    if args.command == "run":
        from pipeline.run import run

        if not args.corpus.is_dir():
            print(f"error: corpus folder not found: {args.corpus}", file=sys.stderr)
            return 2
        summary = run(
            args.corpus, args.out, n_process=args.jobs, progress=not args.no_progress,
            engine=args.engine, ray_address=args.ray_address,
        )
        _print_summary(summary)
        n_articles = summary.unchanged if summary.nothing_to_do else summary.rows.get("articles", 0)
        if n_articles == 0:
            print("error: no article could be read", file=sys.stderr)
            return 1
    return 0
