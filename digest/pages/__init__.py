"""The page kinds of the site, one module each: what a kind's outputs are, what they show
(their key and which edits reach them, one declaration: ``base.Shown``) and how their
views are made.

``SITE_FIRST``, ``EDITION`` and ``SITE_LAST`` list the kinds in plan order: the site's own
outputs, then every edition's, then the sitemap. The order matters twice: a kind may read
what kinds before it planned (the search page names the shards of the article pages
planned before it), and two outputs claiming one path are reported at the later one.
"""

from __future__ import annotations

from .article import Articles
from .base import Kind
from .entity import Entities, EntityIndex
from .feeds import EditionFeed
from .lists import Archive, Home, Month, Topic, TopicIndex
from .site import NotFound, Redirect, Robots, Search, Sitemap

SITE_FIRST: tuple[Kind, ...] = (Redirect(), NotFound(), Robots())
EDITION: tuple[Kind, ...] = (
    Home(),
    Articles(),
    EntityIndex(),
    Search(),
    Entities(),
    TopicIndex(),
    Topic(),
    Archive(),
    Month(),
    EditionFeed(),
)
SITE_LAST: tuple[Kind, ...] = (Sitemap(),)
KINDS: dict[str, Kind] = {kind.name: kind for kind in (*SITE_FIRST, *EDITION, *SITE_LAST)}
"""Each kind by its name, the second part of its units."""
