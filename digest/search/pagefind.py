"""Indexing the staged site with Pagefind, after rendering and before the swap.

Pagefind (the ``pagefind`` package and its bundled binary) reads the article pages of the
new site — only what templates mark ``data-pagefind-body``: headline, summary, body — and
writes search bundles under ``pagefind/<lang>/<shard>/``. Each shard is written to a
scratch folder and then *put* into the staging tree like any other output, so the live
``site/`` never holds half an index, files whose bytes did not change stay as they are,
and the writer removes stale ones. Indexing costs seconds per shard, so a shard is
re-indexed only when the bytes of one of its pages changed or its list of pages did (the
shards are recorded in the build cache), and ``--no-search`` keeps the previous bundles
as they are. Without the binary the build goes on without search and says so once.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Generator, Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import Protocol

from ..writer import KEEP
from .bundle import canonical_bundle
from .shards import ARTICLE_GLOB, plan_shards, shard_glob

_UNUSED = re.compile(r"^pagefind-(component-ui|modular-ui|ui|highlight)\.")
"""Pagefind's own UIs: the site has its own small search page script, so these are not published."""


@dataclass(frozen=True)
class SearchOutput:
    """What indexing added to the staged site."""

    keys: dict[str, str]
    """Bundle files (site-relative) → digest of their bytes, to be listed with the other outputs."""
    written: tuple[str, ...]
    """Bundle files whose bytes differ from the live site's."""
    pages: int
    """Article pages indexed this time (0 when every shard was kept)."""
    notice: str | None = None
    """One line for the user when search could not be built."""
    record: _Previous | None = None
    """What the build cache should say about the bundle once the new site is live
    (``None``: nothing, so the next build indexes again). See ``save_record``."""


def save_record(cache_dir: Path, output: SearchOutput | None) -> None:
    """Record the bundle now in ``site/``; with ``None``, forget it.

    The build forgets the record before the new site is swapped in and saves it after,
    like its manifest: a build killed in between leaves no record, never one that
    describes a bundle the live site does not have.
    """
    record = cache_dir / "search.json"
    if output is None or output.record is None:
        record.unlink(missing_ok=True)
    else:
        _save(record, output.record)


@dataclass(frozen=True)
class _Shard:
    key: str
    """Digest of the shard's page list, the shard count, the scheme and the Pagefind version."""
    files: dict[str, str]
    """The shard's files (site-relative) → digest of their bytes."""
    stale: bool = False
    """Its pages changed while indexing was off (``--no-search``)."""


@dataclass(frozen=True)
class _Previous:
    shards: dict[str, _Shard]
    """By shard folder (``pagefind/ar/0/``)."""
    stale: bool = False
    """The shards no longer match the pages (added, removed or missing ones)."""


def is_stale(cache_dir: Path) -> bool:
    """Whether a build skipped indexing (``--no-search``) after article pages changed."""
    previous = _load(cache_dir / "search.json")
    return previous is not None and (previous.stale or any(s.stale for s in previous.shards.values()))


class StagedSite(Protocol):
    """What indexing needs of the writer's staging: the tree being assembled, the live site, ``put``."""

    path: Path
    site_dir: Path

    def put(self, relpath: str, data: bytes | object) -> bool: ...


