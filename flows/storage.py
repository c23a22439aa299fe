"""The one place that talks to DuckDB: schema migrations, locking, bulk upserts.

Everything else passes plain rows (dicts) in and out, so moving the store to MotherDuck or
DuckLake changes this module and nothing else.

Flows and the command line hold a `Store` (where the database lives: plain paths, picklable,
safe to pass to a Prefect task) and open a `Session` on it for one unit of work, as
sqlite-utils passes its `Database`: `with store.session() as db: db.rows(...)`,
`db.upsert(...)`, `with db.transaction(): ...`. The session's connection never leaves the
block, so the file lock is held only while working (DuckDB: one writing process at a time).
"""

from __future__ import annotations

import contextlib
import re
import time
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, TypedDict, Unpack

import duckdb
import pyarrow as pa

from flows.settings import Settings, env_number

MIGRATION_HEADER = re.compile(r"^-- migration: (\d+) (.+)$", re.MULTILINE)
DEFAULT_LOCK_WAIT = 120.0  # seconds a second writer waits for the first (PLEDGEWATCH_LOCK_WAIT)
WRITER_CHECKPOINT = "4GB"  # WAL size at which a bulk writer checkpoints (see open_writer)
LOCK_HOLDER = re.compile(r"lock is held in (.+?) \(PID (\d+)\)")


class DatabaseLockedError(RuntimeError):
    """Another process holds the DuckDB file; raised after the bounded wait runs out."""


def migrations() -> list[tuple[int, str, str]]:
    """(version, name, sql) for every block of db/schema.sql, in order."""
    text = resources.files("db").joinpath("schema.sql").read_text(encoding="utf-8")
    heads = list(MIGRATION_HEADER.finditer(text))
    blocks = []
    for i, head in enumerate(heads):
        end = heads[i + 1].start() if i + 1 < len(heads) else len(text)
        blocks.append((int(head.group(1)), head.group(2).strip(), text[head.end() : end]))
    versions = [v for v, _, _ in blocks]
    if versions != sorted(set(versions)):
        raise RuntimeError(f"schema.sql migrations out of order or repeated: {versions}")
    return blocks


def apply_schema(con: duckdb.DuckDBPyConnection) -> int:
    """Apply the migrations this file lacks, each in its own transaction; return the version."""
    con.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        "version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMPTZ NOT NULL)"
    )
    done = {row[0] for row in con.execute("SELECT version FROM schema_migrations").fetchall()}
    version = max(done, default=0)
    for number, name, sql in migrations():
        if number in done:
            continue
        with transaction(con):
            con.execute(sql)
            con.execute(
                "INSERT INTO schema_migrations VALUES (?, ?, now())",
                [number, name],
            )
        version = number
    return version


def _holder(error: Exception) -> str:
    match = LOCK_HOLDER.search(str(error))
    return f"PID {match.group(2)} ({match.group(1)})" if match else "another process"


def connect(
    path: Path | str,
    *,
    read_only: bool = False,
    wait_seconds: float | None = None,
) -> duckdb.DuckDBPyConnection:
    """Open the database, waiting with backoff while another process holds its lock.

    DuckDB lets one process at a time open a file for writing, and none may read it
    meanwhile; a second run or an analyst's open session therefore waits here, bounded,
    then fails with a message naming the holder.
    """
    path = Path(path)
    if wait_seconds is None:
        wait_seconds = env_number("PLEDGEWATCH_LOCK_WAIT", str(DEFAULT_LOCK_WAIT))
    if not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + wait_seconds
    delay = 0.1
    while True:
        try:
            con = duckdb.connect(str(path), read_only=read_only)
            break
        except duckdb.IOException as error:
            if "lock" not in str(error).lower():
                raise
            if time.monotonic() >= deadline:
                raise DatabaseLockedError(
                    f"{path} is locked by {_holder(error)}; waited {wait_seconds:.0f} s. "
                    "Close the other session (analysts should query the published copy) "
                    "or wait for the running job to finish."
                ) from error
            time.sleep(min(delay, max(0.0, deadline - time.monotonic())))
            delay = min(delay * 2, 2.0)
    if not read_only:
        apply_schema(con)
    return con


