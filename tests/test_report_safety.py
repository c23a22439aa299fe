"""Untrusted article text in the briefing: rendered literally, never fetched, never executed.

A real HTTP server on 127.0.0.1 records every request; markup planted in titles, evidence,
items and donor names points at it and at /etc/passwd. The PDF must show the markup as text,
the server must see nothing, and the fetcher must refuse local files outside the assets.
"""

from __future__ import annotations

import http.server
import re
import threading
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pypdf
import pytest
import weasyprint

from flows.storage import connect
from reports.briefing import gather
from reports.render import (
    ASSETS,
    AssetsOnlyFetcher,
    RefusedURLError,
    environment,
    render_html,
    render_pdf,
)
from tests.builders import agreement, agreement_mention, article, insert, pledge, pledge_mention
from tests.pdf_pages import pdf_text

WEEK = "2026-W46"
HUGE = 100_000


class Recorder(http.server.BaseHTTPRequestHandler):
    """Answers everything with a tiny valid body and remembers the path."""

    requests: list[str]

    def do_GET(self) -> None:
        self.server.requests.append(self.path)  # type: ignore[attr-defined]
        body = b"body { background: red }" if self.path.endswith(".css") else b"GIF89a"
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def listener() -> Iterator[http.server.ThreadingHTTPServer]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    server.requests = []  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
    thread.join(5)


def payloads(port: int) -> dict[str, str]:
    base = f"http://127.0.0.1:{port}"
    return {
        "img_file": '<img src="file:///etc/passwd">',
        "link": f"<link rel=stylesheet href={base}/x.css>",
        "import": f'<style>@import url("{base}/import.css");</style>',
        "bare_import": f"@import url({base}/bare.css);",
        "script": "<script>alert('pwned')</script>",
        "img_http": f'<img src="{base}/pixel.gif">',
        "attachment": '<a rel="attachment" href="file:///etc/passwd">x</a>',
    }


