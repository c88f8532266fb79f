"""What a build keeps for the next build of the same process (``serve``), and when the
next one may reuse it.

A rebuild in ``serve`` does not read the parse cache and the manifest from disk again
(``Warm``), and updates the last build's index and plan instead of making them anew
(``Last``: ``index.build_index(previous=…)``, ``plan.plan(last=…)``). Everything kept is
checked against what the next build reads, so it is correct whatever ran in between.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .buildstate import LiveSite, Manifest, ParseCache, stamp
from .index import SiteIndex
from .planner import PlanMemo


@dataclass(frozen=True)
class Last:
    """A build's index and plan, kept in memory by ``serve`` (``Warm.last``) so that the
    next build updates them instead of redoing them: at tens of thousands of articles they
    cost more than the rest of a one-article rebuild. Used only by a build with the same
    ``global_key`` (the digest of every input all pages depend on, and the options)."""

    global_key: str
    index: SiteIndex
    memo: PlanMemo


@dataclass(frozen=True)
class Reuse:
    """What the previous build left that this one may reuse."""

    cache: ParseCache | None = None
    keys: dict[str, str] = field(default_factory=dict)
    """The key of every output of the live site, as the manifest recorded them."""
    known: dict[str, str] | None = None
    """Content hashes of the input files, by path, taken at the start of this build."""
    last: Last | None = None
    live: LiveSite | None = None
    """The live site's files as the manifest recorded them: only those still there are carried over."""
    global_key: str = ""
    """This build's ``pipeline.global_key``; outputs of another are never taken (``""``: none are)."""
    remember: bool = False
    """Whether this build's index and plan are kept for the next build of the process (``serve``)."""

    def parse_cache(self) -> ParseCache:
        assert self.cache is not None, "a build always has a parse cache"
        return self.cache


@dataclass
class Warm:
    """The build cache kept in memory between the builds of one process (``serve``), so a
    rebuild does not read the parse cache and manifest from disk again.

    The parse cache is keyed by content, so it stays right whatever else runs. The
    manifest is trusted only while its file is the one this process saved: a build run
    in another terminal meanwhile makes the next one read it again.
    """

    cache: ParseCache | None = None
    manifest: Manifest | None = None
    stamp: tuple[int, int, int] | None = None
    last: Last | None = None
    """What the last successful build made that the next one may update rather than redo
    (its index and plan). Correct whatever ran in between: it is only ever compared with
    what the next build reads."""

    def manifest_at(self, path: Path) -> Manifest:
        if self.manifest is not None and self.stamp is not None and stamp(path) == self.stamp:
            return self.manifest
        return Manifest.load(path)

    def parse_cache(self, folder: Path, fork_from: int) -> ParseCache:
        if self.cache is None or self.cache.folder != folder or self.cache.fork_from != fork_from:
            self.cache = ParseCache(folder, fork_from=fork_from)
        return self.cache

    def remember(self, manifest: Manifest | None, path: Path) -> None:
        """After a build: ``manifest`` is what it saved at ``path`` (``None``: nothing trusted)."""
        self.manifest, self.stamp = manifest, (stamp(path) if manifest is not None else None)
