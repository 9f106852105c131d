"""Evaluation against hand-annotated gold (GOLD_FORMAT.md): matching rules, scoring, baseline.

`pipeline.evaluate` is the command line; this package holds the pieces:
`matching` (how a system item is matched to a gold item), `gold` (reading an annotated folder),
`system` (reading the pipeline's tables, or the plain-spaCy baseline, into per-article views),
`scoring` (counts and misses per measure) and `report` (table and misses file).
"""