@pytest.fixture(scope="module")
def planted(listener, tmp_path_factory: pytest.TempPathFactory):
    """A week whose every untrusted field carries markup, and two 100k-character strings."""
    p = payloads(listener.server_address[1])
    hostile = " ".join(p.values())
    long_title = p["script"] + " " + "Я" * HUGE  # one 100k-character word
    long_evidence = p["img_file"] + " " + ("words " * (HUGE // 6))
    day = datetime(2026, 11, 11, 9, tzinfo=UTC)
    con = connect(tmp_path_factory.mktemp("db") / "hostile.duckdb")
    articles = [
        article("a-1", published_at=day, title=hostile, outlet=p["link"],
                url=f"http://127.0.0.1:{listener.server_address[1]}/article?<b>x</b>"),
        article("a-2", published_at=day, title=long_title, outlet="Ukrinform"),
    ]  # fmt: skip
    e1 = pledge(
        "p-1",
        donor=p["img_http"],
        amount="1000000.00",
        currency="EUR",
        amount_eur="1000000.00",
        first_seen_on=date(2026, 11, 11),
        items=p["import"],
        evidence=hostile,
    )
    e2 = pledge(
        "p-2",
        donor="Sweden",
        amount="2000000.00",
        currency="EUR",
        amount_eur="2000000.00",
        first_seen_on=date(2026, 11, 11),
        evidence=long_evidence,
        confidence=0.3,
    )
    g = agreement(
        "g-1",
        parties=["Ukraine", p["script"]],
        kind="joint production",
        subject=p["bare_import"],
        first_seen_on=date(2026, 11, 11),
        evidence=hostile,
    )
    insert(
        con,
        articles=articles,
        pledges=[e1, e2],
        pledge_mentions=[pledge_mention("m-1", article_id="a-1", event=e1),
                         pledge_mention("m-2", article_id="a-2", event=e2)],
        agreements=[g],
        agreement_mentions=[agreement_mention("am-1", article_id="a-1", event=g)],
    )  # fmt: skip
    briefing = gather(con, WEEK, run_id="safety", generated_at=day)
    con.close()
    result = render_pdf(briefing, tmp_path_factory.mktemp("pdf") / "hostile.pdf")
    return p, briefing, result


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_markup_renders_literally(planted) -> None:
    p, _, result = planted
    text = squash(pdf_text(result.path))
    for name, value in p.items():
        assert squash(value) in text, f"{name} payload is not shown literally"


def test_nothing_was_fetched(planted, listener) -> None:
    _, _, result = planted
    assert listener.requests == []
    assert result.refused_urls == ()  # escaped markup never even reached the fetcher
    reader = pypdf.PdfReader(result.path)
    assert reader.attachments == {}
    assert b"root:x:0:0" not in result.path.read_bytes()
    for page in reader.pages:  # no raster images: the only pictures are inline vector SVG
        xobjects = page["/Resources"].get("/XObject", {})
        assert all(x.get_object().get("/Subtype") != "/Image" for x in xobjects.values())


def test_html_escapes_untrusted_text(planted) -> None:
    _, briefing, _ = planted
    html = render_html(briefing)
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert '<img src="file:///etc/passwd">' not in html
    assert "<link rel=stylesheet href=http" not in html
    assert environment().autoescape is True


def test_oversized_strings_are_cut_not_fatal(planted) -> None:
    _, _, result = planted
    text = pdf_text(result.path)
    assert f"truncated, {HUGE + len(payloads(0)['script']) + 1:,} characters" in text
    assert result.pages <= 8


def test_fetcher_refuses_everything_but_assets(tmp_path: Path, listener) -> None:
    fetcher = AssetsOnlyFetcher()
    port = listener.server_address[1]
    refused = [
        "file:///etc/passwd",
        f"http://127.0.0.1:{port}/x.css",
        f"https://127.0.0.1:{port}/x.css",
        "ftp://127.0.0.1/x",
        "data:text/css,body{}",
        (ASSETS / ".." / "render.py").as_uri(),  # traversal out of the assets folder
        ASSETS.as_uri() + "/../briefing.py",
        "file://evil.example/" + str(ASSETS / "briefing.css"),  # remote file host
        ASSETS.as_uri() + "/missing.css",
    ]
    for url in refused:
        with pytest.raises(RefusedURLError):
            fetcher.fetch(url)
    assert fetcher.refused == refused
    assert listener.requests == []

    css = fetcher.fetch((ASSETS / "briefing.css").as_uri())
    assert b"@page" in css.read() and css.content_type == "text/css"

    # A symlink inside the allowed folder that points outside it is refused too.
    root = tmp_path / "assets"
    root.mkdir()
    (root / "passwd.css").symlink_to("/etc/passwd")
    with pytest.raises(RefusedURLError):
        AssetsOnlyFetcher(root).fetch((root / "passwd.css").as_uri())


def test_fetcher_stops_raw_markup_in_weasyprint(listener) -> None:
    """Second wall: even markup that reached WeasyPrint unescaped fetches nothing."""
    p = payloads(listener.server_address[1])
    fetcher = AssetsOnlyFetcher()
    html = "<html><head>{link}{imp}</head><body>{img}{img_http}{att}<p>x</p></body></html>".format(
        link=p["link"], imp=p["import"], img=p["img_file"], img_http=p["img_http"],
        att=p["attachment"],
    )  # fmt: skip
    pdf = weasyprint.HTML(string=html, base_url=ASSETS.as_uri() + "/", url_fetcher=fetcher)
    data = pdf.write_pdf()
    assert listener.requests == []
    assert "file:///etc/passwd" in fetcher.refused
    assert any(u.endswith("/x.css") for u in fetcher.refused)
    assert any(u.endswith("/import.css") for u in fetcher.refused)
    assert b"root:x:0:0" not in data
