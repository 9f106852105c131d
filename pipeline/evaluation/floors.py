"""Regression floors: the minimum P / R / F1 per measure, kept in a small JSON file.

Floors only go up: `raise_floors` keeps the higher of the recorded floor and the new measurement
rounded down to two decimals, and ignores measures with nothing to score (no gold, no output).
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from pathlib import Path

from pipeline.evaluation.matching import Score
from pipeline.evaluation.scoring import MEASURES

STATS = ("p", "r", "f1")


def round_down(value: float) -> float:
    """`value` rounded down to two decimals (0.7649 -> 0.76; 0.29 stays 0.29 despite float noise)."""
    return math.floor(round(value * 100, 6)) / 100


def measured(score: Score) -> dict[str, float] | None:
    """P / R / F1 rounded down, or None when there was nothing to score."""
    if score.n_sys == 0 and score.n_gold == 0:
        return None
    return {"p": round_down(score.precision), "r": round_down(score.recall), "f1": round_down(score.f1)}


def raise_floors(floors: Mapping[str, Mapping[str, float]], scores: Mapping[str, Score]) -> dict[str, dict[str, float]]:
    """New floors: per measure and statistic, the higher of the old floor and the measurement."""
    new: dict[str, dict[str, float]] = {}
    for measure in MEASURES:
        old = {s: float(floors.get(measure, {}).get(s, 0.0)) for s in STATS}
        got = measured(scores.get(measure, Score()))
        new[measure] = old if got is None else {s: max(old[s], got[s]) for s in STATS}
    return new


def update_floors_file(path: Path, section: str, scores: Mapping[str, Score]) -> dict[str, dict[str, float]]:
    """Raise the floors of `section` in the JSON file at `path` (created if absent); returns them."""
    data = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    data[section] = raise_floors(data.get(section, {}), scores)
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return data[section]
