"""The thresholds that make a build fast at every size, in one place, each with the
measurement that set it.

A build takes one ``Tuning`` (``pipeline.build(tuning=…)``) and hands each stage the value
it needs, so no stage reads a module constant another could have changed. The defaults are
what the project measured on two cores; tests pass smaller values to make the sample site
behave as a site of 10,000 articles would (several search shards, a forked cache save).
"""

from __future__ import annotations

from dataclasses import dataclass

SHARD_PAGES = 1000
"""Most pages in one Pagefind index. Pagefind holds a whole index in memory (about
330 KB per Arabic article page) and indexes mostly on one core (about 4 CPU-seconds per
1,000 pages), so an edition's articles are split into shards of at most this many pages:
each indexed in its own process, two at a time on two cores, each process about 330 MB, and an edit
re-indexes only its article's shard (about 3 s). The search page merges an edition's
shards (Pagefind's ``mergeIndex``), which ranks their results together."""

FORK_FROM = 16
"""Shards of the parse cache (of 256) to write from which the build forks to write them
(``buildstate.ParseCache.start_save``): forking a build of hundreds of MB costs more than
writing a few shards, and a cold build at 10,000 articles writes 200 MB of them (2 to 3
CPU-seconds taken off the critical path)."""


@dataclass(frozen=True)
class Tuning:
    """The size thresholds of one build."""

    shard_pages: int = SHARD_PAGES
    """Most article pages in one search shard (see ``SHARD_PAGES``)."""
    fork_from: int = FORK_FROM
    """Parse-cache shards to write from which the save is forked (see ``FORK_FROM``)."""

    def __post_init__(self) -> None:
        if self.shard_pages < 1 or self.fork_from < 1:
            raise ValueError(f"tuning values must be at least 1: {self}")
