"""The build cache in ``.digest-cache/``: parsed articles and what each output was made from.

Two things make rebuilds cheap without ever making them wrong:

- ``ParseCache``: a parsed article (facts and diagnostics, not tokens) keyed by a
  hash of its bytes *and* of everything its parse depends on, so an unchanged
  file is not parsed again;
- ``Manifest``: for every output file, the key of the inputs it was made from
  (``output_key``, from what each output shows: ``pages.base.PageSpec.shows``), and
  the input fingerprints of the last build, so an output whose key is unchanged is
  kept as it is, and a build where no input changed at all stops right after checking
  the fingerprints.

Fingerprints are content hashes. File size, modification time and inode only
decide whether a file must be read again to hash it (as git does); they never
stand in for the hash. A cache that cannot be read is ignored (a cold build).
"""

from __future__ import annotations

import hashlib
import marshal
import os
import pickle
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from .collector import paused
from .tuning import FORK_FROM

CACHE_VERSION = 5


class ParseCache:
    """Parsed articles and entities by key, stored in shards by the key's first two hex digits.

    Only entries used by this build are saved back, and only shards whose entries
    changed are rewritten: an edit to one article rewrites one small file, not the
    whole cache. A shard that cannot be read is ignored (its files are parsed again).
    """

    def __init__(self, folder: Path, *, load: bool = True, fork_from: int = FORK_FROM) -> None:
        self.folder = folder
        self.fork_from = fork_from
        """Shards to write from which ``start_save`` forks (``tuning.FORK_FROM``)."""
        self._old: dict[str, dict[str, Any]] = _load_shards(folder) if load else {}
        self._new: dict[str, dict[str, Any]] = {}
        self._saving: int | None = None

    def get(self, key: str) -> Any | None:
        found = self._old.get(key[:2], {}).get(key)
        if found is not None:
            self._new.setdefault(key[:2], {})[key] = found
        return found

    def put(self, key: str, value: Any) -> None:
        item, problems = value
        body = getattr(item, "body", None)
        if body is not None and body.tokens:
            item = replace(item, body=replace(body, tokens=()))
        self._new.setdefault(key[:2], {})[key] = (item, problems)

    def save(self) -> None:
        self._write(self._changes())

    @staticmethod
    def _write(changes: list[tuple[Path, dict[str, Any] | None]]) -> None:
        for path, entries in changes:
            if entries is None:
                path.unlink(missing_ok=True)
            else:
                _atomic_write(path, pickle.dumps((_shard_version(), entries), protocol=pickle.HIGHEST_PROTOCOL))

    def _changes(self) -> list[tuple[Path, dict[str, Any] | None]]:
        """The shards to write (with their entries) or to remove (``None``)."""
        changes: list[tuple[Path, dict[str, Any] | None]] = []
        for shard in sorted(self._old.keys() | self._new.keys()):
            old, new = self._old.get(shard, {}), self._new.get(shard, {})
            path = self.folder / f"{shard}.pickle"
            if not new:
                changes.append((path, None))
            elif new.keys() != old.keys() or any(old.get(k) is not v for k, v in new.items()):
                changes.append((path, new))
        return changes

    def start_save(self) -> None:
        """Write what ``save`` writes, starting now: once every article is read, the build
        saves its cache while it goes on. When most shards changed (a cold build: 200 MB of
        pickles at 10,000 articles, 2 to 3 CPU-seconds) the save runs in a forked process,
        on the core that would be idle while the index and plan are made, instead of taking
        that time from the search indexing or adding it to a build without search. The
        child holds the cache as it was at the fork; the entries are keyed by content, so
        writing them is right even if the build fails later. ``finish_save`` waits for it."""
        changes = self._changes()
        if len(changes) < self.fork_from or not hasattr(os, "fork"):
            self._write(changes)
            return
        from .parallel import before_fork, die_with_parent

        before_fork()
        parent = os.getpid()
        pid = os.fork()
        if pid == 0:  # the child: write, and leave without running the parent's cleanup
            status = 1
            try:
                die_with_parent(parent)
                self._write(changes)
                status = 0
            finally:
                os._exit(status)
        self._saving = pid

    def finish_save(self) -> None:
        """Wait for the save ``start_save`` began; if its process failed, save here, so that
        its error (a full disk, a folder that cannot be written) is the build's."""
        if not self._reap():
            self.save()

    def _reap(self) -> bool:
        """Wait for a forked save, if any; whether it (or nothing) succeeded."""
        pid, self._saving = self._saving, None
        if pid is None:
            return True
        _, status = os.waitpid(pid, 0)
        return status == 0

    def settle(self, saved: bool) -> None:
        """Ready the cache for another build in this process: after ``save`` it holds what
        was saved (what is on disk); after a failed build, what it held before."""
        self._reap()
        if saved:
            self._old = self._new
        self._new = {}


