"""Corpus-wide stages: actors resolved across articles, events merged, rows for every table."""

from pipeline.resolve.tables import build_tables

__all__ = ["build_tables"]
