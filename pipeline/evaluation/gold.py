"""Reading an annotated folder: gold JSON files (GOLD_FORMAT.md) and the article files they describe.

Two layouts are accepted:
- the dev-set layout `DIR/gold/<stem>.json` + `DIR/articles/<stem>.<ext>`;
- the flat layout `DIR/<stem>.json` (e.g. `tests/annotated/`), with the articles beside the JSON
  files, or in the folder named by `--articles`, or where the gold's `source` field points
  (relative to the current folder or to the project root).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm")
PROJECT_ROOT = Path(__file__).resolve().parents[2]
ACTOR_TYPES = ("PER", "ORG")  # the actor measures only count people and organisations


@dataclass(frozen=True)
class GoldActor:
    name: str
    type: str
    aliases: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class GoldEvent:
    recipient: str
    amount: float | None
    currency: str | None
    investors: tuple[str, ...]
    round: str | None
    evidence: str | None


@dataclass(frozen=True)
class GoldQuote:
    text: str
    speaker: str | None
    kind: str | None


@dataclass(frozen=True)
class GoldRole:
    person: str
    org: str
    role: str | None


@dataclass
class GoldArticle:
    """One annotated article: its gold facts and the path of its text."""

    stem: str
    article_path: Path | None
    actors: list[GoldActor] = field(default_factory=list)
    events: list[GoldEvent] = field(default_factory=list)
    quotes: list[GoldQuote] = field(default_factory=list)
    roles: list[GoldRole] = field(default_factory=list)

    def names_of(self, name: str | None) -> tuple[str, ...]:
        """`name` plus the aliases the gold gives to the actor of that name (optional `aliases` field)."""
        if not name:
            return ()
        for actor in self.actors:
            if name in actor.names:
                return actor.names
        return (name,)


def parse_gold(stem: str, data: dict[str, Any], article_path: Path | None = None) -> GoldArticle:
    """Build a `GoldArticle` from one gold JSON object. Roles without both ends are not scored."""
    actors = [
        GoldActor(a["name"], a["type"], tuple(a.get("aliases") or ()))
        for a in data.get("actors", [])
        if a.get("type") in ACTOR_TYPES and a.get("name")
    ]
    events = [
        GoldEvent(
            recipient=e["recipient"],
            amount=None if e.get("amount") is None else float(e["amount"]),
            currency=e.get("currency"),
            investors=tuple(x for x in e.get("investors") or () if x),
            round=e.get("round"),
            evidence=e.get("evidence"),
        )
        for e in data.get("funding_events", [])
    ]
    quotes = [GoldQuote(q["text"], q.get("speaker"), q.get("kind")) for q in data.get("quotes", [])]
    roles = [
        GoldRole(r["person"], r["org"], r.get("role"))
        for r in data.get("roles", [])
        if r.get("person") and r.get("org")
    ]
    return GoldArticle(stem, article_path, actors, events, quotes, roles)


def gold_files(gold_dir: Path) -> list[Path]:
    """The gold JSON files of a folder in either layout, sorted."""
    nested = gold_dir / "gold"
    folder = nested if nested.is_dir() else gold_dir
    return sorted(folder.glob("*.json"))


def find_article(stem: str, gold_dir: Path, data: dict[str, Any], articles_dir: Path | None = None) -> Path | None:
    """The article file annotated by the gold `stem`, or None when it cannot be found."""
    folders = [articles_dir, gold_dir / "articles", gold_dir]
    for folder in (f for f in folders if f is not None):
        for suffix in ARTICLE_SUFFIXES:
            candidate = folder / f"{stem}{suffix}"
            if candidate.is_file():
                return candidate
    source = data.get("source")
    if source and "://" not in source:
        for base in (Path.cwd(), PROJECT_ROOT):
            candidate = base / source
            if candidate.is_file():
                return candidate
    return None


def load_gold(gold_dir: Path, articles_dir: Path | None = None) -> list[GoldArticle]:
    """Every annotated article of `gold_dir` (see the module docstring for the layouts)."""
    articles = []
    for path in gold_files(gold_dir):
        data = json.loads(path.read_text(encoding="utf-8"))
        stem = path.stem
        articles.append(parse_gold(stem, data, find_article(stem, gold_dir, data, articles_dir)))
    return articles
