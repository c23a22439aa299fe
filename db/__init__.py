"""The DuckDB schema (schema.sql), applied by flows.storage."""
