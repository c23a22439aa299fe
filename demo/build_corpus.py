"""Build the PledgeWatch demo corpus from corpus_data.py (standard library only).

Writes, next to this file:
  feeds/<outlet>.xml   one feed per outlet (RSS 2.0 with content:encoded, Atom, RSS 1.0, RSS 2.0)
  pages/<outlet>/<yyyy>/<mm>/<slug>.html   article pages with site boilerplate
  feeds.toml           the feed list for `pledgewatch demo`
  labels.jsonl         hand labels in the scorer's format (../shared/eval/README.md)
  articles.jsonl       {"id", "url", "outlet", "published", "title", "text"} per article

Every absolute URL starts with BASE; the demo server rewrites it to its own address.
Run: python -m demo.build_corpus  (idempotent; output is deterministic)
"""

from __future__ import annotations

import datetime as dt
import html
import json
import sys
from email.utils import format_datetime
from pathlib import Path

from demo.corpus_data import (
    ARTICLES,
    EXTRA,
    EXTRA2,
    OUTLETS,
    PADDING,
    THEMED_PADDING,
    THEMES,
)

HERE = Path(__file__).resolve().parent

BASE = "http://demo.pledgewatch.invalid/"
UTM = "?utm_source=rss&utm_medium=feed"
MIN_WORDS, MAX_WORDS = 250, 600
BUILD_TIME = dt.datetime(2026, 11, 15, 21, 0, tzinfo=dt.UTC)


def words(text: str) -> int:
    return len(text.split())


def prepare() -> list[dict]:
    """Resolve dates, paths, padding and the label record of every article."""
    out = []
    turn = {theme: 0 for theme in [*THEMED_PADDING, "general"]}
    for number, article in enumerate(ARTICLES):
        a = dict(article)
        a["dt"] = dt.datetime.fromisoformat(a["ts"].replace("Z", "+00:00"))
        local = a["dt"].date()
        a["published"] = local.isoformat()
        a["path"] = f"pages/{a['outlet']}/{local:%Y}/{local:%m}/{a['slug']}.html"
        a["url"] = BASE + a["path"]
        paras = list(a["paras"])
        more = EXTRA.get(a["slug"], []) + ([EXTRA2[a["slug"]]] if a["slug"] in EXTRA2 else [])
        paras = paras[:-1] + more + paras[-1:]
        filler = []
        for theme, pool in (
            (THEMES[a["slug"]], THEMED_PADDING[THEMES[a["slug"]]]),
            ("general", PADDING),
        ):
            while words(" ".join(paras + filler)) < MIN_WORDS and len(filler) < 6:
                candidate = pool[turn[theme] % len(pool)]
                turn[theme] += 1
                if candidate in filler:
                    break
                filler.append(candidate)
        # background goes before the article's closing paragraph, as wire copy does
        paras = paras[:-1] + filler + paras[-1:]
        a["body"] = paras
        a["text"] = "\n\n".join(paras)
        a["number"] = number
        out.append(a)
    return out


def check(articles: list[dict]) -> None:
    """Fail loudly when a label does not match its article."""
    seen = set()
    for a in articles:
        if a["path"] in seen:
            raise SystemExit(f"duplicate article path {a['path']}")
        seen.add(a["path"])
        n = words(a["text"])
        if not MIN_WORDS <= n <= MAX_WORDS:
            raise SystemExit(f"{a['path']}: {n} words")
        for record in a["pledges"] + a["agreements"]:
            for sentence in [record["evidence"], *record.get("alt_evidence", [])]:
                if sentence not in a["text"]:
                    raise SystemExit(f"{a['path']}: evidence not in text: {sentence!r}")


def label(a: dict) -> dict:
    return {
        "id": a["path"],
        "published": a["published"],
        "pledges": a["pledges"],
        "agreements": a["agreements"],
        "negative": not (a["pledges"] or a["agreements"]),
        "notes": a["notes"],
    }


def summary(a: dict) -> str:
    first = a["body"][0]
    return first if len(first) < 300 else first[:297].rsplit(" ", 1)[0] + "..."


def feed_items(articles: list[dict], outlet: str) -> list[tuple[dict, str]]:
    """The items of one outlet's feed, newest first, with the link each item carries."""
    items = []
    for a in articles:
        if a["outlet"] == outlet:
            tracked = a["number"] % 3 == 1 and not a["also"]
            items.append((a, a["url"] + (UTM if tracked else "")))
        elif a["also"] == outlet:
            items.append((a, a["url"] + UTM))  # the copy in a second feed carries utm params
    items.sort(key=lambda pair: pair[0]["dt"], reverse=True)
    return items


def esc(text: str) -> str:
    return html.escape(text, quote=True)


def rfc3339(moment: dt.datetime, zulu: bool) -> str:
    if zulu:
        return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return moment.isoformat()


