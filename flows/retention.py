"""Keep the bookkeeping tables from growing without bound.

Ingest runs every 3 hours, so `runs` and `feed_fetches` gain ~3,000 and ~25,000 rows a year.
Old feed-health rows are dropped; old runs are dropped only when no stored record names
them (provenance must stay resolvable).
"""

from __future__ import annotations

from flows.storage import Session

KEEP_DAYS = 180

PRUNE_FETCHES = "DELETE FROM feed_fetches WHERE fetched_at < now() - to_days(CAST($1 AS INTEGER))"
PRUNE_RUNS = """
DELETE FROM runs r
WHERE r.started_at < now() - to_days(CAST($1 AS INTEGER))
  AND r.finished_at IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM articles a WHERE a.run_id = r.run_id)
  AND NOT EXISTS (SELECT 1 FROM pledge_mentions m WHERE m.run_id = r.run_id)
  AND NOT EXISTS (SELECT 1 FROM agreement_mentions m WHERE m.run_id = r.run_id)
  AND NOT EXISTS (SELECT 1 FROM pledges e WHERE e.run_id = r.run_id)
  AND NOT EXISTS (SELECT 1 FROM agreements e WHERE e.run_id = r.run_id)
  AND NOT EXISTS (SELECT 1 FROM feeds f WHERE f.run_id = r.run_id)
  AND NOT EXISTS (SELECT 1 FROM feed_fetches f WHERE f.run_id = r.run_id)
"""


def prune_history(db: Session, keep_days: int = KEEP_DAYS) -> dict[str, int]:
    """Delete bookkeeping older than `keep_days`; return how many rows went."""
    with db.transaction():
        fetches = db.value(PRUNE_FETCHES, [keep_days])
        runs = db.value(PRUNE_RUNS, [keep_days])
    return {"pruned_feed_fetches": fetches, "pruned_runs": runs}
