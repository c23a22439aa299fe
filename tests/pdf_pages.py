"""Turn PDF pages into PNGs (poppler's pdftoppm) so people and tests can look at them.

Usage: python tests/pdf_pages.py briefing.pdf out_dir [first_page last_page]
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def pdf_to_pngs(
    pdf: Path | str,
    out_dir: Path | str,
    *,
    first: int | None = None,
    last: int | None = None,
    dpi: int = 110,
) -> list[Path]:
    """Render pages of `pdf` to out_dir/page-N.png; return the PNG paths in page order."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    command = ["pdftoppm", "-png", "-r", str(dpi)]
    if first is not None:
        command += ["-f", str(first)]
    if last is not None:
        command += ["-l", str(last)]
    command += [str(pdf), str(out_dir / "page")]
    subprocess.run(command, check=True, capture_output=True, timeout=120)
    pages = sorted(out_dir.glob("page-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
    return pages


def pdf_text(pdf: Path | str, *, layout: bool = False) -> str:
    """The PDF's text as pdftotext extracts it (pages separated by form feeds)."""
    command = ["pdftotext", "-enc", "UTF-8"] + (["-layout"] if layout else []) + [str(pdf), "-"]
    return subprocess.run(command, check=True, capture_output=True, timeout=120).stdout.decode()


if __name__ == "__main__":
    args = sys.argv[1:]
    span = {"first": int(args[2]), "last": int(args[3])} if len(args) == 4 else {}
    for path in pdf_to_pngs(args[0], args[1], **span):
        print(path)
