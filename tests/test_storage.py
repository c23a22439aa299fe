"""flows.storage: migrations, bulk upserts, transactions and the file lock."""

from __future__ import annotations

import subprocess
import sys
import time

import duckdb
import pytest

from flows import storage


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
