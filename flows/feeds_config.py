"""Reading feeds.toml: the outlets to watch."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from transforms.urls import stable_id


class FeedsFileError(ValueError):
    """feeds.toml is missing or malformed; the message names the file and the entry."""


@dataclass(frozen=True)
class Feed:
    name: str
    url: str
    language: str | None = None
    pages: bool = True  # false: feed text only, no article pages (outlets that block robots)

    @property
    def feed_id(self) -> str:
        return stable_id(self.url)


def load_feeds(path: Path) -> list[Feed]:
    """Feeds listed in `path`, validated, in file order, without repeats."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as error:
        raise FeedsFileError(f"feeds file not found: {path}") from error
    except tomllib.TOMLDecodeError as error:
        raise FeedsFileError(f"{path}: not valid TOML: {error}") from error
    feeds: dict[str, Feed] = {}
    for number, item in enumerate(data.get("feeds", []), 1):
        name, url = item.get("name"), item.get("url")
        if not isinstance(name, str) or not isinstance(url, str) or not name or not url:
            raise FeedsFileError(f"{path}: feed #{number} needs a name and a url")
        if not url.startswith(("http://", "https://")):
            raise FeedsFileError(f"{path}: feed #{number} ({name}) url must be http(s): {url}")
        pages = item.get("pages", True)
        if not isinstance(pages, bool):
            raise FeedsFileError(f"{path}: feed #{number} ({name}) pages must be true or false")
        feeds.setdefault(url, Feed(name=name, url=url, language=item.get("language"), pages=pages))
    if not feeds:
        raise FeedsFileError(f"{path}: no [[feeds]] entries")
    return list(feeds.values())
