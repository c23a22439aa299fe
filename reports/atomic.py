"""Atomic file replacement: readers see the old file or the new one, never half of either.

Used for everything a person or another process may open while we write it: the PDF, the
.eml in the outbox, the published database copy and its exports.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO


@contextmanager
def atomic_path(path: Path, mode: int = 0o644) -> Iterator[Path]:
    """A temporary name beside `path` to write by name; renamed over `path` on success."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        os.chmod(tmp, mode)  # mkstemp makes 0600; these files are for readers
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def remove_leftovers(directory: Path) -> list[Path]:
    """Delete the temporary files (`.NAME.XXXX.tmp`) a killed writer left in `directory`.

    Call only while holding the run lock: then no writer of ours is half-way through one.
    """
    if not directory.is_dir():
        return []
    removed = [tmp for tmp in directory.glob(".*.tmp") if tmp.is_file()]
    for tmp in removed:
        tmp.unlink(missing_ok=True)
    return removed


@contextmanager
def atomic_file(path: Path, mode: int = 0o644) -> Iterator[BinaryIO]:
    """A binary handle whose content replaces `path` (fsynced) when the block succeeds."""
    with atomic_path(path, mode) as tmp, tmp.open("wb") as handle:
        yield handle
        handle.flush()
        os.fsync(handle.fileno())
