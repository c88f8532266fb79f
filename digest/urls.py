"""The one place that makes URLs and output paths.

A page is identified by its *route*: a site-relative path such as
``ar/articles/<slug>/`` or ``en/feed.xml``. ``href`` prefixes the path of
``base_url`` (so a site published under ``/digest/`` links correctly), ``absolute``
gives the full URL for feeds, sitemaps and canonical links, and ``output_path``
names the file in ``site/``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property
from urllib.parse import quote, urlsplit

_TAG_JUNK = re.compile(r"[^\w\s-]", re.UNICODE)
_SPACES = re.compile(r"[\s_-]+")
_WINDOWS_RESERVED = re.compile(r"^(con|prn|aux|nul|com[0-9]|lpt[0-9])$")


def tag_slug(tag: str) -> str:
    """A readable URL segment for a tag in any script: "كوريا الشمالية" → "كوريا-الشمالية"."""
    text = unicodedata.normalize("NFC", tag).lower()
    text = "".join(c for c in text if unicodedata.category(c) not in ("Mn", "Cf"))
    text = _TAG_JUNK.sub(" ", text)
    slug = _SPACES.sub("-", text).strip("-") or "tag"
    # Windows cannot hold a folder named like a device (CON, NUL, COM1 …).
    return f"{slug}-tag" if _WINDOWS_RESERVED.match(slug) else slug


def _quoted(route: str) -> str:
    """A route percent-encoded for a URL; plain ASCII routes (most of them) as they are."""
    if route.isascii() and _PLAIN.fullmatch(route):
        return route
    return quote(route, safe="/#?=&")


_PLAIN = re.compile(r"[A-Za-z0-9_.~/#?=&-]*")
"""Characters ``quote`` leaves as they are, with the ``safe`` ones above."""


@dataclass(frozen=True)
class Urls:
    base_url: str
    """Absolute, ending in '/'."""

    @cached_property
    def base_path(self) -> str:
        return urlsplit(self.base_url).path or "/"

    def href(self, route: str) -> str:
        """A root-relative link that includes the base path: ``/digest/ar/``."""
        return self.base_path + _quoted(route)

    def absolute(self, route: str) -> str:
        return self.base_url + _quoted(route)

    @staticmethod
    def output_path(route: str) -> str:
        """The file (relative to ``site/``) that serves ``route``."""
        route = route.split("#", 1)[0]
        return route + "index.html" if route == "" or route.endswith("/") else route

    # Routes, one function per kind of page.
    @staticmethod
    def root() -> str:
        return ""

    @staticmethod
    def home(lang: str) -> str:
        return f"{lang}/"

    @staticmethod
    def article(lang: str, slug: str) -> str:
        return f"{lang}/articles/{slug}/"

    @staticmethod
    def entities(lang: str) -> str:
        return f"{lang}/entities/"

    @staticmethod
    def entity(lang: str, entity_id: str) -> str:
        return f"{lang}/entities/{entity_id}/"

    @staticmethod
    def entity_feed(lang: str, entity_id: str) -> str:
        return f"{lang}/entities/{entity_id}/feed.xml"

    @staticmethod
    def tags(lang: str) -> str:
        return f"{lang}/tags/"

    @staticmethod
    def tag(lang: str, tag: str) -> str:
        return f"{lang}/tags/{tag_slug(tag)}/"

    @staticmethod
    def archive(lang: str) -> str:
        return f"{lang}/archive/"

    @staticmethod
    def month(lang: str, month: str) -> str:
        year, mon = month.split("-")
        return f"{lang}/archive/{year}/{mon}/"

    @staticmethod
    def page(route: str, number: int) -> str:
        """Page ``number`` of a paginated list at ``route`` (page 1 is the route itself)."""
        return route if number == 1 else f"{route}page/{number}/"

    @staticmethod
    def search(lang: str) -> str:
        return f"{lang}/search/"

    @staticmethod
    def feed(lang: str) -> str:
        return f"{lang}/feed.xml"

    @staticmethod
    def asset(name: str) -> str:
        return f"assets/{name}"

    @staticmethod
    def sitemap() -> str:
        return "sitemap.xml"

    @staticmethod
    def not_found() -> str:
        return "404.html"
