from __future__ import annotations

from flows.retention import prune_history
from flows.storage import Store


def test_old_bookkeeping_goes_but_provenance_stays(tmp_path):
    with Store(tmp_path / "r.duckdb").session() as db:
        db.execute(
            "INSERT INTO runs (run_id, kind, started_at, finished_at, status) VALUES "
            "('old-empty', 'ingest', now() - INTERVAL 400 DAY, now() - INTERVAL 400 DAY, 'ok'),"
            "('old-wrote', 'ingest', now() - INTERVAL 400 DAY, now() - INTERVAL 400 DAY, 'ok'),"
            "('recent', 'ingest', now() - INTERVAL 2 DAY, now() - INTERVAL 2 DAY, 'ok')"
        )
        db.execute(
            "INSERT INTO articles (article_id, canonical_url, url, fetched_at, text, text_hash, "
            "text_source, run_id) VALUES ('a1', 'http://x/a', 'http://x/a', now(), 't', 'h', "
            "'page', 'old-wrote')"
        )
        db.execute(
            "INSERT INTO feed_fetches (run_id, feed_id, url, outlet, status, fetched_at) VALUES "
            "('old-empty', 'f', 'http://x', 'X', 'ok', now() - INTERVAL 400 DAY),"
            "('recent', 'f', 'http://x', 'X', 'ok', now() - INTERVAL 2 DAY)"
        )
        assert prune_history(db) == {"pruned_feed_fetches": 1, "pruned_runs": 1}
        left = {r["run_id"] for r in db.rows("SELECT run_id FROM runs")}
        assert left == {"old-wrote", "recent"}
        assert prune_history(db) == {"pruned_feed_fetches": 0, "pruned_runs": 0}
