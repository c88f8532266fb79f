"""The write stage: put a complete site in place atomically, rewriting only what changed.

The new site is staged in a sibling folder: unchanged files are hard-linked from
the current site (same bytes, same inode, same mtime), changed ones are written
fresh; then the folders are swapped with two renames. A build that fails, or is
killed, before the swap leaves the old ``site/`` exactly as it was, and a swap
interrupted between its two renames is finished by the next run.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

KEEP = object()
"""In place of bytes: carry the current file over unchanged (its inputs did not change)."""


class UnsafePath(ValueError):
    """An output path that would land outside the site folder."""


@dataclass(frozen=True)
class WriteReport:
    written: int
    """Files that are new or whose bytes changed."""
    unchanged: int
    removed: int

    @property
    def total(self) -> int:
        return self.written + self.unchanged


def _safe(relpath: str) -> PurePosixPath:
    path = PurePosixPath(relpath)
    if path.is_absolute() or not path.parts or any(p in ("..", ".", "") for p in path.parts) or "\\" in relpath:
        raise UnsafePath(f"refusing to write {relpath!r} outside the site folder")
    return path


def recover(site_dir: Path) -> None:
    """Finish or undo a swap that a killed build left half done."""
    old = site_dir.with_name(site_dir.name + ".old")
    if not site_dir.exists() and old.exists():
        old.rename(site_dir)
    elif old.exists():
        shutil.rmtree(old)
    for stale in site_dir.parent.glob(f".{site_dir.name}.staging-*"):
        shutil.rmtree(stale, ignore_errors=True)


class Staging:
    """A new site assembled beside the current one, then swapped in by ``commit``.

    ``put`` may be called from forked render workers: each writes its own files
    straight into the staging folder, so page bytes never travel back to the parent.
    """

    def __init__(self, site_dir: Path) -> None:
        recover(site_dir)
        self.site_dir = site_dir
        self.path = site_dir.with_name(f".{site_dir.name}.staging-{os.getpid()}")
        if self.path.exists():
            shutil.rmtree(self.path)
        self.path.mkdir(parents=True)
        self._root = os.path.realpath(self.path)
        self._made: set[str] = set()

    def put(self, relpath: str, data: bytes | object) -> bool:
        """Stage one file; ``True`` when its bytes differ from the current site's (i.e. written)."""
        parts = _safe(relpath).parts
        folder = os.path.join(self.path, *parts[:-1])
        if folder not in self._made:
            os.makedirs(folder, exist_ok=True)
            # Checked once per folder: the staging tree is new and holds only what we made.
            if not (os.path.realpath(folder) + os.sep).startswith(self._root + os.sep):
                raise UnsafePath(f"refusing to write {relpath!r} outside the site folder")
            self._made.add(folder)
        target = os.path.join(folder, parts[-1])
        current = os.path.join(self.site_dir, *parts)
        if data is KEEP or _same(current, data):
            os.link(current, target)
            return False
        assert isinstance(data, bytes)
        with open(target, "wb") as handle:
            handle.write(data)
        return True

    def commit(self, paths: set[str], written: int) -> WriteReport:
        """Swap the staged site in; ``paths`` are every staged file (to count removed ones)."""
        try:
            old_files = _tree(self.site_dir)
            _swap(self.path, self.site_dir)
        except BaseException:
            self.abort()
            raise
        return WriteReport(written=written, unchanged=len(paths) - written, removed=len(old_files - paths))

    def abort(self) -> None:
        shutil.rmtree(self.path, ignore_errors=True)


def write_site(site_dir: Path, files: Mapping[str, bytes | object]) -> WriteReport:
    """Make ``site_dir`` hold exactly ``files`` (relative POSIX path → bytes, or ``KEEP``)."""
    for relpath in files:
        _safe(relpath)  # refuse the whole site before writing anything
    staging = Staging(site_dir)
    try:
        written = sum(staging.put(relpath, data) for relpath, data in sorted(files.items()))
    except BaseException:
        staging.abort()
        raise
    return staging.commit(set(files), written)


def _same(path: str, data: bytes) -> bool:
    """Whether ``path`` is a regular file holding exactly ``data`` (size first, to skip most reads)."""
    try:
        stat = os.lstat(path)
        if not os.path.isfile(path) or os.path.islink(path) or stat.st_size != len(data):
            return False
        with open(path, "rb") as handle:
            return handle.read() == data
    except OSError:
        return False


def _tree(folder: Path) -> set[str]:
    """Relative POSIX paths of the files under ``folder``."""
    found: set[str] = set()
    for base, _dirs, names in os.walk(folder):
        rel = os.path.relpath(base, folder)
        prefix = "" if rel == "." else rel.replace(os.sep, "/") + "/"
        found.update(prefix + name for name in names)
    return found


def _swap(staging: Path, site_dir: Path) -> None:
    old = site_dir.with_name(site_dir.name + ".old")
    if site_dir.exists():
        site_dir.rename(old)
    staging.rename(site_dir)
    if old.exists():
        shutil.rmtree(old)
