from __future__ import annotations

import pytest

from flows.feeds_config import FeedsFileError, load_feeds


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[[feeds]]\nname = 'A'\n", "needs a name and a url"),
        ("[[feeds]]\nname = 'A'\nurl = 'ftp://x'\n", "must be http"),
        ("feeds = ", "not valid TOML"),
        ("", "no \\[\\[feeds\\]\\] entries"),
        (
            "[[feeds]]\nname = 'A'\nurl = 'http://a/x'\npages = 'no'\n",
            "pages must be true or false",
        ),
    ],
)
def test_bad_feeds_files_give_clear_errors(tmp_path, text, message):
    path = tmp_path / "feeds.toml"
    path.write_text(text)
    with pytest.raises(FeedsFileError, match=message):
        load_feeds(path)


def test_missing_file_and_duplicates(tmp_path):
    with pytest.raises(FeedsFileError, match="not found"):
        load_feeds(tmp_path / "nope.toml")
    path = tmp_path / "feeds.toml"
    path.write_text(
        "[[feeds]]\nname='A'\nurl='http://a/x'\n[[feeds]]\nname='B'\nurl='http://a/x'\n"
    )
    assert [f.name for f in load_feeds(path)] == ["A"]


def test_pages_false_marks_a_feed_text_only(tmp_path):
    path = tmp_path / "feeds.toml"
    path.write_text(
        "[[feeds]]\nname='A'\nurl='http://a/x'\npages=false\n[[feeds]]\nname='B'\nurl='http://b/x'\n"
    )
    assert [(f.name, f.pages) for f in load_feeds(path)] == [("A", False), ("B", True)]