def rss2(articles: list[dict], outlet: str, full: bool) -> str:
    info = OUTLETS[outlet]
    home = f"{BASE}pages/{outlet}/"
    ns = ' xmlns:content="http://purl.org/rss/1.0/modules/content/"' if full else ""
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<rss version="2.0"{ns} xmlns:atom="http://www.w3.org/2005/Atom"'
        ' xmlns:dc="http://purl.org/dc/elements/1.1/">',
        "<channel>",
        f"  <title>{esc(info['name'])}</title>",
        f"  <link>{home}</link>",
        f"  <description>{esc(info['tagline'])}</description>",
        "  <language>en</language>",
        f"  <lastBuildDate>{format_datetime(BUILD_TIME)}</lastBuildDate>",
        f'  <atom:link href="{BASE}feeds/{outlet}.xml" rel="self" type="application/rss+xml"/>',
        "  <ttl>60</ttl>",
    ]
    for a, link in feed_items(articles, outlet):
        lines.append("  <item>")
        lines.append(f"    <title>{esc(a['title'])}</title>")
        lines.append(f"    <link>{esc(link)}</link>")
        if full:
            lines.append(f'    <guid isPermaLink="true">{esc(a["url"])}</guid>')
        else:
            guid = f"{outlet}-{a['published']}-{a['slug']}"
            lines.append(f'    <guid isPermaLink="false">{guid}</guid>')
        lines.append(f"    <pubDate>{format_datetime(a['dt'])}</pubDate>")
        lines.append(f"    <dc:creator>{esc(a['author'])}</dc:creator>")
        lines.append(f"    <description>{esc(summary(a))}</description>")
        if full:
            body = "".join(f"<p>{esc(p)}</p>" for p in a["body"])
            lines.append(f"    <content:encoded><![CDATA[{body}]]></content:encoded>")
        lines.append("  </item>")
    lines += ["</channel>", "</rss>", ""]
    return "\n".join(lines)


def atom(articles: list[dict], outlet: str) -> str:
    info = OUTLETS[outlet]
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">',
        f"  <title>{esc(info['name'])}</title>",
        f"  <subtitle>{esc(info['tagline'])}</subtitle>",
        f"  <id>{BASE}pages/{outlet}/</id>",
        f'  <link rel="self" href="{BASE}feeds/{outlet}.xml"/>',
        f'  <link rel="alternate" type="text/html" href="{BASE}pages/{outlet}/"/>',
        f"  <updated>{rfc3339(BUILD_TIME, True)}</updated>",
    ]
    for a, link in feed_items(articles, outlet):
        moment = rfc3339(a["dt"], zulu=a["number"] % 2 == 0)
        lines += [
            "  <entry>",
            f"    <title>{esc(a['title'])}</title>",
            f'    <link rel="alternate" type="text/html" href="{esc(link)}"/>',
            f"    <id>{esc(a['url'])}</id>",
            f"    <published>{moment}</published>",
            f"    <updated>{moment}</updated>",
            f"    <author><name>{esc(a['author'])}</name></author>",
            f'    <summary type="text">{esc(summary(a))}</summary>',
            "  </entry>",
        ]
    lines += ["</feed>", ""]
    return "\n".join(lines)


def rss1(articles: list[dict], outlet: str) -> str:
    info = OUTLETS[outlet]
    items = feed_items(articles, outlet)
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"'
        ' xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">',
        f'  <channel rdf:about="{BASE}feeds/{outlet}.xml">',
        f"    <title>{esc(info['name'])}</title>",
        f"    <link>{BASE}pages/{outlet}/</link>",
        f"    <description>{esc(info['tagline'])}</description>",
        f"    <dc:date>{rfc3339(BUILD_TIME, True)}</dc:date>",
        "    <items>",
        "      <rdf:Seq>",
    ]
    lines += [f'        <rdf:li rdf:resource="{esc(link)}"/>' for _, link in items]
    lines += ["      </rdf:Seq>", "    </items>", "  </channel>"]
    for a, link in items:
        lines += [
            f'  <item rdf:about="{esc(link)}">',
            f"    <title>{esc(a['title'])}</title>",
            f"    <link>{esc(link)}</link>",
            f"    <description>{esc(summary(a))}</description>",
            f"    <dc:date>{rfc3339(a['dt'], zulu=a['number'] % 2 == 1)}</dc:date>",
            f"    <dc:creator>{esc(a['author'])}</dc:creator>",
            "  </item>",
        ]
    lines += ["</rdf:RDF>", ""]
    return "\n".join(lines)


SECTIONS = ["News", "Aid tracker", "Industry", "Diplomacy", "Analysis", "Opinion"]


