"""Pure transforms: text in, typed records out. No Prefect, no network, no database."""
