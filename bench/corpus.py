"""Synthetic news corpora at any size, served over HTTP on 127.0.0.1 with latency and failures.

A corpus is N outlets with M articles each (RSS 2.0 feeds of at most 100 items, so an outlet
with more articles has several section feeds). Even-numbered outlets carry the full text in
content:encoded; odd-numbered ones carry a teaser and the article page must be fetched (a
whole HTML page with navigation, a cookie banner, related links and a footer, for
trafilatura to strip).

Articles are ~700 words composed from sentence templates: ~1 pledge sentence per article on
average (a third of the articles state none), agreements, restatements of older pledges and
filler. Pledges are drawn from a pool of "true" pledges announced day by day, so several
outlets report the same pledge in different words and currencies formats within days, and
some restate it months later: event merging has real work to do. Everything is derived from
(seed, outlet, item) by a seeded RNG: the same command gives the same corpus, and the server
renders pages on demand (optionally pre-rendered in memory) instead of writing files.

Serve: python -m bench.corpus serve --outlets 100 --per-outlet 100 --latency-ms 50
prints `READY http://127.0.0.1:PORT`, answers until stdin closes or --max-seconds pass.
"""

from __future__ import annotations

import argparse
import hashlib
import html
import random
import sys
import threading
import time
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

FEED_ITEMS = 100  # items per feed, as most outlets publish
ARTICLES_PER_DAY = 300  # corpus-wide: sets how many weeks a corpus spans
END_DATE = date(2025, 11, 16)  # a Sunday: the briefing week is 2025-W46
BRIEFING_WEEK = "2025-W46"
PLEDGES_PER_DAY = 6  # true pledges announced per day, reported by several outlets each

