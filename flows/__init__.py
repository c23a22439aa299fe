"""Prefect flows and tasks: the I/O around the pure transforms."""
