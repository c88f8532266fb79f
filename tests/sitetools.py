"""Helpers for inspecting a built site: HTML facts, links and their targets."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from digest.model import Article, Body, Localized, Position


@dataclass
class PageFacts:
    lang: str | None = None
    dir: str | None = None
    ids: set[str] = field(default_factory=set)
    links: list[str] = field(default_factory=list)
    alternates: list[tuple[str, str]] = field(default_factory=list)
    canonical: str | None = None
    scripts: int = 0
    """``<script>`` elements other than JSON-LD data and the theme's own files (``/assets/*.js``)."""
    event_attrs: list[str] = field(default_factory=list)
    elements: list[tuple[str, dict[str, str]]] = field(default_factory=list)


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.facts = PageFacts()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        facts = self.facts
        facts.elements.append((tag, values))
        if tag == "html":
            facts.lang, facts.dir = values.get("lang"), values.get("dir")
        if "id" in values:
            facts.ids.add(values["id"])
        theme_file = values.get("src", "").split("/")[-2:-1] == ["assets"]
        if tag == "script" and values.get("type") != "application/ld+json" and not theme_file:
            facts.scripts += 1
        facts.event_attrs += [k for k in values if k.startswith("on")]
        for key in ("href", "src"):
            if key in values and not (tag == "link" and values.get("rel") in ("canonical", "alternate")):
                facts.links.append(values[key])
        if tag == "link" and values.get("rel") == "alternate" and "hreflang" in values:
            facts.alternates.append((values["hreflang"], values["href"]))
        if tag == "link" and values.get("rel") == "canonical":
            facts.canonical = values["href"]


def page_facts(path: Path) -> PageFacts:
    parser = _Parser()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.facts


def resolve(site: Path, base_path: str, href: str, page: Path) -> tuple[Path | None, str]:
    """The file an internal link names (``None`` for external links) and its fragment."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return None, ""
    path = unquote(parts.path)
    if not path:
        return page, parts.fragment
    assert path.startswith(base_path), f"link {href!r} leaves the base path {base_path!r}"
    target = site / path[len(base_path) :]
    if path.endswith("/"):
        target = target / "index.html"
    return target, parts.fragment


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def snapshot(folder: Path) -> dict[str, tuple[bytes, int] | None]:
    """Every file and folder under ``folder`` (links not followed): bytes and modification time of files.

    What "nothing lost, nothing touched" is checked against: equal snapshots mean the
    same files with the same bytes, written at the same moment.
    """
    found: dict[str, tuple[bytes, int] | None] = {}
    for base, dirs, files in os.walk(folder):
        for name in dirs + files:
            path = Path(base) / name
            rel = path.relative_to(folder).as_posix()
            if path.is_symlink() or path.is_dir():
                found[rel] = None
            else:
                found[rel] = (path.read_bytes(), path.stat().st_mtime_ns)
    return found


def make_article(body: Body, **fields: Any) -> Article:
    """An article around ``body`` for rendering tests; ``fields`` override the plain defaults."""
    values: dict[str, Any] = {
        "digest": "",
        "slug": "2024-10-28-rutte-kursk",
        "lang": "ar",
        "position": Position("content/articles/2024-10-28-rutte-kursk.ar.md", 1, 1),
        "title": Localized.of({"ar": "عنوان"}),
        "date": datetime(2024, 10, 28, 12, 56, tzinfo=UTC),
        "date_has_time": True,
        "updated": None,
        "summary": None,
        "source": None,
        "tags": (),
        "image_credit": None,
        "related": (),
        "draft": False,
        "body": body,
    }
    values.update(fields)
    return Article(**values)
