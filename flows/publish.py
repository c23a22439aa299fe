"""The analysts' copy: a read-only DuckDB file plus Parquet/CSV exports, replaced atomically.

DuckDB lets no other process open a file while a writer holds it, so analysts never query
the live file. After each weekly run the writer checkpoints, copies the file to a temporary
name and renames it over the published one; an analyst holding the old copy open keeps
reading it undisturbed, and the next connection sees the new one.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from flows.storage import Store
from reports.atomic import atomic_path

EXPORTS = {
    # name: query over the published copy
    "pledges": "SELECT * FROM pledges",
    "pledge_mentions": "SELECT * FROM pledge_mentions",
    "agreements": "SELECT * FROM agreements",
    "agreement_mentions": "SELECT * FROM agreement_mentions",
    "articles": "SELECT * EXCLUDE (text) FROM articles",
    "kiel_export": "SELECT * FROM kiel_export",
}
CSV_EXPORTS = ("kiel_export",)


def publish(store: Store) -> dict[str, Path]:
    """Publish the store to its published copy and its exports beside it; return what was
    written."""
    copy = store.published()
    target = copy.path
    with (
        atomic_path(target, mode=0o444) as tmp,
        store.session() as db,  # holding the writer lock: nobody writes mid-copy
    ):
        db.execute("CHECKPOINT")
        shutil.copyfile(store.path, tmp)
    written = {"database": target}
    exports = target.parent / "exports"
    exports.mkdir(exist_ok=True)
    with copy.session(read_only=True) as db:
        for name, query in EXPORTS.items():
            formats = ["parquet"] + (["csv"] if name in CSV_EXPORTS else [])
            for fmt in formats:
                path = exports / f"{name}.{fmt}"
                options = "FORMAT parquet" if fmt == "parquet" else "FORMAT csv, HEADER true"
                with atomic_path(path) as tmp:
                    db.execute(f"COPY ({query}) TO '{tmp}' ({options})")
                written[f"{name}.{fmt}"] = path
    return written
