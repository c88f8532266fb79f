"""Publishing concerns: untranslated articles, sub-path hosting, and hostile content."""

from __future__ import annotations

import shutil
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

from digest.read.project import Project

from .conftest import build_ok, serve_folder
from .sitetools import page_facts

MEDVEDEV = "2024-10-23-medvedev-nato-russia-council-enemy"


def test_untranslated_article_gets_a_marked_fallback_page(scratch: Project) -> None:
    (scratch.content_dir / "articles" / f"{MEDVEDEV}.en.md").unlink()
    build_ok(scratch)
    page = scratch.site_dir / "en" / "articles" / MEDVEDEV / "index.html"
    html = page.read_text(encoding="utf-8")
    facts = page_facts(page)
    assert facts.lang == "en" and facts.dir == "ltr"
    assert '<p class="notice" role="note">' in html and "Arabic" in html
    # The headline given in English in the Arabic file's front matter is used...
    assert '<h1 class="article__title">Medvedev' in html
    # ...and the original body keeps its own language and direction.
    assert '<div class="article__body prose" lang="ar" dir="rtl">' in html
    # Not a real translation: not indexed, canonical is the original, left out of the sitemap;
    # but the two pages declare each other, so the language switch between them is a declared pair.
    assert '<meta name="robots" content="noindex">' in html
    assert facts.canonical == f"https://example.org/ar/articles/{MEDVEDEV}/"
    original = page_facts(scratch.site_dir / "ar" / "articles" / MEDVEDEV / "index.html")
    pair = [
        ("ar", f"https://example.org/ar/articles/{MEDVEDEV}/"),
        ("en", f"https://example.org/en/articles/{MEDVEDEV}/"),
        ("x-default", f"https://example.org/ar/articles/{MEDVEDEV}/"),
    ]
    assert facts.alternates == pair and original.alternates == pair
    assert f'<a href="/en/articles/{MEDVEDEV}/" hreflang="en" lang="en">' in (
        scratch.site_dir / "ar" / "articles" / MEDVEDEV / "index.html"
    ).read_text(encoding="utf-8")
    sitemap = (scratch.site_dir / "sitemap.xml").read_text(encoding="utf-8")
    assert f"https://example.org/en/articles/{MEDVEDEV}/" not in sitemap
    assert f"https://example.org/ar/articles/{MEDVEDEV}/" in sitemap
    translated = page_facts(
        scratch.site_dir / "ar" / "articles" / "2024-10-23-south-korea-nato-brussels-north-korea" / "index.html"
    )
    assert [lang for lang, _ in translated.alternates] == ["ar", "en", "x-default"]


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """An HTTP server on 127.0.0.1 whose document root is ``tmp_path/www``."""
    www = tmp_path / "www"
    www.mkdir()
    server, origin = serve_folder(www)
    try:
        yield origin, www
    finally:
        server.shutdown()
        server.server_close()


def test_site_published_under_a_sub_path_has_no_broken_links(scratch: Project, served: tuple[str, Path]) -> None:
    origin, www = served
    build_ok(scratch, base_url="https://example.org/digest/")
    shutil.copytree(scratch.site_dir, www / "digest")
    seen: set[str] = set()
    queue = [origin + "/digest/"]
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        with urllib.request.urlopen(url) as response:  # raises on 404
            assert response.status == 200, url
            body = response.read()
        if not url.endswith("/") and not url.endswith(".html"):
            continue
        local = www / unquote(urlsplit(url).path).lstrip("/")
        local = local / "index.html" if url.endswith("/") else local
        for href in page_facts(local).links:
            absolute = urljoin(url, href).split("#")[0]
            if absolute.startswith(origin):
                assert urlsplit(absolute).path.startswith("/digest/"), f"{url} links outside the sub-path: {href}"
                queue.append(absolute)
        assert b'href="/ar/' not in body and b'href="/en/' not in body
    assert len(seen) > 100


HOSTILE = """---
title: "<script>alert('title')</script> headline"
date: 2024-10-29
summary: "<img src=x onerror=alert(1)>"
tags: ["<b>bold</b>"]
---
A paragraph with <script>alert(1)</script> and <img src=x onerror="alert(2)">.

[click](javascript:alert(3)) and [data](data:text/html;base64,PHNjcmlwdD5hbGVydCg0KTwvc2NyaXB0Pg==)
and ![img](javascript:alert(5)) and [[russia|<script>alert(6)</script>]].

<iframe src="https://evil.example/"></iframe>
"""


def test_content_cannot_inject_script(scratch: Project) -> None:
    (scratch.content_dir / "articles" / "2024-10-29-hostile.en.md").write_text(HOSTILE, encoding="utf-8")
    build_ok(scratch)
    pages = [scratch.site_dir / lang / "articles" / "2024-10-29-hostile" / "index.html" for lang in ("en", "ar")]
    pages += [scratch.site_dir / "en" / "index.html", scratch.site_dir / "en" / "entities" / "russia" / "index.html"]
    for page in pages:
        facts = page_facts(page)
        assert facts.scripts == 0, page
        assert facts.event_attrs == [], page
        assert not any(tag == "iframe" for tag, _ in facts.elements), page
        for link in facts.links:
            assert not link.lower().startswith(("javascript:", "data:", "vbscript:")), (page, link)
        assert "&lt;script&gt;" in page.read_text(encoding="utf-8"), page
    feed = (scratch.site_dir / "en" / "feed.xml").read_text(encoding="utf-8")
    assert "<script>" not in feed