def index_site(
    staging: StagedSite,
    pages: Sequence[str],
    written: Iterable[str],
    cache_dir: Path,
    *,
    enabled: bool = True,
    meanwhile: Callable[[], object] = lambda: None,
    present: Callable[[str], bool] | None = None,
    per_shard: int,
) -> SearchOutput:
    """Index ``pages`` (article pages) of the complete staged site and ``put`` the bundle beside them.

    Call once every page is staged and before the swap. ``written`` are the outputs whose
    bytes differ from the live site's: a shard is re-indexed only when one of its pages is
    among them, its list of pages changed, or its files are missing from the live site.
    A change that leaves article pages as they were (most template and code changes)
    re-indexes nothing. ``meanwhile`` is called once, in this thread, while the Pagefind
    processes run (the build saves its parse cache there); its errors are not Pagefind's.
    ``present`` tells whether a file of the live site is the one the last build left there
    (``buildstate.LiveSite``): a shard is kept only if every file of it is; by default,
    whether the file exists. ``per_shard`` is the most pages in one shard: the plan's
    (the search page names the shards it made with it).
    """
    previous = _load(cache_dir / "search.json")
    present = present or _exists_in(staging.site_dir)
    kept: dict[str, _Shard] = {}
    if previous is not None:
        for folder, shard in previous.shards.items():
            if all(present(path) for path in shard.files):
                kept[folder] = shard
    wanted = plan_shards(pages, per_shard)
    changed = set(written)

    def fresh(folder: str) -> bool:
        shard = kept.get(folder)
        key, group = wanted[folder]
        return shard is not None and shard.key == key and not shard.stale and changed.isdisjoint(group)

    if not enabled:
        meanwhile()
        current = {folder: folder in wanted and fresh(folder) for folder in kept}
        return _keep_all(staging, previous, kept, current, same=kept.keys() == wanted.keys())
    todo = {folder: group for folder, (_, group) in wanted.items() if not fresh(folder)}
    for folder in wanted.keys() - todo.keys():
        for path in kept[folder].files:
            staging.put(path, KEEP)
    done = {folder: kept[folder] for folder in wanted.keys() - todo.keys()}
    cache_dir.mkdir(parents=True, exist_ok=True)
    put_now, notice = _index_shards(staging, cache_dir, todo, meanwhile)
    written_now = [path for shard in put_now.values() for path in shard[1]]
    done.update({folder: _Shard(wanted[folder][0], digests) for folder, (digests, _) in put_now.items()})
    # The shards already put are part of the site either way. After a failure the record
    # says the bundle is behind, so the next build runs again and indexes the missing shards.
    done = dict(sorted(done.items()))
    files = {path: digest for shard in done.values() for path, digest in shard.files.items()}
    indexed = sum(len(group) for folder, group in todo.items() if folder in done)
    return SearchOutput(files, tuple(sorted(written_now)), indexed, notice, _Previous(done, stale=notice is not None))


def _exists_in(live: Path) -> Callable[[str], bool]:
    """Whether a file is in the live site (the default ``present``)."""
    prefix, isfile = str(live) + os.sep, os.path.isfile
    return lambda path: isfile(prefix + path)


def _keep_all(
    staging: StagedSite, previous: _Previous | None, kept: dict[str, _Shard], fresh: Mapping[str, bool], *, same: bool
) -> SearchOutput:
    """Indexing off (``--no-search``): keep the live bundle as it is, and record which of its
    shards are behind their pages (``fresh``: not) and whether they are the shards the pages
    want (``same``), so the next build with search catches up."""
    if previous is None:
        return SearchOutput({}, (), 0, record=_Previous({}, stale=True))
    for shard in kept.values():
        for path in shard.files:
            staging.put(path, KEEP)
    marked = {folder: replace(shard, stale=not fresh[folder]) for folder, shard in kept.items()}
    stale = previous.stale or not same
    files = {path: digest for shard in kept.values() for path, digest in shard.files.items()}
    return SearchOutput(files, (), 0, record=_Previous(marked, stale=stale))


def _index_shards(
    staging: StagedSite, cache_dir: Path, todo: Mapping[str, Sequence[str]], meanwhile: Callable[[], object]
) -> tuple[dict[str, tuple[dict[str, str], list[str]]], str | None]:
    """Index the shards of ``todo`` and put each bundle into the staged site as soon as it is
    made, beside the indexing of the others (creating its files costs about as much as
    indexing). Each shard put: its files' digests and the files whose bytes changed; and a
    notice for the user if Pagefind is missing or failed."""
    done: dict[str, tuple[dict[str, str], list[str]]] = {}
    notice = None
    with tempfile.TemporaryDirectory(prefix="search-", dir=cache_dir) as scratch:
        running = _run_shards(staging.path, Path(scratch), todo)
        try:
            next(running)  # every shard's job is under way
            meanwhile()
            try:
                for found in running:
                    assert found is not None
                    folder, bundle = found
                    files = canonical_bundle(_bundle_files(bundle))
                    shutil.rmtree(bundle, ignore_errors=True)
                    digests: dict[str, str] = {}
                    changed: list[str] = []
                    for rel, data in files.items():
                        path = folder + rel
                        digests[path] = hashlib.sha256(data).hexdigest()
                        if staging.put(path, data):
                            changed.append(path)
                    done[folder] = (digests, changed)
            except (ImportError, FileNotFoundError) as exc:
                notice = f"search not built, Pagefind is not available ({exc}); pip install 'pagefind[bin]'"
            except Exception as exc:  # noqa: BLE001 - search is optional: the site is published without it
                notice = f"search not built, Pagefind failed: {exc}"
        finally:
            running.close()  # after a failure, waits for the Pagefind processes still running
    return done, notice


