"""Quality floors: the pipeline, scored on the annotated samples, must not fall below tests/floors.json.

One pipeline run per test session (n_process=1). Floors only go up: after an improvement, raise
them to the new measured values rounded down to two decimals (see tests/annotated/README.md).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.evaluation.scoring import MEASURES

ROOT = Path(__file__).resolve().parent.parent
FLOORS_FILE = ROOT / "tests" / "floors.json"
ANNOTATED = ROOT / "tests" / "annotated"
STATS = ("p", "r", "f1")


def _floors() -> dict[str, dict[str, float]]:
    return json.loads(FLOORS_FILE.read_text(encoding="utf-8"))["annotated"]


@pytest.fixture(scope="session")
def annotated_scores(tmp_path_factory):
    """Scores of one pipeline run on the annotated samples."""
    from pipeline.evaluate import evaluate

    result = evaluate(ANNOTATED, tmp_path_factory.mktemp("eval_annotated"), n_process=1)
    assert not result.unreadable, f"no output for {result.unreadable}"
    return {m: s.as_dict() for m, s in result.scores.items()}


def test_floors_file_has_every_measure():
    floors = _floors()
    assert set(floors) == set(MEASURES)
    for measure, values in floors.items():
        assert set(values) == set(STATS), measure
        assert all(0.0 <= v <= 1.0 and round(v, 2) == v for v in values.values()), measure


@pytest.mark.parametrize("measure", MEASURES)
def test_measure_is_not_below_its_floor(annotated_scores, measure):
    floor = _floors()[measure]
    got = annotated_scores[measure]
    below = {s: (got[s], floor[s]) for s in STATS if got[s] + 1e-9 < floor[s]}
    assert not below, f"{measure} below its floor (measured, floor): {below}; see eval_misses.jsonl"
