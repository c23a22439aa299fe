"""The five real outlet feeds of ../shared/realfeeds, served on 127.0.0.1 and ingested.

Their article links point to the real internet; in tests no name but localhost resolves
(tests/conftest.py `loopback_only`), so those pages are unreachable, as they are in any
test, and no traffic leaves the machine. Asserts on the stored text: the feed's full text
where it carries one, no lost paragraph, no tooltip or footer, no U+FFFD, a language on
every article, and per-feed health lines that say what could not be read.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import duckdb
import lxml.html
import pytest
from prefect import flow

from flows.artifacts import summary_markdown
from flows.feeds_config import Feed
from flows.http import FetchPolicy
from flows.ingest import ingest_into
from flows.runs import RunRecord, finish_run, start_run
from flows.status import print_status
from flows.storage import Store
from tests.conftest import SHARED

REALFEEDS = SHARED / "realfeeds"
FAST = FetchPolicy(connect_timeout=1, read_timeout=2, retries=0, backoff=(0.01,))
FEEDS = {
    "UP Russian (cp1251)": "01-ukrainska-pravda-cp1251.xml",
    "Suspilne (ukr.net)": "05-suspilne-via-ukrnet.xml",
    "Guardian World": "06-guardian-world.xml",
    "UP English": "10-ukrainska-pravda-eng.xml",
    "Blogger (Swedish)": "11-blogger-atom-sv-defence-blog.xml",
}


@pytest.fixture
def realfeeds() -> Path:
    if not (REALFEEDS / "README.md").exists():
        pytest.skip("../shared/realfeeds is not beside this checkout")
    return REALFEEDS


@flow(name="test-realfeeds")
def run_ingest(db_path: str, feeds: list[Feed], pages: bool = True) -> dict:
    store = Store(Path(db_path))
    run = start_run(store, "ingest")
    ingest_into(store, run, feeds, FAST, pages=pages)
    return {"status": finish_run(store, run), **run.counts}


def serve(server, realfeeds: Path, feeds: dict[str, str] = FEEDS, **headers) -> list[Feed]:
    return [
        Feed(name, server.add(f"/{file}", (realfeeds / file).read_bytes(), headers=headers))
        for name, file in feeds.items()
    ]


def rows(db: Path, sql: str, params: list | None = None) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql, params or []).fetchall()


def by_outlet(db: Path, outlet: str) -> list[tuple]:
    return rows(
        db,
        "SELECT title, text, text_source, language FROM articles WHERE outlet = ? ORDER BY url",
        [outlet],
    )


@pytest.fixture
def ingested(prefect_harness, server, realfeeds, tmp_path) -> tuple[Path, dict]:
    db = tmp_path / "real.duckdb"
    return db, run_ingest(str(db), serve(server, realfeeds))


def test_full_text_from_every_feed_that_carries_it(ingested):
    db, _ = ingested
    suspilne = by_outlet(db, "Suspilne (ukr.net)")
    assert len(suspilne) == 19  # the 20th item has an empty full-text and description
    assert all(source == "feed" and lang == "uk" for _, _, source, lang in suspilne)
    trade = next(text for title, text, *_ in suspilne if title.startswith("Торгівля між Росією"))
    # the lead sentence sits before the first <p>; the last paragraph closes the element
    assert trade.startswith("Торгівля між Росією та Китаєм перевищила 200 мільярдів доларів")
    assert trade.endswith("Його будівництво відбувається невпинно, йдеться у матеріалі.")
    assert not any("Читайте всі новини Донбасу" in text for _, text, *_ in suspilne)

    english = by_outlet(db, "UP English")
    in_full = [row for row in english if row[2] == "feed"]
    assert len(in_full) == 19 and all(lang == "en" for *_, lang in english)
    texts = "\n".join(text for _, text, *_ in english)
    assert "Pokrovske hromadas came under attack in the Nikopol district" in texts
    assert "administrative unit" not in texts  # the <template> tooltip
    assert "Patreon" not in texts and "Subscribe on" not in texts  # the donation footer


def test_blogger_paragraphs_separated_by_br_are_all_kept(ingested, realfeeds):
    db, _ = ingested
    posts = by_outlet(db, "Blogger (Swedish)")
    assert len(posts) == 25
    assert all(source == "feed" and lang == "sv" for _, _, source, lang in posts)
    source = (realfeeds / FEEDS["Blogger (Swedish)"]).read_text(encoding="utf-8")
    stored = "\n".join(text for _, text, *_ in posts)
    stored_words = set(re.findall(r"\w+", stored))
    for block in re.findall(r"<content type='html'>(.*?)</content>", source, re.S):
        html = lxml.html.fragment_fromstring(lxml.html.fromstring(block).text_content(), "div")
        words = set(re.findall(r"\w+", " ".join(html.itertext())))
        assert len(words - stored_words) <= 0.01 * len(words), words - stored_words
    assert max(len(text) for _, text, *_ in posts) > 10_000  # was 1,477 of ~10,700


def test_summary_feeds_keep_their_summaries_and_count_the_pages_unreadable(ingested):
    db, result = ingested
    russian = by_outlet(db, "UP Russian (cp1251)")
    # 19 summaries; the 20th item has a title, no description and a relative link (a 404 here)
    assert len(russian) == 19
    assert all(source == "summary" and lang == "ru" for _, _, source, lang in russian)
    assert all(re.search("[а-яА-Я]{4}", title + text) for title, text, *_ in russian)
    guardian = by_outlet(db, "Guardian World")
    assert len(guardian) == 54 and {r[2] for r in guardian} == {"summary"}
    assert not any("Continue reading" in text for _, text, *_ in guardian)
    assert result["unreadable: page unreachable"] >= 19 + 54
    assert result["unreadable: HTTP 404"] == 1
    # nothing anywhere holds a replacement character, and every article has a language
    assert rows(db, "SELECT count(*) FROM articles WHERE contains(text || title, '\ufffd')") == [
        (0,)
    ]
    assert rows(db, "SELECT count(*) FROM articles WHERE language IS NULL") == [(0,)]
    # the flow's artifact states the run's coverage by language
    counts = Counter({k: v for k, v in result.items() if isinstance(v, int)})
    markdown = summary_markdown(RunRecord("r", "ingest", counts=counts))
    assert re.search(
        r"5 feeds read; \d+ articles read in English; \d+ in Swedish, Russian and Ukrainian "
        r"stored, not yet read; 75 feed entries could not be read\.",
        markdown,
    ), markdown
    # only English articles go through the (English) extractor
    assert rows(
        db, "SELECT DISTINCT language FROM articles WHERE extractor_version IS NOT NULL"
    ) == [("en",)]


def test_status_lines_tell_which_feeds_could_not_be_read(ingested, capsys):
    db, _ = ingested
    assert print_status(Store(db)) == 1
    out = capsys.readouterr().out
    line = {name: next(x for x in out.splitlines() if name in x) for name in FEEDS}
    assert "FAILING" in line["UP Russian (cp1251)"]
    assert (
        "20 of 20 entries unreadable: page unreachable 19, HTTP 404 1 (19 summaries kept)"
        in line["UP Russian (cp1251)"]
    )
    assert "54 of 54 entries unreadable: page unreachable" in line["Guardian World"]
    assert "malformed XML" in line["Guardian World"] and "not well-formed" in line["Guardian World"]
    assert "FAILING" not in line["Suspilne (ukr.net)"]
    # one article is listed twice, once with an empty body: the full one is kept
    assert "20 entries: 19 new, 1 duplicate, 0 unreadable" in line["Suspilne (ukr.net)"]
    assert "FAILING" not in line["Blogger (Swedish)"] and "25 new" in line["Blogger (Swedish)"]
    assert (
        "Articles: 73 articles read in English; 63 in Swedish, Russian and Ukrainian stored, "
        "not yet read" in out
    )


def test_undeclared_charset_is_guessed_counted_and_shown(
    prefect_harness, server, realfeeds, tmp_path, capsys
):
    raw = (realfeeds / FEEDS["UP Russian (cp1251)"]).read_bytes()
    bare = re.sub(rb"^<\?xml[^>]*\?>", b"", raw)
    feeds = [Feed("Undeclared cp1251", server.add("/bare", bare))]
    db = tmp_path / "bare.duckdb"
    result = run_ingest(str(db), feeds, pages=False)
    assert result["feeds_charset_guessed"] == 1
    titles = [r[0] for r in by_outlet(db, "Undeclared cp1251")]
    assert len(titles) == 19 and all(re.search("[а-яА-Я]{4}", t) for t in titles)
    print_status(Store(db))
    line = next(x for x in capsys.readouterr().out.splitlines() if "Undeclared" in x)
    assert "charset guessed (cp1251)" in line and "pages off" in line and "FAILING" not in line