DONORS = [
    "Germany",
    "the UK",
    "France",
    "the Netherlands",
    "Denmark",
    "Norway",
    "Sweden",
    "Canada",
    "Poland",
    "the European Union",
    "Japan",
    "Lithuania",
    "Belgium",
    "Italy",
    "Finland",
    "Spain",
    "Czechia",
    "Estonia",
    "Latvia",
    "Australia",
]
# (code, formats): the same amount written the ways outlets write it.
CURRENCIES = [
    ("EUR", ["€{m} million", "EUR {m}m", "{m} million euros"]),
    ("USD", ["${m} million", "US${m}m", "{m} million dollars"]),
    ("GBP", ["£{m} million", "GBP {m}m"]),
    ("SEK", ["SEK {m} million", "{m} million kronor"]),
    ("NOK", ["NOK {m} million", "NOK {m}m"]),
    ("DKK", ["DKK {m} million"]),
    ("CAD", ["C${m} million"]),
    ("JPY", ["¥{m} million"]),
]
WHAT = [
    "in military aid",
    "for air defence",
    "for artillery ammunition",
    "for drones",
    "in humanitarian aid",
    "for the energy sector",
    "in budget support",
    "for demining equipment",
]
PLEDGE = [
    "{d} announced {money} {what} for Ukraine on {day}.",
    "{d} will provide {money} {what} to Ukraine, the defence minister said on {day}.",
    "On {day}, {d} pledged {money} {what} for Ukraine.",
    "{d} has allocated {money} {what} for Ukraine, the government said.",
    "The new package from {d}, worth {money}, includes support {what}.",
]
RESTATED = [
    "As was reported earlier, {d} pledged {money} {what} in {month}.",
    "In {month}, {d} announced {money} {what} for Ukraine.",
    "Earlier this year {d} had already committed {money} {what}.",
]
AGREEMENT = [
    "{d} and Ukraine signed a memorandum on joint production of drones on {day}.",
    "{d} and {d2} signed an agreement on the joint production of artillery shells.",
    "Ukraine and {d} signed a ten-year security agreement in Kyiv on {day}.",
    "{d} joined the drone coalition, bringing the number of members to {n}.",
]
FILLER = [
    "Ukrainian forces repelled {n} attacks near Pokrovsk over the past 24 hours, "
    "the General Staff said.",
    "The minister thanked partners for their continued support and unity.",
    "Russian strikes on energy infrastructure left {n},000 households without power.",
    "The meeting in Brussels brought together defence ministers from more than 50 countries.",
    "Officials said the front line remained difficult, especially in the east.",
    "{d} has been one of Ukraine's most consistent supporters since the start of the war.",
    "The talks also covered pilot training, maintenance and the supply of spare parts.",
    "According to the ministry, the situation in the region remains tense.",
    "Zelensky said Ukraine needed more air defence systems to protect its cities.",
    "The prime minister is due to visit Kyiv later this year, his office said.",
    "Analysts said the decision reflected growing concern about ammunition shortages.",
    "Economists expect the budget gap to remain large next year, the central bank said.",
    "Local authorities reported damage to a school and several apartment blocks.",
    "Negotiations on the next steps are expected to continue in the coming weeks.",
    "The governor said evacuation of civilians from frontline villages was continuing.",
    "Engineers have been working around the clock to restore the damaged substations.",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August"]
MONTHS += ["September", "October", "November", "December"]


@dataclass(frozen=True)
class Spec:
    """Shape of a corpus; the URLs are relative to the server's base URL."""

    outlets: int
    per_outlet: int
    seed: int = 7
    words: int = 700

    @property
    def articles(self) -> int:
        return self.outlets * self.per_outlet

    @property
    def days(self) -> int:
        return max(7, -(-self.articles // ARTICLES_PER_DAY))

    def feeds_of(self, outlet: int) -> int:
        return -(-self.per_outlet // FEED_ITEMS)

    def feed_paths(self) -> list[tuple[int, int, str]]:
        """(outlet, section, path) of every feed."""
        return [
            (o, f, f"/o{o:05d}/feed{f}.xml")
            for o in range(self.outlets)
            for f in range(self.feeds_of(o))
        ]

    def full_text_in_feed(self, outlet: int) -> bool:
        return outlet % 2 == 0

    def published(self, outlet: int, item: int) -> datetime:
        """Articles spread evenly over the corpus's days, ending on END_DATE."""
        index = item * self.outlets + outlet  # interleaved: every outlet spans every day
        day = self.days - 1 - (index * self.days) // self.articles
        start = END_DATE - timedelta(days=day)
        minute = (outlet * 37 + item * 11) % (16 * 60)
        return datetime(start.year, start.month, start.day, 6, tzinfo=UTC) + timedelta(
            minutes=minute
        )


def _money(rng: random.Random, fact: tuple[str, str, float]) -> str:
    _, code, millions = fact
    fmt = rng.choice(dict(CURRENCIES)[code])
    figure = f"{millions:,.1f}".replace(".0", "") if millions < 100 else f"{millions:,.0f}"
    return fmt.format(m=figure)


def true_pledge(seed: int, day: date, k: int) -> tuple[str, str, float]:
    """(donor, currency, millions) of the k-th pledge announced on `day`; deterministic."""
    rng = random.Random(f"{seed}:pledge:{day.isoformat()}:{k}")
    donor = rng.choice(DONORS)
    code = rng.choices([c for c, _ in CURRENCIES], [5, 4, 2, 1, 1, 1, 1, 1])[0]
    millions = round(rng.uniform(5, 900), 1 if rng.random() < 0.3 else 0)
    return donor, code, millions


def article_text(spec: Spec, outlet: int, item: int) -> tuple[str, list[str]]:
    """(title, paragraphs) of one article, from (seed, outlet, item) alone."""
    rng = random.Random(f"{spec.seed}:{outlet}:{item}")
    published = spec.published(outlet, item).date()
    sentences: list[str] = []
    pledges = rng.choices([0, 1, 2, 3], [35, 35, 20, 10])[0]
    for _ in range(pledges):
        if rng.random() < 0.15:  # a restatement of a pledge months old
            day = published - timedelta(days=rng.randint(30, 200))
            fact = true_pledge(spec.seed, day, rng.randrange(PLEDGES_PER_DAY))
            template = rng.choice(RESTATED)
        else:  # this week's news: reported by several outlets within a few days
            day = published - timedelta(days=rng.randint(0, 4))
            fact = true_pledge(spec.seed, day, rng.randrange(PLEDGES_PER_DAY))
            template = rng.choice(PLEDGE)
        sentences.append(
            template.format(
                d=fact[0],
                money=_money(rng, fact),
                what=rng.choice(WHAT),
                day=WEEKDAYS[day.weekday()]
                if (published - day).days < 6
                else day.strftime("%-d %B"),
                month=MONTHS[day.month - 1],
            )
        )
    if rng.random() < 0.3:
        d, d2 = rng.sample(DONORS, 2)
        sentences.append(
            rng.choice(AGREEMENT).format(
                d=d, d2=d2, day=WEEKDAYS[published.weekday()], n=rng.randint(8, 20)
            )
        )
    words = sum(len(s.split()) for s in sentences)
    filler: list[tuple[str, str]] = []
    while words < spec.words:
        template = rng.choice(FILLER)
        if filler and template == filler[-1][1]:  # never the same line twice in a row
            continue
        s = template.format(d=rng.choice(DONORS), n=rng.randint(2, 60))
        filler.append((s, template))
        words += len(s.split())
    # News first: the pledge sentences open the article, as in a real report.
    body = sentences + [s for s, _ in filler]
    body = [s[0].upper() + s[1:] for s in body]
    paragraphs = [" ".join(body[i : i + 3]) for i in range(0, len(body), 3)]
    subject = sentences[0].split(",")[0][:70] if sentences else rng.choice(FILLER)[:60]
    return subject.rstrip("."), paragraphs


def article_path(outlet: int, item: int) -> str:
    return f"/o{outlet:05d}/a{item:06d}.html"


def article_html(spec: Spec, outlet: int, item: int) -> str:
    """A whole article page with the boilerplate real pages have."""
    title, paragraphs = article_text(spec, outlet, item)
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    related = "".join(
        f'<li><a href="{article_path(outlet, (item + k) % spec.per_outlet)}">Related story {k}'
        "</a></li>"
        for k in range(1, 6)
    )
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{html.escape(title)} | Outlet {outlet}</title></head><body>"
        "<div id='cookie-banner'>We use cookies to improve your experience. "
        "<button>Accept all</button></div>"
        "<header><nav><ul><li><a href='/'>Home</a></li><li><a href='/war'>War</a></li>"
        "<li><a href='/politics'>Politics</a></li><li><a href='/economy'>Economy</a></li>"
        "</ul></nav></header>"
        f"<main><article><h1>{html.escape(title)}</h1>"
        f"<p class='byline'>By Staff Reporter, Outlet {outlet}</p>"
        f"{body}</article>"
        f"<aside><h2>Related</h2><ul>{related}</ul></aside></main>"
        "<footer><p>© Outlet. All rights reserved.</p><a href='/privacy'>Privacy</a></footer>"
        "</body></html>"
    )


def feed_xml(spec: Spec, base_url: str, outlet: int, section: int) -> str:
    """RSS 2.0 feed of one outlet's section: up to FEED_ITEMS items, newest first."""
    first = section * FEED_ITEMS
    items = range(first, min(spec.per_outlet, first + FEED_ITEMS))
    full = spec.full_text_in_feed(outlet)
    parts = []
    for item in reversed(items):
        title, paragraphs = article_text(spec, outlet, item)
        link = base_url + article_path(outlet, item)
        published = format_datetime(spec.published(outlet, item), usegmt=True)
        teaser = html.escape(paragraphs[0][:200])
        content = ""
        if full:
            inner = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
            content = f"<content:encoded><![CDATA[{inner}]]></content:encoded>"
        parts.append(
            f"<item><title>{html.escape(title)}</title><link>{link}</link>"
            f"<guid>{link}</guid><pubDate>{published}</pubDate>"
            f"<description>{teaser}</description>{content}</item>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?>'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        f"<channel><title>Outlet {outlet} section {section}</title>"
        f"<link>{base_url}/o{outlet:05d}/</link><description>Synthetic news</description>"
        + "".join(parts)
        + "</channel></rss>"
    )


def feeds_toml(spec: Spec, base_url: str) -> str:
    return "".join(
        f'[[feeds]]\nname = "Outlet {o} s{f}"\nurl = "{base_url}{path}"\nlanguage = "en"\n\n'
        for o, f, path in spec.feed_paths()
    )


# --- the server -------------------------------------------------------------------------------


class CorpusServer(ThreadingHTTPServer):
    """Feeds and pages of a Spec, with per-request latency and transient failures.

    A request whose path hashes into the failure fraction gets a 503 the first time only, so
    the client's retry succeeds and every feed ends complete (its ETag is stored and the next
    run gets 304s). Feeds answer If-None-Match with 304.
    """

    daemon_threads = True
    request_queue_size = 1024

    def __init__(self, spec: Spec, latency: float, fail_rate: float, prerender: bool) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.spec, self.latency, self.fail_rate = spec, latency, fail_rate
        self.base_url = f"http://127.0.0.1:{self.server_port}"
        self.failed: set[str] = set()
        self.lock = threading.Lock()
        self.counts = {"requests": 0, "not_modified": 0, "failures": 0}
        self.cache: dict[str, bytes] = {}
        if prerender:
            for o, f, path in spec.feed_paths():
                self.cache[path] = feed_xml(spec, self.base_url, o, f).encode()
            for o in range(spec.outlets):
                if not spec.full_text_in_feed(o):
                    for i in range(spec.per_outlet):
                        self.cache[article_path(o, i)] = article_html(spec, o, i).encode()

    def handle_error(self, request, client_address) -> None:
        """A client closing a keep-alive connection is normal here: no traceback."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)

    def body(self, path: str) -> tuple[bytes, str] | None:
        if path in self.cache:
            kind = "application/rss+xml" if path.endswith(".xml") else "text/html"
            return self.cache[path], kind
        try:
            outlet = int(path[2:7])
            name = path[8:]
            if name.startswith("feed") and name.endswith(".xml"):
                section = int(name[4:-4])
                if section < self.spec.feeds_of(outlet):
                    return feed_xml(self.spec, self.base_url, outlet, section).encode(), (
                        "application/rss+xml"
                    )
            elif name.startswith("a") and name.endswith(".html"):
                item = int(name[1:-5])
                if 0 <= outlet < self.spec.outlets and 0 <= item < self.spec.per_outlet:
                    return article_html(self.spec, outlet, item).encode(), "text/html"
        except ValueError:
            pass
        return None

    def should_fail(self, path: str) -> bool:
        if self.fail_rate <= 0:
            return False
        digest = int.from_bytes(hashlib.sha256(path.encode()).digest()[:4], "big")
        if digest / 2**32 >= self.fail_rate:
            return False
        with self.lock:
            if path in self.failed:
                return False
            self.failed.add(path)
            return True


class Handler(BaseHTTPRequestHandler):
    server: CorpusServer
    protocol_version = "HTTP/1.1"  # keep-alive, as real servers and httpx's pool expect

    def do_GET(self) -> None:
        server = self.server
        time.sleep(server.latency)
        path = self.path.split("?")[0]
        with server.lock:
            server.counts["requests"] += 1
        if server.should_fail(path):
            with server.lock:
                server.counts["failures"] += 1
            self._send(503, b"try again", "text/plain")
            return
        found = server.body(path)
        if found is None:
            self._send(404, b"not found", "text/plain")
            return
        body, kind = found
        etag = '"' + hashlib.sha256(body).hexdigest()[:20] + '"'
        if self.headers.get("If-None-Match") == etag:
            with server.lock:
                server.counts["not_modified"] += 1
            self.send_response(304)
            self.send_header("ETag", etag)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self._send(200, body, kind + "; charset=utf-8", etag)

    def _send(self, status: int, body: bytes, kind: str, etag: str | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        if etag:
            self.send_header("ETag", etag)
            self.send_header("Last-Modified", "Sun, 16 Nov 2025 20:00:00 GMT")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


def serve(spec: Spec, latency: float, fail_rate: float, max_seconds: float, prerender: bool):
    """Serve until stdin closes (the parent went away) or max_seconds pass."""
    server = CorpusServer(spec, latency, fail_rate, prerender)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    print(f"READY {server.base_url}", flush=True)
    deadline = time.monotonic() + max_seconds
    done = threading.Event()

    def watch_stdin() -> None:
        for line in sys.stdin:  # commands: "stats" prints counters
            if line.strip() == "stats":
                with server.lock:
                    print("STATS " + " ".join(f"{k}={v}" for k, v in server.counts.items()))
                    sys.stdout.flush()
        done.set()

    threading.Thread(target=watch_stdin, daemon=True).start()
    while not done.wait(timeout=1.0) and time.monotonic() < deadline:
        pass
    server.shutdown()
    server.server_close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.corpus", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    s = sub.add_parser("serve", help="serve a corpus on 127.0.0.1")
    s.add_argument("--outlets", type=int, default=10)
    s.add_argument("--per-outlet", type=int, default=100)
    s.add_argument("--seed", type=int, default=7)
    s.add_argument("--latency-ms", type=float, default=50.0)
    s.add_argument("--fail-rate", type=float, default=0.002)
    s.add_argument("--max-seconds", type=float, default=3600.0)
    s.add_argument("--prerender", action="store_true", help="render every page at start-up")
    args = parser.parse_args(argv)
    spec = Spec(args.outlets, args.per_outlet, args.seed)
    serve(spec, args.latency_ms / 1000, args.fail_rate, args.max_seconds, args.prerender)
    return 0


if __name__ == "__main__":
    sys.exit(main())
