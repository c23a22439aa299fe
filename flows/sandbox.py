"""`pledgewatch query`: analysts' SQL reads the published tables and reaches nothing else.

A read-only DuckDB connection still lets SQL write files (`COPY … TO`), read any file
(`read_csv('/etc/passwd')`), open other databases (`ATTACH`, which could even take the
writer's lock on the live file), download extensions (`INSTALL httpfs`) and switch these
guards back on itself. The published copy is therefore opened with external access off,
extension autoloading and autoinstalling off, and the configuration locked, so no statement
can undo it. The database file given to connect() is the only file DuckDB opens.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

SANDBOX_CONFIG: dict[str, str] = {
    "enable_external_access": "false",  # no files, no network, no ATTACH, no INSTALL/LOAD
    "autoload_known_extensions": "false",
    "autoinstall_known_extensions": "false",
    "allow_community_extensions": "false",
    "lock_configuration": "true",  # last: nothing above can be SET back by a query
}


def connect_sandboxed(path: Path | str) -> duckdb.DuckDBPyConnection:
    """The published copy, read-only, able to read its own tables and nothing else."""
    return duckdb.connect(str(path), read_only=True, config=dict(SANDBOX_CONFIG))
