"""Printing scores and writing the misses file."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping
from pathlib import Path

from pipeline.evaluation.matching import Score
from pipeline.evaluation.scoring import INFO_MEASURES, MEASURES, Miss


def format_table(scores: Mapping[str, Score], title: str | None = None) -> str:
    """Plain-text table: one line per measure with P, R, F1 and tp/sys/gold counts."""
    lines = [title] if title else []
    lines.append(f"{'measure':18s} {'P':>6s} {'R':>6s} {'F1':>6s}  tp/sys/gold")
    for measure in (*MEASURES, *INFO_MEASURES):
        if measure not in scores:
            continue
        s = scores[measure]
        if measure in INFO_MEASURES and s.n_gold == 0:
            continue
        if s.n_sys == 0 and s.n_gold == 0:
            lines.append(f"{measure:18s} {'n/a':>6s} {'n/a':>6s} {'n/a':>6s}  0/0/0")
        else:
            lines.append(f"{measure:18s} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f}  {s.tp}/{s.n_sys}/{s.n_gold}")
    return "\n".join(lines)


def format_markdown(columns: Mapping[str, Mapping[str, Score]]) -> str:
    """Markdown table with one P / R / F1 group per system (e.g. pipeline and baseline)."""
    names = list(columns)
    head = "| measure | " + " | ".join(f"{n} P | {n} R | {n} F1" for n in names) + " |"
    rule = "|---|" + "---:|" * (3 * len(names))
    rows = [head, rule]
    for measure in MEASURES:
        cells = []
        for name in names:
            s = columns[name].get(measure, Score())
            if s.n_sys == 0 and s.n_gold == 0:  # e.g. investors when no event was matched
                cells += ["–", "–", "–"]
            else:
                cells += [f"{s.precision:.2f}", f"{s.recall:.2f}", f"{s.f1:.2f}"]
        rows.append(f"| {measure} | " + " | ".join(cells) + " |")
    return "\n".join(rows)


def miss_summary(misses: Iterable[Miss]) -> str:
    """One line: how many misses of each measure and kind."""
    counts = Counter(f"{m.measure}:{m.kind}" for m in misses)
    return ", ".join(f"{k}={v}" for k, v in sorted(counts.items())) or "no misses"


def write_misses(path: Path, misses: Iterable[Miss]) -> int:
    """Write one JSON object per miss; returns how many were written."""
    path.parent.mkdir(parents=True, exist_ok=True)
    n = 0
    with path.open("w", encoding="utf-8") as fh:
        for miss in misses:
            fh.write(json.dumps(miss.as_dict(), ensure_ascii=False) + "\n")
            n += 1
    return n


def write_scores(
    path: Path, scores: Mapping[str, Score], per_article: Mapping[str, Mapping[str, Score]] | None = None
) -> None:
    """The scores as JSON: {"total": measure -> p, r, f1, tp, sys, gold; "articles": stem -> same}."""
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {
        "total": {m: s.as_dict() for m, s in scores.items()},
        "articles": {a: {m: s.as_dict() for m, s in by.items()} for a, by in (per_article or {}).items()},
    }
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