@contextlib.contextmanager
def open_db(path: Path | str, *, read_only: bool = False, wait_seconds: float | None = None):
    """Connection for one unit of work; closed (and the file lock released) on exit."""
    con = connect(path, read_only=read_only, wait_seconds=wait_seconds)
    try:
        yield con
    finally:
        con.close()


@contextlib.contextmanager
def open_writer(path: Path | str, *, wait_seconds: float | None = None):
    """A connection for a run of bulk write transactions that checkpoints once, at close.

    DuckDB checkpoints whenever the WAL passes 16 MB (~3k articles' text), and a checkpoint
    rewrites the tables' indexes: done every few batches, storing grew 17x for 10x the
    articles (bench/versus.py). Committed batches are in the WAL, which the next open
    replays, so a crash loses nothing committed.
    """
    with open_db(path, wait_seconds=wait_seconds) as con:
        con.execute(f"SET checkpoint_threshold = '{WRITER_CHECKPOINT}'")
        yield con


@contextlib.contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    """All-or-nothing: a crash or error inside leaves the database as it was."""
    con.execute("BEGIN TRANSACTION")
    try:
        yield con
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")


def upsert(
    con: duckdb.DuckDBPyConnection,
    table: str,
    rows: Sequence[dict[str, Any]],
    key: Sequence[str],
    *,
    update: Sequence[str] | None = None,
    types: dict[str, str] | None = None,
) -> int:
    """Insert rows in one statement; on a key conflict update `update` columns (or do nothing).

    Rows go in as an Arrow table, one array per column, that DuckDB scans without copying:
    ~100k mention rows/s against ~30k/s for one list per column through unnest() and ~1k/s
    for executemany (bench/README.md). Duplicate keys within the batch keep the last row,
    since DuckDB refuses a statement that proposes the same key twice.
    """
    if not rows:
        return 0
    unique: dict[tuple, dict[str, Any]] = {}
    for row in rows:
        unique[tuple(row[k] for k in key)] = row
    batch = list(unique.values())
    columns = list(batch[0])
    types = types or {}
    conflict = f"ON CONFLICT ({', '.join(key)}) "
    if update:
        conflict += "DO UPDATE SET " + ", ".join(f"{c} = excluded.{c}" for c in update)
    else:
        conflict += "DO NOTHING"
    values = [[row[c] for row in batch] for c in columns]
    try:
        arrow = pa.table(dict(zip(columns, values, strict=True)))
    except (pa.ArrowInvalid, pa.ArrowTypeError):  # a column of mixed Python types: unnest
        selects = ", ".join(
            f"unnest(${i + 1})" + (f"::{types[c]}" if c in types else "") + f" AS {c}"
            for i, c in enumerate(columns)
        )
        sql = f"INSERT INTO {table} ({', '.join(columns)}) SELECT {selects} {conflict}"
        con.execute(sql, values)
        return len(batch)
    selects = ", ".join((f"{c}::{types[c]} AS {c}" if c in types else c) for c in columns)
    con.register("_pledgewatch_batch", arrow)
    try:
        con.execute(
            f"INSERT INTO {table} ({', '.join(columns)}) "
            f"SELECT {selects} FROM _pledgewatch_batch {conflict}"
        )
    finally:
        with contextlib.suppress(duckdb.Error):  # an aborted transaction refuses it too
            con.unregister("_pledgewatch_batch")
    return len(batch)


class UpsertOptions(TypedDict, total=False):
    """`upsert`'s keyword options, as `Session.upsert` passes them on."""

    update: Sequence[str] | None  # columns a key conflict updates (None: do nothing)
    types: dict[str, str] | None  # SQL casts by column, e.g. {"amount": "DECIMAL(18,2)"}