def stamp(path: Path) -> tuple[int, int, int] | None:
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return (stat.st_mtime_ns, stat.st_size, stat.st_ino)


def _load_shards(folder: Path) -> dict[str, dict[str, Any]]:
    """Every readable shard. The cycle collector is paused meanwhile: unpickling makes
    millions of acyclic objects, and its passes over them would triple the load time."""
    with paused():
        return _read_shards(folder)


def _read_shards(folder: Path) -> dict[str, dict[str, Any]]:
    shards: dict[str, dict[str, Any]] = {}
    try:
        paths = sorted(folder.glob("*.pickle"))
    except OSError:
        return shards
    for path in paths:
        try:
            version, data = pickle.loads(path.read_bytes())
        except Exception:  # missing, truncated, from another version: parse those files again
            continue
        if version == _shard_version() and isinstance(data, dict):
            shards[path.stem] = data
    return shards


def manifest_file(cache_dir: Path) -> Path:
    """Where the build keeps its manifest."""
    return cache_dir / "manifest.bin"


@dataclass
class Manifest:
    """What the last successful build was made from and what it wrote."""

    inputs: dict[str, list[Any]] = field(default_factory=dict)
    """Input path → [size, mtime_ns, inode, sha256]."""
    outputs: dict[str, str] = field(default_factory=dict)
    """Output path (relative to site/) → key of what it was made from."""
    options: str = ""
    """The build options (base URL, drafts) the outputs were made with."""
    counts: list[int] = field(default_factory=lambda: [0, 0])
    """Articles and entities of that build, for the summary line."""
    warnings: list[list[Any]] = field(default_factory=list)
    """Warnings of that build as [path, line, col, message], shown again when nothing changed."""
    identities: dict[str, tuple[int, int, int]] = field(default_factory=dict)
    """Output path → its file's identity in the site that build left (see ``LiveSite``)."""

    @classmethod
    def load(cls, path: Path) -> Manifest:
        """The manifest saved at ``path``; an empty one (a cold build) if it is missing,
        damaged or from another version."""
        try:
            data = marshal.loads(path.read_bytes())
            if not isinstance(data, dict) or data.get("version") != CACHE_VERSION:
                return cls()
            fields = ("inputs", "outputs", "options", "counts", "warnings", "identities")
            return cls(*(data[name] for name in fields))
        except (OSError, ValueError, KeyError, TypeError, EOFError):
            return cls()

    def save(self, path: Path) -> None:
        """In ``marshal``'s format: plain dicts, lists and strings, written and read ten times
        faster than JSON (at 45,000 outputs, 4 ms against 45 ms to write), which matters in a
        rebuild of a fraction of a second. A cache, read only by the build that wrote it."""
        data = {
            "version": CACHE_VERSION,
            "inputs": self.inputs,
            "outputs": self.outputs,
            "options": self.options,
            "counts": self.counts,
            "warnings": self.warnings,
            "identities": self.identities,
        }
        _atomic_write(path, marshal.dumps(data))


def fingerprints(files: list[str], known: dict[str, list[Any]]) -> dict[str, list[Any]]:
    """Content hashes of ``files``, re-reading only files whose size, mtime or inode changed."""
    result: dict[str, list[Any]] = {}
    for name in files:
        try:
            stat = os.stat(name)
        except OSError:
            continue
        old = known.get(name)
        if old and old[0] == stat.st_size and old[1] == stat.st_mtime_ns and old[2] == stat.st_ino:
            result[name] = old
            continue
        try:
            with open(name, "rb") as handle:
                digest = hashlib.sha256(handle.read()).hexdigest()
        except OSError:
            continue
        result[name] = [stat.st_size, stat.st_mtime_ns, stat.st_ino, digest]
    return result


def _atomic_write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


PACKAGE = Path(__file__).resolve().parent


def _shard_version() -> tuple[int, str]:
    """What a parse-cache shard was written by. Every key holds the engine's digest too, so a
    shard of other code could not give a hit; skipping it unread keeps the first build after
    an upgrade from holding the whole old cache (hundreds of MB) beside the new parses."""
    return (CACHE_VERSION, engine_digest())


