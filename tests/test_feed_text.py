"""Feed text that keeps the words: HTML to text, boilerplate rules, teasers, charsets, languages.

Test rows are short phrasings of our own; the real feeds are exercised in test_realfeeds.py.
"""

from __future__ import annotations

import codecs

import pytest

from transforms.article_text import TEASER_RULES, teaser_reason
from transforms.boilerplate import MAX_CHARS, RULES, boilerplate_rule
from transforms.charsets import as_utf8_xml, decode
from transforms.feed_entries import FULL_TEXT_RULES, parse_feed
from transforms.feed_health import REASON_RULES, feed_health, unreadable_reason
from transforms.html_text import html_text
from transforms.languages import detect, extractor_reads

RU = "Украина получила новую партию снарядов от союзников, сообщило министерство обороны."


def test_br_separated_paragraphs_and_text_outside_blocks_are_kept():
    html = (
        "Lead sentence before any paragraph.<br>Second line after a break.<br><br>"
        "<div>Third in a div.</div>Tail text after the div.<p>A <b>bold</b> paragraph.</p>"
    )
    assert html_text(html).split("\n\n") == [
        "Lead sentence before any paragraph.",
        "Second line after a break.",
        "Third in a div.",
        "Tail text after the div.",
        "A bold paragraph.",
    ]


def test_source_indentation_is_whitespace_not_a_paragraph_break():
    html = "<p>\n\t<span>Merz arrived</span>\n   <span>in Kyiv.</span>\n</p>"
    assert html_text(html) == "Merz arrived in Kyiv."


@pytest.mark.parametrize(
    "hidden",
    [
        "<template><span>A glossary tooltip.</span></template>",
        "<span hidden>A hidden note.</span>",
        '<span aria-hidden="true">An icon label.</span>',
        '<span style="display: none">A collapsed box.</span>',
        "<script>var tracking = 1;</script>",
        "<style>.x { color: red }</style>",
        "<!-- an editor's comment -->",
    ],
)
def test_what_a_reader_never_sees_is_dropped_and_the_sentence_stays_whole(hidden):
    html = f"<p>Three <span>hromadas {hidden}</span> came under attack.</p>"
    assert html_text(html) == "Three hromadas came under attack."


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.name)
def test_each_boilerplate_rule_removes_its_example_paragraph(rule):
    assert boilerplate_rule(rule.example) is rule
    assert html_text(f"<p>The article itself.</p><p>{rule.example}</p>") == "The article itself."


def test_a_long_paragraph_is_never_boilerplate():
    long = "Subscribe on Patreon " + "and the ministry said more " * 20
    assert len(long) > MAX_CHARS and boilerplate_rule(long) is None


@pytest.mark.parametrize("rule", TEASER_RULES, ids=lambda r: r.name)
def test_teaser_rules_match_their_examples(rule):
    assert teaser_reason(rule.example) == rule.name


def test_a_long_full_text_is_not_a_teaser_and_a_short_one_is():
    assert teaser_reason("Denmark pledged more artillery. " * 20) is None
    assert teaser_reason("Denmark pledged more artillery.").startswith("shorter than")
    assert teaser_reason("") == "no full text in the feed"
    brief = "Air raid sirens sounded in Khmelnytskyi overnight; air defence was active. " * 3
    assert teaser_reason(brief, summary="Sirens sounded overnight.") is None  # a whole brief
    assert teaser_reason(brief, summary=brief) == "no longer than the summary"
    # A long article may end in an ellipsis of its own ("the story is being updated...").
    assert teaser_reason("The minister said more would follow. " * 40 + "Updating...") is None


def rss(item_extra: str, *, encoding: str = "utf-8", declaration: bool = True) -> bytes:
    head = f'<?xml version="1.0" encoding="{encoding}"?>' if declaration else ""
    body = (
        f'{head}<rss version="2.0" xmlns:yandex="http://news.yandex.ru"><channel><title>T</title>'
        "<item><title>Заголовок</title><link>https://example.org/a</link>"
        f"<description>{RU}</description>{item_extra}</item></channel></rss>"
    )
    return body.encode(encoding)


@pytest.mark.parametrize(
    "element",
    [
        "full-text",
        "yandex:full-text",
        "fulltext",
        "ya:full-text",
        "ya:articleBody",
        "bodytext",
        "article_text",
        "body",
        "content",
    ],
)
def test_non_standard_full_text_elements_are_read(element):
    inner = "<![CDATA[<p>Повний текст статті.</p><p>Другий абзац.</p>]]>"
    xml = rss(f"<{element}>{inner}</{element}>").replace(
        b"<rss ", b'<rss xmlns:ya="http://ya.example/ns" '
    )
    entry = parse_feed(xml).entries[0]
    assert html_text(entry.content_html) == "Повний текст статті.\n\nДругий абзац."
    rules = [rule.pattern for rule in FULL_TEXT_RULES]
    assert entry.content_element == "content" or any(r.search(entry.content_element) for r in rules)


