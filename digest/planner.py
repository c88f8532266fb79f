"""What a plan is made of and the collector that makes one: every unit's outputs with
their keys and the names of what they show (``Planned``), what a plan leaves for the next
one of the same process (``PlanMemo``), and the ``Planner`` the page kinds ask while they
plan (``pages.base.Planning``). ``plan`` walks every unit with it; ``update`` only the
units an edit reaches.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from .diagnostics import Diagnostics
from .index import SiteIndex
from .model import Position
from .pages import EDITION, SITE_FIRST, SITE_LAST
from .pages.base import Draft, Kind, PageSpec, Scope, Shown, Unit, count
from .urls import Urls


@dataclass(frozen=True)
class Planned:
    """One unit's outputs as a build planned them."""

    inputs: tuple[object, ...]
    """What an article's or entity's unit was planned from: the article objects of the story,
    or the entity's facts. The next whole plan takes the outputs as they are for equal inputs."""
    outputs: tuple[tuple[str, str], ...]
    """``(output path, key)`` of each."""
    searchable: tuple[str, ...]
    located: tuple[tuple[str, Position], ...]
    """``(output path, origin)`` of each, for the check of colliding paths."""
    names: tuple[str, ...]
    """The names of what the outputs show (``pages.base.Shown``): an edit reporting one of
    them reaches the unit."""


@dataclass(frozen=True)
class PlanMemo:
    """What a plan leaves for the next one of the same process (``serve``): every unit's
    outputs, the mention counts of each edition, the whole plan's keys, its claimed paths
    and searchable pages, and the index it was made from."""

    units: Mapping[Unit, Planned]
    counts: Mapping[str, Mapping[str, int]]
    keys: Mapping[str, str]
    claimed: Mapping[str, Position]
    """Every output path, case-folded → the origin of the output claiming it."""
    searchable: frozenset[str]
    index: SiteIndex
    updated: bool = False
    """Made by ``update`` (only the units an edit reaches planned again), not by a walk of
    every unit."""


@dataclass(frozen=True)
class Plan:
    """The outputs of the site. Those of units that did not change since the last build of
    this process are not planned again: they have no spec, only their path and key."""

    specs: list[PageSpec]
    """Outputs planned afresh, in plan order."""
    keys: dict[str, str]
    """Every output path → its key (made by the caller's ``key`` from ``PageSpec.shows``)."""
    searchable: tuple[str, ...]
    """Paths of the pages that go into the search index, sorted."""
    memo: PlanMemo | None
    """What the next plan of this process starts from; ``None`` when the planner was told it
    will not be asked (``Planner.remember``)."""
    reused: int = 0
    """Outputs taken from the last build's plan."""


def walk(languages: Iterable[str]) -> list[tuple[str, tuple[Kind, ...]]]:
    """The kinds in plan order, each with the edition it is planned for (``""``: the site's own)."""
    return [("", SITE_FIRST), *((lang, EDITION) for lang in languages), ("", SITE_LAST)]


