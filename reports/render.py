"""Render a Briefing to PDF with WeasyPrint, fetching nothing outside reports/assets/.

The HTML comes from a Jinja2 template with autoescaping always on, so article titles and
evidence (untrusted text) render literally. As a second wall, the URL fetcher serves only
regular files under reports/assets/ and refuses every other URL (network, data:, file://
elsewhere), so even markup that slipped through could neither read local files nor call out.
"""

from __future__ import annotations

import functools
import logging
import mimetypes
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

import jinja2
import weasyprint
from markupsafe import Markup
from weasyprint.urls import URLFetcher, URLFetcherResponse

from reports import charts, formatting
from reports.atomic import atomic_file
from reports.briefing import Briefing

PACKAGE = Path(__file__).resolve().parent
ASSETS = PACKAGE / "assets"
TEMPLATES = PACKAGE / "templates"
TEMPLATE = "briefing.html.j2"
TOC_MIN_PAGES = 5  # a table of contents is worth its space from five pages on
# Past this many listed pledges and agreements the briefing lists one line per fact and leaves
# evidence quotes to the Needs review section: a 500-pledge week is skimmed, not read, and
# WeasyPrint's time grows with every box laid out.
COMPACT_FROM = 60
MILLION = 1_000_000

log = logging.getLogger(__name__)


class RefusedURLError(ValueError):
    """The renderer asked for a URL outside reports/assets/; it was not fetched.

    A ValueError, so WeasyPrint skips the resource with a warning instead of aborting the
    briefing: the refusal itself is the protection, and the week's PDF still gets out.
    """


class AssetsOnlyFetcher(URLFetcher):
    """URL fetcher that reads regular files inside one folder and refuses everything else."""

    def __init__(self, root: Path = ASSETS) -> None:
        super().__init__(timeout=5, allowed_protocols=("file",), allow_redirects=False)
        self.root = Path(root).resolve()
        self.refused: list[str] = []

    def resolve(self, url: str) -> Path:
        """The asset file `url` names, or RefusedURLError (recorded in self.refused)."""
        parts = urlsplit(url)
        path = None
        if parts.scheme.lower() == "file" and parts.netloc in ("", "localhost"):
            candidate = Path(url2pathname(parts.path)).resolve()  # url2pathname unquotes
            if candidate.is_relative_to(self.root) and candidate.is_file():
                path = candidate
        if path is None:
            self.refused.append(url)
            log.warning("refused to fetch %s (only files in %s are allowed)", url[:200], self.root)
            raise RefusedURLError(f"refused URL outside the briefing assets: {url[:200]}")
        return path

    def fetch(self, url: str, headers: dict | None = None) -> URLFetcherResponse:
        path = self.resolve(url)
        mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(path.as_uri(), path.read_bytes(), {"Content-Type": mime})


@dataclass(frozen=True, slots=True)
class RenderResult:
    pages: int
    path: Path
    refused_urls: tuple[str, ...] = field(default=())


@functools.cache
def environment() -> jinja2.Environment:
    """Jinja2 with autoescape on for every template, whatever its name."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        compact=formatting.compact,
        eur_m=formatting.eur_millions,
        exact=formatting.exact,
        signed_count=formatting.signed_count,
        signed_eur=formatting.signed_eur,
        percent=formatting.percent,
        day=formatting.day,
        truncate_text=formatting.truncate,
    )
    env.globals["fx_line"] = formatting.fx_line
    return env


def chart_svgs(briefing: Briefing) -> dict[str, Markup | None]:
    """The briefing's charts as inline SVG.

    Markup is safe here: charts.py escapes every label and builds the rest from numbers.
    """
    c = briefing.charts
    return {
        "by_donor": Markup(
            charts.bar_chart(
                [(k, v / MILLION) for k, v in c.eur_by_donor],
                title=f"New pledges by donor, {briefing.week}",
            )
        ),
        "by_category": Markup(
            charts.bar_chart(
                [(k, v / MILLION) for k, v in c.eur_by_category],
                title=f"New pledges by category, {briefing.week}",
            )
        ),
        "running": Markup(
            charts.line_chart(
                [w.split("-")[1] for w in c.running_weeks],
                [(s.label, [v / MILLION for v in s.values]) for s in c.running_totals],
                title=f"Running total of new pledges, {c.running_weeks[0]} to {briefing.week}",
            )
        )
        if any(v for s in c.running_totals for v in s.values)
        else None,
    }


def render_html(briefing: Briefing, *, toc: bool = False) -> str:
    """The briefing as HTML (what WeasyPrint lays out)."""
    template = environment().get_template(TEMPLATE)
    return template.render(
        b=briefing, charts=chart_svgs(briefing), toc=toc, compact=is_compact(briefing)
    )


def is_compact(briefing: Briefing) -> bool:
    """Whether the week is long enough for the one-line-per-fact layout."""
    listed = briefing.figures.pledges + len(briefing.restated) + briefing.figures.agreements
    return listed > COMPACT_FROM


def _layout(briefing: Briefing, *, toc: bool, fetcher: AssetsOnlyFetcher) -> weasyprint.Document:
    html = weasyprint.HTML(
        string=render_html(briefing, toc=toc),
        base_url=ASSETS.as_uri() + "/",
        url_fetcher=fetcher,
    )
    return html.render()


def render_pdf(briefing: Briefing, out_path: Path) -> RenderResult:
    """Write the briefing PDF to out_path atomically; return its page count.

    Long briefings get a table of contents. It is laid out with the TOC first (for a long
    week, one pass), and laid out again without it only when the result is short, so a
    briefing of more than four pages always has one and a short one never does.
    """
    out_path = Path(out_path)
    fetcher = AssetsOnlyFetcher()
    document = _layout(briefing, toc=True, fetcher=fetcher)
    if len(document.pages) < TOC_MIN_PAGES:
        document = _layout(briefing, toc=False, fetcher=fetcher)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    with atomic_file(out_path) as handle:
        document.write_pdf(handle)
    return RenderResult(
        pages=len(document.pages), path=out_path, refused_urls=tuple(fetcher.refused)
    )