def test_windows_1251_feed_is_read_whether_declared_or_not():
    declared = parse_feed(rss("", encoding="windows-1251"))
    assert (declared.charset, declared.charset_source, declared.charset_guessed) == (
        "cp1251",
        "xml",
        False,
    )
    bare = parse_feed(rss("", encoding="windows-1251", declaration=False))
    assert bare.charset_guessed and bare.charset == "cp1251"
    # A server that wrongly says UTF-8 is passed over for the XML declaration.
    wrong = parse_feed(
        rss("", encoding="windows-1251"), headers={"Content-Type": "text/xml; charset=utf-8"}
    )
    for parsed in (declared, bare, wrong):
        assert parsed.entries[0].title == "Заголовок"
        assert html_text(parsed.entries[0].summary) == RU


@pytest.mark.parametrize(
    ("page", "header", "source"),
    [
        (b'<meta charset="windows-1251"><p>%s</p>', "text/html", "meta"),
        (
            b'<meta http-equiv="Content-Type" content="text/html; charset=windows-1251"><p>%s</p>',
            "text/html",
            "meta",
        ),
        (b"<p>%s</p>", "text/html; charset=windows-1251", "http"),
        (b"<html><body><p>%s</p></body></html>", "text/html", "detected"),
    ],
)
def test_page_charset_as_browsers_decide_it(page, header, source):
    decoded = decode(page % RU.encode("cp1251"), header)
    assert RU in decoded.text and "\ufffd" not in decoded.text
    assert decoded.source == source and decoded.guessed == (source == "detected")


def test_bom_wins_and_utf8_xml_is_reencoded_with_its_declaration():
    decoded = decode(
        codecs.BOM_UTF16_LE + "<?xml version='1.0' encoding='utf-16'?><a>Ї</a>".encode("utf-16-le")
    )
    assert decoded.source == "bom"
    assert as_utf8_xml(decoded) == "<?xml version='1.0' encoding=\"utf-8\"?><a>Ї</a>".encode()


def test_language_is_detected_and_only_english_is_extracted():
    assert detect("Denmark will send Ukraine a new package of artillery ammunition.")[0] == "en"
    assert detect(RU)[0] == "ru"
    assert detect("Данія передасть Україні новий пакет артилерійських боєприпасів.")[0] == "uk"
    assert detect("ok") == ("und", 0.0)
    assert extractor_reads("en") and not extractor_reads("uk") and not extractor_reads(None)


@pytest.mark.parametrize("rule", REASON_RULES, ids=lambda r: r.name)
def test_unreadable_reasons_name_their_examples(rule):
    assert unreadable_reason(rule.example) == rule.name.format("404")


def fetch_row(**values) -> dict:
    row = {
        "status": "ok",
        "entries": 42,
        "new_articles": 0,
        "duplicates": 0,
        "unreadable": 42,
        "reasons": {"page unreachable": 42},
        "summaries": 0,
    }
    return {**row, **values}


def test_a_feed_whose_entries_are_unreadable_is_failing_and_says_why():
    health = feed_health([fetch_row()])
    assert health.failing
    assert "42 of 42 entries unreadable: page unreachable" in health.line


def test_a_feed_read_in_full_is_healthy_and_three_empty_runs_fail():
    fine = feed_health([fetch_row(new_articles=40, unreadable=2, reasons={"HTTP 404": 2})])
    assert not fine.failing and "2 of 42 entries unreadable: HTTP 404" in fine.line
    quiet = feed_health([fetch_row(status="not_modified", entries=0, unreadable=0)] * 3)
    assert not quiet.failing
    dead = feed_health([fetch_row(status="failed", error="HTTP 500", entries=0, unreadable=0)] * 3)
    assert dead.failing and "HTTP 500" in dead.line
    guessed = feed_health([fetch_row(unreadable=0, reasons={}, pages_charset_guessed=2)])
    assert "charset of 2 pages guessed" in guessed.line
    chosen = feed_health([fetch_row(reasons={"pages off": 42}, summaries=42)] * 3)
    assert not chosen.failing and "pages off" in chosen.line


def test_the_language_model_is_loaded_once_however_many_page_workers_ask():
    from concurrent.futures import ThreadPoolExecutor

    from transforms import languages

    languages._MODEL.clear()
    with ThreadPoolExecutor(16) as pool:
        found = list(pool.map(detect, [RU] * 64))
    assert {code for code, _ in found} == {"ru"} and len(languages._MODEL) == 1
