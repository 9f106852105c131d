"""What a system produced for each article, read from the output tables (CONTRACT.md columns only).

The scorer depends on the contract, not on the pipeline's internals, so any run folder can be
scored. `baseline_views` builds the same views from plain spaCy NER for the README comparison.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

ROLE_PREDICATES = {"role"}


@dataclass(frozen=True)
class SysActor:
    names: tuple[str, ...]  # canonical name first, then the aliases
    type: str | None
    actor_id: str | None = None


@dataclass(frozen=True)
class SysEvent:
    recipient: tuple[str, ...]
    amount: float | None
    currency: str | None
    investors: tuple[tuple[str, ...], ...]  # the names of each investor
    round: str | None
    evidence: str | None


@dataclass(frozen=True)
class SysQuote:
    text: str
    speaker: tuple[str, ...]  # empty when the system gives no speaker
    kind: str | None


@dataclass(frozen=True)
class SysRole:
    person: tuple[str, ...]
    org: tuple[str, ...]
    attribute: str | None
    evidence: str | None


@dataclass
class SysArticle:
    """Everything the system says about one article."""

    stem: str
    text: str = ""
    actors: list[SysActor] = field(default_factory=list)
    events: list[SysEvent] = field(default_factory=list)
    quotes: list[SysQuote] = field(default_factory=list)
    roles: list[SysRole] = field(default_factory=list)


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def _as_list(value: Any) -> list[Any]:
    if _missing(value):
        return []
    if isinstance(value, str):
        return [value]
    return [v for v in list(value) if not _missing(v)]


def _opt(value: Any) -> Any:
    return None if _missing(value) else value


def stem_of(source: str) -> str:
    """Article stem of a `source` value ("sub/d001.txt" -> "d001")."""
    return Path(str(source).split("#")[0]).stem


def _read(out_dir: Path, name: str) -> pd.DataFrame | None:
    path = out_dir / f"{name}.parquet"
    return pd.read_parquet(path) if path.exists() else None


class _Names:
    """Actor id -> names (canonical first, then aliases) and type."""

    def __init__(self, actors: pd.DataFrame | None) -> None:
        self.names: dict[str, tuple[str, ...]] = {}
        self.types: dict[str, str] = {}
        if actors is None:
            return
        for row in actors.itertuples(index=False):
            aliases = [a for a in _as_list(row.aliases) if a != row.name]
            self.names[row.actor_id] = (row.name, *aliases)
            self.types[row.actor_id] = row.type

    def of(self, actor_id: Any, name: Any = None) -> tuple[str, ...]:
        """Names of an actor: the name in the row first, then the actor table's forms."""
        found = [name] if not _missing(name) else []
        found += self.names.get(actor_id, ()) if not _missing(actor_id) else ()
        return tuple(dict.fromkeys(n for n in found if n))


def load_views(out_dir: Path) -> dict[str, SysArticle]:
    """Per-article system views (keyed by article stem) from the tables in `out_dir`."""
    articles = _read(out_dir, "articles")
    if articles is None:
        return {}
    names = _Names(_read(out_dir, "actors"))
    views: dict[str, SysArticle] = {}
    by_id: dict[str, list[SysArticle]] = {}
    for row in articles.itertuples(index=False):
        sources = _as_list(getattr(row, "sources", None)) or [row.source]
        for source in sources:
            view = SysArticle(stem_of(source), text=row.text)
            views[view.stem] = view
            by_id.setdefault(row.article_id, []).append(view)
    _add_actors(by_id, names, _read(out_dir, "mentions"))
    _add_events(by_id, names, _read(out_dir, "funding_events"))
    _add_quotes(by_id, names, _read(out_dir, "quotes"))
    _add_roles(by_id, names, _read(out_dir, "relations"))
    return views


def _add_actors(by_id: dict[str, list[SysArticle]], names: _Names, mentions: pd.DataFrame | None) -> None:
    if mentions is None:
        return
    for article_id, group in mentions.groupby("article_id", sort=False):
        ids = list(dict.fromkeys(group["actor_id"].dropna()))
        actors = [SysActor(names.of(i), names.types.get(i), i) for i in ids]
        for view in by_id.get(article_id, []):
            view.actors.extend(actors)


def _add_events(by_id: dict[str, list[SysArticle]], names: _Names, events: pd.DataFrame | None) -> None:
    if events is None:
        return
    for row in events.to_dict("records"):
        ids = _as_list(row.get("investor_ids"))
        labels = _as_list(row.get("investors"))
        investors = tuple(
            names.of(ids[k] if k < len(ids) else None, labels[k] if k < len(labels) else None)
            for k in range(max(len(ids), len(labels)))
        )
        event = SysEvent(
            recipient=names.of(row.get("recipient_id"), row.get("recipient")),
            amount=_opt(row.get("amount")),
            currency=_opt(row.get("currency")),
            investors=investors,
            round=_opt(row.get("round")),
            evidence=_opt(row.get("evidence")),
        )
        for article_id in _as_list(row.get("article_ids")):
            for view in by_id.get(article_id, []):
                view.events.append(event)


def _add_quotes(by_id: dict[str, list[SysArticle]], names: _Names, quotes: pd.DataFrame | None) -> None:
    if quotes is None:
        return
    for row in quotes.to_dict("records"):
        quote = SysQuote(row["text"], names.of(row.get("speaker_id"), row.get("speaker")), _opt(row.get("kind")))
        for view in by_id.get(row["article_id"], []):
            view.quotes.append(quote)


def _add_roles(by_id: dict[str, list[SysArticle]], names: _Names, relations: pd.DataFrame | None) -> None:
    if relations is None:
        return
    for row in relations.to_dict("records"):
        if str(row.get("predicate", "")).lower() not in ROLE_PREDICATES:
            continue
        role = SysRole(
            person=names.of(row.get("subject_id"), row.get("subject")),
            org=names.of(row.get("object_id"), row.get("object")),
            attribute=_opt(row.get("attribute")),
            evidence=_opt(row.get("evidence")),
        )
        for view in by_id.get(row["article_id"], []):
            view.roles.append(role)


def baseline_views(texts: dict[str, str], nlp: Any) -> dict[str, SysArticle]:
    """Plain spaCy NER as a system: each distinct (text, label) entity of an article is an actor.

    `nlp` is the bare French model (no project component), so the numbers show what spaCy gives
    before any rule. The baseline extracts no funding event, quote or role.
    """
    views = {}
    stems = list(texts)
    for stem, doc in zip(stems, nlp.pipe(texts[s] for s in stems), strict=True):
        seen = dict.fromkeys((ent.text.strip(), ent.label_) for ent in doc.ents if ent.text.strip())
        actors = [SysActor((text,), label) for text, label in seen]
        views[stem] = SysArticle(stem, text=texts[stem], actors=actors)
    return views

