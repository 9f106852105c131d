"""The package's type hints hold: mypy (configured in pyproject.toml) finds no error in pipeline/."""

from __future__ import annotations

from pathlib import Path

from mypy import api

ROOT = Path(__file__).resolve().parents[1]


def test_pipeline_is_mypy_clean():
    report, errors, status = api.run(["--config-file", str(ROOT / "pyproject.toml"), str(ROOT / "pipeline")])
    assert status == 0, report + errors