def _run_shards(
    staged: Path, scratch: Path, todo: Mapping[str, Sequence[str]]
) -> Generator[tuple[str, Path] | None, None, None]:
    """Index each shard in its own Pagefind process, as many at once as there are cores;
    yield ``None`` once every job is submitted, then each shard's folder and bundle as it is done.

    Pagefind indexes mostly on one core, so two shards at once keep both busy.
    """
    from ..parallel import before_fork, workers

    before_fork()

    def job(number: int, group: Sequence[str]) -> Path:
        bundle, config = scratch / f"bundle-{number}", scratch / f"config-{number}"
        pattern = shard_glob(group)
        if pattern is not None:
            _run_pagefind(staged, bundle, config, pattern)
            return bundle
        source = scratch / f"site-{number}"
        _mirror(staged, source, group)
        try:
            _run_pagefind(source, bundle, config, ARTICLE_GLOB)
        finally:
            shutil.rmtree(source, ignore_errors=True)
        return bundle

    jobs = sorted(todo.items())
    with ThreadPoolExecutor(max_workers=max(1, min(workers(), len(jobs)))) as pool:
        futures = {pool.submit(job, number, group): folder for number, (folder, group) in enumerate(jobs)}
        try:
            yield None
            for future in as_completed(futures):
                yield futures[future], future.result()
        finally:
            for future in futures:
                future.cancel()


def _load(record: Path) -> _Previous | None:
    try:
        data = json.loads(record.read_text(encoding="utf-8"))
        shards = {
            str(folder): _Shard(
                str(shard["key"]), {str(k): str(v) for k, v in shard["files"].items()}, bool(shard.get("stale"))
            )
            for folder, shard in data["shards"].items()
        }
        return _Previous(shards, bool(data.get("stale", False)))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def _save(record: Path, previous: _Previous) -> None:
    record.parent.mkdir(parents=True, exist_ok=True)
    shards = {
        folder: {"key": shard.key, "files": shard.files, "stale": shard.stale}
        for folder, shard in previous.shards.items()
    }
    data = {"shards": shards, "stale": previous.stale}
    record.write_text(json.dumps(data, sort_keys=True), encoding="utf-8")


def _mirror(staged: Path, target: Path, pages: Sequence[str]) -> None:
    """Exactly the new site's pages of one shard, hard-linked (copied across file systems),
    for pages that ``shard_glob`` cannot name."""
    for rel in pages:
        dest = target / rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(staged / rel, dest)
        except OSError:
            shutil.copyfile(staged / rel, dest)


def _run_pagefind(source: Path, bundle: Path, config: Path, pattern: str) -> None:
    """Run the Pagefind binary over the pages of ``source`` that ``pattern`` matches, writing the bundle.

    The command line rather than the Python API's service: once the process has exited
    every file of the bundle is complete, and it indexes faster than the service. The glob
    goes in a ``pagefind.json`` in its own folder (Pagefind reads it from its working
    folder): a shard's glob names up to 1,000 pages, more than one argument may hold.
    """
    from pagefind.service import get_executable

    from ..parallel import die_with_parent

    binary = get_executable()
    if binary is None or not binary.is_file():
        raise FileNotFoundError(f"no Pagefind binary at {binary}" if binary else "no Pagefind binary")
    config.mkdir(parents=True, exist_ok=True)
    (config / "pagefind.json").write_text(json.dumps({"glob": pattern}), encoding="utf-8")
    command = [str(binary), "--site", str(source.resolve()), "--output-path", str(bundle.resolve()), "--silent"]
    # Killed with the build, whichever way the build ends (``parallel.die_with_parent``).
    with_parent = partial(die_with_parent, os.getpid())
    done = subprocess.run(command, capture_output=True, text=True, check=False, cwd=config, preexec_fn=with_parent)
    if done.returncode != 0:
        lines = (done.stderr or done.stdout).strip().splitlines()
        raise RuntimeError(lines[-1] if lines else f"exit status {done.returncode}")


def _bundle_files(bundle: Path) -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    for path in sorted(p for p in bundle.rglob("*") if p.is_file()):
        rel = path.relative_to(bundle).as_posix()
        if not _UNUSED.match(rel):
            files[rel] = path.read_bytes()
    return files