Params = Sequence[Any] | Mapping[str, Any]  # positional ($1, ?) or named ($name) parameters


def _params(params: Params) -> list[Any] | dict[str, Any]:
    return dict(params) if isinstance(params, Mapping) else list(params)


def rows(con: duckdb.DuckDBPyConnection, sql: str, params: Params = ()) -> list[dict]:
    """Query results as dicts, for passing between tasks as plain values."""
    cursor = con.execute(sql, _params(params))
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


class Session:
    """One open connection to the store, for one unit of work; see `Store.session`.

    Methods for what the flows do (rows as dicts, bulk upserts, transactions); `con` is the
    DuckDB connection itself, for code that speaks DuckDB directly (reports/, COPY, views).
    """

    def __init__(self, con: duckdb.DuckDBPyConnection, path: Path) -> None:
        self.con = con
        self.path = path

    def execute(self, sql: str, params: Params = ()) -> duckdb.DuckDBPyConnection:
        """Run one statement; the returned cursor fetches its result."""
        return self.con.execute(sql, _params(params) if params else None)

    def rows(self, sql: str, params: Params = ()) -> list[dict[str, Any]]:
        """The query's rows as dicts (plain values, safe to pass between tasks)."""
        return rows(self.con, sql, params)

    def one(self, sql: str, params: Params = ()) -> tuple[Any, ...] | None:
        """The query's first row, or None when it has none."""
        return self.execute(sql, params).fetchone()

    def value(self, sql: str, params: Params = ()) -> Any:
        """The first column of the query's first row (None when there is no row)."""
        row = self.one(sql, params)
        return row[0] if row else None

    def upsert(
        self,
        table: str,
        rows: Sequence[dict[str, Any]],
        key: Sequence[str],
        **options: Unpack[UpsertOptions],
    ) -> int:
        """Bulk insert-or-update keyed on `key` (see the module's `upsert`); row count."""
        return upsert(self.con, table, rows, key, **options)

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Session]:
        """All-or-nothing: a crash or error inside leaves the database as it was."""
        with transaction(self.con):
            yield self


@dataclass(frozen=True)
class Store:
    """Where the database lives: plain paths, so it pickles into Prefect tasks and workers.

    It holds no connection. Each unit of work opens its own session and closes it at the
    end of its block, which keeps DuckDB's single-writer discipline: the file is locked only
    while someone reads or writes it. A second process waits for the lock at most
    `lock_wait` seconds (None: $PLEDGEWATCH_LOCK_WAIT, else DEFAULT_LOCK_WAIT).
    """

    path: Path  # the writer's DuckDB file
    published_path: Path | None = None  # the analysts' read-only copy (flows/publish.py)
    lock_wait: float | None = None

    @classmethod
    def from_settings(cls, settings: Settings) -> Store:
        """The store of resolved settings: the live file and its published copy."""
        return cls(settings.db_path, settings.published_db_path)

    def exists(self) -> bool:
        return self.path.exists()

    @contextlib.contextmanager
    def session(self, *, read_only: bool = False) -> Iterator[Session]:
        """A session for one unit of work; closed, and the file lock released, on exit.

        A writing session applies the schema's pending migrations first.
        """
        with open_db(self.path, read_only=read_only, wait_seconds=self.lock_wait) as con:
            yield Session(con, self.path)

    @contextlib.contextmanager
    def writer(self) -> Iterator[Session]:
        """A session for a run of bulk write transactions that checkpoints once, at close
        (the ingest's writer; see `open_writer`)."""
        with open_writer(self.path, wait_seconds=self.lock_wait) as con:
            yield Session(con, self.path)

    def published(self) -> Store:
        """The analysts' read-only copy, as a store of its own."""
        if self.published_path is None:
            raise ValueError(f"no published copy is configured for {self.path}")
        return Store(self.published_path, lock_wait=self.lock_wait)