def page(a: dict, articles: list[dict]) -> str:
    info = OUTLETS[a["outlet"]]
    home = f"{BASE}pages/{a['outlet']}/"
    nav = "\n".join(
        f'        <li><a href="{home}section/{s.lower().replace(" ", "-")}/">{s}</a></li>'
        for s in SECTIONS
    )
    same = [b for b in articles if b["outlet"] == a["outlet"] and b is not a]
    same.sort(key=lambda b: abs((b["dt"] - a["dt"]).total_seconds()))
    related = "\n".join(
        f'        <li><a href="{b["url"]}">{esc(b["title"])}</a></li>' for b in same[:4]
    )
    body = "\n".join(f"        <p>{esc(p)}</p>" for p in a["body"])
    when = a["dt"].strftime("%d %B %Y, %H:%M")
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>{esc(a["title"])} | {esc(info["name"])}</title>
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="description" content="{esc(summary(a))}">
  <meta name="author" content="{esc(a["author"])}">
  <meta property="og:type" content="article">
  <meta property="og:title" content="{esc(a["title"])}">
  <meta property="og:url" content="{a["url"]}">
  <meta property="og:site_name" content="{esc(info["name"])}">
  <meta property="article:published_time" content="{a["dt"].isoformat()}">
  <link rel="canonical" href="{a["url"]}">
  <link rel="alternate" type="application/rss+xml" href="{BASE}feeds/{a["outlet"]}.xml">
  <link rel="stylesheet" href="{BASE}static/site.css">
</head>
<body>
  <div id="cookie-banner" class="cookie-banner" role="dialog">
    <p>We use cookies to measure readership and to remember your preferences.
    You can accept all cookies or manage your choices at any time.</p>
    <button type="button">Accept all</button> <button type="button">Manage settings</button>
  </div>
  <header class="site-header">
    <a class="logo" href="{home}">{esc(info["name"])}</a>
    <p class="tagline">{esc(info["tagline"])}</p>
    <nav class="main-nav">
      <ul>
{nav}
        <li><a href="{home}subscribe/">Subscribe</a></li>
      </ul>
    </nav>
  </header>
  <main class="layout">
    <article class="story">
      <header class="story-header">
        <h1>{esc(a["title"])}</h1>
        <p class="byline">By <span class="author">{esc(a["author"])}</span></p>
        <time datetime="{a["dt"].isoformat()}">{when}</time>
      </header>
      <div class="story-body">
{body}
      </div>
      <footer class="story-tags">
        <p>Topics: <a href="{home}tag/ukraine/">Ukraine</a>,
        <a href="{home}tag/military-aid/">Military aid</a></p>
      </footer>
    </article>
    <aside class="related">
      <h2>Related stories</h2>
      <ul>
{related}
      </ul>
      <div class="newsletter">
        <h3>Get the morning briefing</h3>
        <p>The day's defence news in your inbox before 8am. Free, unsubscribe any time.</p>
        <form action="{home}subscribe/"><input type="email" name="email">
        <button type="submit">Sign up</button></form>
      </div>
    </aside>
  </main>
  <footer class="site-footer">
    <ul>
      <li><a href="{home}about/">About us</a></li>
      <li><a href="{home}contact/">Contact</a></li>
      <li><a href="{home}privacy/">Privacy policy</a></li>
      <li><a href="{home}terms/">Terms of use</a></li>
    </ul>
    <p>&copy; 2026 {esc(info["name"])}. All rights reserved. Reproduction without permission is
    prohibited.</p>
  </footer>
</body>
</html>
"""


def feeds_toml() -> str:
    blocks = []
    for outlet, info in OUTLETS.items():
        blocks.append(
            f'[[feeds]]\nname = "{info["name"]}"\n'
            f'url = "{BASE}feeds/{outlet}.xml"\nlanguage = "en"\n'
        )
    return "\n".join(blocks)


def render() -> dict[str, str]:
    """Every generated file, as a mapping from its path under demo/ to its text."""
    articles = prepare()
    check(articles)
    files: dict[str, str] = {}
    for outlet, info in OUTLETS.items():
        if info["format"] == "atom":
            text = atom(articles, outlet)
        elif info["format"] == "rss1":
            text = rss1(articles, outlet)
        else:
            text = rss2(articles, outlet, full=info["format"] == "rss2-full")
        files[f"feeds/{outlet}.xml"] = text
    for a in articles:
        files[a["path"]] = page(a, articles)
    files["feeds.toml"] = feeds_toml()
    ordered = sorted(articles, key=lambda a: a["dt"])
    files["labels.jsonl"] = "".join(
        json.dumps(label(a), ensure_ascii=False) + "\n" for a in ordered
    )
    rows = [
        {
            "id": a["path"],
            "url": a["url"],
            "outlet": OUTLETS[a["outlet"]]["name"],
            "published": a["published"],
            "title": a["title"],
            "text": a["text"],
        }
        for a in ordered
    ]
    files["articles.jsonl"] = "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
    return files


def main(argv: list[str]) -> int:
    files = render()
    if "--check" in argv:
        stale = [
            name
            for name, text in files.items()
            if not (HERE / name).exists() or (HERE / name).read_text(encoding="utf-8") != text
        ]
        for name in stale:
            print(f"stale: {name}")
        return 1 if stale else 0
    for name, text in files.items():
        path = HERE / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    print(f"wrote {len(files)} files")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
