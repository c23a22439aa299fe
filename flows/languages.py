"""Language of stored articles that have none yet (stored before languages were detected)."""

from __future__ import annotations

from flows.storage import Store
from transforms.languages import detect


def backfill_languages(store: Store) -> int:
    """Detect and store the language of every article without one; return how many."""
    with store.session() as db:
        missing = db.execute(
            "SELECT article_id, coalesce(title, ''), text FROM articles WHERE language IS NULL"
        ).fetchall()
        if not missing:
            return 0
        found = [detect(f"{title}\n\n{text}") for _, title, text in missing]
        with db.transaction():
            db.execute(
                "UPDATE articles SET language = d.language, language_score = d.score FROM "
                "(SELECT unnest($1) AS article_id, unnest($2) AS language, unnest($3) AS score) d "
                "WHERE articles.article_id = d.article_id",
                [[m[0] for m in missing], [f[0] for f in found], [f[1] for f in found]],
            )
    return len(missing)
