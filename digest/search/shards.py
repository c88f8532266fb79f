"""How an edition's article pages are split into search shards, planned before rendering.

A shard is one Pagefind index of at most ``per_shard`` pages (``tuning.SHARD_PAGES`` unless
the build is given another); the search page merges an edition's shards. A page's shard
follows from a hash of its path, so adding or removing an article changes one shard.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from functools import lru_cache

BUNDLE = "pagefind"
"""The bundle's folder in the site (Pagefind's default name; search.js loads it from there)."""


ARTICLE_GLOB = "*/articles/*/index.html"


SCHEME = "6"
"""Bumped when the markup or options given to Pagefind change: part of every shard's key."""


def shard_count(pages: int, per_shard: int) -> int:
    """Shards for an edition of ``pages`` searchable pages, at most ``per_shard`` in each (none for none)."""
    return -(-pages // per_shard)


def shard_of(page: str, count: int) -> int:
    """The shard of a page: by a hash of its path, so adding or removing an article changes one
    shard (all of them when the number of shards changes, every 1,000 articles), and every
    shard gets a random sample of the edition (comparable ranking statistics)."""
    return _page_hash(page) % count


@lru_cache(maxsize=1 << 17)
def _page_hash(page: str) -> int:
    """A page path's hash, memoised: every build shards every page again (twice), and a
    rebuild in ``serve`` should not hash 26,000 paths for the one that changed."""
    return int.from_bytes(hashlib.sha256(page.encode("utf-8")).digest()[:8], "big")


def shards(pages: Sequence[str], per_shard: int) -> dict[int, list[str]]:
    """One edition's pages by shard number (shards that would be empty are left out), sorted."""
    count = shard_count(len(pages), per_shard)
    groups: dict[int, list[str]] = {}
    for page in sorted(pages):
        groups.setdefault(shard_of(page, count), []).append(page)
    return dict(sorted(groups.items()))


def shard_folder(lang: str, number: int) -> str:
    """A shard's folder in the site: ``pagefind/<lang>/<n>/``."""
    return f"{BUNDLE}/{lang}/{number}/"


def plan_shards(pages: Sequence[str], per_shard: int) -> dict[str, tuple[str, list[str]]]:
    """Shard folder → (its key, its pages), for ``pages`` grouped by edition (their first path part)."""
    by_lang: dict[str, list[str]] = {}
    for page in pages:
        by_lang.setdefault(page.split("/", 1)[0], []).append(page)
    version = pagefind_version()
    planned: dict[str, tuple[str, list[str]]] = {}
    for lang, found in sorted(by_lang.items()):
        count = shard_count(len(found), per_shard)
        for number, group in shards(found, per_shard).items():
            key = hashlib.sha256(repr((SCHEME, version, count, group)).encode("utf-8")).hexdigest()
            planned[shard_folder(lang, number)] = (key, group)
    return planned


def pagefind_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("pagefind")
    except PackageNotFoundError:
        return ""


_PAGE = re.compile(r"([a-z]+(?:-[a-z0-9]+)*)/articles/([a-z0-9]+(?:-[a-z0-9]+)*)/index\.html")
"""An article page whose path needs no quoting in a glob (ids and slugs are checked when read)."""


def shard_glob(pages: Sequence[str]) -> str | None:
    """A glob matching exactly ``pages`` (one edition's article pages) in the staged site, or
    ``None`` when some path is not a plain article page (then the shard is indexed from a mirror).

    The staging tree may still hold pages of deleted articles until the swap, and the pages
    of other shards: the glob names each page of the shard, so Pagefind reads only those,
    straight from the staged site.
    """
    langs, slugs = set(), []
    for page in pages:
        found = _PAGE.fullmatch(page)
        if found is None:
            return None
        langs.add(found[1])
        slugs.append(found[2])
    if len(langs) != 1 or not slugs:
        return None
    names = slugs[0] if len(slugs) == 1 else "{" + ",".join(slugs) + "}"
    return f"{langs.pop()}/articles/{names}/index.html"