class Planner:
    """Collects a plan as it is made (the ``pages.base.Planning`` the kinds ask): fresh specs
    with their keys, and the outputs of units taken from ``last`` as they were."""

    def __init__(
        self, scope: Scope, key: Callable[[PageSpec], str], last: PlanMemo | None, *, reuse: bool, remember: bool = True
    ) -> None:
        self.scope = scope
        self.key = key
        self.last = last
        self.reuse = reuse and last is not None
        self.remember = remember
        """Whether to keep each unit's outputs and the names they show for the next plan (``PlanMemo``):
        only a process that builds again (``serve``) needs them, and at 10,000 articles they are
        about 15 MB that a one-off build would carry to its end and into its forked workers."""
        self.specs: list[PageSpec] = []
        self.keys: dict[str, str] = {}
        self.origins: list[tuple[str, Position]] = []
        self.paths: set[str] = set()
        """Searchable pages."""
        self.units: dict[Unit, Planned] = {}
        self.numbers: dict[str, Mapping[str, int]] = {}
        self._counts: dict[str, dict[str, Shown]] = {}
        self._recounted: dict[str, set[str]] = {}
        self.reused = 0

    # -- what the kinds ask (``pages.base.Planning``) ---------------------------------

    def searchable(self, lang: str) -> list[str]:
        return sorted(path for path in self.paths if path.startswith(lang + "/"))

    def counts(self, lang: str) -> Mapping[str, Shown]:
        found = self._counts.get(lang)
        if found is None:
            numbers = self.mention_counts(lang)
            found = self._counts[lang] = {eid: count(lang, eid, n) for eid, n in numbers.items()}
        return found

    def mention_counts(self, lang: str) -> Mapping[str, int]:
        found = self.numbers.get(lang)
        if found is None:
            entities = self.scope.index.edition(lang).entities
            found = self.numbers[lang] = {eid: facts.mention_count for eid, facts in entities.items()}
        return found

    def reusable(self, lang: str, entities: Iterable[str]) -> bool:
        if not self.reuse or self.last is None:
            return False
        recounted = self._recounted.get(lang)
        if recounted is None:
            before = self.last.counts.get(lang, {})
            now = self.mention_counts(lang)
            recounted = self._recounted[lang] = {eid for eid, n in now.items() if before.get(eid) != n}
        return recounted.isdisjoint(entities)

    def kept(self, unit: Unit, inputs: tuple[object, ...]) -> bool:
        prior = self.last.units.get(unit) if self.reuse and self.last is not None else None
        if prior is None or prior.inputs != inputs:
            return False
        self.units[unit] = prior
        self.keys.update(prior.outputs)
        self.origins.extend(prior.located)
        self.paths.update(prior.searchable)
        self.reused += len(prior.outputs)
        return True

    # -- making the plan --------------------------------------------------------------

    def plan(self, kind: Kind, unit: Unit) -> None:
        """Plan ``unit`` (unless the kind took it from the last plan)."""
        draft = kind.plan(self.scope, unit, self)
        if draft is not None:
            self.add(unit, draft)

    def add(self, unit: Unit, draft: Draft) -> Planned:
        """Plan ``unit``'s outputs afresh, remembering them for the next plan."""
        outputs, searchable, located = [], [], []
        names: dict[str, None] = {}
        for spec in draft.specs:
            path = Urls.output_path(spec.route)
            key = self.keys[path] = self.key(spec)
            outputs.append((path, key))
            located.append((path, spec.origin))
            if spec.searchable:
                searchable.append(path)
            if self.remember:
                names.update((name, None) for name, _ in spec.shows)
            self.specs.append(spec)
        self.origins.extend(located)
        self.paths.update(searchable)
        planned = Planned(draft.inputs, tuple(outputs), tuple(searchable), tuple(located), tuple(names))
        if self.remember:
            self.units[unit] = planned
        return planned

    def finish(self, diags: Diagnostics) -> Plan:
        claimed = _check_collisions(self.origins, diags)
        for lang in self.scope.index.editions:
            self.mention_counts(lang)
        memo = (
            PlanMemo(self.units, self.numbers, self.keys, claimed, frozenset(self.paths), self.scope.index)
            if self.remember
            else None
        )
        return Plan(self.specs, self.keys, tuple(sorted(self.paths)), memo, self.reused)


def _check_collisions(outputs: list[tuple[str, Position]], diags: Diagnostics) -> dict[str, Position]:
    """Two outputs whose paths differ only in case would overwrite each other on the
    file systems of macOS and Windows: an error at the second one's origin. Returns the
    claimed paths, case-folded, with their origins."""
    claimed: dict[str, Position] = {}
    for path, origin in outputs:
        folded = path.casefold()
        first = claimed.get(folded)
        if first is None:
            claimed[folded] = origin
        else:
            diags.error(
                origin.path,
                origin.line,
                origin.col,
                f"duplicate output path '{path}' (also made from {first.path})",
            )
    return claimed
