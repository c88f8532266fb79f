"""A plan made from the last one when only the stories' contents changed (same stories,
same order, same dates): the last plan's outputs, with the units an edit reaches planned
again.

An edit is told as the *names* of what it may have changed (``changes``), the names the
page kinds give what their outputs show (``pages.base``): a changed story's ``story:``,
``shown:`` and ``entry:``, the ``count:`` of every entity whose mention count moved, the
``facts:`` of every entity and the ``topic:``/``topics:`` of every topic whose list is a
new object, and ``searchable:`` when an edition's searchable pages changed. A unit is
reached when one of the names its outputs show is among them. Nothing here knows a page
kind: a kind that shows something new names it in its ``shows``, and is reached by it.

``order:`` names what follows from the stories, their order and dates alone: an update
never applies when those change, so it never reports them.
"""

from __future__ import annotations

from collections.abc import Mapping

from .index import SiteIndex, same_frame
from .pages import KINDS
from .pages.base import Scope, Unit, entry, named, shown, story
from .planner import Plan, PlanMemo, Planner, walk
from .urls import Urls


def update(scope: Scope, planner: Planner, last: PlanMemo) -> Plan | None:
    """The plan of ``scope``'s index made from ``last``; ``None`` when an update does not
    apply (other stories, another order, other dates or settings), or when a path collides
    (the whole plan then reports it, at the output it reports it for)."""
    old, new = last.index, scope.index
    if not same_frame(old.corpus, new.corpus) or any(lang not in last.counts for lang in new.editions):
        return None
    names = changes(old, new, last)
    planner.numbers = {lang: _counts(new, lang) for lang in new.editions}
    languages = new.corpus.site.languages
    # A stable kind's units are the last plan's; the others' are listed again.
    unstable = {kind.name for kind in KINDS.values() if not kind.stable}
    now = {
        unit: None
        for lang, kinds in walk(languages)
        for kind in kinds
        if not kind.stable
        for unit in kind.units(scope, lang)
    }
    # Take every unit's outputs from the last plan, drop those of the units to plan again
    # and of the units that are no more, then plan them: a path one gives up may be taken
    # by another.
    taken = _Taken(planner, last)
    gone: list[Unit] = []
    reached: list[Unit] = []
    for unit, planned in last.units.items():
        if unit[1] in unstable and unit not in now:
            gone.append(unit)
        elif not names.isdisjoint(planned.names):
            reached.append(unit)
    reached.extend(unit for unit in now if unit not in last.units)
    for unit in (*gone, *reached):
        taken.drop(unit)
    for unit in reached:
        if not KINDS[unit[1]].reads_plan:
            planner.plan(KINDS[unit[1]], unit)
    # A kind that reads the plan (the search page: the searchable pages) is planned last,
    # reached also by a change of what it reads.
    dropped = {path for unit in (*gone, *reached) if unit in last.units for path in last.units[unit].searchable}
    added = {path for unit in reached if unit in planner.units for path in planner.units[unit].searchable}
    names.update(named("searchable", path.partition("/")[0]) for path in dropped ^ added)
    later = [unit for unit in reached if KINDS[unit[1]].reads_plan]
    for lang, kinds in walk(languages):
        for kind in kinds:
            for unit in kind.units(scope, lang) if kind.reads_plan else ():
                if unit not in later and unit in last.units and not names.isdisjoint(last.units[unit].names):
                    later.append(unit)
                    taken.drop(unit)
    for unit in later:
        planner.plan(KINDS[unit[1]], unit)
    for spec in planner.specs:
        folded = Urls.output_path(spec.route).casefold()
        if folded in taken.claimed:
            return None
        taken.claimed[folded] = spec.origin
    keys, paths = planner.keys, planner.paths
    memo = PlanMemo(planner.units, planner.numbers, keys, taken.claimed, frozenset(paths), new, updated=True)
    return Plan(planner.specs, keys, tuple(sorted(paths)), memo, len(keys) - len(planner.specs))


class _Taken:
    """The last plan's outputs, taken into ``planner``, less those of the units dropped."""

    def __init__(self, planner: Planner, last: PlanMemo) -> None:
        self.planner = planner
        self.last = last
        self.claimed = dict(last.claimed)
        planner.keys = dict(last.keys)
        planner.paths = set(last.searchable)
        planner.units = dict(last.units)

    def drop(self, unit: Unit) -> None:
        prior = self.planner.units.pop(unit, None)
        for path, _ in prior.outputs if prior is not None else ():
            del self.planner.keys[path]
            del self.claimed[path.casefold()]
            self.planner.paths.discard(path)


def changes(old: SiteIndex, new: SiteIndex, last: PlanMemo) -> set[str]:
    """The names of what may differ between two indexes of the same frame (``same_frame``)."""
    names: set[str] = set()
    for before, after in zip(old.corpus.stories, new.corpus.stories, strict=True):
        if before.versions == after.versions:  # the same article objects, mostly: cheap
            continue
        if story(before) != story(after):
            names.add(story(after)[0][0])
        if entry(before) != entry(after):
            names.add(entry(after)[0])
        for lang in new.editions:
            if before.shown(lang) is not after.shown(lang):
                names.add(shown(lang, after, after.shown(lang))[0])
    for lang, edition in new.editions.items():
        was = old.edition(lang)
        before_counts = last.counts[lang]
        for eid, facts in edition.entities.items():
            if before_counts.get(eid) != facts.mention_count:
                names.add(named("count", lang, eid))
            if was.entities.get(eid) is not facts:
                names.add(named("facts", lang, eid))
        moved = [t for t in was.tags.keys() | edition.tags.keys() if was.tags.get(t) is not edition.tags.get(t)]
        names.update(named("topic", lang, tag) for tag in moved)
        if moved and tuple(was.tags) != tuple(edition.tags):
            names.add(named("topics", lang))
    return names


def _counts(index: SiteIndex, lang: str) -> Mapping[str, int]:
    return {eid: facts.mention_count for eid, facts in index.edition(lang).entities.items()}
