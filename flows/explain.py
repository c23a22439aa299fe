"""`pledgewatch explain`: the rule trace of one article, from the database or a JSONL file.

No Prefect here: an analyst asking why a figure is in the briefing gets the answer at once.
The article is read from the published read-only copy (never blocking a run), else from the
live file when no copy exists yet.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from flows.storage import Store


@dataclass(frozen=True, slots=True)
class Article:
    text: str
    published: date | None
    outlet: str | None
    title: str | None
    label: str  # how the article was named: its id, URL or line
    url: str | None = None


class ArticleNotFound(LookupError):
    """No article by that id or URL."""


def from_jsonl(path: Path, wanted: str | None) -> Article:
    """The article with id or url ``wanted`` from a JSONL file (the first when None)."""
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            row: dict[str, Any] = json.loads(line)
            if wanted is None or wanted in (str(row.get("id")), row.get("url")):
                published = row.get("published")
                return Article(
                    row["text"],
                    date.fromisoformat(published[:10]) if published else None,
                    row.get("outlet"),
                    row.get("title"),
                    f"{path}:{number} ({row.get('id') or row.get('url')})",
                    row.get("url"),
                )
    raise ArticleNotFound(f"no article {wanted!r} in {path}")


def from_db(store: Store, wanted: str) -> Article:
    """The stored article whose id, URL or canonical URL is ``wanted``."""
    with store.session(read_only=True) as db:
        found = db.rows(
            "SELECT article_id, url, text, published_at, outlet, title FROM articles "
            "WHERE article_id = $1 OR url = $1 OR canonical_url = $1 LIMIT 1",
            [wanted],
        )
    if not found:
        raise ArticleNotFound(f"no article {wanted!r} in {store.path}")
    row = found[0]
    published = row["published_at"]
    return Article(
        row["text"] or "",
        published.date() if published else None,
        row["outlet"],
        row["title"],
        f"{row['article_id']} {row['url']}",
        row["url"],
    )
