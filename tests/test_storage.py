"""flows.storage: migrations, bulk upserts, transactions and the file lock."""

from __future__ import annotations

import pickle
import subprocess
import sys
import time

import duckdb
import pytest

from flows import storage
from flows.settings import load_settings
from flows.storage import Store


def test_schema_applies_once_and_reapplies_as_a_no_op(tmp_path):
    db = tmp_path / "s.duckdb"
    with storage.open_db(db) as con:
        version = storage.apply_schema(con)
        assert version == max(v for v, _, _ in storage.migrations())
        assert storage.apply_schema(con) == version
        applied = con.execute("SELECT count(*) FROM schema_migrations").fetchone()[0]
        assert applied == len(storage.migrations())
    with storage.open_db(db) as con:  # reopening applies nothing new
        assert con.execute("SELECT count(*) FROM schema_migrations").fetchone()[0] == applied


def test_every_table_and_column_is_commented(tmp_path):
    with storage.open_db(tmp_path / "s.duckdb") as con:
        bare = con.execute(
            "SELECT table_name FROM duckdb_tables() WHERE comment IS NULL "
            "AND table_name <> 'schema_migrations'"
        ).fetchall()
        assert bare == []


def test_upsert_is_bulk_idempotent_and_dedupes_the_batch(tmp_path):
    with storage.open_db(tmp_path / "s.duckdb") as con:
        rows = [
            {"name": f"Actor {i}", "iso_code": None, "kind": "country", "aliases": [str(i)]}
            for i in range(5000)
        ]
        rows.append({"name": "Actor 1", "iso_code": "A1", "kind": "country", "aliases": []})
        assert storage.upsert(con, "actors", rows, ["name"], update=["iso_code"]) == 5000
        storage.upsert(con, "actors", rows, ["name"], update=["iso_code"])
        assert con.execute("SELECT count(*) FROM actors").fetchone()[0] == 5000
        assert con.execute("SELECT iso_code FROM actors WHERE name = 'Actor 1'").fetchone() == (
            "A1",
        )


def test_transaction_rolls_back_on_error(tmp_path):
    with storage.open_db(tmp_path / "s.duckdb") as con:
        with pytest.raises(RuntimeError), storage.transaction(con):
            storage.upsert(
                con, "actors", [{"name": "X", "kind": "country", "aliases": []}], ["name"]
            )
            raise RuntimeError("crash")
        assert con.execute("SELECT count(*) FROM actors").fetchone()[0] == 0


def test_a_held_lock_makes_the_writer_wait_then_fail_naming_the_holder(tmp_path):
    db = tmp_path / "s.duckdb"
    storage.connect(db).close()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"import duckdb, time; c = duckdb.connect({str(db)!r}); print('held', flush=True); "
            "time.sleep(30)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        started = time.monotonic()
        with pytest.raises(storage.DatabaseLockedError, match=f"PID {holder.pid}"):
            storage.connect(db, wait_seconds=1.0)
        assert 0.9 <= time.monotonic() - started < 10
    finally:
        holder.kill()
        holder.wait()
    storage.connect(db, wait_seconds=5).close()  # released: opens again


def test_schema_file_is_the_single_source_of_tables(tmp_path):
    with storage.open_db(tmp_path / "s.duckdb") as con:
        tables = {r[0] for r in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
    assert {
        "runs",
        "feeds",
        "articles",
        "pledge_mentions",
        "agreement_mentions",
        "pledges",
        "agreements",
        "actors",
        "feed_fetches",
        "article_feeds",
    } <= tables
    assert duckdb.__version__


def actor(name: str, iso_code: str) -> dict:
    return {"name": name, "iso_code": iso_code, "kind": "country", "aliases": []}


def test_a_store_is_plain_paths_and_a_session_is_one_unit_of_work(tmp_path):
    settings = load_settings(db_path=tmp_path / "s.duckdb")
    store = Store.from_settings(settings)
    assert (store.path, store.published_path) == (settings.db_path, settings.published_db_path)
    assert pickle.loads(pickle.dumps(store)) == store  # safe to pass to a task or a worker
    assert not store.exists()
    with store.session() as db:
        assert db.path == store.path
        rows = [actor("Denmark", "DK"), actor("Sweden", "SE")]
        assert db.upsert("actors", rows, ["name"]) == 2
        db.upsert("actors", [actor("Denmark", "DNK")], ["name"], update=["iso_code"])
        found = db.rows("SELECT iso_code FROM actors WHERE name = $name", {"name": "Denmark"})
        assert found == [{"iso_code": "DNK"}]
        assert db.value("SELECT count(*) FROM actors WHERE iso_code <> ?", ["SE"]) == 1
        assert db.one("SELECT name FROM actors WHERE name = 'Norway'") is None
    assert store.exists()
    with duckdb.connect(str(store.path)) as con:  # closed: the file lock was released
        assert con.execute("SELECT count(*) FROM actors").fetchone()[0] == 2


def test_a_session_transaction_is_all_or_nothing(tmp_path):
    store = Store(tmp_path / "s.duckdb")
    with store.session() as db:
        with pytest.raises(RuntimeError), db.transaction():
            db.upsert("actors", [actor("Denmark", "DK")], ["name"])
            raise RuntimeError("crash mid-batch")
        assert db.value("SELECT count(*) FROM actors") == 0


def test_the_writer_session_and_the_published_copy(tmp_path):
    store = Store(tmp_path / "s.duckdb", tmp_path / "published" / "s.duckdb")
    with store.writer() as db:
        # checkpoints once, at close (storage.WRITER_CHECKPOINT), not every 16 MB of WAL
        assert db.value("SELECT current_setting('checkpoint_threshold')") == "3.7 GiB"
    assert store.published() == Store(tmp_path / "published" / "s.duckdb")
    with pytest.raises(ValueError, match="no published copy"):
        Store(tmp_path / "s.duckdb").published()