@lru_cache(maxsize=1)
def engine_digest() -> str:
    """Digest of the engine's own code. Part of every parse-cache key: a parsed body holds
    its HTML, so a new version of the parser or of its rules must parse every file again."""
    sources: list[str] = []
    for base, dirs, names in os.walk(PACKAGE):
        dirs[:] = [d for d in dirs if d != "__pycache__" and not d.startswith(".")]
        sources.extend(os.path.join(base, name) for name in names if name.endswith(".py"))
    digest = hashlib.sha256()
    for path in sorted(sources):
        digest.update(os.path.relpath(path, PACKAGE).encode("utf-8") + b"\0")
        with open(path, "rb") as handle:
            digest.update(hashlib.sha256(handle.read()).digest())
    return digest.hexdigest()


def output_key(global_key: str, route: str, template: str, values: list[str]) -> str:
    """An output's cache key. Its parts are joined with NULs, which none of them holds: the
    values are digests, entity ids and counts, and the route, the one part made of text
    (a topic's name), is checked. Unambiguous, and twice as cheap as ``repr`` for the long
    lists of values of popular entities' pages."""
    if "\0" in route:
        raise ValueError(f"a NUL in the route {route!r}")
    return hashlib.sha256("\0".join((global_key, route, template, *values)).encode("utf-8")).hexdigest()


def options_key(base_url: str | None, drafts: bool) -> str:
    """The build options outputs depend on, as stored in the manifest."""
    return repr((base_url, drafts))


def input_files(content_dir: Path, templates_dir: Path) -> list[str]:
    """Everything a build reads: content, theme, and the engine's own code (hidden files and caches left out).

    Plain strings, not ``Path`` objects: at tens of thousands of files, making and
    sorting ``Path`` objects is most of a no-change rebuild.
    """
    found: list[str] = []
    for root in (content_dir, templates_dir, PACKAGE):
        for base, dirs, names in os.walk(root):
            dirs[:] = [d for d in dirs if d != "__pycache__" and not d.startswith(".")]
            prefix = base + os.sep
            found.extend(prefix + name for name in names if not name.startswith("."))
    return sorted(found)


def unchanged_since_last_build(manifest: Manifest, inputs: dict[str, list[Any]], options: str, site_dir: Path) -> bool:
    """No input, option or output changed: the site on disk is exactly what a build would make."""
    if not manifest.outputs or inputs != manifest.inputs or options != manifest.options:
        return False
    live = LiveSite(site_dir, manifest.identities)
    return all(live.holds(path) for path in manifest.outputs)


Identity = tuple[int, int, int]
"""A file's inode, size and modification time in nanoseconds."""


class LiveSite:
    """The files of ``site/`` as the last build recorded them, checked before they are trusted.

    A manifest says what each output was made from; that is true of the file in ``site/``
    only if the file is still the one that build left there. Another process may have
    swapped in its own site since (a build of an older engine, a copy made by hand), or a
    file may have been edited. So an output is carried over only when its file has the
    identity recorded for it (inode, size, modification time to the nanosecond), as git
    trusts its index and make its targets: every write gives a file a new identity (the
    writer renames a new file over the old entry: a new inode), and an unchanged file
    keeps its own through every build (it is hard-linked into the next site). The check
    is the ``stat`` a carried-over file needed anyway; reading every file to hash it
    would cost more than a one-article rebuild.
    """

    def __init__(self, site_dir: Path | None, recorded: dict[str, Identity]) -> None:
        self._prefix = str(site_dir) + os.sep if site_dir is not None else None
        self._recorded = recorded
        self._held: set[str] = set()

    def holds(self, path: str) -> bool:
        """Whether ``site/<path>`` is the file the last build recorded (remembered for ``identities``)."""
        want = self._recorded.get(path)
        if want is None or self._prefix is None:
            return False
        try:
            found = os.stat(self._prefix + path)
        except OSError:
            return False
        if (found.st_ino, found.st_size, found.st_mtime_ns) != tuple(want):
            return False
        self._held.add(path)
        return True

    def identities(self, site_dir: Path, paths: Iterable[str], written: Iterable[str]) -> dict[str, Identity]:
        """The identities of ``paths`` in the site just swapped in: those ``holds`` checked
        and this build did not write anew are the same files (hard-linked), the others are
        looked up."""
        prefix = str(site_dir) + os.sep
        held = self._held.difference(written)
        found: dict[str, Identity] = {}
        for path in paths:
            if path in held:
                found[path] = self._recorded[path]
                continue
            try:
                stat = os.stat(prefix + path)
            except OSError:
                continue  # not recorded: the next build makes it again
            found[path] = (stat.st_ino, stat.st_size, stat.st_mtime_ns)
        return found
