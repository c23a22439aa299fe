"""Every SQL block in docs/queries.md runs against the demo's published copy and returns rows."""

from __future__ import annotations

import re
from pathlib import Path

import duckdb
import pytest

DOC = Path(__file__).resolve().parents[1] / "docs" / "queries.md"
BLOCKS = re.findall(r"### (\d+\. .+?)\n\n```sql\n(.+?)```", DOC.read_text(), flags=re.S)

pytestmark = pytest.mark.slow


def test_the_document_has_at_least_ten_questions():
    assert len(BLOCKS) >= 10


@pytest.mark.parametrize(("question", "sql"), BLOCKS, ids=[b[0][:40] for b in BLOCKS])
def test_documented_query_answers(demo, question, sql):
    with duckdb.connect(demo["published_db"], read_only=True) as con:
        rows = con.execute(sql).fetchall()
    assert rows, f"no rows for: {question}"


def test_every_view_and_its_tables_are_commented(demo):
    with duckdb.connect(demo["published_db"], read_only=True) as con:
        views = con.execute(
            "SELECT view_name FROM duckdb_views() WHERE NOT internal AND comment IS NULL"
        ).fetchall()
        tables = con.execute(
            "SELECT table_name FROM duckdb_tables() WHERE comment IS NULL "
            "AND table_name <> 'schema_migrations'"
        ).fetchall()
    assert views == [] and tables == []
