"""The plan: every output of the site as a ``PageSpec``, each route claimed once.

Nothing is rendered here. The page kinds (``pages``) say what their outputs are; the plan
walks them in order (``pages.SITE_FIRST``, ``EDITION`` per language, ``SITE_LAST``) and
keeps, per unit, its outputs' paths, keys and the names of what they show, for the next
plan of the same process (``PlanMemo``; ``update`` makes a plan from it). Two outputs
claiming one file (e.g. two tags that differ only in case) is an error, reported at the
content that caused the later one.
"""

from __future__ import annotations

from collections.abc import Callable

from .diagnostics import Diagnostics
from .index import SiteIndex
from .pages.base import PageSpec, Scope
from .planner import Plan, PlanMemo, Planner, walk
from .tuning import SHARD_PAGES
from .update import update
from .urls import Urls
from .views import ViewBuilder


def plan(
    index: SiteIndex,
    views: ViewBuilder,
    urls: Urls,
    diags: Diagnostics,
    *,
    key: Callable[[PageSpec], str],
    last: PlanMemo | None = None,
    per_shard: int = SHARD_PAGES,
    remember: bool = True,
) -> Plan:
    """Plan the site; ``key`` gives each output's cache key.

    ``last`` is the memo of the previous plan of this process, made with the same settings,
    registry, theme and code (the caller's to check). When the stories are the same, in the
    same order, with the same dates, only the units an edit reaches are planned again
    (``update``). Otherwise every unit is planned, but an article's or entity's outputs are
    taken as they were when they come from equal objects and the counts their cards show
    are unchanged. Either way the plan has the keys a plan from nothing would have.
    ``per_shard`` is the most article pages in one search shard, as the search stage will
    be given it (the search page names the shards). ``remember=False`` leaves out the memo
    a next plan would start from (a build that is not followed by another in this process).
    """
    scope = Scope(index, views, urls, per_shard)
    if last is not None:
        found = update(scope, Planner(scope, key, last, reuse=False), last)
        if found is not None:
            return found
    planner = Planner(scope, key, last, reuse=True, remember=remember or last is not None)
    for lang, kinds in walk(index.corpus.site.languages):
        for kind in kinds:
            for unit in kind.units(scope, lang):
                planner.plan(kind, unit)
    return planner.finish(diags)


def plan_site(index: SiteIndex, views: ViewBuilder, urls: Urls, diags: Diagnostics) -> list[PageSpec]:
    """Every output of the site as a spec (nothing reused)."""
    return plan(index, views, urls, diags, key=lambda spec: "").specs
